"""Triage before dispatch: emergencies to transfer (110/119/120/122) and matters out of the hotline's scope.

Pure and fast (a few compiled regular expressions). Works clause by clause (a clause ends at
，。！？；…): an emergency is a danger happening *now*, so a clause that talks about the past
(上次着火、去年着过火、已经报警), a hypothesis (万一着火、担心泄漏), a recurring trouble (电梯老是停在两层
之间、好几天了) or a hazard to fix (消防通道、隐患) does not count, nor does a text about a nuisance or
pollution (黑烟 from burning rubbish, 呼吸困难 from dust) unless it says "now", and urgent words alone
(紧急！十万火急) never do. Out-of-scope matters (rules.md §2) are the
ones already before another legal channel — a case filed in court, an arbitration already applied
for, 行政复议 or 信访 under way — an accusation against an official (纪检监察), or state secrets; a
citizen who only asks *how* to sue or to apply for arbitration is an ordinary consultation.
``screen`` adds the learned check (``routing.triage_check``): its numbers when the rules flag nothing, and
its accusation model when they redirect nothing and a short text names an official.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE = re.compile(r"[，,。！!？?；;…\n]+")

# 武汉 speech and typing: 冇 / 冇得 / 没得 = 没 (冇看见冒头 = 没看见冒头); the patterns below see the normal form
_DIALECT = ((re.compile(r"冇得|没得|冇有|冇"), "没"), (re.compile(r"伢儿?|娃儿?"), "孩子"),
            # a typed homophone of 仲裁 (仲栽委) (ninth wave, second round)
            (re.compile(r"仲栽"), "仲裁"))


def _normal(text: str) -> str:
    for pattern, repl in _DIALECT:
        text = pattern.sub(repl, text)
    return text


# Structural checks, clause-window based: a danger is a hazard concept × someone or something at risk ×
# happening now. Each entry: (numbers, label, concept A, concept B); both must occur within a window of
# two clauses (the concept words are generic, not phrases of the development set).
_PERSON = r"(人|孩子|小孩|老人|老太|老爷|爷爷|奶奶|男的|女的|学生|婆婆|爹爹|妈|爸|他|她|我|女儿|儿子|家人|工人)"
_STRUCTURAL: tuple[tuple[tuple[str, ...], str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (nums, label, re.compile(a), re.compile(b)) for nums, label, a, b in (
        # someone in the water and not coming up / struggling
        (("110", "119"), "落水", _PERSON + r"[^，。]{0,10}(水里|湖里|河里|江里|塘里|水库里|水中)",
         r"没[^，。]{0,3}(冒头|上来|露头|浮起|出来|动静)|扑腾|挣扎|沉下|喊救命|不会游泳|冲走"),
        # a lift holding someone
        (("119",), "被困", r"电梯", r"(关|卡|困|锁)(了|住|在)[^，。]{0,4}" + _PERSON + r"|" + _PERSON + r"[^，。]{0,6}(关|卡|困|锁)在|"
         r"(卡|停|关)在[^，。]{0,3}(两层|楼层)(中间|之间)|(里面|里头)[^，。]{0,3}(还)?有[^，。]{0,3}人"),
        # a strong smell × a gas appliance (家里一股很冲的气味，灶台的阀门没关)
        (("119",), "燃气泄漏", r"(冲|刺鼻|怪|呛)的?(气)?味|一股[^，。]{0,4}(气)?味", r"灶|(?<!水)阀门|燃气|煤气|天然气|液化气|热水器|气罐"),
        # something collapsed onto or under people
        (("119", "120"), "坍塌", r"(塌|垮)了?|滑坡|泥石流|滑泥|塌方", r"有人|" + _PERSON + r"[^，。]{0,4}(摔|压|埋|掉)"),
        # gas and its smell, hiss or symptoms, in neighbouring clauses (有股怪味，像煤气)
        (("119",), "燃气泄漏", r"煤气|燃气|天然气|液化气", r"(?<![没不无])(味|漏|泄|嘶|呲|滋|喷|关不上|关不住|头晕|头痛|恶心|想吐)"),
        # a reaction to cephalosporins and alcohol (头孢配酒) as it happens
        (("120",), "急症伤病", r"头孢", r"心跳[^，。]{0,3}(快|厉害)|头晕|想吐|喘不|胸闷|脸[^，。]{0,2}(红|白|紫)"),
        # a pregnancy × bleeding or pain
        (("120",), "急症伤病", r"怀孕|孕妇|怀了", r"出血|流血|肚子[^，。]{0,5}(痛|疼)|见红|羊水"),
        # water rising × someone who cannot get out
        (("119",), "被困", r"进水|淹|涨水|水漫|洪水|冲断|灌进|漫进", r"打不开|出不来|不出来|困在|屋顶上|爬到|被困|到了?(腰|胸口|脖子)|齐腰"),
        # a crime being committed as the caller speaks: "now" word × crime verb
        (("110",), "正在发生的违法犯罪", r"(正在|现在|还在|正)[^，。]{0,8}((?<!偷)偷(?!偷)|抢|撬|砸|砍|捅|打人|打架|扭打|行凶)", r"."),
        # a fall from a height and someone not moving / bleeding
        (("120",), "急症伤病", r"(从|在)[^，。]{0,8}(摔|掉|跌|坠)(下来|下去)了?|(摔|掉|跌|坠)(下来|下去)了", r"一动不动|不动了|动不了|不能动|起不来|流血|出血|没反应|叫不应"),
        # the body failing right now
        (("120",), "急症伤病", r"噎(住|着)|脸(都|已经)?(紫|青|白)了|没(有)?(呼吸|气了|心跳|知觉)|(叫|喊|拍)[^，。]{0,4}(都|也)?没(有)?(反应|动静)|叫不应|躺着不动|叫也不应|叫[^，。]{0,3}(她|他)?(也|都)不(答应|应|理)|不会动|"
         r"吃了(好多|很多|一大?把|一瓶)[^，。]{0,4}(药|安眠药)|喝了(农药|药|敌敌畏)|割腕|血止不住|误(喝|食|服|吃)|羊水破|要生了|"
         r"胸口[^，。]{0,2}闷|胸闷|满头大汗|一动不动|(头上?|脸上|身上)[^，。]{0,3}出血|突然不行了|压在[^，。]{0,3}下面|突然倒(了|下|地)|嘴唇发?紫|脸色(发)?(白|紫|青)|抽起来|翻白眼|眼睛往上翻|被[^，。]{0,4}烫(了|伤|到)|起泡了|起了[^，。]{0,4}泡|"
         r"(误|吞)[^，。]{0,2}(吞|下|了)[^，。]{0,6}(电池|硬币|针|钉|磁|药|异物)|(电池|硬币|针|钉|磁|异物)[^，。]{0,3}(吞|咽)(下去|进去|了)|(人|工人|孩子|小孩|老人)[^，。]{0,3}被砸(到|中|伤)|卡在喉咙|被(毒)?蛇咬|(马蜂|蜂)[^，。]{0,2}(蛰|蜇|叮)|触电了|被电(倒|到了|晕)", r"."),
        (("120",), "急症伤病", _PERSON + r"[^，。]{0,8}(倒下了|倒下去了|倒在)", r"."),
        # (tenth wave) a fall and then unable to move, get up or bear the pain (摔了一跤，现在髋关节那里不能动)
        (("120",), "急症伤病", r"摔了?(一)?(跤|倒|下)|跌(了)?(一)?跤|滑倒|绊倒|跌倒|摔在地上",
         r"不能动|动不了|起不来|爬不起来|站不起来|抬不动|(疼|痛)得[^，。]{0,3}(直叫|直哼|叫|哭|喊)|(变形|肿了|骨头)"),
        # someone shut in a bathroom or a room for a long time, no answer to knocking (11t9)
        (("120",), "急症伤病", r"(敲门|叫|喊)[^，。]{0,5}没(有)?(声音|反应|回应|人应|动静|人答应|应)|(敲门|叫|喊)[^，。]{0,5}不(应|答应|回应|开门)",
         r"厕所|卫生间|浴室|洗澡间|洗澡|(从里面|里面)[^，。]{0,2}反锁"),
        # a hand or a head caught in a machine or a gap and not coming out (11t9)
        (("119",), "被困", r"(手|脚|腿|头|手指)[^，。]{0,3}(伸|塞|卡|夹)(进|在)", r"拔不出|出不来|抽不出|取不出"),
        # a medicine just taken and the body reacting (吃了降压药，一直出冷汗，站不稳) (11t9)
        (("120",), "急症伤病", r"(吃|喝|打)了[^，。]{0,6}(药|针)", r"冷汗|站不稳|站都站不稳|心慌|发抖|喘不|嘴唇发"),
        # (eighth wave) the body failing in words the lists lacked: a weight on the chest and a cold sweat, a
        # sudden splitting headache with vomiting, double vision or a drooping side, a bone through the skin, a
        # swelling throat, numb limbs after a fall
        (("120",), "急症伤病", r"胸口[^，。]{0,6}(压|堵|绞|闷|痛|疼)|心口[^，。]{0,4}(痛|疼|压)", r"冷汗|喘不|脸色|嘴唇|满头(大)?(是)?汗|救心丸"),
        (("120",), "急症伤病", r"头(痛|疼)得?[^，。]{0,3}(要炸|炸开|裂开|要命|受不了)", r"吐|呕|看不清|说不清"),
        (("120",), "急症伤病", r"(看东西|眼睛)[^，。]{0,3}(重影|模糊|看不清)|半边[^，。]{0,3}(身子|脸|手|脚)?[^，。]{0,2}(麻|没力|动不了|不听使唤)|(走路|站)[^，。]{0,3}(往一边|一边)(歪|倒)",
         r"突然|刚才|刚刚|一下子|现在"),
        (("120",), "急症伤病", r"骨头[^，。]{0,4}(戳|露|刺|穿)出来|(喉咙|嗓子|嘴唇|舌头)[^，。]{0,4}肿", r"."),
        (("120",), "急症伤病", r"(摔|推|掉|滚|跌)[^，。]{0,4}(下来|下去|下楼|楼梯)", r"(脖子|颈|腰|背)[^，。]{0,3}(痛|疼)[^，。]{0,6}(麻|动不了)|手脚[^，。]{0,2}(发麻|没知觉|动不了)"),
        # someone carried or pushed into a car against their will
        (("110",), "正在发生的违法犯罪", r"把[^，。]{0,4}(小孩|孩子|女孩|男孩|小女孩|小男孩|小姑娘|姑娘|女生)|(拉|拽|拖|抱|推)着?[^，。]{0,6}(人|小孩|孩子|女孩|男孩|女的|小女孩|小男孩|老人|小姑娘|姑娘|女生|女学生)",
         r"往[^，。]{0,2}车(里|上)(塞|拖|拉|推|拽)|(塞|拖|拽|推)(进|上)[^，。]{0,2}车|哭喊|喊救命|挣扎|往[^，。]{0,3}(巷子|角落|树林|楼道)里(拉|拖|拽)"),
        # one side of the body weak, said with the speech going (a stroke's signs)
        (("120",), "急症伤病", r"(左|右|一)边的?(手|脚|手脚|身子|脸|胳膊|腿)[^，。]{0,3}(没劲|没力|抬不起来|动不了|麻|不听使唤)", r"说话|突然|刚才|刚刚"),
        # someone left below or inside while water rises / a collapse with people pinned
        (("119",), "被困", r"进水|淹|涨水|水漫|灌进|漫进", r"(还|人)在(下面|里面|地下室|车里|屋里)|(里面|车里|屋里|下面)[^，。]{0,2}(还|好像)?有人"),
        (("119", "120"), "坍塌", r"(塌|垮)了?", r"(压|埋)(着|住了?)[^，。]{0,4}" + _PERSON),
        # a fire on a cooker that cannot be turned off
        (("119",), "火灾", r"(灶|火)[^，。]{0,3}关不(掉|上|了)|火[^，。]{0,3}(一直|还)在烧", r"."),
        # someone working the lock of the caller's door right now
        (("110",), "正在发生的违法犯罪", r"(捅|撬|拨|弄|试)[^，。]{0,2}(锁眼|锁芯|门锁)", r"."),
        # a child or an old person gone from sight in a moment (孩子在公园玩，一转眼就不见了) (eighth wave)
        (("110",), "正在发生的违法犯罪", r"(孩子|小孩|女儿|儿子|老人|爷爷|奶奶|外婆|外公|我爸|我妈|老父亲|老母亲)",
         r"(一转眼|转眼|一眨眼|一回头|一会儿|一下子?)[^，。]{0,3}(就)?(不见|没影|找不到)|(人|孩子|小孩)(就)?不见了|走丢了|走失了"),
        # a transfer demanded by someone still on the line with a story of a relative in trouble (a scam under way)
        (("110",), "正在发生的违法犯罪", r"(要|让|叫)我[^，。]{0,4}(马上|赶紧|立刻|赶快)?(转|汇|打)(钱|款|账)",
         r"(还在|正在)[^，。]{0,4}(电话|通话|视频)|(还在|正在)跟(他|她|对方)|出事了|出了?车祸|被抓了|冒充"),
        # (ninth wave) a burning smell where no one answers the door (烧糊的味道，敲门没人应)
        (("119",), "火灾", r"糊味|烧糊|焦味|烟味|烧东西的味", r"敲门[^，。]{0,3}没|没人(应|开|答应)"),
        # several people dizzy or sick at once beside a heater, a stove or charcoal (carbon monoxide)
        (("120", "119"), "急症伤病", r"(几个人|一家人?|全家|都|一起)[^，。]{0,4}(头晕|想吐|恶心|头痛|头疼)", r"热水器|煤炉|炉子|炭|燃气|煤气"),
        (("110", "120"), "急症伤病", r"炭盆|炭火|木炭", r"车里|关着|不动|叫不醒|没反应|门窗|车窗"),
        # a break-in with the intruder still inside (门被撬了，人好像还在里面)
        (("110",), "正在发生的违法犯罪", r"撬(了|开)|被撬|小偷|贼|翻(东西|抽屉)", r"还在(里面|屋里|家里|楼里)|(屋|家|房)里[^，。]{0,2}有动静"),
    )
)
# things a car or a storm can knock over without anyone hurt: not 122 unless someone is
_THING_HIT = re.compile(r"(红绿灯|信号灯|路灯|护栏|栏杆|电线杆|杆子|树|围墙|墙|广告牌|牌子|站牌|垃圾桶|消防栓|井盖)[^，。]{0,3}(被[^，。]{0,4})?撞")
_INQUIRY = re.compile(r"想问|请问|咨询|怎么处理|如何处理")
_PAST = re.compile(r"上次|以前|之前|去年|上个?月|那次|不处理|不管")
# a danger that has not happened (倒下来要砸到车, 会砸到人, 怕塌)
_WOULD = re.compile(r"(?<!得)(要|会|怕|可能|随时|迟早)[^，。]{0,3}(砸|掉|倒|塌|撞|烧|炸)")

# (numbers, pattern) — the first clause that matches without a "not now" marker decides the numbers;
# several kinds may add up (a crash with someone bleeding: 122 + 120).
_EMERGENCY: tuple[tuple[tuple[str, ...], str, re.Pattern[str]], ...] = tuple(
    (nums, label, re.compile(p)) for nums, label, p in (
        (("119",), "火灾", r"(?<![不没])着火|起火|失火|烧起来|烧着了|火很大|火苗|明火|浓烟|黑烟|冒[黄白黑灰紫青]?烟|火势|燃起来|爆炸(了|声)|冒出[^，。]{0,4}烟|火星子|"
                        r"爆炸的?声|(?<!发)(烧着了|烧起来了)|塑料味|火[^，。]{0,4}(起来了|越来越大|越烧越|窜|蹿)|有火(?!车)|红红的一片|噼[里噼]啪[啦啪]|(全|都)是[^，。]{0,2}(焦|糊)味|点着了|(电瓶车?|电动车|电池|充电宝|锅炉|煤气罐|气罐|液化气罐)[^，。]{0,4}(炸|爆炸|爆)了|(全|都)是烟(?!花|头|味)|烟从[^，。]{0,8}(出来|冒出|往外)|(一直|不停)[^，。]{0,2}(冒|出)烟|好多烟(?!花)|烟(很|好|太)大|烟往上冒|火光|冒火(?!花)|(电线|插座|插头|线路|电箱|电表箱|配电|开关)[^，。]{0,6}(冒火花|打火|起火花|噼啪)|(箱|柜|房子?|车|线|屋|楼|棚|厨房|机|器|罐|被子|衣服|窗帘|沙发|床|锅|灶|灶台|仓库|库房|门面|店|铺子|草|山|林子|树林)着了|起烟|烟[^，。]{0,3}越来越(大|浓)|一声巨响|巨响|焦糊味|有股?焦味"),
        (("119",), "燃气泄漏", r"(罐|管道|管子|阀门)[^，。]{0,6}(喷|冒|漏)[^，。]{0,4}(气|白雾)|(煤气|天然气|燃气|液化气)[^，。]{0,6}(味|漏|泄)|漏气|泄漏|嘶嘶|臭鸡蛋的?味|(汽油|柴油)[^，。]{0,4}味|(化学品|化工原料|危化品|危险品|罐车|槽罐车|硫酸|盐酸|液氨|氨气|氯气)[^，。]{0,8}(漏|泄|洒|翻|喷)"),
        (("119",), "被困", r"被[^，。]{0,4}(机器|设备|机子)[^，。]{0,2}(卷|绞|夹)|掉(进|到)[^，。]{0,3}(窨井|井|下水道|坑|沟)里|被困|困在|卡在电梯|(手|脚|腿|头)[^，。]{0,6}卡在[^，。]{0,10}(拔不出|出不来)|关在电梯|电梯里出不来|停在两层之间|被埋|埋在[^，。]{0,4}(下面|里)|(被|人)压在|压在下面|"
                           r"塌了[^，。]{0,6}(有人|人在)|被水淹|淹了[^，。]{0,4}出不来|(锁|关|困)在车里|反锁在|被(锁|关|困)在了?[^，。]{0,4}(里|里面|中间)"),
        (("110", "119"), "落水", r"落水|溺水|(桥|楼顶|天台|阳台|窗户)上?[^，。]{0,3}跳下去了?|掉(进|到)?(水|河|湖|江|塘)里|跳江|跳河|跳湖|跳楼|往下跳|在水里(扑腾|挣扎)|被(水|浪)?冲走|"
                        r"(河|江|湖|塘|水库)边[^，。]{0,6}掉下去|(游泳|游野泳|下水|下河|下湖)[^，。]{0,8}(不见了|没上来|沉下去|没影了)|没(看到|看见|见)人?(上来|浮上来)|(湖|河|江|塘|水)[^。]{0,8}(滑|掉)下去了?|头在水里|在水里一冒|人没上来|沉下去了?|不想活|想不开|要自杀|轻生|"
                        r"(坐|站|蹲)在[^，。]{0,4}(栏杆|楼顶|天台|窗台|桥)[^，。]{0,2}(外|边上|边缘)|(爬|站|坐|挂)(到|在)[^，。]{0,8}(窗户?外|阳台外|空调架|空调外机)|(走|跳|(?<![雨水])冲|下)(进|到|入)[^，。]{0,3}(江|河|湖|塘|水库)里|(躺|站|坐)在(铁轨|铁路|高速)|往(江|河|湖|水|塘)里(走|冲)|"
                        r"被(浪|水|潮)[^，。]{0,2}(卷|冲|打)(下去|走|进)|(滑|掉|摔|跌|栽|落|翻)(进|到|入)了?[^，。]{0,3}(水|河|湖|江|塘|池|水库)里|(水|湖|河|江|塘)(里|上|面)[^，。]{0,3}(漂|浮)着[^，。]{0,3}(个)?人|(车|汽车|轿车|小车)[^，。]{0,4}(开|冲|掉|滑|翻)(到|进)了?[^，。]{0,3}(湖|河|江|塘|水库)里"),
        (("110",), "正在发生的违法犯罪", r"抢(劫|东西|了|包|钱)|扭打|往死里打|(迷路|走丢|走失)了|(我|她|女儿|孩子)[^，。]{0,2}被人?[^，。]{0,6}(摸了|猥亵|偷拍)|(好像|正)在骗|骗[^，。]{0,4}(取钱|转账|汇款)|(小孩|孩子|老人)[^，。]{0,6}(马路中间|高速上|铁轨)|堵(在|住)[^，。]{0,2}(我|他|她)|纵火|放火|掀[^，。]{0,3}桌|闹事|(还|正)要打[^，。]{0,4}(我|人|他|她|店员|员工|服务员)|(汽油|酒精)[^。]{0,8}(点火|点着|烧)|要点火|(交|拿)出来|砸[^，。]{0,4}门|厮打|打起来了|持刀|拿(着)?[^，。]{0,3}(菜刀|刀|斧头|砍刀|匕首)(?!刻|削|切|割)|共享屏幕|屏幕共享|远程(操作|控制)|在操作我的|(掏|亮|抽|拔)出[^，。]{0,3}(刀|枪|匕首)|砍人|打架|打人|围殴|砸(车|门|店|东西)|"
                                        r"(说|称|带着|拿着|绑着|背着|抱着|身上)[^，。]{0,6}(炸药|炸弹|雷管)|往[^，。]{0,2}(屋|家|房)里(闯|冲)|闯进[^，。]{0,3}(屋|家|房)|杀了?我|要杀|被抢|抢走|刀划|被刀|捅了|捅伤|(打|揍)(他|她)的?(老婆|老公|媳妇|妻子|丈夫|孩子|小孩)|跟踪我|被人?跟踪|在跟踪|跟着我|跟了我一路|(我停|停下)[^，。]{0,3}(他|它)也停|正在(撬|偷(?!偷)|打)|在偷(?!偷)|正往车上|偷(牛|猪|羊)|撬(锁|门|电动车|车)|绑架|不让(我)?(离开|出去)|把我(关|锁)|被人?关在|关起来|非法拘禁|在打(人|架|我)|"
                                        r"在打(他|她)?的?(老婆|老公|媳妇|妻子|丈夫|孩子|小孩)|打群架|群殴|斗殴|喊救命|"
                                        r"拿(着)?(砖头|钢管|棍子|铁棍|棒子|铁锹|锄头|榔头|锤子|铁锤)|见人就(追|打|砍|捅)|砸(了|坏|烂)?[^，。在到上]{0,4}车|让我转账|要我转账|正在转账|还在跟我通话|试[^，。]{0,6}(门锁|锁|密码)|"
                                        r"挨个[^，。]{0,2}(拉|撬|试|推|拽|砸)|(拉|撬|砸)[^，。]{0,3}车(门|窗)|(在|正|一个个|挨个|挨家挨户)[^，。]{0,4}(翻|拉|撬|砸|试)[^，。]{0,8}车的?(门|窗)|(翻|拉|撬|砸)(开)?了?[^，。]{0,2}(好几|几|一排|一辆辆|一个个)[^，。]{0,4}车的?(门|窗)|往[^，。]{0,10}(泼|浇)[^，。]{0,2}(汽油|柴油|酒精)|(泼|浇)了?[^，。]{0,2}(汽油|柴油|酒精)|(叫|喊|让|求)[^，。]{0,4}停[^，。]{0,4}(不停|不理|不听)|不让(我)?下车|(带|拉)着?[^，。]{0,4}(孩子|小孩|全家|一家)[^，。]{0,6}(一起|一块)?(去死|寻死|跳|同归于尽)|撬[^，。]{0,6}(门|锁|窗)|露下体|暴露狂|耍流氓|往[^，。]{0,6}(扔|砸)[^，。]{0,2}(石头|砖头|瓶子)|(孩子|小孩|女儿|儿子)(突然)?(不见了|找不到了|走丢了)|(拽|拉|拖|抱)着[^，。]{0,4}(小孩|孩子|女孩|男孩|小女孩|小男孩)[^，。]{0,4}(走|跑|上车)|(喊|哭喊|哭着说|一直说)[^，。]{0,3}不认识(他|她|这个人)|(踹|踢|撞)[^，。]{0,2}门|把[^，。]{0,10}(小孩|孩子|女孩|男孩)[^，。]{0,4}(抱|拉|拽|拖|带)(起来|走|上车)|被[^，。]{0,4}(陌生|不认识)[^，。]{0,6}(拉|拽|拖|抱|带)(着|走|上)|按在地上[^，。]{0,2}(打|踢|揍)|(围|堵)着[^，。]{0,4}(要钱|抢|打)|(让|逼|叫)我[^，。]{0,8}(家里|家人)要钱|追着[^，。]{0,6}(女|小孩|孩子|学生)"),
        (("122",), "交通事故", r"车祸|相撞|车[^，。]{0,8}撞在一起|(别|剐|蹭|挂)倒|(没停|没下车|不停)[^，。]{0,3}(就)?(跑|开走|溜)了|逃逸|撞(了|倒|到|飞)|被撞|追尾|翻车|车[^，。]{0,2}翻了|侧翻|出事故|刮倒|带倒|(?<![雨水])冲(出|到|进)[^，。]{0,4}(护栏|路外|河里|沟里|江里)|悬在|翻(到|进)[^，。]{0,3}(沟|河|田|塘)里|(撞|刮)了?人[^，。]{0,4}(想走|跑了|逃)|(卷|压|拖)(到|在)车?(底|轮)|(人|孩子|小孩|老人)[^，。]{0,6}车底下|车底下[^，。]{0,4}(有人|压着|卡着|有个)|碾(了|到|压)|轧(了|到)|(挤|压|撞)扁了?|"
                           r"(隧道|高速|高架|快速路|环线|大桥|桥上)[^，。]{0,8}(车[^，。]{0,3}(坏了|没油了)|抛锚|熄火|爆胎)"),
        (("120",), "急症伤病", r"晕倒|昏倒|倒地|不省人事|叫不醒|(吃|吞|咽)[^，。]{0,6}卡住了?|哭不出声|突然[^，。]{0,4}说话[^，。]{0,4}(说不清|不清楚|含糊)|一边的?(手|脚)[^，。]{0,4}(抬不起来|没力气|动不了)|"
                             r"扎穿|刺穿|(流|出)了(好多|很多|一大?滩|一地)的?血|喘不过来气?|(痛|疼)得[^，。]{0,6}(打滚|满地滚|直不起|站不住|说不出话)|"
                             r"(喝|吃|吞)了[^，。]{0,6}(消毒水|消毒液|洗洁精|农药|敌敌畏|老鼠药|鼠药|漂白|清洁剂|洗衣液|除草剂|百草枯)|"
                             r"(消毒水|消毒液|洗洁精|农药|老鼠药|漂白水|洗衣液|除草剂)[^，。]{0,6}(喝|吃|吞)(了|下)|叫[^，。]{0,4}(都|也)不醒|昏迷|口吐白沫|胸口(痛|疼)|喘不上气|呼吸困难|抽搐|"
                             r"大出血|流血|血流|头破|(流|出)了好多血|抽筋|抽风|(都|全|人)晕了|迷迷糊糊|熏倒|站不起来|烧炭|一氧化碳|煤气中毒|摔下来|摔倒了?起不来|烫伤|烧伤|中毒|心脏病(发|犯)|不能动了|动不了|卡在车里|"
                             r"(怎么)?叫[^，。]{0,3}都只(是|会)?哼|(身上|浑身|手脚)[^，。]{0,4}(在)?抽(?!烟)|一直在抽(?!烟)|倒在地上|晕过去|昏过去|嘴巴?歪|说不出话|喘不过气|憋紫|卡住了?[^，。]{0,4}喘|绞(到|伤|进)|(腿|手|胳膊)[^，。]{0,2}断了"),
    )
)
# a clause with one of these talks about the past, a hypothesis, a hazard or a complaint about service
_NOT_NOW = re.compile(r"上次|(我们|大家|几十个人|全家)[^，。]{0,6}(都)?(要|快)(跳楼|跳河|喝农药|上吊|死)了?|没(有)?人(被|在)?[^，。]{0,2}(关|困|卡|压|砸|伤|掉)|没(有)?人受伤|幸好|还好|好在|所幸|回来(说|讲|告诉我?)[^，。]{0,3}(被|在学校|老师|同学)|(?<!说)的话|昨天|前天|前几天|前两天|前些天|前段时间|(闻|看|听)(到|见)过|昨晚|上个?月|上个?(星期|礼拜)|上周|之前|以前|去年|前年|曾经|过火|之后|(?<!了)以后|后来|报过警|已经报警|报了案|报案|报警后|"
                      r"差点|差一点|险些|要出大事|要出人命|会出事|有时候|有时|时不时|偶尔|烟囱|打不着|点不着|万一|如果|假如|要是|若是|假若|假设|假使|倘若|一旦|不然的话|否则|隐患|怎么办理|会不会|事故认定|认定书|处理太慢|太慢|赔偿|保险|理赔|费|表(?![^，。]{0,4}(呲|嘶|滋|漏|冒|响))|"
                      r"老是|经常|总是|(?<!一)动不动|三天两头|天天|每天|每晚|夜间|好几天|几天了|好久|一直没|说我|开除|辞退|"
                      r"担心|害怕|恐怕|哪天|迟早|早晚|(漏|着|烧|冒|炸|撞)过|过一次|修好了|"
                      r"通道|消防栓|烟感|报警器|灭火器|检查|安检|演练|火锅|烧烤|十万火急|案子|案件|官司|判了|判决|仲裁|起诉")
# a long letter (posted on the web, read the next day) recounts; only a clause that says "now" counts there
LETTER_LENGTH = 160
_NOW = re.compile(r"现在|正在|刚刚|刚才|马上|快来|赶紧|赶快|救命|救救|还在|着呢|快点|紧急")
# a text about a recurring nuisance or pollution (smoke from burning rubbish, dust, fumes) is an ordinary
# appeal unless it also says "now"
_NUISANCE = re.compile(r"(晚上|夜里)[^，。]{0,2}(特别|尤其|更)|特别明显|烧(电线|轮胎|塑料|废品)|天天|每天|每晚|一到晚上|经常|一直有人|半年|几个月|好几次|有时候|时不时|烧垃圾|烧东西|焚烧|秸秆|扬尘|粉尘|(?<!抽)油烟(?!机)|排放|偷排|污染")
# a complaint about a danger the caller has already dealt with (冒烟了，我马上拔掉了，想投诉这个玩具) recounts it
_RESOLVED = re.compile(r"(拔掉|拔了|扑灭|浇灭|灭掉|灭了|关掉|关了(阀门|总闸)|拉了闸|没事了|(检查|看)[^，。]{0,3}(了)?没(什么)?事|医院[^，。]{0,4}(看过|看了|检查过|处理过)|看过(医生|了)|(后来|已经|现在)[^，。]{0,8}没事|救出来了|处理好了|都出来了|已经出来了|缓过来了|(已经|现在)[^，。]{0,2}(消下去|消了|好了|好多了|退烧了|退了))")
_COMPLAINT = re.compile(r"投诉|(有没有|谁的?|负)[^，。]{0,2}责任|要个?说法|质量|赔偿|退货|曝光|举报|想问问?[^，。]{0,8}(处理|怎么办|结果)|有没有处理|有没有问题")


def _recounted(text: str) -> bool:
    """A complaint or question about a danger the caller says is over (我马上拔掉了，想投诉；现在没事了，想问问处理了没有)."""
    return bool(_RESOLVED.search(text) and _COMPLAINT.search(text))

# the gas company or a fitter working on the pipes or meters, and the caller asks about it (换管子，一股味道，想问问要多久)
_WORKS = re.compile(r"(换|修|检修|改|装|接)[^，。]{0,2}(管|表|阀)|施工")
_ASKS_ABOUT = re.compile(r"想问|请问|正常|多久|什么时候")

# a likeness is no event (灯光照得跟着火一样, 热得着火似的) (ninth wave)
_SIMILE = re.compile(r"(像|跟|和|如同|好像|仿佛|好比)[^，。]{0,6}(一样|似的|一般)|[^，。]{1,4}似的")
# a cooker, a bottle or a meter out of gas (灶点不着，是不是没气了): the gas ran out, not someone's breath (ninth wave)
_GAS_CONTEXT = re.compile(r"灶|煤气|燃气|天然气|液化气|气罐|气表|充值|气费")
_OUT_OF_GAS = re.compile(r"没(有)?气了")
_SMELL_IN_WATER = re.compile(r"水[^，。]{0,8}(汽油|柴油|煤气|燃气)[^，。]{0,2}味")
# (tenth wave) a leak inferred from the meter or the bill (燃气表走字很快，是不是漏气了), nothing smelt, heard or felt
_METER = re.compile(r"(气|燃气|煤气)表|走字|读数|账单|(气|燃气|煤气)费|用气量|度数")
_SENSED = re.compile(r"味|嘶|呲|滋|喷|头晕|头痛|头疼|恶心|想吐|声音|响|冒")
_ACCIDENT_INJURY = re.compile(r"受伤|不动了|流血|躺在地上|动不了|卡在车里|撞了行人|把行人|被撞|头上|昏迷|不能动|一动不动|压在|撞飞|断了")


@dataclass(frozen=True)
class Redirect:
    kind: str
    route: str          # the legal route told to the citizen (Chinese)


REDIRECTS: dict[str, Redirect] = {r.kind: r for r in (
    Redirect("诉讼", "该事项已进入诉讼程序，依法由人民法院审理和执行，请向受理法院（立案庭、执行局）了解进度或依法申请执行、上诉；热线不干预司法。"),
    Redirect("仲裁", "该事项已申请仲裁，依法由仲裁委员会（劳动人事争议仲裁院）处理，请向受理的仲裁机构了解进度；对裁决不服可依法向人民法院起诉，生效裁决可申请法院强制执行。"),
    Redirect("纪检监察", "反映公职人员违纪违法问题，请向纪委监委信访举报渠道（12388、纪委监委来信来访或网站）实名或匿名举报。"),
    Redirect("行政复议", "该事项已申请行政复议，依法由行政复议机关审理，请向复议机关了解进度；对复议决定不服可依法提起行政诉讼。"),
    Redirect("信访", "该事项已在信访程序中，请向受理的信访部门了解办理进度；对处理意见不服可依《信访工作条例》申请复查、复核。"),
    Redirect("保密", "涉及国家秘密的事项不通过热线受理，请向保密行政管理部门或国家安全机关（12339）当面反映。"),
)}

_ASKS_HOW = re.compile(r"(想了解|了解一下|想问|请问|咨询)[^，。？]{0,4}(行政复议|复议|仲裁|起诉)[^，。？]{0,6}(多少天|几天|多久|期限|时效|流程|条件|材料)|(想问|请问|咨询)[^，。？]{0,6}(起诉|申请仲裁)(?![^，。]{0,3}(了|过))|(多少|几多)[^，。]{0,3}诉讼费|诉讼费[^，。]{0,4}(多少|怎么|减免)|(怎么|如何|想要?|打算|准备|能不能|可不可以|要不要|需要什么|去哪)[^，。？]{0,4}(起诉|打官司|申请(劳动)?仲裁|仲裁|找律师|法律援助)|"
                       r"(仲裁|起诉|复议)[^，。]{0,3}(怎么|如何|需要什么|要什么|是?在哪里?|去哪)|(在|去)?哪里?(申请|起诉|立案)|还没(有)?申请|有什么区别|哪个[^，。]{0,3}(长|短|快|慢|好|划算)|是什么意思|电话是多少|地址在哪|在哪(里)?办公|上不上班|几点(上|下)班")

# Structural out-of-scope checks: a legal process (court, arbitration) × a sign that it is under way
# (已经, 在审, 判了, 打了三年, 传票寄过来了, 查封了 …); a court named as a place (法院旁边的路灯) is no case.
_COURT = re.compile(r"(法院|法官|官司|诉讼|起诉|传票|强制执行|判决|开庭)(?![^，。]{0,2}(旁边|门口|附近|对面|前面|后面|路))")
_COURT_NAMED = re.compile(r"反诉|应诉|法院|法官|中院|官司|诉讼|起诉|诉状|传票|上诉")
_ARBITRATION = re.compile(r"仲裁(庭|委|院)?(?![^，。]{0,2}(旁边|门口|附近|对面))")
_UNDERWAY = re.compile(r"已经|已|正在|还在|走程序|结果出来|出来了|裁了|(赢|输)了|(在|正)[^，。]{0,4}审|在(打|办)|审理|(判|打|告|起诉|立|受理)了|立了?案|寄过来|查封了|冻结了|"
                       r"开庭|(下|这|上)个?(星期|礼拜|月)[^，。]{0,4}审|还没(有)?个?结果|一直拖|还要拖|拖(了|着|到|多久)|(打|告)了[^，。]{0,3}(年|个月)")
_OUT_OF_SCOPE: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("保密", r"(标|写|印|盖)(了|着|有)[^，。]{0,4}(秘密|机密|绝密|密级)|(外国人|老外|境外|国外的人)[^。]{0,12}打听[^。]{0,12}(研究所|研究院|部队|军工|营区|基地)|国家秘密|涉密|(涉及|牵涉|牵扯)到?[^，。]{0,2}保密|军事单位|军事基地|(部队|军队|军工|军事|保密单位)[^，。]{0,8}(位置|内部|资料|文件|图纸|装备|数据|情况)|泄密|机密文件|绝密|秘密文件|保密(资料|文件|材料|信息)|(保密|涉密)(单位|岗位|部门)[^。]{0,16}(资料|文件|图纸|数据|打听|收购|出高价|境外|国外)|导弹|武器型号|(基地|军区)[^，。]{0,6}(型号|位置|部署)|军工单位[^，。]{0,8}(内部|文件)|军事(禁区|秘密|设施)|泄露[^，。]{0,4}(?<!商业)秘密"),
    ("行政复议", r"行政复议|复议(申请|机关|决定|还没|结果)|(申请|提起|提交|递交)了?[^，。]{0,4}复议"),
    ("信访", r"(已经|已|正在|多次|曾经?)[^，。]{0,8}(信访|上访)|(一直|还在|一直在|都在|年年|每年)[^，。]{0,4}(信访|上访)|从[^，。]{0,8}(开始|起)[^，。]{0,6}(信访|上访)|(信访|上访)[^，。]{0,6}(过了|过|受理|答复|回复|处理中|办结|复查|复核)|"
           r"信访(局|办|部门|件|事项)[^。]{0,12}(受理|答复|回复|处理|复查|复核|办结|没有结果|还没|转|登记)|(上访|信访)(老?户)|(上访|信访)了|上访(多|好多|好几|几|十几)年|信访办[^。]{0,10}(说|研究|推)|(写|寄)了[^，。]{0,4}[0-9一二三四五六七八九十几好多]+封信"),
    ("仲裁", r"仲裁[^，。]{0,10}(立案|开庭|排期|裁决|审理|还没|已经)|(已经|已|正在)[^，。]{0,6}仲裁|裁决书|仲裁(委|院)(?![^，。]{0,4}(旁边|门口|附近|对面|前面|后面|楼下|路))"),
    ("诉讼", r"反诉|应诉|撤(了)?诉|(重新|又)起诉|跑法院|宣判|(把|将)[^，。]{0,6}告了|(案子|官司)[^，。]{0,4}(还)?没(有)?判|(法院|法官)[^，。]{0,12}(立案|受理|判|开庭|审理|执行)|(已经|已)(起诉|立案)|起诉了|官司[^，。]{0,8}(判|立案|开庭)|"
           r"告上了?法庭了|被判了?(刑|[0-9一二三四五六七八九十两几]+年)|判了(刑|[0-9一二三四五六七八九十两几]+年)|(已经|已)[^，。]{0,10}告上了?法庭|判决|开庭|执行局|被执行人|申请(强制)?执行|正在[^，。]{0,4}审理|起诉到法院|[一二]审|上诉了|再审|(告|闹|打|去|到)(到|了)?法院(了|去了)"),
    ("纪检监察", r"贿选|买官|卖官|(干部|局长|处长|科长|主任|书记|支书|村官|官员|公职人员|公务员|领导|镇长|乡长|区长|队长|所长|民警|警察|执法人员|校长|院长|科员|村主任|村长|队员|协管员?|(村|社区|街道|镇)[^，。]{0,3}(会计|出纳))[^。]{0,16}"
              r"(收红包|受贿|贿赂|贪污|挪用|吃喝|公车私用|违纪|提拔亲属|以权谋私|虚报冒领|索贿|吃拿卡要|侵吞|回扣|好处费|保护费|"
              r"做假账|假账|(钱|账)[^，。]{0,3}对不上|私分|瓜分|私吞|侵占|克扣|中饱私囊|(儿子|女儿|亲属|家里人)[^。]{0,10}(公司|工程|承包)|"
              r"(承包|包|给)给?(他|她)?的?(小舅子|亲戚|老婆|儿子|女儿|家属|亲属)|(钱|财产)[^，。]{0,3}(哪来|来路不明)|好几套房|"
              r"(开|坐|用)着?公车|公车(接送|私用|办私事)|公款|腰包|(钱|款|费|基金|经费|资金)[^。]{0,8}(拿去|挪|私吞|自己用)|收[^，。]{0,4}(好处|购物卡|礼金|礼品|红包)|"
              r"(揣|装|塞|放)进?[^，。]{0,4}(自己|个人|私人)?的?(兜|口袋)|"
              r"(?<![离打展召])(开|办)了?(个|家)?公司|(钱|款|名额|指标|房子?|工程|项目|低保)[^，。]{0,4}给了?(他|她)?(自己)?的?(亲戚|家人|亲属|儿子|女儿|小舅子)|做生意|赌博|嫖娼|包养|情妇|打招呼|没有资质|(逼|强迫|强制)[^，。]{0,6}(买|交钱|捐)|"
              r"收了[^，。]{0,6}的?钱|利用职权|滥用职权|以权谋私|收了?好处|(亲戚|小舅子|老婆|家属)[^。]{0,10}(公司|工程|承包|名额)|"
              r"给了?(自己|他|她)的?(亲戚|家人|小舅子)|(扶贫|低保|补贴|补偿|救灾|集体)的?(钱|款)[^。]{0,8}(拿去|挪|私吞|自己用))|"
              r"(举报|反映)[^。]{0,12}(贪污|受贿|违纪)"),
))


# A second, structural layer (sixth wave), consulted when the patterns above recognise nothing: pairs of
# concepts in one sentence rather than phrases. (1) A legal channel named × a sign that its procedure is under
# way — the generic stages (开庭, 立案, 受理, 案号, 通知书, 决定书, 裁决, 复查, 听证 …) belong to whichever channel the
# sentence names, so 申请了劳动仲裁，开庭通知书… is arbitration, not a court case; a channel named as a place
# (法院门口) or only wished for (想起诉) is not under way. (2) An official (a title) × misconduct: money or gifts
# taken, public money diverted, favours to relatives, a case buried, public resources for private use.
# (3) A state-secret concept (密级, military, defence) × a leak (sold, sent abroad, photographed, asked for).
_CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("行政复议", r"复议(?![^，。]{0,2}(旁边|门口|附近|对面))"),
    ("仲裁", r"仲[裁栽](?![^，。]{0,2}(旁边|门口|附近|对面))"),
    ("信访", r"(信访|上访)(?![^，。]{0,2}(旁边|门口|附近|对面|那条))"),
    ("诉讼", r"(法院|法官|中院|官司|诉讼|起诉|诉状|传票|上诉状|判决|执行局|被执行)(?![^，。]{0,2}(旁边|门口|附近|对面|前面|后面|路))"),
))
_STAGE = re.compile(r"庭上|庭审|仲裁员|书记员|(法官|仲裁员)[^，。]{0,4}(说|让|叫|问|要|不管|偏)|(已经?|正在|还在)[^，。]{0,6}(申请|起诉|立案|受理|开庭|审|判|裁|仲裁|复议|上访|信访|反映|递|提交|交了|提了|告|走|办|处理|登记|执行)|在审|审理|审了|开庭|开过|立案|立了案|受理|案号|编号|排期|传票|通知书|决定书|裁决|判决书|意见书|告知书|调解书|"
                    r"判了|裁了|驳回|维持|撤销|调解了|鉴定|延期|执行|[一二]审|终结|复查|复核|听证|下来了|寄过来|递上去|交了|申请了|提了|走了|"
                    r"(在|去)[^，。]{0,6}(审|反映|登记)|回执|(跑|去)了[^，。]{0,4}[0-9一二三四五六七八九十几好多]+(趟|次|回)|[0-9一二三四五六七八九十几]+个?(天|日|工作日)[^，。]{0,3}(答复|回复)|(答复|回复)(意见|书)|等(通知|结果|开庭)|(让|叫|要)[^，。]{0,4}(先|回去)?等|在等|等了|还没(有)?(结果|判|开庭|下文|答复)|没(有)?下文|律师说")
_WISH = re.compile(r"(想|打算|准备|要不要|能不能|可不可以|可以?|是否|怎么|如何|哪里|哪个)[^，。]{0,3}(申请|起诉|打官司|告|仲裁|复议|信访|上访)|"
                   r"(起诉|仲裁|复议|信访)[^，。]{0,4}(怎么|如何|在哪|要不要|需要|要什么|流程|时效|期限)")
_SENTENCE = re.compile(r"[。！!？?\n]+")
_OFFICIAL = re.compile(r"在[^，。]{0,6}(政府|局|街道|镇上|镇里|乡里|派出所|税务)[^，。]{0,2}(上班|工作)的|干部|科员|书记|支书|(?<!业委会)(?<!物业)(?<!业主)主任|局长|处长|科长|股长|镇长|乡长|区长|县长|所长|队长|院长|校长|村长|村官|组长|会计|出纳|"
                       r"民警|警察|交警|公务员|领导|一把手|官员|执法人员|城管|工作人员|网格员|(局|所|队|中心|站|办|委)(里)?那个(姓.的|人)|(局|所|队|中心|站|办|委)(里)?那个管[^，。]{0,4}的(人|姓.的)|网格长|协警|辅警|(村|社区|镇|街道)[^，。]{0,3}(文书|委员|妇女主任|治保主任)|(局|所|队|中心|站|办|委)(里|的)?有?(个|一个)[^，。]{0,3}(人|员)|(局|队|中心|站|办|委)(里|的)?有[^，。]{0,3}(人|员)|窗口的?(人|工作人员)|专管员|主席|部长|(街道|社区|村委会|村里|镇政府|镇里|乡里|区里|局里)(搞|办|修|建|做)的|稽查员|检查员|审批员|(局|所|队|中心|站|办|委)的(人|那个人|那些人|几个人)|"
                       r"(局|所|队|委|办|站)[^，。]{0,4}(来|派来)?[^，。]{0,4}(检查|管|执法|办事)的(人|那个人)")
# relatives (an official's family and in-laws)
_KIN = r"(亲戚|家属|亲属|小舅子|大舅子|舅子|老婆|老公|媳妇|丈夫|儿子|女儿|侄子|外甥|表弟|表哥|表妹|表姐|堂弟|堂哥|姐夫|妹夫|连襟|亲家|老表|弟弟|哥哥|小姨子|姨子|弟媳|嫂子|女婿|侄女|外甥女|家里人|家人|爱人|夫人|太太|妻子|丈人|岳父|岳母|丈母娘)"
_MISCONDUCT = re.compile(
    r"(收|拿|索|捞|贪|揣|塞)了?[^，。]{0,8}(礼金|红包|好处|回扣|购物卡|油卡|烟酒|礼品|油水)|(收|拿|揣|塞)了[^，。]{0,6}的?钱|要收[^，。]{0,3}钱|吃拿卡要|"
    r"私下(收|要)|收了?钱(就|才|帮|办)|(单位|公家|公)的钱[^，。]{0,6}(报|吃|喝|买|花)|(吃吃喝喝|大吃大喝)[^。]{0,10}报销|"
    r"(让|逼|叫|要求|强迫)[^，。]{0,6}(下面|下属|手下|老师|职工|员工)[^，。]{0,10}(推销|去买|买|报名|交钱)|"
    r"(公款|公家|集体|村里|社区的|补贴|补助|扶贫|低保|救济|补偿|专项|经费|危房改造)[^。]{0,12}(冒领|私分|瓜分|挪|吃了|揣|拿走|占了|没(有)?进|不见了|对不上|乱花|报销)|"
    r"冒领|吃空饷|(钱|款|账)[^，。]{0,3}没(有)?进[^，。]{0,6}账|账(本)?上乱|"
    r"(亲戚|小舅子|老婆|儿子|女儿|亲属|侄子|外甥)[^。]{0,12}(承包|中标|专门接|接了?[^，。]{0,3}(活|工程|项目)|拿(到|了)[^，。]{0,4}(工程|项目|名额|指标)|名额|指标)|"
    r"(给|包给|承包给|交给)[^，。]{0,2}(他|她)?的?(亲戚|小舅子|老婆|儿子|女儿|亲属|侄子|外甥)|"
    r"(案子|案件)[^，。]{0,4}(压下来|压了下来|不了了之)|包庇|徇私|"
    r"(上班时间|工作时间)[^。]{0,10}(打牌|麻将|喝酒|赌)|公车私用|开(着)?公车|公家的车|"
    r"(婚礼|婚宴|丧事|寿宴|升学宴|满月酒|喜事|办酒|酒席|乔迁)[^。]{0,16}(收|礼金|摆了|桌|送了?礼)|大操大办|"
    # (ninth wave, second round) a hint for a gift (要意思意思), pay without coming to work, a word put in
    # for someone (打了招呼，考第五名的进了), a case held back for a friend, a relative's business the staff are
    # sent to, prices above the market, a public car for the family's feasts
    r"意思意思|表示表示|(没|不)[^，。]{0,3}(来)?上[^，。]{0,4}班[^。]{0,10}工资[^，。]{0,4}(照|一分不少|不少|一分没少)|"
    r"打了?(个)?招呼[^。]{0,12}(进了|录了|上了|批了|过了|就)|(把|将)[^，。]{0,6}(案子|案件|事)压(着|下|住)|"
    r"(要求|让|逼|叫)[^，。]{0,6}(去|到)(他|她)(那里|那儿|家|的)[^，。]{0,4}(报名|买|办|消费|学)|比(外面|市场|别人|别家)(价)?[^，。]{0,3}(高|贵)|"
    r"(办酒|酒席|喜事|婚礼)[^。]{0,10}(开|用)[^，。]{0,8}(这|那|单位的?|公家的?|政府的?)(台|辆)?车|" + _KIN + r"[^，。]{0,16}(全包|包了)|"
    # seventh wave: gifts taken (收了我两条烟一箱酒), favours bought (送了东西就没人来拆), a cut taken (从中抽成),
    # claims inflated (虚报, 多报了好几亩), family businesses favoured (他老婆办的补习班, 租给了他表弟), meals not
    # paid for or taken with the businesses they inspect, wealth beyond the salary, tip-offs before inspections
    r"(收|拿)(了|下)[^，。]{0,6}(烟|酒|土特产|礼品|礼物|礼金)|(只要|要是|不)送(了|过)?[^，。]{0,4}(东西|礼|钱|红包|烟|酒)|送了?[^，。]{0,3}(东西|礼|钱|红包)[^。]{0,8}(就|才)|"
    r"抽成|(吃|拿)回扣|(收|落|进)(到|进|入)?了?[^，。]{0,3}(自己|他|她|个人|私人)[^，。]{0,2}(兜|口袋|腰包)|(办公室|用房|配车)[^，。]{0,4}超标|名烟名酒|(假|虚开的?)发票|入了?[^，。]{0,6}股|参股|从来(都)?(查|管)不到|(吃|赚)差价|(每次|一)[^，。]{0,2}(抓|查|检查|来查)[^，。]{0,4}(都|就)?(扑空|扑个空|跑光了|没人了)|从中(抽|拿|捞|牟利|赚|吃)|虚报|多报了|套取|骗取[^，。]{0,4}(补贴|补助|资金|补偿)|"
    r"" + _KIN + r"[^，。]{0,4}(开的|办的|经营的)|(租|包|卖|批|让|转)给了?(他|她|自己|自家)?(的|家)?" + _KIN + r"|(施工队|工程队|公司|店|厂|队伍|供应商|老板)[^，。]{0,4}是(他|她|自己)(家)?的?" + _KIN + r"|低价(包|租|卖|转|批)" + r"|" + _KIN + r"[^，。]{0,12}(全包|包了|承包)|"
    r"(吃饭|吃喝|拿东西|拿货)[^。]{0,10}(不给钱|不付钱|不结账|挂账)|(从来|从)不给钱|白吃白拿|"
    r"(跟|和|被)[^，。]{0,8}老板[^，。]{0,6}(吃|喝|洗脚|打牌|钓鱼)|老板请[^，。]{0,6}(吃|喝|玩)|"
    r"[两三四五六七八九十几好多]套房|哪(来|里来)的?(钱|房|车)|来路不明|"
    r"保护伞|通风报信|(查|检查|来)[^。]{0,6}(之前|前)[^。]{0,8}(打招呼|通知|报信)|称兄道弟|打招呼让|"
    # favours to friends, money gone missing, spending inflated, a share demanded, office used as a pretext,
    # public cars for private errands, penalty points sold, collusion with developers or bosses
    r"(批|租|包|卖|给|交)给了?(他|她)?的?(朋友|熟人|同学|老乡)|(钱|款)[^，。]{0,4}(去了哪|去哪了|到哪去了|不知去向|下落不明)|"
    r"(报|花|拨)[^，。]{0,6}万[^。]{0,10}(实际|其实|只)|(要|得)分(给)?(他|她)|分(他|她)[^，。]{0,2}[一二三四五六七八九十百千几0-9]|"
    r"从来没(有)?人(去|来|敢)?(查|管)|借着?[^，。]{0,8}(名义|名头)|(收据|发票|票据)[^，。]{0,3}(都|也)?不(开|给)|不(开|给)(收据|发票|票据)|(每个月|每次|每人|每户)[^，。]{0,4}(扣|抽|要)[^，。]{0,3}[0-9一二三四五六七八九十百千两几]+|"
    r"单位的?车[^。]{0,10}(送|接|钓鱼|旅游|私事|回老家|买菜)|销分|消分|买分|卖分|(销|消)(违章|罚单)|"
    r"(跟|和)[^，。]{0,6}(老板|开发商|商人)[^，。]{0,3}(一伙|勾结|穿一条裤子)|勾结|官商|"
    r"" + _KIN + r"[^，。]{0,8}(开|办)了?[^，。]{0,2}(个|家)|"
    r"买(来|到)的?[^，。]{0,2}(位子|官|职位)|花钱买(官|位子)|拿(去|回)(自己|自家|他)家?|辛苦费|茶水费|感谢费|"
    r"(物资|药品|设备|补贴|粮|油)[^，。]{0,4}拿(去|出去)[^，。]{0,4}卖|倒卖|别人[^，。]{0,6}就(罚|查|拆|抓|管)|拉票|贿选|私自(卖|租|转让|处置|承包)|情人|(费用|开销|发票)[^。]{0,6}(拿回|回)单位报|兼职[^。]{0,10}(拿|收|领|赚)|顾问费|挂名|"
    r"(交|给|拿)[^，。]{0,3}[0-9一二三四五六七八九十百千万两几]+(块|元|万)[^。]{0,8}(可以|就能|就可以|就帮|包办|保证|就办|就批|就下来)|"
    r"(给|送)(他|她)的?[^，。]{0,2}(好处|钱|礼)[^，。]{0,3}(多|就)|拆(成|分)[^，。]{0,6}(小项目|几个项目|几块)|规避招标|不招标|没(有)?招标|围标|串标|内定|(都|一个个)[^，。]{0,4}(换了|买了|开上了?)(新车|豪车|新房|别墅)|"
    r"" + _KIN + r"的[^，。]{0,3}(厂|场|店|公司|队|矿|工地)|(留|分|给)给了?[^，。]{0,4}(走得近|关系好|熟人|自己人)|比市场(价)?[^，。]{0,2}(高|贵)|"
    # (11t9) the cadre's own household served first (他自家也领到了), purchases from a relative (从她那里进的),
    # pay without work, a public car for family errands, relatives promoted or given titles
    r"(自己|自家|他家|她家)[^，。]{0,8}(也)?(领|评|分|拿|批)(到|上)了|(从|在)(他|她)(那里|那儿|家|店里)[^，。]{0,3}(进|买|采购|订)|"
    r"(不|没)(来)?(上班|打卡)[^。]{0,10}工资[^，。]{0,4}(照|一分不少|不少)|工资照(拿|领|发)|(在)?外面[^，。]{0,4}做生意|"
    r"(公务车|公车|专车|单位的?车|公家的?车|那台车|那辆车)[^。]{0,16}(老家|赶集|接送|钓鱼|旅游|私事|买菜|周末|节假日|打牌|过夜|酒店|会所|KTV)|" + _KIN + r"[^，。]{0,3}开着[^，。]{0,3}(去|出去|到处)|"
    r"" + _KIN + r"[^，。]{0,10}(评上|提拔|提了|当上|升了|转正|安排进|塞进|进了编制)|"
    r"(跟|和)[^，。]{0,8}(老板|开发商|商人)[^，。]{0,6}(出去|一起)?[^，。]{0,4}(玩|旅游|出国|度假)|(都|全)(用|买|进|找)(他|她)(们|家)?(公司|厂|店)的|"
    r"(报|报销)[^，。]{0,8}(费|发票|账)[^。]{0,10}(其实|实际上?)|带[^，。]{0,2}" + _KIN + r"[^，。]{0,4}(旅游|玩|度假)|"
    r"收了[^，。]{0,6}[0-9一二三四五六七八九十百千万两几]+(块|元|万)|(老板|开发商|商人|包工头)[^，。]{0,4}给(他|她)(家)?[^，。]{0,4}(装修|买|送|修|出钱)|"
    r"(加油|油费|修车|车费)[^，。]{0,6}(学校|单位|公家|公司|村里|社区)(出|报|付)|(没(有)?考试|不用考试|不考试|没考)[^，。]{0,3}(就)?进了?|"
    r"帮人?插队|走后门|一(本|个|次|户)收[0-9一二三四五六七八九十百千万两几]+|随礼|随份子|"
    # (eighth wave) gifts brought to the official (谁给他送烟送酒), feasts on public money, public property let
    # or sold on the quiet, money slipped to speed a case, public things taken home, a gang with those he should
    # check, relatives placed in the office's jobs, a hidden share in shops, public funds taken for the family's
    # house, forged papers and a share of the take, meals and goods demanded on inspections
    r"(给|向)(他|她|他们)[^，。]{0,2}送[^，。]{0,3}(烟|酒|礼|钱|红包|卡|东西)|送烟送酒|谁送[^，。]{0,4}(谁|就)|大吃大喝|(花|用|都是)[^，。]{0,3}公家的钱|"
    r"(偷偷|悄悄|私下|私自)地?[^，。]{0,10}(租|卖|包|转|批)给|(塞|递)[^，。]{0,3}([0-9一二三四五六七八九十百千万两几]+(块|元|万)|钱|红包)|私下给(他|她)|"
    r"(开|拿|搬|拉)回(自己|自|他|她)?家[^，。]{0,4}(自己)?用|(跟|和)[^，。]{0,10}是?一伙的|(跟|和)[^，。]{0,8}串通|压着不(管|办|查|处理)|"
    r"安排[^。]{0,8}" + _KIN + r"|(都|全)(是|成了)(他|她)(的|家)?" + _KIN + r"|干股|暗股|"
    r"(款|钱)[^。]{0,8}拿[^，。]{0,4}去[^，。]{0,6}(给|盖|买|修|还)|(给|替)(自己|自)家[^，。]{0,4}(盖|修|装|买)|"
    r"伪造|造假|(自己|他|她)(也)?分了?(一份|一半|一部分|一杯羹)|"
    r"(要|让|叫)[^，。]{0,4}请(他|她|他们)?吃(饭|喝)|(吃|喝)(完|了)[^，。]{0,4}(让|叫|要)[^，。]{0,6}(记账|买单|结账|签单|付钱|报销|挂账)|(记|挂|落|登记|写)(到|在)[^，。]{0,4}" + _KIN + r"[^，。]{0,2}名下|" + _KIN + r"名下|"
    r"拿[一两三几好][^，。]{0,2}(条|瓶|箱|包|盒)[^，。]{0,2}(烟|酒|茶)|不(给|送|交)[^，。]{0,4}(就|的话)[^，。]{0,8}(查|罚|找麻烦|刁难|卡)|转手|"
    r"(给|替|帮)(他|她)(的|家)?" + _KIN + r"[^，。]{0,4}(交|付|出|买)|"
    r"(会计|出纳|文书|主任|组长|队长|司机|委员|秘书)[^，。]{0,2}(是|由)(他|她)(的|家)?" + _KIN + r"|(一家人|一家子|全家)[^，。]{0,4}都在[^，。]{0,6}(上班|工作|当|任职)|"
    r"(只要|要是)[^，。]{0,6}(请|给|送)(他|她)|(只要|要是)[^，。]{0,4}打(个)?招呼|(开|拿|搬|拉|运|送)(到|回)了?(他|她)?(自己|自)?家(里)?去?了|"
    r"(福利费?|会费|经费|公款)[^，。]{0,4}拿去|报的是[^。]{0,16}(实际|其实)|挂了?[^，。]{0,2}(岗位|职位|名字|名)|(上面|上级|政府|国家)(发|拨|给)的[^，。]{0,8}拿(去|走|回)|"
    r"(他|她)的?(朋友|熟人|同学|老乡)[^，。]{0,2}(开的|办的)|从[^，。]{0,8}(村里|公家|单位|工地|集体)[^，。]{0,8}(拉|拿|搬)(过去|走|回)|"
    r"(开|骑|用)着?(扣押|扣下|没收|罚没)的|(老板|商人|包工头|开发商)[^，。]{0,6}请(他|她)?[^，。]{0,4}(吃|喝|玩)|决定[^，。]{0,4}(工程|项目)给谁|"
    r"买(他|她)(推销|卖|家|们家)|包赢|包过|收[^，。]{0,3}(代理费|介绍费|中介费|咨询费)|" + _KIN + r"[^。]{0,20}(名单|名册)[^，。]{0,4}有|拿了?(人家|别人|老板|对方|他们)的?[^，。]{0,4}(车|房|钱|好处|东西|卡)|(揣|装|塞|放)进?了?[^，。]{0,4}(自己|个人|私人)的?(包|兜|口袋|腰包)|"
    r"拿[一两三几好]?[^，。]{0,2}(条|瓶|箱|包|盒|袋)[^，。]{0,4}(回去|走|回家)|逢年过节[^。]{0,10}(拿|要|收)|"
    r"(每个月|每月|每年|每次)[^，。]{0,3}给(他|她)[^，。]{0,3}[0-9一二三四五六七八九十百千两几]+|给(他|她)[^，。]{0,3}[0-9一二三四五六七八九十百千两几]+(块|元|万)[^。]{0,8}(就|才)|(每家|每户|每人|每个人)[^，。]{0,4}(先)?(交|给|扣|抽|要)[^，。]{0,3}[0-9一二三四五六七八九十百千两几]+|拿[^，。]{0,3}东西走|" + _KIN + r"[^，。]{0,4}(领走|拿走|分走|领去)")
# public money that cannot be accounted for, said before or after the official is named (钱花到哪里去了村干部说不清楚)
_UNACCOUNTED = re.compile(r"(卡|存折|折子)[^，。]{0,3}(在|捏在|攥在|放在)[^，。]{0,8}手里|(去世|死了|过世)[^。]{0,10}(钱|补贴|低保|工资)[^，。]{0,4}(还|一直)[^，。]{0,3}(在)?(发|领)|(施工队|工程队|公司|队伍|供应商)[^，。]{0,4}是[^，。]{0,6}指定的|(进|落|装进)了?(谁|哪个)的(口袋|腰包)|(低保|补助|补贴|名额|指标|贫困户|困难户|救助|廉租房|公租房|安置房)[^。]{0,30}(的|是)" + _KIN + r"|(钱|款|经费|资金|租金)[^。]{0,6}(花|用|去)到?(了)?哪里?(去)?了|(钱|账|款)[^，。]{0,8}(说不清|讲不清|不清不楚|糊涂账)|(钱|款|租金|收入|费)[^，。]{0,4}没(有)?(上|进|入)过?[^，。]{0,4}账|账[^，。]{0,6}(从来|从|一次)?(都|也)?没(有)?公开|账[^，。]{0,3}(少了|缺了|亏空|窟窿)|(资金|款|钱|经费)[^，。]{0,3}被?挪(用|去|走|到)")
_SECRET = re.compile(r"密级|涉密|机密|(?<!商业)秘密|保密的?(单位|岗位|研究所|研究院|工厂|厂|项目|部门|机构)|绝密|保密(资料|文件|材料|设备|电脑)|军工|军用|军品|军方|军事|部队|营区|军营|军港|国防|导弹|(境外|国外)的?(人|机构|组织|间谍)|"
                     r"(研究所|研究院|实验室)[^，。]{0,12}(数据|资料|图纸|参数)|航天|核(工业|电站|设施|潜艇)|兵器|型号参数|军舰|舰艇|潜艇|战机|雷达|兵工")
_LEAK = re.compile(r"境外|国外|外国人|老外|(不能|不便|不方便|不好)[^，。]{0,4}(细讲|细说|讲|说|透露)|电话里[^，。]{0,4}(说不清|讲不清|不好|不能|不方便|不便)|当面|外网|相机|镜头|望远镜|(一直|在)拍|网上[^，。]{0,4}(卖|发|传)|拍照|偷拍|拍[^，。]{0,4}(设备|照片|视频)|无人机|打听|(发|传|晒)[^，。]{0,10}(照片|视频|图)|一直问|出高价|(给|出)[^，。]{0,3}(钱|报酬|酬劳|好处)|发到|带回家|拿回家|泄露|"
                   r"测(了|绘|量)?[^，。]{0,4}给|(发|传|拿)给(他|她|别人|对方)|(给|让)[^，。]{0,2}(我|人|别人)看|(扔|丢)[^，。]{0,6}(垃圾|外面)|翻垃圾|"
                   r"内部(文件|资料|参数|情况)|图纸")

# (4) An administrative decision (罚单, 处罚决定, 暂扣, 认定, 不予受理 …) × the citizen disputes it × wants a
# higher authority or a formal review to look at it again (上一级, 复议, 重新认定): 行政复议's route.
_DECISION = re.compile(r"登记(给|在)|罚单|罚款|罚了|处罚|决定|认定|暂扣|扣押|扣了|收走|拘留|吊销|没收|不予|责令|查封|告知书|通知书|定性")
_DISPUTE = re.compile(r"不服|不认|不该|不应该|不应当|不合法|违法|不公平|不公正|不公道|不对|冤枉|搞错|弄错|错了|太重|不合理|有异议|明明|站不住脚|没(有)?道理|说不过去|乱罚|根本没(有)?|错的|(我|我们)(有|手上有|手里有)[^，。]{0,8}(手续|证据|审批|批文|合同|证明)|讨个?说法|(当时|当年|以前)[^，。]{0,8}(同意|批准|批了|允许)")
_REVIEW = re.compile(r"上级|上一级|上头|上面的(单位|部门|机关|领导)|(找|要求|请|让)上面|复议|重新(审|认定|处理|核|查|看|定)|再(审|查|复查|看)一|复查|复核|撤销")

# one search says whether any of the layer's anchors is named at all (most appeals name none)
_ANCHORS = re.compile("|".join(p.pattern for p in (*(c for _k, c in _CHANNELS), _OFFICIAL, _SECRET, _REVIEW)))


def _structural_redirect(text: str) -> str | None:
    """The structural layer (see above) for ``text`` in its normal form, or None."""
    if not _ANCHORS.search(text):
        return None
    for sentence in _SENTENCE.split(text):
        if not sentence:
            continue
        clauses = [c for c in _CLAUSE.split(sentence) if c]
        for i, clause in enumerate(clauses):
            window = "".join(clauses[max(0, i - 1):i + 2])
            for kind, channel in _CHANNELS:
                if channel.search(clause) and _STAGE.search(window) and not _WISH.search(clause):
                    return kind
        for i, clause in enumerate(clauses):
            window = "".join(clauses[max(0, i - 3):i + 3])
            if _REVIEW.search(clause) and _DECISION.search(window) and _DISPUTE.search(window) and "信访" not in window:
                return "行政复议"
        for i, clause in enumerate(clauses):
            official = _OFFICIAL.search(clause)
            if official and _MISCONDUCT.search("".join(clauses[i:i + 3])[official.start():]):
                return "纪检监察"
            if official and _UNACCOUNTED.search("".join(clauses[max(0, i - 2):i + 2])):
                return "纪检监察"
            window = "".join(clauses[max(0, i - 1):i + 2])
            if _SECRET.search(clause) and (_LEAK.search(window) or "密级" in clause):
                return "保密"
    return None


@dataclass(frozen=True)
class Triage:
    transfer: tuple[str, ...] = ()
    redirect: str | None = None
    reason: str = ""

    @property
    def route(self) -> str:
        return REDIRECTS[self.redirect].route if self.redirect else ""


def _numbers(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The numbers and their labels for ``text`` already in its normal form (``_normal``)."""
    found: list[str] = []
    labels: list[str] = []
    clauses = [c for c in _CLAUSE.split(text) if c]
    letter = len(text) > LETTER_LENGTH
    if _NUISANCE.search(text) and not _NOW.search(text):
        return (), []
    if _recounted(text):
        return (), []
    if _SIMILE.search(text):
        text = _SIMILE.sub("", text)
        clauses = [c for c in _CLAUSE.split(text) if c]
    if _GAS_CONTEXT.search(text):
        text = _OUT_OF_GAS.sub("没燃气了", text)
        clauses = [c for c in _CLAUSE.split(text) if c]
    for i, clause in enumerate(clauses):
        if _NOT_NOW.search(clause):
            continue
        if letter and not _NOW.search("".join(clauses[max(0, i - 1):i + 2])):
            continue
        if _WOULD.search(clause):
            continue
        window = "".join(c for c in clauses[max(0, i - 1):i + 3] if not _NOT_NOW.search(c))
        hits = [(nums, label) for nums, label, pattern in _EMERGENCY if pattern.search(clause)]
        hits += [(nums, label) for nums, label, a, b in _STRUCTURAL if a.search(clause) and b.search(window)]
        for nums, label in hits:
            if label == "正在发生的违法犯罪" and (_INQUIRY.search(text) or _PAST.search(text)) and not _NOW.search(text):
                continue      # asking how a past fight is handled (孩子在学校打架了，想问学校怎么处理)
            if label == "交通事故" and _THING_HIT.search(clause) and not _ACCIDENT_INJURY.search(window):
                continue      # a car knocked a traffic light over: an ordinary matter unless someone is hurt
            if label == "交通事故":
                around = "".join(clauses[i:i + 3])
                if _ACCIDENT_INJURY.search(around):
                    nums = ("122", "120")
            if label == "燃气泄漏" and _WORKS.search(text) and _ASKS_ABOUT.search(text) and not _NOW.search(text):
                continue      # works on the gas pipes, the caller asks how long the smell lasts
            if label == "燃气泄漏" and _METER.search(text) and not _SENSED.search(text):
                continue      # a fast meter or a high bill read as a leak, nothing smelt or heard (tenth wave)
            if label == "燃气泄漏" and _SMELL_IN_WATER.search(clause):
                continue      # 水里一股汽油味: the water's quality (eighth wave)
            if label == "急症伤病" and any(n in found for n in ("122",)):
                continue
            for n in nums:
                if n not in found:
                    found.append(n)
            if label not in labels:
                labels.append(label)
    order = ("110", "119", "120", "122")
    return tuple(sorted(found, key=order.index)), labels


_UNTIL_NOW = re.compile(r"(到|直到|一直到)现在")


def triage(text: str) -> Triage:
    """Flag an emergency (with the numbers that should take it) or an out-of-scope matter."""
    text = _normal(text or "")
    nums, labels = _numbers(text)
    if nums and not _NOW.search(_UNTIL_NOW.sub("", text)):
        # a case told calmly (那个官司判了对方赔五万，被车撞了到现在…): the danger is the case's story, not now
        # (ninth wave, second round); 到现在 counts the time since, it does not say "now"
        found = _redirect(text)
        if found:
            return found
    if nums:
        return Triage(transfer=nums, reason=f"疑似紧急警情（{'、'.join(labels)}）：应立即转 {'/'.join(nums)}")
    return _redirect(text) or Triage()


def _redirect(text: str) -> Triage | None:
    """The out-of-scope redirect for ``text`` in its normal form, or None."""
    if not _ASKS_HOW.search(text):
        for kind, pattern in _OUT_OF_SCOPE:
            if pattern.search(text):
                if kind == "诉讼" and _ARBITRATION.search(text) and not _COURT_NAMED.search(text):
                    kind = "仲裁"     # 开庭, 立案 … of an arbitration (申请了劳动仲裁，开庭通知书…)
                return Triage(redirect=kind, reason=f"不属于热线受理范围（{kind}）：{REDIRECTS[kind].route}")
        # the process named in one place and its being under way in another (the same or the next clause)
        for kind, process in (("仲裁", _ARBITRATION), ("诉讼", _COURT)):
            for m in process.finditer(text):
                if _UNDERWAY.search(text[max(0, m.start() - 8):m.end() + 10]):
                    return Triage(redirect=kind, reason=f"不属于热线受理范围（{kind}）：{REDIRECTS[kind].route}")
        found = _structural_redirect(text)
        if found:
            return Triage(redirect=found, reason=f"不属于热线受理范围（{found}）：{REDIRECTS[found].route}")
    return None


# a danger the caller says is over or was averted (幸好没砸到人, 后来停了, 去医院看过了) or that happened days
# ago, with nothing said to be happening now: the rules have read it clause by clause; the learned check, which
# sees the alarming words and not the tense, is not asked (eighth wave)
_OVER = re.compile(r"幸好|还好|好在|所幸|没(有)?(人)?受伤|人没事|没出事|(后来|已经|现在|目前)[^，。]{0,3}(停了|灭了|修好了?|好了|没事了?|退了)|看过(医生|了)|去医院看过|"
                   r"上次|昨天|前天|前几天|前两天|上个?(星期|礼拜|月)|上周|去年|"
                   # a danger that might come some day, or nearly came
                   r"会不会|万一|哪天|迟早|早晚|差点|差一点|险些")
_NOW_STRICT = re.compile(r"刚刚|刚才|正在|还在|快来|救命|赶紧|赶快|马上|现在(?![^，。]{0,3}(好了|没事|退了|修好|停了|灭了|都好))")


# a request for someone to come and look at or repair a thing (想请供电所来看看, 希望派人来修一下), without haste
_SERVICE = re.compile(r"(想|希望|麻烦|请)[^，。]{0,8}(来|派人|上门)[^，。]{0,3}(看看|看一下|看一看|检查|检修|修|处理|维修)")


def _over(text: str) -> bool:
    return bool(_OVER.search(text) or _SERVICE.search(text)) and not _NOW_STRICT.search(text) and "快" not in text


# the learned check's accusation probability (``check.accusation``) at which a text naming an official is
# redirected to 纪检监察 (seventh wave; consulted only when the rules redirect nothing)
ACCUSATION_THRESHOLD = 0.6
# thanks and praise for an official (想表扬, 送面锦旗) are no accusation, whatever else the words resemble (eighth wave)
# an official only greeted or appealed to (书记同志：您好, 尊敬的X局长：, 请领导为民做主) is not the one accused: the
# accusation model is asked only when an official is named in the rest of the text (eighth wave)
_SALUTATION = re.compile(r"^[\s\u3000]*(尊敬的[^，。！？：:]{0,12}[：:，,！!]|[^，。！？：:]{0,12}(您好|你好)[！!，,。：:]?|[^，。！？：:]{0,8}同志[：:，,])")
_APPEAL_TO = re.compile(r"(请|恳请|希望|望|求|麻烦)[^，。]{0,3}(各位|有关|相关)?领导")
_PRAISE = re.compile(r"表扬|感谢|锦旗|点赞|称赞|赞扬|表彰|负责任|好干部|好书记")


def screen(text: str, check=None, *, wait: bool = True) -> Triage:
    """Triage by the rules, then — when they flag and redirect nothing — by a learned check
    (``routing.triage_check``: ``check.numbers(text)``), as the router does. ``wait=False`` never waits for a
    check still being trained (``routing.seed.SeedTriageCheck.numbers_now``): the rules alone answer then.
    ``POST /api/v1/tickets`` uses it for its queue-front decision."""
    flags = triage(text)
    if check is None or flags.transfer or flags.redirect:
        return flags
    normal = _normal(text or "")
    if _recounted(normal) or _over(normal):
        return flags
    ask = getattr(check, "numbers_now", None) if not wait else None
    nums = (ask or check.numbers)(text or "")
    if nums:
        return Triage(transfer=tuple(nums), reason=f"疑似紧急警情（模型判断）：应立即转 {'/'.join(nums)}，请话务员确认")
    # an official named and the check reads an accusation of misconduct in the rest of the words (seventh
    # wave: accusations told in roundabout words are the ones the rules miss); never while the check trains
    accuse = getattr(check, "accusation", None)
    if accuse is not None and (wait or getattr(check, "ready", True)):
        # not in a long letter: letters to 尊敬的X书记 name officials in greetings and policy requests (on 2,816
        # real web letters the check, unbounded, redirected 14 more, about half of them wrongly)
        addressed = _APPEAL_TO.sub("", _SALUTATION.sub("", normal))
        if (len(normal) <= LETTER_LENGTH and _OFFICIAL.search(addressed) and not _ASKS_HOW.search(normal) and not _INQUIRY.search(normal)
                and not _PRAISE.search(normal)
                and accuse(text or "") >= ACCUSATION_THRESHOLD):
            kind = "纪检监察"
            return Triage(redirect=kind, reason=f"不属于热线受理范围（{kind}，模型判断，请话务员确认）：{REDIRECTS[kind].route}")
    return flags
