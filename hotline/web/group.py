"""Group commit of the web process: requests that arrive while the database is busy are written together.

Each intake (``POST /api/v1/tickets``) used to be one thread hop, one transaction and one COMMIT of its
own. ``GroupWriter`` keeps at most ``in_flight`` writes running in the worker threads; requests that
arrive meanwhile wait on the event loop, and the next write takes all of them (up to ``max_group``) in
one call of the service's group function (``tickets.create_ticket_group``: one transaction, one COMMIT).
No timer: an idle server writes a lone request at once, a busy one writes bigger groups. A request is
answered only once its group has committed (or with its own error); one that waits longer than the
request timeout gets a 503 like any request whose database does not answer (``app.call``).
"""
from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from typing import Any, Callable, Generic, TypeVar

Item = TypeVar("Item")


class GroupWriter(Generic[Item]):
    """Writes items with ``write_group(items) -> [result or exception, …]`` (same order) in ``executor``,
    at most ``in_flight`` groups at a time, each of at most ``max_group`` items."""

    def __init__(self, write_group: Callable[[list[Item]], list[Any]], executor: Executor, *,
                 in_flight: int = 1, max_group: int = 128) -> None:
        self.write_group = write_group
        self.executor = executor
        self.in_flight = in_flight
        self.max_group = max_group
        self._waiting: list[tuple[Item, asyncio.Future]] = []
        self._running: set[asyncio.Task] = set()
        self.groups = 0          # groups written, requests in them, the largest (shown in /healthz)
        self.written = 0
        self.largest = 0

    async def submit(self, item: Item, *, timeout: float | None = None) -> Any:
        """The item's result once its group has committed; its exception raised; ``asyncio.TimeoutError``
        after ``timeout`` seconds (the write goes on and commits or not, as a timed-out ``call``)."""
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if len(self._running) < self.in_flight:
            self._start()
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout=timeout)
        except BaseException:   # timed out or cancelled: nobody waits for it any more, its outcome is dropped quietly
            future.add_done_callback(lambda f: f.cancelled() or f.exception())
            raise

    def _start(self) -> None:
        group, self._waiting = self._waiting[:self.max_group], self._waiting[self.max_group:]
        task = asyncio.ensure_future(self._write(group))
        self._running.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task) -> None:
        self._running.discard(task)
        if self._waiting and len(self._running) < self.in_flight:
            self._start()

    async def _write(self, group: list[tuple[Item, asyncio.Future]]) -> None:
        self.groups += 1
        self.written += len(group)
        self.largest = max(self.largest, len(group))
        loop = asyncio.get_running_loop()
        try:
            results = await loop.run_in_executor(self.executor, self.write_group, [item for item, _ in group])
        except BaseException as exc:  # noqa: BLE001 - e.g. the database is away: every request of the group hears it
            for _item, future in group:
                if not future.done():
                    future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for (_item, future), result in zip(group, results, strict=True):
            if future.done():
                continue
            if isinstance(result, BaseException):
                future.set_exception(result)
            else:
                future.set_result(result)

    def status(self) -> dict[str, Any]:
        return {"groups": self.groups, "requests": self.written, "largest": self.largest,
                "mean": round(self.written / self.groups, 1) if self.groups else None}
