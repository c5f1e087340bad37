"""Hotspots of the twenty-fourth wave (w24-hot): a trick posing as civil affairs (a senior's "subsidy" registration)
at the door over districts is one hotspot; a new rule told at each
school gate (即停即走, 接送区) or at each estate (撤桶, 定时定点投放) over the city is one matter; a burst main told at
one place by what it does (停水, 公交绕道) is one burst with its cause; one bus line's buses failing told over days
is one matter without the line's other complaints."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import _trick_key, find_hotspots
from insight.matter import load_settings
from tests.unit.hotspot_cases import HOUR, appeals, one_hotspot, spot_of

NOW = 1000.0 + 160 * HOUR


def test_senior_subsidy_trick_over_districts_is_one_hotspot_and_a_real_question_is_not():
    one_hotspot([
                 "有人上门说是民政局的，给老人登记养老补贴，要了我爸的银行卡，江岸区二七路这边",
                 "硚口区汉正街有人自称民政的上门办老年补贴，问我妈要验证码",
                 "洪山区街道口这边也有人上门了，说办高龄补贴要身份证和密码，是骗子吧",
                 "武昌区司门口有人冒充街道的挨家挨户敲门登记补贴，收了好几家的银行卡，提醒大家",
                 "请问高龄津贴怎么申请，我爸八十一岁了"],
                [10, 30, 52, 77, 90], 160, inside=range(4), outside=[4], said="冒充民政")


def test_subsidy_trick_key_is_read_at_the_door_and_a_real_call_is_not():
    tricks = load_settings().get("hotspots", "tricks", {})
    key = lambda t: _trick_key(matter_for_text(t), tricks)  # noqa: E731
    assert key("有人上门说是民政局的，给老人登记养老补贴，要银行卡和验证码") == ("door", "民政")
    assert key("上门说办高龄补贴要验证码的，千万别给") == ("door", "民政")
    assert key("社区打电话说要给我妈做高龄补贴的年审，要去社区拍照") is None


def test_school_drop_off_rule_at_many_gates_is_one_hotspot():
    one_hotspot([
                 "学校门口改成即停即走了，停下来就被赶，三角湖小学门口喇叭按成一片",
                 "新划的接送区就五个车位，育才二小门口早上堵半个小时",
                 "汉阳晴川小学的即停即走区太短，交警在旁边抄牌",
                 "自从学校外面不让停车以后，家长车都停到辅路上，天天堵，二桥小学这边",
                 "首义路小学门口的斑马线磨没了，孩子过马路危险"],
                [2, 3, 5, 24, 30], 160, inside=range(4), outside=[4])


def test_refuse_rule_over_estates_of_districts_is_one_hotspot():
    one_hotspot([
                 "江岸区百步亭我们小区楼道的垃圾桶一夜之间全撤了，要走好远去扔",
                 "洪山区的小区搞定时定点投放，晚上八点以后不能扔垃圾了",
                 "硚口区汉西这边撤桶以后垃圾全堆在原地，臭得很",
                 "武昌区水果湖的小区只剩一个投放点了，老人提着垃圾走十分钟",
                 "厨余垃圾要不要把袋子拆掉再扔"],
                [20, 26, 31, 40, 45], 160, inside=range(4), outside=[4])


def test_burst_main_told_by_what_it_does_is_one_burst():
    rows = appeals([(90, "雄楚大道石牌岭这边水管爆了，马路上全是水"),
                    (91, "我们小区突然停水了，物业说是外面雄楚大道的主管破了"),
                    (92.5, "公交说雄楚大道封了一半要绕，等了半天车不来")])
    spots = find_hotspots(rows, now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(spot.members) == {0, 1, 2}, [s.description for s in spots]


def test_one_bus_lines_failures_over_days_are_one_matter_without_its_driver():
    rows = appeals([(40, "268路公交车司机开车打电话，很危险"),
                    (48, "268路今天又坏在半路上了，车上的人都下来走路"),
                    (53, "268路的车空调坏了还在跑，里面四十度"),
                    (70, "268路这星期怎么老是坏车，又有一台趴窝的"),
                    (74, "268路在小东门站一个小时没车，说是车辆故障")])
    spots = find_hotspots(rows, now=NOW)
    spot = spot_of(spots, 1)
    assert spot is not None and set(spot.members) == {1, 2, 3, 4}, [s.description for s in spots]
    assert spot_of(spots, 0) is None


def test_a_bus_line_said_by_its_bare_number_beside_its_stop_or_bus_is_read():
    assert "公交230路线" in matter_for_text("我在中南路站等230，三辆车都不停").places
    assert "公交230路线" in matter_for_text("反映230公交，小东门站一个小时没车").places
    assert "公交230路线" in matter_for_text("洪山广场站230过站不停").places
    assert not any(p.startswith("公交") for p in matter_for_text("在车站等了30分钟，交了200块").places)


def test_a_trick_posing_as_a_body_no_list_names_is_keyed_by_its_name():
    tricks = load_settings().get("hotspots", "tricks", {})
    assert _trick_key(matter_for_text("有人敲门说是环保局的，来测甲醛，非要我们买净化器"), tricks) == ("door", "环保")
    assert _trick_key(matter_for_text("环保局晚上能不能来查一下这个工厂的废气"), tricks) is None
