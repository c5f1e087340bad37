"""The demo city's router: places, rules, 兜底, returns, the learned second opinion."""

import pytest

from hotline.ports import RoutingDecision, RoutingRequest
from routing import (Gazetteer, build_router, demo_router, extract_place, load_demo_registry, load_table,
                     train_learned_router)
from routing.registry import CategoryInfo, UnitInfo


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.fixture(scope="module")
def gazetteer(router):
    return router.gazetteer


@pytest.mark.parametrize("text, district, street", [
    ("江岸区后湖街道百步亭花园社区", "D-JA", "D-JA-S15"),
    ("江岸这边二七街", "D-JA", "D-JA-S09"),          # short district name, short street alias
    ("大智路12号门口", "D-JA", "D-JA-S01"),           # a road only one district has
    ("光谷广场附近", "D-HS", None),                     # a landmark
    ("蔡甸区索河有人", "D-CD", "D-CD-S07"),
    ("我是一元钱买的", None, None),                     # a street alias inside an ordinary word
    ("江汉平原的大米", None, None),                     # a district name inside another name
    ("江汉大学附近", "D-HN", None),                     # likewise not 江汉区: the university is in the development zone (汉南)
    # the citizen's workplace, when a place follows it, is not where the matter is
    ("我在协和医院上班，下班走黄浦路那边，路灯坏了", "D-JA", None),
    ("我在协和医院上班，想问一下公积金怎么取", "D-JH", None),    # nothing follows: the workplace stays
    # a ride's destination, when a place precedes it, is not where the matter is
    ("新华路那边出租车拒载，我说去后湖，司机就把门关了", "D-JH", "D-JH-S07"),
    ("举水河边上有人挖沙", "D-XZ", None),                # a river residents name
    ("纸坊到武昌的那趟城际公交，车子太旧了", "D-JX", "D-JX-S01"),   # a line named by its two ends: where it starts
    ("钢城那边我们院子里有人养鸡", "D-QS", None),          # a district's nickname
    ("武广那边停车收费太贵", "D-JH", None),                # a mall residents name …
    ("我坐武广高铁回来，车上空调太冷了", None, None),       # … inside a railway's name, no place
])
def test_place_extraction(gazetteer, text, district, street):
    place = extract_place(text, gazetteer)
    assert (place.district, place.street) == (district, street)


def test_the_speakers_workplace_said_with_the_job_is_no_matter(router):
    """我是在学校当老师的，… introduces the speaker: the theft that follows is the matter, not the school."""
    d = router.route(RoutingRequest(text="我是在学校当老师的，我们积玉桥那边的小区，最近好几家的电瓶车电瓶被偷了"))
    assert d.unit == "DEPT-GAJ"


@pytest.mark.parametrize("text, district, candidates", [
    ("和平大道徐东那边路灯不亮", "D-WC", ()),              # spanning road + a landmark of one district
    ("和平大道青山段大货车闯红灯", "D-QS", ()),            # the district named beside the road
    ("雄楚大道珞雄路口两车相撞", "D-HS", ()),              # the cross street decides
    ("和平大道那边的变压器响了一夜", None, ("D-QS", "D-WC")),   # nothing else: the operator chooses
    ("汤逊湖边上有人倒垃圾", None, ("D-HS", "D-JX")),
    ("汤逊湖庙山那边一下雨就淹", "D-JX", ()),
    ("阳逻的工地上欠工钱", "D-XZ", ()),                   # a town name standing alone
    ("邾城老街有人搭违建", "D-XZ", ()),
])
def test_places_spanning_districts(gazetteer, text, district, candidates):
    place = extract_place(text, gazetteer)
    assert (place.district, place.candidates) == (district, candidates)


def test_a_spanning_place_gives_the_operator_one_unit_per_district(router):
    # (a matter of the district's 城管: filling the lake itself is also 水务's, a city department, which the
    # shipped neighbour model may prefer — then no district needs confirming for the unit)
    d = router.route(RoutingRequest(text="汤逊湖边上的路灯坏了一排，晚上黑漆漆的"))
    assert d.district is None and d.confidence <= 0.5
    assert "地点：跨区（洪山区、江夏区，来自诉求内容：汤逊湖），请确认所在区" in d.explanation
    per_district = [s for s in d.suggestions if s["source"] == "place"]
    assert [s["unit"] for s in per_district] == ["D-HS-CG", "D-JX-CG"]


@pytest.mark.parametrize("text, district", [
    # fourteenth wave: a university named before its own hospital, college or campus is not where the matter is
    ("华中科技大学附属协和医院挂号难", "D-JH"),
    ("华科同济医学院门口的摊贩", "D-QK"),
    ("湖北美术学院藏龙岛校区旁边的工地", "D-JX"),
    ("武汉理工大学余家头校区门口的井盖坏了", "D-WC"),
    ("协和医院同济医院都挂不了号", "D-JH"),          # two hospitals side by side: the first still decides
    ("汉阳门那边路灯不亮", "D-WC"),                    # 汉阳门 is 武昌's, not 汉阳区
    ("住在汉口北边一点", None),                        # 汉口北边 is no 汉口北
    ("绿水青山就是金山银山", None),
    ("武汉大学生创业补贴怎么申请", None),
])
def test_landmarks_read_as_residents_name_them(gazetteer, text, district):
    assert extract_place(text, gazetteer).district == district


def test_address_patterns(gazetteer):
    place = extract_place("我住在硚口区古田二路汉江湾小区，新华路218号", gazetteer)
    assert place.road == "古田二路" and place.community == "汉江湾小区"
    assert extract_place("江汉区新华路218号", gazetteer).address == "新华路218号"


def test_street_matter_goes_to_the_street_assisted_by_district_chengguan(router):
    d = router.route(RoutingRequest(text="江岸区后湖街道百步亭花园门口天天有人占道经营", category="C01"))
    assert isinstance(d, RoutingDecision)
    assert (d.unit, d.assisting_units, d.rule, d.district) == ("D-JA-S15", ("D-JA-CG",), "street-encroach", "D-JA")
    assert "占道经营" in d.explanation and "后湖街道" in d.explanation


def test_department_duty_is_not_pushed_down_to_the_street(router):
    d = router.route(RoutingRequest(text="江岸区后湖街道一家饭店后厨脏乱，吃完拉肚子", category="C06"))
    assert d.unit == "D-JA-SJ"
    d = router.route(RoutingRequest(text="公司在江汉区唐家墩街道，拖欠工资三个月", category="C02"))
    assert d.unit == "D-JH-RS"


def test_no_department_rule_falls_back_to_the_district_government(router):
    d = router.route(RoutingRequest(text="汉阳区五里墩街道居委会开证明要收费", category="C0110"))
    assert (d.unit, d.rule, d.assisting_units) == ("D-HY", "district-fallback", ("D-HY-S05",))
    assert "兜底" in d.explanation


def test_no_place_and_no_rule_goes_to_the_centre(router):
    d = router.route(RoutingRequest(text="我上次反映的问题一直没人回复"))
    assert (d.unit, d.rule, d.district) == ("WH12345", "unresolved", None)
    assert d.confidence < 0.5


def test_place_field_beats_the_text(router):
    d = router.route(RoutingRequest(text="楼下有人占道卖菜", category="C01", place="新洲区仓埠街道"))
    assert (d.unit, d.district, d.place["source"]) == ("D-XZ-S03", "D-XZ", "place")


def test_a_returned_unit_is_excluded_on_reroute(router):
    req = RoutingRequest(text="江岸区后湖街道有人占道经营", category="C01")
    first = router.route(req)
    again = router.route(RoutingRequest(text=req.text, category=req.category, exclude_units=frozenset({first.unit})))
    assert again.unit == "D-JA-CG" and again.unit != first.unit
    assert "退单" in again.explanation


def test_learned_model_breaks_a_tie_and_answers_when_no_rule_matches():
    units = [UnitInfo("C", "中心", "centre"), UnitInfo("U1", "甲局", "department"), UnitInfo("U2", "乙局", "department")]
    cats = [CategoryInfo("K", "其他")]
    table = load_table('[table]\nunresolved = "C"\n[[rule]]\nid = "a"\nkeywords_any = ["桥"]\nlead = ["U1"]\n'
                       '[[rule]]\nid = "b"\nkeywords_any = ["桥"]\nlead = ["U2"]\n', units, cats)
    rows = [("桥梁伸缩缝损坏", "K", "U2"), ("桥面开裂", "K", "U2"), ("桥下积水", "K", "U2"),
            ("路面坑洼", "K", "U1"), ("路灯不亮", "K", "U1"), ("井盖丢失", "K", "U1")] * 5
    learned = train_learned_router(rows)
    r = build_router(units, cats, table, learned, learned_threshold=0.5, gazetteer=Gazetteer.from_units(units, roads=[]))
    tie = r.route(RoutingRequest(text="桥面开裂"))
    assert tie.unit == "U2" and tie.rule == "b" and "并列" in tie.explanation
    none = r.route(RoutingRequest(text="路面坑洼很多"))
    assert none.unit == "U1" and none.rule == "learned"
    strict = build_router(units, cats, table, learned, learned_threshold=0.99, gazetteer=Gazetteer.from_units(units, roads=[]))
    assert strict.route(RoutingRequest(text="路面坑洼很多")).unit == "C"


def test_learned_router_round_trips(tmp_path):
    model = train_learned_router([("停水", "C01", "UTIL-WATER"), ("停电", "C01", "UTIL-POWER")] * 3)
    model.save(tmp_path / "m.pkl")
    again = type(model).load(tmp_path / "m.pkl")
    assert again.predict("停水了", "C01")[0][0] == model.predict("停水了", "C01")[0][0]


def test_demo_registry_shape():
    units, cats = load_demo_registry()
    seen = set()
    for u in units:   # parents listed before children
        assert u.parent is None or u.parent in seen
        seen.add(u.code)
    assert sum(u.kind == "district" for u in units) == 13
    assert [c.name for c in cats if c.parent is None] == ["城乡建设", "劳动和社会保障", "教育文体", "商贸旅游",
                                                         "环境保护", "卫生计生", "交通运输"]


class _KindModel:
    """A stand-in learned model that names a kind of unit, not a unit."""

    def __init__(self, label: str, p: float):
        self.label, self.p = label, p

    def predict(self, text, category=None, top=3):
        return [(self.label, self.p)]


def test_learned_kind_of_unit_resolves_against_the_place():
    from routing.learned import unit_ref
    assert unit_ref("D-JA-CG") == "@district.CG|DEPT-CGW"
    assert unit_ref("D-QK-S03") == "@street|@district"
    assert unit_ref("D-HY") == "@district|WH12345"
    assert unit_ref("UTIL-METRO") == "UTIL-METRO"
    r = demo_router(_KindModel("@district.SJ|DEPT-SJJ", 0.9), learned_threshold=0.4)
    req = RoutingRequest(text="钟家村一个家具店卖的沙发跟样品不一样")
    assert r._learned(req, None, frozenset(), r.locate(req.text)) == [("D-HY-SJ", 0.9)]
    req = RoutingRequest(text="一个家具店卖的沙发跟样品不一样")       # no place: the city's department
    assert r._learned(req, None, frozenset(), r.locate(req.text)) == [("DEPT-SJJ", 0.9)]


def test_learned_opinion_weighs_in_proportion_to_the_catalogue():
    # a sure model overturns a catalogue lead whose margin is small, but not a clear matter
    # (the tenth wave's catalogue knows 堆在马路上: the goods are stacked, 码, here, which it does not know)
    text = "汉正街那边的搬运工把货直接码在马路上，推车横冲直撞"
    plain = demo_router(seed_units=False).route(RoutingRequest(text=text))
    sure = demo_router(_KindModel("@district.CG|DEPT-CGW", 0.95), learned_threshold=0.4).route(RoutingRequest(text=text))
    assert sure.unit == "D-QK-CG" and plain.unit != "D-QK-CG"
    metro = "地铁站的自动扶梯又停了，好多人挤在楼梯上"
    wrong = demo_router(_KindModel("DEPT-YBJ", 0.3), learned_threshold=0.4).route(RoutingRequest(text=metro))
    assert wrong.unit == "UTIL-METRO"


@pytest.mark.parametrize("text, unit", [
    # a street facility said as the estate's own is the property's (seventeenth wave) …
    ("钟家村那边我们小区的路灯，小区里面的，坏了一年了，晚上出门要打手电", "D-HY-FG"),
    # … one only beside the estate stays the street lights'
    ("钟家村那边我们小区门口的路灯坏了一年了，晚上出门要打手电", "D-HY-CG"),
    # a resident neighbour's noise at home is the police's …
    ("洲头那边我们隔壁那户人家在阳台上养了一只大鹦鹉，从早叫到晚，学人讲话，吵死了", "DEPT-GAJ"),
    # … a trade's below the flat stays 城管's
    ("楼下有人天天用大喇叭卖货，从早喊到晚，我家老人受不了", "DEPT-CGW"),
    # the worker's trade said (做油漆工) and what the employer owes besides pay are the job's
    ("我在蔡甸一家家具厂做油漆工，厂里从来冇给我们发过口罩，咳嗽了大半年", "D-CD-RS"),
    ("我在东西湖一家冷链仓库上班，公司连个棉衣都不发，还扣我们的伙食费", "D-DXH-RS"),
])
def test_whose_matter_it_is(router, text, unit):
    assert router.route(RoutingRequest(text=text)).unit == unit


def test_a_product_mended_again_and_again_is_a_quality_matter(router):
    d = router.route(RoutingRequest(text="车子打不着火，发动不了，4S店修了三次还是不行"))
    assert d.unit == "DEPT-SJJ"


@pytest.mark.parametrize("text, district", [
    # eighteenth wave: campuses said short read as the campus, not the main hospital inside their name
    ("同济光谷那边门口天天堵车", "D-HS"),
    ("协和西区住院部的饭菜太贵", "D-HN"),
    # the short names insight/landmarks.toml gives (湖大 for 湖北大学) — but a lake's 大道 or a 湖大概 is no university
    ("湖大旁边有个培训机构跑路了", "D-WC"),
    ("这个湖大概有三米深", None),
    # the zoo said plainly is 汉阳's; the forest zoo at 九峰 洪山's
    ("动物园后门的行道树倒了", "D-HY"),
    ("九峰森林动物园门口的摊贩", "D-HS"),
])
def test_eighteenth_wave_landmarks(gazetteer, text, district):
    assert extract_place(text, gazetteer).district == district


@pytest.mark.parametrize("text, district", [
    ("阳罗那边的老街上卖菜的把路都占满了", "D-XZ"),
    ("纸方大街两边的店铺把货摆到人行道上", "D-JX"),
    ("盘龙成那边有家电器店不给修空调", "D-HP"),
    ("钟佳村地铁站出口一排水果摊", "D-HY"),
    ("我家楼下的长青树倒了", None),                     # no place said, none heard
    ("朱城老街那边的商户把摊子摆到马路上", "D-XZ"),      # a town's short name heard before its 老街
    ("楼下KTV天天唱到凌晨三点，", None),                # a word that only sounds like a name (三店) is no place
    ("我想学个面点师傅的手艺，有没有免费的培训班", None),   # two characters off (首义): no typo of a name
])
def test_a_place_name_written_as_it_sounds_is_read_by_its_sound(router, gazetteer, text, district):
    assert router.locate(text).district == district


def test_a_place_written_right_is_not_read_by_sound(router, gazetteer):
    # the written name decides; the sound is only read when the text names no place as written
    assert extract_place("阳罗那边的老街", gazetteer).district is None
    assert router.locate("硚口那边的老街，阳罗").district == "D-QK"


@pytest.mark.parametrize("text, district", [
    ("旧街那块的景区乱收停车费", "D-XZ"),          # a town's short name said with the area around it
    ("邾城那一带的菜场占道", "D-XZ"),
    ("车站那块有人摆摊", None),                    # an everyday word that is also a street's name stays no place
])
def test_a_towns_short_name_said_with_its_area(gazetteer, text, district):
    assert extract_place(text, gazetteer).district == district


@pytest.mark.parametrize("text, unit", [
    # vendors at a named place's gate or on its way out: the street's order, not the place's owner (文旅 for 黄鹤楼)
    ("黄鹤楼南门出来那条路上，好多人推着车卖纪念品和饮料，车都开不过去", "D-WC-S06"),
])
def test_stall_at_a_landmark_is_the_streets_order(router, text, unit):
    d = router.route(RoutingRequest(text=text))
    assert d.unit == unit and d.rule == "street-encroach"


def test_a_stalls_market_matter_at_a_landmark_stays_the_market_regulators(router):
    # a short weight at a stall outside a hospital is the market regulator's, not an encroachment
    d = router.route(RoutingRequest(text="协和医院门口有个卖水果的摊子缺斤少两"))
    assert (d.unit, d.district) == ("D-JH-SJ", "D-JH")


@pytest.mark.parametrize("text", [
    # school hours said only as when the stalls are there, a row of sellers, parents kept from the gate (twentieth wave)
    "钟家村小学门口放学那会儿好几个卖烤红薯的，把路占了一半",
    "育才小学门口放学的时候卖炸串的三轮车一排，接孩子的家长都挤不进去",
])
def test_stalls_at_a_school_gate_at_school_hours_are_the_streets_order(router, text):
    d = router.route(RoutingRequest(text=text))
    assert d.rule == "street-encroach" and not d.unit.endswith("-JY") and d.unit != "DEPT-JYJ"


@pytest.mark.parametrize("text", [
    # the school's words (伢, 家长, 放学) make the shipped appeals vote for the school: with the stall reading the vote
    # may only back a unit the catalogue found (w20-lmu2)
    "育英小学门口放学的时候一排卖辣条卖玩具的小摊，伢们围着买，家长接都接不到",
    "崇仁路小学门口一排卖炸串卖辣条的小摊，伢们下了课就围着买",
])
def test_the_shipped_appeals_vote_does_not_make_the_school_lead_on_a_stall_at_its_gate(router, text):
    d = router.route(RoutingRequest(text=text))
    assert d.rule == "street-encroach" and (d.unit.endswith("-CG") or d.unit == "DEPT-CGW"), d
    assert not d.unit.endswith("-JY") and d.unit != "DEPT-JYJ"


def test_school_hours_that_are_the_matter_stay_the_schools(router):
    d = router.route(RoutingRequest(text="江岸区那个小学三点半就放学，学校也不搞课后服务"))
    assert d.unit == "D-JA-JY"


@pytest.mark.parametrize("text", [
    "同济医院门口私家车乱停，急救车都进不来",          # the emergency vehicle kept out is the jam's victim
    "儿童医院门口的车乱停，救护车通道都被占了",
])
def test_cars_blocking_a_hospital_gate_are_the_traffic_polices(router, text):
    assert router.route(RoutingRequest(text=text)).unit == "DEPT-JGJ"


@pytest.mark.parametrize("text, term", [
    ("人民医院（东院）门口乱停车", "医院"),         # a short note in brackets between the place and its position word
    ("中心医院后门那条路上晚上黑漆漆的", "医院"),   # the road at a gate
])
def test_a_place_said_only_as_where_is_beside(router, text, term):
    assert any(text[a:b] == term for a, b in router.catalogue.beside(text))


def test_a_guide_or_audio_guide_is_the_tourism_departments(router):
    found = router.catalogue.score("里面的讲解员不见了，语音导览也是坏的")
    assert found and found[0].duty.id == "culture-tourism"
