"""Bulk imports: ``hotline import-calls DIR`` (call transcripts, JSON and JSONL) and ``hotline
import-tickets --data FILE.csv`` (a city's ticket history).

Both work in batches (``--batch`` records per transaction, one multi-row INSERT per table) and are
idempotent on the record's own id — the call id, the ticket number — so a run stopped at any point
(Ctrl+C, a crash, a lost connection) is simply run again: what was committed is skipped, the batch
that was cut off was rolled back whole and is imported now. Every rejected file, line or row is
reported with its reason; a bad record never stops the others.
"""
from __future__ import annotations

import csv
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import JSON, any_, bindparam, insert, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from hotline.db import copy_rows
from hotline.domain.vocab import AppealType, Channel, Satisfaction, Urgency
from hotline.errors import HotlineError, InvalidInput
from models import AuditEvent, Category, Ticket, Unit

MAX_FILE_BYTES = 200 * 1024 * 1024
BATCH = 500                     # records per transaction


@dataclass
class ImportReport:
    files: int = 0
    calls: int = 0
    created: int = 0
    existing: int = 0
    skipped: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "calls": self.calls, "created": self.created, "existing": self.existing,
                "skipped": self.skipped, "rejected": len(self.rejected)}

    def reject(self, where: str, error: str, on_reject) -> None:
        self.rejected.append((where, error))
        if on_reject:
            on_reject(where, error)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _bar(total: int, desc: str, unit: str, progress: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, disable=not progress, unit_scale=True)


# -- calls -----------------------------------------------------------------------------------------
def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".jsonl"))


def _too_big(path: Path) -> bool:
    return path.stat().st_size > MAX_FILE_BYTES


def _count(path: Path) -> int:
    """How many records a file holds, for the progress bar (a JSONL file's non-blank lines)."""
    if _too_big(path):
        return 1
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    try:
        doc = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError):
        return 1
    return len(doc) if isinstance(doc, list) else 1


def _records(path: Path) -> Iterator[tuple[str, Any, str | None]]:
    """(where, record, error): one item per call in the file, or one error for an unreadable file.
    A JSONL file is read line by line (any size up to the limit, little memory)."""
    if _too_big(path):
        yield str(path), None, f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB"
        return
    if path.suffix.lower() == ".jsonl":
        try:
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        yield f"{path}:{n}", json.loads(line), None
                    except json.JSONDecodeError as exc:
                        yield f"{path}:{n}", None, f"不是有效的 JSON（{exc.msg}）"
        except UnicodeDecodeError:
            yield str(path), None, "文件不是 UTF-8 编码"
        return
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        yield str(path), None, "文件不是 UTF-8 编码"
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield str(path), None, f"不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）"
        return
    if isinstance(doc, list):
        for n, item in enumerate(doc, 1):
            yield f"{path}#{n}", item, None
    else:
        yield str(path), doc, None


def _known(hl, column, values: list[str], *where) -> set[str]:
    """Which of ``values`` are already in ``column`` (one indexed look-up per batch)."""
    if not values:
        return set()
    with hl.sessions() as s:
        if s.get_bind().dialect.name == "postgresql":    # one array parameter, not one per value
            among = column == any_(bindparam("values", values, type_=postgresql.ARRAY(column.type)))
        else:
            among = column.in_(values)
        return set(s.scalars(select(column).where(among, *where)))


def import_calls(hl, folder: Path, *, progress: bool = True, on_reject=None, batch: int = BATCH) -> ImportReport:
    """Every call of the folder's files becomes a phone ticket (through intake, as a webhook call would),
    ``batch`` calls per transaction; calls already imported are skipped."""
    from channels.phone import INTAKE_ACTOR, call_intake

    folder = Path(folder)
    if not folder.is_dir():
        raise HotlineError(f"目录不存在：{folder}")
    report = ImportReport()
    files = _files(folder)
    report.files = len(files)
    bar = _bar(sum(_count(p) for p in files), "导入通话", "通", progress)
    items = (item for path in files for item in _records(path))
    batches = _batches(items, max(1, batch))
    # the next batch is read and checked in a thread while this one is written: the checks' CPU runs while
    # this process waits for PostgreSQL (the report and the writes stay in this thread, in order)
    with ThreadPoolExecutor(1, thread_name_prefix="import-calls") as ahead:
        following = ahead.submit(_next_checked, batches, call_intake)
        while (chunk := following.result()) is not None:
            following = ahead.submit(_next_checked, batches, call_intake)
            report.calls += len(chunk)
            good: dict[str, tuple[str, Any, tuple]] = {}    # call id -> (where, record, intake): the last one wins
            for where, record, intake, error in chunk:
                if error is not None:
                    report.reject(where, error, on_reject)
                    continue
                call_id = intake[0]["channel_ref"]
                if call_id in good:
                    report.existing += 1            # the same call twice in the files
                good[call_id] = (where, record, intake)
            known = _known(hl, Ticket.channel_ref, list(good), Ticket.channel == "phone")
            report.skipped += len(known)
            new = [item for call_id, item in good.items() if call_id not in known]
            _create_calls(hl, INTAKE_ACTOR, new, report, on_reject)
            bar.update(len(chunk))
    bar.close()
    return report


def _next_checked(batches: Iterator[list], call_intake: Callable) -> list[tuple] | None:
    """The next batch of records as (where, record, intake, error): checked by ``call_intake`` (intake
    None and the Chinese message when refused); None after the last batch."""
    chunk = next(batches, None)
    if chunk is None:
        return None
    out = []
    for where, record, error in chunk:
        intake = None
        if error is None:
            try:
                intake = call_intake(record)
            except HotlineError as exc:
                error = exc.message
        out.append((where, record, intake, error))
    return out


def _create_calls(hl, actor, new: list[tuple[str, Any, tuple]], report: ImportReport, on_reject) -> None:
    """One transaction for the batch; if it fails (a call another process took meanwhile), the batch is
    done call by call, each safe to repeat, so that nothing is lost or doubled and only a bad one rejected."""
    from channels.phone import ingest_call
    from hotline.services import tickets

    if not new:
        return
    try:
        tickets.create_tickets(hl, actor=actor, items=[intake for _where, _record, intake in new])
        report.created += len(new)
        return
    except (IntegrityError, HotlineError):
        pass
    for where, record, _intake in new:
        try:
            _view, created = ingest_call(hl, record)
        except HotlineError as exc:
            report.reject(where, exc.message, on_reject)
        else:
            report.created += created
            report.existing += not created


# -- tickets' history ---------------------------------------------------------------------------------
# The CSV columns of `hotline import-tickets` (UTF-8, a header row; docs/channels.md). Required: number,
# created_at, content, closed_at. Times are ISO 8601 or "YYYY-MM-DD HH:MM[:SS]" in the city's time zone.
TICKET_COLUMNS = ("number", "created_at", "content", "title", "channel", "appeal_type", "urgency", "category",
                  "unit", "status", "closed_at", "answer", "solved", "satisfaction")
HISTORY_ACTOR_ID = "import:tickets"


def _local_time(hl, raw: str, column: str) -> datetime:
    raw = (raw or "").strip()
    if not raw:
        raise InvalidInput(f"缺少 {column}", field=column)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{column} 不是有效的时间：{raw}", field=column) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=hl.calendar.tz)
    return value


def _history_row(hl, row: dict[str, str], categories: dict[str, int], units: dict[str, int]) -> dict[str, Any]:
    """One CSV row checked and turned into the columns of a closed ticket (InvalidInput otherwise)."""
    from hotline.scope import TICKET_NUMBER

    number = (row.get("number") or "").strip()
    if not TICKET_NUMBER.match(number):
        raise InvalidInput(f"工单编号格式不正确：{number or '（空）'}", field="number")
    content = (row.get("content") or "").strip()
    if not content:
        raise InvalidInput("缺少 content（诉求内容）", field="content")
    status = (row.get("status") or "closed").strip()
    if status not in ("closed", "已办结"):
        raise InvalidInput("只导入已办结的历史工单（status 应为 closed）；未办结的请通过接口或 import-calls 受理",
                           field="status")
    created = _local_time(hl, row.get("created_at", ""), "created_at")
    closed = _local_time(hl, row.get("closed_at", ""), "closed_at")
    if closed < created:
        raise InvalidInput("closed_at 早于 created_at", field="closed_at")

    def vocab(enum, column: str, default: str) -> str:
        raw = (row.get(column) or "").strip() or default
        for member in enum:
            if raw in (member.value, member.label):
                return member.value
        raise InvalidInput(f"{column} 的取值无效：{raw}", field=column)

    def code(table: dict[str, int], column: str, label: str) -> int | None:
        raw = (row.get(column) or "").strip()
        if raw and raw not in table:
            raise InvalidInput(f"{label}编码不存在：{raw}", field=column)
        return table.get(raw) if raw else None

    solved_raw = (row.get("solved") or "").strip().lower()
    if solved_raw not in ("", "1", "0", "true", "false", "是", "否"):
        raise InvalidInput(f"solved 的取值无效：{solved_raw}", field="solved")
    satisfaction = (row.get("satisfaction") or "").strip()
    answer = (row.get("answer") or "").strip() or None
    return {
        "number": number, "channel": vocab(Channel, "channel", "phone"), "content": content[:5000],
        "title": ((row.get("title") or "").strip() or content)[:40],
        "appeal_type": vocab(AppealType, "appeal_type", "consult"), "urgency": vocab(Urgency, "urgency", "normal"),
        "category_id": code(categories, "category", "分类"), "lead_unit_id": code(units, "unit", "单位"),
        "status": "closed", "created_at": created, "updated_at": closed, "closed_at": closed,
        "answered_at": closed if answer else None, "answer_text": answer,
        "solved": None if not solved_raw else solved_raw in ("1", "true", "是"),
        "satisfaction": vocab(Satisfaction, "satisfaction", "") if satisfaction else None,
        "intake_state": "done", "intake_attempts": 0, "extra": {"imported": True},
    }


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str] | None, str | None]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"number", "created_at", "content", "closed_at"} - set(reader.fieldnames or ())
            if missing:
                yield 1, None, f"缺少列：{'、'.join(sorted(missing))}"
                return
            for row in reader:
                yield reader.line_num, row, None
    except UnicodeDecodeError:
        yield 0, None, "文件不是 UTF-8 编码"
    except csv.Error as exc:
        yield 0, None, f"CSV 格式错误（{exc}）"


def import_tickets(hl, path: Path, *, progress: bool = True, on_reject: Callable | None = None,
                   batch: int = BATCH) -> ImportReport:
    """A city's closed tickets from a CSV file, ``batch`` rows per transaction (one multi-row INSERT of
    tickets, one of their audit entries). Closed history is history: no message to the citizen, no
    dispatch, no intake work, no deadlines; the figures' roll-up is told which days changed."""
    from models.rollup import MetricDirty

    path = Path(path)
    if not path.is_file():
        raise HotlineError(f"文件不存在：{path}")
    report = ImportReport(files=1)
    with hl.sessions() as s:
        categories = dict(s.execute(select(Category.code, Category.id)).all())
        units = dict(s.execute(select(Unit.code, Unit.id)).all())
    with path.open("rb") as fh:
        total = max(0, sum(1 for _ in fh) - 1)
    bar = _bar(total, "导入工单", "件", progress)
    for chunk in _batches(_csv_rows(path), max(1, batch)):
        report.calls += len(chunk)
        rows: dict[str, dict] = {}
        for line, raw, error in chunk:
            where = f"{path}:{line}"
            if error is None and raw is not None:
                try:
                    row = _history_row(hl, raw, categories, units)
                except HotlineError as exc:
                    error = exc.message
                else:
                    if row["number"] in rows:
                        report.existing += 1
                    rows[row["number"]] = row
            if error is not None:
                report.reject(where, error, on_reject)
        if rows:
            created = _insert_history(hl, list(rows.values()), MetricDirty)
            report.created += created
            report.skipped += len(rows) - created
        bar.update(len(chunk))
    bar.close()
    return report


def _defaults(table) -> dict[str, Any]:
    """The columns' Python-side scalar defaults (a COPY does not apply them)."""
    return {c.name: c.default.arg for c in table.columns
            if c.default is not None and c.default.is_scalar and c.name != "id"}


def _insert_history(hl, rows: list[dict], dirty_model) -> int:
    """One transaction: the tickets not yet there (ON CONFLICT on the number does nothing), an audit
    entry for each one inserted, and the days the figures must recount. PostgreSQL: the rows are
    COPYed into a temporary table and moved with one INSERT … SELECT (a multi-row INSERT of 500 rows
    costs more in building the statement than in running it); SQLite: one executemany."""
    audit_defaults = {"subject_type": "ticket", "actor_type": "system", "actor_id": HISTORY_ACTOR_ID,
                      "actor_name": "历史工单导入", "actor_role": "admin", "action": "import", "to_status": "closed"}
    with hl.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            made = _copy_tickets(conn, rows)
        else:
            from sqlalchemy.dialects import sqlite

            stmt = sqlite.insert(Ticket).on_conflict_do_nothing(index_elements=["number"]).returning(
                Ticket.id, Ticket.created_at, Ticket.closed_at)
            made = [tuple(r) for r in conn.execute(stmt, rows).all()]
        if not made:
            return 0
        audits = [dict(audit_defaults, ticket_id=tid, subject_id=tid, at=closed,
                       data={"created_at": created.isoformat()}) for tid, created, closed in made]
        if conn.dialect.name == "postgresql":
            copy_rows(conn, AuditEvent.__tablename__, audits, json_columns={"data"})
        else:
            conn.execute(insert(AuditEvent), audits)
        days: dict[Any, datetime] = {}
        for _tid, created, closed in made:
            for at in (created, closed):
                days.setdefault(hl.calendar.local_date(at), at)
        conn.execute(insert(dirty_model.__table__), [{"at": at} for at in days.values()])
    return len(made)


def _copy_tickets(conn, rows: list[dict]) -> list[tuple]:
    table = Ticket.__table__
    full = [dict(_defaults(table), **r) for r in rows]
    cols = ", ".join(full[0])
    conn.exec_driver_sql(f"CREATE TEMP TABLE hl_import_tickets ON COMMIT DROP AS SELECT {cols} FROM tickets WITH NO DATA")
    copy_rows(conn, "hl_import_tickets", full, json_columns={c.name for c in table.columns if isinstance(c.type, JSON)})
    return [tuple(r) for r in conn.exec_driver_sql(
        f"INSERT INTO tickets ({cols}) SELECT {cols} FROM hl_import_tickets ON CONFLICT (number) DO NOTHING "
        "RETURNING id, created_at, closed_at").all()]
