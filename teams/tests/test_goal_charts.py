"""The trend chart's geometry, and the SVG the template makes of it."""

import datetime
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from teams import charts

D = datetime.date


def _chart(points, **kwargs):
    fields = {"title": "Lezen", "kind": "percentage", "unit": "%", "baseline": 40, "target": 70}
    fields |= kwargs
    with translation.override("nl-be"):
        return charts.trend_chart(points=points, **fields)


def test_points_lie_by_date_from_left_to_right_and_by_value_from_bottom_to_top():
    chart = _chart(
        [(D(2026, 1, 1), Decimal(40)), (D(2026, 1, 11), Decimal(100)), (D(2026, 1, 31), Decimal(0))]
    )
    left, right = charts.LEFT, charts.WIDTH - charts.RIGHT
    top, bottom = charts.TOP, charts.TOP + charts.PLOT_H
    xs = [dot["x"] for dot in chart["points"]]
    assert xs[0] == left and xs[2] == right
    assert xs[1] == round(left + (right - left) / 3, 1)  # ten of thirty days
    assert chart["points"][1]["y"] == top and chart["points"][2]["y"] == bottom
    assert chart["line"] == " ".join(f"{d['x']},{d['y']}" for d in chart["points"])


def test_the_axis_runs_0_to_100_for_a_percentage_and_1_to_max_for_a_scale():
    chart = _chart([(D(2026, 1, 1), Decimal(50))])
    assert [tick["label"] for tick in chart["ticks"]] == ["100", "50", "0"]
    assert chart["points"][0]["x"] == charts.LEFT + charts.PLOT_W / 2  # one point: centred
    scale = _chart([], kind="scale", scale_max=5, baseline=2, target=4)
    assert [tick["label"] for tick in scale["ticks"]] == ["5", "3", "1"]


def test_baseline_and_target_lines_sit_at_their_values():
    chart = _chart([(D(2026, 1, 1), Decimal(55))])
    bottom = charts.TOP + charts.PLOT_H
    assert chart["baseline"]["y"] == round(bottom - 0.4 * charts.PLOT_H, 1)
    assert chart["target"]["y"] == round(bottom - 0.7 * charts.PLOT_H, 1)


def test_a_numbers_axis_holds_baseline_target_and_every_value_and_stays_above_zero():
    chart = _chart(
        [(D(2026, 1, 1), Decimal(12)), (D(2026, 2, 1), Decimal(3))],
        kind="number",
        baseline=10,
        target=2,
    )
    low, high = charts.value_range(
        kind="number", scale_max=None, values=[Decimal(v) for v in (10, 2, 12, 3)]
    )
    assert low == 1 and high == 13
    assert all(charts.TOP <= d["y"] <= charts.TOP + charts.PLOT_H for d in chart["points"])
    low, _high = charts.value_range(kind="number", scale_max=None, values=[Decimal(0), Decimal(5)])
    assert low == 0


def test_the_svg_is_an_image_with_its_values_in_words_and_numbers_with_a_dot():
    chart = _chart([(D(2026, 1, 1), Decimal("45.5")), (D(2026, 3, 1), Decimal(60))])
    with translation.override("nl-be"):
        svg = render_to_string("teams/_goal_chart.svg.html", {"chart": chart})
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "beginwaarde 40%" in svg and "streefwaarde 70%" in svg and "45,5%" in svg
    assert "<polyline" in svg and svg.count("<circle") == 2
    assert f'x1="{charts.LEFT}"' in svg and ",0" not in chart["line"]
    assert "style=" not in svg


def test_values_are_written_the_dutch_way_with_their_unit():
    with translation.override("nl-be"):
        assert charts.value_text(Decimal("45.50"), "%") == "45,5%"
        assert charts.value_text(Decimal("100.00"), "%") == "100%"
        assert charts.value_text(Decimal("12"), "leerlingen") == "12 leerlingen"


def test_the_baseline_and_target_labels_sit_on_the_far_sides_of_their_lines():
    up = _chart([], baseline=40, target=70)
    assert (
        up["target"]["text_y"] < up["target"]["y"] < up["baseline"]["y"] < up["baseline"]["text_y"]
    )
    down = _chart([], baseline=70, target=40)
    assert down["baseline"]["text_y"] < down["baseline"]["y"] < down["target"]["y"]
    assert down["target"]["y"] < down["target"]["text_y"]
