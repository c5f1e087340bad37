"""Masking of personal data (phone, ID, plate and bank-card numbers, names) wherever a reader does not need it.

One set of patterns for the whole system: the presenters (``hotline.presenters``) mask every text field a
unit, a channel or the public reads with ``mask_text``, and ``RedactingFilter`` masks every log record with
the same function as a second line behind the rule that logs never carry request bodies or SQL parameters.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Iterable

# Digits as citizens and speech recognition write them: ASCII, full-width (１３８…) and, in a phone call's
# transcript, spoken Chinese digits (一三八…, 幺 for one, 两 / 洞 for two / zero).
_D = "[0-9０-９]"
_CN_DIGITS = "零〇洞一幺二两三四五六七八九"
# 18-digit resident ID numbers (also 15-digit old ones) — also written in groups (420106 19900101 123X) —,
# bank-card numbers (16–19 digits, optionally in groups of four), mainland mobile numbers, landlines with an
# area code, local landlines (8 digits) after a word that says they are a number to call, and vehicle plates,
# also spelled with spaces (鄂 A 1 2 3 4 5).
_ID = re.compile(rf"(?<![0-9A-Za-z０-９])({_D}{{6}})[ ]?({_D}{{8}})[ ]?({_D}{{3}}[0-9０-９XxＸｘ])(?![0-9A-Za-z０-９])")
_CARD = re.compile(rf"(?<![0-9A-Za-z０-９])(?:{_D}{{16,19}}|{_D}{{4}}(?:[ -]{_D}{{4}}){{3}}(?:[ -]?{_D}{{1,3}})?)"
                   rf"(?![0-9A-Za-z０-９])")
_MOBILE = re.compile(rf"(?<![0-9０-９])(?:\+?86[- ]?)?([1１][3-9３-９]{_D})[- ]?({_D}{{4}})[- ]?({_D}{{4}})(?![0-9０-９])")
_LANDLINE = re.compile(rf"(?<![0-9０-９])([0０]{_D}{{2,3}})[- ]?({_D}{{3,4}})[- ]?({_D}{{4}})(?![0-9０-９])")
_LOCAL_LINE = re.compile(rf"((?:电话|座机|固话|手机|号码|联系方式|打|拨|致电|tel|TEL|Tel)[：:是为号码\s]{{0,4}})"
                         rf"({_D}{{3,4}})[- ]?({_D}{{4}})(?![0-9０-９])")
# a run of spoken digits long enough to be a phone, ID or card number (seven or more; dates and counts
# are shorter)
_SPOKEN = re.compile(rf"[{_CN_DIGITS}](?:[{_CN_DIGITS}0-9０-９ ]*[{_CN_DIGITS}0-9０-９]){{6,}}")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
_PLATE = re.compile(rf"([{_PROVINCES}])[ ]?([A-Za-z])[·•.\- ]?(?=[A-Za-z ]{{0,4}}[0-9])((?:[A-Za-z0-9][ ]?){{3,4}}[A-Za-z0-9])([A-Za-z0-9挂学警港澳]?)"
                    r"(?![A-Za-z0-9])")
# Other ways to reach a person: QQ, WeChat and e-mail handles, passports, after the word that names them.
_HANDLE = re.compile(r"((?:QQ|qq|微信|vx|VX|wx|WX)(?:号|号码|账号)?[：:是为\s]{0,3})([A-Za-z0-9_\-]{5,20})")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_PASSPORT = re.compile(r"((?:护照|通行证)(?:号|号码)?[：:是为\s]{0,3})([A-Za-z]{1,2}[0-9]{7,8})(?![0-9])")
# A caller's own name said in the text (我叫王建国, 本人李秀英, 姓名：刘德华, 联系人张伟): the common surnames
# after a word that introduces a name; the given name is one or two characters, and stops before a word that
# follows names in speech (住, 在, 是, 电话 …). 王女士 / 张先生 are how hotlines address callers and stay. 房 and 司
# are left out as surnames: 我是房东 and 我是司机 are roles.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
             "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
             "舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲滕屈饶解牟艾尤阳时穆农"
             "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
             "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
_COMPOUND = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文|端木|南宫|轩辕"
_AFTER_NAME = "住在是的家电手号今从和与跟向给说打反投要想来去到我他她今年岁，,。.；;：:、！!？? 先女老师同"
# characters of places, estates and roles rather than of given names (我是江汉区的, 本人房屋, 我是万科的业主)
_NOT_GIVEN = "区县市省街道村镇乡路湾园苑城山湖桥港口场站楼栋门店厂司业主民户人员工屋房子地产科龙阿姨叔婆爹爷奶姐哥嫂伯"
_GIVEN = rf"[^\W\d_A-Za-z{_AFTER_NAME}{_NOT_GIVEN}]{{1,2}}"
_NAME = rf"(?:{_COMPOUND}|[{_SURNAMES}]){_GIVEN}"
_SELF_NAME = re.compile(
    # words that always introduce a name
    rf"((?:我叫|我的名字是|我的名字叫|名字叫|名字是|本人叫|本人姓名|(?<=[，,\s])叫|姓名[：:是为]?|联系人[：:是为]?|"
    rf"申请人[：:是为]?|投诉人[：:是为]?|反映人[：:是为]?|来电人[：:是为]?)\s?)({_NAME})(?=[{_AFTER_NAME}\s]|$)"
    # 我是 / 本人 also introduce a place or a role: a name only when a pause or a contact detail follows
    rf"|((?:我是|本人)\s?)({_NAME})(?=[，,。；;\s]|电话|手机|联系|身份证|家住|住在|今年|$)")

HIDDEN = "（应来电人要求隐藏）"


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:] if len(digits) > 7 else digits[:3] + "****"
    return "*" * len(digits)


def mask_name(name: str | None) -> str | None:
    if not name:
        return name
    return name[0] + "*" * max(1, len(name) - 1)


def _mask_card(m: re.Match) -> str:
    digits = re.sub(r"\D", "", _ascii_digits(m.group(0)))
    if not 16 <= len(digits) <= 19:
        return m.group(0)
    return f"{digits[:4]} **** **** {digits[-4:]}"


def _ascii_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＳＴＵＶＷＹＺ",
                            "0123456789XxABCDEFGHJKLMNPQRSTUVWYZ")


def _mask_spoken(m: re.Match) -> str:
    run = m.group(0)
    return run[:3] + "＊" * max(0, len(run) - 7) + run[-4:] if len(run) >= 11 else "＊" * len(run)


def mask_text(text: str | None, names: Iterable[str | None] = ()) -> str | None:
    """Mask phone, ID, bank-card and plate numbers inside free text (also in full-width or spoken digits),
    contact handles, the names a caller gives for themselves, and the given names where they occur."""
    if not text:
        return text
    text = _ID.sub(lambda m: _ascii_digits(m.group(1)) + "*" * 12, text)
    text = _CARD.sub(_mask_card, text)
    text = _MOBILE.sub(lambda m: f"{_ascii_digits(m.group(1))}****{_ascii_digits(m.group(3))}", text)
    text = _LANDLINE.sub(lambda m: f"{_ascii_digits(m.group(1))}-****{_ascii_digits(m.group(3))}", text)
    text = _LOCAL_LINE.sub(lambda m: f"{m.group(1)}****{_ascii_digits(m.group(3))}", text)
    text = _SPOKEN.sub(_mask_spoken, text)
    text = _PLATE.sub(lambda m: f"{m.group(1)}{m.group(2).upper()}·***{(m.group(4) or m.group(3))[-1:]}", text)
    text = _HANDLE.sub(lambda m: m.group(1) + "***", text)
    text = _EMAIL.sub(lambda m: m.group(1) + "***" + m.group(2), text)
    text = _PASSPORT.sub(lambda m: m.group(1) + m.group(2)[:1] + "*" * (len(m.group(2)) - 1), text)
    text = _SELF_NAME.sub(lambda m: (m.group(1) or m.group(3)) + mask_name(m.group(2) or m.group(4)), text)
    for name in names:
        name = (name or "").strip()
        if len(name) >= 2 and name != HIDDEN:
            text = text.replace(name, mask_name(name))
    return text


def contains_personal_number(text: str | None) -> bool:
    """True if the text carries a phone, ID, bank-card or plate number (e.g. a search term)."""
    return bool(text) and mask_text(text) != text


def mask_deep(value: Any, names: Iterable[str | None] = (), drop: frozenset[str] = frozenset()) -> Any:
    """``mask_text`` applied to every string inside a JSON-like value; keys in ``drop`` are removed."""
    names = tuple(names)
    if isinstance(value, str):
        return mask_text(value, names)
    if isinstance(value, dict):
        return {k: mask_deep(v, names, drop) for k, v in value.items() if k not in drop}
    if isinstance(value, (list, tuple)):
        return [mask_deep(v, names, drop) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Masks personal numbers in a log record's message and traceback (the second line of defence)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = mask_text(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def install_log_redaction(*loggers: logging.Logger) -> None:
    """Put one ``RedactingFilter`` on every handler of the root logger (and of ``loggers``); idempotent."""
    for logger in (logging.getLogger(), *loggers):
        for handler in logger.handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
