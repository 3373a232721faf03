from organisations.access import user_memberships
from organisations.models import TeamMembership


def dashboard_for_user(*, user) -> dict:
    """What a person sees on their home page: their organisations and their teams."""
    teams = list(
        TeamMembership.objects.filter(membership__user=user, membership__is_active=True)
        .select_related("team__organisation")
        .order_by("-is_home", "team__organisation__name", "team__name")
    )
    return {
        "memberships": user_memberships(user),
        "home_teams": [tm for tm in teams if tm.is_home],
        "other_teams": [tm for tm in teams if not tm.is_home],
    }
