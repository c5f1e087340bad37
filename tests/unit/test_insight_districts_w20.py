"""The districts insight reads a name's lead and a lake's lead with come from the registry's units (twentieth wave,
w20-one): a city with its own units has its own districts, none of 武汉's."""
from __future__ import annotations

import pytest

import insight.matter as matter
import routing.registry as registry
from routing.registry import UnitInfo, district_names, load_demo_registry

_CACHED = (matter._districts, matter._district_words, matter._district_lead, matter._lake_lead)


def _clear() -> None:
    for f in _CACHED:
        f.cache_clear()


def test_district_names_are_the_units_names_without_their_suffix():
    units = [UnitInfo("D-XH", "徐汇区人民政府", "district"), UnitInfo("D-CM", "崇明县人民政府", "district"),
             UnitInfo("D-XH-S1", "田林街道", "street", "D-XH"), UnitInfo("DEPT-X", "市某局", "department")]
    assert district_names(units) == ("徐汇", "崇明")
    demo = district_names(load_demo_registry()[0])
    assert len(demo) == 13 and {"江岸", "东西湖", "汉南"} <= set(demo)


@pytest.fixture
def other_city(monkeypatch):
    units = [UnitInfo("D-XH", "徐汇区人民政府", "district"), UnitInfo("D-MH", "闵行区人民政府", "district"),
             UnitInfo("D-DT", "大通湖区人民政府", "district")]
    monkeypatch.setattr(registry, "load_demo_registry", lambda: (units, []))
    _clear()
    yield
    monkeypatch.undo()
    _clear()


def test_the_demo_citys_districts_lead_a_name():
    assert matter._district_lead().match("江汉唐家墩地铁站")
    assert not matter._district_lead().match("徐汇田林新村")


def test_a_replaced_district_list_leads_a_name_and_a_lake(other_city):
    assert matter._district_lead().match("徐汇田林新村").group(0) == "徐汇"
    assert not matter._district_lead().match("江汉唐家墩地铁站")
    assert matter._lakes_said("闵行南湖里面漂满了垃圾", {}) == ["南湖"]
    assert matter._lakes_said("大通湖里面漂满了垃圾", {}) == []     # a district's own name is no lake


def test_a_district_said_without_its_kind():
    from routing.registry import district_said

    assert district_said("东西湖区") == "东西湖" and district_said("崇明县") == "崇明"
    assert district_said("江岸") == "" and district_said("东区") == ""
    assert matter._district_forms({"district_name": "黄陂区"}) == ("黄陂区", "黄陂")
    assert matter._district_forms({}) == ("", "")


def test_the_city_wide_limits_are_read_once():
    from insight.hotspots import _city_limits

    class Settings:
        def __init__(self, values):
            self.values = values

        def get(self, section, key, default=None):
            return self.values.get(key, default)

    assert _city_limits(Settings({})) == (5, 4.0, 2)
    assert _city_limits(Settings({"city_min_appeals": 7, "city_ratio": 3, "min_citizens": 3})) == (7, 3.0, 3)
