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

from routing.numerals import digits_said, number_value

_HAN = r"\u4e00-\u9fff"
_PAUSE = re.compile(f"[{_HAN}]\\s+[{_HAN}]")
# sounds with no meaning of their own, and words said while looking for the next (a token alone between pauses)
_FILLERS = frozenset({"嗯", "嗯嗯", "啊", "呃", "额", "哦", "唉", "哎", "喂", "喂喂", "那个", "那个那个", "这个", "就是",
                      "就是说", "然后", "然后呢", "对对", "对对对", "是是是", "好好", "那", "呢", "吧", "嘛", "哈"})
# a word corrected: the word before it is not meant (电梯 不是 是那个楼道灯; 在武昌 不对 就是汉阳; 中通 不是 韵达)
_CORRECTING = frozenset({"不是", "不对", "不不", "说错了", "我说错了", "讲错了", "我讲错了", "搞错了", "口误", "哦不",
                         "不是不是", "不对不对", "我说的是", "我是说"})
_RESTATED = re.compile(r"^(?:应该是|我说的是|就是|是在|是)")
# a bus line said digit by digit (五三八路, 幺零八路) or with 十 (二十四路): written as its number (538路), as the catalogue
# reads a line; two digits said apart are left alone (二七路 is a road)
_LINE_DIGITS = re.compile(r"(?<![零〇一二三四五六七八九十百])([零〇一二三四五六七八九]{3})(?=路)")
_LINE_TENS = re.compile(r"(?<![零〇一二三四五六七八九十百])([二三四五六七八九]?)十([一二三四五六七八九]?)(?=路)")
# … or with 百 (一百零八路, 二百八十二路, 两百路)
_LINE_HUNDREDS = re.compile(r"(?<![零〇一二三四五六七八九十百])[一二两三四五六七八九]百"
                            r"(?:[零〇][一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?(?=路)")


def _line_numbers(line: str) -> str:
    line = _LINE_HUNDREDS.sub(lambda m: number_value(m.group(0)), line)
    line = _LINE_DIGITS.sub(lambda m: digits_said(m.group(1)), line)
    return _LINE_TENS.sub(lambda m: number_value(m.group(0)), line)


# 幺 is how a 1 is said inside a number (幺零八路, 幺三九的号)
_YAO = re.compile(r"幺(?=[零〇一二三四五六七八九幺\d])|(?<=[零〇一二三四五六七八九\d])幺")


@lru_cache(maxsize=4096)
def _sounds(word: str) -> tuple[str, ...]:
    from routing.catalogue import sounds
    return tuple(sounds(word).split())


# sounds a speech engine (and a 武汉 speaker) does not tell apart: -ng and -n (扰明 扰民, 平 / 频), zh ch sh and z c s,
# n and l (兰湖 南湖), ü and u (红路等 红绿灯)
_LOOSE = ((re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"^n(?=[aeiouv])"), "l"), (re.compile(r"(?<=[aeio])ng$"), "n"),
          (re.compile(r"ing$"), "in"), (re.compile(r"v"), "u"))


@lru_cache(maxsize=4096)
def _loose(syllable: str) -> str:
    for pattern, repl in _LOOSE:
        syllable = pattern.sub(repl, syllable)
    return syllable


def _said_again(a: str, b: str) -> bool:
    """``b`` says ``a`` again: the same word, a longer phrase starting with it, or the same sounds (光骨 光谷), or nearly
    the same for a word of two or more (扰明 扰民, 红路等 红绿灯)."""
    if len(a) == 1:
        return a == b
    if b.startswith(a):
        return True
    if len(a) >= 2 and len(b) >= len(a):
        heard, said = _sounds(a), _sounds(b[:len(a)])
        return heard == said or tuple(map(_loose, heard)) == tuple(map(_loose, said))
    return False


# how far back a correction may reach for the phrase it replaces (在 汉阳 那个 钟家村 不是 是 武昌: two words back)
_LOOKBACK = 4
_NUMBER_START = re.compile(r"^[零〇一二三四五六七八九十幺两\d]")
# a sound the caller makes before correcting himself (哦 不 是蔡甸): 不 after it corrects
_BEFORE_NO = frozenset({"哦", "啊", "呃", "额", "唉"})


def _parallel(target: list[str], head: str, place) -> int | None:
    """Where in ``target`` (its last words) the phrase a restatement starting with ``head`` replaces begins: the earliest
    word of the same kind — the same word (一个 诊所 不是 是 一个 药店; 在 青山 … 在 洪山), a place for a place (汉阳 那个
    钟家村 不是 是 武昌), a number for a number (幺零八路 公交 不是 是 七零八) — or None."""
    if not head:
        return None
    for k in range(max(0, len(target) - _LOOKBACK), len(target)):
        word = target[k]
        if word == head or (place is not None and place(word) and place(head)) \
                or (_NUMBER_START.match(word) and _NUMBER_START.match(head)):
            return k
    return None


def _restatement(tokens: list[str], j: int) -> tuple[int, str]:
    """The first word said after a correcting word at ``j - 1``: fillers, more correcting words and 是 / 应该是 left out
    (不是 不是 我说错了 是 洪山 → 洪山); (its index, the word without its 是)."""
    while j < len(tokens):
        tok = tokens[j]
        if tok in _FILLERS or tok in _CORRECTING or (tok == "我" and j + 1 < len(tokens) and tokens[j + 1] in _CORRECTING):
            j += 1
            continue
        head = _RESTATED.sub("", tok)
        if head:
            return j, head
        j += 1
    return j, ""


# what a caller says a thing is not before saying what it is (不是 漏气 是 打不着火, 不是 扰民 而是 占道)
_NOT = frozenset({"不是", "也不是", "并不是", "倒不是"})
_IS = re.compile(r"^(?:而是|就是|是)")


def _denied(tokens: list[str], i: int) -> int:
    """``tokens[i]`` is 不是 between a word denied and what is meant (不是 漏气 是 …): the index of the 是 word, else 0."""
    if tokens[i] not in _NOT or i + 2 >= len(tokens):
        return 0
    word = tokens[i + 1]
    if word in _FILLERS or word in _CORRECTING or _IS.match(word):
        return 0
    j = i + 2
    while j < len(tokens) and tokens[j] in _FILLERS - {"就是"}:
        j += 1
    return j if j < len(tokens) and _IS.match(tokens[j]) and (tokens[j] != "就是" or j + 1 < len(tokens)) else 0


def _turns(lines: list[str], place=None) -> list[list[str]]:
    turns: list[list[str]] = []
    for line in lines:
        tokens = [t for t in line.split() if t]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            denied = _denied(tokens, i)
            if denied:    # 燃气 不是 漏气 是 打不着火: the word after 不是 is denied, the one before stands
                tokens[denied] = _RESTATED.sub("", tokens[denied])
                i = denied
                continue
            correcting = tok in _CORRECTING or (tok == "不" and i > 0 and tokens[i - 1] in _BEFORE_NO)
            if correcting and i + 1 < len(tokens):
                j, head = _restatement(tokens, i + 1)
                if not head:     # nothing said after it: kept as said
                    out.append(tok)
                    i += 1
                    continue
                if out:
                    # the phrase corrected: from the word of the restatement's kind, else the word before
                    k = _parallel(out, head, place)
                    del out[len(out) - 1 if k is None else k:]
                else:
                    # a turn opening with a correction takes back the turn before: a bare answer (在青山 → 不对 在洪山)
                    # wholly, a longer one from the phrase of the restatement's kind
                    before = next((t for t in reversed(turns) if t), None)
                    if before is not None:
                        k = _parallel(before, head, place)
                        if k is None and len(before) <= 2:
                            k = 0
                        if k is not None:
                            del before[k:]
                tokens[j] = head
                i = j
                continue
            if tok in _FILLERS:
                i += 1
                continue
            if out and _said_again(out[-1], tok):
                out.pop()
            out.append(tok)
            i += 1
        turns.append(out)
    return turns


# a comma at every pause (嗯，那个，汉阳，那个，晴川桥，不是，是那个，晴川阁，旁边): short pieces, a filler among them
_COMMA = re.compile(r"[，,、]")
_END = re.compile(r"[。.！!？?…]+$")


def _comma_paused(text: str) -> bool:
    pieces = [p for p in _COMMA.split(text) if p.strip()]
    if len(pieces) < 5:
        return False
    lengths = sorted(len(_END.sub("", p.strip())) for p in pieces)
    return lengths[len(lengths) // 2] <= 3 and any(_END.sub("", p.strip()) in _FILLERS for p in pieces)


# the call-taker's own words, which a speech engine that does not set the turns apart writes in with the caller's:
# the greeting (您好请讲, 您好这里是12345请问有什么可以帮您), the questions (请问您的地址, 请问您贵姓, 请问是哪个区) and the
# closing (好的我这边给您记录一下, 还有其他问题吗, 我们会尽快转交相关部门)
_OPERATOR = re.compile(
    # the greeting: never a bare 12345 (我打了12345好几次 is a citizen's)
    r"(?:(?:您好|你好)[，,]?)?这里是(?:武汉)?(?:市民)?(?:服务)?(?:热线)?12345(?:热线)?(?:[，,]?(?:请问)?"
    r"(?:有什么|有啥)(?:可以|需要)?(?:帮|帮助|帮到)(?:您|你)的?(?:吗)?)?"
    r"|(?:(?:您好|你好)[，,]?)?(?:12345(?:热线)?[，,]?)?请问(?:有什么|有啥)(?:可以|需要)?(?:帮|帮助|帮到)(?:您|你)的?(?:吗)?"
    # 请讲 after a greeting or opening a turn (请讲清楚 is a citizen's)
    r"|(?:您好|你好)[，,]?请讲|^请讲(?![清明白])"
    r"|请问(?:一下)?(?:您|你)(?:的)?(?:具体)?(?:地址|位置|联系方式|联系电话|电话|手机号?|姓名|名字)(?:是|在)?"
    r"(?:多少|什么|哪里|哪儿)?"
    r"|请问(?:您|你)?(?:贵姓|怎么称呼(?:您|你)?)"
    r"|请问(?:是|您是|你是|您在|你在)哪个(?:区|街道)(?:的)?"
    r"|(?:嗯)?好的[，,]?(?:我(?:这边|这里)?|这边|这里)(?:给您|帮您|给你|帮你)?(?:记录|登记)(?:一下|下来)?了?"
    r"|(?:嗯)?好的[，,]?(?:给您|帮您|给你|帮你)(?:记录|登记)(?:一下|下来)?了?"
    r"|(?:(?:好的?[，,]?)?(?:请问)?(?:您|你)|好的[，,]?(?:请问)?)还有(?:其他|别的)(?:什么)?(?:问题|事情|需要)(?:吗|没有|么)"
    r"|好的?[，,]?我们会(?:尽快)?(?:帮您|给您)?(?:转交|转给|转到|反馈给|反馈到|交给)(?:相关|有关)(?:的)?(?:部门|单位)"
    r"(?:处理)?", re.M)
# a telephone number read out (幺三八七一零二四五六九, said in groups): seven digits or more, with what introduces it
_PHONE_SAID = re.compile(r"(?:(?:我的|联系)?(?:电话|手机|号码)(?:号码|号)?(?:是)?)?[零〇一二三四五六七八九幺]{7,}")
# a call that the speech engine wrote as one run (no pause between words): it opens on the caller's sounds (喂, 嗯), or
# carries the call-taker's words or a number read out
# (喂 as a call opens, not as feeding: 喂流浪猫的人; 额 / 啊 / 哦 only set apart: 额头湾 is a place)
_SOUND = (r"(?:嗯|喂(?=[，,。、？?！!\s喂嗯]|你好|您好|那个|就是|我|是|这|在|请|有)"
          r"|(?:呃|额|啊|哦)(?=[，,。、？?！!\s喂嗯]))")
_OPENING = re.compile(f"^(?:{_SOUND}+[，,。、？?！!\\s]*)+")
_RUN_FILLERS = re.compile(r"(?:那个那个|我跟你说|我跟您说)")
# what a caller says first once the call is answered, before the matter (你好, 那个, 就是说): left out of a one-run call
_LEAD_IN = re.compile(f"^(?:(?:{_SOUND}|你好|您好|那个|就是说|就是|我跟你说|我跟您说)[，,。、？?！!\\s]*)+")
_ODD_STOPS = re.compile(r"[，,。、？?！!…]{2,}")
# a word said twice running in a one-run call (成管成管, 无业无业): kept once
# (never one with 一: 一闪一闪 and 一个一个 say it happens again and again)
_TWICE = re.compile(f"((?:(?!一)[{_HAN}]){{2,4}})\\1")


def _unpaused_call(text: str) -> bool:
    """A transcript written as one run of characters: the caller's opening sounds, the call-taker's words or a number
    read out aloud."""
    return bool(_OPENING.match(text) or _OPERATOR.search(text)
                or _PHONE_SAID.search(re.sub(r"[\s，,、]", "", text)))


def _operator_out(line: str) -> str:
    return _OPERATOR.sub("，", line)


def _run_read(text: str) -> str:
    """A one-run transcript as meant: the call-taker's words, the opening sounds, a number read out and empty
    fillers out, doubled stops one comma; the words left as the engine wrote them (那个 may be "that")."""
    out = []
    for line in text.splitlines():
        line = _LEAD_IN.sub("", line.strip())
        line = _operator_out(_YAO.sub("一", line))
        line = _TWICE.sub(r"\1", _PHONE_SAID.sub("，", _RUN_FILLERS.sub("", line)))
        line = _ODD_STOPS.sub("，", _line_numbers(line))
        line = _LEAD_IN.sub("", line.strip("，,、 "))
        if line:
            out.append(line)
    return "，".join(out)


def spoken(text: str, place=None) -> str:
    """The text as meant when it reads as a transcript (pauses between Chinese characters, or a comma at every
    pause with fillers among the pieces, or one run of characters that opens on a caller's sounds or carries the
    call-taker's words or a number read out); otherwise unchanged. ``place(word)``: the word names a place (the router
    gives its gazetteer's), so that a place corrected takes back the place said before it, not only the last word.
    The call-taker's words and a telephone number read out are left out."""
    if not text:
        return text
    if _PAUSE.search(text):
        lines = text.splitlines()
    elif _comma_paused(text):
        lines = [" ".join(_END.sub("", p.strip()) for p in _COMMA.split(line)) for line in text.splitlines()]
    elif _unpaused_call(text):
        said = _run_read(text)
        return said if said else text
    else:
        return text
    turns = _turns([_line_numbers(_YAO.sub("一", line)) for line in lines], place)
    joined = (_PHONE_SAID.sub("", _operator_out("".join(t))).strip("，,") for t in turns)
    return "，".join(j for j in joined if j)
