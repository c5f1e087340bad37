"""Repeat appeals and hotspots, pure: same place + same problem in other words is a repeat; a different
problem at the same place, or the same problem elsewhere, is not. The CLI contracts."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from insight import compare, group, matter_for_text
from insight.hotspots import Appeal, find_hotspots

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def test_same_place_same_problem_in_other_words_is_a_repeat_with_a_reason():
    a = matter_for_text("汉阳区四新中路那个工地天天晚上十一点多还在打桩，吵得根本睡不着")
    b = matter_for_text("四新中路工地夜间施工，噪音特别大，严重扰民")
    c = compare(a, b)
    assert c.repeat and c.same_place == "四新中路"
    assert c.reason(count=3).startswith("同一地点、同一问题：四新中路夜间、噪音扰民、工地施工，3 件")


@pytest.mark.parametrize("other", ["汉阳区四新中路的路灯好几盏不亮了，晚上走路不安全",      # same place, other problem
                                   "洪山区珞喻路一个工地晚上施工噪音扰民，吵得睡不着"])   # same problem, other place
def test_other_problem_or_other_place_is_not_a_repeat(other):
    a = matter_for_text("四新中路工地夜间施工，噪音特别大，严重扰民")
    assert not compare(a, matter_for_text(other)).repeat


@pytest.mark.parametrize("a_text, b_text", [
    ("常青花园门口那家KTV半夜还在鬼哭狼嚎，严重扰民", "常青花园小区门口KTV的客人乱停车把路堵了"),
    ("南湖花园小区楼下烧烤店的排烟管正对着居民窗户，油烟呛得人咳嗽", "南湖花园小区门口烧烤店的客人每天喝酒划拳到半夜，吵得睡不着"),
    ("南湖花园小区楼下烧烤店的排烟管正对着居民窗户，油烟呛得人咳嗽", "南湖花园小区门口烧烤店把桌子摆到人行道上占道经营"),
    ("幸福时代小区电梯停了半个月，物业一直拖着不修，老人下不了楼", "幸福时代小区物业乱收费，停车费一个月涨到三百"),
    ("群光广场那边的工地晚上十二点还在施工，噪音太大了", "群光广场门口的工地把人行道围了，行人只能走机动车道"),
])
def test_one_source_at_one_place_with_other_complaints_is_not_a_repeat(a_text, b_text):
    # the KTV or the grill both name is the setting; the noise, the smoke, the parking are the complaints
    a, b = matter_for_text(a_text), matter_for_text(b_text)
    assert compare(a, b).same_place and not compare(a, b).repeat


def test_shared_filler_wording_alone_is_no_repeat():
    # neither names a problem the concepts know: only their wording is compared, and 一直没人管，好几天了 is
    # how every appeal is said
    a = matter_for_text("民意小区门口的公共厕所一直锁着门，好几天了没人管")
    b = matter_for_text("民意小区门口的报刊亭一直没人管，好几天了都关着门")
    assert compare(a, b).same_place and not compare(a, b).repeat


def test_one_source_with_the_same_complaint_stays_a_repeat():
    a = matter_for_text("洪山区珞狮路南湖花园小区门口那家烧烤店油烟直接往楼上飘，窗户都不敢开")
    b = matter_for_text("南湖花园小区楼下烧烤店的排烟管正对着居民窗户，油烟呛得人咳嗽")
    assert compare(a, b).repeat


def test_identical_text_filed_twice_is_one_group():
    text = "江岸区百步亭花园小区停水一整天了"
    assert group([matter_for_text(text), matter_for_text(text), matter_for_text("咨询社保怎么交")]) == [1, 1, None]


def test_the_evaluation_sets_meet_the_goals():
    from eval_insight import eval_hotspots, eval_repeats

    for split in ("dev", "holdout", "tune"):      # holdout2 (tuning material) misses; holdout3 is never read here
        repeats = eval_repeats(split)
        assert repeats["recall"] >= 0.9 and repeats["wrong_merge_rate"] <= 0.05, repeats
    for split in ("dev", "holdout", "tune", "holdout2"):
        spots = eval_hotspots(split)
        assert spots["f1"] >= 0.85 and spots["background_left_alone"] == 1.0, spots


def test_a_problem_spreading_over_estates_of_one_street_is_one_hotspot():
    texts = ["江岸区后湖街道百步亭花园停电了", "后湖街道幸福时代小区突然断电", "后湖街道育才花园小区没电了",
             "后湖街道塔子湖小区也停电了", "后湖街道新华家园停电了", "后湖街道育才花园还是没电",
             "后湖街道幸福时代小区停电，家里有病人", "江岸区后湖街道百步亭花园没电两个小时了"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 600 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    spots = find_hotspots(appeals, now=10000.0)
    assert len(spots) == 1 and spots[0].kind == "spread" and len(spots[0].members) == 8
    assert spots[0].description.startswith("多点蔓延：") and "停电：8 件诉求，8 位市民" in spots[0].description


OUTAGE = ["江岸区塔子湖花园今天一早就停水了", "我们塔子湖安居苑也没水了，什么时候来水", "塔子湖现代城停水，说是外面管子爆了",
          "塔子湖那一片停水大半天了"]


def test_an_outage_over_the_estates_of_one_area_is_one_matter_and_one_hotspot():
    hours = [0.0, 1.0, 1.5, 3.0]
    matters = [matter_for_text(t) for t in OUTAGE]
    assert group(matters, [h * 3600 for h in hours]) == [1, 1, 1, 1]
    spots = find_hotspots([Appeal(matter=m, at=1000.0 + h * 3600, citizen=f"c{i}")
                           for i, (m, h) in enumerate(zip(matters, hours))], now=1000.0 + 5 * 3600)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3]
    # … within hours: the same two estates' outages a week apart are two
    assert group(matters[:2], [0.0, 7 * 86400.0]) == [None, None]


@pytest.mark.parametrize("a_text, b_text", [
    ("塔子湖花园门口的路灯坏了好几天", "塔子湖安居苑里面的路灯不亮"),      # a lamp is no area's problem
    ("塔子湖花园停水了", "塔子湖花园电梯坏了，困了人"),                      # an outage and a lift at one estate
    ("江岸区塔子湖花园停电了", "汉阳区杨泗港新村停电了"),                    # outages of two areas on one day
    ("洪山区万科城停电了", "洪山区万科金域华府也停电了"),                    # a developer's two estates
])
def test_area_wide_only_for_an_outage_in_one_area(a_text, b_text):
    assert group([matter_for_text(a_text), matter_for_text(b_text)], [0.0, 3600.0]) == [None, None]


def test_a_burst_at_one_place_in_words_no_concept_knows_is_one_hotspot():
    from insight.matter import Matter

    # three appeals at one estate in words that share no problem concept and no bigram
    words = [{"整栋", "栋楼", "黑灯", "灯瞎"}, {"冰箱", "罢工"}, {"一片", "漆黑", "歇菜"}]
    matters = [Matter(places=("百步亭花园",), street=None, district=None, concepts=frozenset(), grams=frozenset(w))
               for w in words]
    assert group(matters, [1000.0, 1600.0, 2200.0]) == [None, None, None]
    burst = [Appeal(matter=m, at=1000.0 + 600 * i, citizen=f"c{i}") for i, m in enumerate(matters)]
    spots = find_hotspots(burst, now=10000.0)
    assert len(spots) == 1 and spots[0].kind == "local" and sorted(spots[0].members) == [0, 1, 2]
    # the same appeals over three days are no burst; one citizen writing three times is none either
    slow = [Appeal(matter=m, at=1000.0 + 30 * 3600 * i, citizen=f"c{i}") for i, m in enumerate(matters)]
    assert find_hotspots(slow, now=1000.0 + 100 * 3600) == []
    alone = [Appeal(matter=m, at=1000.0 + 600 * i, citizen="c0") for i, m in enumerate(matters)]
    assert find_hotspots(alone, now=10000.0) == []


def test_a_burst_leaves_out_an_appeal_whose_known_cause_differs():
    texts = ["百步亭花园停电了", "百步亭花园突然停电", "百步亭花园停电一个小时了", "百步亭花园电梯坏了"]
    from insight.hotspots import _bursts, _place_clusters
    from insight.matter import load_lexicon, load_settings

    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 600 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    assert _bursts(_place_clusters([0, 1, 2, 3], set(), appeals), appeals, load_settings(), load_lexicon()) == [[0, 1, 2]]

def test_a_burst_meets_its_place_said_as_the_area_or_with_the_district():
    from insight.hotspots import _place_clusters
    from insight.matter import Matter

    def at(place: str) -> Matter:
        return Matter(places=(place,), street=None, district=None, concepts=frozenset({"garbage"}), grams=frozenset())

    appeals = [Appeal(matter=at(p), at=1000.0 + 600 * i, citizen=f"c{i}")
               for i, p in enumerate(["百步亭", "百步亭花园", "江岸百步亭社区", "钟家村地铁站", "钟家村", "南湖"])]
    assert sorted(map(sorted, _place_clusters(list(range(6)), set(), appeals))) == [[0, 1, 2], [3, 4], [5]]


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def test_cli_similar_and_hotspots_write_their_columns(tmp_path, capsys):
    from hotline.cli import main

    rows = [["西北湖小区今天一早就停水了", "2026-03-02 08:00", "3"], ["西北湖小区没水了，老人孩子等着用水", "2026-03-02 09:00", "0"],
            ["请问西北湖小区停水什么时候恢复", "2026-03-02 10:00", "1"], ["咨询社保怎么交", "2026-03-02 11:00", "0"]]
    _write(tmp_path / "in.csv", ["text", "created_at", "votes"], rows)
    assert main(["similar", "--data", str(tmp_path / "in.csv"), "--out", str(tmp_path / "g.csv")]) == 0
    out = list(csv.DictReader(open(tmp_path / "g.csv", encoding="utf-8")))
    assert [r["group"] for r in out] == ["1", "1", "1", ""] and out[0]["votes"] == "3"
    assert main(["hotspots", "--data", str(tmp_path / "in.csv"), "--out", str(tmp_path / "h.csv")]) == 0
    out = list(csv.DictReader(open(tmp_path / "h.csv", encoding="utf-8")))
    assert [r["hotspot"] for r in out] == ["1", "1", "1", ""] and float(out[0]["heat"]) > 3
    assert "西北湖小区停水：3 件诉求" in capsys.readouterr().out


def test_cli_bad_input_is_a_chinese_message(tmp_path, capsys):
    from hotline.cli import main

    _write(tmp_path / "in.csv", ["content"], [["x"]])
    assert main(["similar", "--data", str(tmp_path / "in.csv"), "--out", str(tmp_path / "o.csv")]) == 2
    assert "缺少列：text" in capsys.readouterr().err
    _write(tmp_path / "in.csv", ["text", "created_at"], [["停水", "昨天"]])
    assert main(["hotspots", "--data", str(tmp_path / "in.csv"), "--out", str(tmp_path / "o.csv")]) == 2
    assert "第 2 行 created_at 不是有效时间" in capsys.readouterr().err


APPEAL = "江汉区万松园路西北湖小区今天一早就停水了，到现在还没来水"


def test_a_one_line_answer_is_weak_and_says_why():
    from insight.reply import check_reply

    c = check_reply(APPEAL, "已处理")
    assert c.weak and c.total < 0.5
    scores = c.as_dict()["scores"]
    assert scores["relevance"]["why"] == "答复未提及诉求的问题（停水）"
    assert scores["completeness"]["why"] == "答复缺少：做了什么（只说“已处理”）、由谁办理、何时办理"
    assert scores["tone"]["why"].startswith("答复过于简短（3 字）")


def test_a_full_answer_passes_and_a_refusal_needs_its_basis():
    from insight.reply import check_reply

    good = check_reply(APPEAL, "您好，经核实，西北湖小区停水系管网抢修所致，我局已责令水务集团于3月2日18时前恢复供水，"
                               "目前已恢复正常，感谢您的反映。")
    assert not good.weak and good.total > 0.9 and good.summary() == "答复完整规范"
    bare = check_reply(APPEAL, "该问题不属于我单位职责范围，无法处理。")
    assert bare.weak and bare.as_dict()["scores"]["explanation"]["score"] == 0
    reasoned = check_reply(APPEAL, "您好，根据《城市供水条例》第二十二条，此次停水为突发抢修，不属于违规停水，"
                                   "水务集团无法给予补偿，感谢理解。")
    assert reasoned.as_dict()["scores"]["explanation"]["why"] == "拒绝或暂缓诉求时说明了依据"
    late = check_reply(APPEAL, good_text := "您好，我局已于3月2日恢复西北湖小区供水，感谢反映。", on_time=False, late_days=3)
    assert late.as_dict()["scores"]["timeliness"]["why"] == "超过办结时限 3 天才答复" and good_text


def test_place_names_from_long_texts_lose_the_sentence_before_them():
    text = ("我们小区门前的道路年久失修，施工单位去年占用了彩虹路一半的车道，至今没有恢复，"
            "附近的居民出行极为不便，而且这个片区没有纳入西湖公园的改造范围，希望有关部门重视")
    places = matter_for_text(text).places
    assert "彩虹路" in places and "西湖公园" in places
    assert not any(p.startswith(("占用", "了", "没有", "纳入")) for p in places), places
    assert "解放大道" in matter_for_text("江岸区解放大道一段路灯不亮，晚上很黑").places    # a name that begins with a verb
    assert "和平大道" in matter_for_text("青山区和平大道有人占道经营").places


def test_one_estate_with_or_without_its_kind_and_in_another_word_order():
    a = matter_for_text("洪山区珞狮南路碧水龙庭小区从昨晚开始停水")
    assert compare(a, matter_for_text("碧水龙庭没有水了，什么时候来水")).repeat           # said bare
    b = matter_for_text("江岸区长江二七大桥下面积了好多垃圾，一直没人清理")
    assert compare(b, matter_for_text("二七长江大桥桥底下垃圾成堆，臭气熏天")).repeat     # another word order
    assert not compare(a, matter_for_text("碧水龙庭小区的电梯坏了好几天")).repeat        # another problem there


def test_a_word_typed_with_one_character_of_the_same_sound_keeps_its_problem():
    from insight.matter import load_lexicon

    lex = load_lexicon()
    assert "water_out" in lex.find("东方恒星小区听水了，一早上都没法洗漱")          # 听水: 停水 mistyped
    assert "power_out" in lex.find("长丰小区下午开始停店了")                        # 停店: 停电
    assert "elevator" in lex.find("1栋电提坏了三天了")                              # 电提: 电梯
    assert "water_out" not in lex.find("下水道堵了，污水冒到楼道里了")                # 污水 is a word, not 无水
    assert "streetlight" not in lex.find("学校门口的红绿灯坏了好几天")                # 绿灯坏 is inside 红绿灯
    a = matter_for_text("江岸区塔子湖东方恒星小区停水了，到现在还没来水")
    assert compare(a, matter_for_text("东方恒星小区听水了，一早上都没法洗漱")).repeat


def test_names_inside_longer_names_and_facilities_meet_in_groups():
    texts = ["青山区红钢城八大家花园楼下下水管堵了，污水往外冒", "八大家花园下水道反水，一楼门口全是脏水",
             "武昌区武珞路阅马场那个地下通道里面的灯全坏了，晚上黑乎乎的", "阅马场地下通道没有灯，漆黑一片，晚上走很害怕"]
    labels = group([matter_for_text(t) for t in texts], [0.0, 3600.0, 7200.0, 10800.0])
    assert labels[0] is not None and labels[0] == labels[1]
    assert labels[2] is not None and labels[2] == labels[3] and labels[2] != labels[0]


def test_a_spreading_outage_takes_the_estate_said_without_its_street():
    texts = ["江岸区后湖街道百步亭花园停电了", "后湖街道幸福时代小区突然断电", "后湖街道育才花园小区没电了",
             "后湖街道塔子湖小区也停电了", "后湖街道新华家园停电了", "后湖街道育才花园还是没电",
             "后湖街道幸福时代小区停电，家里有病人", "幸福时代小区停电一个多小时了，电话打不进去"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 600 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    assert appeals[-1].matter.street is None                      # no street read: the area alone would miss it
    spots = find_hotspots(appeals, now=10000.0)
    assert len(spots) == 1 and spots[0].kind == "spread" and len(spots[0].members) == 8


def test_sharing_only_the_source_needs_the_wording_to_agree():
    from insight.matter import Matter

    # both name the building site and nothing else the concepts know: the site is the setting, the
    # complaints (its hours, its mud) are in words nobody listed
    a = Matter(places=("民意四路",), street=None, district=None, concepts=frozenset({"construction"}),
               grams=frozenset({"五六", "六点", "叮叮", "当当", "开工"}))
    b = Matter(places=("民意四路",), street=None, district=None, concepts=frozenset({"construction"}),
               grams=frozenset({"路面", "弄得", "全是", "是泥"}))
    assert not compare(a, b).repeat
    same = Matter(places=("民意四路",), street=None, district=None, concepts=frozenset({"construction"}),
                  grams=frozenset({"五六", "六点", "叮叮", "当当", "晚点"}))
    assert compare(a, same).repeat


def _street_matter(place: str, grams: set[str]):
    from insight.matter import Matter

    return Matter(places=(place,), street="S1", district="D1", concepts=frozenset(), grams=frozenset(grams))


def test_a_problem_spreading_in_words_no_concept_knows_is_one_hotspot():
    estates = ["宝安小区", "卓刀泉小区", "茶港小区", "广埠屯小区", "石牌岭小区", "马房山小区"]
    said = [{"自来", "来水", "怪味", "一股"}, {"自来", "来水", "味道", "消毒"}, {"来水", "怪味", "味道", "不对"},
            {"自来", "来水", "药味", "一股"}, {"自来", "来水", "味道", "也有"}, {"来水", "怪味", "有股", "化学"}]
    appeals = [Appeal(matter=_street_matter(p, g), at=1000.0 + 1800 * i, citizen=f"c{i}")
               for i, (p, g) in enumerate(zip(estates, said))]
    # background of the same street and day, each about something else
    other = [{"电梯", "梯坏"}, {"乱贴", "广告"}, {"门口", "垃圾", "桶坏"}, {"医保", "报销"}, {"停车", "收费"},
             {"树枝", "挡住"}]
    appeals += [Appeal(matter=_street_matter(f"某{i}小区", g), at=1200.0 + 1800 * i, citizen=f"b{i}")
                for i, g in enumerate(other)]
    spots = find_hotspots(appeals, now=20000.0)
    assert len(spots) == 1 and spots[0].kind == "spread" and sorted(spots[0].members) == [0, 1, 2, 3, 4, 5]
    assert spots[0].description.startswith("多点蔓延：") and "“来水" in spots[0].description


def test_a_street_s_unrelated_appeals_make_no_spreading_hotspot():
    said = [{"电梯", "梯坏"}, {"乱贴", "广告"}, {"门口", "垃圾", "桶坏"}, {"医保", "报销"}, {"停车", "收费"},
            {"树枝", "挡住"}, {"来水", "水压"}, {"宽带", "断网"}]
    appeals = [Appeal(matter=_street_matter(f"某{i}小区", g), at=1000.0 + 600 * i, citizen=f"c{i}")
               for i, g in enumerate(said)]
    assert find_hotspots(appeals, now=20000.0) == []


def test_a_problem_word_inside_a_place_name_is_no_complaint():
    # 树 in 金桂树花园 says where, not what: a closed kiosk there is no repeat of its fallen branch
    a = matter_for_text("金桂树花园门口的树枝被风吹断了，挡住了路")
    b = matter_for_text("金桂树花园门口那个报刊亭一直关着")
    assert "tree" in a.concepts and "tree" not in b.concepts
    assert not compare(a, b).repeat
    # … while the kind of a place named stays (the bus stop's shelter is a bus stop's)
    assert "bus" in matter_for_text("金融港公交站的雨棚坏了，下雨没地方躲").concepts


def test_an_estate_named_with_and_without_its_area_is_one_place_but_not_across_districts():
    a = matter_for_text("东西湖区吴家山田园小区二期化粪池冒出来了，院子里全是粪水")
    b = matter_for_text("田园小区二期那个化粪池又满了，臭得下不了楼")
    assert compare(a, b).same_place and compare(a, b).repeat
    assert group([a, b], [0.0, 3600.0]) == [1, 1]          # they meet by index key, as at intake
    c = matter_for_text("江夏区田园小区化粪池满了，粪水流到路上")
    assert a.district and c.district and not compare(a, c).same_place


def test_rare_content_beyond_the_setting_makes_a_repeat_the_concepts_do_not_know():
    from insight.matter import Settings, content_evidence, load_settings

    a = matter_for_text("龙湖小区地下车库里有人养蜜蜂，蜂箱摆了好几排")
    b = matter_for_text("龙湖小区车库的蜂箱引来一大群蜜蜂，蛰了好几个小孩")
    assert not a.concepts and not b.concepts                 # words nobody listed
    conf = load_settings()
    on = Settings(similar={**conf.similar, "content_evidence": 0.3}, hotspots=conf.hotspots)
    # (w27-rep2) … and the rare content at one fine place (similar.fine_content_evidence) off too
    off = Settings(similar={**conf.similar, "content_evidence": 0, "fine_content_evidence": 0}, hotspots=conf.hotspots)
    assert content_evidence(a, b) > 0.3 and compare(a, b, settings=on).repeat
    assert not compare(a, b, settings=off).repeat            # it is the rare content that decides
    # … never enough alone for linking the same citizen without the operator
    assert compare(a, b, settings=on).score < conf.get("similar", "auto_link")
    # one rare thing in common is the setting both name, not the problem (the garage's lamps)
    c = matter_for_text("龙湖小区地下车库的灯全坏了，黑漆漆的")
    assert content_evidence(a, c) == 0 and not compare(a, c, settings=on).repeat
    assert not compare(b, c, settings=on).repeat


def test_filler_wuhan_particles_and_kinds_of_place_are_no_content():
    from insight.matter import content_terms

    assert content_terms("冇得人管 门口天天这样 小区 路口 地铁站") == {}
    terms = content_terms("有人在楼顶搭鸽棚")
    assert "鸽" in terms and "w:楼顶" in terms and terms["鸽"] > terms.get("楼", 0.0)


def test_an_estate_said_later_with_its_area_meets_the_earlier_bare_one():
    a = matter_for_text("田园小区二期那个化粪池又满了，臭得下不了楼")
    b = matter_for_text("东西湖区吴家山田园小区二期化粪池冒出来了，院子里全是粪水")
    assert "p:田园小区" in b.lookup_keys()
    assert group([a, b], [0.0, 3600.0]) == [1, 1]


@pytest.mark.parametrize("a_text, b_text", [
    ("洪山区光谷火车站门口出租车排长队不走", "光谷站出站口的士扎堆乱停，出租车把车道占死了"),          # X火车站 / X站, 出站口
    ("青山区建设二路红钢城菜场旁边有家店杀活鸡，臭味冲天", "红钢城菜市场边上宰鸡的摊子又脏又臭"),      # 菜场 / 菜市场
    ("武昌区首义汉街后面那个垃圾站臭得不行", "汉街后头的垃圾站味道太大了，垃圾没人清"),             # position words
])
def test_one_place_said_two_ways(a_text, b_text):
    a, b = matter_for_text(a_text), matter_for_text(b_text)
    assert compare(a, b).same_place, (a.places, b.places)


def test_a_short_name_meets_the_longer_name_ending_with_it_unless_it_is_a_word():
    from insight.matter import same_name

    assert same_name("汉街", "楚河汉街") and same_name("销品茂", "徐东销品茂")
    assert not same_name("派出所", "积玉桥派出所") and not same_name("广场", "光谷广场")   # everyday words
    a, b = matter_for_text("楚河汉街的路灯晚上都不亮"), matter_for_text("汉街那边路灯坏了，黑漆漆的")
    assert group([a, b], [0.0, 3600.0]) == [1, 1]


def test_the_registry_street_as_citizens_write_it_is_its_area():
    a = matter_for_text("蔡甸区奓山街星光村从昨天开始停水了")
    b = matter_for_text("奓山星光村没水一天了")
    assert a.places == b.places == ("星光村",) and a.street == b.street
    # both name the street itself and nothing finer: the plain threshold
    c, d = matter_for_text("青山区钢花村那边燃气泄漏了，一股煤气味"), matter_for_text("钢花村闻到很浓的煤气味，燃气泄漏了")
    assert c.street_named and d.street_named and compare(c, d).repeat


def test_the_same_problem_named_first_with_only_symptoms_after_is_a_repeat():
    a = matter_for_text("金色港湾小区里垃圾堆成山了，物业说清运车不来")
    b = matter_for_text("金色港湾小区的生活垃圾一直没人清，蚊子苍蝇到处飞")
    assert a.lead == b.lead == "garbage" and compare(a, b).repeat
    # a second problem of its own stays a different matter (the lift and its repair fund)
    c = matter_for_text("金地格林小城物业私自动用电梯维修资金，请求查处")
    d = matter_for_text("金地格林小城的电梯经常困人")
    assert not compare(c, d).repeat


def test_a_particle_word_is_not_matched_by_sound():
    assert "taxi" not in matter_for_text("阳逻一中放学的时候门口公交车太挤").concepts
    assert "pipe_burst" not in matter_for_text("闻到燃气味道，大家都跑下楼了").concepts


def test_an_outage_over_a_street_in_one_evening_is_a_spreading_hotspot():
    texts = ["江岸区后湖街道惠民苑突然停电了", "后湖街道百步亭花园那边没电了", "后湖街道幸福时代小区停电了",
             "后湖街道惠民苑还是没电", "后湖街道幸福时代小区断电一个小时了"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 1200 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    spots = find_hotspots(appeals, now=20000.0)
    assert len(spots) == 1 and spots[0].kind == "spread" and len(spots[0].members) == 5
    # the same five over five days are no spreading hotspot
    slow = [Appeal(matter=a.matter, at=1000.0 + DAY_S * i, citizen=a.citizen) for i, a in enumerate(appeals)]
    assert all(s.kind != "spread" for s in find_hotspots(slow, now=1000.0 + 6 * DAY_S))


DAY_S = 86400.0


def test_a_hotspot_takes_the_unnamed_appeals_at_its_place_within_hours():
    texts = ["百步亭花园停水了", "百步亭花园没水了，一整天了", "百步亭花园什么时候恢复供水", "百步亭花园到底么样搞的，等了一上午了"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 1800 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    assert not matter_for_text(texts[3]).concepts - {"night"}
    spots = find_hotspots(appeals, now=20000.0)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3]
    # a day later it is another matter
    late = appeals[:3] + [Appeal(matter=appeals[3].matter, at=1000.0 + 30 * 3600, citizen="c3")]
    assert sorted(find_hotspots(late, now=200000.0)[0].members) == [0, 1, 2]


@pytest.mark.parametrize("a_text, b_text", [
    ("华中科技大学东门外面那排烧烤摊，油烟熏得窗户都不敢开", "华科东门夜宵摊每天晚上油烟很大"),
    ("武汉大学正门口私家车乱停，公交都过不去", "武大门口路边乱停车，公交车开不过去"),
    ("光谷转盘地铁站C口扶梯坏了", "光谷广场站C出口的扶梯不动了"),
])
def test_a_landmark_said_by_its_nickname_is_the_landmark(a_text, b_text):
    c = compare(matter_for_text(a_text), matter_for_text(b_text))
    assert c.repeat


def test_an_alias_inside_another_word_is_not_read():
    from insight.matter import Landmarks

    marks = Landmarks({"武大": "武汉大学", "武汉大学": "武汉大学", "地大": "中国地质大学", "华中大": "华中科技大学"})
    assert marks.read("工地大门口天天有车")[1] == []            # 工地 is a word: no 地大
    assert marks.read("华中大道有个坑")[1] == []                # a road named 华中大道
    assert marks.read("在武大门口")[0] == "在武汉大学门口"


def test_a_city_replaces_the_landmark_aliases(tmp_path, monkeypatch):
    from insight.matter import load_landmarks

    f = tmp_path / "landmarks.toml"
    f.write_text('["北京大学"]\naliases = ["北大"]\n', encoding="utf-8")
    monkeypatch.setenv("HOTLINE_LANDMARKS_FILE", str(f))
    load_landmarks.cache_clear()
    try:
        assert load_landmarks().read("北大东门")[1] == ["北京大学"]
        assert load_landmarks().read("武大东门")[1] == []
    finally:
        monkeypatch.delenv("HOTLINE_LANDMARKS_FILE")
        load_landmarks.cache_clear()


@pytest.mark.parametrize("a_text, b_text", [
    ("同济医院门口有黄牛倒卖专家号", "在同济挂号被号贩子拦住要加钱"),                      # 黄牛 / 号贩子
    ("关山大道保利时代的自来水发黄", "保利时代水龙头放出来的是浑水，有铁锈味"),              # tap water
    ("汉口火车站的出租车拒载，短途不拉", "汉口站打的司机挑客，嫌近不走"),                    # 打的, 挑客, 嫌近
])
def test_everyday_words_for_a_problem_are_one_problem(a_text, b_text):
    assert compare(matter_for_text(a_text), matter_for_text(b_text)).repeat


def test_a_stop_knocked_down_is_no_reckless_driving_and_a_light_out_is_no_street_lamp():
    a = matter_for_text("齐安大道上的公交站牌被撞倒了好几天没人扶")
    assert "reckless" not in a.concepts
    b = matter_for_text("黄浦大街路口信号灯不亮，早上差点撞到人")
    assert "streetlight" not in b.concepts


def test_works_at_night_are_a_noise_complaint():
    a = matter_for_text("武汉大学樱花大道旁边修路半夜施工")
    b = matter_for_text("武大里面那个工地晚上叮叮当当搞到凌晨")
    assert "noise" in a.concepts and compare(a, b).repeat


def test_two_estates_on_one_road_are_two_places():
    a = matter_for_text("武昌区徐东大街东湖港湾小区停水了，一滴水都没有")
    b = matter_for_text("徐东大街和平小区今天也停水了，什么时候恢复")
    assert not compare(a, b).same_place
    # … while one estate said with and without its area stays one place
    c = matter_for_text("黄陂区盘龙城宋家岗佳海花园的垃圾一个礼拜没人收")
    d = matter_for_text("盘龙城佳海花园垃圾堆积如山，没人管")
    assert compare(c, d).same_place


def test_two_crossings_of_one_road_are_two_places():
    a = matter_for_text("江岸区解放大道和黄浦大街交叉口的隔离护栏被车撞倒了")
    b = matter_for_text("黄浦大街解放大道路口护栏倒了一大片")
    c = matter_for_text("江岸区解放大道和三阳路路口的护栏也歪了")
    assert compare(a, b).same_place
    assert not compare(a, c).same_place and not compare(b, c).same_place


def test_another_place_of_the_area_is_no_shared_place():
    a = matter_for_text("江夏区藏龙岛杨桥湖那个楼盘的包工头跑了，我们大半年的工钱没拿到")
    b = matter_for_text("藏龙岛另一个工地也拖欠农民工工资")
    assert not compare(a, b).same_place


def test_the_lamp_at_a_crossing_is_its_traffic_light():
    a = matter_for_text("临空港大道三店路口指示灯故障，车子排了几百米")
    b = matter_for_text("三店路和临空港大道交汇处的灯好像坏了，一个方向总是红")
    assert "traffic_light" in b.concepts and compare(a, b).repeat


def test_a_local_hotspot_takes_an_appeal_of_its_problem_at_its_place():
    texts = ["汉阳区江城明珠豪庭今天放出来的水是黄的，还有一股铁锈味", "江城明珠豪庭的水发黄发浑，烧开了底下一层渣子",
             "汉阳区江城明珠豪庭自来水浑浊有杂质", "江城明珠豪庭的水还是黄的，孩子不敢洗澡",
             "江城明珠豪庭家里水龙头出来的是黄汤，洗衣服都染色了"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 3600 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    spots = find_hotspots(appeals, now=100000.0)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3, 4]


def test_a_stop_named_as_the_place_is_not_the_problem():
    a = matter_for_text("洪山区鲁巷公交站旁边的井盖被人偷了，晚上很危险")
    b = matter_for_text("鲁巷公交站边上的窨井没有盖子，差点踩空")
    c = matter_for_text("鲁巷公交站的站牌被车撞歪了")
    assert a.lead == "road_damage" and "bus" not in a.concepts
    assert compare(a, b).repeat and not compare(a, c).repeat
    # … while a rubbish station's own kind is its problem
    assert "garbage" in matter_for_text("鲁巷垃圾转运站很臭").concepts


def test_a_kind_of_place_said_with_its_area_is_the_area_s_place():
    a = matter_for_text("江岸区球场街那边的农贸市场门口垃圾几天没人收")
    b = matter_for_text("球场街菜市场的垃圾好几天没清运了")
    c = matter_for_text("球场街的公园里垃圾好几天没人收")
    assert a.places and a.places == b.places
    assert compare(a, b).repeat and not compare(a, c).repeat


def test_an_estate_said_without_its_kind_after_we_live_is_the_estate():
    a = matter_for_text("我们金色港湾到现在还是没水，都停了一天了")
    b = matter_for_text("金色港湾小区停水了，什么时候恢复")
    c = matter_for_text("我住的金色华府晚上没水")
    d = matter_for_text("我住的金色港湾晚上也没水")
    assert compare(a, b).repeat and compare(b, d).repeat and not compare(c, d).same_place


def test_a_barrier_and_a_public_toilet_are_problems_of_their_own():
    a = matter_for_text("建设大道上的隔离栏被车撞倒了一排")
    b = matter_for_text("建设大道中间的护栏倒了好几天没人扶")
    c = matter_for_text("建设大道上的路面塌了个大坑")
    assert compare(a, b).repeat and not compare(a, c).repeat
    f = matter_for_text("解放公园的公共厕所锁着门进不去")
    g = matter_for_text("解放公园里那个公厕一直不开门")
    assert "toilet" in f.concepts & g.concepts and compare(f, g).repeat
    # … and going to the toilet at home is no public toilet
    assert "toilet" not in matter_for_text("我们小区停水了，上厕所都没法冲").concepts


def test_a_bus_line_is_a_place_however_its_number_is_said():
    said = ["公交726路取消了吗", "七二六路调整线路了也不通知一下", "坐726到汉口火车站", "请恢复726路在火车站的停靠站点"]
    assert all("公交726路线" in matter_for_text(t).places for t in said)
    # a road numbered in words is a road, a house number or a duration no line
    assert "公交1路线" not in matter_for_text("光谷一路有个坑").places
    assert not any(p.startswith("公交") for t in ("中山路128号有个坑", "坐2个小时车", "二七路堵车")
                   for p in matter_for_text(t).places)
    # two lines at one stop are two places
    a, b = matter_for_text("726路汉口火车站站点取消了"), matter_for_text("555路汉口火车站站点取消了")
    assert compare(a, b).same_place is None


def test_a_school_said_short_is_the_school():
    assert "光谷第一小学" in matter_for_text("光谷一小放学时门口堵死了").places
    assert "光谷第一小学" in matter_for_text("光谷第一小学门口接送的车乱停").places
    assert not any("小学" in p for p in matter_for_text("在路口等了一小时").places)


def test_one_problem_at_one_place_over_days_told_by_its_causes_is_one_hotspot():
    texts = ["花楼街的菜场垃圾没人清，整条巷子臭烘烘的", "花楼街菜市场里的臭水沟味道好大",
             "花楼街农贸市场杀鸡杀鱼的污水乱倒，臭得受不了", "花楼街菜场门口的垃圾桶满了，一股馊味",
             "花楼街菜场有人缺斤少两"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 24 * 3600 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    spots = find_hotspots(appeals, now=1000.0 + 120 * 3600)
    assert [sorted(s.members) for s in spots] == [[0, 1, 2, 3]]
    # one citizen's four appeals are no hotspot
    alone = [Appeal(matter=a.matter, at=a.at, citizen="c0") for a in appeals]
    assert find_hotspots(alone, now=1000.0 + 120 * 3600) == []


def test_a_jam_s_hotspot_takes_the_cause_one_of_its_appeals_named_but_an_outage_no_consequence():
    jam = ["光谷第一小学门口早上堵车太严重，家长车辆乱停乱放", "光谷第一小学接送时间马路堵得走不动",
           "每天下午四点半光谷一小门口那条路堵死了", "建议光谷第一小学门口划定接送车位，家长乱停车"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 20 * 3600 * i, citizen=f"c{i}") for i, t in enumerate(jam)]
    spots = find_hotspots(appeals, now=1000.0 + 100 * 3600)
    assert [sorted(s.members) for s in spots] == [[0, 1, 2, 3]]
    out = ["姑嫂树花园停电了", "姑嫂树花园也停电了，冰箱化了", "姑嫂树花园没电，电梯里还困了人", "姑嫂树花园电梯坏了好几天没人修"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 3600 * i, citizen=f"c{i}") for i, t in enumerate(out)]
    spots = find_hotspots(appeals, now=1000.0 + 10 * 3600)
    assert 3 not in {i for s in spots for i in s.members}


def test_a_spreading_outage_takes_an_appeal_at_a_road_named_after_its_area():
    texts = ["江岸区后湖片区今天晚上大面积停电了", "后湖百步亭那边没电了，一片漆黑", "后湖街道惠民苑突然停电了，什么情况",
             "后湖金桥那一块都停电了，空调都停了", "后湖街道育才花园停电了", "后湖街道塔子湖小区也停电了",
             "江岸区后湖大道边上的小区全停电了，电梯里还有人"]
    appeals = [Appeal(matter=matter_for_text(t), at=1000.0 + 1800 * i, citizen=f"c{i}") for i, t in enumerate(texts)]
    spots = find_hotspots(appeals, now=1000.0 + 10 * 3600)
    assert any(s.kind == "spread" and 6 in s.members for s in spots)


def test_an_estate_said_by_its_last_characters_with_xiaoqu_is_the_estate():
    # citizens drop the area and add 小区 (雅园小区 for 南湖雅园); a kind is no such name (花园小区 / 常青花园)
    a = matter_for_text("洪山区南湖雅园门口一下雨就淹，水到膝盖")
    b = matter_for_text("雅园小区外面下点雨就成了河，出门要穿雨靴")
    assert compare(a, b).repeat
    assert group([a, b]) == [1, 1]
    assert not compare(matter_for_text("常青花园门口积水很深"), matter_for_text("花园小区门口积水很深")).repeat


def test_a_name_before_you_have_or_after_that_one_is_read():
    assert matter_for_text("东西湖区保利海上五月花有业主在楼顶搭阳光房，违建").places[0] == "保利海上五月花"
    assert "海上五月花" in matter_for_text("金银湖那个海上五月花，顶楼违章建筑").places


def test_another_crossing_named_by_its_street_or_by_a_light_is_another_place():
    a = matter_for_text("江岸区解放大道三阳路口行人绿灯只有十几秒，老人走到一半就红灯了")
    b = matter_for_text("三阳路解放大道那个红绿灯，人行道绿灯时间太短了，走不过去")
    c = matter_for_text("解放大道球场街口行人绿灯也太短了，建议延长")
    assert "口行人" not in a.places and compare(a, b).repeat
    assert not compare(a, c).repeat and not compare(b, c).repeat


def test_trucks_loading_at_night_and_trucks_blocking_the_road_are_two_matters():
    a = matter_for_text("硚口区汉正街大夹街凌晨三四点货车卸货，哐哐响，住在上面根本睡不成")
    b = matter_for_text("大夹街那边半夜拉货的车子吵死人，喇叭按个不停")
    c = matter_for_text("汉正街大夹街白天货车把路堵死了，救护车都进不来")
    assert compare(a, b).repeat and not compare(a, c).repeat


def test_a_wuhan_word_for_flooding_and_charging_in_the_stairwell():
    assert "flooding" in matter_for_text("南湖雅园门前渍水一直排不掉，都两天了").concepts
    m = matter_for_text("唐家墩新华家园楼道里停电瓶车还在里面充电，着火了怎么办")
    assert "fire_risk" in m.concepts and "power_out" not in m.concepts


def test_a_guess_at_the_cause_is_no_complaint_of_its_own():
    a = matter_for_text("青山区红钢城这几天晚上总有一股刺鼻的臭鸡蛋味，不晓得哪里来的")
    b = matter_for_text("青山红钢城街道晚上空气里有怪味，怀疑工厂偷排")
    assert "pollution" not in b.concepts and compare(a, b).repeat


def test_a_lift_in_two_buildings_or_phases_is_two_matters_but_an_outage_is_one():
    a = matter_for_text("江夏区金地格林小城二期8栋电梯坏了三天，一直没人修")
    assert compare(a, matter_for_text("格林小城二期八栋的电梯又停了，天天爬楼")).repeat
    assert not compare(a, matter_for_text("金地格林小城三期电梯也坏了，关了人")).repeat
    assert not compare(a, matter_for_text("金地格林小城二期12栋电梯坏了")).repeat
    assert compare(matter_for_text("金地格林小城5栋停电了"), matter_for_text("金地格林小城12栋也停电了"), hours=1).repeat


def test_a_name_on_a_road_or_after_words_of_position_is_read():
    assert "东湖港湾" in matter_for_text("徐东大街上的东湖港湾门口垃圾堆成山").places
    assert "东湖港湾" in matter_for_text("我们这边东湖港湾对面那个工地晚上打桩").places


def test_cli_reads_many_texts_in_processes_as_it_reads_them_alone():
    """Past PARALLEL_FROM distinct texts the CLI reads matters in forked processes: the same matters, in
    the rows' order, a repeated text read once. (In a process of its own: the test process has threads,
    beside which the CLI does not fork.)"""
    import subprocess

    script = """
import insight.cli as cli
texts = ["汉阳区四新中路工地夜间施工噪音大", "百步亭花园停水了", "光谷步行街门口占道经营", "徐东大街路灯不亮"]
rows = [{"text": f"{t}，第{n}次反映"} for n in range(12) for t in texts] + [{"text": texts[0] + "，第0次反映"}]
cli.PARALLEL_FROM = 10**9
alone = cli._matters(rows)
cli.PARALLEL_FROM = 5
shared = cli._matters(rows)
print(shared == alone, len(shared) == len(rows), shared[-1] is shared[0], "四新中路" in "".join(alone[0].places))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         cwd=str(Path(__file__).resolve().parents[2]))
    assert out.stdout.split() == ["True"] * 4, out.stderr[-2000:]


@pytest.mark.parametrize("first, second, repeat", [
    # a problem alone and with what it leads to in a later clause is one complaint
    ("硚口古田四路一个渣土车天天掉泥巴，路上全是土", "古田四路渣土运输车没盖篷布，灰大得不得了", True),
    # … but the setting one of them names in passing is not the other's complaint
    ("阅马场附近武珞路积水严重，公交车都熄火了", "武珞路阅马场公交站的站牌被撞坏了", False),
    # two numbered estates or two named sections of one place are two places
    ("常青花园十三小区的棋牌室开到半夜，打牌的声音和吵架声楼上都能听到", "常青花园九小区的麻将馆开到半夜，吵得很", False),
    ("东湖绿道听涛段有人骑电动车飙车，差点撞到老人", "东湖绿道落雁段有电动车横冲直撞", False),
    # a stop named after the place beside it, a landmark named after its road: one place
    ("洪山区鲁巷广场公交站的候车亭玻璃碎了，公交站台上全是碎渣", "鲁巷公交站那个等车的棚子玻璃碎了一地", True),
    ("卓刀泉寺附近有人半夜偷倒建筑垃圾", "卓刀泉路一带有人乱倒建筑垃圾，好几天没人清", True),
    # … but two places named alike are no stop of each other, and a stop's problem elsewhere stays apart
    ("鲁巷广场门口的路灯坏了好几盏", "鲁巷公交站的站牌被撞歪了", False),
    # problems the concepts learnt: a phone's signal is no traffic signal; a car park's fee said as 要价
    ("花山这边手机信号差得要命，打电话断断续续", "花山那个路口的信号灯坏了，一直是红灯", False),
    ("归元寺旁边停车场乱收费，说好十块收了五十", "归元寺那里停车的地方看门的随便要价", True),
    # an unnamed place of an area said officially (东亭某小区) is the area citizens name
    ("东亭那边有人在楼顶养鸽子，鸽子屎到处都是", "反映武昌区东亭某小区居民楼顶违规饲养信鸽", True),
])
def test_one_complaint_and_its_consequence_and_places_said_another_way(first, second, repeat):
    assert compare(matter_for_text(first), matter_for_text(second)).repeat is repeat


def test_a_school_named_after_its_road_is_read_and_two_districts_keep_two_places_apart():
    a = matter_for_text("江岸区将军路小学门口放学的时候家长的车乱停，堵得水泄不通")
    b = matter_for_text("将军路小学门口接孩子的车子停得乱七八糟，整条路都堵死")
    assert "将军路小学" in a.places and "将军路小学" in b.places
    # b's district is read from 将军路街道 (东西湖区): two districts are two places, however each was read (a
    # looser veto merged estates of one name in two districts in a dense week)
    assert a.district == "D-JA" and b.district == "D-DXH" and not compare(a, b).repeat
    c = matter_for_text("江岸区将军路小学门口接孩子的车停得乱七八糟")
    assert compare(a, c).repeat


@pytest.mark.parametrize("a_text, b_text, repeat", [
    # a landmark and what stands at it, said by one name stem (thirteenth wave)
    ("鲁巷广场天桥上摆满了地摊，过都过不去", "洪山区鲁巷人行天桥上流动摊贩占道经营", True),
    ("洪山区卓刀泉北路那个菜场门口污水横流，味道很大", "卓刀泉菜市场门口地上全是脏水，走路都打滑", True),
    # two places of one kind each, two numbered ones, two estates of one area: two places
    ("卓刀泉中学放学家长的车乱停，整条路走不动", "卓刀泉小学门口放学接孩子的车也乱停", False),
    ("南湖雅园门口一下雨就淹，水到膝盖", "南湖山庄门口下雨积水很深，电动车过不去", False),
    ("黄陂前川一小门口放学堵车", "黄陂前川二小门口接送车辆拥堵", False),
])
def test_one_place_said_by_its_name_stem(a_text, b_text, repeat):
    assert compare(matter_for_text(a_text), matter_for_text(b_text), hours=5).repeat is repeat


def test_all_the_way_is_no_road_and_a_horn_is_no_square_dance():
    m = matter_for_text("阳逻那边晚上大货车一路按喇叭")
    assert not any(p.endswith("一路") for p in m.places) and "square_dance" not in m.concepts
    assert "古田二路" in matter_for_text("古田二路渣土车掉得一路泥").places
    assert "road_damage" not in matter_for_text("户部巷的小吃价格太坑人了").concepts
