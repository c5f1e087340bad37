"""Reading and writing labelled CSV files (``text``, ``label`` columns, UTF-8)."""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Iterable, Sequence

csv.field_size_limit(10_000_000)


class DataError(ValueError):
    """An input file cannot be used; the message is one readable line."""


def read_rows(path: str | os.PathLike[str], required: Sequence[str] = ("text",)) -> tuple[list[str], list[dict[str, str]]]:
    """All rows of a CSV file as dicts, after checking that the ``required`` columns exist."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"文件不存在：{path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = [f.strip() for f in (reader.fieldnames or [])]
            if not fields:
                raise DataError(f"文件为空：{path}")
            missing = [c for c in required if c not in fields]
            if missing:
                raise DataError(f"{path} 缺少列：{', '.join(missing)}（需要 {', '.join(required)}；现有 {', '.join(fields)}）")
            reader.fieldnames = fields
            rows = [row for row in reader]
    except UnicodeDecodeError:
        raise DataError(f"{path} 不是 UTF-8 编码的 CSV 文件") from None
    except csv.Error as exc:
        raise DataError(f"{path} 不是有效的 CSV 文件：{exc}") from None
    if not rows:
        raise DataError(f"文件没有数据行：{path}")
    return fields, rows


def read_labelled(path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """Texts and labels of a ``text,label`` CSV; rows with an empty text or label are skipped."""
    _, rows = read_rows(path, required=("text", "label"))
    texts, labels = rows_to_xy(rows)
    if not texts:
        raise DataError(f"{path} 没有同时含 text 和 label 的行")
    return texts, labels


def rows_to_xy(rows: Iterable[dict[str, str] | tuple[str, str]]) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for row in rows:
        if isinstance(row, dict):
            text, label = row.get("text"), row.get("label")
        else:
            text, label = row[0], row[1]
        text = (text or "").strip()
        label = str(label).strip() if label is not None else ""
        if text and label:
            texts.append(text)
            labels.append(label)
    return texts, labels


def write_rows(path: str | os.PathLike[str], fields: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, path)
