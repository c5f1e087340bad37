"""Phone transcripts read as the citizen meant them, before triage, place reading and scoring.

A call's appeal is the caller's turns as the call centre's speech engine gives them (``channels.phone``: joined by
line breaks): pauses as spaces, or each word apart (有 个 人 掉 到 水 里), fillers (嗯, 啊, 那个, 就是说), words said
twice or heard twice (唐家墩 唐家墩那个站, 光骨 光谷, 物叶 物业), self-corrections (电梯 不是 是那个楼道灯, 五三零 不是
五三八) and numbers as spoken (幺零八路). ``spoken`` rewrites such a text: per turn, fillers out, a word said again
kept once (the later saying), a word corrected left out, the words rejoined without the pauses (the catalogue knows
手机信号, not 手机 信号) and each turn a clause of its own (，). A written appeal (no pause between two Chinese
characters) is returned unchanged, so written text reads as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

_HAN = r"\u4e00-\u9fff"
_PAUSE = re.compile(f"[{_HAN}]\\s+[{_HAN}]")
# sounds with no meaning of their own, and words said while looking for the next (a token alone between pauses)
_FILLERS = frozenset({"嗯", "嗯嗯", "啊", "呃", "额", "哦", "唉", "哎", "喂", "喂喂", "那个", "那个那个", "这个", "就是",
                      "就是说", "然后", "然后呢", "对对", "对对对", "是是是", "好好", "那", "呢", "吧", "嘛", "哈"})
# a word corrected: the word before it is not meant (电梯 不是 是那个楼道灯; 在武昌 不对 就是汉阳; 中通 不是 韵达)
_CORRECTING = frozenset({"不是", "不对", "不不", "说错了", "我说错了", "讲错了", "我讲错了", "搞错了", "口误", "哦不",
                         "不是不是", "不对不对", "我说的是", "我是说"})
_RESTATED = re.compile(r"^(?:应该是|我说的是|就是|是在|是)")
# 幺 is how a 1 is said inside a number (幺零八路, 幺三九的号)
_YAO = re.compile(r"幺(?=[零〇一二三四五六七八九幺\d])|(?<=[零〇一二三四五六七八九\d])幺")


@lru_cache(maxsize=4096)
def _sounds(word: str) -> tuple[str, ...]:
    from routing.catalogue import sounds
    return tuple(sounds(word).split())


def _said_again(a: str, b: str) -> bool:
    """``b`` says ``a`` again: the same word, a longer phrase starting with it, or the same sounds (光骨 光谷)."""
    if len(a) == 1:
        return a == b
    if b.startswith(a):
        return True
    if len(a) >= 2 and len(b) >= len(a):
        return _sounds(a) == _sounds(b[:len(a)])
    return False


def _turn(line: str) -> str:
    tokens = [t for t in line.split() if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in _FILLERS:
            i += 1
            continue
        if tok in _CORRECTING and out and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            # 不是 before a word the caller goes on to deny (不是 漏气) is no correction: only 不是 between two sayings
            out.pop()
            rest = _RESTATED.sub("", nxt)
            tokens[i + 1] = rest
            i += 1
            continue
        if out and _said_again(out[-1], tok):
            out.pop()
        if tok:
            out.append(tok)
        i += 1
    return "".join(out)


# a comma at every pause (嗯，那个，汉阳，那个，晴川桥，不是，是那个，晴川阁，旁边): short pieces, a filler among them
_COMMA = re.compile(r"[，,、]")
_END = re.compile(r"[。.！!？?…]+$")


def _comma_paused(text: str) -> bool:
    pieces = [p for p in _COMMA.split(text) if p.strip()]
    if len(pieces) < 5:
        return False
    lengths = sorted(len(_END.sub("", p.strip())) for p in pieces)
    return lengths[len(lengths) // 2] <= 3 and any(_END.sub("", p.strip()) in _FILLERS for p in pieces)


def spoken(text: str) -> str:
    """The text as meant when it reads as a transcript (pauses between Chinese characters, or a comma at every
    pause with fillers among the pieces); otherwise unchanged."""
    if not text:
        return text
    if _PAUSE.search(text):
        lines = text.splitlines()
    elif _comma_paused(text):
        lines = [" ".join(_END.sub("", p.strip()) for p in _COMMA.split(line)) for line in text.splitlines()]
    else:
        return text
    turns = [_turn(_YAO.sub("一", line)) for line in lines]
    return "，".join(t for t in turns if t)
