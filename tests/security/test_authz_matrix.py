"""The authorization matrix, generated from the OpenAPI document: every operation × every role.

Each operation's expected answer is stated once below (``EXPECTED``): the roles that may use it; every
other role must be refused (401 without a credential the route accepts, 403 otherwise). An operation
in the document without a row here fails the test, so a new route cannot ship without one.

"Allowed" means the server did not refuse on who is asking (any answer but 401/403, never a 5xx): with
the bodies below an allowed call may still answer 409 or 422 for the ticket's state. Roles:
operator, unit A (leads ticket T), unit B (no part in T), the assisting unit of T, supervisor, admin, the
channel token that filed T, two mini-program citizens (citizen 1 filed appeal M) and anonymous.
Citizens hold a mini-program session, not an API token: on the staff API they present it as a bearer
token and must get 401.
"""
from __future__ import annotations

import json
import secrets

import pytest

from hotline.services.auth import create_token
from hotline.web.openapi import document
from tests.conftest import FakeRouter
from tests.channels.conftest import CHANNEL_SETTINGS, _no_channel_env  # noqa: F401 - fixture
from tests.channels.test_channel_miniprogram import APPID, login, wechat  # noqa: F401 - fixture

ROLES = ("operator", "unit_a", "unit_b", "assist", "supervisor", "admin", "channel", "citizen1", "citizen2",
         "anonymous")
CENTRE = {"operator", "supervisor", "admin"}
STAFF = CENTRE | {"unit_a", "unit_b", "assist"}
BEARER = STAFF | {"channel"}
EVERYONE = set(ROLES)
NOBODY: set[str] = set()
T_READERS = CENTRE | {"unit_a", "assist", "channel"}
OPS = {"operator", "admin"}
SUP = {"supervisor", "admin"}

# (method, path) -> (roles allowed, JSON body or None). One row per operation of the OpenAPI document.
EXPECTED: dict[tuple[str, str], tuple[set[str], dict | None]] = {
    ("get", "/healthz"): (EVERYONE, None),
    ("get", "/api/openapi.json"): (EVERYONE, None),
    ("get", "/api/v1/me"): (BEARER, None),
    ("post", "/api/v1/tickets"): (CENTRE | {"channel"}, {"content": "汉口火车站附近夜间施工噪音扰民，影响休息",
                                                          "channel": "phone"}),
    ("get", "/api/v1/tickets"): (BEARER, None),
    ("get", "/api/v1/tickets/{number}"): (T_READERS, None),
    ("get", "/api/v1/tickets/{number}/audit"): (T_READERS, None),
    ("get", "/api/v1/units"): (BEARER, None),
    ("get", "/api/v1/categories"): (BEARER, None),
    ("get", "/api/v1/notices"): (STAFF, None),
    ("get", "/api/v1/holidays"): (BEARER, None),
    ("put", "/api/v1/holidays/{day}"): ({"admin"}, {"workday": False, "note": "测试"}),
    ("delete", "/api/v1/holidays/{day}"): ({"admin"}, None),
    ("post", "/api/v1/sweep"): (SUP, None),
    ("get", "/api/v1/admin/routing-table"): (CENTRE, None),
    ("put", "/api/v1/admin/routing-table"): ({"admin"}, {"text": "", "note": "测试"}),
    ("post", "/api/v1/admin/retrain"): ({"admin"}, None),
    ("post", "/api/v1/holidays/import"): ({"admin"}, {"year": 2027}),
    ("get", "/api/v1/tickets/{number}/messages"): (CENTRE, None),
    ("post", "/api/v1/citizens/opt-out"): (OPS, {"phone": "13900000000"}),
    # hotspots, reply checks and the knowledge base
    ("get", "/api/v1/hotspots"): (CENTRE, None),
    ("get", "/api/v1/hotspots/{id}"): (CENTRE, None),
    ("get", "/api/v1/reply-checks"): (STAFF, None),
    # the knowledge base answers the channels' self-service too; a unit edits its own articles only
    ("get", "/api/v1/kb/search"): (STAFF | {"channel"}, None),
    ("get", "/api/v1/kb/articles"): (STAFF, None),
    ("post", "/api/v1/kb/articles"): (STAFF, {"title": "居住证办理", "answer": "携带身份证到社区办理"}),
    ("get", "/api/v1/kb/articles/{id}"): (STAFF | {"channel"}, None),
    ("patch", "/api/v1/kb/articles/{id}"): (CENTRE, {"title": "居住证办理（更新）"}),
    ("post", "/api/v1/kb/articles/{id}/approve"): (SUP, {}),
    ("post", "/api/v1/kb/from-ticket/{number}"): (CENTRE, None),
    # the ticket lifecycle (T is dispatched to unit A with the assisting unit)
    ("post", "/api/v1/tickets/{number}/dispatch"): (CENTRE, {"unit": "D-JA", "assisting_units": ["D-HS"]}),
    ("post", "/api/v1/tickets/{number}/sign"): ({"unit_a"}, {}),
    ("post", "/api/v1/tickets/{number}/start"): ({"unit_a"}, {}),
    ("post", "/api/v1/tickets/{number}/answer"): ({"unit_a"}, {"answer": "已安排人员处理"}),
    ("post", "/api/v1/tickets/{number}/return"): ({"unit_a"}, {"reason": "不属于本单位职责"}),
    ("post", "/api/v1/tickets/{number}/decide-return"): (OPS, {"accept": False, "note": "驳回"}),
    ("post", "/api/v1/tickets/{number}/arbitrate"): (SUP, {"unit": "D-JA", "note": "裁定"}),
    ("post", "/api/v1/tickets/{number}/extension"): ({"unit_a"}, {"workdays": 3, "reason": "需要协调"}),
    ("post", "/api/v1/tickets/{number}/decide-extension"): (CENTRE, {"approve": False}),
    ("post", "/api/v1/tickets/{number}/start-callback"): (OPS, {}),
    ("post", "/api/v1/tickets/{number}/callback"): (OPS, {"solved": True, "satisfaction": "satisfied"}),
    ("post", "/api/v1/tickets/{number}/close-consultation"): (OPS, {"answer": "已答复"}),
    ("post", "/api/v1/tickets/{number}/transfer"): (OPS, {"to": "119", "note": "测试"}),
    ("post", "/api/v1/tickets/{number}/redirect"): (OPS, {"kind": "诉讼", "note": "测试"}),
    ("post", "/api/v1/tickets/{number}/merge"): (CENTRE, {"into": "000000000000"}),
    ("post", "/api/v1/tickets/{number}/supervise"): (SUP, {"note": "督办"}),
    ("post", "/api/v1/tickets/{number}/correct"): (CENTRE, {"urgency": "normal"}),
    ("post", "/api/v1/tickets/{number}/{action}"): ({"unit_a"}, {}),  # the generic route, as "sign"
    # 好差评 (review R and case C of unit A; appeal P filed by unit A)
    ("post", "/api/v1/reviews"): (OPS | {"channel"}, {"target": "window", "window_code": "JA-ZX-01",
                                                      "channel": "qr", "level": 5}),
    ("get", "/api/v1/reviews"): (STAFF, None),
    ("get", "/api/v1/reviews/{id}"): (CENTRE | {"unit_a"}, None),
    ("post", "/api/v1/reviews/{id}/appeal"): ({"unit_a"}, {"kind": "mistaken", "reason": "经核实为误评，请复核"}),
    ("get", "/api/v1/review-reason-tags"): (EVERYONE, None),  # the public list of 差评 reasons
    ("get", "/api/v1/appeals"): (STAFF, None),
    ("post", "/api/v1/appeals/{id}/decide"): (SUP, {"uphold": False, "reason": "申诉理由不成立"}),
    ("get", "/api/v1/rectifications"): (STAFF, None),
    ("get", "/api/v1/rectifications/{id}"): (CENTRE | {"unit_a"}, None),
    ("get", "/api/v1/rectifications/{id}/audit"): (CENTRE | {"unit_a"}, None),
    ("post", "/api/v1/rectifications/{id}/{action}"): (CENTRE | {"unit_a"}, {"outcome": "reached"}),
    ("get", "/api/v1/metrics"): (STAFF, None),
    ("post", "/api/v1/assessments"): (SUP, {"kind": "inspection", "unit": "D-JA", "level": 5}),
    ("get", "/api/v1/assessments"): (STAFF, None),  # a unit reads its own
    ("get", "/api/v1/windows"): (BEARER, None),
    # the mini-program: its own signed session, never a staff token
    ("post", "/channels/mp/login"): (EVERYONE, {"appid": APPID, "code": "good-o-matrix"}),
    ("post", "/channels/mp/appeals"): ({"citizen1", "citizen2"}, {"content": "小区路灯不亮已经一周，晚上出行不便"}),
    ("get", "/channels/mp/appeals"): ({"citizen1", "citizen2"}, None),
    ("get", "/channels/mp/appeals/{number}"): ({"citizen1"}, None),
    ("post", "/channels/mp/appeals/{number}/rating"): ({"citizen1"}, {"level": 5}),
    ("post", "/channels/mp/cases/{case_number}/rating"): ({"citizen1", "citizen2"}, {"level": 5}),
    ("get", "/channels/mp/messages"): ({"citizen1", "citizen2"}, None),
    ("get", "/channels/mp/reason-tags"): (EVERYONE, None),
    # Open311 GeoReport v2: reads are public (and masked); filing needs an Open311 key, never a staff token
    ("get", "/open311/v2/discovery.{fmt}"): (EVERYONE, None),
    ("get", "/open311/v2/services.{fmt}"): (EVERYONE, None),
    ("get", "/open311/v2/services/{code}.{fmt}"): (EVERYONE, None),
    ("get", "/open311/v2/requests.{fmt}"): (EVERYONE, None),
    ("post", "/open311/v2/requests.{fmt}"): (NOBODY, "service_code=X&description=路灯不亮已经一周了"),
    ("get", "/open311/v2/requests/{id}.{fmt}"): (EVERYONE, None),
    ("get", "/open311/v2/tokens/{token}.{fmt}"): (EVERYONE, None),
    # the call centre's signed webhook and the window tablets: their own credentials only
    ("post", "/channels/phone/calls"): (NOBODY, {"call_id": "x"}),
    ("post", "/channels/tablet/pair"): (NOBODY, {"code": "00000000"}),
    # a back-office system (operator, admin or the window's own unit) pushes a 办件 to a window's tablet
    ("post", "/channels/tablet/cases"): ({"operator", "admin", "unit_a"},
                                         {"window_code": "JA-ZX-01", "case_number": "MX-0001"}),
    ("get", "/channels/tablet/events"): (NOBODY, None),
    ("post", "/channels/tablet/ratings"): (NOBODY, {"level": 5}),
    ("get", "/channels/tablet/reason-tags"): (EVERYONE, None),
}
# Routes whose "allowed" answer is still a refusal of the request itself (a bad login code, a missing key):
# for these only 5xx and a leak of data count; the row above says who gets past authorization.
PUBLIC_PREFIXES = ("/channels/mp/login",)


@pytest.fixture
async def world(sqlite_demo, wechat, aiohttp_client):  # noqa: F811
    """One city on SQLite with every role's credential and the records the matrix reads."""
    from hotline.domain.vocab import Role
    from hotline.services import tickets as tk
    from hotline.services.actors import Actor
    from hotline.web.app import create_app
    from rectification import load_demo, services as sv

    hl = sqlite_demo(router=FakeRouter(confidence=0.0),  # every ticket waits for the operator's dispatch
                     extra=dict(CHANNEL_SETTINGS, mp_api_base=str(wechat.make_url(""))))
    load_demo(hl)
    client = await aiohttp_client(create_app(hl))
    tokens = {"operator": create_token(hl, name="op", role="operator"),
              "supervisor": create_token(hl, name="sup", role="supervisor"),
              "admin": create_token(hl, name="admin", role="admin"),
              "channel": create_token(hl, name="ch", role="channel"),
              "unit_a": create_token(hl, name="ja", role="unit", unit_code="D-JA"),
              "unit_b": create_token(hl, name="wc", role="unit", unit_code="D-WC"),
              "assist": create_token(hl, name="hs", role="unit", unit_code="D-HS")}
    resp = await client.post("/api/v1/tickets", headers={"Authorization": f"Bearer {tokens['channel']}"},
                             json={"content": "江岸区解放大道小区门口占道经营严重，早高峰堵路", "channel": "phone",
                                   "contact_phone": "13812345678", "citizen_ref": "tel:matrix"})
    assert resp.status == 201, await resp.text()
    number = (await resp.json())["number"]
    op = Actor(kind="user", name="话务员", role=Role.operator, id="user:op")
    assert tk.dispatch_ticket(hl, actor=op, number=number, unit="D-JA", assisting_units=["D-HS"])["lead_unit"] == "D-JA"
    citizens = {"citizen1": await login(client, hl, "o-citizen-1"), "citizen2": await login(client, hl, "o-citizen-2")}
    filed = await citizens["citizen1"].post_json("/channels/mp/appeals", {"content": "武昌区中南路路灯不亮已经一周"},
                                                  idem="matrix0001")
    assert filed.status == 201, await filed.text()
    mp_number = (await filed.json())["number"]
    channel = Actor(kind="token", name="渠道", role=Role.channel, id="token:matrix")
    bad = {"target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "reason_tags": ["服务态度差"]}
    review, _ = sv.submit_review(hl, actor=channel, data={**bad, "level": 1, "text": "态度差", "channel_ref": "r1"})
    review2, _ = sv.submit_review(hl, actor=channel, data={**bad, "level": 2, "text": "效率低", "channel_ref": "r2"})
    unit_a = Actor(kind="user", name="江岸联络员", role=Role.unit, id="user:ja", unit_id=_unit_id(hl, "D-JA"),
                   unit_code="D-JA")
    appeal = sv.appeal_review(hl, actor=unit_a, review_id=review2["id"], kind="mistaken", reason="经核实为误评")
    from hotline.services import knowledge

    article = knowledge.create_article(hl, actor=op, data={"title": "占道经营投诉", "answer": "由属地城管处理"})
    sup = Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup")
    knowledge.approve_article(hl, actor=sup, article_id=article["id"])
    services = json.loads((await (await client.get("/open311/v2/services.json")).text()))
    values = {"number": number, "day": "2026-10-01", "id": None, "action": "callback",
              "code": services[0]["service_code"] if services else "X", "token": "nothing",
              "case_number": "NO-SUCH-CASE", "fmt": "json"}
    ids = {"/api/v1/kb/articles/": article["id"], "/api/v1/reviews/": review["id"], "/api/v1/appeals/": appeal["id"],
           "/api/v1/rectifications/": review["rectification_id"], "/open311/": number}
    return {"hl": hl, "client": client, "tokens": tokens, "citizens": citizens, "values": values, "ids": ids,
            "mp_number": mp_number}


def _unit_id(hl, code):
    from sqlalchemy import select

    from models import Unit
    with hl.sessions() as s:
        return s.scalar(select(Unit.id).where(Unit.code == code))


def _operations(client_app) -> list[tuple[str, str]]:
    doc = document(client_app)
    return [(method, path) for path, ops in doc["paths"].items() for method in ops]


def _fill(path: str, world) -> str:
    values = dict(world["values"])
    values["id"] = next((v for prefix, v in world["ids"].items() if path.startswith(prefix)), 0)
    if path.startswith("/api/v1/tickets/"):
        values["action"] = "sign"
    if path.startswith("/channels/mp/appeals/{number}"):
        values["number"] = world["mp_number"]
    return path.format(**values)


async def _call(world, role: str, method: str, path: str, body):
    client = world["client"]
    form = isinstance(body, str)
    data = body.encode() if form else json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
    if role in world["tokens"]:
        headers = {"Authorization": f"Bearer {world['tokens'][role]}"}
    elif role.startswith("citizen"):
        citizen = world["citizens"][role]
        if path.startswith("/channels/mp/"):
            return await citizen.send(method.upper(), path, data, idem="mx" + secrets.token_hex(8))
        headers = {"Authorization": f"Bearer {citizen.session['session_id']}"}
    else:
        headers = {}
    if data:
        headers["Content-Type"] = "application/x-www-form-urlencoded" if form else "application/json"
    return await client.request(method.upper(), path, data=data or None, headers=headers)


async def test_every_operation_answers_every_role_as_stated(world):
    operations = _operations(world["client"].app)
    missing = [op for op in operations if op not in EXPECTED]
    assert not missing, f"operations without an expected answer: {missing}"
    failures, cells = [], 0
    for method, template in operations:
        allowed, body = EXPECTED[(method, template)]
        path = _fill(template, world)
        # refused roles first, so an allowed call that changes the ticket cannot hide a refusal
        for role in sorted(ROLES, key=lambda r: r in allowed):
            resp = await _call(world, role, method, path, body)
            cells += 1
            text = await resp.text()
            if resp.status >= 500:
                failures.append((method, template, role, resp.status, text[:120]))
            elif role in allowed and resp.status in (401, 403) and not template.startswith(PUBLIC_PREFIXES):
                failures.append((method, template, role, resp.status, "refused but allowed: " + text[:120]))
            elif role not in allowed and resp.status not in (401, 403):
                failures.append((method, template, role, resp.status, "answered but should be refused: "
                                 + text[:120]))
    print(f"\nauthorization matrix: {len(operations)} operations x {len(ROLES)} roles = {cells} cells, "
          f"{len(failures)} failures")
    assert not failures, "\n".join(map(str, failures))
