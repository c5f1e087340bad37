"""Routing's one reader of Chinese numerals (twentieth wave, w20-one), used by the transcript reader
(``routing.speech``) and by insight (an estate's phase and building, an age, a bus line)."""
from __future__ import annotations

import pytest

from routing.numerals import digits_said, number_value


@pytest.mark.parametrize("said, written", [("五三八", "538"), ("幺零八", "108"), ("七二六", "726"), ("〇两九", "029"),
                                           ("591", "591"), ("五九幺路", "591路")])
def test_digits_said_one_by_one(said, written):
    assert digits_said(said) == written


@pytest.mark.parametrize("said, value", [("8", "8"), ("08", "8"), ("八", "8"), ("两", "2"), ("十", "10"), ("十二", "12"),
                                         ("二十", "20"), ("二十三", "23"), ("九十九", "99"), ("幺", "1"), ("几", "0"),
                                         ("一百", "100"), ("两百", "200"), ("一百零八", "108"), ("一百一十八", "118"),
                                         ("一百十", "110"), ("二百八十二", "282"), ("三百五", "350"), ("五百零五", "505")])
def test_a_count_as_its_value(said, value):
    assert number_value(said) == value


def test_the_transcript_reader_and_insight_read_lines_alike():
    from insight.matter import _bus_lines
    from routing.speech import _line_numbers

    assert _line_numbers("坐五三八路") == "坐538路" and _line_numbers("坐二十四路") == "坐24路"
    assert _line_numbers("在二七路") == "在二七路"       # two digits said apart are a road's name
    assert _line_numbers("坐一百零八路") == "坐108路" and _line_numbers("那个二百八十二路") == "那个282路"
    assert _line_numbers("五百零五路") == "505路"
    assert [name for name, _ in _bus_lines("坐五九幺路到关山大道")] == ["公交591路线"]


def test_insight_reads_phases_buildings_and_ages_with_it():
    from insight.kb import _normalised
    from insight.matter import _parts

    assert ("期", "2") in _parts("保利华都二期十二栋") and ("栋", "12") in _parts("保利华都二期十二栋")
    assert "12岁" in _normalised("孩子十二岁能办吗")
