"""The thirtieth wave's phone round (issue 11, helper w30-asr): a call as the speech engine posts it — one run of
characters with no pause, the call-taker's words mixed in with the caller's, a telephone number read out, a place name
heard by its sound with one character miswritten — read as the caller meant it; a written appeal reads as before.
Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing.speech import spoken
# the twenty-third wave's module-scoped demo router (a fixture, imported for pytest to find)
from tests.unit.test_routing_landmarks_w23g import router  # noqa: F401


@pytest.mark.parametrize("text,gone", [
    ("您好请讲嗯那个我们楼下的垃圾桶三天没人倒了请问您的地址青山区钢花村", ("请讲", "请问您的地址", "嗯")),
    ("您好这里是12345请问有什么可以帮您我们小区停水了一整天好的我这边给您记录一下", ("12345", "帮您", "记录")),
    ("喂喂你好我家门口路灯坏了好久了请问您贵姓姓秦好的还有其他问题吗", ("喂", "贵姓", "还有其他")),
    ("喂那个公交站牌被车撞歪了我的电话是幺五八七一二零三三九六", ("幺五八", "1587", "电话")),
])
def test_a_call_written_as_one_run_loses_the_call_takers_words_and_the_number(text, gone):
    said = spoken(text)
    assert said != text
    assert not any(g in said for g in gone), said


@pytest.mark.parametrize("text", [
    "我打了12345好几次都没人管，楼下的烧烤摊还在",
    "请讲清楚这个停车费的收费标准是哪个定的",
    "小区还有其他问题，比如电梯老是坏，物业也不管",
    "这种东西不好登记，窗口让我们跑了三趟",
    "我们小区停水了，从早上到现在",
])
def test_a_written_appeal_is_left_as_written(text):
    assert spoken(text) == text


def test_the_call_takers_turns_and_a_number_read_out_leave_a_spaced_transcript():
    text = ("您好 请讲\n那个 我们 小区 电梯 坏 了 三 天 了\n请问 您 的 地址\n汉阳区 钟家村\n"
            "我 姓 易 电话 幺三 九 七 一 零 二 八 八 四 五\n好的 还有 其他 问题 吗\n没有 了")
    said = spoken(text)
    assert "请问" not in said and "请讲" not in said and "还有其他" not in said
    assert "13971028845" not in said and "电话" not in said
    assert said.startswith("我们小区电梯坏了三天了") and "汉阳区钟家村" in said


@pytest.mark.parametrize("text,district", [
    # a two-character name heard by its sound, before 那个 + a place word
    ("喂你好我住在光固那个小区无业不修电梯好几天了请问您贵姓姓黄", "D-HS"),
    # … and before 的 at the clause's end (where the caller lives)
    ("喂那个我想问一下医保卡丢了怎么补办我是后胡的", "D-JA"),
])
def test_a_place_heard_by_its_sound_in_a_one_run_call(router, text, district):  # noqa: F811
    assert router.route(RoutingRequest(text=text)).district == district, text


def test_a_place_heard_by_its_sound_ending_a_clause_after_de(router):  # noqa: F811
    respelled = router.gazetteer.respelled
    assert "后湖" in respelled("医保卡丢了怎么补办，我是后胡的")
    assert "光谷" in respelled("我们光固那个小区的电梯坏了")
    # one followed by more words is not read so (the 的 is not the clause's end, 那个 no place word before)
    assert "后湖" not in respelled("我是后胡的楼下邻居")
    assert "光谷" not in respelled("光固那个人")


def test_a_one_run_call_is_read_as_a_transcript(router):  # noqa: F811
    # 无业 heard for 物业 by the property regulator's rules; the call-taker's question is no place
    d = router.route(RoutingRequest(text="喂你好就是我们光固那个小区的无业天天收钱不干事请问您的地址"))
    assert d.unit == "D-HS-FG", d.unit


def test_a_call_from_the_phone_channel_is_a_transcript_however_written(router, monkeypatch):  # noqa: F811
    seen: list[str] = []
    real = router.catalogue.respelled

    def spy(text, keep=()):
        seen.append(text)
        return real(text, keep=keep)

    monkeypatch.setattr(router.catalogue, "respelled", spy)
    router.route(RoutingRequest(text="我们小区门口的垃圾站好臭", channel="web"))
    assert not seen
    router.route(RoutingRequest(text="我们小区门口的垃圾站好臭", channel="phone"))
    assert seen


def test_a_word_said_twice_in_a_one_run_call_is_kept_once():
    said = spoken("喂那个我们小区无业无业不管事成管成管也不来")
    assert "无业无业" not in said and "成管成管" not in said and "无业" in said and "成管" in said
