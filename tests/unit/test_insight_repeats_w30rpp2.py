"""(w30-rpp2) Repeat appeals, the place side: a landmark said without the head of its name beside the road it stands
on (人民医院 on 解放路 / 张之洞路 is 湖北省人民医院, 江滩公园 on 沿江大道 is 汉口江滩), and only there."""
import pytest

from insight.matter import compare, matter_of


@pytest.mark.parametrize("text,landmark", [
    ("人民医院（武昌解放路那个）门口电动车堆成山，没人管", "湖北省人民医院"),
    ("张之洞路人民医院门口天天有号贩子拉客", "湖北省人民医院"),
    ("沿江大道江滩公园厕所不开放，一整天都锁着", "汉口江滩"),
])
def test_landmark_said_short_beside_its_road(text, landmark):
    places = matter_of(text).places
    assert landmark in places
    assert places.index(landmark) < min((places.index(p) for p in places if p != landmark and landmark.endswith(p)), default=99)


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
