"""The holiday table: changes that reach every process and move the deadlines that depend on them.

Every change (``hotline holidays set|delete|import``, ``PUT /api/v1/holidays/…``, the admin console)
goes through ``change_days``: in one transaction it writes the days, bumps the table's version
(``HolidayTableVersion``) and recomputes each open deadline that counts working days across a
changed day — tickets' 退单, 办结 and 回访 deadlines and rectification cases' 回访核实 and 整改
deadlines — with an audit entry on each ticket and case that moved. Other processes notice the new
version on their next unit of work (``Hotline.refresh_calendar``: one tiny SELECT at most every
few seconds) and reload the table.

``parse_notice`` reads the State Council's notice (国务院办公厅关于 YYYY 年部分节假日安排的通知)
as plain text, or simple lines ``YYYY-MM-DD off|work [note]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable

from sqlalchemy import or_, select

from hotline.domain import deadlines
from hotline.domain.calendar import WorkCalendar
from hotline.errors import InvalidInput, NotFound
from hotline.services import audit, next_action
from hotline.services.actors import SYSTEM, Actor
from models import HolidayOverride, HolidayTableVersion, RectificationCase, Review, Ticket

OPEN_TICKET = ("dispatched", "signed", "in_progress", "returned", "arbitration", "answered", "callback")
OPEN_CASE_DONE = ("closed", "accepted")
WARN_FROM_MONTH = 11  # from 1 November, say loudly that next year's days are not entered


@dataclass(frozen=True)
class DayChange:
    day: date
    workday: bool | None          # None: delete the administrator's entry
    note: str = ""


def _local(hl, moment: datetime | None) -> str:
    return moment.astimezone(hl.calendar.tz).strftime("%Y-%m-%d") if moment else "-"


def change_days(hl, changes: Iterable[DayChange], *, actor: Actor = SYSTEM, source: str = "") -> dict:
    """Apply the changes, bump the version, recompute affected open deadlines; one transaction."""
    changes = list(changes)
    if not changes:
        raise InvalidInput("没有要修改的日期")
    with hl.uow() as uow:
        s = uow.session
        changed: list[date] = []
        for c in changes:
            row = s.get(HolidayOverride, c.day)
            if c.workday is None:
                if row is None:
                    raise NotFound(f"没有 {c.day} 的节假日设置")
                s.delete(row)
                changed.append(c.day)
                continue
            if row is None:
                row = HolidayOverride(day=c.day, created_at=hl.now())
                s.add(row)
            elif row.workday == c.workday and row.note == c.note:
                continue
            row.workday, row.note = c.workday, c.note[:200]
            changed.append(c.day)
        s.flush()
        overrides = {d: w for d, w in s.execute(select(HolidayOverride.day, HolidayOverride.workday)).all()}
        new_cal = WorkCalendar(overrides, tz=hl.settings.timezone)
        s.info[next_action.CALENDAR] = new_cal      # moved deadlines' next_action_at counts on it too
        version = _bump(s, hl)
        moved = _recompute(s, hl, new_cal, changed, actor, source) if changed else {"tickets": [], "cases": []}
        if changed:
            next_action.refresh_for_calendar(s, hl, new_cal)
        uow.commit()
    hl.calendar.set_overrides(overrides)
    hl.holiday_version = version
    return {"changed_days": [d.isoformat() for d in sorted(changed)], "version": version,
            "tickets_moved": moved["tickets"], "cases_moved": moved["cases"]}


def _bump(s, hl) -> int:
    row = s.get(HolidayTableVersion, 1, with_for_update=True)
    if row is None:
        row = HolidayTableVersion(id=1, version=0)
        s.add(row)
    row.version = (row.version or 0) + 1
    row.changed_at = hl.now()
    return row.version


def current_version(s) -> int:
    return s.scalar(select(HolidayTableVersion.version).where(HolidayTableVersion.id == 1)) or 0


def _recompute(s, hl, cal: WorkCalendar, changed: list[date], actor: Actor, source: str) -> dict:
    lo, hi = min(changed), max(changed)
    start_lo = cal.end_of_day(lo - timedelta(days=1))      # a deadline ending before lo cannot move
    start_hi = cal.end_of_day(hi)                          # a clock started after hi cannot move
    days = "、".join(d.isoformat() for d in sorted(changed)[:10]) + ("等" if len(changed) > 10 else "")
    reason = f"节假日调整（{days}）{('，' + source) if source else ''}：按新工作日历重新计算时限"
    rules = hl.rules
    moved_tickets: list[str] = []
    rows = s.scalars(select(Ticket).where(
        Ticket.status.in_(OPEN_TICKET), Ticket.dispatched_at.is_not(None), Ticket.dispatched_at <= start_hi,
        or_(Ticket.complete_due >= start_lo, Ticket.return_due >= start_lo, Ticket.callback_due >= start_lo))
        .order_by(Ticket.id)).all()
    for t in rows:
        new = {"return_due": deadlines.return_due(rules, cal, t.dispatched_at),
               "complete_due": deadlines.completion_due(rules, cal, t.appeal_type, t.dispatched_at,
                                                        t.extension_workdays)}
        if t.callback_due is not None and t.answered_at is not None:
            new["callback_due"] = deadlines.callback_due(rules, cal, t.answered_at)
        if _move(s, hl, t, new, "complete_due", actor, reason, ticket_id=t.id):
            moved_tickets.append(t.number)
    moved_cases: list[int] = []
    cases = s.scalars(select(RectificationCase).join(Review, Review.id == RectificationCase.review_id).where(
        RectificationCase.status.not_in(OPEN_CASE_DONE), Review.rated_at <= start_hi,
        or_(RectificationCase.rectify_due >= start_lo, RectificationCase.contact_due >= start_lo))
        .order_by(RectificationCase.id)).all()
    for c in cases:
        rated_at = c.review.rated_at
        new = {"rectify_due": deadlines.review_rectify_due(rules, cal, rated_at)}
        if c.callback_at is None:
            new["contact_due"] = deadlines.review_first_contact_due(rules, cal, rated_at)
        if _move(s, hl, c, new, "rectify_due", actor, reason, subject_type="rectification", subject_id=c.id):
            moved_cases.append(c.id)
    return {"tickets": moved_tickets, "cases": moved_cases}


def _move(s, hl, thing, new: dict, main_due: str, actor: Actor, reason: str, **subject) -> bool:
    """Set the recomputed deadlines of a ticket or case; audit the ones that changed (old → new date).
    A main deadline moved into the future clears its 超期 flag and 预警 stamp (the sweep decides anew)."""
    diff = {k: {"from": _local(hl, getattr(thing, k)), "to": _local(hl, v)}
            for k, v in new.items() if getattr(thing, k) != v}
    if not diff:
        return False
    now = hl.now()
    for k, v in new.items():
        setattr(thing, k, v)
    if main_due in diff and getattr(thing, main_due) > now:
        thing.overdue = False
        thing.warned_at = None
    thing.updated_at = now
    audit.record(s, actor, "recompute_deadlines", at=now, from_status=thing.status, to_status=thing.status,
                 reason=reason, data=diff, **subject)
    return True


# -- next year's days --------------------------------------------------------------------------
def calendar_warnings(hl, now: datetime | None = None) -> list[str]:
    """What /healthz, the admin console and the supervisor dashboard say about the calendar."""
    now = now or hl.now()
    cal = hl.calendar
    out = []
    status = cal.status()
    if status.fallback_years:
        out.append(f"工作日历回退为普通周末：{'、'.join(map(str, status.fallback_years))} 年缺少节假日数据，"
                   "请管理员录入节假日")
    today = cal.local_date(now)
    if not cal.covers(today.year):
        out.append(f"{today.year} 年的节假日尚未录入，时限按普通周末计算，请管理员立即录入")
    if today.month >= WARN_FROM_MONTH and not cal.covers(today.year + 1):
        out.append(f"{today.year + 1} 年的节假日尚未录入：请在国务院办公厅发布通知后用 "
                   f"hotline holidays import 或管理后台录入，否则 {today.year + 1} 年的时限将按普通周末计算")
    return out


# -- the State Council's notice ---------------------------------------------------------------
_NUM = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
_PAREN = r"(?:[（(][^）)]*[）)])?"
_RANGE = re.compile(_NUM + _PAREN + r"\s*至\s*" + r"(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日" + _PAREN)
_SINGLE = re.compile(_NUM + _PAREN)
_SIMPLE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s+(off|work|放假|上班)\s*(.*)$")
_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部分)?节假日安排")


def parse_notice(text: str, year: int | None = None) -> list[DayChange]:
    """The days of a State Council holiday notice (or of simple ``YYYY-MM-DD off|work note`` lines)."""
    out: dict[date, DayChange] = {}
    simple = [m for m in (_SIMPLE.match(line) for line in text.splitlines()) if m]
    for m in simple:
        try:
            day = date.fromisoformat(m.group(1))
        except ValueError:
            raise InvalidInput(f"日期不正确：{m.group(1)}") from None
        out[day] = DayChange(day, m.group(2) in ("work", "上班"), m.group(3).strip()[:200])
    if simple:
        return sorted(out.values(), key=lambda c: c.day)
    found = _YEAR.search(text)
    year = year or (int(found.group(1)) if found else None)
    if year is None:
        raise InvalidInput("无法从通知中确定年份（标题应含“YYYY年部分节假日安排”），请用 --year 指定")
    for raw in re.split(r"[\n\r]+|(?<=。)(?=[一二三四五六七八九十]+、)", text):
        line = raw.strip()
        head = re.match(r"^[一二三四五六七八九十]+、\s*([^：:]{1,12})[：:](.*)$", line)
        if not head:
            continue
        name, body = head.group(1).strip(), head.group(2)
        for sentence in re.split(r"[。；;]", body):
            if "放假" in sentence:
                part = sentence.split("放假")[0]
                spans = list(_RANGE.finditer(part))
                for m in spans:
                    y1 = int(m.group(1) or year)
                    first = _day(y1, m.group(2), m.group(3))
                    y2 = int(m.group(4) or first.year)
                    month2 = m.group(5) or m.group(2)
                    last = _day(y2, month2, m.group(6))
                    if last < first:
                        last = _day(first.year + 1, month2, m.group(6))
                    d = first
                    while d <= last:
                        out[d] = DayChange(d, False, name)
                        d += timedelta(days=1)
                if not spans:
                    for m in _SINGLE.finditer(part):
                        d = _day(int(m.group(1) or year), m.group(2), m.group(3))
                        out[d] = DayChange(d, False, name)
            if "上班" in sentence:
                part = sentence.split("上班")[0]
                for m in _SINGLE.finditer(part):
                    d = _day(int(m.group(1) or year), m.group(2), m.group(3))
                    out[d] = DayChange(d, True, f"{name}调休上班")
    if not out:
        raise InvalidInput("没有在通知中找到放假或上班的日期")
    return sorted(out.values(), key=lambda c: c.day)


def _day(year: int, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidInput(f"通知中的日期不正确：{year}年{month}月{day}日") from None
