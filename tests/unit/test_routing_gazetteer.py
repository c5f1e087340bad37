"""One gazetteer: routing reads the aliases of insight/landmarks.toml, each placed by its landmark's row in roads.csv."""
import logging
import tomllib
from importlib import resources

from routing.places import Gazetteer, extract_place
from routing.registry import (RoadInfo, landmark_aliases, load_demo_registry, load_demo_roads, roads_from_csv,
                              roads_with_aliases)


def _units():
    return load_demo_registry()[0]


def _roads_csv_names() -> set[str]:
    text = resources.files("hotline.demo_city").joinpath("roads.csv").read_text(encoding="utf-8")
    return {r.name for r in roads_from_csv(text)}


def test_an_alias_written_only_in_landmarks_toml_places_the_appeal():
    landmarks = tomllib.loads(resources.files("insight").joinpath("landmarks.toml").read_text(encoding="utf-8"))
    assert "国广" in landmarks["武汉国际广场"]["aliases"]
    assert "国广" not in _roads_csv_names() and "武汉国际广场" in _roads_csv_names()
    place = extract_place("国广门口的人行道被共享单车堵得走不了人", Gazetteer.from_units(_units()))
    assert place.district == "D-JH"


def test_each_alias_is_written_once():
    aliases = landmark_aliases(tomllib.loads(resources.files("insight").joinpath("landmarks.toml")
                                            .read_text(encoding="utf-8")))
    rows, streets = {}, {}
    for r in roads_from_csv(resources.files("hotline.demo_city").joinpath("roads.csv").read_text(encoding="utf-8")):
        rows.setdefault(r.name, set()).add(r.district)
        if r.street:
            streets.setdefault(r.name, set()).add(r.street)
    # a roads.csv row for an alias stays only where it places the alias elsewhere than its landmark, or gives the
    # street the alias is in (an alias takes only its landmark's district: 关山口 is 华中科技大学 and 关山街's)
    repeated = [a for a, p in aliases.items() if a in rows and rows[a] == rows.get(p) and not streets.get(a)]
    assert repeated == []


def test_the_demo_city_places_every_alias(caplog):
    with caplog.at_level(logging.WARNING, logger="routing.registry"):
        load_demo_roads()
    assert "not placed" not in caplog.text


def test_an_alias_keeps_its_own_row_and_a_joined_alias_is_left_to_its_names():
    roads = [RoadInfo("某某医院", "D-JA", None, "landmark"), RoadInfo("某某分院", "D-HN", None, "landmark"),
             RoadInfo("徐东", "D-WC", None, "landmark"), RoadInfo("销品茂", "D-WC", None, "landmark")]
    out, unplaced = roads_with_aliases(roads, {"某某分院": "某某医院", "某医": "某某医院", "徐东销品茂": "销品茂",
                                               "无名": "没有这行"})
    assert {(r.name, r.district) for r in out} == {("某某医院", "D-JA"), ("某某分院", "D-HN"), ("徐东", "D-WC"),
                                                   ("销品茂", "D-WC"), ("某医", "D-JA")}
    assert unplaced == [("无名", "没有这行")]


def test_a_city_replacing_either_file_still_works(tmp_path, monkeypatch, caplog):
    roads = tmp_path / "roads.csv"
    roads.write_text("# name,district,street,kind\n测试广场,D-QS,,landmark\n", encoding="utf-8")
    landmarks = tmp_path / "landmarks.toml"
    landmarks.write_text('["测试广场"]\naliases = ["测广"]\n\n["无行之地"]\naliases = ["无行"]\n', encoding="utf-8")
    monkeypatch.setenv("HOTLINE_ROADS_FILE", str(roads))
    monkeypatch.setenv("HOTLINE_LANDMARKS_FILE", str(landmarks))
    with caplog.at_level(logging.WARNING, logger="routing.registry"):
        gaz = Gazetteer.from_units(_units())
    assert extract_place("测广门口的路灯坏了", gaz).district == "D-QS"
    assert extract_place("汉口火车站门口的路灯坏了", gaz).district is None      # the demo city's rows are replaced
    assert "无行（无行之地）" in caplog.text                                     # reported, by name, not dropped silently
    monkeypatch.delenv("HOTLINE_ROADS_FILE")
    gaz = Gazetteer.from_units(_units())                                          # the demo roads, the city's landmarks
    assert extract_place("汉口火车站门口的路灯坏了", gaz).district == "D-JH"
    assert extract_place("汉口站门口的路灯坏了", gaz).district is None            # 汉口站 is no row of roads.csv now…
    monkeypatch.delenv("HOTLINE_LANDMARKS_FILE")
    assert extract_place("汉口站门口的路灯坏了", Gazetteer.from_units(_units())).district == "D-JH"   # …but an alias


def test_small_places_residents_name_are_placed_and_everyday_words_are_not():
    gaz = Gazetteer.from_units(_units())
    # twentieth wave (w20-gaz): lanes, a school by its road, a mall, a lake's park, a town's old name
    for text, district in [("江大路口子上的井盖丢了一个", "D-JA"), ("长春街小学后门的路灯不亮", "D-JA"),
                           ("大兴路上的小饭馆油烟直排", "D-JH"), ("泰宁街菜场门口污水横流", "D-JH"),
                           ("龙阳时代地下车库收费太贵", "D-HY"), ("大堤口那几栋老房子的下水道堵了", "D-WC"),
                           ("武丰那里的垃圾站臭得很", "D-QS"), ("汤湖公园门口摆满了地摊", "D-HN"),
                           ("黄陵街上的路灯一直不亮", "D-CD"), ("金港新区的工地晚上还在施工", "D-JX")]:
        assert extract_place(text, gaz).district == district, text
    # 成功 and 全力 (communities of 蔡甸 and 沌口) are everyday words said alone: never a place
    assert extract_place("我申请了好几次都没成功，请你们全力帮忙解决", gaz).district is None
