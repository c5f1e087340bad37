"""rq's forking worker (``ForkingWorker``: a horse per job that drops the inherited pool) against rq's
non-forking ``SimpleWorker`` (the models and the pool live in the one process), on PostgreSQL and Redis.

    python bench/bench_worker.py --jobs 200       # prints one JSON line per worker class

Each run stores N tickets with the real starter classifier and the demo city's routing table, enqueues
their intake jobs and drains the queue with one worker in burst mode; jobs/s is what one worker does.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PG_ADMIN = os.environ.get("HOTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def run(kind: str, jobs_count: int, redis_url: str, workdir: Path) -> dict:
    from rq import SimpleWorker
    from sqlalchemy import create_engine, text

    from hotline import db, jobs
    from hotline.bootstrap import bootstrap
    from hotline.demo import load_demo
    from hotline.queue import RQ_QUEUE_NAME, RqQueue
    from hotline.services import tickets
    from hotline.services.actors import SYSTEM
    from hotline.settings import Settings
    from hotline.worker import ForkingWorker

    name = f"hl_benchw_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        db.upgrade(url)
        settings = Settings(data_dir=workdir, database_url=url, redis_url=redis_url)
        queue = RqQueue(redis_url)
        queue.redis.flushdb()
        hl = bootstrap(settings, queue=queue, start_queue=False)
        load_demo(hl, only_if_empty=True, quiet=True)
        for i in range(jobs_count):
            tickets.create_ticket(hl, actor=SYSTEM, data={"content": f"江岸区解放大道占道经营第{i}次", "channel": "phone"},
                                  idempotency_key=f"bench-{i}")
        jobs.set_context(hl)
        hl.engine.dispose()
        cls = ForkingWorker if kind == "fork" else SimpleWorker
        worker = cls([RQ_QUEUE_NAME], connection=queue.redis)
        started = time.perf_counter()
        worker.work(burst=True, logging_level="WARNING")
        took = time.perf_counter() - started
        with hl.sessions() as s:
            done = s.execute(text("SELECT count(*) FROM tickets WHERE intake_state = 'done'")).scalar()
        hl.close()
        return {"worker": cls.__name__, "jobs": jobs_count, "done": done, "seconds": round(took, 2),
                "jobs_per_s": round(jobs_count / took, 1)}
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=200)
    args = parser.parse_args()
    from tests.system.harness import RedisServer

    redis = RedisServer().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for kind in ("fork", "simple"):
                print(json.dumps(run(kind, args.jobs, redis.url, Path(tmp)), ensure_ascii=False), flush=True)
    finally:
        redis.stop()


if __name__ == "__main__":
    main()
