"""Appeal type and urgency from lexicons (no labelled data exists for either).

Both work on the normalised text (``classifier.text.normalise``: NFKC, lower case, no spaces) with
plain substring lexicons, so a reader can check every decision: the matched words are returned and
end up in ``Classification.signals``.

Urgency (codes of ``hotline.domain.vocab.Urgency``; the dispatch hours per code live in the
core's rules file, not here):

* ``emergency`` (紧急) — a danger to people now: gas leaks (燃气泄漏; 漏气 only next to a gas word
  such as 燃气/煤气/天然气/液化气), fire (着火, 起火, 火灾, 失火, 爆炸), drowning (溺水, 落水,
  掉进河里…), electrocution (触电, 电线掉落), collapse (塌方, 坍塌, 倒塌, 垮塌, 塌陷), a person in
  danger (被困, 救命, 快来人, 跳楼, 轻生, 昏迷, 晕倒, 中毒, 走失…). A term followed by 隐患
  (火灾隐患: a hazard, not a fire) or preceded (within four characters) by a negation (没有, 不是, 并非, 防止…) does not count.
* ``utility`` (水电气暖) — an outage of water, power, gas or heating (停水, 停电, 断电, 没水,
  没电, 停气, 暖气不热, 爆管…), or extreme weather (暴雨, 暴雪, 冰冻, 台风, 高温…) together with an
  outage or flooding (积水, 渍水, 被淹, 倒伏…).
* ``normal`` (一般) — everything else.

Appeal type (codes of ``AppealType``): each type has a lexicon of weighted cues; an explicit verb
(举报, 投诉, 建议, 咨询, 求助, 表扬) weighs 3, other cues 1–2; the highest score wins, ties going
to the order report > complaint > help > suggestion > consult > praise. Courtesy phrases at the
end (…，谢谢) are removed before scoring so they do not read as praise. Nothing matched: ``help``
(求助), the most common kind of appeal to a 12345 hotline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.text import normalise

EMERGENCY_TERMS: tuple[str, ...] = (
    # gas
    "燃气泄漏", "燃气泄露", "煤气泄漏", "煤气泄露", "天然气泄漏", "天然气泄露", "燃气味", "煤气味",
    "天然气味", "液化气味",
    # fire and explosion
    "着火", "起火", "失火", "火灾", "大火", "火情", "烧起来", "爆炸",
    # water
    "溺水", "落水", "掉进河", "掉进湖", "掉进水", "掉到河", "掉到湖", "掉入", "被水冲走",
    # electricity
    "触电", "电线掉落", "电线断落", "高压线断", "漏电伤人",
    # collapse
    "塌方", "坍塌", "倒塌", "垮塌", "塌陷", "山体滑坡", "滑坡",
    # a person in danger
    "被困", "困在", "救命", "快来人", "来人啊", "跳楼", "轻生", "自杀", "昏迷", "晕倒", "中毒",
    "老人走失", "孩子走失", "小孩走失", "走失", "生命危险", "危及生命", "有人受伤", "流血不止",
)
GAS_WORDS: tuple[str, ...] = ("燃气", "煤气", "天然气", "液化气", "气罐", "气瓶")
GAS_LEAK_WORDS: tuple[str, ...] = ("漏气", "泄漏", "泄露", "漏出")
UTILITY_TERMS: tuple[str, ...] = (
    "停水", "断水", "没水", "没有水", "无水", "水压低", "爆管", "水管爆", "水管破裂",
    "停电", "断电", "没电", "没有电", "跳闸", "供电中断",
    "停气", "断气", "没有燃气", "燃气停供",
    "暖气不热", "没有暖气", "停暖", "供暖不足", "不供暖",
)
WEATHER_TERMS: tuple[str, ...] = ("暴雨", "大暴雨", "暴雪", "冰冻", "冻雨", "台风", "寒潮", "高温",
                                  "酷暑", "大风", "极端天气", "洪水", "汛期")
FLOOD_TERMS: tuple[str, ...] = ("积水", "渍水", "被淹", "淹了", "进水", "倒伏", "树倒", "内涝")
NEGATIONS: tuple[str, ...] = ("没有", "不是", "并非", "并未", "未发生", "防止", "预防", "避免", "以防", "无")
NOT_NOW_SUFFIXES: tuple[str, ...] = ("隐患", "风险", "演练", "预案", "知识", "宣传")

# appeal type lexicons: cue -> weight
APPEAL_LEXICON: dict[str, dict[str, int]] = {
    "report": {"举报": 3, "检举": 3, "揭发": 3, "实名举报": 3, "无证经营": 2, "无照经营": 2,
               "非法": 1, "违法": 1, "违规": 1, "偷排": 1, "私自": 1, "涉嫌": 1, "黑作坊": 2,
               "传销": 2, "地沟油": 1, "贪污": 2, "受贿": 2},
    "complaint": {"投诉": 3, "乱收费": 2, "不作为": 2, "态度恶劣": 2, "态度差": 2, "推诿": 2,
                  "拖欠": 1, "扰民": 1, "敷衍": 2, "不处理": 1, "不管": 1, "拒绝": 1, "强制": 1,
                  "欺诈": 1, "霸王条款": 1, "不满": 2, "太差": 1, "刁难": 2, "不退": 1},
    "help": {"求助": 3, "救命": 3, "快来人": 3, "帮帮": 2, "帮忙": 2, "帮助": 2, "请帮": 2,
             "被困": 2, "怎么办": 1, "急需": 1, "走投无路": 2},
    "suggestion": {"建议": 3, "提议": 3, "呼吁": 2, "希望增设": 2, "增设": 1, "能否增加": 2,
                   "希望增加": 2, "希望开设": 2, "希望延长": 1, "能不能增加": 2, "应该": 1, "最好能": 1},
    "consult": {"咨询": 3, "请问": 2, "想了解": 2, "想问": 2, "问一下": 2, "怎么办理": 2,
                "如何办理": 2, "怎么申请": 2, "如何申请": 2, "怎么": 1, "如何": 1, "哪里": 1,
                "哪个部门": 1, "什么时候": 1, "多少": 1, "是否": 1, "能不能": 1, "可以吗": 1,
                "吗?": 1, "需要什么": 1, "流程": 1, "政策": 1},
    "praise": {"表扬": 3, "感谢": 2, "致谢": 3, "点赞": 3, "锦旗": 3, "感谢信": 3, "辛苦了": 2,
               "为他们点赞": 3, "非常满意": 2, "很负责": 1, "热心": 1, "耐心": 1},
}
APPEAL_PRIORITY: tuple[str, ...] = ("report", "complaint", "help", "suggestion", "consult", "praise")
DEFAULT_APPEAL = "help"
_TRAILING_COURTESY = re.compile(r"[,.;!。，；！]+(谢谢|非常感谢|感谢|多谢|辛苦了)[^,.;!。，；！]{0,6}[。!！.]*$")


@dataclass(frozen=True)
class RuleMatch:
    code: str
    matched: tuple[str, ...] = ()

    def as_signal(self) -> dict[str, object]:
        return {"code": self.code, "matched": list(self.matched)}


def _occurrences(text: str, term: str):
    start = text.find(term)
    while start != -1:
        yield start
        start = text.find(term, start + 1)


def _live(text: str, term: str) -> bool:
    """The term occurs at least once neither negated nor followed by 隐患/风险/…"""
    for pos in _occurrences(text, term):
        before = text[max(0, pos - 4):pos]
        after = text[pos + len(term):pos + len(term) + 2]
        if before.endswith("无") or any(neg in before for neg in NEGATIONS if len(neg) > 1):
            continue
        if any(after.startswith(s) for s in NOT_NOW_SUFFIXES):
            continue
        return True
    return False


def detect_urgency(text: str) -> RuleMatch:
    t = normalise(text)
    hits = [term for term in EMERGENCY_TERMS if _live(t, term)]
    if any(g in t for g in GAS_WORDS):
        hits += [w for w in GAS_LEAK_WORDS if _live(t, w)]
    if hits:
        return RuleMatch("emergency", tuple(dict.fromkeys(hits)))
    outages = [term for term in UTILITY_TERMS if _live(t, term)]
    weather = [term for term in WEATHER_TERMS if term in t]
    floods = [term for term in FLOOD_TERMS if term in t] if weather else []
    if outages or floods:
        return RuleMatch("utility", tuple(dict.fromkeys(outages + weather + floods)))
    return RuleMatch("normal")


def detect_appeal_type(text: str) -> RuleMatch:
    t = normalise(text)
    stripped = _TRAILING_COURTESY.sub("", t) or t
    scores: dict[str, int] = {}
    matched: dict[str, list[str]] = {}
    for code, lexicon in APPEAL_LEXICON.items():
        for cue, weight in lexicon.items():
            if cue in stripped:
                scores[code] = scores.get(code, 0) + weight
                matched.setdefault(code, []).append(cue)
    if not scores:
        return RuleMatch(DEFAULT_APPEAL)
    best = max(scores.values())
    code = next(c for c in APPEAL_PRIORITY if scores.get(c) == best)
    return RuleMatch(code, tuple(matched[code]))
