"""The responsibility catalogue (派单目录 / 权责清单): what each unit answers for, in citizens' words,
and the scoring of every unit against the whole appeal.

A duty in the routing table file::

    [[duty]]
    id = "metro"                                   # unique
    name = "武汉地铁集团：地铁运营、车站设施"       # shown to operators and administrators
    lead = ["UTIL-METRO"]                          # unit references as in a rule (@street, @district.XX …)
    assist = []                                    # units that always assist on this duty
    matters = ["扶梯", "安检", "末班车"]            # what goes wrong (weight 3)
    objects = ["地铁站", "列车"]                    # what it owns or regulates (weight 2)
    places = ["站"]                                 # places it runs: named only as a landmark, weight 1
    unless = ["加装电梯"]                           # words that rule the duty out
    category = ["C010219"]                          # categories of the tree it serves (+2 when the ticket's category agrees, +1 for a first-level one)

Scoring: the text is scanned once for every term (longest first, no overlaps, so 地铁站 is an object,
not the matter 地铁); a duty scores its field weight for its first term of a field and half of it for
each further one. The matter decides: one matter (3) outweighs an incidental place (1) or object (2).

Homophones: citizens type and the call centre's speech recognition transcribes by sound (路等 for 路灯,
物叶 for 物业, 停点 for 停电), so terms of two or more characters that did not match by character are
matched again on their toneless pinyin (`pypinyin`, one reading per character), at `HOMOPHONE_WEIGHT`
of the field's weight.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

WEIGHTS = {"matters": 3.0, "objects": 2.0, "places": 1.0}
CATEGORY_BONUS = 2.0          # a duty of the ticket's category (a second-level or finer one) …
COARSE_CATEGORY_BONUS = 1.0   # … or of its first-level category only
HOMOPHONE_WEIGHT = 0.8
RESPELL_RATIO = 5          # a transcript's word is respelled as a term only when the term is this many times commoner
PARTIAL_WEIGHT = 0.9      # per distinctive two-character piece of a term, when no whole term matched …
PARTIAL_CAP = 1.9         # … never enough to lead alone (router MIN_LEAD_SCORE 2.0): it ranks the short list
PARTIAL_MAX_DUTIES = 2    # a piece counts only when at most this many duties use it (高龄 of 高龄津贴, not 小区)
PARTIAL_STOP = frozenset({"不给", "没有", "一直", "什么", "怎么", "还是", "可以", "现在", "我们", "他们", "这个", "那个", "说是"})
# particles that close the word before them (…的事, 办了): a typed span opening on one is no mistyped term
_PARTICLES = frozenset("的地得了着过")
_COMPLEMENTS = frozenset("到着过了")   # (w28-lm) closing a verb: 响到, 跑到, 吵着
# words of position after a place: the matter is beside it, not in it
_BESIDE = re.compile(r"站?(?:的)?(?:[A-Da-d0-9一二三四五六七八九十东南西北]{0,2}(?:号)?(?:出口|入口|出站口|大门|后门|侧门)(?:的)?)?"
                     r"(?:门口|旁边|附近|对面|周边|周围|隔壁|跟前|外面|外边|边上"
                     # a gate named is a position too (公园后门那边, 医院侧门那里): the matter is at the gate
                     r"|(?:(?<=门)|(?<=出口)|(?<=入口))(?:那边|这边|那里|这里|那块|那一片|那一块)"
                     # the road at a gate (医院后门那条路, 北门那段路上; twentieth wave): the matter is on the road
                     r"|(?:(?<=门)|(?<=出口)|(?<=入口))(?:外面|外边)?(?:那条路|那段路|那截路|那条街|那条巷子)"
                     # a place said only as where, its clause ending there (体育中心那边，有好多拉客的车子): the
                     # clause that follows carries the matter
                     r"|(?:那边|这边|那一带|那一片|那一块)(?=[，,])"
                     # what one meets on leaving it (琴台站出来那段路, 地铁站出来往右, 站出来的天桥上): beside it too
                     r"|出来(?=那|以后|后|往|向|右|左|就|过|的|一点)"
                     # a station's mouth (地铁站口，网约车挤在一起; fourteenth wave): beside the station too
                     r"|(?<=站)口(?=[，,。、\s]|那|这|外|旁|边))")
_NOTE = re.compile(r"[（(][^（()）]{1,8}[）)]")
# a place said as the measure of a distance (离学校太近, 距医院不到两百米, 离地铁站只有五分钟): the matter is elsewhere,
# only near it (a shop's licence refused as too near a school is the licence's; twenty-eighth wave)
_FROM = ("离", "距离", "距")
_DISTANCE = re.compile(r"(?:的距离)?(?:太近|很近|蛮近|好近|近|太远|很远|不到|只有|才|不足|不超过|[0-9一二两三四五六七八九十百几]+(?:米|公里|分钟))")


def _after_note(text: str, end: int) -> int:
    """Where the text goes on after a short note in brackets following a place (亚心医院（沌口）门口, 中医医院（光谷院区）
    旁边): the position word after it still places the matter beside the place (twentieth wave)."""
    m = _NOTE.match(text, end)
    return m.end() if m else end


# a matter term that names a kind of place (菜市场, 小学, 派出所) is beside it too when a word of position follows
# (菜市场门口卖菜的 is street order); a matter said as an action (货摆到门口) is not
_PLACE_NOUNS = ("市场", "菜场", "学", "园", "院", "所", "站", "馆", "校", "中心")
_KEYS = {"id", "name", "lead", "assist", "matters", "objects", "places", "unless", "category", "note"}


@dataclass(frozen=True)
class Duty:
    id: str
    name: str
    line: int
    lead: tuple[str, ...]
    assist: tuple[str, ...] = ()
    matters: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DutyScore:
    duty: Duty
    score: float
    hits: tuple[str, ...]


def load_duties(raw_duties: list[dict[str, Any]], text: str, source: str, registry, tree) -> list[Duty]:
    """Validate the [[duty]] entries of a routing table (errors name the duty and its line)."""
    from routing.table import RoutingTableError, _as_list, category_codes, lead_and_assist
    lines = [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*duty\s*\]\]", line)]
    out: list[Duty] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_duties):
        line = lines[i] if i < len(lines) else 0
        did = raw.get("id")
        where = f"{source} 第{line}行 派单目录 {did}"
        extra = set(raw) - _KEYS
        if extra:
            raise RoutingTableError(f"{where}: 未知字段 {sorted(extra)}")
        if not isinstance(did, str) or not did:
            raise RoutingTableError(f"{where}: 缺少 id")
        if did in seen:
            raise RoutingTableError(f"{where}: id 与第{seen[did]}行的条目重复")
        seen[did] = line
        lead, assist = lead_and_assist(raw, registry, where)
        terms = {k: tuple(t.strip() for t in _as_list(raw.get(k), where, k)) for k in ("matters", "objects", "places", "unless")}
        for k, vals in terms.items():
            bad = [t for t in vals if len(t) < 1]
            if bad:
                raise RoutingTableError(f"{where}: {k} 含空词")
        if not (terms["matters"] or terms["objects"]):
            raise RoutingTableError(f"{where}: 至少要有 matters 或 objects（市民会怎么说）")
        cats = category_codes(raw, tree, where)
        out.append(Duty(id=did, name=str(raw.get("name", did)), line=line, lead=tuple(lead), assist=tuple(assist),
                        matters=terms["matters"], objects=terms["objects"], places=terms["places"],
                        unless=terms["unless"], categories=tuple(cats), note=str(raw.get("note", ""))))
    return out


@lru_cache(maxsize=20000)
def _syllable(ch: str) -> str:
    if not ("\u4e00" <= ch <= "\u9fff"):
        return "|"
    from pypinyin import Style, lazy_pinyin
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


DIALECT_CHARS = frozenset("冇伢")   # characters of 武汉 speech: never a misheard term's
# a determiner or numeral followed by a measure word (每回, 这趟, 几栋, 上回, 两户) is a phrase of quantity written as
# meant, however it sounds: 每回 is no 煤灰, 几回 no 鸡汇
_QUANTITY = re.compile(r"[每这那哪几上下头第前后半一二两三四五六七八九十百千万][回次趟个天年月栋户家层块条遍顿把只位间辆台件]")
NEGATIONS = frozenset("没不冇无未")
_PERSONS = frozenset("我你您他她")
_NUMERAL = re.compile(r"[零〇一二三四五六七八九十百千万亿几两半双\d]")


def sounds(text: str) -> str:
    """Toneless pinyin, one syllable per character, space-separated (non-Han characters → |)."""
    return " " + " ".join(_syllable(ch) for ch in text) + " "


def sound_span(spoken: str, m: re.Match[str]) -> tuple[int, int]:
    """The characters of the text that a match in its reading covers (a reading with one syllable per character,
    space-separated and space-framed: :func:`sounds`, ``routing.places``' reading aloud)."""
    start = spoken.count(" ", 0, m.start()) - 1
    return start, start + m.group(0).count(" ") + 1


class Catalogue:
    """Scores every duty against a text in one regex pass."""

    def __init__(self, duties: Iterable[Duty], tree=None):
        self.duties = list(duties)
        self.tree = tree
        self._terms: dict[str, list[tuple[int, str]]] = {}
        self._unless: dict[str, list[int]] = {}
        for i, d in enumerate(self.duties):
            for field in WEIGHTS:
                for t in getattr(d, field):
                    bucket = self._terms.setdefault(t, [])
                    if not any(j == i for j, _ in bucket):
                        bucket.append((i, field))
            for t in d.unless:
                self._unless.setdefault(t, []).append(i)
        keys = sorted(self._terms, key=lambda k: (-len(k), k))
        self._regex = re.compile("|".join(map(re.escape, keys))) if keys else re.compile(r"(?!x)x")
        self._by_sound: dict[str, list[str]] = {}
        for t in self._terms:
            # a negated term (没水, 没电, 不开票) is not heard by its sound: 没睡 is no 没水, 没点 no 没电
            if len(t) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in t) and t[0] not in NEGATIONS:
                self._by_sound.setdefault(sounds(t).strip(), []).append(t)
        skeys = sorted(self._by_sound, key=lambda k: (-len(k), k))
        self._sound_re = re.compile("(?<= )(?:" + "|".join(map(re.escape, skeys)) + ")(?= )") if skeys else re.compile(r"(?!x)x")
        # distinctive two-character pieces of the longer terms (≥ 3 characters) for partial matching
        pieces: dict[str, set[int]] = {}
        for t, bucket in self._terms.items():
            if len(t) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in t):
                for k in range(len(t) - 1):
                    pieces.setdefault(t[k:k + 2], set()).update(i for i, f in bucket if f != "places")
        self._pieces = {p: tuple(sorted(ids)) for p, ids in pieces.items()
                        if 0 < len(ids) <= PARTIAL_MAX_DUTIES and p not in PARTIAL_STOP and p not in self._terms
                        # a piece with a person in it (扣我 of 扣我工资, 给我) says whom, not what: no duty's sign
                        and not any(ch in _PERSONS for ch in p)}
        ukeys = sorted(self._unless, key=lambda k: (-len(k), k))
        # the scan takes the longest word only (宠物医院, one duty's): a shorter one inside it (宠物, another duty's)
        # rules its duties out as well, as it would have alone
        self._unless = {k: sorted({i for t in ukeys if t in k for i in self._unless[t]}) for k in ukeys}
        self._unless_re = re.compile("|".join(map(re.escape, ukeys))) if ukeys else re.compile(r"(?!x)x")
        # a jieba tokenizer (the router gives the gazetteer's): when set, a term heard by its sound counts
        # only where the text's characters are no word of their own (see `_misheard`)
        self.tokenizer: Any = None

    def _words(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every word of two or more characters jieba finds in the text."""
        out, at = [], 0
        for w in self.tokenizer.lcut(text, HMM=False):
            if len(w) > 1:
                out.append((at, at + len(w)))
            at += len(w)
        return out

    def _misheard(self, span: str, start: int, end: int, words: list[tuple[int, int]], transcript: bool = False) -> bool:
        # a speech engine writes only words of its dictionary (无业 for 物业, 露水 for 漏水): in a transcript a span that
        # is a word of its own may be the misheard term; one that cuts across a word still may not
        if (self.tokenizer.FREQ.get(span) and not transcript) or _QUANTITY.match(span):
            return False
        # a span opening on a particle (的事 ≈ 的士, 了解 ≈ …) begins with the end of the word before it: written as meant
        if not transcript and span[:1] in _PARTICLES:
            return False
        # (w28-lm) likewise a two-character span closing on a verb's complement (响到 ≈ 乡道, 跑到 ≈ 跑道, 开过 ≈ …): a
        # verb and what it reached, written as meant
        if not transcript and len(span) == 2 and span[1] in _COMPLEMENTS:
            return False
        return not any(a < end and start < b and not (start <= a and b <= end) for a, b in words)

    def respelled(self, text: str, keep=()) -> str:
        """A speech engine's text with each word of its own that sounds like a term written as the term (无业 → 物业,
        然气 heard as one word → 燃气): the rules, triage and the place reading then read the term too. Only a
        span that is one whole word of the tokenizer and a much rarer word than the term (RESPELL_RATIO: 地方 is no 堤防,
        不到 no 步道, 报修 no 保修), with
        no numeral (几万 is no 急弯), no dialect word and none of ``keep`` (place names: 蔡甸 is no 菜店)."""
        if self.tokenizer is None:
            return text
        spoken = sounds(text)
        words = set(self._words(text))
        out, at = [], 0
        for m in self._sound_re.finditer(spoken):
            start, end = sound_span(spoken, m)
            span = text[start:end]
            if start < at or (start, end) not in words or _NUMERAL.search(span) or _QUANTITY.match(span) \
                    or any(ch in DIALECT_CHARS for ch in span):
                continue
            term = next((t for t in self._by_sound[m.group(0)] if len(t) == len(span)), None)
            if term is None or term == span or term in text or span in keep \
                    or RESPELL_RATIO * (self.tokenizer.FREQ.get(span) or 0) >= (self.tokenizer.FREQ.get(term) or 0):
                continue
            out.append(text[at:start] + term)
            at = end
        return "".join(out) + text[at:] if out else text

    def beside(self, text: str) -> list[tuple[int, int]]:
        """Spans of the terms a matter is only beside (超市门口, 医院旁边, 地铁站附近): a place or an object
        followed by a word of position, or said as the measure of a distance (离学校太近); the owner of the place
        is not the matter's unit. Roads (马路边上
        摆摊 is on the road) and estates (小区门口: the estate's own entrance) stay."""
        return [m.span() for m in self._regex.finditer(text)
                if (_BESIDE.match(text, _after_note(text, m.end()))
                    or (text.endswith(_FROM, 0, m.start()) and _DISTANCE.match(text, m.end())))
                and not m.group(0).endswith(("路", "街", "道", "小区"))
                and (all(f != "matters" for _, f in self._terms[m.group(0)]) or m.group(0).endswith(_PLACE_NOUNS))]

    def terms_of(self, text: str, duty_id: str) -> list[re.Match[str]]:
        """The terms of ``text`` (longest first, as :meth:`score` reads them) that duty ``duty_id`` lists."""
        return [m for m in self._regex.finditer(text)
                if any(self.duties[i].id == duty_id for i, _ in self._terms.get(m.group(0), ()))]

    def partial(self, text: str) -> list[DutyScore]:
        """When no whole term matched: duties whose longer terms share distinctive two-character pieces
        with the text (高龄补贴 ~ 高龄津贴), best first; a weak signal that ranks the operator's short
        list and never leads alone."""
        hits: dict[int, list[str]] = {}
        for k in range(len(text) - 1):
            p = text[k:k + 2]
            for i in self._pieces.get(p, ()):
                if p not in hits.setdefault(i, []):
                    hits[i].append(p)
        ruled_out = {i for m in self._unless_re.finditer(text) for i in self._unless[m.group(0)]}
        out = [DutyScore(self.duties[i], min(PARTIAL_CAP, PARTIAL_WEIGHT * len(h)), tuple(f"~{p}" for p in h))
               for i, h in hits.items() if i not in ruled_out]
        out.sort(key=lambda s: -s.score)
        return out

    def score(self, text: str, category: str | None = None, *, transcript: bool = False) -> list[DutyScore]:
        """Duties with a positive score, best first. ``transcript``: the text is a speech engine's transcript."""
        found: dict[int, dict[str, list[str]]] = {}
        exact: set[str] = set()
        spans: list[tuple[int, int]] = []
        for m in self._regex.finditer(text):
            exact.add(m.group(0))
            spans.append(m.span())
            for i, field in self._terms[m.group(0)]:
                hits = found.setdefault(i, {}).setdefault(field, [])
                if m.group(0) not in hits:
                    hits.append(m.group(0))
        heard: dict[int, dict[str, list[str]]] = {}
        spoken = sounds(text)
        words = None
        for m in self._sound_re.finditer(spoken):
            start, end = sound_span(spoken, m)
            # characters that already read as a term where they stand, the term reaching out of the span (禁养区|要 is
            # no 取药), were written as meant; a term within the span (工积金 itself, heard as 公积金 too) stays
            if any(a < end and start < b and not (start <= a and b <= end) for a, b in spans):
                continue
            if self.tokenizer is not None:
                # a span that is itself a word (几万 ≈ 急弯, 大车 ≈ 打车) or cuts across one (装的|师傅 ≈ 的士,
                # 建材|市场 ≈ 采石场) was written as meant: only a span that is no word of the dictionary
                # and sits between word boundaries is a mistyped or misheard term (路等, 物叶, 停点)
                if words is None:
                    words = self._words(text)
                if not self._misheard(text[start:end], start, end, words, transcript):
                    continue
            # 冇 (没有) and 伢 (child) are the city's own speech, written as meant: 冇睡 is no 冒水
            if any(ch in DIALECT_CHARS for ch in text[start:end]):
                continue
            for term in self._by_sound[m.group(0)]:
                if term in exact or term in text:
                    continue
                for i, field in self._terms[term]:
                    hits = heard.setdefault(i, {}).setdefault(field, [])
                    if term not in hits and term not in found.get(i, {}).get(field, ()):
                        hits.append(term)
        ruled_out = {i for m in self._unless_re.finditer(text) for i in self._unless[m.group(0)]}
        out: list[DutyScore] = []
        for i, d in enumerate(self.duties):
            if i in ruled_out:
                continue
            fields = found.get(i, {})
            score = sum(WEIGHTS[f] * (1 + 0.5 * (len(h) - 1)) for f, h in fields.items())
            for f, h in heard.get(i, {}).items():
                score += HOMOPHONE_WEIGHT * WEIGHTS[f] * (0.5 if fields.get(f) else 1) * (1 + 0.5 * (len(h) - 1))
            # the ticket's category: a second-level or finer one (an operator's, a trained classifier's)
            # speaks for its duties; a first-level one (what the starter classifier names) only confirms,
            # with less weight, a duty the text already names — a coarse or wrong guess must not make a
            # duty without a word in the appeal a candidate
            if category and self.tree is not None and any(self.tree.is_within(category, c) for c in d.categories):
                if self.tree.depth(category) > 1:
                    score += CATEGORY_BONUS
                elif score > 0:
                    score += COARSE_CATEGORY_BONUS
            if score > 0:
                out.append(DutyScore(d, score, tuple(t for f in WEIGHTS for t in fields.get(f, ()))
                                     + tuple(f"≈{t}" for f in WEIGHTS for t in heard.get(i, {}).get(f, ()))))
        out.sort(key=lambda s: -s.score)
        return out
