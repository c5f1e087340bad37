"""Hotspots of the twenty-eighth wave (w28-hot): one trick posing as one body that reaches some citizens by a call and
others by a text (先发短信再打电话) is one hotspot; a trick told by what it asked (共享屏幕, 视频会议, 安全账户) or by
the citizen's own word for it (诈骗电话); a ride code failing city-wide told as 乘车码, 扫码 and 二维码; a cold snap's
frozen pipes and meters over districts. Another trick, a question about the body, a ride code asked about and a pipe
frozen in one district only are none of them."""
from __future__ import annotations

from insight.hotspots import _linked, _trick_key, find_hotspots
from insight.matter import load_settings
from insight.places import matter_for_text
from tests.unit.hotspot_cases import HOUR, appeals, spot_of

NOW = 1000.0 + 160 * HOUR


def _spot(rows, inside, outside, row=0):
    """The hotspot of row 0 among the hotspots of ``rows`` ((hours, text)): it holds ``inside`` and none of ``outside``."""
    spots = find_hotspots(appeals(rows), now=NOW)
    spot = spot_of(spots, row)
    assert spot is not None and set(inside) <= set(spot.members), [s.description for s in spots]
    assert not set(outside) & set(spot.members), spot.description
    return spot


def _key(text):
    return _trick_key(matter_for_text(text), load_settings().get("hotspots", "tricks", {}))


def test_a_trick_told_by_what_it_asked_or_by_its_name_is_read():
    assert _key("有人打电话说我的养老金要重新认证，让我下个软件共享屏幕") == ("phone", "社保")
    assert _key("对方说是社保中心的，要办换卡，让他开了视频会议，钱被转走了") == ("phone", "社保")
    assert _key("社保卡年检的诈骗电话一天打来好几个") == ("phone", "社保")
    assert _key("社区好多老人接到电话说社保卡异常，要把钱转到安全账户") == ("phone", "社保")
    # (a real question about the body is no trick)
    assert _key("打电话问社保局，养老金认证怎么做") is None


_PENSION = [(6, "接到电话说是社保局的，说我养老金资格要认证，让我点短信里的链接填银行卡号，武昌"),
            (30, "收到短信说社保卡要升级，不升级就停用，里面有个网址让填验证码，青山"),
            (55, "冒充人社局的人打电话让我妈下载一个软件共享屏幕，说是办社保待遇，汉阳"),
            (80, "短信里说社保卡过期了，点链接重新激活，要输银行卡密码，这是骗人的吧，江夏"),
            (104, "又是社保卡年检的诈骗电话，要我转钱到安全账户，洪山")]


def test_one_trick_by_call_and_by_text_is_one_hotspot():
    spot = _spot(_PENSION + [(40, "收到电话说我涉嫌洗钱，要配合公安调查，把钱转到安全账户"),
                             (70, "社保卡丢了去哪里补办，江岸")], range(5), {5, 6})
    assert spot.kind == "spread" and "社保" in spot.description


_CODE = [(120.0, "公交乘车码刷不了，上车滴滴报错，司机让我投币"),
         (120.4, "武昌这边扫码乘车一直失败，排了好长的队"),
         (120.9, "手机上的乘车二维码打不开，显示网络异常"),
         (121.5, "公交扫码用不了，是不是系统出问题了，汉口"),
         (123.0, "乘车码什么时候能恢复，下班又刷不了")]


def test_a_ride_code_failing_told_by_its_three_names_is_one_hotspot():
    _spot(_CODE + [(60, "乘车码怎么开通，老人用不来")], range(5), {5})


_BILL = [(140.0, "网上国网缴费一直失败，钱扣了但没到账"),
         (140.5, "交电费的APP打不开，显示系统维护"),
         (141.0, "今天缴电费一直提示异常，是全市都这样吗"),
         (142.0, "网上国网提示系统繁忙，试了十几次都不行"),
         (143.0, "电费交不进去，晚上要停电了怎么办，江夏")]


def test_the_power_companys_app_is_its_bill():
    _spot(_BILL + [(60, "网上国网怎么绑定户号，老人不会弄")], range(4), {5})


_LEAK = [(30.0, "汉阳四新那个小区楼道里一股煤气味，很浓，是不是哪里漏气了"),
         (30.4, "江城明珠一楼闻到很重的燃气味道，大家都不敢开火"),
         (31.0, "我们江城明珠五栋那里有臭鸡蛋的味道，物业说不知道哪里来的，会不会爆炸"),
         (32.5, "汉阳江城明珠的燃气公司来了没有，味道还在，住户都跑到楼下了"),
         (36.0, "江城明珠漏气的地方找到了没有，今天晚饭还能不能做")]


def test_a_gas_leak_takes_its_smell_at_its_place():
    _spot(_LEAK + [(36.0, "江夏纸坊一个小区门口一股臭味")], range(1, 5), {5}, row=1)
    # (the leak's appeals at the estate, its smell among them; w28-hot)


def test_a_gas_leak_and_its_smell_are_linked():
    assert "odor" in _linked({"gas"}, load_settings()) and "gas" in _linked({"odor"}, load_settings())
