"""Screenshots of each console for docs/console.md, taken in Debian's Chromium.

    python bench/screenshots.py [--out docs/screenshots]

Builds a throw-away demo city on SQLite, fills it with a day's work through the service layer,
starts the real server on 127.0.0.1 and photographs the pages each role uses.
"""
from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
from datetime import timedelta
from pathlib import Path

from aiohttp import web

from hotline.bootstrap import bootstrap
from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.ports import Classification
from hotline.queue import InlineQueue
from hotline.settings import Settings

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
APPEALS = [
    ("江岸区解放大道有商贩占道经营，堵塞人行道", "城乡建设", "complaint"),
    ("武昌区中南路小区停水两天了，什么时候恢复", "城乡建设", "help"),
    ("洪山区街道口附近工地夜间施工噪音扰民", "环境保护", "complaint"),
    ("想咨询一下灵活就业人员社保怎么缴纳", "劳动和社会保障", "consult"),
    ("江岸区台北路路灯不亮好几天了", "城乡建设", "help"),
    ("武昌区积玉桥菜市场周边垃圾堆积无人清理", "城乡建设", "complaint"),
    ("建议在洪山区光谷广场增加公交线路", None, "suggestion"),
    ("楼上邻居养狗天天叫，物业不管", None, "complaint"),
    ("江岸区后湖一小区燃气泄漏味道很重", "城乡建设", "help"),
    ("失业金申领需要什么材料", "劳动和社会保障", "consult"),
]


class KeywordClassifier:
    version = "screenshots"

    def classify(self, text: str) -> Classification:
        for content, category, kind in APPEALS:
            if text == content and category:
                urgency = "emergency" if "燃气泄漏" in text else ("utility" if "停水" in text else "normal")
                return Classification(category=category, confidence=0.9, appeal_type=kind, urgency=urgency,
                                       model_version=self.version,
                                      signals={"top": [[category, 0.9], ["其他", 0.06]],  # as the real model says
                                               "appeal_type": {"code": kind, "matched": []}})
        return Classification(category=None, confidence=0.2, appeal_type="consult", urgency="normal",
                              model_version=self.version, abstain=True)


def fill(hl) -> None:
    from hotline.domain.vocab import Role
    from hotline.services import tickets
    from hotline.services.actors import Actor, citizen

    op = Actor(kind="user", name="话务员 王芳", role=Role.operator, id="user:2")
    sup = Actor(kind="user", name="督办科 陈静", role=Role.supervisor, id="user:4")

    def unit(code):
        from sqlalchemy import select

        from models import Unit
        with hl.sessions() as s:
            uid = s.scalar(select(Unit.id).where(Unit.code == code))
        return Actor(kind="user", name=f"{code} 联络员", role=Role.unit, id=f"user:{code}", unit_id=uid, unit_code=code)

    numbers = []
    real_clock = hl.clock
    for i, (content, _, _) in enumerate(APPEALS * 2):
        hl.clock = lambda i=i: real_clock() - timedelta(days=(20 - i) * 1.3, hours=i % 5)
        view, _ = tickets.create_ticket(hl, actor=op, data={"content": content, "channel": ["phone", "miniprogram", "bot", "web"][i % 4],
                                                            "contact_name": "市民", "contact_phone": f"1391234{i:04d}"})
        numbers.append(view["number"])
    hl.clock = real_clock
    for number in numbers:
        t = tickets.get_ticket(hl, actor=op, number=number)
        if t["status"] == "triage" and t["appeal_type"] != "consult" and number not in numbers[-3:]:
            tickets.dispatch_ticket(hl, actor=op, number=number, unit="D-JA")
    for number in numbers[:14]:
        t = tickets.get_ticket(hl, actor=op, number=number)
        if t["status"] != "dispatched" or not t["lead_unit"]:
            continue
        who = unit(t["lead_unit"])
        tickets.sign_ticket(hl, actor=who, number=number)
        if number in numbers[:6]:
            tickets.answer_ticket(hl, actor=who, number=number, answer="已现场核实并处理完毕，已向市民反馈。")
            if number in numbers[:3]:
                tickets.record_callback(hl, actor=op, number=number, solved=True, satisfaction="satisfied")
        elif number in numbers[6:8]:
            tickets.request_extension(hl, actor=who, number=number, workdays=5, reason="需协调供水公司检修管网")
    tickets.supervise_ticket(hl, actor=sup, number=numbers[7], note="群众反映强烈，请加快办理")
    try:
        from rectification import services as rect

        for i, text in enumerate(["窗口人员态度差，材料要求前后不一致", "排队时间太长，叫号系统混乱"]):
            review, _ = rect.submit_review(hl, actor=citizen("web", f"c{i}"), data={
                "target": "case", "case_number": f"JA-2026-{i:04d}", "unit": "D-JA-CG", "channel": "web",
                "level": 1 + i, "text": text})
            if i == 1:
                rect.appeal_review(hl, actor=unit("D-JA-CG"), review_id=review["id"], kind="mistaken",
                                   reason="评价人来电说明是误操作")
    except ImportError:
        pass


class Server:
    def __init__(self, hl):
        self.hl, self.loop = hl, asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _start(self):
        from hotline.web.app import create_app

        self.runner = web.AppRunner(create_app(self.hl), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        host, port = self.runner.addresses[0][:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)

    def __exit__(self, *exc):
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


SHOTS = [  # (file, user, path, viewport)
    ("login.png", None, "/login", (1280, 720)),
    ("operator-queue.png", "operator", "/console/operator", (1280, 800)),
    ("operator-ticket.png", "operator", "@triage-ticket", (1280, 1000)),
    ("unit-inbox.png", "jiangan-cg", "/console/unit", (1024, 768)),
    ("unit-ticket.png", "jiangan-cg", "@unit-ticket", (1024, 900)),
    ("unit-rectification.png", "jiangan-cg", "@case", (1024, 900)),
    ("supervisor-dashboard.png", "supervisor", "/console/supervisor", (1280, 1100)),
    ("supervisor-rankings.png", "supervisor", "/console/supervisor/rankings?days=30", (1280, 800)),
    ("supervisor-decisions.png", "supervisor", "/console/supervisor/decisions", (1280, 800)),
    ("admin-routing.png", "admin", "/console/admin/routing", (1280, 800)),
    ("admin-channels.png", "admin", "/console/admin/channels", (1280, 800)),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        hl = bootstrap(settings, migrate=True, queue=InlineQueue(), classifier=KeywordClassifier())
        load_demo(hl)
        fill(hl)
        with Server(hl) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            pages = {}
            for name, user, path, (w, h) in SHOTS:
                context = browser.new_context(viewport={"width": w, "height": h}, locale="zh-CN")
                page = context.new_page()
                if user:
                    page.goto(f"{base}/login")
                    page.fill("input[name=username]", user)
                    page.fill("input[name=password]", DEMO_PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_load_state()
                if path == "@triage-ticket":
                    page.goto(f"{base}/console/operator")
                    page.locator("#triage a").first.click()
                elif path == "@unit-ticket":
                    page.goto(f"{base}/console/unit")
                    page.locator("table.list a").first.click()
                elif path == "@case":
                    page.goto(f"{base}/console/unit/rectification")
                    links = page.locator("#cases a")
                    if links.count():
                        links.first.click()
                else:
                    page.goto(base + path)
                page.wait_for_load_state()
                page.screenshot(path=str(out / name))
                pages[name] = (out / name).stat().st_size
                context.close()
            browser.close()
        hl.close()
    for name, size in pages.items():
        print(f"{name:<28} {size // 1024:>4} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
