"""Journeys past the intake, in a real browser: the secretary plans a hearing from a proposed
slot; a member opens its upcoming hearing (and downloads the invite when the app serves it);
the chair drafts and fixes the advice and downloads the Word file; the corps leadership
records its decision. Axe on each new page; 390 px; screenshots for the README."""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from commissie.accounts import service as accounts
from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import service as advies
from commissie.adviezen.schemas import AdviesIn, OnderdeelIn
from commissie.api.adviezen import documentomgeving
from commissie.cli.demo import _demo_zitting, _demozaak
from commissie.eenheid import werkeenheid
from commissie.panel.models import Panelzetel
from commissie.procedure.gebruikers import maak_gebruiker
from commissie.procedure.opstart import bouw_omgeving
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak
from tests.browser.conftest import MOMENT, LiveServer
from tests.browser.hulp import controleer_toegankelijkheid, geen_horizontaal_scrollen, schermafdruk
from tests.browser.test_reizen import registreer_via_formulier

Pagina = Callable[..., Any]
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Reis:
    gehoord: str  # a case whose hearing was held: the advice can be drafted
    voorzitter: tuple[str, str]  # its chair's login
    gepland: str  # a case with an upcoming hearing
    lid: tuple[str, str]  # a member of that panel
    vastgesteld: str  # a case whose advice the chair has fixed: the corps leadership decides


async def _bereid_voor(live_server: LiveServer) -> Reis:
    """Two cases through the app's own services (as the demo makes them) and a login for a
    member of each panel."""
    assert live_server.settings is not None
    omgeving = bouw_omgeving(live_server.settings, lambda: MOMENT)
    vandaag_ = vandaag(MOMENT)
    try:
        async with werkeenheid(omgeving.sessionmaker) as s:
            g = await s.scalar(select(Gebruiker).where(Gebruiker.gebruikersnaam == "secretaris"))
            assert g is not None
            actor = Actor(g.id, g.gebruikersnaam, Rol.SECRETARIS, g.commissie_code, None, None)
        logins: list[tuple[str, str]] = []
        nummers: list[str] = []
        for klager, fase, rol in (
            ("H. Oorzitting", "verweer", "voorzitter"),
            ("P. Lanning", "zitting", "lid"),
            ("V. Astgesteld", "verweer", "voorzitter"),
        ):
            async with werkeenheid(omgeving.sessionmaker) as s:
                spec = (60, klager, "TW", "A. Dviseur", "TW", "District Twente",
                        ["verbale_agressie"], [10], fase)  # fmt: skip
                await _demozaak(s, omgeving, actor, vandaag_, *spec)
                zaak = await s.scalar(select(Zaak).order_by(Zaak.id.desc()).limit(1))
                assert zaak is not None
                if fase == "verweer":  # the hearing held weeks ago, its report sent
                    dag = vandaag_ - timedelta(days=30)
                    await _demo_zitting(s, actor, zaak, omgeving, dag, vandaag_, gehouden=True)
                zetel = await s.scalar(
                    select(Panelzetel).where(
                        Panelzetel.zaak_id == zaak.id, Panelzetel.rol == rol, Panelzetel.actief
                    )
                )
                assert zetel is not None
                naam, wachtwoord = f"reis.{rol}.{len(nummers)}", secrets.token_urlsafe(9)
                gebruiker = await maak_gebruiker(
                    session=s,
                    gebruikersnaam=naam,
                    wachtwoord_hash=accounts.hash_wachtwoord(wachtwoord),
                    rol=Rol.LID,
                    commissie=zaak.commissie_code,
                    korps=None,
                    lid_id=zetel.lid_id,
                    nu=MOMENT,
                )
                nummers.append(zaak.nummer)
                logins.append((naam, wachtwoord))
                if klager == "V. Astgesteld":  # drafted and fixed by its chair
                    await _stel_vast(s, omgeving, zaak, gebruiker)
        return Reis(nummers[0], logins[0], nummers[1], logins[1], nummers[2])
    finally:
        await omgeving.engine.dispose()


async def _stel_vast(s: Any, omgeving: Any, zaak: Zaak, gebruiker: Gebruiker) -> None:
    voorzitter = Actor(gebruiker.id, gebruiker.gebruikersnaam, Rol.LID, zaak.commissie_code,
                       None, gebruiker.lid_id)  # fmt: skip
    [beklaagde] = [p for p in zaak.partijen if p.rol == "beklaagde"]
    invoer = AdviesIn(
        feiten="De beklaagde schreeuwde in de briefing.",
        standpunten="Klager: kleinerend. Beklaagde: ontkent.",
        overwegingen="Getuigen bevestigen het.",
        onderdelen=[OnderdeelIn(beklaagde=beklaagde.id, oordeel="gegrond", motivering="Gehoord.")],
    )
    await advies.concept(session=s, actor=voorzitter, zaak=zaak, invoer=invoer, nu=MOMENT)
    await advies.vaststellen(
        session=s,
        actor=voorzitter,
        zaak=zaak,
        regios=omgeving.regios,
        omg=documentomgeving(omgeving),
        nu=MOMENT,
    )


@pytest.fixture(scope="module")
def reis(live_server: LiveServer) -> Reis:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _bereid_voor(live_server)).result()


def _log_in(pagina: Pagina, live_server: LiveServer, login: tuple[str, str], start: str) -> Any:
    page = pagina()
    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill(login[0])
    page.get_by_label("Wachtwoord").fill(login[1])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}{start}")
    return page


def test_zitting_plannen_uit_voorstel(pagina: Pagina, live_server: LiveServer) -> None:
    page = pagina("secretaris")
    nummer = registreer_via_formulier(page, live_server, "Z. Itting")
    page.get_by_label("Ontvankelijk", exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_url(re.compile(r"\?gedaan=ontvankelijkheid$"))
    page.get_by_label("Afschrift klacht aan beklaagde (Awb 9:10)").check()
    page.get_by_role("button", name="Stap vastleggen").click()
    page.wait_for_url(re.compile(r"\?gedaan=wederhoor$"))
    assert page.get_by_role("status").first.inner_text() == "De wederhoorstap is vastgelegd."
    controleer_toegankelijkheid(page)

    # Sent without a slot: refused, the error next to the field and on top.
    page.get_by_role("button", name="Zitting plannen").click()
    fout = page.locator("#zitting-voorstel-fout").inner_text()
    assert "kies een van de voorgestelde tijdstippen" in fout
    assert page.locator(".foutoverzicht a[href='#zitting-voorstel']").count() == 1
    controleer_toegankelijkheid(page)
    voorstellen = page.locator('#zitting-voorstel input[type="radio"]')
    assert voorstellen.count() >= 1
    gekozen = page.locator(f"label[for='{voorstellen.first.get_attribute('id')}']").inner_text()
    voorstellen.first.check()
    page.get_by_role("button", name="Zitting plannen").click()
    page.wait_for_url(f"{live_server.url}/zaken/{nummer}?gedaan=zitting")
    wanneer = page.locator('#kop-horen ~ div td[data-label="Zitting"]').all_inner_texts()
    assert wanneer == [gekozen.split(" tot ")[0]]
    assert (
        page.locator("dl.gegevens dt:text-is('Status') + dd").inner_text()
        == "in behandeling: zitting"
    )
    assert page.get_by_role("button", name="Hoorverslag vastleggen").count() == 1
    controleer_toegankelijkheid(page)
    schermafdruk(page, "zaak-zitting")
    geen_horizontaal_scrollen(page)


def test_lid_opent_zijn_zitting(pagina: Pagina, live_server: LiveServer, reis: Reis) -> None:
    page = _log_in(pagina, live_server, reis.lid, "/mijn/zaken")
    page.get_by_role("link", name="Mijn zittingen").click()
    page.wait_for_url(f"{live_server.url}/mijn/zittingen")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn zittingen"
    zaken = page.locator("main td[data-label='Zaak (dossier)']").all_inner_texts()
    assert reis.gepland in zaken
    controleer_toegankelijkheid(page)
    schermafdruk(page, "mijn-zittingen")
    geen_horizontaal_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    rij = page.locator("main tr", has=page.locator("td", has_text=reis.gepland))
    ics = rij.locator('a[href$="/uitnodiging.ics"]')
    with page.expect_download() as download:
        ics.first.click()
    inhoud = download.value.path().read_bytes().decode()
    assert inhoud.startswith("BEGIN:VCALENDAR") and "METHOD:REQUEST" in inhoud
    assert f"zaak {reis.gepland}" in inhoud.replace("\r\n ", "")
    page.get_by_role("link", name=reis.gepland).first.click()
    page.wait_for_url(f"{live_server.url}/zaken/{reis.gepland}")
    assert page.get_by_role("heading", level=1).inner_text() == f"Zaak {reis.gepland}"
    assert page.locator('#kop-horen ~ div td[data-label="Zitting"]').count() == 1
    assert page.locator("main form").count() == 0  # the dossier, no steps for a member
    controleer_toegankelijkheid(page)


def test_voorzitter_stelt_advies_vast(pagina: Pagina, live_server: LiveServer, reis: Reis) -> None:
    page = _log_in(pagina, live_server, reis.voorzitter, "/mijn/zaken")
    page.goto(f"/zaken/{reis.gehoord}")
    page.get_by_role("link", name=re.compile(r"^Advies van zaak")).click()
    page.wait_for_url(f"{live_server.url}/zaken/{reis.gehoord}/advies")
    assert page.get_by_role("heading", level=1).inner_text() == f"Advies zaak {reis.gehoord}"
    controleer_toegankelijkheid(page)
    page.get_by_label("Feiten", exact=True).fill("Op de gedragingsdatum schreeuwde de beklaagde.")
    page.get_by_label("Standpunten van partijen").fill("Klager: kleinerend. Beklaagde: ontkent.")
    page.get_by_label("Overwegingen").fill("De commissie acht de klacht aannemelijk.")
    page.get_by_label(re.compile(r"^Oordeel over A\. Dviseur")).select_option("gegrond")
    page.get_by_label("Motivering over A. Dviseur").fill("Getuigen bevestigen het.")
    page.get_by_role("button", name="Conceptversie bewaren").click()
    page.wait_for_url(re.compile(r"/advies\?gedaan=concept$"))
    assert "A. Dviseur" in page.locator("#kop-voorbeeld ~ div.voorbeeld").inner_text()
    schermafdruk(page, "advies-opstellen")
    page.get_by_role("button", name="Advies vaststellen").click()
    page.wait_for_url(re.compile(r"/advies\?gedaan=vastgesteld$"))
    assert page.get_by_role("heading", level=2, name=re.compile("versie 1 \\(vastgesteld\\)"))
    controleer_toegankelijkheid(page)
    geen_horizontaal_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    word = page.locator("#kop-documenten + ul a", has_text="(Word)")
    assert word.count() == 1
    with page.expect_download() as download:
        word.first.click()
    inhoud = download.value.path().read_bytes()
    assert inhoud[:2] == b"PK" and download.value.suggested_filename.endswith(".docx")


def test_korpsleiding_legt_besluit_vast(
    pagina: Pagina, live_server: LiveServer, reis: Reis
) -> None:
    page = pagina("korpsleiding")  # korpschef.tw: the accused work in Twente
    page.goto("/korpsleiding")
    assert page.get_by_role("heading", level=1).inner_text() == "Adviezen voor uw korps"
    rij = page.locator("main tr", has=page.locator(f"a:text-is('{reis.vastgesteld}')"))
    assert (
        rij.locator("td[data-label='Advies over uw medewerkers']")
        .inner_text()
        .startswith("A. Dviseur: gegrond")
    )
    document = rij.locator("td[data-label='Document'] a")
    assert document.count() == 1 and "(Word)" in document.inner_text()
    controleer_toegankelijkheid(page)
    schermafdruk(page, "korpsleiding")
    geen_horizontaal_scrollen(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_download() as download:
        document.click()
    assert download.value.path().read_bytes()[:2] == b"PK"

    page.get_by_role("link", name=f"Besluit vastleggen voor zaak {reis.vastgesteld}").click()
    page.wait_for_url(f"{live_server.url}/korpsleiding/{reis.vastgesteld}")
    assert "A. Dviseur: gegrond" in page.locator("#kop-oordeel + ul").inner_text()
    controleer_toegankelijkheid(page)
    # Deviating without a reason: refused, the error at the field.
    page.get_by_label("Nee, ik wijk af").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    assert "moet zeggen waarom" in page.locator("#besluit-motivering-fout").inner_text()
    controleer_toegankelijkheid(page)
    schermafdruk(page, "korpsleiding-besluit")
    page.get_by_label("Motivering", exact=True).fill("Het korps ziet het gedrag anders.")
    page.get_by_label("Maatregel", exact=True).select_option("waarschuwing")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_url(f"{live_server.url}/korpsleiding/{reis.vastgesteld}?gedaan=besluit")
    assert page.get_by_role("status").first.inner_text() == "Het besluit is vastgelegd."
    assert page.get_by_role("button", name="Besluit vastleggen").count() == 0
    page.goto("/korpsleiding")
    rij = page.locator("main tr", has=page.locator(f"a:text-is('{reis.vastgesteld}')"))
    assert (
        rij.locator("td[data-label='Besluit']").inner_text().startswith("wijkt af van het advies")
    )
