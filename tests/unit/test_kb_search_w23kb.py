"""Wave 23 (w23-kb): a house bought or a degree earned told with 落户, a slipped word jieba read as another word,
and the demo articles' new question variants."""
from __future__ import annotations

from functools import lru_cache

from hotline.demo import starter_articles
from insight.kb import SITUATION_WEIGHT, Doc, Index, _normalised, _weighted_terms, weighted_terms


@lru_cache(maxsize=1)
def _demo() -> tuple[Index, tuple[str, ...]]:
    arts = starter_articles()
    index = Index.build(Doc(i, {"title": a["title"], "questions": "\n".join(a["questions"]), "answer": a["answer"]})
                        for i, a in enumerate(arts.values()))
    return index, tuple(arts)


def _top(text: str, n: int = 1) -> list[str]:
    index, keys = _demo()
    return [keys[i] for i, _ in index.search(text, limit=n)]


def _moves_in(text: str) -> bool:
    """The question carries the move in's (户口迁入) terms, as a situation adds them."""
    service = _weighted_terms(_normalised("户口迁入"))
    got = weighted_terms(text)
    return got.get("迁入", 0.0) >= SITUATION_WEIGHT * service["迁入"] > 0


def test_a_bought_house_told_with_the_register_is_the_move_in():
    assert _moves_in("喂，请问一下，在武汉买的二手房，能不能落户口")
    assert _moves_in("买了套房想把户口迁过来")


def test_a_degree_told_with_the_register_is_the_move_in_but_not_the_file():
    assert _moves_in("博士毕业来武汉工作，人才落户要交什么材料")
    assert not _moves_in("研究生毕业档案寄回学校了，落户的时候要不要先把档案调过来")
    assert not _moves_in("大学毕业了户口要迁回老家吗")


def test_a_house_without_the_register_adds_nothing():
    assert not _moves_in("买了二手房，电费水费还挂着前房主的名字")


def test_a_word_and_a_lone_character_may_be_a_slipped_three_character_word():
    assert weighted_terms("公鸡金怎么提取").get("~公鸡金") == 1.0
    index = Index.build([Doc(0, {"title": "住房公积金提取", "questions": "", "answer": ""}),
                         Doc(1, {"title": "养鸡场申请", "questions": "", "answer": ""})])
    assert "w:公积金" in index._heard(weighted_terms("公鸡金怎么提取"))
    assert [d for d, _ in index.search("公鸡金怎么提取", limit=1)] == [0]


def test_the_demo_articles_answer_the_neighbours():
    assert _top("喂，请问一下，在武汉买的二手房，能不能落户口") == ["hkqy"]
    assert _top("我是大学毕业留汉的，人才落户么样办，集体户口能落吗") == ["hkqy"]
    assert _top("爷爷去世半年了，户口还没销，现在去办要带死亡证明吗") == ["swzx"]
    assert _top("二手房契税怎么算，九十平以下是多少") == ["qs"]
