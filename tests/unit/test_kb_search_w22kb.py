"""Wave 22 (w22-kb): household registration, identity papers and the housing fund in citizens' words."""
from __future__ import annotations

import csv
from pathlib import Path

from insight.kb import Doc, Index, _normalised, weighted_terms

ROOT = Path(__file__).resolve().parents[2]


def _demo_articles() -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(ROOT / "hotline" / "demo_city" / "kb.tsv", encoding="utf-8") as f:
        for row in csv.reader((line for line in f if not line.startswith("#")), delimiter="\t"):
            if len(row) < 3:
                continue
            a = out.setdefault(row[0], {"title": "", "questions": [], "answer": ""})
            if row[1] == "title":
                a["title"] = row[2]
            elif row[1] == "q":
                a["questions"].append(row[2])
            elif row[1] == "answer":
                a["answer"] = row[2]
    return out


def _demo_index() -> tuple[Index, list[str]]:
    arts = _demo_articles()
    keys = list(arts)
    return Index.build(Doc(i, {"title": a["title"], "questions": "\n".join(a["questions"]), "answer": a["answer"]})
                       for i, a in enumerate(arts.values())), keys


def _top(index_keys, text: str, n: int = 1) -> list[str]:
    index, keys = index_keys
    return [keys[i] for i, _ in index.search(text, limit=n)]


def test_hukou_struck_off_told_with_xiao_alone_is_its_cancellation():
    assert "户口还没注销" in _normalised("爷爷去世半年了，户口还没销")
    assert "户口已经注销" in _normalised("户口已经销了")
    assert "注销" not in _normalised("公积金销户")          # a housing-fund account closed
    assert "注销" not in _normalised("户口本找不到了")


def test_a_childs_luohu_or_ruhu_is_its_birth_registration():
    assert "报户口" in _normalised("小孩随爸爸还是随妈妈落户，新生儿入户在哪办")
    assert "报户口" in _normalised("出生证明拿到了，怎么给孩子落户")
    assert "报户口" not in _normalised("买了房子能不能落户")


def test_divorce_or_settling_abroad_with_the_hukou_moved_is_its_move_out():
    assert weighted_terms("离婚了要把户口从前夫家里迁出来").get("迁出", 0) > 0
    assert weighted_terms("出国定居了，户口要注销还是迁出").get("迁出", 0) > 0
    assert "迁出" not in weighted_terms("离婚要带什么材料")          # no hukou asked about


def test_after_a_death_the_police_station_is_the_hukou_cancellation():
    got = weighted_terms("我爸在医院过世的，火化证明拿到了，下一步要去派出所吗")
    assert got.get("注销", 0) > 0
    assert "注销" not in weighted_terms("犬证在哪个派出所办")


def test_the_demo_articles_answer_the_families_neighbours():
    idx = _demo_index()
    assert _top(idx, "我爸在医院过世的，火化证明拿到了，下一步要去派出所吗") == ["swzx"]
    assert _top(idx, "小孩随爸爸还是随妈妈落户，新生儿入户在哪办") == ["csdj"]
    assert _top(idx, "身份证掉了怕被人冒用，先去挂失还是直接补办") == ["sfz"]     # not the 社保卡's 挂失
    assert _top(idx, "伢满16岁了要换成年的身份证，要本人去吗") == ["sfzhl"]
    assert _top(idx, "屋里有人得了大病住院花了好多钱，能不能提公积金") == ["gjj"]   # not 还贷 / 租房
    assert _top(idx, "两口子都交了公积金，买房的时候贷款额度能不能高一点") == ["gjjdk"]  # not 还贷提取


def test_an_account_moved_told_by_zhuan_alone_is_its_transfer():
    assert "转移" in _normalised("医保要怎么转")
    assert "转移" in _normalised("社保能转吗")
    assert "转移" not in _normalised("孩子要转学")
    assert "转移" not in _normalised("公积金转账")
    assert "转移" not in _normalised("怎么转")              # no account named: 转 stays


def test_a_contribution_proof_called_jiaona_zhengming_is_the_payment_proof():
    assert "缴费证明" in _normalised("买车摇号要社保缴纳证明")
    assert _top(_demo_index(), "买车摇号要社保缴纳证明，网上怎么打") == ["cbzm"]


def test_a_hukou_moved_out_after_divorce_or_abroad_is_not_the_divorce():
    idx = _demo_index()
    assert _top(idx, "离婚了要把户口从前夫家里迁出来，他不给户口本么办") == ["hkqc"]
    assert _top(idx, "出国定居户口要注销还是迁出") == ["hkqc"]
    assert _top(idx, "我们两个过不下去了想离婚，要带什么") == ["lh"]     # the divorce itself stays


def test_a_lone_zhuan_in_its_own_clause_reads_the_account_named_in_another():
    assert weighted_terms("我在上海交了几年养老保险，退休要在武汉退，么样转").get("转移", 0) > 0
    assert "转移" not in weighted_terms("孩子在这边读书，么样转")
