"""The rule router: ticket facts + place → lead unit, assisting units, rule, confidence and reason.

Pure: built once from the registry, the category tree, the routing table and (optionally) a learned
model; `route()` does no I/O. See `routing.table` for the table format and precedence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from hotline.ports import RoutingDecision, RoutingRequest
from routing.catalogue import _BESIDE, Catalogue, sounds
from routing.places import (_FOLLOW_RE, _OPENING_FILLERS, Gazetteer, Place, extract_place, longest_first_pattern,
                            merge_places)
from routing.registry import DISTRICT_KINDS, CategoryInfo, Registry, UnitInfo, landmark_aliases, landmarks_data
from routing.speech import spoken
from routing.table import _SPECIAL_RE, Rule, RoutingTable
from routing.triage import screen

LEARNED_RULE_ID = "learned"
NAMED_RULE_ID = "named-unit"
OVERRIDE_PRIORITY = 90      # a rule at or above it decides over the catalogue (a city's precise override)
RULE_BONUS = 2.5            # what a matching rule adds to its unit's catalogue score
LEARNED_WEIGHT = 3.0        # the learned model's probability × this (at least) …
LEARNED_RELATIVE = 1.0      # … or × this times the best catalogue + rule score, when larger
ASSIST_MIN_SCORE = 3.0      # a second unit with its own matter at least this strong assists (协办)
MIN_LEAD_SCORE = 2.0        # below it (a place word alone) nothing leads: 兜底 or the centre, with the short list
HOMOPHONES_BY_WORD = True   # a term heard by its sound counts only where the text has no word of its own
RETURNS_TO_STOP = 2         # accepted returns of a kind of matter after which a unit is no longer chosen for it
ASSIST_RATIO = 0.75         # … and at least this share of the lead's score
NEIGHBOURS_DECIDE = 0.35    # when nothing in the text names a matter, the nearest shipped appeals' unit leads from this share
NAMED_BONUS = 2.0           # a unit the citizen names by its name, short name or alias (the registry's): as strong as
                            # an object, less than a matter — 请城管来管 or 派出所不管 speak for it, the matter still decides
ADDRESSED_BONUS = 4.0       # … and a unit the call or letter opens by addressing (工商局吗，…; 质监局能不能查一下，…;
                            # twenty-fourth wave): the citizen tells whom the matter is for, worth more than one matter word
NAMED_KINDS = ("department", "utility")   # the centre (打12345), districts and streets (places) are no such naming
SEED_RELATIVE = 1.2         # LEARNED_RELATIVE for the shipped appeals' opinion (neighbours and centroids, routing.seed)


_RAIL_STATIONS = ("火车站", "客运站", "汽车站", "汉口站", "武昌站", "武汉站", "公交站", "加油站", "垃圾站", "中转站")


_KIND_SUFFIXES = ("公园", "医院", "小学", "中学", "幼儿园", "景区", "体育馆", "体育中心", "图书馆", "博物馆",
                  "动物园", "植物园", "体育场", "纪念馆", "美术馆",
                  # a memorial site (八七会议会址, 辛亥革命武昌起义军政府旧址, 盘龙城遗址; twenty-first wave)
                  "会址", "旧址", "故居", "遗址",
                  # a theatre, concert hall, science museum or exhibition hall (湖北剧院, 琴台音乐厅, 武汉科技馆; twenty-sixth
                  # wave, helper w26-lm)
                  "剧院", "剧场", "音乐厅", "科技馆", "展览馆")


_CAMPUSES = ("院区", "分院", "东院", "西院", "南院", "北院")

# the kinds a museum, a memorial, a library or a sports venue said by its short name keeps (武博 is a 博物馆, 五大会址 a
# 会址, 省博 a 博物馆, 网球中心 a 体育中心): the kind of the landmark the landmarks file gives the short name to, so that
# its own matter said without the kind (武博里面冷气太足, 省博的展厅关着) is its owner's, as 紫阳公园 keeps 公园
# (twenty-fifth wave, helper w25-gaz)
_VENUE_KINDS = ("博物馆", "纪念馆", "美术馆", "图书馆", "体育馆", "体育中心", "体育场", "会址", "旧址", "故居", "遗址",
                "剧院", "剧场", "音乐厅", "科技馆", "展览馆", "医院")


# a place said as the area around it (同济医院那块的小区, 沙湖公园那一带, 中南医院这边一家饭馆): the matter may be anywhere there
# (那里 / 这里 are often inside it: 公园那里的湖, and stay)
_AROUND = re.compile(r"(?:那边|这边|那块|这块|那一块|这一块|那一带|这一带|一带|那一片|这一片|那片|那坨|那一坨|那附近|这附近)")
# vendors at a landmark's gate or on its way out (黄鹤楼南门出来那条路上好多人推着车卖纪念品, 二中门口卖小吃的摊子, 医院门口
#的小推车): the street's order, not the landmark's owner (nineteenth wave, helper w19-lmu)
_LANDMARK_STALL = re.compile(
    r"(?:门口|门外|出口|出站口|外面|外边|旁边|对面|周边|路上|路边|人行道|广场上)[^。！？!?]{0,24}?"
    r"(?:摊子|摊点|小摊|地摊|摊位占|推着车卖|推车卖|推着小车|小推车|三轮车卖|拉客[^。！？!?]{0,6}卖|"
    r"卖[^。！？!?，,]{1,8}的(?:摊|小贩|推车|三轮车?|小车|车子)"
    # a row of sellers (门口一排卖奶茶卖炸串的, 出口好几个卖水果的; twentieth wave)
    r"|(?:一排|一溜|一长排|好几个|好多)(?:人)?(?:在)?卖[^。！？!?，,]{1,10}的"
    # someone selling there, said without the stall (出口天天有人卖菜, 一到下班就是卖烤红薯卖臭豆腐的, 门口摆摊卖水果; a
    # number or a ticket sold there is a scalper's, not a stall; twenty-fourth wave, helper w24-gaz)
    r"|(?:有人|全是|都是|就是|尽是|净是|一堆人|一群人|好些人)(?:在)?(?:摆摊|摆地摊)?卖(?![^。！？!?，,]{0,2}[号票])[^。！？!?，,]{1,10}"
    r"|摆(?:地)?摊卖(?![^。！？!?，,]{0,2}[号票])[^。！？!?，,]{1,10})")
_STALL_READ = "。占道经营"    # what the stall reading appends
# the owners of a landmark whose gate a stall stands at: their words there say only where it is (twenty-fourth wave)
# (a scenic spot's own touting and tickets at its gate stay its own: not listed)
_GATE_OWNERS = ("metro", "health", "first-aid", "parks-greening")
# touting for rides at a station, the airport or a campus gate (机场出来有人拉客问要不要车, 出站口有人喊拼车去武昌，一个人
#五十): unlicensed ride-selling, the transport bureau's (with the police) — not the street's order; touting for
# lodgings, a guide or a shop stays (twenty-first wave, helper gaz)
_TOUT = re.compile(r"拉客|揽客|拉人|喊客|举着?牌子?喊|围上来[^。！？!?]{0,4}喊|问要不要车|喊[^。！？!?，,]{0,6}走不走")
_RIDE_CUE = re.compile(r"要不要车|要车不|坐车|拼车|打车|用车|包车|走不走|上了?车|上车|一口价|私家车|"
                       r"(?:一个人|每人|一位|一人|一趟)(?:收|要)?[一二两三四五六七八九十百几好0-9]+")
_TOUT_OTHER = re.compile(r"住宿|旅馆|宾馆|酒店|住店|导游|购物|算命|理发|办卡|推销|按摩|洗脚|发传单")
_RIDE_READ = "。黑车拉客"    # what the ride-touting reading appends

# a landmark's own washroom (国博展馆里的卫生间, 公园的厕所): its taps and its water are its keeper's, not a water cut of the
# water company's — unless a home is said (同济医院那块的小区停水，厕所都冲不了: the homes' water) — and its 卫生间 is no
# metro station's unless a station is said (国博中心北站的卫生间); twenty-seventh wave, helper w27-lm
_WASHROOM = re.compile(r"厕所|卫生间|洗手间|公厕")
_HOMES = re.compile(r"小区|家里|我家|屋里|楼上|楼下|住户|居民|整栋|单元|宿舍")
_STATION_SAID = re.compile(r"站|地铁|轻轨")
# a university's own grounds said right after its name, however short (湖大的图书馆, 华农的食堂, 武理余家头校区的宿舍, 武大里面的
#体育馆, 湖工宿舍的门禁): the campus is the university's, its library, canteen, dormitory, sports hall or gate no public
# library's, restaurant's or stadium's — the education bureau and the school answer, unless a matter of another unit
# is told there (食堂的饭里吃出虫子 is food safety, 宿舍楼的电梯坏了 the lift's). A gate counts only with its access said
# (北门晚上十点就关了, 大门外卖进不来), not as where a stall or a jam is (twenty-third wave, helper gaz)
_CAMPUS_NAMES = ("大学", "学院", "校区", "分校")
_CAMPUS_FACILITY = re.compile(
    r"(?:[\u4e00-\u9fa5]{1,4}校区)?(?:的|里面的|里面|里头的|里头|里的|里|内的|校内的?)?"
    # (w29-lm) a building of it said by its own name first (东九楼的自习室, 西十二楼里的教室)
    r"(?:[东西南北]?[一二三四五六七八九十\d]{1,3}(?:号楼|楼|栋)(?:的|里面的|里的)?)?"
    r"(教室|图书馆|自习室|食堂|饭堂|宿舍楼|宿舍|寝室|体育馆|游泳馆|游泳池|操场|田径场|运动场|校医院|医务室|校车|教学楼|实验室"
    r"|澡堂|浴室|开水房|博物馆|美术馆|校园"
    r"|(?:[东西南北]?大门|校门口|校门|正门|东门|西门|南门|北门|门禁|门口)"
    r"(?=[^，。！？!?]{0,6}(?:不让|不准|进不|关门|关了|锁|刷|预约|外卖|闸机)))")
# a campus's own roads and grounds said as inside it (华农里面的路, 武大里面樱花大道上, 华科校园里面的路灯, 湖大校园里的
# 草坪): the campus's own, as its buildings are (twenty-third wave, second round, helper gaz2)
_CAMPUS_GROUNDS = re.compile(
    r"(?:[\u4e00-\u9fa5]{1,4}校区)?(?:的)?(?:校园)?(?:里面|里头|里|内|校内)(?:的|那条|那个|那片|那段)?"
    r"(?:[\u4e00-\u9fa5]{0,4}?)(路灯|主干道|道路|马路|大道|路|草坪|草地|湖边|跑道|停车场|栏杆)")
# (w28-lm) a dormitory's power cut at a set hour (宿舍晚上十二点断电, 寝室定时断电, 十一点就熄灯): the campus's own rule for
# its dormitories, no outage of the grid's
_DORM_CURFEW = re.compile(r"(?:宿舍|寝室)[^。！？!?]{0,12}(?:(?:[一二两三四五六七八九十\d]+点|定时|按时|准时)(?:半|钟)?(?:就|准时|准点)?"
                          r"(?:断电|熄灯|拉闸|停电)|熄灯)")
# the duties whose matters are a campus's buildings' and grounds' own kind (a library's opening hours, a sports hall's
# fees; since the second round also its lights, lawns, puddles, roadworks, the cars and visitors on its roads, its
# students): told on a campus they are the campus's, not another unit's matter
_CAMPUS_GROUND_DUTIES = frozenset({"culture-tourism", "sports", "cg-enforcement", "water-affairs", "parks-greening",
                                   "construction", "traffic-police", "schools", "property",
                                   # (w29-lm) its buildings' heating (自习室暖气不开): the campus's own boilers
                                   "heating"})
# an ID card swiped or shown at a gate to get in (刷身份证进馆, 身份证刷不进, 凭身份证免费): the card is the pass, no
# police matter (twenty-third wave, second round)
_ID_PASS = re.compile(r"(?<=刷)(?:了|个|下)?身份证|身份证(?=(?:都|也|又|就)?(?:刷|识别|预约|进|入))|(?<=凭)身份证|(?<=带着)身份证")
# 说好的 is a developer's promise only when a home is said (说好的交房, 说好的学区): a promise a museum, a hospital or a
# campus made is its own matter (twenty-third wave, second round)
_PROMISE = re.compile(r"说好的|说好了的")
_HOME_SAID = re.compile(r"房|楼盘|小区|开发商|业主|交付|车位|学区|装修|户型|面积|首付|物业|幼儿园|配套|样板|精装|会所|容积")
# a guesthouse's or a hotel's charge (小旅馆住一晚收三百, 宾馆价格表写一百): the lodging trade's prices, 市场监管's —
# not the hospital or the station across the road whose visitors stay there (陪护的, 看病的家长, 出站口对面)
_LODGING = re.compile(r"宾馆|旅馆|旅社|招待所|快捷酒店|酒店|民宿")
_LODGING_CHARGE = re.compile(r"住一晚|一晚上?(?:要|收)|收了?[一二两三四五六七八九十百\d]|多收|价格|价钱|标价|房费|押金|退房")
_LODGING_READ = "。住宿乱收费"
_LODGING_VISITOR_DUTIES = ("health", "first-aid", "metro")
# private cars parked in a hospital's ambulance lane or at its emergency door (急救通道，私家车天天停在那里; 急诊门口私家车
# 乱停，救护车进不去): parking, the traffic police's — the hospital's words only say where (twenty-third wave, second round)
# a pharmacy across the road from a hospital, its price told (协和对面的药店比医院里贵二十块, 医院门口那家药房外面买贵一倍):
# the drug trade's price (市场监管) — the hospital is only where the prescription came from; the hospital's own pharmacy
# (中药房拿药要排两个钟头) is not outside it and stays the hospital's (twenty-fourth wave, helper w24-gaz)
_PHARMACY_OUTSIDE = re.compile(r"(?:对面|门口|门外|外面|外头|旁边|附近|周边|隔壁|周围|出门)[^。！？!?，,]{0,8}?"
                               r"(?:大药房|中药店|中药铺|药店|药房|药铺)|(?:外面|外头|药店|药房)[^。！？!?，,]{0,3}买")
_PHARMACY_CHARGE = re.compile(r"比(?:在)?(?:医院|院里)|价格|价钱|标价|明码|多收")
# the hospital dearer than the pharmacy (开药比外面药店贵) or out of the drug (药房说缺药，让到外面买) is the hospital's
_HOSPITAL_DEARER = re.compile(r"比[^。！？!?，,]{0,4}(?:药店|药房)|缺药|没药|断药|没有这个药")
_PHARMACY_READ = "。药店乱收费"
# a shop, a café or a counter at or inside a landmark whose owner has a strong domain (武汉天地那个电影院卖的爆米花，潮得
# 很; 协和医院门口的花店，一束康乃馨要一百八; 汉口火车站候车厅里那家快餐，一份盒饭四十五; 木兰山景区里面的小卖部，一瓶矿泉水
# 十块), its price or its food told: the shop's, the market regulator's (市场监管) — the cinema, the hospital, the station
# or the scenic spot only says where it is; their own service (放映, 挂号, 班次) has no shop word and stays theirs
# (twenty-ninth wave, landmark round two, helper w29-lm2)
_LANDMARK_SHOP = re.compile(r"小卖部|小卖铺|小超市|便利店|花店|快餐|咖啡店|奶茶店|饭馆|餐馆|面馆|小吃店|早餐店|早点铺|水果店"
                            r"|爆米花|套餐饮料|卖的可乐|卖的饮料|卖的零食|门口卖的")
_LANDMARK_SHOP_MATTER = re.compile(r"(?:卖|收|要|标的?|标价)[^。！？!?，,]{0,4}?(?:[0-9一二三四五六七八九十两百几]+(?:块|元)"
                                   r"|[一二三四五六七八九两几]?[十百][一二三四五六七八九]?)"
                                   r"|[一每](?:瓶|碗|份|杯|个|桶|盒|斤|串|根)[^。！？!?，,]{0,6}?[0-9一二三四五六七八九十两百几]+(?:块|元)"
                                   r"|被宰|宰客|过期|馊|臭的|变质|发霉|长了?霉|三无|生产日期|夹生|兑的|拉肚子|虫子|头发"
                                   r"|潮得|软了|缺斤|少两|明码|标价|吃了[^。！？!?，,]{0,2}吐")
_LANDMARK_OWNER_WORDS = re.compile(r"电影院|影城|影院|医院|火车站|候车厅|候车室|客运站|风景区|景区|地铁站|车站|机场"
                                   r"|小学|中学|学校")
_SHOP_VISITOR_DUTIES = ("health", "first-aid", "metro", "bus-operation")
_SHOP_READ = "。商家乱收费"
_AMBULANCE_WAY = re.compile(r"救护车|急救车|急救通道|急诊")
_PRIVATE_PARKED = re.compile(r"(?:私家车|社会车辆|车子)[^，。！？!?]{0,8}?(?:停|占|堵)")
_PARKED_READ = "。违停"
# an event at a venue (一开演唱会, 一有足球赛, 比赛散场) said with the cars or the road it jams (周边的路堵到半夜, 车子堵在路上,
# 违停的车): the traffic's matter (交警) — the venue and its event only say when and where (twenty-fifth wave, helper w25-gaz)
_VENUE_EVENT = re.compile(r"演唱会|音乐节|球赛|比赛|联赛|开赛|散场|散会|车展|展会|展销会|博览会|晚会|大型活动")
_EVENT_ROAD = re.compile(r"路|车|交通|红绿灯|路口|小区门口")
_EVENT_DUTIES = ("sports", "culture-tourism")
# a coach station's own counter said right after its name (金家墩客运站的售票窗口只开一个, 傅家坡客运站的退票窗口收手续费,
# 宏基客运站售票处的电子屏写的班次…对不上): the station's ticket windows, refunds and timetables are the station's, the
# transport bureau's (客运) — not a government service window (窗口), the metro's timetable (班次) nor a finance matter
# (百分之): those duties' words are blanked and 客运售票 said. Touts, thieves and shops at it have no counter word
# and keep their units (twenty-sixth wave, second landmark round, helper w26-lm2)
_COACH_COUNTER = re.compile(r"(?:客运站|汽车站|客运中心|长途站)[^。！？!?]{0,16}?"
                            r"(?:售票窗口|退票窗口|售票处|售票厅|售票员|售票|退票|买票|改签|检票|进站安检|安检|窗口|班次|班车|发车)")
# the kinds of place that are addresses, not landmarks (RuleRouter._place_words_blanked); a community is not among
# them: it is often said as 一个小区 / 老小区, whose 小区 is the matter's own word
_ADDRESS_KINDS = ("road", "street", "district")
_COACH_COUNTER_DUTIES = ("government-services", "metro", "pyramid-finance")
_COACH_READ = "。客运售票"
_CAMPUS_READ = "。高校校园"     # what the campus reading appends (a matter of the education bureau's universities duty)
_CAMPUS_OWN_DUTY = "exams-universities"     # the duty 高校校园 reads as: never another unit's matter on a campus
_STALL_TRADE = re.compile(r"缺斤|短斤|少两|秤|过期|变质|假货|假的|退款|退钱|不退|发票|价格|标价|收费|多收")


def _place_masked(text: str, place: Place, *, kinds: bool = True, alias_kinds: dict[str, str] | None = None) -> str:
    """The text with the place names it names blanked (南湖 is no lake complaint, 地铁口 no metro one), but
    a place name followed by 站 (钟家村站, 光谷广场站) is a metro station: the station speaks for the metro
    company as 地铁站 would; and the kind of a place named stays (紫阳公园 keeps 公园, 协和医院 医院) — unless
    ``kinds`` is false and the place is said as an area around it (同济医院那块, 沙湖公园那一带: see
    RuleRouter._landmark_masked)."""
    masked = text
    for span in sorted(place.spans, key=lambda s: -s.start):
        if span.kind in ("district", "street", "road", "landmark", "community"):
            end = span.end - 1 if span.text.endswith("站") else span.end
            kind = next((k for k in _KIND_SUFFIXES if span.text.endswith(k) and len(span.text) > len(k)), "")
            if not _BESIDE.match(text, span.end) and (kinds or not _AROUND.match(text, span.end)):
                end -= len(kind)    # 同济医院门口乱停车: the matter is only beside the hospital
            insert = "地铁站" if _is_station(span.text, text[span.end:span.end + 4]) else ""
            said = (alias_kinds or {}).get(span.text, "") if span.kind == "landmark" and not kind else ""
            if not insert and said and not _BESIDE.match(text, span.end) and (kinds or not _AROUND.match(text, span.end)):
                # a venue said by its short name keeps its landmark's kind (武博 → 博物馆), in the name's own room
                # where it fits (五大会址 → 　　会址), after it where it does not
                if len(said) <= end - span.start:
                    end -= len(said)
                    masked = masked[:span.start] + "　" * (end - span.start) + said + masked[end + len(said):]
                    continue
                insert = said
            if not insert and not kind and span.text.endswith(_CAMPUSES) and not _BESIDE.match(text, span.end) \
                    and (kinds or not _AROUND.match(text, span.end)):
                insert = "医院"     # a hospital's campus (省人民医院东院, 协和西院, 同济光谷院区) keeps its kind too
            masked = masked[:span.start] + "　" * (end - span.start) + insert + masked[end:]
    return masked


# separable verbs said apart (停了五次电, 停了两天水, 欠了我们三个月工资): the catalogue knows them whole (停电, 拖欠工资)
_QTY = "一两二三四五六七八九十百千万几多好半整个次回趟天小时钟头礼拜星期周月年块的0-9"
# (停的电动车, 停了两辆电瓶车 are parked vehicles, not a cut: 电 followed by the rest of another word is not 停电)
_SEPARATED = ((re.compile(f"停[了过]?[{_QTY}]{{1,7}}(电|水|气)(?![动瓶车梯视脑话线表费器筒扇工站源池箱灯])"), "停{}"),
              (re.compile(f"欠了?(?:我|我们|他|他们|她|大家)?[{_QTY}]{{1,8}}(工资|工钱)"), "拖欠{}"))


# a verb with its aspect particle (放着音乐, 冒着黑烟, 开着音响, 堆着垃圾): the catalogue knows the verb and its object
_ASPECT = re.compile(r"([放开摆堆占停排冒打唱喊亮响烧倒泼挖拆搭圈卖])[着了]([\u4e00-\u9fa5]{2,3})")


# something thrown from a height (从窗户往下扔东西, 扔了个花盆下来, 从二十几楼往下扔菜刀, 往楼下扔垃圾袋, 楼上扔烟头): the
# matter is 高空抛物 (the police's), whatever was thrown (a flower pot is no property matter, a lawn hit no greening one)
# ride-hailing cars and taxis as mere vehicles in a jam (fourteenth wave; RuleRouter._vehicles_in_traffic)
_RIDE_CARS = re.compile(r"网约车司机|网约车|出租车|滴滴的车|滴滴司机|滴滴|的士|专车")
_JAM = re.compile(r"堵|乱停|停一排|停了一排|停成一排|违停|占道|占了[一两半]?[个条]?车道|占了半[边条]|排成|排了一长|排起长龙|双闪|挤在一起|随便停|停得|横在|停在[^，。！？]{0,8}等"
                  # a road filled with parked cars (把南京路停满了, 停满了两边的路; twenty-first wave)
                  r"|停满")
# the cars of people coming to a hospital (来看病的车子, 送病人看病的车, 接病人的车) said only as what fills or blocks the
# road at its gate: vehicles in a jam, the traffic's matter (交警) — not a medical one (twenty-first wave, helper gaz)
_VISITOR_CARS = re.compile(r"(?:来|去|送|接|拉|带)?(?:病人|病号|家属)?(?:来|去)?(?:医院)?"
                           r"(?:看病|看急诊|看门诊|就诊|复查|探视|探病|陪诊|送病人|接病人)(?:的人)?的?"
                           r"(?:私家车|小车|车子|车辆|车)")
_VISITOR_READ = "。堵车"    # what the visitors' cars reading appends
_VISITOR_JAM = re.compile(_JAM.pattern + r"|排着?队|排到|一排|排得|走不动|挪不动|动不了|过不去|停到了?(?:马路|路)中间"
                          # a bus or an ambulance it blocks (read as 车辆 by _BLOCKED first)
                          r"|车辆[　]*(?:都|也|根本|全|就)?(?:开不|进不|过不|出不|靠不|停不)")
_RIDE_SERVICE = re.compile(r"绕路|绕道|拒载|不拉|不载|打表|计价|车费|多收|加钱|要价|一口价|宰客|乘客|下车|上车|平台|接单|派单|取消|扣费|扣了我|"
                           r"司机骂|骂人|态度|车牌不一样|车牌跟|黑车|拉客|抢客|候客|打车|打不到|叫车|叫不到|约车|坐车|坐网约车|坐出租")


_BLOCKED = re.compile(r"(公交车|公交|救护车|急救车|急诊的车|120的车|消防车|校车|垃圾车|旅游大巴|大巴车|大巴|班车|长途车|出租车|的士)(?:都|也|根本|全|就)?(?:开不过去|开不进来|开不进去|进不来|进不去|进不了站|过不去|出不去|开不动"
                      r"|靠不了站|靠不上站|靠不了边|进不了站台|停不了站|停不进站|出不了站"
                      # its way taken by the parked cars (救护车通道都被占了, 急救车的道被堵了; twentieth wave)
                      r"|(?:的)?(?:通道|道)(?:都|也|全)?被(?:占|堵)"
                      # … said with when and by whom (救护车的通道，天天被私家车堵着; twenty-third wave)
                      r"|(?:的)?(?:通道|道)[，,]?(?:天天|每天|经常|总是|老是|一直)(?:都|也|全)?被[^，。！？!?]{0,5}?(?:占|堵)"
                      # made to stop in the road (公交车只能在路中间下客; twenty-first wave)
                      r"|只能(?:停)?在(?:马路|路)?中间(?:上下客|下客|上客|停))")


_THROWN = re.compile(r"(?:往|从)(?:楼上|楼下|窗[户口]?外?|阳台|高楼|高层|[一二三四五六七八九十几0-9]+楼)?(?:往)?下(?!水)[面边头去]?[扔丢抛泼甩倒]"
                     r"|往楼下[扔丢抛泼倒甩]|[扔丢抛甩][^，。！？,.!?]{0,8}?下来|楼上[^，。！？,.!?]{0,6}?[扔丢抛甩]"
                     # 从天上掉下来 … 不晓得是哪一层丢的: thrown by someone of the building
                     r"|(?:从天上|从楼上|从高处|从高空)[^，。！？,.!?]{0,4}?掉下来|哪一?[层楼户家][^，。！？,.!?]{0,3}?[扔丢抛甩]")


# goods the citizen bought and found faulty (买的洗衣机用了一个礼拜就漏水, 网上买的家具送到了是坏的): the fault is the
# product's, a matter of quality for market supervision, not of the leak, the courier or the gas named beside it
# (sixteenth wave) — a flat, a parking space or insurance bought is no such goods
_BOUGHT_FAULTY = re.compile(r"(?:买的|买了|网购的|订的|下单的)(?![房楼车位商铺门面保险基金理财股票票])[^。！？!?]{0,28}?"
                            r"(?:是坏的|坏了|就坏|漏水|漏电|漏气|不制冷|不制热|打不着|用不了|不能用|不好用|开线|开裂|裂了|掉色|不灵|"
                            r"充不进电|充不上电|有问题|一股味|有划痕|有个坑|有一个大坑|凹了"
                            # the rest of the family (seventeenth wave): it will not start or work, it burns or melts,
                            # it smells or comes apart, it was mended again and again
                            r"|不启动|启动不了|不转|不出水|不出热水|不加热|开不了机|开不开机|黑屏|死机|烧焦|融了|熔了|怪味|异味"
                            r"|松的|松了|脱胶|起球|变形|缩水|发霉|修了[一两三四五六七八九十几]次)")
# a product said with its after-sales service or its maker and a fault (4S店修了三次还是不行, 售后说要等半个月): the
# goods' quality too, whatever the product's words name (a car that will not start is no gas matter)
_AFTER_SALES = re.compile(r"(?:售后|4S店|厂家|专卖店|专柜)[^。！？!?]{0,12}?(?:修|换|退|等|不管|不认|推)"
                          r"|(?:修|换)了[一两三四五六七八九十几]次[^。！？!?]{0,6}?(?:还是|都|也)(?:不行|坏|不好|冇好|没好)")


# what ends the first word a phone transcript says after its opening fillers (places._OPENING_FILLERS)
_WORD_END = re.compile(r"[\s，,、。]")


def _rejoined(text: str) -> str:
    """The text with the separable verbs it says apart, and its verbs said with an aspect particle, appended whole
    (and 高空抛物 when something is thrown from a height)."""
    joined = [form.format(m.group(1)) for rx, form in _SEPARATED for m in rx.finditer(text)]
    joined += [m.group(1) + m.group(2) for m in _ASPECT.finditer(text) if m.group(2)[0] not in _QTY]
    if "高空抛物" not in text and _THROWN.search(text):
        joined.append("高空抛物")
    if _BOUGHT_FAULTY.search(text) or _AFTER_SALES.search(text):
        joined += ["质量问题", "售后"]
    return text + "。" + "，".join(joined) if joined else text


def _is_station(name: str, after: str) -> bool:
    """A place name that is (钟家村站) or is followed by (钟家村 + 站的厕所) a metro station."""
    if name.endswith(_RAIL_STATIONS):
        return False
    if name.endswith("站"):
        return True
    # a bus stop named after the place (和平公园站的公交车, 钟家村站公交) is no metro station
    return after[:1] == "站" and after[:2] not in ("站台", "站牌", "站点", "站着", "站在", "站长") \
        and not after[1:].startswith(("的公交", "公交"))


@dataclass(frozen=True)
class _Match:
    rule: Rule
    score: tuple[int, int, int]
    strong_category: bool
    keyword_hits: tuple[str, ...]


@dataclass
class _Candidate:
    unit: str
    duty_score: float = 0.0
    duty: Any = None
    hits: tuple[str, ...] = ()
    has_matter: bool = False
    degraded: bool = False
    place_relative: bool = False
    assist: tuple[str, ...] = ()
    rule_bonus: float = 0.0
    rule: Any = None
    named: str = ""             # the unit's name or alias the citizen wrote (NAMED_BONUS)
    named_bonus: float = 0.0
    learned: float = 0.0
    learned_weight: float = LEARNED_WEIGHT

    @property
    def score(self) -> float:
        return self.duty_score + self.rule_bonus + self.named_bonus + self.learned_weight * self.learned

    @property
    def source_id(self) -> str:
        if self.rule is not None:      # a rule that agrees names the reason (stable ids for reports)
            return self.rule.match.rule.id
        if self.duty is not None:
            return f"duty:{self.duty.id}"
        if self.named:
            return NAMED_RULE_ID
        return LEARNED_RULE_ID


@dataclass(frozen=True)
class _Resolved:
    match: _Match
    lead: str
    lead_ref: str
    degraded: bool          # a place-relative lead fell back to a coarser level
    assist: tuple[str, ...]


# a property company said to be powerless over the matter (物业管不了, 物业也管不到, 物业说没权管): not the matter's unit
_POWERLESS = re.compile(r"(物业公司|小区物业|物业|小区保安|保安)(?=(?:说|也|都|根本|讲)?(?:[^，。！？,.!?]{0,8}?)(?:管不了|管不到|管不住|不敢管|没(?:有)?权(?:力)?管|无权管|没(?:有)?(?:办法|法子)管))")
# what a leaflet or a card advertises (发楼盘的传单, 塞贷款的小卡片, 贴开锁的小广告): the handing out is the matter
# (street order), not the trade advertised
_ADVERTISED = re.compile(r"(?<=[发塞贴散])(?:那种|一些|好多)?([^，。！？,.!?\s]{1,6}?)的(?=(?:小)?(?:传单|广告|卡片|单子))")
# the speaker's own job said first (我是个快递员，… / 我是外卖骑手，…): who is speaking, not what the matter is — the
# clause that follows decides (a courier's street blocked by tables is street order, not the post); a workplace said so
# (我是一个工地上做饭的，…) is no person noun and stays: it is often where the matter is
# (我是在学校当老师的，… : where the speaker works, said with the job, is part of the introduction)
# a call or letter opening by addressing a unit (喂，劳动局吗; 你好，工商局那边能不能查一下; 质监局能不能来看一下): the
# name said first, then a question to it, a greeting, "over there" or a pause (twenty-fourth wave)
_ADDRESS_OPEN = re.compile(r"^\s*(?:喂[，,、！!。 ]*)?(?:(?:你好|您好)[，,、！!。 ]*)?(?:请问[，, ]*)?(?:是)?")
_ADDRESS_AFTER = re.compile(r"吗|嘛|吧|啊|呀|你好|您好|那边|这边|的同志|的领导|能不能|能否|可不可以|管不管|[，,：:！!]")
_SPEAKER = re.compile(r"^(?:[你您]好[，,！!。 ]*)?我是(?:一名|一个|个|名)?"
                      r"((?:在[^，,。！!？?\s]{1,8}?(?:当|做))?"
                      r"[^，,。！!？?\s的]{0,6}?(?:员|骑手|师|司机|护士|医生|老师|学生|保安|保洁|工人|农民|店主|个体户))的?[，,]")

# where the speaker works, said as such (在新华路那个快递点干了一年, 在一个砖厂干活, 在一家美容院上班), when the matter is the
# job's (wages, social insurance, a contract, 劳动关系): the employer's kind of business is who owes, not the matter — a
# courier depot's unpaid social insurance is 人社's, not the post's (fifteenth wave)
# (also 在一个工地上扎钢筋, 在流水线上做: the workplace with 上 / 里 and what the speaker does there)
_WORKED_AT = re.compile(r"在((?:[^，。,；;！!？?\s]|\u3000){1,14}?)(?=(?:上班|上夜班|工作|打工|干活|做事|做工|干了|干过|做了[一两三四五六七八九十半几]"
                        r"|当(?!中|时|天|地|成|作|做)|(?:上|里|里面)(?:做|干|搬|扎|帮|送)"
                        # the trade done there (在一家家具厂做油漆工, 在钢构厂做焊工, 在商场做保洁) — seventeenth wave
                        r"|做[^，。,；;！!？?\s]{0,3}?(?:工|员|保洁|保安|司机|厨师|学徒|销售|前台|会计|师傅"
                        # a coach, a teacher, a carer or a guide (在驾校做教练, 在培训班当老师) — twenty-second wave
                        r"|教练|老师|护工|保姆|导游)(?=[，。,；;！!？?])))")
# the employer said as whom the speaker works for (给一家快递公司送快递, 给老板干活) or the job said as a post of a business
# (一个小区物业的保安，我们…, 幼儿园的老师…工资) — read like 在X上班 when pay is owed (twenty-second wave)
_WORKED_FOR = re.compile(r"给((?:[^，。,；;！!？?\s]|\u3000){1,14}?)(?=打工|干活|做事|做工|上班|送快递|送外卖|开车|跑车)")
_WORKER_OF = re.compile(r"((?:[^，。,；;！!？?\s的]|\u3000){1,12}?)的(?=(?:保安|保洁员?|老师|教练|司机|厨师|服务员|收银员|护工|店员|员工|职工)"
                        r"(?:们)?(?:[，。,；;！!？?]|找))")
# a worker's pay said (the firm-owed reading below asks it without 加班费, which no firm is owed)
_WAGES = r"工资|工钱|薪水|提成"
_PAY_OWED = re.compile(_WAGES + r"|加班费")
# a facility the city runs on its streets said as the estate's own (小区的路灯, 小区里面的下水道, 院子里的树, 小区的垃圾站):
# inside an estate it is the property's to keep (its common parts) first, the street lights', the drains' or the parks'
# department beside it — seventeenth wave; a facility only beside the estate (小区门口的路灯, 小区外面的下水道) is not its own
_ESTATE_OWNED = re.compile(r"(?:小区|院子|院里|大院|楼栋)(?:里|里面|内|内部)?(?:的)?"
                           r"(路灯|灯|路面|道路|路(?![口边上过])|下水道|污水管|雨水管|排水沟|窨井盖?|井盖|化粪池|绿化带?|绿地|树木?|草坪|草地|花坛"
                           r"|垃圾站|垃圾房|健身器材|监控|围墙)")
# noise a resident neighbour makes at home (楼下有个人半夜在车里放音乐, 隔壁那户的鹦鹉从早叫到晚, 楼上邻居天天唱歌): 扰民
# between residents is the police's with the street (社会生活噪声), not 城管's shop and square noise — seventeenth wave;
# a shop, a stall, a site or a square below (楼下的大排档, 楼下超市的冷库) keeps its own unit
_NEIGHBOUR = re.compile(r"(?:楼上|楼下|隔壁|对门|对面楼)(?:的)?(?:那户|那家|这家|一户|一家|人家|邻居|住户|有个人|有人|家)|邻居")
_NEIGHBOUR_NOISE = re.compile(r"吵|噪音|噪声|放音乐|唱歌|音响|喇叭|低音炮|叫|轰|闹|响")
_NEIGHBOUR_TRADE = re.compile(r"店|卖|货|促销|广告|商铺|铺面|门面|餐馆|饭馆|饭店|KTV|酒吧|广场|公园|工地|厂|直播|培训|琴行|麻将|棋牌|夜市|排档|烧烤|摊|超市"
                              r"|公司|装修|施工|电钻|空调外机|外机|风机|冷库|划拳|喝酒|流浪|猫|狗|犬|鸽子|吵架|打架|摔东西|打孩子|打伢|调解")
# a fire, gas or electrical hazard in a residential building's common parts (楼道里推电瓶车上楼充电, 楼道里的灭火器被人撬了):
# the common parts and their fire safety are the property's to keep when no other unit's matter is said — seventeenth
# wave; a shop's, a warehouse's or a workshop's hazard stays the safety office's
_COMMON_PARTS = re.compile(r"楼道|楼梯间|楼梯口|楼梯上|走廊|过道|单元门|电梯口|电梯间|消防通道|安全出口|楼里|我们楼|这栋楼|那栋楼|整栋楼|楼栋")
_HOME_HAZARD = re.compile(r"煤气罐|液化气罐|燃气罐|气罐|充电|飞线|拉线|插线板|接线板|灭火器|消防门|防火门|消防栓|消火栓|消防通道|安全出口"
                          r"|易燃|汽油|酒精|油漆")
_HAZARD_TRADE = re.compile(r"店|仓库|厂|作坊|餐馆|饭馆|饭店|商铺|门面|公司|工地|市场|加油站|学校|医院|商场|酒店|宾馆|网吧|KTV")
_PROPERTY_SAID = re.compile(r"物业|物叶|物页|屋业|物管|业委会|开发商")
# a deduction from what a worker is paid (扣我们的伙食费, 扣了三百住宿费, 扣罚款): what is deducted is the job's matter,
# not the trade of its name (a canteen's 伙食费 is no school's) — seventeenth wave
_DOCKED = re.compile(r"扣(?:了)?(?:我|我们|工人)?(?:的)?(?:[一两三四五六七八九十百千几0-9]+块?(?:钱)?(?:的)?)?"
                     r"((?:伙食|饭|住宿|水电|管理|服装|工服|体检|培训)费|饭钱|罚款)")
# what an employer owes besides pay, which the catalogue's terms do not say (扣的伙食费, 口罩不发, 高温补贴)
_WORKER_DUE = re.compile(_DOCKED.pattern + r"|高温补贴|高温费|劳保|防护用品"
                         r"|(?:冇|没|不|从来冇|从来没)(?:给(?:我们|我|工人)?)?发(?:过)?(?:个|件|双)?(?:口罩|手套|工作服|防护服|棉衣|棉袄|雨衣|安全帽)"
                         r"|(?:口罩|手套|工作服|防护服|棉衣|棉袄|雨衣|安全帽)[^，。,！!？?]{0,3}?(?:都|也)?(?:不|冇|没)(?:发|给)")
_BOSS = re.compile(r"老板|老板娘|店长|经理|包工头|工头|厂长|公司|厂里|厂子|单位|车间")
_JOB_ISSUE = re.compile(r"工资|工钱|工姿|薪水|欠薪|讨薪|底薪|提成|加班|社保|社宝|五险|工伤|劳动合同|劳动关系|签合同|辞职|辞退|开除|离职"
                        r"|包工头|工头|遣散费|血汗钱"
                        r"|结账|不发钱|冇发|没发|押金|补偿|买保险|交保险|违约|(?:冇|没|不)(?:给|发)(?:我们|我)?钱|扣(?:了)?(?:我|我们)?(?:的)?钱"
                        # what the employer owes besides pay (seventeenth wave): deductions from it (扣我们的伙食费, 扣住宿费,
                        # 扣罚款) and the protection and allowances not given (冇给我们发过口罩, 连个棉衣都不发, 高温补贴)
                        r"|" + _WORKER_DUE.pattern)


# an excuse that passes the matter on (店里说是厂家的问题, 商家说是快递摔的要我找快递, 他们说归园林管, 要我去找物流公司):
# the party blamed is the other side's answer, not the matter — it is blanked when the citizen's own words still name a
# matter (sixteenth wave; two parties blaming each other, both named in excuses, keep what the rest of the text says)
_EXCUSE = re.compile(r"(?<=[说讲])(?:这|那)?(?:是|都是|全是|应该是|属于)([^，。,；;！!？?\s]{1,12}?)(?=的问题|的原因|的责任|的事|的锅|摔的|弄的|搞的|弄坏|搞坏|造成)"
                     r"|(?<=[说讲])(?:这|那|这个)?(?:该|要|应该)?归([^，。,；;！!？?\s]{1,10}?)(?=管)"
                     r"|(?:要|让|叫|喊)(?:我|我们)(?:自己)?(?:去)?找([^，。,；;！!？?\s]{1,10})")
# a crowd of workers said as such (我们四十几个工人都坐在厂门口, 我们十几个骑手在站点门口): their claim is the job's —
# the factory or the shop they stand before is who owes, not a matter of its own (sixteenth wave)
_CROWD_WORKERS = re.compile(r"我们(?:这|这些|有|一共)?[一二两三四五六七八九十百几多来0-9]{1,5}(?:个|名|位)?(?:[^，。,；;！!？?\s]{0,10}?的)?"
                            r"(?:工人|员工|职工|农民工|工友|师傅|骑手|保洁员?|保安|服务员|店员|分拣员|司机|技术员|操作工|学徒|营业员|收银员)")
# a firm or the self-employed owed money by a public body (我们是一家小印刷厂，给区里几个部门印了一年的材料，款一直拖着; 我是
# 个体户，给街道办食堂供了一年的菜…账不认): the owner speaks (not a worker: 在公司上班 is the job's), a public payer is
# served (给 + 政府 / 区里 / 街道 / 一个局 / 部门 / 事业单位 / 区属国企 / 学校 / 卫生院), and the money for it is held back —
# 经信's 清理拖欠企业账款 (twenty-second wave)
_FIRM_SPEAKS = re.compile(r"我们(?:是|这是)?(?:一家|一个|个)?(?:[^，。,；;！!？?\s]|\u3000){0,16}?(?:公司|企业|厂|工厂|作坊|工作室|商行|门店)"
                          r"|我(?:是|们是)(?:一个|一家|个)?(?:[^，。,；;！!？?\s]|\u3000){0,14}?(?:个体户|个体工商户|老板|商户|包工头)"
                          # a trade said by what it does (我是做绿化苗木的, 我们做弱电的, 我们是搞装修的; twenty-third wave)
                          r"|我们?(?:是|这是)?(?:专门)?(?:做|搞|干|开)(?:[^，。,；;！!？?\s的]|\u3000){1,8}的"
                          # or only by what it delivered to the payer (我们给一所学校做的食堂改造, 我们给政府部门的食堂供了两年菜)
                          r"|我们(?=给)")
_PUBLIC_PAYER = re.compile(r"给(?:[^，。,；;！!？?\s]|\u3000){0,10}?(?:政府|区里|市里|区属|市属|国企|国有|平台公司|事业单位|机关|街道|街办|"
                           r"镇上|镇里|镇政府|乡里|乡政府|管委会|村委会|局|部门|公立|学校|卫生院|"
                           # public bodies said by the kind of place they run (twenty-third wave)
                           r"社区|居委会|医院|小学|中学|幼儿园|派出所|公园|单位)"
                           # what the firm did for it (做了, 供货, 修路, 印材料, 开发系统): not 给环保局打电话, 给税务局交材料
                           r"[^，。,；;！!？?]{0,10}?(?:做|供|修|装|建|印|送|开发|提供|施工|承包|维修|配送|运|种|养护|设计|安装|采购|刷)")
_MONEY_HELD = re.compile(r"(?:钱|款|货款|工程款|尾款|账款|余款|欠款|费用|服务费|账|[0-9一二两三四五六七八九十百千几多]万)[^。；;！!？?]{0,14}?"
                         r"(?:拖|欠|冇付|没付|未付|不付|冇给|没给|不给|冇结|没结|未结|不结|不认)"
                         r"|拖欠|欠(?:我们|我)"
                         # the account never settled, the money unsaid (三年了冇结, 还没结账; twenty-third wave)
                         r"|(?:还|一直|都)?(?:冇|没|未)(?:结账|结算|结)(?![束果婚])")
_WAGE_OWED = re.compile(_WAGES)
_CLAUSE_END = frozenset("，。,；;！!？?")


# someone else protesting where the citizen lives or passes (有个人天天在我们小区门口拉横幅，说是开发商欠他钱，还骂人): the
# protester's claim is his, reported; the citizen's matter is the disturbance (public order) — the claim's clause is
# blanked (sixteenth wave). A crowd the citizen belongs to (我们…拉横幅) states its own claim and is not this.
_OTHERS_PROTEST = re.compile(r"(?:有个人|有一个人|有人|有个男的|有个女的|有一帮人|有一群人|有几个人|有伙人|一帮人|一群人|好多人|几个人)"
                             r"[^。！？!?]{0,20}?(?:拉横幅|拉着横幅|挂横幅|举牌子?|举着牌子|堵门|堵着门|堵路|喊口号|静坐|闹事|围着)")
# children said only as those a hazard endangers (小孩上学要从那里过, 放学的孩子都从那里走, 怕哪天小孩靠上去出事): their
# clause is beside the matter (the hazard's object decides the unit), not a school's — unless a school is named (16th wave)
_CLAUSE = re.compile(r"[^，。,；;！!？?]+")
_CHILD = re.compile(r"小孩|孩子|小朋友|学生|娃|伢|家长")
_AT_RISK = re.compile(r"从(?:那|这|这里|那里|那儿|这儿|旁边|下面|底下|边上)[^，。]{0,3}?(?:过|走|经过)|经过|路过|过马路|靠上去|爬上去|掉下去|掉进|摔|出事|危险|在那里玩|在旁边玩|在下面玩"
                      # or only as those it keeps from a gate (接孩子的家长都挤不进去, 家长接都接不到; twentieth wave)
                      r"|挤不进|挤不出|接不到|接都接不到|进不去|出不来")
# school hours said only as when another matter happens (放学的时候卖烤肠的推车一排, 放学那会儿校门口堵死了): a time,
# no school matter (twentieth wave, helper w20-lmu)
_SCHOOL_HOURS = re.compile(r"(?:上学|放学)(?:的时候|时候|那会儿?|那阵子?|的那会儿?|的点|的时间|时|以后|后|(?=把|就))")
_SCHOOL_SAID = re.compile(r"学校|老师|幼儿园|小学|中学|初中|高中|班主任|校长|补课|培训|托管|校车|家长群|入学|学位|食堂|作业")
# a clause told only as what the matter leads to (导致孩子上学天天迟到, 害得我家孩子没法睡觉, 所以我妈去医院只能让人背下楼)
# or as the hardship it brings to the speaker's people (老人看病都冇得车坐, 村里的学生要走读只能家长接送): beside the matter,
# no errand's unit (school, hospital) is its own — blanked when what is left still names a matter (twenty-seventh wave,
# helper w27-disp2). A reason said first (因为晚上吵，…) is the matter and stays; 因为这个 points back to it.
_CONSEQUENCE = re.compile(r"^\s*(?:导致|害得|搞得|弄得|整得|所以|因此|因为这个|因为这样|因为这事|以至于|以致|造成|连累得?)")
# what a sign says wrongly (把中学的名字写成另一个学校了) and whom it misleads (学生家长都搞混了) are the sign's matter's
# content and consequence, not a matter of their own
_SIGN_CONTENT = re.compile(r"^\s*把[^，。,；;！!？?]{1,16}?(?:写成|标成|印成|写错成)")
_MISLED = re.compile(r"(?:都|全|老是|经常|总是)(?:搞混|搞错|弄混|弄错|走错|坐过站|坐错)")
_DEPENDANT = re.compile(r"老人|老年人|老伴|我妈|我爸|我奶奶|我爷爷|奶奶|爷爷|外婆|孙子|孙女|小孩|孩子|伢|学生|家长|病人|村民|家里人")
_ERRAND = re.compile(r"看病|看急诊|去医院|上医院|到医院|就医|复查|透析|化疗|拿药|打疫苗|上学|放学|读书|上课|网课|写作业|复习|走读|接送|睡觉")
_HARDSHIP = re.compile(r"只能|都要|要走|得走|不方便|[冇没]法|没办法|[冇没]得车|[冇没]有车|难|不了|迟到|绕|蹚水|摸黑|背下|抬着|爬楼|没精神|冇精神|害怕")
_CLAIM_CLAUSE = re.compile(r"(?:说是|说|喊着|写着|嚷着)[^，。,；;！!？?]{1,24}")
_DISTURBANCE = re.compile(r"骂人|骂我|吵|闹|威胁|吓人|怕|堵|扰民|影响")


# the city's everyday words for people and things, read as the catalogue's (second round of the seventeenth wave):
# 那个老几 is a person (楼上那个老几), 我屋里 / 他屋里 one's home (我屋里漏水 is 我家里漏水); 屋里 said alone (indoors) and
# 屋顶 stay as written. 伢 (a child) is a child where the child's part is read (_CHILD: the one a hazard endangers),
# not read as 孩子 for the catalogue: a child said as the one a matter harms (伢咳嗽) would name a school
_COLLOQUIAL = ((re.compile(r"(?<=[那这个])老几"), "人"),
               (re.compile(r"(?<=[我你他她们])屋里(?:头)?"), "家里"))


def _colloquial(text: str) -> str:
    for rx, repl in _COLLOQUIAL:
        text = rx.sub(repl, text)
    return text


# a quarrel with a neighbour said without a matter of the catalogue (我跟隔壁为了楼道里放鞋柜的事吵了好几回，他就推我;
# 和楼下那家闹矛盾，他骂我): a dispute between residents, the police's to keep the peace with the street (邻里纠纷) —
# second round of the seventeenth wave; said only when no other unit's matter is named
_QUARREL_WITH = re.compile(r"(?:跟|和|同|与)(?:我(?:们)?(?:家)?)?(?:的)?(?:楼上|楼下|隔壁|对门|对面|邻居|邻居家|隔壁邻居)")
_QUARREL = re.compile(r"吵|闹矛盾|闹翻|扯皮|扯筋|骂|推我|推了我|打我|打了我|动手|动起手|纠纷|矛盾|不讲理|威胁")


class RuleRouter:
    """Satisfies `hotline.ports.Router`."""

    def __init__(self, units: Iterable[UnitInfo], categories: Iterable[CategoryInfo], table: RoutingTable,
                 learned: Any = None, *, learned_threshold: float = 0.6, gazetteer: Gazetteer | None = None):
        self.units = list(units)
        self.registry = Registry(self.units)
        self.table = table
        self.tree = table.categories
        self.learned = learned
        self.learned_threshold = learned_threshold
        # the learned opinion's threshold when nothing in the text names a matter (build_router lowers it
        # for the nearest shipped appeals; a city's own model keeps its threshold)
        self.unnamed_threshold = learned_threshold
        # how the learned opinion weighs against the catalogue's best score (build_router raises it for the
        # shipped appeals' opinion)
        self.learned_relative = LEARNED_RELATIVE
        # routing.triage_check.TriageCheck, consulted when the rules flag nothing (trained with the learned model)
        self.triage_check: Any = getattr(learned, "triage_check", None)
        self.gazetteer = gazetteer or Gazetteer.from_units(self.units)
        self.gazetteer.warm_up()
        self._rules = sorted(table.rules, key=lambda r: r.order)
        self.catalogue = Catalogue(table.duties, self.tree)
        self.catalogue.tokenizer = self.gazetteer._tokenizer() if HOMOPHONES_BY_WORD else None
        # the names the gazetteer places that are a university or one of its campuses: its own name (武汉大学, 余家头校区)
        # or a short name the landmarks file gives a university (湖大, 武理)
        universities = {a for a, name in landmark_aliases(landmarks_data()).items() if name.endswith(_CAMPUS_NAMES)}
        # a venue's short names and the kind each keeps (武博: 博物馆; twenty-fifth wave)
        self._venue_kinds = {a: k for a, name in landmark_aliases(landmarks_data()).items()
                             if (k := next((k for k in _VENUE_KINDS if name.endswith(k) and not a.endswith(k)), ""))}
        self._campuses = frozenset(n for n, cands in self.gazetteer.entries.items()
                                   if any(c.kind == "landmark" for c in cands)
                                   and (n.endswith(_CAMPUS_NAMES) or n in universities))
        # the rules' excluding words, matched again by sound (a small regex: only these words)
        none_terms = {k for r in self._rules for k in r.keywords_none if len(k) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in k)}
        self._none_by_sound: dict[str, list[str]] = {}
        for k in none_terms:
            self._none_by_sound.setdefault(sounds(k).strip(), []).append(k)
        keys = sorted(self._none_by_sound, key=lambda k: (-len(k), k))
        self._none_sound_re = re.compile("(?<= )(?:" + "|".join(map(re.escape, keys)) + ")(?= )") if keys else None
        self.returned: dict[str, frozenset[str]] = {}
        # units a citizen may name (请城管来管, 找房管所, 派出所不管): every name and alias of the registry's departments
        # and utilities (a city edits them with its units), the city-level name also without its 市 (城管执法委)
        self._named_units: dict[str, str] = {}
        for u in self.units:
            if u.kind in NAMED_KINDS:
                for n in (u.name, u.name.removeprefix("市"), *u.aliases):
                    if len(n) >= 2:
                        self._named_units.setdefault(n, u.code)
        self._named_re = longest_first_pattern(self._named_units) if self._named_units else None

    def _heard_none(self, text: str) -> list[str]:
        """The rules' excluding words the text contains only by sound (油严 → 油烟)."""
        if self._none_sound_re is None:
            return []
        return [k for m in self._none_sound_re.finditer(sounds(text)) for k in self._none_by_sound[m.group(0)] if k not in text]

    def set_returns(self, counts: dict[tuple[str, str], int], *, at_least: int = RETURNS_TO_STOP) -> None:
        """Accepted returns per (catalogue duty, unit): a unit that returned a kind of matter
        ``at_least`` times is no longer chosen for it (the duty's next unit is)."""
        out: dict[str, set[str]] = {}
        for (duty, unit), n in counts.items():
            if n >= at_least:
                out.setdefault(duty, set()).add(unit)
        self.returned = {d: frozenset(u) for d, u in out.items()}

    # -- place ---------------------------------------------------------------------------------
    def locate(self, text: str, place: str | None = None) -> Place:
        found = extract_place(text or "", self.gazetteer)
        if found.district is None and not found.candidates and text:
            found = self._heard_place(text) or found
        if place:
            return merge_places(extract_place(place, self.gazetteer), found)
        return found

    def _heard_place(self, text: str) -> Place | None:
        """A place name written as it sounds, one character miswritten (钟佳村, 阳罗那边, 纸方大街, 盘龙成): read by its
        sound, as a transcript's is — only when the text names no place as written, and never a word that merely
        sounds like a name (凌晨三点 is no 三店, 手艺 no 首义, 把打架 no 八大家): one character differs in the name, and a
        two-character name is followed by a place word (那边, 老街, 附近). The respelling keeps every position."""
        heard = self.gazetteer.respelled(text)
        if heard == text:
            return None
        differ = {i for i, (a, b) in enumerate(zip(text, heard)) if a != b}
        if any(i + 1 in differ for i in differ):
            return None
        by_sound = extract_place(heard, self.gazetteer)
        if not by_sound.district:
            return None
        for span in by_sound.spans:
            if differ & set(range(span.start, span.end)) and span.end - span.start == 2 \
                    and not _FOLLOW_RE.match(heard[span.end:span.end + 2]):
                return None
        return by_sound

    # -- matching ------------------------------------------------------------------------------
    def _match(self, rule: Rule, req: RoutingRequest, category: str | None, place: Place,
               heard: str = "", masked: str | None = None) -> _Match | None:
        if rule.appeal_types and req.appeal_type not in rule.appeal_types:
            return None
        if rule.urgencies and req.urgency not in rule.urgencies:
            return None
        if rule.channels and req.channel not in rule.channels:
            return None
        if rule.districts and place.district not in rule.districts:
            return None
        text = req.text or ""
        # a word the citizen typed by its sound (油严 for 油烟) rules a rule out as the word itself would
        if any(k in text or k in heard for k in rule.keywords_none):
            return None
        said = text if masked is None else masked
        if rule.keywords_all and not all(k in said for k in rule.keywords_all):
            return None
        hits = tuple(k for k in rule.keywords_any if k in said)
        if rule.keywords_any and not hits:
            return None
        hits += rule.keywords_all
        strong = False
        depth = 0
        if rule.categories:
            within = [c for c in rule.categories if category and self.tree.is_within(category, c)]
            if within:
                strong = True
                depth = max(self.tree.depth(c) for c in within)
            else:
                coarser = category is None or any(self.tree.is_within(c, category) for c in rule.categories)
                if not (coarser and rule.has_keywords):
                    return None
        return _Match(rule, (rule.priority, depth, len(hits)), strong, hits)

    def _resolve_ref(self, ref: str, place: Place) -> str | None:
        m = _SPECIAL_RE.match(ref)
        if not m:
            return ref if ref in self.registry.by_code else None
        level, suffix = m.group(1), m.group(2)
        if level == "street":
            return place.street
        if place.district is None:
            return None
        if suffix:
            code = f"{place.district}-{suffix}"
            return code if code in self.registry.by_code else None
        return place.district

    def _resolve(self, match: _Match, place: Place, exclude: frozenset[str]) -> _Resolved | None:
        first_special = None
        for ref in match.rule.lead:
            unit = self._resolve_ref(ref, place)
            if _SPECIAL_RE.match(ref) and first_special is None:
                first_special = ref
            if unit and unit not in exclude:
                degraded = first_special is not None and ref != first_special
                assist = []
                for a in match.rule.assist:
                    code = self._resolve_ref(a, place)
                    if code and code != unit and code not in exclude and code not in assist:
                        assist.append(code)
                return _Resolved(match, unit, ref, degraded, tuple(assist))
        return None

    # -- the decision --------------------------------------------------------------------------
    def route(self, request: RoutingRequest) -> RoutingDecision:
        # a phone transcript read as meant: fillers, repetitions and self-corrections out (routing.speech)
        said = spoken(request.text or "", place=self._names_place)
        # a call is a transcript however the speech engine wrote it (one run, no pause), as is a text that reads as one
        transcript = said != (request.text or "") or (request.channel == "phone" and bool(said))
        if transcript:    # and its words that sound like a term of the catalogue written as the term (无业 → 物业)
            said = self._opening_name_apart(request.text or "", said)
            said = self.gazetteer.respelled(said)    # 桥口 → 硚口: place names first, then the catalogue's terms
            request = replace(request, text=self.catalogue.respelled(said, keep=self.gazetteer.entries))
        flags = screen(request.text or "", self.triage_check)    # the rules, then the learned check
        decision = self._route(request, transcript=transcript)
        if flags.transfer or flags.redirect:
            decision = replace(decision, transfer=flags.transfer, redirect=flags.redirect, triage_reason=flags.reason)
        return decision

    def _opening_name_apart(self, text: str, said: str) -> str:
        """A transcript that opens on a short place name said alone (花桥 垃圾桶满了, 喂 前川 路灯坏了) keeps it set apart
        from the matter when its words are joined: the name is then the place, as 花桥，垃圾桶满了 is (twenty-sixth wave)."""
        rest = text[_OPENING_FILLERS.match(text).end():]    # type: ignore[union-attr]
        word = _WORD_END.split(rest, 1)[0]
        cands = self.gazetteer.entries.get(word, ())
        if len(word) == len(rest) or not cands or not all(c.short for c in cands):
            return said
        at = said.find(word)
        end = at + len(word)
        if at < 0 or said[:at].strip("，,、 ") or said[end:end + 1] in ("", "，", ",", "。"):
            return said
        return said[:end] + "，" + said[end:]

    def _names_place(self, word: str) -> bool:
        """A transcript's word opens with a name of the gazetteer (武昌, 钟家村, 中南路那边): a self-correction of a place
        takes back the place said before it (``routing.speech``)."""
        entries = self.gazetteer.entries
        return any(any(c.kind != "ignore" for c in entries.get(word[:n], ())) for n in range(2, min(len(word), 10) + 1))

    def _route(self, request: RoutingRequest, *, transcript: bool = False) -> RoutingDecision:
        """``transcript``: the text is a speech engine's (``routing.speech``), whose mistakes are words of its dictionary."""
        category = self.tree.resolve(request.category) if request.category else None
        text = request.text or ""
        place = self.locate(text, request.place)
        exclude = frozenset(request.exclude_units)
        heard = "｜".join(self._heard_none(text))
        # a rule's keywords speak for the matter as the catalogue's terms do: not from inside a place's name
        # (光谷步行街 is no 步行街 complaint, 地铁小区 no metro one), but the kind of a place named stays
        masked = self._landmark_masked(text, place)
        matches = [m for r in self._rules if (m := self._match(r, request, category, place, heard, masked))]
        matches.sort(key=lambda m: (m.rule.fallback, tuple(-x for x in m.score), m.rule.order))
        resolved = [r for m in matches if (r := self._resolve(m, place, exclude))]
        specific = [r for r in resolved if not r.match.rule.fallback]
        fallback = [r for r in resolved if r.match.rule.fallback]
        learned = self._learned(request, category, exclude, place)
        override = next((r for r in specific if r.match.rule.priority >= OVERRIDE_PRIORITY), None)
        candidates = self._candidates(text, category, place, exclude, specific, learned, transcript=transcript)
        notes: list[str] = []
        assist: tuple[str, ...] = ()
        chosen: _Resolved | None = None
        duty_top: _Candidate | None = None
        if override is not None:
            chosen = override
            lead, assist, rule_id = chosen.lead, chosen.assist, chosen.match.rule.id
            confidence = self._confidence(chosen, place)
            notes.append("规则优先（精确指定）")
        elif candidates and candidates[0].score >= MIN_LEAD_SCORE:
            duty_top = candidates[0]
            if duty_top.rule is not None and len(candidates) > 1 and candidates[1].rule is not None \
                    and candidates[1].rule.match.score == duty_top.rule.match.score:
                notes.append(f"多条规则并列（「{duty_top.rule.match.rule.name}」、「{candidates[1].rule.match.rule.name}」），"
                             "按派单目录与历史派单模型的得分选择")
            lead = duty_top.unit
            second = candidates[1].score if len(candidates) > 1 else 0.0
            confidence = min(0.95, 0.3 + 0.1 * duty_top.score) * (1 - 0.5 * second / duty_top.score)
            if duty_top.degraded:
                confidence *= 0.85
            if place.ambiguous and duty_top.place_relative:
                confidence *= 0.8
            rule_id = duty_top.source_id
            chosen = duty_top.rule
            if duty_top.learned >= 0.3:
                source = getattr(self.learned, "label", "历史派单模型")
                notes.append(f"{source}也指向该单位（{duty_top.learned:.0%}）" if duty_top.duty or duty_top.rule
                             else f"派单目录与规则未命中，按{source}派单（{duty_top.learned:.0%}）")
            helpers = list(duty_top.assist)
            for c in candidates[1:]:
                if len(helpers) >= 2:
                    break
                if c.score >= max(ASSIST_MIN_SCORE, ASSIST_RATIO * duty_top.score) and c.has_matter and c.unit not in helpers:
                    helpers.append(c.unit)
            assist = tuple(h for h in helpers if h != lead and h not in exclude)
            if confidence < 0.6:
                notes.append("把握不足，请话务员从候选单位中确认")
        elif fallback:
            chosen = fallback[0]
            lead, assist, rule_id = chosen.lead, chosen.assist, chosen.match.rule.id
            confidence = self._confidence(chosen, place) * 0.6
            notes.append("派单目录与规则均未命中具体职能部门")
        else:
            lead, rule_id, confidence = None, None, 0.0
        if lead is None and self.table.unresolved and self.table.unresolved not in exclude:
            lead, rule_id, confidence = self.table.unresolved, "unresolved", 0.2
            notes.append("未找到地点，也没有命中职能：由热线中心人工派单")

        district = place.district or self.registry.district_of(lead)
        suggestions = self._ranked(lead, candidates, resolved, learned)
        if place.candidates and not place.district:
            # a place spanning districts and nothing else to decide: the operator picks the district
            confidence = min(confidence, 0.5)
            if duty_top is not None and duty_top.duty is not None and duty_top.place_relative:
                suggestions = self._per_district(duty_top, place, exclude, lead) + suggestions
        explanation = self._explain(chosen if chosen is not None and rule_id == chosen.match.rule.id else None,
                                    lead, assist, place, category, notes, exclude, duty_top)
        return RoutingDecision(
            unit=lead, assisting_units=assist, rule=rule_id, confidence=round(min(confidence, 1.0), 3),
            district=district, place=place.as_dict(), explanation=explanation, suggestions=suggestions,
            duty=duty_top.duty.id if duty_top is not None and duty_top.duty is not None else None,
        )

    def _resolve_refs(self, refs: tuple[str, ...], place: Place, exclude: frozenset[str]) -> tuple[str | None, bool]:
        first_special = None
        for ref in refs:
            unit = self._resolve_ref(ref, place)
            if _SPECIAL_RE.match(ref) and first_special is None:
                first_special = ref
            if unit and unit not in exclude:
                return unit, first_special is not None and ref != first_special
        return None, False

    def _landmark_masked(self, text: str, place: Place) -> str:
        """The text as the catalogue and the rules read it: places blanked, a landmark's kind kept (紫阳公园 keeps
        公园, 同济医院 医院) — but a landmark named only as where the matter is (同济医院那块的小区停水了, 沙湖公园那一带有人
        开车炸街) does not make its owner the unit: when the text without the kinds still names a matter of its own,
        the kinds are blanked too and that matter decides (seventeenth wave, helper gaz)."""
        masked = self._coach_counter_read(text, self._campus_read(text, place, self._gate_read(
            text, place, self._beside_masked(_place_masked(text, place, alias_kinds=self._venue_kinds)))))
        masked = self._washroom_read(text, place, masked)
        if not _AROUND.search(text):
            return masked
        # the gate's readings hold for the place said as an area too (古田四路地铁站那边出口天天有人卖菜; twenty-fourth wave)
        bare = self._gate_read(text, place, self._beside_masked(_place_masked(text, place, kinds=False,
                                                                              alias_kinds=self._venue_kinds)))
        if bare == masked:
            return masked
        found = self.catalogue.score(_rejoined(bare))
        # what is left must name a matter (停水, 炸街, 油烟), not only an object of one
        if found and found[0].score >= MIN_LEAD_SCORE and any(t in found[0].duty.matters for t in found[0].hits):
            return bare
        return masked

    def _washroom_read(self, text: str, place: Place, masked: str) -> str:
        """A landmark's own washroom said (国博展馆里的卫生间没有纸，洗手的水龙头也不出水): its taps are its keeper's —
        the water company's terms are blanked, unless a home is said (then the homes' water is the matter); so are the
        metro's (卫生间) when no station is said."""
        if not any(span.kind == "landmark" for span in place.spans) or not _WASHROOM.search(masked) \
                or _HOMES.search(text):
            return masked
        return self._duty_terms_blanked(masked, ("water",) if _STATION_SAID.search(text) else ("water", "metro"))

    def _coach_counter_read(self, text: str, masked: str) -> str:
        """A coach station's own counter (售票窗口, 退票, 班次) said right after its name: the station's, 客运."""
        if not _COACH_COUNTER.search(text) or _LODGING.search(text):
            return masked
        return self._duty_terms_blanked(masked, _COACH_COUNTER_DUTIES) + _COACH_READ

    def _gate_read(self, text: str, place: Place, masked: str) -> str:
        """What is met at a named place's gate: a stall is the street's order — not when a market matter is said
        (缺斤少两, 过期) (a named place, or a kind of place said only as where: 实验小学门口, 第八医院旁边); touting for
        rides is the ride trade's."""
        if (place.spans or self.catalogue.beside(text)) and _LANDMARK_STALL.search(masked) \
                and not _STALL_TRADE.search(masked):
            # the gate's owner is only where the stall is (地铁站B口外面有人摆摊，出站的人挤不过去: no metro matter)
            masked = self._school_hours_blanked(self._duty_terms_blanked(masked, _GATE_OWNERS) + _STALL_READ)
        if _TOUT.search(masked) and _RIDE_CUE.search(masked) and not _TOUT_OTHER.search(masked):
            masked += _RIDE_READ
        return masked

    def _campus_read(self, text: str, place: Place, masked: str) -> str:
        """A university's own grounds said right after its name (湖大的图书馆, 华农的食堂, 武理余家头校区的宿舍): the
        facility's word and the words of its own kind of matter (免费开放, 开放时间) are blanked and the campus said for
        it (高校校园); so are its roads and grounds said as inside it (华农里面的路, 湖大校园里的草坪) and a gate with its
        access or its turnstile (地大的门口刷身份证, 校门口闸机坏了), their lights, lawns, puddles, cars and visitors
        the campus's own (second round, helper gaz2) — unless what is left names a matter of a unit
        other than the facility's own kind (食堂的饭里吃出了虫子, 宿舍楼的电梯坏了): that matter is told there and
        decides (twenty-third wave, helper gaz)."""
        for span in place.spans:
            if span.kind != "landmark" or span.text not in self._campuses:
                continue
            kinds = _CAMPUS_GROUND_DUTIES
            m = _CAMPUS_GROUNDS.match(text, span.end) or _CAMPUS_FACILITY.match(text, span.end)
            if not m:
                continue
            left = masked[:m.start(1)] + "　" * (m.end(1) - m.start(1)) + masked[m.end(1):]
            own = kinds | ({"power"} if _DORM_CURFEW.search(masked) else set())
            found = [f for f in self.catalogue.score(_rejoined(left))
                     if f.duty.id not in own and f.duty.id != _CAMPUS_OWN_DUTY]
            if found and found[0].score >= MIN_LEAD_SCORE and any(t in found[0].duty.matters for t in found[0].hits):
                return masked
            # the facility's own kind of matter (免费开放, 开放时间) is the campus's
            return self._duty_terms_blanked(left, own) + _CAMPUS_READ
        return masked

    def _visitors_trades(self, masked: str) -> str:
        """What a landmark's visitors meet that is not the landmark's (twenty-third wave, second round, helper gaz2):
        an ID card swiped at its gate is the pass (blanked: no police matter); 说好的 with no home said is the owner's
        own promise (blanked: no developer's); a guesthouse's charge across from a hospital or a station is the lodging
        trade's (the visitors' words blanked, 住宿乱收费 said); a pharmacy across from a hospital dearer than the
        hospital is the drug trade's price (the hospital's words blanked, 药店乱收费 said; twenty-fourth wave); private
        cars parked in its ambulance lane are parking (the hospital's words blanked, 违停 said); the road an event at a
        venue jams is the traffic's (the venue's and the event's words blanked, 堵车 said; twenty-fifth wave)."""
        masked = _ID_PASS.sub(lambda m: "　" * len(m.group(0)), masked)
        if not _HOME_SAID.search(masked):
            masked = _PROMISE.sub(lambda m: "　" * len(m.group(0)), masked)
        visitors: tuple[str, ...] = ()
        read = ""
        if _LODGING.search(masked) and _LODGING_CHARGE.search(masked):
            visitors, read = _LODGING_VISITOR_DUTIES, _LODGING_READ
        elif _PHARMACY_OUTSIDE.search(masked) and _PHARMACY_CHARGE.search(masked) and not _HOSPITAL_DEARER.search(masked):
            visitors, read = ("health", "first-aid"), _PHARMACY_READ
        elif _AMBULANCE_WAY.search(masked) and _PRIVATE_PARKED.search(masked):
            visitors, read = ("health", "first-aid"), _PARKED_READ
        elif _VENUE_EVENT.search(masked) and _VISITOR_JAM.search(masked) and _EVENT_ROAD.search(masked):
            visitors, read = _EVENT_DUTIES, _VISITOR_READ
        elif _LANDMARK_SHOP.search(masked) and _LANDMARK_SHOP_MATTER.search(masked):
            masked = _LANDMARK_OWNER_WORDS.sub(lambda m: "　" * len(m.group(0)), masked)
            visitors, read = _SHOP_VISITOR_DUTIES, _SHOP_READ
        if not read:
            return masked
        return self._duty_terms_blanked(masked, visitors) + read

    def _duty_terms_blanked(self, masked: str, duty_ids: Iterable[str]) -> str:
        """``masked`` with the catalogue's terms of each of ``duty_ids`` blanked, one duty after another: where a
        matter is said, they say only where it is."""
        for duty_id in duty_ids:
            for t in self.catalogue.terms_of(masked, duty_id):
                masked = masked[:t.start()] + "　" * (t.end() - t.start()) + masked[t.end():]
        return masked

    @staticmethod
    def _vehicles_in_traffic(masked: str) -> str:
        """Ride-hailing cars and taxis that only block a road (网约车排成一长条等单, 滴滴的车占了一个车道, 出租车乱停把路
        堵死): the matter is the traffic's (交警), not the ride trade's (交通运输局) — their names are read as 车辆 when
        the text says a jam or parking and nothing of a ride (a fare, a detour, a refusal, the platform)."""
        # a bus or an ambulance that cannot get through a blocked road (公交车都开不过去, 救护车都进不来) is its victim; so
        # is a coach, a shuttle or a taxi at a landmark (花博汇路边停满了车，大巴车都开不过去; w28-lm)
        masked = _BLOCKED.sub(lambda m: "车辆".ljust(len(m.group(1)), "　") + m.group(0)[len(m.group(1)):], masked)
        if _VISITOR_JAM.search(masked) and _VISITOR_CARS.search(masked):
            # the road they fill is the matter: 堵车 is said for it (the hospital's own words stay: it may assist)
            masked = _VISITOR_CARS.sub(lambda m: "车辆".rjust(len(m.group(0)), "　"), masked) + _VISITOR_READ
        if _RIDE_CARS.search(masked) and _JAM.search(masked) and not _RIDE_SERVICE.search(_RIDE_CARS.sub("", masked)):
            return _RIDE_CARS.sub(lambda m: "车辆".ljust(len(m.group(0)), "　"), masked)
        return masked

    def _beside_masked(self, masked: str) -> str:
        """A place or an object the matter is only beside (超市门口的烧烤摊, 医院旁边的诊所, 地铁站出口旁边) does not
        speak for its owner: blanked, for the catalogue and the rules alike. So is a property company the citizen
        says cannot deal with the matter (楼顶搭阳光房，物业管不了; 物业说没权管): the matter is beyond it. So is the
        speaker's own job said first (我是个快递员，…) when a matter follows. The city's everyday words for people
        and things (伢, 那个老几, 我屋里) are read as the catalogue's first."""
        masked = _colloquial(masked)
        for start, end in self.catalogue.beside(masked):
            masked = masked[:start] + "　" * (end - start) + masked[end:]
        masked = _POWERLESS.sub(lambda m: "　" * len(m.group(1)) + m.group(0)[len(m.group(1)):], masked)
        masked = _ADVERTISED.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + "　" * len(m.group(1)) + "的", masked)
        if _JOB_ISSUE.search(masked):
            masked = self._workplace_blanked(masked)
        protest = _OTHERS_PROTEST.search(masked)
        if protest and not _CROWD_WORKERS.search(masked):
            tail = _CLAIM_CLAUSE.sub(lambda m: "　" * len(m.group(0)), masked[protest.end():])
            if _DISTURBANCE.search(tail):
                masked = masked[:protest.end()] + tail + "。闹事"
        if _CROWD_WORKERS.search(masked):
            masked = self._crowd_objects_blanked(masked)
        masked = self._estate_owned(masked)
        masked = self._neighbour_noise(masked)
        masked = self._neighbour_quarrel(masked)
        masked = self._firm_owed(masked)
        masked = self._excuses_blanked(masked)
        masked = self._endangered_blanked(masked)
        masked = self._school_hours_blanked(masked)
        masked = self._consequence_blanked(masked)
        speaker = _SPEAKER.match(masked)
        if speaker and len(masked) - speaker.end() >= 10:     # a matter follows the introduction
            masked = masked[:speaker.start(1)] + "　" * len(speaker.group(1)) + masked[speaker.end(1):]
        return self._vehicles_in_traffic(self._visitors_trades(masked))

    def _estate_owned(self, masked: str) -> str:
        """A street facility said as the estate's own (小区的路灯坏了一年, 小区里的下水道堵了): the estate's common parts,
        the property's — 公共区域 is said for it, the facility's own words kept (its department assists); a fire, gas or
        electrical hazard in a residential building's common parts (楼道里的灭火器被撬了, 楼道里充电) likewise, when no
        other unit's matter is said. Not when the text names the property or the developer already (their rules read
        it then)."""
        if _PROPERTY_SAID.search(masked):
            return masked
        if _COMMON_PARTS.search(masked) and _HOME_HAZARD.search(masked) and not _HAZARD_TRADE.search(masked):
            # only when no other unit's matter is said (a neighbour's doing, a theft, the gas itself keep theirs)
            if not self._names_matter(masked):
                return masked + "。公共区域"
        if not _ESTATE_OWNED.search(masked):
            return masked
        # the facility's own words stay too: its department is still heard (and assists) beside the property
        return masked + "。公共区域"

    def _neighbour_noise(self, masked: str) -> str:
        """Noise a resident neighbour makes at home (楼下有个人天天半夜在车里放音乐, 隔壁那户人家的鹦鹉从早叫到晚): the
        catalogue's shop and square noise words (放音乐, 音响, 吵得睡不着) are blanked and 邻居扰民 said for them — the
        police's, with the street. Not when a trade, a site or an animal the catalogue knows makes the noise."""
        if not _NEIGHBOUR.search(masked) or not _NEIGHBOUR_NOISE.search(masked) or _NEIGHBOUR_TRADE.search(masked):
            return masked
        out = masked
        for m in self.catalogue.terms_of(masked, "cg-enforcement"):
            if _NEIGHBOUR_NOISE.search(m.group(0)):
                out = out[:m.start()] + "　" * (m.end() - m.start()) + out[m.end():]
        return out + "。邻居扰民"

    def _firm_owed(self, masked: str) -> str:
        """A firm or the self-employed owed money by a public body it served (我们公司给区里一个部门开发了一套系统，尾款
        还没付; 我是个体户，给街道办食堂供了一年的菜，账不认): what it delivered (the system, the school's canteen, the
        road it built) is no matter of that trade's unit — the catalogue's objects and places are blanked and 拖欠企业账款 said
        for it (经信's 清欠); matter words stay, so a matter of its own said beside still counts (blanking every word
        cost a row of an older clean part). Not a worker's pay (工资, 工钱: the job's), not when the owner's own workers are the ones owed."""
        firm = _FIRM_SPEAKS.search(masked)
        # the money held may be said before the firm names itself (给医院送了两年的床单被套…欠我们小厂八十多万)
        held = (_MONEY_HELD.search(masked, firm.end()) or _MONEY_HELD.search(masked)) if firm else None
        if not firm or not held or not (_PUBLIC_PAYER.search(masked, firm.start()) or _PUBLIC_PAYER.search(masked)):
            return masked
        # a worker's pay is the job's; 工程款 owed stays the building market's reading (城建's 工程款 duty)
        if _WAGE_OWED.search(masked[:held.end()]) or "工程款" in masked:
            return masked
        # what the firm is (我是做绿化苗木的) and what it delivered to whom (给一所学校做的食堂改造, 给街道种的桂花树) are no
        # matters of their own: every term of those clauses is blanked, matters too, and so are the same terms said again
        # (学校说要等…, 街道换了主任: the payer named again is still the payer; twenty-third wave)
        payer = _PUBLIC_PAYER.search(masked, firm.start()) or _PUBLIC_PAYER.search(masked)
        assert payer is not None
        spans = [firm.span(), (payer.start(), next((i for i in range(payer.end(), len(masked)) if masked[i] in _CLAUSE_END),
                                                   len(masked))),
                 # and the debt itself (欠我们小厂…, 钱拖了一年) is the 清欠 said below, no worker's pay
                 held.span()]
        told = {m.group(0) for a, b in spans for m in self.catalogue._regex.finditer(masked[a:b])}
        for m in self.catalogue._regex.finditer(masked):
            if m.group(0) in told or all(f != "matters" for _, f in self.catalogue._terms[m.group(0)]):
                masked = masked[:m.start()] + "　" * (m.end() - m.start()) + masked[m.end():]
        # said twice (清欠 too): what was delivered may still carry a matter word of its trade (垃圾桶, 食堂, 操场), and
        # the debt is the appeal's matter (twenty-third wave)
        return masked + "。拖欠企业账款。清欠"

    def _neighbour_quarrel(self, masked: str) -> str:
        """A quarrel with a neighbour (跟隔壁吵了好几回，他就推我) with no other unit's matter named: 邻里纠纷 is said
        for it (the police's, with the street)."""
        if not (_QUARREL_WITH.search(masked) or _NEIGHBOUR.search(masked)) or not _QUARREL.search(masked):
            return masked
        return masked if self._names_matter(masked) else masked + "。邻里纠纷"

    def _excuses_blanked(self, masked: str) -> str:
        """The party an excuse passes the matter to (商家说是快递摔的, 要我找厂家) blanked — when what is left still
        names a matter: an excuse that is the only matter said (物业说是自来水公司的问题) stays."""
        spans = [m.span(g) for m in _EXCUSE.finditer(masked) for g in (1, 2, 3) if m.group(g)]
        if not spans:
            return masked
        out = masked
        terms = {t.group(0) for a, b in spans for t in self.catalogue._regex.finditer(masked[a:b])}
        for a, b in spans:
            out = out[:a] + "　" * (b - a) + out[b:]
        if terms:    # the party blamed, named again (快递说是包装没包好), is still the party blamed
            out = re.sub("|".join(map(re.escape, sorted(terms, key=len, reverse=True))),
                         lambda t: "　" * len(t.group(0)), out)
        return self._if_matter_left(out, masked)

    def _names_matter(self, text: str) -> bool:
        """Does ``text`` name a matter a unit could lead on (the catalogue's best at ``MIN_LEAD_SCORE`` or more)?"""
        found = self.catalogue.score(_rejoined(text))
        return bool(found) and found[0].score >= MIN_LEAD_SCORE

    def _if_matter_left(self, out: str, masked: str) -> str:
        """``out`` (``masked`` with a part blanked) when what is left still names a matter, else ``masked``."""
        return out if self._names_matter(out) else masked

    def _endangered_blanked(self, masked: str) -> str:
        """Children said only as those a hazard endangers (小孩上学要从那里过, 放学的孩子都从那里走, 怕哪天小孩靠上去出事):
        their clause is no school matter — blanked when the text names no school and what is left still names a matter."""
        if _SCHOOL_SAID.search(masked):
            return masked
        out = masked
        for m in _CLAUSE.finditer(masked):
            if _CHILD.search(m.group(0)) and _AT_RISK.search(m.group(0)):
                out = out[:m.start()] + "　" * (m.end() - m.start()) + out[m.end():]
        return masked if out == masked else self._if_matter_left(out, masked)

    def _consequence_blanked(self, masked: str) -> str:
        """A clause told only as what the matter leads to or the hardship it brings (_CONSEQUENCE; a dependant kept
        from an errand, _DEPENDANT × _ERRAND × _HARDSHIP), or as what a sign says wrongly and whom it misleads:
        blanked when it is not the first clause and what is left still names a matter."""
        out = masked
        for m in _CLAUSE.finditer(masked):
            if m.start() == 0:
                continue
            clause = m.group(0)
            hardship = bool(_DEPENDANT.search(clause) and _ERRAND.search(clause) and _HARDSHIP.search(clause))
            # a consequence said of the speaker's people or their errands (导致孩子上学天天迟到) — one said of the matter
            # itself (搞得我们出门都堵: the jam is the matter) stays
            consequence = bool(_CONSEQUENCE.search(clause) and (_DEPENDANT.search(clause) or _ERRAND.search(clause)))
            if hardship or consequence or _SIGN_CONTENT.search(clause) or _MISLED.search(clause):
                out = out[:m.start()] + "　" * (m.end() - m.start()) + out[m.end():]
        return masked if out == masked else self._if_matter_left(out, masked)

    def _school_hours_blanked(self, masked: str) -> str:
        """School hours said only as when another matter happens (放学的时候一排卖炸串的, 放学那会儿门口堵死了): blanked
        when what is left still names a matter — 放学太早 or 放学了冇人管 stay the school's."""
        out = _SCHOOL_HOURS.sub(lambda m: "　" * len(m.group(0)), masked)
        return masked if out == masked else self._if_matter_left(out, masked)

    def _crowd_objects_blanked(self, masked: str) -> str:
        """A crowd of workers stating a claim: the catalogue's objects (the factory, the depot, the site they stand
        before) are the employer, blanked; the claim is the job's (劳动关系 said for it)."""
        kinds: dict[str, set[str]] = {}
        for m in self.catalogue._regex.finditer(masked):
            kinds.setdefault(m.group(0), {f for _, f in self.catalogue._terms[m.group(0)]})
        for term, fields in kinds.items():
            if "matters" not in fields:
                masked = masked.replace(term, "　" * len(term))
        return masked + "。劳动关系"

    def _workplace_blanked(self, masked: str) -> str:
        """Where the speaker works (在X上班, 在X当教练), when the matter is the job's: X is blanked, and so are the
        catalogue's terms of X said again later (驾校一直说…, 驾校说我违约: the employer named again is still the
        employer), with what the speaker does there up to the clause's end (在工地上扎钢筋) when the job's matter is
        said outside that clause."""
        spans: list[tuple[int, int]] = []
        terms: set[str] = set()
        found = [*_WORKED_AT.finditer(masked), *_WORKED_FOR.finditer(masked)]
        if _PAY_OWED.search(masked):
            found += _WORKER_OF.finditer(masked)
        for m in sorted(found, key=lambda m: m.start()):
            a, b = m.span(1)
            terms.update(t.group(0) for t in self.catalogue._regex.finditer(m.group(1)))
            end = next((i for i in range(b, len(masked)) if masked[i] in "，。,；;！!？?"), len(masked))
            rest = masked[:a] + masked[end:]
            spans.append((a, end if _JOB_ISSUE.search(rest) and not _JOB_ISSUE.search(masked[b:end]) else b))
        for a, b in spans:
            masked = masked[:a] + "　" * (b - a) + masked[b:]
        if spans:    # what is deducted from the worker's pay (扣我们的伙食费) is the job's, not a canteen's or a school's
            masked = _DOCKED.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + "　" * len(m.group(1)), masked)
        if terms and spans:
            after = spans[0][1]
            tail = re.sub("|".join(map(re.escape, sorted(terms, key=len, reverse=True))),
                          lambda t: "　" * len(t.group(0)), masked[after:])
            masked = masked[:after] + tail
        # the employer's trade blanked, what is owed to the speaker is the job's (押了我两千块押金不退: a worker's
        # deposit kept by the boss, not a shop's refund; 公司连个棉衣都不发) — said so when the boss is the other party
        if spans and (terms or _WORKER_DUE.search(masked)) and _BOSS.search(masked[spans[0][1]:]):
            masked += "。劳动关系"
        return masked

    def named_units(self, text: str) -> dict[str, str]:
        """The units the text names (registry names and aliases, longest first) → the name as written. A name
        inside a longer term of the catalogue (电信诈骗) names a matter, not the unit."""
        if self._named_re is None:
            return {}
        terms = [m.span() for m in self.catalogue._regex.finditer(text)]
        out: dict[str, str] = {}
        for m in self._named_re.finditer(text):
            a, b = m.span()
            if any(s <= a and b <= e and e - s > b - a for s, e in terms):
                continue
            # a name written into another unit's matter (电信诈骗: the fraud is the police's) names the matter
            code = self._named_units[m.group(0)]
            if any(s == b and not self._owns(code, text[s:e]) for s, e in terms):
                continue
            out.setdefault(code, m.group(0))
        return out

    def _owns(self, code: str, term: str) -> bool:
        """Whether a catalogue term is one of the unit's own (a duty it leads, itself or as its district's kind)."""
        refs = {code} | {f"@district.{k}" for k, v in DISTRICT_KINDS.items() if v == code}
        return any(refs & set(self.catalogue.duties[i].lead) for i, _ in self.catalogue._terms.get(term, ()))

    def _named_kind(self, code: str) -> str:
        """A district's department as the city's of its kind (D-JA-CG → DEPT-CGW): naming 城管 names either."""
        parts = code.split("-")
        if code.startswith("D-") and len(parts) == 3 and parts[2] in DISTRICT_KINDS:
            return DISTRICT_KINDS[parts[2]]
        return code

    def _candidates(self, text: str, category: str | None, place: Place, exclude: frozenset[str],
                    specific: list[_Resolved], learned: list[tuple[str, float]], *,
                    transcript: bool = False) -> list["_Candidate"]:
        """Every unit the catalogue, the rules and the learned model point at, with its score."""
        by_unit: dict[str, _Candidate] = {}

        def get(unit: str) -> _Candidate:
            if unit not in by_unit:
                by_unit[unit] = _Candidate(unit)
            return by_unit[unit]

        # place names do not speak for the matter (南湖 is no lake complaint, 地铁口 no metro one)
        # — except that a place name followed by 站 (钟家村站, 光谷广场站) is a metro station: the
        # station speaks for the metro company as 地铁站 would
        masked = self._landmark_masked(text, place)
        # 偷偷 (secretly: 偷偷排污, 偷偷开矿) is no theft: the matter decides
        masked = masked.replace("偷偷", "悄悄")
        # 冇 / 冇得 is how the city writes 没 / 没有 (冇水, 冇人管, 冇签合同): read as the catalogue's words
        masked = masked.replace("冇得", "没有").replace("冇", "没")
        masked = _rejoined(masked)
        scored = self.catalogue.score(masked, category, transcript=transcript)
        if not scored or scored[0].score < MIN_LEAD_SCORE:
            scored = scored + self.catalogue.partial(masked)     # nothing whole matched: pieces of terms
        for ds in scored:
            unit, degraded = self._resolve_refs(ds.duty.lead, place, exclude | self.returned.get(ds.duty.id, frozenset()))
            if unit is None:
                continue
            c = get(unit)
            if ds.score > c.duty_score:
                c.duty_score, c.duty, c.hits, c.degraded = ds.score, ds.duty, ds.hits, degraded
                c.place_relative = any(_SPECIAL_RE.match(x) for x in ds.duty.lead)
                c.assist = tuple(a for ref in ds.duty.assist if (a := self._resolve_ref(ref, place)) and a != unit)
            c.has_matter = c.has_matter or any(t in ds.duty.matters for t in ds.hits)
        # a unit the citizen names (请城管来管, 房管所不作为, 派出所不管): it gains NAMED_BONUS, the matter still decides;
        # a city department of a district kind (城管, 房管局) is the place's district department when the place is known
        for code, written in self.named_units(text).items():
            kind = self._named_kind(code)
            mine = [c for c in by_unit.values() if self._named_kind(c.unit) == kind]
            if not mine:
                short = next((k for k, v in DISTRICT_KINDS.items() if v == code), None)
                refs = (f"@district.{short}", code) if short else (code,)
                unit, degraded = self._resolve_refs(refs, place, exclude)
                if unit is None:
                    continue
                mine = [get(unit)]
                if not mine[0].duty:
                    mine[0].degraded = degraded and short is not None and code != unit
            opened = _ADDRESS_OPEN.match(text)
            opening = opened.end() if opened else 0
            addressed = text.startswith(written, opening) and bool(_ADDRESS_AFTER.match(text, opening + len(written)))
            for c in mine:
                c.named, c.named_bonus = written, ADDRESSED_BONUS if addressed else NAMED_BONUS
        # a rule on a category alone (no keyword: 环境保护 → 生态环境局) speaks only through the ticket's
        # category; when that is a first-level one (what the starter classifier names) it decides only when
        # the catalogue found no matter in the text, and steps aside when it did — a coarse or wrong guess
        # must not steer the unit away from the matter (a finer category, an operator's or a trained
        # classifier's, still counts as a rule)
        coarse = category is None or self.tree.depth(category) <= 1
        catalogue_leads = coarse and any(c.duty_score >= MIN_LEAD_SCORE for c in by_unit.values())
        for r in specific:
            if not r.match.rule.has_keywords and catalogue_leads:
                continue
            c = get(r.lead)
            tied = r.match.score == specific[0].match.score
            bonus = RULE_BONUS if tied else RULE_BONUS / 2
            if bonus > c.rule_bonus:
                c.rule_bonus, c.rule = bonus, r
                if not c.duty:
                    c.assist = r.assist
                    c.degraded = r.degraded
        # the learned opinion weighs in proportion to the catalogue's best score (a blend, not a
        # tie-breaker): with weight κ × top, a unit the model is sure of overtakes a catalogue lead
        # whose margin is small, never one the matter clearly decides
        top_base = max((c.duty_score + c.rule_bonus + c.named_bonus for c in by_unit.values()), default=0.0)
        weight = max(LEARNED_WEIGHT, self.learned_relative * top_base)
        # nothing names a matter (no matter term, no object reaching 2, no rule — a category rule speaks for
        # the ticket's category: only places or pieces of terms): the learned opinion decides, the nearest
        # shipped appeals from a lower share (unnamed_threshold) — a place word is no stronger clue
        named = any(c.has_matter or c.duty_score >= MIN_LEAD_SCORE or c.rule is not None or c.named_bonus
                    for c in by_unit.values())
        # a unit that returned the kind of matter the text names (set_returns) is not brought back by the
        # learned opinion either: the nearest shipped appeals still vote for the unit it used to be
        blocked = frozenset().union(*(self.returned.get(ds.duty.id, frozenset()) for ds in scored))
        learned = [(unit, p) for unit, p in learned if unit not in blocked]
        # a stall at a landmark's gate read as the street's order (RuleRouter._landmark_masked): the landmark's words
        # (小学, 伢, 家长, 医院) still make the nearest shipped appeals vote for its owner; the vote may then only
        # back a unit the catalogue or a rule found, or the street order's enforcers (城管)
        if _STALL_READ in masked:
            enforcer = self._named_kind("DEPT-CGW")
            learned = [(unit, p) for unit, p in learned if unit in by_unit or self._named_kind(unit) == enforcer]
        for unit, p in learned:
            if unit in by_unit or p >= self.learned_threshold or (not named and p >= self.unnamed_threshold):
                c = get(unit)
                c.learned, c.learned_weight = p, weight
        if not named and learned and self.unnamed_threshold < self.learned_threshold and learned[0][1] >= self.unnamed_threshold:
            unit, p = learned[0]
            c = by_unit[unit]
            rest = max((o.score for o in by_unit.values() if o is not c), default=0.0)
            if c.score <= rest or c.score < MIN_LEAD_SCORE:
                c.learned_weight = max(c.learned_weight, (max(rest, MIN_LEAD_SCORE) + 0.01) / p)
        out = [c for c in by_unit.values() if c.score > 0]
        out.sort(key=lambda c: (-c.score, -c.duty_score))
        return out

    def _per_district(self, top: "_Candidate", place: Place, exclude: frozenset[str],
                      lead: str | None) -> tuple[dict[str, Any], ...]:
        """The leading duty's unit in each district a spanning place may lie in."""
        assert top.duty is not None
        out = []
        for d in place.candidates:
            unit, _ = self._resolve_refs(top.duty.lead, replace(place, district=d, street=None), exclude)
            if unit and unit != lead:
                out.append({"unit": unit, "name": self.registry.name(unit), "score": round(top.score, 2),
                            "source": "place", "duty": top.duty.id, "district": d})
        return tuple(out)

    def _ranked(self, lead: str | None, candidates: list["_Candidate"], resolved: list[_Resolved],
                learned: list[tuple[str, float]]) -> tuple[dict[str, Any], ...]:
        """The short list for the operator: the next best units with their scores and why."""
        out: list[dict[str, Any]] = []
        seen = {lead}
        for c in candidates:
            if c.unit in seen:
                continue
            seen.add(c.unit)
            item: dict[str, Any] = {"unit": c.unit, "name": self.registry.name(c.unit), "score": round(c.score, 2),
                                    "source": "catalogue" if c.duty else ("rule" if c.rule else "learned")}
            if c.duty:
                item["duty"] = c.duty.id
                item["hits"] = list(c.hits)
            if c.rule:
                item["rule"] = c.rule.match.rule.id
            if c.learned:
                item["probability"] = round(c.learned, 3)
            out.append(item)
        for r in resolved:
            if r.lead not in seen:
                seen.add(r.lead)
                out.append({"unit": r.lead, "name": self.registry.name(r.lead), "rule": r.match.rule.id,
                            "source": "rule", "score": 0.0})
        return tuple(out[:5])

    def _confidence(self, r: _Resolved, place: Place) -> float:
        c = r.match.rule.confidence
        if r.match.rule.categories and not r.match.strong_category:
            c *= 0.9
        if r.degraded:
            c *= 0.85
        if place.ambiguous and any(_SPECIAL_RE.match(x) for x in r.match.rule.lead):
            c *= 0.8
        return c

    def _learned(self, request: RoutingRequest, category: str | None, exclude: frozenset[str],
                 place: Place | None = None) -> list[tuple[str, float]]:
        """The learned model's units with their probabilities. A model may name units by reference
        (`@district.CG|DEPT-CGW`, `@street|@district`: the kind of unit, learned across districts),
        resolved here against the appeal's place like a duty's lead."""
        if self.learned is None:
            return []
        ranked = self.learned.predict(self._place_words_blanked(request.text or "", place), category, top=5)
        out: dict[str, float] = {}
        for label, p in ranked:
            unit = None
            for ref in label.split("|"):
                code = self._resolve_ref(ref, place) if place is not None and _SPECIAL_RE.match(ref) else ref
                if code and code in self.registry.by_code and code not in exclude:
                    unit = code
                    break
            if unit:
                out[unit] = out.get(unit, 0.0) + p
        return sorted(out.items(), key=lambda x: -x[1])

    def _place_words_blanked(self, text: str, place: Place | None) -> str:
        """The text as the learned model reads it: a road's, a street's or a district's name that
        holds a word of the catalogue (解放公园路, 球场路, 车站街, 体育馆路) blanked — it tells where, not what (the
        catalogue reads the text with places blanked already; a word inside an address must not speak for its
        kind's owner through the model either; thirtieth wave, helper w30-disp). Landmarks are left as they are:
        their kind is theirs."""
        if place is None:
            return text
        out = text
        for span in place.spans:
            if span.kind in _ADDRESS_KINDS and out[span.start:span.end] == span.text \
                    and self.catalogue.score(span.text):
                out = out[:span.start] + "　" * (span.end - span.start) + out[span.end:]
        return out

    def _explain(self, chosen: _Resolved | None, lead: str | None, assist: tuple[str, ...], place: Place,
                 category: str | None, notes: list[str], exclude: frozenset[str], duty_top: "_Candidate | None" = None) -> str:
        parts: list[str] = []
        if duty_top is not None and duty_top.duty is not None:
            parts.append(f"派单目录「{duty_top.duty.name}」：市民说到「{'、'.join(duty_top.hits[:5])}」（得分 {duty_top.score:.1f}）")
            if duty_top.rule is not None:
                parts.append(f"规则「{duty_top.rule.match.rule.name}」（规则表第{duty_top.rule.match.rule.line}行）也指向该单位")
        if duty_top is not None and duty_top.named:
            parts.append(f"市民点名「{duty_top.named}」（{self.registry.name(duty_top.unit)}），加 {duty_top.named_bonus:.1f} 分")
        if chosen is not None:
            rule = chosen.match.rule
            why = []
            if rule.categories:
                why.append(("分类" if chosen.match.strong_category else "分类(弱)") + "「" +
                           "、".join(self.tree.by_code[c].name for c in rule.categories) + "」")
            if chosen.match.keyword_hits:
                why.append("关键词「" + "、".join(chosen.match.keyword_hits) + "」")
            parts.append(f"命中派单规则「{rule.name}」（规则表第{rule.line}行）" + ("：" + "，".join(why) if why else ""))
            if rule.fallback:
                parts.append("属地兜底：无职能部门规则命中，由所在区人民政府负责")
            if chosen.degraded:
                level = "街道" if chosen.match.rule.lead[0] == "@street" and place.district else "所在区"
                parts.append(f"未能定位到{level}，改派{self.registry.name(lead)}")
            if rule.note:
                parts.append(rule.note)
        if category:
            parts.append(f"诉求分类：{self.tree.path_name(category)}")
        if place.district:
            where = place.district_name or place.district
            if place.street_name:
                where += place.street_name
            src = "市民填写的地点" if place.source == "place" else "诉求内容"
            spans = "、".join(s.text for s in place.spans[:4])
            parts.append(f"地点：{where}（来自{src}{'：' + spans if spans else ''}）")
            if place.ambiguous:
                parts.append("注意：内容还提到" + "、".join(self.registry.name(d) for d in place.ambiguous))
        elif place.candidates:
            names = "、".join(self.gazetteer.names.get(d, d) for d in place.candidates)
            parts.append(f"地点：跨区（{names}，来自诉求内容：{'、'.join(s.text for s in place.spans[:4])}），请确认所在区")
        else:
            parts.append("地点：未识别")
        if exclude:
            parts.append("已排除退单单位：" + "、".join(self.registry.name(u) for u in sorted(exclude)))
        parts.extend(notes)
        if lead:
            parts.append(f"主办：{self.registry.name(lead)}" + (f"；协办：{'、'.join(self.registry.name(a) for a in assist)}" if assist else ""))
        else:
            parts.append("无法确定承办单位，转人工派单")
        return "。".join(parts) + "。"


def build_router(units: Iterable[UnitInfo], categories: Iterable[CategoryInfo], table: RoutingTable,
                 learned: Any = None, *, learned_threshold: float = 0.6,
                 gazetteer: Gazetteer | None = None, seed_check: bool = True, seed_units: bool = True) -> RuleRouter:
    """The router the service layer is handed (`hotline.ports.Router`). Its learned triage check is the
    learned model's when a city trained one with transfers, else (``seed_check``) the one trained on the
    appeals shipped with the project (`routing.seed`, trained on its first use). Likewise its learned
    second opinion on the unit is the city's model, else (``seed_units``) the nearest shipped appeals
    (`routing.seed.SEED_UNITS`, at their own threshold)."""
    router = RuleRouter(units, categories, table, learned, learned_threshold=learned_threshold, gazetteer=gazetteer)
    if router.triage_check is None and seed_check:
        from routing.seed import SEED_CHECK

        router.triage_check = SEED_CHECK
    if router.learned is None and seed_units:
        from routing.seed import SEED_UNITS, SEED_UNITS_THRESHOLD

        router.learned, router.learned_threshold = SEED_UNITS, SEED_UNITS_THRESHOLD
        router.unnamed_threshold = NEIGHBOURS_DECIDE
        router.learned_relative = SEED_RELATIVE
    return router
