"""The twenty-sixth wave's dispatch readings (issue 11, helper w26-disp): a very short appeal that opens on a short place
name set apart from the matter (花桥 垃圾桶满了, 前川，路灯坏了) names its place, typed or transcribed; approvals passed between offices said as
such (并联审批, 互为前置) are 政务服务's; the business environment said as such (营商环境, inspections by one office after
another) is 发改's, 政务服务 assisting, while a concrete matter said beside it leads; and tuning55 keeps its figures.
Sentences written for these tests, not taken from any dev part."""

import runpy
from pathlib import Path

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo():
    return demo_router()


def _route(demo, text):
    return demo.route(RoutingRequest(text=text))


@pytest.mark.parametrize("text, district", [
    ("花桥 垃圾桶满了", "D-JA"),             # typed with a space: read as a transcript, its words joined
    ("花桥，垃圾桶满了", "D-JA"),
    ("喂 那个 花桥 路灯 坏了", "D-JA"),
    ("永清 路灯不亮", "D-JA"),
])
def test_a_short_name_opening_the_appeal_is_its_place(demo, text, district):
    d = _route(demo, text)
    assert d.district == district, (text, d.district, d.unit)
    assert d.unit.startswith(district), (text, d.unit)


@pytest.mark.parametrize("text", ["和平 路灯坏了", "车站 有人乱停车"])
def test_an_everyday_word_opening_the_appeal_stays_a_word(demo, text):
    assert _route(demo, text).district is None, text


def test_approvals_passed_between_offices_are_government_services(demo):
    d = _route(demo, "我们企业办个项目，两个审批互为前置，这边要那边的批文，那边要这边的，到底怎么办")
    assert "DEPT-ZWJ" in (d.unit, *d.assisting_units), (d.unit, d.assisting_units, d.rule)


def test_the_business_environment_said_as_such_is_development_and_reforms(demo):
    d = _route(demo, "我们开个小作坊，今年来检查的部门一个接一个，这个月就来了五拨，这样的营商环境叫人怎么做")
    assert d.unit == "DEPT-FGW", (d.unit, d.rule)
    assert "DEPT-ZWJ" in d.assisting_units, d.assisting_units


def test_a_concrete_matter_beside_the_business_environment_leads(demo):
    # a fee cut-off by the water company said with 营商环境: the supply is the matter
    d = _route(demo, "营商环境这么差，我们店停水三天了，自来水公司一个人都冇来")
    assert d.unit == "UTIL-WATER", (d.unit, d.rule)


def test_tuning55_keeps_its_figures(demo):
    bench = runpy.run_path(str(ROOT / "bench" / "bench_dispatch.py"), run_name="bench_dispatch_w26disp")
    res = bench["evaluate"](demo, bench["load_devset"](bench["PARTS"]["tuning55"]), repeat=1)
    assert res["lead_or_assisting"] >= 0.89, (res["lead_or_assisting"], res["misses"][:10])
    assert res["district"] >= 0.95, (res["district"], res["misses"][:10])
    assert res["ordinary_flagged_emergency"] <= 0.02 and res["ordinary_redirected"] <= 0.02
