"""Reads for the resource library, the product search and the yearly report."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .access import products_visible_from
from .models import (
    LEADING_ROLES,
    PLG,
    Attendance,
    Meeting,
    PhaseRecord,
    Product,
    ProductReaction,
    Resource,
    Role,
)
from .selectors import _count, _count_attendance, _count_reactions


def resources(*, plg, tag: str = ""):
    qs = Resource.objects.filter(plg=plg).select_related("added_by")
    if tag:
        qs = qs.filter(tags__icontains=tag)
    return qs


def product_search(*, organisation, user, q="", subject="", grade="", tag="", kind=""):
    """Products findable from this organisation, filtered, newest first, a page at a time:
    with thanks and reuse counts and whether the user thanked or reused them already."""
    products = products_visible_from(organisation).select_related("plg__organisation")
    if q:
        products = products.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(tags__icontains=q)
        )
    if subject:
        products = products.filter(subject__icontains=subject)
    if grade:
        products = products.filter(grade__icontains=grade)
    if tag:
        products = products.filter(tags__icontains=tag)
    if kind:
        products = products.filter(kind=kind)
    return with_reactions(products, user=user)


def with_reactions(qs, *, user):
    mine = ProductReaction.objects.filter(product=OuterRef("pk"), user=user)
    return qs.annotate(
        thanks=_count_reactions("thanks"),
        reuses=_count_reactions("reuse"),
        thanked=Exists(mine.filter(kind="thanks")),
        reused=Exists(mine.filter(kind="reuse")),
    )


def product_with_reactions(*, product, user):
    """The product read again with its thanks and reuse counts and the user's own reactions."""
    qs = Product.objects.filter(pk=product.pk).select_related("plg__organisation", "published_by")
    return with_reactions(qs, user=user).get()


def plgs_shared_with(*, provider):
    """PLG's whose report a school shared with this provider, with their owner."""
    return PLG.objects.filter(shared_with=provider).select_related("organisation")


def school_year(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """1 September of `year` up to 1 September of the next year."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 9, 1, tzinfo=tz),
        datetime.datetime(year + 1, 9, 1, tzinfo=tz),
    )


def current_school_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


def yearly_report(*, plg, year: int):
    start, end = school_year(year)
    meetings = list(
        Meeting.objects.filter(plg=plg, starts_at__gte=start, starts_at__lt=end)
        .annotate(present=_count_attendance(True), taken=_count(Attendance, field="meeting"))
        .order_by("starts_at")
    )
    taken = [m for m in meetings if m.taken]
    attendance = (
        round(100 * sum(m.present for m in taken) / sum(m.taken for m in taken)) if taken else None
    )
    records = list(
        PhaseRecord.objects.filter(plg=plg, started_at__lt=end)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gte=start))
        .order_by("started_at")
    )
    products = list(
        plg.products.filter(published_at__gte=start, published_at__lt=end).annotate(
            thanks=_count_reactions("thanks"), reuses=_count_reactions("reuse")
        )
    )
    return {
        "year": year,
        "year_label": f"{year}-{year + 1}",
        "meetings": meetings,
        "attendance": attendance,
        "phases_passed": [r for r in records if r.ended_at],
        "records": records,
        "products": products,
        "member_count": plg.members.count(),
    }


def plgs_i_curate(*, user):
    """Active PLG's in which the user keeps the library (as curator or as one who leads)."""
    return (
        PLG.objects.filter(
            status=PLG.Status.ACTIVE,
            members__person__user=user,
            members__person__is_active=True,
            members__roles__role__in=[Role.CURATOR, *LEADING_ROLES],
        )
        .select_related("organisation")
        .distinct()
        .order_by("name")
    )
