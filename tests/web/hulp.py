"""Helpers for page tests with Litestar's TestClient: forms carry their CSRF token."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from litestar.testing import TestClient

from tests.conftest import WACHTWOORD

HTML = {"Accept": "text/html"}
_TOKEN = re.compile(r'name="_csrf_token" value="([^"]+)"')


def formulier_token(client: TestClient[Any], pad: str = "/login") -> str:
    """The CSRF token in the first form of the page at `pad` (the GET sets the cookie too)."""
    r = client.get(pad, headers=HTML)
    assert r.status_code == 200, (pad, r.status_code)
    m = _TOKEN.search(r.text)
    assert m, f"geen _csrf_token in het formulier van {pad}"
    return m.group(1)


def log_in_via_pagina(
    client: TestClient[Any], naam: str, wachtwoord: str = WACHTWOORD, **kwargs: Any
) -> Any:
    """Post the login form as a browser does: with the token from the login page."""
    data = {
        "gebruikersnaam": naam,
        "wachtwoord": wachtwoord,
        "_csrf_token": formulier_token(client),
    }
    return client.post("/login", data=data, **kwargs)


def fout_bij(html: str, veld_id: str) -> str:
    """The error message rendered next to the control with this id, as text."""
    m = re.search(
        rf'<span class="foutmelding" id="{re.escape(veld_id)}-fout">(.*?)</span>\s*<', html
    )
    assert m, f"geen foutmelding bij {veld_id}"
    return html_lib.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
