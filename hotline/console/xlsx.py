"""Any console table as an .xlsx download (openpyxl)."""
from __future__ import annotations

import io
from datetime import datetime
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font


def workbook_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = (title or "表格")[:31]
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_cell(v) for v in row])
    for i, header in enumerate(headers, 1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows[:200] if i - 1 < len(r)])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, max(8, width * 1.6))
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


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
