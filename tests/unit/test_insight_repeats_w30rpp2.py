"""(w30-rpp2) Repeat appeals, the place side: a landmark said without the head of its name beside the road it stands
on (人民医院 on 解放路 / 张之洞路 is 湖北省人民医院, 江滩公园 on 沿江大道 is 汉口江滩), and only there."""
import pytest

from insight.matter import compare, matter_of


@pytest.mark.parametrize("text,first", [
    ("人民医院（武昌解放路那个）门口电动车堆成山，没人管", "湖北省人民医院"),
    ("张之洞路人民医院门口天天有号贩子拉客", "湖北省人民医院"),
    ("沿江大道江滩公园厕所不开放，一整天都锁着", "汉口江滩"),
    # a bus stop said right after its line: the stop, not what the line and stop made together (公交中山公园)
    ("726路公交车虎泉站的站台顶棚塌了一块", "虎泉公交站"),
    ("2路公交中山公园站那个候车亭广告灯箱碎了", "中山公园公交站"),
    ("坐536路到广埠屯站下车，发现站台的棚子破了", "广埠屯公交站"),
])
def test_landmark_said_short_by_its_road_and_stop_said_after_its_line(text, first):
    places = matter_of(text).places
    assert places[0] == first
    assert not any(p.startswith("公交") and not p.endswith("路线") for p in places)


@pytest.mark.parametrize("text,name", [
    ("人民医院门口电动车乱停，人行道都堵了", "人民医院"),      # said alone: a 人民医院 of any district
    ("江滩公园厕所不开放，一整天都锁着", "江滩公园"),          # said alone: four 江滩 in the city
])
def test_short_name_said_alone_is_left(text, name):
    places = matter_of(text).places
    assert name in places
    assert "湖北省人民医院" not in places and "汉口江滩" not in places


def test_road_said_short_and_full_name_are_one_place():
    a = matter_of("湖北省人民医院门口号贩子太猖狂了，缠着病人卖专家号")
    b = matter_of("张之洞路那个人民医院门口号贩子拉客卖专家号")
    assert set(a.places) & set(b.places)
    assert compare(a, b, hours=20).same_place == "湖北省人民医院"


def test_stop_after_its_line_is_the_stop_said_alone():
    a = matter_of("726路公交车虎泉站的站台顶棚塌了一块，下雨没地方躲")
    b = matter_of("虎泉公交站站台顶棚塌了，等车的人都淋雨")
    assert compare(a, b, hours=10).same_place == "虎泉公交站"


def test_line_said_alone_names_no_stop():
    assert not any(p.endswith("公交站") for p in matter_of("536路公交站台坏了，没人修").places)
