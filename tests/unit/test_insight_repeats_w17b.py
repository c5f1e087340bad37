"""Repeat appeals, seventeenth wave's second round: a quarter named by its landmark, a street or a nickname of it
(landmarks.toml `quarter`) is one place for a problem plainly shared; a direction (往路边) ends no road name."""
from __future__ import annotations

from insight import compare, group, matter_for_text


def test_one_quarter_by_its_landmark_and_its_nickname():
    a = matter_for_text("黄鹤楼南门外面好多人在卖假门票拉游客")
    b = matter_for_text("蛇山那边有人冒充导游骗外地人买高价票")
    assert compare(a, b).repeat
    # … and grouping finds the pair (the quarter is an index key)
    g = group([a, b], [0.0, 5.0])
    assert g[0] is not None and g[0] == g[1]


def test_one_quarter_is_no_place_for_another_problem_or_two_estates():
    a = matter_for_text("黄鹤楼里面的电梯停运了，老人上不去")
    b = matter_for_text("蛇山那边有人冒充导游骗外地人买高价票")
    assert not compare(a, b).repeat
    c = matter_for_text("王家湾那边修路的围挡把人行道全封了")
    d = matter_for_text("宗关那边修路的围挡把人行道全封了")
    assert not compare(c, d).repeat


def test_a_direction_ends_no_road():
    assert not any(p.endswith("往路") for p in matter_for_text("餐馆往路边阴沟里倒泔水，臭得很").places)
