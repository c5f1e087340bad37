"""Messages to citizens: SMS through the Tencent Cloud SDK against a fake server that checks the
TC3-HMAC-SHA256 signature, WeChat subscription messages, quiet hours, opt-out, retries, the
delivery record; and rating by the link in the 办结 message (a unit's ticket and the hotline's own
consultation)."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
from datetime import datetime, timedelta, timezone

import pytest
from aiohttp import web
from sqlalchemy import select

from hotline.services import tickets

SECRET_ID, SECRET_KEY = "AKIDtest", "tencent-test-secret"
PHONE = "13812345678"


class FakeTencentSms:
    """Tencent Cloud API 3.0 ``SendSms`` as the SDK speaks it: the request is refused unless its
    TC3-HMAC-SHA256 signature checks out (computed here from the documented algorithm)."""

    def __init__(self):
        self.sent: list[dict] = []
        self.fail_next = 0
        self.app = web.Application()
        self.app.router.add_post("/", self.handle)

    @staticmethod
    def signature(secret_key: str, *, method: str, host: str, content_type: str, body: bytes,
                  timestamp: int, service: str) -> str:
        canonical = "\n".join([method, "/", "", f"content-type:{content_type}\nhost:{host}\n", "content-type;host",
                               hashlib.sha256(body).hexdigest()])
        day = datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")
        to_sign = "\n".join(["TC3-HMAC-SHA256", str(timestamp), f"{day}/{service}/tc3_request",
                             hashlib.sha256(canonical.encode()).hexdigest()])

        def h(key: bytes, msg: str) -> bytes:
            return hmac.new(key, msg.encode(), hashlib.sha256).digest()

        k = h(h(h(("TC3" + secret_key).encode(), day), service), "tc3_request")
        return hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()

    def error(self, code, message):
        return web.json_response({"Response": {"Error": {"Code": code, "Message": message}, "RequestId": "r-err"}})

    async def handle(self, request: web.Request):
        body = await request.read()
        auth = request.headers.get("Authorization", "")
        m = re.match(r"TC3-HMAC-SHA256 Credential=([^/]+)/([^/]+)/([^/]+)/tc3_request, "
                     r"SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$", auth)
        if request.headers.get("X-TC-Action") != "SendSms" or request.headers.get("X-TC-Version") != "2021-01-11":
            return self.error("InvalidAction", "unknown action")
        if not m or m.group(1) != SECRET_ID:
            return self.error("AuthFailure.SecretIdNotFound", "bad credential")
        expected = self.signature(SECRET_KEY, method="POST", host=request.headers["Host"],
                                  content_type=request.headers["Content-Type"], body=body,
                                  timestamp=int(request.headers["X-TC-Timestamp"]), service=m.group(3))
        if not hmac.compare_digest(expected, m.group(4)):
            return self.error("AuthFailure.SignatureFailure", "signature mismatch")
        data = json.loads(body)
        if self.fail_next:
            self.fail_next -= 1
            return web.json_response({"Response": {"SendStatusSet": [{
                "SerialNo": "", "PhoneNumber": data["PhoneNumberSet"][0], "Fee": 0, "SessionContext": "",
                "Code": "LimitExceeded.PhoneNumberThirtySecondLimit", "Message": "too often", "IsoCode": "CN"}],
                "RequestId": "r-limit"}})
        self.sent.append(data)
        return web.json_response({"Response": {"SendStatusSet": [{
            "SerialNo": f"serial-{len(self.sent)}", "PhoneNumber": data["PhoneNumberSet"][0], "Fee": 1,
            "SessionContext": data.get("SessionContext", ""), "Code": "Ok", "Message": "send success",
            "IsoCode": "CN"}], "RequestId": f"r-{len(self.sent)}"}})

    def texts(self):
        return [d["TemplateParamSet"][0] for d in self.sent]


@pytest.fixture
async def sms(aiohttp_server):
    fake = FakeTencentSms()
    fake.server = await aiohttp_server(fake.app, host="127.0.0.1")
    return fake


@pytest.fixture
def shl(make_hotline, database_url, sms):
    from channel_support import CHANNEL_SETTINGS

    return make_hotline(database_url, extra=dict(
        CHANNEL_SETTINGS, sms_provider="tencent", sms_secret_id=SECRET_ID, sms_secret_key=SECRET_KEY,
        sms_app_id="1400000001", sms_sign_name="武汉12345", sms_template_id="2000001",
        sms_endpoint=str(sms.server.make_url("")).rstrip("/"), public_url="https://12345.wh.gov.cn"))


def _call(actor, text="江岸区解放大道小区门口占道经营，早高峰堵路", **extra):
    return {"content": text, "channel": "phone", "contact_phone": PHONE, **extra}


def _messages(hl, number=None):
    from models import ChannelMessage

    with hl.sessions() as s:
        stmt = select(ChannelMessage).order_by(ChannelMessage.id)
        if number:
            stmt = stmt.where(ChannelMessage.ticket_number == number)
        return [(m.kind, m.status, m.text, m.attempts, m.provider_ref) for m in s.scalars(stmt)]


async def test_phone_caller_hears_of_each_step_by_sms_and_rates_by_link(shl, sms, actors, aiohttp_client):
    from channel_support import channel_app

    hl = shl
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"], data=_call(actors))
    number = view["number"]
    # 受理 with the number and how to follow it; 派单 (the classifier was sure) to the unit
    assert sms.texts()[:2] == [f"您的诉求已受理，工单号{number}，可致电12345报工单号查询进度。",
                               f"工单{number}已转江岸区人民政府办理，办理结果将告知您。"]
    assert sms.sent[0]["PhoneNumberSet"] == [f"+86{PHONE}"] and sms.sent[0]["SignName"] == "武汉12345"
    assert sms.sent[0]["SmsSdkAppId"] == "1400000001" and sms.sent[0]["TemplateId"] == "2000001"

    unit = actors["D-JA"]
    await asyncio.to_thread(tickets.sign_ticket, hl, actor=unit, number=number)
    await asyncio.to_thread(tickets.answer_ticket, hl, actor=unit, number=number, answer="已清理占道摊点")
    assert sms.texts()[2] == f"工单{number}已由江岸区人民政府答复，我们将回访核实办理结果。"
    await asyncio.to_thread(tickets.record_callback, hl, actor=actors["operator"], number=number, solved=True,
                            satisfaction="satisfied")
    closed = sms.texts()[3]
    link = re.search(r"https://12345\.wh\.gov\.cn(/r/\S+)$", closed).group(1)
    assert closed.startswith(f"工单{number}已办结，请评价https:")
    for text in sms.texts():  # one SMS each, the 【武汉12345】 signature included
        assert len(text) + len("【武汉12345】") <= 70, text
    # the delivery record: one row per message, sent, with the provider's serial number
    assert [(k, st, ref) for k, st, _t, _a, ref in _messages(hl, number)] == [
        ("accepted", "sent", "serial-1"), ("dispatched", "sent", "serial-2"),
        ("answered", "sent", "serial-3"), ("closed", "sent", "serial-4")]

    # the link opens a one-page form without signing in
    client = await aiohttp_client(channel_app(hl))
    page = await client.get(link)
    html = await page.text()
    assert page.status == 200 and number in html and "江岸区人民政府" in html and "非常不满意" in html
    assert "<style" not in html and 'style="' not in html and "<script" not in html  # the site's CSP holds
    assert page.headers["Referrer-Policy"] == "no-referrer"  # the token never leaves in a Referer
    assert "button.quiet" in await (await client.get("/channels/static/rate.css")).text()
    # a 差评 needs a reason
    resp = await client.post(link, data={"level": "2"})
    assert resp.status == 422 and "须选择原因标签或填写评价内容" in await resp.text()
    resp = await client.post(link, data={"level": "2", "reason_tags": "问题未解决", "text": "摊点第二天又回来了"})
    assert resp.status == 200 and "感谢您的评价" in await resp.text()
    # one rating per stage: a second post (a double tap, or a change of mind) keeps the first rating
    again = await client.post(link, data={"level": "5"})
    assert "该工单已评价（不满意），每个环节只能评价一次" in await again.text()
    assert "提交评价" not in await (await client.get(link)).text()
    from models import RectificationCase, Review

    with hl.sessions() as s:
        review = s.scalars(select(Review)).one()
        assert (review.level, review.channel, review.reason_tags, review.unit.code) == (2, "link", ["问题未解决"], "D-JA")
        assert s.scalar(select(RectificationCase.unit_id)) == review.unit_id
    # a forged or changed token is refused in Chinese
    bad = await client.get(link[:-1] + ("A" if link[-1] != "A" else "B"))
    assert bad.status == 404 and "评价链接无效" in await bad.text()
    # the unit rectifies and replies: the caller is told by SMS
    from rectification import services as rect

    with hl.sessions() as s:
        case_id = s.scalar(select(RectificationCase.id))
    await asyncio.to_thread(rect.record_finding, hl, actor=unit, case_id=case_id, finding="explain",
                            note="摊点已劝离，已安排每日巡查")
    await asyncio.to_thread(rect.reply_case, hl, actor=unit, case_id=case_id, reply="已安排城管每日早高峰巡查")
    assert sms.texts()[-1] == f"您对工单{number}的差评已整改并答复，可致电12345追评。"


async def test_the_hotlines_own_answer_is_rated_and_counted_at_the_centre(shl, sms, actors, aiohttp_client, clock):
    from channel_support import channel_app
    from models import RectificationCase, Review, Unit
    from rectification import metrics

    hl = shl
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"],
                                      data=_call(actors, "请问社保卡丢了怎么补办", appeal_type="consult"))
    number = view["number"]
    await asyncio.to_thread(tickets.close_consultation, hl, actor=actors["operator"], number=number,
                            answer="携带身份证到就近社保网点补办")
    closed = sms.texts()[-1]
    link = closed.split("https://12345.wh.gov.cn", 1)[1]
    client = await aiohttp_client(channel_app(hl))
    page = await client.get(link)
    assert "12345热线" in await page.text()
    resp = await client.post(link, data={"level": "1", "reason_tags": "政策解释不清"})
    assert resp.status == 200
    with hl.sessions() as s:
        centre = s.scalar(select(Unit).where(Unit.kind == "centre"))
        review = s.scalar(select(Review))
        case = s.scalar(select(RectificationCase))
        assert review.unit_id == centre.id and case.unit_id == centre.id  # 差评 → a case at the centre
        code = centre.code
    start, end = clock.now - timedelta(days=1), clock.now + timedelta(days=1)
    figures = await asyncio.to_thread(metrics.figures, hl, view="unit", start=start, end=end)
    row = next(r for r in figures["rows"] if r["key"] == code)
    counts = row["counts"]
    assert (counts["rated"], counts["bad"], counts["rateable"], counts["unrated"]) == (1, 1, 1, 0)


def test_messages_fit_one_sms_even_with_a_long_unit_name(make_hotline, database_url):
    from channels.notify import SMS_LIMIT, TEMPLATES, render

    hl = make_hotline(database_url, extra={"sms_sign_name": "武汉市12345市民服务热线"})
    unit = "武汉市江岸区人民政府某某街道办事处社区网格管理服务中心第三网格工作站（临时）"
    link = "https://12345.wuhan.gov.cn/r/c1z.abcdefghijk"
    texts = {event: render(hl, event, number="202612010001", unit=unit, date="2027年12月31日", link=link)
             for event in TEMPLATES}
    for event, text in texts.items():
        assert len(text) + len("【武汉市12345市民服务热线】") <= SMS_LIMIT, (event, text)
    assert texts["closed"] == f"诉求已办结，请评价{link}"       # the shorter variant keeps the link
    assert texts["dispatched"].startswith("工单202612010001已转武汉市江岸区") and "…" in texts["dispatched"]


async def test_quiet_hours_retry_and_opt_out(shl, sms, actors, clock):
    from channels import notify
    from hotline.services.sweep import sweep

    hl = shl
    clock.set(datetime(2026, 3, 2, 23, 30, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc))
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"], data=_call(actors))
    number = view["number"]
    assert sms.sent == []  # 23:30: nothing is sent at night
    assert {st for _k, st, *_ in _messages(hl, number)} == {"queued"}
    clock.set(datetime(2026, 3, 3, 7, 59, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc))
    await asyncio.to_thread(sweep, hl)
    assert sms.sent == []
    clock.set(datetime(2026, 3, 3, 8, 0, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc))
    sms.fail_next = 1  # the provider refuses the first one (rate limit): retried after a back-off
    await asyncio.to_thread(sweep, hl)
    records = _messages(hl, number)
    assert [(k, st, a) for k, st, _t, a, _r in records] == [("accepted", "queued", 1), ("dispatched", "sent", 1)]
    clock.advance(minutes=3)
    await asyncio.to_thread(sweep, hl)
    assert [(k, st, a) for k, st, _t, a, _r in _messages(hl, number)] == [("accepted", "sent", 2),
                                                                          ("dispatched", "sent", 1)]
    # the citizen asks for no more messages: the answer is recorded as not sent, and nothing goes out
    await asyncio.to_thread(notify.set_opt_out, hl, channel="sms", address="+86 138-1234-5678", source="test")
    n = len(sms.sent)
    await asyncio.to_thread(tickets.sign_ticket, hl, actor=actors["D-JA"], number=number)
    await asyncio.to_thread(tickets.answer_ticket, hl, actor=actors["D-JA"], number=number, answer="已清理占道摊点，恢复通行")
    assert len(sms.sent) == n and _messages(hl, number)[-1][:2] == ("answered", "opted_out")
    # a caller who said so at intake gets nothing at all
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"],
                                      data=_call(actors, contact_phone="13900001111", notify=False))
    assert {st for _k, st, *_ in _messages(hl, view["number"])} == {"opted_out"}
    assert len(sms.sent) == n


def test_log_only_sender_keeps_personal_data_out_of_the_log(make_hotline, database_url, actors, caplog):
    hl = make_hotline(database_url)
    caplog.set_level(logging.DEBUG)
    view, _ = tickets.create_ticket(hl, actor=actors["operator"], data=_call(actors, contact_name="张三"))
    assert [(k, st) for k, st, *_ in _messages(hl, view["number"])] == [("accepted", "sent"), ("dispatched", "sent")]
    assert "handed to the log-only sender" in caplog.text
    assert PHONE not in caplog.text and PHONE[-4:] not in caplog.text and "张三" not in caplog.text


async def test_wechat_subscription_message_for_the_mini_program(make_hotline, database_url, actors, aiohttp_server):
    from channel_support import CHANNEL_SETTINGS

    from channels import notify

    pushed, tokens = [], []

    async def token(request):
        tokens.append(dict(request.query))
        return web.json_response({"access_token": "ACCESS-1", "expires_in": 7200})

    async def send(request):
        if request.query.get("access_token") != "ACCESS-1":
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        pushed.append(await request.json())
        return web.json_response({"errcode": 0, "errmsg": "ok", "msgid": 77})

    app = web.Application()
    app.router.add_get("/cgi-bin/token", token)
    app.router.add_post("/cgi-bin/message/subscribe/send", send)
    server = await aiohttp_server(app, host="127.0.0.1")
    hl = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS, mp_api_base=str(server.make_url("")).rstrip("/"),
                                               mp_template_id="TPL-progress"))
    data = {"content": "江岸区解放大道占道经营严重", "channel": "miniprogram", "citizen_ref": "o-alice"}
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["channel"], data=data)
    number = view["number"]
    assert tokens == [{"grant_type": "client_credential", "appid": "wx-test-app", "secret": "mp-test-secret"}]
    assert len(pushed) == 1 and pushed[0]["touser"] == "o-alice" and pushed[0]["template_id"] == "TPL-progress"
    assert pushed[0]["data"]["character_string1"]["value"] == number
    assert pushed[0]["data"]["thing2"]["value"] == "派单"
    assert all(len(v["value"]) <= 20 for v in pushed[0]["data"].values())
    assert _messages(hl, number) == [("dispatched", "sent", f"工单{number}已转江岸区人民政府办理，办理结果将告知您。",
                                      1, "77")]
    from models import Ticket

    with hl.sessions() as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.number == number))
    record = notify.ticket_messages(hl, ticket_id)[0]
    assert record["event_label"] == "派单" and record["status"] == "sent" and "o-alice" not in str(record)


async def test_delivery_records_and_opt_out_over_the_api_and_the_link(shl, sms, actors, aiohttp_client):
    from channel_support import channel_app

    from hotline.services.auth import create_token

    hl = shl
    op = {"Authorization": f"Bearer {create_token(hl, name='op', role='operator')}"}
    unit = {"Authorization": f"Bearer {create_token(hl, name='u', role='unit', unit_code='D-JA')}"}
    client = await aiohttp_client(channel_app(hl))
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"],
                                      data=_call(actors, "请问社保卡丢了怎么补办", appeal_type="consult"))
    number = view["number"]
    resp = await client.get(f"/api/v1/tickets/{number}/messages", headers=op)
    items = (await resp.json())["items"]
    assert [(m["event_label"], m["status"]) for m in items] == [("受理", "sent")]
    assert PHONE not in json.dumps(items, ensure_ascii=False)
    assert (await client.get(f"/api/v1/tickets/{number}/messages", headers=unit)).status == 403
    await asyncio.to_thread(tickets.close_consultation, hl, actor=actors["operator"], number=number,
                            answer="携带身份证到就近社保网点补办")
    link = sms.texts()[-1].split("https://12345.wh.gov.cn", 1)[1]
    page = await client.post(link, data={"action": "opt_out"})
    assert "已退订" in await page.text()
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"], data=_call(actors))
    assert [st for _k, st, *_ in _messages(hl, view["number"])] == ["opted_out", "opted_out"]
    resp = await client.post("/api/v1/citizens/opt-out", headers=op,
                             json={"channel": "sms", "address": PHONE, "opt_out": False})
    assert (await resp.json())["opt_out"] is False
    bad = await client.post("/api/v1/citizens/opt-out", headers=op, json={"channel": "fax", "address": PHONE})
    assert bad.status == 422 and "渠道须为" in (await bad.json())["error"]["message"]


async def test_merged_callers_hear_the_outcome(shl, sms, actors):
    hl = shl
    first, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"], data=_call(actors))
    second, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"],
                                        data=_call(actors, "江岸区解放大道又有人占道经营", contact_phone="13900002222"))
    await asyncio.to_thread(tickets.merge_ticket, hl, actor=actors["operator"], number=second["number"],
                            into=first["number"])
    assert sms.texts()[-1] == f"工单{second['number']}与同类诉求合并办理，结果将一并告知您。"
    unit = actors["D-JA"]
    await asyncio.to_thread(tickets.sign_ticket, hl, actor=unit, number=first["number"])
    await asyncio.to_thread(tickets.answer_ticket, hl, actor=unit, number=first["number"], answer="已清理占道摊点")
    await asyncio.to_thread(tickets.record_callback, hl, actor=actors["operator"], number=first["number"],
                            solved=True)
    last = {d["PhoneNumberSet"][0]: d["TemplateParamSet"][0] for d in sms.sent}
    assert last[f"+86{PHONE}"].startswith(f"工单{first['number']}已办结，请评价https://12345.wh.gov.cn/r/")
    # the merged caller's ticket closes with it and carries a rating link of its own
    assert last["+8613900002222"].startswith("合并办理的诉求已办结，请评价https://12345.wh.gov.cn/r/")
    assert [k for k, *_ in _messages(hl, second["number"])] == ["accepted", "dispatched", "merged", "merged_closed"]


async def test_an_extension_tells_the_caller_the_new_date(shl, sms, actors):
    hl = shl
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"],
                                      data=_call(actors, appeal_type="complaint"))
    number = view["number"]
    unit = actors["D-JA"]
    await asyncio.to_thread(tickets.sign_ticket, hl, actor=unit, number=number)
    await asyncio.to_thread(tickets.request_extension, hl, actor=unit, number=number, workdays=5,
                            reason="需协调多个部门联合执法")
    decided = await asyncio.to_thread(tickets.decide_extension, hl, actor=actors["supervisor"], number=number,
                                      approve=True)
    # 15 working days from Monday 2 March 2026 end on 23 March; 5 more end on 30 March
    assert decided["complete_due"].startswith("2026-03-30")
    assert sms.texts()[-1] == f"工单{number}经批准延期，办理时限延至2026年3月30日，敬请谅解。"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_the_operator_sees_what_the_citizen_was_told_on_the_ticket_page(shl, sms, actors, aiohttp_client):
    from hotline.demo import DEMO_PASSWORD, load_demo
    from hotline.web.app import create_app

    hl = shl
    router = hl.router
    load_demo(hl)
    hl.router = router
    view, _ = await asyncio.to_thread(tickets.create_ticket, hl, actor=actors["operator"], data=_call(actors))
    client = await aiohttp_client(create_app(hl))
    html = await (await client.get("/login")).text()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    await client.post("/login", data={"username": "operator", "password": DEMO_PASSWORD, "_csrf": csrf})
    page = await (await client.get(f"/console/tickets/{view['number']}")).text()
    section = page.split('id="citizen-messages"', 1)[1]
    assert "告知市民" in page and f"您的诉求已受理，工单号{view['number']}" in section and "已发送" in section
    assert PHONE not in section
