"""The trainer's edition overview: its figures, lists and counts, and the links of its rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.models import Application, Assignment, Attendance, Submission
from networks.selectors import edition_overview
from networks.services import evaluations, registration, running, selection
from organisations.tests.factories import CommunityFactory, SchoolFactory, UserFactory
from surveys.loader import load_all
from surveys.models import Invitation

from .factories import EditionFactory, LearningGroupFactory, SessionFactory


def _apply(edition, n, school=None):
    people = UserFactory.create_batch(n)
    return registration.application_submit(
        edition_id=edition.pk, applicant=people[0], people=people, school=school
    )


@pytest.fixture
def busy_edition(db, edition, trainer):
    """An edition with groups, people of several communities and none, an offered and a
    withdrawn application, attendance, an evaluation with answers, and submissions; next to
    another edition whose rows must not count."""
    load_all()
    edition.capacity = 40
    edition.starts_on = timezone.localdate() - datetime.timedelta(days=30)
    edition.save()
    north = SchoolFactory(parent=CommunityFactory())
    loose = SchoolFactory(parent=None)
    accepted = _apply(edition, 3, north)
    other = _apply(edition, 2, loose)
    unschooled = _apply(edition, 1)
    withdrawn = _apply(edition, 1, north)
    selection.application_withdraw(application_id=withdrawn.pk, user=withdrawn.applicant)
    Application.objects.filter(pk=unschooled.pk).update(status=Application.Status.OFFERED)
    group = LearningGroupFactory(edition=edition, trainer=trainer)
    members = list(accepted.participants.all()) + list(other.participants.all())[:1]
    running.group_set_members(group=group, participant_ids=[p.pk for p in members], actor=None)
    LearningGroupFactory(edition=edition)  # empty

    attended = SessionFactory(edition=edition, date=timezone.localdate())
    statuses = [Attendance.Status.PRESENT, Attendance.Status.PRESENT, Attendance.Status.ABSENT]
    for participant, status in zip(accepted.participants.order_by("pk"), statuses, strict=True):
        Attendance.objects.create(session=attended, participant=participant, status=status)
    attended = evaluations.session_evaluation_start(session=attended, actor=trainer.user)
    invited = Invitation.objects.filter(round__survey=attended.evaluation_id).order_by("pk")
    assert invited.count() == 2
    invited.filter(pk=invited[0].pk).update(status=Invitation.Status.COMPLETED)
    SessionFactory(edition=edition, group=group)  # nothing recorded

    due = timezone.localdate()
    handed_in = Assignment.objects.create(edition=edition, title="In kaart", due_on=due)
    Assignment.objects.create(edition=edition, title="Nog niets", is_group=True, due_on=due)
    for participant in accepted.participants.all()[:2]:
        Submission.objects.create(assignment=handed_in, participant=participant, text="klaar")

    elsewhere = EditionFactory(programme=edition.programme, capacity=10)
    _apply(elsewhere, 2, north)
    SessionFactory(edition=elsewhere)
    Assignment.objects.create(edition=elsewhere, title="Elders", due_on=due)
    return edition


def test_the_overview_counts_only_this_edition(busy_edition):
    overview = edition_overview(busy_edition)
    sessions = overview["sessions"]
    assert sorted((s.present, s.recorded, s.evaluated) for s in sessions) == [(0, 0, 0), (2, 3, 1)]
    assert {a.title: (a.submitted, a.outstanding) for a in overview["assignments"]} == {
        "In kaart": (2, 3),  # five accepted people, two handed in
        "Nog niets": (0, 2),  # a group assignment: two groups
    }
    assert overview["accepted"] == 5
    assert overview["free"] == 40 - 5 - 1  # one offered place is held
    assert overview["ungrouped"] == 1
    assert [a.status for a in overview["applications"]] == [Application.Status.OFFERED]
    assert len(overview["accepted_applications"]) == 2
    assert overview["waiting"] == []
    assert overview["has_applications"]
    # The full group of four from one community has no warning; the empty one does.
    assert sorted(g.member_count for g in overview["groups"]) == [0, 4]
    assert sorted(bool(g.warnings) for g in overview["groups"]) == [False, True]


def test_an_edition_without_anything_has_empty_lists(edition):
    overview = edition_overview(edition)
    for name in ("sessions", "assignments", "applications", "groups", "deadline_changes"):
        assert overview[name] == []
    assert not overview["has_applications"]
    assert overview["free"] == edition.capacity


def test_the_overview_rows_link_each_session_and_application(login, trainer, provider, edition):
    edition.capacity = 1
    edition.save()
    school = SchoolFactory(name="De <Brug>")
    an = UserFactory(first_name="An", last_name="Smet")
    first = registration.application_submit(edition_id=edition.pk, applicant=an, school=school)
    waiting = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(2)
    ]
    assert {a.status for a in waiting} == {Application.Status.WAITLISTED}
    session = SessionFactory(edition=edition, title="Dag <1>")
    page = (
        login(trainer)
        .get(reverse("networks:edition_overview", kwargs={"slug": provider.slug, "pk": edition.pk}))
        .content.decode()
    )
    detail = reverse("networks:application_detail", kwargs={"slug": provider.slug, "pk": first.pk})
    assert f'<a href="{detail}">An Smet</a>' in page
    assert "De &lt;Brug&gt;" in page and "Dag &lt;1&gt;" in page
    for name in ("session_attendance", "session_edit", "session_delete"):
        assert reverse(f"networks:{name}", kwargs={"slug": provider.slug, "pk": session.pk}) in page
    assert '<td data-label="#">1</td>' in page and '<td data-label="#">2</td>' in page
    assert "iedereen" in page  # a session for all participants


def test_the_overview_lists_each_group_and_assignment(login, trainer, provider, edition):
    mine = LearningGroupFactory(edition=edition, trainer=trainer, name="Groep <A>")
    theirs = LearningGroupFactory(edition=edition, trainer=None, name="Groep B")
    due = datetime.date(2026, 3, 9)
    shared = Assignment.objects.create(
        edition=edition, title="Samen <schrijven>", is_group=True, due_on=due
    )
    page = (
        login(trainer)
        .get(reverse("networks:edition_overview", kwargs={"slug": provider.slug, "pk": edition.pk}))
        .content.decode()
    )
    kwargs = {"slug": provider.slug}
    group_url = reverse("networks:group_detail", kwargs={**kwargs, "pk": mine.pk})
    assert f'<a href="{group_url}">Groep &lt;A&gt;</a>' in page
    assert f"— {trainer.user.get_full_name()}, 0 leden" in page
    assert "— nog geen trainer, 0 leden" in page
    # The 360° profile is offered to the group's own trainer only.
    assert reverse("networks:group_profile", kwargs={**kwargs, "pk": mine.pk}) in page
    assert reverse("networks:group_profile", kwargs={**kwargs, "pk": theirs.pk}) not in page
    assert page.count("<li>Let op:") >= 2  # both groups are too small
    detail = reverse("networks:assignment_detail", kwargs={**kwargs, "pk": shared.pk})
    row = page[page.index(f'<tr><td><a href="{detail}">') :]
    row = " ".join(row[: row.index("</tr>")].split())
    assert row == (
        f'<tr><td><a href="{detail}">Samen &lt;schrijven&gt;</a> <span class="muted">(groep)'
        "</span></td> <td>9 maart 2026</td><td>0</td><td>2</td>"
    )
