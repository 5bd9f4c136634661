"""The secretary's journeys in a real browser: register a complaint and decide admissibility,
postpone with the notice date, replace a member; a member of another panel is refused; a form
without its CSRF token is refused. Each page passes the axe check and fits 390 px."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import LiveServer
from tests.browser.hulp import (
    controleer_toegankelijkheid,
    geen_horizontaal_scrollen,
    schermafdruk,
)

Pagina = Callable[..., Any]


def _kies_eerste(page: Any, label: str) -> str:
    """Select the first real option of the labelled list; returns its value."""
    keuze = page.get_by_label(label, exact=True)
    waarde = keuze.locator("option").nth(1).get_attribute("value")
    keuze.select_option(waarde)
    return str(waarde)


def registreer_via_formulier(
    page: Any, live_server: LiveServer, klager: str = "K. Lager", met_enter: bool = False
) -> str:
    """Fill the intake form as a person would; returns the new case number."""
    page.goto("/zaken/nieuw")
    page.get_by_label("Naam klager").fill(klager)
    _kies_eerste(page, "Korps klager")
    page.get_by_label("Naam beklaagde 1").fill("B. Klaagde")
    _kies_eerste(page, "Korps beklaagde 1")
    page.get_by_label("verbale agressie", exact=True).check()
    page.get_by_label("Omschrijving van de klacht").fill("Kleineerde in de briefing.")
    page.get_by_label("Datum gedraging 1").fill("2026-03-02")
    if met_enter:  # the keyboard's way: Enter in a field sends the form, adds no row
        page.get_by_label("Naam klager").press("Enter")
    else:
        page.get_by_role("button", name="Klacht registreren").click()
    page.wait_for_url(re.compile(r"/zaken/[^/?]+\?gedaan=geregistreerd$"))
    return page.url.split("/zaken/")[1].split("?")[0]


def test_registreren_en_ontvankelijkheid(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/zaken/nieuw")
    assert page.get_by_role("heading", level=1).inner_text() == "Klacht registreren"
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Sent empty: errors on top (focused) and next to each field.
    page.get_by_label("Naam klager").fill("")
    page.get_by_role("button", name="Klacht registreren").click()
    overzicht = page.get_by_role("alert")
    assert "Veld 'klager.naam': is verplicht maar ontbreekt." in overzicht.inner_text()
    # Autofocus moves the keyboard to the summary once the page has loaded.
    page.wait_for_function("document.activeElement.className === 'foutoverzicht'", timeout=5000)
    assert page.locator("#klager-naam-fout").is_visible()
    controleer_toegankelijkheid(page)
    schermafdruk(page, "registreren-fouten")

    # Another accused row without JavaScript's help: the server adds it.
    page.get_by_role("button", name="Nog een beklaagde toevoegen").click()
    assert page.get_by_label("Naam beklaagde 2").is_visible()

    nummer = registreer_via_formulier(page, live_server)
    assert page.get_by_role("heading", level=1).inner_text() == f"Zaak {nummer}"
    assert page.get_by_role("status").first.inner_text() == "De klacht is geregistreerd."
    assert page.locator('#kop-panel ~ div td[data-label="Naam"]').count() >= 1
    assert page.locator('#kop-termijnen ~ div td[data-label="Termijn"]').count() >= 3
    controleer_toegankelijkheid(page)
    schermafdruk(page, "zaak-acties")

    page.get_by_label("Ontvankelijk", exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_url(re.compile(r"\?gedaan=ontvankelijkheid$"))
    assert page.locator("dl.gegevens dt:text-is('Status') + dd").inner_text() == "ontvankelijk"
    assert page.get_by_role("button", name="Besluit vastleggen").count() == 0
    geen_horizontaal_scrollen(page)
    controleer_toegankelijkheid(page)


def test_verdagen_met_mededelingsdatum(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    nummer = registreer_via_formulier(page, live_server, "V. Erdaagd", met_enter=True)
    page.get_by_label("Aantal weken").fill("4")
    page.get_by_label("Reden", exact=True).first.fill("Getuigen pas later beschikbaar.")
    with page.expect_response(f"{live_server.url}/zaken/{nummer}/verdaging") as antwoord:
        page.get_by_role("button", name="Verdaging vastleggen").click()
    assert antwoord.value.status == 400
    # Without the notice date: refused, the error next to the field, the reason kept.
    assert page.locator("#verdaging-mededeling_op-fout").is_visible()
    assert page.get_by_label("Aantal weken").input_value() == "4"
    controleer_toegankelijkheid(page)
    page.get_by_label("Schriftelijk meegedeeld op").fill("2026-03-10")
    page.get_by_role("button", name="Verdaging vastleggen").click()
    page.wait_for_url(f"{live_server.url}/zaken/{nummer}?gedaan=verdaging")
    verdaging = page.locator("#kop-verdagingen + ul").inner_text()
    assert verdaging.startswith("4 weken, besloten op 10 maart 2026: Getuigen")


def test_lid_vervangen(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    registreer_via_formulier(page, live_server, "Z. Iekte")
    voor = page.locator('#kop-panel ~ div td[data-label="Naam"]').all_inner_texts()
    keuze = page.get_by_label("Ziek lid", exact=True)
    optie = keuze.locator("option").nth(1)
    ziek = optie.inner_text().rsplit(" (", 1)[0]
    keuze.select_option(optie.get_attribute("value"))
    page.locator("#ziektevervanging-reden").fill("Langdurig ziek.")
    page.get_by_role("button", name="Lid vervangen").click()
    page.wait_for_url(re.compile(r"\?gedaan=ziektevervanging$"))
    na = page.locator('#kop-panel ~ div td[data-label="Naam"]').all_inner_texts()
    assert ziek in voor and ziek not in na and len(na) == len(voor)


def test_lid_van_een_ander_panel(pagina: Pagina, live_server: LiveServer) -> None:
    secretaris = pagina("secretaris")
    secretaris.goto("/")
    alle = set(secretaris.locator('main td[data-label="Nummer"] a').all_inner_texts())
    lid = pagina("lid")
    lid.goto("/mijn/zaken")
    assert lid.get_by_role("heading", level=1).inner_text() == "Mijn zaken"
    controleer_toegankelijkheid(lid)
    geen_horizontaal_scrollen(lid)
    schermafdruk(lid, "mijn-zaken")
    eigen = set(lid.locator('main td[data-label="Nummer"] a').all_inner_texts())
    assert eigen and eigen < alle
    vreemd = sorted(alle - eigen)[0]
    antwoord = lid.goto(f"/zaken/{vreemd}")
    assert antwoord is not None and antwoord.status == 404
    assert lid.get_by_role("heading", level=1).inner_text() == "Niet gevonden"
    # Its own case: the dossier, no step forms.
    lid.goto(f"/zaken/{sorted(eigen)[0]}")
    assert lid.locator("main form").count() == 0
    controleer_toegankelijkheid(lid)


def test_zaakformulier_zonder_csrf_token(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    nummer = registreer_via_formulier(page, live_server, "C. Srf")
    page.locator('form[action$="/ontvangstbevestiging"] input[name="_csrf_token"]').evaluate(
        "e => e.remove()"
    )
    with page.expect_response(f"{live_server.url}/zaken/{nummer}/ontvangstbevestiging") as a:
        page.get_by_role("button", name="Ontvangstbevestiging vastleggen").click()
    assert a.value.status == 403
    page.goto(f"/zaken/{nummer}")
    assert page.get_by_role("button", name="Ontvangstbevestiging vastleggen").count() == 1


def test_termijnen(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/termijnen")
    assert page.get_by_role("heading", level=1).inner_text() == "Termijnen"
    controleer_toegankelijkheid(page)
    standen = page.locator('main td[data-label="Stand"]').all_inner_texts()
    assert standen and standen[0].startswith("te laat")  # overdue first
    korps = live_server.regios.korps(live_server.zaak.korps)
    assert korps is not None
    page.get_by_label("Korps", exact=True).select_option(label=korps.naam)
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"/termijnen\?korps="))
    korpsen = set(page.locator('main td[data-label="Korps"]').all_inner_texts())
    assert korpsen == {korps.naam}
    schermafdruk(page, "termijnen")
    geen_horizontaal_scrollen(page)
    controleer_toegankelijkheid(page)


def test_leden_en_afwezigheid(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/leden")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Leden van ")
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Lid toevoegen").click()
    assert "Veld 'naam'" in page.locator("#nieuw-naam-fout").inner_text()
    controleer_toegankelijkheid(page)
    page.get_by_label("Naam", exact=True).fill("Nina Nieuw")
    page.get_by_label("Korps", exact=True).select_option(index=1)
    page.get_by_label("Kan voorzitten").check()
    page.get_by_role("button", name="Lid toevoegen").click()
    page.wait_for_url(re.compile(r"gedaan=toegevoegd$"))
    schermafdruk(page, "leden")
    page.get_by_role("link", name="Nina Nieuw").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Nina Nieuw"
    controleer_toegankelijkheid(page)
    page.get_by_label("Van", exact=True).fill("2026-04-01")
    page.get_by_label("Tot en met").fill("2026-04-10")
    page.get_by_label("Soort", exact=True).select_option("vakantie")
    page.get_by_role("button", name="Afwezigheid vastleggen").click()
    page.wait_for_url(re.compile(r"gedaan=afwezigheid$"))
    assert page.get_by_role("status").inner_text() == "De afwezigheid is vastgelegd."


def test_belasting(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    page.goto("/belasting")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Belasting van ")
    assert page.get_by_role("img", name=re.compile("Aandeel zetels per korps")).is_visible()
    assert page.locator('main td[data-label="Lid"]').count() >= 1
    controleer_toegankelijkheid(page)
    schermafdruk(page, "belasting")
    geen_horizontaal_scrollen(page)
    controleer_toegankelijkheid(page)


def test_beheer(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("beheerder")
    page.goto("/beheer")
    assert page.get_by_role("heading", level=1).inner_text() == "Beheer"
    controleer_toegankelijkheid(page)
    page.get_by_label("Gebruikersnaam").fill("nieuwe.secretaris")
    page.get_by_label("Rol").select_option("secretaris")
    page.get_by_label("Commissie", exact=True).select_option(index=1)
    page.get_by_role("button", name="Account aanmaken").click()
    # The message, not the (hidden) "Bezig…" indicator of the template check, also a status.
    melding = page.locator('main .melding-ok[role="status"]').first.inner_text()
    assert "Account nieuwe.secretaris is aangemaakt." in melding
    assert page.locator("code.geheim").inner_text()
    controleer_toegankelijkheid(page)
    page.goto("/beheer")
    schermafdruk(page, "beheer")
    geen_horizontaal_scrollen(page)
    # The template check runs through HTMX and fills its table in place.
    page.get_by_role("button", name="Sjablonen controleren").click()
    uitslag = page.locator("#sjabloon-uitslag td[data-label='Uitslag']")
    uitslag.first.wait_for()
    assert set(uitslag.all_inner_texts()) == {"OK"}
    assert page.url.endswith("/beheer")  # swapped in place, no page load
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)
