"""The knowledge base: written, approved, versioned; searched in citizens' words; suggested on the
consultation's page; drafted from an answered consultation; stale articles flagged to their owners."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.services import knowledge, tickets
from hotline.services.auth import create_token
from hotline.web.app import create_app
from models import Notice, Unit

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GJJ = {"title": "住房公积金提取办理指南", "questions": ["公积金怎么提取", "租房可以提取公积金吗"],
       "answer": "职工购房、租房、退休等情形可申请提取住房公积金，携带身份证、银行卡到公积金中心或线上办理。",
       "source": "住房公积金提取管理办法", "review_date": "2026-03-20"}


@pytest.fixture
def demo_hl(hl, actors):
    router = hl.router
    load_demo(hl)
    hl.router = router
    return hl


@pytest.fixture
async def client(aiohttp_client, demo_hl):
    return await aiohttp_client(create_app(demo_hl))


def H(token):
    return {"Authorization": f"Bearer {token}"}


async def test_write_approve_search_suggest_and_draft(client, demo_hl, actors, clock):
    op = H(create_token(demo_hl, name="op", role="operator"))
    sup = H(create_token(demo_hl, name="sup", role="supervisor"))
    with demo_hl.sessions() as s:
        unit_code = s.scalar(select(Unit.code).where(Unit.kind != "district").order_by(Unit.id))
    resp = await client.post("/api/v1/kb/articles", json={**GJJ, "unit": unit_code}, headers=op)
    assert resp.status == 201, await resp.text()
    art = await resp.json()
    assert art["status"] == "draft" and art["version"] == 1
    found = await (await client.get("/api/v1/kb/search", params={"q": "公积金里的钱能拿出来吗"}, headers=op)).json()
    assert found["items"] == []                                   # a draft is not searchable
    assert (await client.post(f"/api/v1/kb/articles/{art['id']}/approve", json={}, headers=op)).status == 403
    approved = await (await client.post(f"/api/v1/kb/articles/{art['id']}/approve", json={}, headers=sup)).json()
    assert approved["status"] == "approved" and approved["approved_by"] == "sup"
    found = await (await client.get("/api/v1/kb/search", params={"q": "我想把公积金取出来付房租要怎么弄"},
                                    headers=op)).json()
    assert found["items"][0]["title"] == "住房公积金提取办理指南"

    # an edit is a new version and needs approval again
    edited = await (await client.patch(f"/api/v1/kb/articles/{art['id']}", json={"answer": GJJ["answer"] + "一般3个工作日到账。",
                                                                               "note": "补充到账时间"}, headers=op)).json()
    assert edited["version"] == 2 and edited["status"] == "draft"
    detail = await (await client.get(f"/api/v1/kb/articles/{art['id']}", headers=op)).json()
    assert [v["version"] for v in detail["versions"]] == [2, 1] and detail["versions"][0]["note"] == "补充到账时间"
    await client.post(f"/api/v1/kb/articles/{art['id']}/approve", json={}, headers=sup)

    # the consultation's page offers the article; its answer becomes a draft in one action
    view, _ = tickets.create_ticket(demo_hl, actor=actors["operator"], data={
        "content": "请问租房子的人公积金能不能取出来用", "channel": "phone", "appeal_type": "consult"})
    number = view["number"]
    got = await (await client.get(f"/api/v1/tickets/{number}", headers=op)).json()
    assert got["kb_suggestions"][0]["title"] == "住房公积金提取办理指南"
    tickets.close_consultation(demo_hl, actor=actors["operator"], number=number,
                               answer="租房提取公积金需提供租赁合同备案证明，每年可提取一次。")
    drafted = await client.post(f"/api/v1/kb/from-ticket/{number}", headers=op)
    assert drafted.status == 201
    draft = await drafted.json()
    assert draft["status"] == "draft" and draft["questions"] == ["请问租房子的人公积金能不能取出来用"]
    assert draft["answer"].startswith("租房提取公积金需提供租赁合同备案证明")

    # past its review date the article is flagged to its owning unit, once
    clock.advance(days=30)
    assert knowledge.flag_stale(demo_hl, demo_hl.now()) == 1
    assert knowledge.flag_stale(demo_hl, demo_hl.now()) == 0
    with demo_hl.sessions() as s:
        note = s.scalar(select(Notice).where(Notice.kind == "kb_stale"))
        assert "住房公积金提取办理指南" in note.message and note.unit_id is not None
    stale = await (await client.get("/api/v1/kb/articles?stale=1", headers=op)).json()
    assert [a["title"] for a in stale["items"]] == ["住房公积金提取办理指南"] and stale["items"][0]["stale"]


async def test_bad_input_is_a_chinese_4xx(client, demo_hl):
    op = H(create_token(demo_hl, name="op", role="operator"))
    resp = await client.get("/api/v1/kb/search", params={"q": " "}, headers=op)
    assert resp.status == 422 and "请输入要查询的问题" in (await resp.json())["error"]["message"]
    resp = await client.post("/api/v1/kb/articles", json={"title": "x", "answer": "y", "review_date": "明天"}, headers=op)
    assert resp.status == 422 and "review_date" in (await resp.json())["error"]["message"]
    resp = await client.post("/api/v1/kb/articles", json={"answer": "y"}, headers=op)
    assert resp.status == 422 and "缺少必填字段：title" in (await resp.json())["error"]["message"]
    assert (await client.get("/api/v1/kb/articles/abc", headers=op)).status == 422
    assert (await client.get("/api/v1/kb/articles/999", headers=op)).status == 404


async def test_console_knowledge_base_pages(client, demo_hl, actors):
    sup = actors["supervisor"]
    art = knowledge.create_article(demo_hl, actor=sup, data=GJJ)
    knowledge.approve_article(demo_hl, actor=sup, article_id=art["id"])
    html = await (await client.get("/login")).text()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    await client.post("/login", data={"username": "operator", "password": DEMO_PASSWORD, "_csrf": csrf})
    page = await (await client.get("/console/kb", params={"q": "租房能提公积金吗"})).text()
    assert "住房公积金提取办理指南" in page and "搜索结果" in page
    page = await (await client.get(f"/console/kb/{art['id']}")).text()
    assert "住房公积金提取管理办法" in page and "第 1 版" in page
