"""Reply checks (工单质检): score a unit's answer to an appeal, each score with one sentence saying why.

Five scores in 0..1 and a weighted total:

- relevance: does the answer speak of the appeal's problem and place? The answer's own restatement of the
  matter (您反映的……问题) is read first: a problem the lexicon knows that shares nothing with the appeal's,
  or a place (district, road, estate) the appeal does not name while the appeal names another, is another
  matter; an answer that names nothing of the appeal at all is not about it either. A different wording
  alone is not a mismatch (units write 盗伐林木 where citizens write 偷偷砍树). Nor is an answer about another
  thing at one place (晾衣架 for 避雷针 on one roof, 过期食品 for 卖烟 in one shop): its restatement names a thing of
  its own, it never uses the appeal's words for its thing, and it shares with them no problem and at most one
  character; a district both name is no shared matter, nor a shop or station both name (理发店的音响 against
  理发店办卡). An answer with no restatement of its own is read by what it says it acted on (对钟家村站公共卫生间进行了
  维修); one that shares a word of the appeal's thing (电炉) is not about another problem. An answer with no
  restatement that shares only the appeal's place (解放公园) and names a problem of its own (水体清淤 for 东门台阶) is
  another matter; an appeal that joins a second trouble with 也 / 还 (天花板渗水，墙也长了霉) is half answered when
  the answer takes up one of them only.
- completeness: what was done (a concrete act — 更换、清运、约谈、处罚、检测 … — or a finding of the cause,
  not only 已处理 / 已整改 / 依法依规处理, nor what only goes on from 将… — 将督促…检修，恢复照明), by whom (a named unit, not 相关部门) and when (a date or time);
  a refusal that gives its basis says what was decided; a consultation is complete when the answer gives
  its information (conditions, materials, where and how).
- explanation: a refusal (不予受理、不符合条件、不属于职责、无法办理 …) needs its basis — a named rule
  (《…》, 第…条), a fact measured against a threshold, the reason, or the unit that is responsible;
  "按规定" or "合法合规" alone is not a basis.
- timeliness: answered within the deadline, and a promise (尽快、择期、待条件成熟、正在协调 …) has a date, one not
  already past: 将于11月15日前 in an answer that tells of 11月28日现场查看 promised what had run out.
- tone: no blaming or dismissing the citizen (你自己…, 不要再打…, 管不了, 又不是…).

An answer is weak — flagged to the operator at the callback — when its total is under ``WEAK_TOTAL`` or
relevance, completeness, explanation or tone is under ``WEAK_PART``, or it promises without a date or by a past one. A late
answer alone is not weak (lateness has its own figure). Rules, not a model: every score can be explained and
checked.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from insight.matter import load_lexicon, matter_of
from routing.numerals import number_value

WEIGHTS = {"relevance": 0.3, "completeness": 0.3, "explanation": 0.15, "timeliness": 0.1, "tone": 0.15}
WEAK_TOTAL = 0.6
WEAK_PART = 0.4
LABELS = {"relevance": "针对性", "completeness": "完整性", "explanation": "说明依据", "timeliness": "及时性", "tone": "态度"}

# ---- the answer's restatement of the matter: 您反映的（某地）某某问题 / 关于某某一事
_TOPIC = re.compile(r"(?:您|你|来电|市民|您家)?(?:所|之前|此前)?(?:反映|反应|咨询|提出|所述|举报|投诉|申请|诉求|提到|询问)"
                    r"(?:的|之)?([^，。；！？：:]{2,40}?)(?:的)?(?:问题|一事|事宜|情况|诉求|建议|申请|事项)|"
                    r"关于([^，。；！？：:]{2,40}?)(?:的)?(?:问题|一事|事宜|诉求|建议)")
_GENERIC_TOPIC = re.compile(r"^(?:相关|上述|以上|此|该|这个|有关|的|您|你|所|反映|提出|来电)*$")

# ---- what was done: concrete acts (a family, not one word), a finding, and the verbs that alone say nothing
_ACT = re.compile(
    r"(维修|修复|修好|修补|抢修|更换|换装|换成|安装|加装|补装|增设|设置|施划|划设|铺设|修剪|砍伐|移除|移植|补植|清理|清运|"
    r"清掏|清洗|清淤|清扫|冲洗|消杀|灭蚊|吸污|疏通|回填|平整|拆除|拆掉|拖离|挪走|恢复|开通|通水|通电|检查|检测|监测|取样|"
    r"勘查|勘察|查看|排查|巡查|蹲守|突击|约谈|处罚|罚款|立案|(?<!调)查处(?!理)|查获|扣押|暂扣|收缴|没收|取缔|劝离|劝导|疏导|责令|下达|"
    r"调解|上门|到场|派员|赶到|指挥|转交|转至|转送|转办|移交|移送|通知|联系|告知|解释|说明|回复|送达|支付|赔付|垫付|到账|补发|发放|退还|"
    r"退款|抵扣|调整|加密|开放|延长|列入|纳入|开工|完工|竣工|公示|张贴|登记|加固|支撑|围挡|警示|道歉|批评教育|培训|审查|批复|"
    r"办结|出具|备案|协调出|委托|投入使用|恢复运行|恢复供水|恢复供电|恢复照明|恢复通行|约定|商定|达成|签订|配发|配备|增配|"
    r"回访|走访|复查|复检|验收|新建|建成|增建|改建|扩建|翻修|硬化|补建|配建|改造|增开|延伸|"
    r"砌好|砌筑|重新砌|补砌|铣刨|重铺|摊铺|罩面|换好|审核通过|审批通过|打入|汇入|存入|预留|增加|缩短|下单|订购|采购|购置|转告|调取|调阅|"
    r"寄出|寄送|邮寄|寄回|(?<!未)(?<!没有)发送|"
    # (a setting changed to a stated value is a deed: 绿灯时长由25秒调至40秒, 发车间隔调到8分钟, 音量调低)
    r"(?<![将拟需要待])(?:调至|调到|调为|调成|调低|调高|调小|调大|下调|上调)(?=[^，。；]{0,12}(?:\d|[一二三四五六七八九十两百]|以下|以上|范围|标准|限值)))")
_VAGUE = re.compile(r"(?:已经?|已按[^，。；]{0,8}|正在|立即|认真|积极)?(?:处理|整改|解决|落实|办理|跟进|关注|研究|协调|沟通|推进|核实|调查|重视|知悉|收悉|收到|记录|办结)(?:完毕|完成|中|到位)?")
_FINDING = re.compile(r"(经|通过)[^。；]{0,16}(核实|核查|检查|检测|监测|勘查|查看|排查|调查|查询|了解|测量|研究)[^。；]{0,6}[，,：:]?"
                      r"[^。；]{0,40}?(系|为|是|属于|属(?!实)|存在|发现|未发现|所致|原因|导致|达到|超过|低于|高于|符合|不符合|不属实)")
_WHO = re.compile(r"(我局|我委|我办|我中心|我单位|我司|我街|我所|我队|我大队|我中队|本局|本单位|街道|社区|居委会|村委会|网格员|"
                  r"物业|派出所|交警|民警|城管|环卫|[\u4e00-\u9fa5]{1,10}(?:局|委员会|委|中心|公司|集团|大队|中队|支队|所|站|处|队|院|办公室|管委会|部)"
                  r"(?![理结件事述在致有以属谓伍托员长门委]))")
_WHO_GENERIC = re.compile(r"^(相关|有关|其他|上级|职能|主管|责任)")
# handed on to nobody in particular: who will act is not said
_TO_NOBODY = re.compile(r"(转|转交|转至|转给|转办|移交|交由|反馈给?)[^，。；]{0,3}(相关|其他|有关|职能|主管)(部门|单位|科室)")
_WHEN = re.compile(r"(\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日|\d{1,2}\s*(时|点)(\d{1,2}分|半)?|\d{1,2}[:：]\d{2}|"
                   r"今天|今日|当天|当日|当晚|当夜|昨天|昨日|次日|翌日|前日|近日|现已|当场|"
                   r"\d+\s*(个)?(工作日|小时|天|日|周|分钟)(内|后)|[本下上]周|[本下上]月|月底|月初|年底|年初|明年|今年|"
                   r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(份|底|初|中旬|上旬|下旬)?|汛前|开学前|春节前|每(日|天|周|月|季度|半月|年))")
_DATE = re.compile(r"([一二三四五六七八九十两]{1,3}\s*(?:个)?(?:工作日|小时|天|日|周|分钟|个月)(?:内|之内|后|前)|\d{4}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}\s*月|\d{1,2}\s*日|\d+\s*(个)?(工作日|小时|天|日|周|分钟|个月)(内|后|前)?|"
                   r"[本下]周|[本下]月|月底|年底|明年|今年|汛前|开学前|春节前|当日|当天|次日|每(日|天|周|月|季度|半月|年))")

# ---- a refusal of what the citizen asked, and its basis
_REFUSE = re.compile(r"(不予(?:受理|支持|采纳|办理|批准|公开|撤销|调整|拆除|关停|恢复|修剪|处理|认定|考虑|安排)?|"
                     r"(?:不|不再|已不)符合[^，。；]{0,12}(?:条件|要求|规定|标准|范围|政策)|不具备[^，。；]{0,12}条件|不属于[^，。；]{0,12}(?:职责|范围|管辖|受理)|"
                     r"不在[^，。；]{0,8}范围|非我[^，。；]{0,4}(?:职责|决定|管辖|负责)|"
                     r"(?:请|建议)(?:您)?(?:咨询|联系|向|另行|找)[^，。；]{0,4}(?:有关|相关|其他|别的)(?:部门|单位)|不归[^，。；]{0,6}(?:管|负责)|"
                     r"(?:无法|不能|不予|不可)(?:办理|安装|采纳|满足您|满足该|支持|处理|受理|调整|恢复|拆除|关停|享受|领取|申请|给予|撤销|审批|予以|"
                     r"更改|变更|改变|迁移|迁入|取消|退还|补偿|赔偿|报销|批准|同意|提供|查看|查阅)|停发|停止发放|取消[^，。；]{0,6}(?:资格|补贴|待遇)|"
                     r"建议(?:您)?(?:通过|走|自行|另行)[^，。；]{0,10}(?:法律|诉讼|司法|仲裁|途径|协商)|"
                     r"暂不(?:予|受理|恢复|调整|安排|考虑|支持|审批|修剪|采纳|采用)|(?<![予以])不(?:采纳|采用)(?:您|该|此|这)|"
                     r"未(?:获|予|能获)批准|驳回|"
                     r"不(?:同意|批准|支持)(?:您|该|此)|管不了|不在救助|不享受|"
                     r"(?:不同意|未同意|不批准|未通过|不通过|没有通过)[^，。；]{0,8}(?:[，。；]|$)|"
                     r"(?<![不宜须应])不(?:设置|增设|安装|建设|修建|开通|新建|搬迁|迁移)(?![^，。；]{0,12}(?:导致|造成|所致))|"
                     r"(?:目前|暂时|暂)?无法(?:给出|解决|落实|答复|推进|实施|协调)|涉及(?:其他|多个|相关)[^，。；]{0,4}部门|"
                     r"(?:无法|不能|难以)满足|维持原(?:审核|决定|结果|处理|意见|方案|标准|答复)|(?:暂无|没有|无)(?:相关|这个|这项|此类?|该项)?政策(?!规定)|"
                     r"不属于[^，。；]{0,8}(?:政府|部门)(?!负责)|不(?:再)?提供[^，。；]{0,8}服务|无权(?:处理|受理|管理|开具|干涉|查处|办理)|"
                     r"不再享受|调解终止|终止调解|(?:可以|可)(?:去|到)?法院起诉|请(?:您|你们?)?(?:自行|自己)协商|未能通过|暂停(?:受理|办理|审批|实施)|暂缓(?:实施|办理|受理|审批|建设|安排)|"
                     r"(?:不能|无法)(?:在[^，。；]{1,10})?(?:就读|入学|报名|设置|划设|施划|增设|开设)|"
                     r"不便(?:介入|处理|干预|答复)|无能为力|爱莫能助|没(?:有)?办法[。！]?$|不会再(?:发|发放|支付|补发|办理)|已经?停(?:了|发)|没(?:有)?(?:义务|责任)[^，。；]{0,4}(?:解释|处理|管))")
# a rule named by its title or its article (《…》, 第十二条): the refusal's basis below and the named rule of a refund
_RULE_NAMED = r"《[^》]{2,40}》|第[一二三四五六七八九十百零\d]+条"
_BASIS = re.compile(r"(" + _RULE_NAMED + r"|[\u4e00-\u9fa5]{2,12}(?:条例|(?<![没有无想])办法|规范|细则|标准》|方案》|通知》)|"
                    r"(?:(?<![原诱成起])因|由于|鉴于|原因(?:是|为|系)|系因|因为)(?!(?:客观|各种|种种|特殊|多方面|诸多|相关|历史|其他|多种|一些|某些)?(?:原因|因素|情况|问题)[，,。；！]?(?:[^，,。；]{0,4}(?:暂|无法|不能|未能|难以)|$))[^。；]{4,}|"
                    r"(?:高于|低于|超过|不足|未满|未达到|达不到|已满|已超过|不满)[^。；]{0,16}\d|"
                    r"(?<![不非])(?:由|属|归|属于)(?!(?:其他|相关|有关|别的|上级|职能)(?:部门|单位))[^，。；]{1,24}(?:负责|管理|管辖|管养|受理|出具|办理|审批|确定|决定|制定|定价|承担)|应由|"
                    r"(?:需|须|应当|必须)[^。；]{2,40}(?:方可|才能|才可|同意)|"
                    r"(?:检测|监测)[^。；]{0,30}\d)")

# a dispute between the citizen and another party, named as such (属于租赁双方的民事合同纠纷, 属于劳动争议), with the
# forum that settles it (人民调解委员会, 仲裁院, 向人民法院提起诉讼): the reason no office decides it, and where the
# money demanded back is to be sought
_CIVIL = re.compile(r"(?:属于|系|为)[^。；]{0,20}(?:民事|合同|借贷|租赁|侵权|劳动|消费|债务|婚姻|继承|物业服务)[^。；]{0,6}(?:纠纷|争议)")
_FORUM = re.compile(r"(?:人民)?法院[^。；]{0,6}(?:起诉|提起|诉讼)|(?:申请|提请)[^。；]{0,10}(?:调解|仲裁)|调解委员会|仲裁院|仲裁委员会")


def _civil_referral(answer: str) -> re.Match | None:
    """The dispute named as a civil one and sent to its forum (…属于民间借贷纠纷…，向人民法院提起诉讼), or None."""
    civil = _CIVIL.search(answer)
    return civil if civil and _FORUM.search(answer, civil.end()) else None


# ---- an implied refusal: the citizen is told to accept or cooperate, and nothing is changed (必须按期推进，请您配合;
# 你住在那里就要接受; 不会拆除). It needs a basis as much as 不予受理 does.
_IMPLIED = re.compile(r"(必须按(?:期|计划|时|要求|原计划|规划)?[^，。；]{0,6}(?:推进|实施|建设|执行|进行|施工)|服从[^，。；]{0,6}(?:安排|管理|决定)|"
                      r"顾全大局|就要接受|只能接受|应当接受|"
                      r"不会(?:拆除|拆|取消|调整|改变|更改|停止|移除|撤销|迁移|搬走|退还)|不可能[^，。；]{0,4}(?:拆|改|取消|移|停|退)|"
                      r"(?:是|按|按照)[^，。；]{0,6}统一(?:部署|安排|规定|要求)[^，。；]{0,12}(?:请|配合|理解|服从)|"
                      r"请[^，。；]{0,12}(?:配合|服从)[^，。；]{0,6}(?:工作|管理|安排|缴费|搬迁|拆迁|执行)[。！]?$)")
# … and the mild form: a closing 请您配合 / 请理解支持 is a refusal only when nothing was done nor dated
_IMPLIED_MILD = re.compile(r"(请[^，。；]{0,12}(?:配合|服从)[。！]?$|请[^，。；]{0,10}理解(?:和|并|与)?支持[。！]?$)")
# a refusal resting on the facts a check found, told before it in one sentence (经燃气公司核查，…管网尚未敷设至该片区，
# 小区内也无预留管道，目前不具备通气条件): the reason is the fact, not a rule
_CHECK_OPENS = re.compile(r"(?:经|通过)[^。；，]{0,20}(?:核实|核查|检查|检测|查看|排查|勘查|勘察|调查|查询|测量|核算)[，,：:]")


def _facts_before(answer: str, refusal: re.Match) -> re.Match | None:
    """The check whose findings, a clause or more of facts, lead to the refusal in its own sentence, or None."""
    start = max(answer.rfind(p, 0, refusal.start()) for p in "。；;！!") + 1
    check = _CHECK_OPENS.search(answer, start, refusal.start())
    if not check:
        return None
    facts = answer[check.end():refusal.start()]
    cjk = len(re.findall(r"[\u4e00-\u9fa5]", facts))
    # (the facts tell what is lacking — 尚未敷设, 无预留管道, 不足, 超过 — for a condition refused as unmet: 不具备…条件)
    return check if (cjk >= 12 and re.search(r"[，,]", facts.rstrip("，, 目前现暂"))
                     and re.search(r"尚未|(?<!并)未[^，。；]{0,2}(?:敷设|建设|建成|铺设|配套|接入|覆盖|纳入|预留)|(?<!并)无(?:预留|配套|[^，。；]{0,4}设施)|不足|超过|低于|高于", facts)
                     and re.search(r"不具备|不符合|不满足|达不到", refusal.group(0))) else None


# a finding against a third party (学校统一收费不符合规定，已责令改正) is not the unit refusing the citizen
_CHECKED = re.compile(r"(经|通过)[^。；，]{0,20}(核实|核查|检查|检测|查看|排查|抽查)[，,：:]")
_ENFORCES = re.compile(r"(责令|约谈|处罚|罚款|整改|改正|纠正|查处|立案|下达[^，。；]{0,8}通知书)")

# ---- a promise: what will be done, said without a date
_PROMISE = re.compile(r"(尽快|尽早|抓紧|适时|择期|择机|后期|后续|下一步|视情况|逐步|待[^，。；]{1,14}(?:后|时)|"
                      r"(?:审批|批准|资金到位|条件成熟|条件具备|条件允许)(?:后|时)|条件(?:成熟|具备|允许)|"
                      r"纳入[^，。；]{0,10}(?:计划|规划)|列入[^，。；]{0,10}(?:计划|规划)|统筹考虑|"
                      r"争取|早日|正在[^，。；]{0,10}(?:协调|研究|推进|处理|沟通|跟进|办理|对接|调查)|处理中|办理中|"
                      r"持续(?:跟进|关注)|耐心等待|适当时(?:候|机)|届时|会处理|近期(?![^，。；]{0,4}(?:照片|相片|免冠|彩色|一寸|二寸|合照|体检))|今后|日后|(?:时间|日期)待定|暂缓|"
                      r"会安排(?:专人|人员|工作人员)?(?:前往|上门)?(?:处理|跟进)|抽(?:时间|空)|合适的时(?:间|候|机)|另行通知|"
                      r"加紧(?:施工|建设|推进|处理|办理|实施|维修)|予以考虑|研究考虑|统筹(?:解决|安排|推进)|记录在案|将[^，。；]{0,8}(?:处理|解决|研究|考虑|安排|协调|维修|实施|办理|加强))")

_CONDITION = re.compile(r"(?:^|(?<=[，,。；;]))(?:如|如果|若|倘若|假如)(?!有疑问|有问题|有需要)[^，,。；;]*")
_TIME_LATER = re.compile(r"(?:时间|日期)?(?:另行通知|另行告知|待定)")

# ---- a promise whose date is already past: the date promised (将于11月15日前, 预计10月10日, 承诺于8月31日前) is before
# a date the answer tells as already gone (11月28日现场查看). Dates are compared only when both carry a year or neither
# does (an answer's dates without a year are of its own year; 明年 / 2027年 promises are not compared with them).
_DAY = re.compile(r"(?:(\d{4})\s*年|(今年))?\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|(底|末|下旬|中旬|上旬|初)?)")
_PROMISED = re.compile(r"(将于|将在|预计|承诺|计划于|计划在|拟于|力争|确保于|争取于|定于|安排于|安排在)")
_BY_ORDER = re.compile(r"(责令|要求|限期|督促|通知)")


def _day_of(m: re.Match) -> tuple[int | None, int, int]:
    year = int(m.group(1)) if m.group(1) else None
    month, day, part = int(m.group(3)), m.group(4), m.group(5)
    if day:
        d = int(day)
    else:
        d = {"底": 31, "末": 31, "下旬": 31, "中旬": 20, "上旬": 10, "初": 10}.get(part or "", 31)
    return year, month, d


def _past_promise(answer: str) -> tuple[str, str] | None:
    """A promised date (将于11月15日前恢复) earlier than a date the same answer tells as already past (于11月28日
    现场查看): the promise had run out before the answer was written."""
    promised: list[tuple[tuple[int | None, int, int], str]] = []
    gone: list[tuple[tuple[int | None, int, int], str]] = []
    for clause in re.split(r"[，,。；;！!？?]", answer):
        for m in _DAY.finditer(clause):
            if promised and not _PROMISED.search(clause) and not _ANSWERED_ON.search(clause[:m.start()]):
                break   # (a date told after the promise is its follow-up: 承诺5月20日前移走，5月21日复查已移走;
                #          not the answer's own date: 答复日期：6月18日)
            if not 1 <= int(m.group(3)) <= 12:
                continue
            before, after = clause[:m.start()], clause[m.end():m.end() + 3]
            if re.search(r"原(?:计划|定|预计|承诺)|按期|如期", before):
                continue   # (原计划5月底前完工，因雨延误: the old plan told as such, not a promise)
            if _PROMISED.search(before[-12:]) and not _BY_ORDER.search(before[-12:]):
                if not re.match(r"(?:前|之前|以前|内|完成|完工|恢复|修复|到位|建成|开放|交付|通车)", after):
                    continue   # (将于5月1日起实施, 将在5月1日至31日开展: a start, not a deadline)
                promised.append((_day_of(m), m.group(0)))
            elif not _PROMISED.search(before) and not _FUTURE_DATE.search(after) and not _RANGE.match(after):
                gone.append((_day_of(m), m.group(0)))
    for (py, pm, pd), ptext in promised:
        for (gy, gm, gd), gtext in gone:
            if (py is None) != (gy is None) or (py is None and "明年" in answer):
                continue
            if py is None and gm - pm >= 4 and "今年" not in ptext:
                continue   # (于12月20日查看，1月15日前完工: next year's January, not this year's)
            if (py or 0, pm, pd) < (gy or 0, gm, gd):
                return ptext, gtext
    return None


_FUTURE_DATE = re.compile(r"^(?:前|起|以前|之前)")
# what a unit promises to do itself once something is ready (待资金到位后再行安排维修)
_TO_BE_DONE = re.compile(r"(再行|再予|予以|安排|维修|实施|办理|处理|解决|答复)")
# the second end of a span of days (5月1日至31日, 8月3日到8月5日), not 于8月20日到现场查看
_RANGE = re.compile(r"[至—\-~]|到\s*(?:\d|[一二三四五六七八九十]{1,3}\s*[月日号])")
_ANSWERED_ON = re.compile(r"(?:答复|回复|办结|办理|回访)(?:日期|时间)[：:]?\s*$")

# ---- a consultation asks, and an answer informs
_ASKS = re.compile(r"(为什么|为何|为么事|为啥|凭什么|是不是|合理吗|吗[？?]|[吗嘛][。！]?$|怎么|怎样|如何|咋(?:办|弄|个|样|搞)|么样(?:办|弄)|哪里|哪儿|在哪|哪些|哪个|哪所|哪家|什么[\u4e00-\u9fa5]{0,3}?(?:材料|条件|手续|东西|证件)|要带|需要带|需要准备|(?:准备|带|交)些?(?:什么|啥)|能不能|能否|"
                   r"可不可以|可以[^，。]{0,12}吗|是否|请问|咨询|想问|还能[^，。]{0,10}吗|要不要|多少钱|几多钱|多长时间|多久)")
_INFO = {
    "材料": re.compile(r"(携带|提供|持|凭|准备|提交)[^。；]{0,30}(证|书|簿|表|材料|原件|复印件|发票|清单|病历|照片)"),
    "地点方式": re.compile(r"(到|前往|通过|登录|拨打|向|在)[^。；]{1,24}(办理|申请|窗口|大厅|APP|网站|公众号|平台|派出所|中心|电话|咨询|"
                       r"填报|申报|预约)"),
    "条件": re.compile(r"(需|须|应当|方可|满足|符合|具备|条件|不需|无需|即可|可以|暂免|免征|免于|减按)"),
    "数额时限": re.compile(r"\d|百分之|[一二三四五六七八九十两百千万]+\s*(?:个)?(?:元|块|工作日|天|日|周|月|年|小时)"),
    "依据": re.compile(r"(《[^》]{2,40}》[^。；]{0,6}第[一二三四五六七八九十百零\d]+条|第[一二三四五六七八九十百零\d]+条[^。；]{0,4}(?:规定|明确))"),
    "内容": re.compile(r"(包括|其中|分别|项目为|标准为|具体[^，。；]{0,12}(?:见|以)|以[^，。；]{2,20}为准)"),
}

# a matter another office takes (属于市场监管部门受理范围, 由劳动保障监察大队负责) and how to reach it: a line with its
# number, a platform to log in to, an office with its address
_REDIRECT = re.compile(r"(?:属于|属|由|归)[^。；]{1,20}(?:受理|管辖|负责|职责|职能|范围|监管)")
# … or the office the citizen is sent to, to apply or to sue (请向…劳动人事争议仲裁院申请仲裁, 可向人民法院提起诉讼)
_REFER = re.compile(r"(?:请|建议|可|可以)(?:您)?(?:直接)?(?:向|到|至)[^。；，]{2,30}?(?:院|局|委员会|中心|所|庭|窗口|大厅)"
                    r"(?:[^。；，]{0,4})?(?:申请|提起|提出|咨询|办理|投诉)")
_CONTACT = re.compile(r"(?:拨打|致电|电话|热线)[^。；]{0,12}?\d{4,}|\d{5,}[^。；]{0,4}(?:热线|电话)|"
                      r"登录[^。；]{2,24}?(?:平台|网站|APP|公众号)|(?:到|前往)[^。；]{2,30}?（[^）]{0,20}(?:路|街|号)[^）]{0,20}）")


# a question of a figure (how much, how many, by when) and an answer that gives one (a number, a date, a month)
_FIGURE_ASKED = re.compile(r"(几多钱|多少钱|最多[^，。；？?]{0,6}(?:几多|多少)|(?:能|可以|要)[^，。；？?]{0,6}(?:取|领|报|退|补|交|缴|赔)"
                           r"[^，。；？?]{0,3}(?:几多|多少)|什么时候|么时候|啥时候|哪天|多久(?:能|才|可以)?[^，。；]{0,6}[？?吗呢]|"
                           r"多长时间|多少天|几个工作日|几天(?:能|可以|才)[^，。；]{0,6}[？?吗呢])")
_FIGURE_GIVEN = re.compile(r"(\d|百分之|%|[一二三四五六七八九十两半百千万]+\s*(?:个)?(?:月|天|年|日|周|元|块|万|小时|工作日|倍|成)|"
                           r"当[天日月年]|次日|本周|下周|本月|下月|月底|年底|明年|今年|全额|全部)")


# a consultation asking how much or how many (最多能贷多少, 排到第几, 能补几个月), said as a question, and an answer that
# gives that amount (50万元, 70%, 第126位): the amount is what was asked, so no deed, unit or date is missing
_AMOUNT_ASKED = re.compile(r"(多少|几多|第几|几个月|几位|几名|几套|几年)(?!次|回|遍|人管)")
_ASKED_SO = re.compile(r"(想知道|想问|问下|问一下|请问|咨询|[？?]|[啊呢吗呀][。！]?$|(?:多少|几多|第几)[^，。；]{0,4}了?[。！]?$)")
_AMOUNT_GIVEN = re.compile(r"(\d+(?:\.\d+)?\s*(?:万元|元|块|%|位|套|名|户|平方米|个月|年|个百分点)|百分之[一二三四五六七八九十百]+|"
                           r"第\s*[\d一二三四五六七八九十百千]+\s*(?:位|名|号))")


# a citizen asking how long they must wait (还要等多久, 什么时候能排到) and the month or day the answer expects it by
# (预计2027年3月配租) — not the day a reply is due (15个工作日内答复)
_WAIT_ASKED = re.compile(r"(?:要|得|还|才)[^，。；？?]{0,4}等?(?:多久|多长时间|到什么时候|到哪天)|(?:什么|啥|么)时候(?:能|才|可以)")
_WAIT_GIVEN = re.compile(r"(?:预计|计划|将于|定于|拟于)\s*((?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|明年\s*\d{1,2}\s*月)"
                         r"(?![^，。；]{0,12}(?:答复|回复|告知))")


def _amount_answered(appeal: str, answer: str) -> str | None:
    """The amount an answer gives to a consultation that asks how much or how many (最多能贷多少啊 → 50万元), or the
    month it expects what the citizen waits for (还要等多久 → 预计2027年3月)."""
    if _WAIT_ASKED.search(appeal) and (wait := _WAIT_GIVEN.search(answer)):
        return wait.group(0)
    if not (_AMOUNT_ASKED.search(appeal) and _ASKED_SO.search(appeal.strip())):
        return None
    m = _AMOUNT_GIVEN.search(answer)
    if m:
        return m.group(0)
    # (… or a number in the very unit asked for: 能领多少天 → 98天, 要交几年 → 15年)
    for unit in {u for u in _UNIT_ASKED.findall(appeal)}:
        given = re.search(r"\d+(?:\.\d+)?\s*(?:个)?" + unit, answer)
        if given:
            return given.group(0)
    return None


_UNIT_ASKED = re.compile(r"(?:多少|几)\s*(?:个)?(天|日|工作日|小时|周|月|年|岁|元|块|人|平方米|米|公里|度|吨)")


# what a consultation asks — where to go, how much money, what share — and what an answer must then give: a place or a
# way (到…派出所办理, 在…小程序申请), a sum of money (10元, 免费), a share (5%至12%, 七成); an answer giving other
# information of one field (提取额度 for 缴存比例, 优待内容 for 在哪办) answers another question
_ASPECTS = (
    ("办理地点", re.compile(r"(?:在哪|哪里|哪儿|去哪|到哪|什么地方|哪(?:个|所|家)(?:部门|单位|窗口|学校|医院|地方))[里儿]?(?:可以|能|才能)?"
                        r"(?:办|申请|申领|领|交|缴|补|报名|登记|咨询|投诉|查|打)"),
     re.compile(_INFO["地点方式"].pattern + r"|(?:到|去|前往|至|向|在|找|联系)[^，。；]{0,12}(?:派出所|窗口|大厅|营业厅|网点|"
                r"中心|服务站|车管所|社区|街道|居委会|村委会|局|所|医院|银行|公司|学校|单位)|APP|小程序|公众号|网站|热线|"
                r"(?:为|是|在)[\u4e00-\u9fa5]{2,8}(?:学校|小学|中学|医院|派出所|中心|大厅|窗口)")),
    ("金额", re.compile(r"(?:多少钱|几多钱|几块钱|起步价)"),
     re.compile(r"\d+(?:\.\d+)?\s*(?:元|块|角|万)|[一二三四五六七八九十两百千万]+\s*(?:元|块|角)|免费|不收(?:取)?[^，。；]{0,4}费|免收|免[^，。；]{0,4}费|不要钱|(?:无需|不需要?|不用)(?:缴|交|付|花)?[^，。；]{0,4}(?:费|钱)|全额|"
                r"\d+(?:\.\d+)?\s*[%％]|百分之|[一二三四五六七八九]成")),
    ("比例", re.compile(r"(?:比例|比率|百分之几|几成|几个点)"),
     re.compile(r"\d+(?:\.\d+)?\s*[%％]|百分之|\d+\s*成|[一二三四五六七八九]成|全额|全部")),
    # (a term asked — 最多能贷多少年, 能办几年 — is met by a span of time, not by a tier of a rate: 五年以上为2.85%)
    ("期限", re.compile(r"(?:能|可以|可|最多|最长|要|需要?|得)[^，。；？?]{0,3}(?:贷|借|租|办|签|延|用|领|交|缴)[^，。；？?了]{0,4}"
                      r"(?:多少年|几年|多长时间|多久)"),
     re.compile(r"(?:\d+|[一二三四五六七八九十两]+)\s*(?:个)?(?:年|月|天|日|工作日|小时|周)(?!以上|以下|以内|期|内的)|期限|终身|长期|永久")),
    # (a sum to borrow asked — 最多能贷多少 — is met by a sum or a multiple, not by a share paid in: 缴存比例为5%至12%)
    ("额度", re.compile(r"(?:能|可以|可|最多|最高)[^，。；？?]{0,3}(?:贷|借)[^，。；？?了]{0,4}(?:多少|几多)(?![年天月个])(?:钱|万)?"),
     re.compile(r"\d+(?:\.\d+)?\s*(?:万|元|块|倍)|[一二三四五六七八九十百千]+\s*(?:万|元|倍)|额度[^，。；]{0,6}(?:为|是|按|根据)")),
)


def _aspect_unanswered(appeal: str, answer: str) -> tuple[str, str] | None:
    """The aspect a consultation asks (its name and words) when the answer gives nothing of it."""
    if not _ASKED_SO.search(appeal.strip()) and not _ASKS.search(appeal):
        return None
    for name, asked, given in _ASPECTS:
        m = asked.search(appeal)
        if m and not given.search(answer):
            return name, m.group(0)
    return None


def _same_object_besides(places, appeal: str, answer: str) -> bool:
    """One object both texts name outside the place names (丰收路幼儿园 is where, not a kindergarten spoken of)."""
    out = re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True)))) if places else None
    a_obj, b_obj = (_objects(out.sub("，", t) if out else t) for t in (appeal, _PAPERS.sub("", answer)))
    return any(_one_of(objs, b_obj.get(field, set())) for field, objs in a_obj.items())


def _aspect_answered(appeal: str, answer: str) -> str | None:
    """Where to go, asked and told (the first of _ASPECTS): a consultation answered by the place or the way."""
    name, asked, given = _ASPECTS[0]
    return name if asked.search(appeal) and given.search(answer) else None


# a citizen asking why, and a named rule told with what it provides (《…》规定，绿道内禁止…), not 《…》相关规定 alone
_WHY = re.compile(r"(为什么|为何|为么事|为啥|凭什么|凭么事|凭啥)")
_RULE_SAID = re.compile(r"(《[^》]{2,40}》)(?:第[一二三四五六七八九十百零\d]+条)?的?(?:规定|明确)[，,：:]?([^。；]{4,})")


# a rule named as the basis (依据…招生办法, 根据《…》), and what the citizen can do under it (您…可先…, 来电人可于…申请)
_RULE_BASIS = re.compile(r"(?:依据|根据|按照|依照)(?:[^，。；]{0,20}(?:办法|条例|规定|细则|政策)|" + _RULE_NAMED + r")")
_WAY_OPEN = re.compile(r"(?:您|来电人)[^。；]{0,20}(?:可先|可以|可于|可到|可向|可在|可通过|可凭|需|须)[^。；]{4,}")


_FORBIDS = re.compile(r"(不得|不能|禁止|严禁|不允许|不予|须|需|应当)[^。；]{2,}")


def _rule_forbids(answer: str, rule: re.Match) -> bool:
    """The rule an answer names is followed by what it forbids or requires, both said, not 相关规定 / 相关条件."""
    told = _FORBIDS.search(answer[rule.end():])
    return bool(told) and not re.search(r"相关|相应|有关", answer[rule.start():rule.end() + 6] + told.group(0))


# a price or a fee complained of (涨到, 太贵, 乱收费, 收一百块), and the standard an authority approved for it, with a figure
_PRICE_ASKED = re.compile(r"(涨|贵|乱收|多收|收费|价格|价钱|起步价|[收交缴][^，。；？?]{0,8}(?:元|块|钱))")
_APPROVAL = re.compile(r"(核定|核准|批准|审定|备案|听证|政府定价|政府指导价|表决通过)")
_PRICE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*元")


def _price_approved(answer: str) -> str | None:
    """The approval an answer tells of the price or fee it states (每月300元…经区发改局核定), or None."""
    m = _APPROVAL.search(answer)
    if m and _PRICE_FIGURE.search(answer) and re.search(r"(标准|价格|价|收费|收取|费)", answer):
        return m.group(0)
    return None


def _rule_told(answer: str) -> str | None:
    """The rule an answer tells with what it provides (《武汉市东湖绿道管理办法》规定，绿道内禁止…)."""
    m = _RULE_SAID.search(answer)
    if m and not re.search(r"相关|相应|有关", m.group(2)):
        return m.group(1)
    return None


# what a consultation asks to have done, and the words an answer to it cannot do without: a lost paper is re-issued
# (补办, 挂失), money paid is returned (退费), a cost is reimbursed (报销); an answer on a neighbouring matter (新生儿
# 户口登记 for a lost 出生证明) names none of them
_ASKED_ACTS = (
    ("补办", re.compile(r"(补办|补领|补发|补证|补开|丢了|遗失|丢失|弄丢|掉了)"), re.compile(r"(补|挂失|遗失|丢失|重新申领|重新办理)")),
    ("退费", re.compile(r"(退费|退款|退钱|退不|退还|能退|可以退)"), re.compile(r"退")),
    ("报销", re.compile(r"报销"), re.compile(r"(报销|结算)")),
    # (a document to be renewed when it runs out, not replaced when lost: 换证 answered only by 补证)
    ("换领", re.compile(r"(?:证|卡|照|簿|本|牌)[^，。；？?]{0,6}(?:到期|过期|期满)|换(?:证|领|发|卡|照|新|一张|个新)|(?:怎么|怎样|如何|哪里|哪儿|在哪)换"),
     re.compile(r"(换|到期|过期|期满|有效期)")),
)


def _asked_act(appeal: str, answer: str) -> str | None:
    """The act a consultation asks about (怎么补办) when the answer never speaks of it."""
    if not _ASKS.search(appeal):
        return None
    for name, asks, says in _ASKED_ACTS:
        if asks.search(appeal) and not says.search(answer):
            return name
    return None


# ---- tone: blaming or dismissing the citizen, not the plain words of a refusal
_RUDE = re.compile(r"((?:是|怪)?(?:你|您)(?:们)?自己|自己(?:负责|解决|协商|去找|想办法|承担|处理)|自行解决|"
                   r"(?:不要|别|请勿|请不要)[^，。；]{0,6}(?:再|反复|重复|一直|老|总|天天|多次|动不动|乱|什么事都|什么都|老是|总是)[^，。；]{0,8}"
                   r"(?:打|投诉|来电|举报|反映|找|怪)|(?:反复|重复|一直)(?:投诉|来电|打电话)(?:也)?没用|占用热线|"
                   r"也没用|没有用的|很正常|都这样|都是这样|就要接受|只能接受|不想听|(?:可以|就|只能|不如|那就)搬(?:家|走)|"
                   r"(?:你|您)(?:家|们)?[^，。；]{0,10}(?:是|属于)[^，。；]{0,8}(?:问题|原因|造成|导致)|"
                   r"浪费[^，。；]{0,4}(?:资源|时间)|管不了|又不是|难道|太过分|爱找谁找谁|与我(?:们)?无关|关我们什么事|"
                   r"听信谣言|乱举报|乱投诉|没有错(?!误)|不归我们管|找别人|你嫌|嫌吵|谁让(?:你|您)|小题大做|没(?:有)?义务|照做就(?:行|是|好)|"
                   r"请(?:您|你)(?:和|与|及)?(?:邻居|家人|大家|周边居民)?[^，。；]{0,4}自觉|"
                   r"(?:防范|安全|自我保护)意识(?:有待|还需|还要)(?:加强|提高)|(?:防范|安全|自我保护)意识(?:不强|淡薄|较差|不足)|本身就(?:存在|有)(?:风险|隐患|问题|责任)|"
                   r"规定就是这样|自行想办法|(?:乘客|市民|业主|家长|顾客|消费者|车主|住户|居民)(?:应|应该|要)?自己(?!的)|不可能|"
                   r"(?:希望|请)(?:您|你)?多(?:包容|忍耐|担待)|没(?:有)?办法|无能为力|不便介入|体谅一下|(?:不要|别)过多干涉|这(?:也|种事也|点事也)要打|包容一下|忍一忍|戴耳塞|何必(?:投诉|打电话|来电|举报|计较|较真|当真)|不就(?:行|好|完|得|没事)了|"
                   r"有什么好(?:投诉|举报|计较|说)的|(?:你|您)们?[^，。；]{0,8}私事)")
_YOU = re.compile(r"你(?!们好)")

# bigrams that say nothing of a matter (filler of appeals and answers)
_FILLER = frozenset("问题 反映 您好 我们 你们 他们 这个 那个 那边 这边 一个 没有 已经 现在 就是 还是 可以 不能 什么 怎么 "
                    "情况 相关 进行 工作 单位 市民 来电 核实 经核 处理 感谢 支持 理解 谢谢 小区 门口 旁边 附近 时候 "
                    "晚上 每天 天天 一直 好几 几天 已于 于当 当日 月日 区的 的问 关于".split())
_DISTRICT = re.compile(r"([\u4e00-\u9fa5]{2})(?<![小社片城景园街辖市郊校厂住宅营本该全各两我此试矿库禁商老分生给到回去向由经转至交报请])区"
                       r"|([\u4e00-\u9fa5]{2})县")
_NOT_DISTRICT_KEYS = frozenset({"活区", "住区", "居民", "工业", "开发", "示范", "功能", "保护", "服务", "办公", "停车", "绿化",
                                "施工", "作业", "教学", "宿舍", "危险", "禁烟", "休闲", "娱乐", "候车", "等候"})


# ---- the object an appeal is about: families of one thing (its synonyms and variants), grouped by field, so that an
# answer about a sibling object of the same field (公积金 for 社保, 生活垃圾 for 建筑垃圾) is read as another matter
_OBJECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "社会保障": {
        "住房公积金": ("公积金",),
        "社会保险": ("社保", "社会保险", "养老保险", "失业保险", "工伤保险", "生育保险", "五险"),
        "医保": ("医保", "医疗保险", "医保卡", "家庭共济", "异地就医"),
        "养老金": ("养老金", "退休金", "退休工资", "养老待遇", "养老保险待遇", "待遇领取资格认证"),
        "失业金": ("失业金", "失业保险金"),
        "社保卡": ("社保卡", "社会保障卡"),
    },
    "证照": {
        "护照": ("护照",),
        "港澳台通行证": ("港澳通行证", "往来港澳", "台湾通行证", "往来台湾", "签注"),
        "身份证": ("身份证",),
        "居住证": ("居住证", "暂住证", "暂住登记", "居住登记"),
        "驾驶证": ("驾驶证", "驾照"),
        "机动车检验": ("年检", "年审", "检验标志"),
        "落户": ("落户", "户口迁移", "户籍迁移", "上户口"),
        "无犯罪记录证明": ("无犯罪记录",),
    },
    "升学": {
        "中考": ("中考", "升高中", "高中招生"),
        "高考": ("高考",),
        "小学入学": ("小学入学", "上小学", "小学报名", "幼升小"),
        "小升初": ("小升初", "上初中", "初中入学", "初中招生"),
        "幼儿园": ("幼儿园", "入园", "保教费"),
        "课后服务": ("课后托管", "课后服务"),
        "校外培训": ("校外培训", "培训机构", "补习班"),
        "食堂": ("食堂", "营养餐"),
        "校服": ("校服",),
        "校车": ("校车",),
        "学生欺凌": ("欺凌", "霸凌", "被同学打", "同学打了", "被同学欺负", "校园暴力"),
    },
    "垃圾": {
        "建筑垃圾": ("建筑垃圾", "装修垃圾", "渣土", "砖头", "水泥块", "碎砖", "建渣"),
        "生活垃圾": ("生活垃圾", "厨余垃圾"),
        "大件垃圾": ("大件垃圾",),
    },
    "排水": {
        "化粪池": ("化粪池", "粪池", "粪水"),
        "雨水管网": ("雨水井", "雨水管", "雨水口", "雨水篦子"),
        "污水管": ("污水管", "下水道", "下水管", "排污管"),
        "井盖": ("井盖", "窨井盖", "下水道盖"),
    },
    "消防": {
        "消防栓": ("消防栓", "消火栓"),
        "消防通道": ("消防通道", "消防车道", "生命通道", "安全出口"),
    },
    "供水": {
        "水质": ("水质", "黄水", "锈水", "铁锈", "锈味", "泥巴味", "氯味", "漂白粉味", "消毒水味", "浑浊", "水发黄", "水很黄", "余氯", "消毒剂", "浊度", "水样",
                 "水有点黄"),
        "水压": ("水压", "加压泵", "二次供水泵", "水泵"),
        "水表": ("水表", "表前阀"),
    },
    "供电": {
        "电费": ("电费",),
        "电表": ("电表",),
        "电压": ("电压", "变压器"),
    },
    "公交": {
        "候车设施": ("遮雨棚", "遮阳棚", "候车亭", "站台顶棚", "候车座椅", "站台座椅", "座椅"),
        "站牌": ("站牌", "电子站牌", "站名牌"),
        "站台灯箱": ("广告灯箱", "灯箱"),
        "线路班次": ("公交线路", "线路调整", "班次", "发车间隔", "首末班", "改线", "撤线"),
    },
    "快递": {
        "快递柜": ("快递柜", "丰巢", "智能柜", "取件柜", "快递箱"),
        "快递驿站": ("驿站", "快递点", "代收点"),
    },
    "照明": {
        "路灯": ("路灯", "灯杆"),
        "楼道灯": ("楼道灯", "声控灯", "感应灯", "楼道里的灯", "楼道照明"),
    },
    "游乐健身": {
        "儿童游乐设施": ("滑梯", "秋千", "跷跷板", "蹦床", "儿童游乐设施", "游乐设施"),
        "健身器材": ("健身器材", "单杠", "双杠", "漫步机", "健身路径", "扭腰器", "太空漫步"),
    },
    # (what hangs on a building's face: a citizen who fears a rusty air-conditioner bracket is not answered by a sign taken
    # down on the same wall)
    "外墙附着物": {
        "外墙砖": ("瓷砖", "墙砖", "墙皮", "外墙砖", "外墙皮"),
        "广告招牌": ("广告牌", "招牌", "店招", "广告设施"),
        "空调外机": ("空调外机", "空调架", "外机支架", "外机架"),
    },
    # (what an estate's management charges and what it files: a fee doubled is not answered by the contract's filing)
    "物业": {
        "物业费": ("物业费", "物业服务费", "物业管理费", "物业收费"),
        "物业备案": ("资质备案", "合同备案", "合同已依法备案", "完成备案"),
    },
    "停车充电": {
        "充电桩": ("充电桩", "充电设施"),
        "停车位": ("停车位", "车位不足", "停车难"),
        "共享单车": ("共享单车", "共享电单车"),
        "流动摊贩": ("摊贩", "流动摊"),
    },
}
# a general object takes in some of its field's others (社保 → 养老金, 失业金; 下水道 → 化粪池), and some siblings are
# one thing to a citizen (医保卡 is the 社保卡; a meter's reading is the bill): hub → the objects it is one with
_ONE_THING = {"社会保险": frozenset({"养老金", "失业金", "医保", "社保卡"}), "医保": frozenset({"社保卡"}),
              "电费": frozenset({"电表"}), "污水管": frozenset({"化粪池", "雨水管网", "井盖"})}
_OBJECT_OF = {w: (field, obj) for field, objs in _OBJECTS.items() for obj, words in objs.items() for w in words}
_OBJECT_WORDS = re.compile("|".join(sorted(map(re.escape, _OBJECT_OF), key=len, reverse=True)))


def _objects(text: str) -> dict[str, set[str]]:
    """The objects a text names, by field: {"社会保障": {"住房公积金"}}."""
    out: dict[str, set[str]] = {}
    for m in _OBJECT_WORDS.finditer(text):
        field, obj = _OBJECT_OF[m.group(0)]
        out.setdefault(field, set()).add(obj)
    return out


def _one_of(these: set[str], those: set[str]) -> bool:
    """Do two sets of objects of one field share a thing (the same object, a general one, or one thing by two names)?"""
    if not those:
        return False
    if these & those:
        return True
    return any(b in _ONE_THING.get(a, ()) or a in _ONE_THING.get(b, ()) for a in these for b in those)


def _other_object(a_obj: dict[str, set[str]], b_obj: dict[str, set[str]],
                  whole: dict[str, set[str]]) -> tuple[str, str] | None:
    """The appeal's object and the other object of its field the answer speaks of instead (``b_obj``: the objects of
    its restatement, or of the whole answer, ``whole``, when it has none), when the answer names none of the appeal's
    objects (公积金 answered about 社保; 建筑垃圾 about 生活垃圾; 声控灯 about 路灯)."""
    for field, objs in a_obj.items():
        if field in b_obj and not _one_of(objs, b_obj[field]) and not _one_of(objs, whole.get(field, set())):
            return "、".join(sorted(objs)), "、".join(sorted(b_obj[field]))
    return None


# ---- what happened to a thing: a citizen's and a unit's words for one trouble (不亮 / 熄灭, 满了 / 未清运), so that an
# answer about another trouble of the appeal's own object (灯杆歪斜 for 路灯不亮, 垃圾桶破损 for 垃圾桶满了) is read as
# another matter; each kind also holds a unit's words for its remedy (恢复照明, 清运, 止水); 故障 / 坏了 / 损坏 name
# every trouble and decide nothing
_TROUBLES: dict[str, tuple[str, ...]] = {
    "不工作": ("不亮", "不制冷", "不制热", "不出水", "不工作", "失灵", "不能用", "用不了", "停运", "停用", "停在半", "卡住",
            "无法使用", "灭了", "熄灭", "不能正常", "没电", "没信号", "死机", "一直不开", "空调不开", "老是停", "总是停",
            "经常停", "制冷", "充不进", "充不上", "充不了", "无法充电", "不能充电", "不显示", "黑屏",
            "没有热水", "没热水", "恢复照明", "恢复运行", "运行正常", "恢复供", "恢复使用", "恢复正常", "正常使用", "恢复通", "亮灯", "通电"),
    "歪倒": ("歪", "倾斜", "倒伏", "倒塌", "扶正", "倒地"),
    "渗漏": ("漏水", "渗水", "漏气", "冒水", "渗漏", "滴水", "爆管", "破裂", "外溢", "冒污水", "止水", "关阀", "堵漏", "不再漏",
           "防水", "漏雨", "渗雨"),
    "遮挡占用": ("遮挡", "挡住", "遮住", "挡光", "占用", "占了", "占着", "占道", "堵住", "堵死", "被占", "违停", "乱停", "晾晒",
             "堆放", "摆到", "摆在", "摆满", "摆放", "堵着", "堵门", "堵塞小区", "堵塞出入口", "堵塞通道", "堵塞消防",
             "堵塞大门", "堵塞路口"),
    "堵塞": ("堵塞", "堵了", "淤堵", "疏通", "堵住", "堵死", "畅通", "排水恢复"),
    "满溢": ("满了", "满溢", "溢出", "外溢", "没人收", "未清运", "清运不及时", "未及时清运", "堆满", "没人清", "清运", "清理", "清掏", "收运"),
    "破损": ("破损", "破了", "缺损", "断裂", "开裂", "裂开", "裂缝", "碎了", "缺失", "丢失", "被盗", "不见了", "脱落", "掉落", "掉下来",
           "掉了一个", "掉了一块", "塌陷", "塌了", "个坑", "大坑", "深坑", "坑洼", "回填",
           "铣刨", "重铺", "摊铺", "罩面"),   # (a worn road's remedy: milled and laid again)
    "拱起": ("拱起", "拱坏", "拱翻", "拱得", "凸起", "隆起", "翘起", "松动", "晃动", "晃荡", "踩就晃", "咣当", "哐当", "不平", "铺平", "重新铺", "平整",
           "加固"),
    "老化": ("老化", "锈蚀", "生锈", "腐蚀"),
    "计量": ("走得快", "走得特别快", "走字快", "计量", "不准确", "计量不准", "偏快", "多收", "多计", "读数", "检定", "秤不准", "超差"),
    # (what a citizen finds of a place's or a vehicle's upkeep, its price, its waiting, its people and its hours: a
    # canteen's portions are not its hygiene, a car park's queue not its fee, an air conditioner off not a driver smoking)
    "脏臭": ("脏", "不干净", "卫生", "尿", "鸟屎", "污渍", "发臭", "臭", "异味", "苍蝇", "蟑螂", "老鼠", "清洁", "清洗", "冲洗",
           "消毒", "消杀", "保洁", "擦洗", "打扫"),
    "价格": ("收费", "费用", "价格", "定价", "标价", "太贵", "又贵", "很贵", "涨价", "多收", "挂号费", "停车费", "票价"),
    "分量": ("分量", "太少", "又少", "量少", "吃不饱", "不够吃", "缺斤少两", "短斤少两"),
    "排队拥堵": ("排队", "排长队", "排一个", "拥堵", "堵车", "进不去", "出不来", "增开", "加开", "疏导", "分流", "预约", "拥挤",
             "太挤", "挤不上", "挤死"),
    "吸烟": ("吸烟", "抽烟", "禁烟", "烟头", "烟味"),
    "驾驶": ("急刹", "开得太猛", "开得太快", "开太快", "超速", "绕路", "绕道", "甩客", "拒载", "驾驶行为", "急刹行为", "逆行",
           "闯红灯", "速度又快", "速度快", "骑得快", "骑得飞快", "开得飞快", "飙车"),
    "时长": ("时间太短", "时间短", "时长", "绿灯时间", "过不完", "开放时间", "营业时间", "开门时间", "关门太早", "锁门", "关门早",
           "关得早", "就关门", "一直锁着"),
    "温度": ("太冷", "太热", "冷得", "冻得", "热得", "闷热", "温度过低", "温度过高", "温度偏低", "温度偏高", "设定温度", "弱冷",
           "不热", "不暖和", "不够热"),
    "积水": ("积水", "水淹", "淹了", "蓄水", "排水"),
    "准点": ("准点", "准时发车", "晚点", "间隔", "等了半天", "等很久", "等太久", "半天不来", "半天等不到", "不按时",
           "时刻表", "脱班", "大间隔", "班次少", "车太少"),
    # (a hospital's numbers to see a doctor, a place's spaces to park, a tree's pests)
    "号源": ("挂号难", "挂不上", "挂不到", "号难挂", "抢不到号", "放号", "号源", "一号难求"),
    "车位": ("停车难", "没地方停", "没处停", "车位不足", "车位紧张", "车位太少", "新增车位"),
    "虫害": ("虫子", "虫害", "毛毛虫", "白蚁", "蚜虫", "病虫害", "杀虫", "喷药", "虫巢", "生虫"),
    # (what a works or a site lets out: its dust, its waste water, its fumes, each met by remedies of its own)
    "扬尘": ("灰尘", "扬尘", "粉尘", "灰大", "全是灰", "落灰", "一层灰", "起灰", "降尘", "抑尘", "洒水", "喷淋", "雾炮",
           "防尘网", "苫盖"),
    "废水": ("废水", "污水外排", "偷排污水", "排污口", "沉淀池", "往沟里排", "往河里排", "排到沟", "排进",
           "泼在", "泼到", "泼洒", "乱泼"),
    "废气": ("废气", "黑烟", "冒烟", "烟尘", "除尘设施", "废气处理", "排气筒"),
    # (a wall or a ceiling that grows mould, whatever wet it: a leak stopped does not clean the mould)
    "发霉": ("发霉", "长霉", "霉斑", "霉点", "黑霉", "霉菌", "霉变", "防霉", "返潮", "受潮"),
    "人员配备": ("救生员", "人员配备", "配备情况", "人手不足", "没人值守", "无人值守", "在岗", "健康证"),
}
# (卫生 of a building or an office — 卫生间, 卫生院, 卫生健康局 — names no upkeep)
# (… nor a place named by its fee: 收费站, 收费员; nor 长满了虫子 a full bin; nor a kitchen's 油烟味 a smoker's 烟味)
_NOT_TROUBLE = re.compile(r"油烟味|卫生(?=间|院|局|所|室|健康|部门|服务中心|站)|收费(?=站|员|处|窗口|口)|长满了?")
# (an answer that tells a cause speaks of the appeal's trouble through it: 路灯不亮 … 系电缆被盗所致)
_CAUSE = re.compile(r"(所致|导致|造成|引起|原因是|原因系|系因)")
# troubles one cause often brings about together (a burst pipe leaks, an old one breaks; what fills a place
# occupies it: 摆满了摊子 is 占道)
_TROUBLE_KIN = {frozenset(p) for p in (("渗漏", "破损"), ("渗漏", "满溢"), ("渗漏", "老化"), ("破损", "老化"), ("破损", "拱起"),
                                       ("不工作", "老化"), ("堵塞", "满溢"), ("遮挡占用", "堵塞"), ("遮挡占用", "满溢"), ("破损", "歪倒"),
                                       ("脏臭", "满溢"), ("脏臭", "堵塞"), ("脏臭", "渗漏"), ("价格", "计量"),
                                       ("价格", "分量"), ("分量", "计量"), ("价格", "驾驶"), ("计量", "驾驶"), ("排队拥堵", "遮挡占用"),
                                       ("排队拥堵", "人员配备"), ("排队拥堵", "准点"),
                                       ("车位", "排队拥堵"), ("车位", "遮挡占用"), ("虫害", "脏臭"), ("温度", "不工作"),
                                       ("积水", "堵塞"), ("积水", "满溢"), ("积水", "渗漏"))}
_TROUBLE_OF: dict[str, set[str]] = {}
for _kind, _words in _TROUBLES.items():
    for _w in _words:
        _TROUBLE_OF.setdefault(_w, set()).add(_kind)
_TROUBLE_WORDS = re.compile("|".join(sorted(map(re.escape, _TROUBLE_OF), key=len, reverse=True)))


# (a passage, a lane or a road kept clear — 消防通道畅通, 道路通行畅通 — is free of what stood in it, not a drain unblocked:
# it meets a road blocked by lorries, not a smell)
_CLEAR_WAY = re.compile(r"(?:通道|车道|道路|路面|通行|交通|出入口)[^，。；]{0,12}(?:畅通|通畅)")


def _troubles(text: str) -> set[str]:
    """The kinds of trouble a text says its thing has (路灯不亮 → 不工作; 灯杆歪斜 → 歪倒)."""
    text = _CLEAR_WAY.sub("，占用，", _NOT_TROUBLE.sub("，", text))
    return {k for m in _TROUBLE_WORDS.finditer(text) for k in _TROUBLE_OF[m.group(0)]}


def _trouble_met(these: set[str], those: set[str]) -> bool:
    return bool(these & those) or any(frozenset((a, b)) in _TROUBLE_KIN for a in these for b in those)


@dataclass(frozen=True)
class Score:
    name: str
    score: float
    why: str

    def as_dict(self) -> dict:
        return {"score": round(self.score, 2), "label": LABELS[self.name], "why": self.why}


@dataclass(frozen=True)
class Check:
    scores: tuple[Score, ...]
    total: float
    weak: bool

    def as_dict(self) -> dict:
        return {"total": round(self.total, 2), "weak": self.weak, "scores": {s.name: s.as_dict() for s in self.scores}}

    def summary(self) -> str:
        low = [s for s in self.scores if s.score < 0.5]
        return "；".join(s.why for s in low) or "答复完整规范"


def _bigrams(text: str, drop: set[str] | frozenset[str] = frozenset()) -> set[str]:
    runs = re.findall(r"[\u4e00-\u9fa5]+", text)
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)} - _FILLER - set(drop)


def _districts(text: str) -> set[str]:
    """The districts or counties a text names (洪山区 → 洪山, 东西湖区 → 西湖): compared, never looked up."""
    return {m.group(1) or m.group(2) for m in _DISTRICT.finditer(text)} - _NOT_DISTRICT_KEYS


def _district_bigrams(text: str) -> set[str]:
    """The two-character pieces of the districts a text names, with their 区 (洪山区 → 洪山, 山区)."""
    return {m.group(0)[i:i + 2] for m in _DISTRICT.finditer(text) if (m.group(1) or m.group(2)) not in _NOT_DISTRICT_KEYS
            for i in range(len(m.group(0)) - 1)}


def _topic(answer: str) -> str | None:
    """What the answer says the appeal was about, in its own words (您反映的【墨水湖绿道电动车快速通行】问题)."""
    for m in _TOPIC.finditer(answer):
        t = (m.group(1) or m.group(2) or "").strip()
        t = re.sub(r"^(?:您|你|市民|来电)?(?:所|在)?(?:反映|提出|咨询)?的?", "", t)
        if len(t) >= 2 and not _GENERIC_TOPIC.match(t):
            return t
    return None


# what an answer without its own restatement says it acted on: 对【钟家村站公共卫生间】进行了维修, 对【辖区大型超市】开展了…检查
_ACTED_ON = re.compile(r"对(?:该|此|辖区|您[^，。；]{0,4}的)?([^，。；对]{2,30}?)(?:的)?(?:问题|行为|情况)?"
                       r"(?:进行了?|开展了?|实施了?|加大(?:了)?|予以|作了|作出了?)")


def _acted_on(answer: str) -> str | None:
    """What an answer with no 您反映的……问题 of its own says the unit acted on (对钟家村站公共卫生间进行了维修): read in
    its place as the answer's matter, so that an answer about another thing at one place is still seen as such."""
    m = _ACTED_ON.search(answer)
    if not m:
        return None
    t = m.group(1).strip()
    return t if len(t) >= 2 and not _GENERIC_TOPIC.match(t) else None


def _acted_clause(answer: str) -> str:
    """The whole clause of what an answer says it acted on, with the act (对江汉路步行街的餐饮门店开展了食品安全检查): a
    kind of shop alone (餐饮门店) names little of a thing, the check made of it names the rest."""
    m = _ACTED_ON.search(answer)
    return re.split(r"[，。；！？]", answer[m.start():])[0] if m else ""


_PLACE_KIND = re.compile(r"(路|街|道|巷|里|村|湾|桥|园|苑|城|庭|府|居|墅|区|广场|公园|站|湖|江滩|绿道|港|镇|乡|山|洲|岛|坊|寺|"
                         r"口|市场|菜场|学校|小学|中学|大学|医院|商场|超市|大厦|中心)$")


# an office a matter is handed to (由区农业农村局渔政执法大队查处) is who takes it, not where it is
_OFFICE_IN = re.compile(r"(?:由|交|转)?[^，。；]{0,8}(?:局|委员会|执法|大队|支队)")


def _is_place(name: str) -> bool:
    """A place name as a matter reads it (汉正街, 黎黄陂路), not a stray phrase it took for one (商店向), nor the office
    a matter is handed to (电鱼行为由区农业农村局渔)."""
    return bool(_PLACE_KIND.search(name)) and not _OFFICE_IN.search(name)


# ---- whose case: a citizen who gives a name (我是刘建华, 我叫陈芳, 本人姓王) is answered about someone else when the
# answer's own addressee or petitioner is another surname (关于王桂兰女士反映的…, 李先生您好); a name in passing (楼上住户
# 李先生同意…) is not whose case the answer is about
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                      "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
                      "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
                      "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
                      "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
                      "苑迟邝")
_SELF_NAME = re.compile(r"(?:我姓|本人姓)([\u4e00-\u9fa5])|(?:我是|我叫|本人|我的名字(?:是|叫)|"
                        r"(?:我|我的|我家)(?:妈|妈妈|母亲|爸|爸爸|父亲|老伴|爱人|丈夫|妻子|老公|老婆|儿子|女儿|奶奶|爷爷|外婆|外公)"
                        r"(?:叫|名叫|姓名是?|是))([\u4e00-\u9fa5]{2,3}?)(?=[，,。；;、（(\s]|$)")
_WHOSE = re.compile(r"([\u4e00-\u9fa5]{1,3}?)(?:某+|先生|女士|老先生|老太太|老人|同志|阿姨|师傅)"
                    r"(?=(?:所|本人|家属|的家属)?(?:反映|来电|申请|投诉|咨询|提出|诉求|的诉求|的申请|的问题|您好|：|:))")


def _self_name(appeal: str) -> str | None:
    """The name a citizen gives of themself (我是刘建华 → 刘建华; 我姓王 → 王), when it reads as a name."""
    for m in _SELF_NAME.finditer(appeal):
        name = m.group(1) or m.group(2)
        if name[0] in _SURNAMES and not re.search(r"[人的区市县村镇户者员工生主]$", name):
            return name
    return None


def _other_person(name: str | None, answer: str) -> str | None:
    """Whose case the answer is about (关于王桂兰女士反映的…) when it is not the citizen's own, ``name`` (the name the
    citizen gives, :func:`_self_name`: 我是刘建华)."""
    if not name or name in answer:
        return None
    for m in _WHOSE.finditer(answer):
        who = m.group(1)
        # (the surname is the first of the name's characters, or the last when only a surname precedes 先生)
        if name[0] in who[-1:] or (len(who) >= 2 and name[0] in who):
            return None
        if who[-1] in _SURNAMES or (len(who) >= 2 and who[-2] in _SURNAMES) or (len(who) == 3 and who[0] in _SURNAMES):
            return m.group(0)
    # (a surname with its title whose case the answer tells — 经核实，王先生的医保报销款 — for a citizen who gave another)
    for m in _TITLED.finditer(answer):
        if m.group(1) in _SURNAMES and m.group(1) != name[0]:
            return m.group(0)
    return None


_TITLED = re.compile(r"([\u4e00-\u9fa5])(?:先生|女士)(?=的|本人|[，,：:])")


_PART = re.compile(r"([东南西北]门|[东南西北]侧|[东南西北]区|[一二三四五六七八九十\d]+(?:栋|号楼|幢|单元|期))")


def _place_bigrams(places, joins: bool = False) -> set[str]:
    """The two-character pieces of places' own names: without their district (汉阳区) and without the kind of
    place (大道, 路, 小区, 那边), so that 汉阳大道 is not 汉阳区琴台大道 because both say 汉阳 and 大道. With ``joins``,
    also the piece that joins the name to its kind (丰路 of 宝丰路): still the place's name, not what either text says
    of it (for the pieces two texts share besides where)."""
    out: set[str] = set()
    for p in places:
        core = re.sub(r"某|该|一个|那个|这个|有个", "", _DISTRICT.sub("", p))   # 某湖, 某小区: a name withheld
        core = re.sub(r"(小区|片区|路段|段|附近|周边|门口|那边|这边)$", "", core)
        named = core
        core = re.sub(r"(大道|大街|路|街|巷|道)$", "", core)
        out |= {core[i:i + 2] for i in range(len(core) - 1)}
        if joins and core and len(named) > len(core):
            out.add(core[-1] + named[len(core)])
    return out


# the kind of a place said after its name (光谷天桥, 钟家村站, 梨园广场): the appeal's 天桥 does not make 光谷天桥 its place
_KIND_TAIL = re.compile(r"(人行天桥|天桥|地下通道|通道|隧道|地铁站|公交站|火车站|车站|站台|站|广场|公园|菜市场|菜场|市场|医院|"
                        r"学校|小学|中学|江滩|绿道|码头|商场|大厦)$")


def _name_bigrams(place: str) -> set[str]:
    """The two-character pieces of a place's name without its kind (光谷天桥 → 光谷), or with it when the kind is all
    there is of it."""
    grams = _place_bigrams([place])
    tail = _KIND_TAIL.search(place)
    if not tail:
        return grams
    named = _place_bigrams([place[:tail.start()]])
    return named or grams


# where a thing is, not the thing: 小区楼顶的避雷针 and 小区楼顶晾衣架 share only where they are
_SETTING = re.compile(r"(小区|楼顶|楼道|楼下|楼上|楼栋|屋顶|天台|门口|门前|出入口|出口|入口|路口|路边|路段|马路|人行道|绿化带|公交站|地铁站|"
                      r"站台|车站|便利店|超市|商场|商店|菜场|菜市场|市场|公园|广场|景区|学校|小学|中学|医院|村里|河边|湖边|"
                      r"江边|工地|工厂|单位|家里|我家|附近|周边|那边|这边|对面|旁边|楼里|里面|外面|某|该|一个|那个|这个|有人|"
                      r"早上|上午|中午|下午|晚上|夜里|半夜|凌晨|每天|天天|一直|经常|老是|总是|好多|很多|都|了|的|在|被|把|给)")
# a shop or a station is where a thing is as much as a roof is (理发店的音响 and 理发店办卡; 钟家村站的直梯 and 钟家村站卫生间):
# in the comparison of things only
_VENUE = re.compile(r"((?:[\u4e00-\u9fa5]{2,4}(?:号线|地铁|公交))?[\u4e00-\u9fa5]{2,3}站|地铁\s*\d*\s*(?:号线)?|\d+\s*号线|理发店|美发店|发廊|药店|药房|大药房|饭店|饭馆|餐馆|餐厅|面馆|"
                    r"小卖部|小吃店|水果店|奶茶店|烧烤店|网吧|棋牌室|麻将馆|洗车店|修车店|宾馆|酒店|旅馆|诊所|健身房|"
                    r"培训班|游泳馆|歌厅|酒吧|茶楼|浴室|洗浴中心|足浴店|按摩店|门店|店铺|商铺|门面|店家|商户|老板)")
_THING_FILLER = frozenset("得很 太多 不了 不到 不到 怎么 什么 我们 你们 没有 一下 一点 已经 现在 根本 整个 大家 市民 "
                          "您好 关于 反映 问题 情况 您反 映的".split())

# the two-character pieces of a bare act (进行了检查): the act says what was done, not what of
_ACT_FILLER = frozenset("进行 行了 开展 展了 实施 施了 检查 整治 清理 规范 专项 了专 了检 了整 了清 了规 行检 行整 展检 展专".split())
_PLAIN_CHARS = frozenset("被了的不人有一是在把给都很得太没也就还又个这那我你他们上下里来去到对着")


def _things(text: str, places) -> set[str]:
    """The two-character pieces of what a text names, without the places (汉正街), the settings (小区、楼顶、门口) or
    times and filler words: what is left is the thing and what happened to it (避雷针被人拆, 晾衣架被拆)."""
    for p in sorted(places, key=len, reverse=True):
        text = text.replace(p, "，")
    text = _SETTING.sub("，", _VENUE.sub("，", _DISTRICT.sub("，", text)))
    return _bigrams(text) - _THING_FILLER


# problems the lexicon reads from where a thing is as much as from what it is (湖里, 河里, 水面 → 水体污染)
_WHERE_CONCEPTS = frozenset({"water_body"})


def _core(concepts: frozenset[str], lexicon) -> frozenset[str]:
    """The problems a text names: not a time of day, and — when it names more — not a symptom many problems
    cause (吵) nor who causes them (物业, 工地): two texts sharing only 噪音 or 物业 are not about one problem."""
    problems = concepts - lexicon.modifiers()
    core = problems - lexicon.symptoms() - lexicon.sources()
    return core or problems


# the words of a report that could answer any appeal
_TEMPLATE = re.compile(r"(高度重视|依法依规|妥善处(?:理|置)|良好(?:效果|成效)|组织力量|第一时间|认真(?:核查|处理|落实|对待)|"
                       r"切实(?:维护|解决|保障)|举一反三|综合施策|多措并举|长效机制)")


# a whole unit or place found in order (各项指标符合要求, 环境整洁, 设备完好, 运行良好)
_WHOLE_IN_ORDER = re.compile(r"(各项[^，。；]{0,8}(?:符合|达标|正常|良好)|环境整洁|设备完好|运行良好|管理规范)")


# (证明 before 证: a list that opens on 出生医学证明 goes on past it to 身份证、户口簿)
_PAPERS = re.compile(r"(?:携带|带上|带好|带|凭|持|提交|出示)(?:本人)?[^，。；到在]{0,30}?(?:证明|证|簿|照片|合同|材料|复印件)"
                     r"(?:[、和及或][^，。；到在]{0,12}?(?:证明|证|簿|照片|合同|材料|复印件))*")


_RESULT_DONE = re.compile(r"(?:已|已经|均已)[^，。；]{0,4}(?:修好|换好|装好|弄好|修复|更换|换新|疏通|清理|清运|处理好|维修)"
                          r"(?:完毕|完成|好|到位)?|(?:完毕|恢复正常|现已正常|可正常使用)")


# who acts without a field of its own: a unit's name that tells its field (自来水公司, 园林局) tells what it did too
_GENERIC_ACTOR = re.compile(r"(物业(?:公司|服务中心|服务企业)?|社区|居委会|村委会|街道|网格员|工作人员|维修人员|施工单位|养护单位)")


@functools.lru_cache(maxsize=4096)
def _names_no_thing(answer: str) -> bool:
    """A short answer telling a result done (已修好, 更换完毕) with when, whose every concept is read from the name of a
    field-less actor (物业, 社区) and that does nothing to a named object (对…进行检修): it names no thing at all.
    (Asked up to three times of one answer — relevance twice, tone —: read once.)"""
    if len(answer) > 40 or not _WHEN.search(answer) or not _RESULT_DONE.search(answer):
        return False
    if re.search(r"对[^，。；]{2,}(?:进行|开展|实施)", answer):
        return False
    bare = _GENERIC_ACTOR.sub("，", answer)
    return not _core(matter_of(bare, None).concepts, load_lexicon())


_WHOLE_STRETCH = re.compile(r"^(?:全段|全线|全路段|全路|沿线|全程|整段|整条路)$")


def _relevance(appeal: str, answer: str) -> Score:
    lexicon = load_lexicon()
    a = matter_of(appeal, None)
    topic = _topic(answer) or _acted_on(answer)
    b = matter_of(topic or answer, None)
    problems, said = _core(a.concepts, lexicon), _core(b.concepts, lexicon)
    # (a terse result that names no thing, only who did it and when — 社区已联系物业，12月5日下午已修好 — speaks of the
    # appeal's own thing: the lexicon's reading of 物业 there is who acted, not another matter)
    if not topic and said and _names_no_thing(answer):
        said = frozenset()
    answer_all = matter_of(answer, None).concepts if topic else b.concepts   # (read once: b is the answer's without one)
    whole = _core(answer_all, lexicon) if topic else said
    place_grams = _place_bigrams(a.places, joins=True) | _place_bigrams(b.places, joins=True)
    # (a district both name is where, not what: 洪山区 in 洪山区某奶茶店占道经营 says nothing of a noisy fan)
    shared_grams = (_bigrams(appeal, place_grams) & _bigrams(topic or answer, place_grams)) - _district_bigrams(appeal)
    labels = lambda keys: "、".join(lexicon.label(c) for c in sorted(keys, key=lexicon.rank))  # noqa: E731

    # another person's case: the citizen gives a name, the answer is about someone else's
    name = _self_name(appeal)
    other_person = _other_person(name, answer)
    if other_person and name:
        caller = f"{name}姓来电人" if len(name) == 1 else f"来电人{name}"
        return Score("relevance", 0.1, f"答复说的是另一位市民（{other_person}）的事，不是{caller}的诉求")
    # another place: the answer's matter is at a district or place the appeal does not name, while the appeal names one
    # (an answer with no restatement is read by its lead clause: 经查，珞狮北路盲道已于9月3日清理完毕)
    where = topic or _lead_clause(answer)
    if where:
        da, dt = _districts(appeal), _districts(where)
        other_district = bool(da and dt and not da & dt)
        t_places = [p for p in (b if topic else matter_of(where, None)).places if _is_place(p) and _place_bigrams([p])]
        a_places = [p for p in a.places if _is_place(p) and _place_bigrams([p])]   # not 江夏区 alone
        said_grams = _bigrams(_DISTRICT.sub("", appeal))
        # (an appeal naming only its district leaves the answer free to name the place within it)
        # (a place both read, though the appeal said it by another name — 汉街 for 楚河汉街 —, is the appeal's own)
        other_place = bool(t_places and a_places and not any(
            p in a.places or _name_bigrams(p) & said_grams and not _other_side(p, a_places) for p in t_places))
        # (… though a lead clause may name where a unit sits or a cause lies: there only a district the appeal does not
        # name, or another side of its road, is another place)
        if not topic:
            other_place = other_place and all(_other_side(p, a_places) for p in t_places)
        # … or another part of one place (西门 for 东门, 3栋 for 5栋)
        first, pt = _PART.search(appeal), set(_PART.findall(topic or ""))
        if first and pt and first.group(0) not in pt:
            return Score("relevance", 0.1, f"答复说的是“{'、'.join(sorted(pt))}”，诉求反映的是“{first.group(0)}”")
        if other_district or other_place:
            here = "、".join(a_places[:1]) or "、".join(sorted(da))
            there = "、".join(t_places[:1]) or where[:12]
            return Score("relevance", 0.1, f"答复说的地点（{there}）不是诉求反映的地点（{here}）")
    # another object of one field: the answer speaks of a sibling (公积金 for 社保) and never of the appeal's own
    # (the papers a consultation's answer says to bring — 带身份证、租房合同 — are not what it speaks of)
    a_objects, answer_objects = _objects(appeal), _objects(_PAPERS.sub("", answer))
    other = _other_object(a_objects, _objects(topic) if topic else answer_objects, answer_objects)
    if other:
        return Score("relevance", 0.15, f"答复说的是“{other[1]}”，而诉求反映的是“{other[0]}”，不是同一件事")
    same_object = any(_one_of(objs, answer_objects.get(field, set())) for field, objs in a_objects.items())
    # … or an object of another field in the restatement (电表 for 水表), the appeal's own named nowhere in the answer
    t_objects = _objects(topic) if topic else {}
    if a_objects and t_objects and not same_object and not set(t_objects) & set(a_objects):
        mine = "、".join(sorted(o for objs in a_objects.values() for o in objs))
        theirs = "、".join(sorted(o for objs in t_objects.values() for o in objs))
        return Score("relevance", 0.15, f"答复说的是“{theirs}”，而诉求反映的是“{mine}”，不是同一件事")
    # another problem: the matter the answer speaks of shares no problem and no wording with the appeal's, and
    # nothing else in the answer takes the appeal's problem up (a unit's own words for it, 养犬 for 大狗, are
    # usually followed by the citizen's own in what was done)
    answer_grams = _bigrams(_DISTRICT.sub("", appeal), place_grams) & _bigrams(_DISTRICT.sub("", answer), place_grams)
    # (an answer without its own restatement must at least say something done: a template's words are no matter)
    # (a symptom alone, said of the appeal's own trouble, is the appeal's matter in a unit's words: 晨练噪音 for a
    # loudspeaker at dawn)
    symptom_only = bool(said) and said <= lexicon.symptoms() and said <= a.concepts
    if (not same_object and problems and said and not problems & (said | whole) and len(shared_grams) <= (1 if topic else 0)
            and len(answer_grams) <= 2 and (topic or _acts(answer)) and not symptom_only
            and not (topic is None and _trouble_met(_troubles(appeal), _troubles(answer)))
            # (… nor when every problem of the appeal is read in the answer, only not first: 噪声超标 in a report the
            # lexicon first reads as 空调外机; nor when a report by a named unit with a day or hour shares two of the
            # appeal's own words: 货车 and 小巷 in 货车占道 for 货车堵在小巷里)
            and not problems <= answer_all
            and not (len(answer_grams) >= 2 and _who(answer) and _WHEN.search(answer))
            # (… nor when the answer does something to the appeal's own fixture in a unit's word: 人行横道线 施划 for
            # 没有斑马线, whatever else the lexicon reads in the road)
            # (… unless the appeal tells a second trouble: 扶梯坏了，还有上面的灯也不亮)
            and not (_fixture_shared(appeal, answer) and _acts(answer) and _WHEN.search(answer)
                     and not _joined_parts(appeal, lexicon) and not _parts(appeal)
                     and not re.search(r"还有|另外|而且|并且|同时", appeal))
            # (… nor a why answered by the article of a named rule and the fact of the case: 您的房屋位于征收范围内，依据
            # 《…条例》第十六条，…暂停办理 — what the rule speaks of, 补偿费用, is not another matter)
            and not (topic is None and _WHY.search(appeal) and _REFUSE.search(answer)
                     and re.search(r"《[^》]{2,40}》[^。；]{0,6}第[一二三四五六七八九十百零\d]+条", answer))):
        # (an answer with no restatement that tells the appeal's own trouble in a unit's words — 漏水 as 防水层开裂,
        # 进场做防水 — speaks of it, whatever else the lexicon reads in it: 施工期间)
        return Score("relevance", 0.15, f"答复说的是“{labels(said)}”，而诉求反映的是“{labels(problems)}”")
    # another trouble in one water: 湖里 / 河里 make the lexicon read 水体污染 into any appeal about a lake or a river, so
    # two texts sharing only it share where, not what (漂浮垃圾 for 电鱼 in one river)
    a_own, t_own = problems - _WHERE_CONCEPTS, said - _WHERE_CONCEPTS
    if (topic and not same_object and a_own and t_own and problems & said and problems & said <= _WHERE_CONCEPTS
            and not a_own & (t_own | whole)):
        return Score("relevance", 0.15, f"答复说的是“{labels(t_own)}”，而诉求反映的是“{labels(a_own)}”，只是在同一片水域")
    # another trouble from one source: the two share only who causes it (烧烤摊, 工地) and the answer speaks of another
    # symptom (噪音) than the appeal's (油烟), never of the appeal's own
    shared_src = problems & (said | whole)
    if shared_src and shared_src <= lexicon.sources():
        a_sym, t_sym = a.concepts & lexicon.symptoms(), b.concepts & lexicon.symptoms()
        if a_sym and t_sym and not a_sym & (t_sym | answer_all):
            return Score("relevance", 0.15, f"答复说的是“{labels(t_sym)}”，而诉求反映的是“{labels(a_sym)}”")
    # … or what a citizen suffers (噪音, 异味, 油烟) never spoken of, while the answer tells only a check of another thing
    # found in order (夜市吵 answered by 夜市的消防器材配备齐全): the two share only who or what is there
    a_sym = a.concepts & lexicon.symptoms()
    own_t = answer_all - a.concepts - lexicon.modifiers() - lexicon.sources() - lexicon.symptoms()
    if (a_sym and not a_sym & answer_all and (shared_src or set(a.places) & set(b.places))
            and not shared_src & lexicon.symptoms() and (own_t or not answer_all - lexicon.modifiers())
            and not (same_object and _same_object_besides(a.places, appeal, answer))
            and not _trouble_met(_troubles(appeal), _troubles(answer)) and not _fixture_shared(appeal, answer)
            and _IN_ORDER.search(answer) and not _ENFORCES.search(answer)):
        return Score("relevance", 0.15, f"答复说的是“{labels(own_t)}”，而诉求反映的是“{labels(a_sym)}”，两者只是同一处、同一对象")
    # another thing at one place: the answer's restatement names its own thing (晾衣架, 过期食品, 门票价格) and the
    # answer never once uses the appeal's words for its thing (避雷针, 卖烟) — they share only where it is (小区楼顶,
    # 便利店, 绿化带), and no problem the lexicon knows
    # (nor a symptom nor a source of it: 施工噪声 said of 打桩吵得睡不着)
    kin = (a.concepts & (b.concepts | answer_all)) - lexicon.modifiers()
    # (… nor one fixture of a street in a unit's words: 人行横道线 is the citizen's 斑马线, 照明 their 路灯)
    if (topic and not same_object and not (problems & (said | whole)) and not symptom_only and not kin
            and not _fixture_shared(appeal, answer)):
        # (the appeal's places, and the answer's when they are places: not 小区楼顶雨棚, a thing read as one)
        places = set(a.places) | {p for p in b.places if _is_place(p)}
        appeal_things = _things(appeal, places)
        topic_things = _things(topic, places) - _bigrams(appeal)
        if len(topic_things) < 2 and not _topic(answer):   # (the act read with its object: 餐饮门店…食品安全检查)
            topic_things |= _things(_acted_clause(answer), places) - _bigrams(appeal) - _ACT_FILLER
        # (… and the whole answer shares at most one character with the appeal's thing: 缺斤少两、电子秤 is 秤不够、
        # 一斤少了二两 in other words)
        # (… and the answer's who and when before its act, one clause that the appeal names too — 区政务中心于5月7日对…
        # —, is the place both are at, not the appeal's thing)
        body = _VENUE.sub("，", _body_of(answer, appeal_things))
        alike = ({c for g in appeal_things for c in g} & set(body)) - _PLAIN_CHARS
        if appeal_things and len(topic_things) >= 2 and not appeal_things & _bigrams(body) and len(alike) <= 1:
            thing = re.sub(r"^[，]+|[，]+$", "", _SETTING.sub("，", _DISTRICT.sub("", topic))).split("，")
            thing = max(thing, key=len) or topic
            # (a person the answer acts on — 对该住户进行了警告 — is the neighbour or the party the appeal tells of, in
            # a unit's word for them, not another thing)
            # (… nor the whole of the appeal's own road or line, said as a stretch: 对全段进行铣刨重铺)
            if not _PERSON_ACTED.search(thing) and not _WHOLE_STRETCH.match(thing):
                return Score("relevance", 0.15, f"答复说的是“{thing}”，诉求反映的却是另一件事，答复中没有提到诉求所说的对象")
    # a degree of a thing's trouble (斑马线模糊, 路灯太暗, 井盖一压就响) answered by finding the thing in order on another
    # count (已设置人行横道，符合规范; 均能正常亮灯; 井盖齐全无缺失): the degree told is never spoken of
    degree = _degree_unmet(appeal, answer)
    if degree:
        return Score("relevance", 0.2, f"诉求反映的是{degree}，答复只说明设施齐全或符合规定，没有回应这一情况")
    # a consultation answered on a neighbouring matter: what it asks to have done is never spoken of
    asked = _asked_act(appeal, answer)
    if asked:
        return Score("relevance", 0.2, f"诉求问的是如何{asked}，答复说的是相邻的事，没有说到{asked}")
    shared = problems & (said | whole)
    # another trouble of one thing: the restatement names the appeal's thing with a trouble of another kind (灯杆歪斜
    # for 路灯不亮, 被车辆遮挡 for 消防栓漏水), and nowhere does the answer take up the appeal's own trouble
    # (an answer telling only what a check found, 经检查，该校食堂卫生状况良好, speaks of the trouble it found)
    found = None if topic else (_FINDING.search(answer) or _CHECKED.search(answer))
    a_trouble, t_trouble = _troubles(appeal), _troubles(topic or (answer[found.start():] if found else ""))
    # (… or of one place both name: 空调不开 and 有人抽烟 in one reading room)
    named = [p for p in a.places if p in answer]
    if ((topic or found) and a_trouble and t_trouble and (shared or same_object or shared_grams or named)
            and not _trouble_met(a_trouble, t_trouble) and not _trouble_met(a_trouble, _troubles(answer))
            and not _CAUSE.search(answer)):
        said_of = topic[:16] if topic else re.split(r"[，。；]", answer[found.end():] or answer)[0][:16]
        return Score("relevance", 0.15, f"答复说的是“{said_of}”，而诉求反映的是另一种情况（"
                                        f"{'、'.join(sorted(a_trouble))}），答复没有回应")
    # half an appeal answered: it tells of two nuisances of one source (又吵油烟又大) and the answer takes up one of them only
    half = _half_answered(a.concepts, answer_all)
    if half:
        return Score("relevance", 0.35, f"诉求反映了“{lexicon.label(half[0])}”和“{lexicon.label(half[1])}”两件事，"
                                        f"答复只回应了“{lexicon.label(half[0])}”，没有回应“{lexicon.label(half[1])}”")
    # … or two fixtures of a street each told with its own trouble (斑马线看不清 and 路灯不亮), the answer on one of them
    two = _half_fixtures(appeal, answer)
    if two:
        return Score("relevance", 0.35, f"诉求反映了“{two[0]}”和“{two[1]}”两处问题，答复只回应了“{two[0]}”，"
                                        f"没有回应“{two[1]}”")
    # … or the money a citizen demands back (退费不给退) never spoken of, whatever else is done about the shop
    # (a finding or a rule that the money was rightly charged meets the demand: 经核查，收费符合《…》规定)
    if (_REFUND_DEMANDED.search(appeal) and not _REFUND_MET.search(answer) and not _FINDING.search(answer)
            and not _civil_referral(answer)
            and not _NAMED_RULE.search(answer)):
        return Score("relevance", 0.35, "诉求要求退费，答复没有说到退费的事")
    # … or the second of two troubles a citizen numbers (一是…二是…, 两个事都要解决) never spoken of
    part = _part_left(appeal, answer, lexicon)
    if part:
        return Score("relevance", 0.35, f"诉求分几件事反映，答复没有回应其中的“{part}”")
    elsewhere = _acted_elsewhere(appeal, answer, a, problems, lexicon)
    if elsewhere:
        return Score("relevance", 0.15, f"答复复述了诉求（{elsewhere[0]}），但做的是“{elsewhere[1]}”，没有处理诉求所说的事")
    # another thing at one place, told without a restatement: the answer names the appeal's place (解放公园, 沌口体育中心)
    # and nothing else of the appeal — no problem, no object, no trouble, no fixture, not one word of what is there besides
    # where —, while it names a problem of its own (东门的台阶坏了 answered by 公园内湖区开展水体清淤)
    # (a problem read only in where both are — 公交 of 公交站台, 学校 of 学校门口 — is where, not what they share)
    if topic is None and shared and set(a.places) & set(b.places):
        what_a, what_b = (matter_of(_where_out(t), None).concepts - lexicon.modifiers() for t in (appeal, answer))
        if what_b - a.concepts and not what_a & what_b:
            shared, said = frozenset(), _core(what_b, lexicon)
    if (topic is None and not shared and not same_object and set(a.places) & set(b.places) and _acts(answer)
            and (said and not said & a.concepts or problems and not said)
            and not _bigrams(_where_out(a.residual)) & _bigrams(_AREA_UNIT.sub("，", _where_out(b.residual)))
            and not _trouble_met(_troubles(appeal), _troubles(answer)) and not _fixture_shared(appeal, answer)):
        where = sorted(set(a.places) & set(b.places), key=len)[-1]
        return Score("relevance", 0.15, f"答复与诉求只是说到同一个地方（{where}），说的是另一件事，没有回应诉求所说的问题")
    near = (None if shared or same_object or _fixture_shared(appeal, answer)
            else _near_thing(appeal, answer, set(a.places) | set(b.places)))
    if near:
        return Score("relevance", 0.15, f"答复说的是诉求地点附近的“{near}”，没有回应诉求所说的问题")
    # another matter beside a passing one: the two share only a concept often said as where or in passing (公交 of
    # 公交站台), the appeal's own problem (广告牌玻璃碎了) is read nowhere in the answer, and the answer speaks of
    # a problem of its own (发车间隔)
    passing = lexicon.flagged("passing")
    own_a, own_b = problems - passing, said - passing - a.concepts
    if (shared and shared <= passing and not same_object and not named and own_a and not own_a & answer_all
            and (own_b or topic and topic not in appeal and _acts(answer))
            and not _trouble_met(_troubles(appeal), _troubles(answer)) and not _fixture_shared(appeal, answer)):
        return Score("relevance", 0.15, f"答复说的是“{labels(own_b) if own_b else topic}”，而诉求反映的是“{labels(own_a)}”，两者只是都说到"
                                        f"“{labels(shared)}”")
    # (… or the appeal's own fixture in a unit's word, with something done to it: 雨水箅子 for 下水道盖子, 声控灯 for
    # 楼道的灯)
    if shared or named or len(shared_grams) >= 2 or same_object or (_fixture_shared(appeal, answer) and _acts(answer)):
        what = [lexicon.label(c) for c in sorted(shared, key=lexicon.rank)] + named
        if same_object and not what:
            what = sorted(o for f, objs in a_objects.items() for o in objs & answer_objects.get(f, set()))
        if not what:
            what = [topic] if topic else sorted(shared_grams)[:3]
        return Score("relevance", 1.0, f"答复回应了诉求中的“{'、'.join(what)}”")
    # (an answer that tells an act done on the appeal's own thing, in its words — 重新砌好台阶 for 台阶塌了 —, when the
    # appeal names no problem the answer leaves: not 饭馆 of 厨房里老鼠乱跑 answered by 门前无占道)
    own = (_things(appeal, a.places) & _things(answer, a.places) - _ACT_FILLER
           if topic is None and not (problems and not shared) else set())
    if own and _acts(answer):
        return Score("relevance", 1.0, f"答复回应了诉求中的“{'、'.join(sorted(own)[:3])}”")
    # (a short report whose words the lexicon reads every problem of the appeal in, though it reads another first — 沟槽 …
    # 回填完毕恢复路面 for 修路挖了沟 —, speaks of it)
    if topic is None and len(answer) < 40 and not (problems and problems <= answer_all):
        if _names_no_thing(answer):
            return Score("relevance", 1.0, "答复简短地告知了办理结果，未提及其他事项")
        # (… though a short referral to the office that takes the appeal's own business, with its line, speaks of it:
        # 保险业务属…监管局监管，请拨打12378)
        if not (_bigrams(appeal) & _bigrams(answer) and (_REDIRECT.search(answer) or _REFER.search(answer)) and _CONTACT.search(answer)):
            if problems:
                return Score("relevance", 0.2, f"答复未提及诉求的问题（{labels(problems)}）")
            return Score("relevance", 0.2, "答复未提及诉求所说的事")
    # (a report that names nothing of the appeal, and no day nor hour of anything it says was done, is a template: 我单位
    # 高度重视，立即组织力量开展排查整治，依法依规进行了处理)
    if topic is None and _TEMPLATE.search(answer) and not _WHEN.search(answer) and not re.search(r"\d", answer):
        return Score("relevance", 0.3, "答复没有提到诉求所说的事，也没有说明何时做了什么，像是通用套话")
    # (a check of a whole unit or place found in order — 该院各项指标符合要求, 该中心环境整洁、设备完好 — when the answer
    # names nothing of the appeal and acts on nothing: a campaign's finding, not the appeal's matter)
    found = _WHOLE_IN_ORDER.search(answer)
    # (… though a finding that names the appeal's own trouble and its cause — 各项指标符合国家标准；怪味系余氯偏高所致 —
    # speaks of it)
    if found and not _ENFORCES.search(answer) and not (shared_grams and _CAUSE.search(answer)):
        return Score("relevance", 0.3, f"答复只说检查后“{found.group(0)}”，没有提到诉求所说的事")
    return Score("relevance", 0.6, f"答复所说{f'的“{topic}”' if topic else '的内容'}与诉求用词不同，未见明显偏题")


_LEAD = re.compile(r"^(?:[^，。；]{0,12}(?:您好|你好)[，,：:！!]?)?(?:(?:经|通过)[^，。；]{0,12}(?:核实|核查|检查|查|查看|调查|了解)[，,：:]?)?")
_SIDE = re.compile(r"[东西南北中](?=(?:大道|大街|路|街|巷|门)$)")


_WHO_WHEN = re.compile(r"^([^，。；对]{2,16}?)(?:于|在)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=对)")


def _body_of(answer: str, appeal_things: set[str]) -> str:
    """An answer past its who and when (区政务中心于5月7日对…), when that lead is one clause of a name the appeal says
    too: what is left is what was done and to what."""
    m = _WHO_WHEN.match(answer.strip())
    if m and _bigrams(m.group(1)) & appeal_things:
        return answer.strip()[m.end():]
    return answer


# ---- another thing around the appeal's place: the answer acts on what is near it (篮球场周边的绿化带, 地铁口外的单车)
# and names nothing of what the appeal tells there
_NEAR_THING = re.compile(r"([^，。；]{2,16}?)(?:周边|周围|附近|四周|旁边|一旁|门外|口外)的?([^，。；]{2,16}?)"
                         r"(?=已|于|由|均|被|将|进行|开展|得到|[，。；])")


_OWN_THING = re.compile(_NEAR_THING.pattern.replace("(?:周边|周围|附近|四周|旁边|一旁|门外|口外)", "(?:的)"))


def _near_thing(appeal: str, answer: str, places) -> str | None:
    """The thing an answer's lead clause, or what it acted on, finds around the appeal's place, when that thing shares
    no two characters with what the appeal tells, and the rest of the answer meets no trouble of the appeal's (what
    was done to the thing around it — 共享单车已清理 — tells nothing of the appeal's own)."""
    # (… or the appeal's place's own other thing, when the answer only finds it in order after a check: 卫生院的医疗废物处置
    # 已于7月8日检查，符合要求 for a queue at its window)
    in_order = bool(_IN_ORDER.search(answer) or re.search(r"符合要求|符合规定", answer)) and not _ENFORCES.search(answer)
    for text in (_lead_clause(answer), _acted_on(answer) or ""):
        m = _NEAR_THING.match(text) or (_OWN_THING.match(text) if in_order else None)
        if not m or not _bigrams(m.group(1)) & _bigrams(appeal):
            continue
        thing = re.sub(r"^(?:的|[^，。；]{0,4}?内)", "", m.group(2))
        appeal_things = _things(appeal, places)
        rest = answer.replace(_lead_clause(answer), "，")
        if (len(thing) >= 2 and not _bigrams(thing) & _bigrams(appeal)
                and len(set(thing) & {c for g in appeal_things for c in g} - _PLAIN_CHARS) <= 1
                and not _trouble_met(_troubles(appeal), _troubles(rest))):
            return thing
    return None


def _lead_clause(answer: str) -> str:
    """The first clause of an answer past its greeting and its 经核实 (where and what it says was done)."""
    return re.split(r"[，,。；;！!]", _LEAD.sub("", answer.strip()), maxsplit=1)[0]


def _other_side(place: str, places) -> bool:
    """Another side of a road the texts name alike (珞狮北路 for 珞狮南路, 中山东路 for 中山西路): not the same place."""
    bare = _SIDE.sub("", place)
    return place not in places and bool(_SIDE.search(place)) and any(
        _SIDE.search(q) and _SIDE.sub("", q) == bare for q in places)


# where within a place (南门, 72号旁边, 门口的, 站台周边): words both texts share there say where, not what
_WITHIN = re.compile(_PART.pattern + r"|\d+\s*号|[东南西北]?(?:旁|边|侧|面|头|外|内)")


def _where_out(text: str) -> str:
    """A text without its districts, its settings and where within a place (the comparison of what is there)."""
    return _SETTING.sub("，", _WITHIN.sub("，", _DISTRICT.sub("，", text)))


# someone talked to or fined (约谈其负责人, 对住户进行劝导) is who was acted on, not another thing
_PERSON_ACTED = re.compile(r"(负责人|住户|店主|老板|商户|业主|当事人|驾驶员|司机|人员|经营者|骑手|租户|家长|学生|员工)$")


def _acted_elsewhere(appeal: str, answer: str, a, problems: frozenset[str], lexicon) -> tuple[str, str] | None:
    """The restatement and the thing acted on, when an answer restates the appeal rightly and then acts on something
    else (您反映的路灯不亮问题…对绿化带进行修剪; 关于路口红绿灯…对该路口斑马线进行重新施划): what follows the
    restatement names nothing of the appeal's thing, no trouble of the appeal's kind, no problem of it and no cause
    (系控制箱线路老化所致 speaks of the lamp through its part)."""
    m = next((m for m in _TOPIC.finditer(answer) if _topic(m.group(0))), None)
    if not m or _CAUSE.search(answer):
        return None
    rest = answer[m.end():]
    acted = _acted_on(rest)
    if not acted or not _acts(rest):
        return None
    told = matter_of(rest, None)         # what the rest of the answer names (read once)
    places = set(a.places) | set(told.places)
    appeal_things = _things(appeal, places)
    rest_things = _things(rest, places) - _ACT_FILLER
    thing = re.sub(r"^[，]+|[，]+$", "", _SETTING.sub("，", _DISTRICT.sub("", acted))).split("，")
    thing_text = max(thing, key=len)
    if len(thing_text) < 2:   # (绿化带, 路口 are a setting to other things and the thing itself here)
        thing_text = re.sub(r"^(?:该|此|辖区|小区|楼上|楼下|路口|路段)+", "", acted)
    alike = set(thing_text) & {c for g in appeal_things for c in g} - _PLAIN_CHARS
    if len(thing_text) < 2 or alike or appeal_things & rest_things or _PERSON_ACTED.search(thing_text):
        return None
    a_trouble = _troubles(appeal)
    if a_trouble and _trouble_met(a_trouble, _troubles(rest)):
        return None
    # (the rest names a problem of its own, and none the appeal tells: 绿化带修剪 is of trees, not of lamps)
    rest_core = _core(told.concepts, lexicon)
    if not rest_core or (rest_core | problems) & a.concepts & told.concepts:
        return None
    return _topic(m.group(0)) or "", thing_text


# ---- the fixtures of a street, each kept by its own team (路灯所, 交警 for lines and lights, 市政 for covers): a citizen's
# words for each, and the words an answer that speaks of it uses (a lamp's 镇流器, a crossing's 施划)
_FIXTURES: dict[str, tuple[str, str]] = {
    "路灯": (r"路灯|街灯|灯杆|(?<![红绿号道控应示])灯(?=[也都又全还就]{0,2}(?:不亮|坏|黑|灭|熄))",
           r"路灯|街灯|灯杆|照明|亮灯|灯具|灯泡|灯头|镇流器|钠灯|LED|声控灯|感应灯|楼道灯|廊灯|灯管"),
    "斑马线": (r"斑马线|人行横道|白线|标线", r"斑马线|人行横道|标线|施划|划线|白线"),
    "红绿灯": (r"红绿灯|信号灯|交通灯|绿灯|红灯", r"红绿灯|信号灯|交通灯|信号机|绿灯|红灯|配时"),
    "井盖": (r"井盖|窨井|下水井|下水道[^，。；！？]{0,2}盖|(?:水沟|阴沟|排水沟|地沟)[^，。；！？]{0,2}盖|箅子|篦子",
           r"井盖|井座|井圈|窨井|下水井|箅子|篦子|雨水口|收水口|沟盖|盖板"),
    "减速带": (r"减速带|减速坎", r"减速带|减速坎"),
    "护栏": (r"护栏|隔离栏|防护栏", r"护栏|隔离栏|防护栏"),
    "站牌": (r"站牌", r"站牌"),
    "候车亭": (r"候车亭|顶棚|遮雨棚", r"候车亭|顶棚|遮雨棚|棚顶"),
    # (a road's hole in the citizen's words — 塌了个坑, 坑坑洼洼 — and in a unit's: 坑槽, 沥青修补, 回填)
    "路面": (r"路面|坑坑洼洼|坑洼|(?<![粪茅水土树])坑(?=[，。；！]|$)|塌了?[^，。；！]{0,3}坑|(?:路|马路|路上)[^，。；！]{0,6}坑",
           r"路面|坑槽|坑洼|沥青|铺筑|铺装|冷补|热补|回填|混凝土"),
}
_FIXTURE_SAID = {k: re.compile(v[0]) for k, v in _FIXTURES.items()}
_FIXTURE_MET = {k: re.compile(v[1]) for k, v in _FIXTURES.items()}
# what a fixture's trouble is said with, right after it (斑马线磨得看不清, 路灯又坏了一排, 井盖一踩就晃); a fixture followed
# by 上 / 边 / 旁 is where something else happens (斑马线上看不见人)
_FIXTURE_TROUBLE = re.compile(r"(不亮|坏|黑|灭|熄|暗|看不清|看不见|看不到|模糊|淡|磨|褪色|掉色|没了|快没|不见了|松|晃|响|断|翘|歪|倒|"
                              r"缺|丢|漏|破|烂|掉|塌|碎|裂|挡|遮|太短|短了|不变|闪|失灵|不清|太亮|晃眼|刺眼)")


def _fixture_shared(appeal: str, answer: str) -> bool:
    """Does the answer speak of a fixture the appeal names, in either's words (斑马线 / 人行横道线)?"""
    return any(said.search(appeal) and _FIXTURE_MET[name].search(answer) for name, said in _FIXTURE_SAID.items())


def _fixtures_told(appeal: str) -> list[str]:
    """The fixtures an appeal tells a trouble of, each with its own words right after it, in the order told."""
    told: list[tuple[int, str]] = []
    for name, said in _FIXTURE_SAID.items():
        for m in said.finditer(appeal):
            after = re.split(r"[，,。；;！!？?]", appeal[m.end():])[0]
            if re.match(r"(?:杆)?(?:上|边|旁|前|处|里|附近|那里|这里)", after):
                continue
            if _FIXTURE_TROUBLE.search(after[:10]):
                told.append((m.start(), name))
                break
    return [name for _, name in sorted(told)]


def _half_fixtures(appeal: str, answer: str) -> tuple[str, str] | None:
    """The fixture an answer takes up and the one it leaves, when the appeal tells a trouble of two (路灯不亮 and
    斑马线看不清) and the answer speaks of one only."""
    told = _fixtures_told(appeal)
    if len(told) < 2:
        return None
    met = [f for f in told if _FIXTURE_MET[f].search(answer)]
    left = [f for f in told if f not in met]
    if met and left:
        return met[0], left[0]
    return None


# ---- a degree of a thing's trouble, which a check of whether the thing is there or lit does not meet: the citizen's
# words for it and a unit's words for what meets it (a line repainted, a lamp's power, a cover's seat made firm)
_DEGREES = (
    ("标线磨损看不清", re.compile(r"(斑马线|人行横道|白线|标线|线)[^，。；！？]{0,8}(模糊|看不清|看不见|看不到|淡了|淡得|磨没|磨掉|磨得|"
                                 r"磨损|褪色|掉色|不清晰|快没了)"),
     re.compile(r"(重新施划|重新划|补划|复划|磨损|模糊|褪色|清晰|看不清)")),
    ("路灯亮度不够", re.compile(r"(太暗|暗得|很暗|好暗|昏暗|不够亮|亮点|光线暗|亮度|换亮点|亮一点|亮些)"),
     re.compile(r"(亮度|照度|功率|太暗|偏暗|昏暗|LED|换成|更换为)")),
    ("路灯过亮刺眼", re.compile(r"(太亮|晃眼|刺眼|亮得[^，。；]{0,4}(?:睡不着|晃)|照进[^，。；]{0,6}(?:卧室|家里|窗户|屋里))"),
     re.compile(r"(遮光|角度|调低|亮度|照度|功率|朝向|灯罩|太亮|刺眼|晃眼)")),
    ("井盖、设施有响声", re.compile(r"(哐哐|咣咣|哐当|咣当|一压就响|压上去[^，。；]{0,4}响|异响|响了好|一直响)"),
     re.compile(r"(响|松动|晃|井座|胶垫|加固|垫平|调平)")),
)
# an answer that finds the thing in order (齐全, 符合, 正常, 无需)
_IN_ORDER = re.compile(r"(齐全|完好|符合[^，。；]{0,12}(?:规范|标准|要求|规定)|运行正常|正常亮灯|均能正常|无需(?:增设|新增|改造|更换)|"
                       r"不需要(?:增设|新增|改造|更换)|不存在(?:安全)?隐患|未发现[^，。；]{0,8}(?:问题|现象|异常|隐患)|无缺失|无破损)")


# ---- a trouble reversed: a thing that runs when it should not (路灯白天亮着, 空调开得太冷, 喷泉半夜还在放音乐) answered
# only by mending it and setting it running again (维修完毕，恢复正常照明; 制冷恢复正常), never by what stops or tempers it
_OVERRUN = re.compile(r"(?:白天|大白天|白日|天亮了?|太阳出来)[^，。；！？]{0,8}(?<![不没未])(?:亮|开|运行|运转)着?|"
                      r"(?:开得|调得|温度)[^，。；！？]{0,2}(?:太|过|很|特别|好)?(?:热|冷|凉|低|高|足)|(?<![不没])(?:太|过于)(?:热|冷|凉|刺眼)|"
                      r"(?:一直|整天|整夜|通宵|全天|二十四小时|24小时|(?:晚上|夜里|夜间|深夜|半夜|凌晨)[^，。；！？]{0,6}还)"
                      r"[^，。；！？不没]{0,6}"
                      r"(?:亮着|开着|运转|转着|响着|放(?:音乐|歌)|喷水)")
_RUNNING_AGAIN = re.compile(r"恢复(?:正常)?(?:点亮|照明|亮灯|运行|运转|供暖|供热|制冷|使用|工作|喷水|播放|显示)|"
                            r"(?:均能|能够|均已)正常(?:亮灯|点亮|照明|运行|运转)|"
                            r"(?:点亮|照明|亮灯|运行|运转|供暖|供热|制冷|暖气|空调|显示)[^，。；]{0,3}(?:恢复正常|已正常)")
_TEMPERED = re.compile(r"(关闭|关掉|关灯|关停|停止|停用|停运|熄|时控|定时|时间|时段|按时|开关|调[整低高至到小]|温度[^，。；]{0,2}[调降设]|降温|设定|限[时制]|"
                       r"不再|减少|降低|控制)")


def _reversed_trouble(appeal: str, answer: str) -> str | None:
    """What an appeal tells of a thing running too much, when the answer only tells it mended and running again."""
    m = _OVERRUN.search(appeal)
    if m and _RUNNING_AGAIN.search(answer) and not _TEMPERED.search(answer):
        return m.group(0)
    return None


def _degree_unmet(appeal: str, answer: str) -> str | None:
    """The degree of trouble an appeal tells (斑马线模糊) when the answer finds the thing in order on another count and
    never speaks of that degree."""
    if not _IN_ORDER.search(answer):
        return None
    for name, told, met in _DEGREES:
        if told.search(appeal) and not met.search(answer):
            return f"“{name}”"
    return None


# ---- money demanded back, and an answer that speaks of it (退还, 退费 refused with its basis, 赔偿)
# (积水不退, 高烧不退 are no money)
_NAMED_RULE = re.compile(_RULE_NAMED)
_REFUND_DEMANDED = re.compile(r"(退费|退款|退钱|退卡|退押金|不给退|不肯退|不让退|不退(?:钱|费|款|卡|押金)|"
                              r"(?:钱|费|款|卡|押金)[^，。；]{0,4}(?:不退|退不了|退不出|退不回))")
_REFUND_MET = re.compile(r"(退|返还|返回|返款|归还|发还|免收|减免|免除|打回|原路|赔偿|赔付|补偿|结清|支付|打入|汇入|转账|转给|到账|兑付|"
                         r"协商一致|达成(?:和解|一致|协议)|调解成功|和解|\d+(?:\.\d+)?\s*万?元)")

# ---- an appeal whose citizen numbers its troubles (一是…二是, 一个是…二个是, 两个事 / 两件事 … 而且 / 还有 / 另外): the
# parts, each of which an answer must speak of
_COUNT_WORDS = r"两个事|两件事|两个问题|两个方面|两方面|两个情况|几个问题|几件事"
_COUNTED = re.compile(f"({_COUNT_WORDS})")
_FIRST = re.compile(r"(一是|一个是|第一(?:个|件|是)?|首先)")
_NEXT = re.compile(r"(二是|二个是|两个是|第二(?:个|件|是)?|其次|再一个|再就是|再有|另外|还有|而且|同时|并且)")
_COUNT_CLAUSE = re.compile(r"[^，,。；;！!？?：:]*(?:" + _COUNT_WORDS + r")[^，,。；;！!？?：:]*[：:]?")


# who a part names is no thing of it (物业也不管 and 社区与物业核实 share only who)
_AGENT_GRAMS = frozenset("物业 社区 街道 老板 商家 业主 住户 楼上 楼下 邻居 学校 门口".split())


def _parts(appeal: str) -> list[str]:
    """The parts of an appeal that numbers them (一是…，二是…; …，而且…，两个事都要解决), or [] when it numbers none."""
    first = _FIRST.search(appeal)
    counted = _COUNTED.search(appeal)
    if not (counted or (first and _NEXT.search(appeal, first.end()))):
        return []
    text = _COUNT_CLAUSE.sub("，", appeal)
    first = _FIRST.search(text)
    start = first.end() if first else 0
    nxt = _NEXT.search(text, start + 2)
    if not nxt:
        return []
    return [p.strip("，,。；;！!？? ") for p in (text[start:nxt.start()], text[nxt.end():]) if p.strip("，,。；;！!？? ")]


# ---- an appeal that tells a second trouble without numbering it: a later clause led by its thing and 也 / 还 (衣柜后面
# 的墙也长了霉, 顶楼屋面也在漏雨, 暖气也不热, 还把洗头水泼在路上, 垃圾也没人清), not 还是 / 也没人管 / 还要 (what follows,
# not a trouble)
# nor 还有 (a detail of the first: 河道臭，还有死鱼)
_JOINED = re.compile(r"^([^，,。；;！!？?也还]{0,8})(?:也|还|而且|并且|另外)(?!是|有(?:人|的|时|点|些|一|个|很多|好多|不少|几)|没人管|没人理|没人问|不管|没有人管|要|得|需|说|行|好|可以|算)")
# … led by its own thing (墙也, 暖气也, 烟味还), or by 还把 (what else the same one does to another thing): not by a time or a
# person (去年还淹死过人, 我妈还绊了一跤), nor by 还被 alone (还被狗翻得到处都是: the first thing again)
_NOT_LEAD = re.compile(r"(去年|今年|前年|以前|之前|上次|曾经|昨天|前天|上个月|上周|晚上|白天|早上|平时|有时|现在|每天|天天|经常|一直|"
                       r"老人|小孩|孩子|我妈|我爸|我们|我家|大家|邻居|居民|别人|有人|他们|家里人|人)$")
# an answer that removes the source itself (清理了…活禽摊点, 取缔, 关停): every nuisance of it is met
_SOURCE_GONE = re.compile(r"(取缔|关停|搬离|撤离|清理了?[^，。；]{0,10}摊|拆除了?[^，。；]{0,10}(?:摊|棚|违建|违章))")


# an area's own office named in an answer (关山街道, 百步亭社区): where, not what of the appeal it takes up
_AREA_UNIT = re.compile(r"[\u4e00-\u9fa5]{2,4}?(?:街道办事处|街道办|街道|社区居委会|社区|村委会|居委会)")


def _joined_parts(appeal: str, lexicon) -> list[str]:
    """The two parts of an appeal that tells a second trouble in a clause led by 也 / 还 (厨房天花板渗水，衣柜后面的墙也长了
    一大片黑霉), when the second tells a kind of trouble the first does not (not 我妈还绊了一跤, what the first
    caused), and the first tells one of its own (or only that its thing is broken: 洗衣机坏了); [] otherwise."""
    clauses = re.split(r"[，,。；;！!？?]", appeal)
    for i in range(1, len(clauses)):
        m = _JOINED.match(clauses[i])
        if not m or _NOT_LEAD.search(m.group(1)) or (not m.group(1) and not clauses[i][m.end():].startswith("把")):
            continue
        first, second = "，".join(clauses[:i]), "，".join(clauses[i:])
        t1, t2 = _troubles(first), _troubles(second)
        c1 = matter_of(first, None).concepts - lexicon.modifiers() - lexicon.sources()
        # (还把… is a second deed of the same one, a trouble in itself: 还把鸡粪倒在花坛里)
        if (t2 - t1 or not m.group(1)) and (t1 or c1 or re.search(r"坏|故障|毛病", first)):
            return [first, second]
        return []
    return []


def _part_left(appeal: str, answer: str, lexicon) -> str | None:
    """The part of a numbered appeal the answer never speaks of, when it speaks of another: no problem, no trouble and no
    word of the part's thing in the answer (楼上装修 answered, 卫生间漏水 not); also of an appeal that joins its second
    trouble with 也 / 还 (:func:`_joined_parts`)."""
    parts = _parts(appeal)
    # (the parts of a joined appeal tell two troubles of one place: where it is — 洪山区关山, the answer's 关山街道 — is no
    # thing of either)
    places: tuple[str, ...] = ()
    read = _things
    if not parts:
        # (… and where in the home or the building each is, 楼道 / 花坛, tells them apart as much as what)
        read = lambda text, where: _bigrams(functools.reduce(lambda t, p: t.replace(p, "，"), where, text))  # noqa: E731
        parts = _joined_parts(appeal, lexicon)
        places = matter_of(appeal, None).places + matter_of(answer, None).places
        parts = [_DISTRICT.sub("，", p) for p in parts]
        answer = _AREA_UNIT.sub("，", answer)
        if _SOURCE_GONE.search(answer):
            return None
    if len(parts) < 2:
        return None
    said = matter_of(answer, None).concepts
    of_part = [matter_of(part, None).concepts - lexicon.modifiers() - lexicon.sources() for part in parts]
    met, left = [], []
    for i, part in enumerate(parts):
        # (what every part names is their common subject — 快递 of 快递车堵门 and 快递员扔包裹 —, not what tells them apart)
        concepts = of_part[i] - frozenset().union(*(c for j, c in enumerate(of_part) if j != i))
        things = read(part, places) - _FILLER - _AGENT_GRAMS - set().union(
            *(read(other, places) for j, other in enumerate(parts) if j != i))
        # (… and the troubles the other parts do not tell, met as they are, not through a kin: 堵了 is not 没人清)
        troubles = _troubles(part) - set().union(*(_troubles(other) for j, other in enumerate(parts) if j != i))
        told = (bool(concepts & said) or bool(troubles & _troubles(answer)) or bool(things & _bigrams(answer))
                or _fixture_shared(part, answer))
        (met if told else left).append(part)
    if met and left:
        return re.split(r"[，,]?(?:希望|请|麻烦|要求)", left[0])[0][:24]
    return None


# nuisances a source causes that want remedies of their own (a purifier does not quiet a fan); 油烟 and 异味 are one
_NUISANCES = (frozenset({"noise"}), frozenset({"fumes", "odor"}))


def _half_answered(appeal_concepts: frozenset[str], answer_concepts: frozenset[str]) -> tuple[str, str] | None:
    """The nuisance an answer takes up and the one it leaves, when the appeal tells of both (吵 and 油烟)."""
    told = [g & appeal_concepts for g in _NUISANCES if g & appeal_concepts]
    if len(told) < 2:
        return None
    met = [g for g in told if g & answer_concepts]
    left = [g for g in told if not g & answer_concepts]
    if met and left:
        return sorted(met[0])[0], sorted(left[0])[0]
    return None


_FUTURE = re.compile(r"(将|拟|计划|准备|争取|进一步|加强|加大|确保|切实|杜绝|严格|持续|继续|举一反三|统筹|做好[^，。；]{0,16}工作)")
# what the citizen is told to do (请您直接与物业联系, 建议您咨询…): no act of the unit's
_TOLD_TO = re.compile(r"^(?:[^，。；]{0,6}(?:请|建议|烦请|麻烦)(?:您|你)|(?:您|你)可(?:以)?(?:直接)?(?:与|向|和|联系|咨询|拨打))")


# a clause that says what will be done (将督促…, 拟安排…), and one that says it is done (已, 现已, …了, 完毕)
_WILL = re.compile(r"(?<![已并即])(?:将|拟|计划|准备)")
_DONE = re.compile(r"(已|了|完毕|完成|现|目前|均|经)")
# the party complained of has agreed to a change told with its measure (经协调，广场舞队已同意将音量控制在60分贝以内):
# what mediation got done, not a promise of the unit's
_AGREED = re.compile(r"已(?:经)?(?:同意|答应)(?:将|把)[^，。；]{2,24}(?:控制在|调整为|调至|调到|改为|降至|降到|限定在)"
                     r"[^，。；]{0,12}(?:\d|[一二三四五六七八九十两百])")


# a sentence opening on a named rule (根据《城市供热价格管理暂行办法》，…; 区水务局答复：根据《…》，…)
_RULE_OPENS = re.compile(r"^(?:[^，。；：:]{0,12}[：:])?(?:根据|依据|依照|按照|依)《[^》]{2,40}》")
# what a rule provides, not what a unit did (应当, 不得, 由…制定, 属于)
_PROVIDES = re.compile(r"(应当|应按|不得|禁止|须|必须|由[^，。；]{1,12}(?:制定|负责|承担|确定)|属于|享有|可以|可按)")


# the owner told to see to it (已告知其自行处理): the unit did nothing of its own and says no result
_LEFT_TO = re.compile(r"^(?:已经?)?(?:告知|通知)[^，。；您你]{0,6}自行(?:处理|解决)[。！]?$")


# ---- an inspection at another hour than the trouble's: a KTV loud after midnight checked at 下午3时 and found quiet
_HOUR = re.compile(r"(凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间|夜里|半夜|深夜|早|晚)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:时|点)(?!前|以前|之前)")
# the hours a citizen's words for a time of day cover
_PERIODS = ((re.compile(r"半夜|深夜|凌晨|夜里|夜间|晚上|每晚|一晚上|通宵|夜晚|大半夜"), "夜间", frozenset((*range(20, 24), *range(0, 6)))),
            (re.compile(r"一大早|大清早|清晨|早晨|早上"), "清早", frozenset(range(4, 10))))
_WEEKEND = re.compile(r"周末|周六|周日|星期六|星期天|星期日|礼拜六|礼拜天|礼拜日|节假日|双休日")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五](?:[上下]午|晚上|早上)?|工作日")
_NOTHING_FOUND = re.compile(r"(未发现|没有发现|未见|无人|尚未营业|未营业|不存在|不属实|一切正常)")


def _hour_of(m: re.Match) -> int | None:
    """The hour on a 24-hour clock of 下午3时 / 晚上8点 / 凌晨2时 / 15时; None when it cannot be told (8点 alone, 二十三点)."""
    word, num = m.group(1) or "", m.group(2)
    if not (num.isdigit() or len(num) == 1 or num.startswith("十")):
        return None
    h = int(number_value(num))      # (the one reader of Chinese numerals: 三 → 3, 十一 → 11)
    if h > 24:
        return None
    if word in ("下午", "傍晚", "晚上", "晚") and h < 12:
        return h + 12
    if word in ("夜间", "夜里", "半夜", "深夜") and 6 <= h < 12:
        return h + 12
    if word or h >= 13:
        return h % 24
    return None


def _wrong_hour(appeal: str, answer: str) -> tuple[str, str] | None:
    """The time of day the trouble happens (凌晨, 一大早) and the hour the answer checked at, when the check found
    nothing and none of its hours falls in that time of day."""
    if not _NOTHING_FOUND.search(answer):
        return None
    # (a trouble of the weekend checked on a weekday: 周六周日 answered 周三上午巡查，未发现)
    weekday = _WEEKDAY.search(answer)
    if _WEEKEND.search(appeal) and weekday and not _WEEKEND.search(answer):
        return "周末", weekday.group(0)
    told = [(name, hours) for pat, name, hours in _PERIODS if pat.search(appeal)]
    if not told:
        return None
    checked = [(m.group(0), h) for m in _HOUR.finditer(answer) if (h := _hour_of(m)) is not None]
    if not checked:
        return None
    window = frozenset().union(*(hours for _, hours in told))
    if any(h in window or (h + 1) % 24 in window or (h - 1) % 24 in window for _, h in checked):
        return None
    return "、".join(name for name, _ in told), checked[0][0].strip()


# ---- an answer that says one thing and its opposite: 已修剪完毕 … 不能修剪; 情况属实 … 情况不存在; 完好无缺失 … 补装
_CONTRARY = (
    (re.compile(r"(?:已经?|均已)(?:全部|按月|按时)?[^，。；]{0,10}?(修复|修剪|发放|清运|清理|疏通|更换|解决)(完毕|到位|干净|亮灯|完成)"),
     re.compile(r"(?:不能|无法|不予|未予|未能|不得)[^，。；]{0,4}(?:修剪|发放|修复|清运|清理|疏通|更换|维修|解决)|方案正在制定|正在制定"
                r"|待[^，。；]{0,6}方案[^，。；]{0,6}后|将安排[^，。；]{0,8}(?:核查|查看|前往)|前往现场核查")),
    (re.compile(r"(?:情况|问题|反映|确)属实"), re.compile(r"不属实|(?:情况|问题|此事)(?:并)?不存在|(?:反映|所述)的?情况不存在")),
    (re.compile(r"完好无(?:缺失|损)|无缺失|(?<!不)齐全"), re.compile(r"补装|补齐|补设|重新安装")),
)


def _contrary(answer: str) -> tuple[str, str] | None:
    """Two clauses of an answer that cannot both be true, the one said first first."""
    for said, unsaid in _CONTRARY:
        first = said.search(answer)
        if first:
            later = unsaid.search(answer, first.end())
            if later and not re.search(r"不" + re.escape(first.group(0)), answer):
                return first.group(0), later.group(0)
    return None


def _acts(answer: str) -> bool:
    """A concrete act done (已更换…), or planned with its date (将于12月2日开挖修复), or a finding of the cause;
    an act said as a general promise (将进一步加强巡查, 确保问题得到解决) is not what was done, nor the owner told to
    see to it (已告知其自行处理)."""
    if _FINDING.search(answer):
        return True
    for sentence in re.split(r"[。；;！!？?]", answer):
        ahead = False   # (a sentence that begins with what will be done goes on with it: 将对消防通道进行清理，并设置禁停标识)
        # (a sentence that opens on a named rule tells what the rule provides — 根据《…》，热价由…制定，…不得擅自调整 — until
        # a clause says something done or dated: 根据《…》规定，已对该商户处以罚款)
        ruled = bool(_RULE_OPENS.match(sentence.strip()))
        for n, clause in enumerate(re.split(r"[，,]", sentence)):
            if (ruled and not _DONE.search(clause) and not _DATE.search(clause)
                    and (n == 0 and not _ACT.search(clause[clause.find("》"):]) or _PROVIDES.search(clause))):
                continue
            ruled = False
            if _LEFT_TO.search(clause.strip()) and not _DATE.search(clause):
                continue
            if _TOLD_TO.search(clause.strip()):
                continue
            if _AGREED.search(clause):
                return True
            if _FUTURE.search(clause) and not _DATE.search(clause):
                ahead = ahead or bool(_WILL.search(clause))
                continue
            if ahead and not _DONE.search(clause) and not _DATE.search(clause):
                continue
            if _ACT.search(clause):
                return True
    return False


# ---- a deed told only as the appeal's trouble turned round (清理违停货车, 开展整治): a campaign's verbs, no day, no count
# and no result — words a unit can write without having been there
_CAMPAIGN_ACTS = frozenset({"清理", "清扫", "巡查", "检查", "排查", "查处"})
_TALLY = re.compile(r"\d|[一二三四五六七八九十两几数]+\s*(?:处|辆|起|个|块|次|名|家|户|米|吨|车|盏|棵|株|人|台|只|条)")
_OUTCOME = re.compile(r"(恢复|现已|已无|消除|完毕|完成|正常|解决|满意|认可|达标|不再|撤离|搬离|拆除|疏通|整洁|干净|畅通|清空|无[^，。；]{0,4}(?:现象|问题))")


def _bare_deed(answer: str) -> str | None:
    """The deed of an answer that tells only campaign verbs on the appeal's own trouble (已开展整治，清理违停货车), with
    no day, no count and no result, or None."""
    acts = {m.group(0) for m in _ACT.finditer(answer)}
    if not acts or not acts <= _CAMPAIGN_ACTS or _WHEN.search(answer) or _TALLY.search(answer):
        return None
    if _OUTCOME.search(answer) or _FINDING.search(answer) or _CHECKED.search(answer):
        return None
    return "、".join(sorted(acts))


def _implied(answer: str):
    """An implied refusal: a demand that the citizen accept or cooperate, read clause by clause (the closing
    请理解支持 of an answer that did something is courtesy, not a refusal)."""
    clauses = [c.strip() for c in re.split(r"[，,；;。！!]", answer)]
    for clause in clauses:
        m = _IMPLIED.search(clause)
        if m:
            return m
    if not _acts(answer) and not _DATE.search(answer):   # (将于12月5日前完工，请您配合: a change with its date)
        for clause in clauses:
            m = _IMPLIED_MILD.search(clause)
            if m:
                return m
    return None


# the deeds a short answer can tell in full: a thing mended, replaced, put in, cleared or removed (not 办结, 回复, 转交,
# 联系, which say what became of the paper)
_HANDS_ON = re.compile(r"(?:维修|修复|修好|修补|抢修|更换|换新|换好|安装|加装|补装|补齐|增设|施划|铺设|修剪|扶正|清理|清运|清掏|"
                       r"疏通|回填|平整|拆除|移除|拖离|补植|恢复(?:照明|供水|供电|通行|使用))")


def _terse_deed(answer: str) -> bool:
    """A short answer that tells a hands-on deed and its day (已于12月2日补装井盖, 当天已疏通): plain, though terse."""
    return (bool(_HANDS_ON.search(answer)) and bool(re.search(r"\d{1,2}\s*月\s*\d{1,2}\s*日|当天|当日|当晚|次日", answer))
            and not _PROMISE.search(answer) and not _WILL.search(answer))


def _who(answer: str) -> bool:
    if _TO_NOBODY.search(answer):
        return False
    return any(not _WHO_GENERIC.match(m.group(0)) for m in _WHO.finditer(answer))


def check_reply(appeal: str, answer: str, *, on_time: bool | None = True, late_days: int = 0) -> Check:
    answer = (answer or "").strip()
    appeal = appeal or ""
    relevance = _relevance(appeal, answer)

    wrong_hour = _wrong_hour(appeal, answer) if relevance.score >= WEAK_PART else None
    if wrong_hour:
        relevance = Score("relevance", 0.2, f"诉求反映的是{wrong_hour[0]}的情况，答复却是在“{wrong_hour[1]}”检查后说没有发现问题，"
                                            "检查时间与问题发生的时段不符")

    aspect = _aspect_unanswered(appeal, answer) if relevance.score >= WEAK_PART else None
    if aspect:
        relevance = Score("relevance", 0.2, f"诉求问的是{aspect[0]}（“{aspect[1]}”），答复说的是别的，没有回答这一点")

    overrun = _reversed_trouble(appeal, answer) if relevance.score >= WEAK_PART else None
    if overrun:
        relevance = Score("relevance", 0.2, f"诉求反映的是该停不停、过了头（“{overrun}”），答复却说修好后恢复运行，"
                                            "说的是相反的问题，没有回应")

    refusal = _REFUSE.search(answer)
    if refusal and "符合" in refusal.group(0) and _ENFORCES.search(answer[refusal.end():]):
        refusal = None
    implied = None if refusal else _implied(answer)
    basis = (_BASIS.search(answer) or _civil_referral(answer) or _facts_before(answer, refusal)) if refusal else None
    # a refusal with its basis says what was decided, and it is decided now
    did = _acts(answer) or bool(basis)
    parts = {"做了什么": did, "由谁办理": _who(answer), "何时办理": bool(_WHEN.search(answer)) or bool(basis)}
    missing = [k for k, v in parts.items() if not v]
    informs = [k for k, p in _INFO.items() if p.search(answer)]
    figure = _FIGURE_ASKED.search(appeal)
    contrary = _contrary(answer)
    if contrary:
        completeness = Score("completeness", 0.2, f"答复前后矛盾：先说“{contrary[0]}”，又说“{contrary[1]}”，"
                                                  "市民无法知道实际办理结果")
    elif figure and not _FIGURE_GIVEN.search(answer):
        # (a consultation asking how much or when — 最多能取几多, 么时候恢复 — answered with no figure and no date)
        completeness = Score("completeness", 0.3, f"诉求问的是“{figure.group(0)}”，答复没有给出数额或时间")
    elif missing and _WHY.search(appeal) and _rule_told(answer):
        # (a citizen asking why — 凭什么不让骑 — is answered by the rule itself, said with what it provides)
        completeness = Score("completeness", 1.0, f"答复说明了所问之事的规定（{_rule_told(answer)}）")
    elif missing and (rule := _RULE_BASIS.search(answer)) and _WAY_OPEN.search(answer[rule.end():]):
        # (a request refused or a charge questioned is answered by the rule it rests on and the way open to the citizen:
        # 依据…招生办法，转学须…；您户口仍在汉阳，可先把户口迁入…)
        completeness = Score("completeness", 1.0, f"答复说明了依据（{rule.group(0)}）和来电人可以怎么办")
    elif missing and _WHY.search(appeal) and (rule := _RULE_BASIS.search(answer)) and _rule_forbids(answer, rule):
        # (a why answered by the named rule and what it forbids or requires: 根据《…办法》，屋顶搭建需取得规划许可…不得搭建;
        # not 相关规定 … 应当符合相关条件, which tells nothing)
        completeness = Score("completeness", 1.0, f"答复说明了所问之事的依据（{rule.group(0)}）")
    elif (missing and _WHY.search(appeal) and _CHECK_OPENS.search(answer) and re.search(_RULE_NAMED, answer)
          and re.search(r"\d", answer) and not _PROMISE.search(answer)):
        # (a why answered by what a check of the citizen's own case found, with its figures and the named rule it
        # rests on: 经区社保局核算，您的基本养老金按缴费年限28年…计发…根据《…办法》，…)
        completeness = Score("completeness", 1.0, "答复说明了核查结果及其依据")
    elif missing and _PRICE_ASKED.search(appeal) and (standard := _price_approved(answer)):
        # (a price or a fee complained of, answered by the standard approved for it and its figure: 经查，…每月300元已于
        # 今年7月经区发改局核定 — the finding is what the citizen asked)
        completeness = Score("completeness", 1.0, f"答复说明了收费所依据的核定标准（{standard}）")
    elif missing and (amount := _amount_answered(appeal, answer)):
        completeness = Score("completeness", 1.0, f"答复给出了所问的数额（{amount}）")
    elif missing and (where := _aspect_answered(appeal, answer)):
        # (where to go asked, and the school, the window or the way told: 对口初中为育才中学)
        completeness = Score("completeness", 1.0, f"答复解答了咨询（{where}）")
    elif (missing and (office := _REDIRECT.search(answer) or _REFER.search(answer))
          and _CONTACT.search(answer[office.start():])):
        # (a matter another office takes, told with that office and a line, a platform or an address to reach it)
        completeness = Score("completeness", 1.0, f"答复说明了受理部门和联系方式（{_CONTACT.search(answer[office.start():]).group(0)}）")
    elif missing and _ASKS.search(appeal) and len(informs) >= 2:
        completeness = Score("completeness", 1.0, f"答复解答了咨询（{'、'.join(informs)}）")
    elif not missing:
        completeness = Score("completeness", 1.0, "答复写明了做了什么、由谁、何时办理")
    elif missing == ["何时办理"] and (deed := _bare_deed(answer)):
        completeness = Score("completeness", 0.3, f"答复只说“{deed}”了诉求所说的问题，没有说何时办理、处理了多少、"
                                                  "结果如何，像是把诉求换个说法当作已办")
    else:
        vague = _VAGUE.search(answer) if not did else None
        head = f"做了什么（只说“{vague.group(0)}”）" if vague else "做了什么"
        said = [head if k == "做了什么" else k for k in missing]
        # without what was done, a unit's name and a date say nothing (我局已于5月10日收到您的诉求)
        completeness = Score("completeness", sum(parts.values()) / 3 if did else 0.0, f"答复缺少：{'、'.join(said)}")

    if implied and not _BASIS.search(answer):
        explanation = Score("explanation", 0.1, f"答复要求市民接受或配合（“{implied.group(0).rstrip('。！')}”），"
                                                "但没有答应改变，也没有说明政策法规依据或事实理由")
    elif implied:
        explanation = Score("explanation", 1.0, "要求市民配合时说明了依据")
    elif not refusal:
        explanation = Score("explanation", 1.0, "未拒绝诉求，无需说明依据")
    elif basis:
        explanation = Score("explanation", 1.0, "拒绝或暂缓诉求时说明了依据")
    else:
        explanation = Score("explanation", 0.0,
                            f"答复拒绝或暂缓了诉求（“{refusal.group(0)}”），但没有说明政策法规依据或事实理由")

    # (a clause on a condition — 如后续医疗费超出赔付，可凭票据再次申请 — tells the citizen what they can do then, no promise)
    promise = _PROMISE.search(_CONDITION.sub("，", answer))
    # (a time said to be told later — 具体维修时间另行通知 — is no date, whatever other dates the answer tells)
    open_time = _TIME_LATER.search(answer)
    if open_time:
        promise = open_time
    undated = bool(promise) and (not _DATE.search(answer) or bool(open_time))
    # (an answer on a named rule's article that tells what waits on an approval — 第十二条规定…不再审批，待村庄规划批复后实行统一安置
    # — tells the policy, not a promise of the unit's)
    if (undated and re.search(r"《[^》]{2,40}》[^。；]{0,6}第[一二三四五六七八九十百零\d]+条", answer) and promise
            and promise.group(0).startswith("待") and not _TO_BE_DONE.search(answer[promise.end():promise.end() + 8])):
        undated = False
    expired = None if undated else _past_promise(answer)
    late = on_time is False
    if late and undated:
        timeliness = Score("timeliness", 0.0, f"超过办结时限{f' {late_days} 天' if late_days else ''}才答复，"
                                              f"且承诺的办理（“{promise.group(0)}”）没有给出时间")
    elif late:
        timeliness = Score("timeliness", 0.0, f"超过办结时限{f' {late_days} 天' if late_days else ''}才答复")
    elif undated:
        timeliness = Score("timeliness", 0.2, f"答复承诺后续办理（“{promise.group(0)}”），但没有给出完成时间")
    elif expired:
        timeliness = Score("timeliness", 0.1, f"答复承诺的时间（“{expired[0]}”）早于答复中已过去的日期（“{expired[1]}”），"
                                              "承诺已经过期")
    elif on_time is None:
        timeliness = Score("timeliness", 1.0, "未设办结时限")
    else:
        timeliness = Score("timeliness", 1.0, "在办结时限内答复")

    rude = _RUDE.search(answer)
    if rude:
        tone = Score("tone", 0.0, f"答复指责或推脱市民（“{rude.group(0)}”）")
    elif len(answer) < 15 and not (completeness.score == 1.0 and _names_no_thing(answer)) and not (
            relevance.score == 1.0 and _terse_deed(answer)):
        # (… though a terse result with who and when, naming no other thing — 物业今天上午已经换好了 —, is plain, not curt)
        tone = Score("tone", 0.3, f"答复过于简短（{len(answer)} 字），未向市民说明情况")
    elif _YOU.search(answer) and "您" not in answer:
        tone = Score("tone", 0.6, "答复称市民为“你”，用语欠礼貌")
    elif re.search(r"(您|感谢|谢谢|敬请|请|欢迎|理解|支持|如有疑问|如有问题|联系电话|咨询电话)", answer):
        tone = Score("tone", 1.0, "答复用语礼貌")
    else:
        tone = Score("tone", 0.7, "答复用语平实，缺少对市民的称呼或致谢")
    scores = (relevance, completeness, explanation, timeliness, tone)
    total = sum(WEIGHTS[s.name] * s.score for s in scores)
    weak = (total < WEAK_TOTAL or undated or bool(expired)
            or any(s.score < WEAK_PART for s in (relevance, completeness, explanation, tone)))
    return Check(scores, round(total, 3), weak)
