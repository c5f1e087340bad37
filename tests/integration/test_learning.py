"""An operator's correction shows up in the next model; routing learns from closed tickets."""
from __future__ import annotations

from hotline.services import tickets as svc
from hotline.services.learning import category_corrections, routing_history
from hotline.web.app import create_app

ODD = "小区门口新开的宠物医院夜里狗叫声不断，影响休息"


async def test_correction_retrain_and_hot_swap(make_hotline, database_url, aiohttp_client, tmp_path):
    from classifier.service import load_default_classifier
    from hotline.services.auth import create_token

    hl = make_hotline(database_url, classifier=None)   # the real classifier, starter corpus
    hl.classifier = load_default_classifier(hl.settings.models_dir, check_interval=0)
    before = hl.classifier.classify(ODD)
    target = next(label for label in ("交通运输", "教育文体", "商贸旅游") if label != before.category)
    op = create_token(hl, name="op", role="operator")
    admin = create_token(hl, name="admin", role="admin")
    client = await aiohttp_client(create_app(hl))
    resp = await client.post("/api/v1/tickets", json={"content": ODD, "channel": "phone"},
                             headers={"Authorization": f"Bearer {op}"})
    number = (await resp.json())["number"]
    resp = await client.post(f"/api/v1/tickets/{number}/correct", json={"category": target},
                             headers={"Authorization": f"Bearer {op}"})
    assert resp.status == 200
    assert category_corrections(hl) == [(ODD, target)]
    resp = await client.post("/api/v1/admin/retrain", headers={"Authorization": f"Bearer {op}"})
    assert resp.status == 403
    resp = await client.post("/api/v1/admin/retrain", headers={"Authorization": f"Bearer {admin}"})
    assert resp.status == 202                         # the inline test queue ran the job already
    after = hl.classifier.classify(ODD)              # same object: swapped without a restart
    assert after.model_version != before.model_version
    assert after.category == target


def test_routing_history_is_closed_tickets_with_their_final_unit(hl, actors):
    view, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": "江岸区占道经营", "channel": "phone"})
    assert list(routing_history(hl)) == []
    svc.sign_ticket(hl, actor=actors["D-JA"], number=view["number"])
    svc.answer_ticket(hl, actor=actors["D-JA"], number=view["number"], answer="已处理完毕，恢复通行")
    svc.record_callback(hl, actor=actors["operator"], number=view["number"], solved=True, satisfaction="满意")
    assert list(routing_history(hl)) == [("江岸区占道经营", "C01", "D-JA")]
