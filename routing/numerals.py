"""Numbers as citizens say them and speech engines write them: the one reader of Chinese numerals, routing's (a bus
line said digit by digit in a phone transcript, ``routing.speech``) and insight's (an estate's phase and building, an
age, a bus line in a letter: ``insight.matter``, ``insight.kb``).

Two readings: digit by digit (五三八 → 538, 幺零八 → 108, as a line or a room is said) and as a number with 十 and 百
(十二 → 12, 二十三 → 23, 两 → 2, 一百零八 → 108, 一百一十八 → 118, as a count, an age or a line is said).
"""
from __future__ import annotations

# a digit as said: 〇 and 零 are 0, 幺 is how a 1 is said inside a number (幺零八路), 两 is the 2 of a count
_DIGIT_CHARS, _DIGIT_VALUES = "零〇一幺二两三四五六七八九", "0011223456789"
SPOKEN_DIGITS = str.maketrans(_DIGIT_CHARS, _DIGIT_VALUES)
_VALUES = {c: int(v) for c, v in zip(_DIGIT_CHARS, _DIGIT_VALUES)} | {"十": 10}


def digits_said(word: str) -> str:
    """A number said digit by digit, written in digits (五三八 → 538, 幺零八 → 108); other characters stay."""
    return word.translate(SPOKEN_DIGITS)


def number_value(word: str) -> str:
    """A number said as a count, written in digits: 8, 八, 两, 十二, 二十三, 一百零八, 一百一十八, 三百五 → '8', '8',
    '2', '12', '23', '108', '118', '350' (a word this reader does not know is '0')."""
    if word.isdigit():
        return str(int(word))
    if "百" in word:
        hundreds, _, rest = word.partition("百")
        tail = rest.lstrip("零〇")
        if len(tail) == 1 and tail == rest and tail != "十":     # 三百五 is 350 as it is said; 一百零五 is 105
            return str(_VALUES.get(hundreds, 1) * 100 + _VALUES.get(tail, 0) * 10)
        return str(_VALUES.get(hundreds, 1) * 100 + (int(number_value(tail)) if tail else 0))
    if "十" in word:
        tens, _, ones = word.partition("十")
        return str(_VALUES.get(tens, 1) * 10 + _VALUES.get(ones, 0))
    return str(_VALUES.get(word, 0))
