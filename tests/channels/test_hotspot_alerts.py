"""A growing hotspot alerts the supervisors on the notification channels, end to end: tickets taken in
by an rq worker on real Redis and PostgreSQL, the sweep (an rq job) finds the hotspot, the alert is
written once per threshold crossed and delivered by the worker — by the bot to the duty chat (a fake
Bot API on 127.0.0.1) and by SMS (the log sender) to the duty phone."""
from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
from sqlalchemy import select

from hotline.services import tickets
from hotline.services.actors import SYSTEM
from models import ChannelMessage, Notice

@pytest.fixture
def fake_api():
    """The fake Bot API served from a thread of its own: the rq worker runs in the main thread."""
    from aiohttp import web
    from test_channel_bot import FakeBotApi

    api = FakeBotApi()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(api.app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    api.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/"
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield api
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.run_until_complete(runner.cleanup())
    loop.close()


DUTY_CHAT = -1009876
DUTY_PHONE = "13900001111"
OUTAGE = ["江汉区万松园路西北湖小区今天一早就停水了，到现在还没来水",
          "西北湖小区没水了，家里老人孩子都等着用水",
          "请问西北湖小区停水是什么原因，什么时候能恢复供水",
          "西北湖小区一整天不来水，也没有提前通知",
          "西北湖小区还是没水，已经好几个小时了",
          "西北湖小区停水到现在，做饭洗澡都成问题",
          "西北湖小区水龙头一滴水都没有",
          "西北湖小区什么时候来水，停了快一天了",
          "西北湖小区没有水，老人上厕所都冲不了",
          "西北湖小区断水了，物业也说不清楚",
          "西北湖小区还没来水，请尽快处理"]


@pytest.mark.redis
@pytest.mark.postgres
def test_a_growing_hotspot_alerts_the_duty_chat_and_phone_once_per_threshold(
        make_hotline, pg_template, redis_url, clock, fake_api):
    from rq import SimpleWorker

    from channel_support import CHANNEL_SETTINGS
    from hotline import jobs
    from hotline.queue import RQ_QUEUE_NAME, RqQueue
    from tests.conftest import _create_database, _pg_exec, _pg_url

    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _create_database(name, pg_template)     # (commits not waiting for the WAL's flush: tests/conftest.py)
    queue = RqQueue(redis_url)
    hl = make_hotline(_pg_url(name), queue=queue, extra=dict(
        CHANNEL_SETTINGS, bot_api_base=fake_api.url, alert_bot_chats=str(DUTY_CHAT),
        alert_sms=DUTY_PHONE, notify_quiet_hours="00:00-23:59"))    # quiet hours never hold an alert back
    worker = SimpleWorker([RQ_QUEUE_NAME], connection=queue.redis)

    def file_and_sweep(texts, first):
        for n, text in enumerate(texts, start=first):
            clock.advance(minutes=5)
            tickets.create_ticket(hl, actor=SYSTEM, data={"content": text, "channel": "phone",
                                                          "contact_phone": f"1381234{n:04d}"})
        clock.advance(minutes=15)                       # past refresh_minutes: the sweep refreshes hotspots
        queue.enqueue("sweep", job_id=f"sweep-{first}-{uuid.uuid4().hex[:6]}")
        worker.work(burst=True)                         # intake, the sweep, then the deliveries it queued

    def alerts():
        with hl.sessions() as s:
            return (s.scalars(select(Notice.message).where(Notice.kind == "hotspot").order_by(Notice.id)).all(),
                    s.execute(select(ChannelMessage.channel, ChannelMessage.status, ChannelMessage.citizen_ref,
                                     ChannelMessage.text).where(ChannelMessage.kind == "hotspot")
                              .order_by(ChannelMessage.id)).all())

    jobs.set_context(hl)
    try:
        file_and_sweep(OUTAGE[:2], 0)             # two appeals: not a hotspot yet
        assert alerts() == ([], [])

        file_and_sweep(OUTAGE[2:5], 2)            # five: a hotspot past the alert threshold
        notices, messages = alerts()
        assert len(notices) == 1 and "热点预警：西北湖小区停水：5 件诉求" in notices[0]
        assert sorted((m.channel, m.status) for m in messages) == [("bot", "sent"), ("sms", "sent")]
        assert all(m.text == notices[0] for m in messages)
        assert DUTY_PHONE not in {m.citizen_ref for m in messages}      # the phone is read when sent, not kept
        sent = [m for m in fake_api.sent if m["chat"]["id"] == DUTY_CHAT]
        assert len(sent) == 1 and sent[0]["text"] == notices[0] and "reply_markup" not in sent[0]

        file_and_sweep([], 99)                    # the sweep again, nothing new: no second alert
        assert len(alerts()[1]) == 2 and len(fake_api.sent) == 1

        file_and_sweep(OUTAGE[5:], 5)             # still growing: the heat crosses twice the threshold
        notices, messages = alerts()
        assert len(notices) == 2 and "11 件诉求" in notices[1]
        assert len(messages) == 4 and all(m.status == "sent" for m in messages)
        assert [m["text"] for m in fake_api.sent if m["chat"]["id"] == DUTY_CHAT] == notices
    finally:
        jobs.set_context(None)
        hl.close()
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
