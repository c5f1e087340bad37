"""Real ``hotline worker`` processes on PostgreSQL and a Redis of their own: many jobs each (queued before
they start), an idle spell longer than the Redis command timeout.

A Redis restart (the jobs it lost come back through the sweep) and a worker killed with SIGKILL are
proven once, under load, by tests/system/test_production.py (every intake processed, both workers alive
at the end); this test no longer repeats them."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text

from tests.system.harness import wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

CONTENTS = ["江岸区解放大道小区门口占道经营，早高峰堵路", "武昌区中南路停水两天了，什么时候恢复",
            "咨询一下社保卡怎么补办", "洪山区工地夜间施工噪音扰民", "汉阳区路灯不亮很多天了"]


def _submit(hl, n: int, start: int) -> None:
    from hotline.services import tickets as svc
    from hotline.services.actors import SYSTEM

    for i in range(start, start + n):
        svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENTS[i % len(CONTENTS)], "channel": "phone"},
                          idempotency_key=f"sys-{i}")


def _states(url: str) -> dict[str, int]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT intake_state, count(*) FROM tickets GROUP BY 1")).all())
    finally:
        engine.dispose()


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _all_done(url: str, total: int) -> bool:
    states = _states(url)
    return states.get("done", 0) == total and sum(states.values()) == total


def test_workers_run_many_jobs_and_stay_up_through_idle(cluster, pg_database, own_redis):
    from hotline.bootstrap import bootstrap
    from hotline.queue import RqQueue
    from hotline.settings import load_settings
    from tests.conftest import FakeClassifier

    settings = load_settings(environ=cluster.env)
    queue = RqQueue(own_redis.url, sweep_interval=settings.sweep_interval)
    hl = bootstrap(settings, queue=queue, classifier=FakeClassifier(), start_queue=False)
    try:
        cluster.worker("w1")
        cluster.worker("w2")
        _submit(hl, 60, 0)                        # queued before the workers are up, then drained
        wait_until(lambda: _all_done(pg_database, 60), 180, what="60 intakes")
        # the first sweep (deadlines, partitions ahead, the figures' roll-up, hotspots) may still be running
        # when the queue is empty: wait for it to finish too
        status = wait_until(lambda: (s := queue.status())["workers_alive"] == 2 and s["queued"] == 0
                            and s["last_sweep_age_s"] is not None and s, 90,
                            what="2 heartbeats, an empty queue and a finished sweep")
        assert not status["workers_silent"]

        # idle longer than the Redis command timeout (HOTLINE_REDIS_TIMEOUT, 2 s in the cluster fixture;
        # a worker's blocking dequeue has none of its own)
        time.sleep(settings.redis_timeout + 2)
        assert cluster.alive("w1") and cluster.alive("w2")
        _submit(hl, 20, 60)
        wait_until(lambda: _all_done(pg_database, 80), 120, what="20 intakes after idle")
        assert cluster.alive("w1") and cluster.alive("w2")

        # rq's scheduler (a child process of a worker) moves retries when they are due; one that dies (seen
        # on a Redis restart in the soak) is started again by a worker within its maintenance interval,
        # not after rq's default 10 minutes, so a retry waits seconds, not minutes
        for child in _children(cluster.procs["w1"].pid) + _children(cluster.procs["w2"].pid):
            os.kill(child, signal.SIGKILL)
        for key in queue.redis.keys("rq:scheduler-lock:*"):     # gone with the Redis that was wiped
            queue.redis.delete(key)
        queue.queue.enqueue_in(timedelta(seconds=1), "hotline.jobs.execute", "sweep", job_id="retry-probe")
        wait_until(lambda: queue.queue.fetch_job("retry-probe").get_status() == "finished", 90,
                   what="a job due while no scheduler ran")
    finally:
        hl.close()
    logs = cluster.logs()
    assert "DuplicatePreparedStatement" not in logs
    assert "Redis connection timeout" not in logs             # the idle worker never quit
