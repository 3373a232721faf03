"""Reads for own instruments: the builder's lists and pages, and which instruments a school,
community or provider may send or copy."""

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from organisations.access import Access
from organisations.models import Organisation

from .models import Dimension, Instrument, InstrumentVersion, Item, Round


def shared_with_q(organisation: Organisation) -> Q:
    """Instruments others shared with this organisation: within its school community, or in the
    network of a provider whose programme one of its people applied to."""
    if organisation.is_school:
        community_id = organisation.parent_id
    elif organisation.kind == Organisation.Kind.COMMUNITY:
        community_id = organisation.pk
    else:
        community_id = None
    found = Q(pk__in=[])
    if community_id is not None:
        found |= Q(shared_with=Instrument.Sharing.COMMUNITY) & (
            Q(owner_id=community_id) | Q(owner__parent_id=community_id)
        )
    application = apps.get_model("networks", "Application")
    in_network = application.objects.filter(
        edition__programme__provider=OuterRef("owner"),
        applicant__memberships__organisation=organisation,
    )
    found |= Q(shared_with=Instrument.Sharing.NETWORK, owner__kind="provider") & Exists(in_network)
    return found


def _visible_q(organisation: Organisation) -> Q:
    return Q(owner__isnull=True) | Q(owner=organisation) | shared_with_q(organisation)


def _newest(instruments: QuerySet) -> QuerySet[InstrumentVersion]:
    newest = InstrumentVersion.objects.filter(instrument=OuterRef("instrument")).order_by("-number")
    return (
        InstrumentVersion.objects.filter(instrument__in=instruments)
        .filter(pk=Subquery(newest.values("pk")[:1]))
        .select_related("instrument__owner", "instrument__team")
    )


def sendable_versions(*, organisation: Organisation) -> list[InstrumentVersion]:
    """The newest version of each instrument this organisation may send, shipped ones first,
    then its own and those shared with it; only versions with items. A provider sends
    evaluations only."""
    instruments = Instrument.objects.filter(_visible_q(organisation))
    if organisation.is_provider:
        instruments = instruments.filter(kind=Instrument.Kind.EVALUATION)
    versions = _newest(instruments).annotate(item_count=Count("items")).filter(item_count__gt=0)
    return sorted(
        versions,
        key=lambda v: (
            v.instrument.owner_id is not None,
            v.instrument.owner_id != organisation.pk,
            v.title_nl.lower(),
        ),
    )


def copyable_versions(*, organisation: Organisation) -> list[InstrumentVersion]:
    """Shipped and shared instruments (newest version) to start an own one from."""
    instruments = Instrument.objects.filter(
        Q(owner__isnull=True) | shared_with_q(organisation)
    ).exclude(owner=organisation)
    return sorted(
        _newest(instruments).annotate(item_count=Count("items")),
        key=lambda v: (v.instrument.owner_id is not None, v.title_nl.lower()),
    )


def own_instruments(*, access: Access) -> list[InstrumentVersion]:
    """The newest version of each instrument of the access's organisation the user may edit
    (leaders: all; others: their teams'), with its item count and whether a survey uses it."""
    instruments = Instrument.objects.filter(owner=access.organisation)
    if not access.can_manage:
        if access.membership is None:
            return []
        instruments = instruments.filter(team__team_memberships__membership=access.membership)
    versions = _newest(instruments).annotate(
        item_count=Count("items"),
        used=Exists(Round.objects.filter(version=OuterRef("pk"))),
    )
    return sorted(versions, key=lambda v: v.title_nl.lower())


def builder_version(*, instrument: Instrument) -> InstrumentVersion:
    """The newest version of an instrument with what its builder page shows: dimensions with
    their items (and each item's scale), its scales and open questions, and whether a survey
    uses it."""
    return (
        InstrumentVersion.objects.filter(instrument=instrument)
        .order_by("-number")
        .annotate(used=Exists(Round.objects.filter(version=OuterRef("pk"))))
        .prefetch_related(
            Prefetch(
                "dimensions",
                queryset=Dimension.objects.order_by("position").prefetch_related(
                    Prefetch(
                        "items",
                        queryset=Item.objects.select_related("scale").order_by("position"),
                        to_attr="ordered_items",
                    )
                ),
                to_attr="ordered_dimensions",
            ),
            "scales",
            "open_questions",
        )
        .first()
    )


def previous_items(*, instrument: Instrument, number: int) -> list[Item]:
    """The items (with their scales and dimensions) of the version before `number`, to say
    what a pre/post across the two versions compares."""
    return list(
        Item.objects.filter(version__instrument=instrument, version__number=number - 1)
        .select_related("scale", "dimension")
        .order_by("position")
    )


def newer_version(*, version: InstrumentVersion) -> InstrumentVersion | None:
    """The newest version of `version`'s instrument that has items, when it is newer than
    `version`: what a post-measurement may be answered with instead."""
    return (
        InstrumentVersion.objects.filter(
            instrument_id=version.instrument_id, number__gt=version.number, items__isnull=False
        )
        .order_by("-number")
        .first()
    )
