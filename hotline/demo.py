"""The demo city (武汉): its units and category tree, the routing table, and demo accounts."""
from __future__ import annotations

import dataclasses
from importlib import resources

from sqlalchemy import func, select

from hotline.services.auth import create_token, create_user
from hotline.services.registry import load_registry_files
from models import Unit, User
from models.insight import KbArticle

DEMO_PASSWORD = "hotline-demo"

# username, role, unit code, display name
DEMO_USERS = [
    ("admin", "admin", None, "系统管理员"),
    ("operator", "operator", None, "话务员 王芳"),
    ("operator2", "operator", None, "话务员 李娜"),
    ("supervisor", "supervisor", None, "督办科 陈静"),
    ("rsj", "unit", "DEPT-RSJ", "市人社局 联络员"),
    ("cgw", "unit", "DEPT-CGW", "市城管执法委 联络员"),
    ("swj", "unit", "DEPT-SWJ", "市水务局 联络员"),
    ("jiangan", "unit", "D-JA", "江岸区 联络员"),
    ("wuchang", "unit", "D-WC", "武昌区 联络员"),
    ("hongshan", "unit", "D-HS", "洪山区 联络员"),
    ("jiangan-cg", "unit", "D-JA-CG", "江岸区城管执法局 联络员"),
    ("wuchang-cg", "unit", "D-WC-CG", "武昌区城管执法局 联络员"),
]


STARTER_AUTHOR = "演示城市知识库"


def starter_articles(text: str | None = None) -> dict[str, dict]:
    """The demo city's starter knowledge base (``hotline/demo_city/kb.tsv``): article key → title, questions,
    answer and, where given, unit (the owning body, as a name), source and valid (``from/to``)."""
    from hotline.services.knowledge import parse_articles

    if text is None:
        text = resources.files("hotline.demo_city").joinpath("kb.tsv").read_text(encoding="utf-8")
    return parse_articles(text)


def load_demo_kb(hl) -> int:
    """Put the starter articles into an empty knowledge base, approved (a city's own base is left alone: nothing
    is loaded once any article exists). Returns how many were loaded."""
    from hotline.services import knowledge
    from hotline.services.actors import SYSTEM

    author = dataclasses.replace(SYSTEM, name=STARTER_AUTHOR)
    with hl.uow() as uow:
        s = uow.session
        if s.scalar(select(func.count(KbArticle.id))):
            return 0
        loaded = knowledge.import_articles(s, starter_articles(), actor=author, now=hl.now(), status="approved",
                                           note=STARTER_AUTHOR)
        uow.commit()
    return len(loaded)


def load_demo(hl, *, only_if_empty: bool = False, quiet: bool = True, kb: bool = False) -> bool:
    """Load the demo city (with ``kb``, also its starter knowledge base into an empty one). Returns False when
    ``only_if_empty`` and units already exist."""
    with hl.sessions() as s:
        has_units = s.scalar(select(func.count(Unit.id))) > 0
        existing_users = set(s.scalars(select(User.username)))
    if only_if_empty and has_units:
        return False
    counts = load_registry_files(hl)
    created = []
    for username, role, unit, name in DEMO_USERS:
        if username in existing_users:
            continue
        with hl.sessions() as s:
            if unit and not s.scalar(select(Unit.id).where(Unit.code == unit)):
                continue
        create_user(hl, username=username, password=DEMO_PASSWORD, role=role, unit_code=unit, display_name=name)
        created.append((username, role, unit, name))
    tokens = {
        "operator": create_token(hl, name="demo-operator", role="operator"),
        "channel": create_token(hl, name="demo-channel", role="channel"),
        "unit:D-JA": create_token(hl, name="demo-unit-jiangan", role="unit", unit_code="D-JA"),
        "supervisor": create_token(hl, name="demo-supervisor", role="supervisor"),
        "admin": create_token(hl, name="demo-admin", role="admin"),
    }
    from hotline.bootstrap import default_router
    from rectification import load_demo as load_demo_windows

    hl.router = default_router(hl)  # the units are there now: load the routing table
    load_demo_windows(hl)
    articles = load_demo_kb(hl) if kb else 0
    if not quiet:
        print(f"演示城市已载入：{counts['units']} 个单位，{counts['categories']} 个分类。")
        if articles:
            print(f"演示知识库：{articles} 篇已审核的知识文章。")
        if created:
            print(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
            for username, role, unit, name in created:
                print(f"  {username:<12} {role:<10} {unit or '':<10} {name}")
        print("API 令牌（Authorization: Bearer <令牌>，只显示这一次）：")
        for label, token in tokens.items():
            print(f"  {label:<12} {token}")
    return True
