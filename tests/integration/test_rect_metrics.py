"""The figures against the hand-counted fixture ``march`` (tests/conftest.py), on SQLite and PostgreSQL:

D-JA (window JA-ZX-01): r1 5★ 办件 BJ-A1, r2 4★ visit, r3 1★ real-name 办件 BJ-A2 (called back,
rectified, replied, 追评 满意, closed), r4 2★ visit (untouched), r5 1★ (appeal upheld: out), and a
default rating of 办件 BJ-A3; 办件 BJ-A4 never rated; ticket T1 closed, never rated.
D-WC (window WC-ZX-01): w1 3★, w2 2★ anonymous (解释说明, replied without callback, 追评 不满意);
办件 BJ-W1 never rated; ticket T2 (returned by D-JA, re-dispatched to D-WC, reopened once, signed
late the second time, closed).
"""
from rectification import metrics


def _rows(hl, view):
    start, end = metrics.month_bounds("2026-03", hl.calendar.tz)
    return {r["key"]: r for r in metrics.figures(hl, view=view, start=start, end=end)["rows"]}


def test_unit_figures_match_the_hand_count(march):
    rows = _rows(march, "unit")
    ja, wc = rows["D-JA"], rows["D-WC"]
    assert (ja["counts"]["rated"], ja["counts"]["good"], ja["counts"]["active"], ja["counts"]["bad"]) == (5, 3, 4, 2)
    assert ja["good_rate"] == 0.6 and ja["active_good_rate"] == 0.5
    assert (ja["counts"]["rateable"], ja["counts"]["unrated"]) == (5, 3) and ja["unrated_rate"] == 0.6
    assert ja["bad_reply_rate"] == 0.5 and ja["rectify_rate"] == 0.5 and ja["rectify_satisfaction_rate"] == 1.0
    assert ja["response_rate"] == 1.0 and ja["on_time_rate"] == 1.0 and ja["solve_rate"] == 1.0
    assert ja["satisfaction_rate"] == 1.0 and ja["return_rate"] == 0.5 and ja["reopen_rate"] == 0.0

    assert wc["good_rate"] == 0.5 and wc["active_good_rate"] == 0.5 and wc["unrated_rate"] == 1.0
    assert wc["bad_reply_rate"] == 1.0 and wc["rectify_rate"] == 0.0 and wc["rectify_satisfaction_rate"] == 0.0
    assert wc["response_rate"] == 0.0 and wc["on_time_rate"] == 1.0 and wc["solve_rate"] == 1.0
    assert wc["satisfaction_rate"] == 1.0 and wc["return_rate"] == 0.0 and wc["reopen_rate"] == 1.0
    # D-WC: 2 ratings + 1 ticket, below the sample to rank: 不参评, no score (never 100, never a bar)
    assert ja["rank"] == 1 and ja["score"] == metrics.score(ja)
    assert (wc["rank"], wc["score"], wc["bottom"]) == (None, None, False)
    assert wc["unranked"] == "样本不足（3 件，至少 5 件）"
    ranked = {r["key"]: r for r in metrics.ranking(list(rows.values()), min_sample=3)}
    assert ranked["D-JA"]["rank"] == 1 and ranked["D-WC"]["rank"] == 2
    assert ranked["D-JA"]["score"] > ranked["D-WC"]["score"]


def test_city_channel_window_staff_views(march):
    city = _rows(march, "all")["all"]
    assert city["counts"]["rated"] == 7 and city["good_rate"] == round(4 / 7, 4)
    assert city["response_rate"] == 0.5 and city["return_rate"] == 0.5 and city["reopen_rate"] == 0.5
    assert (city["counts"]["rateable"], city["counts"]["unrated"]) == (7, 5)
    channels = _rows(march, "channel")
    assert channels["tablet"]["counts"]["rated"] == 3 and channels["tablet"]["good_rate"] == round(1 / 3, 4)
    assert channels["system"]["counts"]["active"] == 0
    assert channels["phone"]["counts"]["tickets"] == 1 and channels["phone"]["reopen_rate"] == 1.0
    windows = _rows(march, "window")
    assert windows["JA-ZX-01"]["counts"]["rated"] == 5 and windows["JA-ZX-01"]["unrated_rate"] == 0.5
    staff = _rows(march, "staff")
    assert staff["S1"]["counts"] == {**staff["S1"]["counts"], "rated": 2, "bad": 1}


def test_period_and_unit_filters(march):
    start, end = metrics.month_bounds("2026-04", march.calendar.tz)
    assert metrics.figures(march, view="unit", start=start, end=end)["rows"] == []
    only = metrics.figures(march, view="unit", unit="D-WC")["rows"]
    assert [r["key"] for r in only] == ["D-WC"]
    start, end = metrics.month_bounds("2026-03", march.calendar.tz)
    ja = metrics.figures(march, view="unit", start=start, end=end, unit="D-JA")["rows"]
    assert [(r["key"], r["rank"]) for r in ja] == [("D-JA", 1)]  # its city-wide rank, not first of one


def test_ranking_marks_the_bottom():
    rows = [{"key": f"U{i}", "name": f"U{i}", **{f.key: None for f in metrics.FIGURES}} for i in range(5)]
    for i, r in enumerate(rows):
        r["good_rate"] = i / 10
        r["return_rate"] = 0.1
    rows.append({"key": "EMPTY", "name": "无数据", **{f.key: None for f in metrics.FIGURES}})
    ranked = metrics.ranking(rows, bottom=2, min_sample=0)
    assert [r["key"] for r in ranked] == ["U4", "U3", "U2", "U1", "U0", "EMPTY"]
    assert [r["bottom"] for r in ranked] == [False, False, False, True, True, False]
    assert ranked[0]["score"] == round((0.4 + 0.9) / 2 * 100, 2)
    assert (ranked[-1]["score"], ranked[-1]["rank"], ranked[-1]["unranked"]) == (None, None, "无可计算的指标")
    for r in rows:
        r["counts"] = {"rated": 4, "tickets": 1 if r["key"] in ("U0", "U1") else 0}
    few = metrics.ranking(rows, bottom=1)
    assert [r["key"] for r in few if r["rank"]] == ["U1", "U0"] and [r["bottom"] for r in few[:2]] == [False, True]
    assert [r["rank"] for r in few] == [1, 2, None, None, None, None]
