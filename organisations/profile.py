"""The profile page's list of the user's organisations (accounts.views.profile)."""

from .access import user_memberships


def sections(request) -> list[dict]:
    return [
        {
            "template": "organisations/_profile_memberships.html",
            "memberships": user_memberships(request.user),
        }
    ]
