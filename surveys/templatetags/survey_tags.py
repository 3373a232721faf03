import math

from django import template
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..answering import UNKNOWN

register = template.Library()


def decimals(value, places: int, separator: str | None = None) -> str:
    """A number rounded (not cut off) to `places` decimals with the active language's
    decimal separator (or the one given, when a caller writes many numbers at once). Report
    numbers stay far below a thousand, so no grouping; this is also a plain string format
    instead of Django's general number formatting, which a report calls a thousand times."""
    text = f"{value:.{places}f}"
    return text.replace(".", separator or get_format("DECIMAL_SEPARATOR"))


def _one(value, separator: str | None = None) -> str:
    if value is None or value == "":
        return "–"
    return decimals(value + 0.0, 1, separator)


def _signed(value, separator: str | None = None) -> str:
    if value is None or value == "":
        return "–"
    text = decimals(abs(value), 2 if abs(value) < 0.095 else 1, separator)
    if round(value, 2) == 0:
        return text
    return ("+" if value > 0 else "−") + text


@register.filter
def one(value):
    """A mean or score with one decimal in the active language, or a dash."""
    return _one(value)


@register.filter
def signed(value):
    """A difference with its sign written out (+0,4 / −0,4), never only coloured."""
    return _signed(value)


@register.filter
def interval(change):
    if not change or change.low is None:
        return "–"
    return f"{signed(change.low)} … {signed(change.high)}"


@register.filter
def effect(change):
    if not change or change.effect is None:
        return "–"
    if math.isinf(change.effect):
        return "∞" if change.effect > 0 else "−∞"
    return decimals(change.effect, 2)


@register.filter
def width_class(pct):
    """A CSS width class (in steps of 5%) for a distribution bar: no inline styles (CSP)."""
    step = int(round((pct or 0) / 5.0)) * 5
    return f"w{max(0, min(step, 100))}"


@register.simple_tag
def scale_options(name: str, points, current: str):
    """The radio buttons of one answer scale, each with its own label. Built in one pass:
    a form of 42 statements holds some 250 of them, which as template nodes cost more than
    the rest of the page."""
    options = []
    for value, label in points:
        number = "" if value == UNKNOWN else f'<span class="scale-value">{value}</span> '
        options.append(
            f'<span class="scale-option"><input type="radio" name="{name}" id="{name}-{value}"'
            f' value="{value}"{" checked" if value == current else ""}>'
            f'<label for="{name}-{value}">{number}{conditional_escape(label)}</label></span>'
        )
    # Names and values come from the instrument's ids and numbers; labels are escaped.
    return mark_safe("".join(options))


@register.simple_tag
def score_cells(cells):
    """The cells of a dimension's line in the overview, one per (cell, summary or None):
    mean, n and spread, or "not shown"."""
    not_shown = format_html('<td class="num"><span class="muted">{}</span></td>', _("not shown"))
    separator = get_format("DECIMAL_SEPARATOR")
    html = []
    for _cell, summary in cells:
        if summary is None:
            html.append(not_shown)
            continue
        spread = f", sd {_one(summary.sd, separator)}" if summary.sd is not None else ""
        html.append(
            f'<td class="num">{_one(summary.mean, separator)} '
            f'<span class="muted">(n={summary.n}{spread})</span></td>'
        )
    # Only numbers and a translated text, which format_html escaped.
    return mark_safe("".join(html))


@register.simple_tag
def statement_rows(rows, has_self: bool):
    """The rows of a dimension's statement table (the item rows of reports.dimension_rows):
    the statement, n, mean, spread and distribution of all raters except self, the score per
    group and, with a self-assessment, self and the gap. Built in one pass: a report shows
    some forty statements with a line per rater group, which as template nodes cost more than
    the rest of the report."""
    reverse = format_html(' <span class="muted">({})</span>', _("reverse-scored"))
    too_few = format_html('<td colspan="4" class="muted">{}</td>', _("not shown: too few answers"))
    not_shown = format_html('<span class="muted">{}</span>', _("not shown"))
    separator = get_format("DECIMAL_SEPARATOR")
    html = []
    for row in rows:
        item, total = row["item"], row["total"]
        html.append(
            f'<tr><th scope="row">{conditional_escape(item.text)}{reverse if item.reverse else ""}'
            "</th>"
        )
        if total:
            html.append(
                f'<td class="num">{total.n}</td><td class="num">{_one(total.mean, separator)}</td>'
                f'<td class="num">{_one(total.sd, separator)}</td>'
                f"<td>{row['distribution_bars']}</td>"
            )
        else:
            html.append(too_few)
        groups = "".join(
            f"<li>{conditional_escape(label)}: "
            + (
                f'{_one(s.mean, separator)} <span class="muted">(n={s.n})</span>'
                if s
                else not_shown
            )
            + "</li>"
            for label, s in row["groups"]
        )
        html.append(f'<td><ul class="per-group">{groups}</ul></td>')
        if has_self:
            own = row["self"]
            html.append(
                f'<td class="num">{_one(own.mean if own else None, separator)}</td>'
                f'<td class="num">{_signed(row["gap"], separator)}</td>'
            )
        html.append("</tr>")
    # Statements and group labels are escaped; numbers are formatted here.
    return mark_safe("".join(html))
