"""Reply checks (工单质检): score a unit's answer to an appeal, each score with one sentence saying why.

Five scores in 0..1 — relevance (does the answer speak of the appeal's problem and place),
completeness (what was done, by whom, when), explanation (the basis, when the request is refused),
timeliness (answered within the deadline) and tone — and a weighted total. An answer is weak when
the total is under ``WEAK_TOTAL`` or relevance or completeness is under ``WEAK_PART``: the operator
sees it flagged at the callback. Rules, not a model: every score can be explained and checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from insight.matter import load_lexicon, matter_of

WEIGHTS = {"relevance": 0.3, "completeness": 0.3, "explanation": 0.15, "timeliness": 0.1, "tone": 0.15}
WEAK_TOTAL = 0.6
WEAK_PART = 0.4
LABELS = {"relevance": "针对性", "completeness": "完整性", "explanation": "说明依据", "timeliness": "及时性", "tone": "态度"}

_WHAT = re.compile(r"(已|已经|现已|立即|及时|马上|安排|组织|责令|督促|要求|协调|联系)[^，。；]{0,8}?"
                   r"(处理|清理|清运|维修|修复|修好|整改|查处|拆除|恢复|更换|安装|疏通|答复|解决|核实|调查|制止|约谈|处罚|告知|办理|通知)|"
                   r"(处理|清理|清运|维修|修复|整改|查处|拆除|恢复|更换|安装|疏通|解决)(完毕|完成|到位|好了)")
_WHO = re.compile(r"(我局|我委|我办|我中心|我单位|我司|我街|本局|本单位|街道|社区|执法|城管|中队|大队|派出所|工作人员|"
                  r"网格员|物业|供水|供电|燃气公司|施工单位|项目部|[\u4e00-\u9fa5]{1,8}(局|委|办|中心|公司|所|站|队))")
_WHEN = re.compile(r"(\d{1,4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日|今天|今日|当天|当日|昨天|昨日|次日|近日|"
                   r"\d+\s*(个)?(工作日|小时|天)内|目前|现已|已于|本周|下周|月底|[一二三四五六七八九十]+月)")
_REFUSE = re.compile(r"(不属于|不在.{0,6}范围|无法|不予|不符合|暂不|不能|不可以|不支持|不受理|难以|无权)")
_BASIS = re.compile(r"(依据|根据|按照|依照|规定|条例|办法|法》|法第|第[一二三四五六七八九十百\d]+条|政策|文件|标准|《)")
_POLITE = re.compile(r"(您|感谢|谢谢|敬请|请|欢迎|理解|支持|如有疑问|如有问题|联系电话|咨询电话)")
_RUDE = re.compile(r"(自己解决|自行解决|不归我们管|别再|不要再打|没办法|爱找谁找谁|找别人|与我无关|不清楚|不知道)")


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


def check_reply(appeal: str, answer: str, *, on_time: bool | None = True, late_days: int = 0) -> Check:
    lexicon = load_lexicon()
    answer = (answer or "").strip()
    a, b = matter_of(appeal or "", None), matter_of(answer, None)
    mods = lexicon.modifiers()
    problems = a.concepts - mods
    shared = problems & b.concepts
    place_named = [p for p in a.places if p in answer]
    grams = len(a.grams & b.grams) / max(1, min(len(a.grams), 40))
    if problems:
        rel = 0.7 * len(shared) / len(problems) + 0.3 * min(1.0, grams * 3)
    else:
        rel = min(1.0, grams * 3)
    if place_named:
        rel = min(1.0, rel + 0.2)
    if shared or place_named:
        named = "、".join([lexicon.label(c) for c in sorted(shared, key=lexicon.rank)] + place_named)
        why_rel = f"答复回应了诉求中的“{named}”"
    elif problems:
        why_rel = f"答复未提及诉求的问题（{'、'.join(lexicon.label(c) for c in sorted(problems, key=lexicon.rank))}）"
    else:
        why_rel = "答复与诉求内容的用词重合较少" if rel < 0.5 else "答复与诉求内容相关"
    relevance = Score("relevance", min(1.0, rel), why_rel)

    refused = bool(_REFUSE.search(answer))
    reasoned = refused and bool(_BASIS.search(answer))
    # a refusal with its basis says what was decided: that is what was done
    parts = {"做了什么": bool(_WHAT.search(answer)) or reasoned, "由谁办理": bool(_WHO.search(answer)),
             "何时办理": bool(_WHEN.search(answer)) or reasoned}
    missing = [k for k, v in parts.items() if not v]
    completeness = Score("completeness", sum(parts.values()) / 3,
                         "答复写明了做了什么、由谁、何时办理" if not missing else f"答复缺少：{'、'.join(missing)}")

    if not refused:
        explanation = Score("explanation", 1.0, "未拒绝诉求，无需说明依据")
    elif reasoned:
        explanation = Score("explanation", 1.0, "拒绝或暂缓诉求时说明了依据")
    else:
        explanation = Score("explanation", 0.0, "答复拒绝或暂缓了诉求，但没有说明政策或法规依据")

    if on_time is None:
        timeliness = Score("timeliness", 1.0, "未设办结时限")
    elif on_time:
        timeliness = Score("timeliness", 1.0, "在办结时限内答复")
    else:
        timeliness = Score("timeliness", 0.0, f"超过办结时限{f' {late_days} 天' if late_days else ''}才答复")

    if _RUDE.search(answer):
        tone = Score("tone", 0.0, f"答复用语生硬（“{_RUDE.search(answer).group(0)}”）")
    elif len(answer) < 15:
        tone = Score("tone", 0.3, f"答复过于简短（{len(answer)} 字），未向市民说明情况")
    elif _POLITE.search(answer):
        tone = Score("tone", 1.0, "答复用语礼貌")
    else:
        tone = Score("tone", 0.7, "答复用语平实，缺少对市民的称呼或致谢")
    scores = (relevance, completeness, explanation, timeliness, tone)
    total = sum(WEIGHTS[s.name] * s.score for s in scores)
    weak = total < WEAK_TOTAL or relevance.score < WEAK_PART or completeness.score < WEAK_PART
    return Check(scores, round(total, 3), weak)
