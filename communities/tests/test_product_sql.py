"""The product search's plain SQL gives what the ORM query it replaced gave."""

import pytest
from django.db.models import Q

from communities.access import products_visible_from
from communities.models import Product, ProductReaction
from communities.selectors_library import product_search, with_reactions
from communities.tests.factories import PLGFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _orm_search(organisation, user, q="", subject="", grade="", tag="", kind=""):
    qs = products_visible_from(organisation).select_related("plg__organisation")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(summary__icontains=q) | Q(tags__icontains=q))
    if subject:
        qs = qs.filter(subject__icontains=subject)
    if grade:
        qs = qs.filter(grade__icontains=grade)
    if tag:
        qs = qs.filter(tags__icontains=tag)
    if kind:
        qs = qs.filter(kind=kind)
    return with_reactions(qs, user=user)


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
    "filters",
    [
        {},
        {"subject": "WISK"},
        {"q": "taart"},
        {"q": "lezen"},
        {"q": "50%"},
        {"q": "n_a"},
        {"grade": "k3", "tag": "tel"},
        {"kind": "protocol"},
        {"subject": "taal", "kind": "material"},
        {"q": "niets"},
    ],
)
def test_the_search_gives_what_the_orm_gave(school, reader, products, filters):
    found = product_search(organisation=school, user=reader, **filters)
    expected = _orm_search(school, reader, **filters)
    assert found.count() == expected.count()
    assert _seen(found[0:24]) == _seen(expected[:24])
    assert _seen(found[1:3]) == _seen(expected[1:3])


def test_the_search_finds_the_school_and_what_its_community_shares(school, reader, products):
    found = {p.title: p for p in product_search(organisation=school, user=reader)[0:24]}
    assert set(found) == {"Tellen met blokken", "Breuken", "Lezen_a", "Woordenschat"}
    counted = found["Tellen met blokken"]
    assert (counted.thanks, counted.reuses, counted.thanked, counted.reused) == (2, 1, True, False)
    assert found["Woordenschat"].reused and found["Woordenschat"].plg.organisation.name == "De Eik"
    assert found["Breuken"].plg.organisation == school
