"""Reads of the consultation structure, each in a fixed number of queries."""

from django.db.models import Count, Prefetch

from organisations.models import Membership

from .models import Body


def bodies_of(*, organisation):
    """The school's bodies with their member count and members (with their users)."""
    return list(
        Body.objects.filter(organisation=organisation)
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(
            Prefetch(
                "members",
                queryset=Membership.objects.select_related("user").order_by(
                    "user__last_name", "user__first_name"
                ),
                to_attr="member_list",
            )
        )
    )


def body_members(*, body) -> list[Membership]:
    return list(body.members.select_related("user").order_by("user__last_name", "user__first_name"))


def school_staff(*, organisation) -> list[Membership]:
    """The school's active people, to choose a body's members from."""
    return list(
        Membership.objects.filter(organisation=organisation, is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
