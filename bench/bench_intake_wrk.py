"""POST /api/v1/tickets under wrk, against a minimal aiohttp + asyncpg insert server in the same run.

    python bench/bench_intake_wrk.py [--connections 64] [--duration 15] [--profile FILE]

Needs ``wrk`` (apt-get install wrk) and asyncpg. Creates a scratch PostgreSQL database
(``hl_bench_17_intake_*`` on 127.0.0.1, dropped afterwards), builds the schema, loads the demo city's
units and creates an operator token. Then, one after the other, on ports 17080/17081:

* ``hotline serve`` (one process, production settings: PostgreSQL, background work queued to Redis
  db 7 for rq workers, none running — the web process is what is measured), and
* a minimal aiohttp + asyncpg server whose handler does one ``INSERT … RETURNING`` of the same
  JSON payload into a table of its own,

each warmed up for 3 s and then loaded with ``wrk -t2 -c{connections} -d{duration}s --latency``.
Prints req/s, p50, p99, non-2xx answers and the server process's CPU per request (its user + system
time over the run, from /proc, divided by the requests answered), and the ratio of the two req/s.
``--profile FILE`` samples ``hotline serve`` (all threads) with py-spy during the measured run and
writes the collapsed stacks to FILE (``bench/stacks.py FILE`` sums them by function). ``--only hotline``
skips the minimal server (a quick look; the ratio needs both in one run). After the run it prints how
the intakes were grouped (``intake_groups`` of /healthz: the group commit, ``hotline.web.group``).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG = "postgresql+psycopg://postgres@127.0.0.1:5432"
REDIS = os.environ.get("HOTLINE_BENCH_REDIS", "redis://127.0.0.1:6379/7")
PAYLOAD = {"content": "江岸区解放大道小区门口占道经营，早高峰堵路", "channel": "phone", "contact_phone": "13812345678"}
HOTLINE_PORT, MINIMAL_PORT = 17080, 17081

MINIMAL = textwrap.dedent('''
    import asyncio, json, sys
    import asyncpg
    from aiohttp import web

    async def init(app):
        app["pool"] = await asyncpg.create_pool(sys.argv[1], min_size=16, max_size=16)
        async with app["pool"].acquire() as c:
            await c.execute("CREATE TABLE IF NOT EXISTS bench_min (id bigserial PRIMARY KEY, "
                            "created_at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)")
        yield
        await app["pool"].close()

    async def post(request):
        body = await request.json()
        row = await request.app["pool"].fetchrow(
            "INSERT INTO bench_min (payload) VALUES ($1::jsonb) RETURNING id, created_at", json.dumps(body))
        return web.json_response({"id": row["id"], "created_at": row["created_at"].isoformat()}, status=201)

    app = web.Application()
    app.cleanup_ctx.append(init)
    app.router.add_post("/api/v1/tickets", post)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[2]), print=None, access_log=None)
''')

LUA = textwrap.dedent('''
    wrk.method = "POST"
    wrk.body = {body}
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer {token}"
''')


def admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def prepare(url: str, data_dir: Path) -> str:
    from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap
    from hotline.services.auth import create_token
    from hotline.services.registry import load_registry_files
    from hotline.settings import Settings

    hl = bootstrap(Settings(data_dir=data_dir, database_url=url, log_level="WARNING"), migrate=True,
                   classifier=AbstainingClassifier(), router=NoRouter(), start_queue=False)
    load_registry_files(hl)
    token = create_token(hl, name="bench", role="operator")
    hl.close()
    return token


def wait_up(port: int, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on {port} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/tickets", timeout=1)
        except urllib.error.HTTPError:
            return          # it answers (401/405): up
        except OSError:
            time.sleep(0.2)
            continue
        return
    raise RuntimeError(f"server on {port} did not come up")


def health(port: int) -> dict:
    """/healthz (answered 503 when degraded: here, no rq worker runs)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as exc:
        return json.load(exc)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def parse_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def load(port: int, script: Path, connections: int, duration: int, pid: int, profile: str | None = None) -> dict:
    url = f"http://127.0.0.1:{port}/api/v1/tickets"
    subprocess.run(["wrk", "-t2", f"-c{connections}", "-d3s", "-s", str(script), url], capture_output=True, check=True)
    c0 = cpu_seconds(pid)
    spy = (subprocess.Popen(["py-spy", "record", "-p", str(pid), "-r", "200", "-d", str(duration), "-f", "raw",
                             "-o", profile, "--nonblocking"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
           if profile else None)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(pid) - c0
    if spy is not None:
        spy.wait()
    if not re.search(r"50%\s+[\d.]+(us|ms|s|m)\b", out) or not re.search(r"99%\s+[\d.]+(us|ms|s|m)\b", out):
        raise RuntimeError(f"wrk gave no latency figures:\n{out}")
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": parse_ms(re.search(r"50%\s+(\S+)", out).group(1)),
            "p99": parse_ms(re.search(r"99%\s+(\S+)", out).group(1)),
            "requests": total, "non2xx": non2xx, "cpu_ms": 1000 * cpu / max(1, total)}


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--duration", type=int, default=15)
    p.add_argument("--profile", metavar="FILE", help="py-spy collapsed stacks of hotline serve to FILE")
    p.add_argument("--only", choices=["hotline"], help="measure hotline serve only (no ratio)")
    args = p.parse_args()
    name = f"hl_bench_17_intake_{uuid.uuid4().hex[:6]}"
    admin(f'CREATE DATABASE "{name}"')
    work = Path(tempfile.mkdtemp(prefix="hl-bench-intake-"))
    url = f"{PG}/{name}"
    results = {}
    try:
        token = prepare(url, work / "data")
        script = work / "post.lua"
        script.write_text(LUA.format(body=json.dumps(json.dumps(PAYLOAD, ensure_ascii=False), ensure_ascii=False),
                                     token=token))
        env = {**os.environ, "HOTLINE_DATABASE_URL": url, "HOTLINE_DATA_DIR": str(work / "data"),
               "HOTLINE_REDIS_URL": REDIS, "HOTLINE_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "hotline", "serve", "--host", "127.0.0.1", "--port", str(HOTLINE_PORT)]
        server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
        try:
            wait_up(HOTLINE_PORT, server)
            # the learned triage check trains in the background at start (~2 s of CPU, once per process): not
            # a cost of the requests measured
            deadline = time.monotonic() + 120
            while health(HOTLINE_PORT).get("triage_check") == "training" and time.monotonic() < deadline:
                time.sleep(0.5)
            results["hotline serve"] = load(HOTLINE_PORT, script, args.connections, args.duration, server.pid,
                                           args.profile)
            groups = health(HOTLINE_PORT).get("intake_groups")
        finally:
            stop(server)
        if args.only:
            minimal = None
        else:
            minimal = subprocess.Popen([sys.executable, "-c", MINIMAL, url.replace("+psycopg", ""), str(MINIMAL_PORT)])
        if minimal is not None:
            try:
                wait_up(MINIMAL_PORT, minimal)
                results["minimal aiohttp + asyncpg"] = load(MINIMAL_PORT, script, args.connections, args.duration,
                                                            minimal.pid)
            finally:
                stop(minimal)
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        try:
            import redis

            redis.Redis.from_url(REDIS).flushdb()
        except Exception:  # noqa: BLE001 - best effort: the queue's leftovers in the bench's db
            pass
    print(f"wrk -t2 -c{args.connections} -d{args.duration}s, POST /api/v1/tickets, {len(json.dumps(PAYLOAD))}-byte JSON")
    print("| server | req/s | p50 | p99 | non-2xx | CPU per request |")
    print("|---|---|---|---|---|---|")
    for label, r in results.items():
        print(f"| {label} | {r['rps']:,.0f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['non2xx']} | "
              f"{r['cpu_ms']:.2f} ms |")
    print(f"intake groups (hotline serve, warm-up included): {groups}")
    if "minimal aiohttp + asyncpg" in results:
        ratio = results["hotline serve"]["rps"] / results["minimal aiohttp + asyncpg"]["rps"]
        print(f"ratio hotline / minimal: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
