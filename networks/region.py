"""The region's providers' programmes (see core/region.py): editions with a learning group of
six school leaders of one community each, their applications and participants."""

import datetime

from django.utils import timezone

from .models import Application, Edition, LearningGroup, Participant, Programme

EDITIONS = 600
PROGRAMME_TITLES = [
    "Gedeeld leiderschap in de praktijk",
    "Je school leiden in complexe omstandigheden",
    "Samen leren leiden",
    "Onderwijskundig leiderschap met impact",
    "Lerende netwerken voor scholen",
]


def build(region) -> None:
    programmes = region.table(Programme, ["id", "provider_id", "code", "title", "trainer_id"])
    editions = region.table(
        Edition,
        [
            "id",
            "programme_id",
            "name",
            "starts_on",
            "ends_on",
            "capacity",
            "registration_deadline",
        ],
    )
    groups = region.table(LearningGroup, ["id", "edition_id", "name", "trainer_id"])
    applications = region.table(
        Application, ["id", "edition_id", "applicant_id", "school_id", "status"]
    )
    participants = region.table(
        Participant, ["edition_id", "application_id", "user_id", "school_id", "group_id"]
    )
    n_editions = region.wanted(EDITIONS, Edition.objects.count())
    by_community = {}
    for school in region.schools:
        by_community.setdefault(school.community, []).append(school)
    communities = list(by_community.values())
    today = region.today
    year = today.year if today.month >= 9 else today.year - 1
    rows = {t: [] for t in ("programmes", "editions", "groups", "applications", "people")}
    providers = region.providers
    per_provider = max(1, n_editions // len(providers))
    made = 0
    for p_index, provider in enumerate(providers):
        trainers = region.trainers[provider]
        count = per_provider if p_index < len(providers) - 1 else n_editions - made
        for e in range(max(count, 0)):
            if e % 2 == 0:
                programme = programmes.next_id()
                title = PROGRAMME_TITLES[(e // 2) % len(PROGRAMME_TITLES)]
                code = f"P{provider}-{e // 2 + 1:02d}"
                rows["programmes"].append((programme, provider, code, title, trainers[0]))
            edition = editions.next_id()
            first = year - (e % 2)
            deadline = timezone.make_aware(datetime.datetime(first, 6, 15, 23, 59))
            rows["editions"].append(
                (
                    edition,
                    programme,
                    f"{first}–{first + 2}",
                    datetime.date(first, 9, 1),
                    datetime.date(first + 2, 6, 30),
                    24,
                    deadline,
                )
            )
            group = groups.next_id()
            trainer = trainers[e % len(trainers)]
            rows["groups"].append((group, edition, "Leergroep 1", trainer))
            schools = communities[(made + e) % len(communities)][:6]
            for school in schools:
                _mid, uid, *_ = school.members[0]
                application = applications.next_id()
                rows["applications"].append((application, edition, uid, school.id, "accepted"))
                rows["people"].append((edition, application, uid, school.id, group))
        made += max(count, 0)
    with region.phase("networks", [programmes, editions, groups, applications, participants]):
        programmes.write(rows["programmes"])
        editions.write(rows["editions"])
        groups.write(rows["groups"])
        applications.write(rows["applications"])
        participants.write(rows["people"])
