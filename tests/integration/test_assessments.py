"""综合点评 and 监督查评: recorded by observers (through staff) and supervisors, kept apart from
citizens' ratings in the figures."""
from __future__ import annotations

from datetime import timedelta

import pytest

from hotline.errors import Forbidden, InvalidInput
from rectification import load_demo, metrics
from rectification.assessments import assessment_figures, list_assessments, record_assessment


def test_assessments_are_kept_apart_from_citizens_ratings(hl, actors, clock):
    load_demo(hl)
    start, end = clock.now - timedelta(days=1), clock.now + timedelta(days=1)
    before = metrics.figures(hl, view="unit", start=start, end=end)["rows"]
    a = record_assessment(hl, actor=actors["operator"], data={
        "kind": "comprehensive", "target": "window", "window_code": "JA-ZX-01", "level": 2,
        "findings": ["排队等候时间长"], "assessor": "王监督员"})
    assert (a["kind_label"], a["unit"], a["assessor"], a["recorded_by"]) == ("综合点评", "D-JA", "王监督员", "话务员")
    record_assessment(hl, actor=actors["supervisor"], data={"kind": "inspection", "target": "hotline", "level": 5})
    record_assessment(hl, actor=actors["supervisor"], data={"kind": "inspection", "target": "unit", "unit": "D-JA",
                                                            "level": 4, "text": "台账齐全"})
    with pytest.raises(Forbidden):  # 监督查评 is a government supervisor's
        record_assessment(hl, actor=actors["operator"], data={"kind": "inspection", "target": "hotline", "level": 5})
    with pytest.raises(InvalidInput, match="须写明问题"):
        record_assessment(hl, actor=actors["supervisor"], data={"kind": "inspection", "target": "unit",
                                                                "unit": "D-JA", "level": 1})
    with pytest.raises(InvalidInput, match="监督员姓名"):
        record_assessment(hl, actor=actors["operator"], data={"kind": "comprehensive", "target": "hotline",
                                                              "level": 5})
    # the citizens' figures did not move; the assessments have their own
    assert metrics.figures(hl, view="unit", start=start, end=end)["rows"] == before
    figs = {(r["unit"], r["kind"]): (r["count"], r["mean_level"], r["good_rate"])
            for r in assessment_figures(hl, start=start, end=end)}
    assert figs == {("D-JA", "comprehensive"): (1, 2.0, 0.0), ("D-JA", "inspection"): (1, 4.0, 1.0),
                    ("WH12345", "inspection"): (1, 5.0, 1.0)}
    mine = list_assessments(hl, actor=actors["D-JA"])
    assert sorted(x["kind"] for x in mine) == ["comprehensive", "inspection"]
