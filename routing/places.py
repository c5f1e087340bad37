"""Place extraction: which district, street, community, road and address a citizen's text names.

The gazetteer is built from the unit registry (district and street names with their aliases: 江岸 for
江岸区, 后湖 for 后湖街道) and a list of roads and landmarks (hotline/demo_city/roads.csv). Text is
scanned for the longest gazetteer names; short, ambiguous names (two-character street aliases such as
大智, 二七) are accepted only when jieba, loaded with the place names as user words, cuts the text
at that name, or when a place word (路, 街, 社区, 一带…) follows them. Address patterns (…路…号,
…小区/花园/家园, …村, …社区, …街道) supply the road, community and address.

Precedence when names disagree: the `place` field the citizen filled in beats the free text; within a
text, an explicit district name beats a street, which beats a road or landmark; the district of the
first explicit mention wins over later ones. A place that spans districts (和平大道, 南湖, 汤逊湖, a
bridge) never decides alone: another place in the text decides (和平大道 with 徐东 → 武昌区), the
districts all the spanning places share decide when there is one (雄楚大道 and 汤逊湖: 洪山区), and otherwise the
district stays unknown and `candidates` lists the districts for the operator to choose from.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Iterable

from routing.catalogue import sound_span
from routing.registry import RoadInfo, UnitInfo

log = logging.getLogger(__name__)

_KIND_RANK = {"district": 3, "street": 2, "road": 1, "landmark": 1}
# characters after a short alias that make it a place name (大智路, 二七街, 后湖片区, 花桥一带)
_PLACE_FOLLOW = tuple("路街道社区小区村片区附近一带地区区域辖区这边那边".split()) + tuple("路街村湾镇乡")
_FOLLOW_RE = re.compile(r"^(?:路|街|大道|社区|小区|片区|附近|一带|地区|区域|辖区|这边|那边|村|湾|边上|旁边|周边|门口|对面"
                        # the area around a town said as residents say it (旧街那块, 邾城那一带, 朱城老街, 仓埠古镇)
                        r"|那块|这块|那一块|这一块|那一带|这一带|那一片|这一片|那片|那附近|这附近|老街|古镇)")

# a public place of the town or street right after a short alias (旧街卫生院, 永安中心小学, 天河派出所, 洲头菜场): the name
# is the place's own (twenty-first wave)
_FACILITY_RE = re.compile(r"^(?:卫生院|医院|中心小学|小学|中学|幼儿园|派出所|菜场|菜市场|农贸市场|汽车站|客运站|街上|镇上|集镇)")
# a short alias that opens the whole appeal, set apart by a space or a comma from the matter after it (花桥 垃圾桶满了,
# 前川，路灯坏了): how a very short appeal names its place; what may come before it is only a greeting's filler
_OPENING_GAP = frozenset(" \u3000，,、")
# what an appeal or a phone transcript may open with before the place it names: a greeting's fillers (喂, 嗯, 那个, 你好)
# and pauses — one list, read here (a short alias opening the appeal) and by the router (a transcript's opening name)
_OPENING_FILLERS = re.compile(r"^(?:\s|喂|嗯|啊|那个|你好|您好|[，,、。])*")
# what follows a short alias that opens a clause and makes it the place of what comes next (花桥有个托班, 洲头有家店)
_THERE_IS_RE = re.compile(r"^有[个家一座条片栋所]")
_ROAD_RE = re.compile(r"([\u4e00-\u9fa5]{1,8}?)(大道|大街|路(?!灯)|街(?!道)|巷)(?:(\d+|[一二三四五六七八九十百]+)号)?")
_HOUSENO_RE = re.compile(r"(\d+|[一二三四五六七八九十]+)号")
_COMMUNITY_RE = re.compile(r"([\u4e00-\u9fa5A-Za-z0-9]{2,12}?)(社区|小区|花园|家园|公寓|新村|苑|大厦|村)")
# words that end a place phrase on the left: "我家住在后湖…" → "后湖…"
_LEFT_STOP = re.compile(r".*(?:[我你他她们在住于是的了和与及到从向对把被给、，。,：:；;！!？?（）()“”\"\s]|"
                        r"位于|居住|住在|地址|地点|市|区|街道|附近|这边|那边)")
_STOP_NAMES = {"马路", "道路", "公路", "小路", "街道", "大街", "社区", "小区", "花园", "广场", "村", "新村",
               "大道", "一条路", "这条路", "那条路", "该路", "此路", "该小区", "本小区", "我们小区", "这个小区"}
# a kind of housing, not an estate's name: 人才公寓, 长租公寓, 青年公寓, 公租房小区 (a community phrase that begins so is
# no place, or it would be masked and its matter lost: 人才公寓怎么申请 is housing's; twenty-eighth wave)
_HOUSING_KINDS = ("人才", "长租", "青年", "白领", "单身", "酒店式", "租赁式", "蓝领", "保障性", "保障房", "公租房", "廉租房",
                  "经适房", "还建", "安置", "老旧", "商品房")

# what the road pattern finds that is no road's name: a verb or a word of quantity before 路/街/巷 (老板跑路, 司机绕路,
# 泔水往马路泼, 泥巴带得满马路, 沙子撒一路, 整条街, 半路) and generic roads (马路, 公路, 线路, 这条街, 那个路, 十字路) —
# found as a road, the phrase would be masked and its matter (跑路, 泔水, 泥巴) lost to the catalogue
_NOT_A_ROAD = re.compile(r"(?:[撒洒带流泼倒冲跑绕走修堵让迷赶逛炸往满整半过]一?条?马?(?:路|街|巷)|马路|公路|小路|道路|线路|十字路|断头路"
                         r"|[条个段]路|[条个段]街|条巷)$")
# street names that, without their 街道 / 镇, are everyday words (车站街道, 山坡街道, 凤凰镇): never a place alone
# a word at least this frequent in the tokenizer's dictionary is said as meant, never a mis-heard place name
RESPELL_COMMON = 1000
_COMMON_BASES = {"车站", "球场", "劳动", "和平", "前进", "山坡", "凤凰", "新村", "青山"}
# of those, the ones residents also say as the place when a place word follows (山坡那边有个砖厂, 凤凰那边的湾子, 和平社区,
# 新村那边): read as the street then (twenty-first wave); 车站那边 / 球场那边 are a station's and a pitch's far more often
_EVERYDAY_BASES = _COMMON_BASES - {"车站", "球场", "青山"}
# what must follow an everyday word for it to be a place: a community, village or street word at once (成功社区, 全力村,
# 山坡街), or, when the word opens a clause (凤凰那边…, 我们全力那边…), a word for the area around it
_EVERYDAY_NAMED = re.compile(r"^(?:社区|村|街道|老街|乡(?!下)|镇(?!定|静)|湾子|片区)")
_EVERYDAY_AREA = re.compile(r"^(?:那边|这边|那块|这块|那一块|这一块|那一带|这一带|一带|那片|这片|那一片|这一片|那附近)")
_CLAUSE_OPENERS = ("在", "住", "到", "是", "我们", "我家", "我屋", "俺们", "就是", "那个", "这个")
# a citizen who corrects himself (宝丰路那边，不是，是贺家墩那边; 不是汉阳，是汉口; 说错了，在…): the place named after
# the correction is the one meant
_CORRECTION = re.compile(r"(?:不是|不对|说错了|搞错了|讲错了|记错了|口误|哦不)[^，,。！？!?]{0,12}?[，,、\s]+(?:应该是|是在|是|在)")


def longest_first_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """The alternation of ``names`` longest first (the longest name at each place, as ``finditer`` and
    ``fullmatch`` read it), written as a tree of their characters: re tries an alternation's 2,000 names one by
    one at every character of a text, the tree only those that begin there (six times faster on long letters;
    the same matches). Insight's concept words are read with it too (``insight.matter``)."""
    tree: dict[str, dict] = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def written(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + written(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body    # the longer names first, then the name ending here

    return re.compile(written(tree))

@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int
    kind: str          # district, street, road, landmark, community, address
    code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind, "code": self.code}


@dataclass(frozen=True)
class Place:
    district: str | None = None
    district_name: str | None = None
    street: str | None = None
    street_name: str | None = None
    community: str | None = None
    road: str | None = None
    address: str | None = None
    spans: tuple[Span, ...] = ()
    source: str | None = None       # "place" (the field the citizen filled in), "text" or None
    ambiguous: tuple[str, ...] = ()  # other districts named
    candidates: tuple[str, ...] = ()  # when no district was decided: the districts a spanning place lies in

    @property
    def found(self) -> bool:
        return self.district is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "district": self.district, "district_name": self.district_name,
            "street": self.street, "street_name": self.street_name,
            "community": self.community, "road": self.road, "address": self.address,
            "source": self.source, "ambiguous": list(self.ambiguous), "candidates": list(self.candidates),
            "spans": [s.as_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class _Entry:
    kind: str
    code: str | None        # unit code for district/street; None for a road
    district: str
    street: str | None
    short: bool             # needs confirmation (two-character street alias)
    everyday: bool = False  # an everyday word as well (成功, 全力, 山坡, 凤凰): a place only with a place word after it


_TOKENIZERS: dict[tuple[str, ...], Any] = {}
_TOKENIZERS_LOCK = threading.Lock()


def _shared_tokenizer(words: tuple[str, ...]):
    """One jieba tokenizer per set of place names (each costs ~0.7 s and ~60 MB to load)."""
    with _TOKENIZERS_LOCK:
        tok = _TOKENIZERS.get(words)
        if tok is None:
            import jieba
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            for name in words:
                tok.add_word(name, freq=200000, tag="ns")
            for suffix in ("小区", "社区", "花园", "家园", "街道"):
                tok.add_word(suffix, freq=200000)
            _TOKENIZERS[words] = tok
        return tok


_NUMBERED_ROAD = re.compile(r"^([\u4e00-\u9fa5]{2,6}?)([一二三四五六七八九十]?)路$")


def _numbered_roads(entries: dict[str, list["_Entry"]], put) -> None:
    """Roads numbered in a series (台北路, 台北一路, 古田二路 … 古田四路): a number of the series the list does not
    name is the same district when every road of the series the list names is in one district (eleventh wave:
    callers name the numbered road they live on, 台北一路, 古田三路)."""
    series: dict[str, list[_Entry]] = {}
    for name, cands in entries.items():
        m = _NUMBERED_ROAD.match(name)
        if m and all(c.kind == "road" for c in cands):
            series.setdefault(m.group(1), []).extend(cands)
    for base, cands in series.items():
        if len({c.district for c in cands}) != 1:
            continue
        street = cands[0].street if len({c.street for c in cands}) == 1 else None
        for n in ("", *"一二三四五六七八九"):
            if f"{base}{n}路" not in entries:
                put(f"{base}{n}路", _Entry("road", None, cands[0].district, street, False))


_NUMBERED_HOSPITAL = re.compile(r"^武汉市第([一二三四五六七八九十]{1,2})医院$")


def _numbered_hospitals(entries: dict[str, list["_Entry"]], put) -> None:
    """The city's numbered hospitals by the names residents use (武汉市第五医院 → 市五医院, 第五医院, 五医院, 武汉五医院):
    every short form of a numbered hospital the list names in one district, unless the list has that name already
    (sixteenth wave)."""
    for name, cands in list(entries.items()):
        m = _NUMBERED_HOSPITAL.match(name)
        if not m or len({c.district for c in cands}) != 1 or cands[0].kind != "landmark":
            continue
        n = m.group(1)
        for alias in (f"市{n}医院", f"第{n}医院", f"{n}医院", f"武汉{n}医院", f"武汉市{n}医院"):
            if alias not in entries:
                put(alias, _Entry("landmark", None, cands[0].district, None, False))


def _read_aloud(text: str) -> str:
    """Toneless pinyin, one syllable per character, space-separated (non-Han → |), each run of Chinese characters read
    as words are (长青 chang qing, where the character alone reads zhang): how a speech engine heard it."""
    from pypinyin import Style, lazy_pinyin
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]", text):
        if "\u4e00" <= run[0] <= "\u9fff":
            syllables = lazy_pinyin(run, style=Style.NORMAL)
            out += syllables if len(syllables) == len(run) else ["|"] * len(run)
        else:
            out.append("|")
    return " " + " ".join(out) + " "


@dataclass
class Gazetteer:
    """Place names → district/street, with a compiled longest-first matcher."""

    entries: dict[str, list[_Entry]]
    names: dict[str, str]                 # unit code → official name
    _regex: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        keys = sorted(self.entries, key=lambda k: (-len(k), k))
        self._regex = longest_first_pattern(keys) if keys else re.compile(r"(?!x)x")
        self._jieba = None
        self._sounds = None

    @classmethod
    def from_units(cls, units: Iterable[UnitInfo], roads: Iterable[RoadInfo] | None = None) -> "Gazetteer":
        """Build from the registry: districts and streets with aliases, plus single-district roads.

        `roads=None` uses the demo city's list, filtered to the districts present in `units`.
        """
        units = list(units)
        by_code = {u.code: u for u in units}
        if roads is None:
            from routing.registry import load_demo_roads
            roads = load_demo_roads()
        entries: dict[str, list[_Entry]] = {}
        names: dict[str, str] = {}

        def put(name: str, entry: _Entry) -> None:
            name = name.strip()
            if len(name) < 2 or name in _STOP_NAMES:
                return
            bucket = entries.setdefault(name, [])
            if entry not in bucket:
                bucket.append(entry)

        district_names = {n for u in units if u.kind == "district" for n in (u.name.removesuffix("人民政府"), *u.aliases)}
        for u in units:
            if u.kind == "district":
                names[u.code] = u.name.removesuffix("人民政府")
                for n in (u.name, *u.aliases):
                    put(n, _Entry("district", u.code, u.code, None, False))
            elif u.kind == "street":
                parent = by_code.get(u.parent or "")
                if parent is None or parent.kind != "district":
                    continue
                names[u.code] = u.name
                for n in (u.name, *u.aliases):
                    put(n, _Entry("street", u.code, parent.code, u.code, len(n) <= 2))
                # residents name a street without its 街道/乡/镇 (长青那边, 旧街这边, 将军路): the bare name too,
                # confirmed by a place word after it when short, unless it names a district or is a common word
                base = re.sub(r"(?:街道|乡|镇)$", "", u.name)
                if base != u.name and base not in district_names and base not in _COMMON_BASES and base not in u.aliases:
                    put(base, _Entry("street", u.code, parent.code, u.code, len(base) <= 2))
                elif base in _EVERYDAY_BASES and base not in u.aliases:
                    put(base, _Entry("street", u.code, parent.code, u.code, False, everyday=True))
        for r in roads:
            if r.kind == "ignore":
                put(r.name, _Entry("ignore", None, "", None, False))
            elif r.kind == "everyday" and r.district in names:
                # a community or village whose name is an everyday word (成功, 全力): a place only with a place word
                put(r.name, _Entry("landmark", None, r.district, r.street if r.street in names else None, False,
                                   everyday=True))
            elif r.district in names:
                street = r.street if r.street in names else None
                put(r.name, _Entry(r.kind if r.kind in ("road", "landmark") else "road", None, r.district, street, False))
        _numbered_roads(entries, put)
        _numbered_hospitals(entries, put)
        # a name that two districts share is ambiguous: keep it only for display, never to decide
        return cls(entries=entries, names=names)

    # -- jieba, only to confirm short names ---------------------------------------------------
    def _tokenizer(self):
        if self._jieba is None:
            words = tuple(sorted(n for n, cands in self.entries.items()
                                 if not all(c.short or c.everyday for c in cands)))
            self._jieba = _shared_tokenizer(words)
        return self._jieba

    def warm_up(self) -> None:
        """Load jieba now (start-up), not inside the first request."""
        self._tokenizer().lcut("武汉市江岸区大智街道")

    def _confirmed(self, text: str, start: int, end: int) -> bool:
        """A short alias counts when a place word follows (大智路, 二七街, 后湖一带) or when it stands
        alone after a district name or 在/住/到 (江岸区二七、住在花桥，)."""
        if _FOLLOW_RE.match(text[end:end + 2]) or _FACILITY_RE.match(text[end:end + 4]):
            return True
        before = text[max(0, start - 4):start]
        if before.endswith("区"):  # 蔡甸区索河, 新洲区双柳
            return True
        if _THERE_IS_RE.match(text[end:end + 2]) and (start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fa5")):
            return True    # a clause that opens on the name and says what is there (花桥有个托班, 一元有家店)
        after = text[end:end + 1]
        alone = after == "" or not ("\u4e00" <= after <= "\u9fa5") or after == "的"
        if after in _OPENING_GAP and _OPENING_FILLERS.fullmatch(text[:start]):
            return True    # the appeal opens on the name, set apart (花桥 垃圾桶满了, 前川，路灯坏了; twenty-sixth wave)
        return alone and (before.endswith(("在", "住", "到", "区")) or bool(self._regex.fullmatch(before[-3:] or "-")))

    @staticmethod
    def _said_as_place(text: str, start: int, end: int) -> bool:
        """An everyday word is a place when a community, village or street word follows it (成功社区, 全力村), or a word
        for the area around it when it opens a clause (山坡那边有个砖厂, 我们凤凰那边…; not 申请成功那边)."""
        after = text[end:end + 3]
        if _EVERYDAY_NAMED.match(after):
            return True
        if not _EVERYDAY_AREA.match(after):
            return False
        before = text[max(0, start - 2):start]
        return start == 0 or not ("\u4e00" <= before[-1:] <= "\u9fa5") or before.endswith(_CLAUSE_OPENERS)

    def cut(self, text: str) -> list[str]:
        return self._tokenizer().lcut(text)

    def respelled(self, text: str) -> str:
        """A speech engine's text with the place names it mis-heard written as the gazetteer's (桥口 → 硚口, 陈家矶 →
        谌家矶, 长青花园 → 常青花园, 阳罗 → 阳逻): a span that sounds like a name (toneless pinyin), is no name itself and
        no common word (地方 is no 堤防), cuts across no word, and — for a two-character name — is followed by a place word or 区, or ends a
        clause (a bare answer to "where?"). For transcripts only (``routing.speech``): a written 桥口 is as meant."""
        if self._sounds is None:
            index: dict[str, list[str]] = {}
            for name, cands in self.entries.items():
                if len(name) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and any(c.kind != "ignore" for c in cands):
                    index.setdefault(_read_aloud(name).strip(), []).append(name)
            keys = sorted(index, key=lambda k: (-len(k), k))
            self._sounds = (index, re.compile("(?<= )(?:" + "|".join(map(re.escape, keys)) + ")(?= )") if keys else None)
        index, regex = self._sounds
        if regex is None:
            return text
        spoken, freq = _read_aloud(text), self._tokenizer().FREQ
        bounds, k = {0}, 0
        for w in self._tokenizer().lcut(text, HMM=False):
            k += len(w)
            bounds.add(k)
        out, at = [], 0
        for m in regex.finditer(spoken):
            start, end = sound_span(spoken, m)
            span, names = text[start:end], index[m.group(0)]
            # never a span that cuts across a word (失业金 holds no 冶金)
            if start < at or span in self.entries or len(names) != 1 or (freq.get(span) or 0) >= RESPELL_COMMON \
                    or start not in bounds or end not in bounds:
                continue
            if end - start == 2 and not _name_closes(text, end):
                continue
            out.append(text[at:start] + names[0])
            at = end
        return "".join(out) + text[at:] if out else text

    def scan(self, text: str) -> list[tuple[Span, list[_Entry]]]:
        """Non-overlapping longest gazetteer matches, left to right."""
        out: list[tuple[Span, list[_Entry]]] = []
        for m in self._regex.finditer(text):
            name = m.group(0)
            cands = self.entries[name]
            if all(c.short for c in cands) and not self._confirmed(text, m.start(), m.end()):
                continue
            if all(c.everyday for c in cands) and not self._said_as_place(text, m.start(), m.end()):
                continue
            if _ORDINAL_SCHOOL.fullmatch(name) and not _ordinal_said(text, m.start(), m.end()):
                continue
            e0 = cands[0]
            code = e0.code if len({c.code for c in cands}) == 1 else None
            if e0.kind == "ignore":
                continue
            out.append((Span(name, m.start(), m.end(), e0.kind, code or (e0.district if e0.kind in ("road", "landmark") and len({c.district for c in cands}) == 1 else None)), cands))
        return out


# a municipal high school said by its bare ordinal (二中, 十一中; thirtieth wave): a name only where it stands as one —
# never inside a number, a school year or a date (初二中午, 三十二中, 高二中期, 周二中午, 第二中队) nor before a word it
# begins (中午, 中旬, 中心, 中央, 中文)
_ORDINAL_SCHOOL = re.compile(r"[一二三四五六七八九十]+中")
_ORDINAL_BEFORE = frozenset("零〇一二三四五六七八九十两百千第初高大周期拜月号年0123456789")
_ORDINAL_AFTER = frozenset("午期间旬途心央文队秋层级断止")


def _ordinal_said(text: str, start: int, end: int) -> bool:
    """Whether a bare ordinal school name at text[start:end] stands as the school's name."""
    return text[start - 1:start] not in _ORDINAL_BEFORE and text[end:end + 1] not in _ORDINAL_AFTER


# a demonstrative a caller says between a place and its place word (光谷那个小区, 后湖这边那个菜场), and what ends a
# clause after a name said as where one lives (我是后湖的)
_BETWEEN = re.compile(r"^(?:那个|这个|那边的?|这边的?)")
_CLOSES = ("", "，", ",", "。", "？", "?", "！", "!", "、")


def _name_closes(text: str, end: int) -> bool:
    """A two-character name heard by its sound stands as a place: a place word or 区 follows it, or one after 那个 / 这个
    (光谷那个小区), or it ends a clause, or it ends one after 的 (我是后湖的)."""
    after = text[end:end + 2]
    if _FOLLOW_RE.match(after) or after[:1] in ("区",) or after[:1] in _CLOSES:
        return True
    between = _BETWEEN.match(text[end:end + 3])
    if between and _FOLLOW_RE.match(text[end + between.end():end + between.end() + 2]):
        return True
    return after[:1] == "的" and after[1:2] in _CLOSES


_GENERIC = {"楼下", "门口", "对面", "旁边", "附近", "家住", "住在", "位于", "我们", "我家", "这个", "那个", "这里",
            "那里", "所在", "居住", "请问", "反映", "投诉", "举报", "本人", "业主", "居民", "一个", "市民", "武汉",
            "武汉市", "湖北", "湖北省", "地址", "现在", "目前", "一直", "长期", "今天", "昨天", "每天", "晚上"}


def _trim_left(phrase: str, gazetteer: "Gazetteer | None" = None) -> str:
    """Cut what precedes a place phrase: stop characters first, then (with jieba) generic words,
    single characters and the district/street names already recorded separately."""
    m = _LEFT_STOP.match(phrase)
    phrase = phrase[m.end():] if m else phrase
    if gazetteer is None or len(phrase) <= 2:
        return phrase
    tokens = gazetteer.cut(phrase)
    keep: list[str] = []
    for tok in reversed(tokens):
        cands = gazetteer.entries.get(tok)
        is_admin = bool(cands) and cands[0].kind in ("district", "street", "road")
        if keep and (tok in _GENERIC or is_admin or tok.endswith(("路", "大道", "大街", "号", "栋")) or (len(tok) == 1 and tok not in "路街巷村苑园城湾")):
            break
        keep.append(tok)
    out = "".join(reversed(keep))
    return out if len(out) >= 2 else phrase


def _patterns(text: str, gazetteer: "Gazetteer") -> tuple[str | None, str | None, str | None]:
    """(road, community, address) from address patterns."""
    road = community = address = None
    for m in _ROAD_RE.finditer(text):
        name = _trim_left(m.group(1), gazetteer) + m.group(2)
        i = m.end(2) - len(name)
        if i > 0 and text[i - 1:m.end(2)] in gazetteer.entries:
            name = text[i - 1:m.end(2)]     # a stop character that begins a known name: 和平大道, not 平大道
        # 一路上 / 一路都 (all the way: 司机一路上抽烟) is no road unless the gazetteer knows it (建设一路上)
        along = name.endswith("一路") and text[m.end(2):m.end(2) + 1] in ("上", "都", "狂", "飙") and name not in gazetteer.entries
        if len(name) >= 2 and name not in _STOP_NAMES and not name.endswith(("街道", "一条街")) and not _NOT_A_ROAD.search(name) and not along:
            road = name
            if m.group(3):
                address = f"{name}{m.group(3)}号"
            break
    for m in _COMMUNITY_RE.finditer(text):
        name = _trim_left(m.group(1), gazetteer) + m.group(2)
        if len(name) >= 3 and name not in _STOP_NAMES and not name.startswith(("这个", "那个", "我们", "该", "本", *_HOUSING_KINDS)):
            community = name
            break
    return road, community, address


def extract_place(text: str, gazetteer: Gazetteer) -> Place:
    """Find the district, street, community, road and address a text names (see module doc)."""
    text = text or ""
    hits = gazetteer.scan(text)
    spans = [s for s, _ in hits]
    hits = _home(text, _elsewhere(text, _moved(text, _corrected(text, _affiliated(text, _banked(text, _qualified(text, hits, gazetteer)))))))
    district: str | None = None
    street: str | None = None
    mentioned: list[str] = []
    # 1. explicit district names, first mention wins
    for span, _cands in hits:
        if span.kind == "district" and span.code:
            mentioned.append(span.code)
            district = district or span.code
    # 2. streets (consistent with the district if one was named)
    street_hits = [(s, c) for s, c in hits if s.kind == "street"]
    for _span, cands in street_hits:
        if district is None and len(_districts(cands)) > 1:
            continue   # a street name that is also a place spanning districts (南湖): decided below
        fits = [c for c in cands if c.kind == "street" and (district is None or c.district == district)]
        if district is None and len(_span.text) <= 2 and _landmark_there(text, _span, hits) - {c.district for c in fits}:
            continue   # a bare two-character area name said as where a landmark of another district is: the landmark's
        if len(fits) == 1 or (fits and len({c.street for c in fits}) == 1):
            street = fits[0].street
            district = district or fits[0].district
            mentioned.append(fits[0].district)
            break
    # 3. roads and landmarks in one district
    if district is None or street is None:
        for span, cands in hits:
            if span.kind not in ("road", "landmark"):
                continue
            dists = {c.district for c in cands}
            if len(dists) != 1:
                continue
            d = next(iter(dists))
            if district is None:
                district = d
            if d == district and street is None and cands[0].street:
                street = cands[0].street
            mentioned.append(d)
            if street:
                break
    # 4. places that span districts: the districts they all share, else candidates for the operator
    candidates: tuple[str, ...] = ()
    if district is None:
        spanning = [_districts(c) for _s, c in hits if len(_districts(c)) > 1]
        if spanning:
            shared = set.intersection(*spanning)
            if len(shared) == 1:
                district = next(iter(shared))
            else:
                candidates = tuple(sorted(shared or set.union(*spanning)))
    road, community, address = _patterns(text, gazetteer)
    extra_spans: list[Span] = []
    for value, kind in ((road, "road"), (community, "community"), (address, "address")):
        if value:
            i = text.find(value)
            if i >= 0 and not any(s.start == i and s.text == value for s in spans):
                extra_spans.append(Span(value, i, i + len(value), kind))
    others = tuple(sorted({d for d in mentioned if d != district}))
    return Place(
        district=district, district_name=gazetteer.names.get(district) if district else None,
        street=street, street_name=gazetteer.names.get(street) if street else None,
        community=community, road=road, address=address,
        spans=tuple(sorted(spans + extra_spans, key=lambda s: s.start)),
        source="text" if (district or road or community) else None, ambiguous=others, candidates=candidates,
    )


def _corrected(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """Drop the places named before the last self-correction when a place is named after it."""
    if len(hits) < 2:
        return hits
    cut = None
    for m in _CORRECTION.finditer(text):
        if any(s.start >= m.end() for s, _ in hits) and any(s.end <= m.end() for s, _ in hits):
            cut = m.end()
    if cut is None:
        return hits
    return [(s, c) for s, c in hits if s.start >= cut]


# a move named (从江岸搬到汉阳, 从汉口调到新洲): the place moved from is the past, the one moved to is the appeal's
# (fourteenth wave) so is the start of a trip the citizen made to the matter (从新洲坐车到洪山那边一个医院看病); a taxi ride
# (从汉口站打车去后湖) is not such a trip: its complaint is the ride's
_MOVED = re.compile(r"从([^，。,；;！!？?\s]{1,12}?)(?:搬到|搬来|搬去|调到|转到|转学到|迁到|换到"
                    r"|(?:专门|特意|特地)?(?:坐车|坐公交|坐地铁|坐大巴|开车|跑)(?:到|去|来))")


def _moved(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """Drop the places a text says someone moved from when a place moved to is named after them."""
    for m in _MOVED.finditer(text):
        if any(s.start >= m.end() for s, _ in hits):
            hits = [(s, c) for s, c in hits if not (m.start(1) <= s.start and s.end <= m.end(1))]
    return hits


# where the citizen works (我在协和医院上班，…), when a place follows it, is not where the matter is (下班走黄浦路那边，
# 路灯坏了); where a ride was going (出租车拒载，我说去后湖), when a place precedes it, is not where it happened either
_WORKPLACE = re.compile(r"在([^，。,；;！!？?\s]{1,12}?)(?:上班|上夜班|工作|打工|值班)")
_DESTINATION = re.compile(r"(?:说|要|想|准备|打算|送我|拉我|载我|打车|打的|坐车|叫车|约车"
                          # where touts offer rides to (机场出口有人喊拼车去武昌, 拉客说去汉口; twenty-first wave)
                          r"|拼车|喊|拉客|揽客|拉)(?:去|到)([^，。,；;！!？?\s]{1,10})"
                          # a line named by its two ends (纸坊到武昌的那趟公交): the appeal is where it starts
                          r"|(?<=[\u4e00-\u9fa5])(?:到|去|往)([^，。,；;！!？?\s的]{1,8})的(?:那趟|这趟|那班|这班|公交|班车|客车|城际|专线|线路)")


# a trip the citizen made for the matter itself (坐车到洪山那边一个医院看病, 要去江汉路一家店退货): that is where it is
_RIDE_VERBS = ("说", "送我", "拉我", "载我", "打车", "打的", "叫车", "约车")
_ERRAND = re.compile(r"一个|一家|看病|检查|办事|上学|医院|吃饭|退货")


def _elsewhere(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """Drop the places a text names only as the citizen's workplace when a place is named after it, and only as a
    ride's destination when a place is named before it."""
    for m in _WORKPLACE.finditer(text):
        if any(s.start >= m.end() for s, _ in hits):
            hits = [(s, c) for s, c in hits if not (m.start(1) <= s.start and s.end <= m.end(1))]
    for m in _DESTINATION.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if g == 1 and not m.group(0).startswith(_RIDE_VERBS) and _ERRAND.search(m.group(1)):
            continue    # 从新洲坐车到洪山那边一个医院做检查: where the citizen went for the matter, not a ride's end
        if any(s.end <= m.start() for s, _ in hits):
            hits = [(s, c) for s, c in hits if not (m.start(g) <= s.start and s.end <= m.end(g))]
    return hits


# a university named before its own hospital, college or campus (华中科技大学附属协和医院, 华科同济医学院, 湖北美术学院藏龙岛
# 校区, 中南财经政法大学首义校区): the hospital's or campus's place is where the matter is, not the university's main one
_AFFILIATE_GAP = ("", "附属", "附属的", "的")
_AFFILIATE_TAIL = ("医院", "医学院", "院区", "校区", "学部", "分院")
_AFFILIATE_PARENT = ("大学", "学院", "理工大", "华科", "华师", "华农", "武大", "地大", "财大", "美院", "科大", "工大",
                     # the short names residents give universities (湖大, 民大, 江大, 纺大, 武理, 中南财, 湖工; twenty-third wave)
                     "大", "武理", "中南财", "湖工", "华工", "武体", "湖经")


_QUALIFIER = re.compile(r"([\u4e00-\u9fa5]{2,4}?)(?:校区|院区|分院|分校|园区|分店|店)")


def _qualified(text: str, hits: list[tuple[Span, list[_Entry]]], gazetteer: "Gazetteer") -> list[tuple[Span, list[_Entry]]]:
    """A place that spans districts (a university with campuses in two, a chain) named with the campus or branch right
    after it (武汉纺织大学阳光校区, 武汉工程大学流芳校区): the district of that qualifier when the gazetteer knows it, or the
    road, avenue, street or lake it is short for (阳光 → 阳光大道), in one of the place's districts (sixteenth wave)."""
    out = []
    for span, cands in hits:
        dists = _districts(cands)
        m = _QUALIFIER.match(text, span.end) if span.kind == "landmark" and len(dists) > 1 else None
        if m:
            q = m.group(1)
            for name in (q, q + "路", q + "大道", q + "街", q + "湖"):
                known = _districts(gazetteer.entries.get(name, []))
                if len(known) == 1 and known <= dists:
                    cands = [c for c in cands if c.district in known]
                    break
        out.append((span, cands))
    return out


# the end of a bridge or tunnel across a river said by its bank (二七长江大桥汉口那头, 天兴洲大桥武昌那头, 江汉一桥汉阳这头的
# 桥下): of the districts the crossing spans, the one on that bank — 汉口 north of the rivers, 汉阳 west, 武昌 east; the
# bank's name is then no district of its own (武昌 here is the bank, not 武昌区; twenty-third wave, helper gaz)
_BANK = re.compile(r"(汉口|汉阳|武昌)(?:这头|那头|这一头|那一头|一头|桥头|方向那头|那边桥头|这边桥头|那岸|这岸)")
_BANKS = {"汉口": {"D-JA", "D-JH", "D-QK", "D-DXH", "D-HP", "D-XZ"}, "汉阳": {"D-HY", "D-CD", "D-HN"},
          "武昌": {"D-WC", "D-QS", "D-HS", "D-JX"}}


def _banked(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """A crossing that spans districts named with the bank of the end meant: that bank's district, the bank's own name
    dropped as a place."""
    out: list[tuple[Span, list[_Entry]]] = []
    drop: set[int] = set()
    for span, cands in hits:
        dists = _districts(cands)
        m = _BANK.match(text, span.end) if span.kind == "landmark" and len(dists) > 1 else None
        if m:
            side = dists & _BANKS[m.group(1)]
            if len(side) == 1:
                cands = [c for c in cands if c.district in side]
                drop.add(m.start())
        out.append((span, cands))
    return [(s, c) for s, c in out if not (s.start in drop and s.text == text[s.start:s.start + 2])]


def _affiliated(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """Drop a landmark that names the parent of the landmark right after it when that one is a hospital, college or
    campus (its name, or the word after it, ends in 医院 / 医学院 / 院区 / 校区 / 学部 / 分院) in one district."""
    out = list(hits)
    for (first, _c1), (second, c2) in zip(hits, hits[1:]):
        if first.kind != "landmark" or second.kind != "landmark" or text[first.end:second.start] not in _AFFILIATE_GAP:
            continue
        # a campus or branch named after its parent (同济光谷院区, 湖美藏龙岛校区) is the campus's whatever the parent's
        # name; otherwise two hospitals side by side (协和医院同济医院) are two places
        campus = text[second.end:second.end + 2] in ("院区", "校区", "分院", "分校")
        if not first.text.endswith(_AFFILIATE_PARENT) and not campus:
            continue
        if len(_districts(c2)) != 1:
            continue
        if second.text.endswith(_AFFILIATE_TAIL) or text[second.end:second.end + 2] in _AFFILIATE_TAIL:
            out = [(s, c) for s, c in out if s is not first]
    return out


# where the citizen lives (我住在常青花园，在江汉路一家店上班，老板欠了工资; 我家在后湖，在楚河汉街吃饭…; 我是东西湖的，在
# 街道口当厨师), when a place in another district is named after it, is only who is speaking: the matter is where the
# later place is. A later place the citizen names only as the workplace counts when the matter is the job's (wages,
# social insurance, a contract): 我住在钟家村，楼上吵，我在江汉路上班要早起 stays in 汉阳 (fourteenth wave)
_HOME = re.compile(r"(?:家住在|家住|住在|我家在|我们家在|家是|我住|我们住)([^，。,；;！!？?\s]{1,10}?)(?=的[，,。\s]|[，,。；;\s]|这边|那边|这一块|那一块|$)"
                   r"|我是(?:住在)?([^，。,；;！!？?\s]{2,8}?)的[，,。\s]"
                   r"|我(?:们)?(?:家)?在([^，。,；;！!？?\s]{2,8}?)住[，,。\s]")
_JOB_MATTER = re.compile(r"工资|工钱|薪水|欠薪|底薪|提成|加班|社保|社宝|五险|工伤|劳动合同|签合同|辞职|辞退|开除|离职|押金|厂里|公司")


def _home(text: str, hits: list[tuple[Span, list[_Entry]]]) -> list[tuple[Span, list[_Entry]]]:
    """Drop the places a text names only as the citizen's home when a place of another district is named after it
    (a workplace only for a matter of the job)."""
    jobs = [(m.start(1), m.end(1)) for m in _WORKPLACE.finditer(text)] if not _JOB_MATTER.search(text) else []
    for m in _HOME.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        home = [(s, c) for s, c in hits if m.start(g) <= s.start and s.end <= m.end(g)]
        homes = set().union(*(_districts(c) for _s, c in home)) if home else set()
        if not homes:
            continue
        later = [_districts(c) for s, c in hits if s.start >= m.end()
                 and not any(a <= s.start and s.end <= b for a, b in jobs)]
        if any(len(d) == 1 and not d & homes for d in later):
            hits = [(s, c) for s, c in hits if (s, c) not in home]
    return hits


# what may stand between an area name and the landmark it says is there (北湖那边化工区, 花桥那边的那个医院)
_THERE_GAP = re.compile(r"^(?:那边|这边|那块|这块|那一块|一带|那一带|那片|那一片|附近|旁边|边上)?(?:的)?(?:那个|这个|那家|一个)?$")


def _landmark_there(text: str, area: Span, hits: list[tuple[Span, list[_Entry]]]) -> set[str]:
    """The district of a landmark named right after a bare two-character area name as what is there, by a name of three
    characters or more in one district (北湖那边化工区, 北湖那边的化工区): the area name is then that landmark's part of
    town — 青山's 北湖, not 江汉's 北湖街 (twenty-second wave). A landmark named elsewhere in the text (a ride's start, the
    citizen's workplace) says nothing of the area name."""
    for span, cands in hits:
        if span.start >= area.end and span.kind == "landmark" and len(span.text) >= 3 \
                and _THERE_GAP.match(text[area.end:span.start]):
            ds = _districts(cands)
            return ds if len(ds) == 1 else set()
    return set()


def _districts(cands: list[_Entry]) -> set[str]:
    return {c.district for c in cands if c.kind != "ignore" and c.district}


def merge_places(given: Place | None, found: Place) -> Place:
    """The place field the citizen filled in beats what the text says; the text fills the gaps. The spans
    stay the text's (where in the text places are named: the router masks them there), not the field's."""
    if given is None or not (given.district or given.street or given.road or given.community):
        return found
    district = given.district or found.district
    street = given.street or (found.street if found.district in (None, district) else None)
    return Place(
        district=district,
        district_name=given.district_name if given.district else found.district_name,
        street=street, street_name=given.street_name if given.street else (found.street_name if street else None),
        community=given.community or found.community, road=given.road or found.road,
        address=given.address or found.address, spans=found.spans, source="place",
        candidates=() if district else (given.candidates or found.candidates),
        ambiguous=tuple(sorted(set(given.ambiguous) | ({found.district} - {district, None}))),
    )
