"""An administrator edits the routing table in the database; every process serves the new version."""
from __future__ import annotations

import pytest

from hotline.errors import Forbidden, InvalidInput
from hotline.ports import RoutingRequest
from hotline.services import registry

RULE = '''
[[rule]]
id = "test-lift"
name = "测试：电梯困人"
priority = 99
keywords_any = ["电梯困人"]
lead = ["DEPT-SJJ"]
confidence = 0.95
'''


def test_save_validate_reload_and_restore(make_hotline, database_url, actors):
    first = make_hotline(database_url)                       # loads the demo registry
    second = make_hotline(database_url, registry=False)      # another process on the same database
    first.router = registry.build_router_from_db(first)      # the real router on the demo table
    second.router = registry.build_router_from_db(second)
    assert isinstance(first.router, registry.ReloadingRouter)
    second.router.interval = 0
    request = RoutingRequest(text="武昌区某小区电梯困人半小时无人处理")
    before = first.router.route(request).unit
    assert before != "DEPT-SJJ"

    text, source, version = registry.routing_table_text(first)
    assert version is None and "演示城市" in source
    with pytest.raises(Forbidden):
        registry.save_routing_table(first, actor=actors["operator"], text=text + RULE)
    with pytest.raises(InvalidInput, match="DEPT-NOPE"):
        registry.save_routing_table(first, actor=actors["admin"], text=text + RULE.replace("DEPT-SJJ", "DEPT-NOPE"))
    assert first.router.route(request).unit == before         # a refused table changes nothing

    saved = registry.save_routing_table(first, actor=actors["admin"], text=text + RULE, note="电梯困人归市场监管")
    assert first.router.route(request).unit == "DEPT-SJJ"
    assert second.router.route(request).unit == "DEPT-SJJ"   # the other process noticed the new version
    assert registry.routing_table_text(second)[2] == saved["version"]

    restored = registry.activate_routing_version(first, actor=actors["admin"], version=saved["version"])
    assert restored["restored"] == saved["version"]
    versions = registry.list_routing_versions(first)
    assert [v["active"] for v in versions] == [True, False]


@pytest.fixture
def actors():
    from hotline.domain.vocab import Role
    from hotline.services.actors import Actor

    return {"admin": Actor(kind="user", name="管理员", role=Role.admin),
            "operator": Actor(kind="user", name="话务员", role=Role.operator)}


def test_rules_saved_in_the_data_directory_are_used_after_a_restart(tmp_path):
    from hotline.bootstrap import bootstrap
    from hotline.domain.rules import default_rules_text
    from hotline.queue import InlineQueue
    from hotline.settings import Settings

    settings = Settings(data_dir=tmp_path)
    (tmp_path / "rules.toml").write_text(default_rules_text().replace("complaint = 15", "complaint = 7"), "utf-8")
    hl = bootstrap(settings, queue=InlineQueue(), classifier=object(), router=object(), migrate=True)
    try:
        assert hl.rules.completion_workdays["complaint"] == 7
    finally:
        hl.close()
