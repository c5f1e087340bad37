"""Fixtures of the system tests: real processes on the real PostgreSQL and a redis-server of their own."""
from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from tests.conftest import _pg_exec, _pg_url, seeded_data_dir
from tests.system.harness import Cluster, RedisServer

RULES = Path(__file__).resolve().parents[2] / "hotline" / "rules.toml"


@pytest.fixture
def own_redis():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_database(pg_template):
    name = f"hl_sys_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield _pg_url(name)
    _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fast_rules(tmp_path: Path, retry_after: int = 6) -> Path:
    """The packaged rules with intake work re-enqueued after a few seconds (not two minutes)."""
    path = tmp_path / "rules.toml"
    path.write_text(re.sub(r"retry_after_seconds = \d+", f"retry_after_seconds = {retry_after}",
                           RULES.read_text("utf-8")), "utf-8")
    return path


def demo_tokens(output: str) -> dict[str, str]:
    """The API tokens ``hotline demo`` prints: role (or unit:CODE) -> token."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^\s+(\S+)\s+(hl_\S+)\s*$", output, re.M)}


@pytest.fixture
def cluster(pg_database, own_redis, tmp_path, trained_models):
    data = seeded_data_dir(tmp_path / "data", trained_models)
    c = Cluster(pg_database, own_redis.url, data, tmp_path / "logs", sweep_interval=2,
                rules_file=fast_rules(tmp_path), db_connect_timeout=2, db_statement_timeout=5,
                request_timeout=6, redis_timeout=2, log_level="INFO")
    c.tokens = demo_tokens(c.cli("demo"))
    yield c
    c.stop()
