"""The command line's parser in Chinese: usage, section titles, -h and argparse's own error messages.

``ChineseArgumentParser`` is what ``hotline`` and every package's ``cli.register`` build on (sub-commands
inherit the class). A user error is one line on stderr, ``错误：…（查看用法：hotline … -h）``, exit code 2.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's messages (Python 3.11+) → Chinese; the first pattern that matches is used
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^the following arguments are required: (.*)$", r"缺少必填参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^one of the arguments (.*) is required$", r"参数 \1 须提供其中之一"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"选项 \1 有歧义，可能是：\2"),
    (r"^argument 命令: invalid choice: (.*) \(choose from (.*)\)$", r"没有这个命令：\1（可选：\2）"),
    (r"^argument (.+?): invalid choice: (.*) \(choose from (.*)\)$", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"^argument (.+?): invalid int value: (.*)$", r"参数 \1 须为整数，收到 \2"),
    (r"^argument (.+?): invalid float value: (.*)$", r"参数 \1 须为数字，收到 \2"),
    (r"^argument (.+?): invalid (\S+) value: (.*)$", r"参数 \1 的取值 \3 无效"),
    (r"^argument (.+?): expected one argument$", r"参数 \1 后面需要一个值"),
    (r"^argument (.+?): expected at least one argument$", r"参数 \1 后面至少需要一个值"),
    (r"^argument (.+?): expected at most one argument$", r"参数 \1 后面至多一个值"),
    (r"^argument (.+?): not allowed with argument (.*)$", r"参数 \1 不能与 \2 同时使用"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"参数 \1 不接受取值 \2"),
    (r"^argument (.+?): (.*)$", r"参数 \1：\2"),
))


def translate(message: str) -> str:
    for pattern, replacement in MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, prog: str | None = None, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(prog, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"错误：{translate(message)}（查看用法：{self.prog} -h）\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def port_number(raw: str) -> int:
    """An argparse type: a TCP port, 1–65535."""
    try:
        port = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"端口须为 1–65535 的整数，收到 {raw!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"端口须在 1–65535 之间，收到 {port}")
    return port
