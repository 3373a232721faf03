"""The school-year calendar: meetings and the dates the rhythm plans, by month, and iCal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from consultation.models import Body
from consultation.schoolyear import holidays_between, planned_starts, school_year_of
from organisations.tests.factories import SchoolFactory

from .factories import BodyFactory, BodyMeetingFactory

pytestmark = pytest.mark.django_db


def _year_of_the_meetings() -> tuple[str, datetime.date, datetime.date]:
    """The `?year=` of the fixture's meetings (in two days: maybe next school year)."""
    first, last = school_year_of(timezone.localdate() + datetime.timedelta(days=2))
    return f"?year={first.year}", first, last


def _aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_the_school_year_runs_from_september_to_august():
    assert school_year_of(datetime.date(2027, 8, 31)) == (
        datetime.date(2026, 9, 1),
        datetime.date(2027, 8, 31),
    )
    assert school_year_of(datetime.date(2027, 9, 1))[0] == datetime.date(2027, 9, 1)


def test_a_monthly_rule_keeps_the_weekday_and_its_week_of_the_month():
    # The second Tuesday of September 2026 (the 8th).
    body = Body(rule="monthly", rule_start=_aware(2026, 9, 8, 15, 45))
    starts = planned_starts(body, datetime.date(2026, 9, 1), datetime.date(2026, 12, 31))
    days = [timezone.localtime(s).date() for s in starts]
    assert days == [
        datetime.date(2026, 9, 8),
        datetime.date(2026, 10, 13),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 12, 8),
    ]
    assert all(timezone.localtime(s).time() == datetime.time(15, 45) for s in starts)


def test_a_weekly_rule_starts_on_its_own_rhythm_inside_the_window():
    body = Body(rule="weeks", rule_weeks=3, rule_start=_aware(2026, 9, 2, 12, 30))
    starts = planned_starts(body, datetime.date(2026, 9, 10), datetime.date(2026, 10, 15))
    assert [timezone.localtime(s).date().isoformat() for s in starts] == [
        "2026-09-23",
        "2026-10-14",
    ]


def test_no_rule_plans_nothing():
    assert planned_starts(Body(), datetime.date(2026, 9, 1), datetime.date(2027, 8, 31)) == []


@pytest.fixture
def bodies(school):
    now = timezone.localtime()
    rule_start = now + datetime.timedelta(days=1)
    weekly = BodyFactory(
        organisation=school,
        name="Teamoverleg",
        kind="team_meeting",
        rule="weeks",
        rule_weeks=1,
        rule_start=rule_start,
    )
    council = BodyFactory(organisation=school, name="Schoolraad", kind="school_council")
    BodyMeetingFactory(body=weekly, starts_at=rule_start, place="Refter")
    BodyMeetingFactory(body=council, starts_at=now + datetime.timedelta(days=2))
    other = BodyFactory(organisation=SchoolFactory(), name="Geheim overleg")
    BodyMeetingFactory(body=other)
    return weekly, council


def test_the_calendar_shows_the_years_meetings_and_the_rhythms_dates(
    login, school, staff_member, bodies
):
    weekly, council = bodies
    query, first, last = _year_of_the_meetings()
    url = reverse("consultation:calendar", kwargs={"slug": school.slug}) + query
    response = login(staff_member).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Teamoverleg" in html and "Schoolraad" in html and "Geheim overleg" not in html
    assert html.count('<section aria-labelledby="month-') == 12
    assert f'id="month-{first:%Y-%m}"' in html and f'id="month-{last:%Y-%m}"' in html
    # The weekly rule's first date has a meeting: it shows once, as the meeting.
    assert html.count('<span aria-hidden="true">✓</span>') == 2
    assert '<span aria-hidden="true">○</span>' in html
    assert "Refter" in html


def test_the_calendar_exports_ical_with_the_brussels_time_zone(login, school, staff_member, bodies):
    query, _first, _last = _year_of_the_meetings()
    url = reverse("consultation:calendar_ical", kwargs={"slug": school.slug}) + query
    response = login(staff_member).get(url)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    zones = [c for c in calendar.walk("VTIMEZONE")]
    assert [str(z["TZID"]) for z in zones] == ["Europe/Brussels"]
    events = calendar.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Schoolraad" in summaries and "Geheim overleg" not in summaries
    assert summaries.count("Teamoverleg") > 1  # the meeting and the rhythm's later dates
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert b"TZID=Europe/Brussels" in response.content


def test_another_school_year_is_chosen_by_its_first_year(login, school, staff_member, bodies):
    url = reverse("consultation:calendar", kwargs={"slug": school.slug}) + "?year=2040"
    html = login(staff_member).get(url).content.decode()
    assert "2040–2041" in html and "Teamoverleg" in html  # its rhythm runs on
    assert "Schoolraad" not in html


def test_the_navigation_links_to_the_consultation_structure(login, school, staff_member):
    url = reverse("consultation:body_list", kwargs={"slug": school.slug})
    html = login(staff_member).get(url).content.decode()
    assert f'<a href="{url}" aria-current="page">Overleg</a>' in html
    teams_url = reverse("organisations:team_list", kwargs={"slug": school.slug})
    html = login(staff_member).get(teams_url).content.decode()
    assert f'<a href="{url}">Overleg</a>' in html


def test_the_rhythm_leaves_out_school_holidays_and_public_holidays():
    first, last = datetime.date(2026, 9, 1), datetime.date(2027, 8, 31)
    body = Body(rule="weeks", rule_weeks=1, rule_start=_aware(2026, 9, 2, 13, 30))
    days = [
        timezone.localtime(s).date()
        for s in planned_starts(body, first, last, skip=holidays_between(first, last))
    ]
    assert datetime.date(2026, 12, 16) in days and datetime.date(2027, 1, 6) in days
    assert datetime.date(2026, 12, 23) not in days and datetime.date(2026, 12, 30) not in days
    assert not [day for day in days if day.month in (7, 8)]  # the summer holiday


def test_a_rule_started_years_ago_still_plans_this_school_year():
    body = Body(
        rule="weeks",
        rule_weeks=1,
        rule_start=timezone.make_aware(datetime.datetime(2019, 9, 2, 16, 0)),
    )
    starts = planned_starts(body, datetime.date(2026, 9, 1), datetime.date(2027, 8, 31))
    assert len(starts) == 52
    assert {timezone.localtime(s).weekday() for s in starts} == {0}
    assert timezone.localtime(starts[0]).date() == datetime.date(2026, 9, 7)
