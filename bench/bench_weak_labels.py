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

`--learn` trains the learned second opinion (routing/learned.py) on the weak labels of a fixed 70 % of
those messages (a hash of the text) and prints the agreement on the other 30 % with the catalogue alone
and with the model consulted beside it (the model stays in memory: the data is never shipped).

Run: python bench/bench_weak_labels.py [--limit N] [--misses] [--out weak.jsonl] [--learn]
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


# the demo city's unit a weak label's kind stands for (the city department; CG etc. resolve per district
# in the catalogue, the learned model only says which kind of unit)
KIND_UNIT = {"城管": "DEPT-CGW", "市场监管": "DEPT-SJJ", "住建房管": "DEPT-FGJ", "人社": "DEPT-RSJ", "教育": "DEPT-JYJ",
             "公安": "DEPT-GAJ", "交警": "DEPT-JGJ", "卫健": "DEPT-WJW", "生态环境": "DEPT-SHJ", "自然资源规划": "DEPT-ZRGH",
             "交通运输": "DEPT-JTJ", "水务": "DEPT-SWJ", "民政": "DEPT-MZJ", "医保": "DEPT-YBJ", "公积金": "DEPT-GJJ",
             "税务": "DEPT-TAX", "供电": "UTIL-POWER", "燃气": "UTIL-GAS", "文旅": "DEPT-WLJ", "农业农村": "DEPT-NYJ"}


def _held_out(text: str) -> bool:
    """A fixed 30 % of the messages, by a hash of the text (the same split on every run)."""
    import hashlib
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 10 < 3


def agreement(router, rows) -> float:
    ok = 0
    for text, _kind, accept in rows:
        d = router.route(RoutingRequest(text=text))
        ok += unit_kind(d.unit) in accept or any(unit_kind(a) in accept for a in d.assisting_units)
    return round(ok / len(rows), 3) if rows else 0.0


def learn(rows) -> dict:
    """Issue 11 item 4: the learned second opinion trained on the weak labels of 70 % of the messages,
    consulted with the catalogue; agreement on the other 30 % with and without it."""
    from routing import train_learned_router
    train = [r for r in rows if not _held_out(r[0])]
    test = [r for r in rows if _held_out(r[0])]
    t0 = time.perf_counter()
    model = train_learned_router((text, None, KIND_UNIT[kind]) for text, kind, _a in train)
    took = time.perf_counter() - t0
    out = {"train": len(train), "held_out": len(test), "train_s": round(took, 1),
           "learned_alone": round(sum(unit_kind(model.predict(text, top=1)[0][0]) in accept
                                      for text, _k, accept in test) / len(test), 3),
           "catalogue_only": agreement(demo_router(), test)}
    for threshold in (0.6, 0.4):
        out[f"with_learned_threshold_{threshold}"] = agreement(demo_router(model, learned_threshold=threshold), test)
    return out


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
    if "--learn" in argv:
        print(f"learned second opinion on the weak labels: {json.dumps(learn(rows), ensure_ascii=False)}")
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
