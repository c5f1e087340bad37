"""What the PostgreSQL benchmarks share: the admin URL, scratch-database statements, a queue that drops jobs."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine, text

from hotline.queue import TaskQueue

PG_ADMIN = os.environ.get("HOTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


class NullQueue(TaskQueue):
    """Background work is not what these benchmarks measure: jobs are dropped."""

    kind = "null"

    def enqueue(self, *a, **k):
        pass


def pg(sql: str) -> None:
    """Run one statement on the admin database (CREATE / DROP DATABASE)."""
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


@contextmanager
def scratch_database(prefix: str, *, keep: bool = False) -> Iterator[str]:
    """A PostgreSQL database of its own for one benchmark run: yields its URL, drops it afterwards
    (``keep=True`` leaves it for a second look and says so)."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    pg(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
