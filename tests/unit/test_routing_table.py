"""Routing table loading and validation, and rule precedence."""
import pytest

from routing import RoutingTableError, demo_table_text, load_demo_registry, load_table
from routing.registry import CategoryInfo, UnitInfo

UNITS = [UnitInfo("C", "热线中心", "centre"), UnitInfo("D-A", "甲区人民政府", "district", None, ("甲区",)),
         UnitInfo("D-A-CG", "甲区城管执法局", "department", "D-A"), UnitInfo("D-A-S01", "一街道", "street", "D-A"),
         UnitInfo("DEPT-X", "市某局", "department")]
CATS = [CategoryInfo("C01", "城乡建设"), CategoryInfo("C0101", "市政", "C01"), CategoryInfo("C010101", "占道经营", "C0101")]


def test_demo_table_loads_and_covers_every_first_level_category():
    units, cats = load_demo_registry()
    table = load_table(demo_table_text(), units, cats)
    covered = {table.categories.top(c) for r in table.rules for c in r.categories}
    assert covered == {c.code for c in cats if c.parent is None}
    assert any(r.fallback and r.lead == ("@district",) for r in table.rules)


def test_unknown_unit_names_the_rule_and_its_line():
    text = '[table]\nname = "t"\n\n[[rule]]\nid = "ok"\nlead = ["DEPT-X"]\n\n[[rule]]\nid = "bad"\nlead = ["DEPT-NOPE"]\n'
    with pytest.raises(RoutingTableError, match=r"第8行 规则 bad.*DEPT-NOPE"):
        load_table(text, UNITS, CATS)


def test_unknown_category_names_the_rule_and_its_line():
    text = '[[rule]]\nid = "c"\ncategory = ["城乡建设/没有这个"]\nlead = ["DEPT-X"]\n'
    with pytest.raises(RoutingTableError, match=r"第1行 规则 c.*未知分类"):
        load_table(text, UNITS, CATS)


@pytest.mark.parametrize("body, message", [
    ('lead = ["@district.ZZ"]', "没有任何区"),
    ('lead = ["@city"]', "未知的特殊单位"),
    ('lead = ["DEPT-X"]\nurgency = ["soon"]', "urgency"),
    ('lead = ["DEPT-X"]\ncolour = "red"', "未知字段"),
    ('assist = ["DEPT-X"]', "缺少 lead"),
])
def test_other_mistakes_are_refused(body, message):
    with pytest.raises(RoutingTableError, match=message):
        load_table(f'[[rule]]\nid = "r"\n{body}\n', UNITS, CATS)


def test_category_name_paths_resolve_to_codes():
    table = load_table('[[rule]]\nid = "r"\ncategory = ["城乡建设/市政/占道经营", "C01"]\nlead = ["@street"]\n', UNITS, CATS)
    assert table.rules[0].categories == ("C010101", "C01")


def test_broken_toml_is_a_routing_table_error():
    with pytest.raises(RoutingTableError, match="TOML"):
        load_table("[[rule]\nid=", UNITS, CATS)
