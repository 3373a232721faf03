"""Templates stay readable and their links come from the URLconf.

A line over 200 characters hides what a template does; a URL glued together from a prefix and an
id in a template breaks silently when a route changes, where `{% url %}` fails loudly."""

import re
from pathlib import Path

import pytest
from django.conf import settings

MAX_LINE = 200
URL_ATTRIBUTE = re.compile(r'\b(?:href|src|action|hx-(?:get|post|put|patch|delete))="([^"]*)"')
# A path written out around a variable ("/o/{{ slug }}/…") or a variable with more path
# after it ("{{ base_url }}{{ id }}/"); a query string after `{% url %}` is fine.
JOINED = re.compile(r"^/[^?#]*\{[{%]|^\{\{[^}]*\}\}[^?#]")


def _templates():
    for folder in sorted(Path(settings.BASE_DIR).glob("*/templates")):
        yield from sorted(p for p in folder.rglob("*") if p.is_file())


TEMPLATES = list(_templates())


def _name(path: Path) -> str:
    return str(path.relative_to(settings.BASE_DIR))


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 100


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_no_template_line_is_over_200_characters(path):
    long = [n for n, line in enumerate(path.read_text().splitlines(), 1) if len(line) > MAX_LINE]
    assert not long, f"{_name(path)}: lines {long} are longer than {MAX_LINE} characters"


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_no_url_is_joined_from_strings(path):
    joined = [
        (n, value)
        for n, line in enumerate(path.read_text().splitlines(), 1)
        for value in URL_ATTRIBUTE.findall(line)
        if JOINED.search(value)
    ]
    assert not joined, f"{_name(path)}: build these with {{% url %}}: {joined}"


@pytest.mark.parametrize(
    "value, joined",
    [
        ("{% url 'organisations:person_detail' slug=slug pk=person.pk %}", False),
        ("{% url 'surveys:list' slug=slug %}?page={{ page }}", False),
        ("{{ person.get_absolute_url }}", False),
        ("#line-{{ row.line }}", False),
        ("/o/{{ slug }}/people/", True),
        ("{{ people_url }}{{ person.id }}/", True),
        ("{{ team_url }}members/", True),
    ],
)
def test_the_check_tells_a_joined_url_from_a_reversed_one(value, joined):
    assert bool(JOINED.search(value)) is joined
