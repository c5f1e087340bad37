"""The team's own appeals, shipped with the project (``routing/seed/*.txt``).

Written by the team in the ways citizens of the demo city talk (never copied from ``../shared/data``),
one appeal per line ``units|district|transfer|redirect|text`` (see ``tests/routing_dev/README.md``).
They are the tuning parts of the routing development set, and the training text of the learned triage
check the router uses when a city has trained none of its own (``hotline routing train`` with transfers
in its history): trained in memory on its first use, once per process (about 2 s), no model file — not
when a router is built, since every command of the CLI builds one.
The clean held-out parts stay under ``tests/routing_dev/`` and are never trained on.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

# in the order they were written; "holdout" and "holdout2" were held out in their own wave and have been
# tuning material since
SEED_PARTS = ("tuning", "holdout", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8",
              "holdout2", "tuning9", "tuning11", "tuning12")


def seed_file(name: str) -> Any:
    """The shipped part ``name`` (a Traversable: ``.read_text(encoding=…)``)."""
    return resources.files("routing").joinpath("seed", f"{name}.txt")


def parse_devset(text: str) -> list[dict[str, Any]]:
    """Rows of a development-set file: units, district, transfer, redirect, text, line number."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        units, district, transfer, redirect, body = line.split("|", 4)
        rows.append({"line": n, "units": [] if units == "-" else units.split(","),
                     "district": None if district == "-" else f"D-{district}",
                     "transfer": set(transfer.split(",")) if transfer else set(),
                     "redirect": redirect or None, "text": body})
    return rows


def seed_rows() -> list[dict[str, Any]]:
    return [row for name in SEED_PARTS for row in parse_devset(seed_file(name).read_text(encoding="utf-8"))]


@lru_cache(maxsize=1)
def seed_triage_check():
    """The learned triage check (``routing.triage_check``) trained on the shipped appeals; None when
    they cannot be read (the rules alone then decide, as before)."""
    from routing.triage_check import train_triage_check

    try:
        return train_triage_check((row["text"], sorted(row["transfer"])) for row in seed_rows())
    except (OSError, ValueError):
        log.exception("routing seed appeals unreadable: triage by the rules only")
        return None


class SeedTriageCheck:
    """Stands for the shipped check in a router (``triage_check``): trains it on the first appeal it
    is asked about, then answers as it. ``numbers_now`` never waits: while the check is not trained it
    starts the training in the background (``warm``) and answers nothing, so a web request is not held
    for the ~2 s of training."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def numbers(self, text: str) -> tuple[str, ...]:
        check = seed_triage_check()
        return check.numbers(text) if check is not None else ()

    @property
    def ready(self) -> bool:
        return seed_triage_check.cache_info().currsize > 0

    def warm(self) -> threading.Thread | None:
        """Train the check in a background thread (once); None when it is trained already."""
        if self.ready:
            return None
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=seed_triage_check, daemon=True, name="hotline-triage-warm")
                self._thread.start()
            return self._thread

    @property
    def state(self) -> str:
        """``ready``, ``training`` (in the background) or ``not started`` — shown by ``/healthz``."""
        if self.ready:
            return "ready"
        return "training" if self._thread is not None and self._thread.is_alive() else "not started"

    def numbers_now(self, text: str) -> tuple[str, ...]:
        if not self.ready:
            self.warm()
            return ()
        return self.numbers(text)


SEED_CHECK = SeedTriageCheck()
