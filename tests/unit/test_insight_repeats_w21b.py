"""Repeat appeals, twenty-first wave's wrong-merges round (w21-rpw): two complaints at one refuse point (rubbish
burnt beside it, its stink against its trucks' noise) are two matters, while its stink and its flies stay one;
the parts citizens name of a few kinds of place — a works estate's numbered 街坊, a station's squares, a campus's
yards, a station's exits, a campus's gates for what stands at them — are places of their own; a stretch of a long
road said by its place (X那段) and another spot of that road are two stretches."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from insight.matter import _numbered, _parts, compare


def _repeat(a: str, b: str) -> bool:
    return compare(matter_for_text(a), matter_for_text(b), hours=2).repeat


@pytest.mark.parametrize("a, b", [
    # rubbish burnt beside a refuse point / the point left uncollected
    ("青山区建设二路垃圾站垃圾一个礼拜没人运了，堆得老高", "建设二路垃圾站边上有人晚上点火烧垃圾，烟熏得人咳"),
    # its stink / its trucks' noise at night
    ("建设二路垃圾站一股馊臭味，窗户都不敢开", "建设二路垃圾站凌晨三点垃圾车来收，哐当哐当吵死人"),
])
def test_two_complaints_at_one_refuse_point(a, b):
    assert not _repeat(a, b)


def test_a_refuse_points_stink_and_its_flies_stay_one():
    assert _repeat("建设二路垃圾站好多天没清运了，臭得要命", "建设二路那个垃圾站垃圾堆成山，苍蝇乱飞")


@pytest.mark.parametrize("a, b", [
    # two numbered 街坊 of one works estate, one said digit by digit
    ("青山区红钢城一一六街坊楼顶有人加盖铁皮房", "红钢城115街坊楼顶搭了违建铁皮房"),
    # a station's two squares
    ("武昌火车站东广场拉客的黑车一大排", "武昌火车站西广场出站就有人拉客坐黑车"),
    # a campus's two yards
    ("华中农业大学东院门口网约车乱停堵路", "华中农业大学西院门口网约车乱停，路都堵了"),
    # a station's two exits, for what piles up at one of them
    ("中南路地铁站A口共享单车堆满了，出不去", "中南路地铁站C出口共享单车乱堆，出不去"),
    # a campus's two gates, for the stalls at one of them
    ("湖北大学南门外面晚上流动摊贩占道", "湖北大学北大门外面晚上摊贩占道经营"),
])
def test_two_parts_of_one_place_are_two_places(a, b):
    assert not _repeat(a, b)


@pytest.mark.parametrize("a, b", [
    ("青山区红钢城一一六街坊楼顶有人加盖铁皮房", "红钢城116街坊楼顶搭了违建铁皮房"),
    ("武昌火车站东广场拉客的黑车一大排", "武昌火车站东广场出站就有人拉客坐黑车"),
    ("中南路地铁站A口共享单车堆满了，出不去", "中南路地铁站A出口共享单车乱堆，出不去"),
])
def test_one_part_said_twice_stays_one(a, b):
    assert _repeat(a, b)


def test_parts_read():
    assert ("小区", "116") in _parts("红钢城一一六街坊") and ("小区", "116") in _parts("红钢城116街坊")
    assert ("广场", "南") in _parts("汉口站南广场") and ("院", "西") in _parts("理工大西院门口")
    assert ("口", "B") in _parts("街道口站b口出来") and ("口", "东") in _parts("汉口站东出口")
    assert not [k for k, _ in _parts("去医院看病，院子里停满了车，路口堵") if k in ("院", "口")]
    assert _numbered("一〇七") == "107" and _numbered("十二") == "12" and _numbered("118") == "118"


def test_a_stretch_said_by_its_place_and_another_spot_of_the_road():
    assert not _repeat("珞喻路鲁巷那一段晚上施工，打桩声到凌晨", "珞喻路华中科技大学门口夜里施工，吵得睡不着")
    assert _repeat("珞喻路鲁巷那一段晚上施工，打桩声到凌晨", "珞喻路鲁巷广场旁边夜里施工，吵得睡不着")


def test_a_lifts_sound_and_its_breakdown_are_two_complaints():
    noise = "东湖名居3栋的电梯运行有异响，嘎吱嘎吱的"
    broken = "东湖名居3栋电梯坏了，停了好几天没人修"
    assert not _repeat(noise, broken)
    assert _repeat(broken, "东湖名居三栋的电梯停运了，物业说等配件")
    assert _repeat(noise, "东湖名居三栋电梯上下声音特别大，晚上都听得到")


def test_flies_buzzing_at_a_refuse_point_is_the_rubbishs_own():
    assert _repeat("和平大道那个垃圾站垃圾三天没收了，臭得很", "和平大道垃圾站满出来了，苍蝇嗡嗡的")


def test_a_rubbish_hotspot_leaves_the_refuse_trucks_noise_alone():
    from insight.hotspots import Appeal, find_hotspots, label_rows

    texts = ["花桥菜市场垃圾堆了好几天没人清，臭气熏天", "花桥菜市场后面垃圾成堆，苍蝇老鼠到处都是",
             "花桥菜市场门口的垃圾桶满了溢到地上，一直没人清运", "花桥菜市场垃圾还是没人管，下雨天污水流得到处都是",
             "花桥菜市场的垃圾车每天凌晨三四点来收垃圾，压缩机声音吵得睡不着",
             "花桥菜市场那边环卫车半夜作业，哐哐响，投诉过了还是这样"]
    start = 1_700_000_000.0
    appeals = [Appeal(matter=matter_for_text(t), at=start + n * 5 * 3600, citizen=f"c{n}") for n, t in enumerate(texts)]
    labels = [n for n, _ in label_rows(appeals, find_hotspots(appeals, now=start + 48 * 3600))]
    assert labels[0] is not None and labels[0] == labels[1] == labels[2] == labels[3]
    assert labels[4] != labels[0] and labels[5] != labels[0]


def test_an_estates_lift_is_no_escalator_at_its_gate():
    assert not _repeat("常青花园小区电梯老是坏，三天两头停", "常青花园门口商场的自动扶梯停了，小孩差点摔")
    assert _repeat("常青花园小区电梯老是坏，三天两头停", "常青花园小区电梯又停了，物业不来修")


def test_a_stations_exits_named_by_where_they_open():
    assert ("口名", "万达") in _parts("积玉桥站靠万达的那个出口")
    parts = _parts("积玉桥地铁站往万达那边的出口") + _parts("积玉桥站靠临江大道的那个口子") + _parts("积玉桥站武汉展览馆方向出口")
    assert ("口名", "万达") in parts and ("口名", "临江大道") in parts and ("口名", "武汉展览馆") in parts
    assert not _repeat("积玉桥地铁站往万达那边的出口电动车停满了，出不去", "积玉桥地铁站靠临江大道那个出口电动车停满了，出不去")
    assert _repeat("积玉桥地铁站往万达那边的出口电动车停满了，出不去", "积玉桥地铁站靠万达的那个出口电动车乱停，出不去")
    assert _repeat("循礼门站往武展那边的出口电动车乱停", "循礼门站武汉展览馆方向出口外面电动车停了一片")
