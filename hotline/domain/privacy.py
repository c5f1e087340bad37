"""Masking of personal data (phone, ID, plate and bank-card numbers, names) wherever a reader does not need it.

One set of patterns for the whole system: the presenters (``hotline.presenters``) mask every text field a
unit, a channel or the public reads with ``mask_text``, and ``RedactingFilter`` masks every log record with
the same function as a second line behind the rule that logs never carry request bodies or SQL parameters.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Iterable

# 18-digit resident ID numbers (also 15-digit old ones), bank-card numbers (16–19 digits, optionally in
# groups of four), mainland mobile numbers, landlines with an area code, and vehicle plates.
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])(\d{4})((?:[ -]?\d{4}){2,3}[ -]?)(\d{0,3}?)(\d{4})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ]?(\d{3,4})(\d{4})(?!\d)")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
_PLATE = re.compile(rf"([{_PROVINCES}][A-Za-z])[·•.\- ]?([A-Za-z0-9]{{4,5}})([A-Za-z0-9挂学警港澳])(?![A-Za-z0-9])")

HIDDEN = "（应来电人要求隐藏）"


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:] if len(digits) > 7 else digits[:3] + "****"
    return "*" * len(digits)


def mask_name(name: str | None) -> str | None:
    if not name:
        return name
    return name[0] + "*" * max(1, len(name) - 1)


def _mask_card(m: re.Match) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    if not 16 <= len(digits) <= 19:
        return m.group(0)
    return f"{digits[:4]} **** **** {digits[-4:]}"


def mask_text(text: str | None, names: Iterable[str | None] = ()) -> str | None:
    """Mask phone, ID, bank-card and plate numbers inside free text, and the given names where they occur."""
    if not text:
        return text
    text = _ID.sub(lambda m: m.group(1) + "*" * 12, text)
    text = _CARD.sub(_mask_card, text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", text)
    text = _PLATE.sub(lambda m: f"{m.group(1).upper()}·***{m.group(3)[-1:]}", text)
    for name in names:
        name = (name or "").strip()
        if len(name) >= 2 and name != HIDDEN:
            text = text.replace(name, mask_name(name))
    return text


def contains_personal_number(text: str | None) -> bool:
    """True if the text carries a phone, ID, bank-card or plate number (e.g. a search term)."""
    return bool(text) and mask_text(text) != text


def mask_deep(value: Any, names: Iterable[str | None] = (), drop: frozenset[str] = frozenset()) -> Any:
    """``mask_text`` applied to every string inside a JSON-like value; keys in ``drop`` are removed."""
    names = tuple(names)
    if isinstance(value, str):
        return mask_text(value, names)
    if isinstance(value, dict):
        return {k: mask_deep(v, names, drop) for k, v in value.items() if k not in drop}
    if isinstance(value, (list, tuple)):
        return [mask_deep(v, names, drop) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Masks personal numbers in a log record's message and traceback (the second line of defence)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = mask_text(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def install_log_redaction(*loggers: logging.Logger) -> None:
    """Put one ``RedactingFilter`` on every handler of the root logger (and of ``loggers``); idempotent."""
    for logger in (logging.getLogger(), *loggers):
        for handler in logger.handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
