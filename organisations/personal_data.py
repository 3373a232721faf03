"""Memberships and teams. On erasure the memberships stay, inactive and without function, so
that what the person owns in shared spaces (action plan items, minutes) keeps its author,
shown as a former staff member; their team places are removed."""

from privacy.registry import Part, record

from .models import Membership, TeamMembership


def export(user) -> list[Part]:
    memberships = Membership.objects.filter(user=user).select_related("organisation", "user")
    teams = TeamMembership.objects.filter(membership__user=user).select_related(
        "team", "membership__organisation", "membership__user"
    )
    return [
        Part("memberships", [record(m, exclude=("user",)) for m in memberships]),
        Part("teams", [record(t) for t in teams]),
    ]


def erase(user) -> None:
    TeamMembership.objects.filter(membership__user=user).delete()
    Membership.objects.filter(user=user).update(is_active=False, function="")
