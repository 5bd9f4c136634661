"""The existing pages in a real browser: login, overview, case page, /schema."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from commissie.tijd import datum_nl
from tests.browser.conftest import LiveServer
from tests.browser.hulp import (
    controleer_toegankelijkheid,
    geen_horizontaal_scrollen,
    schermafdruk,
)

Pagina = Callable[..., Any]
MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATUM_NL = re.compile(rf"^\d{{1,2}} ({MAANDEN}) \d{{4}}$")
TIJDSTIP_NL = re.compile(
    r"^(ma|di|wo|do|vr|za|zo) \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) "
    r"\d{4} \d{2}:\d{2}$"
)
# Dates as machines write them: 2026-03-10, 10-03-2026, 10/03/2026.
ANDERE_DATUM = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[-/]\d{1,2}[-/]\d{4})\b")


def _cellen(page: Any, kolom: str) -> list[str]:
    return [t.strip() for t in page.locator(f'main td[data-label="{kolom}"]').all_inner_texts()]


def _log_in_via_formulier(page: Any, naam: str, wachtwoord: str) -> None:
    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def test_loginpagina(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina()
    page.goto("/")
    assert page.url == f"{live_server.url}/login"
    assert page.locator("html").get_attribute("lang") == "nl"
    controleer_toegankelijkheid(page)
    # The cursor starts in the first field.
    assert page.evaluate("document.activeElement.id") == "gebruikersnaam"
    geen_horizontaal_scrollen(page)

    secretaris = live_server.logins["secretaris"]
    _log_in_via_formulier(page, secretaris.naam, "niet-het-wachtwoord")
    assert page.url == f"{live_server.url}/login"
    fout = page.get_by_role("alert")
    assert fout.inner_text().count("Gebruikersnaam of wachtwoord klopt niet.") == 1
    assert page.get_by_label("Gebruikersnaam").input_value() == secretaris.naam
    assert page.get_by_label("Wachtwoord").input_value() == ""
    controleer_toegankelijkheid(page)


def test_formulier_zonder_csrf_token_geweigerd(pagina: Pagina, live_server: LiveServer) -> None:
    secretaris = live_server.logins["secretaris"]
    page = pagina()
    page.goto("/login")
    page.locator('input[name="_csrf_token"]').evaluate("e => e.remove()")
    page.get_by_label("Gebruikersnaam").fill(secretaris.naam)
    page.get_by_label("Wachtwoord").fill(secretaris.wachtwoord)
    with page.expect_response(f"{live_server.url}/login") as antwoord:
        page.get_by_role("button", name="Inloggen").click()
    assert antwoord.value.status == 403
    assert not [c for c in page.context.cookies() if c["name"] == "commissie_sessie"]

    # Logged in properly (own session: logging out must not end the shared one).
    _log_in_via_formulier(page, secretaris.naam, secretaris.wachtwoord)
    page.wait_for_url(f"{live_server.url}/termijnen")  # the secretary's start page
    page.locator('header input[name="_csrf_token"]').evaluate("e => e.remove()")
    with page.expect_response(f"{live_server.url}/uitloggen") as antwoord:
        page.get_by_role("button", name="Uitloggen").click()
    assert antwoord.value.status == 403
    page.goto("/")
    assert page.url == f"{live_server.url}/"  # still logged in
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{live_server.url}/login")
    page.goto("/")
    assert page.url == f"{live_server.url}/login"


def test_overzicht_secretaris(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Overzicht"
    controleer_toegankelijkheid(page)
    # The skip link is the keyboard's first stop and leads to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    # Dates: one format for people, none as machines write them.
    for kolom in ("Uiterlijk", "Ontvangen"):
        datums = _cellen(page, kolom)
        assert datums, kolom
        assert all(DATUM_NL.match(d) for d in datums), datums
    assert not ANDERE_DATUM.search(page.locator("main").inner_text())
    # The corps by its name from the regios.
    rij = page.locator("main tr", has=page.get_by_role("link", name=live_server.zaak.nummer))
    korps = live_server.regios.korps(live_server.zaak.korps)
    assert korps is not None
    zaakrij = rij.filter(has=page.locator('td[data-label="Korps"]'))
    assert zaakrij.locator('td[data-label="Korps"]').inner_text() == korps.naam
    assert zaakrij.locator('td[data-label="Ontvangen"]').inner_text() == datum_nl(
        live_server.zaak.ontvangen_op
    )
    # Deadline states: colour and the state in words.
    standen = set(_cellen(page, "Stand"))
    assert any(s.startswith("te laat") for s in standen)
    assert all(s.startswith(("te laat", "binnen 3 werkdagen", "op schema")) for s in standen), (
        standen
    )
    geen_horizontaal_scrollen(page)
    controleer_toegankelijkheid(page)  # also as cards on a phone


def test_zaakpagina_secretaris(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/")
    page.get_by_role("link", name=live_server.zaak.nummer).first.click()
    page.wait_for_url(f"{live_server.url}/zaken/{live_server.zaak.nummer}")
    assert page.get_by_role("heading", level=1).inner_text() == f"Zaak {live_server.zaak.nummer}"
    controleer_toegankelijkheid(page)
    korps = live_server.regios.korps(live_server.zaak.korps)
    assert korps is not None
    gegevens = page.locator("dl.gegevens")
    assert gegevens.locator("dt:text-is('Korps') + dd").inner_text() == korps.naam
    assert gegevens.locator("dt:text-is('Ontvangen op') + dd").inner_text() == datum_nl(
        live_server.zaak.ontvangen_op
    )
    panelkorpsen = [
        t.strip() for t in page.locator('#kop-panel ~ div td[data-label="Korps"]').all_inner_texts()
    ]
    namen = {k.naam for c in live_server.regios.commissies.values() for k in c.korpsen.values()}
    assert panelkorpsen and set(panelkorpsen) <= namen
    tijdstippen = _cellen(page, "Wanneer")
    assert tijdstippen and all(TIJDSTIP_NL.match(t) for t in tijdstippen), tijdstippen
    assert all(DATUM_NL.match(d) for d in _cellen(page, "Uiterlijk"))
    assert not ANDERE_DATUM.search(page.locator("main").inner_text())
    geen_horizontaal_scrollen(page)
    controleer_toegankelijkheid(page)


@pytest.mark.parametrize("rol", ["lid", "korpsleiding", "beheerder"])
def test_overzicht_andere_rollen(pagina: Pagina, live_server: LiveServer, rol: str) -> None:
    page = pagina(rol)
    page.goto("/")
    assert page.url == f"{live_server.url}/"
    kop = page.locator("header").inner_text()
    assert f"Ingelogd als {live_server.logins[rol].naam} ({rol})" in kop
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)


def test_schema_offline_en_alleen_ingelogd(pagina: Pagina, live_server: LiveServer) -> None:
    anoniem = pagina()
    anoniem.goto("/schema")
    assert anoniem.url == f"{live_server.url}/login"
    assert anoniem.request.get(f"{live_server.url}/schema/openapi.json").status == 401

    page = pagina("secretaris")
    page.goto("/schema")
    assert page.url == f"{live_server.url}/schema"
    titel = page.get_by_role(
        "heading", name="Zaaksysteem klachtencommissie ongewenste omgangsvormen"
    )
    titel.first.wait_for(timeout=15_000)  # Redoc renders the description in the page
    # The operations are listed by their Dutch summary.
    assert page.get_by_role("heading", name="Klacht registreren").is_visible()


def test_schermafdrukken(pagina: Pagina, live_server: LiveServer) -> None:
    """The screenshots of the README: login, overview and case page, wide and on a phone."""
    anoniem = pagina()
    anoniem.goto("/login")
    assert schermafdruk(anoniem, "inloggen").stat().st_size > 0
    page = pagina("secretaris")
    page.goto("/")
    schermafdruk(page, "overzicht")
    page.goto(f"/zaken/{live_server.zaak.nummer}")
    schermafdruk(page, "zaak")
    telefoon = pagina("secretaris", breedte=390, hoogte=844)
    telefoon.goto("/")
    schermafdruk(telefoon, "overzicht-telefoon")
