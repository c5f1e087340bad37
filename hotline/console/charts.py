"""Small inline SVG charts drawn on the server: no JavaScript library, nothing from a CDN."""
from __future__ import annotations

from html import escape
from typing import Sequence

from markupsafe import Markup

PALETTE = ("#1f6feb", "#d9480f", "#2f9e44", "#ae3ec9", "#e67700", "#0b7285")


def line_chart(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
               width: int = 640, height: int = 220, title: str = "") -> Markup:
    pad_l, pad_r, pad_t, pad_b = 36, 12, 28, 30
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    top = max([max(v, default=0) for _, v in series] + [1])
    n = max(len(labels), 2)

    def xy(i, v):
        return pad_l + w * i / (n - 1), pad_t + h - h * v / top

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    if title:
        parts.append(f'<text x="{pad_l}" y="16" class="chart-title">{escape(title)}</text>')
    for frac in (0, 0.5, 1):
        y = pad_t + h - h * frac
        parts.append(f'<line x1="{pad_l}" x2="{pad_l + w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{pad_l - 4}" y="{y + 4:.1f}" class="axis" text-anchor="end">{round(top * frac)}</text>')
    step = max(1, len(labels) // 6)
    for i, label in enumerate(labels):
        if i % step == 0 or i == len(labels) - 1:
            x, _ = xy(i, 0)
            parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="axis" text-anchor="middle">{escape(label)}</text>')
    legend_x = pad_l + w
    for k, (name, values) in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in enumerate(values)))
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}"/>')
        parts.append(f'<text x="{legend_x - 90 * (len(series) - k) + 90:.0f}" y="16" class="legend" '
                     f'fill="{color}" text-anchor="end">■ {escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(items: Sequence[tuple[str, float]], *, width: int = 420, bar: int = 20, title: str = "",
              unit: str = "") -> Markup:
    pad_t, label_w, value_w = 28 if title else 6, 120, 56
    height = pad_t + len(items) * (bar + 6) + 6
    top = max([v for _, v in items] + [1])
    w = width - label_w - value_w
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    if title:
        parts.append(f'<text x="0" y="16" class="chart-title">{escape(title)}</text>')
    for i, (label, value) in enumerate(items):
        y = pad_t + i * (bar + 6)
        length = max(1.0, w * value / top)
        short = label if len(label) <= 9 else label[:8] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + bar * 0.72:.1f}" class="axis" text-anchor="end">'
                     f'<title>{escape(label)}</title>{escape(short)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar}" rx="3" fill="{PALETTE[0]}"/>'
                     f'<text x="{label_w + length + 4:.1f}" y="{y + bar * 0.72:.1f}" class="axis">'
                     f'{escape(str(value))}{escape(unit)}</text>')
    if not items:
        parts.append(f'<text x="0" y="{pad_t + 14}" class="axis">暂无数据</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
