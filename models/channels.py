"""Intake channels: mini-program sessions, request nonces, window tablets, Open311 keys, the citizen outbox.

Tokens and API keys are stored as SHA-256 hashes only; tickets and reviews themselves live in their
own tables (the channel and the channel's own id are recorded there).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class MpSession(Base):
    """A mini-program login: the public session id and the signing key issued with it."""

    __tablename__ = "mp_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), unique=True)
    openid: Mapped[str] = mapped_column(String(120), index=True)
    sign_key: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ChannelNonce(Base):
    """A nonce seen on a signed request: the same (scope, nonce) is refused a second time."""

    __tablename__ = "channel_nonces"
    __table_args__ = (UniqueConstraint("scope", "nonce"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(80))
    nonce: Mapped[str] = mapped_column(String(80))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class TabletDevice(Base):
    """A rating tablet paired with one window (一窗一码); only the token's hash is kept."""

    __tablename__ = "tablet_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    window_code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TabletCase(Base):
    """A case finished at a window and waiting for the citizen's rating on the tablet."""

    __tablename__ = "tablet_cases"
    __table_args__ = (UniqueConstraint("window_code", "case_number", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    window_code: Mapped[str] = mapped_column(String(40), index=True)
    case_number: Mapped[str] = mapped_column(String(60))
    stage: Mapped[str] = mapped_column(String(10), default="complete")
    service_item_code: Mapped[str | None] = mapped_column(String(60))
    service_item_name: Mapped[str | None] = mapped_column(String(200))
    staff_number: Mapped[str | None] = mapped_column(String(40))
    staff_name: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Open311Key(Base):
    """An Open311 client's api_key (hash only)."""

    __tablename__ = "open311_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChannelMessage(Base):
    """A message to a citizen on their channel (受理, 答复, 办结…), sent once per dedupe key, and its
    delivery record: status (queued / sent / failed / opted_out), attempts, the provider's id.

    The address is not copied here: an SMS goes to the ticket's contact phone, read when it is sent;
    ``citizen_ref`` is the chat id or openid of a bot or mini-program citizen, or "sms"."""

    __tablename__ = "channel_messages"
    __table_args__ = (UniqueConstraint("dedupe_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    citizen_ref: Mapped[str] = mapped_column(String(120), index=True)
    ticket_number: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(160))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"), index=True)  # 整改 result to a rater
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime)   # quiet hours: not sent before this
    provider_ref: Mapped[str | None] = mapped_column(String(120))     # the provider's message id


class CitizenOptOut(Base):
    """A citizen who asked for no messages (退订): the SHA-256 of channel + address, never the number."""

    __tablename__ = "citizen_opt_outs"
    __table_args__ = (UniqueConstraint("address_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    address_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
