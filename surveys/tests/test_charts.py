from django.template.loader import render_to_string
from django.utils import translation

from surveys import charts


def bar_chart(rows, **kwargs):
    chart = charts.bar_chart(rows, **kwargs)
    return render_to_string("surveys/_chart_bars.svg.html", {"chart": chart})


def prepost_chart(rows, **kwargs):
    chart = charts.prepost_chart(rows, **kwargs)
    return render_to_string("surveys/_chart_prepost.svg.html", {"chart": chart})


def test_bar_chart_is_an_image_with_title_description_and_values_in_text():
    with translation.override("nl-be"):
        svg = bar_chart(
            [("zelf", 4.5, 1, True), ("leraren", 3.25, 12, False), ("ouders", None, 0, False)],
            minimum=1,
            maximum=5,
            title="Visie & richting",
        )
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Visie &amp; richting" in svg
    assert "4,5 (n=1)" in svg and "3,2 (n=12)" in svg
    # The self bar is hatched, not only another colour; a hidden group is said in words.
    assert 'fill="url(#h' in svg
    assert "ouders" in svg and "niet getoond" in svg
    assert "style=" not in svg
    # Coordinates are numbers with a dot whatever the language.
    assert 'x="250"' in svg and "250,0" not in svg


def test_prepost_chart_uses_two_shapes_and_writes_both_values():
    with translation.override("en"):
        svg = prepost_chart(
            [("Vision", 3.1, 3.6), ("Data", None, 2.8)], minimum=1, maximum=5, title="Pre and post"
        )
    assert "<circle" in svg and "<path" in svg
    assert "3.1 → 3.6" in svg and "– → 2.8" in svg
    assert "pre-measurement" in svg and "post-measurement" in svg
