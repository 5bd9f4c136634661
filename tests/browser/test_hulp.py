"""The checks themselves fail when they should: a request elsewhere, an inaccessible page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.browser.hulp import (
    ExterneVerzoeken,
    controleer_toegankelijkheid,
    geen_horizontaal_scrollen,
)


def test_bewaker_ziet_en_blokkeert_andere_hosts(chromium: Any, live_server: LiveServer) -> None:
    context = chromium.new_context(base_url=live_server.url)
    bewaker = ExterneVerzoeken()
    bewaker.bewaak(context)
    page = context.new_page()
    page.goto("/login")
    page.evaluate(
        "() => new Promise(klaar => { const i = new Image(); i.onerror = i.onload = klaar;"
        " i.src = 'https://cdn.example.invalid/logo.svg'; })"
    )
    context.close()
    assert bewaker.verzoeken == ["GET https://cdn.example.invalid/logo.svg"]
    with pytest.raises(pytest.fail.Exception, match=r"cdn\.example\.invalid"):
        bewaker.controleer()


def test_toegankelijkheid_en_breedte_worden_echt_gemeten(pagina: Callable[..., Any]) -> None:
    page = pagina()
    page.goto("/login")
    page.evaluate(
        "() => { const i = document.createElement('img'); i.src = '/static/favicon.svg';"
        " document.querySelector('main').append(i); }"
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        controleer_toegankelijkheid(page)
    page.evaluate("document.querySelector('main').style.minWidth = '600px'")
    with pytest.raises(AssertionError, match="breed bij een scherm van 390 px"):
        geen_horizontaal_scrollen(page)
