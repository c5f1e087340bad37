"""Web consoles (Chinese) for operators, units, supervisors and administrators.

``install(hl)`` registers the console's routes with the web application; every page calls the same
service layer as the REST API. Sign-in uses server-side sessions (see ``sessions``).
"""
from __future__ import annotations


def install(hl) -> None:
    from hotline.console.web import setup

    setups = hl.extras.setdefault("web_setups", [])
    if setup not in setups:
        setups.append(setup)
