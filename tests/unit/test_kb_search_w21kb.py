"""Wave 21 (w21-kb): words and situations citizens use for the knowledge base's services."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from insight.kb import Doc, Index, _normalised, weighted_terms

ROOT = Path(__file__).resolve().parents[2]

NEIGHBOURS = [
    Doc(0, {"title": "随迁子女入学", "questions": "外地户口孩子在本市上学", "answer": "凭居住证到居住地申请"}),
    Doc(1, {"title": "居住证办理", "questions": "暂住证怎么办", "answer": "到社区登记居住满半年可申领"}),
    Doc(2, {"title": "义务教育入学报名", "questions": "孩子上小学怎么报名", "answer": "按学区网上报名"}),
]


def test_a_migrants_child_going_to_school_is_told_across_clauses():
    got = weighted_terms("我们是外地的在这边打工 伢想读小学 要些么条件")
    assert got.get("随迁", 0) > 0
    assert Index.build(NEIGHBOURS).search("我们是外地的在这边打工 伢想读小学 要些么条件")[0][0] == 0


def test_a_pupil_moving_schools_is_not_the_migrants_child_situation():
    assert "随迁" not in weighted_terms("孩子要从老家转学到这边来读书")
    assert "随迁" not in weighted_terms("伢明年上一年级 在网上报名还是去学校")


def test_the_accounts_money_told_first_is_family_sharing():
    assert "家庭共济" in _normalised("我医保卡里的钱能不能给我妈用")
    assert "家庭共济" in _normalised("我医保账户的钱可以给爸妈买药吗")
    assert "家庭共济" not in _normalised("我医保卡里的钱能不能取出来")


def test_a_lapse_told_as_duan_le_beside_what_lapsed():
    assert "断缴" in _normalised("换工作中间断了两个月社保有影响吗")
    assert "断缴" in _normalised("我社保断了半年")
    assert "断缴" not in _normalised("腿断了社保能报吗")
    assert "断缴" not in _normalised("网断了")


def test_hawkers_and_a_gap_in_contributions_fold_to_the_articles_words():
    assert "流动摊贩" in _normalised("小区门口一大堆小摊小贩")
    assert "占道经营" in _normalised("占着路卖东西")
    assert "断缴" in _normalised("社保停缴了两年")
    # a stall of one's own is a business to license, not a hawker to report
    assert "流动摊贩" not in _normalised("摆地摊要不要营业执照")
    # a tax paid late is not a social-insurance arrear
    assert "补缴" not in _normalised("年底个税要补交几百块")


def test_contributions_in_several_cities_added_up_is_the_transfer():
    index = Index.build([
        Doc(0, {"title": "基本养老保险关系转移接续", "questions": "社保怎么转移", "answer": "缴费年限累计计算"}),
        Doc(1, {"title": "企业职工退休手续办理", "questions": "退休怎么办", "answer": "到龄后由单位申报"}),
        Doc(2, {"title": "社会保险断缴、补缴与续缴", "questions": "社保断了能不能补交 年限能不能接上",
                "answer": "补缴后年限连续计算"}),
    ])
    assert index.search("我在几个城市都交过社保 退休的时候年限能不能加在一起")[0][0] == 0


def test_kbdev15_finds_its_article_in_the_top_three():
    spec = importlib.util.spec_from_file_location("eval_insight", ROOT / "bench" / "eval_insight.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_insight", mod)
    spec.loader.exec_module(mod)
    result = mod.eval_kb("kbdev15")
    assert result["top3"] >= 0.98 and result["top1"] >= 0.95, result.get("misses")
