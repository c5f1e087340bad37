"""The production path under load and faults: 2 ``hotline serve`` + 2 ``hotline worker`` processes on
PostgreSQL (behind a TCP proxy this script controls) and a redis-server of its own.

A steady mix of submissions over HTTP (API tickets with Idempotency-Key, signed phone-webhook calls),
each retried until acknowledged, while the script kills a worker with SIGKILL (and starts it again),
restarts Redis and makes the database unreachable (blackhole) for ~10 s, once per cycle. Then it waits
for the sweep and counts, straight from the database: acknowledged, lost, doubled, left unprocessed,
5xx other than 503, requests that hung, p99 of intake outside outages, the largest queue age seen in
``/healthz``, and whether a caller's phone or ID number reached a log.

    python bench/soak.py --minutes 10            # prints one JSON line of figures
    python bench/soak.py --requests 300          # the short form tests/system/test_production.py runs

Needs PostgreSQL (HOTLINE_TEST_PG, default postgres@127.0.0.1:5432) and ``redis-server`` on PATH.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import re
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import _pg_exec as _pg  # noqa: E402
from tests.system.harness import Cluster, RedisServer, wait_until  # noqa: E402
from tests.system.proxy import Proxy  # noqa: E402

PG_ADMIN = os.environ.get("HOTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SECRET = "soak-callcentre-secret"
TEXTS = ["江岸区解放大道小区门口占道经营，早高峰堵路", "武昌区中南路停水两天了，什么时候恢复供水",
         "咨询一下社保卡丢了怎么补办", "洪山区工地夜间施工噪音扰民，凌晨还在打桩", "汉阳区钟家村路灯不亮很多天了",
         "青山区小区垃圾没人清运，臭气熏天", "东西湖区公交站台破损，下雨没地方躲"]
HANG = 20.0            # a request that takes longer than this is counted as a hang
GIVE_UP = 120.0        # a submission not acknowledged after this long is counted as refused


def _phone(i: int) -> str:
    return f"139{(7_000_000 + i * 7919) % 100_000_000:08d}"


def _id_number(i: int) -> str:
    return f"42010219{80 + i % 20:02d}0101{i % 10_000:04d}"


class Load:
    """Sends submissions, retries each until acknowledged, and records what it saw."""

    def __init__(self, ports: list[int], tokens: dict[str, str], tablet: str) -> None:
        self.ports = ports
        self.op = tokens["operator"]
        self.tablet = tablet
        self.pushed: dict[str, float] = {}       # case number -> when its push reached the tablet
        self.cases_created: dict[str, float] = {}  # case number -> when it was acknowledged as new
        self.ratings: set[str] = set()
        self.cases_acked: set[str] = set()
        self.acked: dict[str, str] = {}          # idempotency key -> ticket number
        self.statuses: dict[int, int] = {}
        self.server_errors: list[str] = []       # 5xx other than 503
        self.hangs = 0
        self.refused = 0
        self.latencies: list[tuple[float, float]] = []  # (start, seconds) of acknowledged attempts
        self.pii: list[str] = []

    async def listen(self, session, stop: list) -> None:
        """The window's tablet: an SSE stream on the first web process, reconnected when it drops."""
        import aiohttp

        while not stop:
            try:
                async with session.get(f"http://127.0.0.1:{self.ports[0]}/channels/tablet/events",
                                       params={"token": self.tablet},
                                       timeout=aiohttp.ClientTimeout(total=None, sock_read=40)) as resp:
                    async for line in resp.content:
                        if stop:
                            return
                        if line.startswith(b"data: "):
                            event = json.loads(line[6:])
                            if event.get("type") == "case":
                                self.pushed.setdefault(event["case"]["case_number"], time.monotonic())
            except (aiohttp.ClientError, asyncio.TimeoutError):
                await asyncio.sleep(1)

    async def _post(self, session, port: int, path: str, body: bytes, hdrs: dict):
        import aiohttp

        async with session.post(f"http://127.0.0.1:{port}{path}", data=body, headers=hdrs,
                                timeout=aiohttp.ClientTimeout(total=HANG)) as resp:
            return resp.status, await resp.text()

    async def submit_tablet(self, session, i: int) -> None:
        """A 办件 pushed to the window's tablet (through the second web process), then its rating."""
        import aiohttp

        number = f"SOAK-CASE-{i}"
        steps = [("/channels/tablet/cases", {"case_number": number, "service_item_name": "社保卡补办"}, None),
                 ("/channels/tablet/ratings", {"case_number": number, "level": 5 - i % 2}, f"soak-rate-{i}")]
        started = time.monotonic()
        for path, payload, key in steps:
            attempt = 0
            while True:
                if time.monotonic() - started > GIVE_UP:
                    self.refused += 1
                    return
                attempt += 1
                hdrs = {"Authorization": f"Bearer {self.tablet}", "Content-Type": "application/json"}
                if key:
                    hdrs["Idempotency-Key"] = key
                t0 = time.monotonic()
                try:
                    status, answer = await self._post(session, self.ports[1], path,
                                                      json.dumps(payload, ensure_ascii=False).encode(), hdrs)
                except asyncio.TimeoutError:
                    self.hangs += 1
                    continue
                except aiohttp.ClientError:
                    await asyncio.sleep(0.5)
                    continue
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if status in (200, 201):
                    self.latencies.append((t0, time.monotonic() - t0))
                    if key is None:
                        self.cases_acked.add(number)
                        if status == 201:           # only a new case is pushed
                            self.cases_created[number] = time.monotonic()
                    break
                if status >= 500 and status != 503:
                    self.server_errors.append(f"{status} {path} {answer[:200]}")
                await asyncio.sleep(min(5.0, 0.5 * attempt) if status == 503 else 1.0)
        self.ratings.add(number)

    def _request(self, i: int, kind: str):
        phone, idn = _phone(i), _id_number(i)
        self.pii += [phone, idn]
        text = f"{TEXTS[i % len(TEXTS)]}，我电话{phone}，身份证{idn}。"
        if kind == "api":
            key = f"soak-api-{i}"
            body = json.dumps({"content": text, "channel": "phone", "contact_phone": phone},
                              ensure_ascii=False).encode()
            return key, "/api/v1/tickets", body, {"Authorization": f"Bearer {self.op}", "Idempotency-Key": key}
        call_id = f"SOAK-{i}"
        payload = {"call_id": call_id, "caller": phone, "agent": "A07",
                   "started_at": "2026-03-02T10:00:00+08:00", "ended_at": "2026-03-02T10:04:00+08:00",
                   "turns": [{"speaker": "agent", "text": "您好，12345热线。", "start": 0, "end": 2},
                             {"speaker": "caller", "text": text, "start": 2, "end": 9}]}
        return f"phone:{call_id}", "/channels/phone/calls", json.dumps(payload, ensure_ascii=False).encode(), None

    async def submit(self, session, i: int, kind: str) -> None:
        import aiohttp

        key, path, body, headers = self._request(i, kind)
        started = time.monotonic()
        attempt = 0
        while time.monotonic() - started < GIVE_UP:
            port = self.ports[(i + attempt) % len(self.ports)]
            attempt += 1
            hdrs = dict(headers or {}, **{"Content-Type": "application/json"})
            if headers is None:
                ts = str(int(time.time()))
                hdrs["X-Hotline-Timestamp"] = ts
                hdrs["X-Hotline-Signature"] = hmac.new(SECRET.encode(), f"{ts}.".encode() + body,
                                                       hashlib.sha256).hexdigest()
            t0 = time.monotonic()
            try:
                async with session.post(f"http://127.0.0.1:{port}{path}", data=body, headers=hdrs,
                                        timeout=aiohttp.ClientTimeout(total=HANG)) as resp:
                    answer = await resp.text()
                    status = resp.status
            except asyncio.TimeoutError:
                self.hangs += 1
                continue
            except aiohttp.ClientError:
                await asyncio.sleep(0.5)        # a web process is restarting, or the port is closed
                continue
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status in (200, 201):
                self.acked[key] = json.loads(answer)["number"]
                self.latencies.append((t0, time.monotonic() - t0))
                return
            if status >= 500 and status != 503:
                self.server_errors.append(f"{status} {path} {answer[:200]}")
            await asyncio.sleep(min(5.0, 0.5 * attempt) if status == 503 else 1.0)
        self.refused += 1


async def _run_load(load: Load, count: int | None, seconds: float | None, rate: float, stop_at: list) -> None:
    import aiohttp

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64)) as session:
        listening: list = []
        listener = asyncio.create_task(load.listen(session, listening))
        await asyncio.sleep(1)
        tasks = []
        started = time.monotonic()
        i = 0
        while (count is not None and i < count) or (seconds is not None and time.monotonic() - started < seconds):
            if i % 5 == 4:
                tasks.append(asyncio.create_task(load.submit_tablet(session, i)))
            else:
                tasks.append(asyncio.create_task(load.submit(session, i, "api" if i % 2 == 0 else "phone")))
            i += 1
            await asyncio.sleep(1 / rate)
        stop_at.append(time.monotonic())
        await asyncio.gather(*tasks)
        await asyncio.sleep(3)                   # the last pushes are on their way
        listening.append(True)
        listener.cancel()


def _faults(cluster: Cluster, redis: RedisServer, proxy: Proxy, length: float, outages: list, cycles: int,
            done: list, redis_outages: list) -> None:
    """One cycle per ``length / cycles`` seconds: SIGKILL a worker, restart Redis, a 10 s blackhole."""
    period = length / cycles
    for c in range(cycles):
        base = time.monotonic()

        def at(fraction: float) -> None:
            left = base + period * fraction - time.monotonic()  # noqa: B023 (used within this round)
            if left > 0:
                time.sleep(left)

        at(0.15)
        victim = f"w{c % 2 + 1}"
        cluster.kill(victim, signal.SIGKILL)
        time.sleep(3)
        cluster.worker(victim)                   # as a process supervisor would
        at(0.40)
        t_redis = time.monotonic()
        redis.stop()
        time.sleep(3)
        redis.start()
        redis_outages.append((t_redis, time.monotonic()))
        at(0.65)
        t0 = time.monotonic()
        proxy.set_mode("blackhole")
        time.sleep(10)
        proxy.set_mode("pass")
        outages.append((t0, time.monotonic()))
    done.append(True)


def _watch_health(port: int, seen: dict, stop: list) -> None:
    import urllib.request

    while not stop:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as resp:
                queue = json.loads(resp.read())["queue"]
        except Exception:  # noqa: BLE001 - 503 while the database is away: json in the error body
            time.sleep(2)
            continue
        if queue.get("oldest_job_age_s") is not None:
            seen["max_queue_age_s"] = max(seen.get("max_queue_age_s", 0), queue["oldest_job_age_s"])
        seen["min_workers_alive"] = min(seen.get("min_workers_alive", 99), queue.get("workers_alive", 0))
        seen["last"] = queue
        time.sleep(2)


def _count(url: str, acked: dict[str, str]) -> dict:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT idempotency_key, number, intake_state, status FROM tickets "
                                     "WHERE idempotency_key LIKE 'soak-api-%' OR idempotency_key LIKE 'phone:SOAK-%'")
                                ).all()
            refs = conn.execute(text("SELECT channel_ref, count(*) FROM tickets WHERE channel_ref LIKE 'SOAK-%' "
                                     "GROUP BY 1 HAVING count(*) > 1")).all()
    finally:
        engine.dispose()
    by_key = {}
    for key, number, state, status in rows:
        by_key.setdefault(key, []).append((number, state, status))
    lost = [k for k, n in acked.items() if not any(num == n for num, _, _ in by_key.get(k, []))]
    doubled = sum(1 for v in by_key.values() if len(v) > 1) + len(refs)
    unprocessed = sum(1 for v in by_key.values() for _, state, status in v
                      if state != "done" or status == "received")
    return {"stored": len(rows), "lost": len(lost), "doubled": doubled, "unprocessed": unprocessed}


def _count_tablet(url: str, rated: set[str]) -> dict:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT case_number, count(*) FROM reviews "
                                          "WHERE case_number LIKE 'SOAK-CASE-%' GROUP BY 1")).all())
    finally:
        engine.dispose()
    return {"ratings_acknowledged": len(rated), "ratings_lost": sum(1 for n in rated if n not in rows),
            "ratings_doubled": sum(1 for c in rows.values() if c > 1)}


def _percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * p))] * 1000, 1)


def soak(*, minutes: float | None = None, requests: int | None = None, rate: float = 8.0,
         workdir: Path | None = None, sweep_timeout: float = 240, template: str | None = None,
         models: Path | None = None) -> dict:
    """``template``: a database already built by the migrations to copy (the tests' ``pg_template``)
    instead of running ``hotline db upgrade`` on an empty one; ``models``: trained models to copy into the
    data directory (else ``hotline demo`` trains the starter models)."""
    workdir = Path(workdir or tempfile.mkdtemp(prefix="hotline-soak-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if models is not None:
        from tests.conftest import seeded_data_dir

        seeded_data_dir(workdir / "data", models)
    name = f"hl_soak_{uuid.uuid4().hex[:10]}"
    _pg(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    redis = RedisServer().start()
    pg_port = int(re.search(r"@[^/:]+:(\d+)/", PG_ADMIN).group(1)) if re.search(r"@[^/:]+:(\d+)/", PG_ADMIN) else 5432
    proxy = Proxy(pg_port)
    prefix = PG_ADMIN.split("@", 1)[0]
    direct_url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    rules = workdir / "rules.toml"
    rules.write_text(re.sub(r"retry_after_seconds = \d+", "retry_after_seconds = 10",
                            (REPO / "hotline" / "rules.toml").read_text("utf-8")), "utf-8")
    cluster = Cluster(f"{prefix}@127.0.0.1:{proxy.port}/{name}", redis.url, workdir / "data", workdir / "logs",
                      sweep_interval=3, rules_file=rules, db_connect_timeout=2, db_statement_timeout=5,
                      db_pool_timeout=3, request_timeout=6, callcenter_secret=SECRET, log_level="INFO")
    outages: list = []
    redis_outages: list = []
    result: dict = {}
    phases: dict = {}
    t_setup = time.monotonic()
    try:
        if not template:
            cluster.cli("db", "upgrade")
        from tests.system.conftest import demo_tokens

        tokens = demo_tokens(cluster.cli("demo"))
        tablet = re.search(r"tab_\S+", cluster.cli("tablet", "pair", "--window", "SMZJ-A01")).group(0)
        phases["database_and_cli_s"] = round(time.monotonic() - t_setup, 1)
        ports = cluster.serve_all(["web1", "web2"])     # side by side; the workers start with the load
        cluster.worker("w1")
        cluster.worker("w2")
        phases["processes_up_s"] = round(time.monotonic() - t_setup - phases["database_and_cli_s"], 1)
        load = Load(ports, tokens, tablet)
        seconds = minutes * 60 if minutes else None
        length = seconds or (requests / rate)
        cycles = max(1, int(length // 300)) if seconds else 1
        import threading

        stop_at: list = []
        health: dict = {}
        faults_done: list = []
        threading.Thread(target=_faults, args=(cluster, redis, proxy, length, outages, cycles, faults_done, redis_outages),
                         daemon=True).start()
        watcher = threading.Thread(target=_watch_health, args=(ports[0], health, stop_at), daemon=True)
        watcher.start()
        t0 = time.monotonic()
        asyncio.run(_run_load(load, requests, seconds, rate, stop_at))
        wait_until(lambda: faults_done, length + 60, what="the fault cycle")
        sent_for = time.monotonic() - t0
        # then the sweep re-enqueues whatever never ran, and the workers finish it
        deadline = time.monotonic() + sweep_timeout
        counted = _count(direct_url, load.acked)
        while counted["unprocessed"] and time.monotonic() < deadline:
            time.sleep(2)
            counted = _count(direct_url, load.acked)
        drained_after = round(time.monotonic() - t0 - sent_for, 1)
        in_outage = [s for s, _ in load.latencies if any(a - 1 <= s <= b + 7 for a, b in outages)]
        calm = [d for s, d in load.latencies if not any(a - 1 <= s <= b + 7 for a, b in outages)]
        missed = [n for n, at in load.cases_created.items() if n not in load.pushed]
        missed_outside = [n for n in missed
                          if not any(a - 1 <= load.cases_created[n] <= b + 2 for a, b in redis_outages)]
        tablet = _count_tablet(direct_url, load.ratings)
        workers_up = sum(cluster.alive(w) for w in ("w1", "w2"))    # through the kill, Redis restart, outage
        logs = cluster.logs()
        leaked = sorted({p for p in load.pii if p in logs})
        lost_enqueues = logs.count("could not enqueue")     # batches the web processes could not hand to Redis
        result = {
            "processes": "2 serve + 2 worker", "seconds": round(sent_for, 1), "rate_per_s": rate,
            "fault_cycles": cycles, "acknowledged": len(load.acked), **counted,
            "tablet_cases_acknowledged": len(load.cases_acked), "tablet_cases_new": len(load.cases_created), "pushes_missed": len(missed),
            "pushes_missed_outside_redis_restart": len(missed_outside), **tablet,
            "refused_after_retries": load.refused, "server_errors_not_503": len(load.server_errors),
            "hangs": load.hangs, "statuses": dict(sorted(load.statuses.items())),
            "p50_intake_ms": _percentile(calm, 0.50), "p99_intake_ms": _percentile(calm, 0.99),
            "acked_during_outages": len(in_outage), "max_queue_age_s": health.get("max_queue_age_s"),
            "min_workers_alive": health.get("min_workers_alive"), "workers_alive_at_end": workers_up,
            "enqueue_batches_lost": lost_enqueues,
            "drained_after_s": drained_after,
            "pii_in_logs": len(leaked), "server_error_samples": load.server_errors[:5],
            "logs": str(workdir / "logs"), "setup": phases,
        }
        stop_at.append(True)
        return result
    finally:
        cluster.stop()
        proxy.close()
        redis.stop()
        _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--minutes", type=float, help="send for this long (one fault cycle per 5 minutes)")
    group.add_argument("--requests", type=int, help="send this many submissions (one fault cycle)")
    parser.add_argument("--rate", type=float, default=8.0, help="submissions per second (default 8)")
    parser.add_argument("--workdir", type=Path, help="where logs and the data directory go")
    args = parser.parse_args()
    print(json.dumps(soak(minutes=args.minutes, requests=args.requests, rate=args.rate, workdir=args.workdir),
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
