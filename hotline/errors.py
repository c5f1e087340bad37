"""Domain errors. Every entrypoint maps them to its own way of saying no (HTTP status, CLI line)."""
from __future__ import annotations


class HotlineError(Exception):
    """Base class: a request the system refuses, with a message an official can read."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(HotlineError):
    status = 422
    code = "invalid_input"


class NotFound(HotlineError):
    status = 404
    code = "not_found"


class Unauthorized(HotlineError):
    status = 401
    code = "unauthorized"


class Forbidden(HotlineError):
    status = 403
    code = "forbidden"


class Conflict(HotlineError):
    status = 409
    code = "conflict"


class IllegalTransition(Conflict):
    code = "illegal_transition"
