import pytest

from classifier.metrics import choose_threshold, evaluate, risk_coverage


def test_evaluate_reports_macro_f1_and_per_class():
    figures = evaluate(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert figures["accuracy"] == 0.75
    assert figures["per_class"]["a"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(0.6667), "support": 2}
    assert figures["confusion"] == [[1, 1], [0, 2]]


def test_risk_coverage_keeps_ties_together():
    curve = risk_coverage([True, False, True, True], [0.9, 0.9, 0.5, 0.2])
    assert [p["kept"] for p in curve] == [2, 3, 4]
    assert curve[0]["precision"] == 0.5 and curve[-1]["coverage"] == 1.0


def test_threshold_is_the_lowest_that_keeps_the_target_precision():
    # 20 sure and right, then 10 at 0.6 of which 5 are wrong
    correct = [True] * 20 + [True, False] * 5
    confidence = [0.95 - i * 0.01 for i in range(20)] + [0.6] * 10
    chosen = choose_threshold(correct, confidence, target=0.97)
    assert chosen["threshold"] == pytest.approx(0.76)
    assert chosen["coverage"] == pytest.approx(20 / 30, abs=1e-3)
    assert chosen["precision"] == 1.0


def test_no_threshold_reaches_the_target_means_everything_goes_to_an_operator():
    chosen = choose_threshold([False, True] * 20, [0.9] * 40)
    assert chosen["threshold"] > 1.0 and chosen["coverage"] == 0.0
