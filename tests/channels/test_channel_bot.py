"""Telegram bot: real long polling against a fake Bot API server on 127.0.0.1, and the webhook."""
from __future__ import annotations

import asyncio
import itertools
import json
import time

import pytest
from aiohttp import web

from hotline.services import tickets
from hotline.services.actors import SYSTEM

TOKEN = "123456:TEST-token"
ALICE, BOB = 4242, 5151


class FakeBotApi:
    """Just enough of the Bot API: getMe, getUpdates (long polling), sendMessage, answerCallbackQuery."""

    def __init__(self):
        self.updates: asyncio.Queue = asyncio.Queue()
        self.sent: list[dict] = []
        self.ids = itertools.count(1000)
        self.update_ids = itertools.count(1)
        self.app = web.Application()
        self.app.router.add_post("/bot{token}/{method}", self.handle)

    async def handle(self, request):
        if request.match_info["token"] != TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        form = dict(await request.post())  # aiogram posts form fields
        if method == "getMe":
            return self.ok({"id": 999, "is_bot": True, "first_name": "12345热线", "username": "hotline_bot"})
        if method == "getUpdates":
            timeout = float(form.get("timeout") or 0)
            try:
                first = await asyncio.wait_for(self.updates.get(), timeout=min(timeout, 1.0) or 0.01)
            except asyncio.TimeoutError:
                return self.ok([])
            return self.ok([first])
        if method == "sendMessage":
            msg = {"message_id": next(self.ids), "date": int(time.time()), "text": form["text"],
                   "chat": {"id": int(form["chat_id"]), "type": "private"},
                   "from": {"id": 999, "is_bot": True, "first_name": "12345热线"}}
            if form.get("reply_markup"):
                msg["reply_markup"] = json.loads(form["reply_markup"])
            self.sent.append(msg)
            return self.ok(msg)
        if method in ("answerCallbackQuery", "deleteWebhook"):
            return self.ok(True)
        return web.json_response({"ok": False, "error_code": 400, "description": f"unknown {method}"}, status=400)

    @staticmethod
    def ok(result):
        return web.json_response({"ok": True, "result": result})

    def user(self, chat):
        return {"id": chat, "is_bot": False, "first_name": "市民"}

    def text(self, chat, text):
        msg = {"message_id": next(self.ids), "date": int(time.time()), "chat": {"id": chat, "type": "private"},
               "from": self.user(chat), "text": text}
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self.updates.put_nowait({"update_id": next(self.update_ids), "message": msg})

    def press(self, chat, message, data):
        self.updates.put_nowait({"update_id": next(self.update_ids), "callback_query": {
            "id": f"cb{next(self.ids)}", "from": self.user(chat), "chat_instance": "ci", "data": data,
            "message": message}})

    async def reply(self, chat, contains, after=0, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for msg in self.sent[after:]:
                if msg["chat"]["id"] == chat and contains in msg["text"]:
                    return msg
            await asyncio.sleep(0.02)
        raise AssertionError(f"no reply containing {contains!r}; sent: {[m['text'] for m in self.sent]}")


@pytest.fixture
async def fake_api(aiohttp_server):
    api = FakeBotApi()
    api.server = await aiohttp_server(api.app, host="127.0.0.1")
    return api


@pytest.fixture
async def polling_bot(make_hotline, database_url, fake_api):
    from channel_support import CHANNEL_SETTINGS

    from channels.bot import run_polling

    hl = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS, bot_api_base=str(fake_api.server.make_url(""))))
    task = asyncio.create_task(run_polling(hl, polling_timeout=1))
    yield hl
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


async def test_conversation_status_push_and_rating_over_long_polling(polling_bot, fake_api, actors):
    hl, api = polling_bot, fake_api
    api.text(ALICE, "/start")
    await api.reply(ALICE, "12345")
    api.text(ALICE, "/new")
    await api.reply(ALICE, "请描述")
    api.text(ALICE, "堵")
    await api.reply(ALICE, "之间")
    api.text(ALICE, "江岸区解放大道占道经营严重，行人只能走机动车道")
    await api.reply(ALICE, "在哪里")
    n = len(api.sent)
    api.text(ALICE, "解放大道 100 号")
    summary = await api.reply(ALICE, "请确认", after=n)
    assert summary["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "appeal:confirm"
    n = len(api.sent)
    api.press(ALICE, summary, "appeal:confirm")
    done = await api.reply(ALICE, "已受理，工单号", after=n)
    number = done["text"].split("工单号：")[1].split("\n")[0]

    n = len(api.sent)
    api.press(ALICE, summary, "appeal:confirm")  # Telegram re-delivers the same button press
    again = await api.reply(ALICE, "已受理，工单号", after=n)
    assert number in again["text"]
    listing = await asyncio.to_thread(tickets.list_tickets, hl, actor=SYSTEM)
    assert listing["total"] == 1
    full = await asyncio.to_thread(tickets.get_ticket, hl, actor=SYSTEM, number=number)
    assert full["channel"] == "bot" and full["channel_ref"] == f"{ALICE}:{summary['message_id']}"
    assert full["place"] == "解放大道 100 号" and full["lead_unit"] == "D-JA"

    n = len(api.sent)
    api.text(ALICE, f"/status {number}")
    status = await api.reply(ALICE, "状态", after=n)
    assert "已派单" in status["text"]
    api.text(BOB, f"/status {number}")
    await api.reply(BOB, "只能查看本人")

    # the unit answers: a push reaches the citizen (the notifier runs in the job, not in the bot)
    n = len(api.sent)
    await asyncio.to_thread(tickets.sign_ticket, hl, actor=actors["D-JA"], number=number)
    await asyncio.to_thread(tickets.answer_ticket, hl, actor=actors["D-JA"], number=number,
                            answer="城管已到场清理占道摊点。")
    await api.reply(ALICE, f"工单{number}已由江岸区人民政府答复", after=n)
    await asyncio.to_thread(tickets.record_callback, hl, actor=actors["operator"], number=number, solved=True,
                            satisfaction="basic")
    closed = await api.reply(ALICE, "已办结", after=n)
    buttons = [row[0]["callback_data"] for row in closed["reply_markup"]["inline_keyboard"]]
    assert buttons[0] == f"rate:{number}:5" and buttons[-1] == f"rate:{number}:1"

    # a 差评 asks for the reason, and the rating is stored once
    from rectification import services as rect
    n = len(api.sent)
    api.press(ALICE, closed, f"rate:{number}:2")
    await api.reply(ALICE, "原因", after=n)
    api.text(ALICE, "摊点第二天又回来了")
    await api.reply(ALICE, "感谢您的评价", after=n)
    n = len(api.sent)
    api.press(ALICE, closed, f"rate:{number}:4")
    await api.reply(ALICE, "已评价", after=n)
    found = await asyncio.to_thread(rect.list_reviews, hl, actor=SYSTEM)
    items = found["items"] if isinstance(found, dict) else found
    assert [(r["level"], r["channel"]) for r in items] == [(2, "bot")]


async def test_webhook_checks_the_secret_token(make_hotline, database_url, aiohttp_client, fake_api):
    from channel_support import CHANNEL_SETTINGS, channel_app

    hl = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS, bot_webhook_secret="hook-secret",
                                               bot_api_base=str(fake_api.server.make_url(""))))
    client = await aiohttp_client(channel_app(hl))
    update = {"update_id": 1, "message": {"message_id": 1, "date": int(time.time()), "text": "/start",
                                          "chat": {"id": ALICE, "type": "private"}, "from": fake_api.user(ALICE),
                                          "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
    resp = await client.post("/channels/bot/webhook", json=update)
    assert resp.status == 401
    resp = await client.post("/channels/bot/webhook", json=update,
                             headers={"X-Telegram-Bot-Api-Secret-Token": "hook-secret"})
    assert resp.status == 200
    await fake_api.reply(ALICE, "12345")
