"""``hotline import-calls DIR``: load a folder of call transcripts (JSON and JSONL).

Resumable: calls whose id is already a phone ticket are skipped before any work is done, and a
re-import of one that slipped through returns the first ticket (the call id is the channel
reference). Every rejected file or line is reported with its reason.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select

from channels.phone import ingest_call
from hotline.errors import HotlineError
from models import Ticket

MAX_FILE_BYTES = 200 * 1024 * 1024


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


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".jsonl"))


def _records(path: Path) -> Iterator[tuple[str, Any, str | None]]:
    """(where, record, error): one item per call in the file, or one error for an unreadable file."""
    if path.stat().st_size > MAX_FILE_BYTES:
        yield str(path), None, f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB"
        return
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        yield str(path), None, "文件不是 UTF-8 编码"
        return
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{n}", json.loads(line), None
            except json.JSONDecodeError as exc:
                yield f"{path}:{n}", None, f"不是有效的 JSON（{exc.msg}）"
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


def _known_call_ids(hl) -> set[str]:
    with hl.sessions() as s:
        return set(s.scalars(select(Ticket.channel_ref).where(Ticket.channel == "phone",
                                                              Ticket.channel_ref.is_not(None))))


def import_calls(hl, folder: Path, *, progress: bool = True, on_reject=None) -> ImportReport:
    from tqdm import tqdm

    folder = Path(folder)
    if not folder.is_dir():
        raise HotlineError(f"目录不存在：{folder}")
    report = ImportReport()
    files = _files(folder)
    report.files = len(files)
    known = _known_call_ids(hl)
    items = [item for path in files for item in _records(path)]
    bar = tqdm(items, desc="导入通话", unit="通", disable=not progress)
    for where, record, error in bar:
        report.calls += 1
        if error is None and isinstance(record, dict) and record.get("call_id") in known:
            report.skipped += 1
            continue
        if error is None:
            try:
                _view, created = ingest_call(hl, record)
            except HotlineError as exc:
                error = exc.message
            else:
                report.created += created
                report.existing += not created
                known.add(record["call_id"])
        if error is not None:
            report.rejected.append((where, error))
            if on_reject:
                on_reject(where, error)
    bar.close()
    return report
