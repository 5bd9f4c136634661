"""The secretary makes a letter from the case page in a real browser: through HTMX (boosted
form), a refused form shows its error by the field, the new letter appears with the
documents; axe clean, 390 px."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.browser.conftest import LiveServer
from tests.browser.hulp import controleer_toegankelijkheid, geen_horizontaal_scrollen
from tests.browser.test_reizen import registreer_via_formulier

Pagina = Callable[..., Any]


def test_brief_maken(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    nummer = registreer_via_formulier(page, live_server, "B. Rief")
    adres = page.url
    with page.expect_response(f"{live_server.url}/zaken/{nummer}/brieven") as antwoord:
        page.get_by_role("button", name="Brief maken").click()
    assert antwoord.value.status == 400
    fout = page.locator("#brief-soort-fout")
    fout.wait_for()
    assert fout.text_content() == "Fout: Veld 'soort': is verplicht maar ontbreekt."
    assert page.url == adres  # swapped by HTMX, the address stays that of the case page
    controleer_toegankelijkheid(page)

    page.locator("#brief-soort").select_option("ontvangstbevestiging")
    page.locator("#brief-aan").select_option("klager")
    page.get_by_role("button", name="Brief maken").click()
    page.get_by_text("De brief is gemaakt; hij staat bij de documenten.").wait_for()
    link = page.locator(f'a[href^="/api/zaken/{nummer}/documenten/"]')
    assert link.count() == 1
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)
