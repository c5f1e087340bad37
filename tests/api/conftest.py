"""Fixtures and helpers every HTTP test shares: the app, API tokens, the demo city, console sign-in."""
from __future__ import annotations

import re

import pytest

from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.services.auth import create_token
from hotline.web.app import create_app


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def csrf_of(html: str) -> str:
    """The CSRF field of a console form."""
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


async def console_login(client, username: str, password: str = DEMO_PASSWORD):
    """Sign in on /login as a demo account; returns the response (303 on success)."""
    html = await (await client.get("/login")).text()
    return await client.post("/login", data={"username": username, "password": password, "_csrf": csrf_of(html)},
                             allow_redirects=False)


@pytest.fixture
def tokens(hl):
    """API tokens of every role, and of units D-JA and D-WC."""
    return {
        "operator": create_token(hl, name="op", role="operator"),
        "supervisor": create_token(hl, name="sup", role="supervisor"),
        "admin": create_token(hl, name="admin", role="admin"),
        "channel": create_token(hl, name="ch", role="channel"),
        "D-JA": create_token(hl, name="ja", role="unit", unit_code="D-JA"),
        "D-WC": create_token(hl, name="wc", role="unit", unit_code="D-WC"),
    }


@pytest.fixture
def demo_hl(hl, actors):
    """The demo city with its accounts and windows; the deterministic fake router kept."""
    router = hl.router
    load_demo(hl)
    hl.router = router
    return hl


@pytest.fixture
def signed_in(aiohttp_client):
    """``await signed_in(hl, "jiangan")``: a client of the whole app, signed in as that demo account."""
    async def sign_in(hl, username: str):
        client = await aiohttp_client(create_app(hl))
        resp = await console_login(client, username)
        assert resp.status == 303, f"sign-in as {username} failed"
        return client
    return sign_in
