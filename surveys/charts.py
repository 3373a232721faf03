"""Accessible SVG charts for reports: every value is also written as text, the self bar is
hatched as well as coloured, and each chart carries a title and description (the tables next
to it are the full text alternative). Presentation attributes only, no inline styles (CSP)."""

import html
from itertools import count

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .templatetags.survey_tags import decimals, width_class

_ids = count(1)
LABEL_W, PLOT_W, ROW_H, TOP = 250, 300, 30, 24
WIDTH = LABEL_W + PLOT_W + 110
INK, BRAND, MUTED, LINE = "#1c2430", "#0b5c6b", "#4a5565", "#c9d0da"


def escape(text) -> str:
    """Django's escape without its check for lazy strings: a chart escapes every label."""
    return html.escape(str(text))


def _fmt(value) -> str:
    return decimals(value, 1)


def _label(text) -> str:
    text = str(text)
    return escape(text if len(text) <= 36 else text[:35] + "…")


def _x(value, minimum, maximum) -> float:
    return LABEL_W + (value - minimum) / (maximum - minimum) * PLOT_W


def _axis(minimum, maximum, height) -> list[str]:
    parts = []
    for tick in range(int(minimum), int(maximum) + 1):
        x = _x(tick, minimum, maximum)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 4}" '
            f'stroke="{LINE}" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{TOP - 10}" font-size="11" text-anchor="middle" '
            f'fill="{MUTED}">{tick}</text>'
        )
    return parts


def _frame(uid, title, desc, height, body) -> str:
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="c{uid}-t c{uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="c{uid}-t">{escape(title)}</title><desc id="c{uid}-d">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def bar_chart(rows, *, minimum, maximum, title) -> str:
    """Horizontal bars, one per row (label, mean or None, n, is_self)."""
    uid = next(_ids)
    height = TOP + ROW_H * len(rows) + 8
    body = [
        f'<defs><pattern id="h{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="3"/></pattern></defs>'
    ]
    body += _axis(minimum, maximum, height)
    described = []
    for index, (label, mean, n, is_self) in enumerate(rows):
        y = TOP + index * ROW_H
        body.append(
            f'<text x="{LABEL_W - 8}" y="{y + 19}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{_label(label)}</text>'
        )
        if mean is None:
            body.append(
                f'<text x="{LABEL_W + 4}" y="{y + 19}" font-size="12" fill="{MUTED}">'
                f"{escape(_('not shown'))}</text>"
            )
            described.append(f"{label}: {_('not shown')}")
            continue
        end = _x(mean, minimum, maximum)
        fill = f"url(#h{uid})" if is_self else BRAND
        body.append(
            f'<rect x="{LABEL_W}" y="{y + 6}" width="{max(end - LABEL_W, 2):.1f}" height="18" '
            f'fill="{fill}" stroke="{INK}" stroke-width="1"/>'
            f'<text x="{end + 6:.1f}" y="{y + 19}" font-size="13" fill="{INK}">'
            f"{_fmt(mean)} (n={n})</text>"
        )
        described.append(f"{label}: {_fmt(mean)} (n={n})")
    return _frame(uid, title, "; ".join(described), height, body)


def prepost_chart(rows, *, minimum, maximum, title) -> str:
    """Per row (label, pre mean, post mean): an open circle for pre, a filled diamond for
    post, joined by a line, with both values in text."""
    uid = next(_ids)
    height = TOP + ROW_H * len(rows) + 34
    body = _axis(minimum, maximum, height - 26)
    described = []
    for index, (label, pre, post) in enumerate(rows):
        y = TOP + index * ROW_H + 15
        body.append(
            f'<text x="{LABEL_W - 8}" y="{y + 4}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{_label(label)}</text>'
        )
        if pre is not None and post is not None:
            body.append(
                f'<line x1="{_x(pre, minimum, maximum):.1f}" y1="{y}" '
                f'x2="{_x(post, minimum, maximum):.1f}" y2="{y}" stroke="{INK}" '
                f'stroke-width="2"/>'
            )
        if pre is not None:
            body.append(
                f'<circle cx="{_x(pre, minimum, maximum):.1f}" cy="{y}" r="6" fill="#ffffff" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
        if post is not None:
            x = _x(post, minimum, maximum)
            body.append(
                f'<path d="M{x:.1f} {y - 8} L{x + 8:.1f} {y} L{x:.1f} {y + 8} L{x - 8:.1f} {y} Z" '
                f'fill="{BRAND}" stroke="{INK}" stroke-width="1"/>'
            )
        text = (
            f"{_fmt(pre) if pre is not None else '–'} → {_fmt(post) if post is not None else '–'}"
        )
        body.append(
            f'<text x="{LABEL_W + PLOT_W + 14}" y="{y + 4}" font-size="13" fill="{INK}">'
            f"{escape(text)}</text>"
        )
        described.append(f"{label}: {text}")
    legend_y = height - 12
    body.append(
        f'<circle cx="{LABEL_W + 6}" cy="{legend_y - 4}" r="6" fill="#ffffff" stroke="{INK}" '
        f'stroke-width="2"/><text x="{LABEL_W + 18}" y="{legend_y}" font-size="12" '
        f'fill="{INK}">{escape(_("pre-measurement"))}</text>'
        f'<path d="M{LABEL_W + 150} {legend_y - 12} L{LABEL_W + 158} {legend_y - 4} '
        f'L{LABEL_W + 150} {legend_y + 4} L{LABEL_W + 142} {legend_y - 4} Z" fill="{BRAND}" '
        f'stroke="{INK}" stroke-width="1"/><text x="{LABEL_W + 164}" y="{legend_y}" '
        f'font-size="12" fill="{INK}">{escape(_("post-measurement"))}</text>'
    )
    return _frame(uid, title, "; ".join(described), height, body)


def distribution(rows) -> str:
    """One statement's answers per scale point as small bars with the count written out
    (rows of value, n, pct). Built here in one pass, like the charts: a report shows this
    for every statement, and template nodes per bar add up. Values and counts are numbers;
    they are escaped all the same."""
    bars = "".join(
        f'<div class="dist-row"><span class="dist-label">{escape(row["value"])}</span>'
        f'<span class="dist-track"><span class="dist-bar {width_class(row["pct"])}"></span>'
        f"</span><span>{escape(row['n'])}</span></div>"
        for row in rows
    )
    return mark_safe(f'<div class="dist">{bars}</div>')
