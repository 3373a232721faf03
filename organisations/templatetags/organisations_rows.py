"""Filters for the rows of the team list and a team's page. Each stands for what was a
`{% blocktranslate %}`, a built-in filter or a small loop in every row, and gives the same
text: per-row template work was most of these pages' server time. The messages are the
catalogue entries the templates used."""

from html import escape

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()


def _number(count: int) -> str:
    # Only a number from 1,000 on can get a thousands separator; localize() costs more than
    # the rest of a team card's counts.
    return str(count) if -1000 < count < 1000 else localize(count)


@register.filter
def member_count(count: int) -> str:
    """“12 members”."""
    return ngettext("%(counter)s member", "%(counter)s members", count) % {
        "counter": _number(count)
    }


@register.filter
def home_count(count: int) -> str:
    """“9 with this as home team”."""
    return gettext("%(count)s with this as home team") % {"count": _number(count)}


@register.filter
def summary(text: str, words: int) -> str:
    """`truncatewords`, which costs a Truncator even for a text that is short enough."""
    split = text.split()
    return " ".join(split) if len(split) <= words else truncatewords(text, words)


@register.filter
def member_names(members, badge: str) -> str:
    """A team card's preview (selectors.MemberPreview): the names, comma separated, each
    followed by `badge` (e.g. “nest”) where this is the person's home team."""
    badge_html = format_html(' <span class="badge">{}</span>', badge)
    return mark_safe(  # names escaped here, the badge by format_html
        ", ".join(f"{escape(m.name)}{badge_html if m.is_home else ''}" for m in members)
    )


@register.filter
def make_home_label(person: str) -> str:
    """The label of the button that makes this team the person's home team."""
    return gettext("Make this the home team of %(person)s") % {"person": person}


@register.filter
def remove_label(person: str) -> str:
    """The label of the button that takes the person off the team."""
    return gettext("Remove %(person)s") % {"person": person}
