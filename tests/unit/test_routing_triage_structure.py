"""Triage by structure (issue 11, fourth wave): calm emergencies in words the development set does not
use, and ordinary appeals with alarming words, past dangers, hazards to fix and urgent words alone."""
import pytest

from routing.triage import triage

EMERGENCIES = {
"隔壁老王家窗户里往外冒烟，敲门也没人开": "119",
"我们这栋楼地下室起火了，楼道里全是烟": "119",
"刚下楼就闻到一股很冲的液化气味道，是一楼那家飘出来的": "119",
"电梯突然停了，我和我女儿关在里面半个小时了": "119",
"东湖边有个老人走着走着掉进湖里去了": "110",
"江滩那边有个人站在栏杆外面，好像要往下跳": "110",
"有个小偷正在我家楼下偷电瓶，我看得清清楚楚": "110",
"两个人在菜场门口扭打，一个头上都出血了": "110",
"路口一辆小车把骑电动车的大姐撞飞了，人趴在地上": "122",
"我爷爷在家里摔了一跤，头上流了好多血，人迷迷糊糊的": "120",
"我老婆羊水破了，肚子疼得厉害，我们在家里": "120",
"孩子误喝了洗衣液，现在一直在吐": "120",
"工地上一个工人从脚手架上掉下来了，一动不动": "120",
"家里老人一直在喊胸口闷，满头大汗": "120",
"有人在我们小区门口持刀抢劫": "110",
"楼下的配电房里在冒火花，还有爆炸的声音": "119",
"一个小孩被关在车里面了，车锁了，太阳这么大": "119",
"朋友喝多了酒，吐了一地，现在叫他都没反应": "120",
}

ORDINARY = [
"上个月我们楼里着过一次火，现在楼道还是黑的，物业也不清理",
"消防通道被电动车堵死了，万一着火怎么办",
"紧急！我们小区的路灯全坏了",
"能不能在湖边装个护栏，上次有个小孩差点掉下去",
"电梯老是卡在两层之间，物业修了好几次还是这样",
"去年被车撞了，到现在保险公司还没赔钱",
"小区里的灭火器都过期了，烟感也不响",
"楼下的烧烤店天天冒烟，熏得我们开不了窗户",
"我家燃气费怎么扣了两次",
"想问一下燃气报警器在哪里可以买",
"河边的护栏断了一截，晚上黑灯瞎火的，很危险",
"有人在我们小区门口摆摊卖刀具",
"我家孩子在学校被同学打了，老师不管",
"医院的急诊等了四个小时",
"救命啊，物业把我们的水停了三天了",
"老人摔倒了住院，医保报销怎么办理",
"邻居家装修砸墙，吵得要死",
]

# a second batch, written after the first had been made to pass (each batch found gaps the other had not)
EMERGENCIES.update({
"楼下超市的卷帘门里面往外冒黑烟，里面好像还有人": "119",
"我闻到家里有股怪味，像煤气，我老公已经头晕了": "119",
"小区的充电桩那边一辆电瓶车突然炸了，火一下就起来了": "119",
"我女儿把自己反锁在卫生间里，喊也不开门，说不想活了": "110",
"江边有个小伙子往江里走，水都到腰了还在往里走": "110",
"有两个人骑摩托车抢了我的项链，往中山大道跑了": "110",
"隔壁在吵架，男的把女的往死里打，女的一直在喊": "110",
"我被人关在一个屋子里，他们不让我走，我偷偷打的电话": "110",
"高架上一辆车追尾了，后面那个司机满脸是血": "122",
"外卖小哥被一辆渣土车卷到车底下了": "122",
"我爸突然倒在地上，嘴巴歪了，话也说不清楚": "120",
"一个老人在公交车上突然不行了，脸色发白，出了好多汗": "120",
"小孩吞了一颗纽扣电池，现在哭个不停": "120",
"我被蛇咬了，脚肿得好大，在木兰山上": "120",
"山上有个人迷路了，天黑了还没下来，手机快没电了": "110",
"施工的地方土方塌了，有两个工人被埋在下面": "119",
"有人在河边拿电瓶电鱼，一个小孩碰到电线倒下了": "120",
"一楼那家在烧纸，火把窗帘点着了，火越来越大": "119",
})
ORDINARY += [
"我们楼下停的车被人划了，昨天的事，监控能不能调",
"去年小区着过一次火以后，消防栓一直没修",
"我家的燃气灶打不着火，燃气公司什么时候能来修",
"要是哪天电梯掉下来怎么办，你们管不管",
"孩子在学校跟人打架了，老师叫我们去，想问打架学校怎么处理",
"天天有人在江边钓鱼，护栏都被他们拆了，很危险",
"楼下那家天天吵架，吵得我们睡不着",
"这个路口经常出车祸，能不能装个红绿灯",
"医院抢救室的医生态度很差",
"我想问一下急救培训在哪里报名",
"邻居家的狗咬了我的孩子，打了狂犬疫苗，对方不赔钱",
"电动车充电的地方能不能装个灭火器",
"老人摔了一跤之后一直腿疼，医保能不能报",
"工地的塔吊在居民楼上面转来转去，万一掉下来怎么办",
"刚刚停电了，我们这片全黑了，冰箱里东西要化了",
"我要举报一家饭店用地沟油",
"商场的消防通道被货物堵了",
]
OUT_OF_SCOPE = {
"我告了我们公司，法院下个月开庭，你们能不能先让公司把钱给我": "诉讼",
"劳动仲裁已经裁了，公司不履行": "仲裁",
"我反映一下，我们镇上的一个副镇长家里搞了好几套房，钱哪来的": "纪检监察",
"学校校长把食堂承包给他小舅子": "纪检监察",
"对城管的处罚不服，我已经去区政府申请复议了": "行政复议",
"我这个问题已经向信访部门反映了好几次了": "信访",
"我单位是涉密单位，领导让我把材料带回家，这样合不合规": "保密",
}
ASKS_HOW = ["我想起诉开发商，去哪个法院", "劳动仲裁需要带什么材料", "怎么举报一家店卖假货"]

# a fourth batch (15 of 32 failed before: a fire seen from afar, a person on a roof's edge, a child in
# the traffic, a scam under way, a machine holding a worker, water rising round someone who cannot get
# out …), and habitual or past complaints with alarming words
EMERGENCIES.update({
"对面楼顶上好像有火，红红的一片，还有噼噼啪啪的声音": "119",
"我们这一层走廊里全是焦味，眼睛都睁不开了": "119",
"厨房里的油锅烧起来了，我盖不住": "119",
"楼下有个人站在楼顶边上，一直往下看，好多人在围观": "110",
"一个小孩在马路中间一个人走，家长不知道在哪，车子来来往往的": "110",
"有人拿着铁棍在小区门口追着保安打": "110",
"我刚被人在地铁上摸了，那个人现在还在车厢里": "110",
"有几个人在ATM机旁边围着一个老太太，好像在骗她取钱": "110",
"楼下一辆小车把一个小孩撞了，小孩在哭，腿上都是血": "122",
"我骑电动车被一辆面包车刮倒了，脚动不了，司机想走": "122",
"我妈突然晕过去了，怎么叫都叫不醒": "120",
"同事在办公室里突然倒了，嘴唇发紫": "120",
"我儿子发高烧抽起来了，眼睛往上翻": "120",
"我被开水烫了一大片，皮都起泡了": "120",
"有个工人被机器卷进去了，手拿不出来": "119",
"暴雨把我们村的路冲断了，一家人被困在屋顶上": "119",
"地下车库进水了，我车里还坐着我爸，门打不开": "119",
"一个老人掉到窨井里面了，在喊救命": "119",
"我老公喝了农药，现在在吐白沫": "120",
"家里有人烧炭，门反锁了叫不开": "120",
})
ORDINARY += [
"楼下那家烧烤店油烟太大，焦味熏得我们窗户都不敢开",
"厨房的油烟机坏了，找售后一直不来修",
"路边窨井盖松了，车一压就响",
"我家孩子发烧了，想问社区医院周末开不开门",
"上个月我骑车被人撞了，对方不赔医药费",
"地下车库一下雨就进水，物业也不管",
"小区的保安打人，上次还把一个业主打伤了，物业也不处理",
"能不能在路口多安排个交警，上学时间小孩过马路太危险",
"暴雨过后小区的路面塌了一个坑",
"邻居家天天烧香，烟味很大",
"我想咨询一下被狗咬了打疫苗能不能报销",
"楼顶的太阳能热水器被风吹歪了，怕掉下来",
]

# a fifth batch, measured before any change for it: the rules caught 3 of its 15 emergencies, the
# rules with the learned check (trained on the tuning parts) 10, each with a right number; 0 of 8
# ordinary flagged by the rules, 1 with the check
EMERGENCIES.update({
"隔壁仓库顶上在冒青烟，越冒越多": "119",
"我家电热毯好像烧了，一股塑料味，被子都黑了一块": "119",
"楼道里那个电动车电池在冒白烟，还有嗞嗞的声音": "119",
"液化气罐的阀门关不上了，一直在往外喷气": "119",
"一个孩子爬到六楼窗户外面的空调架上了": "110",
"有个醉汉躺在铁轨上，火车马上要来了": "110",
"我被几个人堵在巷子里，他们要我把手机交出来": "110",
"外面有人一直在砸我家的门，说要弄死我": "110",
"商场里有个男的拿着一瓶汽油，说要点火": "110",
"桥上一辆车冲到护栏外面去了，半个车身悬在外面": "122",
"三轮车翻到沟里了，开车的老头压在车下面": "120",
"我奶奶在厕所里摔倒了，头磕到了，一直在流血": "120",
"我怀孕八个月，突然下面出血了": "120",
"孩子吃东西过敏，脸肿起来了，喘不过气": "120",
"一个骑车的人在我们门口被大货车带倒了，人不动了": "122",
})
ORDINARY += [
"上个星期楼下的仓库着火了，现在还有一股烧焦的味道，谁来清理",
"液化气罐的价格太贵了，送气的还要加钱",
"空调外机架子锈了，怕掉下来砸到人",
"我家孩子过敏，想问哪家医院看过敏比较好",
"有人在群里说要弄死我，这算不算威胁，我想咨询一下",
"三轮车天天在我们小区里乱窜，好危险",
"商场里的扶梯有个地方夹脚，小孩差点被夹到",
"桥上的护栏被车撞坏了好几天了也没人修",
]


@pytest.mark.parametrize("text,kind", sorted(OUT_OF_SCOPE.items()))
def test_out_of_scope_second_batch(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", ASKS_HOW)
def test_asking_how_is_an_ordinary_consultation(text):
    t = triage(text)
    assert not t.redirect and not t.transfer, text


@pytest.mark.parametrize("text,number", sorted(EMERGENCIES.items()))
def test_calm_emergency_is_flagged_with_its_number(text, number):
    assert number in triage(text).transfer, text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_appeal_is_not_flagged(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, (text, t)


@pytest.mark.parametrize("text,kind", [
    ("有个局长的女儿开了家公司，专门接他们局里的工程", "纪检监察"),
    ("村里的干部把修路的补偿款瓜分了", "纪检监察"),
    ("派出所有个民警收了人家的好处费", "纪检监察"),
    ("我手上有军工厂的图纸，想交给有关部门", "保密"),
    ("这个事对方已经告到法院了，我现在怎么办", "诉讼"),
])
def test_out_of_scope_by_concept(text, kind):
    assert triage(text).redirect == kind, text


def test_dialect_negation_is_read_as_negation():
    # 冇 = 没: someone in the water who has not come up
    assert "110" in triage("塘里有个伢下去游泳，半天冇看见上来").transfer


# a third batch, out of scope in varied words (a process named × a sign it is under way), and ordinary
# appeals that name a court, arbitration or an official without being out of scope
OUT_OF_SCOPE_3 = {
"我们的案子法院已经判了两年了，对方一直拖着不还钱": "诉讼",
"我老公起诉离婚，法院传票已经寄过来了，我不想离": "诉讼",
"交通事故的案子在法院审，对方保险公司一直拖": "诉讼",
"法院把我的房子查封了，我觉得不公平": "诉讼",
"我们跟开发商打官司打了三年了还没个结果": "诉讼",
"劳动争议我已经去仲裁了，还没出结果，公司又把我社保停了": "仲裁",
"仲裁庭下个星期审我的案子，公司找人威胁我": "仲裁",
"我在劳动仲裁院立了案，现在公司说要和解，我该怎么弄": "仲裁",
"社区书记把我们小区的维修基金拿去自己用了": "纪检监察",
"我们单位的领导天天用公车接送他老婆上下班": "纪检监察",
"街道办的一个科员办事要收好处，不给就卡着": "纪检监察",
"村主任把村里的地偷偷卖了，钱进了他自己腰包": "纪检监察",
"反映一个公务员在外面开公司做生意": "纪检监察",
"我举报一个税务局的干部收了企业的购物卡": "纪检监察",
"已经申请行政复议了，复议决定还没出来，罚款要不要先交": "行政复议",
"我对人社局的工伤认定不服，已经去市政府申请了复议": "行政复议",
"我上访十几年了，问题一直没解决": "信访",
"这件事我写信给信访局了，他们转给了区里，区里一直拖": "信访",
"我去省信访局反映过了，现在回来叫我等": "信访",
"我是一个研究所的，单位的保密资料被同事拍照发到网上了": "保密",
"有人在打听我们基地的导弹型号，给我钱让我说": "保密",
}
IN_SCOPE_3 = [
"我想打官司，但是不知道怎么请律师", "想了解一下劳动仲裁的流程，要多长时间",
"公司说要跟我打官司，我很害怕，怎么办", "社区的干部服务态度很好，想表扬一下",
"我们村的书记帮我们修了路，想表扬一下", "请问行政复议和行政诉讼有什么区别",
"单位一直不给我交社保，我想去仲裁，先找谁", "小区物业说要起诉欠费的业主，合法吗",
"法院旁边的路灯坏了", "信访局门口的公交站台能不能加个遮雨棚",
]

# a sixth batch, measured before any change for it: 5 of its 15 out-of-scope texts were recognised and
# 2 of its 10 in-scope ones redirected (a learned check on the team's 67 out-of-scope examples did no
# better, so none is used for redirects)
OUT_OF_SCOPE_3.update({
"我和前妻争孩子抚养权的事，法院那边还在走程序，她现在不让我见孩子": "诉讼",
"被执行人名下有房子，法院就是不拍卖，我申请执行都两年了": "诉讼",
"邻居告我侵权，案子下周二开庭，我想让你们调解一下": "诉讼",
"二审维持原判了，我不服，还能找谁": "诉讼",
"我们公司和员工的劳动争议正在仲裁，员工天天来公司闹": "仲裁",
"仲裁的结果出来了，我赢了，但是公司转移了财产": "仲裁",
"城管的队员收了摊贩的钱就让他们摆": "纪检监察",
"我们村的会计做假账，村里的钱对不上": "纪检监察",
"镇里的领导打招呼，把工程给了没有资质的队伍": "纪检监察",
"某局的一个副局长长期在外面赌博，一输就是几十万": "纪检监察",
"学校的书记逼老师买他亲戚卖的保险": "纪检监察",
"我对区里作出的不予登记的决定不服，复议申请递上去一个多月了": "行政复议",
"我去市里信访了几次，每次都说回去等": "信访",
"信访事项已经办结了，但我对结果不满意，又来反映": "信访",
"我在单位接触过绝密文件，现在离职了，有人找我打听": "保密",
})
IN_SCOPE_3 += [
"我想咨询一下，离婚抚养权一般判给谁", "法院的立案窗口周末上不上班",
"村里的账目能不能公开一下，我们村民有权知道", "仲裁委的电话是多少",
"怎么向纪委举报", "领导干部下基层调研的时候能不能来我们村看看",
"我们公司保密协议签了，离职后还能不能去同行业", "信访局在哪里办公",
"社区书记人很好，帮我们解决了好多问题", "城管队员态度很好",
]


@pytest.mark.parametrize("text,kind", sorted(OUT_OF_SCOPE_3.items()))
def test_out_of_scope_third_batch(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", IN_SCOPE_3)
def test_in_scope_mentions_of_courts_and_officials(text):
    t = triage(text)
    assert not t.redirect and not t.transfer, (text, t)


# -- the learned triage check (routing/triage_check.py) -------------------------------------------
def _check():
    from routing.triage_check import train_triage_check
    rows = [("墙里的电线发烫发红", ["119"]), ("插排发烫发红", ["119"]), ("开关面板发烫发红", ["119"]),
            ("有人躺在铁轨上不动", ["110"]), ("醉汉躺在铁轨上", ["110"]), ("一个人躺在铁轨中间", ["110"]),
            ("路灯不亮了", []), ("垃圾没人收", []), ("公交车太少了", []), ("物业费太贵", []),
            ("噪音扰民", []), ("停车位不够", [])]
    return train_triage_check(rows)


def test_triage_check_learns_numbers():
    check = _check()
    assert check.numbers("厨房的插座发烫发红") == ("119",)
    assert check.numbers("小区垃圾没人收") == ()


def test_router_consults_the_check_only_when_the_rules_flag_nothing():
    from hotline.ports import RoutingRequest
    from routing import demo_router
    r = demo_router()
    text = "卧室墙里的电线发烫发红了"
    assert r.route(RoutingRequest(text=text)).transfer == ()
    r.triage_check = _check()
    d = r.route(RoutingRequest(text=text))
    assert d.transfer == ("119",) and "模型判断" in d.triage_reason
    # the rules' own numbers stand: a crash with someone bleeding stays 122 + 120
    assert r.route(RoutingRequest(text="两车相撞，有人流血躺在地上")).transfer == ("120", "122")


def test_routing_train_with_transfers_trains_the_check(tmp_path):
    import json

    from routing.cli import train_from_rows
    from routing.learned import LearnedRouter
    rows = [("停水了", None, "UTIL-WATER"), ("停电了", None, "UTIL-POWER")] * 3
    transfers = [("插排发烫发红", ["119"]), ("路灯不亮", [])] * 3
    out = train_from_rows(rows, tmp_path / "m.pkl", transfers)
    assert out["triage_check_rows"] == 6
    assert LearnedRouter.load(tmp_path / "m.pkl").triage_check is not None
    assert json.dumps(out)


# fifth wave (integration): money pocketed in plain words, a suit already filed in plain words, and a
# comparison asked about (a consultation); checked to change nothing on the 2,816 real letters
@pytest.mark.parametrize("text,kind", [
    ("我们村的村支书把征地补偿款揣进自己兜里了，我要举报他", "纪检监察"),
    ("小区物业费的事情我已经把物业公司告上法庭了", "诉讼"),
])
def test_out_of_scope_in_plain_words(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", ["我想咨询一下行政复议和行政诉讼哪个时间长", "我想把物业公司告上法庭，要准备什么"])
def test_asking_about_a_procedure_is_no_redirect(text):
    assert not triage(text).redirect, text


# sixth wave (helper 11t): the structural out-of-scope layer. A seventh batch, measured before its own fixes
# (13 of 20 recognised by the layer as first written, 11 of 20 by the rules before the wave; 0 of 12 in-scope
# flagged either way), then tuning material.
OUT_OF_SCOPE_7 = {
"我跟隔壁因为宅基地的事打官司，法院让我们先等测量结果，都半年了": "诉讼",
"我老爹的工伤官司一审判下来了，厂里不服又上诉，我们等得好苦": "诉讼",
"法院冻结了我们公司的账户，工人工资发不出来，案子还在审": "诉讼",
"网贷公司把我告了，我昨天收到法院短信说有个案子要我去应诉": "诉讼",
"被执行人是我前老板，申请执行快一年了法院一分钱没执行到": "诉讼",
"我在劳动仲裁那里立了案，公司派人来说私了，给一半钱": "仲裁",
"仲裁委说我的案子要延期审理，我都等了五个月了": "仲裁",
"仲裁书下来了，公司还是拖着不付钱，说要去法院起诉我": "仲裁",
"我们村的村长把上面拨下来修水渠的钱挪去给自己家盖房子了": "纪检监察",
"区教育局有个科长，他老婆开的培训班，他让下面学校的老师都去推销": "纪检监察",
"交警队有个人收了钱就把扣的车放了，我看见他们在车里点钱": "纪检监察",
"街道的一个领导把拆迁名额给他的侄子，他侄子根本不住这里": "纪检监察",
"医保中心的一个工作人员私下收钱帮人办特殊病种": "纪检监察",
"我们单位的一把手天天在外面吃吃喝喝，都用单位的钱报销": "纪检监察",
"我对区政府的房屋征收补偿决定不服，已经向市政府申请复议了": "行政复议",
"行政复议受理了快三个月还没结果，说要延长": "行政复议",
"我已经向信访局反映过三次，每次都说转给街道，街道又说不归它管": "信访",
"去年我写信到信访部门，他们出了个答复意见书，我不满意，又申请复查": "信访",
"我是搞测绘的，客户让我把一片军事管理区的图也测了给他": "保密",
"有个人一直问我们研究所的实验数据，还说可以给我钱，我觉得不对劲": "保密",
}
IN_SCOPE_7 = [
"我想跟开发商打官司，但是不晓得去哪个法院立案",
"小区门口就是区法院，早上上班的车把路都堵了",
"劳动仲裁一般要多长时间才有结果，我还没去申请",
"社区主任人蛮好的，帮我们把路灯修好了，想表扬一下",
"我要举报一个小作坊在居民楼里做辣条，卫生很差",
"派出所给我立了案，说骗子在外地，能不能帮我催一下进度",
"村干部一直不来处理我们组的排水沟，下雨就淹",
"请问信访局的上班时间，我想去咨询一下",
"城管执法队员把我的秤收走了，我想要回来",
"复议和诉讼哪个好，我还在考虑",
"我们公司的保密协议有没有法律效力",
"有个国外的游客在江滩拍照掉了钱包，我捡到了交给谁",
]
# an eighth batch, written after the seventh's fixes and never used to change anything: 10 of 15 recognised
# (as before the wave: the four accusations against officials and one 保密 text it misses are in words nobody
# listed), none of its 8 in-scope texts flagged. Only the in-scope side is asserted.
IN_SCOPE_8 = [
"法院对面的公交站台被拆了，等车都没地方躲雨",
"想问问仲裁申请书怎么写，有没有模板",
"我们村的书记带着大家修了路，我们都很感谢",
"区政府旁边的停车场收费太贵",
"单位的领导不让我们休年假，请问合法吗",
"我想知道打官司的诉讼费怎么算",
"我要举报一个黑诊所给人打针，没有资质",
"派出所的民警帮我找回了丢的孩子，想表扬他们",
]


@pytest.mark.parametrize("text,kind", sorted(OUT_OF_SCOPE_7.items()))
def test_out_of_scope_seventh_batch(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", IN_SCOPE_7 + IN_SCOPE_8)
def test_in_scope_seventh_and_eighth_batch(text):
    t = triage(text)
    assert not t.redirect and not t.transfer, (text, t)


def test_procedure_stages_belong_to_the_channel_named():
    # 开庭 after an arbitration is the arbitration's hearing, not a court case
    assert triage("我申请了劳动仲裁，开庭通知书上的日子又改了").redirect == "仲裁"
    assert triage("跟公司的官司下个月开庭").redirect == "诉讼"
    # the channel only wished for, or asked about, is not under way
    assert not triage("行政复议是在哪里申请，我还没申请过").redirect
    assert not triage("我想申请信访，要去哪里").redirect


def test_a_case_talked_about_is_no_crime_in_progress():
    t = triage("派出所有个民警收了人家的钱，把打架的案子压下来了")
    assert not t.transfer and t.redirect == "纪检监察"
    assert "110" in triage("楼下有两个人正在打架，拿着棍子").transfer


def test_official_and_misconduct_must_meet():
    assert triage("镇里的干部把危房改造的补贴款冒领了").redirect == "纪检监察"
    assert not triage("镇里的干部来我们村看了危房改造的进度，补贴款已经到了").redirect
    # 公车 alone is a bus: no misconduct
    assert not triage("社区书记说公车线路会调整，希望早点通公车").redirect


def test_triage_check_fast_scores_are_scikit_learns():
    # the check answers from one table instead of scikit-learn's transform + predict_proba: same figures
    check = _check()
    texts = ["厨房的插座发烫发红", "小区垃圾没人收", "有人躺在铁轨上  不动 ABC", "", "噪音", "x" * 300]
    for text in texts:
        x = check.vectorizer.transform([text])
        want = [check.any_model.predict_proba(x)[0, 1]] + [m.predict_proba(x)[0, 1] for m in check.number_models.values()]
        got = check._fast().probabilities(text)
        assert got == pytest.approx(want, abs=1e-9), text
        assert check.numbers(text) == check.numbers_slow(text)


def test_a_check_pickled_without_the_scorer_still_answers():
    import pickle
    check = _check()
    check._scorer = None
    again = pickle.loads(pickle.dumps(check))
    assert again.numbers("厨房的插座发烫发红") == ("119",)


@pytest.mark.parametrize("text,number", [
    ("我儿子玩的时候把一颗纽扣电池吞下去了", "120"),            # the object before the verb
    ("一个男的在公交车上掏出一把刀，车上的人都往后门挤", "110"),
    ("工地的塔吊吊的钢筋掉下来了，下面有工人被砸到", "120"),
    ("我跟我女儿被锁在了卫生间里，门把手坏了", "119"),
])
def test_ninth_batch_concepts(text, number):
    assert number in triage(text).transfer, text


@pytest.mark.parametrize("text", [
    "昨天小区有辆车着火了，现在烧黑的车还停在那",            # yesterday's fire is over
    "我被锁在门外了，钥匙忘带了，开锁公司电话是多少",           # locked out, not in
])
def test_ninth_batch_not_now(text):
    assert not triage(text).transfer, text


# -- the seventh wave (helper 11t8): concepts from the batches of tuning14, written as new sentences ----------
@pytest.mark.parametrize("text,kind", [
    ("村里的文书收了人家两条烟一瓶酒，就把宅基地批下来了", "纪检监察"),              # gifts taken
    ("街道的一个副主任，他表弟开的装修队把社区的活全包了", "纪检监察"),               # family business favoured
    ("管低保的网格员说，批下来以后每个月要分他两百", "纪检监察"),                     # a share demanded
    ("那个所长称兄道弟的老板开的洗浴中心，每回检查之前都有人打招呼", "纪检监察"),     # a tip-off
    ("交警罚了我两百块，我明明没压线，这个处罚我不服，想让上一级机关重新看一下", "行政复议"),
    ("我在一个保密单位上班，最近有人加我微信出高价买我们的内部资料", "保密"),
])
def test_seventh_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "公司告我泄露商业秘密，我想问问怎么找律师应诉",          # a trade secret is no state secret (and asks how)
    "城管的人来看了一眼违建就走了，两个月了还是那样",          # a complaint about handling, no misconduct
    "罚单上写的停车地点不对，想问问交警在哪里可以申诉",          # asks where to appeal: no dispute with a review
])
def test_seventh_wave_in_scope(text):
    assert not triage(text).redirect, text


@pytest.mark.parametrize("text,number", [
    ("一进门就是一股很刺鼻的味道，煤气灶的开关好像一直开着", "119"),
    ("电梯卡在九楼下面一点，里面还有两个老人", "119"),
    ("有个人在停车场挨个拉车门，刚钻进了一辆白车", "110"),
    ("我外甥把一瓶消毒液当饮料喝了两口", "120"),
    ("我爸肚子疼得在床上打滚，一直冒冷汗", "120"),
])
def test_seventh_wave_calm_emergencies(text, number):
    assert number in triage(text).transfer, text


@pytest.mark.parametrize("text", [
    "儿子的充电宝冒烟了，我赶紧拔掉了，想投诉这个牌子的质量",      # dealt with, a complaint
    "前天晚上楼下有人打架，头破血流的，现在没事了，想问问派出所处理了没有",
    "医院排队排了四个小时，我妈疼得受不了也没人管",                # a service complaint
])
def test_seventh_wave_not_now(text):
    assert not triage(text).transfer, text


def test_accusation_check_needs_an_official_named():
    from routing.triage import screen
    from routing.triage_check import train_triage_check
    accusations = [("局长拿了老板的好处", True), ("科长收了人家的红包", True), ("书记把工程给了他亲戚", True),
                   ("主任占了集体的地", True), ("所长跟老板一起吃喝", True), ("路灯不亮了", False),
                   ("物业费太贵", False), ("垃圾没人收", False), ("公交车太少了", False), ("噪音扰民", False)]
    check = train_triage_check([("家里着火了", ["119"]), ("有人晕倒了", ["120"]), *((t, []) for t, _y in accusations)],
                               accusations=accusations)
    assert check.accusation("处长拿了老板的好处，还收了红包") > check.accusation("路灯不亮了")
    check.accusation_model.coef_[:] = 0                   # the model says yes to everything …
    check.accusation_model.intercept_[:] = 5
    check._accusation_scorer = None
    assert screen("处长一家子的事情说不清", check).redirect == "纪检监察"
    assert screen("小区门口的路灯不亮了", check).redirect is None     # … but no official is named
    check.accusation_model = None                          # a check trained (or pickled) without it
    assert screen("处长一家子的事情说不清", check).redirect is None


# -- the seventh wave's second round (helper 11t9): concepts from tuning16, written as new sentences -------------
@pytest.mark.parametrize("text,kind", [
    ("村里分救灾帐篷，村主任自己家也领到了两顶，我们受灾的反而没有", "纪检监察"),          # the cadre's own household
    ("社区主任的弟媳开了个文具店，社区办公用品都从她店里进", "纪检监察"),                 # purchases from a relative
    ("我们所里一个副所长一年到头不来上班，工资照拿", "纪检监察"),                         # pay without work
    ("乡里那台公务车过年开回了乡长老家，他儿子开着到处跑", "纪检监察"),                   # a public car for family errands
    ("医院评先进，院长的外甥女刚来一年就评上了", "纪检监察"),                             # a relative given a title
    ("修村委会院墙花了十几万，钱用到哪里去了村干部也讲不清", "纪检监察"),                 # money unaccounted for
    ("在镇里上班的一个人，他老婆开了家代办公司，专门帮人跑镇里的手续", "纪检监察"),      # someone in a government office
    ("为了这个事我去信访局跑了五六趟，他们说三十个工作日答复，到现在没有音信", "信访"),
    ("市场所扣了我的秤说不准，我有计量所的检定证明，要求他们上面的单位重新处理", "行政复议"),
])
def test_seventh_wave_second_round_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,number", [
    ("卧室门缝里一直往外冒烟，里面没人", "119"),
    ("一个小伙子慢慢走进湖里去了，水都没过肩膀了", "110"),
    ("楼道里有个人蹲在我家门口，一下一下地试我家的密码锁", "110"),
])
def test_seventh_wave_second_round_emergencies(text, number):
    assert number in triage(text).transfer, text


@pytest.mark.parametrize("text", [
    "燃气公司在小区里换表，楼道里一股味道，想问问要换多久",       # works on the meters, a question
    "物业让我马上转钱交物业费，不交就停水",                       # a demand for money, no scam under way
    "区长信箱里的信我写了好几封，想问问有没有回复",               # no misconduct
])
def test_seventh_wave_second_round_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


def test_a_near_tie_between_two_numbers_offers_both():
    from routing.triage_check import _choose
    assert _choose([("110", 0.46), ("119", 0.3), ("120", 0.45), ("122", 0.05)], 0.55) == ("110", "120")
    assert _choose([("110", 0.46), ("119", 0.3), ("120", 0.35), ("122", 0.05)], 0.55) == ("110",)
    assert _choose([("110", 0.7), ("119", 0.3), ("120", 0.5), ("122", 0.05)], 0.55) == ("110",)


@pytest.mark.parametrize("text,kind", [
    ("贫困户名单上有两户是村主任的亲家，人家开着小车", "纪检监察"),                         # a benefit list × kin
    ("镇里的干部把文化站租给人开棋牌室，钱进了谁的腰包没人知道", "纪检监察"),             # money into whose pocket
    ("交通局一个处长，他小舅子在建材公司上班，他管的工地全都用他们公司的料", "纪检监察"),
    ("我们科长每次出差都报几千块住宿费，实际上是带他老婆出去玩", "纪检监察"),
    ("社保局那个姓李的跟几个老板一起出国旅游，回来就把那几家的欠费免了", "纪检监察"),
    ("劳动仲裁的调解书写明了这个月发工资，到现在还没发", "仲裁"),
    ("规划局把我家的宅基地登记给了我堂哥，我有当年的批文，要求上级机关撤销", "行政复议"),
])
def test_seventh_wave_second_round_batch_two_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,number", [
    ("我媳妇怀孕七个月了，肚子一直一阵一阵地痛，还见红了", "120"),
    ("有个老头抱着一个小男孩往车上走，那孩子一直哭着说不认识他", "110"),
    ("我妈在卫生间洗澡一个多小时了，敲门没反应", "120"),
    ("厨房燃气表那里一直呲呲地响，还有味道", "119"),
])
def test_seventh_wave_second_round_batch_two_emergencies(text, number):
    assert number in triage(text).transfer, text


@pytest.mark.parametrize("text", [
    "业委会主任把公共收益的账拿着不公开，我们业主想查一下",     # an owners' committee is no official
    "家里的水管接头滋滋地漏水，物业说要自己找人修",              # a hiss with no gas
    "燃气表走得太快了，一个月用了三百多块",                       # a gas bill
])
def test_seventh_wave_second_round_batch_two_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


@pytest.mark.parametrize("text,kind", [
    ("拆迁办的人收了隔壁两万块，隔壁的棚子就按住房算了", "纪检监察"),                    # a sum taken
    ("那个管规划的科长，开发商给他家出钱装修，这个小区的违建一直没人管", "纪检监察"),
    ("村支书的车加油都是村里报，天天开着送孙子上学", "纪检监察"),
    ("局长的外甥没考试就进了局里下属的中心", "纪检监察"),
])
def test_seventh_wave_second_round_batch_three_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,number", [
    ("有个男的拿着榔头在菜市场见人就打", "110"),
    ("我儿子把手塞进了洗衣机的滚筒缝里，拔不出来了", "119"),
])
def test_seventh_wave_second_round_batch_three_emergencies(text, number):
    assert number in triage(text).transfer, text


def test_triage_only_parts_teach_no_units():
    from routing.seed import TRIAGE_ONLY_PARTS, seed_rows
    assert TRIAGE_ONLY_PARTS and len(seed_rows(with_triage_only=False)) < len(seed_rows())


# ninth wave, second round: out-of-scope forms the rules alone missed (new wordings, not tuning20's batch 5 rows)
@pytest.mark.parametrize("text,kind", [
    ("那个官司判了对方赔五万，被车撞了到现在一分没拿到", "诉讼"),                 # a crash recounted in a case
    ("我们去劳动仲栽立了案，老板到现在还不露面", "仲裁"),                           # the homophone 仲栽
    ("社区的主任说要意思意思才给我盖章", "纪检监察"),
    ("所里有个人半年没上过班，工资照样一分不少地领", "纪检监察"),
    ("局里一个领导打了招呼，面试垫底的那个就录了", "纪检监察"),
    ("民警把我们的案子压着不立，听说对方是他老乡", "纪检监察"),
    ("副镇长家办酒席，开的是镇政府那台车去接的客", "纪检监察"),
    ("科长让科里的人都去他老婆开的店里买年货", "纪检监察"),
    ("抽屉里有一沓文件，封面上印着机密两个字", "保密"),
    ("有个老外在门口打听那个研究所的工程师住在哪里", "保密"),
])
def test_ninth_wave_second_round_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "想了解一下行政复议多少天以内要提出来，城管罚单我不认",          # a how-to question about the time limit
    "法院门口那个公交站的顶棚漏雨",
    "举报一家奶茶店用过期的原料",
])
def test_ninth_wave_second_round_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# twelfth wave (helper w12-tri): classes tuning28t's misses showed, in other words than its rows
@pytest.mark.parametrize("text,kind", [
    ("上级部门给了复查意见，说维持原处理，我不服", "信访"),                      # the 信访 stages without the word
    ("劳动争议那边说下周三开庭，公司到现在一分钱都没给", "仲裁"),                 # the arbitration's everyday name
    ("有人加我微信说做兼职，每天去码头拍几张船的照片就给三百", "保密"),
    ("我在研究院食堂帮厨，有个人让我把会议室的废纸偷出来给他，说给好处", "保密"),
    ("我儿子在部队，有个陌生人打电话来问他们现在驻在哪里", "保密"),
])
def test_twelfth_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,numbers", [
    ("表哥被人带到一个出租屋里搞传销，他们把他的身份证收走了，他偷偷发消息给我", {"110"}),
    ("前面一辆小车撞上隔离带了，车头在冒烟，人还在车里", {"122"}),
])
def test_twelfth_wave_emergencies(text, numbers):
    assert numbers <= set(triage(text).transfer), text


@pytest.mark.parametrize("text", [
    "楼下有人烧纸，烟好大，倒是没烧起来，就是熏得人难受",
    "我在部队当兵，有个陌生人打电话问我要不要办贷款",
    "我在研究所上班，快递放在门卫那里，能不能帮我带出来给我",
    "一辆车撞了路边的护栏，护栏歪了一截，想找人来修",
    "我们那个地下通道一下暴雨就淹，车子经常熄火在里面",
])
def test_twelfth_wave_ordinary(text):
    t = triage(text)
    assert not t.redirect, text
    assert not t.transfer or text.startswith("一辆车撞了"), text   # a crash into a railing stays 122 as before


# twelfth wave, tuning28t's third batch: accusations and 信访 told indirectly, in other words than its rows
@pytest.mark.parametrize("text,kind", [
    ("村里管宅基地审批的那个人，每户都要收两千才给签字", "纪检监察"),
    ("税务所办登记的那个男的，不塞个红包就说表格填得不对", "纪检监察"),
    ("开发商老板经常请房管局的人去钓鱼，我们小区的验收一次就过了", "纪检监察"),
    ("我把材料交到来访接待中心，他们登记以后说会转给街道", "信访"),
    ("对领导信箱的答复不满意，我想申请复核", "信访"),
    ("镇里说我这个问题要走法定途径，不再接待我了", "信访"),
])
def test_twelfth_wave_indirect_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "业主委员会把这一年的账目拿出来贴在公告栏了，想问问物业费的算法",
    "社区网格员来登记我家的人口信息，说要转给派出所核对",
])
def test_twelfth_wave_look_alikes(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# thirteenth wave (helper w13-tri): classes tuning29t's misses showed, in other words than its rows
@pytest.mark.parametrize("text,kind", [
    ("裁决下来了，仲裁庭认定我那三个月不算试用期，我觉得不对，想重新仲裁", "仲裁"),       # a wish to redo it: not a how-to
    ("房管所的人说要意思一下，不然材料就一直放着", "纪检监察"),                         # a bribe hinted by staff named by their office
    ("城管给我下了罚款决定，我想请他们上级重新审一下", "行政复议"),                     # the wish for a higher review is the dispute
    ("区里的拆迁补偿决定我们不同意，打算申请复议", "行政复议"),
    ("我们小区二十多户签了名的材料，准备递到区信访办", "信访"),
    ("朋友给我看了一份文件，上面印着严禁外传，他说要发到网上去", "保密"),
    ("我在研究院做实验员，最近有个自称咨询公司的人老打听我们课题的数据，说可以付报酬", "保密"),
])
def test_thirteenth_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,numbers", [
    ("塔吊倾斜了，搭在旁边的厂房上，厂房里还有人在干活", {"119"}),
    ("大树倒下来砸在一辆车上，车里还有人出不来", {"119"}),
])
def test_thirteenth_wave_emergencies(text, numbers):
    assert numbers <= set(triage(text).transfer), text


@pytest.mark.parametrize("text", [
    "热水器旁边我总觉得有点漏气，可是闻不到什么味道，想请燃气公司来看看",     # a suspicion, the smell denied
    "新买的暖风机插上就冒烟，我马上拔了，商家说不给退",                         # a danger dealt with, a consumer's complaint
    "阳台的瓷砖掉下来正好砸在花盆上，想找物业修一下",                           # 正好 is "happened to", not "now"
    "城管窗口的工作人员说要找上级才能看，我想问怎么预约",                         # no decision: no 复议
    "信访局门口那条路的路灯坏了",                                                # the office as a place
    "村里的人都说这条路该修了",                                                  # villagers, not officials
    "路边的垃圾桶被风吹倒在地上，垃圾撒了一路",                                  # things lying on the ground
    "隔壁超市低价倾销，把我们这条街的客源都抢了",                                # trade "grabbed"
    "公交车上人太多，挤得人喘不过气，能不能加几趟车",                            # a figure of speech
    "楼上装修掉下来的瓷砖砸坏了我家雨棚",                                        # a falling thing did it
    "下水道井盖没了，晚上路过的人掉下去怎么办",                                  # a worry, 下水道 is no swimmer
    "雨一大山上的泥沙就冲到河里，河水都黄了",
    "去年冬天我们厂锅炉房爆炸，三个工人被烧伤送进了医院，现在厂里还是没整改",    # the year said once holds for the sentence
    "我妈接到一个冒充公安的电话让她转账，她没转，直接挂了，想反映一下",            # a scam turned down
    "仓库的门被人撬了，监控拍到是两个人，货少了好几箱",                          # a break-in found after the fact
])
def test_thirteenth_wave_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# fourteenth wave (helper w14-tri): classes tuning30t's misses showed, in other words than its rows
@pytest.mark.parametrize("text,kind", [
    ("办营业执照的时候窗口的人暗示我送点好处才给批", "纪检监察"),                    # a favour made the price of the service
    ("区里给我们发了个通知说补贴不发了，我们不服，想请上一级部门重新审一下", "行政复议"),  # a notice disputed, a higher organ
    ("我表哥在军工厂上班，过年的时候跟亲戚们讲他手上在做的型号，还给我们看了照片", "保密"),  # the work told and shown
    ("房子被法院拍卖了，法院贴了公告叫我们一个月内腾房", "诉讼"),                # the court's notice to leave
    ("上个月区里的信访接待日我去了，到现在没人回复", "信访"),                     # a petition day attended
    ("有几个老外在部队营区对面的楼顶上架着望远镜往里看", "保密"),                # foreigners watching a military site
])
def test_fourteenth_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,numbers", [
    ("路口那根电线断了掉在地上，一直在冒火花", {"119"}),                      # a live wire down
    ("我叔叔喝醉了，摇他都摇不醒", {"120"}),                                 # will not wake
    ("有人在楼下拆电瓶车的电瓶，我在窗户这里看着他", {"110"}),                  # a thief at work, watched
    ("有个自称是物业的人敲门，我没叫过物业，他站在门口不走", {"110"}),           # a pretext at the door
    ("烧荒烧到山上的林子里去了，火越来越大", {"119"}),                         # a burning got away
    ("隔壁的燃气报警器一直在叫，敲门没人答应", {"119"}),                      # an alarm ringing, no answer
    ("河堤那里有个决口，水一直往村子里涌", {"119"}),                          # a dike breached
])
def test_fourteenth_wave_emergencies(text, numbers):
    assert numbers <= set(triage(text).transfer), text


@pytest.mark.parametrize("text", [
    "我以前在车间被机器压伤过脚，现在好了，厂里一直不给报销医药费",               # an injury told with 过, over
    "楼道的烟感报警器响了几次都是误报，物业也不来换",                            # a false alarm
    "有推销的一直敲门，说了不要也不走，很烦",                                   # no pretext, no one alone
    "小区门口的电线垂得很低，怕大车刮到",                                       # a hanging wire, no sparks
    "我们村的河堤去年垮过一段，今年修了没有",                                   # a past breach
    "公园里那棵树上有个马蜂窝，怕孩子被蜇",                                     # a worry
    "对方把我告到法院了，传票也收到了，想问哪里有免费的律师可以咨询",             # free legal help asked for
])
def test_fourteenth_wave_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# fourteenth wave (helper w14-oos): classes tuning31t's misses showed, in other words than its rows
@pytest.mark.parametrize("text,kind", [
    ("我明明把欠款还清了，还是被纳入了失信名单，现在买不了机票", "诉讼"),            # put on the court's defaulter list
    ("交警队给我开了处罚决定书，我认为处罚错了，想请市里来审查一下", "行政复议"),     # a higher organ asked to examine
    ("社保局通知我要补缴一笔费用，我觉得不合理，想请上一级部门重新核算", "行政复议"),  # an order to pay back, disputed
    ("街道把我家的棚子强拆了，说是违建，我们早就办好了审批，想请上级复核这个决定", "行政复议"),  # permit held, 复核 asked
    ("同事把一份写着请勿外传的会议纪要发到了朋友圈", "保密"),                          # a paper marked not to pass on
    ("那个军工研究所外面有个陌生人天天用相机拍里面的楼", "保密"),
    ("城管队员来摊位上检查，示意我们给他送两条烟，不送就罚款", "纪检监察"),              # a bribe hinted at
    ("我在军工厂上班，有个网友老是打听我们厂里的情况", "保密"),                        # asked again and again                       # a stranger photographing a secret site
])
def test_fourteenth_wave_out_of_scope_oos(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "我想查一下跟我签合同的那家公司是不是失信企业",                              # a defaulter looked up, no case
    "隔壁烧烤店的油烟熏得人喘不上气，窗户都不敢开",                              # smoke as a figure of speech
    "想咨询一下行政复议决定书一般多久能出来，我们还没有提交申请",                  # a procedure asked about before filing
    "小区门口有个陌生人拿手机拍我们的车牌，不知道想干什么",                        # a stranger photographing, nothing secret
    "城管的处罚决定我们已经认了，罚款也交了，想问能不能开发票",                      # a decision accepted
])
def test_fourteenth_wave_ordinary_oos(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# fifteenth wave (helper w15-tri): classes tuning32t's misses showed, in other words than its rows
@pytest.mark.parametrize("text", [
    "阳台的插线板冒了火花，我马上把插头拔了，麻烦物业派人来检查一下线路",        # dealt with, a repair asked for
    "我家燃气灶点火有点慢，燃气公司来看了说没漏",                                # a leak denied
    "工地上的工人在仓库门口用明火烧水",                                          # an open flame used, no fire
    "卫生间的灯一开就冒火花，我们已经不开了",                                    # a fault each time it is used
    "十几天前隔壁楼着火了，现在外墙还是黑的，什么时候有人来刷",                  # a time counted back
    "有人在这个水库里淹死了，那是去年夏天的事，现在岸边还是没有警示牌",          # the time said after the event
    "我妈突然晕倒了，现在已经住进医院了，想问问异地医保怎么办",                  # in a hospital's hands
    "在小区门口被电动车撞了，交警队叫我自己去调监控",                            # the traffic police have it
])
def test_fifteenth_wave_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


@pytest.mark.parametrize("text,nums", [
    ("污水井里有个工人下去疏通，半天没上来了", {"119", "120"}),                    # down a manhole, not come up
    ("我女儿一晚上没回家，刚才有个不认识的人用她的手机打过来，叫我拿十万块钱", {"110"}),  # a ransom asked for
])
def test_fifteenth_wave_emergencies(text, nums):
    assert set(triage(text).transfer) & nums, text


@pytest.mark.parametrize("text,kind", [
    ("社区那个管低保的，谁给他送酒就先批谁的，不送的就拖着", "纪检监察"),          # a gift for a quicker approval
    ("所里那个民警说给他五千块，打架的事就当没看见", "纪检监察"),                  # money for looking away
    ("我捡到一份文件，封面印着机密两个字", "保密"),                                # a paper marked secret
    ("有人在网上高价收购导弹基地的照片", "保密"),                                  # a base's pictures bought
])
def test_fifteenth_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "电视上报道说有个仓库爆炸了，我们这边也有好多仓库，想问有没有人管",          # the news
    "我爸喝水容易呛着，想问问有没有适合老人的吞咽训练",                          # a disposition
])
def test_fifteenth_wave_ordinary_news(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


# fifteenth wave, round two (helper w15-tri2): over-flags tuning33t and other sets showed, in other words than its rows
@pytest.mark.parametrize("text", [
    "发电机电压不够，拖拉机发动不了，地都耕不了",                                # a machine that will not start
    "旧货店买的电风扇转动不了，老板说拿回来修要收钱",
    "这盒雪茄抽起来一股霉味，跟上次买的不一样",                                  # a cigarette that tastes wrong
    "楼上晒的衣架摔下来，把我家窗台的花砸坏了",                                  # a thing that fell
    "我儿子在培训班的蹦床上摔下来，缝了三针，培训班一分钱不赔",                  # a fall told for who pays
    "老爹上回在菜场滑倒摔下来，现在走路不方便，想申请个助行器",                  # a lasting consequence
    "隔壁有人在楼顶养鸽子，把我家的雨棚踩垮了",                                  # a cover trodden in by a doer
])
def test_fifteenth_wave_round_two_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


@pytest.mark.parametrize("text,nums", [
    ("我老婆从阳台上摔下来了，躺在地上不动，楼下的店老板说不关他的事", {"120"}),   # a fall, still not moving
    ("孩子从单杠上摔下来，医生说要观察，刚才开始一直吐，叫他也不醒", {"120"}),     # seen to, then worse
    ("爷爷在厂里被机器卷进去了，厂里说不负责，他现在动不了", {"119", "120"}),     # 动不了 of a person
])
def test_fifteenth_wave_round_two_emergencies(text, nums):
    assert set(triage(text).transfer) & nums, text


def test_fishing_offences_are_not_asked_of_the_check():
    from routing.triage import screen

    class AlwaysPolice:
        def numbers(self, text):
            return ("110",)

    # 渔政's with the police assisting: an offence against the fishery, no life in danger, no 110 transfer
    assert not screen("江滩那边现在有人开着船在炸鱼", AlwaysPolice()).transfer
    assert not screen("有人往我们鱼塘里投了药毒鱼", AlwaysPolice()).transfer
    # … unless a person is hurt
    assert screen("有人在沟里电鱼，把路过的小孩电倒了", AlwaysPolice()).transfer


# sixteenth wave (helper w16-tri): fire as a feeling, an alarm cry opening a lasting ordinary matter, a crash or a fraud told
# for its aftermath, a process said not to be needed, a worker who came and said it is not theirs, smoke of a nuisance
@pytest.mark.parametrize("text", [
    "我心头真的冒火了，小区的快递柜收费越来越贵",                                   # fire as a feeling
    "真是火烧眉毛，孩子的医保卡还没办下来，下周要住院",
    "失火了失火了！我们楼的电梯停了三天没人修",                                     # a cry opening a lasting matter
    "上周在菜场门口被一辆三轮车撞了，车主一直不肯赔医药费，我该找谁",               # a crash told for who pays
    "前几天晚上被人开车刮倒了，对方跑了，想去调一下路口监控",                       # … or for the footage
    "去年在网上被人骗了两万块，对方把我拉黑了，想问问钱还能不能追回",               # a fraud after the money is gone
    "街道的工作人员说我这个事不用仲裁，直接找劳动监察就行",                         # a process said not to be needed
    "我们单元的配电箱冒过烟，电工来看过说不归他们管，让我们找物业",                 # a worker came, not theirs
    "楼下餐馆的烟囱天天往我家窗户里排油烟",                                         # a chimney's smoke, every day
])
def test_sixteenth_wave_ordinary(text):
    t = triage(text)
    assert not t.transfer and not t.redirect, text


@pytest.mark.parametrize("text,nums", [
    ("着火了！我们楼下那家，烟好大", {"119"}),                                       # a cry with the fire told
    ("我刚才被一辆车撞了，现在腿在流血，司机说要赔钱私了", {"120", "122"}),           # who pays, but hurt now
    ("我儿子一晚上没回家，有人打电话叫我准备五万块", {"110"}),                         # a sum demanded, not paid
    ("他们把我骗到一个厂里，收了我的身份证，不让我走", {"110"}),                      # lured and held, no money said
])
def test_sixteenth_wave_emergencies(text, nums):
    assert set(triage(text).transfer) & nums, text


@pytest.mark.parametrize("text,kind", [
    ("执行法官说对方名下没有可供执行的财产，我的钱拿不回来了", "诉讼"),
    ("我去市里的来访接待中心反映了两次，他们让我回去等消息", "信访"),
    ("人社局给了我个不予认定的决定，我觉得没有法律依据，想让市里重新审一下", "行政复议"),
    ("有人一直打听我们试验基地的任务安排，还说可以给钱", "保密"),
    ("主任指定了他小舅子的公司来做小区改造", "纪检监察"),
    ("仲裁委的人说我材料不全，让我补了三次", "仲裁"),
])
def test_sixteenth_wave_out_of_scope(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text,nums", [
    ("我婆婆前天就说手麻，今天早上起来嘴巴歪了，话也说不清楚", {"120"}),          # the time said anew is now
    ("上个月来闹过事的那几个人，今晚又堵在店门口，拿着钢管", {"110"}),
])
def test_sixteenth_wave_now_after_the_past(text, nums):
    assert set(triage(text).transfer) & nums, text


@pytest.mark.parametrize("text,kind", [
    ("不动产中心书面答复说我的情况不能登记，我认为他们的理解有误，要求撤销", "行政复议"),
    ("车管所把我的行驶证暂扣了，事先没有收到过任何通知，我要找他们的上级", "行政复议"),
    ("这件事区里市里我都找过，前后跑了五六年，信访办也去了", "信访"),
])
def test_sixteenth_wave_out_of_scope_round_two(text, kind):
    assert triage(text).redirect == kind, text


def test_thanks_for_a_tribunal_are_in_scope():
    t = triage("区法院立案庭的工作人员很耐心，想给他们送面锦旗")
    assert not t.redirect and not t.transfer


@pytest.mark.parametrize("text", [
    "走廊的安全出口指示牌坏了，真要失火了往哪跑都不知道",                         # a fire supposed, not told
    "物业说我们楼的燃气立管有泄漏的隐患，要每户摊钱改造",                           # a risk, not a leak
    "社区搞防火演练，放烟雾弹也不提前说，吓得老人心慌",                             # a drill
])
def test_sixteenth_wave_hypotheticals_and_drills(text):
    t = triage(text)
    assert not t.transfer, text


def test_a_near_miss_told_afterwards_is_no_crime_in_progress():
    assert not triage("楼上有人往下扔了个啤酒瓶，砸在单元门口，我儿子差一点就被砸到").transfer


def test_a_dike_cracked_and_seeping_more_and_more():
    assert "119" in triage("村口的河堤裂开了一条缝，水一直往外渗，越渗越快").transfer


# seventeenth wave (helper w17-tri): each rule tested in words other than the tuning rows it came from


@pytest.mark.parametrize("text,nums", [
    ("女儿下午荡秋千摔下来磕到了后脑勺，晚上一直想睡觉，叫她答非所问", {"120"}),   # a blow to the head, then drowsy
    ("我外公有糖尿病，刚才打完胰岛素就开始哆嗦，说话颠三倒四", {"120"}),           # insulin, then trembling
    ("小区滑滑梯那边有个不认识的男的，一直给小朋友买零食，说要带小女孩出去玩", {"110"}),
])
def test_seventeenth_wave_emergencies_told_in_passing(text, nums):
    assert set(triage(text).transfer) & nums, text


@pytest.mark.parametrize("text", [
    "孩子在体育课上撞了头，额头青了一块，想问学校有没有给学生买保险",             # a bump, no vehicle: no 122
    "我妈并没有晕倒，就是血糖有点低，想问社区能不能上门测",                         # the event denied
    "地铁站出口那个栏杆扶手断了两截，好危险",                                       # a handrail, not a hand
    "挂号软件上的儿科号一放出来就被黄牛抢光了",                                     # slots grabbed
    "有人开着三轮车把建渣倒在我们村口的沟边",                                       # rubbish dumped
    "养猪场的粪水顺着管子往河里排，臭得很",                                         # muck flushed
    "阳台上的被子被风吹出去，挂在三楼窗户外面的晾衣架上",                           # a thing hanging
    "楼顶的水泥块往下掉，砸坏了楼下的雨棚",                                         # a falling thing, no thrower
    "仓库里的老电线都发黑了，就怕哪天起火",                                         # a fear
    "车间出了事故我手被冲床压伤，老板赔了点钱就不管了",                             # who pays
])
def test_seventeenth_wave_alarming_ordinary_appeals(text):
    assert not triage(text).transfer, text


def test_a_harm_known_from_a_chat_group_is_not_put_to_the_learned_check():
    from routing.triage import screen

    class AlwaysPolice:
        def numbers(self, text):
            return ("110",)

    assert not screen("家长群里看到视频，保姆打小孩，现在孩子晚上做噩梦", AlwaysPolice()).transfer
    assert screen("家长群里看到视频，保姆现在还在打小孩", AlwaysPolice()).transfer          # … unless it goes on
    assert screen("他以前打过我，我现在躲在厕所不敢出来", AlwaysPolice()).transfer         # fear now is no aftermath


@pytest.mark.parametrize("text,nums", [
    ("我弟弟下午去江边钓鱼到现在没回来，天黑了电话一直关机", {"110", "119"}),       # gone out and not back after dark
    ("不晓得哪个在我们仓库顶上烧东西，火光好亮，浓烟往上冲", {"119"}),             # a blaze, no word of habit
])
def test_seventeenth_wave_searches_and_blazes(text, nums):
    assert set(triage(text).transfer) & nums, text


def test_burning_told_as_a_habit_stays_a_nuisance():
    assert not triage("隔壁院子每天傍晚烧垃圾，火苗窜得老高，熏得人头疼").transfer


@pytest.mark.parametrize("text,kind", [
    ("劳动争议那边已经立案了，仲裁员说要等公司交材料", "仲裁"),
    ("我们单位的劳动人事争议已经开过一次庭了，还在等结果", "仲裁"),
    ("我的信访件交上去两个月了，一直没有回音", "信访"),
    ("这个事我反映了十几年了，市里省里都跑遍了，没人解决", "信访"),
    ("我爱人在军工所上班，总有人打电话打听他们所在哪里、有多少人", "保密"),
])
def test_seventeenth_wave_out_of_scope_named_indirectly(text, kind):
    assert triage(text).redirect == kind, text


@pytest.mark.parametrize("text", [
    "我跟单位有劳动争议，想问一下怎么申请仲裁",                                     # how to apply: in scope
    "劳动争议的案子法院已经开庭了",                                                 # a court case
])
def test_seventeenth_wave_labour_dispute_look_alikes(text):
    assert triage(text).redirect != "仲裁", text


@pytest.mark.parametrize("text,nums", [
    # (eighteenth wave) a crash or an illness told by the one on the phone who wants money: the fraud is under way
    ("有人打电话给我爸，电话里讲他孙子出车祸了在抢救，要钱，他现在正往银行去", {"110"}),
    # a child or an old relative not back at the usual hour and out of reach
    ("我女儿补课到现在还没回家，平时六点就到家了，电话一直打不通", {"110"}),
    ("我妈有点老年痴呆，早上出去买菜到现在没回来，手机关机了", {"110"}),
])
def test_eighteenth_wave_emergencies(text, nums):
    assert set(triage(text).transfer) == nums, text


def test_eighteenth_wave_a_crash_seen_is_still_a_crash():
    # the story is the caller's own sight, no one on the phone asking for money
    assert "122" in triage("前面路口刚才出车祸了，有个人躺在地上流血").transfer


@pytest.mark.parametrize("text", [
    "两年前我在菜场被人打了，打人的到现在都没抓到，想问问派出所查得怎么样了",   # 到现在 counts the time since
    "上班时手被机器压伤了，已经治好了，单位一直不给认定工伤",                       # healed: a claim
    "买的暖手宝充了两回就冒烟了，幸好发现得早，想投诉这个牌子",                     # a product fault, caught early
    "放学的时候公交车上挤得要命，伢都快被挤扁了，能不能多开几趟",                   # a crush said as a hyperbole
])
def test_eighteenth_wave_told_after_or_figurative(text):
    assert not triage(text).transfer, text


def test_eighteenth_wave_someone_now_in_hospital_is_not_now():
    from routing.triage import screen

    class AlwaysPolice:
        def numbers(self, text):
            return ("110",)

    assert not screen("楼上那个人以前打过人，现在在医院住着，家里人说要接他回来，我们心里发毛", AlwaysPolice()).transfer
    assert screen("楼上那个人以前打过人，现在又在楼道里拿刀晃", AlwaysPolice()).transfer


def test_eighteenth_wave_who_pays_for_an_injury():
    # insurance not bought and the bill paid by the worker: a claim about an injury, not one to send an ambulance to
    assert not triage("老板一直不给我们交社保，我在车间手被烫伤了，都是自己垫的钱").transfer
    assert "120" in triage("老板不给交社保，刚才工友在车间被烫伤了，现在疼得满地打滚").transfer


# -- nineteenth wave (helper w19-tri): feelings said as a collapse, what-to-do questions, tallies, harm not come, a private
# loan, an arbitrator said to lean; each in other words than the tuning part's, with the emergency beside it
@pytest.mark.parametrize("text", [
    "物业费涨了一倍，业主们气得都快晕过去了，想问问有没有依据",
    "孩子的学费交了又说不算数，我愁得要吐血了",
    "想问一下家里老人晕倒了应该先做什么，要不要先扶起来",
    "请问一下燃气漏气了应该怎么处理，我们想学一学",
    "小区门口那个斜坡，冬天结冰，骑车的摔了好几个人",
    "那个醉汉天天在楼下骂人，现在倒是还没伤人，想请派出所管一下",
])
def test_nineteenth_wave_feelings_questions_tallies_not_flagged(text):
    assert not triage(text).transfer, text


@pytest.mark.parametrize("text,nums", [
    ("我爸气得心脏病犯了，现在倒在地上起不来", "120"),
    ("我老婆疼得快晕过去了，肚子一直在疼", "120"),
    ("楼里现在还没人受伤，但是火越烧越大了", "119"),
    ("他现在没打人，但是拿着刀在楼道里转", "110"),
])
def test_nineteenth_wave_the_same_words_of_a_real_emergency(text, nums):
    assert nums in triage(text).transfer, text


def test_nineteenth_wave_private_loan_is_for_the_courts():
    assert triage("去年借给表哥五万块钱，有借条，他一直拖着不还，你们帮我要回来").redirect == "诉讼"
    # a fraud is the police's, and wages owed are the labour department's: neither is redirected to the courts
    assert triage("网上认识的人找我借钱，借给他以后被骗了，人也不还").redirect != "诉讼"
    assert triage("老板欠了我们三个月工资不还，人也找不到").redirect is None


def test_nineteenth_wave_an_arbitrator_said_to_lean_is_arbitration():
    assert triage("劳动仲裁开了庭，那个仲裁员一直护着公司，你们能不能管一下").redirect == "仲裁"
    assert triage("我想问一下能不能申请劳动仲裁，还没去").redirect is None


def test_nineteenth_wave_a_supposed_case_is_not_asked_of_the_check():
    from routing.triage import screen

    class AlwaysRescue:
        def numbers(self, text):
            return ("110", "119")

    assert not screen("假如小区池塘有小孩掉下去了，我们该打哪个电话", AlwaysRescue()).transfer
    assert not screen("想了解一下看到有人打架是打110还是打12345", AlwaysRescue()).transfer
    assert screen("小区池塘里有个小孩掉下去了，快来人", AlwaysRescue()).transfer


# (nineteenth wave, round two) what the learned check over-flagged: a fire kept on purpose whose smoke drifts, drug use
# suspected, a knocked thing's state said with 现在. A stand-in check that always rescues shows which readings keep the
# check from being asked.
class _Rescuer:
    def numbers(self, text):
        return ("119",)


@pytest.mark.parametrize("text", [
    "隔壁老太太在屋里烧炭盆取暖，烟往我们家窜，熏得人难受",
    "楼下饭馆门口烧煤炉子，烟都往楼上飘，窗户不敢开",
    "对门那家人好像在吸毒，半夜屋里有一股怪味",
    "小区门口的护栏被货车撞了，司机跑了，护栏现在还歪着",
])
def test_nineteenth_wave_round_two_nuisances_are_not_asked_of_the_check(text):
    from routing.triage import screen

    assert not screen(text, _Rescuer()).transfer, text


@pytest.mark.parametrize("text", [
    "隔壁在屋里烧炭取暖，刚才敲门没人应，烟往外钻",
    "楼下煤炉子着了，火越来越大，烟往楼上窜",
    "对门那家人在吸毒，现在拿刀在楼道里追人",
    "护栏被车撞了，司机还在车里面，现在动不了",
])
def test_nineteenth_wave_round_two_the_same_words_of_a_real_emergency_are_asked(text):
    from routing.triage import screen

    assert screen(text, _Rescuer()).transfer, text


# -- twentieth wave: the check's unsure votes need a danger of the numbers' kind; campaigns about a danger ----------
class _Voter:
    """A stand-in check that always votes ``numbers`` with ``p`` for its confidence."""

    def __init__(self, numbers, p):
        self._numbers, self._p = tuple(numbers), p

    def numbers(self, text):
        return self._numbers

    def confidence(self, text):
        return self._p

    def accusation(self, text):
        return 0.0


@pytest.mark.parametrize("text, numbers, kept", [
    # no danger of the vote's kind named: an unsure vote is dropped
    ("有人在楼下空地上敲架子鼓一直敲到十一点", ("110",), False),
    ("楼上的人在阳台上养鸡，鸡屎冲下来落到我们家", ("119",), False),
    ("地铁站那个扶梯一直在响，咯吱咯吱的，好像哪里松了", ("119",), False),
    ("我在4S店订了车交了定金，现在店里要我补钱不然不给提车", ("120",), False),
    # a danger of its kind named: it stands
    ("楼下有人在撬我隔壁的门，撬了好一阵了", ("110",), True),
    ("我奶奶接了个电话，要她把存折上的钱转到安全账户，她正准备出门去银行", ("110",), True),
    ("我自己在家切菜切到手，口子很深，按了十分钟还在往外冒", ("120",), True),
    ("隔壁一直有股焦糊味，门把手都是烫的", ("119",), True),
])
def test_twentieth_wave_an_unsure_vote_needs_a_danger_of_its_kind(text, numbers, kept):
    from routing.triage import UNSURE, screen

    assert screen(text, _Voter(numbers, UNSURE - 0.1)).transfer == (numbers if kept else ()), text
    # a sure vote stands, whatever the words
    assert screen(text, _Voter(numbers, UNSURE + 0.1)).transfer == numbers, text


def test_twentieth_wave_the_check_tells_its_confidence():
    check = _check()
    for text in ("厨房的插座发烫发红", "小区垃圾没人收"):
        assert check.confidence(text) == pytest.approx(check._fast().probabilities(text)[0], abs=1e-12)


@pytest.mark.parametrize("text", [
    "社区要组织防溺水宣传，问一下能不能请消防员来讲一讲",
    "学校想请人来讲讲防溺水知识，暑假伢们老往河边跑",
    "村里能不能贴点防溺水宣传标语，塘边老有伢玩水",
])
def test_twentieth_wave_a_campaign_about_a_danger_is_no_emergency(text):
    assert not triage(text).transfer, text


def test_twentieth_wave_a_danger_beside_the_campaign_words_is_still_one():
    assert {"110", "119"} & set(triage("有个伢掉到河里了，在水里扑腾，快来人").transfer)
    assert "119" in triage("小区着火了，烟好大，火越来越大").transfer


@pytest.mark.parametrize("text", [
    "跟物业签的服务合同写明了纠纷提交仲裁，现在他们违约，你们12345出个裁决吧",
    "我们和施工队的协议约定争议走仲裁，他们拖着不干，政府能不能直接判他们返工",
])
def test_twentieth_wave_the_hotline_asked_to_rule_on_a_dispute_bound_for_arbitration_is_redirected(text):
    assert triage(text).redirect == "仲裁", text


@pytest.mark.parametrize("text", [
    "合同约定争议提交仲裁，请问仲裁委在哪里",
    "劳动合同里写了仲裁条款，想问一下怎么申请",
])
def test_twentieth_wave_asking_how_to_go_to_arbitration_stays_in_scope(text):
    assert not triage(text).redirect, text


# -- twentieth wave, second round (w20-tri2): an inspection asked of the gas company; a practice described --------


@pytest.mark.parametrize("text", [
    "我们这一片燃气味好重，不晓得哪里的管子有问题，燃气公司能不能来查一下",
    "小区门口那家店的液化气罐摆在外面，一股气味，希望派人来检查一下",
    "汉阳这边楼下的孩子们放学就站在马路中间追着玩，车子都过不去",
    "黑车司机乱要价，不给钱就不让下车，希望交通部门管一管",
])
def test_w20_tri2_an_inspection_asked_or_a_practice_told_is_no_emergency(text):
    assert not triage(text).transfer, text


@pytest.mark.parametrize("text, number", [
    ("楼道里燃气味好重，燃气公司的人来查一下，我现在头晕想吐", "119"),
    ("燃气味好重，敲门没人应，希望有人来看看", "119"),
    ("一个孩子现在站在马路中间不走，车子开得好快", "110"),
    ("出租车司机不给钱就不让下车，现在锁着门往郊区开", "110"),
])
def test_w20_tri2_the_same_words_with_harm_or_now_are_still_emergencies(text, number):
    assert number in triage(text).transfer, text


def test_w20_tri2_a_past_symptom_and_a_question_about_the_standard_is_no_emergency():
    assert not triage("燃气热水器装在卫生间里，洗澡的时候头晕，后来开窗好了，想问这样安装合不合规").transfer
    assert "119" in triage("燃气热水器装在卫生间里，我现在洗澡头晕想吐，燃气味好重").transfer
