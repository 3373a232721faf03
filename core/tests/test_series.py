"""Series of dates: the rhythm, the holidays skipped or moved, the bounds."""

import datetime

import pytest

from core.series import MAX_COUNT, school_holidays, series_dates, series_plan

D = datetime.date
HOLIDAYS = school_holidays(D(2026, 9, 1), D(2027, 6, 30))


def test_every_two_weeks_skips_the_autumn_holiday_and_still_gives_the_number_asked():
    dates = series_dates(D(2026, 10, 19), every="weeks", interval=2, count=3, skip=HOLIDAYS)
    # 2 November falls in the autumn holiday (2–8 November 2026).
    assert dates == [D(2026, 10, 19), D(2026, 11, 16), D(2026, 11, 30)]


def test_the_preview_names_the_holiday_a_date_fell_in():
    plan = series_plan(D(2026, 10, 19), every="weeks", interval=2, count=3, skip=HOLIDAYS)
    skipped = [step for step in plan if step.skipped]
    assert [(s.planned, s.holiday) for s in skipped] == [(D(2026, 11, 2), "Herfstvakantie")]
    english = school_holidays(D(2026, 9, 1), D(2026, 12, 31), language="en")
    assert english[D(2026, 11, 2)] == "Autumn Break"


def test_a_date_in_a_holiday_can_move_to_the_next_school_day_instead():
    plan = series_plan(
        D(2026, 10, 19), every="weeks", interval=2, count=3, skip=HOLIDAYS, on_holiday="move"
    )
    assert [step.date for step in plan] == [D(2026, 10, 19), D(2026, 11, 9), D(2026, 11, 16)]
    assert plan[1].moved and plan[1].holiday == "Herfstvakantie"


def test_moved_dates_never_fall_on_a_weekend_or_on_a_later_date_of_the_series():
    # Weekly on Mondays through the Christmas holiday (21 December – 3 January): both Mondays
    # in it would land on 4 January, a date of the series itself, so they are skipped.
    dates = series_dates(
        D(2026, 12, 14), every="weeks", interval=1, count=3, skip=HOLIDAYS, on_holiday="move"
    )
    assert dates == [D(2026, 12, 14), D(2027, 1, 4), D(2027, 1, 11)]
    assert all(day.weekday() < 5 for day in dates)


def test_monthly_on_the_31st_uses_the_last_day_of_shorter_months_without_drifting():
    dates = series_dates(D(2027, 1, 31), every="month", interval=1, count=5)
    assert dates == [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30), D(2027, 5, 31)]
    assert series_dates(D(2028, 1, 31), every="month", interval=1, count=2)[1] == D(2028, 2, 29)


def test_every_three_months_across_a_year():
    dates = series_dates(D(2026, 11, 15), every="month", interval=3, count=3)
    assert dates == [D(2026, 11, 15), D(2027, 2, 15), D(2027, 5, 15)]


def test_until_ends_the_series_on_its_last_day():
    dates = series_dates(D(2026, 9, 7), every="weeks", interval=4, until=D(2026, 12, 1))
    assert dates == [D(2026, 9, 7), D(2026, 10, 5), D(2026, 11, 2), D(2026, 11, 30)]


def test_skip_may_be_a_set_or_a_function():
    start = D(2026, 9, 7)
    assert series_dates(start, every="weeks", count=2, skip={D(2026, 9, 14)}) == [
        start,
        D(2026, 9, 21),
    ]
    odd = series_dates(start, every="weeks", count=2, skip=lambda day: day.day % 2 == 0)
    assert odd == [start, D(2026, 9, 21)]


def test_the_count_is_bounded_to_sixty():
    assert len(series_dates(D(2026, 9, 1), every="weeks", count=MAX_COUNT)) == 60
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="weeks", count=61)
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="weeks", count=0)
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="weeks", until=D(2030, 1, 1))


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="weeks", interval=0, count=2)
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="days", count=2)
    with pytest.raises(ValueError):
        series_dates(D(2026, 9, 1), every="weeks")


def test_a_series_that_only_meets_holidays_ends_instead_of_running_forever():
    assert series_dates(D(2026, 9, 1), every="weeks", count=5, skip=lambda day: True) == []


def test_a_huge_interval_ends_the_series_at_the_end_of_the_calendar():
    assert series_dates(D(2026, 9, 1), every="weeks", interval=10**6, count=3) == [D(2026, 9, 1)]


def test_a_month_weekday_series_keeps_the_weekday_and_its_week_of_the_month():
    # 13 October 2026 is the 2nd Tuesday; 29 October (a 5th Thursday) becomes a 4th one.
    assert series_dates(datetime.date(2026, 10, 13), every="month_weekday", count=3) == [
        datetime.date(2026, 10, 13),
        datetime.date(2026, 11, 10),
        datetime.date(2026, 12, 8),
    ]
    assert series_dates(datetime.date(2026, 10, 29), every="month_weekday", count=2) == [
        datetime.date(2026, 10, 29),
        datetime.date(2026, 11, 26),
    ]
