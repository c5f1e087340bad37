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
