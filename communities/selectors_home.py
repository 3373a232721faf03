"""What a person sees of their PLG's on their home page."""

from .models import PLG, ActionItem


def open_actions_for_user(user, *, limit: int = 20):
    """Open action items the user owns in active PLG's, earliest deadline first (one query)."""
    return list(
        ActionItem.objects.filter(
            owner__person__user=user,
            owner__person__is_active=True,
            done_at__isnull=True,
            plg__status=PLG.Status.ACTIVE,
        )
        .select_related("plg__organisation", "meeting")
        .order_by("deadline", "pk")[:limit]
    )
