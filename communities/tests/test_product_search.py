"""What the product search finds from a school, and with which reactions."""

import pytest

from communities.models import Product, ProductReaction
from communities.selectors_library import product_search
from communities.tests.factories import PLGFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _seen(products):
    return [
        (
            p.pk,
            p.title,
            p.published_at,
            p.thanks,
            p.reuses,
            p.thanked,
            p.reused,
            p.plg.pk,
            p.plg.name,
            p.plg.type,
            p.plg.organisation.pk,
            p.plg.organisation.name,
        )
        for p in products
    ]


@pytest.fixture
def reader(school):
    return MembershipFactory(organisation=school).user


@pytest.fixture
def products(school, reader):
    """Products of the school, of its community's other schools (some shared with the
    community) and of a school elsewhere, with reactions of the reader and of others."""
    sister = SchoolFactory(parent=school.parent, name="De Eik")
    elsewhere = SchoolFactory(name="Ver weg")
    own = PLGFactory(organisation=school, name="Rekenen")
    theirs = PLGFactory(organisation=sister, name="Taal", type="design_team")
    far = PLGFactory(organisation=elsewhere)

    def product(plg, title, **fields):
        return Product.objects.create(
            plg=plg,
            organisation=plg.organisation,
            community=plg.organisation.parent,
            kind=fields.pop("kind", "material"),
            title=title,
            phase="study",
            **fields,
        )

    made = [
        product(own, "Tellen met blokken", subject="Wiskunde", grade="K3", tags="tellen, 50%"),
        product(own, "Breuken", subject="wiskunde", summary="Taart in stukken", kind="protocol"),
        product(own, "Lezen_a", subject="Taal", grade="L2"),
        product(theirs, "Woordenschat", audience="community", subject="taal", tags="lezen"),
        product(theirs, "Alleen De Eik", subject="taal"),
        product(far, "Elders", audience="community", subject="taal"),
    ]
    someone = MembershipFactory(organisation=school).user
    for who, title, kind in (
        (reader, "Tellen met blokken", "thanks"),
        (someone, "Tellen met blokken", "thanks"),
        (someone, "Tellen met blokken", "reuse"),
        (reader, "Woordenschat", "reuse"),
    ):
        ProductReaction.objects.create(
            user=who, kind=kind, product=next(p for p in made if p.title == title)
        )
    return made


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({}, ["Woordenschat", "Lezen_a", "Breuken", "Tellen met blokken"]),
        ({"subject": "WISK"}, ["Breuken", "Tellen met blokken"]),
        ({"q": "taart"}, ["Breuken"]),
        ({"q": "lezen"}, ["Woordenschat", "Lezen_a"]),
        ({"q": "50%"}, ["Tellen met blokken"]),  # % and _ are letters, not wildcards
        ({"q": "n_a"}, ["Lezen_a"]),
        ({"grade": "k3", "tag": "tel"}, ["Tellen met blokken"]),
        ({"kind": "protocol"}, ["Breuken"]),
        ({"subject": "taal", "kind": "material"}, ["Woordenschat", "Lezen_a"]),
        ({"q": "niets"}, []),
    ],
)
def test_the_search_filters_the_newest_first(school, reader, products, filters, titles):
    found = product_search(organisation=school, user=reader, **filters)
    assert found.count() == len(titles)
    assert [p.title for p in found[0:24]] == titles
    assert _seen(found[1:3]) == _seen(found[0:24])[1:3]


def test_the_search_finds_the_school_and_what_its_community_shares(school, reader, products):
    found = {p.title: p for p in product_search(organisation=school, user=reader)[0:24]}
    assert set(found) == {"Tellen met blokken", "Breuken", "Lezen_a", "Woordenschat"}
    counted = found["Tellen met blokken"]
    assert (counted.thanks, counted.reuses, counted.thanked, counted.reused) == (2, 1, True, False)
    assert found["Woordenschat"].reused and found["Woordenschat"].plg.organisation.name == "De Eik"
    assert found["Breuken"].plg.organisation == school
