"""`hotline route explain` and `hotline routing train`: registered on the `hotline` CLI by `register`.

`hotline route explain --text "…" [--category CODE] [--place P] [--table FILE]` prints one JSON object
with the keys `category`, `district`, `district_name`, `place`, `unit`, `unit_name`, `assisting_units`
(codes), `assisting_unit_names`, `rule`, `confidence`, `transfer` (list: 110/119/120/122), `redirect`
(诉讼/仲裁/纪检监察/行政复议/信访/保密 or null), `explanation` and `suggestions` (a contract: outside
tools read it) and exits 0.

`hotline route explain --data IN.csv --out OUT.csv` routes every row of a CSV with a `text` column
(optional `category` and `place` columns are used; every other column is copied through) in one
process and writes per row `district` (code), `district_name`, `unit` (code), `unit_name`,
`assisting_units` (names, `|`-separated), `rule` (or the reason: `duty:<id>`, `unresolved`),
`confidence`, `transfer` (`|`-separated) and `redirect`. Bad input exits 2 with a Chinese message.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Callable, Iterable

from hotline.ports import RoutingRequest
from routing.learned import LearnedRouter, train_ref_router, unit_ref
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


CSV_FIELDS = ("district", "district_name", "unit", "unit_name", "assisting_units", "rule", "confidence",
              "transfer", "redirect")


def _build(args: argparse.Namespace):
    units, categories = load_demo_registry()
    table = load_table(Path(args.table) if args.table else demo_table_text(), units, categories)
    learned = LearnedRouter.load(args.model) if getattr(args, "model", None) else None
    return build_router(units, categories, table, learned)


def routing_request(router, classifier, text: str, *, category: str | None = None, place: str | None = None,
                    appeal_type: str | None = None, urgency: str | None = None, channel: str | None = None,
                    exclude: Iterable[str] = ()) -> tuple[RoutingRequest, dict | None]:
    """The request intake passes to the router (the classifier's category when none is given) and the
    classification shown beside it (None when not classified here)."""
    classification = None
    if category is None and classifier is not None:
        result = classifier.classify(text)
        classification = {"label": result.category, "confidence": result.confidence, "abstain": result.abstain,
                          "appeal_type": result.appeal_type, "urgency": result.urgency,
                          "model_version": result.model_version}
        # as at intake: an unsure guess is shown, not used to route
        category = router.tree.resolve(result.category) if result.category and not result.abstain else None
        appeal_type, urgency = appeal_type or result.appeal_type, urgency or result.urgency
    return RoutingRequest(text=text, category=category, appeal_type=appeal_type, urgency=urgency,
                          channel=channel, place=place, exclude_units=frozenset(exclude)), classification


def explain_one(router, classifier, text: str, *, category: str | None = None, place: str | None = None,
                appeal_type: str | None = None, urgency: str | None = None, channel: str | None = None,
                exclude: Iterable[str] = ()) -> dict:
    """Route one appeal as intake does (classify when no category is given) → the contract's fields."""
    request, classification = routing_request(router, classifier, text, category=category, place=place,
                                              appeal_type=appeal_type, urgency=urgency, channel=channel,
                                              exclude=exclude)
    d = router.route(request)
    category = request.category
    return {
        "category": category,
        "category_name": router.tree.path_name(category) if category else None,
        "district": d.district,
        "district_name": router.registry.name(d.district) if d.district else None,
        "place": d.place, "unit": d.unit,
        "unit_name": router.registry.name(d.unit) if d.unit else None,
        "assisting_units": list(d.assisting_units),
        "assisting_unit_names": [router.registry.name(u) for u in d.assisting_units],
        "rule": d.rule, "confidence": d.confidence,
        "transfer": list(d.transfer), "redirect": d.redirect, "triage_reason": d.triage_reason,
        "explanation": d.explanation, "suggestions": list(d.suggestions),
        "classification": classification,
    }


class _LazyClassifier:
    """The service's classifier, loaded only when a row carries no category."""

    def __init__(self, args: argparse.Namespace):
        self.args, self._clf = args, None

    def classify(self, text: str):
        if self._clf is None:
            self._clf = _classifier_source(self.args)
        return self._clf.classify(text)


def _fail(message: str) -> int:
    print(json.dumps({"error": message}, ensure_ascii=False), file=sys.stderr)
    return 2


def _read_csv(path: str) -> tuple[list[str], list[dict[str, str]]]:
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValueError("无法识别文件编码（请用 UTF-8）")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def explain_csv(router, classifier, src: str, out: str) -> int:
    """Route every row of a CSV with a `text` column; other columns are copied through."""
    try:
        fields, rows = _read_csv(src)
    except FileNotFoundError:
        return _fail(f"找不到输入文件 {src}")
    except (ValueError, csv.Error) as exc:
        return _fail(f"无法读取 {src}：{exc}")
    if "text" not in fields:
        return _fail(f"{src} 缺少 text 列（现有列：{'、'.join(fields) or '无'}）")
    header = [f for f in fields if f not in CSV_FIELDS] + list(CSV_FIELDS)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            r = explain_one(router, classifier, row.get("text") or "",
                            category=router.tree.resolve(row["category"]) if row.get("category") else None,
                            place=row.get("place") or None)
            row = {k: v for k, v in row.items() if k is not None}
            row.update({
                "district": r["district"] or "", "district_name": r["district_name"] or "",
                "unit": r["unit"] or "", "unit_name": r["unit_name"] or "",
                "assisting_units": "|".join(r["assisting_unit_names"]), "rule": r["rule"] or "",
                "confidence": r["confidence"], "transfer": "|".join(r["transfer"]), "redirect": r["redirect"] or "",
            })
            writer.writerow(row)
    print(json.dumps({"rows": len(rows), "out": str(out)}, ensure_ascii=False))
    return 0


def explain(args: argparse.Namespace) -> int:
    if bool(args.text is not None) == bool(args.data):
        return _fail("请给出 --text（一条诉求）或 --data IN.csv --out OUT.csv（批量）之一")
    if args.data and not args.out:
        return _fail("--data 需要同时给出 --out OUT.csv")
    try:
        router = _build(args)
    except RoutingTableError as exc:
        return _fail(str(exc))
    except (OSError, ValueError) as exc:
        return _fail(f"无法加载派单模型：{exc}")
    category = router.tree.resolve(args.category) if args.category else None
    if args.category and category is None:
        return _fail(f"未知分类 {args.category}")
    classifier = _LazyClassifier(args) if _classifier_source is not None else None
    if args.data:
        return explain_csv(router, classifier, args.data, args.out)
    out = explain_one(router, classifier, args.text, category=category, place=args.place,
                      appeal_type=args.appeal_type, urgency=args.urgency, channel=args.channel,
                      exclude=args.exclude or ())
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def train_from_rows(rows: Iterable[tuple[str, str | None, str]], out: str | Path,
                    transfers: Iterable[tuple[str, list[str]]] = ()) -> dict:
    """Fit the learned router on history rows and save it; returns a summary. Units are learned as
    kinds of unit (`routing.learned.unit_ref`: D-JA-CG → the district's 城管), so that a ticket of
    one district teaches every district; the router resolves a kind against the appeal's place."""
    rows = [(text, cat, unit_ref(unit), 1.0) for text, cat, unit in rows if text and unit]
    if len({label for _t, _c, label, _w in rows}) < 2:
        raise ValueError("训练数据至少要包含两个承办单位")
    model = train_ref_router(rows)
    transfers = list(transfers)
    if any(nums for _t, nums in transfers) and any(not nums for _t, nums in transfers):
        from routing.triage_check import train_triage_check
        model.triage_check = train_triage_check(transfers)
    model.save(out)
    return {"rows": model.n_rows, "units": len(model.model.classes_), "path": str(out),
            "triage_check_rows": len(transfers) if model.triage_check is not None else 0}


def train(args: argparse.Namespace) -> int:
    transfers: list[tuple[str, list[str]]] = []
    if args.from_jsonl:
        with open(args.from_jsonl, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        rows = [(r["text"], r.get("category"), r["unit"]) for r in records if r.get("unit")]
        # rows that say whether the appeal was transferred ("transfer": ["119"] or []) teach the triage check
        transfers = [(r["text"], list(r["transfer"])) for r in records if "transfer" in r]
    elif _history_rows is not None:
        rows = list(_history_rows(args))
    else:
        print("没有可用的历史数据来源（--from-jsonl FILE，或由 hotline 接入数据库）", file=sys.stderr)
        return 2
    try:
        summary = train_from_rows(rows, args.out, transfers)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    route = subparsers.add_parser("route", help="派单：解释一条诉求会派给哪个单位")
    route_sub = route.add_subparsers(dest="route_command", required=True)
    ex = route_sub.add_parser("explain", help="打印派单结果（JSON）")
    ex.add_argument("--text", help="一条诉求（与 --data 二选一）")
    ex.add_argument("--data", help="批量：CSV 文件，须有 text 列（可有 category、place 列），其他列原样带出")
    ex.add_argument("--out", help="批量结果 CSV")
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
