"""Deadline arithmetic: pure functions of (stage, start, calendar, rules)."""
from __future__ import annotations

from datetime import datetime

from hotline.domain.calendar import WorkCalendar, add_hours
from hotline.domain.rules import Rules


def dispatch_due(rules: Rules, urgency: str, received_at: datetime) -> datetime:
    return add_hours(received_at, rules.dispatch_hours[urgency])


def sign_due(rules: Rules, urgency: str, dispatched_at: datetime) -> datetime:
    return add_hours(dispatched_at, rules.sign_hours[urgency])


def return_due(rules: Rules, cal: WorkCalendar, dispatched_at: datetime) -> datetime:
    return cal.add_workdays(dispatched_at, rules.return_window_workdays)


def completion_due(rules: Rules, cal: WorkCalendar, appeal_type: str, dispatched_at: datetime,
                   extension_workdays: int = 0) -> datetime:
    return cal.add_workdays(dispatched_at, rules.completion_workdays[appeal_type] + extension_workdays)


def callback_due(rules: Rules, cal: WorkCalendar, answered_at: datetime) -> datetime:
    return cal.add_workdays(answered_at, rules.callback_workdays)


def warn_at(rules: Rules, due: datetime) -> datetime:
    return add_hours(due, -rules.warn_before_hours)


def notify_at(rules: Rules, cal: WorkCalendar, due: datetime) -> datetime:
    """通报 when the work is still not done this many working days after the deadline."""
    return cal.add_workdays(due, rules.notify_after_workdays)


def review_first_contact_due(rules: Rules, cal: WorkCalendar, rated_at: datetime) -> datetime:
    return cal.add_workdays(rated_at, rules.review_first_contact_workdays)


def review_rectify_due(rules: Rules, cal: WorkCalendar, rated_at: datetime) -> datetime:
    return cal.add_workdays(rated_at, rules.review_rectify_workdays)
