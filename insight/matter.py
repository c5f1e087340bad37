"""What concrete matter an appeal is about: where (place keys) and what (problem concepts + wording).

Two appeals are about the same matter (a repeat, 并单) when they name the same concrete place — an
estate, a road, a landmark; the street only when one of them names nothing finer — and the same
problem in their own words. The problem is compared on concepts (``concepts.toml``: 吵/噪音/睡不着 are
one concept) and on the character bigrams left once the place names are taken out. A different
problem at the same place, or the same problem at a different place, is not a repeat.

Pure: text in, :class:`Matter` out; :func:`compare` answers a score and a Chinese reason.
"""
from __future__ import annotations

import itertools
import math
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

_PUNCT = re.compile(r"[\s\W\d_a-zA-Z]+")
# landmarks the registry does not list: 某某小学, 某某医院, 某某地铁站, 某某工地 …
_LANDMARK_RE = re.compile(
    r"([\u4e00-\u9fa5]{2,6}?)(小学|中学|学校|幼儿园|医院|公园|广场|农贸市场|菜市场|市场|地铁站|公交站|火车站|汽车站|"
    r"大桥|立交|隧道|商场|超市|工业园|产业园|科技园|软件园|医药园|物流园|园区|体育馆|图书馆|菜场|转运站|加油站|工地|美食街|山庄|大学|学院|码头|景区|"
    r"酒店|宾馆|电影院|步行街|寺|站台|服装城|商贸城|批发城|购物中心)(?!舞|局)")  # 晚上广场舞 is no place, nor 大桥局 (a works bureau) a bridge


def _led_by_kind(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``(NAME{m,n}?)(KIND|KIND…)…`` with a look-ahead first: from this character, within the name's lengths, a
    character that begins a kind. The same matches (a start with none cannot match), 1.5–2× faster on long letters:
    re tried every kind after every length at every character, the look-ahead tries one character class."""
    head = re.match(r"\(([^()]*\{\d+,\d+\}\?)\)\(([^()]*)\)", pattern.pattern)
    assert head, pattern.pattern
    firsts = "".join(sorted({kind[0] for kind in head.group(2).split("|")}))
    return re.compile(f"(?={head.group(1)}[{re.escape(firsts)}])" + pattern.pattern)


_LANDMARK_FIND = _led_by_kind(_LANDMARK_RE)     # what _landmarks reads with (_KINDS reads _LANDMARK_RE's kinds)
_LANDMARK_LEFT = re.compile(r".*(?:[我你他她们在住的到去从、，。,：:；;！!？?（）()\s]|附近|旁边|对面|门口|楼下|楼上|楼前|楼后|"
                            r"区|街道|大道|路|街|点半|点钟|点多|点左右|有一?[个家座所]|一下|(?:管|查|看|问|修|治|整)一?(?:管|查|看|问|修|治|整))")   # 四点半光谷一小; 吴家山有个工地: no name
# every road a text names (routing keeps the first one only): 汉正街大夹街 → 汉正街, 大夹街
_ROADS_RE = re.compile(r"([\u4e00-\u9fa5]{2,5}?)(大道|大街|路(?![面况由灯])|街(?!道|坊))")    # 路灯: a street lamp
_ROAD_LEFT = re.compile(r".*(?:[我你他她们在住的到、，。,：:；;！!？?（）()\s]|附近|旁边|对面|门口|"
                        r"区|街道|市|号线|那条|这条|一条|大学|学院|医院|公园|一下|"
                        r"那块|这块|那一块|这一块|那片|这片|那边|这边|那里|这里|"
                        r"改走|绕走|改到|绕到|改道|绕道|不走|经过)")   # 武汉大学樱花大道 → 樱花大道; (w30-hot) 突然改走解放大道 → 解放大道
# (w21-rep2) … and a word of position ends an area, not a road's name (王家湾那块路上臭死了: the road there, at 王家湾)
_NOT_ROAD_END = set("走过上下在堵跑开修铺占马条段截边口头线公道铁网思出进门来去回问套挡拦让带领把被了绕远炸逛这那哪往朝压停")  # 往路边倒: a direction; 压路机: a roller; 停路边: a kerb
# words that end a place phrase on the left when they precede it: "投诉小区…", "目前泉星美食街"
_LEFT_WORDS = re.compile(r"^(?:(.*?)(?:再反映一次|再反映一下|反映一下|反映一次|再问一下|问一下|咨询一下|说一下|我们住的|我家住的|我住的|我们|我家|住在|那个|这个|那边|这边|目前|投诉|导致|反映|请问|关于|并且|而且|由于|因为|所以|现在|但是|发现|希望|要求|"
                         r"建议|咨询|举报|整个|周边|周围|附近|所在|取消|考虑|维护|不宜|行为|部门|该|且|及|或|能|已|至))")
_GENERIC_HEADS = {"住宅", "老旧", "新建", "安置", "周边", "附近", "我们", "你们", "他们", "整个", "这些", "那些",
                  "一个", "这个", "那个", "各个", "多个", "所有", "城市", "市区", "农村", "学校", "公共", "配套", "房地产",
                  "建筑", "施工", "在建", "实验", "附属", "公立", "私立", "民办", "地铁", "大型", "农贸",
                  "居民", "几个", "好几个", "这几个", "那几个", "周围几个", "附近几个", "两个", "三个", "几家"}
_NOT_IN_ROAD = "了着从"
_NOT_IN_ROAD_SAID = "不没看见"    # a road's name holds no negation nor seeing: 看不见路, 找不到路 say the way
_NOT_IN_ONE_ROAD = "得车"  # … nor, in a road said as X一路, a vehicle or 得 (渣土车掉得一路泥, 大货车一路按喇叭)      # a road's name holds no particle: it begins after one (工程车带了一路的泥: no road)
_NOT_ROAD_START = {"晚上", "早上", "每天", "天天", "一直", "经常", "孩子", "老人", "行人", "车子", "我们", "你们", "他们"}
GENERIC_PLACE = {"学校", "医院", "公园", "广场", "市场", "超市", "商场", "地铁站", "公交站", "附近的", "这个", "那个",
                  "体育场", "体育馆", "停车场", "菜市场", "农贸市场", "火车站", "汽车站", "加油站", "幼儿园", "居民楼",
                  "小区里", "马路上", "路口", "十字路口", "交叉口", "人行道", "菜场", "工地上", "地下通道", "步行街", "大学", "码头",
                  "景区", "风景区",     # a hill or lake said with or without its scenic area (磨山 / 磨山景区)
                  # a facility at a place, named after it (金融港天桥, 汉街万达地下车库): the place's
                  "天桥", "人行天桥", "过街天桥", "地下车库", "地库", "车库", "地下停车场", "候车亭", "公厕"}
# (w21-rep2) a street of one trade said by what it sells (美食街, 小吃一条街, 夜宵一条街): a kind, not a name
GENERIC_PLACE |= {"美食街", "小吃街", "夜宵街", "宵夜街", "烧烤街", "小吃一条街", "美食一条街", "夜宵一条街", "宵夜一条街",
                  "烧烤一条街"}
# (w27-rpp) … and a kind said big (那个大商场, 大医院): a kind still, no name two appeals share
GENERIC_PLACE |= {"大商场", "大医院", "大公园", "大广场", "大超市", "大市场", "大学校"}


_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))


def _fuzzy(syl: str) -> str:
    """A toneless pinyin syllable as fuzzy pinyin hears it (zh/z, ch/c, sh/s, n/l, ü/u, -ng/-n)."""
    syl = syl.replace("v", "u").replace("ü", "u")
    for a, b in _FUZZY_INITIALS:
        if syl.startswith(a):
            syl = b + syl[len(a):]
            break
    return syl[:-1] if syl.endswith("ng") else syl


def _syllable(ch: str) -> str:
    """A Han character's toneless fuzzy pinyin."""
    from pypinyin import Style, lazy_pinyin

    return _fuzzy(lazy_pinyin(ch, style=Style.NORMAL)[0])


class _Sounds(dict):
    """``str.translate`` table: a Han character → one private-use character per fuzzy syllable (so a
    text's sounds are a string, matched by one regex); anything else → a character no word has."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if not "\u4e00" <= ch <= "\u9fff":
            return "\uf8ff"                       # not kept: one per code point would grow without end
        syl = _syllable(ch)
        out = self.ids.setdefault(syl, chr(0xE000 + len(self.ids)))
        self[code] = out
        return out


_SOUND_TABLE = _Sounds()
_PARTICLES = frozenset("的了在着得地过是")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """jieba's general dictionary in a tokenizer of insight's own: the classifier changes jieba's shared one when it
    loads (its domain words and deletions, ``classifier.text.initialise``), and an appeal must read alike in a process
    that loaded it (``hotline serve``, the worker) and in one that did not (``hotline similar``, the evaluation).
    (Lead, twenty-seventh wave: with the shared one, tune91 found 25 pairs without the classifier and 23 with it.)"""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.check_initialized()
    return tokenizer


def _dictionary() -> dict[str, int]:
    return _tokenizer().FREQ


def _is_word(span: str) -> bool:
    return _dictionary().get(span, 0) > 0


@dataclass(frozen=True)
class Concept:
    key: str
    label: str
    words: tuple[str, ...]
    modifier: bool = False
    ignore: bool = False
    symptom: bool = False
    source: bool = False
    area: bool = False       # an outage over an area (停水, 停电, 停气, 暖气): its estates' appeals are one matter
    passing: bool = False    # often said in passing, as what another problem does (公交车都熄火了, 电梯也停了)
    # one setting said as either of a family's concepts (夜市 / 大排档 / 烧烤摊): two appeals that share a
    # symptom (吵, 臭) and name its cause by two concepts of one family are about one cause
    kin: str = ""
    # (w23-rpw2) a problem that reaches beyond one estate without being an outage (a sound, a smell, a site, a
    # flooded road, the supply's water): an estate said only as 我们小区 in an area meets a listed estate there
    reach: bool = False
    # (w23-rpw2) a thing of one estate or building (its lift, its management, its refuse point, its parking, a
    # leak): an estate said only as 我们小区 in an area is no listed estate there for it
    own: bool = False


def _longest_word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching, at each place, the longest of ``words`` there, written as a tree of their characters
    (``routing.places.longest_first_pattern``, which the gazetteer reads its names with)."""
    from routing.places import longest_first_pattern

    return longest_first_pattern(words)


# what parts a citizen's clauses, punctuation of either width and space (the hotspots' guessing clauses, the knowledge
# base's asking clauses)
CLAUSE_BREAK = re.compile(r"[，,。.！!？?；;、\s]+")

# marks between the clauses :meth:`Lexicon.scan` reads one by one (those no word of the concepts holds)
_CLAUSE_MARKS = "，。！？；：、,.!?;:\u3000 \t\n\r“”\"'（）()《》【】…—~～"


# (w28-rpb) the digits of a bus line said before its 路 (726路)
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _with_words_inside(owners: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each word's owners with those of every word inside it (itself too), united in the words' order. (w30-spd) Each
    word's own pieces are looked up, not every word asked of every other (9 million tests in each new process, each
    refresh of the sweep one): the same sets, built in the same order."""
    at = {w: n for n, w in enumerate(owners)}
    full: dict[str, set[str]] = {}
    for w in owners:
        pieces = {w[i:j] for i in range(len(w)) for j in range(i + 1, len(w) + 1)} | {""}
        full[w] = set().union(*(owners[v] for v in sorted((v for v in pieces if v in at), key=at.__getitem__)))
    return full


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[Concept, ...]
    # words written with "=" in concepts.toml: they count for their own concept only, not for the words
    # inside them (=排气管 is no 排气, =露天烧烤 no 露天烧)
    whole: frozenset[str] = frozenset()

    @cached_property
    def _index(self) -> tuple[re.Pattern[str], dict[str, set[str]]]:
        """One alternation of every word, longest first (one pass over a text), and the concepts each
        word counts for."""
        owners: dict[str, set[str]] = {}
        for c in self.concepts:
            for w in c.words:
                owners.setdefault(w, set())
                if not c.ignore:
                    owners[w].add(c.key)
        # a longer word also counts for the words inside it (建筑垃圾: 垃圾 and 建筑)
        full = _with_words_inside(owners)
        for c in self.concepts:
            if c.ignore:                 # 自来水 is read (so 来水 inside it is not) and means nothing
                for w in c.words:
                    full[w] = set()
        for w in self.whole:             # 排气管 is a motorbike's, not 排气 (a chimney's)
            full[w] = set(owners[w])
        return _longest_word_pattern(owners), full

    def find(self, text: str) -> frozenset[str]:
        return frozenset(self.scan(text))

    def scan(self, text: str) -> dict[str, int]:
        """The concepts a text names, each with where it is first named. Read clause by clause (runs between
        marks no word holds, :attr:`_clauses`), each clause once (a letter is read twice, with its places
        blanked two ways, and most of its clauses name none): no word and no sound of one spans such a mark, and
        a clause's edge is a word's edge as the mark beside it is (:meth:`_scan_whole` on the whole text reads the
        same, in the same order)."""
        found: dict[str, int] = {}
        sounded: list[tuple[str, int]] = []
        memo = self._clause_memo
        for m in self._clauses.finditer(text):
            clause = m.group(0)
            read = memo.get(clause)
            if read is None:
                if len(memo) >= 200_000:
                    memo.clear()
                read = memo[clause] = self._read_clause(clause)
            at = m.start()
            for key, start in read[0]:
                found.setdefault(key, at + start)
            sounded.extend((key, at + start) for key, start in read[1])
        for key, start in sounded:
            found[key] = min(start, found.get(key, start))
        return found

    @cached_property
    def _clauses(self) -> re.Pattern[str]:
        """Runs of a text between punctuation and blanks that no word of the concepts holds."""
        words = self._index[1]
        marks = "".join(ch for ch in _CLAUSE_MARKS if not any(ch in w for w in words))
        return re.compile(f"[^{re.escape(marks)}]+")

    @cached_property
    def _clause_memo(self) -> dict[str, tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]]:
        return {}

    def _read_clause(self, text: str) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
        """(each word's concepts with where, in order; the sounds' concepts with where), as :meth:`_scan_whole`."""
        pattern, owners = self._index
        exact: list[tuple[str, int]] = []
        covered: list[int] = [-1] * len(text)
        for n, m in enumerate(pattern.finditer(text)):
            covered[m.start():m.end()] = [n] * (m.end() - m.start())
            exact.extend((key, m.start()) for key in owners[m.group(0)])
        return tuple(exact), tuple(self._by_sound(text, covered))

    def _scan_whole(self, text: str) -> dict[str, int]:
        """:meth:`scan` over the whole text at once (what it reads clause by clause; the tests compare them)."""
        pattern, owners = self._index
        found: dict[str, int] = {}
        covered: list[int] = [-1] * len(text)      # the exact match each character belongs to
        for n, m in enumerate(pattern.finditer(text)):
            covered[m.start():m.end()] = [n] * (m.end() - m.start())
            for key in owners[m.group(0)]:
                found.setdefault(key, m.start())
        for key, at in self._by_sound(text, covered):
            found[key] = min(at, found.get(key, at))
        return found

    @cached_property
    def _sound_index(self) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[int]]]:
        """Every word by its fuzzy sound, and the first two sounds → the word lengths after them."""
        table: dict[str, list[tuple[str, str]]] = {}
        for c in self.concepts:
            if c.ignore:
                continue
            for w in c.words:
                # not words with a particle (的士, 漏了, 倒在): 的时候, 跑下楼了, 在哪等 say them by sound
                if 2 <= len(w) <= 6 and all("\u4e00" <= ch <= "\u9fff" for ch in w) and not set(w) & _PARTICLES:
                    table.setdefault(w.translate(_SOUND_TABLE), []).append((w, c.key))
        heads: dict[str, set[int]] = {}
        for k in table:
            heads.setdefault(k[:2], set()).add(len(k))
        return table, {h: sorted(n) for h, n in heads.items()}

    def _by_sound(self, text: str, covered: list[int]) -> list[tuple[str, int]]:
        """Concepts of words typed with one character of the same sound (燥音 for 噪音, 路等 for 路灯,
        听水 for 停水): pinyin input's usual slip. Fuzzy pinyin (zh/z, ch/c, sh/s, -ng/-n, l/n, ü/u)
        as Wuhan and many other places speak; two characters or more, exactly one of them another."""
        table, heads = self._sound_index
        exact = self._index[1]
        found: list[tuple[str, int]] = []
        size = len(text)
        sounds = text.translate(_SOUND_TABLE)
        for i in range(size - 1):
            lengths = heads.get(sounds[i:i + 2])
            if lengths is not None:
                self._sound_hits(text, sounds, i, lengths, table, exact, covered, found)
        return found

    @staticmethod
    def _sound_hits(text: str, sounds: str, i: int, lengths: list[int], table: dict, exact: dict, covered: list[int],
                    found: list[tuple[str, int]]) -> None:
        size = len(text)
        for n in lengths:
            key = sounds[i:i + n]
            if len(key) < n or key not in table:
                continue
            # never across the edge of a word read as it is (红绿灯坏 is no 路灯坏); around one is
            # the slip (红路灯 holds 路灯)
            if (covered[i] >= 0 and i > 0 and covered[i - 1] == covered[i]) or \
                    (covered[i + n - 1] >= 0 and i + n < size and covered[i + n] == covered[i + n - 1]):
                continue
            span = text[i:i + n]
            if span in exact:                      # a word read as it is: nothing to add
                continue
            if span[0] == "路" and i > 0 and text[i - 1] in _DIGITS:
                continue        # (w28-rpb) a bus line's 路 (726路等了一个小时): no 路灯 typed 路等
            hits = [(w, k) for w, k in table[key] if sum(a != b for a, b in zip(span, w)) == 1]
            # … nor a slip whose other character begins or ends a word read beyond it (有危险 is no 有味 slip:
            # 危险 is a word)
            hits = [(w, k) for w, k in hits
                    if not (span[-1] != w[-1] and i + n < size and _is_word(text[i + n - 1:i + n + 1]))
                    and not (span[0] != w[0] and i > 0 and _is_word(text[i - 1:i + 1]))]
            if hits and not _is_word(span):        # 污水 is no slip for 无水: a word of its own
                found.extend((k, i) for _, k in hits)

    def label(self, key: str) -> str:
        return next((c.label for c in self.concepts if c.key == key), key)

    def flagged(self, flag: str) -> frozenset[str]:
        """The keys of the concepts marked ``flag`` (modifier, symptom, source) in concepts.toml."""
        cache = self._flagged
        if flag not in cache:
            cache[flag] = frozenset(c.key for c in self.concepts if getattr(c, flag))
        return cache[flag]

    @cached_property
    def _flagged(self) -> dict[str, frozenset[str]]:
        return {}

    @cached_property
    def kin(self) -> dict[str, str]:
        return {c.key: c.kin for c in self.concepts if c.kin}

    @cached_property
    def not_problems(self) -> frozenset[str]:
        """Concepts that are no problem of their own: modifiers and bare sources."""
        return self.modifiers() | self.sources()

    def modifiers(self) -> frozenset[str]:
        return self.flagged("modifier")

    def symptoms(self) -> frozenset[str]:
        return self.flagged("symptom")

    def sources(self) -> frozenset[str]:
        return self.flagged("source")

    def areawide(self) -> frozenset[str]:
        return self.flagged("area")

    def rank(self, key: str) -> int:
        return self._order.get(key, len(self._order))

    @cached_property
    def _order(self) -> dict[str, int]:
        return {c.key: n for n, c in enumerate(self.concepts)}

    def words(self) -> list[str]:
        return [w for c in self.concepts for w in c.words]


@dataclass(frozen=True)
class Settings:
    """The [similar] and [hotspots] sections of ``insight.toml``."""
    similar: dict[str, Any]
    hotspots: dict[str, Any]

    def get(self, section: str, key: str, default: Any = None) -> Any:
        return getattr(self, section).get(key, default)


def _read_toml(env: str, name: str) -> dict[str, Any]:
    path = os.environ.get(env)
    if path:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    return tomllib.loads(resources.files("insight").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = _read_toml("HOTLINE_CONCEPTS_FILE", "concepts.toml") if path is None else tomllib.load(open(path, "rb"))
    whole = frozenset(w[1:] for v in data.values() for w in v.get("words", ()) if w.startswith("="))
    return Lexicon(tuple(Concept(k, v.get("label", k), tuple(w.lstrip("=") for w in v.get("words", ())), bool(v.get("modifier")),
                                 bool(v.get("ignore")), bool(v.get("symptom")), bool(v.get("source")),
                                 bool(v.get("area")), bool(v.get("passing")), str(v.get("kin", "")),
                                 bool(v.get("reach")), bool(v.get("own")))
                           for k, v in data.items()), whole)


@dataclass(frozen=True)
class Landmarks:
    """The city's landmarks said by other names (``landmarks.toml``): alias or name → the place's name."""
    names: dict[str, str]
    # areas (`area = true`): their own name is read as the text reads it; only their other names are marked
    areas: frozenset[str] = frozenset()
    # the roads each landmark stands on (`on`): an appeal naming the road and the landmark's kind there is at it
    on: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the kind of a landmark whose name does not say it (销品茂 is a 商场): how its road's or area's appeals say it
    kinds: dict[str, str] = field(default_factory=dict)
    # the names of the places, streets and nicknames in each landmark's quarter (`quarter`): two appeals each naming
    # one of them (昙华林 / 花园山那一片) are at one place for a problem plainly shared (:func:`_one_quarter`)
    quarters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (w23-rep) the crossings each landmark stands at (`at`, two roads each): an appeal naming the crossing is at it
    at: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # (w25-rpl2) the metro station a shopping centre stands over (`over`): its metro gate (汉商银座那个地铁口) is the station's
    over: dict[str, str] = field(default_factory=dict)
    # (w28-rpp2) a campus of a hospital or university (`campus = [its landmark, the areas it is known by]`): (the
    # landmark, an area) → the campus's own name, read where the text says the landmark by that area (光谷那个同济医院,
    # 同济医院光谷分院, 武科大黄家湖校区)
    campuses: dict[tuple[str, str], str] = field(default_factory=dict)
    # (w30-rpb) the names a landmark's main campus is said by (`main`: 中南财经政法大学's 南湖, 武汉理工大学's 马房山):
    # 财大南湖校区 is the university named alone, its 本部, not a campus apart
    mains: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def campus_names(self) -> frozenset[str]:
        """(w29-rpb) The campuses of the table (省人民医院东院, 协和西院, 武汉理工大学南湖校区): each one facility, as the
        hospital or university it is of, though its kind is said in 东院, 院区 or 校区, not in 医院."""
        return frozenset(self.campuses.values())

    @cached_property
    def _campus_said(self) -> re.Pattern[str]:
        """(w28-rpp2) A landmark with campuses said by a campus's area: before it, with 那个 (光谷那个同济医院,
        黄家湖那边的武科大), or after it, with 院区, 分院, 校区 or 分校 (同济医院光谷分院, 协和金银湖院区) or before where at it (理工大南湖那个天桥)."""
        parents = {p for p, _ in self.campuses}
        aliases = "|".join(map(re.escape, sorted((a for a, p in self.names.items() if p in parents), key=len, reverse=True)))
        areas = "|".join(map(re.escape, sorted({a for _, a in self.campuses}, key=len, reverse=True)))
        if not aliases:
            return re.compile("(?!)")
        return re.compile(f"(?P<a1>{areas})(?:那个|那边的?|那边那个|那里的?|那家|的)(?P<n1>{aliases})"
                          f"|(?P<n2>{aliases})(?P<a2>{areas})(?:院区|分院|校区|分校|(?=那|这|门|的|大门|后门))")

    def _campus(self, m: re.Match, found: list[str]) -> str:
        """(w28-rpp2) The campus a landmark said by its area is (光谷那个同济医院: 同济光谷院区); else as said."""
        campus = self.campuses.get((self.names[m.group("n1") or m.group("n2")], m.group("a1") or m.group("a2")))
        if campus is None:
            return m.group(0)
        if campus not in found:
            found.append(campus)
        return campus

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return re.compile("|".join(map(re.escape, sorted(self.names, key=len, reverse=True)))) if self.names else None

    @cached_property
    def _affiliates(self) -> re.Pattern[str]:
        names = "|".join(map(re.escape, sorted(self.names, key=len, reverse=True))) or "(?!)"
        return re.compile(f"({names})" + _AFFILIATE.pattern)

    def _affiliate(self, m: re.Match, found: list[str]) -> str:
        """(w28-rpp) A school a university runs, said with the university's name or alias (武大附中, 华师一附中,
        华中师范大学第一附属中学, 华师附小): one name for it (华中师范大学一附中), a place apart from the university's
        (its primary school 附小 is another school, at another gate)."""
        place = self.names[m.group(1)]
        kind = "中" if m.group(3) else "小" if m.group(4) else "幼"
        school = f"{place}{m.group(2) or ''}附{kind}"
        if school not in found:
            found.append(school)
        return school

    def part_of_another_name(self, text: str, at: int, end: int) -> bool:
        """Whether the alias at ``text[at:end]`` is part of another word or name there, so not its place: before
        路, 街, 道, 巷, 桥 or 技 (华中大道, 华科技; but 汉街路口 is the crossing at 汉街, no road 汉街路), before an
        estate's kind (积玉桥万达公馆 is an estate named after it, no shopping centre), or after a character it
        makes a word with (工地大门 holds no 地大)."""
        alias = text[at:end]
        if end < len(text) and text[end] in _ALIAS_NEVER_BEFORE and not text.startswith("路口", end):
            return True
        if estate_named_after(text, end):
            return True
        return at > 0 and _is_word(text[at - 1] + alias[0])

    def read(self, text: str) -> tuple[str, list[str]]:
        """The text with each alias written as its place's name, and the places so named (in order).
        An alias is not read where it is part of another word: after a character it makes a word with
        (工地大门 holds no 地大, 中华科技 no 华科) or before 路, 街, 道, 巷, 桥 or 技 (华中大道, 华科技)."""
        index = self._pattern
        if index is None or not text:
            return text, []
        found: list[str] = []
        if "附" in text:
            text = self._affiliates.sub(lambda m: self._affiliate(m, found), text)
        if self.campuses:
            text = self._campus_said.sub(lambda m: self._campus(m, found), text)

        def one(m: re.Match) -> str:
            alias, at, end = m.group(0), m.start(), m.end()
            place = self.names[alias]
            if school_named_after(text, end):
                return alias        # (w28-rpp) read above as the school it runs (武汉大学附中)
            if alias != place:
                if self.part_of_another_name(text, at, end):
                    return alias
            elif place in self.areas:
                return alias
            if place not in found:
                found.append(place)
            if _ADDRESS.search(alias) and not _GATE.match(text, end):
                # (w27-rpp2) its road and number: where its front gate stands (友谊大道368号大门 / 东门: two gates)
                return place + ("正" if text.startswith(("大门", "门"), end) else "正门")
            return place

        return index.sub(one, text), found


_ALIAS_NEVER_BEFORE = frozenset("路街道巷桥技")
_ADDRESS = re.compile(r"[0-9]号$")    # (w27-rpp2) an alias that is a landmark's road and number
# (w22-rep) the kinds of a place said before 路段 (保利中央公馆路段, 万达广场路段): the stretch of road at that place
_SPOT_BEFORE_STRETCH = ("公馆", "华府", "小区", "花园", "公寓", "家园", "新村", "社区", "广场", "大厦", "中心", "医院", "学校",
                        "小学", "中学", "大学", "公园", "市场", "商场", "山庄", "新城")
ESTATES_TABLE = "estates"     # landmarks.toml's table of the estates in each area (w22-rep): no place of its own
SHOPS_TABLE = "shops"         # (w26-rpp) … and of the shops a building is named by: no place of its own either
_ESTATE_AFTER_ALIAS = ("公馆", "华府", "小区", "花园", "公寓", "家园", "府邸", "新村", "社区", "御府", "尊府", "一号")


# (w28-rpp) a school a university runs, said right after its name (武大附中, 华师一附中, 第一附属中学, 附属小学, 附幼)
_AFFILIATE = re.compile(r"第?([一二三四])?附属?(?:(中学|中(?!心))|(实验小学|小学|小)|(幼儿园|幼))")


def school_named_after(text: str, end: int) -> bool:
    """(w28-rpp) Whether the name ending at ``end`` goes on into a school it runs (武大附中): no university there."""
    return "附" in text[end:end + 3] and _AFFILIATE.match(text, end) is not None


def estate_named_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` goes on into an estate's kind: an estate named after a landmark
    (积玉桥万达公馆 is no shopping centre)."""
    return text.startswith(_ESTATE_AFTER_ALIAS, end)


@lru_cache(maxsize=4)
def load_landmarks(path: str | None = None) -> Landmarks:
    """The landmark aliases of ``landmarks.toml`` (a city's own with HOTLINE_LANDMARKS_FILE)."""
    from routing.registry import landmarks_data     # the one reader of the landmarks file, routing's and ours

    data = landmarks_data() if path is None else tomllib.load(open(path, "rb"))
    data = {k: v for k, v in data.items() if k not in (ESTATES_TABLE, SHOPS_TABLE)}    # (w22-rep) estates by area: no place
    names: dict[str, str] = {}
    for place, conf in data.items():
        names.setdefault(place, place)
        for alias in (*conf.get("aliases", ()), *conf.get("beside", ())):
            names.setdefault(alias, place)
    return Landmarks(names, frozenset(p for p, conf in data.items() if conf.get("area")),
                     {p: tuple(conf["on"]) for p, conf in data.items() if conf.get("on")},
                     {p: conf["kind"] for p, conf in data.items() if conf.get("kind")},
                     {p: tuple(conf["quarter"]) for p, conf in data.items() if conf.get("quarter")},
                     {p: tuple(frozenset(c) for c in conf["at"] if len(set(c)) == 2)
                      for p, conf in data.items() if conf.get("at")},
                     {p: conf["over"] for p, conf in data.items() if conf.get("over")},
                     {(conf["campus"][0], area): p for p, conf in data.items() if conf.get("campus")
                      for area in conf["campus"][1:]},
                     {p: tuple(conf["main"]) for p, conf in data.items() if conf.get("main")})


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    data = _read_toml("HOTLINE_INSIGHT_FILE", "insight.toml")
    return Settings(similar=dict(data.get("similar", {})), hotspots=dict(data.get("hotspots", {})))


@dataclass(frozen=True)
class Matter:
    """One appeal reduced to what matters for comparing it: places, concepts, residual wording."""
    places: tuple[str, ...]          # concrete places (estate, road, landmark), most specific first
    street: str | None               # street code, when the router found one
    district: str | None
    concepts: frozenset[str]
    grams: frozenset[str] = field(repr=False)
    # the text with its places blanked: its rare content (:attr:`terms`) is read from it when needed
    residual: str = field(default="", repr=False, compare=False)
    # the problem the appeal names first (not a time of day, not who causes it): what it is about;
    # what it names after is often a consequence (积水 … 公交车都熄火了, 停电 … 电梯也停了)
    lead: str | None = field(default=None, compare=False)
    # the appeal names its street itself (钢花村那边, 奓山星光村), not only a place the street holds
    street_named: bool = field(default=False, compare=False)
    # the two roads of a crossing it names (新华路和青年路路口): the crossing is the place, not either road
    crossing: tuple[str, ...] = field(default=(), compare=False)
    # it says it is about another place of its area (另一个工地, 另外一个小区): the area is not its place
    elsewhere: bool = field(default=False, compare=False)
    # the areas its places are parts of (姑嫂树 for 姑嫂树安居苑), read only when it names an area-wide problem
    # (an outage): within ``similar.area_hours`` the appeals of one area's estates are one matter
    areas: tuple[str, ...] = field(default=(), compare=False)
    # the part of its place it names: a phase (二期), a building (8栋, 八号楼) — two appeals
    # naming different parts of one place are two matters, but for an outage over the area
    parts: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # the street's own name as the text says it (金银湖, 唐家墩): a place another appeal names after it
    # (金银湖公园, 唐家墩路) is in that area
    street_said: tuple[str, ...] = field(default=(), compare=False)
    # the concepts it first names after the clause of its lead (积水 in 渣土车撒了一地，一下雨就是泥浆): what
    # the problem does or leads to, said after the problem itself
    later: frozenset[str] = field(default=frozenset(), compare=False)
    # … and those named in the few characters right after its lead, one phrase with it (偷偷倒建筑垃圾)
    near: frozenset[str] = field(default=frozenset(), compare=False)
    # the one metro line it names (地铁3号线, 三号线: "3号线"): its riders are one matter when the line breaks down
    line: str | None = field(default=None, compare=False)
    # the street's area said right after a road it names (建设大道唐家墩那里): the road's stretch in that area, which
    # a place named after the area (唐家墩地铁站, 唐家墩路) is at (:func:`_named_after_street`)
    road_area: tuple[str, ...] = field(default=(), compare=False)
    # (w23-rep) it tells the cause of its outage as heard to be outside (听说是外面大路上电线烧了, 说是外面的管子破了):
    # a road another appeal names with that cause is the place (:func:`_cause_outside`)
    outside: bool = field(default=False, compare=False)
    # (w24-rpw) it tells its trouble as one more place's (中山公园西门那边也有人遛狗, 珞喻路关山口那里的红绿灯也坏了,
    # 齐安大道那边也停电了): a place said, at most its gate, exit or side after it, then 也 — the one it has heard of is
    # another place (:func:`compare`: no repeat but for an area-wide problem, an outage told by its estates, or an
    # appeal naming that very place: 解放大道硚口路口也有坑 / 解放大道硚口路口有个大坑); the place, with its gate when said
    also: str = field(default="", compare=False)
    # (w25-rpl) the kind of landmark it points at by the kind alone and a side or gate (体育场那边, 火车站东边, 医院后门),
    # naming no place: another appeal naming one landmark of that kind within ``similar.kind_hours`` may be at it
    # (:func:`_kind_named`); the side it says after an @ (火车站东边: 火车站@东)
    kind_at: str = field(default="", compare=False)
    # (w26-rpp) each building it names by its ground-floor shop: (its place name, the road or area said with it, the
    # shop), what :data:`SHOP_BUILDINGS` holds for it — carried so that a matter read in another process (``hotline
    # similar``'s readers, a memo file) registers it where it is compared
    shop_buildings: tuple[tuple[str, str, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        _register_shop_buildings(self.shop_buildings)

    def __setstate__(self, state: dict[str, Any]) -> None:
        # (a frozen dataclass unpickles into its __dict__ without __post_init__: register its shops' buildings here)
        self.__dict__.update(state)
        _register_shop_buildings(self.shop_buildings)

    @property
    def terms(self) -> dict[str, float]:
        """Each rare word (``w:``) and character of the text, places and filler out, weighted by its
        rarity in general Chinese (:func:`content_terms`); read on first use (only pairs at one
        concrete place that the concepts cannot judge ever need it), once per distinct text."""
        return _terms_of(self.residual)

    def keys(self) -> list[str]:
        """Index keys (what ``matter_keys`` holds): every concrete place, its 4-character tail (so a
        later 保利华都 finds 卓刀泉保利华都) and its characters in order (长江二七大桥 meets 二七长江大桥),
        and the street (so a vague appeal still meets candidates). (Read from the places, areas, street_said
        and street only, and the quarters named (:func:`_quarters_said`, from the residual too): :func:`group` remembers
        them by those, as it does :meth:`lookup_keys`.)"""
        cores = [place_core(p) for p in self.places]
        out = [f"p:{p}" for p in self.places]
        out += [f"p:{c}" for c, p in zip(cores, self.places) if c != p]
        # its tails of 4 characters and more (八大家花园 finds 红钢城八大家花园), up to 8
        out += [f"t:{c[-n:]}" for c in cores for n in range(4, min(len(c), 9)) if len(c) >= 4]
        # … and a 小区's name with its kind, whose own name is two characters (吴家山田园小区 meets 田园小区)
        out += [f"t:{p[-4:]}" for p in self.places if p.endswith("小区") and len(p) >= 6]
        out += [f"t:{c}" for c in cores if len(c) == 4]
        # … and a name said without its kind, its last 2–3 characters (南湖雅园 is found by 雅园小区)
        out += [f"b:{p[-n:]}" for p in self.places for n in (2, 3) if _tail_of_bare(p, n)]
        out += [f"o:{''.join(sorted(c[:-2]))}{c[-2:]}" for c in cores if len(c) >= 6]
        out += _facility_heads(cores) + _beside_keys(cores, lookup=False)
        # … and its tails of 2–3 characters that are names only (楚河汉街 is found by 汉街)
        out += [f"t:{c[-n:]}" for c in cores for n in (2, 3) if len(c) > n and short_name(c[-n:])]
        out += [k for c in cores for k in _variant_keys(c)]
        out += [f"a:{n}" for n in self.areas]
        out += [f"a:@{n}" for n in _said_areas(self)]     # one area under two names (关山 / 光谷片区)
        out += [f"a:@{n}" for n in _area_alone(self)]     # … said alone, whatever the problem
        out += [f"q:{n}" for n in _quarters_said(self)]   # one quarter by its names (昙华林 / 花园山)
        out += [f"ea:{n}" for n in _estate_areas(self)]   # (w22-rep) an estate and its area (东合中心 / 沌口这边)
        # the street's area said alone meets a place named after it, and back (金银湖那边 / 金银湖公园)
        out += [f"ns:{f}" for f in self.street_said if not self.places]
        out += [f"ns:{f}" for f in self.road_area if self.places]     # (建设大道唐家墩那里 / 唐家墩地铁站)
        out += [f"np:{p[:n]}" for p in self.places for n in (2, 3, 4) if len(p) > n]
        out += [f"np:{x}" for p in self.places if _is_road(p) for x in (p, _road_base(p)) if x]   # (中南路街: 中南二路)
        out += [f"sm:{x}" for x in _stems(self.places)]
        out += _on_road_keys(self.places)
        out += _outside_keys(self, lookup=False) + _at_keys(self)
        out += [f"p:{h}" for h in _garage_heads(self.places)]
        out += [f"p:{p[:3]}" for p in self.places if _estate_head(p[:3], p)]     # (w24-rep2) 百瑞景中央生活区: 百瑞景
        out += _section_keys(self) + _kind_keys(self) + _numbered_area_keys(self.places)
        out += [f"sb:{SHOP_BUILDINGS[p][1]}" for p in self.places if p in SHOP_BUILDINGS]   # (w26-rpp) a shop's building
        if self.street:
            out.append(f"s:{self.street}")
        return list(dict.fromkeys(out))

    def lookup_keys(self) -> list[str]:
        """The keys a look-up reads: a 4-character name reads the tails (卓刀泉保利华都 for 保利华都); a
        longer name reads its own tail as a whole name only (保利华都 for 卓刀泉保利华都), never the tails
        of others — 万科城市花园 and 金地城市花园 share one, and would meet every such estate."""
        cores = [place_core(p) for p in self.places]
        out = [f"p:{p}" for p in self.places]
        out += [f"p:{c}" for c, p in zip(cores, self.places) if c != p]
        out += [f"t:{c}" for c in cores if 4 <= len(c) <= 8]
        out += [f"p:{c[-4:]}" for c in cores if len(c) >= 5]
        # … and a 小区 whose own name is two characters, said with more before it (唐家墩民意小区 finds 民意小区)
        out += [f"p:{p[-4:]}" for p in self.places if p.endswith("小区") and len(p) >= 6]
        out += [f"b:{_own_tail(p)}" for p in self.places if _own_tail(p)]
        out += [f"o:{''.join(sorted(c[:-2]))}{c[-2:]}" for c in cores if len(c) >= 6]
        out += _facility_heads(cores) + _beside_keys(cores, lookup=True)
        # a short name reads the longer names ending with it; a longer name the short one it ends with
        out += [f"t:{c}" for c in cores if short_name(c)]
        out += [f"p:{c[-n:]}" for c in cores for n in (2, 3) if len(c) > n and short_name(c[-n:])]
        out += [k for c in cores for k in _variant_keys(c)]
        out += [f"a:{n}" for n in self.areas]
        out += [f"a:@{n}" for n in _said_areas(self)]     # one area under two names (关山 / 光谷片区)
        out += [f"a:@{n}" for n in _area_alone(self)]     # … said alone, whatever the problem
        out += [f"q:{n}" for n in _quarters_said(self)]   # one quarter by its names (昙华林 / 花园山)
        out += [f"ea:{n}" for n in _estate_areas(self)]   # (w22-rep) an estate and its area
        out += [f"np:{f}" for f in self.street_said if not self.places]
        out += [f"np:{f}" for f in self.road_area if self.places]
        out += [f"ns:{p[:n]}" for p in self.places for n in (2, 3, 4) if len(p) > n]
        out += [f"ns:{x}" for p in self.places if _is_road(p) for x in (p, _road_base(p)) if x]
        out += [f"sm:{x}" for x in _stems(self.places)]
        out += _on_road_keys(self.places)
        out += _outside_keys(self, lookup=True) + _at_keys(self)
        # an estate's garage (坐标城地库) reads as the estate does
        out += [k for h in _garage_heads(self.places) for k in (f"p:{h}", f"t:{h}")]
        out += [f"p:{p[:3]}" for p in self.places if _estate_head(p[:3], p)]     # (w24-rep2) … and back
        out += _section_keys(self) + _kind_keys(self, lookup=True) + _numbered_area_keys(self.places)
        out += [f"sb:{SHOP_BUILDINGS[p][1]}" for p in self.places if p in SHOP_BUILDINGS]
        if self.street:
            out.append(f"s:{self.street}")
        return list(dict.fromkeys(out))


GENERIC_LENGTHS = sorted({len(g) for g in GENERIC_PLACE})


def _facility_heads(cores: list[str]) -> list[str]:
    """A facility named after a place (阅马场地下通道) meets the place (阅马场): the place's key; a road or an
    estate named after its area (庙山中路, 庙山小区) meets the area (庙山)."""
    return [f"p:{c[:-n]}" for c in cores for n in GENERIC_LENGTHS if len(c) - n >= 3 and c[-n:] in GENERIC_PLACE] + \
        [f"p:{c[:n]}" for c in cores for n in (2, 3) if len(c) > n and c[n:] in AREA_KINDS]


def _beside_keys(cores: list[str], lookup: bool) -> list[str]:
    """Keys by which a road meets the landmarks named after it (卓刀泉路 / 卓刀泉寺) and a stop the place it is
    named after (鲁巷公交站 / 鲁巷广场), in either order — never two landmarks or two places each other (a key
    one kind of name is indexed by is read by the other kind only)."""
    roads, marks = ("rs", "rl") if lookup else ("rl", "rs")
    stops, spots = ("ss", "sp") if lookup else ("sp", "ss")
    out = [f"{roads}:{_road_stem(c)}" for c in cores if _road_stem(c)]
    out += [f"{marks}:{c[:n]}" for c in cores if c.endswith(_STEM_LANDMARKS) and not _is_road(c)
            for n in range(3, min(len(c) - 1, 6))]
    out += [f"{stops}:{_stop_stem(c)}" for c in cores if _stop_stem(c)]
    out += [f"{spots}:{x}" for c in cores if not _stop_stem(c) for x in _stop_stem_ends(c)]
    return out


# a bus or metro stop is named after the landmark or area beside it (鲁巷公交站 at 鲁巷广场, 梨园地铁站 at 东湖梨园)
_STOP_KINDS = ("地铁站", "公交站", "地铁口", "公交站台", "轻轨站")


@lru_cache(maxsize=200_000)     # asked of every pair of names a week's grouping compares
def _stop_stem(name: str) -> str:
    """The name a stop is called by (鲁巷公交站 → 鲁巷), 2+ characters; "" for any other place."""
    kind = next((k for k in _STOP_KINDS if name.endswith(k)), "")
    stem = name[:-len(kind)] if kind else ""
    return stem if len(stem) >= 2 and not _is_road(stem) else ""


@lru_cache(maxsize=200_000)     # asked of every pair of names a week's grouping compares
def _stop_stem_ends(name: str) -> list[str]:
    """The names a stop beside a place not on a road is called by: the place's own name without its kind (鲁巷广场:
    鲁巷), and without the area said before it (东湖梨园: 梨园)."""
    if _is_road(name) or LINE_NAME.match(name) or len(name) > 10:
        return []
    kind = next((k for k in _KINDS if name.endswith(k) and len(name) - len(k) >= 2), "")
    body = name[:-len(kind)] if kind else name
    return [body] + ([body[2:]] if len(body) >= 4 else [])


def _at_its_stop(p: str, q: str) -> bool:
    """``p`` is a stop named after the place ``q`` (鲁巷公交站 / 鲁巷广场, 梨园地铁站 / 东湖梨园): one place."""
    stem = _stop_stem(p)
    return bool(stem) and not _stop_stem(q) and (stem == q or stem in _stop_stem_ends(q))


# kinds of landmark named after the road they stand on (卓刀泉寺 on 卓刀泉路, 白沙洲大市场 on 白沙洲大道)
_STEM_LANDMARKS = ("寺", "广场", "公园", "市场", "菜场", "医院", "地铁站", "公交站", "商场", "体育馆", "图书馆", "码头",
                   "景区")


@lru_cache(maxsize=200_000)     # asked of every pair of names a week's grouping compares
def _road_stem(name: str) -> str:
    """A road's own name of 3+ characters (卓刀泉路 → 卓刀泉): a landmark named with it stands on it; "" if shorter."""
    m = _ROAD_END.search(name)
    return name[:m.start()] if m and _is_road(name) and m.start() >= 3 else ""


def _on_its_road(p: str, q: str) -> bool:
    """``q`` is a landmark named after the road ``p`` (卓刀泉路 / 卓刀泉寺): said at either, one place."""
    stem = _road_stem(p)
    return bool(stem) and q.startswith(stem) and q.endswith(_STEM_LANDMARKS) and not _is_road(q)


_ROAD_NAMED = ("小学", "中学", "幼儿园", "医院", "地铁站")   # (w23-rep2) 江汉路地铁站A口: the station named after its road


def _landmarks(text: str) -> list[str]:
    out = []
    for m in _LANDMARK_FIND.finditer(text):
        head = m.group(1)
        if m.start(1) > 0 and text[m.start(1) - 1] + head[0] in ("大道", "大街"):
            head = head[1:]          # 知音湖大道中法生态城工地: the road's 道 is no part of the name
        cut = _LANDMARK_LEFT.match(head)
        if cut and cut.end() == len(head) and m.group(2) in _ROAD_NAMED:
            # a school or hospital named after its road (江岸区将军路小学): the road is its name, not where it is
            road = next((e for e in ("大道", "大街", "路", "街") if head.endswith(e)), "")
            inner = _LANDMARK_LEFT.match(head[:-len(road)]) if road else None
            name = head[inner.end() if inner else 0:]
            if road and len(name) >= 3 and not name.endswith(_NOT_ROAD_STREETS):
                out.append(name + m.group(2))
            continue
        head = head[cut.end():] if cut else head
        name = head + m.group(2)
        if len(head) >= 2 and name not in GENERIC_PLACE:
            out.append(name)
    # a metro station said after its name and a word between (范湖那个地铁口, 宗关这边的地铁站): the station
    # (both patterns end in words of their own: a text without them is not searched, character by character)
    for m in _STOP_SAID_APART.finditer(text) if "地铁" in text else ():
        cut = _LANDMARK_LEFT.match(m.group(1))
        head = m.group(1)[cut.end():] if cut else m.group(1)
        if len(head) >= 2 and head not in _GENERIC_HEADS and not _is_road(head):
            out.append(head + "地铁站")
    # (w24-rpl) a station named after its road, said with its own 站 and a gate (中南路站出口, 复兴路站B口): the station
    # (a road's 地铁口, 和平大道那个地铁口, is only a gate on the road)
    for m in _ROAD_STATION_GATE.finditer(text) if "站" in text else ():
        cut = _ROAD_LEFT.match(m.group(1))
        head = m.group(1)[cut.end():] if cut else m.group(1)
        if len(head) >= 3 and head[:-1] not in _GENERIC_HEADS:
            out.append(head + "地铁站")
    # a numbered block of an old works estate (红钢城八街坊, 十一街坊): a place, not the road 八街 (街坊邻居 is none);
    # (w27-rpp) and by its number in digits too, as 青山's blocks are numbered over the district (红钢城8街坊,
    # 八街坊, 青山8街坊 are one block), whatever estate or area is said before it
    for m in _NUMBERED_BLOCK.finditer(text) if "街坊" in text else ():
        if not m.group(2)[0].isdigit():
            cut = _LANDMARK_LEFT.match(m.group(1))
            out.append((m.group(1)[cut.end():] if cut else m.group(1)) + m.group(2))
        out.append(_numbered(m.group(2)[:-2]) + "街坊")
    # (w21-rep2) a numbered district of an estate (枫树三区, 钢花二区): a place, and a problem word in its name (树) says
    # where, not what
    for m in _NUMBERED_DISTRICT.finditer(text) if "区" in text else ():
        cut = _LANDMARK_LEFT.match(m.group(1))
        head = m.group(1)[cut.end():] if cut else m.group(1)
        if len(head) >= 2 and head not in _GENERIC_HEADS:
            out.append(head + m.group(2))
    return out


def _station_of_street_road(text: str, street_forms: list[str], places: list[str]) -> list[str]:
    """A metro gate said after a road that is the registry street's own name (中南路那边的地铁口: 中南路街道): the
    station named after it, as 中南路地铁站 says it (a road elsewhere is no station's name: 和平大道那个地铁口)."""
    out = []
    for m in _STOP_SAID_APART.finditer(text):
        road = next((f for f in street_forms if m.group(1).endswith(f) and _is_road(f)), None)
        if road and road + "地铁站" not in places:
            out.append(road + "地铁站")
    return out


_ROAD_STATION_GATE = re.compile(r"([\u4e00-\u9fa5]{2,8}?(?:大道|大街|路|街))站(?:[A-Za-z0-9]{1,2}号?)?(?:出站口|进站口|出入口|出口|入口|口)")
_STOP_SAID_APART = re.compile(r"([\u4e00-\u9fa5]{2,4}?)(?:那个|这个|那边的|这边的|那边那个|这边这个|那边|这边)(地铁站|地铁口)")
_NUMBERED_DISTRICT = re.compile(r"([\u4e00-\u9fa5]{2,4}?)([一二三四五六七八九十]{1,2}区)(?![域间别分块])")
_NUMBERED_BLOCK = re.compile(r"((?:[\u4e00-\u9fa5]{2,6}?)?)((?<![0-9])(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,4})街坊)")


_SUFFIXES = ("小区", "社区", "花园", "家园", "公寓", "新村", "大道", "大街", "路", "街", "苑", "大厦", "村", "工地",
             "幼儿园", "小学", "中学", "学校", "医院", "市场")


_ADMIN_LEFT = re.compile(r"^.*(?:区|街道|大道|大街|路|街|镇|乡|市)(?=[\u4e00-\u9fa5A-Za-z0-9]{2,}(?:小区|社区|花园|家园|公寓|新村|新城|山庄|苑|大厦|"
                         r"小学|中学|学校|幼儿园|医院|公园|广场|市场|地铁站|公交站|大桥|商场|超市)$)")


@lru_cache(maxsize=1)
def _districts() -> tuple[str, ...]:
    """The city's districts as residents say them (江岸, 东西湖), longest first: read from the registry's units
    (``routing.registry.district_names``), the one list of the city's districts."""
    from routing.registry import district_names, load_demo_registry
    return tuple(sorted(district_names(load_demo_registry()[0]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _district_words() -> str:
    """The districts as a pattern's alternatives (江岸|东西湖|…)."""
    return "|".join(map(re.escape, _districts()))


# a district's name said before a station or estate, without 区 (江汉唐家墩地铁站, 汉阳钟家村地铁站), or (w25-rpl2)
# before a school said by its number (汉阳十一中, read 汉阳第十一中学: the city's 第十一中学); never before a station
# named after it (武昌火车站) or a kind alone (青山公园, 洪山广场: the name is the district's)
@lru_cache(maxsize=1)
def _district_lead() -> re.Pattern[str]:
    return re.compile(f"^(?:{_district_words()})"
                      r"(?=(?!火车|汽车|客运|高铁)[\u4e00-\u9fa5]{2,5}(?:地铁站|轻轨站|小区|花园|家园|新村|山庄)$"
                      r"|第[一二三四五六七八九十]{1,3}[中小]学$)")


# the words a place name never starts after: verbs, prepositions, conjunctions, particles, adverbs,
# pronouns (占用了彩虹路, 没有纳入西湖公园, 和东四路, 读砂子塘启新小学), as jieba's tagger reads them
_CUT_FLAGS = frozenset({"v", "p", "c", "d", "ad", "r", "y", "ul", "uj", "uz", "ug", "uv", "ud"})


_NEVER_FIRST = set("的了是于给让使与而以在把被对从往及或这那其该说读")
# characters of the words before a name in a sentence (了, 以, 和, 位于, 影响, 占用, 没有, 就读…): a name
# with none of them is taken as it is
_SENTENCE_CHARS = frozenset("了以与和而是于给让使在对从往及或这那你我他把被将到过说位入进没不影响占用规划建读要就都也还可会能请因为所经"
                            "比如反坚决拟按据由并且则但即其该此些个种")


@lru_cache(maxsize=1)
def load_tagger():
    """jieba's part-of-speech tagger over insight's own dictionary (:func:`_tokenizer`: not the one the classifier
    changes), its dictionaries read (3–5 s once per process)."""
    import jieba.posseg as pseg

    tagger = pseg.POSTokenizer(_tokenizer())
    tagger.lcut("占用了彩虹路")
    return tagger


@lru_cache(maxsize=200_000)
def _trim_left(name: str) -> str:
    """A name read out of a long sentence loses the words before it: cut after the last verb,
    preposition, conjunction, particle, adverb or pronoun that still leaves a name of 3+ characters
    (解放大道 stays whole: nothing would be left after 解放)."""
    cut, pos = 0, 0
    for token in load_tagger().cut(name):
        pos += len(token.word)
        # a one-character word only when it is never part of a name (和, 将, 向 begin 和平, 将军, 向阳)
        cuts = token.word in _NEVER_FIRST if len(token.word) == 1 else token.flag in _CUT_FLAGS
        if cuts and len(name) - pos >= 3:
            cut = pos
    return name[cut:]


# words of position a name is said with (销品茂后面, 光谷站出站口): where near the place, not another place
_POSITION_TAIL = re.compile(r"(?:后面|后头|背后|前面|前头|门前|边上|旁边|附近|门口|外面|外头|对面|周边|周围|一带|那边|这边|那里|这里|"
                            r"底下|下面|下头|上面|上头|头顶上|里面|里头|出站口|进站口|片区|那一块|这一块|那一片|这一片|高层|高楼层|低层|楼上|楼下|顶上|"
                            r"[东南西北]大?门口?|大门口?|[A-Za-z0-9一二三四五六七八九十]?出口|入口|[东南西北]广场|"
                            r"隔壁|[东南西北](?:边的?|头的?|面的?|侧的?|端))+$")   # (w28-rpp) 一中隔壁, 汉街东边入口


_BARE_KINDS = frozenset({"小区", "社区", "花园", "家园", "公寓", "新村", "工地", "市场", "学校", "医院", "公园", "广场", "商场",
                         "超市", "菜场", "村", "苑", "大厦"})


# (w21-rep) a way said into an estate (南湖大道进中央花园那个路口, 去常青花园的路上): the estate, not the verb before it
_INTO_ESTATE = re.compile(r"^(?:进入|进|去)(?=[\u4e00-\u9fa5]{2,}(?:小区|花园|家园|新村|社区|公寓|山庄|新城|苑)$)")


# (w21-rep) a thing counted (上一棵, 有一个, 那几辆): what is there, never a place's name
_COUNTED = re.compile(r"(?:^|[上有那这了])[一两几]?[棵辆根只条](?![\u4e00-\u9fa5]{0,1}(?:路|街|村|湾|巷))")


def _going_into_estate(name: str) -> str:
    """The estate a way is said into: 进中央花园 → 中央花园 (never a name left shorter than 4 characters)."""
    m = _INTO_ESTATE.match(name)
    return name[m.end():] if m and len(name) - m.end() >= 4 else name


# (w23-rep) a road said by where it is from the caller (外面路上, 外面大路, 门口那条马路) or a crossing's common word (十字路口)
_ROAD_BY_POSITION = re.compile(r"^(?:外面|外头|门口|前面|对面|旁边|边上|后面|楼下)?(?:的|那条|这条)?(?:大路|马路|路)$|^十字路$")


# (w25-rpl) a name said after the word for "near" (珞喻路靠鲁巷的路灯, 靠近水塔那段, 挨着体育场的): the name, not 靠鲁巷
# (w30-rpb) … also after the 上 / 边 of the road it is said on (新华路上靠近武汉商场那站): the name, not 上靠近武汉商场
_NEAR_WORD = re.compile(r"^[上边里]?(?:紧挨着|挨着|靠近|紧靠|靠着|靠)(?=[\u4e00-\u9fa5]{2})")


def _near_word_off(name: str) -> str:
    near = _NEAR_WORD.match(name)
    return name[near.end():] if near else name


# (w28-rpp2) a bus stop named after a department store said with the store's kind (新世界百货公交站): the stop said
# without it too (新世界站, 新世界公交站)
_STOP_AFTER_STORE = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?:百货|商场|商厦|购物中心)(?=公交站$|公交车站$|车站$|站$)")


def _norm_place(name: str) -> str:
    name = name.strip().rstrip("的上里边旁").replace("（", "(").replace("）", ")")
    if name.endswith("站"):
        name = _STOP_AFTER_STORE.sub("", name)
    if name.endswith("第") and len(name) >= 4:
        name = name[:-1]        # (w28-rpp) 翡翠城第三期: the phase's 第 is no part of the name
    trimmed = _POSITION_TAIL.sub("", name)
    if len(trimmed) >= 2:
        name = trimmed.rstrip("的")
    elif name and not trimmed:
        return ""       # (w28-rpp) a side and an entrance said alone (东边入口, 西头): where at a place, no name
    name = _ADMIN_LEFT.sub("", name)
    timed = _TIME_HEAD.match(name)      # 早上八点花桥幼儿园, 傍晚金银湖小区: the time the citizen tells, not the name
    if timed and len(name) - timed.end() >= 3:
        name = name[timed.end():]
    lead = _district_lead().match(name)
    if lead and not _known(name):        # 江汉唐家墩地铁站, 江岸堤角地铁站: the district said before the name
        name = name[lead.end():]
    name = _near_word_off(name)
    if "某" in name[2:]:     # 东亭某小区, 军山街道某企业: an unnamed place of the area said before it
        name = name[:name.index("某", 2)]
    name = _left_words_cut(name)
    if len(name) >= 4 and not _SENTENCE_CHARS.isdisjoint(name):   # may carry the sentence before it: ask
        name = _trim_left(name)                                      # the tagger (only then: it is slow)
    for ch in "把被":      # 修路把小区门口封了: the words before 把 are what was done, not the name
        if ch in name:
            name = name.rsplit(ch, 1)[1]
            if len(name) < 3 or name in _BARE_KINDS:
                return ""
    if "的" in name and len(name.rsplit("的", 1)[1]) >= 3:   # 旁边的阳光100小区
        name = name.rsplit("的", 1)[1]
    elif "的" in name and name.rsplit("的", 1)[1] in _BARE_KINDS:   # 边上的小区, 新修的小区: no name
        return ""
    name = _going_into_estate(name)
    if _COUNTED.search(name):       # (w21-rep) 黄浦大街上一棵大树: a thing counted, no name
        return ""
    while len(name) >= 3 and name[0] in _NEVER_FIRST:    # 的小区, 是小学, 与太平路
        name = name[1:]
    if name.endswith("路") and len(name) >= 2 and name[-2] in _NOT_ROAD_END and \
            not (name[-2] in "上下" and _known(name)):
        return ""           # … but a road of the city's roads file said with 上 / 下 is one (w26-rpp: 新华下路 is no 下路)
    if _ROAD_BY_POSITION.match(name):      # (w23-rep) 外面大路, 门口马路, 十字路(口): where, not which road
        return ""
    for suffix in _SUFFIXES:
        # … said after a word of position (问津大道上一个小区, 路边那个小区): no name either
        if name.endswith(suffix) and (name[: -len(suffix)] in _GENERIC_HEADS or
                                      name[1: -len(suffix)] in _GENERIC_HEADS and name[0] in "上里边旁内"):
            return ""
    return name


def _left_words_cut(name: str) -> str:
    """``name`` without the words before it (:data:`_LEFT_WORDS`), and without each further such word said right
    after them (w25-rpw: 反映一下关于小区停车的问题 is no place 关于小区; 我们这边金色港湾 is 金色港湾)."""
    m = _LEFT_WORDS.match(name)
    if m:
        name = name[m.end():]
        while (more := _LEFT_WORDS.match(name)) is not None and not more.group(1) and more.end() < len(name):
            name = name[more.end():]
    return name


# a metro station said by its gate (范湖站出口, 范湖地铁口, 范湖地铁站C出口): the station
_STATION_GATE = re.compile(r"^([\u4e00-\u9fa5]{2,6}?)(?:地铁站|地铁|轻轨站|站)[A-Za-z0-9]{0,2}号?(?:出站口|进站口|出口|入口|口)$")


_BARE_GATES = frozenset({"站出口", "站入口", "站口", "地铁口", "地铁站口", "地铁出口", "地铁站出口"})


# (w25-rpl) a landmark pointed at by its kind alone and where at it (体育场那边, 火车站东边, 医院后门, 公园东门那边, 菜场后门,
# 大桥底下): the kind, each with the kinds a named one of it may end with (a market said 菜场 is a 菜市场 too)
_POINTED_KINDS = {"火车站": ("火车站",), "汽车站": ("汽车站", "客运站"), "体育场": ("体育场", "体育中心"),
                  "体育馆": ("体育馆",), "体育中心": ("体育中心", "体育场"), "医院": ("医院",), "公园": ("公园",),
                  "菜场": ("菜场", "菜市场", "农贸市场"), "菜市场": ("菜市场", "菜场", "农贸市场"),
                  "农贸市场": ("农贸市场", "菜市场", "菜场"), "小学": ("小学",), "中学": ("中学",),
                  "幼儿园": ("幼儿园",), "商场": ("商场", "购物中心"), "码头": ("码头",), "电视塔": ("电视塔",),
                  "大桥": ("大桥",), "江滩": ("江滩",), "步行街": ("步行街",), "加油站": ("加油站",), "图书馆": ("图书馆",)}
_POINTED_SIDE = (r"(?:那边|这边|那块|这块|那里|这里|[东西南北]边|[东西南北]面|[东南西北前后侧正]大?门口?|大门口?|门口|旁边|附近|"
                 r"对面|对过|底下|下面|外面|后面|前面|周边|边上|背后)")
_KIND_POINTED = re.compile(r"(?:(?<=^)|(?<=[，。,、！!？?；;：:\s])|(?<=那个)|(?<=这个)|(?<=就是)|(?<=在))("
                           + "|".join(sorted(_POINTED_KINDS, key=len, reverse=True)) + ")" + _POINTED_SIDE)
_POINTED_PLACE = re.compile("^(?:" + "|".join(sorted(_POINTED_KINDS, key=len, reverse=True)) + ")" + _POINTED_SIDE + "+$")


def _kind_pointed(text: str, places: list[str]) -> tuple[list[str], str]:
    """The places without a kind and its side read as a name (火车站东边, 医院后门), and the kind pointed at when the
    appeal names no other place (else "")."""
    places = [p for p in places if not _POINTED_PLACE.match(p)]
    if places or not any(k in text for k in _POINTED_KINDS):
        return places, ""
    m = _KIND_POINTED.search(text)
    if m is None:
        return places, ""
    side = _SIDE_WORD.match(text, m.end(1))       # (火车站东边: the east side, as 东广场 says it)
    return places, m.group(1) + (f"@{side.group(1)}" if side else "")


_SIDE_WORD = re.compile(r"([东西南北])[边面]")


def _sides(m: Matter) -> frozenset[str]:
    """(w25-rpl) The side or gate of its place an appeal says (东广场, 后门; 火车站东边: 东)."""
    out = {v for k, v in m.parts if k in ("门", "广场")}
    if "@" in m.kind_at:
        out.add(m.kind_at.split("@", 1)[1])
    return frozenset(out)


def _kind_named(a: Matter, b: Matter, hours: float | None, settings: Settings | None = None) -> str | None:
    """(w25-rpl) The landmark ``b`` names of the kind ``a`` points at by its kind alone (体育场那边 / 新华路体育场, 火车站东边 /
    武昌火车站东广场), when ``b`` names one such and no other place of its own, within ``similar.kind_hours`` (0: off) and
    one district. The gate or side each says still parts them (:func:`compare`: 医院后门 / 协和医院正门)."""
    if a.places and len(a.places) == 1 and a.places[0] in _BRAND_DEVELOPERS:
        return _brand_named(a, b, hours, settings)
    if not a.kind_at or a.places or not b.places or _two_districts(a, b) or a.elsewhere or b.elsewhere \
            or not _within_kind_hours(hours, settings) or _sides(a) != _sides(b):
        return None     # … a side or gate said by one only, or another by each (火车站东边 / 汉口火车站北广场), is no sign
    kind = a.kind_at.split("@", 1)[0]
    return _only_named(b, [p for p in b.places if p.endswith(_POINTED_KINDS[kind]) and len(p) > len(kind)])


def _within_kind_hours(hours: float | None, settings: Settings | None = None) -> bool:
    """Two appeals within ``similar.kind_hours`` of each other (:func:`_kind_named`, :func:`_brand_named`)."""
    return hours is not None and hours <= float((settings or load_settings()).get("similar", "kind_hours", 0) or 0)


def _only_named(b: Matter, named: list[str]) -> str | None:
    """The one place of ``named`` when ``b`` names no other place of its own (a road or a part of it aside)."""
    others = [p for p in b.places if p not in named and not _is_road(p) and not _part_name(p)]
    return named[0] if len(named) == 1 and not others else None


def _kind_keys(m: Matter, lookup: bool = False) -> list[str]:
    """(w25-rpl) The keys by which a kind pointed at (体育场那边) and a landmark of that kind (新华路体育场) meet, and only
    they: the one holds ``kb:`` and looks up ``kn:``, the other back (two landmarks of one kind never meet by it);
    (w25-rpl2) a developer said alone (恒大那个小区) and an estate of its name (恒大御景湾) alike, by ``@`` and the name."""
    pointed, named = ("kn:", "kb:") if lookup else ("kb:", "kn:")
    if m.kind_at:
        return [pointed + m.kind_at.split("@", 1)[0]]
    if len(m.places) == 1 and m.places[0] in _BRAND_DEVELOPERS:
        return [pointed + "@" + m.places[0]]
    return [named + k for p in m.places for k, ends in _POINTED_KINDS.items() if p.endswith(ends) and len(p) > len(k)] + \
        [named + "@" + p[:len(d)] for p in m.places for d in _DEVELOPER_HEADS if p.startswith(d) and len(p) > len(d) + 1]


# (w23-rpw) the developers whose brand begins estates' names all over the city (万达华府, 融创光谷壹号, 世茂锦绣长江): the one
# list of them, read in a text (_BRAND_ESTATE, _DEVELOPER_WHOLE) and said alone (_BRAND_DEVELOPERS)
_DEVELOPERS = ("万科", "保利", "金地", "恒大", "碧桂园", "融创", "中海", "绿地", "华润", "招商", "龙湖", "世茂", "复地", "福星",
               "联投", "城投", "金茂", "中建", "越秀", "旭辉", "泰禾", "万达", "融侨", "华发", "路劲")
# (w25-rpl2) the developers whose name an estate begins with (恒大御景湾, 保利心语): said alone (恒大那个小区), the one
# estate of that name another appeal names in its district within ``similar.kind_hours`` (:func:`_brand_named`). Beside
# _DEVELOPERS, brands that are ordinary words too (当代, 美好) or begin few estates (百瑞景): a developer only when an
# appeal's one place is the brand said alone, never read in a text (美好的生活 names no estate)
_BRAND_DEVELOPERS = frozenset(_DEVELOPERS + ("当代", "美好", "百瑞"))
_DEVELOPER_HEADS = tuple(sorted(_BRAND_DEVELOPERS, key=len, reverse=True))


def _brand_named(a: Matter, b: Matter, hours: float | None, settings: Settings | None = None) -> str | None:
    """(w25-rpl2) The estate ``b`` names of the developer ``a`` says alone (恒大那个小区 / 恒大御景湾): one estate of that
    name and no other place of its own, both in one district said, within ``similar.kind_hours`` (0: off); an estate
    of the developer in another district (江岸区恒大名都) stays apart."""
    if not a.district or a.district != b.district or a.elsewhere or b.elsewhere or not _within_kind_hours(hours, settings):
        return None
    brand = a.places[0]
    return _only_named(b, [p for p in b.places if p.startswith(brand) and len(p) > len(brand) + 1])


# (w25-rpl) an estate's numbered area or phase said with its name's head, the estate's kind left out (常青八区, 常青二期
# for 常青花园八区): the estate of the city's lists that head and a kind name; the number stays a part (:func:`_parts`), so
# another numbered area is another place but for an outage over the estate
_NUMBERED_AREA = re.compile(r"^([\u4e00-\u9fa5]{2,5}?)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:小区|区|期)$")
_KINDS_LEFT_OUT = ("花园", "小区", "家园", "新村", "社区", "新城")


def _estate_of_numbered_area(name: str) -> str:
    said = _NUMBERED_AREA.match(name)
    if said is None:
        return name
    known = _known_names()
    head = said.group(1)
    return next((head + k for k in _KINDS_LEFT_OUT if head + k in known), name)


def _numbered_area_of(x: str, y: str) -> bool:
    """(w26-rpp) ``x`` a numbered area of an estate said without its kind (康居四区), ``y`` an estate of that head and a
    kind (四新康居小区, 康居花园): one estate, the area's number its part (:func:`_parts`)."""
    head = _numbered_area_head(x)
    return bool(head) and not _is_road(head) and any(y.endswith(head + k) for k in _KINDS_LEFT_OUT)


def _numbered_area_head(p: str) -> str:
    """(w26-rpp) The estate's head of a numbered area said without its kind (康居四区: 康居), else ""."""
    said = _NUMBERED_AREA.match(p) if p.endswith("区") and not p.endswith("小区") else None
    return said.group(1) if said is not None else ""


def _who_only(a: Matter, b: Matter, lexicon: Lexicon) -> frozenset[str]:
    """(w26-rpp) Who is behind it (物业), when both lead with one thing broken in one part of a place (二期的电梯坏了，物业不修
    / 三期电梯没人修，物业说在等配件): the one management of two phases holds them no more together than their lifts do."""
    if a.lead is None or a.lead != b.lead or a.lead in lexicon.areawide() | lexicon.symptoms() | lexicon.sources():
        return frozenset()
    return frozenset(lexicon.sources() - {a.lead})


def _numbered_area_keys(places: tuple[str, ...]) -> list[str]:
    """(w26-rpp) The keys by which a numbered area said without its estate's kind (康居四区) and an estate of that head
    and a kind (四新康居小区) meet (:func:`_numbered_area_of`): ``na:`` and the head, held and looked up alike."""
    out = []
    for p in places:
        head = _numbered_area_head(p)
        if head:
            out.append(f"na:{head}")
            continue
        kind = next((k for k in _KINDS_LEFT_OUT if p.endswith(k)), "")
        if kind:
            out += [f"na:{p[-len(kind) - n:-len(kind)]}" for n in (2, 3, 4, 5) if len(p) - len(kind) >= n]
    return out


def _station_of_gate(name: str) -> str:
    gate = _STATION_GATE.match(name)
    if gate and not gate.group(1).endswith(("火车", "汽车", "高铁", "公交", "客运", "动车", "加油", "充电")):
        return gate.group(1) + "地铁站"
    return name


# a kind of place said after an area's name, with or without a word between (关山那个菜场, 球场街的公园)
_AREA_FACILITY = (r"(?:那边|这边|附近|那块|这块)?(?:的|那个|这个|那家|这家)?"
                  r"(农贸市场|菜市场|菜场|公园|广场|公交站|地铁站|小学|中学|学校|幼儿园|医院|超市|商场)")


# kinds of place that are the facility of a problem (a rubbish station's problem is its rubbish)
_OWN_PROBLEM_KINDS = ("转运站", "垃圾站", "垃圾房", "垃圾池", "充电站", "充电桩", "停车场")


def _street_forms(name: str | None) -> list[str]:
    """A registry street as citizens write it: 奓山街道, 奓山街, 奓山 (longest first)."""
    if not name:
        return []
    out = [name]
    if name.endswith("街道") and len(name) >= 4:
        out += [name[:-1], name[:-2]]
    return out


@lru_cache(maxsize=200_000)
def place_core(name: str) -> str:
    """保利华都小区 and 保利华都 are one estate: citizens drop the 小区 as often as they write it; 汉口火车站
    and 汉口站 are one station."""
    for kind, same in _SAME_KIND:
        if name.endswith(kind) and len(name) >= len(kind) + 2:
            return name[:-len(kind)] + same
    return name[:-2] if name.endswith("小区") and len(name) >= 5 else name


# one kind of place said two ways (红钢城菜市场 / 红钢城菜场, 汉口火车站 / 汉口站, 白沙洲大市场 / 白沙洲市场,
# 武钢总医院 / 武钢医院, a park with and without the kind of park it is)
_SAME_KIND = (("火车站", "站"), ("农贸市场", "菜场"), ("菜市场", "菜场"), ("大市场", "市场"), ("总医院", "医院"),
              ("湿地公园", "公园"), ("森林公园", "公园"))     # (w24-rep2) 金银湖湿地公园 / 金银湖公园


# a name said without its kind (保利华都没有水了, 金地太阳城停电): the leading words of the first clause,
# up to a position word, a number or the first problem word; never words a place name does not have
_LEAD_CLAUSE = re.compile(r"^[^，。,、！!？?；;：:\s]+")
_LEAD_STOP = re.compile(r"家里|家中|的|里|那|这|附近|旁边|隔壁|门口|门前|村口|楼下|楼上|高层|高楼层|低层|顶楼|[东南西北]大?门|大门(?=口|外|前|那|这|旁|边|对)|外面|周边|对面|一带|后面|后头|背后|前面|前头|边上|外头|底下|下面|上面|头顶上|"
                        r"出站口|进站口|片区|一块|一片|为什么|为啥|什么|怎么|[0-9０-９一二三四五六七八九十]+(?:[栋号幢期楼]|单元)|"
                        r"到现在|现在|至今|这几天|这两天|前几天|昨晚|今早|今晚|早上|晚上|半夜|上午|下午|中午|"
                        r"又|还|也|一直|突然|今天|昨天|每天|每次|每逢|每到|一到|一下|天天|从|已经|好几|快|没|旁|突发|"
                        r"经常|总是|老是|常常|时常|隔三差五")   # (w29-rpp2) how often, after the name (恒大城经常停电)
_NOT_IN_NAME = set("我你他她们了吗呢吧么什怎谁哪有没不是在就很要会能可想请问啥咋为给让被把个")


def _odd_in_name(name: str) -> set[str]:
    """The characters of :data:`_NOT_IN_NAME` a name holds, but (w24-rpl) the 在 of 自在 in an estate's name (金地自在城,
    自在城): its own word, no 在 of a sentence (保利现在停电)."""
    odd = set(name) & _NOT_IN_NAME
    if odd == {"在"} and "自在" in name and name[-1] in _ESTATE_END:
        return set()
    return odd


def _joined(name: str, places: list[str]) -> bool:
    """``name`` is a word that joins two places and a place already read (中南路和武珞路交叉口: 武珞路 is read,
    和 only joins it to the other road; fourteenth wave)."""
    return name[:1] in "和跟与同及" and any(name[1:].startswith(p) for p in places)


def _bare_name(text: str, lexicon: Lexicon, skip: Iterable[str]) -> str | None:
    m = _LEAD_CLAUSE.match(text.strip())
    if not m:
        return None
    clause = m.group(0)
    skip = sorted((n for n in skip if n), key=len, reverse=True)
    head_read = False
    while True:                              # district, street and road names already read
        head = next((n for n in skip if clause.startswith(n)), None)
        if head is None:
            break
        head_read = True
        clause = clause[len(head):]
    if head_read and clause.startswith("口"):   # 三阳路口行人…, 球场街口…: the crossing, no name after it
        return None
    if head_read and clause.startswith(("上的", "上面的")):   # 徐东大街上的东湖港湾门口…: the name on the road
        clause = clause[clause.index("的") + 1:]
    near = _near_word_off(clause)          # (w25-rpl) 珞喻路靠鲁巷的路灯: 鲁巷, of 2 characters too
    near_said, clause = near != clause, near
    cut = _LEFT_WORDS.match(clause)
    while cut and not cut.group(1):                 # 我们这边东湖港湾对面…: words before words
        following = _LEFT_WORDS.match(clause[cut.end():])
        if not following or following.group(1):
            break
        clause, cut = clause[cut.end():], following
    # not past the name's end (金融港旁边的公司拖欠我们), nor past a name said before it (阅马场那个地下通道)
    # … nor past a short name before a word of position (庙山那边: 庙山 is the name, not 那边's left)
    around = cut is not None and bool(cut.group(1)) and bool(_AROUND.fullmatch(clause[len(cut.group(1)):cut.end()]))
    # … a name introduced by 那个/这个 after the area (金银湖那个海上五月花，…) may fill its clause
    pointed = False
    if cut and len(cut.group(1)) < 3 and not _LEAD_STOP.search(cut.group(1)) and not around:
        pointed = head_read and clause[:cut.end()].endswith(("那个", "这个"))
        clause = clause[cut.end():]
    end = len(clause)
    stop = _LEAD_STOP.search(clause)
    if stop:
        end = stop.start()
    hit = lexicon._index[0].search(clause)
    if hit:
        end = min(end, hit.start())
    # a name ends before 有 (保利海上五月花有业主在楼顶搭…, 某某小区有人…): no name has it
    has = clause.find("有", 0, end)
    if has >= 3:
        end = has
    name = clause[:end]
    # a two-character name only right before a word of position (庙山那边, 庙山附近): 2 characters alone
    # are too often a plain word
    shortest = 2 if (_AROUND.match(clause, end) or not head_read and _STRETCH_OF_AREA.match(clause, end) or near_said
                     or _area_before_of(clause, end)) \
        and name not in _NOT_A_NAME2 else 3
    if _TIME_HEAD.match(name) or _TIME_WORD.match(name):   # 金银湖这边傍晚一股腐烂的臭味, 南湖这边一天停好几次电:
        return None                                         # a time, and what follows it, is no name
    if name[:1] in _DEED_FIRST:     # 粮道街吃东西的人, 幼儿园送孩子的时间: what people do there, not a name
        return None
    name = _moved_off(name)
    # … (w24-rep2) up to 9 characters too where it ends with an estate's kind (百瑞景中央生活区里面…)
    longest = 9 if head_read or name.endswith(_HEAD_OF_KINDS) else 7
    if (end < len(clause) or pointed) and shortest <= len(name) <= longest and not _odd_in_name(name) and _PUNCT.sub("", name) == name \
            and not _NOT_A_NAME_EDGE.search(name) and name not in _HOW_WIDE and not name.startswith(_ONLINE) and not name.endswith(_MOVING) \
            and not name.startswith(_MOVING) and not _COUNTED.search(name):
        return name
    return None


# (w30-hot2) … or right before 的, after the district or street said or at the start (江岸区堤角的下水道, 徐东的停电):
# an area said bare, when its two characters are no everyday word (孩子的, 物业的), nobody's (我妈的, 他家的) and no
# building told by its age, size, floor or side (花楼街老楼的墙皮, 三楼的, 对门的, 物管的), no time (今早的)
_WHOSE = frozenset("我你他她它咱俺您谁老新旧大小这那每各本该此某前后上下对楼物今昨明一二三四五六七八九十两几0123456789")


def _area_before_of(clause: str, end: int) -> bool:
    name = clause[:end]
    return end == 2 and clause.startswith("的", end) and name[0] not in _WHOSE and short_name(name)


# (w25-rpl) … or right before 那段 / 那一截 with no road said before it (鲁巷那段的路灯, 宗关这一段): a road's stretch told
# by the area it runs through, the area as the place (as 鲁巷那边 reads it); not a stretch of time (那段时间)
_STRETCH_OF_AREA = re.compile(r"(?:那|这)一?[段截](?!时|日|期|话)")


# (w21-rep2) a problem shouted alone as the first clause (井盖！烟厂宿舍门口！还没弄！): the name opens the next one
_SHOUTED = re.compile(r"^[^，。,、！!？?；;：:\s]{1,4}[，。,、！!？?；;：:\s]+")


# (w24-rep2) a phone call's greeting before anything is said (喂，锦绣长江的啊，那个水，呃，断了): the name opens what follows
_GREETING = re.compile(r"^(?:(?:喂|哎|嗯|呃|你好|您好)+[，,、。！!\s]+)+")


def _after_greeting(text: str) -> list[int]:
    """(w24-rep2) Where the words after a call's greeting (:data:`_GREETING`) begin."""
    m = _GREETING.match(text) if text[:1] in "喂哎嗯呃你您" else None
    return [m.end()] if m and m.end() < len(text) else []


def _after_shouted_problem(text: str, lexicon: Lexicon) -> list[int]:
    """(w21-rep2) Where the clause after a first clause of only a problem word (井盖！, 停水了！) begins."""
    m = _SHOUTED.match(text)
    if m is None or m.end() >= len(text):
        return []
    return [m.end()] if lexicon.scan(m.group(0)) else []


# a place named to point out a place said vaguely before it (这个小区 / 有个小区 / 那个地方 …，就是世纪江尚): the name
# fills its clause
_OWN_POINTED = re.compile(r"(?:就是|也就是)([\u4e00-\u9fa5]{3,9}?)(?:小区)?(?=[，。！？,.!?；;\s]|$)")
_VAGUE_BEFORE = re.compile(r"小区|楼盘|院子|地方|这个|那个|有个|有一个|这里|那里|这边|那边")


# (w21-rep) a name pointed at from where the citizen stands (地铁站出口出来对面就是水岸国际, 路面破了个洞，就在水岸国际
# 门口): said without its kind, it is the place all the same
_FACING = re.compile(r"(?:对面|旁边|隔壁|斜对面)(?:就是|就)")
_OWN_AT = re.compile(r"就在([\u4e00-\u9fa5]{3,9}?)(?:小区)?(?:大门口|门口|旁边|对面|楼下|外面|边上)(?=[，。！？,.!?；;\s]|$)")


def _pointed_names(text: str) -> list[re.Match[str]]:
    """The matches of a name pointed at: 就是X after a vague place or a word of facing (:data:`_FACING`), and 就在X门口."""
    out = [m for m in _OWN_POINTED.finditer(text)
           if _VAGUE_BEFORE.search(text, 0, m.start()) or _FACING.search(text, max(0, m.start() - 3), m.end())]
    return out + list(_OWN_AT.finditer(text)) + list(_NAMED_APART.finditer(text))


# (w25-rpl) … or said as a clause of its own right after the vague place (我们万科那个小区，四季花城，有业主毁绿种菜; 原来
# 厂里宿舍那片，钢花新村，路灯坏了): the name the citizen gives to say which
_NAMED_APART = re.compile(r"(?:那个|这个|那片|这片|那一片|这一片)(?:小区|楼盘|地方|院子)?[，,]([\u4e00-\u9fa5]{3,9}?)(?:小区)?(?=[，,])")


def _without_the_stop_faced_from(text: str, own: str, places: list[str]) -> list[str]:
    """(w21-rep) A name pointed at across from a stop said before it (地铁站出口出来对面就是水岸国际): the stop is
    where the citizen stands to point, the name the place — the stop is left out."""
    at = text.find(own)
    facing = _FACING.search(text, max(0, at - 4), at) if at > 0 else None
    if facing is None:
        return places
    return [p for p in places if p == own or not (p.endswith(_STOP_KINDS) and 0 <= text.find(p) < facing.start())]


def _own_places(text: str, lexicon: Lexicon, skip: Iterable[str]) -> list[str]:
    """The names :data:`_OWN_POINTED` reads after a vague place (就是前川凤凰城: the district or street said before the
    name is kept, as a place read so is): none that names a problem, a time, a building's part or a position, nor a
    word of speech."""
    heads = sorted((n for n in skip if n and len(n) >= 2), key=len, reverse=True)
    out: list[str] = []
    for m in _pointed_names(text):
        name = m.group(1)
        head = next((h for h in heads if name.startswith(h) and len(name) - len(h) >= 3), None)
        body = name[len(head):] if head else name
        if len(body) < 3 or set(name) & _NOT_IN_NAME or _LEAD_STOP.search(name) or _AROUND.search(name) \
                or name in GENERIC_PLACE or name in _HOW_WIDE or lexicon.scan(name) or body in GENERIC_PLACE:
            continue
        out.append(name)
    return out


# (w21-rep2) the estate said as the one the citizen owns or lives in (本人系…翡翠城业主, 我是…的住户)
_OWNER_OF = re.compile(r"(?:本人系|本人是|本人为|我是|我们是|我系)([\u4e00-\u9fa5]{3,14}?)(?:小区)?的?(?:业主|住户|居民)")
# (w24-rep2) … or the home said as where the citizen lives, in passing (我住锦绣长江，…, 我家住在百瑞景的): the name ends
# its clause or comes before 的 or 里面; not an area the home is near (我住青菱乡那边的新小区: 青菱乡 is no estate)
_LIVES_IN = re.compile(r"(?:我|我们|我家|我们家)住(?:在)?([\u4e00-\u9fa5]{3,9}?)(?:小区)?"
                       r"(?=[，。！？,.!?；;\s]|$|的(?!新小区|小区)|里面)")


def _estate_owned(text: str, lexicon: Lexicon) -> list[str]:
    """(w21-rep2) The names :data:`_OWNER_OF` reads, the district said before them left out (江岸区, 江岸): none that
    names a problem, a time, a position or a word of speech."""
    out = []
    owned = _OWNER_OF.finditer(text) if "业主" in text or "住户" in text or "居民" in text else ()
    lives = list(_LIVES_IN.finditer(text)) if "住" in text else []
    for m in [*owned, *lives]:
        name = re.sub(f"^(?:[\u4e00-\u9fa5]{{2,3}}区|{_district_words()})", "", m.group(1))
        if len(name) < 3 or set(name) & _NOT_IN_NAME or _LEAD_STOP.search(name) or _AROUND.search(name) \
                or name in GENERIC_PLACE or lexicon.scan(name):
            continue
        if m in lives and not _names_a_place(name):
            continue
        out.append(name)
    return out


_NAME_FLAGS = frozenset({"ns", "nr", "nz", "nrt", "nt"})


def _names_a_place(name: str) -> bool:
    """(w24-rep2) A home said in passing (我住X) is a name, not a kind of home: a name of the city's lists (百步亭), or
    no single word of the dictionary (城中村, 职工宿舍) with a piece the tagger reads as a name (锦绣长江, 百瑞景; not
    单位宿舍, 老小区, 安置房)."""
    if _known(name):
        return True
    return not _is_word(name) and any(piece.flag in _NAME_FLAGS for piece in load_tagger().cut(name))


# (w23-rpw) what may follow a developer's brand (_DEVELOPERS) that begins an estate's name: 的, its kind or gate, a
# building, a time, what is wrong
_BRAND_ESTATE = re.compile("(?:" + "|".join(_DEVELOPERS) + r")[\u4e00-\u9fa5]{2,6}?"
                           r"(?=的|小区|门口|大门|[东南西北正侧后]门|今天|昨天|从|这|那|[0-9一二三四五六七八九十]{1,3}[栋期号幢]|楼|也|又|"
                           r"里|物业|业主|住户|地下|停|断|没|，|。|、|\s|$)")


_DEVELOPER_WHOLE = re.compile("(" + "|".join(_DEVELOPERS) + r")(?=整个小区|全小区|整个院子|整片小区)")


def _brand_estates(text: str, lexicon: Lexicon) -> list[str]:
    """(w23-rpw) The estates :data:`_BRAND_ESTATE` reads: none that names a problem, a position or a word of speech,
    nor a mall or a plaza of the brand (万达广场)."""
    if not any(d in text for d in _DEVELOPERS):
        return []
    out = []
    for m in _BRAND_ESTATE.finditer(text):
        name = m.group(0)
        brand = next(d for d in _DEVELOPER_HEADS if name.startswith(d))
        tail = name[len(brand):]
        if tail.startswith("的"):
            continue            # (w29-rpp2) the developer said alone before 的 (沌口恒大的电又停了): no estate's name
        if tail[0] in _ESTATE_END and tail[1:] in _ADVERBS_AFTER:
            name = brand + tail[0]      # (w29-rpp2) … an estate of one character after the brand, then how often (恒大城经常停电)
        name = _moved_off(name)         # (w30-rep) 绿地中心城放出来的水: the water comes out of 绿地中心城
        if _odd_in_name(name) or _AROUND.search(name) or name in GENERIC_PLACE or lexicon.scan(name) \
                or name.endswith(("广场", "商场", "影城", "酒店", "中心")):
            continue
        out.append(name)
    return out


# (w29-rpp2) words of how often said right after an estate's name (恒大城又停电了, 万科城经常停水)
_ADVERBS_AFTER = frozenset({"又", "也", "都", "还", "就", "经常", "总是", "老是", "天天", "一直", "每天", "常常", "时常"})


# (w23-rep2) a home said as a plain word after 的 with a short kind of its own (老小区, 还建房, 安置房): no estate's name
_PLAIN_HOME = re.compile(r"^[\u4e00-\u9fa5]{1,2}(?:小区|房|楼|屋)$")
# … no facility said as an area (协和医院的, 月湖公园的, 天河机场的)
_AREA_NOT_HEAD = ("院", "园", "场", "站", "寺", "馆", "校", "学", "所", "店", "厂", "桥", "楼", "巷", "滩")
# … the last character of an estate's own name (东风阳光城, 锦绣苑, 江城明珠豪园)
_ESTATE_END = frozenset("园苑府城庭湾居郡邸墅轩阁坊寓")
# … and the tags of a word no estate's name holds: a verb, a number or a time said, a position (大巴几点, 房子办, 沿湖栈道)
_NOT_ESTATE_FLAGS = ("v", "vn", "m", "f", "q", "r", "d", "p", "c", "u")


@lru_cache(maxsize=50_000)
def _estate_like(name: str) -> bool:
    """(w23-rep2) ``name`` reads as an estate's own name: a proper name in it (银湖翡翠, 汉口北) or an estate's last
    character (锦绣苑), and no verb, number, time or position word (小吃价格, 预约挂号小程序, 亲水平台 are things)."""
    tokens = load_tagger().lcut(name)
    if any(t.flag.startswith(_NOT_ESTATE_FLAGS) and t.flag not in ("nr", "ns", "nz") for t in tokens):
        return False
    return name[-1] in _ESTATE_END or any(t.flag in ("nr", "ns", "nz") for t in tokens)


def _estates_after_of(text: str, lexicon: Lexicon, heads: Iterable[str]) -> list[tuple[str, str]]:
    """(w23-rep2) An estate said without its kind or a developer's brand right after an area and 的 (沌口的东风阳光城,
    金银湖的银湖翡翠): the name :func:`_bare_name` reads there, when it is no word of the dictionary (老房子, 居民楼,
    菜市场), no kind of place, no plain home (老小区) and reads as an estate's name (:func:`_estate_like`); each with
    the area said before it."""
    out: list[tuple[str, str]] = []
    for head in sorted({h for h in heads if h and len(h) >= 2}, key=len, reverse=True):
        at = text.find(head + "的")
        while at >= 0:
            rest = text[at + len(head) + 1:]
            at = text.find(head + "的", at + 1)
            if rest.startswith("话"):
                continue
            wide = min((i for i in (rest.find(w) for w in _HOW_WIDE) if i > 0), default=-1)
            if wide > 0:                            # 银湖翡翠整个小区停电了: the name ends before how wide
                rest = rest[:wide] + "的"
            name = _bare_name(rest, lexicon, ())
            if not name or not rest.startswith(name) or len(name) < 3 or _is_word(name) or name in GENERIC_PLACE \
                    or _AROUND.search(name) or _PLAIN_HOME.match(name) or lexicon.scan(name) \
                    or any(name == n for n, _ in out) or not _estate_like(name):
                continue
            out.append((name, head))
    return out


# a name never begins with a part of a home or building (我们单元一股煤气味, 楼道里, 隔壁工地) or a way of going in
# (进出小区), nor ends with a position on a line (铁路线上, 马路上) or a sense (老小区闻到)
_NOT_A_NAME_EDGE = re.compile(r"^(?:单元|楼道|楼栋|楼梯|家里|屋里|隔壁|进出|出入)|(?:线|路|街|道)上$|(?:闻到|听到|看到)$")


# a clause that ends in a way of coming or going (那个地铁口出来，…, 从小区门口进去，…): where one walks, no name;
# nor one that begins with it (梨园地铁站出来一堆人…: what comes out of the place read before it)
_MOVING = ("出来", "进来", "过来", "过去", "出去", "进去", "下来", "上来", "回来", "出站", "进站")

# (w30-rep) a verb and where it moves said right after a name (锦绣龙城放出来的水, 绿地中心城流出来的水): the
# thing comes out of the place, the verb is no part of its name
_VERB_MOVED = re.compile(r"[\u4e00-\u9fa5](?:出来|进来|过来|下来|上来)$")


def _moved_off(name: str) -> str:
    """``name`` without a verb of movement at its end, when three characters or more are left (锦绣龙城放出来 →
    锦绣龙城); as it was otherwise."""
    m = _VERB_MOVED.search(name)
    return name[:m.start()] if m and m.start() >= 3 else name


# how wide a problem is, said where a name could stand (姑嫂树这边大面积停电): no place
# … nor is where online one does it (网上交燃气费, 手机上社保认证一直失败)
_ONLINE = ("网上", "线上", "手机上", "电脑上", "微信上", "小程序上")
_HOW_WIDE = frozenset({"大面积", "大范围", "一大片", "一整片", "整片", "整栋楼", "整栋", "好几栋", "好多栋", "全小区", "整个小区"})


_AROUND = re.compile(r"那边|这边|附近|一带|那里|这里|旁边|周边|周围|那一块|这一块|那一片|这一片|片区|那个|这个|后面|后头|背后|前面|边上|对面")
_NOT_A_NAME2 = {"小区", "路口", "学校", "楼下", "门口", "马路", "地铁", "公园", "广场", "市场", "医院", "工地", "街上", "路上",
                "村里", "镇上", "店铺", "商场", "车站", "河边", "湖边", "江边", "山上", "桥下", "菜场", "厂里", "厂子"}


@lru_cache(maxsize=200_000)
def short_name(name: str) -> bool:
    """A name of 2–3 characters that is a name only (销品茂, 汉街), never an everyday word (派出所, 广场,
    后湖): the tail of a longer name it is said for (徐东销品茂, 楚河汉街)."""
    return 2 <= len(name) <= 3 and name not in GENERIC_PLACE and name not in _NOT_A_NAME2 and not _is_word(name)


# what an area's name is said with for a road or an estate of it (庙山 / 庙山中路, 庙山小区)
AREA_KINDS = frozenset({"路", "中路", "东路", "西路", "南路", "北路", "大道", "大街", "街", "小区", "社区", "新村", "村"})


@lru_cache(maxsize=200_000)     # asked of every pair of names a week's grouping compares
def _own_tail(name: str) -> str:
    """The 2–3 characters an estate is said by with 小区 after them (雅园小区 for 南湖雅园, 五月花小区 for 保利海上
    五月花), unless they are a kind of place themselves (花园小区 is no 常青花园)."""
    head = name[:-2] if name.endswith("小区") else ""
    return head if 2 <= len(head) <= 3 and head not in _BARE_TAIL_NEVER and not head.endswith(tuple(_KINDS)) else ""


@lru_cache(maxsize=200_000)     # asked of every pair of names a week's grouping compares
def _tail_of_bare(name: str, n: int) -> str:
    """The last ``n`` characters of a name said without its kind (南湖雅园, 海上五月花), longer than them by 2+."""
    return name[-n:] if len(name) >= n + 2 and not _is_fine(name) and not _is_road(name) \
        and not name.endswith(tuple(_KINDS)) else ""


_BARE_TAIL_NEVER = frozenset({"老旧", "我们", "这个", "那个", "附近", "周边", "新建", "安置", "还建", "商品", "住宅"})


_GARAGES = ("地下车库", "地下停车场", "地库", "车库")


@lru_cache(maxsize=1 << 20)     # a week of a large city asks about the same few thousand names over and over
def same_name(p: str, q: str) -> bool:
    """One place written two ways: equal, one inside the other (4+ characters: 卓刀泉保利华都 / 保利华都),
    a name and a facility named after it (阅马场 / 阅马场地下通道), or the same characters in another
    order before the same kind (长江二七大桥 / 二七长江大桥; 6+ characters: 华新家园 and 新华家园 are two
    estates)."""
    if p == q:
        return True
    if set(p).isdisjoint(q):       # every rule below needs a character in common (most pairs: none)
        return False
    if p.endswith("大厦") and q.endswith("大厦"):
        one = _one_shop_building(p, q)
        if one is not None:
            return one
    if _keys_apart(p, q):          # … and a key one asks and the other holds (most pairs sharing 路 or 区: none)
        return False
    if _mall_said_by_kind(p, q) or _mall_said_by_kind(q, p):
        return True                # (w29-rpp2) 凯德商场 / 凯德广场: a mall of the table said by its brand and 商场
    if p in _table_places() and q in _table_places():
        return False               # two landmarks of the table are two places (长江大桥 / 二七长江大桥)
    for x, y in ((p, q), (q, p)):  # an estate's garage is the estate (坐标城地库 / 光谷坐标城小区)
        if not x.endswith(_GARAGES):
            continue                   # (most names: no garage, and no generator to build)
        tail = next((t for t in _GARAGES if x.endswith(t) and len(x) - len(t) >= 3), "")
        if tail and not y.endswith(_GARAGES):
            return same_name(x[:-len(tail)], y)
    if min(len(p), len(q)) >= 4 and p.endswith("小区") and q.endswith("小区") and (p in q or q in p):
        return True                                    # 田园小区 / 吴家山田园小区
    if _own_tail(p) and _own_tail(p) == _tail_of_bare(q, len(_own_tail(p))) or \
            _own_tail(q) and _own_tail(q) == _tail_of_bare(p, len(_own_tail(q))):
        return True                                    # 雅园小区 / 南湖雅园, 五月花小区 / 保利海上五月花
    if _numbered_area_of(p, q) or _numbered_area_of(q, p):
        return True                                    # (w26-rpp) 康居四区 / 四新康居小区
    p, q = place_core(p), place_core(q)
    if p == q:
        return True
    if min(len(p), len(q)) >= 2 and _one_in_common(p, q):
        return False               # every rule below needs two characters in common (see there)
    if min(len(p), len(q)) >= 4 and (p in q or q in p):
        return True
    short, long_ = sorted((p, q), key=len)
    if long_.startswith(short) and long_[len(short):] in GENERIC_PLACE:   # 阅马场 / 阅马场地下通道
        return True
    if long_.endswith(short) and short_name(short):                       # 汉街 / 楚河汉街, 销品茂 / 徐东销品茂
        return True
    if 2 <= len(short) <= 3 and long_.startswith(short) and long_[len(short):] in AREA_KINDS:   # 庙山 / 庙山小区
        return True
    if _estate_head(short, long_):                                        # (w24-rep2) 百瑞景 / 百瑞景中央生活区
        return True
    if len(p) == len(q) >= 6 and p[-2:] == q[-2:] and sorted(p) == sorted(q):
        return True
    if _on_its_road(p, q) or _on_its_road(q, p) or _at_its_stop(p, q) or _at_its_stop(q, p):
        return True
    return _variant_name(p, q)



_HEAD_OF_KINDS = ("生活区", "小区", "花园", "家园", "社区")


def _estate_head(short: str, long_: str) -> bool:
    """(w24-rep2) An estate said by the three characters its long name begins with (百瑞景 / 百瑞景中央生活区): the
    long name is that head, at most three more characters and an estate's kind; the head holds no developer's brand
    (碧桂园; 万科城 / 万科城市花园 are two estates) and is no name of the city's lists (吴家山: an area, whose estates
    are many)."""
    if len(short) != 3 or not long_.startswith(short) or short.startswith(_DEVELOPERS) or _known(short):
        return False
    rest = long_[3:]
    kind = next((k for k in _HEAD_OF_KINDS if rest.endswith(k)), "")
    return bool(kind) and len(rest) - len(kind) <= 3 and not _NUMERAL_CHARS & set(rest)


def _keys_apart(p: str, q: str) -> bool:
    """True only where :func:`same_name` calls ``p`` and ``q`` two places by its rules: neither asks a key
    (:func:`_name_keys`) the other holds. (A new rule of same_name must keep :func:`_name_keys` a necessary
    condition; ``tests/unit/test_insight_speed.py`` and ``test_insight_speed_w21.py`` check it.)"""
    kp, kq = _name_keys(p), _name_keys(q)
    return kp is not None and kq is not None and kp[0].isdisjoint(kq[1]) and kq[0].isdisjoint(kp[1])


def _mall_said_by_kind(x: str, y: str) -> bool:
    """(w29-rpp2) ``x`` a mall said by its brand and 商场/商城 (凯德商场), ``y`` the mall of the table whose name is that
    brand and 广场 or 购物中心 and whose kind is 商场 (凯德广场): one place. Only malls the table calls so: a square of
    the brand's name (首义广场) is no mall."""
    if not x.endswith(("商场", "商城")) or len(x) < 4:
        return False
    return load_landmarks().kinds.get(y) == "商场" and y in (x[:-2] + "广场", x[:-2] + "购物中心")


@lru_cache(maxsize=1)
def _table_places() -> frozenset[str]:
    return frozenset(load_landmarks().names.values())


def _one_in_common(p: str, q: str) -> bool:
    """``p`` and ``q`` have at most one character in common, counted with repeats (路 in 新华路 / 青年路; 丽丽
    and 丽丽 have two). Every rule :func:`same_name` applies to two names' cores (:func:`place_core`, 2+
    characters each when the names have 2+) needs two: the cores one inside the other, one a prefix (阅马场 /
    阅马场地下通道, 庙山 / 庙山小区) or a 2–3-character tail of the other, the same characters in another
    order, a road's 3+-character stem or a stop's 2+-character stem in the other, one character apart in 3+,
    one estate body (2+), an abbreviation (2+ characters, each in the other). (A week of long letters asks
    same_name of hundreds of thousands of pairs of names sharing only 路, 区 or a 小区 its core drops.)"""
    common = set(p).intersection(q)
    if len(common) != 1:
        return not common
    ch = next(iter(common))
    return min(p.count(ch), q.count(ch)) < 2


# kinds an estate is said with that do not change which estate it is (丽岛花园, 丽岛小区, 丽岛社区)
_ESTATE_KINDS = ("小区", "花园", "社区", "家园", "片区")
# kinds that an abbreviation keeps (建二菜场 / 建设二路菜市场, 华科大 / 华中科技大学)
_SHORT_KINDS = (("菜场", "菜场"), ("市场", "菜场"), ("大学", "大学"), ("大", "大学"), ("医院", "医院"),
                ("小学", "小学"), ("中学", "中学"))
_NUMERAL_CHARS = frozenset("零一二三四五六七八九十百0123456789")


@lru_cache(maxsize=200_000)
def _readings(ch: str) -> frozenset[str]:
    """A Han character's toneless fuzzy readings (as :func:`_syllable`), all of them (长: chang and zhang)."""
    from pypinyin import Style, pinyin

    return frozenset(_fuzzy(syl) for syl in pinyin(ch, style=Style.NORMAL, heteronym=True)[0])


def _sound_key(name: str) -> str:
    """One reading of each character (the first in order of the alphabet): the names
    :func:`_one_sound_apart` calls one share it, nearly always (长青 / 常青: chang)."""
    return "-".join(min(_readings(ch)) if "\u4e00" <= ch <= "\u9fff" else ch for ch in name)


@lru_cache(maxsize=200_000)
def _estate_body(name: str) -> str:
    """An estate's own name without the kind it is said with (丽岛花园, 丽岛小区 → 丽岛); "" if none."""
    kind = next((k for k in _ESTATE_KINDS if name.endswith(k)), "")
    body = name[:-len(kind)] if kind else ""
    if len(body) < 2 or body in _BARE_TAIL_NEVER or body in _GENERIC_HEADS or _is_road(body) or \
            body.endswith(tuple(_KINDS)) or not _NUMERAL_CHARS.isdisjoint(body[-1]):
        return ""
    return body


@lru_cache(maxsize=200_000)
def _short_form(name: str) -> tuple[str, str]:
    """(own name, kind family) of a name an abbreviation may be of or may be (建设二路菜市场 → 建设二路,
    菜场; 建二菜场 → 建二, 菜场; 华科大 → 华科, 大学); ("", "") if it has none of those kinds."""
    for kind, family in _SHORT_KINDS:
        if name.endswith(kind) and len(name) >= len(kind) + 2:
            body = name[:-len(kind)]
            if kind in ("大", "市场") and body.endswith(("农贸", "菜", "超")):
                body = body[:-2] if body.endswith("农贸") else body[:-1]
            return (body, family) if len(body) >= 2 else ("", "")
    return "", ""


@lru_cache(maxsize=1)
def _city_roads() -> tuple:
    """The rows of the city's roads file (routing.registry), parsed once for every reading here of its names."""
    from routing.registry import roads_from_csv, roads_text

    return tuple(roads_from_csv(roads_text()))


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """The names the city's landmark list knows (a place and its aliases) and (w24-rpl) the roads and landmarks of its
    roads file (常青花园, 百步亭花园, 徐东大街): the gazetteer's own names, so that a slip of one character (长青花园,
    百布亭花园) meets them as it meets a landmark's."""
    listed = {n for names in _estates_by_area()[1].values() for n in names if len(n) >= 3}   # (w27-rpp) the estates table's
    return frozenset(load_landmarks().names) | {r.name for r in _city_roads() if len(r.name) >= 3} | listed


@lru_cache(maxsize=1)
def _known_sounds() -> frozenset[str]:
    """The sound keys of every known name and of its estate forms (see :func:`_variant_keys`)."""
    out: set[str] = set()
    for name in _known_names():
        for n in [name] + [name + k for k in _ESTATE_KINDS]:
            if len(n) >= 3:
                out.add(_sound_key(n))
            body = _estate_body(n)
            if len(body) >= 3:
                out.add(_sound_key(body))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def _known(name: str) -> bool:
    known = _known_names()
    return name in known or any(name[:-len(k)] in known for k in _ESTATE_KINDS if name.endswith(k))


def _one_sound_apart(p: str, q: str) -> bool:
    """Two names of 3+ characters one character apart, said alike (百步亭 / 百布亭, 常青 / 长青); never a
    number (钢花一村 / 钢花二村). One of them must be a name the landmark list knows and the other not: a slip
    of the keyboard or of speech recognition for a known place, never two real places (金桥 / 锦桥) told apart."""
    if len(p) != len(q) or len(p) < 3 or _known(p) == _known(q):
        return False
    diff = [(a, b) for a, b in zip(p, q) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    return "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff" and not _NUMERAL_CHARS & {a, b} \
        and bool(_readings(a) & _readings(b))


@lru_cache(maxsize=1)
def _known_by_sound() -> dict[str, tuple[str, ...]]:
    """(w29-rpp) The known names (:func:`_known_names`, 3+ characters) by their sound key."""
    out: dict[str, list[str]] = {}
    for name in _known_names():
        if len(name) >= 3:
            out.setdefault(_sound_key(name), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=200_000)
def _known_of_slip(name: str) -> str:
    """(w29-rpp) An unknown name one character of the same sound apart from exactly one known name (宗官水厂, 棕关水厂 for
    宗关水厂): that known name, so that two slips of one place meet as each meets it; else the name itself."""
    if len(name) < 3 or _known(name) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    near = [k for k in _known_by_sound().get(_sound_key(name), ()) if _one_sound_apart(name, k)]
    if len(near) == 1:
        return near[0]
    # (w30-rpb) … or a slip of a known name said with what stands at it (积玉乔地铁站, 钟家春天桥): that name with it
    for tail in _SLIP_TAILS:
        head = name[:-len(tail)]
        if name.endswith(tail) and len(head) >= 3 and not _known(head):
            near = [k for k in _known_by_sound().get(_sound_key(head), ()) if _one_sound_apart(head, k)]
            if len(near) == 1:
                return near[0] + tail
    return name


# (w30-rpb) what a place is said with after its name (its station, its footbridge, its stop)
_SLIP_TAILS = ("地铁站", "公交站", "天桥", "过街天桥", "地下通道", "站")


def _abbreviates(short: str, long_: str) -> bool:
    """``short`` keeps the first character of ``long_`` and of some of its parts, in order, leaving out one
    character at a time and never a number (建二 / 建设二路, 华科 / 华中科技; 建设 is no 建设二路)."""
    if len(short) < 2 or len(long_) < len(short) + 1 or short[0] != long_[0] or short in long_:
        return False
    i = 0
    gap = 0
    for ch in long_:
        if i < len(short) and ch == short[i]:
            i, gap = i + 1, 0
            continue
        gap += 1
        if gap > 1 or ch in _NUMERAL_CHARS:
            return False
    return i == len(short)


def _variant_name(p: str, q: str) -> bool:
    """One place in another form: another kind of estate (丽岛花园 / 丽岛小区 / 丽岛社区), one character of the
    same sound (百步亭花园 / 百布亭花园), an abbreviation (建二菜场 / 建设二路菜市场, 华科大 / 华中科技大学)."""
    if _one_sound_apart(p, q):
        return True
    bp, bq = _estate_body(p), _estate_body(q)
    if bp and bq and (bp == bq or _one_sound_apart(bp, bq)):
        return True
    (sp, fp), (sq, fq) = _short_form(p), _short_form(q)
    if fp and fp == fq:
        return sp == sq or _abbreviates(sp, sq) or _abbreviates(sq, sp)
    # … or a facility named after its road, the road said in full (建二菜场 / 建设二路)
    if fp and not fq and _is_road(q) and len(q) >= 4:
        return _abbreviates(sp, q)
    if fq and not fp and _is_road(p) and len(p) >= 4:
        return _abbreviates(sq, p)
    return False


@lru_cache(maxsize=200_000)
def _variant_keys(name: str) -> tuple[str, ...]:
    """Keys that any two names :func:`_variant_name` calls one share (candidates only)."""
    # a slip meets only a known name (:func:`_one_sound_apart`): an unknown name keeps a sound key a known one has
    sounds = _known_sounds()
    known = _known(name)
    out = [f"h:{_sound_key(name)}"] if len(name) >= 3 and (known or _sound_key(name) in sounds) else []
    body = _estate_body(name)
    if body:
        out.append(f"e:{body}")
        if len(body) >= 3 and (known or _sound_key(body) in sounds):
            out.append(f"h:{_sound_key(body)}")
    own, family = _short_form(name)
    if family:
        out += [f"k:{own[0]}{family}", f"r:{own[0]}"]
    elif len(name) >= 4 and _is_road(name):
        out.append(f"r:{name[0]}")
    return tuple(out)


# the bigrams of how any appeal is said (一直没人管，好几天了): shared by two appeals, they say nothing
# about the problem, and the n-gram fallback would merge a locked toilet with a closed kiosk on them
_FILLER = frozenset("""一直 好几 几天 天了 没人 人管 不管 门口 旁边 附近 这边 那边 这里 那里 里面 外面 楼下 上面
问题 希望 处理 解决 投诉 反映 请问 咨询 什么 时候 怎么 已经 每天 天天 现在 今天 昨天 好久 很久 半天 个月 多天
我们 居民 群众 严重 影响 太多 多了 还是 还在 都是 都没 没有 有人 好多 一个 这个 那个 赶紧 尽快 麻烦 谢谢 也不
不知 知道 能不 不能 部门 相关 有关 要求 情况 经常 总是 老是 根本 真的 实在 非常 特别 太了 了没 了好 的人
""".split())


# the kinds of place a name ends with: kept when the name is masked, as the router keeps them (a
# 公交站's shelter, a 工地's noise, a 路's lamps are what the appeal is about)
_KINDS = sorted({*_LANDMARK_RE.pattern.split("(")[2].split(")")[0].split("|"), *_SUFFIXES, "新城", "山庄", "站"},
                key=len, reverse=True)


def _masked_name(name: str) -> str:
    """A place name with its own words blanked and its kind kept (垃圾转运站 → ＿＿转运站)."""
    if name in GENERIC_PLACE:
        return name
    kind = next((k for k in _KINDS if name.endswith(k) and len(name) > len(k)), "")
    return "\u3000" * (len(name) - len(kind)) + kind


_PHASE = re.compile(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})期")
_BUILDING = re.compile(r"([0-9]{1,3}|[二三四五六七八九十]{1,3}|十一|[一二三四五六七八九]十[一二三四五六七八九]?)(?:栋|幢|号楼)")
# … both asked only where a number begins (the same matches, twice as fast on long letters)
_PHASE, _BUILDING = (re.compile(r"(?=[0-9一二三四五六七八九十])" + p.pattern) for p in (_PHASE, _BUILDING))
# (w23-rpw) … and a building's numbered entrance (3单元, 五单元): its own flats, its own lift
_UNIT = re.compile(r"(?=[0-9一二三四五六七八九十])([0-9]{1,2}|[一二三四五六七八九十]{1,3})单元")


# a gate of a place (公园后门 / 前门, 学校东门): which side of it; 正门 is the 前门, a plain 大门 says no side
_GATE = re.compile(r"([东南西北前后正侧])大?门(?!店|面|市|票|卫|诊|牌)")
_GATE_SIDE = {"正": "前"}
# (w28-rpp) a building and its entrance said as two numbers joined (12-2, 8-3) right after a name: not a span of
# days, hours or money (3-5天, 10-20元), nor a phone or house number
_BUILDING_UNIT = re.compile(r"(?<=[\u4e00-\u9fa5])([0-9]{1,2})-([0-9]{1,2})(?![0-9\-])"
                            r"(?![天个次点号米月日年岁层楼元块分万人斤公里小周年级度])")
# (w28-rpp) an end of a street or a place, or its entrance, said by its side (楚河汉街东头, 东边入口, 西入口, 北端)
_END_SIDE = re.compile(r"(?<![房东西南北])([东南西北])(?:头(?![发疼痛部顶上])|端|边?的?入口|边?的?出入口)")
# (w28-rpp) a village's numbered group (新春村五组, 问津村3组; 5组 said alone) and a hamlet of a village (刘家湾)
_VILLAGE_GROUP = re.compile(r"(?:村|^|[^0-9一二三四五六七八九十第])([0-9]{1,2}|[一二三四五六七八九十]{1,3})组(?![织长员合成件团建])")
# (w29-rpp) … said in full (联群村第三村民小组, 三村民小组): the same group
_VILLAGERS_GROUP = re.compile(r"第?([0-9]{1,2}|[一二三四五六七八九十]{1,3})村民小组")
_HAMLET = re.compile(r"([\u4e00-\u9fa5]家湾)")
_VILLAGE_PART = re.compile(r"的?第?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:村民小)?组|的?[\u4e00-\u9fa5]家湾")


# (w27-rpb) a part said only to liken one's own to it (4栋电梯也坏了，和2栋一样停着; 跟三期一样): not a part it is about
_LIKENED = re.compile(r"(?:和|跟|同|像)[^，。！？,.!?；;和跟同像]{1,8}?一样")


def _parts(text: str) -> tuple[tuple[str, str], ...]:
    from routing.numerals import number_value     # (8, 八, 两, 十二 → '8', '8', '2', '12': routing's one numeral reader)
    text = text.translate(_FORMAL_NUMERALS)     # (w28-rpp) 贰期, 叁栋: 二期, 三栋
    if "一样" in text:
        text = _LIKENED.sub("", text)
    out = [("期", number_value(m.group(1))) for m in _PHASE.finditer(text)]
    houses = [m for m in _HOUSE_NO.finditer(text)] if "号" in text else []
    # (w29-rpp) … a road's number said before 楼下 (中山大道906号楼下): the house, not a building 906 of an estate
    out += [("栋", number_value(m.group(1))) for m in _BUILDING.finditer(text)
            if not any(h.start(1) <= m.start(1) < h.end(1) for h in houses)]
    if "单元" in text:
        out += [("单元", number_value(m.group(1))) for m in _UNIT.finditer(text)]
    out += [("门", _GATE_SIDE.get(m.group(1), m.group(1))) for m in _GATE.finditer(text)]
    if "-" in text:
        # (w28-rpp) a building and its entrance said as two numbers joined (城市花园12-2, 8-3的电梯): 栋 and 单元
        for m in _BUILDING_UNIT.finditer(text):
            out += [("栋", m.group(1)), ("单元", m.group(2))]
    if "头" in text or "入口" in text or "端" in text:
        # (w28-rpp) an end of a street or a place said by its side (汉街东头, 东边入口, 西入口): a side, as a gate's
        out += [("门", m.group(1)) for m in _END_SIDE.finditer(text)]
    if "组" in text or "湾" in text:
        # (w28-rpp) a village's numbered group (新春村五组, 3组) and its hamlet (李家湾): places apart
        out += [("组", number_value(m.group(1))) for m in _VILLAGE_GROUP.finditer(text)]
        if "村民小组" in text:
            out += [("组", number_value(m.group(1))) for m in _VILLAGERS_GROUP.finditer(text)]
        if "村" in text:
            out += [("湾", m.group(1)) for m in _HAMLET.finditer(text)]
    out += [("小区", m.group(1).upper() if m.group(1).isascii() and m.group(1).isalpha() else number_value(m.group(1)))
            for m in _SUB_ESTATE.finditer(text)]
    if "街坊" in text:
        out += [("小区", _numbered(m.group(1))) for m in _QUARTER_NO.finditer(text)]
    out += [("号", _numbered(m.group(1))) for m in houses]
    for kind, pattern in _SIDE_NAMED.items():
        if kind in text:
            out += [(kind, m.group(1)) for m in pattern.finditer(text)]
    if "广场" in text:
        out += [("广场", m.group(1)) for m in _SQUARE_SIDE_SAID.finditer(text)]
    if "口" in text:
        out += [("口", (m.group(1) or m.group(2)).upper()) for m in _EXIT.finditer(text)]
        out += [("口名", re.split(r"[往靠朝站]", m.group(1) or m.group(2))[-1].removesuffix("的"))
                for m in _EXIT_NAMED.finditer(text)]
    # (read only where the text says 段, 校区: few letters do, and each pattern is tried at every character)
    if "段" in text or "截" in text:
        out += [("段", m.group(1)) for m in _SECTION.finditer(text) if not set(m.group(1)) & _NOT_SECTION]
        # (w25-rep) … not the road itself said before 那截 (冶金大道那截路塌了: 大道 names no stretch of it)
        out += [("段", m.group(1)) for m in _SECTION_SAID.finditer(text)
                if not set(m.group(1)) & _NOT_SECTION_SAID and m.group(1) not in _ROAD_KINDS_SAID
                and m.group(1) not in _POSITION_BEFORE_SECTION]
        out += [("段", m.group(1)[-2:]) for m in _ROAD_SECTION.finditer(text) if _known(m.group(1))]
    if "校区" in text or "院区" in text:
        out += [("校区", m.group(1)) for m in _CAMPUS.finditer(text) if not set(m.group(1)) & _NOT_CAMPUS]
    sides = [("侧", "对" if m.group(1) else "同") for m in _ROAD_SIDE.finditer(text)]
    # … a road said between them (马路对面, 隔着马路) against its own door (万达门口): across the road too
    if _ACROSS_ROAD.search(text):
        sides.append(("过路", "对"))
    elif not any(v == "对" for _, v in sides) and _AT_ITS_DOOR.search(text):
        sides.append(("过路", "同"))
    out += sides
    return tuple(dict.fromkeys(out))


# (w27-rpp) … and the side of the road a place's neighbour stands on, said against the place: across from it (协和医院
# 对面那排门面, 同济对门, 马路对面) or on its own side (隔壁, 同一边): two spots a road apart, never one shop's (a
# neighbour's home, 对门邻居 / 隔壁那户, is no side of a road)
# (w27-rpp) … an airport's terminals (T3出发层, 3号航站楼, T2航站楼), a bus ride apart
_TERMINAL = re.compile(r"(?<![A-Za-z])T([1-9])(?![0-9])|([1-9一二三])号?航站楼")
_AT_ITS_DOOR = re.compile(r"门口|门前|外面|外头")
_ACROSS_ROAD = re.compile(r"马路对面|路对面|街对面|隔着马路|隔条马路|隔一条马路|隔着一条马路|过了马路")
_ROAD_SIDE = re.compile(r"(?<!住)(?:(马路对面|路对面|街对面|斜对面|对面|对门|对过)|(隔壁|同一边|同一侧|同侧|这一边|这一侧))"
                        r"(?!楼|邻居|那户|这户|人家|家|住|的邻居|的人家|单元)")


# an estate's numbered estates (常青花园九小区 / 十三小区) and a greenway's or road's named sections (东湖绿道听涛段 /
# 落雁段) are places of their own, far apart: two of them are two places even for a nuisance that travels
# … and its lettered or numbered areas (金融港B区 / C区, 常青花园十区 / 九区) likewise
_SUB_ESTATE = re.compile(r"(?:(?<=[\u4e00-\u9fa5]{2})|(?<=[\u4e00-\u9fa5]{2}\s))([0-9]{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])"
                         r"(?:小区|区(?![域别间块]))")
# … the look-behinds asked only where such a number or letter begins (the same matches, 4× faster on long letters)
_SUB_ESTATE = re.compile(r"(?=[0-9一二三四五六七八九十A-Za-z])" + _SUB_ESTATE.pattern)
_SECTION = re.compile(r"([\u4e00-\u9fa5]{2})段")
_NOT_SECTION = frozenset("那这一哪每个路地时阶手片整半前后上下中某该")
# … or said as the place the section is at and 那段 (东湖绿道磨山那段 / 落雁那一段, 汉口江滩三阳路那段): the two characters
# before it name the section (a road's 路 among them); not a stretch of time (那段时间, 那段日子)
_SECTION_SAID = re.compile(r"([\u4e00-\u9fa5]{2})(?:那|这)一?[段截](?!时|日|期)")   # (w24-rep2) 靠水塔那一截路: 截 as 段
# (w24-rep2) … or named by the crossing road it runs by (中山大道武胜路段, 解放大道古田二路段): a road of the city's
# lists right after another road, its last two characters the section's name, as 三阳路那段 reads it
_ROAD_SECTION = re.compile(r"(?:大道|大街|路|街)([\u4e00-\u9fa5]{2,5}?(?:大道|大街|路|街))段")
_NOT_SECTION_SAID = frozenset("那这一哪每个的在是了里边")
_ROAD_KINDS_SAID = frozenset({"大道", "大街", "马路", "公路"})   # (w25-rep) a road's own kind: the road, not a stretch
# (w29-rpp2) … nor a word of position before 那段 (金融港前面那段, 学校门口那一段): where the stretch is from the place named
# before it, no stretch of its own name
_POSITION_BEFORE_SECTION = frozenset({"前面", "后面", "上面", "下面", "对面", "外面", "前头", "后头", "门口", "附近", "周边", "中间"})
# … and a university's campuses (理工大南湖校区 / 余家头校区), kilometres apart; (w26-rpb2) a hospital's too (中心医院后湖院区 /
# 南京路院区, 光谷院区), its main one said 主院区 (then 主院 names it)
_CAMPUS = re.compile(r"([\u4e00-\u9fa5]{2})(?:校区|院区)")
_NOT_CAMPUS = frozenset("这那个的该此哪每其")
# (w21-rpw) … and what citizens call the parts of a few kinds of place, far apart too: the numbered 街坊 of an old
# works estate (青山的117街坊 / 118街坊), a station's squares (汉口站南广场 / 北广场), a campus's or a hospital's yards
# (理工大东院 / 西院)
_QUARTER_NO = re.compile(r"([0-9]{1,3}|[〇零一二三四五六七八九十百]{1,5})街坊")
_SIDE_NAMED = {"广场": re.compile(r"([东南西北])广场"), "院": re.compile(r"([东南西北])院(?![子内里墙落长])")}
# … and a station's exits said by their letter or number (A口, B出口, 2号口) or side (东出口): a nuisance at one of
# them (bikes piled up, touts) is not at another, but a sound may reach both (as a gate's, :data:`_SIDE_PART_KINDS`)
_EXIT = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]|[0-9]{1,2})号?(?:出站口|出入口|出口|口)|([东南西北])(?:出站口|出口)")
# … or by the place it opens towards (靠中山公园的那个出口, 往武展那边的出口, 武汉展览馆方向出口): one exit said by a
# name and its short form (武展 / 武汉展览馆) is one
_EXIT_NAMED = re.compile(r"(?:靠|往|朝)([\u4e00-\u9fa5]{2,6}?)(?:那边的?|这边的?|那一?个|方向的?|的那个|的)?(?:出口|出站口|口子)"
                         r"|(?:站|口)?([\u4e00-\u9fa5]{2,5})(?:那边的|方向的?|那一?个)(?:出口|出站口|口子)")
# (w22-rpw) … a station's square said by its side in more words (南边进站那个广场, 北面出站的广场, 东边的广场): that side's
# square (南广场)
_SQUARE_SIDE_SAID = re.compile(r"([东南西北])(?:边|面|侧)(?:进站|出站|进站口|出站口)?(?:的|那个|那边的?|这个|这边的?)?广场")
# (w29-rpp) … and a house number on a road (解放大道1127号, 中山大道八一八号 said digit by digit): another number of the
# road is another building, apart even for a nuisance that travels (a bar's noise at 818号 is not 906号's)
_HOUSE_NO = re.compile(r"(?:大道|大街|路|街)([0-9]{1,5}|[〇零一二三四五六七八九]{2,5})号(?![线口码位窗]|楼(?![下上])|出口|出站|入口|地铁)")
_FAR_PARTS = frozenset({"小区", "段", "校区", "广场", "院", "侧", "过路", "航站楼", "组", "湾", "号"})
_SIDE_PART_KINDS = frozenset({"门", "口", "口名"})


def _numbered(said: str) -> str:
    """A number said digit by digit (一一八, 一〇七) or as a numeral (118, 十八), as digits (routing's one numeral
    reader)."""
    from routing.numerals import digits_said, number_value
    if len(said) > 1 and set(said) <= set("〇零一二三四五六七八九"):
        return digits_said(said)
    return number_value(said)


def _other_part(a: Matter, b: Matter, kinds: frozenset[str] | None = None) -> bool:
    """Both name a part of one kind (a phase, a building) and no part of that kind in common."""
    if not a.parts or not b.parts:
        return False        # (w24-speed: most appeals name none, and compare asks this of every pair up to six times)
    for kind in {k for k, _ in a.parts} & {k for k, _ in b.parts}:
        if kinds is not None and kind not in kinds:
            continue
        va, vb = {v for k, v in a.parts if k == kind}, {v for k, v in b.parts if k == kind}
        if not va & vb and not (kind == "口名" and any(_one_exit(x, y) for x in va for y in vb)):
            return True
    return False


def _one_exit(x: str, y: str) -> bool:
    """Two names of the place an exit opens towards that are one (中山公园 / 中山公园门口, 武展 / 武汉展览馆)."""
    return x in y or y in x or same_name(x, y) or _initials_of(x, y) or _initials_of(y, x)


def _initials_of(short: str, long_: str) -> bool:
    """``short`` is characters of ``long_`` in order, from its first (武展 / 武汉展览馆)."""
    if len(short) < 2 or len(short) >= len(long_) or short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(c in it for c in short)


# a guess at the cause, to the end of its clause (怀疑是工厂偷排, 是不是有人排污, 估计是哪个厂在排)
_GUESS = re.compile(r"(?:怀疑|是不是有人|估计是|可能是|不知道是|不晓得是|是哪个|是哪家)[^，。,、！!？?；;\s]*")


# Wuhan speech read as the common words the concepts list (冇得水 is 没水, 一落雨就淹 is 一下雨就淹)
_SPEECH_WORDS = {"冇得": "没", "冇有": "没有", "冇": "没", "落大雨": "下大雨", "落雨": "下雨",
                 "斜对过": "斜对面", "对过": "对面"}    # (w24-rpl) 大桥局对过: across from it, as 对面 says
# (w28-rpp) the formal numerals of estates' and buildings' names (壹号院, 贰期, 叁栋), as the common ones (read after
# the names: a brand's estate is found by its name as said, 融创光谷壹号)
_FORMAL_NUMERALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾", "一二三四五六七八九十")
# (w28-rpp) an estate named 某某城市花园 said short as 某某城花 (a developer's name before it), before its part or door;
# never a trip to town (进城花了两个小时)
_CITY_GARDEN_SHORT = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?<![进出回去到在])城花(?=[0-9一二三四五六七八九十]|期|栋|小区|"
                                r"[东南西北正前后]?大?门|的|那|这|里|业主|物业|[，。,\s])")
_SPEECH = re.compile("|".join(sorted(map(re.escape, _SPEECH_WORDS), key=len, reverse=True)))

# a district's old county town said as 城关 (黄陂城关, 江夏区城关镇): the street office that is its seat today, as the
# registry names it (前川, 纸坊, 邾城, 蔡甸街, 纱帽); written from public knowledge of the demo city
_SEATS = {"黄陂": "前川", "江夏": "纸坊", "新洲": "邾城", "蔡甸": "蔡甸街", "汉南": "纱帽"}
_OLD_TOWN = re.compile(f"({'|'.join(_SEATS)})(区)?城关(?:镇)?")


def seat_for_old_town(text: str) -> str:
    """The text with a district's 城关 said as its seat's street (黄陂城关 → 黄陂前川, 蔡甸城关 → 蔡甸街)."""
    if "城关" not in text:
        return text
    return _OLD_TOWN.sub(lambda m: _SEATS[m.group(1)] if _SEATS[m.group(1)].startswith(m.group(1))
                         else m.group(1) + (m.group(2) or "") + _SEATS[m.group(1)], text)


# a bus line is a place of its own (726路改线了, 坐591到关山大道, 七二六路, 五九幺路 as speech is transcribed): its
# appeals name different stops. Written 公交<number>路线, a name no text holds (so no concept word is masked)
_LINE_NUMBER = re.compile(r"(?<![\dA-Za-z.:：])(\d{1,4}|[零〇一二三四五六七八九幺两]{3,4})(?![\dA-Za-z.])(路(?![口段边上])|号线路)?")
# … the look-behind asked only where a number begins (the same matches, faster on long letters)
_LINE_NUMBER = re.compile(r"(?=[\d零〇一二三四五六七八九幺两])" + _LINE_NUMBER.pattern)
_LINE_BEFORE = ("公交", "坐", "乘", "搭", "等", "的", "了", "是", "把", "和", "与", "跟", "条", "趟", "辆", "到")
_LINE_NOT_AFTER = set("点号楼栋层元块天年月日岁分小个次米公斤栋户间人位辆台")
LINE_NAME = re.compile(r"^公交\d{1,4}路线$")


# a line said by its bare number at the head of a sentence (703为什么换了路线, 。533改道了吗), where a route's own words
# follow within a few characters: not a count (40多分钟), a time or an amount, which say none of them
# (w30-hot) … or what a line no longer does at its stops (703咋不到火车站了, 536怎么不进站, 缩线, 调线, 终点站)
_BARE_LINE_WORDS = re.compile(r"路线|线路|改道|改线|绕道|站牌|站台|班次|发车|公交|停靠|到站|缩线|调线|终点|末班|首班|停运|"
                              r"不(?:到|进|停|去)[^，。！？,.!?\s]{0,6}站")


def _bare_line(text: str, m: re.Match, before: str) -> bool:
    return len(m.group(1)) >= 2 and (not before or not "\u4e00" <= before[-1] <= "\u9fff") and \
        text[m.end():m.end() + 1] not in "多余来元万千百" and bool(_BARE_LINE_WORDS.search(text, m.end(), m.end() + 10))


# (w30-hot) a line said with 十 as a number is spoken (二十四路, 三十八路车, 十五路公交), its 路 said: read as its digits
_LINE_TENS = re.compile(r"([二三四五六七八九]?)十([一二三四五六七八九]?)(路(?![口段边上])|号线路)")


def _tens_lines(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in _LINE_TENS.finditer(text):
        if not (m.group(1) or m.group(2)):
            continue            # 十路 alone: no line
        before = text[max(0, m.start() - 2):m.start()]
        if before and "\u4e00" <= before[-1] <= "\u9fff" and not before.endswith(_LINE_BEFORE):
            continue            # inside words (八十多路, 走了三十路): a line only where one is said
        number = str(int(m.group(1) and "一二三四五六七八九".index(m.group(1)) + 1 or 1) * 10
                     + (m.group(2) and "一二三四五六七八九".index(m.group(2)) + 1 or 0))
        out.append((f"公交{number}路线", m.group(0)))
    return out


def _bus_lines(text: str) -> list[tuple[str, str]]:
    """The bus lines a text names, as (place name, the words that said it)."""
    from routing.numerals import digits_said      # (七二六, 五九幺 → 726, 591: routing's one numeral reader)
    out: list[tuple[str, str]] = [] if "十" not in text else _tens_lines(text)
    for m in _LINE_NUMBER.finditer(text):
        number, tail = m.group(1), m.group(2)
        before = text[max(0, m.start() - 2):m.start()]
        after_line = before.endswith(_LINE_BEFORE) or not before or not "\u4e00" <= before[-1] <= "\u9fff"
        if tail:   # one digit or Chinese numerals only where a line is said (光谷1路, 光谷一路 are roads)
            if not number.isdigit() or len(number) < 2:
                if not after_line or (not number.isdigit() and len(number) < 3):
                    continue
        elif not number.isdigit() and after_line and text.startswith(("公交", "路公交"), m.end()):
            pass        # (w30-hot) 七零三公交, 五三六公交: its number spoken, its bus said right after
        elif not (number.isdigit() and (text[m.end():m.end() + 1] not in _LINE_NOT_AFTER or text.startswith("公交", m.end()))
                  and (before.endswith(("公交", "坐", "乘", "搭")) or _bare_line(text, m, before)
                       or (len(number) >= 2 and (before.endswith(("站等", "站")) or text.startswith("公交", m.end()))))):
            # (… or beside its stop or its bus: 中南路站等230, 洪山广场站230过站不停, 反映230公交; w24-hot)
            continue
        name = f"公交{digits_said(number)}路线"
        if all(n != name for n, _ in out):
            out.append((name, m.group(0)))
    return out


# a school said short (光谷一小, 武汉二中) is read as its full name (光谷第一小学): one place however it is said
_SCHOOL_SHORT = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?<![第初高])([一二三四五六七八九十]{1,2})(小|中)"
                           r"(?=门|校|放学|上学|的|那|这|附近|旁边|隔壁|周边|对面|前面|后面|背后|后头|后边|后街|接送|学生|老师|"
                           r"[，。,、！!？?；;\s]|$)")      # (w27-rpp) 背后, 后头, 后街: behind it, as 后面
# … the look-behinds asked only where a numeral begins (the same matches, faster on long letters)
_SCHOOL_SHORT = re.compile(r"(?=[一二三四五六七八九十])" + _SCHOOL_SHORT.pattern)
# (w26-rpp2) a numbered school said by its number alone, with no city or area before it (十四中, 四十九中学, 49中, at a
# clause's head 二中门口): the same full name (第十四中学); a one-numeral name only at a clause's head (一小时, 一小段)
_SCHOOL_FOLLOW = (r"(?=学|大?门|校|放学|上学|的|那|这|附近|旁边|隔壁|周边|对面|前面|后面|背后|后头|后边|后街|边上|接送|学生|老师|"
                  r"[，。,、！!？?；;\s]|$)")
_SCHOOL_NUMBER = re.compile(r"(?<![第初高0-9零一二三四五六七八九十百A-Za-z])(?:([0-9]{1,2})|([一二三四五六七八九十]{2,3})|"
                            r"(?:(?<=^)|(?<=[，。,、！!？?；;：:\s]))([一二三四五六七八九十]))(中|小)(?:学(?![生校期]))?"
                            + _SCHOOL_FOLLOW)
_CN_DIGITS = "零一二三四五六七八九"
# … and a numbered hospital at a clause's head (一医院东门口, 三医院那边): 第一医院, as 市一医院 is read
_HOSPITAL_NUMBER = re.compile(r"(?:(?<=^)|(?<=[，。,、！!？?；;：:\s]))([一二三四五六七八九十]{1,2})医院")


@lru_cache(maxsize=1)
def _district_hospital() -> re.Pattern[str]:
    """(w27-rpp) A district's hospital said short (新洲区医院, 邾城那个区医院, 我们的区医院): its people's hospital
    (新洲区人民医院), as the district's seat calls it; never a community's (社区医院) or a campus's (院区医院)."""
    after = "|".join(f"(?<={w})" for w in (*_districts(), "那个", "这个", "我们", "的", "^", "[，。,、！!？?；;：:\\s]"))
    return re.compile(f"(?:{after})区医院")


def _cn_number(n: int) -> str:
    """1–99 in Chinese numerals (49: 四十九, 14: 十四, 20: 二十)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")) + (_CN_DIGITS[ones] if ones else "")


def _school_number(m: re.Match[str]) -> str:
    digits, numerals, one, kind = m.groups()
    said = numerals or one or (_cn_number(int(digits)) if int(digits) else "")
    return f"第{said}{kind}学" if said else m.group(0)


def _district_forms(place: dict[str, Any]) -> tuple[str, str]:
    """The district the router read, as it names it and as residents say it (黄陂区, 黄陂); "" for what is not."""
    from routing.registry import district_said
    district = place.get("district_name") or ""
    return district, district_said(district)


def _admin_spans(text: str, place: dict[str, Any]) -> list[tuple[int, int]]:
    """Where the text names its district (东西湖, 黄陂区) or street (吴家山, 前川街道) as the router read them."""
    names = {n for n in (*_district_forms(place), *_street_forms(place.get("street_name"))) if len(n) >= 2}
    return _spans_of(names, text)


def _spans_of(names: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Where each name occurs in the text (plain search: a pattern per name would fill re's cache)."""
    out = []
    for n in names:
        at = text.find(n)
        while at >= 0:
            out.append((at, at + len(n)))
            at = text.find(n, at + 1)
    return out


def _road_head(text: str, at: int, end: int, admin: list[tuple[int, int]]) -> str:
    """A road's own name without the district or street said before it (东西湖四明路, 吴家山四明路 → 四明路;
    黄陂前川木兰大道, read from 陂 on, → 木兰大道); "" when that leaves less than 2 characters (关山大道 stays)."""
    moved = True
    while moved:
        moved = False
        for s, e in admin:
            if s <= at < e and e < end:
                at, moved = e, True
    return text[at:end] if end - at >= 2 else ""


# (w22-rpw) a taxi said as what drives over a road's defect (出租车开过去颠得很, 的士一过就咣当) is a road user, not the
# appeal's matter: it is read as a plain 车, so that a pothole by a station is no taxi complaint there
_DRIVING_OVER = re.compile(r"(?:出租车|的士|网约车)(?=(?:子)?(?:开过去|开过来|开过|一过|经过|压过|轧过|开上去|过去都|过都))")


def _driving_over(text: str) -> str:
    return _DRIVING_OVER.sub("车", text) if "过" in text else text


@lru_cache(maxsize=1)
def _road_names() -> frozenset[str]:
    """(w28-rpp2) The roads of the city's roads file (kind road), and every name it knows of any kind."""
    return frozenset(r.name for r in _city_roads() if r.kind == "road")


@lru_cache(maxsize=1)
def _any_place_names() -> frozenset[str]:
    return frozenset(r.name for r in _city_roads()) | frozenset(load_landmarks().names)


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    """(w28-rpp2) Every name the demo city's gazetteer knows (districts, streets, roads, landmarks: 汉阳, 关山)."""
    from insight.places import default_gazetteer
    return frozenset(default_gazetteer().entries)


# (w28-rpp2) 青山's numbered roads said short (建二, 建十路 for 建设二路, 建设十路): never 建 as a verb (修建一个, 新建二期)
# (建二 alone is also the area and its market, 建二菜场: the road only when said with 路 or before its crossing)
_BUILD_ROAD_SHORT = re.compile(r"(?<![修在新改扩搭违重自创组承兴封筹拟要想再来已未将所被去会能])建([一二三四五六七八九十])"
                               r"(?:路|(?=(?:那个|这个|那边|这边)?(?:路口|十字路口|和|与|跟)))")
# … and a road said by its first two characters before where on it (中北那边, 武胜那个天桥, 雄楚关山路口): the road
_ROAD_STEM_SAID = re.compile(r"([\u4e00-\u9fa5]{2})(?=那边|那里|那块|那一?段|这边|这一?段|那个|这个|一带|天桥)")
_ROAD_KINDS_SHORT = ("路", "大道", "大街")


def _road_of_stem(stem: str) -> str | None:
    """(w28-rpp2) The one road whose name is ``stem`` and a road's kind (中北 → 中北路), when ``stem`` names nothing
    itself (光谷 is a landmark, 关山 a street: no 光谷大道 there)."""
    if stem in _known_place_names():
        return None
    roads = [stem + k for k in _ROAD_KINDS_SHORT if stem + k in _road_names()]
    return roads[0] if len(roads) == 1 else None


def road_said_short(text: str) -> str:
    """(w28-rpp2) A road said short, written as its name: 青山's 建二 (建设二路); a road's stem before where on it
    (中北那边 → 中北路那边, 武胜那个天桥 → 武胜路那个天桥); two stems before 路口 (雄楚关山路口 → 雄楚大道关山大道路口);
    a road said with another kind than its own (雄楚大街 for 雄楚大道)."""
    if "建" in text:
        text = _BUILD_ROAD_SHORT.sub(lambda m: f"建设{m.group(1)}路" if f"建设{m.group(1)}路" in _road_names()
                                     else m.group(0), text)
    if "大街" in text or "大道" in text:
        text = re.sub(r"([\u4e00-\u9fa5]{2})(大街|大道)", lambda m: m.group(0) if m.group(0) in _road_names() else
                      next((m.group(1) + k for k in ("大道", "大街") if k != m.group(2) and m.group(1) + k in _road_names()),
                           m.group(0)), text)
    if "路口" in text:
        text = _CROSSING_STEMS.sub(_crossing_of_stems, text)
    if not any(w in text for w in ("那", "这", "一带", "路口", "天桥")):
        return text
    out, last = [], 0
    for i in range(len(text) - 1):
        m = _ROAD_STEM_SAID.match(text, i) if i >= last else None
        if m is None or _tail_of_a_name(text, i):
            continue
        road = _road_of_stem(m.group(1))
        if road is not None:
            out += [text[last:i], road]
            last = m.end()
    return "".join(out) + text[last:] if out else text


def _main_campus(places: list[str], marks: list[str], landmarks: Landmarks) -> tuple[tuple[str, str], ...]:
    """(w28-rpp2) A landmark with campuses of the table named without any (首义路三医院, 解放大道协和医院): its main
    campus, a part apart from the others (武汉市第三医院光谷院区 is 校区 光谷)."""
    campuses = landmarks.campus_names
    if not campuses or any(m in campuses for m in marks):
        return ()
    # (w29-rpb) a campus said short, as the gazetteer reads it (人民医院东院 for 省人民医院东院), names a campus; and a
    # name read inside a longer place named (人民医院 in 人民医院东院) is not the landmark named alone
    if any(len(p) >= 4 and any(c.endswith(p) for c in campuses) for p in places):
        return ()
    alone = [p for p in places if not any(p != q and p in q for q in places)]
    parents = {p for p, _ in landmarks.campuses}
    if any(landmarks.names.get(p, p) in parents or any(q.endswith(p) and len(p) >= 3 for q in parents) for p in alone):
        return (("校区", "本部"),)
    return ()


def _main_said(parts: tuple[tuple[str, str], ...], places: list[str],
               landmarks: Landmarks) -> tuple[tuple[str, str], ...]:
    """(w30-rpb) A campus said by the name of the main campus of a landmark the text names (财大南湖校区, 理工大马房山校区):
    the main campus (校区 本部), one part with the landmark named alone."""
    if not landmarks.mains or not any(k == "校区" for k, _ in parts):
        return parts
    mains = {m for p in places for m in landmarks.mains.get(landmarks.names.get(p, p), ())}
    # (the part as _parts reads it: 马房山校区 → 房山, its last two characters)
    return tuple(dict.fromkeys(("校区", "本部") if k == "校区" and any(len(v) >= 2 and m.endswith(v) for m in mains)
                               else (k, v) for k, v in parts))


# (w28-rpp2) a crossing said by its two roads' stems (雄楚关山路口): the first a road's stem only, the second a road's
_CROSSING_STEMS = re.compile(r"([\u4e00-\u9fa5]{2})([\u4e00-\u9fa5]{2})(?=路口)")


@lru_cache(maxsize=1)
def _known_place_names() -> frozenset[str]:
    """Every name of the gazetteer, the roads file and the landmarks' table, once (not a union per look-up)."""
    return _gazetteer_names() | _any_place_names()


def _tail_of_a_name(text: str, at: int) -> bool:
    """(w28-rpp2) Whether the two characters at ``at`` end a longer name the city knows (汉口火车站, 阅马场, 东湖高新)."""
    names = _known_place_names()
    return any(text[j:at + 2] in names for j in range(max(0, at - 6), at))


def _crossing_of_stems(m: re.Match) -> str:
    if _tail_of_a_name(m.string, m.start()):
        return m.group(0)
    first = _road_of_stem(m.group(1))
    second = [m.group(2) + k for k in _ROAD_KINDS_SHORT if m.group(2) + k in _road_names()]
    if first is None or len(second) != 1:
        return m.group(0)
    return first + second[0]


def matter_of(text: str, place: dict[str, Any] | None = None, *, lexicon: Lexicon | None = None,
              given_place: str | None = None, gazetteer=None) -> Matter:
    """The matter of an appeal. ``place`` is the router's place (``Place.as_dict()``) when there is
    one; otherwise (or in addition) the text and the ``given_place`` field are read with the address
    patterns of ``routing.places`` and a landmark pattern."""
    lexicon = lexicon or load_lexicon()
    text = seat_for_old_town(_SPEECH.sub(lambda m: _SPEECH_WORDS[m.group(0)], text or ""))
    if "城花" in text:
        text = _CITY_GARDEN_SHORT.sub("城市花园", text)   # (w28-rpp) 保利城花 is 保利城市花园
    text = _SCHOOL_SHORT.sub(lambda m: f"第{m.group(1)}{m.group(2)}学", text)
    text = _SCHOOL_NUMBER.sub(_school_number, text)
    text = _HOSPITAL_NUMBER.sub(lambda m: f"第{m.group(1)}医院", text)
    text = _district_hospital().sub("区人民医院", text) if "区医院" in text else text
    text = _driving_over(text)
    text = road_said_short(text)
    # (w27-rpp) an airport's terminal, read before its alias (T3航站楼) names the airport
    terminals = tuple(dict.fromkeys(("航站楼", _numbered(m.group(1) or m.group(2))) for m in _TERMINAL.finditer(text)))
    # a landmark said by another name (武大, 华科, 汉口站) is read as its own name (武汉大学 …)
    landmarks = load_landmarks()
    text, marks = landmarks.read(text)
    if place is None and gazetteer is not None:
        from insight.places import light_place

        place = light_place(text, gazetteer)
    place = place or {}
    names: list[str] = []
    for key in ("community", "road"):
        if place.get(key):
            names.append(place[key])
    for span in place.get("spans") or ():
        if span.get("kind") in ("landmark", "road", "community") and span.get("text"):
            # … a name the gazetteer read from the text as said (东湖高新) is its landmark's own (光谷)
            short = road_said_short(span["text"])    # (w28-rpp2) 建二 as the text reads it: 建设二路
            names.append(landmarks.names.get(span["text"], short if short in text else span["text"]))
    names += marks
    names += _listed_estates(text)      # (w22-rep) an estate of the estates table said without its kind
    lines = _bus_lines(text)
    names += [n for n, _ in lines]
    names += _landmarks(text)
    # … and not from inside a place already read before it (汉口江滩三阳路 is read from 口 on: 三阳路)
    admin = _admin_spans(text, place) + _spans_of({n for n in names if len(n) >= 3}, text)
    for m in _ROADS_RE.finditer(text):
        cut = _ROAD_LEFT.match(m.group(1))
        head = m.group(1)[cut.end():] if cut else m.group(1)
        if head[:1] in "和与跟" and head[1:] + m.group(2) in _road_names():
            head = head[1:]          # (w28-rpp2) 关山大道和雄楚大道: the second road of a crossing, without its 和
        head = _road_head(text, m.end(1) - len(head), m.end(1), admin) or head
        if any(head + m.group(2) in said for _, said in lines):   # 七二六路 is a bus line
            continue
        if any(ch in head for ch in _NOT_IN_ROAD_SAID):   # 骑车看不见路, 找不到路, 没路走: the way, no road
            continue
        if text.startswith("段", m.end()) and m.group(2) == "路" and len(head) >= 4 and \
                head.endswith(_SPOT_BEFORE_STRETCH):
            continue        # (w22-rep) 保利中央公馆路段: the stretch at the estate, no road 中央公馆路
        if text.startswith("段", m.end()) and m.group(2) == "路" and head in _table_places():
            continue        # (w23-rep2) 黄浦大街古德寺路段: the stretch at the landmark of the table, no road 古德寺路
        cut_at = max(head.rfind(ch) for ch in _NOT_IN_ROAD)
        if head.endswith("一") and m.group(2) == "路":
            # 一路 after a vehicle or a verb's 得 is "all the way" (渣土车掉得一路泥, 大货车一路按喇叭): no road
            cut_at = max(cut_at, *(head.rfind(ch) for ch in _NOT_IN_ONE_ROAD))
        head = head[cut_at + 1:]          # 占用了彩虹路 → 彩虹路; 带了一路的泥 → 一路: no road
        timed = [t for t in _TIME_IN.finditer(head) if len(head) - t.end() >= 2]
        if timed:                         # 半夜两点沿江大道, 每天晚上民生路: the road after the time
            head = head[timed[-1].end():]
        if len(head) >= 2 and head[-1] not in _NOT_ROAD_END and head[:2] not in _NOT_ROAD_START:
            names.append(head + m.group(2))
    if given_place:
        names += _landmarks(given_place)
    # the registry's street as citizens say it (奓山街道, 奓山街, 奓山): its own name is the street's
    # area, never a concrete place of its own
    street_forms = _street_forms(place.get("street_name"))
    places: list[str] = []
    for raw in names:
        n = _norm_place(raw)
        # … of 2 characters only as the area an unnamed place is of (东亭某小区: 东亭, as 东亭那边 says it)
        shortest = 2 if n + "某" in raw and n not in _NOT_A_NAME2 else 3
        if _joined(n, places):
            continue
        if len(n) >= shortest and n not in places and n not in street_forms and n not in GENERIC_PLACE:
            places.append(n)
    if landmarks.campuses and marks:
        # (w28-rpp2) a campus named (光谷那个同济医院): the landmark it is of, as the gazetteer read it, is not the place
        of = {landmarks.campuses[k] for k in landmarks.campuses if landmarks.campuses[k] in marks}
        parents = {k[0] for k, c in landmarks.campuses.items() if c in of}
        places = [p for p in places if not any(p.endswith(q) or len(p) >= 3 and q.endswith(p) for q in parents)
                  and landmarks.names.get(p) not in parents]
    # a kind of place said with the street's area (球场街那边的农贸市场, 关山那个菜场): the area's market, one
    # place however it is said (its area's shortest name and the kind as place_core reads it)
    said: list[str] = []
    if street_forms:
        for m in re.finditer(f"({'|'.join(map(re.escape, street_forms))}){_AREA_FACILITY}", text):
            name = place_core(street_forms[-1] + m.group(2))
            said.append(m.group(0))
            if name not in places and not any(same_name(name, p) for p in places):
                places.append(name)
    # a name said without its kind, at the start of the appeal or right after the road or street that
    # leads to it (龙阳大道摩尔城门口), or right after the street read anywhere (请问奓山街道星光村…)
    skip = [*_district_forms(place), *street_forms, *places, *(said for _, said in lines)]
    starts = [0] + [text.find(f) for f in street_forms if text.find(f) > 0]
    # … or right after the time the appeal begins with (晚上十二点了叶店那边还在打: 叶店)
    when = _LEAD_TIME.match(text)
    if when:
        starts.append(when.end())
    starts += _after_shouted_problem(text, lexicon)
    starts += _after_greeting(text)
    for at in dict.fromkeys(starts):
        bare = _bare_name(text[at:], lexicon, skip)
        if bare and bare not in GENERIC_PLACE and bare not in street_forms and not any(same_name(bare, p) for p in places) \
                and not _joined(bare, places):
            places.append(bare)
        # an area said first, then the estate in it (南湖片区保利华都停气, 金银湖那边海上五月花…): the estate too
        after = _AROUND.match(text, text.find(bare, at) + len(bare)) if bare else None
        if after:
            inner = _bare_name(text[after.end():], lexicon, [*skip, *places])
            if inner and inner not in GENERIC_PLACE and not any(same_name(inner, p) for p in places):
                places.append(inner)
    # the estate a citizen names to point out a place said vaguely before (有个小区电梯坏了…，就是世纪江尚): a place,
    # though said without its kind
    for own in _own_places(text, lexicon, skip):
        if not any(same_name(own, p) for p in places) and not _joined(own, places):
            places.append(own)
            places = _without_the_stop_faced_from(text, own, places)
    # (w21-rep2) the estate a citizen says it owns or lives in (本人系江岸区塔子湖翡翠城业主, 我是金地自在城的住户): a
    # place, though said without its kind
    for own in _estate_owned(text, lexicon):
        if not any(same_name(own, p) for p in places) and not _joined(own, places):
            places.append(own)
    # (w23-rpw) an estate named by its developer's brand, said after an area or a road and never read (古田二路万达华府的,
    # 光谷东的融创光谷壹号停电了, 四新这边的世茂锦绣长江门口): a place, though said without its kind
    for own in _brand_estates(text, lexicon):
        if not any(same_name(own, p) or own in p for p in places) and not _joined(own, places):
            # … and a piece of it read with its kind as another name (金地自在城小区 read from 在 on: 城小区) is none
            places = [p for p in places if not (len(p) < len(own) + 2 and own + p[-2:] in text and
                                                (own + p[-2:]).endswith(p))] + [own]
    # (w26-rpp2) a developer said alone with its whole estate after it (黄陂碧桂园整个小区): the developer, as 碧桂园那个小区
    if not places:
        places = [m.group(1) for m in _DEVELOPER_WHOLE.finditer(text)][:1]
    # (w23-rep2) an estate said after its area or road and 的, without its kind or a brand (沌口的东风阳光城): a place
    # … an area: the street's, the district's, or a landmark of the table that is no facility (沌口, 杨春湖; not 协和医院)
    heads = [*street_forms, *_district_forms(place),
             *(h for h in (*places, *(sp.get("text") or "" for sp in place.get("spans") or () if sp.get("kind") == "landmark"))
               if len(h) <= 3 and not _is_road(h) and not h.endswith(_AREA_NOT_HEAD))]
    for own, head in _estates_after_of(text, lexicon, heads):
        if not any(same_name(own, p) or own in p for p in places) and not _joined(own, places):
            # … its area (not a road) only says where the estate is (杨春湖的清水源 / 杨春湖那边的锦绣苑: two estates)
            places = [p for p in places if p != head or _is_road(p)] + [own]
    # a lake said with its water (东湖水面上, 南湖里面, 沙湖湖边): the lake is the place, 2 characters or more
    # (a name read as the lake and its shore, 东湖湖边漂浮, is the lake)
    for lake in _lakes_said(text, place):
        places = [p for p in places if not (p != lake and p.startswith(lake) and _LAKE_SAID.match(p, len(lake) - 1))]
        if lake not in places and not any(same_name(lake, p) for p in places):
            places.append(lake)
    # (w26-rpp2) a place said before 路段 (六渡桥路段: the road's stretch at 六渡桥) is no road of its name, nor what
    # follows 段 a name
    if "路段" in text:
        places = [p for p in places if not (p.endswith("路") and p[:-1] in places and p + "段" in text and not _known(p))
                  and not (p.startswith("段") and "路" + p in text)]
    # (w26-rpp2) a river or creek said with its stretch or water (黄孝河那段, 巡司河里死鱼): the river is the place
    for river in _rivers_said(text):
        # … its bank or dyke said after it (府河大堤那段, 府河堤边) is the river's
        places = [river if p.startswith(river) and p[len(river):] in _RIVER_BANKS else p for p in places]
        if river not in places and not any(p.startswith(river) for p in places):
            places.append(river)
    # (w28-rpp) a village said with its group or hamlet, or after its street (新春村五组, 锦绣村李家湾, 五里界锦绣村): the
    # village is the place, its group and hamlet are its parts (:func:`_parts`)
    if "村" in text:
        for village in _villages_said(text):
            # … a hamlet read with it as one name (星光村李家湾) is the village's part, no place of its own
            # … and a hamlet said apart (星光村的猪场，在王家湾那边): the village's part too
            places = [village if p.startswith(village) and _VILLAGE_PART.fullmatch(p[len(village):]) else p for p in places
                      if not _HAMLET.fullmatch(p)]
            if village not in places and not any(village in p for p in places):
                places.append(village)
            places = list(dict.fromkeys(places))
    # a metro station said by its gate (范湖站出口, 范湖地铁口) is the station
    # … and the gate read apart from a name known before it (常码头 + 站出口, 小东门 + 地铁口): that name's station
    # … or after the street's own area, which the station is named by (宗关站出口: 宗关 is the street's name)
    # … or the station read already by its road and 站 (中南路 + 站出口: 中南路地铁站)
    places = [next((q + "地铁站" for q in [*places, *street_forms] if q + p in text and
                    (not _is_road(q) or p.startswith("站") and q + "地铁站" in places)), p)
              if p in _BARE_GATES else p for p in places]
    places = list(dict.fromkeys(map(_station_of_gate, map(_estate_of_numbered_area, places))))
    places = _old_name_off(text, places, street_forms)
    # (w26-rpp) a building named by the shop on its ground floor: the building, and the shop read alone no place
    # … said with the road or area it is on (台北路工行楼上 / 工商银行台北路支行: 台北路工商银行大厦), as a brand's shops are
    # in every district: the road or area said nearest before the shop, else the first said after it
    shops = _shop_buildings(text, [*places, *street_forms, *_district_forms(place)])
    buildings: list[tuple[str, str, str]] = []
    if shops:
        places = [p for p in places if not any(_SHOP_KIND_TAIL.sub("", p).endswith(b) for b, _ in shops)
                  and "银行" not in p]
        anchors = [x for x in [*places, *street_forms] if x in text and not _is_fine(x)]
        for shop, anchor in shops:
            if anchor not in anchors and not _known(anchor):
                anchor = ""     # … a road or area the text reads as one, or the city's lists know
            if not anchor:      # … or said after it as where the citizen is (我住在汉阳王家湾, 在武昌徐东)
                where = _WHERE_SAID.search(text)
                anchor = next((x for x in sorted(anchors, key=text.find) if where and x in where.group(1)), "")
            name = anchor + shop + "大厦"
            buildings.append((name, anchor, shop))
            if name not in places:
                places.append(name)
    if len(places) <= 1:
        tail = _landmark_by_tail(text, place.get("district"))
        if tail and (not places or tail[0].endswith(places[0])):
            places = tail
    if "地铁" in text and landmarks.over:
        places = _station_under(places, landmarks.over)
    places, kind_at = _kind_pointed(text, places)
    places += _station_of_street_road(text, street_forms, places)
    if "站" in text:
        # (w28-rpp) a bus stop said by the citizen waiting at it (在青年路新世界站等车, 在钟家村站等公交): the stop
        for m in _STOP_WAITED.finditer(text):
            stop = m.group(1) + "公交站"
            if m.group(1) not in _NOT_VILLAGE and stop not in places and \
                    not any(p.startswith(m.group(1)) and p.endswith("站") for p in places):
                places.insert(0, stop)
        if "路" in text:
            places = _stops_after_line(text, places)
    for school in (m for m in marks if m not in landmarks.names and "附" in m):
        # (w28-rpp) a school a university runs (武汉大学附中, read by Landmarks.read): its place, not the university's,
        # nor its name as said (华师一附中) read again
        uni = school[:school.rindex("附")].rstrip("一二三四")
        places = [p for p in places if p == school or (p != uni and not p.endswith(school[len(uni):]))]
        places = places if school in places else [school, *places]
    # (w28-rpp) the formal numerals of an estate's name (融创壹号院 is 融创一号院), once it is read as said
    places = list(dict.fromkeys(p.translate(_FORMAL_NUMERALS) for p in places))
    if "第" in text:
        # (w28-rpp) 翡翠城第三期: the phase's 第 is no part of the name, however the name was read
        places = list(dict.fromkeys(p[:-1] if p.endswith("第") and len(p) >= 4 else p for p in places))
    if "湾" in text and any(p.endswith("村") for p in places):
        # (w28-rpp) a village's hamlet said apart from it (星光村的猪场，在王家湾那边): its part (:func:`_parts`), no place
        places = [p for p in places if not _HAMLET.fullmatch(p)]
    # a landmark's own name of 2 characters (光谷, 磨山 of landmarks.toml, said so or by another name: 东湖高新区) is
    # the place of an appeal that names no other (光谷这边停水了); beside an estate or a road it only says the area
    # (光谷坐标城, 光谷关山春晓 are estates named after their area)
    if not places:
        places += [n for n in marks if len(n) == 2][:1]
    # the problem is read where no place is named: 垃圾转运站, 公交站, 菜市场 in a place's name say where,
    # not what (as the router masks place names before its catalogue)
    # what a citizen guesses is behind it (怀疑是工厂偷排, 是不是有人排污) is no complaint of its own
    masked = _GUESS.sub(lambda g: "\u3000" * len(g.group(0)), text)
    residual = text
    for n in sorted(places, key=len, reverse=True):
        masked = masked.replace(n, _masked_name(n))
        residual = residual.replace(n, " ")
    found = _problem_told(masked, lexicon)
    # … and a kind of place (公交站, 菜场, 医院) says where, not what, when the appeal names a problem of its
    # own beside it (徐东公交站旁边的井盖 is a manhole cover, not the bus); who causes it (工地) is kept
    side = lexicon.modifiers() | lexicon.sources()
    if (places or said) and found:
        bare = _GUESS.sub(lambda g: "\u3000" * len(g.group(0)), text)
        for n in sorted([*places, *said], key=len, reverse=True):
            # … but a place whose kind is its problem's own facility (垃圾转运站 is about the rubbish) keeps it
            kind = next((k for k in _OWN_PROBLEM_KINDS if n.endswith(k)), "")
            bare = bare.replace(n, "\u3000" * (len(n) - len(kind)) + kind)
        own = _problem_told(bare, lexicon)
        if any(k not in side for k in own):
            found = {k: at for k, at in found.items() if k in own or k in lexicon.sources()}
    # a loose fixture rattling in the wind (招牌松了，一刮风就哐哐响) is said loose by its sound: no noise nuisance
    if "noise" in found and found.get("facade", len(text)) < found["noise"] and _RATTLE.search(text):
        found.pop("noise")
    # (w21-rep2) a shed put up on a building (楼顶有人搭棚子，违章建筑) is the illegal building, not a rough sleeper's
    if "illegal_building" in found:
        found.pop("homeless", None)
    # (w27-rep) a car park's leak told by the cars under it (停车场停了一天，车顶上全是水印子): the car park is where,
    # no parking complaint
    # … and told inside what the place reading took for a name (中央花园小区地库顶上一直渗水): the leak as the text says it
    if "garage_leak" not in found and "pipe_burst" in found and (drip := _CARS_SPOTTED.search(text)):
        found["garage_leak"] = drip.start()
    if "garage_leak" in found:
        found.pop("parking", None)
    # (w21-rep2) smoke that stings (油烟太大了，熏得受不了) is the fumes: no smell of its own unless one is named
    if "fumes" in found and "odor" in found and "odor" not in lexicon.scan(_SMOKE_STINGS.sub(" ", masked)):
        found.pop("odor")
    # (w22-rep) a smell said of the water from the tap (自来水有异味, 小区的水今天消毒水味道好重) is the tap water's
    if "odor" in found and "tap_water" not in found:
        told = _WATER_SMELL.search(text)
        if told:
            found["tap_water"] = found.pop("odor")
    # a scrap yard spreading onto the road (废品站占道堆放) is the yard, not a street stall
    if "scrap_yard" in found:
        found.pop("stall", None)
    # a green dug for vegetables (绿化带里种菜, 草坪被挖了种葱): the green is where, not a problem of its trees
    if "garden_plot" in found:
        found.pop("tree", None)
    # a fee said of parking (停车的地方…随便要价) is a car park's fee, as 停车费 says it
    if "parking" in found and "fee" in found and "parking_fee" not in found:
        found["parking_fee"] = min(found.pop("parking"), found.pop("fee"))
    # the lamp at a crossing is its traffic light (路口的灯一直是红的, 交汇处的灯坏了), unless a street lamp is named
    if "traffic_light" not in found and "灯" in text and "路灯" not in text and _CROSSING_WORDS.search(text):
        found["traffic_light"] = found.pop("streetlight", text.index("灯"))
    # the district and street said as one opening (黄陂前川这边 for 黄陂区前川街道): two neighbours who open alike
    # share no rare content by that (an area said alone, 汉阳这边, is left: what a hotspot over the area shares)
    for d in _district_forms(place):
        if not d:
            continue
        for n in _street_forms(place.get("street_name")):
            residual = residual.replace(d + n, " ")
    for n in (place.get("district_name"), place.get("street_name")):
        if n:
            residual = residual.replace(n, " ")
    residual = _PUNCT.sub(" ", residual)
    grams = frozenset(chunk[i:i + 2] for chunk in residual.split() for i in range(len(chunk) - 1)) - _FILLER
    leads = sorted((at, lexicon.rank(k), k) for k, at in found.items() if k not in side)
    later: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    if leads:
        stop = _CLAUSE_END.search(masked, leads[0][0])
        if stop:
            later = frozenset(k for k, at in found.items() if at > stop.start())
        # … and what the words right after the lead name with it, one phrase (偷偷倒建筑垃圾: the act and what it
        # throws)
        near = frozenset(k for k, at in found.items() if leads[0][0] < at <= leads[0][0] + _PHRASE)
    # (w29-rpp) a slip of a known place's name (棕关水厂) is that place
    places = list(dict.fromkeys(_known_of_slip(p) for p in places))
    if len(places) >= 2:
        places = _landmarks_said_short_on_road(places)
    return Matter(places=tuple(places), street=place.get("street"), district=place.get("district"),
                  concepts=frozenset(found), grams=grams, residual=residual, lead=leads[0][2] if leads else None,
                  street_named=any(f in text for f in street_forms),
                  street_said=tuple(f for f in street_forms if f in text and not f.endswith("街道")), crossing=_crossing(text, places, street_forms),
                  elsewhere=bool(_ELSEWHERE.search(text)),
                  parts=_main_said(_river_parts_off(_parts(text), text) + terminals + _main_campus(places, marks, landmarks),
                                   places, landmarks),
                  areas=_area_names(tuple(places), [f for f in street_forms if f in text])
                  if set(found) & (lexicon.areawide() | _area_causes()) else (), later=later, near=near,
                  line=transit_line(text) if "线" in text or "轻轨" in text else None,
                  road_area=_road_then_area(text, places, street_forms),
                  outside=bool(_CAUSE_OUTSIDE.search(text)), also=_also_here(text, places) if "也" in text else "",
                  kind_at=kind_at, shop_buildings=tuple(buildings))


# (w28-rpp) a bus stop said by waiting at it, after its road or not (在青年路新世界站等车, 在岳家嘴站等公交)
_STOP_WAITED = re.compile(r"在(?:[\u4e00-\u9fa5]{2,4}?(?:大道|大街|路|街))?([\u4e00-\u9fa5]{2,5}?)(?:公交)?站"
                          r"(?:等车|等公交|坐车|坐公交|候车|上车|下车|转车)")
# (w30-rpp2) a bus stop said right after its line (726路公交车虎泉站, 536路广埠屯站, 2路公交中山公园站的站台)
_STOP_AFTER_LINE = re.compile(r"(?<![\dA-Za-z])\d{1,4}路(?:公交车|公交|车)?的?((?:(?!站|公交|路)[\u4e00-\u9fa5]){2,5}?)(?:公交)?站"
                              r"(?![台牌点])")
_STOP_NOT_NAME = ("到", "在", "去", "往", "经过", "开往", "坐到")


def _stops_after_line(text: str, places: list[str]) -> list[str]:
    """(w30-rpp2) The stop said right after its line (726路公交车虎泉站 is at 虎泉公交站, as 在虎泉站等车 is), first; what
    the place reading made of the line and stop said together (公交中山公园) goes."""
    for m in _STOP_AFTER_LINE.finditer(text):
        name = m.group(1)
        for lead in _STOP_NOT_NAME:
            name = name.removeprefix(lead)
        stop = name + "公交站"
        if len(name) < 2 or name in _NOT_VILLAGE or stop in places or \
                any(p.startswith(name) and p.endswith("站") and p != name + "站" for p in places):
            continue
        places = [stop, *(p for p in places if p not in ("公交" + name, name + "站"))]
    return places


_VILLAGE = re.compile(r"(?:(?<=街道)|(?<=[镇乡街区]))([\u4e00-\u9fa5]{2})村"
                      r"|([\u4e00-\u9fa5]{2})村(?=的?第?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:村民小)?组|[\u4e00-\u9fa5]家湾)")
_VILLAGE_THIRD_AFTER = frozenset("街镇乡区界")


def _village_third(text: str, at: int) -> bool:
    """The character before a village's two-character head at ``at`` begins its name: it is said first, or after
    punctuation or a street's or town's end, and is no word of a sentence."""
    if at < 1:
        return False
    prev = text[at - 1]
    if not "\u4e00" <= prev <= "\u9fa5" or prev in _VILLAGE_THIRD_AFTER or prev in "村" or prev in _SENTENCE_CHARS:
        return False
    before = text[at - 2] if at >= 2 else ""
    return not before or not "\u4e00" <= before <= "\u9fa5" or before in _VILLAGE_THIRD_AFTER
_NOT_VILLAGE = frozenset({"农村", "乡村", "城中", "这个", "那个", "我们", "本村", "全村", "整个", "邻村", "隔壁", "新农", "美丽"})


def _villages_said(text: str) -> list[str]:
    """(w28-rpp) The villages a text names with their group or hamlet after them or their street before them
    (新春村五组, 星光村王家湾, 李集新春村 after 街道: 新春村)."""
    out = []
    for m in _VILLAGE.finditer(text):
        head = m.group(1) or m.group(2)
        if head in _NOT_VILLAGE or head[-1] in "个的那这":
            continue
        if m.group(2) and _village_third(text, m.start()):
            # (w29-rpp) … a three-character head said first or after a street or town (童周岭村2组, 五里界童周岭村):
            # its first character too, never a word of the sentence (在联群村3组) nor a street's end (前川街联群村)
            head = text[m.start() - 1] + head
        if head + "村" not in out:
            out.append(head + "村")
    return out


def _station_under(places: list[str], over: dict[str, str]) -> list[str]:
    """(w25-rpl2) In an appeal about the metro, a shopping centre that stands over a station (landmarks.toml `over`) and
    the station read after its name (汉商银座那个地铁口: 汉商银座地铁站) are that station (钟家村地铁站)."""
    def station(p: str) -> str:
        head = p[:-3] if p.endswith("地铁站") else ""
        # … read after the centre's name or its tail (武商梦时代那个地铁口 read from 商 on)
        return over.get(p) or next((s for m, s in over.items() if len(head) >= 2 and m.endswith(head)), p)

    return list(dict.fromkeys(map(station, places)))


# (w25-rpl2) a landmark said by the last two characters of its name, a word of its own (天地那块 for 武汉天地), pointed at
# as a place at the appeal's start or after its district (江岸区天地那里)
_TAIL_POINTED = re.compile(r"(?:^|区)([\u4e00-\u9fa5]{2})(?:那块|那边|那里|那一块|那一带|那儿|这边|这块)")


def _landmark_by_tail(text: str, district: str | None) -> list[str]:
    """The one landmark of the table (in the district said, when one is) whose name ends in the two characters
    :data:`_TAIL_POINTED` reads, when no place was read: 天地那块 is 武汉天地 (光谷天地 is in another district; with no
    district said, two such are none)."""
    m = _TAIL_POINTED.search(text)
    if m is None:
        return []
    tail = m.group(1)
    if tail in _GENERIC_HEADS or tail in GENERIC_PLACE or tail.endswith(_STEM_KINDS) or tail in _districts():
        return []
    found = [n for n in _table_places() if n.endswith(tail) and len(n) > len(tail)]
    if district is not None:
        found = [n for n in found if _landmark_districts().get(n) == district]
    return found if len(found) == 1 else []


@lru_cache(maxsize=1)
def _landmark_districts() -> dict[str, str]:
    """The district of each landmark of the roads file (one district only)."""
    return {n: next(iter(d)) for n, d in _districts_by_name().items() if len(d) == 1}


# (w25-rpl2) a place said first by its old name, then by the name it has now (以前武钢的宿舍，就是钢花村; 原来车辆厂宿舍
#那片，现在叫XX): the old name is how the citizen finds it, not a place of its own
_OLD_NAME = re.compile(r"(?:以前|原来|过去|原先|从前)(?:是|叫)?(?:的)?([\u4e00-\u9fa5]{2,10}?)(?:的)?(?:宿舍|生活区|家属区|家属院|厂区|"
                       r"那片|那块|那一片)[^，。,！？]{0,6}[，,]?\s*(?:现在叫|现在是|现在的|如今叫|就是|也就是|即)")


def _old_name_off(text: str, places: list[str], street_forms: list[str]) -> list[str]:
    """The places read inside an old name said before the name a place has now (:data:`_OLD_NAME`) are left out;
    the name now said (up to the clause's end, 3 characters or more) is the place, unless the street's own."""
    m = _OLD_NAME.search(text) if ("以前" in text or "原" in text or "过去" in text or "从前" in text) else None
    if not m:
        return places
    old = text[m.start():m.end()]
    kept = [p for p in places if not (p in old or p.startswith(("以前", "原来", "过去", "原先", "从前")))]
    now = _NOW_NAME.match(text, m.end())
    name = _norm_place(now.group(1)) if now else ""
    if len(name) >= 3 and name not in street_forms and name not in GENERIC_PLACE and \
            not any(same_name(name, p) or name in p for p in kept):
        kept.append(name)
    return kept


_NOW_NAME = re.compile(r"([\u4e00-\u9fa5]{2,8}?)(?:那边|那里|那块|那片|这边|小区里|小区|里面)?(?=[，。,！？、\s]|$)")


# (w26-rpp) a building named by the shop or bank on its ground floor (一楼是建设银行的那栋楼, 楼下是肯德基的那栋居民楼, 那个有
# 麦当劳的楼; 建行楼上那栋楼, 中百上面的住宅楼, 海底捞楼上住的, 鲁巷肯德基那栋楼): the building is the place, one however
# its shop is said (招行 / 招商银行中南路支行 / 招商银行; 中百超市 / 中百仓储 / 中百), and two shops' buildings on one road are
# two places. The shop said with 一楼是 / 楼下是 / 有 … 的楼 is read whatever it is; said before 楼上 / 那栋楼 only when the
# shops table of landmarks.toml lists it or its kind says it is a shop (…银行, …超市, …药房).
_BUILDING_WORD = r"(?:居民楼|住宅楼|写字楼|办公楼|大楼|楼房|楼)"
_SHOP_GROUND = re.compile(r"(?:楼下|一楼|底楼|一层|底层|下面)(?:就是|是|开的是|开着|开了|开的|开)(?:一家|一个|个|家)?"
                          r"([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)的?(?:那栋|那幢|那座|这栋|那个|这个)?" + _BUILDING_WORD)
_SHOP_HAVING = re.compile(r"(?:那个|那栋|那幢|这个|这栋)(?:一楼|楼下)?有([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)的(?:那栋|那幢|那个)?" + _BUILDING_WORD)
_SHOP_KINDS = ("银行", "超市", "仓储", "药房", "药店", "便利店", "营业厅")
_SHOP_KIND_TAIL = re.compile(r"(?:仓储超市|仓储|超市|便利店|门店|专卖店|分店|总店|店)$")
_BRANCH = re.compile(r"^(.{2,8}?银行)[\u4e00-\u9fa5]{0,8}?(?:支行|分行|营业部|网点)$")
_OVER_SHOP = r"(?:楼上|上面|上头|楼顶)(?:住的|的|那栋|那幢|那个|这栋)?|(?:那栋|那幢)"


@lru_cache(maxsize=1)
def _shops() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """(w26-rpp) landmarks.toml's ``shops`` table: each name or short name of a shop → its own name, and a pattern of
    a building named by one of them (招行楼上, 建设银行王家湾支行上面, 海底捞那栋楼) or by any shop of a shop's kind."""
    from routing.registry import landmarks_data

    table = landmarks_data().get(SHOPS_TABLE, {}) or {}
    names = {alias: shop for shop, aliases in table.items() for alias in (shop, *aliases)}
    said = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    kind = r"[\u4e00-\u9fa5]{2,6}?(?:" + "|".join(_SHOP_KINDS) + r")"
    branch = r"(?:[\u4e00-\u9fa5]{2,8}?(?:支行|分行|营业部))?"
    pattern = re.compile(f"((?:{said}|{kind}){branch})(?:{_OVER_SHOP})") if said else None
    return names, pattern


def _shop_name(said: str, heads: Iterable[str]) -> str:
    """The shop's own name, as said before its building: a bank's branch (招商银行中南路支行) the bank, a kind of shop
    after a name (中百超市, 中百仓储) the name, a name of the shops table said after the area or road (王家湾建行) that
    shop's own (建设银行), else the area, road or district said before it off (钟家村某某药房 → 某某药房)."""
    names, _ = _shops()
    branch = _BRANCH.match(said)
    if branch:
        said = branch.group(1)
    bare = _SHOP_KIND_TAIL.sub("", said)
    for form in (said, bare):
        known = next((form[i:] for i in range(len(form) - 1) if form[i:] in names), None)
        if known:
            return names[known]
    bare = bare if len(bare) >= 2 else said
    cut = True
    while cut:
        cut = False
        for h in sorted(heads, key=len, reverse=True):
            if len(h) >= 2 and bare.startswith(h) and len(bare) - len(h) >= 2:
                bare, cut = bare[len(h):], True
                break
    return bare


def _shop_buildings(text: str, heads: Iterable[str]) -> list[tuple[str, str]]:
    """(w26-rpp) The shops by which a text names the building they stand in, each with the road or area said right
    before it (台北路工行楼上, 鲁巷那个有肯德基的楼, 工商银行台北路支行: 台北路), or "": the building is read as ``<road or
    area><shop>大厦`` (a building of its own, finer than its road: :data:`_FINE_KINDS`)."""
    if "楼" not in text and "那栋" not in text:
        return []
    heads = list(heads)
    names, pattern = _shops()
    said = [(m.group(1), m.start(), m.start(1)) for m in _SHOP_GROUND.finditer(text)] + \
        [(m.group(1), m.start(), m.start(1)) for m in _SHOP_HAVING.finditer(text)]
    if pattern is not None:
        said += [(m.group(1), -1, m.start(1)) for m in pattern.finditer(text)]
    out: list[tuple[str, str]] = []
    for s, cue, at in said:
        if s[:1] in "那这一个的是" or s.endswith(("的", "家", "我", "们")):
            continue
        name = _shop_name(s, heads)
        if name in (n for n, _ in out):
            continue
        if cue < 0:     # said before 楼上 / 那栋: the shop begins where its own name or a short name of it does
            forms = [a for a, n in names.items() if n == name and a in s] or [name]
            cue = at + min(s.find(f) for f in forms) if any(f in s for f in forms) else at
        anchor = _said_before(text, cue, heads)
        branch = _BRANCH.match(s)
        if not anchor and branch:
            anchor = _said_before(s, s.find("支行") if "支行" in s else len(s), heads, start=len(branch.group(1)))
        out.append((name, anchor))
    return out


# (w26-rpp) each shop's building read so far: its name → the road or area said with it and the shop (:func:`same_name`)
SHOP_BUILDINGS: dict[str, tuple[str, str]] = {}


def _register_shop_buildings(buildings: Iterable[tuple[str, str, str]]) -> None:
    """(w26-rpp) Make a matter's shops' buildings known to this process (:class:`Matter` does it when made or
    unpickled)."""
    for name, anchor, shop in buildings:
        SHOP_BUILDINGS.setdefault(name, (anchor, shop))


def _one_shop_building(p: str, q: str) -> bool | None:
    """(w26-rpp) Whether two shops' buildings are one: one shop, and the road or area said with it one, or said by one
    only, or a road by one and an area by the other (建设银行王家湾支行 / 龙阳大道建行楼上: no telling them apart); None when
    either is no shop's building."""
    a, b = SHOP_BUILDINGS.get(p), SHOP_BUILDINGS.get(q)
    if a is None or b is None:
        return None
    return a[1] == b[1] and (not a[0] or not b[0] or a[0] in b[0] or b[0] in a[0] or same_name(a[0], b[0])
                             or _is_road(a[0]) != _is_road(b[0]) and _one_district(a[0], b[0]))


@lru_cache(maxsize=1)
def _districts_by_name() -> dict[str, frozenset[str]]:
    """The districts of each road and landmark of the city's roads file (a road through two districts: both; a row
    with no district: "")."""
    out: dict[str, set[str]] = {}
    for r in _city_roads():
        out.setdefault(r.name, set()).add(r.district)
    return {k: frozenset(v) for k, v in out.items()}


def _one_district(x: str, y: str) -> bool:
    """Both names are the roads file's and share a district (王家湾 / 龙阳大道: 汉阳; 中北路 / 钟家村: none): a road and
    an area that may be one stretch; two that are not known, or in other districts, may not."""
    by_name = _districts_by_name()
    return bool((by_name.get(x, frozenset()) & by_name.get(y, frozenset())) - {""})


_WHERE_SAID = re.compile(r"(?:住在|就在|在)([^，。,！!？?；;]{2,10})")
_BEFORE_CUT = re.compile(r"^.*(?:[，。,！!？?；;：:、\s]|区|我住在|我住|我家住|住在|我家|我们|就在|在)")
_BEFORE_TAIL = re.compile(r"(?:那个|这个|那栋|这栋|那幢|那边|这边|附近|的)+$")


def _said_before(text: str, at: int, heads: Iterable[str], start: int = 0) -> str:
    """(w26-rpp) The road or area said right before ``at`` in its clause (青山区建二 → 建二, 武昌中南路 → 中南路, 鲁巷那个 →
    鲁巷), a district's name before it off; "" when none of 2–5 characters is said."""
    chunk = text[start:at]
    cut = _BEFORE_CUT.match(chunk)
    chunk = _BEFORE_TAIL.sub("", chunk[cut.end():] if cut else chunk)
    for d in _districts():
        short = d[:-1] if d.endswith("区") else d
        if chunk.startswith(short) and len(chunk) - len(short) >= 2:
            chunk = chunk[len(short):]
            break
    return chunk if 2 <= len(chunk) <= 5 and not _NOT_IN_NAME.intersection(chunk) else ""


# a lake's name (2–3 characters and 湖) right before its water, shore or surface (东湖水面上, 南湖里面, 沙湖湖边)
_LAKE_SAID = re.compile(r"(湖)(?=里面|里头|湖里|湖面|湖边|湖水|水面|水质|水体|的水|水发|水变|边上|岸边)")
# … said first: at the start of the appeal or right after its district (武昌南湖…, 洪山区南湖…)
# (the city's districts, and 汉口, the old town no unit is named after; a district's own name, 东西湖, is no lake)
@lru_cache(maxsize=1)
def _lake_lead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = rf"^(?:[\u4e00-\u9fa5]{{2,3}}区|{_district_words()}|汉口)?"
    return (re.compile(words + "$"),
            re.compile(words + r"([\u4e00-\u9fa5]{1,2}湖)(?!区|边|畔|路|大道|街|小区|花园|新村|村|公园|山庄|高新|片区|那边|这边|一带)"))
_LAKE_WATER = re.compile(r"湖里|湖边|湖面|湖水|湖中|水面|往湖")


def _lakes_said(text: str, place: dict[str, Any]) -> list[str]:
    """The lakes an appeal names with their water: a lake the gazetteer read (沙湖, 东湖 as its landmarks) or one
    said first (南湖里面漂满了藻), as the place of what is in or on it. Two characters are enough here (a lake's
    name is short), where a bare name needs three."""
    known = {s.get("text") for s in place.get("spans") or () if s.get("kind") == "landmark"}
    out = []
    for m in _LAKE_SAID.finditer(text):
        for n in (2, 3):
            name = text[max(0, m.end() - n):m.end()]
            if len(name) < n or name[0] in _NEVER_FIRST or name[0] in "个条片湖" or name in _districts():
                continue
            if name in known or _lake_lead()[0].match(text[:m.end() - n]):
                out.append(name)
                break
    # … or named first, its water said later (南湖有人往湖里排污水, 南湖那个湖边上)
    lead = _lake_lead()[1].match(text)
    if lead and lead.group(1)[0] not in _NEVER_FIRST and lead.group(1) not in _districts() \
            and _LAKE_WATER.search(text, lead.end()):
        out.append(lead.group(1))
    return list(dict.fromkeys(out))


# (w26-rpp2) a river, creek or canal said by its name and its stretch or water (黄孝河那段, 巡司河靠南湖大道这一段,
# 府河里面, 黄孝河边上): the river is a place of its own, its stretch a part (:func:`_parts`: 段)
_RIVER_SAID = re.compile(r"([\u4e00-\u9fa5]{1,3}(?:河|港|渠))(?=那一?段|这一?段|那截|这截|里面|里头|河里|河面|河水|河道|水面|"
                         r"的水|水[发变]|边上|岸边|沿岸|两岸|靠|大?堤)")
_RIVER_BANKS = frozenset({"大堤", "堤", "河堤", "堤岸", "堤边", "边", "沿岸", "两岸"})
_NOT_RIVER_FIRST = frozenset("这那一条个小大的了在是把被往从到边沿河上下里外旁前后面头段截靠区")


def _rivers_said(text: str) -> list[str]:
    """The rivers :data:`_RIVER_SAID` reads, their name cut after the last character no name begins with."""
    out = []
    for m in _RIVER_SAID.finditer(text):
        name = m.group(1)
        cut = max((i for i, ch in enumerate(name[:-1]) if ch in _NOT_RIVER_FIRST or ch in _NEVER_FIRST), default=-1)
        name = name[cut + 1:]
        if len(name) >= 2 and name[:-1] not in _districts() and name not in ("运河", "内河", "外河", "护城河"):
            out.append(name)
    return list(dict.fromkeys(out))


def _river_parts_off(parts: tuple[tuple[str, str], ...], text: str) -> tuple[tuple[str, str], ...]:
    """(w26-rpp2) The stretch a river's own name's tail reads (黄孝河那段: 孝河) is the river, no stretch of it."""
    if not any(k == "段" for k, _ in parts) or not any(r in text for r in "河港渠"):
        return parts
    tails = {r[-2:] for r in _rivers_said(text)}
    return tuple(p for p in parts if not (p[0] == "段" and p[1] in tails))


# a time said before a place or in the place of its name (早上八点, 傍晚, 每天晚上, 半夜两点)
_DAY_PART = "早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|半夜|深夜|凌晨|昨晚|今早|今晚"
_CLOCK = "[零一二两三四五六七八九十0-9]+点(?:多|半|钟)?"
_TIME_HEAD = re.compile(f"(?:今天|昨天|前天|每天|天天|最近|这几天|这两天)?(?:{_DAY_PART})(?:{_CLOCK})?")
_DEED_FIRST = frozenset("吃喝送接买卖玩找")    # a name said without its kind never begins with these verbs
_TIME_WORD = re.compile(r"今天|昨天|前天|每天|天天|最近|一天|几天|好几天|这几天|这两天|刚才|刚刚")
_TIME_IN = re.compile(f"刚才|刚刚|{_DAY_PART}|{_CLOCK}")
_LEAD_TIME = re.compile(r"(?:今天|昨天|前天|每天|天天|晚上|早上|半夜|凌晨|中午|下午|上午|夜里|昨晚|今早|今晚)"
                        r"(?:[零一二两三四五六七八九十0-9]+点(?:多|半|钟)?)?了?[，,]?(?=[\u4e00-\u9fff])")
_CLAUSE_END = re.compile(r"[，。,！!？?；;]")
_PHRASE = 4


# how any appeal is said, whatever its problem (and the words of Wuhan speech a general corpus finds
# rare: 冇得, 么样, 伢): never evidence of one problem
_FILLER_WORDS = frozenset("""一直 好几 几天 没人 不管 没人管 没人理 没人修 门口 旁边 附近 这边 那边 这里 那里 里面 外面 楼下 上面 下面 前面 后面
后头 里头 外头 上头 问题 希望 处理 解决 投诉 反映 请问 咨询 什么 时候 怎么 怎么办 已经 每天 天天 现在 今天 昨天 前天
明天 晚上 早上 白天 半夜 凌晨 中午 下午 上午 夜里 好久 很久 半天 一天 两天 三天 几个 个月 一个 这个 那个 这些 那些
我们 你们 他们 大家 居民 群众 市民 老百姓 严重 影响 太多 还是 还在 都是 没有 有人 好多 很多 赶紧 尽快 麻烦 谢谢 知道
不能 能不能 部门 相关 有关 要求 情况 经常 总是 老是 根本 真的 实在 非常 特别 一下 一样 这样 那样 时间 地方 东西 事情
到底 为什么 怎么回事 回事 多久 希望 管管 管一管 一管 看看 来看 派人 有没有 是不是 可以 应该 一点 这么 那么 这种 那种
冇得 冇人 么样 么事 么斯 搞么 搞得 伢们 晓得 不晓得 撒 咧 嘞 蛮 几多 过细 好造孽""".split())


# Wuhan speech's particles and pronouns, rare in a general corpus and said in any appeal
_FILLER_CHARS = frozenset("冇么伢撒咧嘞啵咯哈呗嘛")


@lru_cache(maxsize=1)
def _rarity() -> tuple[dict[str, float], float, dict[str, float]]:
    """jieba's general-Chinese IDF table (words), its median (a word it lacks), and each
    character's rarity: -log of its share of the dictionary's word frequencies (鸽 is rare, 门 is not)."""
    import jieba.analyse

    tfidf = jieba.analyse.default_tfidf
    chars: dict[str, float] = {}
    for word, freq in _dictionary().items():
        if freq:
            for ch in set(word):
                chars[ch] = chars.get(ch, 0.0) + freq
    total = sum(chars.values())
    return tfidf.idf_freq, tfidf.median_idf, {ch: math.log(total / f) for ch, f in chars.items()}


# a word as rare as this (jieba's IDF), a character as rare as this, weighs what it exceeds it by
_WORD_FLOOR = 7.0
_CHAR_FLOOR = 7.5
_CHAR_SHARE = 0.5        # a shared rare character (鸽子 / 鸽棚) counts this much of what it weighs


# where, not what: the kinds of place (a 地铁站's lift and a 地铁站's building site), parts of one
_PLACE_WORDS = frozenset({*_KINDS, *GENERIC_PLACE, *_NOT_A_NAME2, *_SUFFIXES, "新城", "山庄", "站", "一期", "二期", "三期", "四期",
                          "村口", "路边", "路段", "那段", "这段", "单元", "出口", "入口", "进口", "东门", "西门", "南门", "北门",
                          "大门", "湖边", "江边", "河边", "周边", "楼道口"})


def content_terms(residual: str) -> dict[str, float]:
    """The rare content of an appeal's text (places already blanked): jieba's words (``w:`` + word)
    and their Han characters, each weighted by how much rarer than everyday words it is (filler and
    kinds of place out). A character stands for the words that share it (鸽子 / 鸽棚, 卖烟 / 香烟)."""
    out: dict[str, float] = {}
    for chunk in residual.split():
        out.update(_chunk_terms(chunk))
    return out


@lru_cache(maxsize=200_000)
def _chunk_terms(chunk: str) -> dict[str, float]:
    """:func:`content_terms` of one run of text between blanks: a week's letters say the same runs (您好,
    希望相关部门尽快处理) over and over, cut by jieba once. (Read only, never changed by the callers.)"""
    idf, median, _ = _rarity()
    char_weights = _char_weights()
    out: dict[str, float] = {}
    for word in _tokenizer().lcut(chunk, HMM=False):
        if word in _FILLER_WORDS or word in _PLACE_WORDS or word in _FILLER_CHARS:
            continue
        if len(word) >= 2:
            weight = idf.get(word, median) - _WORD_FLOOR
            if weight > 0:
                out["w:" + word] = weight
        for ch in word:
            if ch in char_weights:
                out[ch] = char_weights[ch]
    return out


@lru_cache(maxsize=1)
def _char_weights() -> dict[str, float]:
    """What each rare Han character weighs in :func:`_chunk_terms` (a character's rarity above the floor, its
    share), worked out once for the dictionary's characters instead of for every character of every run."""
    chars = _rarity()[2]
    return {ch: _CHAR_SHARE * (w - _CHAR_FLOOR) for ch, w in chars.items()
            if w - _CHAR_FLOOR > 0 and "\u4e00" <= ch <= "\u9fff"}


@lru_cache(maxsize=100_000)
def _terms_of(residual: str) -> dict[str, float]:
    return content_terms(residual) if residual.strip() else {}


def content_evidence(a: Matter, b: Matter) -> float:
    """How much rare content two appeals share beyond their strongest shared thing: a word with its
    characters is one thing, a character outside shared words another. One rare thing in common is
    usually the setting both name (the same 酒吧, the same 菜场); a repeat shares the setting and
    what is wrong with it (电瓶 + 电鱼, 坑 + 摔, 快递柜 + 撬)."""
    ta, tb = a.terms, b.terms
    if not ta or not tb:
        return 0.0
    shared = {k: min(w, tb[k]) for k, w in ta.items() if k in tb}
    if len(shared) < 2:
        return 0.0
    units = _shared_units(shared)
    return sum(units) - max(units)


def _shared_units(shared: dict[str, float]) -> list[float]:
    """The things two appeals' shared terms make: a word with its characters one, a character outside them another."""
    units: list[float] = []
    inside: set[str] = set()
    for k, w in shared.items():
        if k.startswith("w:"):
            units.append(w + sum(shared.get(ch, 0.0) for ch in set(k[2:])))
            inside.update(k[2:])
    units += [w for k, w in shared.items() if not k.startswith("w:") and k not in inside]
    return units


@dataclass(frozen=True)
class Comparison:
    score: float                 # problem similarity, 0..1
    same_place: str | None       # the concrete place both name, or "street" / None
    shared: tuple[str, ...]      # shared problem concepts
    repeat: bool                 # same place and same problem above the configured threshold

    def reason(self, lexicon: Lexicon | None = None, count: int | None = None) -> str:
        lexicon = lexicon or load_lexicon()
        where = self.same_place if self.same_place and self.same_place != "street" else "同一街道"
        what = "、".join(lexicon.label(k) for k in self.shared) or "相近表述"
        tail = f"，{count} 件" if count else ""
        return f"同一地点、同一问题：{where}{what}{tail}（相似度 {self.score:.2f}）"


_ROAD_END = re.compile(r"(?:大道|大街|路|街)$")
_NOT_ROAD_STREETS = ("步行街", "美食街", "小吃街", "商业街")
# kinds of place finer than a road: an estate, a building, a facility (a 工地 is often named after the
# estate it faces, so it is no kind of its own here)
_FINE_KINDS = ("小区", "社区", "花园", "家园", "公寓", "新村", "新城", "山庄", "苑", "大厦", "小学", "中学", "学校",
               "幼儿园", "医院", "公园", "广场", "市场", "菜场", "地铁站", "公交站", "火车站", "汽车站", "商场", "超市",
               "大学", "学院", "酒店", "宾馆", "体育馆", "图书馆", "加油站", "步行街", "美食街")
# (w24-rpw) what may stand between a place said and the 也 of "one more place" (西门那边, 门口, 出口, 路口那一段): its
# gate, exit or side, then where about it
_ALSO_GATE = re.compile(r"[东南西北前后正侧]?大?门口?|[A-Za-z0-9]?号?出?口|出站口")
_ALSO_BETWEEN = re.compile(rf"(?:{_ALSO_GATE.pattern})?"
                           r"(?:那边|那里|这边|这里|那儿|那头|旁边|附近|这块|那块|那一块|那一段|那段|这段|门口|路口|边上)?"
                           # … and the thing there said before it (关山口那里的红绿灯也坏了, 9栋的电梯也停了)
                           r"(?:的|那个|上的|里的)?(?:[\u4e00-\u9fa5]{1,4}(?<![了着过的]))?")


# … not where 也 tells what someone there does or fails to do (小区的物业也不管, 那边城管也不来, 打电话也没人接)
_ALSO = re.compile(r"也(?!说|不说|不知道)")
_ALSO_AGENT = re.compile(r"物业|城管|交警|保安|居委|社区|街道|公司|师傅|部门|领导|电话|通知")
# … nor where it is a time that 也 follows (路灯白天也亮着, 工地周末也在施工): the same place at another hour
_ALSO_WHEN = re.compile(r"白天|晚上|夜里|夜间|中午|早上|上午|下午|周末|半夜|凌晨|天天|每天|平时|现在|今天|昨天|一直|经常|老是")
_ALSO_KINDS = ("路", "街", "站", "园", "村", "城", "苑", "口", "门", "场", "桥", "湖", "湾", "院", "寺", "馆", "厦", "校区")


def _also_here(text: str, places: Iterable[str]) -> str:
    """(w24-rpw) ``text`` says 也 right after a place it names (and at most that place's gate, exit or side): its
    trouble is one more place's (:attr:`Matter.also`): that place with the gate said after it (中山公园西门), or the
    words before 也 where the gazetteer read the place as another; "" when it says none."""
    for m in _ALSO.finditer(text):
        clause = re.split(r"[，。！？,.!?；;、\s]", text[:m.start()])[-1]
        for p in places:
            at = clause.rfind(p)
            if at >= 0 and _ALSO_BETWEEN.fullmatch(clause[at + len(p):]) and \
                    not _ALSO_WHEN.search(clause[at:]) and not _ALSO_AGENT.search(clause[at + len(p):]):
                gate = _ALSO_GATE.match(clause, at + len(p))
                return p + (gate.group() if gate else "")
        # … or a name the gazetteer reads as another (关山口: 华中科技大学), by the kind it ends with
        cut = max((k for k in range(min(len(clause), 10) + 1) if _ALSO_BETWEEN.fullmatch(clause[len(clause) - k:])),
                  default=0)
        if places and len(clause) - cut >= 3 and clause[:len(clause) - cut].endswith(_ALSO_KINDS) and \
                not _ALSO_WHEN.search(clause[len(clause) - cut:]) and not _ALSO_AGENT.search(clause[len(clause) - cut:]):
            return clause[:len(clause) - cut]
    return ""


def _also_free(a: Matter, b: Matter) -> bool:
    """Whether ``a``'s 也 (:attr:`Matter.also`) leaves it free to join ``b``: it says none, or it names a crossing
    ``b`` names too — a crossing is one spot (解放大道硚口路口也有坑 / 解放大道硚口路口有个大坑), while an estate, a
    campus or a park has many (关山口那里的红绿灯也坏了 / 华科南门口的信号灯不亮: two lights)."""
    return not a.also or (a.also in b.places and bool(_CROSSING_WORDS.search(a.also)))


# (w27-rpb) a shop told as the next door of one named (老李烧烤隔壁那家麻辣烫也…, 瑞幸隔壁那家奶茶店的外机也…): another
# shop with the same trouble; never a home's next door (我家隔壁那家饭馆: the shop itself)
_NEXT_DOOR = re.compile(r"(?<![我家们屋住楼])(?:隔壁|旁边|边上)(?:(?:那|这|的那|的这|的)?一?家|的[\u4e00-\u9fa5]{1,6}?(?:店|馆|铺))"
                        r"[^，。！？,.!?；;]{0,20}也(?!太)")
# (w29-rpb) … or the shop next to a shop or place named, told of as its own (喜茶旁边那家服装店门口放喇叭, 酒吧隔壁的烧烤店):
# right after a shop's kind (no hotel's, no stadium's: 体育馆旁边那个饭店 is by the stadium), or after a name (blanked in the residual) of a shop: none of a kind finer than a road (a mall,
# a school, a market: 万达广场旁边的酒吧 is at the mall) nor a road, and never a home (我家旁边, 小区旁边那家)
_NEXT_DOOR_SHOP = re.compile(r"(\s|(?<![酒商书])店|(?<!网)吧)(?:隔壁|旁边)(?:那|这|的那|的这|的)一?家?[\u4e00-\u9fa5]{0,4}?(?:店|馆|吧|铺|超市)")
_NEXT_DOOR_LEFT = re.compile(r"^[\u4e00-\u9fa5]{0,4}\s*(?:那|这|的那|的这)一?家[^，。！？,.!?；;]{0,20}也(?!太)")


@lru_cache(maxsize=100_000)
def _next_door_said(residual: str, places: tuple[str, ...]) -> bool:
    if _NEXT_DOOR.search(residual):
        return True
    shop = _NEXT_DOOR_SHOP.search(residual)
    if shop is not None and (not shop.group(1).isspace()
                             or any(not _is_fine(p) and not _is_road(p) and p not in _table_places() for p in places)):
        return True
    # (the place reader may take 隔壁 into the shop's name, blanking it: 瑞幸咖啡隔壁 | 那家奶茶店…也)
    return any(p.endswith("隔壁") for p in places) and _NEXT_DOOR_LEFT.search(residual) is not None


def _next_door(m: Matter) -> bool:
    return _next_door_said(m.residual, m.places)


_ELSEWHERE = re.compile(r"另(?:外)?(?:一|两|几)(?:个|家|处|栋|条|头|段|端|边)")
_CROSSING_WORDS = re.compile(r"路口|交叉口|交汇处|交界处|岔口|十字口|街口"
                             r"|交叉(?:的地方|那里|那块|那儿|处)")   # (w29-rpb) 珞喻路跟卓刀泉路交叉的地方
# (w26-rpp) … and, for its place only, a crossing said by the other road's 大道 and 口 (珞狮南路雄楚大道口), a road's stretch
# said by the road it comes to (珞狮南路靠南湖大道那块), or a bus stop named by the crossing road said with the other
# road (香港路公交站那边建设大道上): where the two roads meet
_CROSSING_SAID = re.compile(_CROSSING_WORDS.pattern + r"|大道口|(?:大道|大街|路|街)(?:靠近|靠着|靠)[\u4e00-\u9fa5]{1,5}?(?:大道|大街|路|街)"
                            r"|(?:大道|大街|路|街)(?:公交站|公交车站)")
_LIGHT_WORDS = re.compile(r"红绿灯|信号灯|人行横道|斑马线|交通灯")


@lru_cache(maxsize=200_000)
def _is_road(name: str) -> bool:
    return bool(_ROAD_END.search(name)) and not name.endswith(_NOT_ROAD_STREETS)


@lru_cache(maxsize=200_000)
def _is_fine(name: str) -> bool:
    # (w30-rpb) a campus of the table (省人民医院东院, 协和西院) is as fine as its hospital, though its kind is said 东院
    return bool(LINE_NAME.match(name)) or (name.endswith(_FINE_KINDS) and not _is_road(name)) or \
        name in load_landmarks().campus_names


# kinds one place is said by either way (万达广场 / 万达商场)
_KIND_GROUPS = (frozenset({"广场", "商场", "商城", "购物中心", "购物广场"}),)


@lru_cache(maxsize=100_000)     # asked for both sides of every pair a week's grouping compares
def _fine_names(places: tuple[str, ...]) -> tuple[str, ...]:
    """An appeal's places finer than a road, without the road or area said before them (盘龙城宋家岗佳海花园
    → 宋家岗佳海花园); a 小区 named after its road only (四新北路小区, 有个小区) is none: that is where, not which."""
    coarse = [p for p in places if not _is_fine(p)]
    out = []
    for p in places:
        if not _is_fine(p):
            continue
        if LINE_NAME.match(p) or not p.endswith(_FINE_KINDS):     # a bus line; a campus of the table (协和西院)
            out.append(p)
            continue
        for c in coarse:
            if p.startswith(c) and len(p) - len(c) >= 3:
                p = p[len(c):]
        kind = next(k for k in _FINE_KINDS if p.endswith(k))
        head = p[:-len(kind)]
        if len(head) < 2 or _is_road(head) or head in _GENERIC_HEADS or head[:2] in ("有个", "有一", "一个", "某个", "某某"):
            continue
        out.append(p)
    return tuple(out)


def _same_fine(p: str, q: str) -> bool:
    if same_name(p, q):
        return True
    for group in _KIND_GROUPS:
        kp = next((k for k in group if p.endswith(k)), None)
        kq = next((k for k in group if q.endswith(k)), None)
        if kp and kq and len(p) - len(kp) >= 2 and p[:-len(kp)] == q[:-len(kq)]:
            return True
    return False


def _crossing(text: str, places: list[str], streets: Iterable[str] = ()) -> tuple[str, ...]:
    """The two roads of the crossing a text names (新华路和青年路路口, 三店路与临空港大道交汇处; 三阳路解放大道那个
    红绿灯: a light stands at a crossing), if any; a street's name said with 口 (解放大道球场街口) is a road
    there, though the street is no place of its own."""
    if not (_CROSSING_SAID.search(text) or _LIGHT_WORDS.search(text)):
        return ()
    roads: list[str] = []
    for p in [*places, *(f for f in streets if _is_road(f) and f + "口" in text)]:
        if _is_road(p) and not any(same_name(p, r) for r in roads):
            roads.append(p)
    return tuple(roads[:2]) if len(roads) >= 2 else ()


def _part_name(name: str) -> bool:
    """A part of a place said by its side only (东广场, 北门, 南出口): which place it is of is said apart."""
    return name[:1] in ("东", "西", "南", "北") and name[1:] in _SIDE_PARTS


_SIDE_PARTS = frozenset({"广场", "门", "大门", "出口", "入口", "站台", "停车场", "进站口", "出站口", "候车室", "侧门"})


def _two_districts(a: Matter, b: Matter) -> bool:
    """Each in a district of its own (however the district was read: a guess from a street's name too —
    in a dense week a looser veto merged estates of one name in two districts)."""
    return bool(a.district and b.district and a.district != b.district)


def _char_mask(name: str) -> int:
    """A bit per character of ``name`` (64 bits, by code point; "" has one of its own): two names whose
    masks share no bit share no character, and :func:`same_name` calls no such two one place."""
    return 1 << 64 if not name else sum({1 << (ord(ch) & 63) for ch in name})


@lru_cache(maxsize=100_000)
def name_masks(places: tuple[str, ...]) -> tuple[int, ...]:
    """:func:`_char_mask` of each place (a long letter names dozens; a week's grouping pairs them all)."""
    return tuple(_char_mask(p) for p in places)


@lru_cache(maxsize=100_000)
def _names_index(places: tuple[str, ...]) -> tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]:
    """For :func:`_shared_place` (w23-speed): the positions of ``places`` by each key their names ask and each they
    hold (:func:`_name_keys`), and the positions of those any name may be one with (keys None). Read only."""
    asked: dict[str, list[int]] = {}
    held: dict[str, list[int]] = {}
    free = []
    for j, q in enumerate(places):
        keys = _name_keys(q)
        if keys is None:
            free.append(j)
            continue
        for x in keys[0]:
            asked.setdefault(x, []).append(j)
        for x in keys[1]:
            held.setdefault(x, []).append(j)
    return asked, held, tuple(free)


def _name_candidates(p: str, index: tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]) -> list[int]:
    """The positions (in order) of the names of an :func:`_names_index` that :func:`same_name` may call one place with
    ``p``: those it asks a key of, holds a key of, or any (keys None) — a join of keys instead of a loop over every
    pair of names. :func:`same_name` calls two names one place only where they are equal or their keys meet
    (:func:`_keys_apart`; an equal name holds and asks its own ``P`` key), so no pair it would call one is left out."""
    asked, held, free = index
    keys = _name_keys(p)
    if keys is None:
        return sorted({j for js in asked.values() for j in js} | {j for js in held.values() for j in js} | set(free))
    out = set(free)
    for x in keys[0]:
        out.update(held.get(x, ()))
    for x in keys[1]:
        out.update(asked.get(x, ()))
    return sorted(out)


def _by_place_reading(fn: Callable[[Matter, Matter], str | None]) -> Callable[[Matter, Matter], str | None]:
    """Remember :func:`_shared_place` by what it reads of each matter (district, places, elsewhere, crossing, and
    street_said and the stretches said (段), which :func:`_two_sections` reads):
    a week's grouping asks it of hundreds of thousands of pairs, a few tens of thousands of distinct ones
    (a text repeated, one estate's places said alike). A field it comes to read must be added to the key;
    ``tests/unit/test_insight_speed.py`` compares it with the function itself (``__wrapped__``)."""
    memo: dict[tuple, str | None] = {}

    def remembered(a: Matter, b: Matter) -> str | None:
        key = (a.district, a.places, a.elsewhere, a.crossing, a.street_said, _sections_of(a),
               b.district, b.places, b.elsewhere, b.crossing, b.street_said, _sections_of(b))
        try:
            return memo[key]
        except KeyError:
            pass
        if len(memo) >= 500_000:
            memo.clear()
        out = memo[key] = fn(a, b)
        return out

    remembered.__wrapped__ = fn        # type: ignore[attr-defined]
    remembered.__doc__ = fn.__doc__
    return remembered


@_by_place_reading
def _shared_place(a: Matter, b: Matter) -> str | None:
    if _two_districts(a, b):
        return None                      # one name in two districts: two places (阳光小区 is everywhere)
    la, lb = _line_names(a.places), _line_names(b.places)
    if la and lb and not la & lb:
        return None                      # two bus lines at one stop: two matters
    shared = None
    masks, index = name_masks(b.places), _names_index(b.places)
    for p, mp in zip(a.places, name_masks(a.places)):
        for j in _name_candidates(p, index):       # (in b's order, as a loop over all of them)
            q, mq = b.places[j], masks[j]
            if mp & mq and same_name(p, q) and not (_tail_of_own(p, a.places, q) or _tail_of_own(q, b.places, p)):
                if _is_fine(p) and _is_fine(q) and not _part_name(p) and not _part_name(q):
                    return p if len(p) >= len(q) else q
                shared = shared or (p if len(p) >= len(q) else q)
    if shared is None:
        return None
    # a part said by its side only (东广场, 北门) of two places each names (汉口站 / 武昌站): two places
    if _part_name(shared):
        wa = [p for p in a.places if _is_fine(p) and not _part_name(p)]
        wb = [q for q in b.places if _is_fine(q) and not _part_name(q)]
        if wa and wb and not any(same_name(p, q) for p in wa for q in wb):
            return None
    # a road (or an area) both name, where each names a finer place of its own — two estates on one road,
    # two crossings of one road — is two places (徐东大街东湖港湾小区 / 徐东大街和平小区)
    if a.elsewhere or b.elsewhere:
        return None
    fa, fb = _fine_names(a.places), _fine_names(b.places)
    if fa and fb and not any(_same_fine(p, q) for p in fa for q in fb):
        return None
    if a.crossing and b.crossing and _is_road(shared) and \
            not all(any(same_name(x, y) for y in b.crossing) for x in a.crossing):
        return None
    if _is_road(shared) and (_two_sections(a, b, shared) or _two_spans(a, b, shared)):
        return None
    if _is_road(shared) and (_crossing_against_estate(a, b, shared) or _crossing_against_estate(b, a, shared)):
        return None
    if _two_spots_of_landmark(a, b, shared) or _two_spots_of_landmark(b, a, shared):
        return None
    # (w26-rpp2) a developer said alone (碧桂园那个小区, 江夏区碧桂园小区) is an estate of its in some district: one district
    # said by one appeal only is no sign of the same estate (the developer builds in every district)
    if (a.district is None) != (b.district is None) and shared.removesuffix("小区") in _DEVELOPERS:
        return None
    return shared


def _tail_of_own(p: str, places: tuple[str, ...], other: str) -> bool:
    """(w27-rpp) ``p`` is a brand's landmark said bare (万达广场) in an appeal that names it in full too (建设大道万达广场
    （菱角湖万达）: 菱角湖万达广场), and the other appeal's name is another landmark of that brand (经开万达广场): the
    bare name is the full one's, no evidence of the other."""
    return len(p) <= 4 and p != other and other.endswith(p) and any(o != p and o.endswith(p) and o != other
                                                                     for o in places)


def _spots_within(m: Matter, landmark: str) -> list[str]:
    """(w22-rep3) The spots of a landmark an appeal names after its name by a spot's own name (汉口江滩粤汉码头 →
    粤汉码头): a pier, a gate, a square of a long park."""
    out = []
    for p in m.places:
        rest = p[len(landmark):] if p.startswith(landmark) else ""
        if rest and rest.endswith(_SPOT_KINDS) and _proper_spot(rest):
            out.append(rest)
    return out


def _two_spots_of_landmark(a: Matter, b: Matter, landmark: str) -> bool:
    """(w22-rep3) A landmark of the table both are at, ``a`` at a spot of it by its own name (汉口江滩粤汉码头), ``b``
    at another: a road crossing it that is none of the landmark's own roads (汉口江滩三阳路, 沿江大道三阳路口), or
    another spot of it (汉口江滩江汉关): two spots of a long park, kilometres apart."""
    if landmark not in _table_places():
        return False
    sa = _spots_within(a, landmark)
    if not sa:
        return False
    own = set(load_landmarks().on.get(landmark, ()))
    roads = [q for q in b.places if _is_road(q) and q not in own and not any(q in x or x in q for x in sa)]
    spots = [q for q in _spots_within(b, landmark) if not any(q in x or x in q for x in sa)]
    return bool(roads or spots)


def _crossing_against_estate(a: Matter, b: Matter, road: str) -> bool:
    """(w21-rep) ``a`` at the crossing of ``road`` with another road (南湖大道丁字桥路口), ``b`` at an estate or
    another fine place of its own on ``road`` (南湖大道进中央花园那个路口) that never names that other road: two
    spots of one long road."""
    if len(a.crossing) < 2 or b.crossing or not any(same_name(x, road) for x in a.crossing):
        return False
    others = [x for x in a.crossing if not same_name(x, road)]
    fine_b = [q for q in _fine_names(b.places) if not same_name(q, road)]
    return bool(others and fine_b) and not any(same_name(x, q) for x in others for q in b.places)


def _two_sections(a: Matter, b: Matter, road: str) -> bool:
    """A long road both name, one at a crossing said as X路口 and the other at a spot of its own the first does
    not say (解放大道 by 宗关 / at 硚口路口): two sections of the road. (Without a crossing said, a spot each is
    left to the rules above: a road said with its area after it, or by two names of one landmark, is one.)"""
    oa, ob = _spots_on(a, road), _spots_on(b, road)
    if _section_against_spot(a, ob, road) or _section_against_spot(b, oa, road):
        return True
    if not any(p.endswith("路口") for p in oa + ob):
        # … or, without a crossing, each names one landmark of the table on it, two landmarks (雄楚大道 by
        # 街道口 / by 光谷广场): never a name the table does not know, which may be the other's by another name
        la, lb = [p for p in a.places if _of_table(p) and p != road], [q for q in b.places if _of_table(q) and q != road]
        return len(la) == 1 and len(lb) == 1 and not (set(oa) - set(la)) and not (set(ob) - set(lb)) and \
            not any(same_name(p, q) or p in q or q in p for p in la for q in lb) or _two_named_spots(a, b, road) \
            or _crossing_against_spot(a, b, road) or _crossing_against_spot(b, a, road) or _two_stretches(a, b, road)
    return bool(oa and ob) and not any(_same_fine(p, q) or p in q or q in p for p in oa for q in ob)


def _cross_roads(m: Matter, road: str) -> list[str]:
    """(w27-rpp) The other roads an appeal names besides ``road``: where on it, said by the roads that cross it."""
    return [p for p in m.places if _is_road(p) and not same_name(p, road) and p not in road and road not in p]


def _two_spans(a: Matter, b: Matter, road: str) -> bool:
    """(w27-rpp) A road both name, one told as its stretch between two crossings (东吴大道从金山大道到三秀路那段,
    雄楚大道珞狮南路到民族大道之间) and the other at crossings of its own, none of them the first's (东吴大道四明路到
    七雄路): two stretches of the road. A stretch said by one of its ends (三秀路口往北) meets it there."""
    ra, rb = _cross_roads(a, road), _cross_roads(b, road)
    if not ra or not rb or (len(ra) < 2 and len(rb) < 2):
        return False
    return not any(same_name(x, y) or x in y or y in x for x in ra for y in rb)


def _stretch_names(m: Matter, road: str) -> list[str]:
    """(w23-rpw) The names an appeal gives where on ``road`` it is, besides the road: a place that is no road, the
    area it says (卓刀泉附近珞喻路), the section it names (珞喻路鲁巷那段); one said inside another counted once."""
    names = [p for p in m.places if not _is_road(p) and not same_name(p, road) and p not in road]
    names += [f for f in m.street_said if len(f) >= 2 and f not in road]
    names += [v for k, v in m.parts if k == "段" and not v.endswith(("口", "门", "站")) and v not in road]
    names = [n for n in names if not _words_not_name(n) and not n.startswith(_VAGUE_LEAD)
             and not any(w in n for w in _NOT_STRETCH) and n[0] not in _AFTER_A_ROAD]
    return [n for n in dict.fromkeys(names) if not any(n != x and n in x for x in names)]


# (w23-rpw) words that make a 'place' read beside a road no stretch of it (那个小区楼道, 老小区, 车库顶上)
_NOT_STRETCH = ("小区", "楼道", "楼里", "车库", "地库", "顶上", "院子", "单元", "附近", "旁边", "对面", "里面", "靠", "往")
_VAGUE_LEAD = ("老", "那", "这", "某", "一个", "有个")
# … nor a run read on from the road's position (徐东大街上一股天然气味: 上一股)
_AFTER_A_ROAD = frozenset("上下里边旁的口")


def _two_stretches(a: Matter, b: Matter, road: str) -> bool:
    """(w23-rpw) A long road both name, each at one stretch of it named by one name of its own — a landmark, an area,
    a section (建设大道新华路体育场旁边 / 建设大道王家墩那一块, 珞喻路鲁巷那个路口 / 珞喻路华科大门口): two stretches,
    kilometres apart. Never one name said in short or in full (汉口站 / 汉口火车站), nor a name and the area it is
    of (鲁巷 / 光谷广场)."""
    sa, sb = _stretch_names(a, road), _stretch_names(b, road)
    if len(sa) != 1 or len(sb) != 1:
        return False
    p, q = sa[0], sb[0]
    areas = _area_table()
    if any(x in areas and (y.startswith(areas[x]) or areas.get(y) == areas[x]) for x, y in ((p, q), (q, p))):
        return False
    return not (same_name(p, q) or p in q or q in p or p[:2] == q[:2] or _initials_of(p, q) or _initials_of(q, p)
                or _same_fine(p, q))


# (w22-rpw) the kinds a spot of a long road is named by (循礼门, 阅马场, 丁字桥, 亚贸广场, 中南医院): an old gate, a
# square, a bridge, a station, a mall, a park, a hospital, a school
_SPOT_KINDS = ("门", "场", "桥", "站", "广场", "商场", "公园", "医院", "大学", "中学", "小学", "寺", "塔", "馆",
               "码头", "关")   # (w22-rep3) a pier, an old customs house of a riverside road (粤汉码头, 江汉关)


def _road_spot(m: Matter, road: str) -> list[str]:
    """The spots of ``road`` an appeal names by a spot's kind (循礼门, 阅马场), besides the road and its area."""
    return [p for p in m.places if p.endswith(_SPOT_KINDS) and not same_name(p, road) and not _is_road(p)
            and p not in road and not any(p in f or f in p for f in m.street_said) and _proper_spot(p)]


def _proper_spot(name: str) -> bool:
    """A spot named by a name of its own (阅马场, 循礼门), not by its kind said vaguely (那个老菜场, 新广场): a vague one
    may be the other's spot by another name."""
    kind = max((k for k in _SPOT_KINDS if name.endswith(k)), key=len)
    head = name[:-len(kind)]
    return len(head) >= 2 and head[0] not in "老新那这某该" and head not in _GENERIC_HEADS and \
        not any(head.endswith(k) for k in ("菜", "市", "集贸"))


def _two_named_spots(a: Matter, b: Matter, road: str) -> bool:
    """(w22-rpw) A long road both name, each at one spot of it named by its kind (武珞路亚贸广场 / 武珞路阅马场附近,
    解放大道循礼门 / 解放大道武汉广场那段) and at no other place but the road itself: two spots of one long road,
    kilometres apart, though neither is in the landmark table. Never one spot said in short (武广 / 武汉广场,
    亚贸 / 亚贸广场) nor a spot and what stands at it (循礼门 / 循礼门地铁站)."""
    sa, sb = _one_spot(_road_spot(a, road)), _one_spot(_road_spot(b, road))
    if len(sa) != 1 or len(sb) != 1:
        return False
    p, q = sa[0], sb[0]
    rest = [x for x in a.places + b.places if x not in (p, q) and not same_name(x, road) and not x.endswith(road)
            and x not in _GATE_PARTS]      # (w22-rep3) 中山公园正门: the spot's own gate
    if any(not (x in p or p in x or x in q or q in x) for x in rest):
        return False
    return not (same_name(p, q) or p in q or q in p or _initials_of(p, q) or _initials_of(q, p)
                or _same_fine(p, q) or p[:2] == q[:2])


# (w22-rep3) a spot's own gate or building said after its name (中山公园正门, 江汉关大楼): no other place
_GATE_PARTS = ("正门", "大门", "南门", "北门", "东门", "西门", "侧门", "后门", "前门", "大楼")


def _crossing_against_spot(a: Matter, b: Matter, road: str) -> bool:
    """(w22-rep3) A long road both name, ``a`` at its crossing with one other road and nothing else (沿江大道江汉路口),
    ``b`` at one spot of it named by its kind and nothing else (沿江大道粤汉码头): two spots, unless the spot is named
    after the crossing road (江汉关 at 江汉路口: 江汉)."""
    others = [p for p in a.places if not same_name(p, road)]
    if len(others) != 1 or not _is_road(others[0]):
        return False
    sb = _one_spot(_road_spot(b, road))
    if len(sb) != 1:
        return False
    x, q = others[0], sb[0]
    if any(not (y in q or q in y) for y in b.places if not same_name(y, road) and y not in _GATE_PARTS):
        return False
    return not (x[:2] == q[:2] or q in x or place_core(x) in q)


def _one_spot(spots: list[str]) -> list[str]:
    """(w22-rep3) A spot and what stands at it, named after it (循礼门 / 循礼门地铁站, 宝通寺 / 宝通寺地铁站), are one
    spot of the road: the shortest name says it."""
    return [p for p in spots if not any(q != p and q in p for q in spots)]


def _sections_of(m: Matter) -> tuple[str, ...]:
    """The stretches (段) an appeal names of its road or greenway."""
    return tuple(v for k, v in m.parts if k == "段")


def _section_against_spot(a: Matter, spots: list[str], road: str) -> bool:
    """``a`` names a stretch of the road by the place it is at (珞喻路鲁巷那段), the other only other spots of it
    (卓刀泉附近珞喻路, 华科大门口的珞喻路), none of them that stretch's place nor named within it: two stretches of
    one long road (w21-rpw)."""
    # (not the road's own name read as the stretch's: 东湖路那一段 is that stretch of 东湖路, wherever)
    sections = [v for v in _sections_of(a) if v not in road]
    if not sections or not spots:
        return False
    return not any(x in q or q in x or same_name(x, q) for x in sections for q in spots)


@lru_cache(maxsize=100_000)
def _of_table(p: str) -> bool:
    """``p`` is a landmark of the table, or the head of one's name said short (首义 for 首义广场)."""
    table = _table_places()
    return p in table or len(p) >= 2 and any(t.startswith(p) for t in table)


def _spots_on(m: Matter, road: str) -> list[str]:
    """Where on ``road`` an appeal says it is: a finer place, a landmark of the table, a crossing said as X路口,
    or the street's area it names (宗关那边解放大道)."""
    table = _table_places()
    return [p for p in m.places if (_is_fine(p) or p in table or p.endswith("路口")) and not same_name(p, road)] + \
        list(m.street_said)


# developers' names that begin estates all over the city (万科城 / 万科金域华府): no area
_BRANDS = ("万科", "保利", "金地", "恒大", "碧桂园", "融创", "中海", "绿地", "华润", "招商", "龙湖", "世茂", "复地", "福星", "联投",
           "城投", "金茂", "中建", "越秀", "旭辉", "当代", "美好", "中南", "泰禾", "万达", "新城", "融侨", "华发", "路劲", "百瑞",
           "武汉", "江城", "东方", "阳光", "幸福", "和平", "金色", "国际", "世纪", "滨江", "一", "二", "三", "四", "五", "六", "七",
           "八", "九", "十")


@lru_cache(maxsize=100_000)     # asked for both sides of every pair a week's grouping compares
def _line_names(places: tuple[str, ...]) -> frozenset[str]:
    """The bus lines among ``places`` (公交12路线)."""
    return frozenset(p for p in places if LINE_NAME.match(p))


def _area_names(places: tuple[str, ...], streets: Iterable[str] = ()) -> tuple[str, ...]:
    """The areas an appeal's places are parts of: an area said alone (姑嫂树那一片: not a road, not an
    estate), and the first 2–4 characters of an estate's or building's own name (姑嫂树安居苑 → 姑嫂, 姑嫂树,
    姑嫂树安), and the registry's street as the text says it (塔子湖花园 in 塔子湖街道: 塔子湖):
    :func:`_shared_area` decides which of them is an area both name."""
    out: list[str] = [f for f in streets if not f.endswith("街道")]
    for p in places:
        if _is_road(p) or p.startswith(_BRANDS) or LINE_NAME.match(p):
            continue
        if not _is_fine(p):
            if 2 <= len(p) <= 5:
                out.append(p)
            if len(p) >= 4:     # an estate of a kind not listed (杨泗港佳园): its first characters too
                out += [p[:n] for n in (2, 3) if p[:n] not in _GENERIC_HEADS]
            continue
        kind = next(k for k in _FINE_KINDS if p.endswith(k))
        head = p[:-len(kind)]
        out += [head[:n] for n in (2, 3, 4) if n <= len(head) and head[:n] not in _GENERIC_HEADS]
        if len(head) >= 5:      # … or after two characters of the district or street said before it (汉阳杨泗港新村)
            out += [head[2:2 + n] for n in (3, 4) if 2 + n <= len(head) and not head[2:].startswith(_BRANDS)]
    return tuple(dict.fromkeys(out))


_DISTRICT_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,3}区(?=[\u4e00-\u9fff]{2})")
_STEM_KINDS = tuple(sorted({*_KINDS, "人行天桥", "天桥", "高架桥", "高架", "桥", "地下通道", "通道", "站台", "公厕",
                                "东路", "西路", "南路", "北路", "中路"}, key=len, reverse=True))
_NUMBER_CHARS = set("0123456789一二三四五六七八九十")


@lru_cache(maxsize=100_000)
def _stem_names(places: tuple[str, ...]) -> tuple[str, ...]:
    """An appeal's places without the district said before them (洪山区鲁巷人行天桥 → 鲁巷人行天桥), as
    :func:`_shared_stem` reads them; lines and generic names left out."""
    out = []
    for p in places:
        if LINE_NAME.match(p):
            continue
        p = _DISTRICT_HEAD.sub("", p)
        if len(p) >= 2 and not p.endswith("区") and not _part_name(p) and p[:2] not in _GENERIC_HEADS \
                and not p.startswith(_BRANDS):
            out.append(p)
    return tuple(out)


@lru_cache(maxsize=100_000)
def _stems(places: tuple[str, ...]) -> tuple[str, ...]:
    """The index keys by which two places of one name stem meet (鲁巷广场 / 鲁巷人行天桥, 叶店 / 叶店村): each of
    :func:`_stem_names` whole and before each kind of place it holds (鲁巷广场 → 鲁巷广场, 鲁巷) — only what
    :func:`_shared_stem` can call one place, so that a stem of two characters shared by a city's many names
    (南湖雅园, 南湖宝安花园) never brings them all to a look-up."""
    out = []
    for p in _stem_names(places):
        out.append(p)
        out += [p[:i] for i in range(2, len(p)) if p[i:].startswith(_STEM_KINDS)]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=100_000)
def _stem_heads(places: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """:func:`_stem_names` by their first two characters, in order: two appeals none of whose heads meet share no
    stem (:func:`_shared_stem` pairs only names that begin alike; a week's grouping asks it of most pairs)."""
    heads: dict[str, tuple[str, ...]] = {}
    for p in _stem_names(places):
        heads[p[:2]] = (*heads.get(p[:2], ()), p)
    return heads


def _shared_stem(a: Matter, b: Matter) -> str | None:
    """The name stem (2+ characters) two places begin with, one in each appeal, where they are not two
    places by their own words: 鲁巷广场 / 鲁巷人行天桥, 叶店 / 叶店村, 常福工业园 / 常福新城 — the landmark and
    what stands at it. Not two roads (two roads of one stem are two roads), not two numbered places of one
    name (邾城一小 / 邾城二小, 一村 / 二村), not in two districts. The longest."""
    if _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    heads = _stem_heads(b.places)
    if heads.keys().isdisjoint(_stem_heads(a.places)):
        return None             # no two names begin alike: the loop below would pass every pair by
    best = None
    for p in _stem_names(a.places):
        for q in heads.get(p[:2], ()):      # (the names of b that begin as p does, in order)
            if same_name(p, q):
                continue        # (one place said by both: :func:`_shared_place` has answered for it)
            if _is_road(p) and p in b.places or _is_road(q) and q in a.places:
                continue        # (w22-rep3) the road both name, and a place of the other named after it
                #                 (东湖路省博 / 东湖路东湖宾馆): the road is theirs, its stem says no more
            n = 2
            while n < min(len(p), len(q)) and p[n] == q[n]:
                n += 1
            rp, rq = p[n:], q[n:]
            # … what follows the stem in each is a kind of place or nothing (鲁巷 + 广场 / 人行天桥): not two
            # names of their own (南湖 + 雅园 / 山庄, 王家 + 湾 / 墩东)
            if not all(r == "" or r.startswith(_STEM_KINDS) for r in (rp, rq)):
                continue
            # … and not two places of one kind each (卓刀泉中学 / 卓刀泉小学, 南湖花园 / 南湖山庄), two roads, or two
            # numbered ones
            if rp and rq and (_is_fine(p) and _is_fine(q) or _is_road(p) and _is_road(q)):
                continue
            if rp[:1] in _NUMBER_CHARS and rq[:1] in _NUMBER_CHARS and rp[:1] != rq[:1]:
                continue
            if _is_road(p) != _is_road(q) and _stands_off_the_road(*((p, q) if _is_road(p) else (q, p))):
                continue
            if best is None or n > len(best):
                best = p[:n]
    return best


def _stands_off_the_road(road: str, place: str) -> bool:
    """(w28-rpp) ``place`` (or the landmark of the table it is named after: 中山公园站, 中山公园) stands on other roads
    than ``road`` by the table's `on` (中山公园 on 解放大道): a road of its stem (中山路, across the river) is not its."""
    on = load_landmarks().on
    marks = [m for m in on if place.startswith(m)]
    return bool(marks) and all(road not in on[m] for m in marks)


def _garage_heads(places: tuple[str, ...]) -> list[str]:
    """The estates whose garage an appeal names (坐标城地库 → 坐标城)."""
    out = []
    for p in places:
        tail = next((t for t in _GARAGES if p.endswith(t)), "")
        if tail and len(p) - len(tail) >= 3:
            out.append(p[:-len(tail)])
    return out


def _on_road_keys(places: tuple[str, ...]) -> list[str]:
    """Keys by which a landmark (landmarks.toml `on`) meets the road it stands on, and back."""
    on = load_landmarks().on
    return [f"on:{r}" for p in places for r in on.get(p, ())] + [f"on:{p}" for p in places if p in _on_names()]


# the kind a landmark is said by after its road (东湖路医院, 珞喻路那个商场): its name's last characters, or one of
# a group said either way (武商广场 is a 商场)
_LANDMARK_KINDS = ("火车站", "医院", "大学", "公园", "博物馆", "步行街", "广场", "商场", "购物中心", "商城", "大桥", "寺")
_KIND_SAID = {"广场": ("广场", "商场", "购物中心", "商城"), "商场": ("广场", "商场", "购物中心", "商城"),
              "火车站": ("火车站", "高铁站", "车站", "站"), "大桥": ("大桥", "桥"),   # 二七路桥下: the 二七 bridge
              "小吃街": ("小吃街", "美食街", "小吃一条街", "夜市"),
              "寺": ("寺庙", "寺院", "庙", "寺")}     # (w27-rpp) 钟家村那个庙, 上滑坡那个寺庙: the temple there
_EXIT_TAIL = re.compile(r"(?:出站口|进站口|出入口|出口|入口|[东南西北正侧后]?大?门口?)$")
_AFTER_ROAD = re.compile(r"^\s*(?:那个|这个|那边的|这边的|那家|这家|的|上的|边上的)?")
_STATION_OUT = re.compile(r"^\s*(?:出来就是|出来的|一出来|出口出来|出来|出站)")
_STATION_OUT_SAID = re.compile(r"(?:^|\s)(?:一?出来|出站|出口出来)")


@lru_cache(maxsize=1)
def _on_names() -> frozenset[str]:
    """Every road or area a landmark of the table stands on."""
    return frozenset(r for roads in load_landmarks().on.values() for r in roads)


@lru_cache(maxsize=1)
def _landmark_forms_by_road() -> dict[str, dict[str, tuple[str, ...]]]:
    """(w30-rpp2) Each road or area of the table's ``on`` with the landmarks on it, each with the names it is said by
    (its own and its aliases)."""
    landmarks = load_landmarks()
    forms: dict[str, list[str]] = {p: [p] for p in landmarks.on}
    for alias, place in landmarks.names.items():
        if place in forms and alias != place:
            forms[place].append(alias)
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for place, roads in landmarks.on.items():
        for road in roads:
            out.setdefault(road, {})[place] = tuple(forms[place])
    return out


@lru_cache(maxsize=1)
def _kinds_said() -> frozenset[str]:
    """Every kind of landmark as said on a road (医院, 商场, 大商场): :func:`_landmarks_by_road`'s."""
    return frozenset(k for (_, k) in _landmarks_by_road())


def _district_off(name: str) -> str:
    """(w30-rpp2) A name without the district said before it (武昌解放路: 解放路)."""
    lead = next((d for d in _districts() if name.startswith(d) and len(name) > len(d) + 1), "")
    return name[len(lead):]


def _landmarks_said_short_on_road(places: list[str]) -> list[str]:
    """(w30-rpp2) A landmark said without the head of its name beside the road it stands on (人民医院（解放路那个）
    for 湖北省人民医院, 沿江大道那边的江滩公园 for 汉口江滩公园): the one landmark on that road whose name or alias ends
    in what was said. A name said alone is left (four 江滩 in the city, 人民医院 in every district), so is a road the
    table sets two such landmarks on, a name that is a landmark's own, a road's, or a bare kind (医院, 商场). The name
    as said stays after the landmark's."""
    roads = [r for q in places for r in [_district_off(q)] if r in _on_names()]
    if not roads:
        return places
    landmarks = load_landmarks()
    # the landmarks on those roads, each once, with the names each is said by
    beside = {m: forms for r in roads for m, forms in _landmark_forms_by_road()[r].items()}
    out = []
    for p in places:
        if len(p) < 2 or p in landmarks.on or _district_off(p) in roads or p in _kinds_said() or p in landmarks.names \
                or _is_road(p):
            out.append(p)
            continue
        found = [m for m, forms in beside.items() if any(f != p and f.endswith(p) for f in forms)]
        # … the name as said kept after it: an appeal naming it alone (江滩公园门口) still shares it
        out += [found[0], p] if len(found) == 1 else [p]
    return list(dict.fromkeys(out))


def _stations_on(places: tuple[str, ...]) -> dict[str, str]:
    """(w27-rpp) The metro stations an appeal names after a road or area a landmark of the table stands on (积玉桥地铁站:
    积玉桥), each with that road or area: :func:`_landmark_by_road` reads what one comes out to there."""
    return {q: q[:-3] for q in places if q.endswith("地铁站") and q[:-3] in _on_names()}


def _names_on(places: tuple[str, ...]) -> bool:
    """An appeal names a road or area of the table's ``on``, or a station named after one (:func:`_stations_on`):
    what :func:`_landmark_by_road` reads of the appeal that does not name the landmark."""
    return not _on_names().isdisjoint(places) or bool(_stations_on(places))


@lru_cache(maxsize=1)
def _landmarks_by_road() -> dict[tuple[str, str], tuple[str, ...]]:
    """(road, kind said) → the landmarks of that kind the table sets on that road."""
    out: dict[tuple[str, str], list[str]] = {}
    landmarks = load_landmarks()
    for place, roads in landmarks.on.items():
        kind = landmarks.kinds.get(place) or next((k for k in _LANDMARK_KINDS if place.endswith(k)), None)
        if kind is None:
            continue
        forms = _KIND_SAID.get(kind, (kind,))
        for road in roads:      # (w27-rpp) … said big too (徐东那个大商场, 那个大医院)
            for said in (*forms, *("大" + f for f in forms if len(f) == 2 and not f.startswith("大"))):
                out.setdefault((road, said), []).append(place)
    for (road, said), places in _brands_by_road().items():
        out.setdefault((road, said), []).extend(places)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _brands_by_road() -> dict[tuple[str, str], list[str]]:
    """(road, brand) → the landmarks named by their area and a brand (菱角湖万达 on 唐家墩路 and in 菱角湖: 万达) that the
    table sets on that road: 唐家墩路万达 and 唐家墩路那个万达 say the landmark as its road and its kind do."""
    landmarks = load_landmarks()
    out: dict[tuple[str, str], list[str]] = {}
    for place, roads in landmarks.on.items():
        names = [place, *(a for a, p in landmarks.names.items() if p == place)]
        for area in roads:
            for name in names:
                brand = name[len(area):] if name.startswith(area) else ""
                if len(brand) < 2 or brand in _LANDMARK_KINDS:
                    continue
                for road in roads:
                    if road != area:
                        out.setdefault((road, brand), []).append(place)
    return out


def _area_and_kind(places: tuple[str, ...]) -> dict[str, str]:
    """The names of ``places`` that are an area or road of the table and a landmark's kind said after it (积玉桥商场,
    read from 积玉桥那个商场): name → the area."""
    return {q: area for q in places if (area := _area_of_kind_said(q)) is not None}


@lru_cache(maxsize=200_000)     # asked of every pair a week's grouping compares
def _area_of_kind_said(name: str) -> str | None:
    by_road = _landmarks_by_road()
    return next((r for r in _on_names() if name.startswith(r) and len(name) > len(r) and (r, name[len(r):]) in by_road),
                None)


def _landmark_by_road(a: Matter, b: Matter) -> str | None:
    """The landmark ``a`` names that ``b`` names by its road and its kind (东湖路医院门口 / 中南医院门口, 珞喻路那个商场 /
    群光广场): the one landmark of that kind the table sets on that road. Not where ``b`` names another estate or
    landmark, nor in two districts."""
    if _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    on = load_landmarks().on
    # (most pairs: no landmark of the table in a, no road of it in b — asked by sets, before any list)
    if on.keys().isdisjoint(a.places) or not on.keys().isdisjoint(b.places):
        return None
    stations = _stations_on(b.places)       # (read once: _names_on's second half)
    if _on_names().isdisjoint(b.places) and not stations:
        return None
    marks = [p for p in a.places if p in on]
    roads = [q for q in b.places if q in _on_names()]
    # (w27-rpp2) … or by its area and its kind read as one name (和平大道积玉桥那个商场 → 积玉桥商场): the area
    composed = _area_and_kind(b.places)
    roads += [area for area in composed.values() if area not in roads]
    # (w27-rpp) … or by the metro station named after that road or area and its kind said as what one comes out to
    # (积玉桥地铁站出来那个商场): the station's road or area
    out_to = [q for q in stations if _STATION_OUT_SAID.search(b.residual)]
    roads += [stations[q] for q in out_to if stations[q] not in roads]
    fine = [q for q in _fine_names(b.places) if q not in out_to and q not in composed]
    if fine:
        return None
    by_road = _landmarks_by_road()
    for road in roads:
        said = next((q for q in b.places if (road, q) in by_road), None)   # the kind read as a place of its own
        if said is None:        # (w26-rpp2) … with its exit or gate after it (杨春湖那个高铁站出口)
            said = next((k for q in b.places for k in [_EXIT_TAIL.sub("", q)] if k != q and (road, k) in by_road), None)
        for q in b.places if said is None else ():     # the road's kind read as one name (东湖路医院)
            if q != road and q.startswith(road):
                said = next((k for k in sorted({k for (r, k) in by_road if r == road}, key=len, reverse=True)
                             if q[len(road):] == k), None)
                if said:
                    break
        if said is None:            # … or said right after it (珞喻路那个商场: the road blanked in the residual)
            rest = b.residual.lstrip()
            out_of = _STATION_OUT.match(rest) if road in stations.values() else None
            rest = rest[out_of.end():] if out_of else rest
            m = _AFTER_ROAD.match(rest)
            tail = rest[m.end():] if m else rest
            said = next((k for (r, k) in by_road if r == road and tail.startswith(k)), None)
        if said is None:
            continue
        found = by_road.get((road, said), ())
        if len(found) == 1 and found[0] in marks:
            return found[0]
    return None


def _stem_or_landmark_road(a: Matter, b: Matter) -> str | None:
    """What two appeals share that :func:`compare` holds to the stricter ``similar.stem_threshold``: a place's stem
    (:func:`_shared_stem`), a landmark one names and its road the other (:func:`_landmark_on_road`), or one quarter
    both name by its landmark, its streets or its nicknames (:func:`_one_quarter`)."""
    return _shared_stem(a, b) or _landmark_on_road(a, b) or _landmark_on_road(b, a) or _one_quarter(a, b)


@lru_cache(maxsize=1)
def _quarter_index() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern of every name of a quarter (landmarks.toml `quarter`: the landmark, its aliases, the places, streets
    and nicknames in its quarter), longest first, and each name → its landmark."""
    landmarks = load_landmarks()
    table: dict[str, str] = {}
    for place, names in landmarks.quarters.items():
        for n in (place, *(a for a, p in landmarks.names.items() if p == place), *names):
            table.setdefault(n, place)
    if not table:
        return None, {}
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


_QUARTER_NEVER_BEFORE = ("路", "街", "大道", "道", "巷", "桥", "湖")


def _quarters_said(m: Matter) -> frozenset[str]:
    """The quarters (landmarks.toml `quarter`) an appeal names: by a place it names, its street as said, or a name left
    in its residual (花园山那一片, 司门口那一带) — not a name that begins a road's or a bridge's (大智路 is a road of the
    quarter only when the table lists it so)."""
    return _quarters_in(m.places, m.street_said, m.residual)


@lru_cache(maxsize=100_000)     # by the fields it reads (not by the Matter, whose hash leaves the residual out):
def _quarters_in(places: tuple[str, ...], street_said: tuple[str, ...], residual: str) -> frozenset[str]:
    """:func:`_quarters_said` of what it reads: a week's grouping asks it of each pair it meets."""
    index, table = _quarter_index()
    if index is None:
        return frozenset()
    found: set[str] = set()
    for said in (*places, *street_said, residual):
        for hit in index.finditer(said or ""):
            name = hit.group(0)
            if not said.startswith(_QUARTER_NEVER_BEFORE, hit.end()) or name.endswith(_QUARTER_NEVER_BEFORE):
                found.add(table[name])
    return frozenset(found)


def _one_quarter(a: Matter, b: Matter) -> str | None:
    """The quarter both appeals name, each by its landmark or a place, street or nickname of it (昙华林 / 花园山那一片,
    户部巷 / 司门口那一带, 黄鹤楼南门 / 蛇山那边): one place for a problem plainly shared (:func:`compare` holds it to
    ``similar.stem_threshold``). Not in two districts, not where either says it is elsewhere, and not where both name
    an estate or another fine place (two estates of one quarter are two places)."""
    if _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    if _fine_names(a.places) and _fine_names(b.places):
        return None
    common = _quarters_said(a) & _quarters_said(b)
    return min(common) if common else None


@lru_cache(maxsize=1)
def _estates_by_area() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(w22-rep) landmarks.toml's ``estates`` table: each name of an area (its own, and its other names of
    ``[hotspots.areas]``: 经开区 for 沌口, 关山 for 光谷) → the area, and each area → its estates' own names."""
    from routing.registry import landmarks_data

    table = landmarks_data().get(ESTATES_TABLE, {}) or {}
    estates = {area: tuple(names) for area, names in table.items() if isinstance(names, list)}
    names = {area: area for area in estates}
    for name, area in _area_table().items():
        if area in estates:
            names.setdefault(name, area)
    return names, estates


_VAGUE_HOME = ("小区", "老小区", "我们小区", "我家小区", "那个小区", "这个小区")


def _words_not_name(p: str) -> bool:
    """(w22-rep) A 'place' read from words that name none (就挨着工地, 我住的那边): it holds a character no name holds."""
    return any(ch in _NOT_IN_NAME for ch in p)


@lru_cache(maxsize=1)
def _listed_estate_pattern() -> re.Pattern[str] | None:
    _, estates = _estates_by_area()
    listed = sorted({e for names in estates.values() for e in names if len(e) >= 3}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, listed))) if listed else None


def _listed_estates(text: str) -> list[str]:
    """(w22-rep) The estates of landmarks.toml's ``estates`` table a text names, however said (保利清能西海岸宽带断网,
    关山春晓的自来水: no kind after them), longest first; not one that begins a road's name (X路, X街)."""
    pattern = _listed_estate_pattern()
    if pattern is None:
        return []
    return list(dict.fromkeys(m.group(0) for m in pattern.finditer(text)
                              if not text.startswith(("路", "街", "大道", "大街"), m.end())))


_HOME_SAID = re.compile(r"小区|楼盘|院子|我们楼|我家楼|我们那栋|我们这栋|我们单元|我家单元|单元楼")


def _area_before(name: str, tails: tuple[str, ...], names: dict[str, str]) -> str | None:
    """The area of ``names`` that ``name`` is, said with one of ``tails`` after it (沌口这边, 万松园路) or, for an
    empty tail, alone; the first tail that fits."""
    for t in tails:
        stem = name[:len(name) - len(t)]
        if name.endswith(t) and stem in names:
            return names[stem]
    return None


@lru_cache(maxsize=100_000)
def _area_said_for_home(places: tuple[str, ...], street_said: tuple[str, ...]) -> str | None:
    """(w22-rep) The one area of the ``estates`` table an appeal names as where it is, naming no estate, road or
    landmark (沌口这边我们小区, 南湖那个小区: its places and its street as said are that area, with a word of area after
    it, or no name at all — 小区好多人 is words, not a place); else None."""
    names, _ = _estates_by_area()
    if not names:
        return None
    found: set[str] = set()
    for n in (*places, *street_said):
        n = n[2:] if n.startswith("武汉") and len(n) > 4 else n
        area = _area_before(n, _AREA_SAID_TAIL, names)
        if area is not None:
            found.add(area)
        elif n in places and not _words_not_name(n) and (_fine_names((n,)) or not n.startswith(_VAGUE_HOME)):
            return None         # a place finer than the area, or another: not said by its area alone
    return found.pop() if len(found) == 1 else None


# (w22-rep3) the ends of a road's name after the area it is named after (四新大道, 万松园路, 后湖大道, 南湖北路)
_AREA_ROAD_TAILS = ("东路", "西路", "南路", "北路", "中路", "大道", "大街", "路", "街")


@lru_cache(maxsize=100_000)
def _area_by_its_road(places: tuple[str, ...], street_said: tuple[str, ...]) -> str | None:
    """(w22-rep3) The area of the ``estates`` table an appeal names its home by through the road named after that
    area (四新大道那边我们小区, 万松园路那边的小区): its only place is that road, and its street as said is the area
    or none. Read only where the appeal says its home (:func:`_estate_said_by_area`): the road said alone is a road."""
    names, _ = _estates_by_area()
    if len(places) != 1 or not names or not _is_road(places[0]):
        return None
    area = _area_before(places[0], _AREA_ROAD_TAILS, names)
    if area is None or any(names.get(n) != area for n in street_said):
        return None
    return area


@lru_cache(maxsize=100_000)
def _estate_areas_of(places: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(w22-rep) The estates an appeal names that lie in an area of the ``estates`` table, as (area, the place as
    said): one the table lists (福星惠誉东湖城, 东合中心小区, 西海岸小区 for 保利清能西海岸), or an estate named after
    its area (南湖花园城, 后湖中一花园)."""
    names, estates = _estates_by_area()
    out = set()
    for p in places:
        core = place_core(p)
        for area, listed in estates.items():
            if any(e in (p, core) or (len(e) >= 3 and e in p) or (len(core) >= 3 and e.endswith(core)) for e in listed):
                out.add((area, p))
        if _is_fine(p):
            out.update((area, p) for name, area in names.items()
                       if len(name) >= 2 and p.startswith(name) and len(p) - len(name) >= 3)
    return frozenset(out)


def _estate_areas(m: Matter) -> frozenset[str]:
    """The areas of the ``estates`` table an appeal is in: said for its home alone, or of an estate it names."""
    said = _area_said_for_home(m.places, m.street_said) or _area_by_its_road(m.places, m.street_said)
    return frozenset({said} if said else {area for area, _ in _estate_areas_of(m.places)})


def _estate_by_area(a: Matter, b: Matter, by_road: bool = False) -> str | None:
    """(w22-rep) ``a`` names only the area it lives in (沌口这边我们小区, 东湖新城那边), ``b`` an estate in that area
    (东合中心小区) and no estate of another: that estate, as their place — :func:`compare` asks it only within
    ``similar.estate_area_hours``, where ``a`` says its home (小区, 楼盘) or the problem is over an area. Two estates
    of one area are two places (no reading here)."""
    if _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    area = _area_said_for_home(a.places, a.street_said)
    if area is None and by_road:       # (w22-rep3) its area said by the road named after it
        area = _area_by_its_road(a.places, a.street_said)
    if area is None:
        return None
    theirs = _estate_areas_of(b.places)
    if not theirs or {x for x, _ in theirs} != {area}:
        return None
    return min(p for _, p in theirs)


def _reaches(shared: Iterable[str], lexicon: Lexicon) -> bool:
    """(w23-rpw2) The problem two appeals share reaches beyond one estate: an outage over the area, or a problem
    marked ``reach`` (a site's noise, a smell, a flooded road) with no thing of one estate's own (``own``: its lift,
    its management, its refuse point, a leak) beside it."""
    shared = set(shared)
    return bool(shared & lexicon.areawide()) or (bool(shared & lexicon.flagged("reach"))
                                                  and not shared & lexicon.flagged("own"))


def _estate_said_by_area(a: Matter, b: Matter, hours: float | None, shared: Iterable[str], lexicon: Lexicon,
                         settings: Settings) -> str | None:
    """:func:`_estate_by_area` either way, within ``similar.estate_area_hours``, where the one naming its area says
    its home (我们小区, 那个小区) or the problem both share is over an area (停电)."""
    limit = float(settings.get("similar", "estate_area_hours", 0) or 0)
    if hours is None or hours > limit:
        return None
    areawide = bool(set(shared) & lexicon.areawide())
    # (w23-rpw2) a home said in the area joins a listed estate for a problem that reaches beyond one estate (a
    # site's noise at night, a smell, a flooded road), never for one estate's own (its lift, its management, its
    # refuse point, parking inside, a leak: 古田这边我们小区电梯困人 / 美好名流汇3栋电梯困人 are two estates' lifts)
    if not _reaches(shared, lexicon):
        return None
    for x, y in ((a, b), (b, a)):
        estate = _estate_by_area(x, y)
        if estate is not None and (areawide or _HOME_SAID.search(x.residual + "".join(x.places))):
            return estate
        # (w22-rep3) … or by the road named after its area, its home said (四新大道那边我们小区 / 保利中央公馆)
        if estate is None and _HOME_SAID.search(x.residual) and (estate := _estate_by_area(x, y, True)):
            return estate
    return None


def _landmark_on_road(a: Matter, b: Matter) -> str | None:
    """The landmark ``a`` names whose road (landmarks.toml `on`) ``b`` names alone, without its kind (销品茂 / 徐东大街上
    闻到煤气味, 户部巷 / 解放路上): a road is long, so :func:`compare` asks the stricter ``similar.stem_threshold``
    and a problem plainly shared of this. Not where ``b`` names a finer place or another landmark, nor in two
    districts."""
    if _on_names().isdisjoint(b.places):
        return None             # (most pairs: ``b`` names no road of the table, asked by a set before any list)
    if _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    on = load_landmarks().on
    roads = [q for q in b.places if q in _on_names()]
    if not roads or any(q in on for q in b.places) or _fine_names(b.places):
        return None
    if any(_two_spots_of_landmark(a, b, p) for p in a.places if p in on):
        return None             # (w22-rep3) 汉口江滩粤汉码头 / 沿江大道三阳路口: two spots of the park on its road
    if any(_two_stretches(a, b, r) for r in roads):
        return None             # (w23-rpw) 发展大道汉口火车站 / 发展大道竹叶山那边: another stretch of the road
    # … and only a road the table sets one landmark on (东湖路 has two: its name alone says neither)
    return next((p for p in a.places if p in on and any(r in on[p] and _landmarks_on(r) == 1 for r in roads)), None)


@lru_cache(maxsize=1)
def _landmark_counts() -> dict[str, int]:
    out: dict[str, int] = {}
    for roads in load_landmarks().on.values():
        for r in set(roads):
            out[r] = out.get(r, 0) + 1
    return out


def _landmarks_on(road: str) -> int:
    """How many landmarks of the table stand on ``road`` (landmarks.toml `on`)."""
    return _landmark_counts().get(road, 0)


def _shared_area(a: Matter, b: Matter) -> str | None:
    """The area both appeals' places are parts of: a name of 3+ characters both begin with (黄家湖畔花园 /
    黄家湖景苑), or one of 2 that one of them says alone (堤角那边 / 堤角新村); the longest."""
    if not (a.areas and b.areas) or a.elsewhere or b.elsewhere:
        return None
    if a.district and b.district and a.district != b.district:
        return None
    same_street = a.street is not None and a.street == b.street
    shared = [n for n in a.areas if n in b.areas and (len(n) >= 3 or n in a.places or n in b.places or same_street)]
    return max(shared, key=len) if shared else _one_area_two_names(a, b)


_AREA_SAID_TAIL = ("", "区", "片区", "一带", "那边", "这边", "这块", "那块")


def _said_areas(m: Matter) -> set[str]:
    """The areas of ``[hotspots.areas]`` an appeal says alone (关山这边, 光谷片区, 东湖高新区): its areas that are a
    place or its street as said, each a name of that table or one with a word of area after it."""
    if not m.areas:
        return set()
    said = [n for n in m.areas if n in m.places or n in m.street_said]
    return {area for n in said for area in _areas_named(n)}


def _areas_named(name: str) -> list[str]:
    """The areas of ``[hotspots.areas]`` a name says: a name of the table, or one with a word of area after it
    (关山这边, 光谷片区), in the order of :data:`_AREA_SAID_TAIL`."""
    table = _area_table()
    return [table[name[:len(name) - len(t)] if t else name] for t in _AREA_SAID_TAIL
            if name.endswith(t) and (name[:len(name) - len(t)] if t else name) in table]


def _one_area_two_names(a: Matter, b: Matter) -> str | None:
    """One area said by two of its names (光谷片区 / 关山这边 / 东湖高新这块, [hotspots.areas]), each said alone: the
    area, for a problem over an area (:func:`compare` asks this only of those, within ``similar.area_hours``)."""
    common = _said_areas(a) & _said_areas(b)
    return min(common) if common else None


def _area_alone(m: Matter) -> frozenset[str]:
    """The one area of ``[hotspots.areas]`` an appeal names when it names nothing finer (光谷这边的自来水 / 关山那边 /
    东湖高新区关山一带; 经开区 / 沌口 / 武汉经济开发区): every place it names and the street as it says it is a name of
    that area (with a word of area after it, 武汉 before it), and it names one at least; else none."""
    return _area_alone_of(m.places, m.street_said, m.elsewhere)


@lru_cache(maxsize=100_000)     # by the fields it reads (not by the Matter, whose hash leaves some out)
def _area_alone_of(places: tuple[str, ...], street_said: tuple[str, ...], elsewhere: bool) -> frozenset[str]:
    """:func:`_area_alone` of what it reads: a week's grouping asks it of each pair it meets."""
    said = [*places, *street_said]
    if not said or elsewhere:
        return frozenset()
    out = set()
    for n in said:
        areas = _areas_named(n[2:] if n.startswith("武汉") and len(n) > 4 else n)
        if not areas:
            return frozenset()
        out.add(areas[0])
    return frozenset(out) if len(out) == 1 else frozenset()


def _one_area_alone(a: Matter, b: Matter) -> str | None:
    """One area said by two of its names (or one), by appeals that name nothing finer (:func:`_area_alone`), in no
    two districts: the area as their place, for any problem (an area said alone is where, as a street said alone
    is)."""
    if _two_districts(a, b):
        return None
    common = _area_alone(a) & _area_alone(b)
    return min(common) if common else None


@lru_cache(maxsize=1)
def _area_table() -> dict[str, str]:
    """Each name of ``[hotspots.areas]`` (insight.toml) → its area."""
    areas = load_settings().get("hotspots", "areas", {}) or {}
    return {name: area for area, names in areas.items() for name in (area, *names)}


def _other_complaints(only_a: frozenset[str], only_b: frozenset[str], symptoms: frozenset[str]) -> bool:
    """Each names a problem the other does not, and one of them is a symptom: a KTV's noise and its
    customers' parking, a stall's smoke and its noise. (Two causes the other lacks are left to the
    score: a long appeal often names a second cause in passing.)"""
    # two symptoms of one cause (the rubbish smells, the rubbish draws flies) are no two complaints
    return bool((only_a & symptoms and only_b - symptoms) or (only_b & symptoms and only_a - symptoms))


def _one_lead(a: Matter, b: Matter, complaints: frozenset[str]) -> bool:
    """Both name first one complaint they share (泔水倒进下水道，一股馊味 / 偷倒餐厨垃圾，地上油乎乎的: dumping):
    what each adds after it (a smell, the rubbish it leaves) is what that one problem does, not a second
    complaint. Never a stall or rubbish named first: a night market or a refuse point is where several
    complaints arise (the road it takes, its noise, its rubbish burnt beside it)."""
    return a.lead is not None and a.lead == b.lead and a.lead in complaints and a.lead not in _SETTING_LEADS


_SETTING_LEADS = frozenset({"stall", "garbage"})


# what rubbish left lying gives off itself: two of them told apart (垃圾站臭 / 垃圾站苍蝇到处飞) are one refuse point
# left uncollected, never two complaints
_GIVEN_OFF = frozenset({"odor", "pests"})


def _two_at_setting(a: Matter, b: Matter, pa: frozenset[str], pb: frozenset[str], symptoms: frozenset[str],
                    sources: frozenset[str]) -> bool:
    """Beside a setting both name, one names a complaint of its own in its lead's clause (neither a symptom, who
    causes it nor another setting: 烧垃圾 beside 垃圾站没人清运; what a later clause adds is what the setting does:
    小吃摊摆满了，油烟加垃圾), or each a symptom the other does not, not both something rubbish gives off (垃圾站臭 /
    垃圾站半夜吵; 垃圾桶臭 / 垃圾站苍蝇嗡嗡 stay one)."""
    only_a, only_b = pa - pb, pb - pa
    # (only beside rubbish: what a stall sells or leaves is the stall's own matter — 小摊卖三无零食 / 摊贩太多)
    rubbish = a.lead == b.lead == "garbage" or (pa & pb) == {"garbage"}
    own = ((only_a - a.later) | (only_b - b.later)) - symptoms - sources - _SETTING_LEADS if rubbish else frozenset()
    sa, sb = only_a & symptoms, only_b & symptoms
    # … and beside rubbish, a nuisance it does not give off (its trucks' noise at night, smoke) against rubbish told
    # without one (垃圾桶满了没人清): the flies' buzz (苍蝇嗡嗡) is the rubbish's own
    if rubbish and any(s - _GIVEN_OFF - ({"noise"} if "pests" in p else set()) for s, p in ((sa, pa), (sb, pb))):
        return True
    return bool(own or (sa and sb and not (sa | sb) <= _GIVEN_OFF and not (sa & _GIVEN_OFF and sb & _GIVEN_OFF)))


def _two_complaints_at_setting(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """Both lead with a setting (:data:`_SETTING_LEADS`: 垃圾站, 夜市) and complain of two things there
    (:func:`_two_at_setting`): no lead both name first as their complaint."""
    if a.lead not in _SETTING_LEADS or b.lead != a.lead:
        return False
    mods = lexicon.modifiers()
    pa, pb = a.concepts - mods, b.concepts - mods
    return _two_at_setting(a, b, pa, pb, lexicon.symptoms(), lexicon.sources())


def _weak_evidence(shared: frozenset[str], symptoms: frozenset[str], sources: frozenset[str]) -> bool:
    """Shared evidence that does not say what the problem is: a shared source (工地, KTV, 物业) with
    no shared complaint (a concept that is neither a symptom nor a source) and no shared symptom
    (工地 + 吵 is a complaint)."""
    if shared - symptoms - sources or (shared & sources and shared & symptoms):
        return False
    # a source alone is the setting, never the complaint (a symptom alone is: 户部巷夜市吵 / 户部巷
    # 夜里人声鼎沸 leave the source out, as citizens often do)
    return bool(shared & sources)


def content_score(a: Matter, b: Matter, settings: Settings | None = None, beside: float = 0.0) -> float:
    """:func:`content_evidence` as a score below 0.65: evidence of ``similar.content_evidence``
    (insight.toml) scores ``similar.threshold``; rare content alone never reaches ``auto_link`` (0.7),
    so the same citizen's repeat found by it is shown to the operator, never merged unseen. ``beside``: the
    score it is weighed against (the larger is taken); 0.0 where that is 0.65 or more, which it cannot beat
    (the terms, jieba's cut of each text, then never read: w24-speed)."""
    settings = settings or load_settings()
    at = float(settings.get("similar", "content_evidence", 0) or 0)
    if at <= 0:
        return 0.0
    need = float(settings.get("similar", "threshold", 0.42))
    if beside >= 0.65 > need:
        return 0.0
    ev = content_evidence(a, b)
    if ev <= 0:
        return 0.0
    half = at * (0.65 / need - 1)          # ev / (ev + half) × 0.65 = need at ev = at
    return 0.65 * ev / (ev + half)


# (w30-rep) the kinds of pest a citizen tells apart (老鼠 / 蚊子 / 蟑螂 / 苍蝇): one concept for all of them (their
# words together, concepts.toml ``pests``), but two appeals that are about pests and name two kinds are two matters
_PEST_KINDS = (("老鼠", "耗子", "鼠患", "灭鼠", "鼠洞", "鼠害"), ("蚊子", "蚊虫", "灭蚊", "孑孓"), ("蟑螂", "小强"),
               ("苍蝇", "灭蝇"), ("白蚁", "蛀"))


def _pest_kinds(m: Matter) -> frozenset[int]:
    """The kinds of pest (:data:`_PEST_KINDS`) an appeal about pests (named first) names."""
    if m.lead != "pests":
        return frozenset()
    return frozenset(n for n, words in enumerate(_PEST_KINDS) if any(w in m.residual for w in words))


def _two_pests(a: Matter, b: Matter) -> bool:
    """Both are about pests and name no kind in common (老鼠成灾 / 蚊子很多 at one estate)."""
    ka, kb = _pest_kinds(a), _pest_kinds(b)
    return bool(ka) and bool(kb) and not ka & kb


def problem_score(a: Matter, b: Matter, lexicon: Lexicon | None = None,
                  settings: Settings | None = None) -> tuple[float, tuple[str, ...]]:
    lexicon = lexicon or load_lexicon()
    if _aside_of_other(a, b, lexicon) or _aside_of_other(b, a, lexicon) or _two_pests(a, b):
        return _gram_similarity(a, b) * 0.5, ()
    score, shared = _problem_score(a, b, lexicon, settings)
    # the same problem named first: what both are about, whatever each adds after (the outage and the
    # stopped lift, the flood and the stalled bus); ``similar.lead_score`` (0: off)
    lead = float((settings or load_settings()).get("similar", "lead_score", 0) or 0)
    if lead and score < lead and a.lead is not None and a.lead == b.lead and a.lead not in lexicon.symptoms() and \
            not _two_complaints_at_setting(a, b, lexicon):
        # … when neither names a second problem of its own: only symptoms (臭, 蚊蝇, 堵车), who causes it
        # (物业) or when (a KTV's noise and its customers' parking stay two; so do a stall's traffic jam
        # and its rubbish)
        side = lexicon.modifiers() | lexicon.sources() | lexicon.symptoms()
        # … or the problem named first is an outage over the area (停电 … 电梯也停了, 黑漆漆, 线路): what else
        # each names is what the outage does
        # … or what else either names is what a problem does, said in passing (concepts.toml ``passing``)
        aside = side | lexicon.flagged("passing")
        # … or one names the problem alone and the other adds, in a later clause, what it leads to (渣土车撒
        # 了一地 / 撒得满地都是，一下雨就是泥浆; 楼顶违建 / 楼顶私搭乱建，楼下漏水): one complaint with its consequence
        ra, rb = a.concepts - aside, b.concepts - aside
        if a.lead in lexicon.areawide() or ra == rb == {a.lead} or \
                (a.lead not in aside and not _two_nuisances(a, b, lexicon) and
                 ((ra <= rb and rb - ra <= b.later | b.near) or (rb <= ra and ra - rb <= a.later | a.near))):
            return lead, tuple(sorted({*shared, a.lead}, key=lexicon.rank))
    return score, shared


def consequences(settings: Settings) -> dict[str, frozenset[str]]:
    """[similar.consequences] of insight.toml: a problem and what it leads to at its place (爆管 → 停水)."""
    return {k: frozenset(v) for k, v in (settings.get("similar", "consequences", {}) or {}).items()}


def consequence_links(settings: Settings) -> tuple[dict[str, frozenset[str]], dict[str, set[str]]]:
    """Each problem's consequences at its place (:func:`consequences`; none while ``similar.consequence_hours``
    is 0) and, the other way, each consequence's causes: the problem tags an appeal is looked up under beside
    its own (a burst pipe meets the outage it causes, an outage the burst pipe)."""
    effects = consequences(settings) if settings.get("similar", "consequence_hours", 0) else {}
    causes: dict[str, set[str]] = {}
    for cause, its in effects.items():
        for e in its:
            causes.setdefault(e, set()).add(cause)
    return effects, causes


def _cause_and_effect(a: Matter, b: Matter, lexicon: Lexicon, settings: Settings,
                      hours: float | None) -> tuple[str, ...]:
    """One appeal tells the cause (水管爆了, 树倒了压在电线上, 变压器冒烟), the other only what it does there
    (停水, 停电), within ``similar.consequence_hours`` (0: off): one matter, told from two ends. The cause's
    side names nothing but causes of that consequence (and the consequence), the other side nothing but the
    consequence; neither a symptom (a transformer's hum is no outage). () when they are not so."""
    within = float(settings.get("similar", "consequence_hours", 0) or 0)
    if not within or (hours is not None and hours > within):
        return ()
    table = consequences(settings)
    if not table:
        return ()
    mods = lexicon.modifiers()
    pa, pb = a.concepts - mods, b.concepts - mods
    for cause_side, effect_side in ((pa, pb), (pb, pa)):
        causes = [c for c in cause_side if c in table]
        if not causes or not effect_side:
            continue
        effects = frozenset().union(*(table[c] for c in causes))
        companions = frozenset(settings.get("similar", "consequence_companions", []) or [])
        if effect_side <= effects and cause_side <= effects | set(causes) | companions:
            if (pa | pb) & lexicon.symptoms():
                return ()
            return tuple(sorted({*causes, *effect_side}, key=lexicon.rank))
    return ()


@lru_cache(maxsize=1)
def _area_causes() -> frozenset[str]:
    """(w21-rep) The problems whose consequence ([similar.consequences]) is over an area (爆管 → 停水, 线路 → 停电):
    an appeal naming one reads the areas of its places, as an outage's does."""
    settings = load_settings()
    if not settings.get("similar", "consequence_hours", 0):
        return frozenset()
    areawide = load_lexicon().areawide()
    return frozenset(c for c, effects in consequences(settings).items() if effects & areawide)


# (w23-rpw2) where a cause is told to be inside one building (楼道里的水管漏水, 家里水管爆了): its building's, not the area's
_INDOORS = re.compile(r"楼道|家里|屋里|厨房|卫生间|厕所里|楼上|楼顶|天花板|楼梯间|管道井")


def _cause_indoors(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """(w23-rpw2) One names no outage and tells its cause inside one building (楼道里的水管漏水了)."""
    return any(not m.concepts & lexicon.areawide() and bool(_INDOORS.search(m.residual + "".join(m.places)))
               for m in (a, b))


# (w28-rpb) a pipe that has burst or sprays (爆, 破, 裂, 喷, 冒): a leak that may cut a building's or an estate's water
_BURST = re.compile(r"爆|破|裂|断|喷|冒|涌|射|水柱|哗哗")


def _seeping_indoors(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """(w28-rpb) The one of the two naming no outage tells a leak that only seeps or drips (漏水, 渗水, 滴水), nothing
    burst: a stairwell's or a flat's drip is no cause of the estate's water cut."""
    return any(not m.concepts & lexicon.areawide() and _BURST.search(m.residual) is None for m in (a, b))


def _cause_over_the_area(a: Matter, b: Matter, lexicon: Lexicon, settings: Settings, hours: float,
                         score: float, shared: tuple[str, ...]) -> tuple[str | None, float, tuple[str, ...]]:
    """(w21-rep) One tells a cause at a road or place of an area (吴家山金山大道上水管爆了), the other the outage it
    leads to at an estate of that area (吴家山这边的海口新村没水了), within ``similar.area_hours`` and
    ``similar.consequence_hours``: the area, with the cause and its outage as what they share."""
    told = _cause_and_effect(a, b, lexicon, settings, hours)
    if not told or not set(told) & lexicon.areawide():
        return None, score, shared
    if _cause_indoors(a, b, lexicon):
        return None, score, shared      # (w23-rpw2) a leak in a building's stairwell or a flat is no cause over the area
    area = _shared_area(a, b)
    if area is None:
        return None, score, shared
    return area, max(score, float(settings.get("similar", "lead_score", 0.5) or 0.5)), told


# (w23-rep) the cause of an outage said as heard to be on the road outside (听说是外面大路上电线烧了, 说是外面的管子破了,
# 听说是外面树倒了把线搞断了): the words that tell it heard, then the outside within a few characters
_CAUSE_OUTSIDE = re.compile(r"(?:听说|据说|说是|好像是|估计是|可能是|原来是)[^，,。！？!?]{0,3}?(?:外面|外头|门口的?马路|马路上|大路上)")


def _told_outside(m: Matter) -> bool:
    """Tells its outage's cause as heard to be outside, and names no road (its road is the one outside)."""
    return m.outside and not any(_is_road(p) for p in m.places)


def _road_cause(m: Matter) -> bool:
    """Names a road and nothing finer (no estate, building or landmark): a cause on the road (友谊大道上电线着火了)."""
    return not m.outside and not m.elsewhere and any(_is_road(p) for p in m.places) and not _fine_names(m.places) \
        and not any(p in _table_places() for p in m.places)


def _outside_keys(m: Matter, lookup: bool) -> list[str]:
    """(w23-rep) The keys by which an outage told with its cause outside meets the cause told on a road, and back."""
    mine = "xo:out" if _told_outside(m) else "xo:road" if _road_cause(m) else ""
    if not mine:
        return []
    return [{"xo:out": "xo:road", "xo:road": "xo:out"}[mine] if lookup else mine]


def _cause_outside(a: Matter, b: Matter, lexicon: Lexicon, settings: Settings,
                   hours: float | None) -> tuple[str | None, tuple[str, ...]]:
    """(w23-rep) One tells its outage at an estate or area and its cause as heard to be outside (福星城停电了，听说是
    外面大路上电线烧了), the other that cause on a road and nothing finer (友谊大道上那根电线杆子着火了), within
    ``similar.area_hours`` and ``similar.consequence_hours``, not in two districts nor streets (where it names a landmark,
    only a road the landmark stands on): the road, with the cause (and the
    outage) as what they share. The cause must be one both name (a flooded road is no burst main heard of)."""
    within = min(float(settings.get("similar", "area_hours", 0) or 0),
                 float(settings.get("similar", "consequence_hours", 0) or 0))
    if hours is None or hours > within or _two_districts(a, b):
        return None, ()
    causes = _area_causes()
    mods = lexicon.modifiers()
    for x, y in ((a, b), (b, a)):
        if not (_road_cause(x) and _told_outside(y)) or y.elsewhere:
            continue
        if x.street and y.street and x.street != y.street:
            continue
        marks = [p for p in y.places if p in _table_places()]
        roads = [p for p in x.places if _is_road(p)]
        if marks and not any(r in load_landmarks().on.get(p, ()) for p in marks for r in roads):
            continue            # a landmark's outside is its own road (销品茂: 徐东大街), not another of the district
        if not (y.concepts & lexicon.areawide()) or (x.concepts | y.concepts) & lexicon.symptoms():
            continue
        shared = (x.concepts & y.concepts & causes) - mods
        if not shared and x.concepts & y.concepts & lexicon.areawide():
            # … or, where the road's side names the outage too (树枝压断了电线), what brought it about (a fallen tree)
            shared = x.concepts & y.concepts - mods - lexicon.areawide() - lexicon.symptoms()
        if not shared:
            continue
        return next(p for p in x.places if _is_road(p)), tuple(sorted(shared | (y.concepts & lexicon.areawide()),
                                                                      key=lexicon.rank))
    return None, ()


@lru_cache(maxsize=1)
def _landmarks_at() -> dict[frozenset[str], tuple[str, ...]]:
    """(w23-rep) Each crossing of landmarks.toml's `at` → the landmarks the table sets at it."""
    out: dict[frozenset[str], list[str]] = {}
    for place, crossings in load_landmarks().at.items():
        for c in crossings:
            out.setdefault(c, []).append(place)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _crossing_said(m: Matter) -> frozenset[str] | None:
    """The two roads of the crossing an appeal names: its crossing (新华路和青年路路口), or its only places when they are two
    roads said together (中山大道前进五路那一段)."""
    if m.crossing:
        return frozenset(m.crossing)
    if len(m.places) == 2 and all(_is_road(p) for p in m.places):
        return frozenset(m.places)
    return None


def _crossing_key(roads: frozenset[str]) -> str:
    return "x:" + "|".join(sorted(roads))


def _at_keys(m: Matter) -> list[str]:
    """(w23-rep) The keys by which a landmark meets the crossing it stands at (landmarks.toml `at`), and back."""
    at = load_landmarks().at
    out = [_crossing_key(c) for p in m.places for c in at.get(p, ())]
    cross = _crossing_said(m)
    if cross is not None and cross in _landmarks_at():
        out.append(_crossing_key(cross))
    return out


def _landmark_at_crossing(a: Matter, b: Matter) -> str | None:
    """(w23-rep) The landmark ``a`` names that ``b`` names by the crossing it stands at (landmarks.toml `at`: 光谷广场 /
    珞喻路鲁磨路口): a crossing is one spot, so :func:`compare` asks the plain threshold. Only where the table sets that
    one landmark at that crossing, and ``b`` names no landmark of the table nor a finer place, not in two districts."""
    if a.elsewhere or b.elsewhere or _two_districts(a, b):
        return None
    cross = _crossing_said(b)
    found = _landmarks_at().get(cross, ()) if cross is not None else ()
    if len(found) != 1 or found[0] not in a.places:
        return None
    if any(q in _table_places() for q in b.places) or _fine_names(b.places):
        return None
    return found[0]


def _one_fine(a: Matter, b: Matter) -> bool:
    """Neither names an estate, building or landmark the other does not say too: the place both name is the
    place of each (an area both begin with is not, where one names an estate in it)."""
    return _one_fine_of(a.places, b.places)


@lru_cache(maxsize=100_000)     # by the places it reads: compare asks it of every pair at one place, a long letter's many
def _one_fine_of(pa: tuple[str, ...], pb: tuple[str, ...]) -> bool:
    fa, fb = _fine_names(pa), _fine_names(pb)
    return not (fa or fb) or any(_same_fine(p, q) for p in fa for q in fb)


def _two_nuisances(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """Each names a symptom the other does not (夜市占道，天天堵车 / 夜市太吵了): two complaints of one setting."""
    sa, sb = a.concepts & lexicon.symptoms(), b.concepts & lexicon.symptoms()
    return bool(sa - sb and sb - sa)


# (w25-rep) what gives off a nuisance a citizen senses: a smell named first and one of these after it is that thing's smell
_GIVES_OFF = {"odor": frozenset({"gas", "sewage", "toilet", "livestock", "burning", "garbage", "pollution", "tap_water"})}


# (w21-rep) words that tell a cause heard or known (听说前面倒了棵树, 说是外面的管子破了, 原来是…)
_CAUSE_TOLD = re.compile(r"听说|据说|说是|原来是|是因为|因为|由于")


def _aside_of_other(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """``a`` is about a problem ``b`` never names, and all ``b`` complains of is a thing often named in passing
    (concepts.toml ``passing``: 公交车, 电梯, 路灯) that ``a`` adds in a later clause (积水严重，公交车都熄火了 /
    公交站的站牌被撞坏了): two matters that meet only in ``a``'s aside. (Any concept of ``a``'s later clauses
    instead of the passing ones also parted 烧烤油烟太重了，还占了人行道 / 门口乱停车, but cost repeats on a clean part.)"""
    if a.lead is None or b.lead is None or a.lead == b.lead or a.lead in b.concepts or a.lead in lexicon.areawide():
        return False            # (an outage's lift, lights and water are the outage's)
    pb = b.concepts - lexicon.modifiers()
    if a.lead in lexicon.symptoms():
        # … or a nuisance (油烟, 吵) and something else it adds (还占了人行道) / that other thing alone (门口乱停车);
        # not where it tells what the other is as its cause (路堵死了，听说前面倒了棵树: w21-rep), nor where what it
        # adds is what gives that nuisance off (一股臭鸡蛋味，燃气表嘶嘶响 / 燃气泄漏: the smell is the gas's; w25-rep)
        return bool(pb) and pb <= a.later and not pb & lexicon.symptoms() and not _CAUSE_TOLD.search(a.residual) \
            and not pb <= _GIVES_OFF.get(a.lead, frozenset())
    return bool(pb) and pb <= a.later & lexicon.flagged("passing")


def _gram_similarity(a: Matter, b: Matter) -> float:
    """How much of their wording two appeals share: the cosine of their bigram sets."""
    return (len(a.grams & b.grams) / math.sqrt(len(a.grams) * len(b.grams))) if a.grams and b.grams else 0.0


# what is let or poured into a lake or river (污水, 泔水, 偷排): said of the water by both, the water's pollution
_INTO_WATER = frozenset({"sewage", "dumping", "pollution"})


def _into_water(pa: frozenset[str], pb: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Two appeals that both speak of a body of water (湖里, 水面, 水发黑) and tell what fouls it by its act (往湖里
    倒泔水) or by what it lets in (排污水): one pollution of the water, whichever of them each names."""
    if "water_body" not in pa or "water_body" not in pb or "garbage" in pa or "garbage" in pb:
        return pa, pb           # … what is poured, not litter thrown in (乱扔垃圾 is another matter)
    return pa - _INTO_WATER, pb - _INTO_WATER


# a passage under the ground or a road (a pedestrian underpass, a tunnel, a bridge's opening, a garage): the water
# that stands in it is what its leak does, and the leak what floods it (地下通道积水 / 地下通道漏水，地上全是水)
_PASSAGES = ("地下通道", "地道", "人行通道", "过街通道", "下穿", "隧道", "桥洞", "涵洞", "地下车库", "地库", "地下室")
_FLOOD_LEAKS = frozenset({"pipe_burst", "housing"})


def _water_in_passage(pa: frozenset[str], pb: frozenset[str], a: Matter, b: Matter) -> tuple[frozenset[str], frozenset[str]]:
    """Two appeals at one passage (:data:`_PASSAGES`), one of water standing in it (flooding) and the other of water
    leaking into it (漏水, 渗水): one matter of water in the passage — the leak is read as the flooding."""
    if not (("flooding" in pa and pb & _FLOOD_LEAKS) or ("flooding" in pb and pa & _FLOOD_LEAKS)):
        return pa, pb
    if not all(any(w in m.residual for w in _PASSAGES) for m in (a, b)):
        return pa, pb
    return ((p - _FLOOD_LEAKS) | {"flooding"} if p & _FLOOD_LEAKS else p for p in (pa, pb))


def _work_at_night_beside_another(pa: frozenset[str], pb: frozenset[str], said: frozenset[str], sources: frozenset[str],
                                  lexicon: Lexicon) -> bool:
    """One names only a source at a time of day (工地晚上打桩: its work at night, a nuisance it makes), the other a
    complaint of its own that is no nuisance a source makes (渣土车闯红灯, 超速: no symptom): two matters."""
    bare, told = (pa, pb) if not pa - sources else (pb, pa)
    if bare - sources or not said & lexicon.modifiers():
        return False
    complaints = told - sources
    return bool(complaints) and not complaints & lexicon.symptoms()


# one thing each of two appeals names by another of its parts (w24-rep): (the concept both name, what each may name of
# it, what that is read as — None: nothing, it is the thing's own). With a reading, only where each names one of them.
# - a kitchen: an eatery's smell told by one (火锅店的味道熏得满屋牛油味) and its fumes by the other (排风扇对着窗户吹,
#   排烟) are one nuisance of that kitchen, never two complaints;
# - a spill: what drops a load on the road is a truck, whether it is called the works' (渣土车, 拉土的车: construction)
#   or just a big vehicle (大车, 货车: trucks): two appeals of one spill name one source;
# - burning: two appeals that both tell a fire in the open (烧垃圾 / 焚烧塑料 / 露天烧东西) are one burning whether each
#   names what burns (垃圾), its smoke (黑烟, 烟飘到) or its smell (刺鼻)
_ONE_THING: tuple[tuple[str, frozenset[str], str | None], ...] = (
    ("eatery", frozenset({"fumes", "odor"}), "fumes"),
    ("spill", frozenset({"trucks", "construction"}), "construction"),
    ("burning", frozenset({"garbage", "pollution", "odor", "fumes"}), None),
    # (w26-rep) broken steps told by their tiles (台阶瓷砖碎了 / 楼梯地砖破了): the tiles are the steps', no facade or road
    ("steps", frozenset({"facade", "road_damage"}), None),
    # (w26-rep) a thing thrown from a building told by what it was (扔垃圾, 剩饭) or what it hit (砸到车): the throwing
    ("high_throw", frozenset({"garbage", "dumping", "facade"}), None),
    # (w26-rep) a stop's shelter told by the bus it serves or the panel that hangs from it: the shelter
    ("bus_shelter", frozenset({"bus", "facade"}), None),
    # (w26-rep) people sleeping rough told by the shack, the rubbish or the fire of their camp (桥下搭棚子住, 晚上还生火)
    ("homeless", frozenset({"garbage", "dumping", "burning", "illegal_building"}), None),
    # (w26-rep) a sewer told by the water standing where it spills (下水道堵了，路上积了一大滩 / 下水道冒臭水): the sewer (not a
    # leak it is told with: a burst main beside a sewer stays two)
    ("sewage", frozenset({"flooding"}), None),
    # (w28-rep) a hall too hot told by its air conditioning or by the wait in it (站厅空调不开 / 等车汗流浃背): the heat
    ("stuffy", frozenset({"vehicle_aircon", "bus"}), None),
    # (w28-rep) a broken downpipe told by the wall it hangs on or the water it pours (外墙的雨水管 / 水从三楼往下冲): the pipe
    ("downpipe", frozenset({"facade", "flooding"}), None),
    # (w28-rep) a sprinkler told by the water it throws (喷灌 / 水管乱喷): watering, no burst main
    ("sprinkler", frozenset({"pipe_burst", "flooding"}), None),
    # (w28-rep) a toilet told by what fills it (蹲坑里堆满了): the toilet, no refuse point
    ("toilet", frozenset({"garbage"}), None),
    # (w28-rep) an instrument played told as a public performer's (打鼓, 二胡: square_dance's words too): the instrument
    ("instrument", frozenset({"square_dance"}), None),
    # (w28-rep) a refuse lorry's leachate told by the road it marks or the smell it leaves: the lorry's dripping
    ("leachate", frozenset({"garbage", "pollution", "sewage", "odor", "road_damage"}), None),
)


def _one_thing(pa: frozenset[str], pb: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Both name a thing of :data:`_ONE_THING` and say of it in other parts: each part read as the one reading."""
    for thing, parts, read in _ONE_THING:
        if thing in pa and thing in pb and (read is None or (pa & parts and pb & parts)):
            pa, pb = ((p - parts) | {read} if read is not None and p & parts else p - parts for p in (pa, pb))
    return pa, pb


def _problem_score(a: Matter, b: Matter, lexicon: Lexicon, settings: Settings | None) -> tuple[float, tuple[str, ...]]:
    mods = lexicon.modifiers()
    pa, pb = _into_water(a.concepts - mods, b.concepts - mods)
    pa, pb = _water_in_passage(pa, pb, a, b)
    pa, pb = _one_thing(pa, pb)
    if pa & pb & lexicon.symptoms() and lexicon.kin:
        # one symptom of a cause each names by a concept of one family (夜市吵 / 大排档噪音): one cause
        pa, pb = (frozenset(lexicon.kin.get(k, k) for k in p) for p in (pa, pb))
    shared = pa & pb
    grams = _gram_similarity(a, b)
    if not (pa and pb):
        # one of them names no problem we know: its wording is all there is — shared bigrams, or rare
        # content beyond the setting (only ever counted at one concrete place)
        return max(grams, content_score(a, b, settings, beside=grams)), ()
    sources = lexicon.sources()
    if shared and shared <= sources and (pa - sources or pb - sources):
        # they share only who or what causes it (the building site, the KTV, the management): the
        # complaints decide. Two different complaints are two matters; one complaint against a bare
        # mention of the source counts half a shared concept, and the wording decides
        if pa - sources and pb - sources:
            return grams * 0.5, ()
        # … and when both say it happens (夜里, 半夜: a site at night is its complaint), that counts too, as below
        both_mods = a.concepts & b.concepts & mods
        if _work_at_night_beside_another(pa, pb, a.concepts | b.concepts, sources, lexicon):
            return grams * 0.5, ()
        return max(grams, 0.65 * 0.5 + 0.35 * grams + 0.1 * len(both_mods)), \
            tuple(sorted(shared | both_mods, key=lexicon.rank))
    symptoms = lexicon.symptoms()
    if _other_complaints(pa - pb, pb - pa, symptoms) and not _one_lead(a, b, shared - symptoms - sources):
        # one complains of a symptom (吵) the other does not, the other of a problem of its own (乱停车):
        # what they share is the setting (the KTV both name), not the complaint
        return grams * 0.5, ()
    if shared and shared <= _SETTING_LEADS and _two_at_setting(a, b, pa, pb, symptoms, sources):
        # all they share is the setting where several complaints arise (a refuse point, a night market: the same
        # :data:`_SETTING_LEADS` :func:`_one_lead` never takes as the complaint), and one names a complaint of its
        # own there (rubbish burnt beside it) or each a nuisance the other does not (its stink / its trucks' noise
        # at night): two matters at one place (w21-rpw)
        return grams * 0.5, ()
    if shared and shared <= lexicon.flagged("passing") and bool((pa - pb) & symptoms) != bool((pb - pa) & symptoms):
        # all they share is a thing often named as the setting (电梯, 公交车, 学校), and one of them complains
        # of what it does there (吵, 臭): a lift that is broken and a lift's advertising screen that blares
        # are two complaints
        return grams * 0.5, ()
    sa, sb = pa - symptoms, pb - symptoms
    if sa and sb:
        # both say what causes it: the causes decide (垃圾 and 垃圾 + 臭 are one problem; a KTV and a
        # building site are two, however loud both are)
        if not sa & sb:
            return grams * 0.5, ()
        pa, pb = sa, sb
    if not shared:
        return grams * 0.5, ()
    if _weak_evidence(shared, symptoms, sources):
        # all they share is a source (工地): the complaints may be in words the concepts do not know
        # (a site working at night beside a site fencing off the pavement). Half a shared concept:
        # the wording must agree too — or both say when it works (工地晚上十二点还在施工 / 工地半夜切割机吱吱吱:
        # a site at night is its complaint, as above; w24-rep)
        both_mods = a.concepts & b.concepts & mods
        return max(grams, 0.65 * 0.5 + 0.35 * grams + 0.1 * len(both_mods)), \
            tuple(sorted(shared | both_mods, key=lexicon.rank))
    # who causes it, named by one side only (物业不管, 工地的), is all they differ in: one complaint
    alone = (pa ^ pb) & sources
    if alone and (pa & pb) - sources - symptoms and pa - alone == pb - alone:
        pa, pb = pa - alone, pb - alone
    dice = 2 * len(pa & pb) / (len(pa) + len(pb))
    both_mods = a.concepts & b.concepts & mods
    dice = min(1.0, dice + 0.1 * len(both_mods))
    score = max(grams, 0.65 * dice + 0.35 * grams)
    return score, tuple(sorted(shared | both_mods, key=lexicon.rank))


# (w25-rep) what an appeal likens its problem to (水细得像根线, 一股酸臭味，像烂泔水, 闻起来像游泳池, 马路上像条小河)
# is no problem of its own: a concept named only inside such a likeness is left out when the appeal names a
# problem outside it (好像 / 像是 say "seems", 不像话 "outrageous": no likeness)
_LIKENESS = re.compile(r"(?<![好就])像(?![是话样])[^，。！？,.!?；;\s像]{1,6}?(?:一样|似的|一般|的|(?=[，。！？,.!?；;\s]|$))"
                       r"|(?<![一也都])(?<!声音)(?<!响声)(?<!动静)(?<!噪音)跟[^，。！？,.!?；;\s跟]{1,6}?(?:一样|似的)")   # (w27-rep) … or 跟X一样 (那边跟放鞭炮一样; a sound likened: _SOUND_LIKENED)
# (w25-rep) water told weak by how it comes out (水细得像根线, 龙头只会滴, 水小得可怜, 水流有气无力) or by what
# needs it and cannot work (热水器打不燃, 水箱半天灌不满, 洗衣机报进水故障): the supply's pressure, as 水压小 says it
_WEAK_WATER = re.compile(r"(?:水|龙头|水流)[^，。！？,.!?；;\s]{0,5}?(?:细得|好细|很细|太细|细细|小得可怜|小得很|有气无力|"
                         r"只会滴|只滴|滴滴答答|一滴一滴|像筷子|筷子那么细|跟线一样|像根线)"
                         r"|(?:热水器|燃气热水器)[^，。！？,.!?；;\s]{0,4}?(?:打不燃|点不着|点不燃|不点火|打不着)"
                         r"|(?:水箱|马桶)[^，。！？,.!?；;\s]{0,4}?灌不满|进水故障|洗衣机[^，。！？,.!?；;\s]{0,6}?(?:进不了水|不进水|进水慢)")
# (w25-rep) a thing set alight said by what burns (烧电线, 烧塑料, 烧废品): the burning, not the thing (no cable hanging)
_BURNT = re.compile(r"(?<![燃发退])烧(?:了|掉)?(?:一些|好多|一堆|一大堆)?(?:电线|电缆|线缆|线皮|塑料|橡胶|泡沫|废品|油毡|木头|纸箱|纸壳|衣服)")
# (w25-rep) a drain's opening choked with what the water brings (下水口全是树叶, 雨水篦子被垃圾塞满了, 水排不出去): the
# drain, not the trees or the rubbish
_DRAIN_CHOKED = re.compile(r"(?:下水口|排水口|雨水口|雨水篦子|篦子|下水道口|进水口)[^，。！？,.!?；;\s]{0,6}?(?:树叶|落叶|垃圾|泥沙|杂物|塑料袋)"
                           r"|(?:树叶|落叶|垃圾|泥沙|杂物|塑料袋)[^，。！？,.!?；;\s]{0,4}?(?:塞|堵)[^，。！？,.!?；;\s]{0,4}?(?:下水口|排水口|雨水口|篦子|下水道)"
                           r"|(?:下水口|排水口|雨水口|雨水篦子|篦子)[^，。！？,.!?；;\s]{0,6}?(?:塞满|堵死|堵住|堵了)|水(?:就|都)?排不(?:出去|走|掉)")
# (w25-rep) the supply's water told by its taste or an earthy smell (水龙头里流出来的水一股泥巴味, 自来水有一股土腥味,
# 家里水有怪味): its quality, as :data:`_WATER_SMELL` reads a smell named as such
_WATER_TASTE = re.compile(r"(?:自来水|水龙头|龙头里|流出来的水|放出来的水|家里水|屋里水|家里的水|屋里的水|烧开的水)"
                          r"[^，。！？,.!?；;\s]{0,8}?(?:腥味|泥巴味|泥味|土味|霉味|怪味|异味|味道怪|味道不对|发苦|苦味|涩)")
# (w25-rep) the water said first and, later in the sentence, that it does not come (屋里的自来水啊，从中午开始就一直没来):
# a water cut, whoever is not said to come (没人来修 is someone, not the water)
_WATER_NOT_COME = re.compile(r"(?:自来水|水)[^。！？.!?；;人师傅修员工]{0,14}?(?:一直|还|都|就|也)?(?:没|不)(?:有)?来")
# (w25-rep) a sound told by its own syllables said twice (嘭嚓嘭嚓, 咚咚锵咚咚锵, 轰隆轰隆): a noise heard, whatever makes it
_SOUNDED = re.compile(r"([嘭嚓咚锵哐咣轰隆嗡滋吱叮当砰啪乒乓哗嘀嘟呜突]{2,3})\1")
# (w26-rep) a sound told by what it is like (声音跟拖拉机一样, 响声像打雷似的, 动静好像放鞭炮): a noise heard, whatever it is
# likened to (the likeness itself names no problem: :data:`_LIKENESS`)
_SOUND_LIKENED = re.compile(r"(?:声音|响声|动静|噪音|那个响)[^，。！？,.!?；;\s]{0,3}?(?:跟|像|好像|和|如同)[^，。！？,.!?；;\s]{1,8}?"
                            r"(?:一样|似的|差不多|一般)")
# (w26-rep) a car park's gate told by what it does at the exit (车库出口排了长龙，刷卡扫码都没反应; 停车场出口抬不起杆): its barrier
_GATE_TOLD = re.compile(r"(?:车库|停车场)[^，。！？,.!?；;\s]{0,6}?(?:出口|入口|门口|进口)[^。！？.!?；;\s]{0,10}?"
                        r"(?:刷卡|扫码|刷不|扫不|抬不|不抬|起不来)")
# (w26-rep) greens turned into a vegetable plot told by what grows there (花坛里全是葱和白菜, 绿化带里种满了辣椒)
_PLOT_TOLD = re.compile(r"(?:花坛|绿化带|草坪|绿地|花池|树池)[^，。！？,.!?；;\s]{0,6}?(?:葱|蒜|白菜|青菜|辣椒|茄子|豆角|南瓜|丝瓜|菜苗)")
# (w26-rep) a manhole told by the stench or the dirty water it lets out (窨井盖缝里往外冒臭气, 井盖下面冒黑水): the sewer,
# not the road's cover
_MANHOLE_SMELLS = re.compile(r"(?:窨井|井盖|下水井|检查井|污水井)[^，。！？,.!?；;\s]{0,6}?(?:冒|往外|溢|反)[^，。！？,.!?；;\s]{0,3}?"
                             r"(?:臭|黑水|脏水|污水|粪水)")
# (w25-rep) fowl kept at home told by keeping them (养了一群鸡, 喂了几只鸭子) or by what they leave (公鸡打鸣, 鸡屎)
_FOWL_KEPT = re.compile(r"(?:养|喂)了?(?:一|几|好几|好多|十几|一大)?(?:群|只|窝|笼)?(?:鸡|鸭|鹅|鸽子|兔子|猪)"
                        r"|公鸡[^，。！？,.!?；;\s]{0,4}?(?:打鸣|叫)|(?:鸡|鸭|鹅)屎")

# (w27-rep) a problem read by what it is on or of, not by one word. A bus stop's sign said as the stop's 牌子 (公交站那个
# 牌子倒了, 车站的牌子被撞弯了): the stop's, as 站牌被撞 says it (its sign among the stop's things: _STOP_THINGS)
_SIGN_AT_STOP = re.compile(r"站(?:台|点)?[^，。！？,.!?；;\s]{0,4}?牌子(?:被[^，。！？,.!?；;\s]{0,3}?)?(?:倒|歪|撞|弯|掉|断|没了|不见)")
# (w27-rep) water dripping from a car park's ceiling, or told by the marks it leaves on the cars (车上全是水渍, 车顶上全是
# 黄色的水印子, 滴到车上): the car park's leak, no home's (水渍 is housing's word for a ceiling at home); a leak still
_CARS_SPOTTED = re.compile(r"(?:停车场|车库|地库)[^。！？.!?；;]{0,6}?(?:顶上|顶棚|顶板|上面|楼板|天花板|顶)[^。！？.!?；;]{0,8}"
                           r"(?:滴水|漏水|渗水|滴|漏|掉)"
                           r"|车(?:上|顶|身|头|盖|窗|玻璃|漆)[^，。！？,.!?；;\s]{0,8}?(?:水渍|水印|水迹|斑点|印子|漆都花|花了)"
                           r"|(?:滴|漏|掉|落)[^，。！？,.!?；;\s]{0,2}?(?:到|在)车(?:上|顶|身)")
# (w27-rep) a meter or distribution box told open or its wires bare (电表箱门掉了，电线露在外面; 配电箱敞着，下雨往里面灌水):
# the box, no cable hanging, no road's cover missing, no flood
_BOX_OPEN = re.compile(r"(?:电表箱|配电箱|电箱|电表柜|配电柜|表箱)[^。！？.!?；;]{0,12}(?:门|盖|敞|开着|露|线|触电|漏电|灌水)")
# (w27-rep) children crammed into the car that takes them to school (面包车塞了十几个小孩, 用私家车接孩子): its school bus,
# no parking
_CHILDREN_CRAMMED = re.compile(r"(?:面包车|私家车|校车|接送车|三轮车|电三轮|电动三轮)[^。！？.!?；;]{0,10}?(?:塞|挤|装|拉)"
                               r"[^。！？.!?；;]{0,8}?(?:小孩|孩子|学生|娃|伢|小朋友)"
                               r"|(?:私家车|面包车|三轮车)[^，。！？,.!?；;\s]{0,4}?接送?(?:孩子|小孩|学生|小朋友)"
                               r"|(?:校车|接送车|面包车)[^，。！？,.!?；;\s]{0,4}?超载")
# (w27-rep) a train's, a bus's or a carriage's temperature told by how it feels inside (车厢里冷得像冰窖, 4号线里面温度太低):
# its air conditioning
_RIDE_TEMPERATURE = re.compile(r"(?:地铁|公交|车厢|车上|车里|号线|轻轨|出租车|的士)[^，。！？,.!?；;\s]{0,8}?"
                               r"(?:冷得|冻得|太冷|好冷|很冷|冰窖|冷死|热得|太热|好热|闷热|热死|温度太低|温度太高|温度低|温度高|冷飕飕)")
# (w27-rep) litter told lying in a lake or river (饮料瓶方便面盒子泡在水里): the water's, no flood
_LITTER_AFLOAT = re.compile(r"(?:瓶|盒|袋|垃圾|泡沫|罐)[^，。！？,.!?；;\s]{0,4}?(?:泡在水里|漂在水上|漂在水面|浮在水面|泡在湖里|泡在河里)")
# (w27-rep) a sweeper's or sprinkler's music at dawn (洒水车早上五点就放音乐, 环卫车每天清早唱歌): the lorry's, no dance
# nor a venue's singers
_SWEEPER_MUSIC = re.compile(r"(?:洒水车|环卫车|清扫车|扫地车|洗扫车|扫路车)[^。！？.!?；;]{0,12}?(?:放音乐|放歌|唱歌|音乐|歌)")
# (w27-rep) a building's walls told cracking (墙上裂了条大缝, 楼墙就开裂了): its fabric
_WALL_CRACKED = re.compile(r"(?:墙|楼|房子|房屋)[^，。！？,.!?；;\s震]{0,4}?(?:裂了|裂开|开裂|裂缝|裂成|裂得)")   # (not 震出裂缝: what shakes it)

# (w29-rep) rain coming into a home told by the room or the ceiling it drips from (我家天花板一下雨就往下滴水, 一下雨屋里
# 就渗水) or by the inner wall it soaks (墙皮都泡掉了): the building's roof, no flood, no burst pipe, no façade falling
_RAIN_INDOORS = re.compile(r"(?:我家|家里|屋里|房间|卧室|客厅|天花板|屋顶|楼顶|顶楼|顶层)[^。！？.!?；;]{0,10}?(?:下雨|落雨)"
                           r"[^。！？.!?；;]{0,6}?(?:滴水|漏水|渗水|往下滴|滴|漏|渗)"
                           r"|(?:下雨|落雨)[^。！？.!?；;]{0,6}?(?:我家|家里|屋里|房间|卧室|墙)[^。！？.!?；;]{0,6}?(?:滴|漏|渗|湿)"
                           r"|墙皮[^，。！？,.!?；;\s]{0,3}?(?:泡|鼓|发霉|长霉|湿)")
# (w29-rep) a charging post told as an e-bike's (电动车充电桩, 电瓶车充电的插座) or by the battery it leaves empty (电瓶车充
# 了一晚上还是空的): the post, no e-bike charged in a stairwell (fire_risk's 电动车充电), no prepaid card topped up (充了)
_CHARGING_POST = re.compile(r"(?:电动车|电瓶车|电车)?充电的?(?:那个|那排|那几个)?(?:桩|站|插座|插头|口子)"
                            r"|(?:电动车|电瓶车|电车|电池|电瓶)充了[^，。！？,.!?；;\s]{0,6}?(?:还是空|没充进|充不进|不满|冇充|没电)")
# (w29-rep) a roof tank or cistern the taps draw from told dirty, open or wished cleaned (二次供水水箱太脏了, 蓄水池盖子都冇
# 得，树叶鸟屎都掉进去了, 清洗一下楼顶水箱): the supply's water, no water cut (二次供水), no road's cover, no tree, no pests
_TANK_DIRTY = re.compile(r"(?:二次供水的?)?(?<!马桶)(?:水箱|蓄水池|储水池|蓄水箱|水池子)[^。！？.!?；;]{0,12}"
                         r"(?:脏|虫|树叶|鸟屎|死老鼠|青苔|绿毛|没盖|盖子|没洗|冇洗|清洗|消毒)"
                         r"|(?:清洗|洗一下|消毒)[^，。！？,.!?；;\s]{0,6}?(?:水箱|蓄水池|储水池)")

# (w25-rep) each shape, the words one of which a text must hold for it to be tried, the concept it tells and the concepts
# the words inside it read that are its concept's instead (no flood from 洗衣机进水, no cable from 烧电线), in order
_SHAPES_TOLD: tuple[tuple[re.Pattern[str], tuple[str, ...], str, tuple[str, ...]], ...] = (
    (_WEAK_WATER, ("水", "龙头"), "water_out", ("flooding", "wires", "sewage")),
    (_BURNT, ("烧",), "burning", ("wires",)),
    (_DRAIN_CHOKED, ("口", "篦", "排不", "下水道"), "sewage", ("tree", "garbage")),
    (_WATER_TASTE, ("水",), "tap_water", ("odor",)),
    (_WATER_NOT_COME, ("来",), "water_out", ()),
    (_SOUNDED, tuple("嘭嚓咚锵哐咣轰隆嗡滋吱叮当砰啪乒乓哗嘀嘟呜突"), "noise", ()),
    (_FOWL_KEPT, tuple("鸡鸭鹅鸽兔猪"), "livestock", ()),
    (_SOUND_LIKENED, ("声", "动静", "响"), "noise", ()),
    (_MANHOLE_SMELLS, ("井",), "sewage", ("road_damage",)),
    (_GATE_TOLD, ("车库", "停车场"), "parking_gate", ()),
    (_PLOT_TOLD, ("花坛", "绿化带", "草坪", "绿地", "花池", "树池"), "garden_plot", ()),
    (_SIGN_AT_STOP, ("牌子",), "bus_shelter", ("facade",)),
    (_RAIN_INDOORS, ("下雨", "落雨", "墙皮"), "housing", ("flooding", "pipe_burst", "facade")),
    (_CHARGING_POST, ("充",), "charger", ("fire_risk", "prepaid_refund")),
    (_TANK_DIRTY, ("水箱", "水池"), "tap_water", ("water_out", "road_damage", "tree", "pests")),
    (_CARS_SPOTTED, ("车",), "garage_leak", ("housing", "facade", "sewage", "parking", "flooding")),
    (_BOX_OPEN, ("箱", "柜"), "meter_box", ("road_damage", "wires", "flooding")),
    (_CHILDREN_CRAMMED, ("车",), "school_bus", ("parking",)),
    (_RIDE_TEMPERATURE, ("冷", "冻", "热", "冰窖", "温度"), "vehicle_aircon", ()),
    (_LITTER_AFLOAT, ("泡在", "漂在", "浮在"), "water_body", ("flooding",)),
    (_WALL_CRACKED, ("裂",), "housing", ()),
    (_SWEEPER_MUSIC, ("车",), "street_cleaning", ("square_dance", "venue")),
)


def _problem_told(masked: str, lexicon: Lexicon) -> dict[str, int]:
    """(w25-rep) The concepts an appeal names (:meth:`Lexicon.scan`), read by the shape of what it tells as well:
    a likeness names no problem of its own beside another (:data:`_LIKENESS`), water told weak by how it comes out
    or by the machine it fails is the supply's (:data:`_WEAK_WATER`: no flood from 进水, no wires from 像根线), fowl
    kept by what they do (:data:`_FOWL_KEPT`), a thing burnt by what burns (:data:`_BURNT`), a drain by what chokes it
    (:data:`_DRAIN_CHOKED`), the supply's water by its taste (:data:`_WATER_TASTE`), water that does not come
    (:data:`_WATER_NOT_COME`), a sound by its syllables (:data:`_SOUNDED`): one table, :data:`_SHAPES_TOLD`."""
    found = lexicon.scan(masked)
    unlike = _LIKENESS.sub(lambda g: "\u3000" * len(g.group(0)), masked) if "像" in masked or "跟" in masked else masked
    if unlike != masked and found:
        outside = lexicon.scan(unlike)
        side = lexicon.modifiers()
        if any(k not in side for k in outside):
            found = {k: at for k, at in found.items() if k in outside}
    masked = unlike     # what the shapes below read: never inside a likeness (像烧塑料的 is a smell, no fire)
    for pattern, needs, concept, read_over in _SHAPES_TOLD:
        if concept in found and not read_over or not any(w in masked for w in needs):
            continue
        for m in pattern.finditer(masked):
            for k in read_over:          # what the words inside the shape said is the shape's concept's
                if m.start() <= found.get(k, -1) < m.end():
                    found.pop(k)
            # (w26-h27) … but what burns said as what a smell is of (夜里有烧塑料的臭味, 一股烧电线的焦味) tells the
            # smell first: the smell leads and the burning comes right after it as its source (as _GIVES_OFF reads a
            # smell and what gives it off), no burning seen
            smell = _SMELL_OF.match(masked, m.end()) if "odor" in found else None
            found.setdefault(concept, smell.end() if smell and m.end() <= found["odor"] < smell.end() else m.start())
    return found


# (w26-h27) a smell named right after what gives it off (烧塑料的臭味, 烧电线的焦味, 烧垃圾那种味道)
_SMELL_OF = re.compile(r"(?:的|那种|一样的|似的)?(?:臭|焦|怪|刺鼻的?|难闻的?|呛人的?|糊)?(?:味道|气味|味儿|臭味|味)")


_WATER_SMELL = re.compile(r"(?:自来水|水龙头|龙头里|放出来的水|接的水|烧开的水|小区的水|家里的水|屋里的水|家的水)"
                          r"(?:[^，。！？,.!?；;]{0,8}?)(?:异味|怪味|臭味|味道|消毒水味|漂白粉|药味|化学味|发臭|有味)")
_SMOKE_STINGS = re.compile(r"熏人|熏得|熏死|呛鼻子|呛鼻")    # (w21-rep2) what smoke does to who breathes it
_RATTLE = re.compile(r"(?:风一吹|刮风|起风|风吹|吹得|风大)[^，。！？,.!?；;]{0,4}(?:哐|咣|砰|啪|叮|哗啦)")

# one device of a place said as two kinds that are two machines (an escalator, a lift): a station's or a
# mall's escalator and its lift break down apart. Plain 电梯 says neither (a mall's 电梯 is often its escalator)
# but in a home or on a footbridge (单元的电梯, 天桥电梯); 手扶电梯 is an escalator
_DEVICE_KINDS = (("手扶电梯", "自动扶梯", "扶梯", "滚梯", "自动人行道"),
                 ("垂直电梯", "无障碍电梯", "直梯", "升降梯", "升降电梯", "轿厢", "关人", "困人", "单元电梯", "单元的电梯", "楼栋电梯",
                  "小区电梯", "住宅电梯", "楼里的电梯", "楼里电梯", "天桥电梯", "天桥的电梯",
                  "婴儿车", "轮椅"))   # (w27-rpb2) who cannot ride an escalator: a station's 电梯 they need is its lift


@lru_cache(maxsize=100_000)     # asked for both sides of every pair compare reads, once per distinct text
def _device_kind(residual: str) -> int | None:
    """Which of :data:`_DEVICE_KINDS` an appeal names (its words said first are taken out of the later
    kinds: 手扶电梯 is no 电梯), or None when it names none or both."""
    said = []
    for i, words in enumerate(_DEVICE_KINDS):
        if any(w in residual for w in words):
            said.append(i)
        for w in words:
            residual = residual.replace(w, " ")
    return said[0] if len(said) == 1 else None


# (w21-rpw) plain 电梯 at an estate, where no shop or station is said, is its buildings' lift (百步亭现代城小区电梯频繁
# 故障), not the escalator of the supermarket at its gate
_HOME_KINDS = ("小区", "花园", "家园", "公寓", "新村", "山庄", "苑", "社区")
_NOT_HOME = ("超市", "商场", "商城", "商业", "地铁", "车站", "站台", "广场", "医院", "天桥", "店")


def _kind_at(m: Matter) -> int | None:
    kind = _device_kind(m.residual)
    if kind is None and "电梯" in m.residual and any(p.endswith(_HOME_KINDS) for p in m.places) \
            and not any(w in m.residual for w in _NOT_HOME) and not any(w in m.residual for w in _DEVICE_KINDS[0]):
        return 1
    return kind


# (w26-rpb) one shop pointed at on a street or lane by what it sells or by its name (那家鸭脖店, 卖鸭脖那家店, 那家夜猫子
# 酒吧): two appeals at one street or lane that each point at their shop, the two names sharing no character, are
# about two shops (户部巷那家鸭脖店的烟 / 户部巷那家臭豆腐店的烟) — the street is not their one place. A shop said without
# 那家 / 这家 (楼下的饭店, 一楼餐馆, 老码头清吧) is no name read: a shop's name and what it sells are often said for one.
_SHOP_KIND = re.compile("馆子|餐馆|饭馆|餐厅|饭店|酒家|酒楼|酒吧|清吧|大排档|超市|网吧|茶楼|棋牌室|麻将馆|会所|药店|药房|店|馆")
_SHOP_LEAD = re.compile(r"^.*(?:那家|这家)")
_SHOP_SELLING = re.compile(r"卖([\u4e00-\u9fa5]{1,4}?)的?(?:那家|这家|那个|这个)(?:店|馆子|馆)?")
_SHOP_BY_NAME = re.compile(r"(?:那家|这家)([\u4e00-\u9fa5]{2,5}?)(?:门口|门前|旁边|对面|里面|店里|的[\u4e00-\u9fa5])")
_SHOP_NAME_NOT = re.compile(r"[那这个楼层底边面前后旁外门号街路巷]|附近|小区")   # (a position: 一楼餐馆, 门口那家店)


@lru_cache(maxsize=100_000)
def _shop_said(residual: str) -> frozenset[str] | None:
    """The characters of the one shop ``residual`` names (None: none, or two)."""
    text = residual.strip()
    names = {m.group(1) for m in _SHOP_SELLING.finditer(text)}
    for m in _SHOP_KIND.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if " " in before:
            before = before.rsplit(" ", 1)[1]
        lead = _SHOP_LEAD.match(before)
        if lead is None:
            continue        # (the name must follow the word that points at one shop: 那家X店)
        name = before[lead.end():]
        if 2 <= len(name) <= 5 and not _SHOP_NAME_NOT.search(name):
            names.add(name)
    for m in _SHOP_BY_NAME.finditer(text):     # (a shop said by its name alone: 那家蔡林记门口)
        if not _SHOP_NAME_NOT.search(m.group(1)) and not _SHOP_KIND.search(m.group(1)):
            names.add(m.group(1))       # (no kind alone: 那家超市门口 names no shop of its own)
    if not names or (len(names) > 1 and not all(min(names, key=len) in n for n in names)):
        return None
    return frozenset(min(names, key=len))


def _two_shops(a: Matter, b: Matter) -> bool:
    sa, sb = _shop_said(a.residual), _shop_said(b.residual)
    return sa is not None and sb is not None and not sa & sb


def _two_devices(a: Matter, b: Matter) -> bool:
    ka, kb = _kind_at(a), _kind_at(b)
    return ka is not None and kb is not None and ka != kb


# (w27-rpb2) the structure a thing at one place belongs to: the footbridge over the road beside a metro station, the
# station itself, the mall at it. Two appeals at one place that each name a structure, the two different, are about two
# things (街道口地铁站B口的直梯坏了 / 街道口那个过街天桥的电梯又不动了; 汉街站的扶梯 / 汉街站对面那个人行天桥的扶梯): a
# footbridge said beside its station is the footbridge's (it is said first of the three)
_HOSTS = (("天桥",),
          ("地铁", "轻轨", "出站口", "进站口", "站出口", "站口", "站里", "站内", "站的扶梯", "站的电梯", "站的直梯", "站扶梯",
           "站电梯", "站直梯"),
          ("商场", "商城", "购物中心", "百货"))


@lru_cache(maxsize=100_000)
def _host_said(said: str) -> int | None:
    return next((i for i, words in enumerate(_HOSTS) if any(w in said for w in words)), None)


_HOST_THINGS = frozenset({"elevator", "streetlight", "stall", "steps", "stair_rail", "toilet"})
_UNDER_HOST = re.compile(r"(?:天桥|桥)(?:下|底)")     # (天桥下面积水: a place under it, no thing of the footbridge)


_MALL_PLACE = ("城", "商场", "商城", "购物中心", "百货", "天地", "奥莱")


def _host_of(m: Matter) -> int | None:
    said = m.residual + " " + " ".join(m.places)
    if _UNDER_HOST.search(said):
        return None
    host = _host_said(said)
    if host is None and any(p.endswith(_MALL_PLACE) for p in m.places):
        host = 2        # a mall named by its own name (王家湾摩尔城里面的扶梯)
    return host


def _two_hosts(a: Matter, b: Matter, shared: Iterable[str]) -> bool:
    """Two structures at one place (:data:`_HOSTS`), for a thing one of them holds (a lift, its lamps, its steps,
    the stalls on it): a pool of water under a footbridge and one by the station are no two things."""
    if not set(shared) & _HOST_THINGS:
        return False
    ka, kb = _host_of(a), _host_of(b)
    return ka is not None and kb is not None and ka != kb


# (w22-rpw) the things at a bus stop that break or go wrong apart: the shelter itself (its roof, glass or seats:
# one matter of the shelter, as concepts.toml's bus_shelter reads it), its electronic sign, the queue waiting
# under it, its lightbox. Two appeals at one stop about two of them are two matters (街道口公交站的座椅断了 /
# 街道口公交站电子站牌黑屏; 中南路站台顶棚漏雨 / 中南路站排队排到马路上)
_STOP_THINGS = (("座椅", "长椅", "椅子", "座位", "凳子", "顶棚", "雨棚", "遮雨棚", "棚子", "棚顶", "顶上的玻璃", "顶上玻璃",
                 "漏雨", "玻璃"),
                ("电子站牌", "电子屏", "显示屏", "黑屏", "站牌歪", "站牌倒", "站牌掉",
                 "站牌被撞", "站牌撞", "站牌断", "牌子倒", "牌子歪", "牌子被撞", "牌子撞", "牌子弯", "牌子断", "牌子掉"),
                ("排队", "插队", "队伍", "一窝蜂", "挤不上", "站不下"),
                ("灯箱", "广告牌"),
                # (w27-rpb2) the buses themselves: how long one waits for them (等了四十分钟一辆都不来, 班次太少, 九点就收班)
                # against how their drivers drive and stop (急刹车, 不进站停在马路中间): at one stop, each is another matter
                # than the other and than the shelter or the sign (a driver's manners are concepts.toml's bus_driver; read
                # here too they cost the hotspots of one stop's buses their members)
                ("等了", "不来", "没来", "等不到", "等不来", "一等就", "班次", "收班", "末班", "间隔", "发车", "小时一班",
                 "分钟一班", "好久一班", "半天一班"),
                ("急刹", "开车太猛", "开得太猛", "跑得太快", "开得飞快", "不等人", "报站", "不进站", "不进港", "不靠边", "马路中间", "路中间"))
_AT_STOP = re.compile(r"公交|站台|候车亭|车站|站牌")
_BUS_ITSELF = frozenset({4, 5})     # the indices of :data:`_STOP_THINGS`' waits and drivers
_STOP_SIGN_HIT = re.compile(r"站牌(?:被[^，。！？,.!?；;\s]{0,3}?)?(?:倒|歪|撞|弯|掉|断)")


_STOP_PLACE_KINDS = ("公交站", "车站", "站台", "公交站台")


def _stop_thing(m: Matter) -> int | None:
    """Which of :data:`_STOP_THINGS` an appeal at a bus stop names (None: none, both, or no stop said). (w27-rep) The
    stop said as its place (东亭公交站那个牌子倒了: the residual holds no 公交 then) is a stop said."""
    taxi = "taxi" in m.concepts
    said = _stop_thing_said(m.residual, taxi)
    if said is None and any(p.endswith(_STOP_PLACE_KINDS) for p in m.places) and not _AT_STOP.search(m.residual):
        said = _stop_thing_said("站台" + m.residual.strip(), taxi)
    return said


@lru_cache(maxsize=100_000)     # (w24-speed) asked twice of both sides of every pair compare reads: once per text
def _stop_thing_said(residual: str, taxi: bool = False) -> int | None:
    if not _AT_STOP.search(residual):
        return None
    said = {i for i, words in enumerate(_STOP_THINGS) if any(w in residual for w in words)}
    if taxi or said - _BUS_ITSELF:
        # (w27-rpb2) a taxi rank's drivers and waits are no bus's; and a thing of the stop said (the seat, the sign)
        # is what an appeal is about, its wait or its bus said around it (等车的时候座椅塌了)
        said -= _BUS_ITSELF
    if _SIGN_AT_STOP.search(residual) or _STOP_SIGN_HIT.search(residual):
        said.add(1)     # (w27-rep) its sign knocked down said as its 牌子 (车站的牌子被撞弯了), (w27-rpb2) or 站牌 (站牌被车撞歪了)
    return said.pop() if len(said) == 1 else None


# (w27-rpp2) one food stall told by what it does: its smoke (fumes) and its tables on the path (stall) are the one
# 占道经营 / 露天烧烤 matter the city's 城管 handles together, never two complaints of its setting
_STALL_TOLD = frozenset({"fumes", "stall"})
_STALL_KINDS = frozenset({"eatery", "stall"})


def _one_stall_two_ways(a: Matter, b: Matter, lexicon: Lexicon) -> bool:
    """Both name a stall (摊) and between them its smoke and its tables on the path, each at least one of the two,
    nothing else (a noise, its rubbish, a fight stay complaints of their own): 烧烤摊油烟熏人 / 烧烤摊把桌子摆到
    人行道上. A shop (餐馆, 烧烤店) is no stall: its flue and its tables outside are two things mended apart."""
    if "摊" not in a.residual or "摊" not in b.residual:
        return False
    mods = lexicon.modifiers()
    ca, cb = a.concepts - mods, b.concepts - mods
    return bool(ca & _STALL_TOLD and cb & _STALL_TOLD and (ca | cb) >= _STALL_TOLD and
                not (ca | cb) - _STALL_TOLD - _STALL_KINDS)


def _one_stop_thing(a: Matter, b: Matter) -> bool:
    ka = _stop_thing(a)
    return ka is not None and ka == _stop_thing(b)


def _two_stop_things(a: Matter, b: Matter) -> bool:
    ka, kb = _stop_thing(a), _stop_thing(b)
    return ka is not None and kb is not None and ka != kb


# (w23-rpw) the ways one object at one place goes wrong apart: street lamps dark (or flickering), or lit all day
# long; a public toilet blocked or filthy, or locked when it should be open. Two appeals at one place about two of
# them are two matters (体育馆对面的路灯大白天也亮着 / 这一段路灯晚上全不亮; 厕所堵了粪水漫出来 / 厕所晚上九点就锁门了).
# (A lamp post knocked askew or hanging is no aspect of its own: the lamps it leaves dark are its matter.) Each
# aspect's words, read in the residual; an appeal naming two or none has none.
_ASPECTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "streetlight": (("不亮", "没亮", "黑灯", "漆黑", "黑漆漆", "黑乎乎", "黑咕隆咚", "黑黢黢", "乌漆", "黑麻麻", "灯坏",
                     "灯全坏", "灯都坏", "熄", "全灭", "都灭", "全黑", "都黑", "没灯", "没有灯", "没得光", "冇得光", "冇光",
                     "看不清", "一闪一闪", "忽明忽暗", "闪个不停"),
                    ("白天", "太阳底下", "浪费电", "一直亮", "长明", "常亮", "不关"),
                    # (w27-rpb) … or a lamp shining too bright or into a home (太亮了照进卧室, 刺眼): a lamp at
                    # the same gate that is out is another matter
                    ("太亮", "刺眼", "晃眼", "晃得", "光太强", "亮瞎", "照进", "照到屋", "照到家", "照到卧室", "照着窗", "光污染", "亮得睡不着")),
    "toilet": (("堵", "冲不下", "冲不走", "粪", "污水", "漫出", "脏", "臭", "满地", "没水冲", "蹲坑", "便池"),
               ("关门", "不开门", "锁", "不开放", "开放时间", "没开门", "关了")),
    # (w24-rpw) water standing on a road or in a garage against rain coming through a home's roof or ceiling (a
    # leaking underpass is neither: its seepage and its pool are one matter; a gas leak and the gas cut it brings, too)
    "flooding": (("积水", "淹", "水深", "蹚水", "熄火", "进水"),
                 ("漏雨", "天花板", "屋顶", "楼顶", "顶楼", "墙都泡", "家里墙")),
    # (w26-rpb2) a lift that has stopped or holds someone in it (困人, 关在里面, 卡在8楼, 停运) against one that runs with a
    # fault (噪音, 抖, 吱吱的摩擦声, a door that will not close or pinches: 关不严, 夹人): one building's trapped lift and
    # its noisy or pinching lift are two matters, though one lift; a stop told with the noise before it says both
    "elevator": (("困人", "关人", "被困", "困在", "困了", "关在里面", "关在电梯", "关了人", "卡住", "卡在", "停运", "停用", "不动",
                  "坏了", "用不了", "不能用", "门打不开"),
                 ("噪音", "声音", "异响", "响声", "吱吱", "咣当", "哐当", "咯噔", "抖", "晃", "摩擦", "夹人", "夹到", "夹了",
                  "夹伤", "关不严", "关不上", "开开关关", "反复开关"),
                 # (w27-rpb) … and, a third, its papers: an inspection certificate out of date, no upkeep signed
                 # (年检合格证过期, 维保记录没签): no fault of its running, another matter than its stop
                 ("年检", "合格证", "检验标志", "检验合格", "维保记录", "保养记录", "维保单", "维保签字")),
    # (w26-rep) the gas too weak to cook or heat water by (火苗小, 压力不够, 打不燃) against gas smelt or leaking (煤气味, 漏气):
    # a weak supply and a leak at one estate are two matters
    "gas": (("火苗小", "火小", "火苗很小", "火太小", "压力不够", "压力不足", "气压低", "气压不够", "气不足", "打不燃", "点不燃",
             "一下就灭", "火苗一下", "煮不熟", "烧不开"),
            ("煤气味", "燃气味", "天然气味", "气味", "漏气", "泄漏", "闻到", "一股味", "臭鸡蛋")),
    # (w26-rep) a signal's timing (绿灯才十几秒, 配时不合理, 走到一半就红了) against a signal out of order (坏了, 不亮, 闪黄灯):
    # the lights of one crossing too short for walkers and the same lights broken are two matters
    "traffic_light": (("秒", "时间太短", "时间短", "太短", "配时", "走到一半", "走不过去", "过不完", "等太久", "等得太久",
                       "时间太长", "太长了"),
                      ("坏了", "坏掉", "不亮", "没亮", "黄灯", "黑了", "全黑", "不工作", "失灵", "故障", "停了"),
                      # (w30-rpb) … and, a third, people running its red (闯红灯, 抢红灯): the traffic police's
                      # enforcement, not the signal's repair, though at the same crossing
                      ("闯红灯", "闯灯", "抢红灯", "不看红绿灯", "不看灯", "不等红灯", "无视红灯")),
    # (w26-rpb2) a noise one neighbour makes in his home (楼下邻居家打麻将, 楼上那户半夜跺脚, 对门装修) against a public one at
    # the same address or road (工地夜里打桩, 广场舞音响, 夜市, 酒吧): a neighbour dispute and a public nuisance are two
    # matters (and go to two offices). An appeal naming both (广场舞吵得邻居们睡不着) has no side. (Not 楼下那家: often a shop.)
    # (w27-rpb) a drain's cover gone or broken (井盖被偷, 盖子没了) against the drain blocked, spilling or stinking (堵了,
    # 冒臭水, 污水漫到路上, 排水沟又黑又臭) against the railing along a ditch (沟边的栏杆断了): one drain, three matters
    # (one a danger to walkers, one the sewer's, one the bank's)
    "sewage": (("盖子没", "盖子不见", "盖子丢", "井盖没", "井盖不见", "井盖丢", "井盖被偷", "盖子被偷", "没有盖", "没盖",
                "井盖碎", "井盖坏", "井盖破", "井盖松", "井盖翘"),
               ("堵", "冒", "漫", "溢", "返水", "反水", "倒灌", "不通", "臭", "黑水"),
               ("栏杆", "护栏", "围栏")),
    # (w27-rpb) one shop's or yard's dogs barking at night (狂吠, 一直叫) against dogs loose or biting (不牵绳, 咬人): two
    # matters (their mess is neither: a kennel's barking and its stink are often told as one nuisance)
    "dog": (("叫", "吠", "吵", "噪"),
            ("不牵绳", "不拴绳", "没牵绳", "没拴", "不拴", "咬")),
    # (w27-rpb) a tree breaking or falling (树枝断了挂在半空, 要倒) against its fluff or seeds in the air (飘毛, 飞絮, 过敏)
    # against its cutting (修剪, 砍树): one tree, three matters
    "tree": (("断", "掉下来", "要掉", "倒了", "要倒", "歪倒", "倒伏", "砸",
              "倒的", "倒在", "倒下", "吹倒", "刮倒", "压倒"),    # (w28-rpb) … its falling said as a state (那棵倒的树, 倒在路中间)
             ("飘毛", "飞毛", "毛飞", "梧桐毛", "絮", "过敏", "球果",
              "毛毛", "毛球", "满天飞"),     # (w27-mfix) … the fluff said as a child says it (树上掉下来好多毛毛)
             ("修剪", "砍", "剪枝", "剪树", "挖走", "移走"),
             # (w27-mfix) … and, a fourth, grown over and not cut (该修剪了, 好久没修剪, 枝叶挡住路灯, 灌木挡视线): what it
             # blocks, no complaint of its cutting (:data:`_ASPECT_UNSAID` reads 没修剪 as this, not as the third)
             ("挡住", "挡视线", "挡了视线", "挡光", "遮住", "长得太高", "长太高", "太密", "\u3001没剪")),
    # (w27-rpb) an air-conditioner's outdoor unit humming (空调外机轰轰响) against its dripping on walkers (滴水, 淋一身)
    # against its coming loose (外机支架锈了要掉下来): one unit, three matters (read only where the unit is said,
    # :data:`_ASPECT_OBJECTS`: a loose sign banging in the wind is its danger, not a noise of its own)
    "facade": (("吵", "响", "噪", "嗡", "轰"),
               ("滴水", "滴到", "滴在", "往下滴", "淋"),
               ("脱落", "掉下来", "坠", "砸", "摇摇欲坠", "松动", "歪了", "悬在半空")),
    # (w27-rpb2) the bins at a gate full and not emptied (垃圾桶满了没人收, 溢了一地, 好几天没清) against rubble or a
    # fit-out's waste someone brought and left there (半夜拉了一车装修垃圾倒在绿化带, 几袋建筑垃圾丢那里): the first is
    # the cleaners' round, the second a dumper to be found — two matters at one gate
    "garbage": (("满了", "满出来", "溢", "塞满", "塞得满", "没清", "没人清", "没人收", "没人倒", "没人拉", "没人运", "清运",
                 "没收", "没倒", "好几天"),
                ("建筑垃圾", "装修垃圾", "装修的废料", "废料", "建渣", "渣土", "砖头", "瓷砖", "水泥块", "拉了一车", "拉了几袋",
                 "一车", "偷倒", "偷偷倒")),
    # (w28-rpb) a road's surface broken (坑, 塌陷, 裂缝) against a manhole's cover in it (井盖松了, 盖子不见了) against the
    # pavement's bricks (地砖松了, 砖都翘起来): three things of one road, three matters (a cover gone leaving a hole
    # and a pit said about the cover, 井盖旁边塌了个坑, name two and have no aspect)
    "road_damage": (("坑", "塌", "陷", "裂缝", "裂开", "路面破", "路烂", "破路", "翻浆", "路不平", "凹凸", "鼓起", "拱起", "沉"),
                    ("井盖", "窨井", "盖子", "下水井", "检查井"),
                    ("地砖", "路砖", "道砖", "砖")),
    # (w28-rpb) cars parked on a pavement or in a lane (人行道停满了汽车, 私家车违停) against bikes heaped there (共享单车堆成山,
    # 电动车乱停): two matters at one gate (the first is for the traffic police, the second for the bikes' operators and
    # the street office); an appeal naming both (汽车电动车乱停一气) has no aspect. A car park's fee is parking_fee.
    # (车 alone after 停满, 塞满, 全是 is cars: bikes are said 单车, 电动车)
    "parking": (("汽车", "小车", "私家车", "轿车", "货车", "面包车", "机动车", "车牌", "越野车", "出租车", "的士", "网约车",
                 "停满了车", "停满车", "塞满了车", "全是车"),
                ("单车", "自行车", "电动车", "电瓶车", "小黄车", "哈啰", "摩托", "摩的", "三轮")),
    "noise": (("邻居家", "邻居在", "楼上邻居", "楼下邻居", "隔壁邻居", "对门邻居", "对门那户", "隔壁那户", "楼上那户",
               "楼下那户", "楼上住户家", "楼下住户家"),
              ("工地", "打桩", "广场舞", "夜市", "酒吧", "歌厅", "KTV", "ktv", "大排档", "烧烤摊", "商铺", "门面")),
}


# (w28-rpb) a dog said by its breed or its colour (那只泰迪, 大金毛, 一条大黑狗): two appeals naming two are about two dogs
# and their two owners (保利花园那只泰迪在电梯里撒尿 / 保利花园有条大黑狗不拴绳), whatever either does
# (a mongrel or a wolf-dog, 土狗, 狼狗, may be of any colour: said against a colour, no other dog)
_DOG_BREEDS = ("泰迪", "金毛", "柯基", "哈士奇", "二哈", "拉布拉多", "比熊", "博美", "柴犬", "阿拉斯加", "萨摩耶", "藏獒",
               "边牧", "德牧")
_DOG_ANY_COLOUR = ("土狗", "狼狗", "串串", "田园犬")
_DOG_COLOUR = re.compile(r"([黑白黄花灰棕])色?的?(?:大|小)?(?:狗|犬)")


def _dogs_said(m: Matter) -> tuple[frozenset[str], frozenset[str], bool]:
    """The breeds, the colours and whether a dog of any colour is said."""
    return (frozenset(b for b in _DOG_BREEDS if b in m.residual),
            frozenset(x.group(1) for x in _DOG_COLOUR.finditer(m.residual)),
            any(w in m.residual for w in _DOG_ANY_COLOUR))


def _two_dogs(a: Matter, b: Matter, shared: Iterable[str]) -> bool:
    """(w28-rpb) Both name a dog (:data:`_DOG_BREEDS`, :data:`_DOG_COLOUR`), and none the other names: two breeds,
    two colours, or a breed against a colour (a mongrel against a colour is no other dog)."""
    if "dog" not in shared:
        return False
    (ba, ca, any_a), (bb, cb, any_b) = _dogs_said(a), _dogs_said(b)
    if (ba and bb and not ba & bb) or (ca and cb and not ca & cb):
        return True
    return (bool(ba) and bool(cb) and not ca and not bb and not any_b) or \
        (bool(bb) and bool(ca) and not cb and not ba and not any_a)


# (w25-rpw) where water leaks: in the street (a main under the road, a pipe at the gate, an estate's septic tank or
# manhole spilling) or inside one home or building (the flat upstairs, a kitchen's ceiling, a stairwell's pipe). Two
# appeals at one estate, one each, are two matters: a neighbour's leak is no burst main (楼上卫生间漏水，我家天花板发霉 /
# 小区门口水管爆了，水往马路上冒). An appeal naming a water cut has no side: a home without water tells the main's
# consequence, not where it leaks.
_LEAK_SIDES = (("马路", "路上", "路面", "路边", "门口", "门前", "大门外", "街上", "人行道", "绿化带", "化粪池", "窨井", "井盖",
                "下水井", "检查井"),
               ("卫生间", "厨房", "天花板", "楼上", "楼道", "屋里", "屋顶", "墙角", "墙上", "吊顶", "家里墙", "管道井"))
_LEAKS = frozenset({"pipe_burst"})     # (a blocked drain's sewage rises from the street into a stairwell: one matter)


# (w26-rpb) the gas cut (停气, 打不着火) against a smell of gas in one building, stairwell, flat or shop (楼道里一股煤气味;
# a smell said over the estate or the area may be the fault behind the cut, and has no side) against a
# question about its bill (燃气费, 阶梯价): three matters at one estate. A smell told with its cause in the mains (工地把
# 燃气管挖破了) or a cut told with the repair or the leak behind it (停气了，说在抢修管道; 漏气疏散) is the outage's own
# cause: it has no side, and stays one matter with the cut (as a cause and its effect do). (w28-rep) A pipe told worn
# (锈穿了, 老化生锈) is a fourth side: a rusty pipe and a cut at one building are two matters unless one says both.
_GAS_SIDES = (("停气", "没气", "没有气", "没得气", "冇得气", "气停了", "气没了", "断气", "燃气断", "打不着", "点不着",
               "开不了火", "供气", "来气", "没有天然气", "没天然气", "停燃气", "咔咔", "气停", "燃气停"),
              ("味", "闻到", "呛"),
              ("燃气费", "气费", "阶梯", "气价", "涨价"),
              ("锈穿", "生锈", "锈得", "锈蚀", "锈迹", "老化"))   # (w28-rep) the pipe worn (燃气管锈穿了, 管道老化生锈): no cut
_GAS_INDOORS = ("栋", "单元", "楼道", "楼梯", "家里", "屋里", "厨房", "一楼", "楼下", "店", "餐馆", "饭馆")
_BILL_ASKED = ("请问", "咨询", "想问", "问一下", "问问", "怎么算", "怎么收", "怎么计算", "是多少", "标准")
_GAS_CAUSE = ("挖", "破", "抢修", "疏散", "消防", "封路", "爆")


def _gas_side(m: Matter) -> int | None:
    if "gas" not in m.concepts:
        return None
    said = {i for i, words in enumerate(_GAS_SIDES) if any(w in m.residual for w in words)}
    if len(said) != 1:
        return None
    side = said.pop()
    if side == 0 and any(w in m.residual for w in _GAS_CAUSE + ("泄漏", "漏气", "漏了")):
        return None     # (a cut told with the leak behind it)
    if side == 1 and (any(w in m.residual for w in _GAS_CAUSE) or not any(w in m.residual for w in _GAS_INDOORS)):
        return None     # (a smell over the estate or the area, no one building's, may be the fault that cut it)
    return side


def _bill_said(m: Matter) -> bool:
    return any(w in m.residual for w in _GAS_SIDES[2])


def _bill_asked(m: Matter) -> bool:
    """(w27-rpb) ``m`` asks about its gas bill (请问燃气费怎么交, 想问下阶梯价)."""
    return _bill_said(m) and any(w in m.residual for w in _BILL_ASKED)


def _gas_two_sides(a: Matter, b: Matter, shared: Iterable[str], place: str | None) -> bool:
    """(w26-rpb) Two of :data:`_GAS_SIDES` at one place both name (``place``, :func:`_shared_place`; met only over
    their area, two estates' cut and smell may be one fault spreading over it, as hotspots read them)."""
    if "gas" not in shared:
        return False
    if _bill_asked(a) != _bill_asked(b) and not (_bill_said(a) and _bill_said(b)):
        # (w27-rpb) a question about the bill against an appeal that says no bill at all (燃气费去哪里交 / 燃气管道锈穿了
        #闻到气味): no fault of the supply is a bill's question, at one place or over an area, whatever sides are read
        return True
    ka, kb = _gas_side(a), _gas_side(b)
    if ka is None or kb is None or ka == kb:
        return False
    # (w26-rpb2) … but a question asked about the bill (请问燃气费怎么收, 阶梯价怎么算) is no fault at all: over an area
    # too (红钢城的燃气费怎么收 / 红钢城九街坊燃气停了一天) it is no cut's or smell's (a bill complained of over an area may
    # be a wave of one price rise, as hotspots read it)
    bill = a if ka == 2 else b if kb == 2 else None
    return place is not None or (bill is not None and any(w in bill.residual for w in _BILL_ASKED))


def _leak_side(m: Matter) -> int | None:
    if "water_out" in m.concepts:
        return None
    said = {i for i, words in enumerate(_LEAK_SIDES) if any(w in m.residual for w in words)}
    return said.pop() if len(said) == 1 else None


def _leak_two_sides(a: Matter, b: Matter, shared: Iterable[str]) -> bool:
    """(w25-rpw) A leak both name (:data:`_LEAKS`), one in the street, the other inside a home
    (:data:`_LEAK_SIDES`)."""
    if not _LEAKS.intersection(shared):
        return False
    ka, kb = _leak_side(a), _leak_side(b)
    return ka is not None and kb is not None and ka != kb


# (w27-rpb) the concepts whose aspects are read only where this object is said
_ASPECT_OBJECTS: dict[str, tuple[str, ...]] = {"facade": ("外机",)}


# (w27-mfix) what an aspect's words say otherwise, read before the aspects are: a tree not cut (好久没修剪, 该修剪了) is grown
# over (the fourth tree aspect's mark, 、没剪), a cut only asked for (能不能把树修剪一下, 建议砍了换别的树) is the remedy of
# what the appeal tells, and fluff falling (毛毛一直往下掉, 掉下来好多毛毛) is the fluff, no branch falling
_ASPECT_UNSAID: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    # (w28-rpb) a tree's pit in the pavement (树坑没填, 树池没盖) is neither the road's surface nor a manhole
    "road_damage": ((re.compile(r"树坑|树池|树穴"), "树池"),),
    "tree": ((re.compile(r"(?:没有?人?|无人|不|该|需要|得)来?(?:修剪|剪枝|剪树|修枝|剪)"), "\u3001没剪"),
             (re.compile(r"(?:建议|能不能|可不可以|可否|希望|麻烦|请)[^，。！？,.!?；;]{0,6}?(?:修剪|剪枝|剪树|修枝|剪一下|砍|换)"), ""),
             (re.compile(r"掉下来[^，。！？,.!?；;]{0,4}?(?:毛|絮)|(?:毛|絮)[^，。！？,.!?；;]{0,6}?掉"), "毛毛")),
}


def _aspect(m: Matter, concept: str) -> int | None:
    if concept in _ASPECT_OBJECTS and not any(w in m.residual for w in _ASPECT_OBJECTS[concept]):
        return None
    residual = m.residual
    for shape, mark in _ASPECT_UNSAID.get(concept, ()):
        residual = shape.sub(mark, residual)
    said = {i for i, words in enumerate(_ASPECTS[concept]) if any(w in residual for w in words)}
    return said.pop() if len(said) == 1 else None


def _two_aspects(a: Matter, b: Matter, shared: Iterable[str], together: Iterable[str] = ()) -> bool:
    """(w23-rpw) One object both name (:data:`_ASPECTS`), each about another way it goes wrong; ``together``: concepts
    whose aspects are not told apart (``similar.aspects_together``: the hotspots' grouping, lead wave 29)."""
    for concept in (set(shared) & _ASPECTS.keys()).difference(together):
        ka, kb = _aspect(a, concept), _aspect(b, concept)
        if ka is not None and kb is not None and ka != kb:
            return True
    return False


# (w23-rpw) weak water said without its being cut (水压低, 上不去水, 时有时无)
_PRESSURE = ("水压", "水小", "水很小", "水太小", "出水小", "出水很小", "上不去水", "上不来水", "一点点水", "时有时无", "水流很小")
_WATER_CUT = ("停水", "没水", "断水", "没有水", "不来水", "一滴", "不出水", "没得水", "冇得水", "冇水")


# (w27-rpb) water cut (停水, 没水) against the water that comes being dirty (水箱不干净, 有沉淀, 发黄): one estate's water,
# two matters, as the w26-rpb2 part tells them (停水 against 水质发黄; not 水箱 alone: a cistern slow to fill is the
# weak supply). An appeal naming both (流了一点黄水就没了) has no aspect.
_ASPECTS["water_out"] = (_WATER_CUT, ("沉淀", "不干净", "浑浊", "发黄", "黄水", "锈", "异味", "有虫", "杂质", "水质"))

# (w29-rpb) a taxi refusing a fare (拒载, 嫌近不拉, 挑客) against black cabs touting (黑车拉客) against a driver who took a
# detour or overcharged (绕路, 多收了三十): three matters at one station, for three offices (the taxi office's service
# line, the law enforcers of illegal cabs, a refund); an appeal naming two has no aspect
_ASPECTS["taxi"] = (("拒载", "嫌近", "嫌路近", "挑客", "不肯拉", "不拉", "不载", "甩客", "不去"),
                    ("黑车", "黑摩的", "非法营运", "揽客", "拉客", "拉人", "走不走", "喊客"),
                    ("绕路", "绕道", "绕远", "绕了", "兜圈", "多收", "宰客", "不打表", "要价", "喊价", "一口价", "多要", "议价"))
# (w29-rpb) a bar's or a karaoke's sound at night (音响, 唱歌, 吵) against the people outside it (门口抽烟, 烟头酒瓶扔一地,
# 喝多了吐) against the cars it brings (门口停满了车): one venue, three matters (its noise is measured; its litter and its
# parking are the street's and the traffic police's)
_ASPECTS["venue"] = (("吵", "噪", "音响", "音乐", "放歌", "唱歌", "驻唱", "低音炮", "震", "喇叭", "声音"),
                     ("抽烟", "吸烟", "烟头", "烟味", "酒瓶", "呕吐", "吐了", "醉", "撒尿"),
                     ("停车", "停满", "停了一排", "乱停", "占了人行道", "占道停"))
# (w30-rpb) an estate's charging posts broken or not charging (坏了, 充不进电) against what they cost (收费太贵, 一小时两块):
# one estate's posts, two matters (the repair is its property's; the price the market regulator's)
_ASPECTS["charger"] = (("坏", "充不了", "充不进", "充不上", "不能用", "用不了", "没反应", "不通电", "没人修", "维修", "故障"),
                       ("贵", "收费", "价格", "涨价", "块钱", "元一", "一度", "服务费", "乱收"))
# (w30-rpb) a kitchen's smoke (油烟, 熏, 呛) against the hum of its fan or exhaust at night (排风扇一直响, 吵得睡不着): one
# restaurant, two matters (its smoke is measured by the environment office, its sound by the noise law)
_ASPECTS["fumes"] = (("油烟", "熏", "呛", "烟味", "冒烟", "黑烟", "烟雾", "烟子"),
                     ("响", "吵", "噪", "嗡", "轰", "声音"))


def _pressure_only(m: Matter) -> bool:
    return "water_out" in m.concepts and any(w in m.residual for w in _PRESSURE) and \
        not any(w in m.residual for w in _WATER_CUT)


# (w23-rpw) a home said without its name (我们小区, 我住的那个小区, 咱们院子)
_HOME_UNNAMED = re.compile(r"(?:我们|我家|我住的?|俺们|咱们|咱家)(?:那个|这个|的|那|这)?(?:小区|院子|楼盘)"
                           # (w23-rpw2) … or by where it is alone (万松园路那边的小区, 那边老小区)
                           r"|(?:那边|这边|那块|这块)的?老?小区")


@lru_cache(maxsize=100_000)     # (w24-speed) compare asks it of both sides of many pairs: once per text
def _home_unnamed(residual: str) -> bool:
    return _HOME_UNNAMED.search(residual) is not None


def _home_against_estate(a: Matter, b: Matter) -> bool:
    """(w23-rpw) ``a`` says its home only as 我们小区 (no estate or other fine place named), ``b`` names an estate
    (a fine place that is neither a road nor said as ``a``'s)."""
    if _fine_names(a.places) or not _home_unnamed(a.residual):
        return False
    return any(p not in a.places for p in _fine_names(b.places))


_UNREAD: Any = object()


def compare(a: Matter, b: Matter, *, lexicon: Lexicon | None = None, settings: Settings | None = None,
            hours: float | None = None, place: str | None = _UNREAD) -> Comparison:
    """``hours``: how far apart the two appeals are; within ``similar.area_hours`` an area-wide problem
    (an outage) at two estates of one area is one matter (姑嫂树花园停电 / 姑嫂树安居苑也停电了).
    ``place``: what :func:`_shared_place` answers for the two, when the caller has read it already.
    (A new way to a place here must be added to :func:`_may_repeat` too: :func:`group` asks it first.)"""
    settings = settings or load_settings()
    lexicon = lexicon or load_lexicon()
    score, shared = problem_score(a, b, lexicon, settings)
    if shared and (_two_devices(a, b) or _two_hosts(a, b, shared) or _two_stop_things(a, b) or _two_aspects(a, b, shared, settings.get("similar", "aspects_together", ())) or
                   _leak_two_sides(a, b, shared) or _two_dogs(a, b, shared)):
        return Comparison(round(score, 3), None, shared, False)
    if not (_also_free(a, b) and _also_free(b, a)) and not set(shared) & lexicon.areawide():
        # (w24-rpw) one tells its trouble as one more place's (西门那边也有人遛狗不拴绳): not the place it heard of
        return Comparison(round(score, 3), None, shared, False)
    if _next_door(a) != _next_door(b) and not set(shared) & lexicon.areawide():
        # (w27-rpb) … or as the shop's next door (老李烧烤隔壁那家麻辣烫也占道): not the shop it is named by
        return Comparison(round(score, 3), None, shared, False)
    place = _shared_place(a, b) if place is _UNREAD else place
    if place is not None and _two_shops(a, b):
        # (w26-rpb) two shops of one street, lane or area, each named (:func:`_two_shops`): not their one place
        return Comparison(round(score, 3), None, shared, False)
    if _gas_two_sides(a, b, shared, place):
        # (w26-rpb) one estate's gas cut against a smell in one of its buildings, or a question about its bill
        return Comparison(round(score, 3), None, shared, False)
    # a cause and what it does, told at one concrete place (never over an area: a flat's leak is no outage of
    # its estates)
    told = _cause_and_effect(a, b, lexicon, settings, hours) if place is not None and _one_fine(a, b) else ()
    if told and (not _fine_names((place,)) or _seeping_indoors(a, b, lexicon)) and _cause_indoors(a, b, lexicon):
        told = ()       # (w23-rpw2) … and a leak in one building's stairwell is no cause at its area or road; (w28-rpb)
        # nor at its estate where it only seeps or drips (楼道里水管漏水好几天 / 小区停水了): no cut comes of a drip
    if told:
        score, shared = max(score, float(settings.get("similar", "lead_score", 0.5) or 0.5)), told
    if place is not None and _one_stall_two_ways(a, b, lexicon):
        # (w27-rpp2) one stall told by its smoke and by its tables on the path (:func:`_one_stall_two_ways`)
        score = max(score, float(settings.get("similar", "lead_score", 0.5) or 0.5))
        shared = tuple(sorted({*shared, *((a.concepts | b.concepts) & _STALL_TOLD)}, key=lexicon.rank))
    if place is not None and _one_stop_thing(a, b):
        # (w22-rpw) one thing of one bus stop told in other words (候车亭的座椅断了 / 站台那个长椅塌了): its matter
        score = max(score, float(settings.get("similar", "lead_score", 0.5) or 0.5))
    area_hours = float(settings.get("similar", "area_hours", 0) or 0)
    if place is None and hours is not None and hours <= area_hours and set(shared) & lexicon.areawide():
        place = _shared_area(a, b)
    elif place is None and hours is not None and hours <= area_hours:
        place, score, shared = _cause_over_the_area(a, b, lexicon, settings, hours, score, shared)
    if place is None and hours is not None and hours <= area_hours and (a.outside or b.outside):
        road, told = _cause_outside(a, b, lexicon, settings, hours)
        if road is not None:
            place, shared = road, told
            score = max(score, float(settings.get("similar", "lead_score", 0.5) or 0.5))
    # two parts of one place (二期8栋 / 三期, 5栋 / 12栋) are two places for a thing broken in one of them
    # (a lift, a pipe, a roof); an outage over the area, and a nuisance that reaches many buildings (a site's
    # noise, a stall's smoke: a symptom or who causes it shared), stay one
    travels = lexicon.areawide() | lexicon.symptoms() | lexicon.sources()
    if _pressure_only(a) and _pressure_only(b):
        # (w23-rpw) water too weak to reach the upper floors is its building's pump or pipes, no outage over the area
        # (万达华府5栋高层水压太低 / 万达华府3栋也是水压低)
        travels = travels - {"water_out"}
    if place is not None and _other_part(a, b) and not set(shared) & (travels - _who_only(a, b, lexicon)):
        return Comparison(round(score, 3), None, shared, False)
    # … and two numbered estates or named sections of one place are two places but for an outage over the area
    if place is not None and _other_part(a, b, _FAR_PARTS) and not set(shared) & lexicon.areawide():
        return Comparison(round(score, 3), None, shared, False)
    # … and two sides of one place (a campus's south gate and its east gate, a station's A and D exits) are two
    # places for what stands or happens at one of them (stalls, touts, bikes piled up); a sound and an outage
    # reach both (w21-rpw)
    if place is not None and _other_part(a, b, _SIDE_PART_KINDS) and \
            not set(shared) & (lexicon.areawide() | lexicon.symptoms()):
        return Comparison(round(score, 3), None, shared, False)
    if place is not None and not _fine_names((place,)) and not _reaches(shared, lexicon) and \
            (_home_against_estate(a, b) or _home_against_estate(b, a)):
        # (w23-rpw2) … nor by the area's or its road's name both say (万松园路那边的小区 / 万松园街万松小区), for a
        # problem of one estate's own (its refuse, its lift)
        return Comparison(round(score, 3), None, shared, False)
    meeting = None if place is not None else _street_meeting(a, b)
    if meeting is not None and (_home_against_estate(a, b) or _home_against_estate(b, a)):
        # (w23-rpw) one's home said only as 我们小区 in its street's area, the other's estate named: the street is
        # no evidence that they are one estate (光谷这边我们小区 / 后湖大道东方恒星园小区); the estates table may still
        # tie them (:func:`_estate_said_by_area`)
        meeting = None
    if place is None and meeting is None:
        # a greenway's or a bank's section named by the place it is at (东湖绿道磨山那段 / 磨山那边湖里 / 磨山绿道)
        place = _section_place(a, b) or _section_place(b, a)
    if place is not None:
        need = settings.get("similar", "threshold", 0.42)
    elif meeting == "street":
        # the street's own name said by both (钢花村那边 / 钢花村小区) is its area as a place: the plain
        # threshold; a street only the registry read from a finer name needs more
        place = "street"
        need = settings.get("similar", "threshold" if a.street_named and b.street_named else "area_threshold", 0.75)
    elif meeting == "named":
        # one says only its street's area (金银湖那边), the other a place named after it (金银湖公园, 唐家墩路)
        place = "street"
        need = settings.get("similar", "threshold", 0.42)
    elif (area := _one_area_alone(a, b)) is not None:
        # one area said alone by two of its names (光谷这边 / 关山那边): the area, as a street said by both
        place = area
        need = settings.get("similar", "threshold", 0.42)
    elif (estate := _estate_said_by_area(a, b, hours, shared, lexicon, settings)) is not None:
        # (w22-rep) an estate and its area said for one's home (东合中心小区 / 沌口这边我们小区): the estate
        place = estate
        need = settings.get("similar", "threshold", 0.42)
    elif (mark := _landmark_by_road(a, b) or _landmark_by_road(b, a)) is not None:
        # a landmark and its road said with its kind (中南医院 / 东湖路医院门口): the landmark
        place = mark
        need = settings.get("similar", "threshold", 0.42)
    elif (mark := _landmark_at_crossing(a, b) or _landmark_at_crossing(b, a)) is not None:
        # (w23-rep) a landmark and the crossing it stands at (光谷广场 / 珞喻路鲁磨路口): the landmark
        place = mark
        need = settings.get("similar", "threshold", 0.42)
    elif (mark := _kind_named(a, b, hours, settings) or _kind_named(b, a, hours, settings)) is not None:
        # (w25-rpl) a landmark and its kind pointed at within the day (新华路体育场 / 体育场那边): the landmark
        place = mark
        need = settings.get("similar", "threshold", 0.42)
    else:
        # two places of one name stem (鲁巷广场 / 鲁巷人行天桥): the landmark and what stands at it, when the
        # problem is plainly one (``similar.stem_threshold``; 0: off) and more than who causes it or when
        need = float(settings.get("similar", "stem_threshold", 0) or 0)
        stem = _stem_or_landmark_road(a, b) if need else None
        if stem is None or not set(shared) - lexicon.modifiers() - lexicon.sources():
            return Comparison(score, None, shared, False)
        place = stem
    if _other_part(a, b) and not set(shared) & travels:
        # (w23-rpw) … and met at their street or area, two buildings or entrances each names are two places for what
        # is broken or done in one of them (永清街3单元装修 / 永清街那栋楼5单元也在装修)
        return Comparison(round(score, 3), None, shared, False)
    if _other_part(a, b, _FAR_PARTS) and not set(shared) & lexicon.areawide():
        # (w21-rpw) … met at their street or area: two numbered 街坊 or two squares each names are two places too
        return Comparison(round(score, 3), None, shared, False)
    if place is not None and place != "street" and score < need and \
            (_is_fine(place) or place in load_landmarks().campus_names or (len(a.crossing) == 2 and set(a.crossing) == set(b.crossing))):
        # (w27-rep2) at one estate, shop or facility (or one crossing both name by its two roads), rare content both
        # tell of it is evidence of one problem
        score = max(score, _fine_content_score(a, b, lexicon, settings, need))
    return Comparison(round(score, 3), place, shared, score >= need)


# (w27-rep2) what a building's parts are said by (3栋, 楼上, 二单元, 门口): where in the place, never what is wrong there
_PART_CHARS = frozenset("栋楼层号室单元门口户")
# … nor the hour it happens at, said by what people do then (放学的时候, 下班高峰): when, never what
_WHEN_DONE = frozenset({"w:放学", "w:上学", "w:下班", "w:上班", "w:高峰", "w:早高峰", "w:晚高峰", "w:周末", "w:节假日",
                        "w:假期", "w:过年", "w:半夜三更"})


def _fine_content_score(a: Matter, b: Matter, lexicon: Lexicon, settings: Settings, need: float) -> float:
    """(w27-rep2) Two appeals at one concrete place finer than a road (an estate, a shop, a park), neither naming a
    problem the concepts know that the other lacks while the other names one of its own: the rare content they share
    (jieba's words and rare characters, the place's name and its parts out) is evidence of one problem, however each
    tells it (座椅木板断了 / 长椅烂了, 邮政信箱被撬 / 邮筒锁坏了). ``similar.fine_content_evidence`` of it scores
    ``need`` (0: off). Unlike :func:`content_evidence` the strongest shared thing is not taken for the setting: the
    place both name is out of the text already."""
    at = float(settings.get("similar", "fine_content_evidence", 0) or 0)
    if at <= 0:
        return 0.0
    mods = lexicon.modifiers()
    pa, pb = a.concepts - mods, b.concepts - mods
    if pa & pb or (pa - pb and pb - pa):
        # a problem of its own on each side: two matters at one place; a problem both name: the concepts judged it
        return 0.0
    ta, tb = a.terms, b.terms
    named = "".join(a.places + b.places)       # … nor what is left of a place's name (东湖绿道's 东湖 said alone)
    shared = {k: min(w, tb[k]) for k, w in ta.items() if k in tb and k not in _PART_CHARS and k not in _WHEN_DONE
              and k.removeprefix("w:") not in named}
    return need if sum(_shared_units(shared)) >= at else 0.0


def _street_meeting(a: Matter, b: Matter) -> str | None:
    """How two appeals that share no concrete place meet at a street: "street" (one street, and one of them or
    neither names a place), "named" (one says only its street's area, the other a place named after it), or None."""
    if a.street and a.street == b.street and not (a.places and b.places):
        return "street"
    if _named_after_street(a, b) or _named_after_street(b, a):
        return "named"
    return None


def _road_then_area(text: str, places: list[str], street_forms: list[str]) -> tuple[str, ...]:
    """The street's forms said right after a road the appeal names, all its places roads (建设大道唐家墩那里: 唐家墩)."""
    if not places or not street_forms or not all(_is_road(p) for p in places):
        return ()
    return tuple(f for f in street_forms if len(f) >= 2 and not f.endswith("街道")
                 and any(p + f in text for p in places))


def _named_after_street(a: Matter, b: Matter) -> bool:
    """``a`` names its street's area and nothing finer (or only a road, the area said right after it: 建设大道唐家墩那里);
    ``b`` (in no other street or district) names a place whose name begins with that street's (金银湖那边的湖里 /
    金银湖公园旁边的湖水)."""
    if not a.street_said or a.elsewhere or b.elsewhere:
        return False
    if a.places and (not a.road_area or set(a.places) & set(b.places)):
        return False
    if b.street not in (None, a.street) or _two_districts(a, b):
        return False
    # … or, where the street is named after a road (中南路街: 中南路那边), that road or a numbered road of its name
    # (中南路洪山广场, 中南二路)
    return any((p.startswith(f) and len(p) > len(f)) or (_is_road(f) and f in (p, _road_base(p)))
               for f in (a.road_area or a.street_said) if len(f) >= 2 for p in b.places)


_NUMBERED_ROAD = re.compile(r"^([\u4e00-\u9fa5]{2,})[一二三四五六七八九十东西南北中]路$")


@lru_cache(maxsize=100_000)
def _road_base(name: str) -> str:
    """The road a numbered or sided road is named after (中南二路 → 中南路, 珞喻东路 → 珞喻路); "" if none."""
    m = _NUMBERED_ROAD.match(name)
    return m.group(1) + "路" if m else ""


def _may_repeat(a: Matter, b: Matter, hours: float | None, settings: Settings) -> str | None | bool:
    """What :func:`group` asks before :func:`compare`: False where compare can never call the two a repeat
    (no concrete place both name, and none of compare's other ways to one: an area-wide problem's area
    within ``similar.area_hours``, one street, a place named after the street said, two places of one name
    stem), else the place both name (None: none). Reading the problems (the costly part) is left to the pairs at one place: in a
    week of long letters naming many places, three candidates in four share none."""
    place = _shared_place(a, b)
    if place is not None:
        return place
    area_hours = float(settings.get("similar", "area_hours", 0) or 0)
    if hours is not None and hours <= area_hours and _shared_area(a, b) is not None:
        return None
    if hours is not None and hours <= area_hours and (_road_cause(a) and _told_outside(b) or
                                                      _road_cause(b) and _told_outside(a)) and not _two_districts(a, b):
        return None         # (w23-rep) _cause_outside: compare reads the problems
    if _street_meeting(a, b) or (settings.get("similar", "stem_threshold", 0) and _stem_or_landmark_road(a, b)):
        return None
    if _landmark_by_road(a, b) or _landmark_by_road(b, a):
        return None
    if _landmark_at_crossing(a, b) or _landmark_at_crossing(b, a):
        return None         # (w23-rep) a landmark and its crossing
    if _one_area_alone(a, b):
        return None
    if _section_place(a, b) or _section_place(b, a):
        return None
    if _kind_named(a, b, hours, settings) or _kind_named(b, a, hours, settings):
        return None         # (w25-rpl) a landmark and its kind pointed at
    if _estate_by_area(a, b, True) or _estate_by_area(b, a, True):
        return None         # (w22-rep, w22-rep3) compare holds it to similar.estate_area_hours and a home said
    return False


def _section_place(a: Matter, b: Matter) -> str | None:
    """The section ``a`` names of a place (东湖绿道磨山那段: ("段", "磨山")) that ``b`` names by where it is: the
    section's own name said as a place, or a place that begins or ends with it (磨山, 磨山绿道, 绿道磨山), when ``b``
    names no other section and no other district. The section, written as its place and name (东湖绿道磨山段)."""
    sections = [v for k, v in a.parts if k == "段"]
    if not sections or not a.places or _two_districts(a, b) or a.elsewhere or b.elsewhere:
        return None
    other = {v for k, v in b.parts if k == "段"}
    for x in sections:
        if other and x not in other:
            continue
        x = _section_whole(a, x)
        if any(q == x or q == x + "段" or (len(q) > len(x) and (q.startswith(x) or q.endswith(x))) for q in b.places):
            return a.places[0] + x + "段"
    return None


def _section_keys(m: Matter) -> list[str]:
    """(w25-rpl) The place a named stretch of a road is at, as a key (珞喻路鲁巷那一段: 鲁巷), so that an appeal naming
    only that place (鲁巷那段, 鲁巷那边) meets it; :func:`_section_place` judges the two."""
    if not m.parts or not m.places:
        return []
    return [f"p:{_section_whole(m, v)}" for k, v in m.parts if k == "段"]


def _section_whole(m: Matter, x: str) -> str:
    """(w22-rpw) The whole name of the place a stretch is said at, where the two characters read before 那段
    end one of the appeal's own places (解放大道武汉广场那一段: 武汉广场, not every 广场; 武珞路丁字桥那段: 丁字桥),
    that place not said after another of its places (东湖绿道磨山: 磨山 stays the stretch's name)."""
    whole = [p for p in m.places if p.endswith(x) and len(p) > len(x) and not _is_road(p)
             and not any(r != p and p.startswith(r) for r in m.places)]
    return max(whole, key=len) if whole else x


def _grams_of(text: str) -> set[str]:
    """Every two characters side by side in ``text``."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


@lru_cache(maxsize=200_000)
def _name_keys(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(asked, held): two names :func:`same_name` calls one place always share a key one asks and the other
    holds (None: any name may be one with it). By its own conditions, on two cores of 2+ characters
    (:func:`place_core`; a core under 2 characters: None), ``p`` the one that asks and ``q`` the one that holds:
    P — ``p``'s first two characters are ``q``'s first two (equal; one beginning the other, a kind or an area's
    kind after it; a road's stem beginning both; an estate body or a short form equal, each a prefix), or its
    third and fourth (a stop named after a place without the area said before it, :func:`_stop_stem_ends`);
    I — ``p``'s first four are four side by side in ``q`` (one inside the other, 4+ characters each); E — ``p``'s
    last two are ``q``'s, ``p`` a short name ``q`` ends with; S — the same characters in another order (6+, the
    same last two); L, K — one character apart in 3+ (:func:`_one_sound_apart`, ``p`` known, the same length:
    else the first two, P): the length and the last two, or the first and third of three; B, J — the same of
    their bodies (:func:`_estate_body`); A — an abbreviation's first two are the long name's first and third
    (:func:`_abbreviates`; else its first two, P). Before the cores: two 小区 one inside the other (the shorter's
    first two characters inside the longer's name before 小区: X), a 小区's own tail and a bare name's tail (equal:
    T), and an estate's garage read as the estate (the estate's keys)."""
    core = place_core(name)
    if len(core) < 2:
        return None
    n = len(core)
    asked = {f"P{core[:2]}"}
    held = {f"P{core[:2]}", f"E{core[-2:]}", f"L{n}{core[-2:]}"}
    if n >= 4:
        asked.add(f"I{core[:4]}")
        held |= {f"I{core[i:i + 4]}" for i in range(n - 3)}
        held.add(f"P{core[2:4]}")
    if n >= 3:
        held.add(f"A{core[0]}{core[2]}")
    if n == 3:
        held.add(f"K{core[0]}{core[2]}")
    if n >= 6:
        asked.add(f"S{''.join(sorted(core))}{core[-2:]}")
        held.add(f"S{''.join(sorted(core))}{core[-2:]}")
    if short_name(core):
        asked.add(f"E{core[-2:]}")
    if n >= 3 and _known(core):
        asked.add(f"L{n}{core[-2:]}")
        if n == 3:
            asked.add(f"K{core[0]}{core[2]}")
    body = _estate_body(core)
    if len(body) >= 3:
        held.add(f"B{len(body)}{body[-2:]}")
        if len(body) == 3:
            held.add(f"J{body[0]}{body[2]}")
        if _known(body):
            asked.add(f"B{len(body)}{body[-2:]}")
            if len(body) == 3:
                asked.add(f"J{body[0]}{body[2]}")
    if _short_form(core)[1]:
        asked.add(f"A{core[:2]}")
    if name.endswith("小区") and len(name) >= 4:
        asked.add(f"X{name[:2]}")
        held |= {f"X{g}" for g in _grams_of(name[:-2])}
    tails = {f"T{t}" for t in (_own_tail(name), _tail_of_bare(name, 2), _tail_of_bare(name, 3)) if t}
    asked |= tails
    held |= tails
    tail = next((t for t in _GARAGES if name.endswith(t) and len(name) - len(t) >= 3), "")
    if tail:
        head = _name_keys(name[:-len(tail)])
        if head is None:
            return None
        asked |= head[0]
        held |= head[1]
    return frozenset(asked), frozenset(held)


@lru_cache(maxsize=100_000)
def _places_keys(places: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]] | None:
    """:func:`_name_keys` of every place, asked and held (None: one of them may be one place with any name)."""
    asked: set[str] = set()
    held: set[str] = set()
    for p in places:
        keys = _name_keys(p)
        if keys is None:
            return None
        asked |= keys[0]
        held |= keys[1]
    return frozenset(asked), frozenset(held)


@dataclass(frozen=True, slots=True)
class _Reach:
    """What :func:`_may_repeat` reads of one appeal to find a way to a place shared with another, read once
    per appeal (:func:`group` asks it of every pair it meets; :func:`_apart` answers from two of these)."""
    district: str | None
    street: str | None
    placed: bool                        # names a place
    street_alone: bool                  # says its street's area and no place (:func:`_named_after_street`)
    areas: bool                         # has areas (:func:`_shared_area`)
    marks: bool                         # names a landmark of the table's ``on``
    roads: bool                         # names a road or area a landmark of the table stands on
    names: tuple[frozenset[str], frozenset[str]] | None     # :func:`_places_keys`
    sections: tuple[str, ...]           # the sections of a place it names (:func:`_section_place`)
    places: tuple[str, ...]
    heads: frozenset[str]               # :func:`_stem_heads`' heads
    quarters: frozenset[str]            # :func:`_quarters_said`
    area_alone: frozenset[str]          # :func:`_area_alone`
    estate_areas: frozenset[str]        # :func:`_estate_areas`
    outside: str                        # (w23-rep) "out" (:func:`_told_outside`), "road" (:func:`_road_cause`) or ""
    crossings: frozenset[str]           # (w23-rep) :func:`_at_keys`: the crossings of its landmarks, and its own
    kinds: frozenset[str] = frozenset()  # (w25-rpl) :func:`_kind_keys`: the kind pointed at, or its landmarks' kinds


def _reach_of(m: Matter) -> _Reach:
    on = load_landmarks().on
    return _Reach(m.district, m.street, bool(m.places), bool(m.street_said) and not m.places or bool(m.road_area),
                  bool(m.areas),
                  not on.keys().isdisjoint(m.places), _names_on(m.places), _places_keys(m.places),
                  tuple(v for k, v in m.parts if k == "段") if m.places else (), m.places,
                  frozenset(_stem_heads(m.places)), _quarters_said(m), _area_alone(m), _estate_areas(m),
                  "out" if _told_outside(m) else "road" if _road_cause(m) else "", frozenset(_at_keys(m)),
                  frozenset(k[3:] for k in _kind_keys(m)))


def _apart(a: _Reach, b: _Reach, hours: float | None, area_hours: float, stems: bool) -> bool:
    """True only where :func:`_may_repeat` answers False (no way to a place both share), read from what each
    appeal's :class:`_Reach` holds: each way's own first conditions. (False: ask :func:`_may_repeat`.)"""
    if a.street_alone or b.street_alone:
        return False        # _named_after_street: not read here
    if a.sections and any(x in q for x in a.sections for q in b.places) or \
            b.sections and any(x in q for x in b.sections for q in a.places):
        return False        # _section_place: a place of one holds a section's name the other says (few say one)
    if a.street is not None and a.street == b.street and not (a.placed and b.placed):
        return False        # _street_meeting: one street
    if hours is not None and hours <= area_hours and a.areas and b.areas:
        return False        # _shared_area
    if a.marks and b.roads or b.marks and a.roads:
        return False        # _landmark_by_road, _landmark_on_road (either way)
    if not a.area_alone.isdisjoint(b.area_alone):
        return False        # _one_area_alone: one area said alone by both
    if hours is not None and hours <= area_hours and {a.outside, b.outside} == {"out", "road"} and \
            not (a.district and b.district and a.district != b.district):
        return False        # (w23-rep) _cause_outside: an outage's cause outside, and a cause on a road
    if not a.crossings.isdisjoint(b.crossings):
        return False        # (w23-rep) _landmark_at_crossing
    if not a.estate_areas.isdisjoint(b.estate_areas):
        return False        # _estate_by_area: an estate and its area
    if not a.kinds.isdisjoint(b.kinds) and (not a.placed or not b.placed or
                                            any(k.startswith("@") for k in a.kinds & b.kinds)):
        return False        # (w25-rpl) _kind_named: a kind pointed at and a landmark of it (w25-rpl2: or a developer)
    if a.district and b.district and a.district != b.district:
        return True         # _shared_place, _shared_stem, _one_quarter: never in two districts
    if a.names is None or b.names is None or not (a.names[0].isdisjoint(b.names[1])
                                                   and b.names[0].isdisjoint(a.names[1])):
        return False        # _shared_place: two names same_name may call one place
    if stems and not (a.heads.isdisjoint(b.heads) and a.quarters.isdisjoint(b.quarters)):
        return False        # _shared_stem, _one_quarter
    return True


def _place_reading(m: Matter) -> tuple:
    """All that :func:`_may_repeat` and :func:`_apart` read of one appeal (and :func:`_reach_of`): its places,
    street, district, crossing, elsewhere, areas, parts, street as said, road's area, the quarters it names
    (:func:`_quarters_said`, from the residual too) and its residual only where :func:`_landmark_by_road` reads it
    (it names a road of the table's ``on``, or a station named after one, and no landmark of it). Two appeals of
    one reading are asked alike: :func:`group` answers a pair of readings once (a week's letters name the same
    places over and over). A field either comes to read must be added here; ``tests/unit/test_insight_speed_w21.py``
    compares the two."""
    residual = m.residual if _names_on(m.places) and load_landmarks().on.keys().isdisjoint(m.places) else None
    return (m.places, m.street, m.district, m.crossing, m.elsewhere, m.areas, m.parts, m.street_said, m.road_area,
            _quarters_said(m), residual, m.outside, m.kind_at)


def _repeat_scores(m: Matter, others: list[tuple[Matter, float | None]], settings: Settings,
                   memo: dict[tuple, float | None] | None = None,
                   reach: Callable[[Matter], _Reach] | None = None,
                   places: dict[tuple, Any] | None = None) -> list[float]:
    """The scores of the ``others`` (a matter, the hours between) that ``m`` repeats, as :func:`compare`
    answers; [] when more than half of them are no repeat (:func:`group` then passes the group by).
    ``memo`` (one :func:`group`'s, whose list of matters keeps every one alive, so no id is used again)
    remembers each answer by the two matters' identities and what the hours between decide (unknown, within
    ``similar.area_hours``, within ``similar.consequence_hours``: all that :func:`_may_repeat` and
    :func:`compare` read of them — a new use of the hours must be added to the key): a week's repeated text
    meets the same members again. ``reach`` (one :func:`group`'s: each matter's :class:`_Reach`, read once) passes
    by the pairs :func:`_apart` calls apart without asking :func:`_may_repeat` (its False, no repeat), and the
    whole group at once when they are more than half (what the loop below would answer at its end). ``places``
    (one :func:`group`'s, with a ``reach`` that gives one :class:`_Reach` per :func:`_place_reading`, kept alive)
    remembers :func:`_may_repeat`'s answer (False where :func:`_apart` says so) by the two readings' identities and
    whether the hours are within ``similar.area_hours`` (all it reads of them): asked once per pair of readings.
    (The answer does not depend on the order the pairs are read in: [] when the misses are more than half, else
    the hits in the order of ``others``.)"""
    hits: list[float] = []
    misses = 0
    area = float(settings.get("similar", "area_hours", 0) or 0)
    within = float(settings.get("similar", "consequence_hours", 0) or 0)
    estate = float(settings.get("similar", "estate_area_hours", 0) or 0)
    if memo is not None:
        # (w27-spd) every pair's score remembered (a sweep's week again: most are): the answer from them alone, as the
        # loop below gives it — a remembered score is None wherever the places part the pair (it was read so)
        mid = id(m)
        for other, hours in others:
            score = memo.get((mid, id(other), 8 if hours is None else
                              (hours <= area) + 2 * (hours <= within) + 4 * (hours <= estate)), _UNREAD)
            if score is _UNREAD:
                hits = []
                break
            if score is not None:
                hits.append(score)
        else:
            return [] if (len(others) - len(hits)) * 2 > len(others) else hits
    known: list[Any] | None = None       # each pair's _may_repeat, where read (False: no repeat)
    if reach is not None:
        mine, stems = reach(m), bool(settings.get("similar", "stem_threshold", 0))
        if places is None:
            known = [False if _apart(mine, reach(other), hours, area, stems) else _UNREAD for other, hours in others]
        else:
            known = []
            mid = id(mine)
            for other, hours in others:
                theirs = reach(other)
                pk = (mid, id(theirs), 2 if hours is None else hours <= area)
                place = places.get(pk, _UNREAD)
                if place is _UNREAD and _apart(mine, theirs, hours, area, stems):
                    place = places[pk] = False
                known.append(place)
        if sum(place is False for place in known) * 2 > len(others):
            return []
    for n, (other, hours) in enumerate(others):
        place = _UNREAD if known is None else known[n]
        if place is False:
            score = None
        else:
            key = (id(m), id(other), 8 if hours is None else (hours <= area) + 2 * (hours <= within) + 4 * (hours <= estate))
            score = memo.get(key, _UNREAD) if memo is not None else _UNREAD
            if score is _UNREAD:
                if place is _UNREAD:
                    place = _may_repeat(m, other, hours, settings)
                    if places is not None and reach is not None:
                        places[(id(reach(m)), id(reach(other)), 2 if hours is None else hours <= area)] = place
                result = None if place is False else compare(m, other, settings=settings, hours=hours, place=place)
                score = result.score if result is not None and result.repeat else None
                if memo is not None:
                    memo[key] = score
        if score is not None:
            hits.append(score)
        else:
            misses += 1
            if misses * 2 > len(others):
                return []
    return hits


@lru_cache(maxsize=8)
def _recurrence_said(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else None


def episode_window(m: Matter, settings: Settings | None = None) -> float:
    """(w24-rpw) How many hours after an earlier appeal ``m`` may still repeat it (else: a new matter, whatever it
    shares): where each problem it names is an area-wide one (停电, 停水), ``similar.episode_gap_hours`` (an outage is over within
    a day: the same estates out again days later is a new one, as hotspots cut their episodes); where it says the
    earlier trouble had ended and came back (上次清了没多久又来了, 上个月才停过, 之前整改了一段时间现在又恢复了:
    ``similar.recurrence_words``), ``similar.recurrence_hours``; otherwise ``similar.window_days``. 0: off."""
    settings = settings or load_settings()
    hours = float(settings.get("similar", "window_days", 30) or 30) * 24
    gap = float(settings.get("similar", "episode_gap_hours", 0) or 0)
    if gap and m.lead is not None:
        lexicon = load_lexicon()
        if m.concepts - lexicon.modifiers() <= lexicon.areawide() and not any(w in m.residual for w in _PRESSURE):
            hours = min(hours, gap)     # (water too weak for the upper floors is a standing fault, no outage)
    again = float(settings.get("similar", "recurrence_hours", 0) or 0)
    said = _recurrence_said(tuple(settings.get("similar", "recurrence_words", []) or []))
    if again and said is not None and said.search(m.residual):
        hours = min(hours, again)
    return hours


_MEMO_EPOCHS = itertools.count()


class GramCounts:
    """(w26-spd2) How many of a list of matters say each bigram (their ``grams``), kept from one list to the next: the
    sweep's week again with a few matters more and a few fewer is counted by the difference (each ``grams`` set by its
    identity, held so that no identity is used again while counted). The same counts as counting the list afresh."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.held: dict[int, tuple[frozenset[str], int]] = {}

    def take(self, matters: Iterable[Matter], counts: dict[str, int]) -> None:
        """Add ``matters``, whose grams' counts are ``counts`` (a memo file's record: counted when written)."""
        held = self.held
        for m in matters:
            held[id(m.grams)] = (m.grams, held.get(id(m.grams), (m.grams, 0))[1] + 1)
        self.counts.update(counts)

    def of(self, matters: Iterable[Matter]) -> Counter[str]:
        """The counts over ``matters`` (this object's own: read them, do not change them)."""
        now: dict[int, list] = {}
        for m in matters:
            entry = now.get(id(m.grams))
            if entry is None:
                now[id(m.grams)] = [m.grams, 1]
            else:
                entry[1] += 1
        counts, held = self.counts, self.held
        for key, (grams, n) in held.items():
            if key not in now:
                self._add(counts, grams, -n)
        for key, (grams, n) in now.items():
            if n != held.get(key, (grams, 0))[1]:
                self._add(counts, grams, n - held.get(key, (grams, 0))[1])
        self.held = {key: (grams, n) for key, (grams, n) in now.items()}
        return counts

    def matching(self, matters: list[Matter]) -> dict[str, int] | None:
        """The counts when they are those of ``matters`` exactly, else None. (w30-spd: a set of bigrams several
        matters share, twins of one text read once, as often as they share it.)"""
        now = Counter(id(m.grams) for m in matters)
        if len(now) != len(self.held) or any(self.held.get(k, (None, 0))[1] != n for k, n in now.items()):
            return None
        return dict(self.counts)

    @staticmethod
    def _add(counts: Counter[str], grams: frozenset[str], n: int) -> None:
        if n > 0:       # (counts only grow: Counter's own loop, in C — a first window's 20,000 matters; w27-spd)
            for _ in range(n):
                counts.update(grams)
            return
        for g in grams:
            c = counts[g] + n
            if c:
                counts[g] = c
            else:
                del counts[g]


class GroupMemo:
    """(w25-spd) What :func:`group` has read and answered, kept from one call to the next: the periodic hotspot
    sweep groups the same week again every few minutes, with a few appeals more and a few fewer, and the same
    ticket is the same :class:`Matter` object there (``hotline.services.similar.ticket_matter`` reads it once per
    process), so each pair of appeals is compared once, not once per sweep. Every answer is remembered by what
    :func:`group` reads of it (the two matters' identities and the hours' class, as within one call; the place
    keys by the fields they are read from), so a call with a memo answers as one without. The matters of the last
    call are kept alive (no identity is used again while an answer is remembered by it); the answers about
    matters no longer grouped are dropped after each call. Valid for one settings and one concepts' reading: a
    call with others starts it afresh. Not thread-safe: one caller at a time."""

    LIMIT = 400_000      # a pair of readings' and a place's entries past this: start afresh (a memo never grows unbounded)

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.epoch = next(_MEMO_EPOCHS)     # (w26-spd) another after each start afresh: a file of it is written whole
        self.owner: tuple[Any, ...] | None = None
        self.alive: dict[int, Matter] = {}
        self.verdicts: dict[tuple, float | None] = {}
        self.reaches: dict[int, _Reach] = {}
        self.by_reading: dict[tuple, _Reach] = {}
        self.met_places: dict[tuple, Any] = {}
        self.read: dict[tuple, tuple[list[str], list[str]]] = {}
        self.by_place: dict[tuple, list[str]] = {}
        self.mark = 0       # (w26-spd) the verdicts before the running call's (its own follow, in their order)
        self.fresh: dict[tuple, float | None] = {}      # … the last call's own, of the matters it kept
        self.grams = GramCounts()   # (w26-spd2) the bigrams' counts over the last hotspots window's matters

    def begin(self, settings: Settings) -> None:
        """Start a call: afresh when the settings, the concepts or the landmarks are other objects than the last
        call's (read again: a city's files changed, a test's own)."""
        owner = (settings, load_lexicon(), load_landmarks())
        if self.owner is None or any(x is not y for x, y in zip(owner, self.owner)) or \
                max(len(self.by_reading), len(self.met_places), len(self.read), len(self.by_place)) > self.LIMIT:
            self.clear()
            self.owner = owner
        self.mark = len(self.verdicts)

    def end(self, matters: list[Matter]) -> None:
        """End a call over ``matters``: keep them alive and forget the answers about any other (those of the call
        itself kept apart too, in ``fresh``: what a file of the memo adds)."""
        ids = {id(m): m for m in matters}
        self.fresh = {k: v for k, v in itertools.islice(self.verdicts.items(), self.mark, None)
                      if k[0] in ids and k[1] in ids}
        self.verdicts = {k: v for k, v in self.verdicts.items() if k[0] in ids and k[1] in ids}
        self.reaches = {k: v for k, v in self.reaches.items() if k in ids}
        self.alive = ids

    def adopt(self, settings: Settings) -> None:
        """Take a memo read back from a file (``pickle``) as this process's settings' and concepts': the caller
        has checked that they are those it was written with (``hotline.services.similar.reading_fingerprint``)."""
        self.owner = (settings, load_lexicon(), load_landmarks())

    def __getstate__(self) -> dict[str, Any]:
        # identities mean nothing in another process: each matter and each place reading by its number in a list
        # (the matters are pickled with it, so a caller pickling them beside the memo gets the same objects back)
        at = {i: n for n, i in enumerate(self.alive)}
        readings = list(self.by_reading.items())
        rat = {id(r): n for n, (_, r) in enumerate(readings)}
        return {"matters": list(self.alive.values()), "readings": readings, "read": self.read,
                "by_place": self.by_place,
                "verdicts": {(at[a], at[b], c): v for (a, b, c), v in self.verdicts.items() if a in at and b in at},
                "met_places": {(rat[a], rat[b], c): v for (a, b, c), v in self.met_places.items()
                               if a in rat and b in rat}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.clear()        # (no owner: :meth:`adopt` it, or the next call starts afresh)
        matters, readings = state["matters"], state["readings"]
        self.alive = {id(m): m for m in matters}
        self.by_reading = dict(readings)
        self.read, self.by_place = state["read"], state["by_place"]
        self.verdicts = {(id(matters[a]), id(matters[b]), c): v for (a, b, c), v in state["verdicts"].items()}
        self.met_places = {(id(readings[a][1]), id(readings[b][1]), c): v for (a, b, c), v in state["met_places"].items()}


def kept_place_keys(m: Matter, lookup: bool, by_place: dict[tuple, list[str]]) -> list[str]:
    """``m.lookup_keys()`` (``lookup``) or ``m.keys()``, kept in ``by_place`` (a :class:`GroupMemo`'s, so in the
    sweep's memo file too) by the fields they read: one estate, many problems, read once."""
    placed = (m.places, m.areas, m.street_said, m.street, lookup, _quarters_said(m), m.outside, m.elsewhere,
              m.crossing, m.kind_at)   # (quarters: the residual too)
    places = by_place.get(placed)
    if places is None:
        places = by_place[placed] = m.lookup_keys() if lookup else m.keys()
    return places


def group(matters: Iterable[Matter], times: Iterable[float | None] | None = None, *,
          window_days: float | None = None, settings: Settings | None = None,
          memo: GroupMemo | None = None) -> list[int | None]:
    """Group repeat appeals: rows of one matter share a group number (None: no repeat).

    Appeals are taken in time order; each meets the groups that share one of its place keys (as in
    the database index) and joins the one whose members it repeats best — it must repeat at least
    half of the (up to 6) members compared, so a chain of near neighbours never grows into a
    catch-all group. ``memo`` (:class:`GroupMemo`): what an earlier call read and answered, used and
    kept for the next call (the same answer as without it)."""
    settings = settings or load_settings()
    memo = memo or GroupMemo()
    memo.begin(settings)
    matters = list(matters)
    labels = _group(matters, times, window_days, settings, memo)
    memo.end(matters)
    return labels


def _group(matters: list[Matter], times: Iterable[float | None] | None, window_days: float | None,
           settings: Settings, memo: GroupMemo) -> list[int | None]:
    times = list(times) if times is not None else [None] * len(matters)
    window = (window_days if window_days is not None else settings.get("similar", "window_days", 30)) * 86400
    order = sorted(range(len(matters)), key=lambda i: (times[i] is None, times[i] or 0.0, i))
    member_of: dict[int, int] = {}
    groups: list[list[int]] = []
    # the index, by place key then by problem tag (the database's key is the two joined: "place|tag"; a place key
    # no appeal holds yet is passed by at once, without asking each of its tags)
    by_key: dict[str, dict[str, list[int]]] = {}

    mods = load_lexicon().modifiers()
    effects, told = consequence_links(settings)

    by_place = memo.by_place

    def keys_of(m: Matter, lookup: bool = False) -> tuple[list[str], list[str]]:
        # place keys (as in the database index) × problem concepts: an appeal meets appeals at its
        # place that share a problem or name none we know; one that names none meets every appeal at
        # its place (its wording decides, as at intake, where candidates are read by place only)
        places = kept_place_keys(m, lookup, by_place)
        problems = sorted(m.concepts - mods)
        # a cause meets what it leads to and back ([similar.consequences]: 爆管 / 停水)
        if lookup:
            problems += sorted({x for c in problems for x in (*told.get(c, ()), *effects.get(c, ()))} - set(problems))
        if lookup:
            tags = [*problems, "*"] if problems else ["#"]
        else:
            tags = [*(problems or ["*"]), "#"]
        return places, tags       # the keys: each place key with each tag, in that order

    # the keys of one place and problems, read once: a week names the same estates over and over (the fields
    # Matter.keys and Matter.lookup_keys read, and the concepts)
    read = memo.read

    def keys_once(m: Matter, lookup: bool = False) -> tuple[list[str], list[str]]:
        said = (m.places, m.areas, m.street_said, m.street, m.concepts, lookup, m.outside, m.elsewhere, m.crossing,
                m.kind_at)
        if said not in read:
            read[said] = keys_of(m, lookup)
        return read[said]

    # what each appeal is met as: its group, or -1 - j while it is in none (member_of as a list, which the
    # index's loop reads millions of times in a week of long letters)
    met_as = [-1 - j for j in range(len(matters))]
    met, keyed = met_as.__getitem__, by_key.get
    verdicts = memo.verdicts     # what _repeat_scores answered of a pair of matters
    reaches = memo.reaches       # each matter's _Reach by its identity (the list and the memo keep it alive)
    # … one per place reading (:func:`_place_reading`), so that a pair of readings is asked once (``met_places``)
    by_reading = memo.by_reading
    met_places = memo.met_places  # what _may_repeat answered of a pair of readings

    def reach(x: Matter) -> _Reach:
        r = reaches.get(id(x))
        if r is None:
            said = _place_reading(x)
            r = by_reading.get(said)
            if r is None:
                r = by_reading[said] = _reach_of(x)
            reaches[id(x)] = r
        return r

    for i in order:
        m = matters[i]
        seen: set[int] = set()
        places, tags = keys_once(m, lookup=True)
        for k in places:
            by_tag = keyed(k)
            if by_tag:     # (most place keys: none yet)
                for c in tags:
                    ks = by_tag.get(c)
                    if ks:         # (the last 60 of a list longer than that)
                        seen.update(map(met, ks[-60:] if len(ks) > 60 else ks))
        best, best_score = None, 0.0
        ti = times[i]
        # (w24-rpw) how long after an earlier appeal this one may still be its matter (:func:`episode_window`)
        reach_back = window if ti is None else min(window, episode_window(m, settings) * 3600)
        for g in seen:
            members = groups[g] if g >= 0 else [-1 - g]
            sample = members[:2] + members[-4:] if len(members) > 6 else members
            # the sampled members within the window, each with the hours between (None: a time unknown)
            others: list[tuple[Matter, float | None]] = []
            for j in sample:
                tj = times[j]
                if ti is None or tj is None:
                    others.append((matters[j], None))
                elif abs(ti - tj) <= reach_back:
                    others.append((matters[j], abs(ti - tj) / 3600))
            if not others:
                continue
            hits = _repeat_scores(m, others, settings, verdicts, reach, met_places)
            if len(hits) * 2 >= len(others) and hits:
                score = sum(hits) / len(hits)
                if score > best_score:
                    best, best_score = g, score
        if best is not None:
            if best < 0:
                j = -1 - best
                groups.append([j])
                best = len(groups) - 1
                member_of[j] = met_as[j] = best
            groups[best].append(i)
            member_of[i] = met_as[i] = best
        places, tags = keys_once(m)
        for k in places:
            by_tag = by_key.get(k)
            if by_tag is None:
                by_tag = by_key[k] = {}
            for c in tags:
                ks = by_tag.get(c)
                if ks is None:
                    by_tag[c] = [i]
                else:
                    ks.append(i)
    numbers: dict[int, int] = {}
    out: list[int | None] = []
    for i in range(len(matters)):
        g = member_of.get(i)
        out.append(None if g is None else numbers.setdefault(g, len(numbers) + 1))
    return out


# a metro (or light-rail) line a citizen names: 地铁3号线, 三号线, 轻轨1号线 (not a road: 3号线路)
_TRANSIT_LINE = re.compile(r"(?<![\dA-Za-z])(\d{1,2}|[一二三四五六七八九十]{1,3})号线(?!路)")
_LINE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def transit_line(text: str) -> str | None:
    """The one metro line ``text`` names (地铁3号线 and 三号线 alike: "3号线"; 阳逻线; 轻轨, the city's line 1), or
    None (none, or several)."""
    lines = set()
    for num in _TRANSIT_LINE.findall(text):
        if num.isdigit():
            lines.add(int(num))
        elif num[0] == "十":
            lines.add(10 + _LINE_DIGITS.get(num[1:], 0))
        elif len(num) == 1:
            lines.add(_LINE_DIGITS.get(num, 0))
    lines.discard(0)
    named = {f"{n}线" for n in _NAMED_LINE.findall(text)}
    if not lines and not named and "轻轨" in text:
        lines.add(1)                 # the light rail, as the city calls its line 1
    said = {f"{n}号线" for n in lines} | named
    return said.pop() if len(said) == 1 else None


# a line called by where it goes (阳逻线, 纸坊线, 机场线), not a bus's or a route's own words (专线, 路线, 沿线, 航线)
_NAMED_LINE = re.compile(r"(?<![地专路沿航热干支主视红黄蓝界底无连直曲防生])(阳逻|纸坊|前川|蔡甸|机场|新港|汉南)线")
