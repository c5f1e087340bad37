"""`hotline route explain` classifies the text when no category is given, as intake does."""
import json

import pytest

import routing.cli
from hotline.cli import build_parser
from hotline.ports import Classification


class Fixed:
    def __init__(self, label, confidence, abstain):
        self.result = Classification(category=label, confidence=confidence, appeal_type="consult",
                                     urgency="normal", model_version="t", abstain=abstain)

    def classify(self, text):
        return self.result


@pytest.mark.parametrize("abstain, expected", [(False, "C02"), (True, None)])
def test_explain_uses_a_confident_classification_only(monkeypatch, capsys, abstain, expected):
    parser = build_parser()                    # wires the real classifier source…
    monkeypatch.setattr(routing.cli, "_classifier_source", lambda args: Fixed("劳动和社会保障", 0.9, abstain))
    args = parser.parse_args(["route", "explain", "--text", "我想咨询一下失业保险金怎么领取"])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["category"] == expected
    assert out["classification"]["label"] == "劳动和社会保障" and out["classification"]["abstain"] is abstain
    assert out["unit"] == "DEPT-RSJ"           # the keywords alone find the unit here
    assert set(out) >= {"category", "district", "place", "unit", "assisting_units", "rule", "confidence"}


def test_explicit_category_skips_the_classifier(monkeypatch, capsys):
    parser = build_parser()

    def boom(args):
        raise AssertionError("the classifier must not be asked")

    monkeypatch.setattr(routing.cli, "_classifier_source", boom)
    args = parser.parse_args(["route", "explain", "--text", "失业保险金怎么领取", "--category", "C02"])
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)["classification"] is None
