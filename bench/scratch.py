"""What the PostgreSQL benchmarks share: the admin URL, scratch-database statements, a queue that drops jobs."""
from __future__ import annotations

import os

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
