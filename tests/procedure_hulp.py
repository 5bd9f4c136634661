"""Bring a case through the real endpoints to a stage of the procedure, for tests.

Each step asserts its own success, so a test that uses these fails at the step that broke.
Stages: registered -> ontvankelijk -> verweer -> zitting gepland -> zitting gehouden (with the
hoorverslag sent to the parties) -> advies uitgebracht (drafted and fixed by the panel's chair)
-> besluit genomen (every corps' leadership decided) -> afgesloten (after the evaluation)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.tijd import AMSTERDAM
from tests.conftest import Gebruikers, Klok, zaak_body

Hdr = dict[str, str]
LOCATIE = "Hoofdbureau Zwolle, zaal De IJssel"
# A hearing room per committee (regios/*.toml), chosen by the case number's prefix.
LOCATIES = {"TI": LOCATIE, "GL": "Hoofdbureau Arnhem, zaal Rijn"}


def _ok(r: Any, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    return dict(r.json())


def registreer(client: TestClient[Any], hdr: Hdr, **over: Any) -> str:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=hdr)
    return str(_ok(r, 201)["nummer"])


def naar_ontvankelijk(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    r = client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid",
        json={"ontvankelijk": True, "toelichting": "Ontvankelijk."},
        headers=hdr,
    )
    return _ok(r)


def wederhoor(
    client: TestClient[Any], hdr: Hdr, nummer: str, stap: str, op: date | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"stap": stap}
    if op is not None:
        body["op"] = op.isoformat()
    return _ok(client.post(f"/api/zaken/{nummer}/wederhoor", json=body, headers=hdr))


def naar_verweer(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    naar_ontvankelijk(client, hdr, nummer)
    return wederhoor(client, hdr, nummer, "afschrift_beklaagde")


def lokaal_begin(dag: date, uur: int = 10) -> str:
    return f"{dag.isoformat()}T{uur:02d}:00"


def plan(
    client: TestClient[Any], hdr: Hdr, nummer: str, begin: str, **extra: Any
) -> dict[str, Any]:
    locatie = LOCATIES.get(nummer.split("-")[0], LOCATIE)
    body = {"begin": begin, "duur_minuten": 120, "locatie": locatie, **extra}
    return _ok(client.post(f"/api/zaken/{nummer}/zittingen", json=body, headers=hdr), 201)


def volgende_werkdag(klok: Klok, dagen: int = 7) -> date:
    """A weekday `dagen` or more days after the clock's date (no Atw day in the test range)."""
    dag = klok.moment.astimezone(AMSTERDAM).date() + timedelta(days=dagen)
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


def naar_zitting_gepland(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    klok: Klok,
    *,
    reden_afwijking: str | None = "Testopzet: panel en termijnen niet het onderwerp.",
) -> dict[str, Any]:
    """From a registered case: admissible, copy to the accused, answer in, hearing planned a
    week from the clock. `reden_afwijking` covers panel gaps of tests about other things."""
    naar_verweer(client, hdr, nummer)
    wederhoor(client, hdr, nummer, "verweer_ontvangen")
    extra = {"reden_afwijking": reden_afwijking} if reden_afwijking else {}
    return plan(client, hdr, nummer, lokaal_begin(volgende_werkdag(klok)), **extra)


def naar_zitting_gehouden(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    klok: Klok,
    *,
    reden_afwijking: str | None = "Testopzet: panel en termijnen niet het onderwerp.",
) -> dict[str, Any]:
    """Up to a held hearing where every party was heard and the hoorverslag went to the
    parties. Moves the clock to the day after the hearing."""
    z = naar_zitting_gepland(client, hdr, nummer, klok, reden_afwijking=reden_afwijking)
    begin = datetime.fromisoformat(z["begin"])
    klok.moment = begin + timedelta(days=1)
    r = client.post(
        f"/api/zittingen/{z['id']}/verslag",
        json={
            "gehoord": z["partijen"],
            "verslag": "Beide partijen gehoord.",
            "naar_partijen_op": (begin + timedelta(days=1))
            .astimezone(AMSTERDAM)
            .date()
            .isoformat(),
        },
        headers=hdr,
    )
    return _ok(r)


def _nu(zaak: dict[str, Any]) -> datetime:
    """The app's clock as the case shows it: when its latest timeline entry was recorded."""
    return max(datetime.fromisoformat(g["op"]) for g in zaak["tijdlijn"])


def houd_zitting(client: TestClient[Any], hdr: Hdr, nummer: str, klok: Klok) -> dict[str, Any]:
    """The planned hearing held, every party heard, the hoorverslag to the parties. Moves the
    clock to the day after the hearing when it is not past it already."""
    [z] = [z for z in _ok_lijst(client.get(f"/api/zaken/{nummer}/zittingen", headers=hdr))
           if z["status"] == "gepland"]  # fmt: skip
    begin = datetime.fromisoformat(z["begin"])
    klok.moment = max(klok.moment, begin + timedelta(days=1))
    body = {
        "gehoord": z["partijen"],
        "verslag": "Beide partijen gehoord.",
        "naar_partijen_op": klok.moment.astimezone(AMSTERDAM).date().isoformat(),
    }
    return _ok(client.post(f"/api/zittingen/{z['id']}/verslag", json=body, headers=hdr))


def _ok_lijst(r: Any) -> list[dict[str, Any]]:
    assert r.status_code == 200, r.text
    return list(r.json())


def voorzitter(client: TestClient[Any], hdr: Hdr, nummer: str, gebruikers: Gebruikers) -> Hdr:
    """A `lid` account for the case's chair; a case without a chair gets one (from a corps
    without accused) through the secretary's manual appointment."""
    zaak = _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))
    zetels = _ok(client.get(f"/api/zaken/{nummer}/panel", headers=hdr))["zetels"]
    stoel = [z for z in zetels if z["rol"] == "voorzitter" and z["actief"]]
    if stoel:
        lid_id = int(stoel[0]["lid_id"])
    else:
        beklaagd = {b["korps"] for b in zaak["beklaagden"]}
        # When every corps is involved the secretary may take the chair from one of them.
        korpsen = KORPSEN[zaak["commissie"]]
        korps = next((k for k in korpsen if k not in beklaagd), korpsen[0])
        lid_id = gebruikers.lid(
            f"Voorzitter {nummer}", korps, commissie=zaak["commissie"], voorzitter=True
        )
        r = client.post(
            f"/api/zaken/{nummer}/panel/handmatig",
            json={"nieuw_lid": lid_id, "reden": "Testopzet: voorzitter voor het advies."},
            headers=hdr,
        )
        _ok(r)
    return gebruikers.maak(f"vz-{nummer}", Rol.LID, commissie=zaak["commissie"], lid_id=lid_id)


# Corps per committee (regios/*.toml), for a chair from a corps without accused.
KORPSEN = {"TI": ("TW", "IJ"), "GL": ("NOG", "GM", "GZ"), "NN": ("FR", "GR", "DR")}


def naar_advies(
    client: TestClient[Any], hdr: Hdr, nummer: str, klok: Klok, gebruikers: Gebruikers
) -> dict[str, Any]:
    """From a case with its hearing planned (or already held): held, drafted and fixed by the
    chair (every accused 'gegrond')."""
    zittingen = _ok_lijst(client.get(f"/api/zaken/{nummer}/zittingen", headers=hdr))
    if not any(z["status"] == "gehouden" for z in zittingen):
        houd_zitting(client, hdr, nummer, klok)
    vz = voorzitter(client, hdr, nummer, gebruikers)
    zaak = _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))
    body = {
        "feiten": "De feiten zoals gebleken.",
        "standpunten": "Klager en beklaagde gehoord.",
        "overwegingen": "De commissie acht de klacht aannemelijk.",
        "onderdelen": [
            {"beklaagde": b["id"], "oordeel": "gegrond", "motivering": "Aannemelijk."}
            for b in zaak["beklaagden"]
        ],
        "aanbevelingen": "",
    }
    _ok(client.put(f"/api/zaken/{nummer}/advies", json=body, headers=vz))
    r = client.post(f"/api/zaken/{nummer}/advies/vaststellen", headers=vz)
    assert r.status_code == 200, r.text
    return _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))


def naar_besluit(
    client: TestClient[Any], hdr: Hdr, nummer: str, gebruikers: Gebruikers
) -> dict[str, Any]:
    """Every corps of the accused decides, following the advice."""
    zaak = _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))
    for korps in sorted({b["korps"] for b in zaak["beklaagden"]}):
        kl = gebruikers.maak(
            f"kl-{korps}-{nummer}", Rol.KORPSLEIDING, commissie=zaak["commissie"], korps=korps
        )
        body = {"volgt_advies": True, "maatregelen": []}
        _ok(client.post(f"/api/zaken/{nummer}/besluit", json=body, headers=kl), 201)
    return _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))


def evalueer(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    body = {
        "afhandeling": "Advies gevolgd.",
        "ervaring_uitkomst": "Tevreden.",
        "ervaring_procedure": "Duidelijk.",
        "vervolg_nodig": False,
    }
    return _ok(client.post(f"/api/zaken/{nummer}/evaluatie", json=body, headers=hdr), 201)


def naar_status(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    status: str,
    *,
    klok: Klok | None = None,
    gebruikers: Gebruikers | None = None,
) -> dict[str, Any]:
    """Through the endpoint each step has: for tests that need a case in `status` (one step
    from where it is). The advice and decision need the clock and the accounts."""
    if status == "advies_uitgebracht":
        assert klok is not None and gebruikers is not None
        return naar_advies(client, hdr, nummer, klok, gebruikers)
    if status == "besluit_genomen":
        assert gebruikers is not None
        return naar_besluit(client, hdr, nummer, gebruikers)
    if (
        status == "afgesloten"
        and _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))["status"] == "besluit_genomen"
    ):
        evalueer(client, hdr, nummer)
    if status in ("ontvankelijk", "niet_ontvankelijk"):
        body = {"ontvankelijk": status == "ontvankelijk", "toelichting": "Grond."}
        return _ok(client.post(f"/api/zaken/{nummer}/ontvankelijkheid", json=body, headers=hdr))
    if status == "verweer":
        return wederhoor(client, hdr, nummer, "afschrift_beklaagde")
    if status == "zitting":
        nu = _nu(wederhoor(client, hdr, nummer, "verweer_ontvangen"))
        plan(
            client,
            hdr,
            nummer,
            lokaal_begin(volgende_werkdag(Klok(nu))),
            reden_afwijking="Testopzet: panel niet het onderwerp.",
        )
        return _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))
    r = client.post(
        f"/api/zaken/{nummer}/status", json={"status": status, "toelichting": "Stap."}, headers=hdr
    )
    return _ok(r)
