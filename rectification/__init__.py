"""好差评: reviews, the rectification loop (评价 → 反馈 → 整改 → 监督), appeals and the official figures.

Wired by the core (``hotline.bootstrap.wire``: the supervision and figures roll-up sweep hooks;
``hotline.web.app.create_app``: the REST routes and the console pages); ``load_demo(hl)`` creates the
demo city's windows (一窗一码).
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

# code, name, unit, hall (市民之家 = the city's service hall; district centres)
DEMO_WINDOWS = [
    ("SMZJ-A01", "市民之家 A01 社保业务窗口", "DEPT-RSJ", "市民之家"),
    ("SMZJ-A02", "市民之家 A02 就业登记窗口", "DEPT-RSJ", "市民之家"),
    ("SMZJ-B01", "市民之家 B01 户籍业务窗口", "DEPT-GAJ", "市民之家"),
    ("SMZJ-B02", "市民之家 B02 出入境窗口", "DEPT-GAJ", "市民之家"),
    ("SMZJ-C01", "市民之家 C01 不动产登记窗口", "DEPT-ZRGH", "市民之家"),
    ("SMZJ-C02", "市民之家 C02 公积金窗口", "DEPT-GJJ", "市民之家"),
    ("SMZJ-D01", "市民之家 D01 企业开办窗口", "DEPT-SJJ", "市民之家"),
    ("SMZJ-D02", "市民之家 D02 税务窗口", "DEPT-TAX", "市民之家"),
    ("SMZJ-E01", "市民之家 E01 医保窗口", "DEPT-YBJ", "市民之家"),
    ("SMZJ-F01", "市民之家 F01 综合受理窗口", "DEPT-ZWJ", "市民之家"),
    ("JA-ZX-01", "江岸区政务服务中心 1 号窗口", "D-JA", "江岸区政务服务中心"),
    ("JA-ZX-02", "江岸区政务服务中心 2 号窗口", "D-JA", "江岸区政务服务中心"),
    ("WC-ZX-01", "武昌区政务服务中心 1 号窗口", "D-WC", "武昌区政务服务中心"),
    ("WC-ZX-02", "武昌区政务服务中心 2 号窗口", "D-WC", "武昌区政务服务中心"),
    ("HS-ZX-01", "洪山区政务服务中心 1 号窗口", "D-HS", "洪山区政务服务中心"),
    ("JH-ZX-01", "江汉区政务服务中心 1 号窗口", "D-JH", "江汉区政务服务中心"),
]


def load_demo(hl) -> int:
    """Create the demo windows that are not there yet; returns how many were created."""
    from sqlalchemy import select

    from models import Unit, Window
    from rectification.services import create_window

    with hl.sessions() as s:
        have = set(s.scalars(select(Window.code)))
        units = set(s.scalars(select(Unit.code)))
    created = 0
    for code, name, unit, hall in DEMO_WINDOWS:
        if code in have or unit not in units:
            continue
        create_window(hl, code=code, name=name, unit_code=unit, hall=hall)
        created += 1
    return created
