"""The command line speaks Chinese: argparse's usage and errors, one readable line per user error,
no library noise unless ``-v``, help text on every option."""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys

import pytest

from hotline.cli import build_parser, main
from tests.conftest import seeded_data_dir


def _run(args, env, timeout=180):
    return subprocess.run([sys.executable, "-m", "hotline", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def env(tmp_path, trained_models):
    env = {**os.environ, "HOTLINE_DATA_DIR": str(seeded_data_dir(tmp_path / "data", trained_models))}
    for name in ("HOTLINE_REDIS_URL", "HOTLINE_DATABASE_URL", "HOTLINE_ROUTING_FILE", "HOTLINE_CONFIG"):
        env.pop(name, None)
    return env


@pytest.mark.parametrize("argv, line", [
    (["users", "create"], "错误：缺少必填参数：--username, --password, --role（查看用法：hotline users create -h）"),
    (["serve", "--port", "70000"], "错误：参数 --port：端口须在 1–65535 之间，收到 70000（查看用法：hotline serve -h）"),
    (["serve", "--port", "abc"], "错误：参数 --port：端口须为 1–65535 的整数，收到 'abc'（查看用法：hotline serve -h）"),
    (["holidays", "set", "2027-01-01", "maybe"],
     "错误：参数 workday 的取值 'maybe' 无效，可选：'work', 'off'（查看用法：hotline holidays set -h）"),
    (["frobnicate"], "错误：没有这个命令：'frobnicate'"),
    (["sweep", "--loud"], "错误：无法识别的参数：--loud（查看用法：hotline -h）"),
])
def test_argument_errors_are_one_chinese_line(argv, line, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith(line) and err.count("\n") == 1
    assert "usage" not in err and "error:" not in err


def test_help_is_in_chinese_and_every_option_says_what_it_does(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "-h"])
    out = capsys.readouterr().out
    assert out.startswith("用法：hotline serve") and "显示本帮助并退出" in out and "端口 1–65535" in out
    assert "usage" not in out and "show this help" not in out and "options:" not in out

    missing = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
                missing.extend(f"{path} {a.dest}" for a in action._choices_actions if not a.help)
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    walk(build_parser(), "hotline")
    assert missing == []


def test_unknown_revision_and_port_in_use_are_one_line_without_noise(env):
    result = _run(["db", "upgrade"], env)
    assert result.returncode == 0 and result.stdout == "数据库已升级到 head\n"
    assert result.stderr == ""                      # no alembic INFO lines without -v
    verbose = _run(["-v", "db", "upgrade"], env)
    assert "INFO" in verbose.stderr and verbose.returncode == 0

    result = _run(["db", "upgrade", "nope"], env)
    assert result.returncode == 2 and result.stderr.startswith("错误：没有这个数据库结构版本：nope（最新为 ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run(["serve", "--port", str(port)], env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (f"错误：无法在 127.0.0.1:{port} 上启动：端口 {port} 已被占用，"
                                              "请换一个端口（hotline serve --port N）或先停止占用它的程序")


def test_a_missing_routing_file_is_one_readable_line(env, tmp_path):
    missing = tmp_path / "no-such-table.toml"
    result = _run(["demo"], {**env, "HOTLINE_ROUTING_FILE": str(missing)})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"派单规则表文件无法读取：{missing}（文件不存在）；工单转话务员人工派单" in result.stderr


def test_one_shot_commands_on_a_new_or_unready_database(tmp_path, capsys):
    """A command run before the first ``serve`` finds no tables: the embedded default brings its schema up to
    date by itself (as ``serve`` does), a server database not yet upgraded says so in one line, and a database
    that does not answer is one line too — never a "no such table" traceback."""
    import uuid

    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url

    from tests.conftest import _pg_exec, _pg_url

    articles = tmp_path / "kb.tsv"
    articles.write_text("K1\ttitle\t犬证办理\nK1\tq\t养狗要办什么证\nK1\tanswer\t到居住地派出所办理犬证。\n",
                        encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "kb", "import", "--data", str(articles), "--approve"]) == 0
    assert "已导入 1 篇知识条目（已发布）" in capsys.readouterr().out
    assert main(["--data-dir", str(fresh), "holidays", "list"]) == 0   # a second command on the same base

    name = f"hl_cli_{uuid.uuid4().hex[:10]}"
    _pg_exec(f'CREATE DATABASE "{name}"')
    old = os.environ.get("HOTLINE_DATABASE_URL")
    try:
        os.environ["HOTLINE_DATABASE_URL"] = _pg_url(name)
        assert main(["--data-dir", str(tmp_path / "pg"), "kb", "import", "--data", str(articles)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("错误：数据库结构版本为 空库，需要 ") and "hotline db upgrade" in err[0]
        engine = create_engine(_pg_url(name))
        try:
            assert inspect(engine).get_table_names() == []   # the refused command created nothing
        finally:
            engine.dispose()
        # nothing listens on port 1
        os.environ["HOTLINE_DATABASE_URL"] = make_url(_pg_url(name)).set(port=1).render_as_string(hide_password=False)
        assert main(["--data-dir", str(tmp_path / "pg"), "sweep"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("错误：数据库不可用"), err
    finally:
        if old is None:
            os.environ.pop("HOTLINE_DATABASE_URL", None)
        else:
            os.environ["HOTLINE_DATABASE_URL"] = old
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
