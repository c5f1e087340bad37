"""The suite runs in two pytest-xdist workers (setup.cfg addopts): what each worker shares with the other must
not be emptied under it. PostgreSQL databases are named per test; Redis has one database per worker."""
from __future__ import annotations

import configparser
import os
from pathlib import Path

from tests.conftest import REDIS_URL, worker_redis_url

ROOT = Path(__file__).resolve().parents[2]


def test_each_worker_has_a_redis_database_of_its_own():
    url = "redis://127.0.0.1:6379/15"
    assert worker_redis_url(url, None) == url                      # without xdist: the URL as given
    assert worker_redis_url(url, "master") == url
    assert worker_redis_url(url, "gw0") == url
    assert worker_redis_url(url, "gw1") == "redis://127.0.0.1:6379/14"
    assert worker_redis_url("redis://h:1/0", "gw1") == "redis://h:1/15"     # wraps within Redis's 16
    assert len({worker_redis_url(url, f"gw{i}") for i in range(16)}) == 16


def test_this_worker_uses_its_own_database():
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base = os.environ.get("HOTLINE_TEST_REDIS", "redis://127.0.0.1:6379/15")
    assert REDIS_URL == worker_redis_url(base, worker)
    if worker and worker != "gw0":
        assert REDIS_URL != base


def test_the_readmes_command_runs_the_suite_in_two_workers_by_file():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    opts = cfg["tool:pytest"]["addopts"].split()
    assert "-n" in opts and opts[opts.index("-n") + 1] == "2"
    assert opts[opts.index("--dist") + 1] == "loadfile"    # a file's tests in order, in one worker, with its fixtures
    assert "--no-loadscope-reorder" in opts     # files handed out as collected: the longest first (tests/conftest.py)
    assert any(line.strip().startswith("pytest-xdist") for line in
               cfg["options.extras_require"]["test"].splitlines())


def test_the_longest_files_are_collected_first(request):
    """tests/conftest.py's LONGEST_FIRST: files that exist, collected before every other file (in that order)."""
    from tests.conftest import LONGEST_FIRST

    assert all((ROOT / name).is_file() for name in LONGEST_FIRST)
    files = list(dict.fromkeys(item.nodeid.split("::", 1)[0] for item in request.session.items))
    first = [name for name in LONGEST_FIRST if name in files]
    assert files[:len(first)] == first
