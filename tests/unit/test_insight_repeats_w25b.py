"""Repeat appeals, twenty-fifth wave (w25-rpw, wrong merges): a mend said by its kind and failing again (上个月补好的坑又塌了,
上个月通过一次, 补了才没多久) is a new matter weeks later (insight.toml ``recurrence_words``); a leak inside a home (楼上卫生间漏水)
and a burst main in the street at the same estate are two matters; a template's head (反映一下关于小区停车的问题) names
no place."""
from __future__ import annotations

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

from insight import matter_for_text
from insight.matter import _norm_place, episode_window


def test_a_mend_said_by_its_kind_reaches_back_a_week_only():
    for text in ("建设大道上个月补好的那个坑又塌下去了", "三眼桥路的下水道又堵了，上个月通过一次",
                 "中北路那个井盖补了才没多久又松了", "丹水池那边的垃圾站清了没两天又满了",
                 "二七路上次修了一次的路灯又不亮了", "后湖百步亭花园的电梯才修好一个礼拜又坏了"):
        assert episode_window(matter_for_text(text)) == 168, text
    # … a citizen telling how they wrote before (上次通过12345反映) says no mend: the matter is still open
    for text in ("上次通过12345反映过三眼桥路下水道堵了，到现在没人管", "三眼桥路的下水道堵了，一直没人来通"):
        assert episode_window(matter_for_text(text)) == 30 * 24, text


def test_a_pothole_mended_and_back_weeks_later_is_a_new_matter():
    texts = ["江汉区中北路和楚河汉街路口路面塌了一个坑", "中北路楚河汉街路口那个坑下雨就积水，车子过去溅人一身",
             "中北路楚河汉街路口上个月补好的坑又塌下去了，比上次还大"]
    # weeks later a new matter; within the week the same words join the matter still open
    for later, joins in ((25 * 24, False), (30, True)):
        g = _groups(texts, [0, 4, later])
        assert _one(g, 0, 1) and _one(g, 1, 2) is joins and _one(g, 0, 2) is joins


def test_a_neighbours_leak_is_no_burst_main_at_the_gate():
    flat = "江岸区塔子湖东方恒星园9栋楼上卫生间漏水，我家厨房天花板一直滴水"
    main = "东方恒星园门口马路上自来水管爆了，水往外冒"
    again = "东方恒星园门口的自来水管破了，水哗哗往马路上冒"
    g = _groups([flat, main, again], [0, 2, 3])
    assert _one(g, 1, 2)
    assert not _one(g, 0, 1) and not _one(g, 0, 2)
    # … while a home without water tells the main's consequence, not where it leaks: one matter with the burst main
    g = _groups([main, "东方恒星园家里厨房没水了，说是门口水管爆了"], [0, 1])
    assert _one(g, 0, 1)


def test_a_septic_tank_spilling_is_no_neighbours_leak():
    g = _groups(["硚口区宝丰路宝丰小区我家楼上卫生间漏水，渗到我家了，楼上不肯修", "宝丰小区的化粪池满了，污水往外冒"],
                [0, 20])
    assert not _one(g, 0, 1)


def test_a_template_head_names_no_place():
    assert _norm_place("反映一下关于小区") == "小区"
    assert _norm_place("我们这边金色港湾") == "金色港湾"
    assert "关于小区" not in matter_for_text("反映一下关于小区停车的问题：汉口城市广场地下车库的灯全坏了").places
    g = _groups(["反映一下关于小区停车的问题：我们后湖春树里的车位被外面的车占了",
                 "反映一下关于小区停车的问题：汉口城市广场地下车库的灯全坏了"], [0, 1])
    assert not _one(g, 0, 1)
