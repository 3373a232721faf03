"""PLG memberships and what the person put in their PLG's shared spaces.

Minutes, decisions, action items, evidence, library resources and products are shared work:
an erasure keeps them (and the PLG membership they hang on), their author shown as a former
staff member; only the person's own reactions to products go."""

from privacy.registry import Part, files, record

from .models import Meeting, PLGMember, Product, ProductReaction, Resource


def export(user) -> list[Part]:
    members = PLGMember.objects.filter(person__user=user).select_related(
        "plg", "person__user", "person__organisation"
    )
    products = Product.objects.filter(published_by=user).select_related("plg", "published_by")
    resources = Resource.objects.filter(added_by=user).select_related("plg", "added_by")
    minutes = Meeting.objects.filter(minutes_by=user).select_related("plg", "body", "minutes_by")
    reactions = ProductReaction.objects.filter(user=user).select_related("product", "user")
    return [
        Part("plg_memberships", [record(m) for m in members]),
        Part("plg_products", [record(p) for p in products], files(products, "file", "products")),
        Part(
            "plg_resources", [record(r) for r in resources], files(resources, "file", "resources")
        ),
        Part("minutes_written", [record(m) for m in minutes]),
        Part("product_reactions", [record(r) for r in reactions]),
    ]


def erase(user) -> None:
    ProductReaction.objects.filter(user=user).delete()
