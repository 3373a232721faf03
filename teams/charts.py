"""The geometry of a team goal's trend chart, as plain numbers for teams/_goal_chart.svg.html:
where each measurement lies, the value axis, and the baseline and target lines. Every value is
also written as text (the chart's description and the table next to it)."""

import datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import count

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

_ids = count(1)
WIDTH, HEIGHT = 360, 170
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 14, 30  # room for the value labels and the dates
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


def value_text(value, unit: str = "") -> str:
    """45.50 -> "45,5" (in Dutch), with the unit: "45,5%" or "12 leerlingen"."""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    text = number_format(value, use_l10n=True)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def value_range(*, kind: str, scale_max, values) -> tuple[Decimal, Decimal]:
    """The value axis: a percentage runs 0–100, a scale 1..its highest point, a number from a
    little below the lowest to a little above the highest value shown (in whole numbers)."""
    if kind == "percentage":
        return Decimal(0), Decimal(100)
    if kind == "scale" and scale_max:
        return Decimal(1), Decimal(scale_max)
    low, high = min(values), max(values)
    pad = (high - low) / 10 if high != low else max(abs(high) / 10, Decimal(1))
    bottom = (low - pad).to_integral_value(rounding=ROUND_FLOOR)
    if low >= 0 > bottom:  # a count does not go below zero
        bottom = Decimal(0)
    return bottom, (high + pad).to_integral_value(rounding=ROUND_CEILING)


def _round(number) -> float:
    return round(float(number), 1)


def trend_chart(
    *,
    title: str,
    kind: str,
    scale_max=None,
    unit: str = "",
    baseline,
    target,
    points: list[tuple[datetime.date, Decimal]],
) -> dict:
    """A line through the measurements (`points`, by date), on an axis that holds them and the
    baseline and target, with a dashed baseline and a solid target line, each labelled."""
    values = [Decimal(baseline), Decimal(target), *(value for _day, value in points)]
    low, high = value_range(kind=kind, scale_max=scale_max, values=values)

    def y(value):
        return _round(TOP + (high - Decimal(value)) / (high - low) * PLOT_H)

    first = points[0][0] if points else None
    span = (points[-1][0] - first).days if points else 0

    def x(day):
        if not span:
            return _round(LEFT + PLOT_W / 2)
        return _round(LEFT + Decimal((day - first).days) / Decimal(span) * PLOT_W)

    dots = [
        {
            "x": x(day),
            "y": y(value),
            "date": date_format(day, "j M Y"),
            "value": value_text(value, unit),
        }
        for day, value in points
    ]
    middle = (low + high) / 2
    away = 12 if y(target) < y(baseline) else -4  # below the baseline when the target is above
    described = [f"{dot['date']}: {dot['value']}" for dot in dots]
    dates = []
    if points:
        dates.append({"x": dots[0]["x"], "text": dots[0]["date"], "anchor": "start"})
        if span:
            dates.append({"x": dots[-1]["x"], "text": dots[-1]["date"], "anchor": "end"})
        else:
            dates[0]["anchor"] = "middle"
    return {
        "uid": next(_ids),
        "title": title,
        "description": "; ".join(
            [
                _("baseline %(value)s") % {"value": value_text(baseline, unit)},
                _("target %(value)s") % {"value": value_text(target, unit)},
                *described,
            ]
            if described
            else [_("no measurements yet")]
        ),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": TOP + PLOT_H,
        "ticks": [
            {"y": y(value), "text_y": _round(y(value) + 4), "label": value_text(value)}
            for value in (high, middle, low)
        ],
        "tick_x": LEFT - 6,
        "label_x": WIDTH - RIGHT,
        # Each label on the side of its line away from the other line: they never overlap.
        "baseline": {
            "y": y(baseline),
            "text_y": _round(y(baseline) + away),
            "label": _("baseline"),
        },
        "target": {"y": y(target), "text_y": _round(y(target) + 8 - away), "label": _("target")},
        "points": dots,
        "line": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "dates": dates,
        "date_y": TOP + PLOT_H + 18,
    }
