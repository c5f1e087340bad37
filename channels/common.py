"""Shared pieces of the channel adapters: configuration, signatures, request bodies, hashing."""
from __future__ import annotations

import hashlib
import hmac
import os
from datetime import datetime, timezone


from hotline.errors import Unauthorized
from hotline.web.app import parse_json_object, read_body  # noqa: F401 - the one body reader of every door

# Config keys (in the TOML file's [hotline] table or at its top level) and their environment variables.
CONFIG_ENV = {
    "callcenter_secret": "HOTLINE_CALLCENTER_SECRET",
    "mp_appid": "HOTLINE_MP_APPID",
    "mp_secret": "HOTLINE_MP_SECRET",
    "mp_api_base": "HOTLINE_MP_API_BASE",
    "bot_token": "HOTLINE_BOT_TOKEN",
    "bot_webhook_secret": "HOTLINE_BOT_WEBHOOK_SECRET",
    "bot_api_base": "HOTLINE_BOT_API_BASE",
    "mp_template_id": "HOTLINE_MP_TEMPLATE_ID",
    "sms_provider": "HOTLINE_SMS_PROVIDER",
    "sms_secret_id": "HOTLINE_SMS_SECRET_ID",
    "sms_secret_key": "HOTLINE_SMS_SECRET_KEY",
    "sms_app_id": "HOTLINE_SMS_APP_ID",
    "sms_sign_name": "HOTLINE_SMS_SIGN_NAME",
    "sms_template_id": "HOTLINE_SMS_TEMPLATE_ID",
    "sms_endpoint": "HOTLINE_SMS_ENDPOINT",
    "sms_region": "HOTLINE_SMS_REGION",
    "notify_quiet_hours": "HOTLINE_NOTIFY_QUIET_HOURS",
    "public_url": "HOTLINE_PUBLIC_URL",
    "rating_link_days": "HOTLINE_RATING_LINK_DAYS",
    "hotline_phone": "HOTLINE_PHONE",
    "alert_sms": "HOTLINE_ALERT_SMS",              # supervisors' duty phones for alerts, comma-separated
    "alert_bot_chats": "HOTLINE_ALERT_BOT_CHATS",  # … and Telegram chats (a duty group), comma-separated
}
REPLAY_WINDOW = 300  # seconds a signed request's timestamp may differ from our clock


# Secrets an administrator can also enter in the console (hotline/console: 渠道凭据): key → (kind, field).
CREDENTIAL_KEYS = {
    "callcenter_secret": ("callcentre", "secret"),
    "bot_token": ("bot_token", "secret"),
    "mp_secret": ("miniprogram", "secret"),
    "mp_appid": ("miniprogram", "app_id"),
}


def setting(hl, key: str, default: str | None = None) -> str | None:
    """A channel setting: the environment variable, then the config file's key, then the newest live
    credential an administrator saved in the console."""
    env = CONFIG_ENV.get(key)
    if env and os.environ.get(env):
        return os.environ[env]
    extra = hl.settings.extra or {}
    value = extra.get(key)
    if value is None and isinstance(extra.get("channels"), dict):
        value = extra["channels"].get(key)
    if value in (None, "") and key in CREDENTIAL_KEYS:
        value = _console_credential(hl, *CREDENTIAL_KEYS[key])
    return str(value) if value not in (None, "") else default


def _console_credential(hl, kind: str, field: str) -> str | None:
    from sqlalchemy import select

    from models.console import ChannelCredential

    with hl.sessions() as s:
        row = s.scalar(select(ChannelCredential).where(ChannelCredential.kind == kind,
                                                       ChannelCredential.revoked_at.is_(None))
                       .order_by(ChannelCredential.updated_at.desc(), ChannelCredential.id.desc()))
    if row is None:
        return None
    return row.secret if field == "secret" else (row.meta or {}).get(field)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def hmac_hex(key: str, message: bytes) -> str:
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def check_timestamp(raw: str | None, now: datetime, window: int = REPLAY_WINDOW) -> int:
    """Parse a UNIX-seconds timestamp header and refuse one outside the replay window."""
    if not raw:
        raise Unauthorized("缺少时间戳")
    try:
        ts = int(raw)
    except ValueError:
        raise Unauthorized("时间戳格式不正确（应为 Unix 秒）") from None
    if abs(now.timestamp() - ts) > window:
        raise Unauthorized(f"请求已过期或时间不同步（允许误差 {window // 60} 分钟）")
    return ts


def verify_signature(expected: str, given: str | None) -> None:
    if not given or not hmac.compare_digest(expected, given.strip().lower()):
        raise Unauthorized("签名校验失败")


def utc_from_unix(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)
