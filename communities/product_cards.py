"""Product cards of the product search and their reaction buttons, written in one pass.

Through the template language every card took some eighty nodes (two reversed URLs, two
forms, counted translations); 24 cards a page cost several times the rest of the page. The
markup and its translations are those of the templates they replace (pinned by tests). Every
value is escaped where it is written; the page's fixed labels are translated once."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, ngettext

from .written_html import csrf_input


@dataclass(frozen=True)
class _Page:
    """What every card of one page shares: the URLs' start, the form token and the labels in
    the active language (messages with placeholders still to fill)."""

    products_url: str  # a product's pages are under it: `<pk>/`, `<pk>/<kind>/`
    csrf: str
    said_thanks: str
    reuses: str
    say_thanks: str
    say_thanks_for: str
    reuse: str
    reuse_title: str
    source: str
    # Written once a page: labels of the kinds, sources and reaction counts seen so far.
    kinds: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)

    def kind(self, product) -> str:
        if product.kind not in self.kinds:
            self.kinds[product.kind] = escape(capfirst(product.get_kind_display()))
        return self.kinds[product.kind]

    def source_of(self, product, organisation_pk: int) -> str:
        """ "From <PLG>, phase “<phase>”", with the PLG's school when it is another one."""
        plg = product.plg
        key = (plg.pk, product.phase)
        if key not in self.sources:
            phase = plg.cycle.phase(product.phase)
            source = self.source % {
                "plg": plg.name,
                "phase": phase.name if phase else product.phase,
            }
            if plg.organisation_id != organisation_pk:
                source = f"{source} ({plg.organisation.name})"
            self.sources[key] = escape(source)
        return self.sources[key]

    def counts_of(self, thanks: int, reuses: int) -> str:
        if (thanks, reuses) not in self.counts:
            self.counts[thanks, reuses] = escape(
                "{} · {}".format(
                    ngettext("%(counter)s thanks", "%(counter)s thanks", thanks)
                    % {"counter": thanks},
                    ngettext("reused %(counter)s time", "reused %(counter)s times", reuses)
                    % {"counter": reuses},
                )
            )
        return self.counts[thanks, reuses]

    @classmethod
    def build(cls, slug: str, csrf_token) -> "_Page":
        badge = '<span class="badge">{}</span>'
        return cls(
            products_url=escape(reverse("communities:product_search", kwargs={"slug": slug})),
            csrf=csrf_input(csrf_token),
            said_thanks=badge.format(escape(gettext("You said thanks"))),
            reuses=badge.format(escape(gettext("You reuse this"))),
            say_thanks=escape(gettext("Say thanks")),
            say_thanks_for=gettext("Say thanks for %(title)s"),
            reuse=escape(gettext("I reuse this")),
            reuse_title=gettext("I reuse %(title)s"),
            source=gettext("From %(plg)s, phase “%(phase)s”"),
        )


def reactions_html(product, *, slug: str, csrf_token) -> str:
    """The thanks and reuse buttons of one product with their counts; `product` carries
    `thanks`, `reuses`, `thanked` and `reused` (see `selectors_library.with_reactions`)."""
    return mark_safe(_reactions(product, _Page.build(slug, csrf_token)))  # noqa: S308 - escaped as written


def _button(classes: str, label: str, hidden: str) -> str:
    return (
        f'<button type="submit" class="{classes}"><span aria-hidden="true">{label}</span>'
        f'<span class="visually-hidden">{escape(hidden)}</span></button>'
    )


def _form(url: str, pk: int, csrf: str, button: str) -> str:
    return (
        f'\n  <form method="post" action="{url}" hx-post="{url}" hx-target="#reactions-{pk}"'
        f' hx-swap="outerHTML" class="inline-form">\n    {csrf}\n    {button}\n  </form>'
    )


def _reactions(product, page: _Page) -> str:
    pk = int(product.pk)
    url = f"{page.products_url}{pk}/"
    title = {"title": product.title}
    thanks = (
        page.said_thanks
        if product.thanked
        else _button("button button--small", page.say_thanks, page.say_thanks_for % title)
    )
    reuse = (
        page.reuses
        if product.reused
        else _button("button button--small button--secondary", page.reuse, page.reuse_title % title)
    )
    return (
        f'<div class="reactions" id="reactions-{pk}">'
        f"{_form(f'{url}thanks/', pk, page.csrf, thanks)}"
        f"{_form(f'{url}reuse/', pk, page.csrf, reuse)}"
        '\n  <span class="thanks-count" role="status">'
        f"{page.counts_of(product.thanks, product.reuses)}</span>\n</div>\n"
    )


def product_cards_html(products, *, organisation, csrf_token) -> str:
    """One card per product: its title linked to the product, kind, subject and grade, the
    PLG and phase it comes from (with the PLG's school when it is another one), the summary,
    the tags and the reactions."""
    page = _Page.build(organisation.slug, csrf_token)
    return mark_safe("\n".join(_card(p, organisation.pk, page) for p in products))  # noqa: S308 - escaped as written


def _card(product, organisation_pk: int, page: _Page) -> str:
    details = "".join(f" · {escape(v)}" for v in (product.subject, product.grade) if v)
    summary = (
        f"    <p>{escape(Truncator(product.summary).words(30, truncate=' …'))}</p>\n"
        if product.summary
        else ""
    )
    tags = product.tag_list
    badges = (
        "    <p>{}</p>\n".format(" ".join(f'<span class="badge">{escape(t)}</span>' for t in tags))
        if tags
        else ""
    )
    return (
        f'<li class="card">\n    <h2><a href="{page.products_url}{int(product.pk)}/">'
        f"{escape(product.title)}</a></h2>\n"
        f'    <p class="muted">{page.kind(product)}{details}</p>\n'
        f'    <p class="muted">{page.source_of(product, organisation_pk)}</p>\n{summary}{badges}'
        f"    {_reactions(product, page)}</li>"
    )
