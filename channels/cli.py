"""CLI commands of the channels: ``import-calls``, ``bot``, ``tablet``, ``open311-key``."""
from __future__ import annotations

import sys


def _hotline(args, **kw):
    from hotline.cli import _hotline as build

    return build(args, **kw)


def cmd_import_calls(args) -> int:
    from pathlib import Path

    from channels.importer import import_calls

    hl = _hotline(args, start_queue=True)
    try:
        def rejected(where, reason):
            print(f"拒收 {where}：{reason}", file=sys.stderr)

        report = import_calls(hl, Path(args.dir), progress=not args.no_progress, on_reject=rejected)
    finally:
        hl.close()
    s = report.as_dict()
    print(f"文件 {s['files']} 个，通话 {s['calls']} 通：新建工单 {s['created']}，已存在 {s['existing']}，"
          f"跳过（已导入）{s['skipped']}，拒收 {s['rejected']}")
    return 1 if report.rejected else 0


def register(subparsers) -> None:
    p = subparsers.add_parser("import-calls", help="导入通话转写（目录下的 JSON / JSONL 文件，可中断后续传）")
    p.add_argument("dir", help="通话记录所在目录")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.set_defaults(func=cmd_import_calls)
