"""Issue 11 (sixth wave): the intake's queue-front decision is triage's rules and, when they see nothing,
the router's learned check — a calm report of danger only the check recognises jumps the queue too — and
it never waits for a check still being trained."""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

from hotline.services.tickets import _after_intake
from routing.seed import SeedTriageCheck
from routing.triage import screen

CALM = "卧室墙里的电线发烫发红了"          # the rules see nothing here


class _Check:
    def __init__(self, nums=("119",)):
        self.nums, self.asked = nums, []

    def numbers(self, text):
        self.asked.append(text)
        return self.nums


class _Uow:
    def __init__(self, check):
        self.hl = SimpleNamespace(router=SimpleNamespace(triage_check=check))
        self.jobs = []

    def after_commit(self, name, *args, job_id=None, front=False):
        self.jobs.append((name, args, front))


def _front(check, content):
    uow = _Uow(check)
    _after_intake(uow, SimpleNamespace(id=7, content=content, contact_phone=None, citizen_ref=None))
    return [front for name, _args, front in uow.jobs if name == "process_intake"]


def test_the_check_puts_a_calm_emergency_first():
    assert _front(None, CALM) == [False]                     # the rules alone
    assert _front(_Check(), CALM) == [True]                  # the check recognises it
    assert _front(_Check(()), CALM) == [False]


def test_the_rules_decide_first_and_the_check_is_not_asked():
    check = _Check(())
    assert _front(check, "楼下一辆车着火了，火很大") == [True]
    assert check.asked == []
    check = _Check()
    t = screen("我跟公司的官司下个月开庭", check)
    assert t.redirect == "诉讼" and not t.transfer and check.asked == []


def test_screen_says_the_number_came_from_the_model():
    t = screen(CALM, _Check(("119",)))
    assert t.transfer == ("119",) and "模型判断" in t.reason


def test_a_check_still_training_is_not_waited_for(monkeypatch):
    import routing.seed as seed
    gate = threading.Event()

    def slow():
        gate.wait(5)
        return _Check(("119",))
    cached = seed.lru_cache(maxsize=1)(slow)
    monkeypatch.setattr(seed, "seed_triage_check", cached)
    check = SeedTriageCheck()
    assert check.state == "not started"
    t0 = time.perf_counter()
    assert screen(CALM, check, wait=False).transfer == ()    # not trained yet: the rules alone, at once
    assert time.perf_counter() - t0 < 1
    assert check._thread is not None and check._thread.is_alive() and check.state == "training"
    gate.set()
    check._thread.join(5)
    assert check.ready and check.state == "ready"
    assert screen(CALM, check, wait=False).transfer == ("119",)


def test_the_benchs_check_only_emergencies_are_missed_by_the_rules():
    # bench/bench_emergency.py --check-only measures the path of emergencies only the learned check sees
    from pathlib import Path

    from routing.seed import SEED_CHECK
    from routing.triage import triage
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_emergency.py"
    source = path.read_text(encoding="utf-8")
    block = source[source.index("CHECK_ONLY = ["):source.index("]\n", source.index("CHECK_ONLY = [")) + 1]
    texts: dict = {}
    exec(block, texts)          # the list alone (the module imports the system-test harness)
    assert texts["CHECK_ONLY"]
    for text, number in texts["CHECK_ONLY"]:
        assert not triage(text).transfer, text
        assert number in screen(text, SEED_CHECK).transfer, text
