"""并单: the fifth call about one matter sees the other four, merges, and every citizen hears the result."""
from __future__ import annotations

from sqlalchemy import select

from hotline.domain.vocab import Role, TicketStatus as S
from hotline.services import tickets as svc
from hotline.services.actors import Actor
from models import ChannelMessage, MatterKey, Ticket

NIGHT_WORK = [
    ("mp-1", "汉阳区四新中路那个工地天天晚上十一点多还在打桩，吵得根本睡不着"),
    ("mp-2", "四新中路工地夜间施工，噪音特别大，严重扰民，希望管一管"),
    ("mp-3", "我住四新中路旁边，工地半夜还在浇混凝土，搅拌车轰隆隆的，老人受不了"),
    ("mp-4", "反映四新中路的建筑工地凌晨一两点还在作业，声音很大，影响休息"),
]
FIFTH = ("mp-5", "四新中路工地晚上施工的噪音太吵了，已经连续一周半夜睡不好")
SAME_PLACE_OTHER_PROBLEM = ("mp-6", "汉阳区四新中路的路灯好几盏不亮了，晚上走路不安全")
SAME_PROBLEM_OTHER_PLACE = ("mp-7", "洪山区珞喻路一个工地晚上施工噪音扰民，吵得睡不着")


def file(hl, op, citizen, text, clock, **extra):
    clock.advance(minutes=7)
    view, created = svc.create_ticket(hl, actor=op, data={"content": text, "channel": "miniprogram",
                                                          "citizen_ref": citizen, **extra})
    assert created
    return view["number"]


def test_fifth_call_sees_four_merges_and_all_citizens_get_the_result(hl, actors, clock):
    from rectification.services import submit_review

    op, unit = actors["operator"], actors["D-HS"]
    earlier = [file(hl, op, c, t, clock) for c, t in NIGHT_WORK]
    lamp = file(hl, op, *SAME_PLACE_OTHER_PROBLEM, clock)
    elsewhere = file(hl, op, *SAME_PROBLEM_OTHER_PLACE, clock)
    fifth = file(hl, op, *FIFTH, clock)

    with hl.sessions() as s:  # the look-up goes through the place index
        keys = set(s.scalars(select(MatterKey.key).join(Ticket, Ticket.id == MatterKey.ticket_id)
                             .where(Ticket.number == fifth)))
    assert "p:四新中路" in keys

    view = svc.get_ticket(hl, actor=op, number=fifth)
    similar = {item["number"]: item for item in view["similar"]}
    assert set(similar) == set(earlier)
    assert lamp not in similar and elsewhere not in similar
    reason = similar[earlier[1]]["reason"]
    assert reason.startswith("同一地点、同一问题：四新中路") and "工地施工" in reason and "5 件" in reason
    # a unit does not see other citizens' tickets through `similar`
    assert svc.get_ticket(hl, actor=op, number=lamp)["similar"] == []

    master = earlier[0]
    for number in earlier[1:] + [fifth]:
        assert svc.merge_ticket(hl, actor=op, number=number, into=master, note="并单")["status"] == "merged"
    svc.dispatch_ticket(hl, actor=op, number=master, unit="D-HS")
    svc.sign_ticket(hl, actor=unit, number=master)
    svc.answer_ticket(hl, actor=unit, number=master, answer="已责令施工单位22时后停止高噪声作业，城管夜间巡查")
    svc.record_callback(hl, actor=op, number=master, solved=True, satisfaction="满意")

    with hl.sessions() as s:
        sent = {m.citizen_ref: m for m in s.scalars(select(ChannelMessage).where(
            ChannelMessage.kind.in_(["closed", "merged_closed"])))}
    assert sent["mp-1"].kind == "closed"
    for citizen, _ in NIGHT_WORK[1:] + [FIFTH]:      # every merged citizen hears it, with a rating link
        assert sent[citizen].kind == "merged_closed" and "合并办理的诉求已办结，请评价http" in sent[citizen].text
    assert sent["mp-5"].ticket_number == fifth
    child = svc.get_ticket(hl, actor=op, number=fifth)
    assert child["status"] == "merged" and child["closed_at"] and child["lead_unit"] == "D-HS"
    assert child["answer"] == "已责令施工单位22时后停止高噪声作业，城管夜间巡查"

    citizen = Actor(kind="citizen", name="市民", role=Role.channel, id="mp-5")
    review, created = submit_review(hl, actor=citizen, data={
        "target": "ticket", "ticket_number": fifth, "stage": "complete", "channel": "miniprogram",
        "level": 5, "citizen_ref": "mp-5"})
    assert created and review["level"] == 5


def test_a_confident_repeat_of_the_same_citizen_is_linked_automatically(hl, actors, clock):
    op = actors["operator"]
    first = file(hl, op, "mp-9", "江岸区百步亭花园小区从早上开始就停水了，到现在也没来水", clock)
    again = file(hl, op, "mp-9", "百步亭花园小区没水了，一整天了，家里做饭都成问题", clock)
    other = file(hl, op, "mp-10", "百步亭花园小区停水一整天了，什么时候来水", clock)
    view = svc.get_ticket(hl, actor=op, number=again)
    assert view["status"] == "merged" and view["merged_into"] == first
    trail = svc.audit_trail(hl, actor=op, number=again)
    assert any(e["action"] == "merge" and "自动并单" in (e["reason"] or "") for e in trail)
    # another citizen's repeat is only shown, never merged without an operator
    third = svc.get_ticket(hl, actor=op, number=other)
    assert third["status"] != "merged" and [s["number"] for s in third["similar"]] == [first]


def test_a_one_line_answer_is_flagged_before_the_callback_and_rolls_into_the_unit(hl, actors, clock):
    from hotline.services.reply_quality import unit_summary

    op, unit = actors["operator"], actors["D-HS"]
    number = file(hl, op, "mp-20", "洪山区珞喻路一个工地晚上施工噪音扰民，吵得睡不着", clock)
    assert svc.get_ticket(hl, actor=op, number=number)["lead_unit"] == "D-HS"   # dispatched at intake
    svc.sign_ticket(hl, actor=unit, number=number)
    svc.answer_ticket(hl, actor=unit, number=number, answer="已处理完毕")
    check = svc.get_ticket(hl, actor=op, number=number)["reply_check"]
    assert check["weak"] and "答复未提及诉求的问题" in check["summary"]
    assert check["scores"]["completeness"]["why"] == "答复缺少：做了什么（只说“已处理完毕”）、由谁办理、何时办理"
    rows = unit_summary(hl, actor=actors["supervisor"], days=30)
    assert [{k: v for k, v in r.items() if k != "explanation"} for r in rows] == [
        {"unit": "D-HS", "checked": 1, "weak": 1, "mean_total": check["total"],
         "mean_scores": {k: v["score"] for k, v in check["scores"].items()}}]
    worst = min(check["scores"].values(), key=lambda v: v["score"])
    assert rows[0]["explanation"] == (f"D-HS：质检答复 1 件，偏弱 1 件；最弱的一项是{worst['label']}"
                                      f"（平均 {worst['score'] * 100:.0f} 分），最常见的问题：{worst['why']}（1 件）。")
    # … and into the unit's figures and ranking (rectification/metrics.py, the one place of figures)
    from rectification import metrics

    row = metrics.row_of(metrics.figures(hl, view="unit", unit="D-HS")["rows"])
    assert row["counts"]["reply_checked"] == 1 and row["counts"]["reply_ok"] == 0 and row["reply_ok_rate"] == 0.0
    assert "答复质检达标率" in metrics.METHOD


def test_reindex_rewrites_the_keys_of_open_tickets_only(hl, actors, clock):
    from sqlalchemy import delete

    from hotline.cli import build_parser
    from hotline.services.similar import reindex_open

    op = actors["operator"]
    first = file(hl, op, *NIGHT_WORK[0], clock)
    second = file(hl, op, *NIGHT_WORK[1], clock)
    closed = file(hl, op, *SAME_PLACE_OTHER_PROBLEM, clock)
    with hl.sessions() as s:
        ids = {n: s.scalar(select(Ticket.id).where(Ticket.number == n)) for n in (first, second, closed)}
        s.scalar(select(Ticket).where(Ticket.id == ids[closed])).status = S.closed.value
        # keys written by an older reading: a stale one instead of the place's own
        s.execute(delete(MatterKey).where(MatterKey.ticket_id.in_(ids.values())))
        for i in ids.values():
            s.add(MatterKey(ticket_id=i, key="p:旧的键", created_at=clock.now))
        s.commit()

    assert reindex_open(hl) == {"tickets": 2, "keys": reindex_open(hl)["keys"]}   # safe to run twice

    with hl.sessions() as s:
        def keys(n):
            return set(s.scalars(select(MatterKey.key).where(MatterKey.ticket_id == ids[n])))
        assert "p:四新中路" in keys(first) and "p:四新中路" in keys(second) and "p:旧的键" not in keys(first)
        assert keys(closed) == {"p:旧的键"}                # closed tickets are never candidates: left alone
    assert svc.get_ticket(hl, actor=op, number=second)["similar"][0]["number"] == first
    assert build_parser().parse_args(["similar-reindex"]).func.__name__ == "cmd_reindex"


def test_the_sweep_rewrites_keys_of_an_older_reading_by_itself_in_batches(hl, actors, clock, monkeypatch):
    """After an upgrade nobody has to remember ``similar-reindex``: the sweep sees that the open tickets'
    keys were written by another reading and rewrites them, a budget per sweep, resuming where it stopped."""
    from sqlalchemy import delete

    from hotline.services import similar
    from hotline.services.sweep import sweep
    from models import MatterIndexState

    op = actors["operator"]
    numbers = [file(hl, op, c, t, clock) for c, t in [*NIGHT_WORK, FIFTH, SAME_PROBLEM_OTHER_PLACE]]
    sweep(hl)
    with hl.sessions() as s:
        assert s.get(MatterIndexState, 1).fingerprint == similar.reading_fingerprint()
        ids = [s.scalar(select(Ticket.id).where(Ticket.number == n)) for n in numbers]
        s.execute(delete(MatterKey).where(MatterKey.ticket_id.in_(ids)))
        for i in ids:       # keys an older release wrote: the place under another key
            s.add(MatterKey(ticket_id=i, key="p:旧的键", created_at=clock.now))
        s.commit()
    assert similar.upkeep(hl) == 0                         # the recorded reading is current: nothing to do

    assert similar.index_status(hl) == {"state": "current"}
    monkeypatch.setattr(similar, "reading_fingerprint", lambda: "a-newer-release")
    assert similar.upkeep(hl, budget=3, batch=2) == 4      # two batches of two (the budget is reached)
    assert similar.index_status(hl) == {"state": "reindexing", "done_through_ticket_id": ids[3]}
    with hl.sessions() as s:
        state = s.get(MatterIndexState, 1)
        assert (state.fingerprint, state.target, state.cursor) != ("a-newer-release", None, 0)
        done = {i for i in ids if "p:旧的键" not in set(s.scalars(select(MatterKey.key).where(MatterKey.ticket_id == i)))}
    assert len(done) == 4 and len(ids) == 6              # the first four by id; two left for the next sweep
    report = sweep(hl)                                      # the next sweep finishes and records the reading
    with hl.sessions() as s:
        state = s.get(MatterIndexState, 1)
        assert (state.fingerprint, state.target, state.cursor) == ("a-newer-release", None, 0)
        keys = {i: set(s.scalars(select(MatterKey.key).where(MatterKey.ticket_id == i))) for i in ids}
    assert all("p:旧的键" not in k for k in keys.values()) and all("p:四新中路" in keys[i] for i in ids[:5])
    assert report.extra["similar_reindexed"] == 2 and similar.index_status(hl) == {"state": "current"}
    assert svc.get_ticket(hl, actor=op, number=numbers[4])["similar"]     # the look-up meets them again


async def test_healthz_says_while_the_index_is_rewritten_after_an_upgrade(hl, actors, clock, monkeypatch, aiohttp_client):
    from hotline.services import similar
    from hotline.services.sweep import sweep
    from hotline.web.app import create_app

    client = await aiohttp_client(create_app(hl))
    assert (await (await client.get("/healthz")).json())["similar_index"] == {"state": "unknown"}   # no sweep yet
    op = actors["operator"]
    for c, t in NIGHT_WORK:
        file(hl, op, c, t, clock)
    sweep(hl)
    health = await (await client.get("/healthz")).json()
    assert health["similar_index"] == {"state": "current"} and not any("并单索引" in w for w in health["warnings"])
    monkeypatch.setattr(similar, "reading_fingerprint", lambda: "a-newer-release")
    similar.upkeep(hl, budget=1, batch=1)
    health = await (await client.get("/healthz")).json()
    assert health["similar_index"]["state"] == "reindexing" and health["status"] == "ok"
    assert any(w.startswith("并单索引正在按新版本重建（已完成至工单 id ") for w in health["warnings"])


def test_the_fifth_call_about_an_outage_sees_the_other_estates_of_its_area(hl, actors, clock):
    """An outage covers an area and each citizen names their own estate in it: within hours they are one
    matter; a lamp at one of the estates is not."""
    op = actors["operator"]
    earlier = [file(hl, op, c, t, clock) for c, t in [
        ("po-1", "江汉区姑嫂树花园停电了，整栋楼都黑了"),
        ("po-2", "我们姑嫂树安居苑也停电了，什么时候来电"),
        ("po-3", "姑嫂树现代城从晚上八点停电到现在"),
        ("po-4", "姑嫂树那一片都没电了，冰箱里的东西要坏了")]]
    lamp = file(hl, op, "po-6", "姑嫂树安居苑门口的路灯坏了好几天", clock)
    fifth = file(hl, op, "po-5", "姑嫂树翠苑停电两个小时了", clock)
    similar = {item["number"] for item in svc.get_ticket(hl, actor=op, number=fifth)["similar"]}
    assert similar == set(earlier) and lamp not in similar
