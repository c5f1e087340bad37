"""Telegram bot (aiogram 3): file an appeal (describe → where → confirm → number), /status, ratings.

``import aiogram`` costs seconds, so this module is imported only by ``hotline bot`` and by the
web setup when a webhook secret is configured. The Routers are built in a factory (a Router can
belong to one parent only); the Hotline context reaches handlers as the ``hl`` keyword.

Idempotency: the ticket's channel reference is ``<chat id>:<id of the summary message>``, the
review's is ``<chat id>:<id of the message with the rating keyboard>``; a re-delivered update finds
the first ticket or review.
"""
from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from channels.common import setting
from hotline.domain.vocab import is_bad
from hotline.errors import Conflict, Forbidden, HotlineError, NotFound
from hotline.services import tickets
from hotline.services.actors import citizen

log = logging.getLogger(__name__)

MIN_TEXT = 5
HELP = ("您好，这里是 12345 政务服务便民热线。\n"
        "/new 提交诉求\n/status 工单号 查询办理进度\n/cancel 取消当前操作")


class Appeal(StatesGroup):
    describe = State()
    where = State()
    confirm = State()


class Rating(StatesGroup):
    reason = State()


def _actor(chat_id: int):
    return citizen("bot", str(chat_id))


def _confirm_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="✅ 确认提交", callback_data="appeal:confirm"),
        InlineKeyboardButton(text="✖ 取消", callback_data="appeal:cancel")]])


def _status_text(view: dict) -> str:
    lines = [f"工单号：{view['number']}", f"状态：{view['status_label']}"]
    if view.get("lead_unit_name"):
        lines.append(f"承办单位：{view['lead_unit_name']}")
    if view.get("answer"):
        lines.append(f"答复：{view['answer']}")
    return "\n".join(lines)


def _submit_review(hl, **kw):
    from rectification.services import submit_review

    return submit_review(hl, **kw)


def appeal_router() -> Router:
    router = Router(name="appeal")

    @router.message(CommandStart())
    async def start(message: Message, state: FSMContext) -> None:
        await state.clear()
        await message.answer(HELP)

    @router.message(Command("cancel"))
    async def cancel(message: Message, state: FSMContext) -> None:
        await state.clear()
        await message.answer("已取消。需要时发送 /new 提交诉求。")

    @router.message(Command("new"))
    async def new(message: Message, state: FSMContext) -> None:
        await state.set_state(Appeal.describe)
        await message.answer("请描述您遇到的问题或诉求（至少 5 个字）：")

    @router.message(Appeal.describe, F.text)
    async def describe(message: Message, state: FSMContext) -> None:
        text = message.text.strip()
        if len(text) < MIN_TEXT or len(text) > tickets.MAX_CONTENT:
            await message.answer(f"诉求内容需在 {MIN_TEXT} 到 {tickets.MAX_CONTENT} 个字之间，请重新描述：")
            return
        await state.update_data(content=text)
        await state.set_state(Appeal.where)
        await message.answer("问题发生在哪里？请告诉我们具体地点（区、街道、路名门牌）：")

    @router.message(Appeal.where, F.text)
    async def where(message: Message, state: FSMContext) -> None:
        place = message.text.strip()
        if not place or len(place) > 300:
            await message.answer("地点不能为空，且不超过 300 个字，请重新输入：")
            return
        data = await state.update_data(place=place)
        await state.set_state(Appeal.confirm)
        await message.answer(f"请确认您的诉求：\n内容：{data['content']}\n地点：{place}",
                             reply_markup=_confirm_keyboard())

    @router.callback_query(F.data == "appeal:confirm")
    async def confirm(query: CallbackQuery, state: FSMContext, hl) -> None:
        chat_id = query.message.chat.id
        data = await state.get_data()
        ref = f"{chat_id}:{query.message.message_id}"
        if not data.get("content"):
            # a re-delivered confirmation after the conversation ended: find the first ticket
            found = await asyncio.to_thread(_ticket_by_ref, hl, ref)
            await query.answer()
            if found:
                await query.message.answer(f"您的诉求已受理，工单号：{found}")
            return
        try:
            view, _ = await asyncio.to_thread(
                tickets.create_ticket, hl, actor=_actor(chat_id), idempotency_key=f"bot:{ref}",
                data={"content": data["content"], "place": data["place"], "channel": "bot",
                      "channel_ref": ref, "citizen_ref": str(chat_id)})
        except HotlineError as exc:
            await query.answer()
            await query.message.answer(f"提交失败：{exc.message}")
            return
        await state.clear()
        await query.answer("已提交")
        await query.message.answer(f"您的诉求已受理，工单号：{view['number']}\n"
                                   f"可发送 /status {view['number']} 查询办理进度。")

    @router.callback_query(F.data == "appeal:cancel")
    async def cancel_button(query: CallbackQuery, state: FSMContext) -> None:
        await state.clear()
        await query.answer()
        await query.message.answer("已取消。需要时发送 /new 提交诉求。")

    @router.message(Appeal.confirm)
    async def confirm_hint(message: Message) -> None:
        await message.answer("请点击上方“确认提交”或“取消”按钮。")

    return router


def status_router() -> Router:
    router = Router(name="status")

    @router.message(Command("status"))
    async def status(message: Message, command: CommandObject, hl) -> None:
        number = (command.args or "").strip()
        if not number:
            await message.answer("请在命令后附上工单号，例如：/status 202603020001")
            return
        try:
            view = await asyncio.to_thread(tickets.get_ticket, hl, actor=_actor(message.chat.id), number=number)
        except (NotFound, Forbidden) as exc:
            await message.answer(exc.message)
            return
        await message.answer(_status_text(view))

    return router


def rating_router() -> Router:
    router = Router(name="rating")

    async def submit(hl, chat_id: int, ref: str, number: str, level: int, text: str | None) -> str:
        data = {"target": "ticket", "ticket_number": number, "stage": "complete", "channel": "bot",
                "level": level, "channel_ref": ref, "citizen_ref": str(chat_id)}
        if text:
            data["text"] = text
        try:
            _view, created = await asyncio.to_thread(_submit_review, hl, actor=_actor(chat_id), data=data,
                                                     idempotency_key=f"bot:{ref}")
        except Conflict:
            return "您已评价过该工单（每个环节只能评价一次），感谢参与。"
        except HotlineError as exc:
            return f"评价失败：{exc.message}"
        return "感谢您的评价！" if created else "您已评价过，感谢参与。"

    @router.callback_query(F.data.startswith("rate:"))
    async def rate(query: CallbackQuery, state: FSMContext, hl) -> None:
        try:
            _, number, raw = query.data.split(":")
            level = int(raw)
        except ValueError:
            await query.answer("无效的评价")
            return
        chat_id = query.message.chat.id
        ref = f"{chat_id}:{query.message.message_id}"
        await query.answer()
        if is_bad(level):
            await state.set_state(Rating.reason)
            await state.update_data(number=number, level=level, ref=ref)
            await query.message.answer("很抱歉没能让您满意。请告诉我们不满意的原因：")
            return
        await query.message.answer(await submit(hl, chat_id, ref, number, level, None))

    @router.message(Rating.reason, F.text)
    async def reason(message: Message, state: FSMContext, hl) -> None:
        data = await state.get_data()
        text = message.text.strip()
        if not text:
            await message.answer("请说明不满意的原因：")
            return
        await state.clear()
        await message.answer(await submit(hl, message.chat.id, data["ref"], data["number"], data["level"], text[:2000]))

    return router


def fallback_router() -> Router:
    router = Router(name="fallback")

    @router.message()
    async def anything(message: Message) -> None:
        await message.answer(HELP)

    return router


def _ticket_by_ref(hl, ref: str) -> str | None:
    from sqlalchemy import select

    from models import Ticket

    with hl.sessions() as s:
        return s.scalar(select(Ticket.number).where(Ticket.channel == "bot", Ticket.channel_ref == ref))


def build_dispatcher(hl) -> Dispatcher:
    dp = Dispatcher(hl=hl)
    dp.include_routers(appeal_router(), status_router(), rating_router(), fallback_router())
    return dp


def build_bot(hl) -> Bot:
    token = setting(hl, "bot_token")
    if not token:
        raise HotlineError("未配置机器人令牌（bot_token 或 HOTLINE_BOT_TOKEN）")
    base = setting(hl, "bot_api_base")
    session = AiohttpSession(api=TelegramAPIServer.from_base(base)) if base else AiohttpSession()
    return Bot(token=token, session=session)


async def run_polling(hl, *, polling_timeout: int = 10) -> None:
    bot = build_bot(hl)
    dp = build_dispatcher(hl)
    try:
        await dp.start_polling(bot, polling_timeout=polling_timeout, handle_signals=False)
    finally:
        await bot.session.close()


def setup_webhook(app, hl) -> None:
    """``POST /channels/bot/webhook`` checked against ``X-Telegram-Bot-Api-Secret-Token``."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    bot = build_bot(hl)
    dp = build_dispatcher(hl)
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=setting(hl, "bot_webhook_secret")).register(
        app, path="/channels/bot/webhook")

    async def close(_app) -> None:
        await bot.session.close()

    app.on_cleanup.append(close)
