"""Repeat appeals, twenty-sixth wave (w26-rpb, wrong merges): a mend and its failure again told in one breath (修了才一个月
又坏了, 上个月填好了，这两天又陷下去了) reaches back a week only; one estate's gas cut and a smell of gas in one of its
buildings are two matters (a smell told with its cause in the mains, or a cut with the repair behind it, stay one); two
shops of one street or lane, each pointed at by name (那家鸭脖店 / 那家臭豆腐店), are two places; tune82 keeps its
figures."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

from insight import matter_for_text
from insight.matter import _shop_said, episode_window

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def test_a_mend_and_its_failure_in_one_breath_reaches_back_a_week_only():
    for text in ("汉商银座后面公厕的门锁修了才一个月又坏了", "花园道那个塌陷的地方上个月填好了，这两天又陷下去了",
                 "解放大道那个坑补了没一个月又塌下去了", "小区门口的下水道疏通了没几天又堵了"):
        assert episode_window(matter_for_text(text)) == 168, text
    # … a repair still awaited says no mend done
    assert episode_window(matter_for_text("汉商银座后面公厕的门锁坏了好多天，一直没人来修")) == 30 * 24


def test_a_lock_mended_and_broken_again_weeks_later_is_a_new_matter():
    texts = ["汉阳区钟家村汉商银座后面那个公厕的门锁坏了，锁不上", "汉商银座后边的公共厕所门关不上，锁坏了好多天",
             "汉商银座后面公厕的门锁修了才一个月又坏了"]
    g = _groups(texts, [0, 3, 24 * 22])
    assert _one(g, 0, 1) and not _one(g, 0, 2) and not _one(g, 1, 2)


def test_a_gas_cut_is_no_smell_in_one_building():
    cut = "江岸区东方恒星园今天上午开始停气了，燃气灶打不着火"
    again = "东方恒星园停气一上午了，燃气灶点不着，什么时候来气"
    smell = "东方恒星园5栋楼道里一股很重的煤气味"
    g = _groups([cut, smell, again], [0, 1, 3])
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)
    # … but a cut told with the repair behind it, or a smell told with its cause in the mains, is one gas fault
    g = _groups(["东方恒星园5栋楼道里一股煤气味，很呛", "东方恒星园停气了，燃气公司说在抢修管道"], [0, 2])
    assert _one(g, 0, 1)
    g = _groups(["香港路地铁工地把燃气管挖破了，一股煤气味", "香港路这边的小区都停气了，做不成饭"], [0, 1])
    assert _one(g, 0, 1)


def test_two_shops_of_one_lane_are_two_places():
    assert _shop_said("里面那家鸭脖店的卤味烟味熏人") == frozenset("鸭脖")
    assert _shop_said("卖鸭脖那家店每天熬卤水") == frozenset("鸭脖")
    assert _shop_said("一楼餐馆油烟直排") is None and _shop_said("楼下的饭店油烟大") is None
    texts = ["武昌区户部巷里面那家鸭脖店的卤味烟味熏得楼上住户没法开窗", "户部巷那家臭豆腐店油锅的烟也大，整条巷子都是味道",
             "户部巷卖鸭脖那家店每天熬卤水，烟味飘进居民家里"]
    g = _groups(texts, [0, 1, 4])
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_tune82_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune82")
    assert r["found"] >= 24 and r["wrong_merges"] <= 2, r


def test_a_lift_stopped_again_weeks_later_is_a_new_matter():
    assert episode_window(matter_for_text("青山区建二小区9栋的电梯又停了，天天爬楼")) == 168
    texts = ["青山区建二小区9栋的电梯坏了，一直停在顶楼", "建二小区9栋电梯还没修好，老人下不了楼", "建二小区9栋的电梯又停了，天天爬楼"]
    g = _groups(texts, [0, 2, 24 * 20])
    assert _one(g, 0, 1) and not _one(g, 0, 2)
    g = _groups(texts, [0, 2, 30])       # … within the week the same words join the matter still open
    assert _one(g, 0, 2)


def test_two_shops_of_one_square_said_by_their_names_are_two_places():
    assert _shop_said("那家蔡林记门口排队的人占了人行道") == frozenset("蔡林记")
    assert _shop_said("楼下那家超市门口堆满了纸箱") is None
    g = _groups(["武昌区司门口那家周黑鸭店门口电动车乱停，堵住了人行道", "司门口那家蔡林记门口排队的人占了人行道"], [0, 1])
    assert not _one(g, 0, 1)
