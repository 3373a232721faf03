"""The product cards and reaction buttons written in Python give the markup the templates
gave, in both languages."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from communities.models import Product, ProductReaction
from communities.product_cards import product_cards_html, reactions_html
from communities.selectors_library import product_search
from communities.tests.factories import PLGFactory
from organisations.tests.factories import SchoolFactory

# The templates these functions replace, as they were.
FORMER = Path(__file__).parent / "former_templates"
REACTIONS = (FORMER / "reactions.html").read_text()
CARDS = (
    (FORMER / "product_cards.html")
    .read_text()
    .replace("{% include 'reactions.html' %}", REACTIONS.replace("{% load i18n %}", ""))
)


def _same_markup(html: str) -> str:
    """Markup compared without the whitespace between tags and around the text."""
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", html).strip()


@pytest.fixture
def products(school, staff_member):
    neighbour = SchoolFactory(parent=school.parent, name="De <Linde> & co")
    own = PLGFactory(organisation=school, name="Lesson study “tellen”", type="lesson_study")
    other = PLGFactory(organisation=neighbour, name="Ontwerpteam", type="design_team")
    first = Product.objects.create(
        plg=own,
        organisation=school,
        kind="lesson_design",
        title="Tellen <met> kaarten & blokken",
        phase="study",
        subject="wiskunde",
        grade="K3",
        summary=" ".join(f"woord{i}" for i in range(40)),
        tags="tellen, <kleuters>, rekenen",
    )
    Product.objects.create(
        plg=other,
        organisation=neighbour,
        community=school.parent,
        audience=Product.Audience.COMMUNITY,
        kind="material",
        title="Rekenketting",
        phase="analyse",
    )
    for kind in ("thanks", "reuse"):
        ProductReaction.objects.create(product=first, user=staff_member.user, kind=kind)
    return first


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_cards_give_the_markup_of_the_template_they_replace(
    school, staff_member, products, language
):
    request = RequestFactory().get("/")
    request.organisation = school
    found = product_search(organisation=school, user=staff_member.user)[0:24]
    assert len(found) == 2 and {p.thanked for p in found} == {True, False}
    with translation.override(language):
        expected = Template(CARDS).render(
            Context({"page": found, "request": request, "csrf_token": "token"})
        )
        written = product_cards_html(found, organisation=school, csrf_token="token")
    assert _same_markup(written) == _same_markup(expected)
    assert "De &lt;Linde&gt; &amp; co" in written and "woord29 …" in written


def test_the_reactions_give_the_markup_of_the_template_they_replace(school, staff_member, products):
    request = RequestFactory().get("/")
    request.organisation = school
    for product in product_search(organisation=school, user=staff_member.user)[0:24]:
        expected = Template(REACTIONS).render(
            Context({"product": product, "request": request, "csrf_token": "token"})
        )
        written = reactions_html(product, slug=school.slug, csrf_token="token")
        assert _same_markup(written) == _same_markup(expected)
