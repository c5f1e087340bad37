"""Real ``hotline worker`` processes on PostgreSQL and a Redis of their own: many jobs each, long idle
spells, a Redis restart, a worker killed with SIGKILL."""
from __future__ import annotations

import signal
import time

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


def _all_done(url: str, total: int) -> bool:
    states = _states(url)
    return states.get("done", 0) == total and sum(states.values()) == total


def test_workers_run_many_jobs_stay_up_through_idle_and_a_redis_restart(cluster, pg_database, own_redis):
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

        time.sleep(8)                              # idle longer than redis-py's default socket timeout
        assert cluster.alive("w1") and cluster.alive("w2")
        _submit(hl, 20, 60)
        wait_until(lambda: _all_done(pg_database, 80), 120, what="20 intakes after idle")

        own_redis.stop()                           # a Redis restart: the queue's content is lost
        _submit(hl, 10, 80)                       # committed; could not be enqueued (logged)
        time.sleep(4)
        own_redis.start()
        _submit(hl, 10, 90)
        # the lost 10 come back through the sweep (any worker runs it), the rest directly
        wait_until(lambda: _all_done(pg_database, 100), 120, what="all 100 after the Redis restart")
        assert cluster.alive("w1") and cluster.alive("w2")

        cluster.kill("w1", signal.SIGKILL)         # one worker dies; the other carries on (its report in
        # /healthz is checked by tests/system/test_production.py)
        _submit(hl, 20, 100)
        wait_until(lambda: _all_done(pg_database, 120), 120, what="20 intakes with one worker")
    finally:
        hl.close()
    logs = cluster.logs()
    assert "DuplicatePreparedStatement" not in logs
    assert "Redis connection timeout" not in logs             # the idle worker never quit
