"""A school leader writes down, by keyboard alone, who decides what: the school's default and
one team that decides for itself. The matrix then says what has moved to the teams."""

from playwright.sync_api import expect

from organisations.tests.factories import TeamFactory
from teams.models import Decision, TeamDecision


def test_a_leader_fills_the_decision_matrix_by_keyboard(
    page, login_as, leader, check_accessibility, dutch, tab_to
):
    school = leader.organisation
    kleuters = TeamFactory(organisation=school, name="Kleuterbouw")
    TeamFactory(organisation=school, name="Lagere school")

    # From the overview, where the matrix asks to be filled in.
    login_as(page, leader, next_url=f"/o/{school.slug}/")
    page.get_by_role("link", name=dutch("Open the decision matrix")).click()
    check_accessibility(page)
    page.locator("a[href*='/edit/?theme=']").first.click()
    expect(page.locator("table.decision-grid")).to_be_visible()
    check_accessibility(page)

    owner = page.locator("table.decision-grid select[name$='owner']").first
    row_name = owner.locator("xpath=ancestor::tr/th").inner_text()
    first_row = Decision.objects.get(organisation=school, name=row_name)
    team_field = owner.get_attribute("name").removesuffix("owner") + f"team_{kleuters.pk}"
    team_cell = page.locator(f"select[name='{team_field}']")
    # The school leadership decides by default; the Kleuterbouw team decides itself.
    tab_to(page, owner)
    while owner.input_value() != "leadership":
        page.keyboard.press("ArrowDown")
    tab_to(page, team_cell, max_tabs=5)
    while team_cell.input_value() != "team":
        page.keyboard.press("ArrowDown")
    save = page.get_by_role("button", name=dutch("Save the matrix"))
    tab_to(page, save, max_tabs=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(f"/o/{school.slug}/decisions/")
    moved = page.locator("section[aria-labelledby=moved]")
    expect(moved).to_contain_text(f"{first_row.name}: Kleuterbouw")
    check_accessibility(page)
    first_row.refresh_from_db()
    assert first_row.owner == "leadership"
    assert TeamDecision.objects.get(decision=first_row).team == kleuters
