"""A case with parties that have e-mail addresses: each gets the invite by mail, and nothing
that arrives (headers, text, .ics) carries a party's name, the complaint or its category."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from commissie.config import Smtp
from commissie.zittingen.ical import Afspraak, Deelnemer, Locatie, zaak_url
from commissie.zittingen.verzender import verzend_ronde
from tests.conftest import Klok, zaak_body
from tests.zittingen.hulp import BEGIN, maak_omgeving, smtp_server, vrije_poort, zet_testuitnodiging

NAMEN = ["Karel Lagerweij", "Bram Klaagsma", "Vera Trouwborst"]
OMSCHRIJVING = "Schreeuwde herhaaldelijk en kleineerde collega in de briefing."


def test_uitnodigingen_aan_partijen_zonder_namen_of_inhoud(
    client: TestClient[Any], secretaris: dict[str, str], db: str, tmp_path: Path, klok: Klok
) -> None:
    body = zaak_body(
        klager={"naam": NAMEN[0], "korps": "IJ", "email": "klager@example.invalid"},
        beklaagden=[{"naam": NAMEN[1], "korps": "IJ", "email": "beklaagde@example.invalid"}],
        vertrouwenspersoon={"naam": NAMEN[2], "email": "vp@example.invalid"},
        categorieen=["seksuele_intimidatie"],
        omschrijving=OMSCHRIJVING,
    )
    r = client.post("/api/zaken", json=body, headers=secretaris)
    assert r.status_code == 201, r.text
    zaak = r.json()
    ontvangers = [
        (zaak["klager"]["email"], "klager"),
        (zaak["beklaagden"][0]["email"], "beklaagde"),
        (zaak["vertrouwenspersoon"]["email"], "vertrouwenspersoon"),
    ]
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()

    async def scenario() -> None:
        o = maak_omgeving(
            db, tmp_path, klok, smtp=Smtp(host="127.0.0.1", port=poort, beveiliging="geen")
        )
        ti = o.regios.commissies["TI"]
        locatie = next(iter(ti.korpsen.values())).zittingslocaties[0]
        try:
            for email, rol in ontvangers:
                await zet_testuitnodiging(
                    o,
                    Afspraak(
                        uid=f"zitting-9@{ti.secretariaat_email.split('@')[1]}",
                        volgnummer=0,
                        begin=BEGIN,
                        einde=BEGIN.replace(hour=11),
                        locatie=Locatie(locatie.naam, locatie.adres),
                        zaaknummer=zaak["nummer"],
                        organisator=ti.secretariaat_email,
                        zaak_url=zaak_url(o.settings.basis_url, zaak["nummer"]),
                        deelnemer=Deelnemer(email, rol),
                    ),
                )
            assert (await verzend_ronde(o)).verzonden == 3
        finally:
            await o.engine.dispose()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()

    assert sorted(aan[0] for _, aan, _ in ontvanger.berichten) == sorted(e for e, _ in ontvangers)
    verboden = [
        *NAMEN,
        *(n.split()[-1] for n in NAMEN),  # surnames alone
        "seksuele",
        "intimidatie",
        "Schreeuwde",
        "kleineerde",
        "briefing",
    ]
    for bericht in ontvanger.mime():
        # The whole message, every part decoded (the .ics travels base64-encoded).
        teksten = [bericht.as_string()]
        teksten += [
            d.get_payload(decode=True).decode() for d in bericht.walk() if not d.is_multipart()
        ]
        for tekst in teksten:
            for woord in verboden:
                assert woord.lower() not in tekst.lower(), (woord, tekst)
        assert zaak["nummer"] in bericht["Subject"]
