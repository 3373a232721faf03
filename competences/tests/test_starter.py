"""The starter framework a school gets when its competences are first opened."""

import pytest
from django.utils import translation

from competences import services
from competences.models import Competence, Framework
from organisations.tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def test_a_school_gets_the_starter_framework_in_dutch_once(school):
    with translation.override("nl"):
        framework = services.starter_framework(school=school)
    assert framework.organisation == school
    names = list(framework.competences.values_list("name", flat=True))
    assert len(names) == 8
    assert names[0] == "Leerlingenzorg" and "Digitale didactiek" in names
    first = framework.competences.first()
    assert all(text for _level, text in first.levels)
    assert services.starter_framework(school=school) is None
    assert Framework.objects.count() == 1


def test_the_starter_framework_reads_in_english_too(school):
    with translation.override("en"):
        framework = services.starter_framework(school=school)
    assert framework.competences.filter(name="Coaching colleagues").exists()


def test_a_school_whose_community_has_a_framework_gets_none(school):
    Framework.objects.create(organisation=school.parent, name="Kader van de scholengemeenschap")
    assert services.starter_framework(school=school) is None
    other = SchoolFactory(parent=school.parent)
    assert services.starter_framework(school=other) is None
    assert Competence.objects.count() == 0
