"""Hotspots of the twenty-third wave's second round (w23-hot2): a trick posing as one body's staff, told at the door in
several districts, by text or by phone anywhere in the city over the week, is one hotspot; two bodies posed as, or two
ways a trick came, are two; a body's real visit asked about, a deadline's questions and one's own old loss stay
background; a trick told at one district's doors only is no city-wide one."""
from __future__ import annotations

from insight.hotspots import _trick_key, find_hotspots
from insight.matter import load_settings
from insight import matter_for_text
from tests.unit.hotspot_cases import HOUR, appeals, spot_of

_DOOR_GAS = [(8, "江岸区塔子湖有两个人上门，说是燃气公司的来安检，非要我换报警器，三百八一个"),
             (30, "汉阳区王家湾有人冒充燃气公司入户检查，推销燃气报警器，老人买了两个"),
             (55, "我在洪山区街道口，刚才有人敲门自称煤气公司的，说软管不合格要换，收了我一百五，是不是骗子"),
             (79, "青山区有人假扮燃气公司员工上门，卖自闭阀，这个是真的吗"),
             (101, "燃气公司是不是派人到家里来安检啊，东西湖那边好几户都被推销了报警器，感觉不对劲")]


def test_door_to_door_trick_over_districts_is_one_hotspot():
    rows = appeals(_DOOR_GAS + [(60, "燃气公司通知下周上门安检，家里没人怎么办")])
    spots = find_hotspots(rows, now=1000.0 + 160 * HOUR)
    spot = spot_of(spots, 0)
    assert spot is not None and set(spot.members) == {0, 1, 2, 3, 4}, [s.description for s in spots]
    assert "冒充燃气" in spot.description and spot_of(spots, 5) is None


def test_door_trick_in_one_district_only_is_no_city_wide_hotspot():
    rows = appeals([(8 + 20 * k, f"江岸区有人冒充燃气公司上门推销报警器，第{k + 1}次了，是骗子吧") for k in range(4)])
    spots = find_hotspots(rows, now=1000.0 + 160 * HOUR)
    assert not any("冒充" in s.description for s in spots), [s.description for s in spots]


def test_sms_trick_without_places_is_one_hotspot_and_a_phone_trick_another():
    sms = [(20, "收到短信说我的社保卡被停用了，让点链接重新激活，这是骗人的吧"),
           (22, "社保卡停用的短信，里面有个链接，要填银行卡号和验证码"),
           (25, "我妈也收到社保卡异常的短信了，带个链接"),
           (40, "社保短信让点链接办理，好多人都收到了，官方能不能辟谣")]
    phone = [(30, "有人打电话说是医保局的，说我医保卡被盗刷了，要我转账到安全账户"),
             (70, "接到自称医保中心的电话，说要冻结我的账户，让下载个软件屏幕共享"),
             (90, "冒充医保的诈骗电话又来了，问我要验证码"),
             (120, "医保局的人打电话要我提供银行卡信息，是不是真的")]
    rows = appeals(sms + phone + [(50, "社保卡丢了怎么补办，在哪个窗口"), (60, "医保今年缴费截止到哪天")])
    spots = find_hotspots(rows, now=1000.0 + 160 * HOUR)
    a, b = spot_of(spots, 0), spot_of(spots, 4)
    assert a is not None and b is not None and a is not b, [s.description for s in spots]
    assert set(a.members) == {0, 1, 2, 3} and set(b.members) == {4, 5, 6, 7}
    assert spot_of(spots, 8) is None and spot_of(spots, 9) is None


def test_trick_key_reads_channel_and_body_and_leaves_real_visits_and_old_losses():
    tricks = load_settings().get("hotspots", "tricks", {})
    key = lambda t: _trick_key(matter_for_text(t), tricks)  # noqa: E731
    assert key("有人冒充供电公司上门换电表，每户收两百") == ("door", "供电")
    assert key("收到医保卡冻结的短信，让点链接") == ("sms", "医保")
    assert key("燃气公司通知要上门安检，可以改时间吗") is None           # a real visit, nothing posed
    assert key("我去年被冒充客服的骗了三万，想问问案子进度") is None      # one's own loss, no body, no channel


def test_door_selling_without_a_doubt_said_is_read_and_a_real_visit_is_not():
    tricks = load_settings().get("hotspots", "tricks", {})
    key = lambda t: _trick_key(matter_for_text(t), tricks)  # noqa: E731
    assert key("有人上门做燃气安检，说软管老化必须换，一根两百") == ("door", "燃气")
    assert key("有人打着社区的名义上门登记，收了每户二十元") == ("door", "社区")
    assert key("自来水公司换水表要收钱吗，我们小区在通知更换水表") is None


def test_door_trick_over_estates_the_gazetteer_does_not_place_is_one_hotspot():
    rows = appeals([(10 + 25 * k, f"我们{name}来了两个人说是电力公司的，要换电表，每户收三百")
                    for k, name in enumerate(["幸福里小区", "金桂苑", "翠柳家园", "和风雅居"])])
    spots = find_hotspots(rows, now=1000.0 + 160 * HOUR)
    spot = spot_of(spots, 0)
    assert spot is not None and set(spot.members) == {0, 1, 2, 3}, [s.description for s in spots]
