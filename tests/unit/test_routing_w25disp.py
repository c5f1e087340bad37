"""The twenty-fifth wave's dispatch readings (issue 11, helper w25-disp): characters that already read as a term where
they stand are not heard as another term by their sound (禁养区|要拆 is no 取药, so a livestock ban is no hospital's
matter); a two-character piece with a person in it (扣我, 给我) is no sign of any duty, so a monthly charge taken from
a citizen is not read as pay docked by an employer; a 禁养区 (zone where raising livestock is banned) is 农业农村's.
Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def demo():
    return demo_router()


def test_a_term_written_out_is_not_heard_as_another(demo):
    text = "我们湾里说是划了禁养区要拆猪圈，补偿的标准到现在也冇公布"
    d = demo.route(RoutingRequest(text=text))
    assert "DEPT-NYJ" in (d.unit, *d.assisting_units), (d.unit, d.assisting_units, d.rule)
    assert d.unit != "DEPT-WJW", (d.unit, d.rule)
    assert "≈取药" not in d.explanation and "禁养区" in d.explanation, d.explanation


def test_the_homophone_still_reads_where_no_term_is_written(demo):
    # 自来谁 (for 自来水) overlaps no term written out: still heard by its sound
    hits = [h for s in demo.catalogue.score("我家里的自来谁这两天是黄的") for h in s.hits]
    assert "≈自来水" in hits, hits
    d = demo.route(RoutingRequest(text="我家里的自来谁这两天是黄的，烧开了还有渣"))
    assert d.unit == "UTIL-WATER", (d.unit, d.rule)


def test_pieces_with_a_person_are_no_duty_sign(demo):
    assert not [p for p in demo.catalogue._pieces if any(ch in "我你您他她" for ch in p)]
    d = demo.route(RoutingRequest(text="有个软件每个月自动扣我二十九块钱，说是开了会员，我根本冇点过"))
    assert d.rule != "duty:labour" and d.unit not in ("DEPT-RSJ",) and not d.unit.endswith("-RS"), (d.unit, d.rule)
