"""Generate tests/routing_eval/appeals.jsonl (the labelled routing evaluation set).

The appeals are written by the team in the style of real 12345 messages and set in the demo city
(武汉). Each scenario states the policy its label follows (a fixed unit, or a place-relative one such as
"the street of the place, else the district's 城管"); the places carry their true district and street.
Run: python tests/routing_eval/generate.py  (deterministic: a fixed seed)
"""
from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("appeals.jsonl")

# (how it is written, district code, street code or None, needs-the-place-field)
PLACES = [
    ("江岸区后湖街道", "D-JA", "D-JA-S15"), ("江岸区大智路", "D-JA", "D-JA-S01"), ("江岸区球场街道", "D-JA", "D-JA-S07"),
    ("黄浦大街", "D-JA", None), ("百步亭花园", "D-JA", None), ("江岸二七街", "D-JA", "D-JA-S09"),
    ("江汉区万松园路", "D-JH", "D-JH-S08"), ("江汉区唐家墩街道", "D-JH", "D-JH-S09"), ("汉口火车站附近", "D-JH", None),
    ("江汉北湖街", "D-JH", "D-JH-S10"), ("江汉区青年路", "D-JH", None),
    ("硚口区古田二路", "D-QK", "D-QK-S01"), ("硚口区宗关街道", "D-QK", "D-QK-S03"), ("汉正街", "D-QK", "D-QK-S09"),
    ("硚口长丰大道", "D-QK", "D-QK-S11"), ("武胜路", "D-QK", None),
    ("汉阳区钟家村", "D-HY", None), ("汉阳区四新大道", "D-HY", "D-HY-S10"), ("汉阳区琴断口街道", "D-HY", "D-HY-S06"),
    ("王家湾", "D-HY", None), ("汉阳龙阳大道", "D-HY", "D-HY-S07"),
    ("武昌区中南路街道", "D-WC", "D-WC-S10"), ("武昌积玉桥", "D-WC", "D-WC-S01"), ("徐东大街", "D-WC", None),
    ("武昌区南湖街道", "D-WC", "D-WC-S14"), ("司门口", "D-WC", None),
    ("青山区红钢城街道", "D-QS", "D-QS-S04"), ("青山区冶金大道", "D-QS", "D-QS-S02"), ("青山区钢花村街道", "D-QS", "D-QS-S10"),
    ("青山区建设二路", "D-QS", None),
    ("洪山区关山大道", "D-HS", "D-HS-S02"), ("洪山区和平街道", "D-HS", "D-HS-S08"), ("光谷广场附近", "D-HS", None),
    ("洪山区青菱街道", "D-HS", "D-HS-S09"), ("鲁巷", "D-HS", None),
    ("东西湖区吴家山街道", "D-DXH", "D-DXH-S01"), ("东西湖金银湖", "D-DXH", "D-DXH-S11"), ("常青花园", "D-DXH", "D-DXH-S12"),
    ("东西湖区走马岭", "D-DXH", "D-DXH-S04"),
    ("汉南区纱帽街道", "D-HN", "D-HN-S01"), ("汉南区邓南街道", "D-HN", "D-HN-S02"), ("汉南区", "D-HN", None),
    ("蔡甸区奓山街道", "D-CD", "D-CD-S02"), ("蔡甸区蔡甸街道", "D-CD", "D-CD-S01"), ("蔡甸区索河", "D-CD", "D-CD-S07"),
    ("知音湖附近", "D-CD", None),
    ("江夏区纸坊街道", "D-JX", "D-JX-S01"), ("江夏区金口街道", "D-JX", "D-JX-S02"), ("江夏纸坊大街", "D-JX", "D-JX-S01"),
    ("江夏区藏龙岛", "D-JX", None),
    ("黄陂区前川街道", "D-HP", "D-HP-S01"), ("黄陂区横店街道", "D-HP", "D-HP-S03"), ("盘龙城", "D-HP", None),
    ("黄陂区武湖街道", "D-HP", "D-HP-S13"),
    ("新洲区邾城街道", "D-XZ", "D-XZ-S01"), ("新洲区阳逻街道", "D-XZ", "D-XZ-S02"), ("新洲区双柳", "D-XZ", "D-XZ-S09"),
    ("阳逻港附近", "D-XZ", "D-XZ-S02"),
]
COMMUNITIES = ["幸福家园小区", "锦绣花园", "阳光苑小区", "东方花园小区", "水岸星城", "和谐新村", "翠园小区", "金色港湾小区",
               "丽景苑", "福星惠誉小区", "城市花园", "江景公寓"]

# policy: a unit code, or one of street / CG / FG / SJ / JY / RS / district (place-relative)
CITY_FOR = {"street": "DEPT-CGW", "CG": "DEPT-CGW", "FG": "DEPT-FGJ", "SJ": "DEPT-SJJ", "JY": "DEPT-JYJ",
            "RS": "DEPT-RSJ", "district": "WH12345"}

SCENARIOS = [
    # (category, policy, [texts with {p} for the place])
    ("C010216", "street", ["{p}路口每天晚上都有流动摊贩占道经营，卖烧烤卖水果的把人行道全占了，行人只能走机动车道，很危险，希望有关部门管一管。",
                           "尊敬的领导：您好！{p}附近的马路市场越来越严重，早上七点开始摆摊，一直到中午，占道经营导致交通堵塞，请城管部门尽快整治。"]),
    ("C010302", "CG", ["举报{p}{c}一楼住户私自在小区绿地上搭建违章建筑，已经快封顶了，物业劝阻无效，请求相关部门依法拆除。",
                       "{p}{c}顶楼业主在楼顶加盖房屋，属于违法建设，下雨天楼下漏水，多次反映无人处理，恳请查处。"]),
    ("C050211", "CG", ["{p}{c}楼下新开了一家烧烤店，油烟直接排到居民窗户上，晚上烟熏火燎根本不敢开窗，请求处理。",
                       "投诉{p}一家餐馆没有安装油烟净化设备，油烟扰民严重，老人小孩咳嗽不止，希望尽快整改。"]),
    ("C010219", "CG", ["{p}这段路的路灯已经坏了半个多月了，晚上一片漆黑，行人和电动车经过很不安全，希望尽快维修。",
                       "您好，{p}附近有好几盏路灯不亮，晚上下班回家黑灯瞎火的，请相关部门派人修一下。"]),
    ("C010213", "CG", ["{p}{c}旁边的垃圾站好几天没人清运了，垃圾堆成小山，臭气熏天，蚊蝇乱飞，请尽快处理。",
                       "{p}路边垃圾桶满了没人清理，垃圾散落一地，环卫工人好久没来了，严重影响市容。"]),
    ("C010220", "CG", ["{p}人行道上有个井盖缺失，只用一个纸箱盖着，已经有老人差点掉下去，请立即处理！",
                       "{p}的道路破损严重，到处是坑洼，下雨天积满泥水，车辆经过溅人一身，希望市政部门尽快修补路面。"]),
    ("C010218", "DEPT-SWJ", ["每次下雨{p}都会渍水，水深能没过膝盖，附近居民出行非常困难，希望水务部门彻底解决排水问题。",
                             "{p}{c}门口的下水道堵塞，污水漫到路上，臭不可闻，请求疏通。"]),
    ("C010215", "UTIL-WATER", ["{p}{c}从昨天晚上开始停水，到现在都没有来水，也没有提前通知，居民生活受到很大影响。",
                               "{p}{c}的自来水发黄有异味，烧开以后还有沉淀，请自来水公司来检测一下水质。",
                               "我家住{p}，最近水压特别低，六楼以上基本没水用，请帮忙协调解决。"]),
    ("C010214", "UTIL-POWER", ["{p}{c}今天下午突然停电，到现在还没恢复，冰箱里的东西都坏了，请问什么时候能来电？",
                               "{p}一带最近经常跳闸停电，一周停了三次，电压也不稳，请供电公司检修线路。"]),
    ("C010212", "UTIL-GAS", ["{p}{c}的天然气已经停了两天，没有任何通知，居民没法做饭，请燃气公司尽快恢复供气。",
                             "我在{p}新买的房子，申请开通燃气一个多月了还没人上门安装，请帮忙催一下。"]),
    ("C010903", "FG", ["{p}{c}的物业公司服务太差，电梯坏了不修，楼道灯不亮，物业费却年年涨，请房管部门监督整改。",
                       "投诉{p}{c}物业：擅自占用公共区域出租停车位收费，业主多次反映不予理睬。"]),
    ("C010909", "DEPT-ZRGH", ["我在{p}{c}买房已经五年了，房产证到现在还办不下来，开发商一直推脱，请问怎么办？",
                              "咨询一下，{p}的房子继承过户办理不动产登记需要准备哪些材料？"]),
    ("C010901", "DEPT-GJJ", ["我在{p}上班，想咨询一下公积金提取用于租房需要什么手续，每个月可以提多少？",
                             "公司一直没给我缴纳住房公积金，单位在{p}，请问应该向哪里反映？"]),
    ("C010905", "DEPT-FGJ", ["{p}的{c}项目原定去年底交房，现在一拖再拖，开发商说资金困难，业主很着急，请房管部门督促。",
                             "举报{p}某楼盘售楼部在没有取得预售许可证的情况下收取购房诚意金。"]),
    ("C010601", "district", ["{p}的旧城改造拆迁补偿标准太低，跟周边差距很大，我们家不同意，请政府给个说法。",
                             "我家在{p}，还建房说好去年交付，到现在过渡费也停发了，请政府协调解决。"]),
    ("C010301", "DEPT-ZRGH", ["{p}新建的高楼离我们{c}太近了，完全挡住了采光，冬天一点阳光都没有，请规划部门核查。"]),
    ("C010501", "DEPT-CJJ", ["{p}一处工地的脚手架没有防护网，建筑材料经常往下掉，路人很危险，请建设部门检查施工安全。"]),
    ("C020305", "RS", ["我在{p}一家餐饮公司上班，老板已经拖欠我们十几个员工三个月工资了，请劳动监察部门帮我们讨薪。",
                       "{p}某公司不和员工签劳动合同，也不交社保，天天加班没有加班费，请求查处。"]),
    ("C020603", "RS", ["我们是在{p}工地干活的农民工，包工头拖欠农民工工资四个多月，快过年了还没发，求帮助！"]),
    ("C020201", "DEPT-RSJ", ["我今年满六十岁，在{p}住，想咨询养老保险缴费年限不够十五年能不能补缴？",
                             "请问退休人员养老金今年什么时候调整？我家在{p}。"]),
    ("C020204", "DEPT-YBJ", ["我在{p}住院花了三万多，医保报销比例怎么这么低？异地就医备案怎么办理？",
                             "咨询居民医保今年的缴费标准和截止时间，我是{p}的居民。"]),
    ("C020401", "DEPT-RSJ", ["我是{p}的应届毕业生，想咨询一下武汉的就业见习补贴和创业补贴怎么申请。"]),
    ("C030302", "JY", ["{p}某小学开学要求家长交各种资料费、校服费，还要买指定教辅，这是不是乱收费？",
                       "{p}一所幼儿园擅自提高保育费，家长有意见老师还说不交就退园，请教育部门核查。"]),
    ("C030204", "JY", ["我家孩子今年上小学，户口在{p}，划片学校说学位已满，让我们去很远的学校，请教育局给个答复。",
                       "{p}有老师在校外开补习班，暗示学生必须参加，家长敢怒不敢言，请查处在职教师有偿补课。"]),
    ("C030501", "DEPT-JYJ", ["孩子今年参加中考，想咨询一下体育考试的评分标准和报名时间，我们在{p}。"]),
    ("C030701", "DEPT-TYJ", ["{p}附近的全民健身器材损坏很久了，老人锻炼很不方便，希望体育部门更换。"]),
    ("C030804", "DEPT-WLJ", ["{p}有一家网吧接纳未成年人上网，经常通宵，家长很担心，请文化执法部门查处。"]),
    ("C040102", "DEPT-WLJ", ["我们在{p}报了一个旅行社的跟团游，导游强制购物，不买就甩脸色，要求旅游部门处理。"]),
    ("C040303", "SJ", ["我在{p}一家超市买的东西过期了，找商家退货不给退，态度还很恶劣。",
                       "{p}一家健身房办卡以后突然关门跑路，几百个会员的预付卡钱退不回来，请市场监管部门介入。"]),
    ("C040307", "SJ", ["{p}一家商店标价和结账价格不一致，明码标价形同虚设，请物价部门查处。"]),
    ("C060301", "SJ", ["昨天在{p}一家饭店吃饭后全家拉肚子，怀疑食品不卫生，后厨脏乱差，请食品安全部门检查。",
                       "{p}有一家无证餐饮的小作坊，卫生条件极差，还在网上做外卖，请查处。"]),
    ("C060302", "SJ", ["{p}一家药店销售处方药不要处方，还卖来源不明的保健品，请相关部门查处。"]),
    ("C060401", "DEPT-WJW", ["我母亲在{p}一家医院做手术，术后出现严重并发症，医院推卸责任，请卫生部门调查。",
                             "{p}社区卫生服务中心的医生态度恶劣，看病排了两小时队，请卫健部门管一管。"]),
    ("C060102", "DEPT-WJW", ["请问{p}附近哪里可以接种九价宫颈癌疫苗？社区卫生服务中心说没有疫苗。"]),
    ("C060206", "DEPT-WJW", ["我是{p}的独生子女父母，退休时的独生子女奖励一直没发，请问找哪个部门？"]),
    ("C050206", "DEPT-SHJ", ["{p}附近有一家工厂晚上偷偷排放废气，刺鼻的异味弥漫整个小区，请环保部门夜间突击检查。",
                             "{p}的化工厂把废水直排到河里，河水发黑发臭，鱼都死了，请生态环境局严查。"]),
    ("C050203", "DEPT-SHJ", ["{p}一处工地夜间施工，凌晨两点还在打桩，噪音太大根本睡不着，请求查处。"]),
    ("C050203", "CG", ["{p}的商铺门口天天用高音喇叭循环叫卖，吵得附近居民不得安宁，请求处理。"]),
    ("C070103", "DEPT-JTJ", ["在{p}打了一辆出租车，司机故意绕路还不打表，车牌号鄂A·T1234，请交通部门处理。",
                             "{p}的网约车司机取消订单后还扣了我的钱，平台不处理，请交通运输局监管。"]),
    ("C070503", "DEPT-YZJ", ["我在{p}的快递被驿站弄丢了，快递公司互相推诿不赔偿，请邮政管理部门处理。"]),
    ("C070405", "DEPT-JTJ", ["建议在{p}增设一条公交线路直达地铁站，现在居民出行很不方便。"]),
    ("C010205", "UTIL-BUS", ["{p}站的公交车司机不等乘客坐稳就急刹车，我母亲摔倒受伤，司机态度还很差。"]),
    ("C010209", "UTIL-METRO", ["{p}附近的地铁站出入口电梯经常停运，老人上下很不方便，请地铁公司维修。"]),
    ("C010221", "DEPT-GAJ", ["{p}{c}有人遛狗不拴绳，大型犬追咬小孩，物业不管，请公安部门处理。"]),
    ("C010101", "DEPT-YJJ", ["{p}{c}的地下室有人违规储存液化气罐和易燃物品，存在重大安全隐患，请应急管理部门检查。"]),
    ("C010404", "district", []),
]

# matters with no department rule: the district government takes them (兜底)
FALLBACK = [
    ("C0110", "{p}{c}的居委会工作人员办事推诿，开个证明跑了三趟都没开到，希望政府管一管。"),
    ("C0110", "{p}的老旧小区改造进度太慢，挖开的地面几个月没人管，居民出行困难。"),
    ("C0110", "{p}{c}周边没有一个便民菜场和早餐点，居民买菜要走很远，希望政府统筹解决。"),
    ("C0110", "{p}{c}楼道里被邻居堆满了杂物，社区协调了几次都没用，请政府出面解决。"),
]

# city-wide matters with no place at all
CITYWIDE = [
    ("C010901", "DEPT-GJJ", "请问公积金贷款买二手房最高能贷多少？需要哪些材料？"),
    ("C010901", "DEPT-GJJ", "离职以后公积金怎么提取？需要本人去柜台吗？"),
    ("C020201", "DEPT-RSJ", "灵活就业人员怎么缴纳养老保险？每个月交多少？"),
    ("C020205", "DEPT-RSJ", "失业金怎么申领？公司裁员我已经离职两个月了。"),
    ("C020204", "DEPT-YBJ", "医保卡丢了怎么补办？在外地住院能不能直接结算报销？"),
    ("C020103", "DEPT-YBJ", "新生儿怎么办理居民医保？出生后多久内必须参保？"),
    ("C030501", "DEPT-JYJ", "今年高考志愿填报什么时候开始？能不能延长时间？"),
    ("C030501", "DEPT-JYJ", "自学考试的成绩什么时候公布？网上查不到。"),
    ("C010909", "DEPT-ZRGH", "不动产登记中心预约太难了，网上一直约不上号，请改进。"),
    ("C040102", "DEPT-WLJ", "五一期间热门景区门票能不能网上预约？旅游旺季人太多了。"),
    ("C060102", "DEPT-WJW", "请问成人接种流感疫苗要预约吗？需要带什么证件？"),
    ("C060206", "DEPT-WJW", "失独家庭的扶助金标准是多少？今年有没有调整？"),
    ("C070103", "DEPT-JTJ", "网约车平台乱加价，高峰期价格翻了三倍，交通部门管不管？"),
    ("C070404", "DEPT-JTJ", "长途客运站的大巴车超载严重，司机还一边开车一边打电话。"),
    ("C010215", "UTIL-WATER", "水费怎么在网上缴纳？微信里找不到武汉水务的缴费入口。"),
    ("C010214", "UTIL-POWER", "电费账单突然比上月高了一倍，家里没有添新电器，怀疑电表有问题。"),
    ("C010212", "UTIL-GAS", "天然气改装要收多少钱？燃气公司报价太高了。"),
    ("C040306", "DEPT-SJJ", "有人拉我亲戚参加传销，说交三万块钱就能发展下线赚钱，请查处。"),
    ("C0110", "DEPT-GAJ", "我想咨询一下外地户口怎么在武汉落户，人才引进落户需要什么条件？"),
    ("C0110", "DEPT-GAJ", "身份证丢了在外地能补办吗？需要回户籍所在地吗？"),
    ("C0703", "DEPT-JGJ", "驾驶证到期换证可以网上办理吗？体检在哪里做？"),
    ("C0110", "DEPT-ZWJ", "市民之家办事窗口的工作人员态度冷漠，一网通办系统也经常登录不上，给个差评。"),
    ("C020201", "DEPT-RSJ", "社保卡激活以后能在哪里用？养老金是发到社保卡上吗？"),
    ("C0204", "DEPT-RSJ", "请问职业技能鉴定考试在哪里报名？有没有培训补贴？"),
    ("C0305", "DEPT-JYJ", "成人高考报名时间是什么时候？"),
    ("C070503", "DEPT-YZJ", "快递员不送货上门，直接放驿站还要收取保管费，合理吗？"),
    ("C0110", "DEPT-MZJ", "我父亲八十五岁了，高龄津贴怎么申请？需要去哪里办？"),
    ("C0110", "DEPT-MZJ", "家里有重度残疾人，生活很困难，请问怎么申请低保和救助？"),
    ("C010209", "UTIL-METRO", "建议地铁晚上延长运营时间，加班的人坐不上末班车。"),
    ("C0110", "UTIL-TELECOM", "中国电信宽带老是掉线，报修三次都没人上门，要求退费。"),
    ("C0110", "UTIL-MOBILE", "中国移动擅自给我开通了增值业务，每月多扣二十元话费。"),
    ("C0110", "UTIL-UNICOM", "联通宽带到期后自动续费，营业厅说不能退，请求处理。"),
    ("C0110", "WH12345", "我上次反映的问题一直没人回复，请问到底有没有人管？"),
    ("C0110", "WH12345", "请问你们能不能帮我查一下之前的投诉处理到哪一步了？"),
]

OPENERS = ["", "", "尊敬的领导：您好！", "您好，", "市长您好，", "我是一名普通市民，"]


def _unit(policy: str, district: str | None, street: str | None) -> str:
    if policy == "street":
        return street or (f"{district}-CG" if district else CITY_FOR["street"])
    if policy in ("CG", "FG", "SJ", "JY", "RS"):
        return f"{district}-{policy}" if district else CITY_FOR[policy]
    if policy == "district":
        return district or CITY_FOR["district"]
    return policy


def generate(seed: int = 12345) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    places = PLACES[:]
    rng.shuffle(places)
    k = 0
    for cat, policy, texts in SCENARIOS:
        if not texts:
            continue
        n = 6 if policy in ("street", "CG", "FG", "SJ", "JY", "RS", "district") else 5
        for i in range(n):
            p, district, street = places[k % len(places)]
            k += 1
            text = rng.choice(OPENERS) + texts[i % len(texts)].format(p=p, c=rng.choice(COMMUNITIES))
            use_field = rng.random() < 0.15
            row = {"text": text, "place": p if use_field else None,
                   "category": cat if rng.random() < 0.7 else cat[:3],
                   "district": district, "street": street, "unit": _unit(policy, district, street)}
            if policy in ("DEPT-ZRGH", "DEPT-GJJ", "DEPT-RSJ", "DEPT-YBJ", "DEPT-JYJ", "DEPT-WJW", "DEPT-JTJ",
                          "DEPT-YZJ", "DEPT-TYJ", "DEPT-WLJ", "DEPT-SHJ", "DEPT-CJJ", "DEPT-FGJ", "DEPT-YJJ",
                          "DEPT-SWJ", "DEPT-GAJ") or policy.startswith("UTIL-"):
                row["note"] = "city department or utility: the place does not change the unit"
            rows.append(row)
        # the same matter with no place: the city department (or the centre)
        if policy in CITY_FOR:
            text = texts[0].format(p="我们这里", c="小区").replace("我们这里附近", "我们这附近")
            rows.append({"text": text, "place": None, "category": cat, "district": None, "street": None,
                         "unit": _unit(policy, None, None), "note": "no place"})
    for cat, tmpl in FALLBACK:
        for _ in range(5):
            p, district, street = places[k % len(places)]
            k += 1
            rows.append({"text": tmpl.format(p=p, c=rng.choice(COMMUNITIES)), "place": None, "category": cat,
                         "district": district, "street": street, "unit": district, "note": "兜底: the district government"})
    for cat, unit, text in CITYWIDE:
        rows.append({"text": text, "place": None, "category": cat, "district": None, "street": None, "unit": unit,
                     "note": "city-wide, no place"})
    return rows


if __name__ == "__main__":
    rows = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "appeals →", OUT)
