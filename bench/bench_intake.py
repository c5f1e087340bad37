"""Intake throughput of the phone webhook and the mini-program API, and duplicates under re-delivery.

One server process (the real aiohttp app, ``create_app``, on 127.0.0.1) and a load process with 64
connections (aiohttp client). Every request is sent twice — the retry is re-signed, as a real
client would — and afterwards the tickets are counted: duplicates = tickets − distinct requests.

Run: python bench/bench_intake.py --db sqlite|postgres [--requests 1500] [--connections 64] [--json]
(PostgreSQL: a fresh database on 127.0.0.1:5432, dropped afterwards; override with --pg-admin.)
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "bench-callcenter-secret"
APPID = "wx-bench"
EXTRA = {"callcenter_secret": SECRET, "mp_appid": APPID, "mp_secret": "bench"}


def _settings(data_dir: str, url: str):
    from hotline.settings import Settings

    return Settings(data_dir=Path(data_dir), database_url=url, extra=dict(EXTRA), log_level="WARNING")


def serve(data_dir: str, url: str, port: int) -> None:
    import logging

    from aiohttp import web

    from hotline.bootstrap import bootstrap
    from hotline.web.app import create_app

    logging.basicConfig(level=logging.WARNING)
    hl = bootstrap(_settings(data_dir, url))
    web.run_app(create_app(hl), host="127.0.0.1", port=port, print=None, access_log=None)


def a_call(i: int) -> dict:
    return {"call_id": f"bench-{i}", "caller": f"138{i:08d}", "agent": "A01",
            "started_at": "2026-03-02T10:00:00+08:00", "ended_at": "2026-03-02T10:03:00+08:00",
            "turns": [{"speaker": "agent", "text": "您好，12345热线。", "start": 0, "end": 2},
                      {"speaker": "caller", "text": f"武昌区中南路第{i}号附近路灯不亮", "start": 2, "end": 6}]}


async def load(kind: str, port: int, n: int, connections: int, sessions: list[dict]) -> dict:
    import aiohttp

    from channels.miniprogram import request_signature
    from channels.phone import sign_call

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    base = f"http://127.0.0.1:{port}"

    def phone_request(i):
        body = json.dumps(a_call(i), ensure_ascii=False).encode()
        ts = str(int(time.time()))
        return "/channels/phone/calls", body, {"Content-Type": "application/json", "X-Hotline-Timestamp": ts,
                                               "X-Hotline-Signature": sign_call(SECRET, ts, body)}

    def mp_request(i):
        sess = sessions[i % len(sessions)]
        body = json.dumps({"content": f"洪山区珞喻路{i}号占道经营", "place": "珞喻路"}, ensure_ascii=False).encode()
        ts, nonce, path = str(int(time.time())), secrets.token_hex(8), "/channels/mp/appeals"
        return path, body, {"Content-Type": "application/json", "X-MP-AppId": APPID,
                            "X-MP-Session": sess["session_id"], "X-MP-Timestamp": ts, "X-MP-Nonce": nonce,
                            "X-MP-Signature": request_signature(sess["sign_key"], "POST", path, ts, nonce, body),
                            "Idempotency-Key": f"bench-mp-{i:08d}"}

    make = phone_request if kind == "phone" else mp_request
    todo = iter(range(n))

    async def worker(http):
        for i in todo:
            for _attempt in range(2):  # every request delivered twice, re-signed
                path, body, headers = make(i)
                t0 = time.perf_counter()
                async with http.post(base + path, data=body, headers=headers) as resp:
                    await resp.read()
                latencies.append(time.perf_counter() - t0)
                statuses[resp.status] = statuses.get(resp.status, 0) + 1

    conn = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=conn) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(http) for _ in range(connections)))
        elapsed = time.perf_counter() - t0
    latencies.sort()
    return {"requests": len(latencies), "seconds": round(elapsed, 2), "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1), "statuses": statuses}


def _wait_port(port: int, timeout: float = 60) -> None:
    import socket

    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--pg-admin", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    p.add_argument("--requests", type=int, default=1500, help="distinct requests per channel (each sent twice)")
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()

    from sqlalchemy import create_engine, func, select, text

    from hotline import db
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue

    tmp = tempfile.mkdtemp(prefix="bench-intake-")
    pg_name = None
    if args.db == "postgres":
        pg_name = f"hl_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.pg_admin, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{pg_name}"'))
        url = args.pg_admin.rsplit("/", 1)[0] + "/" + pg_name
    else:
        url = f"sqlite:///{tmp}/hotline.sqlite3"
    try:
        db.upgrade(url)
        hl = bootstrap(_settings(tmp, url), queue=InlineQueue(), start_queue=True)
        from channels.miniprogram import open_session
        from models import Ticket

        sessions = [open_session(hl, f"o-bench-{k}") for k in range(args.connections)]
        port = 18000 + secrets.randbelow(2000)
        server = mp.get_context("spawn").Process(target=serve, args=(tmp, url, port), daemon=True)
        server.start()
        _wait_port(port)
        results = {}
        for kind in ("phone", "miniprogram"):
            results[kind] = asyncio.run(load(kind, port, args.requests, args.connections, sessions))
        time.sleep(2)  # let the in-process queue finish classifying
        with hl.sessions() as s:
            for kind, channel in (("phone", "phone"), ("miniprogram", "miniprogram")):
                count = s.scalar(select(func.count()).select_from(Ticket).where(Ticket.channel == channel))
                results[kind]["tickets"] = count
                results[kind]["duplicates"] = count - args.requests
                results[kind]["duplicate_share"] = round((count - args.requests) / args.requests, 4)
        server.terminate()
        server.join()
        hl.close()
    finally:
        if pg_name:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))
    results["config"] = {"db": args.db, "requests_per_channel": args.requests, "sent_twice": True,
                         "connections": args.connections}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    print(f"storage: {args.db}, {args.connections} connections, {args.requests} distinct requests per channel, each sent twice")
    for kind in ("phone", "miniprogram"):
        r = results[kind]
        print(f"{kind:12s} {r['rps']:8.1f} req/s  p50 {r['p50_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms  "
              f"tickets {r['tickets']}  duplicates {r['duplicates']} ({r['duplicate_share']:.2%})  statuses {r['statuses']}")


if __name__ == "__main__":
    main()
