"""Tailoring: the trainer's combined 360° profile of a learning group, with consent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from networks.services import registration
from networks.tailoring import group_profile
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, SchoolFactory, UserFactory
from surveys import services as survey_services
from surveys.loader import load_all
from surveys.models import InstrumentVersion, RoundSummary
from surveys.reports import report_context
from surveys.summaries import round_summaries_write, summary_of
from surveys.tests.helpers import add_responses, close, scored

from .factories import LearningGroupFactory

# What each leader's raters (teachers) give every quality item: the leader's published
# dimension results are these scores, except "data", which all of them score low.
LEADER_SCORES = [2, 3, 5, 4]
WEAK_DIMENSION = "data"


@pytest.fixture
def version_360(db):
    load_all()
    return InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360")


@pytest.fixture
def group(edition, trainer):
    edition.capacity = 20
    edition.save()
    return LearningGroupFactory(edition=edition, trainer=trainer, name="Leergroep Kempen")


def _leader_with_360(edition, group, version, score, *, closed=True):
    """An accepted participant in the group, leader of their own school, whose 360° has
    three teachers' answers (and their own) in one round."""
    school = SchoolFactory()
    user = UserFactory()
    membership = MembershipFactory(user=user, organisation=school, role=Membership.Role.LEADER)
    application = registration.application_submit(
        edition_id=edition.pk, applicant=user, school=school
    )
    participant = application.participants.get()
    participant.group = group
    participant.save()
    today = timezone.localdate()
    survey = survey_services.survey_create(
        organisation=school,
        version=version,
        title="360° september",
        subject=membership,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=user,
        rater_groups=["self", "teachers"],
    )
    round_ = survey.rounds.get()

    def value(index, item):
        return scored(1 if item.dimension.code == WEAK_DIMENSION else score)(index, item)

    add_responses(survey, round_, "teachers", 3, value=value)
    add_responses(survey, round_, "self", 1, value=5)
    if closed:
        close(round_)
    return participant


def _consent(login_as, participant, give=True):
    client = login_as(participant.user)
    return client.post(
        reverse("networks:profile_consent", kwargs={"pk": participant.pk}),
        {"consent": "give" if give else "withdraw"},
    )


@pytest.fixture
def leaders(edition, group, version_360):
    return [_leader_with_360(edition, group, version_360, s) for s in LEADER_SCORES]


def _profile_page(client, provider, group):
    return client.get(
        reverse("networks:group_profile", kwargs={"slug": provider.slug, "pk": group.pk})
    )


def test_two_consents_show_no_profile(login, provider, trainer, group, leaders):
    for participant in leaders[:2]:
        _consent(login, participant)
    response = _profile_page(login(trainer), provider, group)
    assert response.status_code == 200
    body = response.content.decode()
    assert "2 leiders gaven al toestemming" in body
    assert "Profiel per dimensie" not in body
    assert not group_profile(group).available


def test_three_consents_show_the_mean_of_their_published_results(
    login, provider, trainer, group, leaders
):
    for participant in leaders[:3]:
        assert _consent(login, participant).status_code == 302
    profile = group_profile(group)
    assert profile.available and profile.qualifying == 3
    rows = {row.code: row for row in profile.rows}
    # Hand-computed: the three consenting leaders' raters scored 2, 3 and 5.
    assert rows["visie"].mean == pytest.approx((2 + 3 + 5) / 3)
    assert rows["visie"].leaders == 3
    assert rows[WEAK_DIMENSION].mean == pytest.approx(1)
    body = _profile_page(login(trainer), provider, group).content.decode()
    assert "3,33" in body
    # No leader's own result appears: not their dimension scores, not their names.
    for own in ("2,00", "3,00", "5,00"):
        assert own not in body
    for participant in leaders:
        assert participant.user.last_name not in body


def test_a_dimension_weak_for_several_leaders_is_a_common_point(group, leaders):
    for participant in leaders[:3]:
        participant.profile_consent_at = timezone.now()
        participant.save()
    points = group_profile(group).points
    assert points[0].code == WEAK_DIMENSION
    assert points[0].weak == 3 and points[0].leaders == 3


def test_withdrawing_consent_drops_back_below_three(login, provider, trainer, group, leaders):
    for participant in leaders[:3]:
        _consent(login, participant)
    assert group_profile(group).available
    _consent(login, leaders[0], give=False)
    leaders[0].refresh_from_db()
    assert leaders[0].profile_consent_at is None
    body = _profile_page(login(trainer), provider, group).content.decode()
    assert "Profiel per dimensie" not in body
    assert "2 leiders gaven al toestemming" in body


def test_a_leader_without_a_closed_round_does_not_count(
    login, provider, trainer, edition, group, version_360, leaders
):
    late = _leader_with_360(edition, group, version_360, 4, closed=False)
    for participant in [*leaders[:2], late]:
        _consent(login, participant)
    profile = group_profile(group)
    assert (profile.consented, profile.qualifying, profile.available) == (3, 2, False)


def test_a_leader_outside_the_group_does_not_count(edition, group, version_360, leaders):
    outside = _leader_with_360(edition, None, version_360, 1)
    for participant in [*leaders[:2], outside]:
        participant.profile_consent_at = timezone.now()
        participant.save()
    assert group_profile(group).consented == 2


def test_another_groups_trainer_gets_404(login, provider, edition, group, leaders):
    other_trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    LearningGroupFactory(edition=edition, trainer=other_trainer)
    for participant in leaders[:3]:
        _consent(login, participant)
    assert _profile_page(login(other_trainer), provider, group).status_code == 404


def test_each_view_is_audit_logged(login, provider, trainer, group, leaders):
    client = login(trainer)
    _profile_page(client, provider, group)
    _profile_page(client, provider, group)
    events = AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_id=str(group.pk), actor=trainer.user
    )
    assert events.count() == 2


def test_consent_is_only_for_ones_own_participation(login, leaders):
    client = login(leaders[1].user)
    response = client.post(
        reverse("networks:profile_consent", kwargs={"pk": leaders[0].pk}), {"consent": "give"}
    )
    assert response.status_code == 404
    leaders[0].refresh_from_db()
    assert leaders[0].profile_consent_at is None


def test_the_participant_page_offers_consent_and_withdrawal(login, leaders):
    participant = leaders[0]
    client = login(participant.user)
    url = reverse("networks:participation", kwargs={"pk": participant.pk})
    assert "Tel mijn 360°" in client.get(url).content.decode()
    _consent(login, participant)
    assert "Trek mijn toestemming in" in client.get(url).content.decode()


def test_only_the_groups_own_trainer_finds_the_link_to_the_profile(
    login, provider, trainer, edition, group
):
    url = reverse("networks:group_profile", kwargs={"slug": provider.slug, "pk": group.pk})
    detail = reverse("networks:group_detail", kwargs={"slug": provider.slug, "pk": group.pk})
    overview = reverse(
        "networks:edition_overview", kwargs={"slug": provider.slug, "pk": edition.pk}
    )
    client = login(trainer)
    assert url in client.get(detail).content.decode()
    assert url in client.get(overview).content.decode()
    colleague = login(MembershipFactory(organisation=provider, role=Membership.Role.TRAINER))
    assert url not in colleague.get(detail).content.decode()
    assert url not in colleague.get(overview).content.decode()


def test_a_fourth_leader_after_the_trainer_saw_three_is_withheld(
    login, provider, trainer, group, leaders
):
    """Three leaders' profile, then the same plus one: the difference would be the fourth
    leader's own results, so the second version is not shown."""
    for participant in leaders[:3]:
        _consent(login, participant)
    # `login` logs the one test client in as someone else, so the trainer logs in each time.
    body = _profile_page(login(trainer), provider, group).content.decode()
    assert "Profiel per dimensie" in body
    _consent(login, leaders[3])
    body = _profile_page(login(trainer), provider, group).content.decode()
    assert "Profiel per dimensie" not in body and "3,50" not in body
    assert "minstens drie leiders veranderden" in body
    # Back to the three the trainer already saw: that version may be shown again.
    _consent(login, leaders[3], give=False)
    assert "3,33" in _profile_page(login(trainer), provider, group).content.decode()


def test_three_more_leaders_make_a_new_version_that_may_be_shown(
    login, provider, trainer, edition, group, version_360, leaders
):
    for participant in leaders[:3]:
        _consent(login, participant)
    assert _profile_page(login(trainer), provider, group).status_code == 200
    newcomers = [_leader_with_360(edition, group, version_360, 4) for _ in range(2)]
    for participant in [leaders[3], *newcomers]:
        _consent(login, participant)
    body = _profile_page(login(trainer), provider, group).content.decode()
    assert "Profiel per dimensie" in body
    profile = group_profile(group)
    assert profile.available and profile.qualifying == 6
    rows = {row.code: row for row in profile.rows}
    assert rows["visie"].mean == pytest.approx((2 + 3 + 5 + 4 + 4 + 4) / 6)


def _consent_all(participants):
    for participant in participants:
        participant.profile_consent_at = timezone.now()
        participant.save()


def _as_data(profile):
    return (
        [(r.code, r.title, r.mean, r.leaders) for r in profile.rows],
        [(p.code, p.weak, p.priority, p.leaders) for p in profile.points],
        profile.keys,
    )


def test_the_profile_from_round_summaries_equals_the_live_one(group, leaders):
    _consent_all(leaders)
    live = _as_data(group_profile(group))  # no summaries yet: computed from the answers
    assert not RoundSummary.objects.exists()
    assert round_summaries_write() == len(leaders)
    assert RoundSummary.objects.count() == len(leaders)
    assert _as_data(group_profile(group)) == live
    assert live[0] and live[1]  # a profile with rows and common points, not two empty ones


def test_with_summaries_the_profile_reads_as_many_queries_for_more_leaders(
    edition, group, version_360, leaders
):
    _consent_all(leaders[:3])
    round_summaries_write()
    with CaptureQueriesContext(connection) as three:
        group_profile(group)
    newcomers = [_leader_with_360(edition, group, version_360, 4) for _ in range(3)]
    _consent_all([leaders[3], *newcomers])
    round_summaries_write()
    with CaptureQueriesContext(connection) as seven:
        assert group_profile(group).qualifying == 7
    assert len(seven) == len(three)


def test_closing_a_round_writes_its_summary_and_a_threshold_rewrites_it(
    edition, group, version_360
):
    participant = _leader_with_360(edition, group, version_360, 4, closed=False)
    survey = participant.user.memberships.get().surveys_about.get()
    round_ = survey.rounds.get()
    assert not RoundSummary.objects.exists()
    survey_services.round_close(survey=survey, actor=participant.user)
    summary = RoundSummary.objects.get(round=round_)
    assert (summary.totals, summary.points) == summary_of(report_context(survey))
    assert any(mean is not None for *_names, mean in summary.totals)
    # Three teachers answered: a threshold of four hides their total in the report.
    teachers = survey.rater_groups.get(kind="teachers")
    survey_services.threshold_set(rater_group=teachers, threshold=4, actor=participant.user)
    summary.refresh_from_db()
    assert all(mean is None for *_names, mean in summary.totals)
    assert (summary.totals, summary.points) == summary_of(report_context(survey))
