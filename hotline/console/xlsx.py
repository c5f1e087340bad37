"""Any console table as an .xlsx download (openpyxl).

``write_xlsx`` writes with openpyxl's write-only mode: rows go to disk as they come, so a table of
any size is exported whole with memory bounded by one batch of rows.
"""
from __future__ import annotations

import itertools
from datetime import datetime
from typing import IO, Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

WIDTH_SAMPLE = 200  # rows looked at to size the columns


def write_xlsx(target: str | IO[bytes], title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write the table to ``target`` (a path or a binary file); returns the number of data rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet((title or "表格")[:31])
    rows = iter(rows)
    sample = [[_cell(v) for v in row] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    for i, header in enumerate(headers):
        width = max([len(str(header))] + [len(str(r[i])) for r in sample if i < len(r)])
        ws.column_dimensions[_letter(i + 1)].width = min(60, max(8, width * 1.6))
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=str(h))
        cell.font = bold
        head.append(cell)
    ws.append(head)
    count = 0
    for row in sample:
        ws.append(row)
        count += 1
    for row in rows:
        ws.append([_cell(v) for v in row])
        count += 1
    wb.save(target)
    return count


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return sanitize_cell("、".join(map(str, value)))
    return sanitize_cell(value) if isinstance(value, str) else value


def sanitize_cell(text: str) -> str:
    """A text a spreadsheet cell can hold: control characters (which openpyxl refuses) removed, and a
    leading ``=`` (which would make the text a formula) escaped with an apostrophe."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + text if text.startswith("=") else text
