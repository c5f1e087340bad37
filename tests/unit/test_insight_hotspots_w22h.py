"""Hotspots of the twenty-second wave (w22-hot): a school gate's crossing danger told in many words (斑马线, 减速带,
差点被撞, 护学岗) is one matter; one bus line's change told from its stops over the week is one; a road's works take
the appeals at that road that tell only what the works do (a stop moved, a pit dug, a shop's door blocked)."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import _schools_of, _works_effect
from insight.matter import load_lexicon
from tests.unit.hotspot_cases import one_hotspot as _one

def test_a_school_gates_crossing_danger_in_many_words_is_one_hotspot_and_its_canteen_another_matter():
    texts = ["育英路小学门口早上车开得飞快，孩子过马路太危险了", "建议育英路小学门口装个减速带，司机都不减速",
             "育英小学门口的斑马线都看不清了，伢们在车缝里穿", "今天早上育英路小学门口有个孩子差点被电动车撞了",
             "育英路小学放学时能不能派个协管员，车和人挤在一起吓死人", "育英路小学能不能设个护学岗，每天过街提心吊胆",
             "育英路小学食堂的饭菜太难吃了，孩子吃不饱"]
    _one(texts, [7, 31, 55, 79, 103, 127, 56], 150, range(6), (6,), said="过街")


def test_one_schools_names_are_one_key():
    for text in ("崇文路小学门口太乱了", "武昌崇文小学门口太乱了"):
        assert any(k.startswith("崇文|") for k in _schools_of(matter_for_text(text))), text


def test_a_bus_lines_change_told_from_its_stops_is_one_hotspot_and_its_drivers_manners_another():
    texts = ["836路这两天怎么不停黄孝河站了，也没贴通知", "反映一下836路突然改道，老人去医院要转两趟车",
             "836路现在绕到发展大道那边去了，为什么不提前公示", "请问836路是临时改线还是以后都这样，电话没人接",
             "836路车上报站跟站牌对不上，好多人坐过站", "836路司机态度恶劣，骂乘客"]
    _one(texts, [10, 40, 70, 100, 130, 60], 150, range(5), (5,), said="公交线路调整")


def test_works_told_by_a_moved_stop_a_pit_and_a_shops_lost_trade_are_the_works_at_that_road():
    texts = ["汉西一路在挖路施工，晚上十二点还在用破碎锤，吵得睡不着", "汉西一路施工扬尘太大，窗户都不敢开",
             "汉西一路修路半夜还在干，机器声音轰轰的", "汉西一路施工的泥巴被车带得满路都是",
             "汉西一路的公交站被挪到好远的地方去了，老人走不动", "汉西一路中间挖了一个大坑，晚上看不见",
             "我在汉西一路开了个面馆，门口被围住了，生意做不下去了", "汉西一路有家烧烤店油烟直排进居民楼"]
    _one(texts, [20, 30, 44, 50, 35, 40, 60, 45], 100, range(7), (7,))


def test_what_works_do_is_read_and_another_matter_at_the_road_is_not():
    lexicon = load_lexicon()
    for text in ("卓刀泉路的公交站搬哪去了", "路中间挖了个深坑", "门口被围住了，营业额掉了一半", "人行道都封了"):
        assert _works_effect(matter_for_text(text), lexicon), text
    for text in ("这条路有家火锅店油烟直排", "路上共享单车堆成山", "公交司机开车太猛"):
        assert not _works_effect(matter_for_text(text), lexicon), text


def test_a_homes_meter_or_bill_at_an_outages_place_is_not_the_outage():
    texts = ["钟潭路这边下午突然停水了，也没看到通知", "钟潭路的小区都没水了，水龙头一滴都没有",
             "钟潭路停水三个钟头了，老人上厕所都冲不了", "钟潭路一带停水这么久，至少发个通知吧",
             "钟潭路我们楼的水表坏了，水费多扣了好多", "钟潭路这边还是没来水，饭都做不成"]
    _one(texts, [0, 0.5, 1, 1.5, 2, 2.5], 10, {0, 1, 2, 3, 5}, (4,))


def test_a_homes_own_trip_beside_an_areas_outage_is_not_the_outage():
    texts = ["黄陂前川这边突然停电了，整条街都是黑的", "前川大道两边的店全部没电了，红绿灯也灭了",
             "我家在前川街的木兰花园，停电一个小时了，电梯里还有人", "前川街附近几个小区都停电了，供电所电话打不通",
             "前川一带没电到现在，家里老人怕热", "黄陂前川的凤凰小区也停电了，什么时候来电",
             "黄陂前川我家跳闸了，邻居家都有电，就我们一户没电", "前川大道这边停电两个小时了，冰箱里东西要坏了"]
    _one(texts, [0, 0, 1, 1, 2, 2, 2, 3], 10, {0, 1, 2, 3, 4, 5, 7}, (6,))


def test_a_city_wide_outage_takes_an_appeal_naming_its_service_in_two_words_without_the_key_word():
    texts = ["出生医学证明办好了，在网上办户口和医保一直显示系统异常", "在医院办出生一件事，护士说系统坏了今天办不了",
             "派出所说新生儿入户系统今天全市都用不了", "新生儿医保登记办不了，社区说网上系统故障",
             "出生一件事联办的系统今天是不是出问题了，排了两个小时队说办不了",
             "给新生儿上户口，网上出生一件事一直提交不了，页面报错", "新生儿上户口，网上一直提示网络繁忙"]
    _one(texts, [0, 1, 2, 3, 4, 2.5, 5], 10, range(7))


def test_fake_goods_and_lost_property_at_a_hotspots_place_are_their_own_matters():
    lexicon = load_lexicon()
    assert "fake_goods" in lexicon.find("菜场卖的猪肉注水，买回去一煮全是水")
    assert "fake_goods" in lexicon.find("步行街有人卖假货")
    assert "lost_property" in lexicon.find("在江滩捡到一个钱包，请问交到哪里")
    # (touts selling fake tickets are touts: no fake goods)
    assert "fake_goods" not in lexicon.find("景区门外好多人在卖假门票拉游客")
    texts = ["堤角菜市场门口的摊贩把菜摆到了人行道上", "堤角菜场外面摆摊的越来越多，马路都占了一半",
             "堤角菜市场那条路被摊子堵死了，城管管一下", "堤角菜市场门口占道经营越来越严重了",
             "堤角菜场卖的猪肉注水，买回去一煮全是水", "堤角菜市场外面的流动摊贩越来越多，小区门口都被堵了"]
    _one(texts, [8, 34, 58, 80, 60, 104], 150, {0, 1, 2, 3, 5}, (4,))


def test_an_appeal_naming_only_the_district_of_an_areas_outage_is_the_outage():
    texts = ["新洲邾城这边突然停电了，整条街都是黑的", "齐安大道两边的店全部没电了，红绿灯也灭了",
             "我家在邾城街的问津花园，停电一个小时了，电梯里还有人", "邾城大街附近几个小区都停电了，供电所电话打不通",
             "邾城一带没电到现在，家里老人怕热，能不能快点修", "新洲这边停电两个小时了，冰箱里东西要坏了，什么时候来电",
             "汉阳这边停电两个小时了，冰箱里东西要坏了"]
    _one(texts, [0, 0, 1, 1.5, 2, 2.5, 2.5], 10, range(6), (6,))


def test_a_markets_stalls_growing_over_the_week_take_the_rubbish_and_waste_water_they_leave():
    texts = ["球场街菜市场门口有几个卖菜的摆到人行道上了", "球场街菜场外面的摊子一天比一天多，走路都要侧着身子",
             "球场街菜市场那条街被摊贩占了一大半，车子开不进去", "投诉球场街菜场外面占道摆摊，消防通道都被堵了",
             "球场街菜场收摊以后烂菜叶子满地都是，臭得很，老鼠到处跑", "球场街菜场旁边污水顺着马路流，越来越脏",
             "球场街菜市场有摊主缺斤少两"]
    _one(texts, [9, 33, 57, 107, 81, 129, 60], 160, range(6), (6,))


def test_a_school_said_by_its_short_name_alone_is_that_schools_gate():
    texts = ["育英路小学门口早上车开得飞快，孩子过马路太危险了", "建议育英路小学门口装个减速带，司机都不减速",
             "育英小学门口的斑马线都看不清了，伢们在车缝里穿", "育英路小学能不能设个护学岗，每天过街提心吊胆",
             "每天送孩子去育英，门口过马路提心吊胆的，能不能安排人护学"]
    _one(texts, [7, 31, 55, 79, 103], 150, range(5))
