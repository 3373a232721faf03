"""A value stream assignment handed in as a link to the school's map: the participant picks one
of their school's maps, and the edition's trainer reads that map (and nothing else of the
school) from the submission."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.errors import LeerkringError
from networks.models import Assignment, Submission
from networks.services import learning, registration
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, SchoolFactory
from valuestreams import services as valuestreams

from .factories import LearningGroupFactory


@pytest.fixture
def school_leader(db):
    return MembershipFactory(organisation=SchoolFactory(name="De Linde"), role="leader")


@pytest.fixture
def participant(edition, school_leader):
    edition.capacity = 40
    edition.save()
    user = school_leader.user
    application = registration.application_submit(
        edition_id=edition.pk, applicant=user, people=[user], school=school_leader.organisation
    )
    return application.participants.get()


def _map(school, actor, process="Inschrijving nieuwe leerling"):
    value_stream = valuestreams.map_create(
        organisation=school, process=process, kind="core", actor=actor
    )
    valuestreams.step_add(
        value_stream=value_stream,
        name="Intakegesprek",
        actor="directie",
        process_minutes=60,
        waiting_minutes=7 * 1440,
    )
    return value_stream


@pytest.fixture
def intake_map(school_leader):
    return _map(school_leader.organisation, school_leader.user)


@pytest.fixture
def assignment(edition):
    return Assignment.objects.create(
        edition=edition, title="Waardestroomkaart", due_on=timezone.localdate()
    )


def _submit_url(participant, assignment):
    kwargs = {"pk": participant.pk, "assignment_pk": assignment.pk}
    return reverse("networks:assignment", kwargs=kwargs)


def _urls(provider, submission):
    kwargs = {"slug": provider.slug, "pk": submission.pk}
    return (
        reverse("networks:submission_detail", kwargs=kwargs),
        reverse("networks:submission_map", kwargs=kwargs),
    )


def test_a_participant_hands_in_a_map_of_their_school(
    login, participant, assignment, intake_map, school_leader
):
    other_school_map = _map(SchoolFactory(), None, process="Elders")
    client = login(school_leader)
    page = client.get(_submit_url(participant, assignment)).content.decode()
    assert "Waardestroomkaart van je school" in page
    assert "Inschrijving nieuwe leerling" in page and "Elders" not in page
    response = client.post(_submit_url(participant, assignment), {"value_stream": intake_map.pk})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.value_stream == intake_map and submission.text == ""
    page = client.get(_submit_url(participant, assignment)).content.decode()
    assert "Gekoppelde waardestroomkaart: Inschrijving nieuwe leerling" in page
    # A map of another school cannot be picked, and nothing changes.
    refused = client.post(
        _submit_url(participant, assignment), {"value_stream": other_school_map.pk, "text": "x"}
    )
    assert refused.status_code == 200
    submission.refresh_from_db()
    assert submission.value_stream == intake_map and submission.text == ""


def test_the_service_refuses_another_schools_map(participant, assignment):
    elsewhere = _map(SchoolFactory(), None)
    with pytest.raises(LeerkringError, match="eigen school") as refused:
        learning.submission_save(
            assignment=assignment, participant=participant, text="", value_stream=elsewhere
        )
    assert refused.value.field == "value_stream"
    assert not Submission.objects.exists()


def test_without_a_school_membership_there_is_no_map_to_pick(
    login, participant, assignment, intake_map, school_leader
):
    Membership.objects.filter(pk=school_leader.pk).update(is_active=False)
    page = login(school_leader).get(_submit_url(participant, assignment)).content.decode()
    assert "Waardestroomkaart van je school" not in page


def test_the_trainer_reads_the_map_from_the_submission(
    login, participant, assignment, intake_map, trainer, provider
):
    submission = learning.submission_save(
        assignment=assignment, participant=participant, text="", value_stream=intake_map
    )
    detail, map_url = _urls(provider, submission)
    client = login(trainer)
    page = client.get(detail).content.decode()
    assert f'href="{map_url}"' in page
    response = client.get(map_url)
    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert "Waardestroomkaart: Inschrijving nieuwe leerling (huidige situatie)" in page
    assert "Intakegesprek" in page and "<svg" in page
    assert "Je ziet alleen deze kaart en kunt ze niet wijzigen." in page
    # Read-only: no editing control of the map page.
    assert "Stap toevoegen" not in page and "/value-streams/" not in page
    # The trainer has no other access to the school.
    school_maps = reverse("valuestreams:map_list", kwargs={"slug": intake_map.organisation.slug})
    assert client.get(school_maps).status_code == 404


def test_a_group_trainer_of_the_edition_reads_it_too(
    login, participant, assignment, intake_map, provider, edition
):
    group_trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    LearningGroupFactory(edition=edition, trainer=group_trainer)
    submission = learning.submission_save(
        assignment=assignment, participant=participant, text="", value_stream=intake_map
    )
    assert login(group_trainer).get(_urls(provider, submission)[1]).status_code == 200


def test_other_staff_and_submissions_without_a_map_get_404(
    login, participant, assignment, intake_map, trainer, provider
):
    submission = learning.submission_save(
        assignment=assignment, participant=participant, text="Tekst"
    )
    detail, map_url = _urls(provider, submission)
    assert login(trainer).get(map_url).status_code == 404
    assert "waardestroom/" not in login(trainer).get(detail).content.decode()
    Submission.objects.filter(pk=submission.pk).update(value_stream=intake_map)
    other_trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    admin = MembershipFactory(organisation=provider, role=Membership.Role.ADMIN)
    assert login(other_trainer).get(map_url).status_code == 404
    assert login(admin).get(map_url).status_code == 404
    assert login(trainer).get(map_url).status_code == 200
    # A map that is no longer of the participant's school is not shown either.
    valuestreams_map = intake_map
    valuestreams_map.organisation = SchoolFactory()
    valuestreams_map.save()
    assert login(trainer).get(map_url).status_code == 404


def test_the_map_page_and_the_hand_in_page_stay_within_their_queries(
    login,
    participant,
    assignment,
    intake_map,
    trainer,
    provider,
    school_leader,
    django_assert_max_num_queries,
):
    for index in range(4):
        valuestreams.step_add(
            value_stream=intake_map, name=f"Stap {index}", process_minutes=5, waiting_minutes=60
        )
    submission = learning.submission_save(
        assignment=assignment, participant=participant, text="", value_stream=intake_map
    )
    client = login(trainer)
    map_url = _urls(provider, submission)[1]
    client.get(map_url)
    with django_assert_max_num_queries(12):
        assert client.get(map_url).status_code == 200
    client = login(school_leader)
    client.get(_submit_url(participant, assignment))
    with django_assert_max_num_queries(12):
        assert client.get(_submit_url(participant, assignment)).status_code == 200


def test_a_group_member_of_another_school_links_her_own_map(
    login, participant, intake_map, trainer, provider, edition
):
    group = LearningGroupFactory(edition=edition)
    colleague_school = MembershipFactory(organisation=SchoolFactory(), role="leader")
    colleague = registration.application_submit(
        edition_id=edition.pk,
        applicant=colleague_school.user,
        people=[colleague_school.user],
        school=colleague_school.organisation,
    ).participants.get()
    for member in (participant, colleague):
        member.group = group
        member.save(update_fields=["group"])
    task = Assignment.objects.create(
        edition=edition, title="Samen in kaart", is_group=True, due_on=timezone.localdate()
    )
    learning.submission_save(assignment=task, participant=participant, text="Eerste versie")
    their_map = _map(colleague_school.organisation, colleague_school.user, process="Aankoop")
    submission = learning.submission_save(
        assignment=task, participant=colleague, text="", value_stream=their_map
    )
    assert submission.participant == participant  # the group's one submission
    assert login(trainer).get(_urls(provider, submission)[1]).status_code == 200
    # Once that member leaves the group, the map is no longer shown.
    colleague.group = None
    colleague.save(update_fields=["group"])
    assert login(trainer).get(_urls(provider, submission)[1]).status_code == 404
