"""Product cards of the product search and their reaction buttons, written in one pass.

Through the template language every card took some eighty nodes (two reversed URLs, two
forms, counted translations); 24 cards a page cost several times the rest of the page. The
markup and its translations are those of the templates they replace (pinned by tests)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, ngettext


@dataclass(frozen=True)
class _Page:
    """What every card of one page shares: the URLs' start, the form token and the fixed
    labels in the active language."""

    products_url: str  # a product's pages are under it: `<pk>/`, `<pk>/<kind>/`
    csrf: SafeString
    said_thanks: SafeString
    reuses: SafeString
    say_thanks: str
    reuse: str

    @classmethod
    def build(cls, slug: str, csrf_token) -> "_Page":
        badge = '<span class="badge">{}</span>'
        return cls(
            products_url=reverse("communities:product_search", kwargs={"slug": slug}),
            csrf=format_html(
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(csrf_token)
            ),
            said_thanks=format_html(badge, gettext("You said thanks")),
            reuses=format_html(badge, gettext("You reuse this")),
            say_thanks=gettext("Say thanks"),
            reuse=gettext("I reuse this"),
        )


_FORM = (
    '\n  <form method="post" action="{url}" hx-post="{url}" hx-target="#reactions-{pk}"'
    ' hx-swap="outerHTML" class="inline-form">\n    {csrf}\n    {button}\n  </form>'
)
_BUTTON = (
    '<button type="submit" class="{}"><span aria-hidden="true">{}</span>'
    '<span class="visually-hidden">{}</span></button>'
)


def reactions_html(product, *, slug: str, csrf_token) -> str:
    """The thanks and reuse buttons of one product with their counts; `product` carries
    `thanks`, `reuses`, `thanked` and `reused` (see `selectors_library.with_reactions`)."""
    return _reactions(product, _Page.build(slug, csrf_token))


def _reactions(product, page: _Page) -> str:
    pk = product.pk
    url = f"{page.products_url}{pk}/"
    thanks = (
        page.said_thanks
        if product.thanked
        else format_html(
            _BUTTON,
            "button button--small",
            page.say_thanks,
            gettext("Say thanks for %(title)s") % {"title": product.title},
        )
    )
    reuse = (
        page.reuses
        if product.reused
        else format_html(
            _BUTTON,
            "button button--small button--secondary",
            page.reuse,
            gettext("I reuse %(title)s") % {"title": product.title},
        )
    )
    counts = "{} · {}".format(
        ngettext("%(counter)s thanks", "%(counter)s thanks", product.thanks)
        % {"counter": product.thanks},
        ngettext("reused %(counter)s time", "reused %(counter)s times", product.reuses)
        % {"counter": product.reuses},
    )
    return format_html(
        '<div class="reactions" id="reactions-{}">{}{}\n  <span class="thanks-count"'
        ' role="status">{}</span>\n</div>\n',
        pk,
        format_html(_FORM, url=f"{url}thanks/", pk=pk, csrf=page.csrf, button=thanks),
        format_html(_FORM, url=f"{url}reuse/", pk=pk, csrf=page.csrf, button=reuse),
        counts,
    )


def product_cards_html(products, *, organisation, csrf_token) -> str:
    """One card per product: its title linked to the product, kind, subject and grade, the
    PLG and phase it comes from (with the PLG's school when it is another one), the summary,
    the tags and the reactions."""
    page = _Page.build(organisation.slug, csrf_token)
    return format_html_join("\n", "{}", ((_card(p, organisation.pk, page),) for p in products))


def _card(product, organisation_pk: int, page: _Page) -> str:
    plg = product.plg
    phase = plg.cycle.phase(product.phase)
    source = gettext("From %(plg)s, phase “%(phase)s”") % {
        "plg": plg.name,
        "phase": phase.name if phase else product.phase,
    }
    if plg.organisation_id != organisation_pk:
        source = f"{source} ({plg.organisation.name})"
    details = "".join(f" · {conditional_escape(v)}" for v in (product.subject, product.grade) if v)
    tags = product.tag_list
    return format_html(
        '<li class="card">\n    <h2><a href="{}{}/">{}</a></h2>\n'
        '    <p class="muted">{}{}</p>\n    <p class="muted">{}</p>\n{}{}    {}</li>',
        page.products_url,
        product.pk,
        product.title,
        capfirst(product.get_kind_display()),
        mark_safe(details),  # noqa: S308 - each value escaped just above
        source,
        format_html("    <p>{}</p>\n", Truncator(product.summary).words(30, truncate=" …"))
        if product.summary
        else "",
        format_html(
            "    <p>{}</p>\n",
            format_html_join(" ", '<span class="badge">{}</span>', ((t,) for t in tags)),
        )
        if tags
        else "",
        _reactions(product, page),
    )
