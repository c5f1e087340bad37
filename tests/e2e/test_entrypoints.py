"""The real entrypoints as a user runs them: `hotline demo`, `hotline serve`, `hotline worker`."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

from tests.conftest import _pg_exec, _pg_url, seeded_data_dir


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args, env, timeout=180):
    return subprocess.run([sys.executable, "-m", "hotline", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def _request(method, url, token=None, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {}),
        **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_serve_demo_on_the_embedded_default(tmp_path):
    env = {**os.environ, "HOTLINE_DATA_DIR": str(tmp_path / "data"), "HOTLINE_PORT": str(_free_port())}
    env.pop("HOTLINE_DATABASE_URL", None)
    env.pop("HOTLINE_REDIS_URL", None)
    base = f"http://127.0.0.1:{env['HOTLINE_PORT']}"
    proc = subprocess.Popen([sys.executable, "-m", "hotline", "serve", "--demo"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            out.append(line)
            if "hotline 已启动" in line or proc.poll() is not None:
                break
        text = "".join(out)
        assert "hotline 已启动" in text, text
        token = re.search(r"^\s+operator\s+(hl_\S+)", text, re.M).group(1)
        unit = re.search(r"^\s+unit:D-JA\s+(hl_\S+)", text, re.M).group(1)
        status, health = _request("GET", f"{base}/healthz")
        assert status == 200 and health["database_backend"] == "sqlite" and health["queue"]["kind"] == "in-process"
        assert health["classifier"][:2] == "20"        # the served model's version (a timestamp)
        body = {"content": "江岸区解放大道小区门口占道经营，早高峰堵路", "channel": "phone"}
        status, created = _request("POST", f"{base}/api/v1/tickets", token, body, {"Idempotency-Key": "e2e-1"})
        assert status == 201
        status, again = _request("POST", f"{base}/api/v1/tickets", token, body, {"Idempotency-Key": "e2e-1"})
        assert status == 200 and again["number"] == created["number"]
        number = created["number"]
        for _ in range(100):                         # the in-process queue classifies in the background
            _, ticket = _request("GET", f"{base}/api/v1/tickets/{number}", token)
            if ticket["intake_state"] == "done":
                break
            time.sleep(0.1)
        assert ticket["intake_state"] == "done" and ticket["model_version"]
        assert ticket["routing"]["unit"]             # the demo routing table proposed a unit
        if ticket["status"] == "triage":
            status, _ = _request("POST", f"{base}/api/v1/tickets/{number}/dispatch", token, {"unit": "D-JA"})
            assert status == 200
        status, signed = _request("POST", f"{base}/api/v1/tickets/{number}/sign", unit, {})
        assert status == 200 or signed["error"]["code"] == "forbidden"   # routed elsewhere than 江岸区
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.redis
def test_worker_processes_what_the_web_enqueued(tmp_path, pg_template, redis_url, trained_models):
    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        data = seeded_data_dir(tmp_path / "data", trained_models)
        env = {**os.environ, "HOTLINE_DATA_DIR": str(data), "HOTLINE_DATABASE_URL": _pg_url(name),
               "HOTLINE_REDIS_URL": redis_url}
        demo = _run(["demo"], env)
        assert demo.returncode == 0, demo.stderr
        token = re.search(r"^\s+operator\s+(hl_\S+)", demo.stdout, re.M).group(1)

        from hotline.bootstrap import bootstrap
        from hotline.queue import RqQueue
        from hotline.services import tickets as svc
        from hotline.services.auth import actor_for_token
        from hotline.settings import load_settings

        settings = load_settings(environ=env)
        hl = bootstrap(settings, queue=RqQueue(redis_url), classifier=None, start_queue=False)
        try:
            view, _ = svc.create_ticket(hl, actor=actor_for_token(hl, token),
                                        data={"content": "洪山区珞喻路渍水严重，车辆无法通行", "channel": "web"})
            assert hl.queue.queue.count == 1
            worker = _run(["worker", "--burst"], env)
            assert worker.returncode == 0, worker.stderr[-2000:]
            after = svc.get_ticket(hl, actor=actor_for_token(hl, token), number=view["number"])
            assert after["intake_state"] == "done" and after["status"] in ("triage", "dispatched")
            assert hl.queue.queue.count == 0
        finally:
            hl.close()
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_cli_errors_are_one_readable_line(tmp_path, trained_models):
    env = {**os.environ, "HOTLINE_DATA_DIR": str(seeded_data_dir(tmp_path / "data", trained_models))}
    env.pop("HOTLINE_REDIS_URL", None)
    result = _run(["worker"], env)
    assert result.returncode == 2 and "Redis" in result.stderr and "Traceback" not in result.stderr
    _run(["db", "upgrade"], env)
    result = _run(["users", "create", "--username", "u1", "--password", "longenough", "--role", "unit"], env)
    assert result.returncode == 2 and "单位" in result.stderr and "Traceback" not in result.stderr
    result = _run(["holidays", "set", "2027-02-30", "off"], env)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    result = _run(["token", "create", "--name", "x", "--role", "emperor"], env)
    assert result.returncode == 2 and "无效的取值" in result.stderr
