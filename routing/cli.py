"""`hotline route explain` and `hotline routing train`: registered on the `hotline` CLI by `register`.

`hotline route explain --text "…" [--category CODE] [--place P] [--table FILE]` prints one JSON object
with the keys `category`, `district`, `place`, `unit`, `assisting_units`, `rule`, `confidence` and
`explanation` (a contract: outside tools read it) and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Iterable

from hotline.ports import RoutingRequest
from routing.learned import LearnedRouter, train_learned_router
from routing.registry import demo_table_text, load_demo_registry
from routing.router import build_router
from routing.table import RoutingTableError, load_table

# the lead wires the database: a callable returning (text, category code, final unit code) rows
HistoryRows = Callable[[argparse.Namespace], Iterable[tuple[str, str | None, str]]]
_history_rows: HistoryRows | None = None


def set_history_source(source: HistoryRows) -> None:
    """Tell `hotline routing train` where past tickets come from (the service layer's query)."""
    global _history_rows
    _history_rows = source


# the lead wires the classifier the service uses: a callable returning an object with classify(text)
_classifier_source: Callable[[argparse.Namespace], object] | None = None


def set_classifier_source(source: Callable[[argparse.Namespace], object]) -> None:
    """Let `route explain` classify the text when no --category is given, as intake does."""
    global _classifier_source
    _classifier_source = source


def explain(args: argparse.Namespace) -> int:
    units, categories = load_demo_registry()
    try:
        table = load_table(Path(args.table) if args.table else demo_table_text(), units, categories)
    except RoutingTableError as exc:
        print(json.dumps({"error": str(exc)}, ensure_ascii=False), file=sys.stderr)
        return 2
    learned = LearnedRouter.load(args.model) if getattr(args, "model", None) else None
    router = build_router(units, categories, table, learned)
    category = router.tree.resolve(args.category) if args.category else None
    if args.category and category is None:
        print(json.dumps({"error": f"未知分类 {args.category}"}, ensure_ascii=False), file=sys.stderr)
        return 2
    classification = None
    appeal_type, urgency = args.appeal_type, args.urgency
    if not args.category and _classifier_source is not None:
        result = _classifier_source(args).classify(args.text)
        classification = {"label": result.category, "confidence": result.confidence, "abstain": result.abstain,
                          "appeal_type": result.appeal_type, "urgency": result.urgency,
                          "model_version": result.model_version}
        # as at intake: an unsure guess is shown, not used to route
        category = router.tree.resolve(result.category) if result.category and not result.abstain else None
        appeal_type, urgency = appeal_type or result.appeal_type, urgency or result.urgency
    d = router.route(RoutingRequest(text=args.text, category=category, appeal_type=appeal_type,
                                    urgency=urgency, channel=args.channel, place=args.place,
                                    exclude_units=frozenset(args.exclude or ())))
    out = {
        "category": category,
        "category_name": router.tree.path_name(category) if category else None,
        "district": d.district, "place": d.place, "unit": d.unit,
        "unit_name": router.registry.name(d.unit) if d.unit else None,
        "assisting_units": list(d.assisting_units), "rule": d.rule, "confidence": d.confidence,
        "explanation": d.explanation, "suggestions": list(d.suggestions),
        "classification": classification,
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def train_from_rows(rows: Iterable[tuple[str, str | None, str]], out: str | Path) -> dict:
    """Fit the learned router on history rows and save it; returns a summary."""
    model = train_learned_router(rows)
    model.save(out)
    return {"rows": model.n_rows, "units": len(model.model.classes_), "path": str(out)}


def train(args: argparse.Namespace) -> int:
    if args.from_jsonl:
        with open(args.from_jsonl, encoding="utf-8") as fh:
            rows = [(r["text"], r.get("category"), r["unit"]) for r in (json.loads(line) for line in fh if line.strip())]
    elif _history_rows is not None:
        rows = list(_history_rows(args))
    else:
        print("没有可用的历史数据来源（--from-jsonl FILE，或由 hotline 接入数据库）", file=sys.stderr)
        return 2
    try:
        summary = train_from_rows(rows, args.out)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    route = subparsers.add_parser("route", help="派单：解释一条诉求会派给哪个单位")
    route_sub = route.add_subparsers(dest="route_command", required=True)
    ex = route_sub.add_parser("explain", help="打印派单结果（JSON）")
    ex.add_argument("--text", required=True, help="诉求内容")
    ex.add_argument("--category", help="分类编码或名称路径")
    ex.add_argument("--place", help="市民填写的地点")
    ex.add_argument("--appeal-type", dest="appeal_type", help="诉求类型（consult/help/complaint/report/suggestion）")
    ex.add_argument("--urgency", help="紧急程度（emergency/utility/normal）")
    ex.add_argument("--channel", help="来源渠道（如 phone、miniprogram）")
    ex.add_argument("--exclude", action="append", help="排除的单位编码（已退单）")
    ex.add_argument("--table", help="派单规则文件（默认：演示城市）")
    ex.add_argument("--model", help="历史派单模型文件")
    ex.set_defaults(func=explain)

    routing = subparsers.add_parser("routing", help="派单模型")
    routing_sub = routing.add_subparsers(dest="routing_command", required=True)
    tr = routing_sub.add_parser("train", help="用历史工单训练派单模型")
    tr.add_argument("--out", required=True, help="模型输出文件")
    tr.add_argument("--from-jsonl", dest="from_jsonl", help="JSONL 文件：text, category, unit")
    tr.set_defaults(func=train)
