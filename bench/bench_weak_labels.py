"""Weak labels from real government replies: does the catalogue send real citizens' writing where
the replying department says it belongs? (issue 11; development only, needs ../shared/data)

`../shared/data/teddy2020/messages_with_replies.xlsx` holds citizens' messages (another city, "A市")
with the government's replies. The department a reply names ("市住建局…交由…办理", "区城管局回复")
is a weak label of the kind of unit responsible. Only replies naming exactly one kind of department
count. Each message (subject + text) is routed by the demo city's router from the text alone, and the
chosen lead unit's kind (城管, 市场监管, 房管/住建 …) is compared with the reply's. Places are not
compared (A市's districts are not 武汉's). Prints the agreement per kind and overall; `--out FILE.jsonl`
writes (text, unit-kind) rows usable as weak training labels for `hotline routing train` after
mapping a kind to a unit of the city.

Run: python bench/bench_weak_labels.py [--limit N] [--misses] [--out weak.jsonl]
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hotline.ports import RoutingRequest  # noqa: E402
from routing import demo_router  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "teddy2020" / "messages_with_replies.xlsx"
if not DATA.exists():
    DATA = Path("/work/shared/data/teddy2020/messages_with_replies.xlsx")

# reply wording → kind of unit (acceptable demo-city kinds)
KINDS: tuple[tuple[str, str, frozenset[str]], ...] = tuple((k, p, frozenset(a.split())) for k, p, a in (
    ("城管", r"城管|城市管理", "CG"),
    ("市场监管", r"市场监[督管]|食药监|质监", "SJ"),
    ("住建房管", r"住建|住房和城乡建设|房管|房屋交易|住房保障", "FG CJJ"),
    ("人社", r"人社|人力资源和社会保障|劳动监察|社保", "RS"),
    ("教育", r"教育局|教育厅", "JY"),
    ("公安", r"公安|派出所", "GAJ"),
    ("交警", r"交警|交通警察|交管", "JGJ"),
    ("卫健", r"卫健|卫生健康|卫计", "WJW"),
    ("生态环境", r"生态环境|环保局|环境保护局", "SHJ"),
    ("自然资源规划", r"自然资源|规划局|国土", "ZRGH"),
    ("交通运输", r"交通运输局|运管", "JTJ"),
    ("水务", r"水务局|水利局", "SWJ"),
    ("民政", r"(?<!人)民政", "MZJ"),
    ("医保", r"医保|医疗保障", "YBJ"),
    ("公积金", r"公积金", "GJJ"),
    ("税务", r"税务", "TAX"),
    ("供电", r"供电|电力公司|国网", "POWER"),
    ("燃气", r"燃气|天然气公司", "GAS"),
    ("文旅", r"文化和旅游|文旅|旅游局", "WLJ"),
    ("农业农村", r"农业农村|农业局", "NYJ"),
))
KIND_RES = [(k, re.compile(p), a) for k, p, a in KINDS]
_CITY = {"DEPT-CGW": "CG", "DEPT-SJJ": "SJ", "DEPT-FGJ": "FG", "DEPT-JYJ": "JY", "DEPT-RSJ": "RS",
         "UTIL-POWER": "POWER", "UTIL-GAS": "GAS", "UTIL-WATER": "WATER"}


def unit_kind(code: str | None) -> str:
    if not code:
        return "-"
    if code in _CITY:
        return _CITY[code]
    if code.startswith("D-"):
        tail = code.split("-")[2:] or ["DQ"]
        return "ST" if tail[0].startswith("S") and tail[0][1:].isdigit() else tail[0]
    return code.split("-", 1)[1] if "-" in code else code


def load(limit: int | None = None) -> list[tuple[str, str, frozenset[str]]]:
    import openpyxl
    wb = openpyxl.load_workbook(DATA, read_only=True)
    out = []
    for i, row in enumerate(wb.active.iter_rows(values_only=True)):
        if i == 0:
            continue
        subject, detail, reply = (str(row[2] or ""), str(row[4] or ""), str(row[5] or ""))
        kinds = [(k, a) for k, r, a in KIND_RES if r.search(reply)]
        if len(kinds) != 1:
            continue
        text = re.sub(r"\s+", "", subject + "。" + detail)
        out.append((text, kinds[0][0], kinds[0][1]))
        if limit and len(out) >= limit:
            break
    return out


def triage_rates() -> dict:
    """Triage on every message (all are ordinary web letters): the shares flagged as emergencies and
    redirected, with the counts per kind."""
    import openpyxl

    from routing.triage import triage
    wb = openpyxl.load_workbook(DATA, read_only=True)
    n = 0
    numbers: Counter = Counter()
    redirects: Counter = Counter()
    for i, row in enumerate(wb.active.iter_rows(values_only=True)):
        if i == 0:
            continue
        n += 1
        t = triage(re.sub(r"\s+", "", str(row[2] or "") + "。" + str(row[4] or "")))
        if t.transfer:
            numbers["/".join(t.transfer)] += 1
        if t.redirect:
            redirects[t.redirect] += 1
    return {"letters": n, "emergency": sum(numbers.values()), "emergency_share": round(sum(numbers.values()) / n, 4),
            "numbers": dict(numbers.most_common()), "redirected": sum(redirects.values()),
            "redirected_share": round(sum(redirects.values()) / n, 4), "redirects": dict(redirects.most_common())}


def main(argv: list[str]) -> int:
    if not DATA.exists():
        print(f"跳过：没有 {DATA}（仅用于开发评估）")
        return 0
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    rows = load(limit)
    router = demo_router()
    per: Counter = Counter()
    ok: Counter = Counter()
    fallback = 0
    misses = []
    weak = []
    t0 = time.perf_counter()
    for text, kind, accept in rows:
        d = router.route(RoutingRequest(text=text))
        got = unit_kind(d.unit)
        per[kind] += 1
        hit = got in accept or any(unit_kind(a) in accept for a in d.assisting_units)
        ok[kind] += hit
        fallback += got in ("ST", "DQ", "WH12345")
        weak.append({"text": text, "kind": kind})
        if not hit:
            misses.append((kind, got, d.rule, text[:60]))
    elapsed = time.perf_counter() - t0
    total = sum(per.values())
    print(f"messages with one department kind named in the reply: {total} (routing {elapsed:.1f} s)")
    for kind, n in per.most_common():
        print(f"  {kind:8} {n:5}  agreement {ok[kind] / n:.3f}")
    print(f"overall agreement (lead or assisting of the reply's kind): {sum(ok.values()) / total:.3f}")
    print(f"sent to a street, district government or the centre: {fallback / total:.3f}")
    print(f"triage on all the letters (ordinary): {json.dumps(triage_rates(), ensure_ascii=False)}")
    if "--misses" in argv:
        for m in misses[:80]:
            print("  MISS", m)
    if "--out" in argv:
        with open(argv[argv.index("--out") + 1], "w", encoding="utf-8") as fh:
            for w in weak:
                fh.write(json.dumps(w, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
