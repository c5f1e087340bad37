"""Landmark readings of the twenty-sixth wave (helper w26-lm): a theatre, a concert hall, a science museum or an
exhibition hall keeps its kind as a museum does (湖北剧院 keeps 剧院), so its own matter said without the kind is culture
and tourism's (文旅) while a stall or a jam at its gate is not; a hospital's campus said short (省人民东院) and the
province's university of Chinese medicine said without the province (中医药大学, 湖中医) are placed — the campus said
after the university (黄家湖校区) then decides between the districts both span; and tuning56g keeps its figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route   # the twenty-third wave's helper


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("湖北剧院里面的座位好多是坏的，坐下去就往下塌", "D-WC"),
    ("琴台音乐厅的演出说好七点半开始，八点多才开场", "D-HY"),
    ("武汉科技馆周末的预约票一放出来就没了，带伢去了进不去", "D-JA"),
])
def test_a_theatre_or_science_museum_s_own_matter_is_culture_s(router, text, district):
    d = _route(router, text)
    assert d.unit == "DEPT-WLJ", (d.unit, d.assisting_units)
    assert d.district == district


@pytest.mark.parametrize("text,unit", [
    ("琴台大剧院门口的摊子把人行道都占了，走路都过不去", "D-HY-CG"),
    ("武汉科技馆门口的马路上车子乱停，把路堵死了", "DEPT-JGJ"),
])
def test_a_theatre_s_gate_is_only_where_the_matter_is(router, text, unit):
    d = _route(router, text)
    assert d.unit == unit, (d.unit, d.assisting_units)


@pytest.mark.parametrize("text,district,unit", [
    ("省人民东院的入院处说没有床，叫我们回家等电话", "D-HS", "DEPT-WJW"),
    ("中医药大学黄家湖校区的校车早上只有一趟，学生上课都迟到", "D-HS", "DEPT-JYJ"),
])
def test_short_names_read_from_tuning56g_find_their_district(router, text, district, unit):
    d = _route(router, text)
    assert d.district == district, d.district
    assert d.unit == unit, (d.unit, d.assisting_units)


def test_the_university_said_alone_stays_between_its_districts(router):
    # 湖中医 has campuses in 武昌 and 洪山: said with nothing else, no district is guessed
    p = router.locate("湖中医的宿舍一直没有空调")
    assert p.district is None and set(p.candidates) == {"D-HS", "D-WC"}


def test_tuning56g_keeps_its_figures(router):
    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS["tuning56g"]), repeat=1)
    assert res["lead_or_assisting"] >= 0.90 and res["district"] >= 0.93, (res["lead_or_assisting"], res["district"])
    assert res["ordinary_flagged_emergency"] == 0 and res["ordinary_redirected"] == 0
