"""Issue 11 point 5, twenty-third wave (w23-tri): smoke, smells and sparks with a known source are ordinary; an
emergency told through what is about to follow is not."""
from __future__ import annotations

import pytest

from routing import demo_router
from routing.triage import screen, triage


@pytest.fixture(scope="module")
def check():
    return demo_router().triage_check


@pytest.mark.parametrize("text", [
    # a kiln's or a works' smoke as it runs, and the caller's own alarm corrected
    "我们村旁边的炭窑一开工就冒青烟，熏得人眼睛疼，能不能管管",
    "砖瓦厂晚上偷偷烧窑，浓烟从山那边飘过来，我们以为着火了，跑去看才知道是烧窑",
    "饲料厂烘干的时候冒白烟，有股焦糊味，闻起来像失火了，其实是厂里在生产",
    "钢厂晚上放火炬，整个天都是红的，还以为哪里着火了",
    "三店那边有个砖厂冒黑烟，附近的人都受不了",
    # an engine's diesel smell at a quay or a station
    "码头上的货船靠岸的时候发动机不熄火，柴油味大得很，窗户都不敢开",
    "汽车站里的大巴车停着不熄火，一股柴油味飘到我们店里",
    "江边的轮渡一靠岸就冒黑烟，柴油味好重",
    # sparks on a pole or a line, nothing burning, fallen or hurt: the power company's urgent repair
    "常青路这边有根电线杆上的线一直在打火花，噼里啪啦的，没起火，也没掉下来，请供电公司赶快来修一下",
    "路口那根电线杆上的线头在冒火花，一闪一闪的，麻烦供电所来修一下",
    "附近工地晚上焊东西，火星子到处飞，焊了一个通宵，吵得睡不着",
    # the gas company's people on the spot; a fault each time a thing is used, switched off; a crash told for the insurer
    "纸坊这边燃气公司的调压箱一直在嘶嘶地放气，工人说是正常泄压，但是味道太大了，能不能移远一点",
    "街道口这边燃气公司在路上施工，挖开的地方一股燃气味，工人在旁边守着说在换阀门",
    "家里新买的热水器一洗澡就有焦糊味，我已经关了电闸，商家说要过三天才能来修",
    "前天在中南路口两辆车追尾，我是后面被撞的，对方一直不接电话，保险也不处理",
    # a kept fire told by how long it burnt; a nest hanging outside a window
    "金银湖边上有人在烧垃圾，一股塑料烧焦的味道，烧了一下午",
    "小区里有个马蜂窝，挂在二楼窗户外面，好多人被蛰过，请派人来摘",
])
def test_a_known_source_is_no_emergency(check, text):
    assert screen(text, check).transfer == ()


@pytest.mark.parametrize("text, numbers", [
    ("暴雨下了一晚上，我家是平房，水已经漫到床边了，我跟我老伴都七十多了，门外面的水更深", {"110", "119"}),
    ("水已经漫到二楼楼梯了，我们一家五口在三楼，电也停了，手机快没电了", {"110", "119"}),
    ("雨太大了，水已经淹到床沿了，我爸瘫痪在床上，门也打不开了", {"110", "119"}),
    ("梁子湖上有条小船翻了，两个人趴在翻过来的船底上，离岸边挺远", {"110", "119"}),
    # still fires: sparks onto straw, a burning wire, a transformer, a works with a blast
    ("电线杆上的电线在冒火花，火星子掉到下面的草堆里，草已经着了", {"119"}),
    ("楼下的电线在冒烟，有股焦糊味，火花噼里啪啦的", {"119"}),
    ("电线杆上的变压器在冒火花，还有黑烟", {"119"}),
    ("化工厂那边刚才一声巨响，现在冒黄烟，好多人往外跑", {"119"}),
])
def test_an_emergency_told_through_what_follows_is_flagged_by_the_rules(text, numbers):
    assert set(triage(text).transfer) & numbers
