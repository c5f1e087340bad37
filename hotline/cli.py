"""The ``hotline`` command line: serve, worker, db, demo, users, token, holidays, kb, sweep, and the
classifier and routing commands of their packages."""
from __future__ import annotations

import argparse
import errno
import gc
import json
import logging
import os
import sys
from datetime import date
from contextlib import contextmanager
from typing import Iterator, Sequence

from sqlalchemy.exc import InterfaceError, OperationalError

from hotline.cliparse import ChineseArgumentParser, port_number
from hotline.domain.privacy import install_log_redaction
from hotline.domain.rules import RulesError
from hotline.errors import HotlineError
from hotline.settings import SettingsError, load_settings

log = logging.getLogger("hotline")


def _settings(args):
    return load_settings(getattr(args, "config", None), data_dir=getattr(args, "data_dir", None))


def _schema_ready(settings) -> None:
    """Every command works on a current schema: the embedded default (SQLite) brings itself up to date, as
    ``serve`` always did; a server database must have been upgraded by ``hotline db upgrade`` (SettingsError:
    one line, not a "no such table" traceback from the first query)."""
    from hotline import db

    settings.ensure_dirs()
    url = settings.effective_database_url
    engine = db.make_engine(url)
    try:
        current = db.current_revision(engine)
    finally:
        engine.dispose()
    head = db.head_revision(url)
    if current == head:
        return
    if url.startswith("sqlite"):
        db.upgrade(url)
        return
    raise SettingsError(f"数据库结构版本为 {current or '空库'}，需要 {head}；请先运行 hotline db upgrade")


def _hotline(args, **kw):
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue

    settings = _settings(args)
    _schema_ready(settings)
    kw.setdefault("queue", InlineQueue())
    return bootstrap(settings, **kw)


@contextmanager
def opened(args, **kw) -> Iterator:
    """The application context a one-shot command works in (background work runs inline), closed after."""
    hl = _hotline(args, **kw)
    try:
        yield hl
    finally:
        hl.close()


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# -- serve / worker ---------------------------------------------------------------------------
def cmd_serve(args) -> int:
    from aiohttp import web

    from hotline.bootstrap import bootstrap
    from hotline.web.app import create_app

    settings = _settings(args)
    _schema_ready(settings)
    if args.demo:
        from hotline.demo import load_demo

        from hotline.bootstrap import AbstainingClassifier

        hl = bootstrap(settings, start_queue=False, classifier=AbstainingClassifier())
        try:
            if not load_demo(hl, only_if_empty=True, quiet=False, kb=True):
                print("演示数据已存在，直接启动。")
        finally:
            hl.engine.dispose()
    host = args.host or settings.host
    port = args.port or settings.port
    if not 1 <= int(port) <= 65535:
        print(f"错误：端口须在 1–65535 之间，收到 {port}（HOTLINE_PORT 或配置文件）", file=sys.stderr)
        return 2
    hl = bootstrap(settings, web=True)
    app = create_app(hl)
    from hotline.services import knowledge

    knowledge.warm(hl)   # the knowledge-base index, built while the socket opens
    warm_check = getattr(getattr(hl.router, "triage_check", None), "warm", None)
    if warm_check is not None:
        warm_check()     # the shipped triage check, trained in the background for the intake's queue-front decision

    async def _close(_app):
        hl.close()

    async def _freeze(_app):
        # what start-up loaded (models, word lists, routes: ~240,000 objects) lives as long as the
        # process: out of the garbage collector's sight, a full collection no longer walks it (one took
        # 270-320 ms here, every request of the process waiting meanwhile)
        gc.collect()
        gc.freeze()

    app.on_startup.append(_freeze)
    app.on_cleanup.append(_close)
    ready = f"hotline 已启动：http://{host}:{port}/  （数据库 {hl.engine.dialect.name}，队列 {hl.queue.kind}）"
    # run_app calls `print` once the socket is bound: only then is the service really up
    try:
        web.run_app(app, host=host, port=port, print=lambda _msg: print(ready, flush=True), access_log=None)
    except OSError as exc:
        hl.close()
        reasons = {errno.EADDRINUSE: f"端口 {port} 已被占用，请换一个端口（hotline serve --port N）或先停止占用它的程序",
                   errno.EACCES: f"没有权限监听端口 {port}（1024 以下的端口需要管理员权限）",
                   errno.EADDRNOTAVAIL: f"本机没有地址 {host}，请检查 --host 或 HOTLINE_HOST"}
        print(f"错误：无法在 {host}:{port} 上启动：{reasons.get(exc.errno or 0, exc.strerror or str(exc))}", file=sys.stderr)
        return 2
    return 0


def cmd_worker(args) -> int:
    from hotline.worker import run_worker

    settings = _settings(args)
    if not settings.redis_url:
        print("错误：hotline worker 需要 Redis（设置 HOTLINE_REDIS_URL）；嵌入模式下后台任务在 serve 进程内运行",
              file=sys.stderr)
        return 2
    return run_worker(settings, burst=args.burst, fork=args.fork)


# -- db ----------------------------------------------------------------------------------------
def cmd_db(args) -> int:
    from hotline import db

    settings = _settings(args)
    settings.ensure_dirs()
    url = settings.effective_database_url
    if args.db_command == "upgrade":
        from alembic.util.exc import CommandError

        try:
            db.upgrade(url, args.revision)
        except CommandError as exc:
            if "Can't locate revision" in str(exc) or "No such revision" in str(exc):
                print(f"错误：没有这个数据库结构版本：{args.revision}（最新为 {db.head_revision(url)}）", file=sys.stderr)
            else:
                print(f"错误：数据库升级失败：{exc}", file=sys.stderr)
            return 2
        print(f"数据库已升级到 {args.revision}")
    elif args.db_command == "check":
        from alembic.util.exc import AutogenerateDiffsDetected

        try:
            db.check(url)
        except AutogenerateDiffsDetected as exc:
            print(f"错误：模型与迁移不一致：{exc}", file=sys.stderr)
            return 1
        print("模型与迁移一致")
    elif args.db_command == "partitions":
        return _db_partitions(settings, args)
    else:
        engine = db.make_engine(url)
        print(f"current={db.current_revision(engine)} head={db.head_revision(url)}")
        engine.dispose()
    return 0


def _month(value: str):
    from datetime import datetime

    try:
        return datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份格式应为 YYYY-MM，例如 2024-01：{value}") from None


def _db_partitions(settings, args) -> int:
    """Create the monthly partitions ahead and apply retention (the worker also does it every sweep)."""
    from datetime import datetime, timezone

    from sqlalchemy.exc import SQLAlchemyError

    from hotline import db
    from models import partitions

    engine = db.make_engine(settings.effective_database_url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name != "postgresql":
                print("嵌入式数据库（SQLite）不分区，无需维护")
                return 0
            done = partitions.maintain(conn, datetime.now(timezone.utc), settings.retention, ahead=args.ahead,
                                       since=args.since)
            conn.commit()
            for spec in partitions.TABLES:
                names = partitions.partitions(conn, spec.table)
                months = [n for n in names if not n.endswith("_default")]
                keep = settings.retention.get(spec.table, 0)
                span = f"{months[0][-6:]}–{months[-1][-6:]}" if months else "无"
                print(f"{spec.table}：按月分区 {len(months)} 个（{span}），保留"
                      f"{f'最近 {keep} 个月' if keep else '全部'}")
    except SQLAlchemyError as exc:
        print(f"错误：无法维护分区：{exc.__class__.__name__}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"新建 {len(done['created'])} 个分区，删除 {len(done['dropped'])} 个过期分区")
    return 0


# -- demo, users, tokens ----------------------------------------------------------------------
def cmd_demo(args) -> int:
    from hotline import db
    from hotline.demo import load_demo

    settings = _settings(args)
    settings.ensure_dirs()
    db.upgrade(settings.effective_database_url)
    with opened(args, start_queue=True) as hl:
        load_demo(hl, only_if_empty=False, quiet=False, kb=True)
        if getattr(args, "simulate_days", 0):
            try:
                from hotline.simulate import simulate
            except ImportError:
                print("错误：本版本尚不支持 --simulate-days", file=sys.stderr)
                return 2
            summary = simulate(hl, days=args.simulate_days, seed=args.seed)
            _print_json(summary)
    return 0


def cmd_users(args) -> int:
    from hotline.services.auth import create_user

    with opened(args, start_queue=False) as hl:
        user = create_user(hl, username=args.username, password=args.password, role=args.role,
                           unit_code=args.unit, display_name=args.name or "")
    print(f"已创建用户 {user['username']}（角色 {user['role']}{'，单位 ' + user['unit'] if user['unit'] else ''}）")
    return 0


def cmd_token(args) -> int:
    from hotline.services.auth import create_token, revoke_token

    with opened(args, start_queue=False) as hl:
        if args.token_command == "create":
            print(create_token(hl, name=args.name, role=args.role, unit_code=args.unit))
        else:
            n = revoke_token(hl, name=args.name)
            print(f"已吊销 {n} 个令牌")
    return 0


def cmd_holidays(args) -> int:
    from hotline.bootstrap import AbstainingClassifier
    from hotline.services import registry

    # the holiday table needs no classifier: skip loading (or training) the model
    with opened(args, start_queue=False, classifier=AbstainingClassifier()) as hl:
        if args.holidays_command == "list":
            _print_json(registry.list_holidays(hl, year=args.year))
            return 0
        if args.holidays_command == "import":
            return _import_holidays(hl, args)
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            print(f"错误：日期格式应为 YYYY-MM-DD：{args.day}", file=sys.stderr)
            return 2
        try:
            if args.holidays_command == "set":
                result = registry.set_holiday(hl, day=day, workday=args.workday == "work", note=args.note or "")
                print(f"{day} 设为{'上班' if args.workday == 'work' else '放假'}")
            else:
                result = registry.delete_holiday(hl, day=day)
                print(f"已删除 {day} 的设置")
        except HotlineError as exc:
            print(f"错误：{exc.message}", file=sys.stderr)
            return 2
        _print_moved(result)
    return 0


def _print_moved(result: dict) -> None:
    print(f"重新计算时限：工单 {len(result['tickets_moved'])} 件，整改单 {len(result['cases_moved'])} 件"
          "（每件的操作记录中有调整前后的时限）")


def _import_holidays(hl, args) -> int:
    from hotline.services.holidays import change_days, parse_notice

    try:
        with open(args.file, encoding="utf-8") as fh:
            text = fh.read(1024 * 1024)
        days = parse_notice(text, args.year)
        if args.dry_run:
            _print_json([{"day": d.day.isoformat(), "workday": d.workday, "note": d.note} for d in days])
            return 0
        result = change_days(hl, days, source=f"导入 {os.path.basename(args.file)}")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"错误：无法读取文件 {args.file}：{exc.__class__.__name__}", file=sys.stderr)
        return 2
    except HotlineError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    off = sum(1 for d in days if not d.workday)
    print(f"已导入 {len(days)} 天：放假 {off} 天，调休上班 {len(days) - off} 天")
    _print_moved(result)
    return 0


def cmd_kb(args) -> int:
    """``hotline kb import --data FILE.tsv``: a city's articles (the format of hotline/demo_city/kb.tsv) into the
    knowledge base, each with its first version; drafts unless ``--approve``."""
    import dataclasses

    from hotline.bootstrap import AbstainingClassifier
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM

    try:
        with open(args.data, encoding="utf-8-sig") as fh:
            text = fh.read(20 * 1024 * 1024)
    except UnicodeDecodeError:
        print(f"错误：文件 {args.data} 不是 UTF-8 编码的文本", file=sys.stderr)
        return 2
    articles = knowledge.parse_articles(text)     # a bad line: InvalidInput, one line from main()
    status = "approved" if args.approve else "draft"
    author = dataclasses.replace(SYSTEM, name=args.by)
    with opened(args, start_queue=False, classifier=AbstainingClassifier()) as hl:
        with hl.uow() as uow:
            written = knowledge.import_articles(uow.session, articles, actor=author, now=hl.now(), status=status,
                                                note=f"导入 {os.path.basename(args.data)}")
            uow.commit()
    updated = sum(a.version > 1 for a in written)
    print(f"已导入 {len(written)} 篇知识条目（{'已发布' if args.approve else '草稿，审核后发布'}）："
          f"新增 {len(written) - updated}，更新 {updated}，内容未变 {len(articles) - len(written)}")
    return 0


def cmd_retrain(args) -> int:
    from hotline.services.learning import retrain_classifier

    with opened(args, start_queue=False) as hl:
        result = retrain_classifier(hl)
    print(f"已训练并启用分类模型 {result['version']}（含 {result['corrections']} 条人工更正）")
    return 0


def _routing_history(args):
    from hotline.services.learning import routing_history

    with opened(args, start_queue=False) as hl:
        yield from routing_history(hl)


def _classifier_for(args):
    from hotline.bootstrap import default_classifier

    return default_classifier(_settings(args))


def cmd_sweep(args) -> int:
    from hotline.services.sweep import sweep

    with opened(args, start_queue=True) as hl:
        _print_json(sweep(hl).as_dict())
    return 0


# -- parser -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = ChineseArgumentParser(prog="hotline", description="12345 政务服务便民热线与好差评系统")
    p.add_argument("--config", help="配置文件（TOML），也可用 HOTLINE_CONFIG")
    p.add_argument("--data-dir", help="数据目录（默认 ~/.local/share/hotline，或 HOTLINE_DATA_DIR）")
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="显示运行日志（含数据库迁移信息）；-vv 显示调试日志")
    sub = p.add_subparsers(dest="command", metavar="命令", title="命令")

    s = sub.add_parser("serve", help="启动 Web 服务（API 与控制台）")
    s.add_argument("--host", help="监听地址（默认 127.0.0.1，或 HOTLINE_HOST）")
    s.add_argument("--port", type=port_number, help="端口 1–65535（默认 8080，或 HOTLINE_PORT）")
    s.add_argument("--demo", action="store_true", help="数据库为空时先载入演示城市")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("worker", help="运行 rq 后台任务进程（生产模式，需要 Redis）")
    s.add_argument("--burst", action="store_true", help="处理完队列后退出")
    s.add_argument("--fork", action="store_true",
                   help="每个任务在单独的子进程中运行（隔离更强，吞吐约为默认的七分之一）")
    s.set_defaults(func=cmd_worker)

    s = sub.add_parser("db", help="数据库结构")
    dbs = s.add_subparsers(dest="db_command", required=True)
    up = dbs.add_parser("upgrade", help="升级到最新结构")
    up.add_argument("revision", nargs="?", default="head", help="目标版本（默认 head，即最新）")
    dbs.add_parser("check", help="检查模型与迁移是否一致（alembic check）")
    dbs.add_parser("current", help="显示当前版本")
    part = dbs.add_parser("partitions", help="PostgreSQL：提前建好按月分区并按保留期删除过期分区（worker 每次巡检时也会执行）")
    part.add_argument("--ahead", type=int, default=3, help="提前建好的月数（默认 3）")
    part.add_argument("--since", type=_month, metavar="YYYY-MM",
                      help="同时建好自该月起的历史分区（导入历史数据之前运行，数据直接落入对应月份）")
    s.set_defaults(func=cmd_db)

    s = sub.add_parser("demo", help="载入演示城市（武汉）：单位、分类、派单规则、演示账号")
    s.add_argument("--simulate-days", type=int, default=0, help="模拟若干天的业务数据")
    s.add_argument("--seed", type=int, default=12345, help="模拟用的随机种子（相同种子得到相同数据）")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("users", help="用户管理")
    us = s.add_subparsers(dest="users_command", required=True)
    c = us.add_parser("create", help="创建用户")
    c.add_argument("--username", required=True, help="登录名")
    c.add_argument("--password", required=True, help="初始密码")
    c.add_argument("--role", required=True, help="operator / unit / supervisor / admin")
    c.add_argument("--unit", help="单位编码（承办单位账号必填）")
    c.add_argument("--name", help="显示名")
    s.set_defaults(func=cmd_users)

    s = sub.add_parser("token", help="API 令牌")
    ts = s.add_subparsers(dest="token_command", required=True)
    c = ts.add_parser("create", help="创建令牌并打印（只显示一次）")
    c.add_argument("--name", required=True, help="令牌名称（吊销时用）")
    c.add_argument("--role", required=True, help="operator / unit / supervisor / admin / channel")
    c.add_argument("--unit", help="单位编码（承办单位令牌必填）")
    r = ts.add_parser("revoke", help="吊销令牌")
    r.add_argument("--name", required=True, help="要吊销的令牌名称")
    s.set_defaults(func=cmd_token)

    s = sub.add_parser("holidays", help="节假日覆盖表（chinesecalendar 未收录的年份）")
    hs = s.add_subparsers(dest="holidays_command", required=True)
    c = hs.add_parser("set", help="设置某日上班或放假")
    c.add_argument("day", help="YYYY-MM-DD")
    c.add_argument("workday", choices=["work", "off"], help="work 上班 / off 放假")
    c.add_argument("--note", help="说明（如：2027 年春节调休）")
    c = hs.add_parser("delete", help="删除某日设置")
    c.add_argument("day", help="YYYY-MM-DD")
    c = hs.add_parser("list", help="列出设置")
    c.add_argument("--year", type=int, help="只列出这一年")
    c = hs.add_parser("import", help="导入国务院办公厅节假日安排通知（UTF-8 文本）或“YYYY-MM-DD off|work 备注”行")
    c.add_argument("file", help="通知文本文件（UTF-8）")
    c.add_argument("--year", type=int, help="通知标题中没有年份时指定")
    c.add_argument("--dry-run", action="store_true", help="只列出解析出的日期，不写入")
    s.set_defaults(func=cmd_holidays)

    s = sub.add_parser("kb", help="知识库")
    ks = s.add_subparsers(dest="kb_command", required=True)
    c = ks.add_parser("import", help="从 TSV 文件批量导入知识条目（格式同 hotline/demo_city/kb.tsv：编号、类别、内容三列）")
    c.add_argument("--data", required=True, metavar="文件", help="UTF-8 的 TSV 文件")
    c.add_argument("--approve", action="store_true", help="导入后直接发布（默认为草稿，审核后发布）")
    c.add_argument("--by", default="批量导入", metavar="名字", help="记录为作者的名字（默认：批量导入）")
    s.set_defaults(func=cmd_kb)

    s = sub.add_parser("sweep", help="立即执行一次时限巡检（预警、催办、督办、通报）")
    s.set_defaults(func=cmd_sweep)

    s = sub.add_parser("retrain", help="用基础语料加话务员更正重新训练分类模型，并立即启用（可用 classifier rollback 回滚）")
    s.set_defaults(func=cmd_retrain)

    from channels import cli as channels_cli
    from classifier import cli as classifier_cli
    from insight import cli as insight_cli
    from rectification import cli as rectification_cli
    from routing import cli as routing_cli

    classifier_cli.register(sub)
    routing_cli.register(sub)
    routing_cli.set_history_source(_routing_history)  # `hotline routing train` learns from closed tickets
    routing_cli.set_classifier_source(_classifier_for)  # `route explain` classifies as intake does
    rectification_cli.register(sub)
    channels_cli.register(sub)
    insight_cli.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # a one-shot command prints its answer and nothing else; the server and the worker log what they do
    quiet = args.verbose == 0 and getattr(args, "command", None) not in ("serve", "worker")
    logging.basicConfig(level=logging.DEBUG if args.verbose > 1 else logging.WARNING if quiet else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # 7–9 INFO lines per migration run
    install_log_redaction()
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (HotlineError, SettingsError, RulesError) as exc:
        print(f"错误：{getattr(exc, 'message', None) or exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"错误：找不到文件：{exc.filename or exc}", file=sys.stderr)
        return 2
    except IsADirectoryError as exc:
        print(f"错误：应为文件，但这是一个目录：{exc.filename or exc}", file=sys.stderr)
        return 2
    except PermissionError as exc:
        print(f"错误：没有权限读写：{exc.filename or exc}", file=sys.stderr)
        return 2
    except (OperationalError, InterfaceError) as exc:
        # the database is down, refuses the connection or the credentials: one line, no SQL, no traceback
        print(f"错误：数据库不可用，请检查数据库服务和 HOTLINE_DATABASE_URL（{exc.orig.__class__.__name__ if exc.orig else exc.__class__.__name__}）",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
