"""Knowledge-base search that understands Chinese: an index the project builds itself.

Each article is indexed on its title, its question variants (weighted highest: they are in citizens'
words) and its answer, as character bigrams plus jieba words plus single characters (weighed lightly),
with dialect read as Mandarin (冇得 → 没有, 么样 → 怎么, 伢 → 孩子), synonyms folded to one form
(``synonyms.toml``: 取钱 → 提取, 电瓶车 → 电动自行车), ages in words written in digits (八十岁 → 80岁), and the
forms of a question (去哪里, 要什么, 能不能, 要准备哪些材料) cut out. An article of a life event's service (离婚登记,
殡葬, 营业执照) is also indexed on the words a citizen tells that event in (过不下去了, 咽气, 铺子), outside its length;
a situation told by two facts in different clauses (在这边打工 + 伢想读小学) adds its service's words to the question.
Ranking is BM25 (Okapi, k1=1.2, b=0.75) over those terms, a term's idf reading its rarity among the articles'
subjects (title, question variants) as well as in all their text, a query's term weighed as well by how rare its word
is in Chinese at large (jieba's dictionary counts: 一直, 家里, 晚上 meet articles by chance; 公积金, 年检 do not) and
less when the bigram crosses two words; a query's bigram no article has is heard by its sound (社报 → 社保), and two
or three lone characters jieba made no word of as the articles' word of their sound (低报 → 低保, 护招 → 护照,
公机金 → 公积金). When some clauses
of a question ask (低保怎么申请) and others tell the circumstances (家里就我一个人带个残疾伢), the telling ones weigh less;
the city's own name (武汉 → 本市) weighs as a common word.

Why not the databases' full text: PostgreSQL has no Chinese parser without an extension (zhparser,
pg_jieba) that a city's DBA must install, and SQLite's FTS5 has no Chinese tokenizer; one index in the
process behaves the same on both, needs nothing installed, and a knowledge base of a few thousand
articles builds in well under a second (docs/benchmarks.md) and is rebuilt when an article changes.
"""
from __future__ import annotations

import logging
import math
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from insight.matter import CLAUSE_BREAK

_KEEP = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]+")
_STOP = set("的了吗呢吧啊呀么我你他她它们是在有和与及或要想请问一下这个那个怎么什么如何可以能否需要")
# The forms of a question, not its matter: "去哪里办", "要什么条件", "能不能" are in every question and
# every article's question variants, so they are cut out (queries and articles alike) before the terms
# are taken; otherwise an article whose variants share only "在哪里办" outranks the one about the matter.
# Asking for the papers (要准备什么材料, 需要哪些证件) is a form too: every service has papers.
_FORMS = re.compile(
    "(?:需要|要)?(?:准备|带|提供|走)?(?:什么|哪些)(?:材料|资料|证件|证明材料|手续|东西|程序|流程|步骤)|"   # asking for the papers
    "请问一下|请问|想问一下|想问问|问一下|问问|我想|我要|想要|"
    "怎么样|怎么办理|怎么办|怎么弄|怎么搞|怎么去|怎么|如何|咋办|咋|"
    "到哪里|去哪里|在哪里|去哪儿|在哪儿|到哪儿|哪里|哪儿|哪个部门|什么部门|哪个单位|找谁|"
    "什么地方|什么时候|需要什么|需要哪些|要什么|要哪些|什么|哪些|"
    "有没有|能不能|可不可以|可以吗|行不行|是不是|能否|可否|"
    "吗|呢|吧|啊|呀|嘛")
WEIGHTS = {"title": 2.0, "questions": 3.0, "answer": 1.0}
UNIGRAM_WEIGHT = 0.3       # a single character's share of a match, against 1 for a bigram or a word


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    path = os.environ.get("HOTLINE_SYNONYMS_FILE")
    raw = open(path, "rb").read().decode() if path else resources.files("insight").joinpath("synonyms.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _groups(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for group in _lexicon().get(name, []):
        for word in group:
            out[word] = group[0]
    return out


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Each word of a group → the group's first word; a word is read as the dialect fold leaves it (啥也不管 is
    looked for as 什么也不管, the dialect being folded first)."""
    return {_dialect(word): root for word, root in _groups("groups").items()}


@lru_cache(maxsize=1)
def dialect() -> dict[str, str]:
    """Dialect and colloquial forms in Mandarin (冇得 → 没有, 么样 → 怎么, 伢 → 孩子), written before anything else."""
    return _groups("dialect")


@lru_cache(maxsize=1)
def life_events() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(the services of a life event, as words of an article's title; the terms of the words a citizen tells it
    in): 过不下去了, 老人走了, 开了个铺子 are indexed with every article whose title names one of the event's
    services, alike, so that the question's own words choose among them. The terms are the words' and bigrams',
    not their single characters'."""
    return [(tuple(_fold(_dialect(w)) for w in ev["services"]),
             tuple(t for t in terms(" ".join(ev["words"])) if not t.startswith("u:")))
            for ev in _lexicon().get("events", [])]


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    _GENERAL.update(total=tok.total, **{w: tok.FREQ.get(w, 0) for w in synonyms()})
    for word in synonyms():
        tok.add_word(word, freq=100000)
    return tok


# How common a word is in Chinese at large (jieba's dictionary counts, read before the synonyms were added to
# it): words of every conversation (一直, 回来, 家里, 晚上, 准备, 电话) meet an article by chance, while a service's
# words (公积金, 年检, 契税, 房东) are rare in general text; a query's term weighs by how rare it is there as well
# as in the knowledge base, which with a few hundred articles alone cannot tell 一直 from 犬只.
_GENERAL: dict[str, int] = {}
COMMON_BITS, RARE_BITS = 7.0, 11.0   # -log2-ish (natural log) of a word's general frequency: weight 0.25 → 1
COMMON_FLOOR = 0.25
PAPER_ENDS = "证卡本照"   # the last character of a paper's three-character name (居住证, 社保卡, 户口本, 驾驶照)
SOUND_WEIGHT = 0.7         # a bigram heard in the query's sound, against its own weight
CROSSING_WEIGHT = 0.4      # a bigram across two of jieba's words (要准 in 要准备, 把户 in 把户口) weighs this much
_NO_SLIP = _STOP | {"不"}  # characters no slipped word ends in (办不, 月供不: the Wuhan question's 不)
# a negation starts a phrase, not a slipped word: 不交 (社保) is not 补缴, 不办 is not 补办 (see Index._heard)
_NEGATION = ("不", "没")


# the city itself (武汉, 武汉市, 我市 fold to 本市): rare in Chinese at large, yet in a city's hotline every
# question is about it (我户口不在武汉, 能在武汉领证吗) and only a few answers happen to write it
LOCAL_COMMON = {"本市", "外地户口"}


def _general_weight(word: str) -> float:
    if word in LOCAL_COMMON:
        return COMMON_FLOOR
    tok = _tokenizer()
    f = _GENERAL.get(word, tok.FREQ.get(word, 0))
    if not f:
        return 1.0                      # not a word of the dictionary: a service's own term
    x = (math.log(_GENERAL["total"] / f) - COMMON_BITS) / (RARE_BITS - COMMON_BITS)
    return min(1.0, max(COMMON_FLOOR, x))


@lru_cache(maxsize=1)
def _fold_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(synonyms(), key=len, reverse=True)))


def _fold(text: str) -> str:
    """Every synonym to its group's first word, in one pass (the longest word first at each place, and a
    replacement is never folded again)."""
    syn = synonyms()
    return _fold_pattern().sub(lambda m: syn[m.group(0)], text) if syn else text


@lru_cache(maxsize=1)
def _dialect_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(dialect(), key=len, reverse=True)))


# a company founded (开个贸易公司, 注册了一家科技公司, 成立个有限公司, 凑钱搞个公司): the registration of a company, not of a 个体户
_COMPANY = re.compile("(?:开|注册|成立|搞|办)了?(?:个|一个|家|一家)?[\u4e00-\u9fa5]{0,4}?公司")
# the citizen's own account used for family (用我的医保卡给我妈开药, 拿我卡里的钱给她买药): 家庭共济
# 上 for 上户口 when the question's time or manner stands between (娃娃的户口么时候上, 户口要怎么上, 户口要去哪里上: the
# question's form may be cut out already, leaving a space)
_HUKOU_UP = re.compile("户口(?:什么时候|么时候|啥时候|要|能|该|怎么|么样|咋)\\s*(?:能|要|该|可以|去)?\\s*上(?![学班网课])")
# and the account's money told first (我医保卡里的钱能不能给我妈用, 我医保账户的钱可以给爸妈买药: the question's form
# cut out before, leaving a space)
_FOR_FAMILY = re.compile("(?:用|拿)我(?:的)?(?:医保卡|医保|卡|账户|个人账户)(?:里的钱|里面的钱|里的余额|的钱)?给|"
                         "我(?:的)?(?:医保卡|医保账户|医保|个人账户)(?:里的钱|里面的钱|里的余额|的钱|的余额)\\s*"
                         "(?:也|都)?(?:可以|能)?\\s*给(?=[我家父母爸妈老孩儿女爹婆爷奶外公亲])")


# 么 for 什么 after a verb or a measure word (办个么证, 要带么东西), and after 要 before papers or terms (要么条件, 要么材料);
# 要么 (either … or), 那么, 怎么 and 么样 stay
_WHAT = re.compile("(?<=[个带办是做搞干弄有交])么(?![样事子斯])|(?<=要)么(?=条件|材料|资料|手续|东西|证件|证明|程序|流程)")


# a service's verb said as its single character: 报 for 报销 after 能/可以 (还能报吗, 自费的能报不, 回武汉能不能报;
# not 报名, 报警, 报案, 报到, 报户口 as in 户口能报在), 贷 for 贷款 (能贷多少年, 夫妻都交了能多贷吗, 用公积金贷)
_CLAIM = re.compile("(?<=[能以么])报(?![名警案到在户销修税考告])")
# and 报 ending a clause after where it is claimed (拿着发票到武汉报, 回老家报, 去医保局报)
_CLAIM_AT = re.compile("((?:到|去|回)[\\u4e00-\\u9fa5]{1,5}?)报(?=\\s|$|[，,。？?！!])")
_LOAN = re.compile("(?<=[能多以金])贷(?![款])|(?<![房借])贷(?=多少|几年|多久)")


# a paper told with 的 inside its name (居住的证, 优待的证, 社保的卡, 结婚的证): the paper's own word (居住证);
# not 证明, 证件, 证书 (孩子的证明 stays), nor after one character (我的证)
_PAPER_OF = re.compile("(?<=[\u4e00-\u9fa5]{2})的(?=证(?![明件书]))")


def _dialect_words(text: str) -> str:
    """``text`` with the dialect's words (:func:`dialect`) in the plain ones, and nothing more."""
    words = dialect()
    return _dialect_pattern().sub(lambda m: words[m.group(0)], text) if words else text


def _dialect(text: str) -> str:
    text = _dialect_words(text)
    text = _FOR_FAMILY.sub("家庭共济给", _COMPANY.sub("注册公司", text))
    text = _PAPER_OF.sub("", _HUKOU_UP.sub("上户口", text))
    text = _CLAIM_AT.sub(lambda m: m.group(1) + "报销", _CLAIM.sub("报销", _WHAT.sub("什么", text)))
    return _LOAN.sub("贷款", text)


# an age in words (八十岁, 六十五周岁, 两岁): written in digits as articles write it, by the number reader the
# repeat grouping uses; never a piece of a longer run of numerals (八九十岁 is a synonym's, folded first)
_AGE = re.compile("(?<![零一二两三四五六七八九十百])([一二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])(周岁|岁)")


@lru_cache(maxsize=50_000)
def _reading(ch: str) -> str:
    """A Han character's toneless pinyin (its first reading)."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL)[0]


def _sound(bigram: str, size: int = 2) -> str:
    """``size`` Han characters' toneless pinyin (社保 and 社报: she-bao; 公积金 and 公机金: gong-ji-jin); "" for
    anything else."""
    if len(bigram) != size or not all("\u4e00" <= ch <= "\u9fa5" for ch in bigram):
        return ""
    return "-".join(_reading(ch) for ch in bigram)


# a move's direction told by where to (户口迁到老公那里, 迁去老家, 迁往学校): away from the city is 迁出 (folded text)
_MOVE_AWAY = re.compile("迁(?:到|去|往|至|回)(?=[^，,。；;！!？?\\s]{0,6}?(?:老家|原籍|异地|外地|配偶|婆家|娘家|农村|那边|学校|大学|部队|单位))")


# an age of eighty or more (92岁 once written in digits, 九十二了, 八十多岁): 高龄, the word the articles write it in
# (their thresholds are 80周岁, which a question's own age never meets); ages under eighty stay as they are
_OLD_AGE = re.compile("(?<![\\d.])(?:[89]\\d|1[01]\\d)(?=周岁|岁)|"
                      "(?<![零一二两三四五六七八九十百])(?:[八九]十[一二三四五六七八九]?|一百)(?=了|多岁|多了|好几了)")


# a contribution's gap told as 断了 beside what lapsed (社保断了, 中间断了两个月社保, 医保断了半年): 断缴, the word the
# articles write; not 网断了, 腿断了社保能报吗 (folded text: 社会保险 is 社保 here)
_LAPSED = re.compile("断了(?=(?:[一二两三四五六七八九十几半\\d]+个?(?:多)?(?:月|年)的?)(?:社保|医保|公积金))|"
                     "(?:(?<=社保)|(?<=医保)|(?<=公积金)|(?<=社保中间)|(?<=医保中间))断了")


# a registration struck off told with 销 alone after 户口 (户口还没销, 户口已经销了, 户口要去销掉; folded text): 注销, the
# word the articles write; not 销户 (a housing-fund account closed), nor 销售 / 报销
_HUKOU_OFF = re.compile("(?<=户口)((?:还|已经|已|都|要|得|没|没有|还没|还没有|去|要去|该|能)*)(?:销|消)(?![售费户])")


# an account moved told by 转 alone where the question's form was cut (养老保险么样转, 医保要怎么转, 公积金能转吗;
# folded text): 转移, the word the articles write, when the question names such an account; not 转学, 转账, 转让
_ACCOUNT = re.compile("社保|养老保险|医保|公积金")
_LONE_MOVE = re.compile("(?:(?<=\\s)|(?<=[要能该得咋])|(?<=怎么))转(?=\\s|$|[，,。？?！!])")


# what a thing is for, asked in everyday words (有什么用, 能拿来干么事, 还能干嘛用, 哪些情况下能用, 可以用在哪些地方): 用途, the word the
# articles write it in (住房公积金有哪些用途), read before the question's forms (什么, 哪些) are cut out
_USE = re.compile("(?:有|派)(?:什么|啥|么子|么事|哪些)用(?:处|场)?|(?:干|做)(?:什么|啥|嘛|么子|么事)用|"
                  "(?:能|可以)?(?:拿来|用来|用于|用在)(?:干|做|搞|办)?(?:什么|么事|啥|嘛|么子|哪些)(?:用|事|地方)?|"
                  "(?:哪些|什么|啥|么子)(?:情况|地方|事情|时候)下?(?:能|可以|才能|才可以)(?:用|动用|拿来用)")


# an account's years brought together told without 转 (长沙那个账户么样并过来, 以前那些年么样算到一起, 年限连不连得上, 缴费年限
# 接得上吗, 能接起来吗, 以前的年限没过来): 转移接续, the words the articles write, when the question names such an account (folded text)
_JOINED = re.compile("(?:并|合|挪|弄|移)(?:过来|过去|到一起|在一起)|(?:算|加|合)(?:到|在)一起|"
                     "(?:连|接)(?:得|不|不连得|不接得)?上|(?:连|接)(?:得)?起来|(?<=年限)没有?(?:转)?过来")



def _normalised(text: str, account: bool = False) -> str:
    """The folded text; ``account``: the whole question names an account (社保, 医保, 公积金) another clause may move."""
    from routing.numerals import number_value     # (an age said 十二, 两 → 12, 2: routing's one numeral reader)
    text = _dialect(_FORMS.sub(" ", _USE.sub(" 用途 ", text or "")))
    text = _MOVE_AWAY.sub("迁出", _AGE.sub(lambda m: number_value(m.group(1)) + m.group(2), _fold(text)))
    text = _HUKOU_OFF.sub(lambda m: m.group(1) + "注销", _LAPSED.sub("断缴", text))
    text = _OLD_AGE.sub(lambda m: "高龄" + m.group(0), text)
    if account or _ACCOUNT.search(text):
        text = _JOINED.sub("转移接续", _LONE_MOVE.sub("转移", text))
    return _FORMS.sub(" ", text)


CONTEXT_WEIGHT = 0.7       # a telling clause's terms, against an asking clause's (see weighted_terms)


# a service's deed wanted (身份证丢了要补办, 想申请低保, 我要办护照): a question told as a need
_NEED = re.compile("(?:要|想|准备)(?:申请|办理|补办|办|领取|领|提取|取)")


# a question asked by its ending alone, as Wuhan and everyday speech ask it (能用不, 能拿来抵月供不, 过期了冇, 排上了冇,
# 能领啵): the verb's negation or a particle closing the clause; not 都冇 / 也没 (一分都冇, nothing was had)
_TAIL = re.compile("(?:(?<![都也])不|(?<![都也还])(?:冇|没|没有)|啵|撒|噻|不咯)\\s*$")


def _asks(clause: str) -> bool:
    """Whether a clause holds a question's form (怎么申请, 在哪里办, 能…吗, 么样搞, 能用不) or a service's deed wanted
    (想申请低保)."""
    plain = _dialect_words(clause)
    # the dialect's words alone first (户口么时候能上: 什么时候 asks, though 上户口 reads the whole phrase afterwards)
    return bool(_FORMS.search(clause) or _FORMS.search(plain) or _FORMS.search(_dialect(clause)) or _NEED.search(clause)
                or _TAIL.search(clause))




SITUATION_WEIGHT = 0.5     # a situation's service terms, against the question's own words (see situations)


@lru_cache(maxsize=1)
def situations() -> list[tuple[tuple[tuple[str, ...], ...], str, tuple[str, ...]]]:
    """(groups of words, the service they tell together): a situation told across a question's clauses rather
    than the service's name (我们是外地的在这边打工 + 伢想读小学 → 随迁子女); it holds when a word of every group is in
    the folded question (words read as the fold leaves them) and none of its ``unless`` words is."""
    return [(tuple(tuple(_fold(_dialect(w)) for w in group) for group in sit["when"]), sit["service"],
             tuple(_fold(_dialect(w)) for w in sit.get("unless", ())))
            for sit in _lexicon().get("situations", [])]


def _situation_terms(norm: str) -> dict[str, float]:
    """The terms of the services whose situation the folded question tells (see :func:`situations`)."""
    told = [service for groups, service, unless in situations()
            if all(any(w in norm for w in g) for g in groups) and not any(w in norm for w in unless)]
    found = _weighted_terms(_normalised(" ".join(told))) if told else {}
    return {t: SITUATION_WEIGHT * w for t, w in found.items()}


def weighted_terms(text: str) -> dict[str, float]:
    """The query's terms with their weights (see :func:`_weighted_terms`). When some of its clauses ask (低报怎么
    申请) and others tell the circumstances (家里就我一个人带个残疾伢, 我户口不在武汉), the telling clauses' terms
    weigh CONTEXT_WEIGHT of their own: the matter is what is asked about. A situation the whole question tells
    (see :func:`situations`) adds its service's terms."""
    out = _situation_terms(_normalised(text))
    for t, w in _clause_terms(text).items():
        out[t] = max(out.get(t, 0.0), w * (USE_WEIGHT if t in _USE_TERMS else 1.0))
    return out


USE_WEIGHT = 0.35          # 用途 asked (see _USE), against the thing whose use is asked: it leans, the thing decides
_USE_TERMS = {"w:用途", "用途", "u:途"}


ASIDE_WEIGHT = 0.55        # a question added after the main one (…, 顺便问下公积金能不能取), against the main one's
# what turns a call to another question once one has been asked: 顺便 / 另外 / 还有 / 对了 / 再问 start an added
# question, and a question of 也 with a verb of asking (医保是不是也要一起办, 港澳的证是不是也能办) asks the same of another matter
_ASIDE = re.compile("顺便|顺带|另外|还有个|还有就是|还有一个|还有|对了|再问|还想问|还要问|"
                    "(?:是不是|要不要|能不能|可不可以)?也(?:要|能|可以|一起|得|需要|跟着|是不是|要不要|能不能)")


_HAN = re.compile("[\u4e00-\u9fa5]")
_FILLER = re.compile("喂|你好|您好|嗯|那个|就是说|是这样的|你听我说|我问下|我问一下")


def _told(clause: str) -> int:
    """How many characters a clause tells once its question's forms and a caller's fillers are taken out (a bare
    么样领 tells 1; 喂，你好 none)."""
    return len(_HAN.findall(_FILLER.sub("", _FORMS.sub("", _dialect(clause)))))


def _asides(clauses: list[str], asking: list[bool], told: list[int]) -> list[bool]:
    """Which clauses belong to a question added after the main one: from a clause saying an aside's word once a
    clause asking about something has come (喂, 你好 and a bare 么样领 ask nothing yet: ``told``), to the end."""
    out, asked, aside, said = [], False, False, 0
    for clause, asks, n in zip(clauses, asking, told):
        aside = aside or (asked and bool(_ASIDE.search(clause)))
        out.append(aside)
        said += n
        asked = asked or (asks and said >= 4)
    return out


def _clause_terms(text: str) -> dict[str, float]:
    clauses = [c for c in CLAUSE_BREAK.split(text or "") if c]
    asking = [_asks(c) for c in clauses]
    told = [_told(c) for c in clauses]
    for k in range(1, len(clauses)):
        # a bare question (么样领, 要多久, 怎么办) asks about what was told since the last question (听说每个月可以领钱,
        # 么样领): those clauses are its matter, not its circumstances
        if asking[k] and not asking[k - 1] and told[k] < 2:
            j = k - 1
            while j >= 0 and not asking[j]:
                asking[j] = True
                j -= 1
    asides = _asides(clauses, asking, told)
    if len(clauses) < 2 or ((all(asking) or not any(asking)) and not any(asides)):
        return _weighted_terms(_normalised(text))
    out: dict[str, float] = {}
    account = bool(_ACCOUNT.search(_normalised(text)))
    for clause, asks, aside in zip(clauses, asking, asides):
        share = (1.0 if asks else CONTEXT_WEIGHT) * (ASIDE_WEIGHT if aside else 1.0)
        for t, w in _weighted_terms(_normalised(clause, account)).items():
            out[t] = max(out.get(t, 0.0), share * w)
    return out


def _weighted_terms(norm: str) -> dict[str, float]:
    """Bigrams of the folded text (``norm``, already through :func:`_normalised`) plus its jieba words and its single characters (``u:``, weighed
    lightly: they still meet when a citizen's short question and the article share only 税 and 退), each
    with a query weight: how rare the word (or the word holding the bigram) is in Chinese at large, and a
    bigram across two words weighs less (a term's highest weight where it occurs twice)."""
    tok = _tokenizer()
    out: dict[str, float] = {}

    def put(term: str, weight: float) -> None:
        out[term] = max(out.get(term, 0.0), weight)

    for chunk in _KEEP.findall(norm):
        if len(chunk) == 1:
            put(chunk, _general_weight(chunk))
        start = 0
        words = tok.lcut(chunk, HMM=False)
        for k, word in enumerate(words):
            end = start + len(word)
            if len(word) >= 2 and word not in _STOP:
                put("w:" + word, _general_weight(word))
            for i in range(start, end - 1):
                bigram = chunk[i:i + 2]
                put(bigram, _general_weight(word if word in LOCAL_COMMON or not tok.FREQ.get(bigram) else bigram))
            if end < len(chunk):
                put(chunk[end - 1:end + 1], CROSSING_WEIGHT)
                if len(word) == 1 == len(words[k + 1]) and word not in _STOP and words[k + 1] not in _NO_SLIP:
                    # two lone characters jieba made no word of, neither a word's start (护招 in 那个护招; not 钱除
                    # in 钱除了): perhaps a slipped word, heard by its sound (Index._heard); no article term
                    put("~" + chunk[end - 1:end + 1], 1.0)
                    if (k + 2 < len(words) and len(words[k + 2]) == 1 and words[k + 1] not in _STOP
                            and words[k + 2] not in _NO_SLIP):
                        # three lone characters: perhaps a slipped three-character word (公机金, 失页金)
                        put("~" + chunk[end - 1:end + 2], 1.0)
                elif (len(word) == 2 and len(words[k + 1]) == 1 and word not in _STOP
                      and words[k + 1] not in _NO_SLIP):
                    # a two-character word of Chinese at large and a lone character: perhaps a slipped
                    # three-character word that jieba read as another word (公鸡金: 公鸡 + 金 → 公积金)
                    put("~" + chunk[start:end + 1], 1.0)
            start = end
        for ch in chunk:
            if ch not in _STOP and not ch.isascii():
                put("u:" + ch, _general_weight(ch))
    return out


def terms(text: str) -> list[str]:
    """The index terms of a text (see :func:`weighted_terms`), as an article's are counted."""
    text = _normalised(text)
    out: list[str] = []
    for chunk in _KEEP.findall(text):
        out += [chunk[i:i + 2] for i in range(len(chunk) - 1)] or [chunk]
        out += ["u:" + ch for ch in chunk if ch not in _STOP and not ch.isascii()]
    for word in _tokenizer().lcut(text, HMM=False):
        if len(word) >= 2 and word not in _STOP and _KEEP.fullmatch(word):
            out.append("w:" + word)
    return out


@dataclass
class Doc:
    id: int
    fields: dict[str, str]
    stamp: str = ""            # a version stamp: with a cache, an unchanged article is not read again


EVENT_WEIGHT = 1.0         # the words of a life event, in an article of one of its services (see life_events)


SUBJECT_FIELDS = ("title", "questions")   # what an article is about; its answer also names the papers it asks for


def doc_terms(doc: Doc) -> tuple[Counter, float, frozenset[str]]:
    """An article's weighted term counts (its fields' and its life events'), its length (its fields' alone) and
    its subject terms (those of its title, question variants and life events)."""
    tf: Counter = Counter()
    subject: set[str] = set()
    for name, text in doc.fields.items():
        w = WEIGHTS.get(name, 1.0)
        found = terms(text)
        for t in found:
            tf[t] += w
        if name in SUBJECT_FIELDS:
            subject.update(found)
    events = event_terms(doc)
    return tf + events, sum(tf.values()), frozenset(subject.union(events))


def event_terms(doc: Doc) -> Counter:
    """The terms of the life events whose services the article's title names (see :func:`life_events`); they
    are matched like the article's own but leave its length (BM25's normalisation) alone."""
    tf: Counter = Counter()
    title = _fold(_dialect(doc.fields.get("title", "")))
    for services, found in life_events():
        if any(s in title for s in services):
            for t in found:
                tf[t] += EVENT_WEIGHT
    return tf


@dataclass
class Index:
    """An inverted index: term → [(document position, weighted term frequency)]."""
    docs: list[Doc]
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    length: list[float] = field(default_factory=list)
    avg: float = 1.0
    sounds: dict[str, list[str]] = field(default_factory=dict)     # the bigrams by their sound (see _heard)
    word_sounds: dict[str, list[str]] = field(default_factory=dict)  # the three-character words by their sound
    shapes: dict[str, list[str]] = field(default_factory=dict)       # the three-character papers by first+last
    idf: dict[str, float] = field(default_factory=dict)            # BM25's idf of each term (see build)
    norm: list[float] = field(default_factory=list)                # BM25's length normalisation of each article

    @classmethod
    def build(cls, docs: Iterable[Doc], cache: dict | None = None) -> "Index":
        """``cache`` ((id, stamp) → :func:`doc_terms`) keeps the terms of unchanged articles between builds."""
        idx = cls(list(docs))
        subject_df: Counter = Counter()
        for pos, d in enumerate(idx.docs):
            key = (d.id, d.stamp)
            entry = cache.get(key) if cache is not None else None
            if entry is None:
                entry = doc_terms(d)
                if cache is not None:
                    cache[key] = entry
            tf, length, subject = entry
            idx.length.append(length)
            subject_df.update(subject)
            for t, f in tf.items():
                idx.postings.setdefault(t, []).append((pos, f))
        idx.avg = (sum(idx.length) / len(idx.length)) if idx.length else 1.0
        idx.norm = [1.2 * (0.25 + 0.75 * length / idx.avg) for length in idx.length]
        n = len(idx.docs)
        for t, posting in idx.postings.items():
            # a term's rarity among the articles' subjects (title, question variants) as well as among all their
            # text: 身份证 and 户口簿 are papers nearly every answer asks for, yet the matter of a few articles only
            df = math.sqrt(len(posting) * (subject_df[t] or len(posting)))
            idx.idf[t] = math.log(1 + (n - df + 0.5) / (df + 0.5)) * (UNIGRAM_WEIGHT if t.startswith("u:") else 1.0)
            sound = _sound(t)
            if sound:
                idx.sounds.setdefault(sound, []).append(t)
            sound = _sound(t[2:], 3) if t.startswith("w:") else ""
            if sound:
                idx.word_sounds.setdefault(sound, []).append(t[2:])
                if t[-1] in PAPER_ENDS:
                    idx.shapes.setdefault(t[2] + t[-1], []).append(t[2:])
        return idx

    def _heard(self, weighted: dict[str, float]) -> dict[str, float]:
        """A query's terms plus, for each of its bigrams no article has, the articles' bigrams that sound the
        same (社报 → 社保, 低宝 → 低保: pinyin input's slip), at SOUND_WEIGHT of its weight."""
        out = dict(weighted)
        for t, weight in weighted.items():
            if t in self.postings or t.startswith(_NEGATION):
                continue
            for other in self.sounds.get(_sound(t), ()):
                out[other] = max(out.get(other, 0.0), SOUND_WEIGHT * weight)
        for t, weight in weighted.items():
            # a slip (see _weighted_terms) is heard as the word of that sound too, at the sound's share of a new
            # word's weight: 低报 → 低保, 护招 → 护照 (the citizen typed the matter's own word, only wrong)
            if t.startswith("~") and len(t) == 4:
                # three lone characters heard as the articles' three-character word of that sound (公机金 → 公积金),
                # with the word's two bigrams
                if "w:" + t[1:] in self.postings or t[1:].startswith(_NEGATION):
                    continue
                heard = self.word_sounds.get(_sound(t[1:], 3), ())
                if not heard and len(self.shapes.get(t[1] + t[3], ())) == 1:
                    # no word of that sound: a paper's name with its middle character mistyped (居往证 → 居住证),
                    # when one paper alone of the articles' begins and ends so
                    heard = self.shapes[t[1] + t[3]]
                for other in heard:
                    for term in ("w:" + other, other[:2], other[1:]):
                        out[term] = max(out.get(term, 0.0), SOUND_WEIGHT * weight)
                continue
            if t.startswith("~") and t[1:] not in self.postings and not t[1:].startswith(_NEGATION):
                for other in self.sounds.get(_sound(t[1:]), ()):
                    if "w:" + other in self.postings:       # a word of the articles, not two of their characters
                        out[other] = max(out.get(other, 0.0), SOUND_WEIGHT * weight)
                        out["w:" + other] = max(out.get("w:" + other, 0.0), SOUND_WEIGHT * weight)
        return out

    def search(self, query: str, limit: int = 5) -> list[tuple[int, float]]:
        scores: dict[int, float] = {}
        norm = self.norm
        for t, weight in self._heard(weighted_terms(query)).items():
            posting = self.postings.get(t)
            if not posting:
                continue
            idf = weight * self.idf[t]
            for pos, f in posting:
                scores[pos] = scores.get(pos, 0.0) + idf * f * 2.2 / (f + norm[pos])
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
        return [(self.docs[pos].id, round(score, 3)) for pos, score in ranked]
