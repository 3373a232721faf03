"""Who may see and manage which survey. Every view fetches surveys through these helpers;
another school's survey is a 404."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.tokens import get_by_token
from organisations.access import Access
from organisations.models import Team

from .models import Instrument, Invitation, OpenLink, Survey


def _is_involved(access: Access, survey: Survey) -> bool:
    membership = access.membership
    if membership is None:
        return False
    if survey.subject_id == membership.pk:
        return True
    return survey.shared_with.filter(pk=membership.pk).exists()


def get_survey_for_access(access: Access, pk: int) -> tuple[Survey, bool]:
    """The survey with this pk in the access's school and whether the user may manage it
    (invite, remind, start a round). Managers see every survey; the subject of a 360° and
    those it is shared with see theirs; anyone else gets a 404."""
    survey = get_object_or_404(
        Survey.objects.select_related("version__instrument", "subject__user"),
        organisation=access.organisation,
        pk=pk,
    )
    survey.organisation = access.organisation  # the same row, already loaded
    if access.can_manage:
        return survey, True
    if _is_involved(access, survey):
        return survey, False
    raise Http404


def can_view_report(access: Access, survey: Survey) -> bool:
    """A 360° report belongs to its subject and those they share it with; a school-wide
    report to the school's leaders."""
    if survey.is_360:
        return _is_involved(access, survey)
    return access.can_manage


def subject_can_sign_in(survey: Survey) -> bool:
    """Whether the subject of a 360° can sign in to read their report: a colleague added
    by an import has no password until they are given one."""
    return survey.subject.user.has_usable_password()


def can_share(access: Access, survey: Survey) -> bool:
    return (
        survey.is_360
        and access.membership is not None
        and (survey.subject_id == access.membership.pk)
    )


def get_invitation_by_token(token: str) -> Invitation:
    """The invitation for a token link with everything its answer page shows: its round
    (with the instrument version it is answered with) and rater group, then its survey with
    the survey's version, school, subject and the subject's user; 404 for an unknown token.

    Two queries of four and five tables rather than one join of nine: PostgreSQL plans a
    nine-table join in about 1.4 ms and these two in 0.4 ms together, on the page every
    respondent opens and submits (bench/load/README.md)."""
    return get_by_token(
        Invitation.objects.select_related("round__version", "rater_group").prefetch_related(
            Prefetch(
                "round__survey",
                queryset=Survey.objects.select_related("version", "organisation", "subject__user"),
            )
        ),
        token,
    )


def can_share_with_provider(access: Access, survey: Survey) -> bool:
    """The subject shares their own 360°; the school's leaders share a school-wide survey."""
    return can_share(access, survey) if survey.is_360 else access.can_manage


def reads_shared_reports(access: Access) -> bool:
    """A provider's trainers and managers read the reports schools share with it."""
    return access.organisation.is_provider and (access.is_trainer or access.can_manage)


def get_shared_survey_for_access(access: Access, pk: int) -> Survey:
    """A survey a school shared with the access's provider, or the provider's own (a session
    evaluation), for its trainers and managers; a 404 for anything else."""
    organisation = access.organisation
    if not reads_shared_reports(access):
        raise Http404
    survey = (
        Survey.objects.filter(pk=pk)
        .filter(Q(shared_with_providers=organisation) | Q(organisation=organisation))
        .distinct()
        .select_related("version__instrument", "subject__user", "organisation")
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def can_propose_points(access: Access, survey: Survey) -> bool:
    """Sending a report's development points to the plan: those who may read the report
    and act on it — the subject of a 360° or a school leader."""
    if not can_view_report(access, survey):
        return False
    is_subject = access.membership is not None and survey.subject_id == access.membership.pk
    return access.can_manage or is_subject


def builder_teams(access: Access):
    """The teams the user may compose a team instrument for: every team of the school for
    its leaders and administrators, their own teams for everyone else."""
    teams = Team.objects.filter(organisation=access.organisation).order_by("name")
    if access.can_manage:
        return teams
    if access.membership is None:
        return teams.none()
    return teams.filter(team_memberships__membership=access.membership)


def can_use_builder(access: Access) -> bool:
    """Leaders and administrators of any organisation compose instruments; a staff member of a
    school does so for their teams."""
    return access.can_manage or (access.organisation.is_school and builder_teams(access).exists())


def get_instrument_for_access(access: Access, pk: int) -> Instrument:
    """An own instrument of the access's organisation (with its team) that the user may edit:
    leaders and administrators every one, a team's members their team's. A 404 for anything
    else, another organisation's instrument and the shipped ones included."""
    instrument = (
        Instrument.objects.filter(owner=access.organisation, pk=pk).select_related("team").first()
    )
    if instrument is None:
        raise Http404
    if access.can_manage:
        return instrument
    in_team = (
        instrument.team_id is not None
        and access.membership is not None
        and instrument.team.team_memberships.filter(membership=access.membership).exists()
    )
    if not in_team:
        raise Http404
    return instrument


def get_open_link_by_token(token: str):
    """The open link for a token with what its answer page shows (round, survey, instrument
    version, school, subject, stakeholder group); 404 for an unknown token. A closed link is
    returned too, so that its page can say it was closed."""
    return get_by_token(
        OpenLink.objects.select_related(
            "round__version",
            "round__survey__version",
            "round__survey__organisation",
            "round__survey__subject__user",
            "rater_group",
        ),
        token,
    )
