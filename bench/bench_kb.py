"""Knowledge-base index: build time and search latency for N articles (synthetic, 150–300 characters).

    PYTHONPATH=. python bench/bench_kb.py [--articles 3000]
    PYTHONPATH=. python bench/bench_kb.py --service [--articles 3000]
    PYTHONPATH=. python bench/bench_kb.py --grown [--articles 1000]

``--grown``: the demo city's starter articles (hotline/demo_city/kb.tsv) copied with perturbations until there are N
(a district's version of each: its title and answer carry the district, one answer sentence dropped), then the
tuning paraphrases (every split outside ``HELD_OUT``) looked up: how often the first hit is of the right family (the
original or a copy), how often the right family is among the first three distinct families, and the search's CPU
time (time.process_time) per question.

The first build reads every article; after an edit only that article is read again (``cache``).
``--service``: the articles in a scratch SQLite database, and the first ``knowledge.search`` of a
fresh process timed twice — cold (the search builds the index) and after ``knowledge.warm`` (what
``hotline serve`` and ``hotline worker`` now run at start) — each in a process of its own.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOPICS = ["公积金提取", "医保参保", "小学入学", "居住证", "身份证补办", "驾驶证换证", "失业保险金", "低保申请",
          "婚姻登记", "营业执照", "养老金认证", "异地就医", "公租房", "残疾人补贴", "护照办理", "新生儿落户"]
WORDS = list("办理需要携带材料证明窗口线上工作日审核申请条件家庭收入户籍所在地街道社区服务中心平台预约")


def _articles(n: int, rng: random.Random) -> list[dict]:
    out = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        answer = "".join(rng.choice(WORDS) for _ in range(rng.randint(150, 300)))
        out.append({"title": f"{topic}指南（{i}）", "questions": [f"{topic}怎么办", f"{topic}需要什么材料"],
                    "answer": answer})
    return out


def _first_search(url: str, warm: bool) -> dict:
    """In this (fresh) process: optionally warm up, then time the first search."""
    from hotline.bootstrap import bootstrap
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM
    from hotline.settings import Settings

    hl = bootstrap(Settings(database_url=url), start_queue=False)
    out: dict = {"warm": warm}
    if warm:
        t0 = time.perf_counter()
        knowledge.warm(hl).join()
        out["warm_up_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    knowledge.search(hl, actor=SYSTEM, q="我想把公积金取出来付房租要怎么弄")
    out["first_search_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    t0 = time.perf_counter()
    knowledge.search(hl, actor=SYSTEM, q="刚出生的小孩医保在哪里办")
    out["second_search_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    hl.close()
    return out


def service(n: int) -> int:
    import subprocess
    import tempfile
    from datetime import datetime, timezone

    from sqlalchemy import insert

    from hotline import db
    from models import KbArticle

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/kb.sqlite3"
        db.upgrade(url)
        engine = db.make_engine(url)
        now = datetime.now(timezone.utc)
        rows = [dict(a, status="approved", version=1, created_by="bench", created_at=now, updated_at=now)
                for a in _articles(n, random.Random(3))]
        with engine.begin() as conn:
            conn.execute(insert(KbArticle), rows)
        engine.dispose()
        for warm in (False, True):
            code = f"import json,sys; sys.path.insert(0,'bench'); import bench_kb; print(json.dumps(bench_kb._first_search({url!r}, {warm})))"
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            print(json.dumps({"articles": n, **json.loads(out.stdout.strip().splitlines()[-1])}))
    return 0


DISTRICTS = ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区", "汉南区", "蔡甸区",
             "江夏区", "黄陂区", "新洲区"]


def grown(n: int) -> int:
    """The evaluation's articles grown to n by perturbed copies; family top-3 and CPU time per search."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_insight import HELD_OUT, read_kb

    from insight.kb import Doc, Index, terms

    articles, queries = read_kb()
    keys = list(articles)
    rng = random.Random(7)
    docs: list[Doc] = []
    family: list[str] = []
    while len(docs) < max(n, len(keys)):
        i = len(docs)
        key = keys[i % len(keys)]
        a = articles[key]
        if i < len(keys):
            title, answer = a["title"], a["answer"]
        else:
            district = DISTRICTS[(i // len(keys)) % len(DISTRICTS)]
            sentences = [x for x in a["answer"].replace("；", "。").split("。") if x]
            if len(sentences) > 1:
                sentences.pop(rng.randrange(len(sentences)))
            title, answer = f"{a['title']}（{district}）", f"{district}：" + "。".join(sentences) + "。"
        docs.append(Doc(i, {"title": title, "questions": "\n".join(a["questions"]), "answer": answer}))
        family.append(key)
    terms("预热")
    t0 = time.process_time()
    index = Index.build(docs)
    build = time.process_time() - t0
    qs = [q for q in queries if q["split"] not in HELD_OUT]
    top1 = top3 = 0
    times = []
    for q in qs:
        t = time.process_time()
        hits = index.search(q["text"], limit=60)     # (the search ranks every match; the limit only cuts the list)
        times.append((time.process_time() - t) * 1000)
        top1 += family[hits[0][0]] == q["article"]
        families = list(dict.fromkeys(family[i] for i, _ in hits))
        top3 += q["article"] in families[:3]
    times.sort()
    print(json.dumps({"articles": len(docs), "questions": len(qs), "family_top1": round(top1 / len(qs), 3),
                      "family_top3_distinct": round(top3 / len(qs), 3),
                      "build_cpu_s": round(build, 2), "search_cpu_mean_ms": round(statistics.mean(times), 2),
                      "search_cpu_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}))
    return 0


def main(argv=None) -> int:
    from insight.kb import Doc, Index, terms

    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=3000)
    p.add_argument("--service", action="store_true", help="first search of a fresh process, cold and warmed up")
    p.add_argument("--grown", action="store_true", help="the evaluation's articles grown to N by perturbed copies")
    args = p.parse_args(argv)
    if args.service:
        return service(args.articles)
    if args.grown:
        return grown(args.articles)
    rng = random.Random(3)
    terms("预热")  # jieba's dictionary loads once at start-up, not per build
    docs = []
    for i in range(args.articles):
        topic = TOPICS[i % len(TOPICS)]
        answer = "".join(rng.choice(WORDS) for _ in range(rng.randint(150, 300)))
        docs.append(Doc(i, {"title": f"{topic}指南（{i}）", "questions": f"{topic}怎么办\n{topic}需要什么材料",
                            "answer": answer}))
    cache: dict = {}
    t0 = time.perf_counter()
    index = Index.build(docs, cache=cache)
    build = time.perf_counter() - t0
    docs[0] = Doc(0, dict(docs[0].fields, answer="修改后的答复口径"), stamp="v2")   # one article edited
    t0 = time.perf_counter()
    index = Index.build(docs, cache=cache)
    rebuild = time.perf_counter() - t0
    times = []
    for q in ["我想把公积金取出来付房租要怎么弄", "刚出生的小孩医保在哪里办", "身份证掉了去哪里补", "失业了能领什么钱"] * 25:
        t = time.perf_counter()
        index.search(q, limit=5)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(json.dumps({"articles": args.articles, "build_s": round(build, 2), "rebuild_after_one_edit_s": round(rebuild, 2), "search_p50_ms": round(statistics.median(times), 2),
                      "search_p95_ms": round(times[94], 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
