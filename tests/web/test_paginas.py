"""Server-rendered pages: login, overview, case page; the same access rules as the API.
Also the page plumbing: CSRF on every form, /schema behind login, assets from /static/."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from litestar import get
from litestar.testing import TestClient

from commissie.accounts.rollen import Actor, Rol
from commissie.regios import laad_regios
from commissie.tijd import datum_nl
from commissie.web.navigatie import NAVIGATIE, Menupunt, menu, paginapaden
from tests.conftest import PROJECT_ROOT, WACHTWOORD, Gebruikers, zaak_body
from tests.web.hulp import HTML, formulier_token, log_in_via_pagina

REGIOS = laad_regios(PROJECT_ROOT / "regios")
_NAV = re.compile(r'<nav class="navigatie"[^>]*>(.*?)</nav>', re.S)
_LINK = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')


def _menu(html: str) -> list[tuple[str, str]]:
    m = _NAV.search(html)
    return _LINK.findall(m.group(1)) if m else []


def test_zonder_login_naar_de_loginpagina(client: TestClient[Any]) -> None:
    r = client.get("/", headers=HTML, follow_redirects=False)
    assert r.status_code == 302
    assert r.headers["location"] == "/login"
    assert "Inloggen" in client.get("/login").text


def test_inloggen_overzicht_en_zaak(client: TestClient[Any], secretaris: dict[str, str]) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    fout = log_in_via_pagina(client, "secretaris", "fout")
    assert fout.status_code == 401 and "Gebruikersnaam of wachtwoord klopt niet." in fout.text
    assert "commissie_sessie" not in client.cookies
    r = log_in_via_pagina(client, "secretaris", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/termijnen"
    assert client.cookies.get("commissie_sessie")
    overzicht = client.get("/", headers=HTML, follow_redirects=False)
    assert overzicht.status_code == 200
    assert "Ingelogd als <strong>secretaris</strong> (secretaris)" in overzicht.text
    assert z["nummer"] in overzicht.text and "Open termijnen" in overzicht.text
    # Dates for people and the corps by name, never the code alone.
    assert "20 februari 2026" in overzicht.text and "2026-02-20" not in overzicht.text
    korps_ij = REGIOS.korps("IJ")
    assert korps_ij is not None and f">{korps_ij.naam}<" in overzicht.text
    pagina = client.get(f"/zaken/{z['nummer']}", headers=HTML)
    assert pagina.status_code == 200
    assert "&lt;herhaaldelijk&gt; &amp; kleineerde" in pagina.text  # escaped, never raw HTML
    assert "<herhaaldelijk>" not in pagina.text
    assert f"K. Lager, {korps_ij.naam}, Agent" in pagina.text
    assert datum_nl(date.fromisoformat(z["termijnen"]["advies"])) in pagina.text
    token = formulier_token(client, "/")
    uit = client.post("/uitloggen", data={"_csrf_token": token}, follow_redirects=False)
    assert uit.status_code == 303
    assert client.get("/", headers=HTML, follow_redirects=False).headers["location"] == "/login"


def test_korpsleiding_ziet_geen_lopende_zaak(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    gebruikers.maak("kc.ij", Rol.KORPSLEIDING, korps="IJ")
    assert log_in_via_pagina(client, "kc.ij", follow_redirects=False).status_code == 303
    overzicht = client.get("/", headers=HTML)
    assert "Ingelogd als <strong>kc.ij</strong> (korpsleiding)" in overzicht.text
    assert z["nummer"] not in overzicht.text
    assert client.get(f"/zaken/{z['nummer']}", headers=HTML).status_code == 404


def test_formulier_zonder_csrf_token_geweigerd(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    formulier_token(client)  # the browser has the CSRF cookie, the post lacks the field
    data = {"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
    r = client.post("/login", data=data, follow_redirects=False)
    assert r.status_code == 403
    assert "commissie_sessie" not in client.cookies
    vals = client.post("/login", data={**data, "_csrf_token": "0" * 128}, follow_redirects=False)
    assert vals.status_code == 403
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    # Logging out is a form as well: without the token the session stays.
    assert client.post("/uitloggen", follow_redirects=False).status_code == 403
    assert client.get("/", headers=HTML, follow_redirects=False).status_code == 200
    # The JSON API is not a form: bearer tokens and JSON posts need no CSRF token.
    assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201


def test_schema_alleen_voor_wie_is_ingelogd(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    r = client.get("/schema", headers=HTML, follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/login"
    assert client.get("/schema/openapi.json").status_code == 401
    log_in_via_pagina(client, "secretaris")
    pagina = client.get("/schema", headers=HTML)
    assert pagina.status_code == 200
    assert '<html lang="nl">' in pagina.text
    assert re.search(r'<script src="/static/redoc\.standalone\.js\?v=\w+"', pagina.text)
    assert not re.search(r'(src|href)=["\']https?://', pagina.text)  # nothing from other hosts
    beschrijving = client.get("/schema/openapi.json").json()
    assert beschrijving["info"]["title"].startswith("Zaaksysteem klachtencommissie")
    titels = {
        (m, p): o["summary"] for p, ops in beschrijving["paths"].items() for m, o in ops.items()
    }
    assert titels[("post", "/api/login")] == "Inloggen"
    assert titels[("get", "/health")] == "Werkt de app"
    # Dutch titles: none of the words the framework would derive from English names.
    assert not {"Health", "Login", "Logout"} & set(titels.values())


def test_statische_bestanden_open_en_lang_te_cachen(client: TestClient[Any]) -> None:
    login = client.get("/login").text
    for naam, soort in (("app.css", "text/css"), ("htmx.min.js", "javascript")):
        url = re.search(rf'"(/static/{re.escape(naam)}\?v=\w+)"', login)
        assert url, naam
        r = client.get(url.group(1))
        assert r.status_code == 200 and soort in r.headers["content-type"]
        assert "max-age=31536000" in r.headers["cache-control"]
    assert client.get("/static/bestaat-niet.js").status_code == 404


def test_menu_toont_per_rol_alleen_bestaande_paginas(
    client: TestClient[Any], gebruikers: Gebruikers
) -> None:
    gebruikers.maak("secretaris", Rol.SECRETARIS)
    gebruikers.maak("lid1", Rol.LID)
    paden = paginapaden(client.app)

    def verwacht(rol: Rol) -> list[tuple[str, str]]:
        return [(p.pad, p.label) for p in NAVIGATIE if rol in p.rollen and p.pad in paden]

    log_in_via_pagina(client, "secretaris")
    assert _menu(client.get("/", headers=HTML).text) == verwacht(Rol.SECRETARIS)
    assert ("/", "Overzicht") in verwacht(Rol.SECRETARIS)
    assert ("/leden", "Leden") in verwacht(Rol.SECRETARIS)
    assert "/mijn/zittingen" in paden
    assert 'href="/" aria-current="page"' in client.get("/", headers=HTML).text

    log_in_via_pagina(client, "lid1")
    menu_lid = _menu(client.get("/", headers=HTML).text)
    assert menu_lid == verwacht(Rol.LID)
    assert ("/mijn/zittingen", "Mijn zittingen") in menu_lid
    assert ("/leden", "Leden") not in menu_lid

    # A page that has not landed stays out of the menu; once routed, it shows for its roles.
    lid = Actor(1, "lid1", Rol.LID, "TI", None, None)
    gepland = (Menupunt("Agenda", "/mijn/agenda", frozenset({Rol.LID})),)
    assert menu(lid, paden, "/", gepland) == []

    @get("/mijn/agenda", include_in_schema=False)
    async def agenda_pagina() -> str:
        return "agenda"

    client.app.register(agenda_pagina)
    nu_paden = paginapaden(client.app)
    assert [m.pad for m in menu(lid, nu_paden, "/", gepland)] == ["/mijn/agenda"]
    secretaris = Actor(2, "secretaris", Rol.SECRETARIS, "TI", None, None)
    assert menu(secretaris, nu_paden, "/", gepland) == []
