"""Working days on the official calendar: holidays, make-up working days (调休), unknown years."""
from datetime import date, timezone

import pytest

from hotline.domain.calendar import WorkCalendar
from tests.conftest import beijing


@pytest.fixture
def cal():
    return WorkCalendar()


def local(dt):
    return dt.astimezone(timezone.utc).astimezone(WorkCalendar().tz)


def test_spring_festival_2026_days_off_and_make_up_saturdays(cal):
    assert cal.is_workday(date(2026, 2, 13))          # Friday before the holiday
    assert cal.is_workday(date(2026, 2, 14))          # Saturday made a working day
    for day in range(15, 24):                         # 15–23 February off
        assert not cal.is_workday(date(2026, 2, day))
    assert cal.is_workday(date(2026, 2, 24))
    assert cal.is_workday(date(2026, 2, 28))          # Saturday made a working day


def test_two_working_days_from_friday_cross_the_spring_festival(cal):
    due = cal.add_workdays(beijing(2026, 2, 13, 16, 0), 2)
    # Saturday 14 Feb counts (调休), then the holiday, then Tuesday 24 Feb.
    assert local(due).date() == date(2026, 2, 24)
    assert (local(due).hour, local(due).minute) == (23, 59)


def test_fifteen_working_days_across_national_day_2026(cal):
    # Dispatched on Wednesday 30 September 2026: 1–7 October are off, Saturday 10 October is worked.
    due = cal.add_workdays(beijing(2026, 9, 30, 9, 0), 15)
    days = [d for d in (date(2026, 10, x) for x in range(1, 32)) if cal.is_workday(d)]
    assert local(due).date() == days[14]
    assert date(2026, 10, 10) in days and date(2026, 10, 5) not in days


def test_deadline_counts_from_the_local_day_not_utc():
    cal = WorkCalendar()
    # 01:00 on Monday in Beijing is still Sunday in UTC: the clock starts on Monday.
    start = beijing(2026, 3, 2, 1, 0)
    assert start.astimezone(timezone.utc).date() == date(2026, 3, 1)
    assert local(cal.add_workdays(start, 1)).date() == date(2026, 3, 3)


def test_unknown_year_falls_back_to_weekends_loudly(caplog):
    cal = WorkCalendar()
    with caplog.at_level("WARNING"):
        assert cal.is_workday(date(2027, 1, 4))       # a Monday
        assert not cal.is_workday(date(2027, 1, 9))   # a Saturday
        cal.is_workday(date(2027, 1, 11))
    assert cal.status().fallback_years == (2027,)
    assert not cal.status().ok
    warnings = [r for r in caplog.records if "FALLBACK" in r.getMessage()]
    assert len(warnings) == 1                          # once per year, not per day


def test_overrides_fill_in_a_year_the_package_lacks():
    cal = WorkCalendar({date(2027, 1, 1): False, date(2027, 2, 6): True})
    assert not cal.is_workday(date(2027, 1, 1))       # New Year's Day, a Friday
    assert cal.is_workday(date(2027, 2, 6))           # a Saturday made a working day
    assert cal.is_workday(date(2027, 1, 4))
    assert cal.status().fallback_years == ()          # the administrator entered the year
    assert cal.covers(2027) and not cal.covers(2028)


def test_override_wins_over_the_package(cal):
    assert cal.is_workday(date(2026, 3, 2))
    cal.set_overrides({date(2026, 3, 2): False})
    assert not cal.is_workday(date(2026, 3, 2))


def test_setting_overrides_clears_the_fallback_flag():
    cal = WorkCalendar()
    cal.is_workday(date(2027, 3, 1))
    assert cal.status().fallback_years == (2027,)
    cal.set_overrides({date(2027, 1, 1): False})
    assert cal.status().fallback_years == ()


def test_workdays_between(cal):
    start = beijing(2026, 9, 30, 10)
    assert cal.workdays_between(start, beijing(2026, 10, 9, 10)) == 1   # only 8 Oct has ended
    assert cal.workdays_between(start, start) == 0


def test_zero_days_is_the_end_of_the_same_day(cal):
    due = cal.add_workdays(beijing(2026, 3, 2, 10), 0)
    assert local(due).date() == date(2026, 3, 2)
    with pytest.raises(ValueError):
        cal.add_workdays(beijing(2026, 3, 2, 10), -1)
