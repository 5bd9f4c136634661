"""Checks every page test can use: other hosts, accessibility, sideways scrolling, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from commissie.config import PROJECT_ROOT

LOKAAL = {"127.0.0.1", "localhost"}
SCHERMEN = PROJECT_ROOT / "docs" / "schermen"
ERNSTIG = {"serious", "critical"}


class ExterneVerzoeken:
    """Records and blocks every request of a browser context to a host that is not this
    machine; `controleer` fails the test when there was any."""

    def __init__(self) -> None:
        self.verzoeken: list[str] = []

    def _is_extern(self, url: str) -> bool:
        delen = urlsplit(url)
        return delen.scheme in {"http", "https", "ws", "wss"} and delen.hostname not in LOKAAL

    def bewaak(self, context: Any) -> None:
        def route(r: Any) -> None:
            if self._is_extern(r.request.url):
                self.verzoeken.append(f"{r.request.method} {r.request.url}")
                r.abort()
            else:
                r.continue_()

        def websocket(ws: Any) -> None:
            if self._is_extern(ws.url):
                self.verzoeken.append(f"websocket {ws.url}")

        context.route("**/*", route)
        context.on("page", lambda page: page.on("websocket", websocket))

    def controleer(self) -> None:
        if self.verzoeken:
            pytest.fail(
                "Verzoeken naar een andere host:\n" + "\n".join(self.verzoeken), pytrace=False
            )


def controleer_toegankelijkheid(page: Any) -> None:
    """Run axe-core (shipped with axe-playwright-python) in the page; fail on any violation
    of serious or critical impact, listing rule, impact, help and the elements."""
    from axe_playwright_python.sync_playwright import Axe

    uitslag = Axe().run(page)
    ernstig = [v for v in uitslag.response["violations"] if v.get("impact") in ERNSTIG]
    if ernstig:
        regels = [
            f"{v['id']} ({v['impact']}): {v['help']}\n    "
            + "\n    ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:10])
            for v in ernstig
        ]
        pytest.fail(f"Toegankelijkheid op {page.url}:\n" + "\n".join(regels), pytrace=False)


def scrollbreedte(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def geen_horizontaal_scrollen(page: Any, breedte: int = 390) -> None:
    """At `breedte` px the page fits: nothing sticks out sideways."""
    page.set_viewport_size({"width": breedte, "height": 844})
    gemeten = scrollbreedte(page)
    assert gemeten <= breedte, f"{page.url}: {gemeten} px breed bij een scherm van {breedte} px"


def schermafdruk(page: Any, naam: str) -> Path:
    """A full-page PNG in docs/schermen/, shown in the README."""
    SCHERMEN.mkdir(parents=True, exist_ok=True)
    pad = SCHERMEN / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True, animations="disabled")
    return pad
