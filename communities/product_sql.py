"""The SQL behind the product search (selectors_library.product_search): the products
findable from an organisation, filtered, with their PLG and its owner, their thanks and
reuses and the reader's own reactions. Django would compile the search's counted subqueries
anew on every request (and once more for the paginator's count), which costs more than
running them. Plain SQL that SQLite and PostgreSQL both run, tested against the ORM query
it replaces; the case-insensitive filters use the very operators Django writes for
`icontains`.

Table names come from the models, and the queries name the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from django.db import connection

from core.sql import RowPages, columns, icontains, like_contains, read
from organisations.models import Organisation

from .access import _community_of
from .models import PLG, Product, ProductReaction

TABLES = {
    "product": Product._meta.db_table,
    "plg": PLG._meta.db_table,
    "organisation": Organisation._meta.db_table,
    "reaction": ProductReaction._meta.db_table,
}
# The product's columns, the PLG's, the PLG owner's name and slug, then thanks, reuses and
# whether the reader thanked and reused it. The newest first, as the model orders them.
_PAGE = """
    SELECT {product_columns}, {plg_columns}, o.name, o.slug,
        (SELECT COUNT(*) FROM {reaction} r WHERE r.product_id = d.id AND r.kind = %s),
        (SELECT COUNT(*) FROM {reaction} r WHERE r.product_id = d.id AND r.kind = %s),
        EXISTS (SELECT 1 FROM {reaction} r
            WHERE r.product_id = d.id AND r.user_id = %s AND r.kind = %s),
        EXISTS (SELECT 1 FROM {reaction} r
            WHERE r.product_id = d.id AND r.user_id = %s AND r.kind = %s)
    FROM {product} d
    JOIN {plg} p ON p.id = d.plg_id
    JOIN {organisation} o ON o.id = p.organisation_id
    {{where}}
    ORDER BY d.published_at DESC, d.id DESC LIMIT %s OFFSET %s"""


def _page_sql() -> str:
    return _PAGE.format(
        product_columns=columns(Product, "d"), plg_columns=columns(PLG, "p"), **TABLES
    )


def _where(organisation, *, q, subject, grade, tag, kind) -> tuple[str, list]:
    """The WHERE clause of what is findable from the organisation and matches the filters."""
    community_id = _community_of(organisation)
    conditions, params = ["d.organisation_id = %s"], [organisation.pk]
    if community_id:
        conditions = [f"({conditions[0]} OR (d.audience = %s AND d.community_id = %s))"]
        params += [Product.Audience.COMMUNITY, community_id]
    if q:
        either = " OR ".join(icontains(f"d.{column}") for column in ("title", "summary", "tags"))
        conditions.append(f"({either})")
        params += [like_contains(q)] * 3
    for column, value in (("subject", subject), ("grade", grade), ("tags", tag)):
        if value:
            conditions.append(icontains(f"d.{column}"))
            params.append(like_contains(value))
    if kind:
        conditions.append("d.kind = %s")
        params.append(kind)
    return "WHERE " + " AND ".join(conditions), params


def product_pages(*, organisation, user, q="", subject="", grade="", tag="", kind="") -> RowPages:
    """The products a page at a time, each with `thanks`, `reuses`, `thanked`, `reused` and
    its PLG with the PLG's owner (name and slug)."""
    where, params = _where(organisation, q=q, subject=subject, grade=grade, tag=tag, kind=kind)
    thanks, reuse = ProductReaction.Kind.THANKS, ProductReaction.Kind.REUSE

    def build(rows):
        products = []
        for row in rows:
            product, start = read(Product, row)
            plg, start = read(PLG, row, start)
            name, slug, product.thanks, product.reuses, thanked, reused = row[start:]
            product.thanked, product.reused = bool(thanked), bool(reused)
            plg.organisation = (
                organisation
                if plg.organisation_id == organisation.pk
                else Organisation.from_db(
                    connection.alias, ["id", "name", "slug"], [plg.organisation_id, name, slug]
                )
            )
            product.plg = plg
            products.append(product)
        return products

    return RowPages(
        count_sql=f"SELECT COUNT(*) FROM {TABLES['product']} d {where}",
        count_params=params,
        page_sql=_page_sql().format(where=where),
        params=[thanks, reuse, user.pk, thanks, user.pk, reuse, *params],
        build=build,
    )
