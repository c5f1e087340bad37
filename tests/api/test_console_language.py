"""The consoles speak the operator's language: names instead of codes, the classifier's top categories as
a short list, the triage list's real reason, confirmations that say what happened to which ticket."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from hotline.console.web import suggestion_facts
from hotline.services import tickets
from tests.api.conftest import csrf_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_suggestions_read_as_sentences_with_names():
    view = {"classification": {"category": "环境保护", "confidence": 0.8398, "abstain": False,
                               "signals": {"top": [["环境保护", 0.8398], ["城乡建设", 0.1013], ["交通运输", 0.03],
                                                   ["教育", 0.01]], "threshold": 0.42,
                                           "appeal_type": {"code": "complaint", "matched": ["投诉"]},
                                           "urgency": {"code": "normal", "matched": []}}},
            "routing": {"unit": "UTIL-METRO", "assisting_units": ["D-JA-S09"], "rule": "property-management",
                        "confidence": 0.72, "explanation": "命中派单规则「地铁运营」（规则表第12行）。",
                        "suggestions": [{"unit": "D-JA", "name": "江岸区人民政府", "rule": "district-fallback"}],
                        "excluded": ["D-WC"]},
            "triage_reason": "派单置信度不足（0.72）"}
    names = {"UTIL-METRO": "武汉地铁集团", "D-JA-S09": "江岸区大智街道", "D-WC": "武昌区人民政府"}
    facts = dict(suggestion_facts(view, names))
    assert facts == {
        "分类建议": "环境保护（把握 84%）",
        "可能的分类": "环境保护 84%、城乡建设 10%、交通运输 3%",
        "诉求类型": "投诉（因为提到“投诉”）",
        "紧急程度": "一般",
        "派单建议": "武汉地铁集团（把握 72%）；协办：江岸区大智街道",
        "派单理由": "命中派单规则「地铁运营」（规则表第12行）。",
        "已退单单位": "武昌区人民政府",
        "转人工原因": "派单置信度不足（0.72）",
    }
    shown = " ".join(facts.values())
    for machine in ("UTIL-METRO", "D-JA-S09", "property-management", "[[", "0.8398", "threshold"):
        assert machine not in shown


@pytest.fixture
async def operator(signed_in, demo_hl):
    return await signed_in(demo_hl, "operator")


async def test_the_triage_list_shows_the_real_reason_and_a_dispatch_says_what_happened(operator, hl, actors):
    view, _ = tickets.create_ticket(hl, actor=actors["operator"], data={"content": "江岸区某小区门口有人咨询事项",
                                                                        "channel": "phone"})
    number = view["number"]
    reason = tickets.get_ticket(hl, actor=actors["operator"], number=number)["triage_reason"]
    assert reason and "分类置信度不足" in reason
    html = await (await operator.get("/console/operator")).text()
    row = re.search(rf'{number}.*?</tr>', html, re.S).group(0)
    assert reason in row and "待智能分拣" not in row

    page = await (await operator.get(f"/console/tickets/{number}")).text()
    csrf = csrf_of(page)
    resp = await operator.post(f"/console/tickets/{number}/dispatch", data={"_csrf": csrf, "unit": "D-JA"},
                               allow_redirects=False)
    done = unquote(resp.headers["Location"].split("done=", 1)[1])
    assert done == f"工单 {number}：已派单给江岸区人民政府（当前状态：已派单）"
    page = await (await operator.get(resp.headers["Location"])).text()
    assert f"工单 {number}：已派单给江岸区人民政府" in page
