"""Ratings: who may give which kind, bad levels, and the history that is kept."""

import pytest
from django.core.exceptions import PermissionDenied

from competences import selectors, services
from competences.models import Rating
from core.errors import LeerkringError
from organisations.access import Access

pytestmark = pytest.mark.django_db


def _access(membership):
    return Access(membership.organisation, membership.role, membership)


def _rate(by, person, competence, kind, level, note=""):
    return services.rating_add(
        access=_access(by),
        person=person,
        competence=competence,
        kind=kind,
        level=level,
        note=note,
        actor=by.user,
    )


def test_a_new_rating_becomes_current_and_the_old_one_stays_in_the_history(
    staff_member, competence, framework
):
    _rate(staff_member, staff_member, competence, Rating.Kind.SELF, 2)
    _rate(staff_member, staff_member, competence, Rating.Kind.SELF, 3, "na de nascholing")
    rows = list(Rating.objects.filter(membership=staff_member).order_by("pk"))
    assert [(r.level, r.is_current) for r in rows] == [(2, False), (3, True)]
    current = selectors.current_ratings(person=staff_member, framework=framework)
    assert current[(competence.pk, Rating.Kind.SELF)].note == "na de nascholing"
    history = list(selectors.rating_history(person=staff_member, framework=framework))
    assert [r.level for r in history] == [3, 2]


def test_the_coach_adds_a_view_and_an_agreed_level(staff_member, coach, leader, competence):
    _rate(coach, staff_member, competence, Rating.Kind.VIEW, 3)
    _rate(leader, staff_member, competence, Rating.Kind.AGREED, 3)
    kinds = set(Rating.objects.filter(is_current=True).values_list("kind", "rated_by"))
    assert kinds == {("view", coach.user.pk), ("agreed", leader.user.pk)}


@pytest.mark.parametrize("level", [0, 5, "", None, "drie"])
def test_a_level_outside_1_to_4_is_refused_in_dutch_and_nothing_is_written(
    staff_member, competence, level
):
    with pytest.raises(LeerkringError) as error:
        _rate(staff_member, staff_member, competence, Rating.Kind.SELF, level)
    assert error.value.message == "Kies een niveau van 1 tot 4."
    assert not Rating.objects.exists()


def test_one_bad_level_among_several_writes_none(staff_member, framework):
    first, second = framework.competences.all()[:2]
    _rate(staff_member, staff_member, first, Rating.Kind.SELF, 1)
    with pytest.raises(LeerkringError):
        services.ratings_add(
            access=_access(staff_member),
            person=staff_member,
            kind=Rating.Kind.SELF,
            ratings=[
                {"competence": first, "level": 4, "note": ""},
                {"competence": second, "level": 9, "note": ""},
            ],
            actor=staff_member.user,
        )
    assert list(Rating.objects.values_list("level", "is_current")) == [(1, True)]


def test_only_the_person_rates_themselves(staff_member, leader, coach, competence):
    for other in (leader, coach):
        with pytest.raises(PermissionDenied):
            _rate(other, staff_member, competence, Rating.Kind.SELF, 2)
    assert not Rating.objects.exists()


def test_staff_set_no_view_or_agreed_level_not_even_their_own(staff_member, leader, competence):
    for kind in (Rating.Kind.VIEW, Rating.Kind.AGREED):
        with pytest.raises(PermissionDenied):
            _rate(staff_member, staff_member, competence, kind, 4)
        with pytest.raises(PermissionDenied):
            _rate(staff_member, leader, competence, kind, 4)
    with pytest.raises(PermissionDenied):
        _rate(leader, leader, competence, Rating.Kind.AGREED, 4)
    assert not Rating.objects.exists()


def test_a_competence_of_another_schools_framework_is_refused(staff_member, outsider):
    other = services.starter_framework(school=outsider.organisation).competences.first()
    with pytest.raises(PermissionDenied):
        _rate(staff_member, staff_member, other, Rating.Kind.SELF, 2)


def test_the_database_refuses_a_level_outside_1_to_4(staff_member, competence):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(
            membership=staff_member, competence=competence, kind=Rating.Kind.SELF, level=5
        )
