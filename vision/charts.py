"""The geometry of the published vision's bar chart (vision/_points_chart.svg.html): one
horizontal bar per theme, its points also written as text. The table next to the chart is
its full text alternative."""

from django.utils.translation import gettext as _

LABEL_W, PLOT_W, ROW_H, TOP = 230, 320, 30, 8
WIDTH = LABEL_W + PLOT_W + 90


def _label(text) -> str:
    text = str(text)
    return text if len(text) <= 32 else text[:31] + "…"


def points_chart(themes, *, title: str) -> dict:
    """`themes` have `name` and `points`."""
    most = max((theme.points for theme in themes), default=0) or 1
    bars, described = [], []
    for index, theme in enumerate(themes):
        y = TOP + index * ROW_H
        width = round(theme.points / most * PLOT_W, 1)
        bars.append(
            {
                "label": _label(theme.name),
                "y": y + 6,
                "text_y": y + 19,
                "width": max(width, 1),
                "value_x": round(LABEL_W + max(width, 1) + 6, 1),
                "points": theme.points,
            }
        )
        described.append(
            _("%(theme)s: %(points)d points") % {"theme": theme.name, "points": theme.points}
        )
    return {
        "title": title,
        "description": "; ".join(described),
        "width": WIDTH,
        "height": TOP + ROW_H * len(bars) + 8,
        "label_x": LABEL_W - 8,
        "plot_x": LABEL_W,
        "bars": bars,
    }
