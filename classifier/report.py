"""Evaluation report files: confusion matrix and risk–coverage pictures, numbers as JSON and CSV."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence

from classifier.dataio import write_rows

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "Source Han Sans SC", "SimHei", "Microsoft YaHei", "AR PL UMing CN")


def _cjk_font() -> str | None:
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in names), None)


def _tick_labels(labels: Sequence[str], font: str | None) -> list[str]:
    # Without a CJK font, matplotlib would draw empty boxes (and warn): use C0, C1, … instead;
    # the legend in labels.csv / metrics.json maps them back.
    return list(labels) if font else [f"C{i}" for i in range(len(labels))]


def write_report(directory: str | os.PathLike[str], figures: dict[str, Any],
                 curve: Sequence[dict[str, float]], threshold: float | None = None) -> list[Path]:
    """Write confusion.png, risk_coverage.png, metrics.json, per_class.csv, risk_coverage.csv."""
    import matplotlib
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    import numpy as np

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    labels = list(figures["labels"])
    font = _cjk_font()
    ticks = _tick_labels(labels, font)
    rc = {"font.family": [font, "DejaVu Sans"]} if font else {}
    written: list[Path] = []

    with plt.rc_context(rc):
        matrix = np.asarray(figures["confusion"], dtype=float)
        fig, ax = plt.subplots(figsize=(1.0 + 0.8 * len(labels), 0.6 + 0.7 * len(labels)), dpi=110)
        shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
        image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
        ax.set_xticks(range(len(labels)), ticks, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), ticks)
        ax.set_xlabel("predicted")
        ax.set_ylabel("true")
        ax.set_title(f"confusion (accuracy {figures['accuracy']:.3f}, macro-F1 {figures['macro_f1']:.3f})")
        for i in range(len(labels)):
            for j in range(len(labels)):
                if matrix[i, j]:
                    ax.text(j, i, int(matrix[i, j]), ha="center", va="center", fontsize=8,
                            color="white" if shares[i, j] > 0.5 else "black")
        fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
        fig.tight_layout()
        written.append(out / "confusion.png")
        fig.savefig(written[-1])
        plt.close(fig)

        fig, ax = plt.subplots(figsize=(6, 4.5), dpi=110)
        if curve:
            ax.plot([p["coverage"] for p in curve], [p["precision"] for p in curve], lw=1.5)
        ax.axhline(0.97, color="grey", ls="--", lw=1, label="97% target")
        if threshold is not None and curve:
            kept = [p for p in curve if p["threshold"] >= threshold]
            if kept:
                point = kept[-1]
                ax.plot([point["coverage"]], [point["precision"]], "o", color="red",
                        label=f"threshold {threshold:.3f}: coverage {point['coverage']:.2f}")
        ax.set_xlabel("coverage (share dispatched without an operator)")
        ax.set_ylabel("precision of the dispatched share")
        ax.set_xlim(0, 1)
        ax.set_ylim(max(0.0, min([p["precision"] for p in curve] + [0.9]) - 0.02), 1.005)
        ax.set_title("risk-coverage")
        ax.legend(loc="lower left")
        fig.tight_layout()
        written.append(out / "risk_coverage.png")
        fig.savefig(written[-1])
        plt.close(fig)

    written.append(out / "metrics.json")
    payload = dict(figures, tick_labels=dict(zip(ticks, labels)), threshold=threshold,
                   risk_coverage=list(curve))
    written[-1].write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    written.append(out / "per_class.csv")
    write_rows(written[-1], ["tick", "label", "precision", "recall", "f1", "support"],
               [dict(tick=t, label=lab, **figures["per_class"][lab]) for t, lab in zip(ticks, labels)])
    written.append(out / "risk_coverage.csv")
    write_rows(written[-1], ["threshold", "coverage", "precision", "kept"], curve)
    return written
