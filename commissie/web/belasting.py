"""Belasting: the load per corps and per member over a period, as a chart and a table, with
the simulation of what the panel rules do over many cases next to it."""

from __future__ import annotations

from datetime import date

from litestar import get
from litestar.params import FromQuery
from litestar.response import Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import GeenToegang
from commissie.leden.service import leden_van
from commissie.panel.begrippen import Kandidaat, regel_voor
from commissie.panel.belasting import belasting
from commissie.panel.simulatie import simuleer
from commissie.regios import commissie_of_fout
from commissie.tijd import vandaag
from commissie.web.grafiek import Reeks, staafgrafiek
from commissie.web.opmaak import korpsnaam

SIMULATIE_JAREN = 5
SEED = 2001  # fixed: the page shows the same simulation every time
REEKSEN = (Reeks("doel", "doel"), Reeks("werkelijk", "werkelijk"), Reeks("simulatie", "simulatie"))


@get("/belasting", guards=[vereis_rol(Rol.SECRETARIS, Rol.BEHEERDER)], include_in_schema=False)
async def belasting_pagina(
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
    commissie: FromQuery[str | None] = None,
) -> Template:
    regios = omgeving.regios
    code = commissie or actor.commissie_code or min(regios.commissies)
    c = commissie_of_fout(regios, code)
    if actor.rol is Rol.SECRETARIS and actor.commissie_code != c.code:
        raise GeenToegang(f"U mag de belasting van commissie {c.code} niet inzien.")
    tot = vandaag(nu)
    van = date(tot.year - 1, tot.month, min(tot.day, 28))
    echt = await belasting(session=db_session, commissie=c, van=van, tot=tot)
    leden = [lid for lid in await leden_van(db_session, c.code) if lid.actief]
    kansen = {k: float(x.meldingen_2jr) for k, x in c.korpsen.items()}
    verslag = None
    if leden and any(kansen.values()):
        verslag = simuleer(
            regel=regel_voor(c),
            kandidaten=[
                Kandidaat(x.id, x.naam, x.korps_code, x.eenheid, x.kan_voorzitten, x.volgorde)
                for x in leden
            ],
            aantal_zaken=max(1, round(sum(kansen.values()) / 2 * SIMULATIE_JAREN)),
            kansen=kansen,
            seed=SEED,
        )
    gesimuleerd = {k.korps: k.aandeel_zetels * 100 for k in (verslag.korpsen if verslag else ())}
    rijen = [
        (
            korpsnaam(regios, k.korps),
            [k.doel_pct, k.aandeel_pct, gesimuleerd.get(k.korps, 0.0)],
        )
        for k in echt.korpsen
    ]
    return Template(
        "belasting.html",
        context={
            "commissie": c,
            "commissies": sorted((x.code, x.naam) for x in regios.commissies.values()),
            "kan_kiezen": actor.rol is Rol.BEHEERDER,
            "echt": echt,
            "verslag": verslag,
            "gesimuleerd": gesimuleerd,
            "jaren": SIMULATIE_JAREN,
            "grafiek": staafgrafiek(
                "Aandeel zetels per korps: doel, werkelijk en in de simulatie", rijen, REEKSEN
            ),
        },
    )


belasting_routes = [belasting_pagina]
