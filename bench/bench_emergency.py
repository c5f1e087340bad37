"""Emergencies on the operator's screen: from POST /api/v1/tickets to the ticket standing first in the
triage list (GET /api/v1/tickets?queue=triage) with its transfer number, on the production path — one
``hotline serve`` and one ``hotline worker`` (rq) on PostgreSQL and a redis-server of its own, the demo
city loaded (its real router, catalogue and triage; the starter classifier).

Each round posts two ordinary appeals, then one calmly written emergency, and polls the triage list every
10 ms until the emergency is on top with a number; then transfers it (one POST) so the next round starts
clean. Prints one JSON line: rounds, p50/p95/max seconds from the POST to "on top with 119/110/120/122",
the POST's own p50, and the load average.

    python bench/bench_emergency.py [--rounds 30] [--check-only]

``--check-only`` posts calm emergencies that triage's rules do not recognise and the shipped learned check
does (routing.seed): since the sixth wave the intake's queue-front decision consults the check too.

Needs PostgreSQL (HOTLINE_TEST_PG, default postgres@127.0.0.1:5432) and ``redis-server`` on PATH.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.scratch import scratch_database  # noqa: E402
from tests.system.conftest import demo_tokens  # noqa: E402
from tests.system.harness import Cluster, RedisServer  # noqa: E402

EMERGENCIES = [
    ("你好，我想反映个情况，我们对面那栋楼五楼的窗户在往外冒黑烟，好像是里面着火了，在江岸区黄浦路这边", "119"),
    ("打扰一下，我们单元楼道里煤气味很重，不知道是哪一家漏气了，武昌区中南路这边", "119"),
    ("您好，汉阳区龙阳大道上刚刚两辆车撞了，有个人躺在地上流了很多血", "120"),
    ("我跟你们说一下，有个人在我们小区里拿着刀追人，现在还在，洪山区鲁巷这边", "110"),
]
# emergencies only the learned check recognises (tests/unit/test_intake_front.py checks that the rules do not)
CHECK_ONLY = [
    # (eighth wave: the rules now read 半边脸麻了 as a stroke; replaced by another only the check sees)
    ("我妈吃午饭的时候说话突然含含糊糊的，嘴角往下耷拉", "120"),
]
ORDINARY = ["请问一下公积金提取要带什么材料", "江汉区新华路小区门口的路灯坏了好几天了"]


def _call(port: int, token: str, method: str, path: str, body: dict | None = None) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read() or b"{}")


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))], 3)


def run(rounds: int, emergencies: list[tuple[str, str]] = EMERGENCIES) -> dict:
    with tempfile.TemporaryDirectory() as tmp, scratch_database("hl_i11_emerg") as url:
        redis = RedisServer().start()
        cluster = Cluster(url, redis.url, Path(tmp) / "data", Path(tmp) / "logs", log_level="WARNING")
        try:
            cluster.cli("db", "upgrade")
            token = demo_tokens(cluster.cli("demo"))["operator"]
            port = cluster.serve("web")
            cluster.worker("w1")
            # warm-up: the worker loads the classifier and the router on its first job
            first = _call(port, token, "POST", "/api/v1/tickets", {"content": ORDINARY[0], "channel": "phone"})["number"]
            deadline = time.monotonic() + 120
            while _call(port, token, "GET", f"/api/v1/tickets/{first}").get("status") == "received":
                if time.monotonic() > deadline:
                    raise RuntimeError("the worker did not process the warm-up ticket")
                time.sleep(0.2)
            visible: list[float] = []
            post: list[float] = []
            wrong = 0
            for i in range(rounds):
                for text in ORDINARY:
                    _call(port, token, "POST", "/api/v1/tickets", {"content": f"{text}（{i}）", "channel": "phone"})
                text, number_wanted = emergencies[i % len(emergencies)]
                t0 = time.perf_counter()
                number = _call(port, token, "POST", "/api/v1/tickets", {"content": text, "channel": "phone"})["number"]
                post.append(time.perf_counter() - t0)
                while True:
                    top = _call(port, token, "GET", "/api/v1/tickets?queue=triage&limit=3")["items"]
                    if top and top[0]["number"] == number and top[0].get("transfer"):
                        visible.append(time.perf_counter() - t0)
                        wrong += number_wanted not in top[0]["transfer"]
                        break
                    if time.perf_counter() - t0 > 30:
                        raise RuntimeError(f"emergency {number} not on top after 30 s")
                    time.sleep(0.01)
                _call(port, token, "POST", f"/api/v1/tickets/{number}/transfer", {})
            return {"rounds": rounds, "processes": "1 serve + 1 worker (rq), PostgreSQL",
                    "visible_p50_s": _pct(visible, 0.5), "visible_p95_s": _pct(visible, 0.95),
                    "visible_max_s": round(max(visible), 3), "post_p50_s": round(statistics.median(post), 3),
                    "wrong_number": wrong, "loadavg": [round(x, 2) for x in os.getloadavg()]}
        finally:
            cluster.stop()
            redis.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--check-only", action="store_true", help="emergencies only the learned check recognises")
    args = parser.parse_args()
    print(json.dumps(run(args.rounds, CHECK_ONLY if args.check_only else EMERGENCIES), ensure_ascii=False))


if __name__ == "__main__":
    main()
