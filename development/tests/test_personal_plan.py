"""A course participant's own action plan: only they see and change it, every save is a
version, and the first day can be compared with the second."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.errors import LeerkringError
from development import history, personal
from development.models import Goal
from networks.models import Application, Participant
from networks.tests.factories import EditionFactory, LearningGroupFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, UserFactory


def _day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def participant(school, leader):
    edition = EditionFactory()
    application = Application.objects.create(
        edition=edition,
        applicant=leader.user,
        school=school,
        size=1,
        status=Application.Status.ACCEPTED,
    )
    trainer = MembershipFactory(
        organisation=edition.programme.provider, role=Membership.Role.TRAINER
    )
    group = LearningGroupFactory(edition=edition, trainer=trainer)
    return Participant.objects.create(
        edition=edition, application=application, user=leader.user, school=school, group=group
    )


@pytest.fixture
def goal(participant):
    return personal.personal_goal_create(
        participant=participant,
        title="Een PLG starten",
        description="In juni komt een PLG van vier leerkrachten maandelijks samen.",
        deadline=_day(200),
        actor=participant.user,
    )


def _url(name, participant, **kwargs):
    return reverse(f"development:{name}", kwargs={"pk": participant.pk, **kwargs})


def test_a_personal_goal_belongs_to_the_person_and_the_courses_provider(participant, goal):
    assert goal.person == participant.user
    assert goal.participant == participant
    assert goal.organisation == participant.edition.programme.provider
    assert goal.history.count() == 1


def test_only_the_participant_adds_to_their_plan(participant, goal, staff_member):
    with pytest.raises(LeerkringError):
        personal.personal_goal_create(
            participant=participant,
            title="Iets",
            description="Iets meetbaars.",
            deadline=_day(10),
            actor=staff_member.user,
        )
    with pytest.raises(LeerkringError):
        personal.personal_action_add(
            goal=goal, title="Iets", deadline=_day(10), actor=staff_member.user
        )


def test_an_action_cannot_end_before_its_goal_starts(goal):
    with pytest.raises(LeerkringError, match="start van het doel"):
        personal.personal_action_add(
            goal=goal, title="Vooraf lezen", deadline=_day(-1), actor=goal.person
        )


def test_a_passed_deadline_may_stay_but_not_be_set(goal):
    Goal.objects.filter(pk=goal.pk).update(deadline=_day(-3), starts_on=_day(-30))
    goal.refresh_from_db()
    personal.personal_goal_update(
        goal=goal,
        title="Een PLG starten en volhouden",
        description=goal.description,
        deadline=goal.deadline,
        status=Goal.Status.IN_PROGRESS,
        actor=goal.person,
    )
    assert goal.history.count() == 2
    with pytest.raises(LeerkringError, match="verleden"):
        personal.personal_goal_update(
            goal=goal,
            title=goal.title,
            description=goal.description,
            deadline=_day(-1),
            status=goal.status,
            actor=goal.person,
        )


def test_day_two_compares_with_day_one(participant, goal):
    personal.personal_action_add(
        goal=goal, title="Collega's bevragen", deadline=_day(20), actor=goal.person
    )
    scope = history.PlanScope(participant_id=participant.pk)
    day_one = history.plan_as_of(scope, timezone.now())
    personal.personal_goal_update(
        goal=goal,
        title=goal.title,
        description="In mei komt een PLG van zes leerkrachten maandelijks samen.",
        deadline=goal.deadline,
        status=Goal.Status.IN_PROGRESS,
        actor=goal.person,
    )
    second = personal.personal_goal_create(
        participant=participant,
        title="Feedback vragen",
        description="Twee collega's geven me in maart feedback.",
        deadline=_day(100),
        actor=participant.user,
    )
    personal.personal_action_add(
        goal=second, title="Vragenlijst maken", deadline=_day(30), actor=goal.person
    )
    day_two = history.plan_as_of(scope, timezone.now())
    diffs = {(d.kind, d.title, d.state): d for d in history.plan_compare(day_one, day_two)}
    assert set(diffs) == {
        ("goal", "Een PLG starten", "changed"),
        ("goal", "Feedback vragen", "added"),
        ("action", "Vragenlijst maken", "added"),
    }
    changed = diffs[("goal", "Een PLG starten", "changed")].changes
    assert [(c.label, c.old, c.new) for c in changed] == [
        (
            "wat we zien als het bereikt is",
            "In juni komt een PLG van vier leerkrachten maandelijks samen.",
            "In mei komt een PLG van zes leerkrachten maandelijks samen.",
        ),
        ("status", "gepland", "bezig"),
    ]


def test_the_participant_builds_the_plan_through_the_pages(participant, login):
    client = login(participant.user)
    response = client.post(
        _url("personal_goal_new", participant),
        {"title": "Een PLG starten", "description": "Vier leerkrachten.", "deadline": _day(90)},
    )
    goal = Goal.objects.get(participant=participant)
    assert response.status_code == 302
    response = client.post(
        _url("personal_action_new", participant, goal_pk=goal.pk),
        {"title": "Collega's bevragen", "deadline": _day(20)},
    )
    assert response.status_code == 302
    page = client.get(_url("personal_plan", participant)).content.decode()
    assert "Een PLG starten" in page and "Collega&#x27;s bevragen" in page
    versions = client.get(_url("personal_history", participant)).content.decode()
    assert "Doel toegevoegd" in versions and "Actie toegevoegd" in versions


def test_bad_input_changes_nothing(participant, goal, login):
    client = login(participant.user)
    response = client.post(
        _url("personal_goal_new", participant),
        {"title": "Iets", "description": "Iets meetbaars.", "deadline": _day(-2)},
    )
    assert "De deadline kan niet in het verleden liggen." in response.content.decode()
    response = client.post(
        _url("personal_action_new", participant, goal_pk=goal.pk),
        {"title": "", "deadline": "morgen"},
    )
    assert response.status_code == 200
    assert Goal.objects.filter(participant=participant).count() == 1
    assert not goal.actions.exists()
    response = client.get(_url("personal_compare", participant), {"van": "x1", "tot": "g1"})
    assert response.status_code == 302
    assert "Kies twee versies" in client.get(response.url).content.decode()


def test_nobody_else_sees_the_plan_not_even_the_trainer(participant, goal, staff_member, login):
    trainer = participant.group.trainer
    key = f"g{goal.history.first().history_id}"
    urls = [
        _url("personal_plan", participant),
        _url("personal_history", participant),
        _url("personal_version", participant, key=key),
        _url("personal_goal_edit", participant, goal_pk=goal.pk),
        _url("personal_compare", participant) + f"?van={key}&tot={key}",
    ]
    for person in (trainer.user, staff_member.user, UserFactory()):
        client = login(person)
        for url in urls:
            assert client.get(url).status_code == 404, (person, url)


def test_a_version_of_another_plan_is_not_found(participant, goal, school, leader, login):
    from development.services import goal_create

    school_goal = goal_create(
        organisation=school,
        title="Schooldoel",
        description="Meetbaar.",
        deadline=_day(50),
        actor=leader.user,
    )
    client = login(leader)
    other = f"g{school_goal.history.first().history_id}"
    assert client.get(_url("personal_version", participant, key=other)).status_code == 404
    mine = f"g{goal.history.first().history_id}"
    school_url = reverse("development:plan_version", kwargs={"slug": school.slug, "key": mine})
    assert client.get(school_url).status_code == 404


def test_the_school_plan_does_not_show_personal_goals(participant, goal, school, leader, login):
    page = login(leader).get(reverse("development:plan", kwargs={"slug": school.slug}))
    assert goal.title not in page.content.decode()


def test_my_action_plans_lists_my_courses(participant, goal, login):
    page = login(participant.user).get(reverse("development:personal_plans")).content.decode()
    assert participant.edition.programme.title in page
    assert _url("personal_plan", participant) in page


def test_the_course_page_and_my_growth_lead_to_the_plan(participant, school, login):
    client = login(participant.user)
    course = client.get(reverse("networks:participation", kwargs={"pk": participant.pk}))
    assert _url("personal_plan", participant) in course.content.decode()
    overview = client.get(reverse("organisations:overview", kwargs={"slug": school.slug}))
    assert reverse("development:personal_plans") in overview.content.decode()


def test_erasure_takes_the_plan_and_all_its_versions_and_the_export_holds_them(
    participant, goal, school, leader
):
    from development import personal_data
    from development.models import Action
    from development.services import goal_create

    personal.personal_action_add(
        goal=goal, title="Collega's bevragen", deadline=_day(20), actor=goal.person
    )
    school_goal = goal_create(
        organisation=school,
        title="Schooldoel",
        description="Meetbaar.",
        deadline=_day(50),
        actor=leader.user,
    )
    parts = {part.kind: part.records for part in personal_data.export(participant.user)}
    assert [g["title"] for g in parts["personal_plan_goals"]] == ["Een PLG starten"]
    assert [a["title"] for a in parts["personal_plan_actions"]] == ["Collega's bevragen"]
    assert len(parts["personal_plan_versions"]) == 2
    personal_data.erase(participant.user)
    assert not Goal.objects.filter(person=participant.user).exists()
    assert not Goal.history.filter(person_id=participant.user.pk).exists()
    assert not Action.history.filter(goal_id=goal.pk).exists()
    assert school_goal.history.count() == 1
