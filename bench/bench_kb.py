"""Knowledge-base index: build time and search latency for N articles (synthetic, 150–300 characters).

    PYTHONPATH=. python bench/bench_kb.py [--articles 3000]

The first build reads every article; after an edit only that article is read again (``cache``).
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


def main(argv=None) -> int:
    from insight.kb import Doc, Index, terms

    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=3000)
    args = p.parse_args(argv)
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
