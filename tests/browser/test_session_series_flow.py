"""A trainer plans the group sessions of a two-year edition as a series: every two weeks
from a Monday before the autumn holiday, sees the skipped holiday named in the preview,
creates the sessions and moves one of them afterwards, on a phone. axe-core checks the form
and its preview."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.series import school_holiday_calendar
from networks.models import Session
from networks.tests.factories import EditionFactory, ProgrammeFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory, UserFactory


@pytest.fixture
def trainer_and_edition(db):
    provider = ProviderFactory(name="De Leerbrug", slug="leerbrug")
    trainer = MembershipFactory(
        organisation=provider,
        role=Membership.Role.TRAINER,
        user=UserFactory(first_name="Els", last_name="Van den Broeck"),
    )
    programme = ProgrammeFactory(provider=provider, trainer=trainer, title="Samen leren leiden")
    edition = EditionFactory(
        programme=programme,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=700),
    )
    return trainer, edition


def _autumn_monday():
    holidays = school_holiday_calendar(language="nl")
    day = timezone.localdate() + datetime.timedelta(days=15)
    while not (day.weekday() == 0 and "Herfstvakantie" in holidays.get(day, "")):
        day += datetime.timedelta(days=1)
    return day


def test_a_trainer_plans_a_series_of_sessions_and_moves_one(
    phone_page, login_as, trainer_and_edition, check_accessibility, dutch
):
    page = phone_page
    trainer, edition = trainer_and_edition
    first = _autumn_monday() - datetime.timedelta(weeks=2)
    overview = f"/o/leerbrug/netwerken/edities/{edition.pk}/"
    login_as(page, trainer, next_url=overview)
    page.get_by_role("link", name=dutch("Plan a series of sessions")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Plan a series of sessions"))
    check_accessibility(page)

    page.locator("#id_series-first_date").fill(first.isoformat())
    page.locator("#id_series-start_time").fill("13:30")
    page.locator("#id_series-interval").fill("2")
    page.locator("#id_series-count").fill("4")
    page.locator("#id_kind").select_option("group")
    page.locator("#id_title").fill("Groepssessie")
    page.locator("#id_end_time").fill("16:30")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Show the dates")).click()
    preview = page.locator(".series-preview")
    expect(preview.get_by_role("heading")).to_have_text(re.compile(r"Voorbeeld: 4 datums"))
    expect(preview).to_contain_text(re.compile(r"overgeslagen: [^\n]*Herfstvakantie"))
    check_accessibility(page)
    assert not Session.objects.exists()

    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Create these sessions")).click()
    expect(page).to_have_url(re.compile(re.escape(overview) + "$"))
    expect(page.locator(".messages")).to_contain_text("4 sessies zijn gepland")
    sessions = list(Session.objects.filter(edition=edition).order_by("date"))
    assert [s.date for s in sessions] == [first + datetime.timedelta(weeks=w) for w in (0, 4, 6, 8)]

    # Each date stays an ordinary session: the second one moves a day.
    second, planned = sessions[1], sessions[1].date
    page.goto(page.url.split("/o/")[0] + f"/o/leerbrug/netwerken/sessies/{second.pk}/bewerken/")
    page.locator("#id_date").fill((planned + datetime.timedelta(days=1)).isoformat())
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    second.refresh_from_db()
    assert second.date == planned + datetime.timedelta(days=1)
    assert Session.objects.filter(edition=edition).count() == 4
