"""Hotspots of the thirteenth wave: a service down said by its verb parted from its object (挂不上号) and in a
place name the reader took, a question about the service left out; a line stopped or late is a service failing;
an underpass named after its crossing; an estate said at the area it begins with; fumes let out and the smell
they make over an area."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import _FAILING, Appeal, _area_head, _leading_area, _service_grams, find_hotspots

HOUR = 3600.0


def _appeals(texts, hours):
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (t, h) in enumerate(zip(texts, hours))]


def test_failing_is_said_as_closing_unusable_stopped_or_late_and_a_question_says_none():
    for text in ("挂号APP点预约就闪退", "挂号平台还是不能用吗", "手机挂不上号", "二号线停运了", "地铁晚点了",
                 "地铁停了十几分钟不走", "全线停了吗"):
        assert _FAILING.search(text), text
    for text in ("挂号费能不能用医保卡支付", "咨询一下挂号怎么预约", "停车场停了两天收多少钱"):
        assert not _FAILING.search(text), text


def test_a_verb_parted_from_its_object_is_read_as_the_service_the_others_name():
    assert "挂号" in _service_grams(matter_for_text("手机挂不上号，只能去医院现场挂"))
    assert "交费" in _service_grams(matter_for_text("网上一直交不了费"))


def test_a_booking_service_down_is_one_hotspot_and_a_question_about_it_stays_out():
    texts = ["网上挂号平台是不是崩了？都挂不了号", "全市统一预约挂号平台今天早上就用不了",
             "挂号APP登录以后点预约就闪退", "预约挂号网站故障，手机上挂不了", "手机挂不上号，这个系统什么时候修好",
             "挂号费能不能用医保卡支付？"]
    spots = find_hotspots(_appeals(texts, [0, 1, 2, 2, 3, 4]), now=1000.0 + 30 * HOUR)
    assert len(spots) == 1 and spots[0].description.startswith("多点蔓延：全市“")
    assert 5 not in spots[0].members and len(spots[0].members) >= 4


def test_an_underpass_is_at_its_crossing_and_an_estate_at_the_area_it_begins_with():
    assert _area_head("丁字桥涵洞") == "丁字桥" and _area_head("中山路下穿通道") == "中山路"
    assert _leading_area("光谷坐标城") == "光谷"
    assert _leading_area("坐标城") == "坐标城"


def test_fumes_let_out_at_night_join_the_smell_over_their_area():
    texts = ["江夏区庙山这边晚上有一股刺鼻的化学味道", "江夏区庙山晚上那个味道熏得嗓子疼",
             "庙山这边的臭味一到晚上就来了", "庙山一带夜里的异味又来了，窗户都不敢开",
             "庙山那个厂晚上偷偷排废气，能不能查一下"]
    spots = find_hotspots(_appeals(texts, [0, 2, 4, 6, 8]), now=1000.0 + 30 * HOUR)
    assert len(spots) == 1 and 4 in spots[0].members
