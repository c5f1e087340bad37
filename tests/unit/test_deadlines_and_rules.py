"""Deadline arithmetic per rules.md and the rules file a city edits."""
from datetime import date, timedelta

import pytest

from hotline.domain import deadlines
from hotline.domain.calendar import WorkCalendar
from hotline.domain.rules import RulesError, default_rules_text, load_rules, parse_rules
from tests.conftest import beijing

RULES = load_rules()
CAL = WorkCalendar()


def local_date(dt):
    return dt.astimezone(CAL.tz).date()


@pytest.mark.parametrize("urgency, hours", [("emergency", 1), ("utility", 2), ("normal", 24)])
def test_dispatch_deadline_runs_on_natural_hours(urgency, hours):
    start = beijing(2026, 10, 1, 23, 30)      # a holiday night: natural time still runs
    assert deadlines.dispatch_due(RULES, urgency, start) == start + timedelta(hours=hours)


@pytest.mark.parametrize("appeal_type, days, expected", [
    ("consult", 2, date(2026, 3, 4)),
    ("help", 10, date(2026, 3, 16)),
    ("suggestion", 10, date(2026, 3, 16)),
    ("complaint", 15, date(2026, 3, 23)),
    ("report", 15, date(2026, 3, 23)),
])
def test_completion_by_appeal_type(appeal_type, days, expected):
    assert RULES.completion_workdays[appeal_type] == days
    assert local_date(deadlines.completion_due(RULES, CAL, appeal_type, beijing(2026, 3, 2, 9))) == expected


def test_extension_adds_working_days():
    base = deadlines.completion_due(RULES, CAL, "consult", beijing(2026, 3, 2, 9))
    extended = deadlines.completion_due(RULES, CAL, "consult", beijing(2026, 3, 2, 9), extension_workdays=3)
    assert local_date(extended) == date(2026, 3, 9) and extended > base


def test_return_window_and_callback_cross_national_day():
    dispatched = beijing(2026, 9, 30, 15)
    assert local_date(deadlines.return_due(RULES, CAL, dispatched)) == date(2026, 10, 9)
    assert local_date(deadlines.callback_due(RULES, CAL, dispatched)) == date(2026, 10, 8)


def test_notify_five_working_days_after_the_deadline():
    due = CAL.end_of_day(date(2026, 9, 25))   # a Friday
    # 28, 29, 30 Sep, then 8 and 9 Oct (1–7 Oct off)
    assert local_date(deadlines.notify_at(RULES, CAL, due)) == date(2026, 10, 9)


def test_review_deadlines_default_to_one_and_fifteen_working_days():
    rated = beijing(2026, 9, 30, 11)
    assert local_date(deadlines.review_first_contact_due(RULES, CAL, rated)) == date(2026, 10, 8)
    assert RULES.review_rectify_workdays == 15 and RULES.review_default_rating_days == 0


def test_a_city_can_change_a_number():
    text = default_rules_text().replace("complaint = 15", "complaint = 5")
    rules = parse_rules(text, "city.toml")
    assert rules.completion_workdays["complaint"] == 5


@pytest.mark.parametrize("old, new, message", [
    ("normal = 24", "normal = -1", "non-negative"),
    ("complaint = 15", "complaint = \"fifteen\"", "complaint"),
    ("consult = 2", "", "consult"),
    ("[callback]", "[callbacks]", "callback"),
    ("[dispatch_hours]", "[dispatch_hours]\nurgent = 3\n#", "unknown keys"),
])
def test_a_broken_rules_file_is_refused_with_the_reason(old, new, message):
    text = default_rules_text()
    assert old in text
    with pytest.raises(RulesError, match=message):
        parse_rules(text.replace(old, new, 1), "city.toml")


def test_missing_rules_file_is_a_clear_error(tmp_path):
    with pytest.raises(RulesError, match="not found"):
        load_rules(tmp_path / "nope.toml")
