"""The "my competences" page and a person's page for the leader or coach."""

import pytest
from django.urls import reverse

from competences.models import Rating

pytestmark = pytest.mark.django_db


def _mine(framework):
    return reverse(
        "competences:mine", kwargs={"slug": framework.organisation.slug, "fw": framework.pk}
    )


def _person(framework, person):
    kwargs = {"slug": framework.organisation.slug, "fw": framework.pk, "pk": person.pk}
    return reverse("competences:person", kwargs=kwargs)


def test_a_teacher_rates_herself_and_sees_her_history(login, staff_member, framework, competence):
    client = login(staff_member)
    html = client.get(_mine(framework)).content.decode()
    assert "Niveau 1: Merkt signalen op" in html
    response = client.post(
        _mine(framework), {f"self_{competence.pk}": "2", f"note_{competence.pk}": "groeit"}
    )
    assert response.status_code == 302
    client.post(_mine(framework), {f"self_{competence.pk}": "3"})
    assert list(Rating.objects.order_by("pk").values_list("level", "is_current")) == [
        (2, False),
        (3, True),
    ]
    html = client.get(_mine(framework)).content.decode()
    assert "groeit" in html and "eerder" in html


def test_a_level_outside_1_to_4_is_refused_in_dutch(login, staff_member, framework, competence):
    response = login(staff_member).post(_mine(framework), {f"self_{competence.pk}": "7"})
    assert response.status_code == 200
    assert "Kies een niveau van 1 tot 4." in response.content.decode()
    assert not Rating.objects.exists()


def test_the_coach_adds_a_view_and_the_agreed_level(login, coach, staff_member, framework):
    competence = framework.competences.get(code="DATA")
    client = login(coach)
    data = {
        f"view_{competence.pk}": "2",
        f"agreed_{competence.pk}": "3",
        f"note_{competence.pk}": "besproken op 3 december",
    }
    assert client.post(_person(framework, staff_member), data).status_code == 302
    rows = set(Rating.objects.values_list("kind", "level", "note"))
    assert rows == {
        ("view", 2, "besproken op 3 december"),
        ("agreed", 3, "besproken op 3 december"),
    }
    html = login(staff_member).get(_mine(framework)).content.decode()
    assert "besproken op 3 december" in html


def test_staff_see_no_one_elses_ratings(login, school, staff_member, leader, framework):
    from organisations.tests.factories import MembershipFactory

    colleague = MembershipFactory(organisation=school)
    client = login(staff_member)
    assert client.get(_person(framework, colleague)).status_code == 403
    assert client.post(_person(framework, colleague), {}).status_code == 403
    assert client.get(_person(framework, staff_member)).status_code == 302


def test_another_schools_person_is_a_404(login, leader, outsider, framework):
    assert login(leader).get(_person(framework, outsider)).status_code == 404
    assert login(outsider).get(_mine(framework)).status_code == 404


def test_saving_without_a_level_writes_nothing_and_says_so(login, staff_member, framework):
    response = login(staff_member).post(_mine(framework), {}, follow=True)
    assert "Er is niets veranderd" in response.content.decode()
    assert not Rating.objects.exists()
