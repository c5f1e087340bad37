"""The thirtieth wave's landmark readings (issue 11, helper w30-lm): the municipal high schools said by their bare
ordinal (二中, 四中, 十一中, 十四中) are placed where the ordinal stands as a name, never inside a number, a school year or a
date (初二中午, 三十二中, 周二中午); a district's own ordinal school said with its district keeps that district (黄陂二中);
常青花园's first high school and 问津公园 are placed. Sentences written for these tests, not taken from any dev part."""

import pytest

from routing.places import _ordinal_said

# the twenty-third wave's helpers and its module-scoped demo router (a fixture, imported for pytest to find)
from tests.unit.test_routing_landmarks_w23g import _route, router  # noqa: F401


# each sentence with the district it names: a bare ordinal school, a school or park the round found unplaced, an ordinal
# inside a number, a school year or a date (no district), a district's own ordinal school (its district)
CASES = (("二中门口放学的时候小吃摊把路都堵了", "D-JA"), ("我家伢在四中读初一，学校让买指定的练习册", "D-QK"),
         ("十一中的食堂饭菜又贵又难吃", "D-WC"), ("十四中旁边的网吧让学生进去上网", "D-WC"),
         ("武汉市第十四中学的操场晚上不开放", "D-WC"), ("常青一中的校车司机开得好快", "D-DXH"),
         ("问津公园里面的厕所门坏了关不上", "D-XZ"),
         ("我家伢读初二中午在学校吃饭，食堂的菜是冷的", None), ("周二中午小区停水了，到现在还没来", None),
         ("孩子读高二中期考试的卷子要家长自己打印", None), ("三十二中门口的摊子把人行道占了", None),
         ("黄陂二中门口的摊子把路占了", "D-HP"))


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_the_district_a_school_by_its_ordinal_or_an_unplaced_landmark_names(router, case):  # noqa: F811
    text, district = case
    assert _route(router, text).district == district, text


def test_ordinal_said_only_where_it_stands_as_a_name():
    said = [_ordinal_said(t, a, b) for t, a, b in (("二中门口", 0, 2), ("去十一中的", 1, 4))]
    not_said = [_ordinal_said(t, a, b) for t, a, b in (("初二中午", 1, 3), ("三十二中", 2, 4), ("在二中心", 1, 3))]
    assert all(said) and not any(not_said)
