import re
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from surveys.charts import distribution
from surveys.stats import Summary
from surveys.templatetags.survey_tags import one, score_cells, signed, statement_rows


def test_a_mean_is_rounded_not_cut_off_with_the_dutch_decimal_comma():
    with translation.override("nl-be"):
        assert one(3.96) == "4,0"
        assert one(2.44) == "2,4"
        assert one(4) == "4,0"
        assert one(None) == "–"
        assert signed(0.46) == "+0,5"
        assert signed(-0.04) == "−0,04"
        assert signed(0.001) == "0,00"
    with translation.override("en"):
        assert one(3.96) == "4.0"


# The statement rows as the report template wrote them node by node, before they were built
# in one pass: the tag must give the same table.
NODE_BY_NODE = (
    '{% load i18n survey_tags %}{% translate "not shown" as not_shown %}'
    '\n{% for r in rows %}<tr>\n  <th scope="row">{{ r.item.text }}{% if r.item.reverse %}'
    ' <span class="muted">({% translate "reverse-scored" %})</span>{% endif %}</th>'
    '\n  {% if r.total %}\n  <td class="num">{{ r.total.n }}</td><td class="num">'
    '{{ r.total.mean|one }}</td><td class="num">{{ r.total.sd|one }}</td>\n  <td>'
    '{{ r.distribution_bars }}</td>\n  {% else %}<td colspan="4" class="muted">'
    '{% translate "not shown: too few answers" %}</td>{% endif %}\n  <td>'
    '<ul class="per-group">{% for label, s in r.groups %}<li>{{ label }}: {% if s %}'
    '{{ s.mean|one }} <span class="muted">(n={{ s.n }})</span>{% else %}'
    '<span class="muted">{{ not_shown }}</span>{% endif %}</li>{% endfor %}</ul></td>'
    '\n  {% if has_self %}<td class="num">{{ r.self.mean|one }}</td><td class="num">'
    "{{ r.gap|signed }}</td>{% endif %}\n</tr>{% endfor %}"
)


def _statement_rows():
    return [
        {
            "item": SimpleNamespace(text="We <b>share</b> goals & 'plans'", reverse=False),
            "total": Summary(8, 25 / 8, 1.1260),
            "self": Summary(1, 5.0, None),
            "gap": 5 - 25 / 8,
            "distribution_bars": distribution(
                [{"value": 1, "n": 1, "pct": 12.5}, {"value": 4, "n": 7, "pct": 87.5}]
            ),
            "groups": [("teachers", Summary(5, 4.0, 0.0)), ("R&D <staff>", None)],
        },
        {
            "item": SimpleNamespace(text="Time is lost on tasks", reverse=True),
            "total": None,
            "self": None,
            "gap": None,
            "distribution_bars": "",
            "groups": [("teachers", None)],
        },
        {
            "item": SimpleNamespace(text="One answer", reverse=False),
            "total": Summary(3, 2.0, None),
            "self": Summary(1, 2.0, None),
            "gap": 0.0,
            "distribution_bars": distribution([{"value": 2, "n": 3, "pct": 100.0}]),
            "groups": [],
        },
    ]


@pytest.mark.parametrize("language", ["nl-be", "en"])
@pytest.mark.parametrize("has_self", [True, False])
def test_statement_rows_equal_the_rows_written_node_by_node(language, has_self):
    rows = _statement_rows()
    with translation.override(language):
        expected = Template(NODE_BY_NODE).render(Context({"rows": rows, "has_self": has_self}))
        built = statement_rows(rows, has_self)
    assert re.sub(r">\s+<", "><", expected).strip() == built
    assert "We &lt;b&gt;share&lt;/b&gt; goals &amp; &#x27;plans&#x27;" in built
    assert "R&amp;D &lt;staff&gt;" in built


SCORE_CELLS_NODE_BY_NODE = (
    '{% load i18n survey_tags %}{% translate "not shown" as not_shown %}'
    '{% for cell, s in cells %}<td class="num">{% if s %}{{ s.mean|one }} <span class="muted">'
    "(n={{ s.n }}{% if s.sd is not None %}, sd {{ s.sd|one }}{% endif %})</span>{% else %}"
    '<span class="muted">{{ not_shown }}</span>{% endif %}</td>{% endfor %}'
)


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_score_cells_equal_the_cells_written_node_by_node(language):
    cells = [
        ("self", Summary(1, 4.0, None)),
        ("teachers", Summary(19, 3.5789, 0.349)),
        ("support", None),
        ("total", Summary(28, 3.96, 0.0)),
    ]
    with translation.override(language):
        expected = Template(SCORE_CELLS_NODE_BY_NODE).render(Context({"cells": cells}))
        assert score_cells(cells) == expected
