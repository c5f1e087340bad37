"""The nearest shipped appeals as the router's second opinion on the unit (routing.seed.SEED_UNITS)."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from hotline.ports import RoutingRequest
from routing import demo_router
from routing.seed import SEED_UNITS, NeighbourUnits, seed_neighbour_units, seed_rows, token_ref

ROWS = [("小区门口的路灯坏了，晚上黑漆漆的", "@district.CG|DEPT-CGW", 1.0),
        ("楼下烧烤店的油烟熏得窗户都不敢开", "@district.CG|DEPT-CGW", 1.0),
        ("地铁站的扶梯停了一个礼拜", "UTIL-METRO", 1.0),
        ("地铁末班车太早了，加班回不了家", "UTIL-METRO", 1.0),
        ("公积金提取要什么材料", "DEPT-GJJ|UTIL-GJJ|GJJ", 1.0)]


def test_the_query_vector_is_the_vectorizers_own():
    model = NeighbourUnits(ROWS)
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True).fit([t for t, _, _ in ROWS])
    for text in ("路灯  坏了  Ab", "地铁站扶梯", "完全无关的话", ""):
        want = vec.transform([text]).toarray().ravel()
        cols, w = model._query(text)
        got = np.zeros_like(want)
        got[cols] = w
        assert np.allclose(want, got), text


def test_neighbours_vote_and_far_ones_are_unsure():
    model = NeighbourUnits(ROWS, k=2)
    near = model.predict("地铁站里的扶梯又停了")
    assert near[0][0] == "UTIL-METRO" and near[0][1] > 0.6
    far = model.predict("我想问一下养老金怎么算")     # nothing alike: a low share, whatever the vote
    assert not far or far[0][1] < 0.6
    assert model.predict("") == []


def test_tokens_become_kinds_of_unit():
    assert token_ref("CG") == "@district.CG|DEPT-CGW"
    assert token_ref("ST") == "@street|@district"
    assert token_ref("METRO") == "DEPT-METRO|UTIL-METRO|METRO"


def test_the_demo_router_consults_the_shipped_appeals_unless_it_has_its_own_model():
    assert demo_router().learned is SEED_UNITS
    assert demo_router(seed_units=False).learned is None
    own = NeighbourUnits(ROWS)
    assert demo_router(own).learned is own


@pytest.mark.parametrize("row", [0, 17, 250, 700, 1000])
def test_a_shipped_appeal_is_its_own_nearest_neighbour(row):
    rows = [r for r in seed_rows() if r["units"]]
    model = seed_neighbour_units()
    text = rows[row]["text"]
    assert model.predict(text)[0][0] in {token_ref(t) for t in rows[row]["units"]} or \
        model.neighbours(text)[0][1] == pytest.approx(1.0)


def test_the_explanation_names_the_second_opinion():
    router = demo_router(NeighbourUnits(ROWS * 3), learned_threshold=0.5)
    d = router.route(RoutingRequest(text="江岸区地铁站里扶梯又停了"))
    assert d.unit == "UTIL-METRO" and "也指向该单位" in d.explanation
