"""The deadline rules a city edits (``rules.toml``), loaded and checked once."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from hotline.domain.vocab import AppealType, Urgency


class RulesError(ValueError):
    """The rules file is missing a value or has one the system cannot use."""


@dataclass(frozen=True)
class Rules:
    dispatch_hours: dict[str, float]
    sign_hours: dict[str, float]
    completion_workdays: dict[str, int]
    return_window_workdays: int = 2
    centre_decides_after: int = 1
    extension_max_workdays: int = 10
    extension_max_requests: int = 1
    callback_workdays: int = 1
    warn_before_hours: float = 24
    notify_after_workdays: int = 5
    intake_retry_after_seconds: int = 120
    review_first_contact_workdays: int = 1
    review_rectify_workdays: int = 15
    review_callback_attempts: int = 3   # real-name 差评: working days tried before 无法联系
    review_default_rating_days: int = 0
    source: str = "defaults"
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return self.raw


def _section(doc: dict, name: str, keys: list[str], kind: type, source: str) -> dict:
    section = doc.get(name)
    if not isinstance(section, dict):
        raise RulesError(f"{source}: missing section [{name}]")
    out = {}
    for key in keys:
        if key not in section:
            raise RulesError(f"{source}: [{name}] has no value for {key!r}")
        value = section[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise RulesError(f"{source}: [{name}] {key} must be a non-negative number, got {value!r}")
        out[key] = kind(value)
    unknown = set(section) - set(keys)
    if unknown:
        raise RulesError(f"{source}: [{name}] has unknown keys {sorted(unknown)}")
    return out


def _scalar(doc: dict, section: str, key: str, kind: type, source: str) -> Any:
    try:
        value = doc[section][key]
    except KeyError:
        raise RulesError(f"{source}: missing [{section}] {key}") from None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
        raise RulesError(f"{source}: [{section}] {key} must be a non-negative number, got {value!r}")
    return kind(value)


def parse_rules(text: str, source: str = "rules.toml") -> Rules:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{source}: not valid TOML: {exc}") from None
    urgencies = [u.value for u in Urgency]
    appeal_types = [a.value for a in AppealType]
    return Rules(
        dispatch_hours=_section(doc, "dispatch_hours", urgencies, float, source),
        sign_hours=_section(doc, "sign_hours", urgencies, float, source),
        completion_workdays=_section(doc, "completion_workdays", appeal_types, int, source),
        return_window_workdays=_scalar(doc, "returns", "window_workdays", int, source),
        centre_decides_after=_scalar(doc, "returns", "centre_decides_after", int, source),
        extension_max_workdays=_scalar(doc, "extension", "max_workdays", int, source),
        extension_max_requests=_scalar(doc, "extension", "max_requests", int, source),
        callback_workdays=_scalar(doc, "callback", "workdays", int, source),
        warn_before_hours=_scalar(doc, "supervision", "warn_before_hours", float, source),
        notify_after_workdays=_scalar(doc, "supervision", "notify_after_workdays", int, source),
        intake_retry_after_seconds=_scalar(doc, "intake", "retry_after_seconds", int, source),
        review_first_contact_workdays=_scalar(doc, "reviews", "first_contact_workdays", int, source),
        review_rectify_workdays=_scalar(doc, "reviews", "rectify_workdays", int, source),
        review_default_rating_days=_scalar(doc, "reviews", "default_rating_days", int, source),
        review_callback_attempts=(_scalar(doc, "reviews", "callback_attempts", int, source)
                                  if "callback_attempts" in doc.get("reviews", {}) else 3),
        source=source,
        raw=doc,
    )


def default_rules_text() -> str:
    return resources.files("hotline").joinpath("rules.toml").read_text(encoding="utf-8")


def load_rules(path: str | Path | None = None) -> Rules:
    if not path:
        return parse_rules(default_rules_text(), "hotline/rules.toml (defaults)")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"rules file not found: {path}") from None
    return parse_rules(text, str(path))
