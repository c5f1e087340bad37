"""Rating by link: the 办结 message carries a signed, expiring link to a one-page mobile form.

``/r/<token>``: the token is the stage (``c`` 办结, ``a`` 受理), the ticket id in base 36 and 11
characters of an HMAC-SHA256 over (stage, ticket id, closing time) with the server's secret key —
short enough to fit in one SMS with its text. The link expires ``rating_link_days`` (default 7)
natural days after the ticket was closed, and changes when a ticket is closed again after 重办.
No sign-in: the link is the permission. The rating goes through ``rectification.services.
submit_review`` like every other channel (one rating per stage, reasons on a 差评); a consultation
answered by the hotline itself is rated as the hotline's (热线中心) 一事一评.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from channels.common import setting
from hotline.domain.vocab import Role, TicketStatus
from hotline.errors import HotlineError
from hotline.presenters import masker
from hotline.scope import Audience
from hotline.services.actors import Actor
from models import Review, Ticket

STAGES = {"c": "complete", "a": "accept"}
DEFAULT_DAYS = 7
SIG_CHARS = 11  # 66 bits of HMAC: unguessable for a link that expires, short enough for one SMS
_TEMPLATES = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                         autoescape=select_autoescape(["html"]))


def secret_key(hl) -> bytes:
    """HOTLINE_SECRET_KEY, else a key generated once and kept (mode 0600) in the data directory."""
    if hl.settings.secret_key:
        return hl.settings.secret_key.encode()
    path = hl.settings.data_dir / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _sig(hl, stage: str, ticket_id: int, closed_at: datetime | None) -> str:
    msg = f"{stage}:{ticket_id}:{closed_at.isoformat() if closed_at else ''}".encode()
    digest = hmac.new(secret_key(hl), msg, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:SIG_CHARS]


def link_days(hl) -> int:
    try:
        return max(1, int(setting(hl, "rating_link_days") or DEFAULT_DAYS))
    except ValueError:
        return DEFAULT_DAYS


def public_url(hl) -> str:
    return (setting(hl, "public_url") or f"http://{hl.settings.host}:{hl.settings.port}").rstrip("/")


def token_for(hl, ticket: Ticket, stage: str = "c") -> str:
    return f"{stage}{_b36(ticket.id)}.{_sig(hl, stage, ticket.id, ticket.closed_at)}"


def rating_link(hl, s, ticket: Ticket, stage: str = "c") -> str | None:
    """The link for the ticket's rating, or None when it cannot be rated (not closed, rated already)."""
    if ticket.closed_at is None or ticket.status not in (TicketStatus.closed.value, TicketStatus.merged.value):
        return None  # a merged ticket is closed with the one it joined (and rated on its own)
    if s.scalar(select(Review.id).where(Review.subject_key == f"ticket:{ticket.number}",
                                        Review.stage == STAGES[stage])) is not None:
        return None
    return f"{public_url(hl)}/r/{token_for(hl, ticket, stage)}"


class LinkInvalid(HotlineError):
    status = 404
    code = "link_invalid"


def resolve(hl, s, token: str) -> tuple[Ticket, str]:
    """The ticket and stage of a link; refuses a forged, changed or expired one (in Chinese)."""
    head, _, sig = (token or "").partition(".")
    if len(head) < 2 or head[0] not in STAGES or not sig:
        raise LinkInvalid("评价链接无效，请核对短信中的链接")
    try:
        ticket_id = int(head[1:], 36)
    except ValueError:
        raise LinkInvalid("评价链接无效，请核对短信中的链接") from None
    ticket = s.get(Ticket, ticket_id)
    if ticket is None or not hmac.compare_digest(_sig(hl, head[0], ticket_id, ticket.closed_at), sig):
        raise LinkInvalid("评价链接无效或已失效，请核对短信中的链接")
    if ticket.closed_at is None or hl.now() > ticket.closed_at + timedelta(days=link_days(hl)):
        raise LinkInvalid(f"评价链接已过期（办结后 {link_days(hl)} 天内有效），如需评价请致电"
                          f"{setting(hl, 'hotline_phone') or '12345'}")
    return ticket, STAGES[head[0]]


def link_state(hl, token: str) -> dict:
    with hl.sessions() as s:
        ticket, stage = resolve(hl, s, token)
        done = s.scalar(select(Review).where(Review.subject_key == f"ticket:{ticket.number}", Review.stage == stage))
        # anyone holding the SMS link reads this page: the public's presenter masks the title
        return {"number": ticket.number, "stage": stage, "title": masker(ticket, Audience.public)(ticket.title),
                "unit": ticket.lead_unit.name if ticket.lead_unit else "12345热线（热线中心直接答复）",
                "rated": done.level if done is not None else None}


def opt_out(hl, token: str) -> None:
    """退订 from the link: no more messages to the number (or account) this ticket was filed with."""
    from channels.notify import set_opt_out

    with hl.sessions() as s:
        ticket, _stage = resolve(hl, s, token)
        channel = "sms" if ticket.channel not in ("bot", "miniprogram") else ticket.channel
        address = ticket.contact_phone if channel == "sms" else ticket.citizen_ref
    if address:
        set_opt_out(hl, channel=channel, address=address, source="rating-link")


def submit(hl, token: str, form: dict) -> dict:
    from rectification.services import submit_review

    with hl.sessions() as s:
        ticket, stage = resolve(hl, s, token)
        number = ticket.number
    actor = Actor(kind="link", name="市民（评价链接）", role=Role.channel, id=f"link:{number}")
    tags = [t for t in form.get("reason_tags", []) if t]
    data = {"target": "ticket", "ticket_number": number, "stage": stage, "channel": "link",
            "channel_ref": f"link:{number}:{stage}", "level": form.get("level"), "reason_tags": tags,
            "text": (form.get("text") or "").strip() or None}
    view, _created = submit_review(hl, actor=actor, data=data)
    return view


async def page(request: web.Request) -> web.Response:
    from hotline.web.app import call
    from rectification.domain import REASON_TAGS

    token = request.match_info["token"]
    error = None
    try:
        if request.method == "POST":
            form = await request.post()
            if form.get("action") == "opt_out":
                await call(request, opt_out, token)
                state = await call(request, link_state, token)
                return _html("rate.html", error=None, state=state, tags=list(REASON_TAGS), opted_out=True)
            await call(request, submit, token, {"level": form.get("level"), "text": form.get("text"),
                                                "reason_tags": form.getall("reason_tags", [])})
        state = await call(request, link_state, token)
    except LinkInvalid as exc:
        return _html("rate.html", status=404, error=exc.message, state=None, tags=[])
    except HotlineError as exc:  # a 差评 without a reason, a second rating of the stage…
        error, status = exc.message, exc.status
        state = await call(request, link_state, token)
    else:
        status = 200
    return _html("rate.html", status=status, error=error, state=state, tags=list(REASON_TAGS),
                 thanks=request.method == "POST" and error is None)


def _html(name: str, status: int = 200, **ctx) -> web.Response:
    return web.Response(text=_TEMPLATES.get_template(name).render(**ctx), status=status,
                        content_type="text/html", charset="utf-8",
                        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


def setup_routes(app: web.Application) -> None:
    app.router.add_get("/r/{token}", page)
    app.router.add_post("/r/{token}", page)
