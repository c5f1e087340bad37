"""Does a review's text contradict its level (5 stars with an angry text)? One function: ``contradiction``.

The review-sentiment model of ``classifier`` is used when one is loaded (``hl.review_sentiment``,
set by ``bootstrap``). A small lexicon
backs it up, and stands alone when no model is loaded, so a rating is never held up by training.
"""
from __future__ import annotations

import logging

from hotline.domain.vocab import level_contradiction

log = logging.getLogger(__name__)

NEGATIVE = ("态度差", "态度恶劣", "太差", "很差", "极差", "差劲", "垃圾", "气死", "生气", "愤怒", "恶心",
            "投诉", "推诿", "扯皮", "刁难", "不耐烦", "骂", "吵", "敷衍", "拖延", "没人管", "不作为",
            "再也不", "失望", "太慢", "跑了好几趟", "浪费时间", "不解决", "没解决", "乱收费", "吃拿卡要")
POSITIVE = ("非常好", "很好", "满意", "感谢", "谢谢", "热情", "耐心", "周到", "高效", "点赞", "专业",
            "细致", "快捷", "方便", "表扬", "辛苦了")
NEGATIONS = ("不", "没", "无", "未")


def _hits(text: str, words: tuple[str, ...]) -> int:
    count = 0
    for word in words:
        start = text.find(word)
        while start >= 0:
            negated = start > 0 and text[start - 1] in NEGATIONS and word not in NEGATIVE
            if not negated:
                count += 1
            start = text.find(word, start + len(word))
    return count


def lexicon_contradiction(level: int, text: str | None) -> str | None:
    if not text or not text.strip() or level == 3:
        return None
    neg, pos = _hits(text, NEGATIVE), _hits(text, POSITIVE)
    return level_contradiction(level, negative=f"负面词 {neg} 个" if neg >= 1 and neg > pos else None,
                               positive=f"正面词 {pos} 个" if pos >= 2 and neg == 0 else None)


def contradiction(hl, level: int, text: str | None) -> tuple[str | None, str]:
    """(reason or None, source): the model when available, the lexicon otherwise or as a back-up."""
    model = hl.review_sentiment if hl is not None else None
    if model is not None and text and text.strip():
        try:
            reason = model.contradiction(level, text)
        except Exception:  # noqa: BLE001 - a broken model never stops a rating
            log.exception("review sentiment model failed; using the lexicon")
        else:
            if reason:
                return reason, "model"
    return lexicon_contradiction(level, text), "lexicon"
