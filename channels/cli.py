"""CLI commands of the channels: ``import-calls``, ``bot``, ``tablet``, ``open311-key``, ``notify``."""
from __future__ import annotations

import sys


def opened(args, **kw):
    from hotline.cli import opened as open_hotline

    return open_hotline(args, **kw)


def cmd_import_calls(args) -> int:
    from pathlib import Path

    from channels.importer import import_calls

    with opened(args, start_queue=True) as hl:
        def rejected(where, reason):
            print(f"拒收 {where}：{reason}", file=sys.stderr)

        report = import_calls(hl, Path(args.dir), progress=not args.no_progress, on_reject=rejected,
                              batch=args.batch)
    s = report.as_dict()
    print(f"文件 {s['files']} 个，通话 {s['calls']} 通：新建工单 {s['created']}，已存在 {s['existing']}，"
          f"跳过（已导入）{s['skipped']}，拒收 {s['rejected']}")
    return 1 if report.rejected else 0


def cmd_import_tickets(args) -> int:
    from pathlib import Path

    from channels.importer import import_tickets
    from hotline.errors import HotlineError

    with opened(args, start_queue=False) as hl:
        def rejected(where, reason):
            print(f"拒收 {where}：{reason}", file=sys.stderr)

        try:
            report = import_tickets(hl, Path(args.data), progress=not args.no_progress, on_reject=rejected,
                                    batch=args.batch)
        except HotlineError as exc:
            print(f"错误：{exc.message}", file=sys.stderr)
            return 2
    s = report.as_dict()
    print(f"读取 {s['calls']} 行：新建工单 {s['created']}，跳过（已导入）{s['skipped']}，文件内重复 {s['existing']}，"
          f"拒收 {s['rejected']}")
    return 1 if report.rejected else 0


def cmd_open311_key(args) -> int:
    from channels.open311 import create_key, revoke_key

    with opened(args, start_queue=False) as hl:
        if args.key_command == "create":
            print(create_key(hl, name=args.name))
        else:
            print(f"已吊销 {revoke_key(hl, name=args.name)} 个 api_key")
    return 0


def cmd_tablet(args) -> int:
    from channels.tablet import pair_device, unpair_devices

    with opened(args, start_queue=False) as hl:
        if args.tablet_command == "pair":
            token = pair_device(hl, window_code=args.window, name=args.name or "")
            print(token)
            print(f"请在评价器上打开：http://<服务器地址>/tablet#token={token}", file=sys.stderr)
        else:
            print(f"已解除 {unpair_devices(hl, window_code=args.window)} 台评价器的配对")
    return 0


def cmd_bot(args) -> int:
    import asyncio

    from channels.bot import run_polling

    with opened(args, start_queue=True) as hl:
        print("机器人已启动（长轮询），按 Ctrl+C 退出")
        asyncio.run(run_polling(hl))
    return 0


def cmd_notify(args) -> int:
    from channels.notify import set_opt_out
    from hotline.errors import HotlineError

    with opened(args, start_queue=False) as hl:
        try:
            set_opt_out(hl, channel=args.channel, address=args.address, opt_out=args.notify_command == "opt-out",
                        source="cli")
        except HotlineError as exc:
            print(f"错误：{exc.message}", file=sys.stderr)
            return 2
    print("已退订：不再向该号码/账号发送消息" if args.notify_command == "opt-out" else "已恢复接收消息")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("import-calls", help="导入通话转写（目录下的 JSON / JSONL 文件，可中断后续传）")
    p.add_argument("dir", help="通话记录所在目录")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.add_argument("--batch", type=int, default=500, help="每个事务导入的条数（默认 500）")
    p.set_defaults(func=cmd_import_calls)

    p = subparsers.add_parser("import-tickets", help="导入已办结的历史工单（CSV，可中断后重新运行续传，不发消息、不派单）")
    p.add_argument("--data", required=True, help="CSV 文件：number, created_at, content, closed_at 必填，"
                                                 "可选 title, channel, appeal_type, urgency, category, unit, "
                                                 "status, answer, solved, satisfaction")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.add_argument("--batch", type=int, default=500, help="每个事务导入的条数（默认 500）")
    p.set_defaults(func=cmd_import_tickets)

    p = subparsers.add_parser("open311-key", help="Open311 客户端的 api_key")
    ks = p.add_subparsers(dest="key_command", required=True)
    c = ks.add_parser("create", help="创建 api_key 并打印（只显示一次，库中只存散列）")
    c.add_argument("--name", required=True, help="客户端名称")
    r = ks.add_parser("revoke", help="吊销该名称的 api_key")
    r.add_argument("--name", required=True, help="要吊销的密钥名称")
    p.set_defaults(func=cmd_open311_key)

    p = subparsers.add_parser("tablet", help="窗口评价器（一窗一码）")
    ts = p.add_subparsers(dest="tablet_command", required=True)
    c = ts.add_parser("pair", help="为窗口配对一台评价器，打印其令牌（只显示一次，库中只存散列）")
    c.add_argument("--window", required=True, help="窗口编码")
    c.add_argument("--name", help="设备名称")
    c = ts.add_parser("unpair", help="解除该窗口所有评价器的配对")
    c.add_argument("--window", required=True, help="窗口编码（吊销该窗口的全部评价器）")
    p.set_defaults(func=cmd_tablet)

    p = subparsers.add_parser("bot", help="以长轮询方式运行 Telegram 机器人（需配置 bot_token）")
    p.set_defaults(func=cmd_bot)

    p = subparsers.add_parser("notify", help="市民消息：登记退订或恢复接收（只保存号码的散列）")
    ns = p.add_subparsers(dest="notify_command", required=True)
    for name, text in (("opt-out", "退订"), ("opt-in", "恢复接收")):
        c = ns.add_parser(name, help=text)
        c.add_argument("address", help="手机号（sms）、Telegram 聊天 ID（bot）或 openid（miniprogram）")
        c.add_argument("--channel", default="sms", choices=["sms", "bot", "miniprogram"],
                       help="哪个渠道的消息（sms 短信、bot 聊天机器人、miniprogram 小程序），默认 sms")
    p.set_defaults(func=cmd_notify)
