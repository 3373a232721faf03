"""Who may see and rate what. A person rates themselves; leaders, coaches and administrators
add their view and the agreed level, and see every team. Staff see their own teams' matrices
and their own ratings. Frameworks and coverage rules are the leaders' and administrators'."""

from django.db.models import Q
from django.http import Http404

from organisations.access import Access
from organisations.models import Membership, Organisation, Team

from .models import Competence, Framework

GUIDING_ROLES = (Membership.Role.ADMIN, Membership.Role.LEADER, Membership.Role.COACH)


def can_guide(access: Access) -> bool:
    """Leaders, coaches and administrators: they rate others and see every team."""
    return access.role in GUIDING_ROLES


def can_edit_frameworks(access: Access) -> bool:
    return access.can_manage


def is_community(organisation: Organisation) -> bool:
    return organisation.kind == Organisation.Kind.COMMUNITY


def can_edit_framework(access: Access, framework: Framework) -> bool:
    """A framework is changed only on the pages of its owner: a school's leaders do not change
    their community's framework."""
    return can_edit_frameworks(access) and framework.organisation_id == access.organisation.pk


def frameworks_for(school) -> Q:
    """The frameworks a school may use: its own and its school community's. A school
    community's are only its own."""
    condition = Q(organisation=school)
    if school.parent_id:
        condition |= Q(organisation_id=school.parent_id)
    return condition


def get_framework_for_access(access: Access, pk: int) -> Framework:
    """The framework with this pk of the school or of its community (on a community's pages:
    of the community itself), else a 404."""
    school = access.organisation
    if not (school.is_school or is_community(school)):
        raise Http404
    framework = (
        Framework.objects.filter(frameworks_for(school), pk=pk)
        .select_related("organisation")
        .first()
    )
    if framework is None:
        raise Http404
    return framework


def get_competence_for_access(framework: Framework, pk: int) -> Competence:
    competence = framework.competences.filter(pk=pk).first()
    if competence is None:
        raise Http404
    return competence


def get_team_for_access(access: Access, pk: int) -> tuple[Team, bool]:
    """The school's team with this pk (404 otherwise) and whether the user may see its matrix:
    guides see every team, staff only the teams they are in."""
    team = Team.objects.filter(organisation=access.organisation, pk=pk).first()
    if team is None:
        raise Http404
    if can_guide(access):
        return team, True
    if access.membership is None:
        return team, False
    return team, team.team_memberships.filter(membership=access.membership).exists()


def get_person_for_access(access: Access, pk: int) -> tuple[Membership, bool]:
    """The school's person with this pk (404 otherwise) and whether the user may see their
    ratings: the person themselves and the school's guides."""
    person = (
        Membership.objects.filter(organisation=access.organisation, pk=pk)
        .select_related("user")
        .first()
    )
    if person is None:
        raise Http404
    own = access.membership is not None and access.membership.pk == person.pk
    return person, own or can_guide(access)
