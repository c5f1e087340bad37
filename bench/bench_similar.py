"""Repeat-appeal look-up at intake on PostgreSQL with a large ticket table, and hotspots of a week.

    PYTHONPATH=. python bench/bench_similar.py lookup [--tickets 1000000] [--lookups 300] [--estates 3000] [--cold]
    PYTHONPATH=. python bench/bench_similar.py hotspots [--appeals 20000] [--texts FILE.csv] [--sweeps 3 [--check]]

lookup: a scratch database on 127.0.0.1 is built by the migrations and filled **in SQL**
(generate_series): a year of tickets at 3,000 estates × 40 problems, a tenth still open, with their
place keys in ``matter_keys``. Then ``find_similar`` (the service function intake and the ticket view
call: index range scan on (key, created_at), open candidates, comparison) runs for new appeals at
random estates. Prints p50 / p95 / max in ms and the mean number of candidates compared.

hotspots: ``insight.hotspots.find_hotspots`` over N appeals of one week written from templates
(3,000 estates, 20 problems, 30 growing hotspots), place reading included (as ``hotline hotspots --data``
reads: a repeated text once, many distinct texts by one forked process per core); ``--texts`` takes the
texts of a CSV instead (e.g. real messages), each in turn at a random time of the week. Prints wall seconds
(``read_places_s``, ``group_s``, ``total_s``) and CPU seconds of the process and its reading children
(``read_cpu_s``, ``group_cpu_s``, ``total_cpu_s``). ``--sweeps K``: then the periodic sweep's refreshes as a
worker runs them (``hotline.services.hotspots._find``, what ``refresh`` calls, over the week as ticket rows), each in
a process forked from this one with the memo file of the last: the first (every ticket read, an empty memo,
``first_refresh_cpu_s``) and K more 10 minutes apart with a week's rate of new tickets (``refresh_cpu_s``);
``--check`` compares the last one's answer with ``find_hotspots`` afresh.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

PROBLEMS = ["停水了一直没来水", "夜间施工噪音扰民睡不着", "垃圾好几天没人清运", "路灯不亮晚上很黑", "电梯经常坏困人",
            "门口占道经营摆摊", "下水道堵了污水冒出来", "停电了什么时候来电", "楼下烧烤油烟太大", "消防通道被车堵死",
            "井盖丢了很危险", "一下雨就积水", "广场舞音响声音太大", "流浪狗咬人", "树枝倒伏挡路",
            "物业不作为乱收费", "燃气有异味", "暖气不热", "红绿灯坏了", "公交班次太少等车太久"]
# estates named as 武汉's are: a developer's or an area's word, a pleasant one, and the kind of estate (万科金色家园,
# 福星阳光花园); each pair of words once, so no two estates share more than their first word
ESTATE_HEADS = ("万科 保利 福星 复地 中建 金地 绿地 融侨 世茂 招商 华润 恒大 龙湖 当代 联投 城建 中海 泛海 百瑞 东原 "
                "美联 天纵 银泰 宏图 华侨 佳海 汉飞 天元 东合 金科 长投 南德 联发 爱家 江宏 正荣 新力 碧海 德润 奥山").split()
ESTATE_WORDS = ("阳光 锦绣 幸福 和平 翠微 碧水 金色 银河 紫荆 丽景 星河 明珠 龙腾 凤凰 春天 桂花 兰亭 梅林 松涛 枫林 "
                "荷塘 柳岸 杏林 桃源 香榭 蓝湾 绿洲 青年 白鹭 红枫 彩虹 华庭 盛世 御景 水岸 山语 江南 清风 雅居 富丽 "
                "悦府 天悦 海棠 云锦 晴川 东方 西子 南山 北岸 中央 国际 首府 一品 尚品 领秀 馨香 怡景 瑞景 泰和 嘉禾 "
                "书香 学府 城市 都市 时代 未来 玉龙 珠江 滨江 汉水 万象 德馨 钻石 橡树 乐活").split()
ESTATE_KINDS = ("花园", "小区", "家园", "新村", "公寓", "苑", "山庄", "花园", "小区")


def estate(i: int) -> str:
    """The i-th of 3,000 estates (40 × 75 pairs of words; past them the same names numbered again)."""
    n = len(ESTATE_HEADS) * len(ESTATE_WORDS)
    head, word = ESTATE_HEADS[i % len(ESTATE_HEADS)], ESTATE_WORDS[i // len(ESTATE_HEADS) % len(ESTATE_WORDS)]
    return f"{head}{word}{ESTATE_KINDS[i * 7 % len(ESTATE_KINDS)]}{i // n or ''}"


def _pg(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def bench_lookup(n: int, lookups: int, estates: int = 3000, cold: bool = False) -> dict:
    from sqlalchemy import text

    from hotline import db
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue
    from hotline.services.similar import _cached_matter, candidates, find_similar, ticket_matter
    from hotline.settings import Settings
    from models import Ticket

    name = f"hl_bench_sim_{uuid.uuid4().hex[:8]}"
    _pg(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        db.upgrade(url)
        engine = db.make_engine(url, statement_timeout=0)   # the fill runs for minutes
        names = [estate(i) for i in range(estates)]
        problems = PROBLEMS * 2
        started = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(text("CREATE TEMP TABLE est(i int primary key, name text)"))
            conn.execute(text("INSERT INTO est VALUES " + ",".join(f"({i}, '{e}')" for i, e in enumerate(names))))
            conn.execute(text("CREATE TEMP TABLE prob(i int primary key, t text)"))
            conn.execute(text("INSERT INTO prob VALUES " + ",".join(f"({i}, '{p}')" for i, p in enumerate(problems))))
            conn.execute(text(f"""
                INSERT INTO tickets (id, number, channel, appeal_type, urgency, title, content, hide_identity,
                    share_contact, status, binding_dispatch, created_at, updated_at, extension_workdays,
                    return_count, reopen_count, overdue, supervision_level, intake_state, intake_attempts,
                    version_id, citizen_ref)
                SELECT g, 'B' || g, 'phone', 'complaint', 'normal', left(e.name || p.t, 40), e.name || p.t,
                       false, false, CASE WHEN g % 10 = 0 THEN 'dispatched' ELSE 'closed' END, false,
                       now() - ((({n} - g)::float / {n}) * interval '365 days'), now(), 0, 0, 0, false, 'none',
                       'done', 1, 1, 'c' || (g % 500000)
                FROM generate_series(1::bigint, {n}) g
                JOIN est e ON e.i = abs(hashtext('e' || g::text)) % {estates}
                JOIN prob p ON p.i = abs(hashtext('p' || g::text)) % {len(problems)}"""))
            # every key intake writes for the estate (Matter.keys(): the name, its 4-character tail, its
            # characters in order), as the code computes them
            from insight.matter import matter_of

            est_keys = [(i, k) for i, e in enumerate(names)
                        for k in matter_of(e, {"community": e}).keys() if not k.startswith("s:")]
            conn.execute(text("CREATE TEMP TABLE est_keys(i int, key text)"))
            conn.execute(text("INSERT INTO est_keys VALUES " + ",".join(f"({i}, '{k}')" for i, k in est_keys)))
            conn.execute(text("""
                INSERT INTO matter_keys (ticket_id, key, created_at)
                SELECT t.id, k.key, t.created_at FROM tickets t JOIN est_keys k ON k.i = abs(hashtext('e' || t.id::text)) % :m"""),
                         {"m": estates})
            conn.execute(text("SELECT setval('tickets_id_seq', :n)"), {"n": n})
        conn_time = time.perf_counter() - started
        with engine.begin() as conn:
            conn.execute(text("ANALYZE tickets; ANALYZE matter_keys"))
        hl = bootstrap(Settings(data_dir=Path("/tmp") / name, database_url=url), queue=InlineQueue(),
                       start_queue=False)
        rng = random.Random(12)
        times, found, compared = [], [], []
        now = datetime.now(timezone.utc)
        with hl.sessions() as s:
            for k in range(lookups):
                e, p = names[rng.randrange(estates)], rng.choice(problems)
                t = Ticket(id=10 ** 9 + k, number=f"Q{k}", content=f"{e}{p}，请尽快处理", created_at=now,
                           status="received", routing=None, place=None, citizen_ref=f"new{k}")
                if cold:  # no candidate's matter read before: the first look-up at a place after a restart
                    _cached_matter.cache_clear()
                t0 = time.perf_counter()
                hits = find_similar(s, t)
                compared.append(len(candidates(s, t, ticket_matter(t))))
                times.append((time.perf_counter() - t0) * 1000)
                found.append(len(hits))
            plan = "\n".join(r[0] for r in s.execute(text(
                "EXPLAIN SELECT ticket_id FROM matter_keys WHERE key IN ('p:" + names[0] + "') AND created_at >= now() - "
                "interval '30 days' ORDER BY created_at DESC LIMIT 200")))
        hl.close()
        engine.dispose()
        times.sort()
        return {"tickets": n, "estates": estates, "cold": cold, "load_s": round(conn_time, 1), "lookups": lookups,
                "p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
                "max_ms": round(times[-1], 1), "mean_similar_found": round(statistics.mean(found), 1),
                "mean_open_candidates": round(statistics.mean(compared), 1),
                "plan": plan}
    finally:
        _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the reading's forked processes): the
    machine is often shared, and wall time then says more about the neighbours than about the code."""
    import os

    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def bench_hotspots(n: int, estates: int = 3000, texts_file: str | None = None, sweeps: int = 0,
                   check: bool = False) -> dict:
    import os

    from insight.cli import _matters
    from insight.hotspots import Appeal, find_hotspots
    from insight.places import default_gazetteer

    rng = random.Random(7)
    rows = []
    week = 7 * 86400.0
    if texts_file:      # texts of a CSV (a `text` column), in turn, at random times of the week
        from classifier.dataio import read_rows

        texts = [r["text"] for r in read_rows(texts_file, ("text",))[1] if (r.get("text") or "").strip()]
        rows = [(texts[i % len(texts)], rng.random() * week, f"c{i}") for i in range(n)]
    else:
        names = [estate(i) for i in range(estates)]
        hot = [(rng.randrange(estates), rng.randrange(len(PROBLEMS))) for _ in range(30)]
        for i in range(n):
            if i % 10 == 0:  # a tenth of the week's appeals are about 30 growing matters
                e, p = hot[i // 10 % 30]
                at = week - rng.random() ** 2 * week / 2
            else:
                e, p = rng.randrange(estates), rng.randrange(len(PROBLEMS))
                at = rng.random() * week
            rows.append((f"我们{names[e]}{PROBLEMS[p]}，希望相关部门尽快处理", at, f"c{i}"))
    default_gazetteer()
    from insight.matter import load_tagger

    t0 = time.perf_counter()
    load_tagger()          # once per process (the worker's sweep has it); reported apart
    tagger = time.perf_counter() - t0
    # (first: forked from a process that has read nothing but the gazetteer and the tagger, as a worker's)
    refreshes = _resweeps(rows, sweeps, check) if sweeps else {}
    t0, c0 = time.perf_counter(), _cpu()
    # read as `hotline hotspots --data` reads: a repeated text once, many texts by one process per core
    matters = _matters([{"text": t} for t, _, _ in rows])
    appeals = [Appeal(matter=m, at=at, citizen=c) for m, (_, at, c) in zip(matters, rows)]
    t1, c1 = time.perf_counter(), _cpu()
    spots = find_hotspots(appeals, now=week)
    t2, c2 = time.perf_counter(), _cpu()
    return {"appeals": n, "distinct_texts": len({t for t, _, _ in rows}), "cores": os.cpu_count(),
            "mean_length": round(statistics.mean(len(t) for t, _, _ in rows), 1),
            "tagger_load_s": round(tagger, 2), "read_places_s": round(t1 - t0, 2), "group_s": round(t2 - t1, 2),
            "total_s": round(t2 - t0, 2), "read_cpu_s": round(c1 - c0, 2), "group_cpu_s": round(c2 - c1, 2),
            "total_cpu_s": round(c2 - c0, 2), "hotspots": len(spots),
            "hottest": [s.description for s in spots[:3]], **refreshes}


def _resweeps(rows: list[tuple[str, float, str]], sweeps: int, check: bool) -> dict:
    """The periodic sweep's refreshes as a worker runs them: ``hotline.services.hotspots._find`` (what ``refresh``
    calls) over the week's tickets, each refresh in a process forked from this one (as rq's work horse) with the memo
    file of the last in a scratch data directory: the first (every ticket read, an empty memo, the file written) and
    ``sweeps`` more 10 minutes apart with a week's rate of new tickets (texts of the week). CPU s of each; with
    ``check``, the last refresh's answer against ``find_hotspots`` afresh over the same tickets."""
    import hashlib
    import os
    import shutil
    import tempfile
    from pathlib import Path
    from types import SimpleNamespace

    from hotline.services import hotspots as service
    from hotline.services.similar import ticket_matter
    from insight.hotspots import Appeal, find_hotspots

    week, step, start = 7 * 86400.0, 600.0, 1_790_000_000.0
    data = Path(tempfile.mkdtemp(prefix="hl_sweep_"))
    hl = SimpleNamespace(settings=SimpleNamespace(data_dir=data))

    def ticket(n: int, text: str, at: float, citizen: str):
        return SimpleNamespace(id=n, content=text, place=None, routing=None, citizen_ref=citizen, contact_phone=None,
                               extra=None, urgency="normal", created_at=datetime.fromtimestamp(start + at, tz=timezone.utc))

    tickets = [ticket(n, t, at, c) for n, (t, at, c) in enumerate(rows, start=1)]
    rng = random.Random(11)
    per = max(1, round(len(rows) * step / week))
    cpu, digests = [], []
    for k in range(sweeps + 1):
        now = week + k * step
        tickets += [ticket(len(tickets) + 1, rows[rng.randrange(len(rows))][0], now - rng.random() * step, f"n{k}-{j}")
                    for j in range(per if k else 0)]
        window = sorted((t for t in tickets if now - week < t.created_at.timestamp() - start <= now),
                        key=lambda t: t.created_at)
        c0 = _cpu()
        pid = os.fork()
        if pid == 0:    # the work horse
            try:
                _, spots = service._find(hl, window, start + now, 7.0)
                (data / "sha1").write_text(hashlib.sha1(repr(spots).encode()).hexdigest())
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        cpu.append(_cpu() - c0)
        digests.append((data / "sha1").read_text())
    result = {"first_refresh_cpu_s": round(cpu[0], 2), "new_per_refresh": per,
              "refresh_cpu_s": [round(x, 2) for x in cpu[1:]],
              "memo_file_mb": round((data / service.MEMO_FILE).stat().st_size / 1e6, 1)}
    if check:
        fresh = find_hotspots([Appeal(matter=ticket_matter(t), at=t.created_at.timestamp(), citizen=t.citizen_ref,
                                      ref=t.id) for t in window], now=start + now, window_days=7.0)
        result["last_refresh_as_afresh"] = hashlib.sha1(repr(fresh).encode()).hexdigest() == digests[-1]
    shutil.rmtree(data)
    return result


def main(argv=None) -> int:
    import json

    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["lookup", "hotspots"])
    p.add_argument("--tickets", type=int, default=1_000_000)
    p.add_argument("--lookups", type=int, default=300)
    p.add_argument("--estates", type=int, default=3000, help="lookup: places the tickets are spread over")
    p.add_argument("--cold", action="store_true", help="lookup: forget the candidates' matters before each look-up")
    p.add_argument("--appeals", type=int, default=20_000)
    p.add_argument("--texts", default=None, metavar="CSV",
                   help="hotspots: the appeals' texts from this CSV (a text column) instead of the templates")
    p.add_argument("--sweeps", type=int, default=0,
                   help="hotspots: then this many refreshes 10 minutes apart as the worker's sweep runs them (memo file)")
    p.add_argument("--check", action="store_true", help="hotspots --sweeps: the last refresh's answer against afresh")
    args = p.parse_args(argv)
    result = bench_lookup(args.tickets, args.lookups, args.estates, args.cold) if args.what == "lookup" \
        else bench_hotspots(args.appeals, texts_file=args.texts, sweeps=args.sweeps, check=args.check)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
