"""Issue 11 point 5, twenty-fifth wave (w25-tri): who is in danger now decides — people under a sheet or a board
coming loose overhead are an emergency; nobody under it, nobody in the lift, or the neighbour feared for who has
answered the door, is an ordinary matter, whatever the learned check reads in the words."""
from __future__ import annotations

import pytest

from routing import demo_router
from routing.triage import screen, triage


@pytest.fixture(scope="module")
def check():
    return demo_router().triage_check


@pytest.mark.parametrize("text", [
    # people under a thing coming loose overhead, now
    "吴家山这边一个厂房的屋顶铁皮被风掀起来一半，在上面啪啪地甩，下面是一排等车的人",
    "工地的防护网被风吹开了，一直在甩，下面有人在走路",
    "商场门口的招牌被风刮起来了一角，下面站着好多排队的顾客",
])
def test_people_under_a_thing_coming_loose_go_to_119_and_110(text):
    flags = triage(text)
    assert set(flags.transfer) == {"119", "110"}
    assert "险情" in flags.reason and "119" in flags.reason


@pytest.mark.parametrize("text", [
    # a pavement under it, nobody under it, or people passing every day: a hazard to fix
    "商场外墙上那块大广告牌有一边松了，风一吹晃来晃去，下面是人行道，麻烦管管",
    "小区楼顶的彩钢瓦被风掀起来了，下面经常有人走，希望物业处理一下",
    "屋顶的铁皮被风掀起来了，下面没有人，想让物业来固定一下",
])
def test_a_loose_thing_with_no_one_under_it_now_is_no_emergency(check, text):
    assert screen(text, check).transfer == ()


@pytest.mark.parametrize("text", [
    # nobody at the hazard: the learned check is not asked
    "公交站台的顶棚被车撞坏了，现在还挂在那里晃，下面没人等车，上面一半已经塌了，请尽快拆掉",
    "电梯卡在五楼不动了，里面没人，物业一直不来修",
    # the one feared for has answered: reached, not missing
    "邻居老太太一个人住，好几天没见她出门了，我敲门她在里面答应了，说身体不舒服，想让社区去看看",
])
def test_nobody_at_the_hazard_or_the_neighbour_answering_is_no_emergency(check, text):
    flags = screen(text, check)
    assert flags.transfer == () and flags.redirect is None


@pytest.mark.parametrize("text, numbers", [
    # still emergencies: someone in it, or no answer behind the door
    ("电梯卡在五楼不动了，里面有人出不来", {"119"}),
    ("邻居老太太好几天没见她出门了，敲门没人应，屋里有股味道", {"110", "120"}),
    ("对面那家厨房着火了，火苗往外窜，屋里没人", {"119"}),
])
def test_someone_in_danger_or_a_fire_is_still_flagged(check, text, numbers):
    assert set(screen(text, check).transfer) & numbers


@pytest.mark.parametrize("text", [
    # someone led off by people who gave a story, now out of reach
    "我家老人刚才被两个说是保健品公司的人带走了，说去领鸡蛋，电话也打不通",
    "我妈被一个自称社区的人带走了，说去领补贴，现在手机关机",
])
def test_someone_led_off_by_strangers_and_out_of_reach_goes_to_110(text):
    flags = triage(text)
    assert flags.transfer == ("110",)
    assert "正在发生的违法犯罪" in flags.reason


def test_led_off_but_coming_back_is_no_emergency(check):
    assert screen("有人说是社区的，把我妈带去领补贴了，下午就回来了", check).transfer == ()


def test_a_run_of_recent_nights_is_a_series_not_an_event_now(check):
    assert screen("徐东那边我们小区最近几个晚上都有人在撬车门，好几辆车玻璃被砸了", check).transfer == ()
    # this time told apart: now
    assert triage("最近几天一直有人在撬门，刚才又有人在撬我家的锁").transfer == ("110",)
