"""``hotline demo --simulate-days N --seed S``: a month of realistic activity in the demo city.

Everything goes through the real service layer — tickets on every channel, dispatches, returns,
answers, callbacks, window 办件 and ratings (差评 included) on tablets, the mini-program and hotline
callbacks, the rectification loop on time and late, appeals — while a simulated clock moves day by
day; the deadline sweep runs at the end of each day, so 预警, 督办 and 通报 appear where they are due.
Given the same seed and start day the same activity is produced.
"""
from __future__ import annotations

import logging
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable

from sqlalchemy import select

from hotline.domain.vocab import TICKET_TERMINAL_CODES, Role, is_bad
from hotline.errors import HotlineError
from hotline.services import tickets as tk
from hotline.services.actors import Actor, citizen

log = logging.getLogger(__name__)

DISTRICTS = [("江岸区", "D-JA"), ("江汉区", "D-JH"), ("硚口区", "D-QK"), ("汉阳区", "D-HY"), ("武昌区", "D-WC"),
             ("青山区", "D-QS"), ("洪山区", "D-HS"), ("东西湖区", "D-DXH")]
PLACES = ["解放大道", "中山大道", "建设大道", "友谊大道", "珞喻路", "武珞路", "雄楚大道", "汉阳大道", "京汉大道",
          "和平大道", "光谷大道", "民族大道"]
PROBLEMS = [  # text, appeal-type hint
    ("小区门口占道经营严重，影响通行", "complaint"), ("工地夜间施工噪音扰民，影响休息", "complaint"),
    ("小区突然停水，已经一天没有来水", "help"), ("路灯不亮好几天了，晚上出行不安全", "help"),
    ("垃圾清运不及时，气味很大", "complaint"), ("人行道上违章停车，行人只能走机动车道", "complaint"),
    ("燃气管道有异味，担心泄漏", "help"), ("建议在路口增设红绿灯，车流量太大", "suggestion"),
    ("小区物业不作为，电梯长期故障", "complaint"), ("餐馆油烟直排，居民楼受影响", "complaint"),
]
CONSULTS = ["请问社保卡丢失如何补办", "请问公积金提取需要哪些材料", "请问新生儿落户怎么办理",
            "请问营业执照网上如何办理", "请问医保异地备案的流程", "请问居住证办理需要多长时间"]
PRAISE = ["窗口工作人员很耐心，一次就办好了", "服务热情周到，点赞", "办事效率高，非常满意"]
COMPLAINTS = ["排队等了一个多小时", "材料要求反复变，跑了好几趟", "工作人员态度差，不耐烦", "系统老是出错，办不了"]
ITEMS = [("11420100MB1234567X-001", "社会保障卡补领"), ("11420100MB1234567X-002", "个人权益记录查询"),
         ("11420100MB1234567X-003", "不动产登记"), ("11420100MB1234567X-004", "住房公积金提取"),
         ("11420100MB1234567X-005", "户口迁移"), ("11420100MB1234567X-006", "企业设立登记")]
TICKET_CHANNELS = [("phone", 45), ("miniprogram", 20), ("bot", 10), ("web", 15), ("open311", 10)]
LEVELS = [(5, 68), (4, 17), (3, 8), (2, 4), (1, 3)]


@dataclass
class SimClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


class Simulation:
    def __init__(self, hl, seed: int, start: date, scale: float) -> None:
        self.hl, self.rng, self.start, self.scale = hl, random.Random(seed), start, scale
        self.tz = hl.calendar.tz
        self.stats: Counter = Counter()
        self.operator = Actor(kind="user", name="模拟话务员", role=Role.operator, id="sim:operator")
        self.supervisor = Actor(kind="user", name="模拟督办员", role=Role.supervisor, id="sim:supervisor")
        self.channel = Actor(kind="token", name="模拟渠道", role=Role.channel, id="sim:channel")
        self.units: dict[str, Actor] = {}
        self.open_tickets: list[str] = []
        self.closed_tickets: list[tuple[str, str | None]] = []
        self.open_cases: dict[int, dict] = {}
        self.case_seq = 0

    # -- helpers ------------------------------------------------------------------------------
    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        moment = datetime.combine(day, time(hour, minute), tzinfo=self.tz).astimezone(timezone.utc)
        self.hl.clock.now = max(self.hl.clock.now, moment)
        return self.hl.clock.now

    def tick(self, minutes: int = 3) -> None:
        self.hl.clock.now += timedelta(minutes=self.rng.randint(1, minutes))

    def unit(self, code: str | None) -> Actor | None:
        if not code:
            return None
        if code not in self.units:
            from models import Unit

            with self.hl.sessions() as s:
                uid = s.scalar(select(Unit.id).where(Unit.code == code))
            if uid is None:
                return None
            self.units[code] = Actor(kind="user", name=f"{code} 模拟联络员", role=Role.unit, id=f"sim:{code}",
                                     unit_id=uid, unit_code=code)
        return self.units[code]

    def do(self, what: str, fn: Callable, *args, **kw):
        try:
            result = fn(self.hl, *args, **kw)
        except HotlineError as exc:
            self.stats[f"refused:{what}"] += 1
            log.debug("simulation: %s refused: %s", what, exc.message)
            return None
        self.stats[what] += 1
        return result

    def n(self, lo: int, hi: int) -> int:
        return max(0, round(self.rng.randint(lo, hi) * self.scale))

    # -- one day ------------------------------------------------------------------------------
    def day(self, day: date) -> None:
        workday = self.hl.calendar.is_workday(day)
        self.at(day, 8, 30)
        for _ in range(self.n(14, 26) if workday else self.n(5, 10)):
            self.new_ticket()
            self.tick(20)
        self.at(day, 10, 0)
        for number in list(self.open_tickets):
            self.progress_ticket(number, workday)
            self.tick(2)
        if workday:
            self.at(day, 11, 0)
            self.window_day(day)
            self.at(day, 14, 0)
            for number in list(self.open_tickets):  # the afternoon round: sign what came in since
                self.progress_ticket(number, workday, only=("dispatched",))
        self.at(day, 15, 0)
        self.rate_closed_tickets()
        self.at(day, 16, 0)
        for cid in list(self.open_cases):
            self.progress_case(cid, workday)
            self.tick(2)
        from hotline.services.sweep import sweep

        self.at(day, 22, 0)
        report = sweep(self.hl)
        extra = report.extra.get("rectification", {})
        self.stats["sweep:ticket_urged"] += report.urged
        self.stats["sweep:ticket_notified"] += report.notified
        for key in ("supervised", "notified", "contact_overdue", "warned"):
            self.stats[f"sweep:rect_{key}"] += extra.get(key, 0)

    # -- the hotline --------------------------------------------------------------------------
    def new_ticket(self) -> None:
        rng = self.rng
        channel = _pick(rng, TICKET_CHANNELS)
        ref = f"sim-{rng.getrandbits(40):010x}"
        if rng.random() < 0.25:
            content = rng.choice(CONSULTS)
            hint = "consult"
        else:
            district, _ = rng.choice(DISTRICTS)
            problem, hint = rng.choice(PROBLEMS)
            content = f"{district}{rng.choice(PLACES)}{rng.randint(1, 300)}号附近{problem}"
        data = {"content": content, "channel": channel, "appeal_type": hint, "citizen_ref": ref,
                "contact_phone": f"139{rng.randint(10000000, 99999999)}", "contact_name": rng.choice("王李张刘陈杨黄赵") + "先生",
                "channel_ref": ref}
        actor = self.operator if channel == "phone" else citizen(channel, ref) if channel in ("miniprogram", "bot") \
            else self.channel
        result = self.do(f"ticket:{channel}", tk.create_ticket, actor=actor, data=data)
        if result:
            self.open_tickets.append(result[0]["number"])

    def progress_ticket(self, number: str, workday: bool, only: tuple[str, ...] | None = None) -> None:
        rng = self.rng
        t = tk.get_ticket(self.hl, actor=self.operator, number=number)
        status, unit = t["status"], self.unit(t["lead_unit"])
        if only is not None and status not in only:
            return
        if status in TICKET_TERMINAL_CODES:
            self.open_tickets.remove(number)
            if status == "closed" and t["lead_unit"]:
                self.closed_tickets.append((number, t.get("channel")))
            return
        if status in ("received", "triage"):
            if t["appeal_type"] == "consult" and rng.random() < 0.7:
                self.do("consult_closed", tk.close_consultation, actor=self.operator, number=number,
                        answer="已根据知识库答复市民办理流程和所需材料")
                return
            target = (t.get("routing") or {}).get("unit") or self._district_of(t["content"])
            self.do("dispatch", tk.dispatch_ticket, actor=self.operator, number=number, unit=target)
        elif status == "returned":
            self.do("decide_return", tk.decide_return, actor=self.operator, number=number,
                    accept=rng.random() < 0.7, note="经审核，退单理由不成立，请继续办理")
        elif status == "arbitration":
            self.do("arbitrate", tk.arbitrate, actor=self.supervisor, number=number,
                    unit=self._district_of(t["content"]), note="多次退单，裁定由属地政府办理")
        elif not workday or unit is None:
            return
        elif status == "dispatched":
            if rng.random() < 0.06 and not t.get("binding_dispatch"):
                self.do("return", tk.return_ticket, actor=unit, number=number,
                        reason="该事项不属于本单位职责范围，建议改派")
            elif rng.random() < 0.85:
                self.do("sign", tk.sign_ticket, actor=unit, number=number)
        elif status in ("signed", "in_progress"):
            if rng.random() < 0.3:
                self.do("answer", tk.answer_ticket, actor=unit, number=number,
                        answer="已现场核实并处理完毕，已电话告知市民处理结果")
        elif status in ("answered", "callback"):
            solved = rng.random() < 0.9
            sat = _pick(rng, [("satisfied", 75), ("basic", 18), ("unsatisfied", 7)]) if solved else "unsatisfied"
            self.do("callback", tk.record_callback, actor=self.operator, number=number, solved=solved,
                    satisfaction=sat, note="回访市民")

    def _district_of(self, text: str) -> str:
        for name, code in DISTRICTS:
            if name in text:
                return code
        return "DEPT-RSJ" if "社保" in text or "公积金" in text else "D-JA"

    def rate_closed_tickets(self) -> None:
        from rectification.services import submit_review

        rng = self.rng
        waiting, self.closed_tickets = self.closed_tickets, []
        for number, channel in waiting:
            if rng.random() > 0.45:
                continue
            level = _pick(rng, LEVELS)
            review_channel = "miniprogram" if channel in ("miniprogram", "bot") else "callback"
            data = {"target": "ticket", "ticket_number": number, "channel": review_channel, "level": level}
            if is_bad(level):
                data.update(reason_tags=[rng.choice(["问题未解决", "办事效率低", "推诿扯皮"])],
                            text=rng.choice(COMPLAINTS))
            actor = self.operator if review_channel == "callback" else self.channel
            result = self.do("review:ticket", submit_review, actor=actor, data=data)
            self._track(result)

    # -- windows and the rectification loop ---------------------------------------------------
    def window_day(self, day: date) -> None:
        from rectification.services import list_windows, register_case, submit_review

        rng = self.rng
        for window in list_windows(self.hl):
            for _ in range(self.n(2, 6)):
                self.case_seq += 1
                number = f"BJ{day:%Y%m%d}{self.case_seq:05d}"
                item = rng.choice(ITEMS)
                staff = f"{window['code']}-{rng.randint(1, 3)}"
                self.do("case", register_case, actor=self.operator,
                        data={"case_number": number, "window_code": window["code"], "staff_number": staff,
                              "staff_name": f"工作人员{staff[-1]}", "service_item_code": item[0],
                              "service_item_name": item[1]})
                self.tick(5)
                if rng.random() > 0.75:
                    continue  # 未评
                level = _pick(rng, LEVELS)
                real = rng.random() < 0.5
                data = {"target": "case", "case_number": number, "window_code": window["code"],
                        "channel": _pick(rng, [("tablet", 60), ("qr", 15), ("miniprogram", 15), ("terminal", 10)]),
                        "level": level, "real_name": real, "rater_type": "legal" if rng.random() < 0.1 else "person"}
                if real:
                    data.update(rater_name=rng.choice("王李张刘陈") + "女士", rater_phone=f"138{rng.randint(10000000, 99999999)}")
                if is_bad(level):
                    data.update(reason_tags=[rng.choice(["排队等候时间长", "服务态度差", "多次跑腿", "材料要求繁琐"])],
                                text=rng.choice(COMPLAINTS))
                elif rng.random() < 0.3:
                    data["text"] = rng.choice(PRAISE)
                self._track(self.do("review:window", submit_review, actor=self.channel, data=data))

    def _track(self, result) -> None:
        if result and result[1] and result[0].get("rectification_id"):
            view = result[0]
            # how diligent this unit is with this case: on time, late, or left to the sweep
            self.open_cases[view["rectification_id"]] = {
                "pace": _pick(self.rng, [("prompt", 60), ("slow", 25), ("stuck", 15)]),
                "unit": view["unit"], "review": view["id"], "appealed": False}

    def progress_case(self, cid: int, workday: bool) -> None:
        from rectification import services as sv
        from rectification.domain import TERMINAL as CASE_TERMINAL, CaseStatus

        rng, info = self.rng, self.open_cases[cid]
        unit = self.unit(info["unit"])
        case = sv.get_case(self.hl, actor=self.supervisor, case_id=cid)
        status = case["status"]
        if CaseStatus(status) in CASE_TERMINAL:
            del self.open_cases[cid]
            return
        if not info["appealed"] and status == "opened" and rng.random() < 0.08 and unit is not None:
            info["appealed"] = True
            appeal = self.do("appeal", sv.appeal_review, actor=unit, review_id=info["review"],
                             kind=rng.choice(["mistaken", "malicious"]), reason="经调取窗口监控，评价人所述与事实不符")
            if appeal:
                self.do("appeal_decided", sv.decide_appeal, actor=self.supervisor, appeal_id=appeal["id"],
                        uphold=rng.random() < 0.5, reason="经复核监控录像作出决定")
                return
        if unit is None or not workday:
            return
        pace = info["pace"]
        if pace == "stuck" or (pace == "slow" and rng.random() < 0.8):
            return
        if status == "opened":
            if case["real_name"]:
                self.do("rect:callback", sv.record_callback, actor=self.operator, case_id=cid, outcome="reached",
                        note="已电话联系评价人核实情况")
            finding = _pick(rng, [("fix_now", 45), ("fix_by_deadline", 25), ("explain", 20), ("unfounded", 10)])
            self.do("rect:finding", sv.record_finding, actor=unit, case_id=cid, finding=finding,
                    note="经核实作出认定")
        elif status in ("verified",):
            self.do("rect:finding", sv.record_finding, actor=unit, case_id=cid, finding="fix_now", note="经核实属实")
        elif status in ("found", "rectifying"):
            if case["finding"] in ("fix_now", "fix_by_deadline") and not case.get("actions") and status == "found":
                self.do("rect:action", sv.add_action, actor=unit, case_id=cid, description="已整改：加强窗口服务培训",
                        attachments=[{"name": "整改说明.txt", "content": f"整改单 {cid} 整改记录".encode()}])
            else:
                self.do("rect:reply", sv.reply_case, actor=unit, case_id=cid, reply="已核实并整改，向评价人致歉并说明情况")
        elif status == "replied":
            if rng.random() < 0.6:
                self.do("rect:follow_up", sv.record_follow_up, actor=self.operator, case_id=cid,
                        result=_pick(rng, [("satisfied", 70), ("basic", 20), ("unsatisfied", 10)]))
            else:
                self.do("rect:accept", sv.accept_case, actor=self.supervisor, case_id=cid, note="验收通过")
        elif status == "followed_up":
            if case["follow_up"] == "unsatisfied" and rng.random() < 0.5:
                self.do("rect:send_back", sv.send_back_case, actor=self.supervisor, case_id=cid,
                        reason="评价人不满意，请进一步整改")
            else:
                self.do("rect:accept", sv.accept_case, actor=self.supervisor, case_id=cid, note="验收通过")


def simulate(hl, days: int = 30, seed: int = 12345, *, start: date | None = None, scale: float = 1.0) -> dict:
    """Run ``days`` days of activity from ``start`` (default: ``days`` days before today, local time).

    ``hl.clock`` is replaced by a simulated clock for the run and restored afterwards.
    """
    if days <= 0:
        return {"days": 0}
    original, notifier = hl.clock, hl.citizen_notifier
    hl.citizen_notifier = None  # simulated citizens have no phones or accounts to send messages to
    today = hl.calendar.local_date(original())
    start = start or (today - timedelta(days=days))
    hl.clock = SimClock(datetime.combine(start, time(8, 0), tzinfo=hl.calendar.tz).astimezone(timezone.utc))
    sim = Simulation(hl, seed, start, scale)
    try:
        from rectification import load_demo

        load_demo(hl)
        for i in range(days):
            sim.day(start + timedelta(days=i))
    finally:
        hl.clock = original
        hl.citizen_notifier = notifier
    counts = dict(sorted(sim.stats.items()))
    return {"seed": seed, "start": start.isoformat(), "days": days,
            "end": (start + timedelta(days=days - 1)).isoformat(),
            "tickets": sum(v for k, v in counts.items() if k.startswith("ticket:")),
            "reviews": counts.get("review:window", 0) + counts.get("review:ticket", 0),
            "open_rectifications": len(sim.open_cases), "counts": counts}
