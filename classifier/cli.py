"""``hotline classifier …``: train, evaluate and predict from the command line.

The lead's ``hotline/cli.py`` calls :func:`register` with its sub-parsers; ``python -m classifier``
runs the same commands on their own. Every command returns an exit code: 0 done, 2 unusable input
(one readable line on stderr, no traceback).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Sequence

from classifier.dataio import DataError, read_labelled, read_rows, write_rows
from classifier.config import DEFAULT_CONFIG, ModelError, make_config

BAD_INPUT = 2


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return BAD_INPUT


def load_model(path: str | Path):
    """A model directory, or a store root (its current version)."""
    from classifier.model import TextModel
    from classifier.registry import POINTER, ModelStore
    path = Path(path)
    if not path.exists():
        raise ModelError(f"模型目录不存在：{path}")
    if (path / POINTER).is_file():
        return ModelStore(path).load()
    return TextModel.load(path)


def _guarded(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (DataError, ModelError) as exc:
            return _fail(str(exc))
        except ValueError as exc:
            return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except OSError as exc:
            return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".strip())
    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


@_guarded
def cmd_train(args: argparse.Namespace) -> int:
    from classifier.training import train
    texts, labels = read_labelled(args.data)
    overrides = {}
    if args.config:
        try:
            overrides.update(json.loads(args.config))
        except ValueError as exc:
            raise DataError(f"--config 不是有效的 JSON：{exc}") from None
    for key in ("features", "model", "C"):
        if getattr(args, key) is not None:
            overrides[key] = getattr(args, key)
    config = make_config(**overrides)
    model = train(texts, labels, config, folds=args.folds, do_search=args.search,
                  show_progress=not args.quiet, source=str(Path(args.data).resolve()))
    out = model.save(args.out)
    cv = model.metadata.get("cv") or {}
    print(f"模型已保存：{out}")
    print(f"样本 {model.metadata['n_examples']} 条，类别 {len(model.classes)} 个，"
          f"训练用时 {model.metadata['train_seconds']} 秒（全量拟合 {model.metadata['fit_seconds']} 秒）")
    if model.metadata.get("dropped_classes"):
        print(f"样本过少未参与训练的类别：{'、'.join(model.metadata['dropped_classes'])}")
    if cv:
        ab = cv["abstain"]
        grouping = cv.get("grouping") or {}
        copies = cv["n"] - grouping["groups"] if grouping.get("method") == "near_duplicate_groups" else 0
        kept_apart = f"（近似重复的 {copies} 条与原文同折）" if copies else ""
        print(f"{cv['folds']} 折交叉验证{kept_apart}：准确率 {cv['accuracy']:.4f}，宏平均 F1 {cv['macro_f1']:.4f}")
        print(f"自动派单阈值 {ab['threshold']:.4f}：覆盖 {ab['coverage']:.1%} 的工单，"
              f"其准确率 {ab['precision'] if ab['precision'] is None else format(ab['precision'], '.1%')}"
              f"（目标 ≥ {ab['target']:.0%}），其余转人工")
    if model.metadata.get("search"):
        print("配置搜索（交叉验证宏平均 F1）：")
        for r in model.metadata["search"]:
            print(f"  {r['macro_f1']:.4f}  {json.dumps(r['overrides'], ensure_ascii=False)}  {r['seconds']}s")
    return 0


def _print_figures(figures: dict) -> None:
    print(f"样本 {figures['n']} 条  准确率 {figures['accuracy']:.4f}  宏平均 F1 {figures['macro_f1']:.4f}")
    width = max(len(lab) for lab in figures["labels"]) + 2
    print(f"{'类别':<{width}}{'精确率':>8}{'召回率':>8}{'F1':>8}{'样本数':>8}")
    for lab in figures["labels"]:
        row = figures["per_class"][lab]
        print(f"{lab:<{width}}{row['precision']:>10.4f}{row['recall']:>10.4f}{row['f1']:>10.4f}{row['support']:>10d}")


@_guarded
def cmd_evaluate(args: argparse.Namespace) -> int:
    from classifier import metrics
    model = load_model(args.model)
    texts, labels = read_labelled(args.data)
    predictions = model.predict_many(texts)
    y_pred = [p.label for p in predictions]
    labels_all = sorted(set(model.classes) | set(labels))
    figures = metrics.evaluate(labels, y_pred, labels_all)
    correct = [a == b for a, b in zip(y_pred, labels)]
    confidence = [p.confidence for p in predictions]
    kept = [c for c, p in zip(correct, predictions) if not p.abstain]
    figures["abstain"] = {"threshold": model.threshold, "coverage": round(len(kept) / len(correct), 4),
                          "precision": round(sum(kept) / len(kept), 4) if kept else None}
    figures["model_version"] = model.version
    _print_figures(figures)
    ab = figures["abstain"]
    print(f"按阈值 {ab['threshold']:.4f} 自动派单：覆盖 {ab['coverage']:.1%}，"
          f"准确率 {'—' if ab['precision'] is None else format(ab['precision'], '.1%')}")
    unknown = sorted(set(labels) - set(model.classes))
    if unknown:
        print(f"注意：测试数据含模型不认识的类别：{'、'.join(unknown)}")
    if args.report:
        from classifier.report import write_report
        curve = metrics.risk_coverage(correct, confidence)
        files = write_report(args.report, figures, curve, threshold=model.threshold)
        print(f"报告已写入 {args.report}：{', '.join(p.name for p in files)}")
    return 0


@_guarded
def cmd_predict(args: argparse.Namespace) -> int:
    fields, rows = read_rows(args.data, required=("text",))
    model = load_model(args.model)
    started = time.perf_counter()
    predictions = model.predict_many([row.get("text") or "" for row in rows])
    for row, pred in zip(rows, predictions):
        row["predicted"] = pred.label
        row["confidence"] = f"{pred.confidence:.4f}"
        if args.abstain_column:
            row["abstain"] = int(pred.abstain)
    out_fields = [f for f in fields if f not in ("predicted", "confidence", "abstain")]
    out_fields += ["predicted", "confidence"] + (["abstain"] if args.abstain_column else [])
    write_rows(args.out, out_fields, rows)
    print(f"已预测 {len(rows)} 条（{time.perf_counter() - started:.2f} 秒），结果写入 {args.out}")
    return 0


@_guarded
def cmd_versions(args: argparse.Namespace) -> int:
    from classifier.registry import ModelStore
    store = ModelStore(args.store)
    current = store.current()
    versions = store.versions()
    if not versions:
        print(f"{args.store} 中还没有模型版本")
        return 0
    for version in versions:
        meta = store.metadata(version)
        cv = meta.get("cv") or {}
        mark = "*" if version == current else " "
        print(f"{mark} {version}  样本 {meta.get('n_examples')}  宏平均F1 {cv.get('macro_f1')}  "
              f"来源 {meta.get('source')}")
    return 0


@_guarded
def cmd_activate(args: argparse.Namespace) -> int:
    from classifier.registry import ModelStore
    ModelStore(args.store).activate(args.version)
    print(f"已启用模型版本 {args.version}")
    return 0


@_guarded
def cmd_rollback(args: argparse.Namespace) -> int:
    from classifier.registry import ModelStore
    version = ModelStore(args.store).rollback()
    print(f"已回滚到模型版本 {version}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``classifier`` command (train / evaluate / predict / versions / activate / rollback)."""
    parser = subparsers.add_parser("classifier", help="文本分类模型：训练、评估、预测",
                                   description="工单文本分类模型：训练、评估、预测与版本管理")
    commands = parser.add_subparsers(dest="classifier_command", metavar="COMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(sys.stderr), BAD_INPUT)[1])

    p = commands.add_parser("train", help="在 text,label CSV 上训练模型",
                            description="在 text,label 两列的 CSV 上训练；交叉验证给出指标和自动派单阈值")
    p.add_argument("--data", required=True, help="训练数据 CSV（text,label 两列，UTF-8）")
    p.add_argument("--out", required=True, help="输出的模型目录")
    p.add_argument("--folds", type=int, default=5, help="交叉验证折数（默认 5；0 表示不做交叉验证）")
    p.add_argument("--search", action="store_true", help="先交叉验证一小组配置，选最好的训练（较慢）")
    p.add_argument("--features", choices=("char", "word", "union"), help=f"特征（默认 {DEFAULT_CONFIG['features']}）")
    p.add_argument("--model", choices=("svc", "logreg", "sgd"), help=f"模型（默认 {DEFAULT_CONFIG['model']}）")
    p.add_argument("--C", type=float, help=f"正则化参数 C（默认 {DEFAULT_CONFIG['C']}）")
    p.add_argument("--config", help='其他配置，JSON，例如 {"min_df": 1}')
    p.add_argument("--quiet", action="store_true", help="不显示进度条")
    p.set_defaults(func=cmd_train)

    p = commands.add_parser("evaluate", help="在带标签的 CSV 上评估模型")
    p.add_argument("--model", required=True, help="模型目录（或模型版本库目录，取当前版本）")
    p.add_argument("--data", required=True, help="测试数据 CSV（text,label）")
    p.add_argument("--report", help="报告目录：混淆矩阵图、风险-覆盖曲线图及 JSON/CSV 数字")
    p.set_defaults(func=cmd_evaluate)

    p = commands.add_parser("predict", help="给 CSV 每行加上 predicted 和 confidence 两列")
    p.add_argument("--model", required=True, help="模型目录（或模型版本库目录，取当前版本）")
    p.add_argument("--data", required=True, help="输入 CSV（至少有 text 列）")
    p.add_argument("--out", required=True, help="输出 CSV")
    p.add_argument("--abstain-column", action="store_true", help="再加一列 abstain（1 = 低于阈值，转人工）")
    p.set_defaults(func=cmd_predict)

    for name, func, text in (("versions", cmd_versions, "列出模型版本（* 为当前版本）"),
                             ("activate", cmd_activate, "启用某个模型版本"),
                             ("rollback", cmd_rollback, "回滚到上一个启用的版本")):
        p = commands.add_parser(name, help=text)
        p.add_argument("--store", required=True, help="模型版本库目录，例如 <数据目录>/models/category")
        if name == "activate":
            p.add_argument("version", help="版本名")
        p.set_defaults(func=func)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classifier")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register(subparsers)
    args = parser.parse_args(["classifier", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args))
