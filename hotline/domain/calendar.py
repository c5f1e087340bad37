"""The official working-day calendar.

Working days follow the published State Council calendar (``chinesecalendar``): statutory holidays
and the weekend days made working days (调休). For a year the package does not know, an
administrator fills in the holiday override table; without overrides for such a year the calendar
falls back to plain weekends and says so loudly (a log line at WARNING and the health output).
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Mapping
from zoneinfo import ZoneInfo

import chinese_calendar

log = logging.getLogger(__name__)

END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class CalendarStatus:
    package_version: str
    package_years: tuple[int, int]
    override_days: int
    override_years: tuple[int, ...]
    fallback_years: tuple[int, ...]

    @property
    def ok(self) -> bool:
        return not self.fallback_years

    def as_dict(self) -> dict:
        return {
            "source": "chinesecalendar",
            "package_version": self.package_version,
            "package_years": list(self.package_years),
            "override_days": self.override_days,
            "override_years": list(self.override_years),
            "fallback_years": list(self.fallback_years),
            "fallback_to_weekends": bool(self.fallback_years),
        }


def _package_years() -> tuple[int, int]:
    years = [d.year for d in chinese_calendar.holidays] if hasattr(chinese_calendar, "holidays") else []
    if not years:  # pragma: no cover - depends on the package layout
        return (2004, 2026)
    return (min(years), max(years))


class WorkCalendar:
    """Answers "is this a working day" and does working-day arithmetic in the city's time zone."""

    def __init__(self, overrides: Mapping[date, bool] | None = None, *, tz: str = "Asia/Shanghai") -> None:
        self.tz = ZoneInfo(tz)
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._fallback_years: set[int] = set()
        self._days: dict[date, bool] = {}   # answers given so far (chinesecalendar is slow to ask)
        self._lock = threading.Lock()
        self._package_years = _package_years()

    # -- configuration ---------------------------------------------------------------------
    def set_overrides(self, overrides: Mapping[date, bool]) -> None:
        with self._lock:
            self._overrides = dict(overrides)
            self._days = {}
            self._fallback_years = {y for y in self._fallback_years if y not in self._override_years()}

    def _override_years(self) -> set[int]:
        return {d.year for d in self._overrides}

    def status(self) -> CalendarStatus:
        return CalendarStatus(
            package_version=getattr(chinese_calendar, "__version__", "unknown"),
            package_years=self._package_years,
            override_days=len(self._overrides),
            override_years=tuple(sorted(self._override_years())),
            fallback_years=tuple(sorted(self._fallback_years)),
        )

    def covers(self, year: int) -> bool:
        """True when the year's working days are known (package or administrator overrides)."""
        lo, hi = self._package_years
        return lo <= year <= hi or year in self._override_years()

    # -- days ------------------------------------------------------------------------------
    def is_workday(self, day: date) -> bool:
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._is_workday(day)
        return known

    def _is_workday(self, day: date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            if day.year in self._override_years():
                # The administrator entered this year's holidays: unlisted days follow the weekend.
                return day.weekday() < 5
            with self._lock:
                first = day.year not in self._fallback_years
                self._fallback_years.add(day.year)
            if first:
                log.warning(
                    "WORKING-DAY CALENDAR FALLBACK: chinesecalendar has no data for %s and no holiday "
                    "overrides are entered for it; deadlines in %s use plain weekends. An administrator "
                    "must enter the year's holidays (hotline holidays set ...).", day.year, day.year)
            return day.weekday() < 5

    def next_workday(self, day: date) -> date:
        day += timedelta(days=1)
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def end_of_day(self, day: date) -> datetime:
        return datetime.combine(day, END_OF_DAY, tzinfo=self.tz).astimezone(timezone.utc)

    def add_workdays(self, start: datetime, days: int) -> datetime:
        """The end of the ``days``-th working day after the local day of ``start``.

        The day the clock starts is not counted (a ticket dispatched on Friday with two working
        days is due at the end of the second working day after that Friday).
        """
        if days < 0:
            raise ValueError("days must be >= 0")
        day = self.local_date(start)
        if days == 0:
            return self.end_of_day(day)
        for _ in range(days):
            day = self.next_workday(day)
        return self.end_of_day(day)

    def workdays_between(self, start: datetime, end: datetime) -> int:
        """Working days whose end has passed after ``start``'s day up to ``end`` (0 if end <= start)."""
        a, b = self.local_date(start), self.local_date(end)
        count = 0
        day = a
        while day < b:
            day += timedelta(days=1)
            if day < b and self.is_workday(day):
                count += 1
        return count


def add_hours(start: datetime, hours: float) -> datetime:
    """Deadlines in hours run on natural time."""
    return start + timedelta(hours=hours)
