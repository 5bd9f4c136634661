"""Authentication, roles and need-to-know through the API."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar.routes import HTTPRoute
from litestar.testing import TestClient
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Rol
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Inzage, Zaak
from tests.conftest import WACHTWOORD, Gebruikers, Klok, run_db, zaak_body
from tests.procedure_hulp import naar_status

Hdr = dict[str, str]
# The agenda feed: its unguessable URL is the key (calendar apps cannot log in).
OPEN = {"/health", "/api/login", "/login", "/agenda/{bestand:str}"}
STAPPEN = {
    "ontvankelijkheid": {"ontvankelijk": True},
    "verdaging": {"weken": 2, "reden": "Drukte", "mededeling_op": "2026-03-02"},
    "status": {"status": "ingetrokken", "toelichting": "Klager trekt in."},
    "ontvangstbevestiging": {},
}


def _registreer(client: TestClient[Any], hdr: Hdr, **over: Any) -> str:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=hdr)
    assert r.status_code == 201, r.text
    return str(r.json()["nummer"])


def _stap(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    status: str,
    klok: Klok | None = None,
    gebruikers: Gebruikers | None = None,
) -> None:
    naar_status(client, hdr, nummer, status, klok=klok, gebruikers=gebruikers)


def _naar_advies(
    client: TestClient[Any], hdr: Hdr, nummer: str, klok: Klok, gebruikers: Gebruikers
) -> None:
    for s in ("ontvankelijk", "verweer", "zitting", "advies_uitgebracht"):
        _stap(client, hdr, nummer, s, klok, gebruikers)


def _zichtbaar(client: TestClient[Any], hdr: Hdr) -> list[str]:
    r = client.get("/api/zaken", headers=hdr)
    assert r.status_code == 200, r.text
    return [z["nummer"] for z in r.json()["zaken"]]


def _termijn_zaken(client: TestClient[Any], hdr: Hdr) -> set[str]:
    r = client.get("/api/termijnen", headers=hdr)
    assert r.status_code == 200, r.text
    return {t["nummer"] for t in r.json()}


def _stand(client: TestClient[Any], hdr: Hdr, nummer: str) -> tuple[Any, ...]:
    z = client.get(f"/api/zaken/{nummer}", headers=hdr).json()
    return z["status"], z["termijnoverzicht"], len(z["tijdlijn"]), z["verdagingen"]


def _zaak_id(db: str, nummer: str) -> int:
    async def werk(s: AsyncSession) -> int:
        return int(await s.scalar(select(Zaak.id).where(Zaak.nummer == nummer)) or 0)

    return run_db(db, werk)


def _zetel(db: str, nummer: str, lid_id: int, *, actief: bool = True) -> None:
    zaak_id = _zaak_id(db, nummer)

    zetel = {"zaak_id": zaak_id, "lid_id": lid_id, "rol": "lid", "actief": actief, "uitleg": {}}

    async def werk(s: AsyncSession) -> None:
        s.add(Panelzetel(**zetel, aangewezen_op=datetime.now(UTC)))

    run_db(db, werk)


def _tel(db: str, tabel: str) -> int:
    async def werk(s: AsyncSession) -> int:
        return int(await s.scalar(text(f"SELECT count(*) FROM {tabel}")) or 0)

    return run_db(db, werk)


def _login(client: TestClient[Any], naam: str = "secretaris", wachtwoord: str = WACHTWOORD) -> Any:
    return client.post("/api/login", json={"gebruikersnaam": naam, "wachtwoord": wachtwoord})


# ---- authentication ---------------------------------------------------------------------


def test_elk_endpoint_behalve_login_health_en_statisch_vraagt_authenticatie(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    nummer = _registreer(client, secretaris)
    voor = _stand(client, secretaris, nummer)
    gezien = set()
    for route in client.app.routes:
        # /schema is checked below; /static holds only the app's own assets, open by design.
        if not isinstance(route, HTTPRoute) or route.path.startswith(("/schema", "/static")):
            continue
        pad = re.sub(r"\{[^}:]+:int\}", "1", route.path)
        pad = re.sub(r"\{[^}]+\}", nummer, pad)
        for methode in sorted(route.methods - {"OPTIONS", "HEAD"}):
            r = client.request(methode, pad, json=STAPPEN.get(pad.rsplit("/", 1)[-1], {}))
            if route.path in OPEN:
                assert r.status_code != 401 or "Niet ingelogd" not in r.text, (methode, pad)
                continue
            gezien.add(route.path)
            assert r.status_code == 401, (methode, pad, r.status_code, r.text)
            assert "Niet ingelogd" in r.json()["detail"]
    assert {
        "/api/zaken",
        "/api/zaken/{nummer:str}/verdaging",
        "/api/termijnen",
        "/api/commissies",
        "/api/ik",
        "/api/logout",
        "/zaken/{nummer:str}",
    } <= gezien
    assert _stand(client, secretaris, nummer) == voor
    assert _tel(db, "zaak") == 1


def test_open_endpoints_antwoorden_zonder_login(client: TestClient[Any], secretaris: Hdr) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/schema/openapi.json").status_code == 401  # the API description too
    assert client.get("/static/app.css").status_code == 200
    schema = client.get("/schema/openapi.json", headers=secretaris)
    assert schema.status_code == 200
    paden = schema.json()["paths"]
    assert {"/api/zaken", "/api/zaken/{nummer}", "/api/termijnen", "/api/login"} <= set(paden)
    assert client.get("/login").status_code == 200
    r = _login(client, wachtwoord="fout")
    assert r.status_code == 401
    assert r.json()["detail"] == "Gebruikersnaam of wachtwoord klopt niet."


def test_pagina_zonder_login_verwijst_browser_naar_login(client: TestClient[Any]) -> None:
    for pad in ("/", "/zaken/TI-2026-0001"):
        r = client.get(pad, headers={"accept": "text/html"}, follow_redirects=False)
        assert r.status_code == 302, (pad, r.status_code)
        assert r.headers["location"].endswith("/login")


@pytest.mark.parametrize(
    "authorization",
    ["Bearer onzin-token", "Bearer ", "Basic c2VjcmV0YXJpczpnZWhlaW0=", "secretaris"],
)
def test_ongeldige_authorization_geeft_401(
    client: TestClient[Any], secretaris: Hdr, authorization: str
) -> None:
    assert _login(client).status_code == 200  # even a valid session cookie does not help
    r = client.get("/api/zaken", headers={"Authorization": authorization})
    assert r.status_code == 401, r.text
    assert client.get("/api/zaken").status_code == 200


def test_token_van_gedeactiveerde_gebruiker_geeft_401(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    assert client.get("/api/ik", headers=secretaris).status_code == 200

    async def deactiveer(s: AsyncSession) -> None:
        await s.execute(update(Gebruiker).values(actief=False))

    run_db(db, deactiveer)
    assert client.get("/api/ik", headers=secretaris).status_code == 401
    assert _login(client).status_code == 401


def test_browserlogin_cookie_ik_en_uitloggen(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    r = _login(client)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "gebruikersnaam": "secretaris",
        "rol": "secretaris",
        "commissie": "TI",
        "korps": None,
    }
    cookie = r.headers["set-cookie"]
    delen = {d.strip().split("=")[0].lower(): d.strip() for d in cookie.split(";")}
    assert "commissie_sessie" in delen and "httponly" in delen
    assert delen["samesite"].lower() == "samesite=strict"
    assert delen["path"] == "Path=/"
    sleutel = client.cookies["commissie_sessie"]
    assert client.get("/api/ik").json()["gebruikersnaam"] == "secretaris"
    assert client.get("/api/zaken").status_code == 200
    assert _tel(db, "sessie") == 1
    uit = client.post("/api/logout")
    assert uit.status_code == 200
    assert _tel(db, "sessie") == 0
    assert client.get("/api/ik").status_code == 401
    # The old cookie value is dead on the server too, not only removed from the browser.
    client.cookies.set("commissie_sessie", sleutel)
    assert client.get("/api/ik").status_code == 401


def test_sessie_verloopt(client: TestClient[Any], secretaris: Hdr, klok: Klok) -> None:
    assert _login(client).status_code == 200
    klok.moment += timedelta(hours=11, minutes=59)
    assert client.get("/api/ik").status_code == 200
    klok.moment += timedelta(minutes=2)
    assert client.get("/api/ik").status_code == 401


@pytest.mark.parametrize(
    ("naam", "wachtwoord"), [("secretaris", "fout-wachtwoord"), ("niemand", WACHTWOORD)]
)
def test_verkeerde_inlog_geeft_401_zonder_sessie(
    client: TestClient[Any], secretaris: Hdr, db: str, naam: str, wachtwoord: str
) -> None:
    r = _login(client, naam, wachtwoord)
    assert r.status_code == 401
    assert r.json()["detail"] == "Gebruikersnaam of wachtwoord klopt niet."
    assert "set-cookie" not in r.headers
    assert _tel(db, "sessie") == 0
    assert client.get("/api/ik").status_code == 401


# ---- roles ------------------------------------------------------------------------------


def _gebruiker(gebruikers: Gebruikers, rol: Rol) -> Hdr:
    if rol is Rol.LID:
        return gebruikers.maak("lid", Rol.LID, lid_id=gebruikers.lid("L. Id", "TW"))
    if rol is Rol.KORPSLEIDING:
        return gebruikers.maak("korpschef", Rol.KORPSLEIDING, korps="IJ")
    return gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None)


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.LID, Rol.KORPSLEIDING])
def test_andere_rollen_registreren_niet_en_zetten_geen_stappen(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, db: str, rol: Rol
) -> None:
    nummer = _registreer(client, secretaris)
    hdr = _gebruiker(gebruikers, rol)
    voor = _stand(client, secretaris, nummer)
    r = client.post("/api/zaken", json=zaak_body(), headers=hdr)
    assert r.status_code == 403, r.text
    assert "secretaris" in r.json()["detail"]
    for stap, body in STAPPEN.items():
        r = client.post(f"/api/zaken/{nummer}/{stap}", json=body, headers=hdr)
        assert r.status_code == 403, (stap, r.text)
    assert _tel(db, "zaak") == 1
    assert _stand(client, secretaris, nummer) == voor


def test_secretaris_van_andere_commissie(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, db: str
) -> None:
    nummer = _registreer(client, secretaris)
    nn = gebruikers.maak("secretaris-nn", Rol.SECRETARIS, commissie="NN")
    voor = _stand(client, secretaris, nummer)
    assert _zichtbaar(client, nn) == []
    assert _termijn_zaken(client, nn) == set()
    r = client.get(f"/api/zaken/{nummer}", headers=nn)
    bestaat_niet = client.get("/api/zaken/TI-2026-0099", headers=nn)
    assert r.status_code == bestaat_niet.status_code == 404
    # Same answer as for a case that does not exist: existence does not leak.
    assert r.json()["detail"] == bestaat_niet.json()["detail"].replace("TI-2026-0099", nummer)
    assert client.get(f"/zaken/{nummer}", headers=nn).status_code == 404
    for stap, body in STAPPEN.items():
        assert client.post(f"/api/zaken/{nummer}/{stap}", json=body, headers=nn).status_code == 404
    r = client.post("/api/zaken", json=zaak_body(), headers=nn)
    assert r.status_code == 403, r.text
    assert "TI" in r.json()["detail"]
    assert _tel(db, "zaak") == 1
    assert _tel(db, "inzage") == 1  # only the secretary's own look above
    assert _stand(client, secretaris, nummer) == voor
    eigen = _registreer(
        client,
        nn,
        commissie="NN",
        klager={"naam": "K. Noord", "korps": "FR"},
        beklaagden=[{"naam": "B. Noord", "korps": "GR"}],
    )
    assert eigen == "NN-2026-0001"
    assert _zichtbaar(client, nn) == ["NN-2026-0001"]
    assert _zichtbaar(client, secretaris) == [nummer]


# ---- need-to-know -----------------------------------------------------------------------


def test_lid_ziet_alleen_zaken_met_actieve_panelzetel(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, db: str
) -> None:
    met_zetel, oude_zetel, geen_zetel = (_registreer(client, secretaris) for _ in range(3))
    lid_id = gebruikers.lid("L. Id", "TW")
    lid = gebruikers.maak("lid", Rol.LID, lid_id=lid_id)
    ander = gebruikers.maak("ander-lid", Rol.LID, lid_id=gebruikers.lid("A. Nder", "IJ"))
    zonder_lid = gebruikers.maak("lid-zonder-lidmaatschap", Rol.LID)
    assert _zichtbaar(client, lid) == []
    _zetel(db, met_zetel, lid_id)
    _zetel(db, oude_zetel, lid_id, actief=False)
    assert _zichtbaar(client, lid) == [met_zetel]
    assert _termijn_zaken(client, lid) == {met_zetel}
    z = client.get(f"/api/zaken/{met_zetel}", headers=lid)
    assert z.status_code == 200
    assert z.json()["klager"]["contact"] is None  # contact details are for the secretariat
    for n in (oude_zetel, geen_zetel):
        assert client.get(f"/api/zaken/{n}", headers=lid).status_code == 404
    for hdr in (ander, zonder_lid):
        assert _zichtbaar(client, hdr) == []
        assert _termijn_zaken(client, hdr) == set()
        assert client.get(f"/api/zaken/{met_zetel}", headers=hdr).status_code == 404


def test_korpsleiding_ziet_zaak_van_beklaagdes_korps_vanaf_advies(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    klager_tw = {"naam": "K. Lager", "korps": "TW"}
    nummer = _registreer(client, secretaris, klager=klager_tw)  # accused works at IJ
    beide = _registreer(
        client,
        secretaris,
        klager=klager_tw,
        beklaagden=[{"naam": "B. Een", "korps": "IJ"}, {"naam": "B. Twee", "korps": "TW"}],
    )
    ij = gebruikers.maak("korpschef-ij", Rol.KORPSLEIDING, korps="IJ")
    tw = gebruikers.maak("korpschef-tw", Rol.KORPSLEIDING, korps="TW")
    for status in ("ontvankelijk", "verweer", "zitting"):
        _stap(client, secretaris, nummer, status)
        assert _zichtbaar(client, ij) == []
        assert _termijn_zaken(client, ij) == set()
        assert client.get(f"/api/zaken/{nummer}", headers=ij).status_code == 404
    _stap(client, secretaris, nummer, "advies_uitgebracht", klok, gebruikers)
    assert _zichtbaar(client, ij) == [nummer]
    assert _termijn_zaken(client, ij) == {nummer}
    assert client.get(f"/api/zaken/{nummer}", headers=ij).status_code == 200
    assert _zichtbaar(client, tw) == []  # the complainant's corps is not the addressee
    assert client.get(f"/api/zaken/{nummer}", headers=tw).status_code == 404
    _naar_advies(client, secretaris, beide, klok, gebruikers)
    assert _zichtbaar(client, tw) == [beide]
    assert _zichtbaar(client, ij) == [beide, nummer]
    for status in ("besluit_genomen", "afgesloten"):
        _stap(client, secretaris, nummer, status, klok, gebruikers)
        assert client.get(f"/api/zaken/{nummer}", headers=ij).status_code == 200
        assert nummer in _zichtbaar(client, ij)


def test_beheerder_ziet_geen_zaken(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    nummer = _registreer(client, secretaris)
    _naar_advies(client, secretaris, nummer, klok, gebruikers)
    beheerder = gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None)
    assert _zichtbaar(client, beheerder) == []
    assert _termijn_zaken(client, beheerder) == set()
    assert client.get(f"/api/zaken/{nummer}", headers=beheerder).status_code == 404


def test_inzage_wordt_vastgelegd(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = _registreer(client, secretaris)
    assert client.get("/api/zaken", headers=secretaris).status_code == 200
    assert _tel(db, "inzage") == 0  # a list shows no content, so it is no look at a file
    assert client.get(f"/api/zaken/{nummer}", headers=secretaris).status_code == 200
    klok.moment += timedelta(minutes=5)
    assert _login(client).status_code == 200
    assert client.get(f"/zaken/{nummer}").status_code == 200

    async def inzagen(s: AsyncSession) -> list[tuple[int, str, str, datetime]]:
        rijen = await s.execute(
            select(Inzage.zaak_id, Gebruiker.gebruikersnaam, Inzage.actie, Inzage.op)
            .join(Gebruiker, Gebruiker.id == Inzage.gebruiker_id)
            .order_by(Inzage.id)
        )
        return [tuple(r) for r in rijen]

    zaak_id = _zaak_id(db, nummer)
    assert run_db(db, inzagen) == [
        (zaak_id, "secretaris", "inzage", datetime(2026, 3, 2, 9, 0, tzinfo=UTC)),
        (zaak_id, "secretaris", "inzage", datetime(2026, 3, 2, 9, 5, tzinfo=UTC)),
    ]


# ---- configuration ----------------------------------------------------------------------


def _commissies(client: TestClient[Any], hdr: Hdr) -> list[dict[str, Any]]:
    r = client.get("/api/commissies", headers=hdr)
    assert r.status_code == 200, r.text
    return list(r.json())


def test_commissies_van_de_aanvrager(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers
) -> None:
    assert _commissies(client, secretaris) == [
        {
            "code": "TI",
            "naam": "Klachtencommissie ongewenste omgangsvormen Twente en IJsselland",
            "korpsen": [
                {"code": "TW", "naam": "Politie Twente"},
                {"code": "IJ", "naam": "Politie IJsselland"},
            ],
        }
    ]
    nn = _commissies(client, gebruikers.maak("secretaris-nn", Rol.SECRETARIS, commissie="NN"))
    assert [c["code"] for c in nn] == ["NN"]
    assert nn[0]["korpsen"] == [
        {"code": "FR", "naam": "Politie Fryslân"},
        {"code": "GR", "naam": "Politie Groningen"},
        {"code": "DR", "naam": "Politie Drenthe"},
    ]
    korpschef = gebruikers.maak("korpschef", Rol.KORPSLEIDING, korps="IJ")
    assert [c["code"] for c in _commissies(client, korpschef)] == ["TI"]
    beheerder = gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None)
    assert [c["code"] for c in _commissies(client, beheerder)] == [
        "BZ", "GL", "LB", "LD", "MN", "NH", "NN", "TI", "ZH"
    ]  # fmt: skip
