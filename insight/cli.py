"""``hotline similar`` and ``hotline hotspots``: repeat groups and hotspots of a CSV of appeals.

    hotline similar  --data IN.csv --out OUT.csv   # text [, created_at, place]       → + group
    hotline hotspots --data IN.csv --out OUT.csv   # text, created_at [, place, votes] → + hotspot, heat

Every input column is kept; the file is read as UTF-8 (with or without BOM).
"""
from __future__ import annotations

import gc
import sys
import threading
import time
from contextlib import contextmanager
from datetime import datetime

from classifier.dataio import DataError as CsvError, read_rows, write_rows  # one CSV reader for every command


def parse_time(raw: str, row: int) -> float:
    text = (raw or "").strip().replace("/", "-")
    if not text:
        raise CsvError(f"第 {row} 行缺少 created_at")
    value = None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
            try:
                value = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if value is None:
        raise CsvError(f"第 {row} 行 created_at 不是有效时间：{raw}")
    if value.tzinfo is None:
        from zoneinfo import ZoneInfo

        value = value.replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    return value.timestamp()


@contextmanager
def without_collections():
    """Python's cycle collector paused for a while (as it was again after). Reading a week back from the reading
    processes and grouping it make hundreds of thousands of lasting objects (each matter's sets, the memos of
    pairs), and each of the collector's full passes walks all of them again: ≈ 0.5 CPU s of the parent's reading
    back and ≈ 1 s of grouping a week of 20,000 long letters, for no cyclic garbage to speak of (what is freed is
    freed by its count as before; what cycles there are, the first pass after collects). Answers are unchanged:
    the collector decides when memory is given back, never what any function returns."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


PARALLEL_FROM = 2000     # distinct texts from which reading is shared among processes


def _read(pairs: list[tuple[str, str | None]]) -> list:
    from insight.places import default_gazetteer, matter_for_text

    gaz = default_gazetteer()
    return [matter_for_text(text, place, gazetteer=gaz) for text, place in pairs]


def _matters(rows: list[dict]) -> list:
    """Each row's matter (its places and problems). A text met twice is read once; many distinct texts
    are read by one process per core (forked after the gazetteer and the tagger are loaded, so each
    starts at once), in the rows' order."""
    import os

    keys = [(r.get("text") or "", (r.get("place") or "").strip() or None) for r in rows]
    distinct = list(dict.fromkeys(keys))
    _read([("预热", None)])                    # the gazetteer, the lexicon and the tagger, before any fork
    workers = min(os.cpu_count() or 1, 8)
    read = None
    if workers > 1 and len(distinct) >= PARALLEL_FROM and sys.platform.startswith("linux") \
            and threading.active_count() == 1:       # a fork beside other threads could inherit a held lock
        import gc
        import multiprocessing

        from insight.matter import load_tagger

        load_tagger()      # the tagger's dictionaries too (the warm-up text asks it nothing): else each child reads them
        size = -(-len(distinct) // (workers * 4))
        chunks = [distinct[i:i + size] for i in range(0, len(distinct), size)]
        gc.freeze()   # the loaded dictionaries out of the children's collections: their pages stay shared
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool, without_collections():
                # (paused once the readers are forked: they collect as before, the parent reads their answers back)
                read = [m for part in pool.map(_read, chunks) for m in part]
        except OSError:                        # no processes to be had: read here
            read = None
        finally:
            gc.unfreeze()
    if read is None:
        read = _read(distinct)
    by_key = dict(zip(distinct, read))
    return [by_key[k] for k in keys]


def cmd_similar(args) -> int:
    from insight.matter import group

    started = time.perf_counter()
    fields, rows = read_rows(args.data, ("text",))
    times = None
    if "created_at" in fields:
        times = [parse_time(r["created_at"], n) if (r.get("created_at") or "").strip() else None
                 for n, r in enumerate(rows, start=2)]
    matters = _matters(rows)
    with without_collections():
        labels = group(matters, times)
    for r, g in zip(rows, labels):
        r["group"] = "" if g is None else str(g)
    write_rows(args.out, [f for f in fields if f != "group"] + ["group"], rows)
    groups = len({g for g in labels if g is not None})
    print(f"已处理 {len(rows)} 条诉求：{groups} 组重复诉求，涉及 {sum(g is not None for g in labels)} 条；"
          f"用时 {time.perf_counter() - started:.1f} 秒；结果写入 {args.out}")
    return 0


def cmd_hotspots(args) -> int:
    from insight.hotspots import Appeal, find_hotspots, label_rows

    started = time.perf_counter()
    fields, rows = read_rows(args.data, ("text", "created_at"))
    times = [parse_time(r["created_at"], n) for n, r in enumerate(rows, start=2)]
    appeals = []
    for n, (r, m, at) in enumerate(zip(rows, _matters(rows), times), start=2):
        raw = (r.get("votes") or "0").strip() or "0"
        try:
            votes = int(float(raw))
        except ValueError:
            raise CsvError(f"第 {n} 行 votes 应为数字：{raw}") from None
        appeals.append(Appeal(matter=m, at=at, citizen=(r.get("citizen") or "").strip() or None, votes=votes,
                              urgent=(r.get("urgency") or "") in ("emergency", "utility", "紧急")))
    now = parse_time(args.now, 0) if args.now else None
    with without_collections():
        spots = find_hotspots(appeals, now=now, window_days=args.window_days)
    for r, (n, heat) in zip(rows, label_rows(appeals, spots)):
        r["hotspot"] = "" if n is None else str(n)
        r["heat"] = "" if heat is None else f"{heat:g}"
    write_rows(args.out, [f for f in fields if f not in ("hotspot", "heat")] + ["hotspot", "heat"], rows)
    print(f"已处理 {len(rows)} 条诉求：{len(spots)} 个热点；用时 {time.perf_counter() - started:.1f} 秒；结果写入 {args.out}")
    for n, spot in enumerate(spots[: args.top], start=1):
        print(f"  {n}. 热度 {spot.heat:g}  {spot.description}")
    return 0


def _guard(fn):
    def run(args) -> int:
        try:
            return fn(args)
        except CsvError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    return run


def cmd_reindex(args) -> int:
    """Rewrite the stored place keys of open tickets with the current concepts and place reading."""
    from hotline.cli import _print_json, opened
    from hotline.services.similar import reindex_open

    with opened(args) as hl:
        _print_json(reindex_open(hl))
    return 0


def register(sub) -> None:
    s = sub.add_parser("similar", help="找出 CSV 中的重复诉求（同一地点、同一问题），写出 group 列")
    s.add_argument("--data", required=True, help="输入 CSV：text 列（可选 created_at、place）")
    s.add_argument("--out", required=True, help="输出 CSV：原有列 + group")
    s.set_defaults(func=_guard(cmd_similar))

    s = sub.add_parser("similar-reindex", help="立即重写所有未办结工单的并单索引键（升级或修改词表后督办扫描会自动分批完成，此命令可一次做完）")
    s.set_defaults(func=cmd_reindex)

    s = sub.add_parser("hotspots", help="找出 CSV 中的热点问题，写出 hotspot 与 heat 列")
    s.add_argument("--data", required=True, help="输入 CSV：text、created_at 列（可选 place、votes、citizen）")
    s.add_argument("--out", required=True, help="输出 CSV：原有列 + hotspot + heat")
    s.add_argument("--now", help="以此时刻为“现在”（默认：数据中最晚的时间）")
    s.add_argument("--window-days", type=float, help="只看“现在”之前若干天（默认见 insight.toml，7 天）")
    s.add_argument("--top", type=int, default=10, help="打印热度最高的若干个热点")
    s.set_defaults(func=_guard(cmd_hotspots))
