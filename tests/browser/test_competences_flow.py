"""A teacher rates herself by keyboard, the coach agrees her levels, and the team matrix shows
the competence that rests on one person, on a desktop and on a phone."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from competences import services
from competences.models import Rating
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamMembershipFactory


@pytest.fixture
def framework(school):
    with translation.override("nl"):
        return services.starter_framework(school=school)


@pytest.fixture
def coach(school):
    return MembershipFactory(organisation=school, role=Membership.Role.COACH)


def test_a_teacher_rates_herself_and_the_coach_agrees(
    page, login_as, check_accessibility, tab_to, staff_member, coach, framework, team
):
    slug = staff_member.organisation.slug
    care = framework.competences.get(code="ZORG")
    login_as(page, staff_member)
    page.goto(f"/o/{slug}/competences/")
    check_accessibility(page)
    page.locator(f"main a[href='/o/{slug}/competences/{framework.pk}/mine/']").click()
    check_accessibility(page)
    # The radios of one competence are one group: Tab in, arrows choose the level.
    tab_to(page, page.locator(f"#id_self_{care.pk}_0"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#id_self_{care.pk}_3")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_note_{care.pk}")).to_be_focused()
    page.keyboard.type("Ik volg de leerlingen van de zorgklas op.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar mijn inschattingen").click()
    expect(page.locator(".messages")).to_contain_text("1 inschatting is bewaard")
    check_accessibility(page)
    rating = Rating.objects.get(membership=staff_member)
    assert (rating.kind, rating.level) == ("self", 3)

    page.context.clear_cookies()
    login_as(page, coach)
    page.goto(f"/o/{slug}/competences/{framework.pk}/people/{staff_member.pk}/")
    check_accessibility(page)
    page.locator(f"#id_view_{care.pk}").select_option("3")
    page.locator(f"#id_agreed_{care.pk}").select_option("3")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar de kijk en de afgesproken niveaus").click()
    assert Rating.objects.filter(membership=staff_member, kind="agreed", level=3).exists()


def test_the_team_matrix_shows_a_fragile_competence_on_a_phone(
    phone_page, login_as, check_accessibility, staff_member, framework, team
):
    data = framework.competences.get(code="DATA")
    colleague = TeamMembershipFactory(team=team).membership
    Rating.objects.create(membership=colleague, competence=data, kind="agreed", level=4)
    Rating.objects.create(membership=staff_member, competence=data, kind="agreed", level=2)
    slug = staff_member.organisation.slug
    login_as(phone_page, staff_member)
    phone_page.goto(f"/o/{slug}/competences/{framework.pk}/teams/{team.pk}/")
    attention = phone_page.locator("#at-risk + ul")
    expect(attention).to_contain_text("Datageletterdheid")
    expect(attention).to_contain_text("kwetsbaar")
    check_accessibility(phone_page)
    # The wide table scrolls inside its own region; the page itself does not.
    width = phone_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400


def test_the_leader_sends_the_fragile_competence_to_the_development_points(
    page, login_as, check_accessibility, tab_to, leader, staff_member, framework, team
):
    from development.models import DevelopmentPoint

    data = framework.competences.get(code="DATA")
    Rating.objects.create(membership=staff_member, competence=data, kind="agreed", level=4)
    slug = leader.organisation.slug
    login_as(page, leader)
    page.goto(f"/o/{slug}/competences/{framework.pk}/teams/{team.pk}/")
    check_accessibility(page)
    button = page.get_by_role("button", name="Stuur “Datageletterdheid” naar de ontwikkelpunten")
    tab_to(page, button, max_tabs=80)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("ontwikkelpunten")
    expect(page.locator("#at-risk + ul")).to_contain_text("verstuurd naar de ontwikkelpunten")
    check_accessibility(page)
    point = DevelopmentPoint.objects.get()
    assert (point.source, point.team) == ("competence_fragile", team)
