"""The geometry of the report's SVG charts, as plain numbers for the chart templates
(surveys/_chart_bars.svg.html and surveys/_chart_prepost.svg.html). Every value is also
written as text, the self bar is hatched as well as coloured, and each chart carries a
title and a description (the tables next to it are the full text alternative)."""

from itertools import count

from django.utils.translation import gettext as _

from .templatetags.survey_tags import one

_ids = count(1)
LABEL_W, PLOT_W, ROW_H, TOP = 250, 300, 30, 24
WIDTH = LABEL_W + PLOT_W + 110


def _label(text) -> str:
    text = str(text)
    return text if len(text) <= 36 else text[:35] + "…"


def _x(value, minimum, maximum) -> float:
    return round(LABEL_W + (value - minimum) / (maximum - minimum) * PLOT_W, 1)


def _ticks(minimum, maximum) -> list[dict]:
    return [
        {"value": tick, "x": _x(tick, minimum, maximum)}
        for tick in range(int(minimum), int(maximum) + 1)
    ]


def bar_chart(rows, *, minimum, maximum, title) -> dict:
    """Horizontal bars, one per row (label, mean or None, n, is_self)."""
    height = TOP + ROW_H * len(rows) + 8
    bars, described = [], []
    for index, (label, mean, n, is_self) in enumerate(rows):
        y = TOP + index * ROW_H
        bar = {"label": _label(label), "text_y": y + 19, "mean": mean, "n": n}
        if mean is None:
            described.append(f"{label}: {_('not shown')}")
        else:
            end = _x(mean, minimum, maximum)
            bar.update(
                {"y": y + 6, "width": round(max(end - LABEL_W, 2), 1), "value_x": round(end + 6, 1)}
            )
            bar["self"] = is_self
            described.append(f"{label}: {one(mean)} (n={n})")
        bars.append(bar)
    return {**_frame(title, described, height, height - 4, minimum, maximum), "bars": bars}


def prepost_chart(rows, *, minimum, maximum, title) -> dict:
    """Per row (label, pre mean, post mean): an open circle for pre, a filled diamond for
    post, joined by a line, with both values in text."""
    height = TOP + ROW_H * len(rows) + 34
    lines, described = [], []
    for index, (label, pre, post) in enumerate(rows):
        y = TOP + index * ROW_H + 15
        text = f"{one(pre)} → {one(post)}"
        lines.append(
            {
                "label": _label(label),
                "y": y,
                "text_y": y + 4,
                "pre_x": None if pre is None else _x(pre, minimum, maximum),
                "post_x": None if post is None else _x(post, minimum, maximum),
                "text": text,
            }
        )
        described.append(f"{label}: {text}")
    for line in lines:
        if line["post_x"] is not None:
            line["diamond"] = _diamond(line["post_x"], line["y"])
    legend_y = height - 12
    return {
        **_frame(title, described, height, height - 30, minimum, maximum),
        "lines": lines,
        "text_x": LABEL_W + PLOT_W + 14,
        "legend": {
            "y": legend_y,
            "circle_x": LABEL_W + 6,
            "circle_y": legend_y - 4,
            "pre_x": LABEL_W + 18,
            "diamond": _diamond(LABEL_W + 150, legend_y - 4),
            "post_x": LABEL_W + 164,
        },
    }


def _diamond(x, y) -> dict:
    """The corners of a diamond around (x, y)."""
    return {"x": x, "y": y, "left": x - 8, "right": x + 8, "top": y - 8, "bottom": y + 8}


def _frame(title, described, height, axis_bottom, minimum, maximum) -> dict:
    """What every chart has: its id, accessible title and description, size and axis."""
    return {
        "uid": next(_ids),
        "title": title,
        "description": "; ".join(described),
        "width": WIDTH,
        "height": height,
        "axis_bottom": axis_bottom,
        "ticks": _ticks(minimum, maximum),
    }
