"""The curator's resource library and the products a PLG publishes."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from core.errors import LeerkringError
from core.validation import validate
from organisations.models import Organisation

from ..models import PLG, Product, ProductReaction, Resource
from ._common import audit

__all__ = [
    "resource_add",
    "resource_delete",
    "product_publish",
    "product_react",
    "product_reuse_in",
]


def _tags(text: str) -> str:
    seen = []
    for tag in (t.strip().lower() for t in (text or "").split(",")):
        if tag and tag not in seen:
            seen.append(tag)
    return ", ".join(seen)


@transaction.atomic
def resource_add(*, plg: PLG, actor, kind, title, url="", file=None, note="", tags="") -> Resource:
    resource = Resource(
        plg=plg,
        kind=kind,
        title=(title or "").strip(),
        url=url or "",
        note=(note or "").strip(),
        tags=_tags(tags),
        added_by=actor,
    )
    if file:
        resource.file = file
    validate(resource, exclude=["added_by"])
    resource.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=resource, plg=plg)
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource, actor) -> None:
    plg = resource.plg
    if resource.file:
        resource.file.delete(save=False)
    audit(actor=actor, action=AuditEvent.Action.DELETE, obj=resource, plg=plg)
    resource.delete()


@transaction.atomic
def product_publish(
    *,
    plg: PLG,
    actor,
    kind,
    title,
    summary="",
    subject="",
    grade="",
    tags="",
    url="",
    file=None,
    audience=Product.Audience.SCHOOL,
) -> Product:
    if plg.status != PLG.Status.ACTIVE:
        raise LeerkringError(_("Only an active PLG publishes products."))
    if not (title or "").strip():
        raise LeerkringError(
            _("Give the product a title, so that colleagues find it."), field="title"
        )
    owner = plg.organisation
    community_id = owner.pk if owner.kind == Organisation.Kind.COMMUNITY else owner.parent_id
    if audience == Product.Audience.COMMUNITY and community_id is None:
        raise LeerkringError(_("This school is not part of a school community."), field="audience")
    product = Product(
        plg=plg,
        kind=kind,
        title=title.strip(),
        summary=(summary or "").strip(),
        phase=plg.current_phase,
        subject=(subject or "").strip(),
        grade=(grade or "").strip(),
        tags=_tags(tags),
        url=url or "",
        audience=audience,
        organisation=owner,
        community_id=community_id,
        published_by=actor,
    )
    if file:
        product.file = file
    validate(product, exclude=["published_by", "community"])
    product.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=product, plg=plg)
    return product


@transaction.atomic
def product_react(*, product: Product, user, kind: str) -> bool:
    """Record a colleague's thanks or reuse; returns False when they had already done so."""
    if kind not in ProductReaction.Kind.values:
        raise LeerkringError(_("Unknown reaction."))
    _reaction, created = ProductReaction.objects.get_or_create(
        product=product, user=user, kind=kind
    )
    return created


@transaction.atomic
def product_reuse_in(*, product: Product, plg: PLG, actor) -> Resource:
    """Put a colleague's product in the library of one's own PLG, and let its makers know
    that their work is reused."""
    if plg.status != PLG.Status.ACTIVE:
        raise LeerkringError(_("Only an active PLG keeps a library."))
    resource = Resource(
        plg=plg,
        kind=Resource.Kind.LINK,
        title=product.title,
        note=product.summary,
        tags=product.tags,
        product=product,
        added_by=actor,
    )
    validate(resource, exclude=["added_by"])
    resource.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=resource, plg=plg)
    product_react(product=product, user=actor, kind=ProductReaction.Kind.REUSE)
    return resource
