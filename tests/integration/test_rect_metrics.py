"""The figures against a hand-counted fixture (March 2026), on SQLite and PostgreSQL.

D-JA (window JA-ZX-01): r1 5★ 办件 BJ-A1, r2 4★ visit, r3 1★ real-name 办件 BJ-A2 (called back,
rectified, replied, 追评 满意, closed), r4 2★ visit (untouched), r5 1★ (appeal upheld: out), and a
default rating of 办件 BJ-A3; 办件 BJ-A4 never rated; ticket T1 closed, never rated.
D-WC (window WC-ZX-01): w1 3★, w2 2★ anonymous (解释说明, replied without callback, 追评 不满意);
办件 BJ-W1 never rated; ticket T2 (returned by D-JA, re-dispatched to D-WC, reopened once, signed
late the second time, closed).
"""
import dataclasses

import pytest

from hotline.services import tickets as tk
from hotline.services.actors import citizen
from hotline.services.sweep import sweep
from rectification import load_demo, metrics, services as sv
from tests.conftest import beijing


@pytest.fixture
def march(hl, clock, actors):
    load_demo(hl)
    ch, op, sup, ja, wc = (actors[k] for k in ("channel", "operator", "supervisor", "D-JA", "D-WC"))
    hl.rules = dataclasses.replace(hl.rules, review_default_rating_days=7)
    clock.set(beijing(2026, 3, 2, 10))
    sv.register_case(hl, actor=op, data={"case_number": "BJ-A3", "window_code": "JA-ZX-01"})
    clock.set(beijing(2026, 3, 9, 11))
    assert sweep(hl).extra["rectification"]["default_ratings"] == 1
    for number, window in (("BJ-A1", "JA-ZX-01"), ("BJ-A2", "JA-ZX-01"), ("BJ-A4", "JA-ZX-01"),
                           ("BJ-W1", "WC-ZX-01")):
        sv.register_case(hl, actor=op, data={"case_number": number, "window_code": window, "staff_number": "S1"})

    def rate(**kw):
        return sv.submit_review(hl, actor=ch, data=kw)[0]

    rate(target="case", case_number="BJ-A1", channel="tablet", level=5)
    rate(target="window", window_code="JA-ZX-01", channel="qr", level=4, channel_ref="v2")
    r3 = rate(target="case", case_number="BJ-A2", channel="tablet", level=1, reason_tags=["办事效率低"],
              real_name=True, rater_phone="13900000000")
    rate(target="window", window_code="JA-ZX-01", channel="miniprogram", level=2, text="排队太久", channel_ref="v4")
    r5 = rate(target="window", window_code="JA-ZX-01", channel="tablet", level=1, text="乱评", channel_ref="v5")
    rate(target="window", window_code="WC-ZX-01", channel="web", level=3, channel_ref="w1")
    w2 = rate(target="window", window_code="WC-ZX-01", channel="tablet", level=2, text="材料多", channel_ref="w2")

    c3 = r3["rectification_id"]
    sv.record_callback(hl, actor=actors["operator"], case_id=c3, outcome="reached")  # real name: the centre calls
    sv.record_finding(hl, actor=ja, case_id=c3, finding="fix_now")
    sv.add_action(hl, actor=ja, case_id=c3, description="增设自助取号机")
    sv.reply_case(hl, actor=ja, case_id=c3, reply="已增设自助取号机，缩短等候时间")
    sv.record_follow_up(hl, actor=op, case_id=c3, result="satisfied")
    sv.accept_case(hl, actor=sup, case_id=c3)
    appeal = sv.appeal_review(hl, actor=ja, review_id=r5["id"], kind="malicious", reason="评价人当日未到窗口")
    sv.decide_appeal(hl, actor=sup, appeal_id=appeal["id"], uphold=True, reason="监控核实")
    c2 = w2["rectification_id"]
    sv.record_finding(hl, actor=wc, case_id=c2, finding="explain", note="材料为法定要求")
    sv.reply_case(hl, actor=wc, case_id=c2, reply="已解释材料要求的法律依据")
    sv.record_follow_up(hl, actor=op, case_id=c2, result="unsatisfied")

    me = citizen("miniprogram", "wx-9")
    t1, _ = tk.create_ticket(hl, actor=me, data={"content": "江岸区某路占道经营", "channel": "miniprogram"})
    t2, _ = tk.create_ticket(hl, actor=me, data={"content": "江岸区某工地夜间噪音", "channel": "phone"})
    tk.sign_ticket(hl, actor=ja, number=t1["number"])
    tk.answer_ticket(hl, actor=ja, number=t1["number"], answer="已清理占道经营摊点")
    tk.record_callback(hl, actor=op, number=t1["number"], solved=True, satisfaction="satisfied")
    tk.return_ticket(hl, actor=ja, number=t2["number"], reason="工地噪音属武昌区管辖")
    assert tk.decide_return(hl, actor=op, number=t2["number"], accept=True)["lead_unit"] == "D-WC"
    tk.sign_ticket(hl, actor=wc, number=t2["number"])
    tk.answer_ticket(hl, actor=wc, number=t2["number"], answer="已责令工地停止夜间施工")
    tk.record_callback(hl, actor=op, number=t2["number"], solved=False, satisfaction="unsatisfied")
    clock.advance(hours=30)
    tk.sign_ticket(hl, actor=wc, number=t2["number"])  # late this time
    tk.answer_ticket(hl, actor=wc, number=t2["number"], answer="已联合执法，工地停工整改")
    tk.record_callback(hl, actor=op, number=t2["number"], solved=True, satisfaction="basic")
    return hl


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
    assert ja["score"] > wc["score"]
    assert ja["rank"] == 1 and wc["rank"] is None  # D-WC: 2 ratings + 1 ticket, below the sample to rank
    ranked = {r["key"]: r for r in metrics.ranking(list(rows.values()), min_sample=3)}
    assert ranked["D-JA"]["rank"] == 1 and ranked["D-WC"]["rank"] == 2


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
    for r in rows:
        r["counts"] = {"rated": 4, "tickets": 1 if r["key"] in ("U0", "U1") else 0}
    few = metrics.ranking(rows, bottom=1)
    assert [r["key"] for r in few if r["rank"]] == ["U1", "U0"] and [r["bottom"] for r in few[:2]] == [False, True]
    assert [r["rank"] for r in few] == [1, 2, None, None, None, None]
