"""Klacht registreren (/zaken/nieuw): the intake form, through the one registration flow.

Rows for more accused or more conduct dates are added by a submit button, so the form works
without JavaScript; the server simply renders one more empty row."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.response import Redirect, Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import DomeinFout
from commissie.procedure.registratie import registreer
from commissie.regios import Regios
from commissie.tijd import vandaag
from commissie.web import formulieren as fm
from commissie.zaken.schemas import CATEGORIE_LABEL, ZaakIn

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]
MIN_RIJEN = 1
MAX_BEKLAAGDEN = 20  # as the API's schema
MAX_DATUMS = 20
BEKLAAGDE_VELDEN = ("naam", "korps", "eenheid", "functie")

VERPLICHT = {
    "ontvangen_op": "ontvangen_op",
    "klager-naam": "klager.naam",
    "klager-korps": "klager.korps",
    "omschrijving": "omschrijving",
}


def _rijen(formulier: dict[str, list[str]], voorvoegsel: str) -> int:
    """How many rows the form had: one past the highest index posted."""
    hoogste = -1
    for sleutel in formulier:
        if sleutel.startswith(voorvoegsel + "-"):
            deel = sleutel.split("-")[1]
            if deel.isdigit():
                hoogste = max(hoogste, int(deel))
    return max(MIN_RIJEN, hoogste + 1)


def _beklaagden(formulier: dict[str, list[str]], rijen: int) -> list[dict[str, Any]]:
    uit = []
    for i in range(rijen):
        rij = {v: fm.een(formulier, f"beklaagden-{i}-{v}") for v in BEKLAAGDE_VELDEN}
        if any(rij.values()):  # an untouched row is not an accused
            uit.append(
                {k: (w if k in ("naam", "korps") else fm.of_none(w)) for k, w in rij.items()}
            )
    return uit


def _gegevens(actor: Actor, formulier: dict[str, list[str]]) -> tuple[dict[str, Any], fm.Fouten]:
    """The API's JSON body built from the form, and the fields left empty."""
    fouten = fm.verplicht(formulier, VERPLICHT)
    beklaagden = _beklaagden(formulier, _rijen(formulier, "beklaagden"))
    if not beklaagden:
        fouten["beklaagden-0-naam"] = "Veld 'beklaagden': vul minstens één beklaagde in."
    for i, b in enumerate(beklaagden):
        for v in ("naam", "korps"):
            if not b[v]:
                fouten[f"beklaagden-{i}-{v}"] = f"Veld 'beklaagden[{i}].{v}': is verplicht."
    categorieen = [c for c in formulier.get("categorieen", []) if c]
    if not categorieen:
        fouten["categorieen"] = "Veld 'categorieen': kies minstens één categorie."
    datums = [d.strip() for d in formulier.get("gedraging_op", []) if d.strip()]
    if not datums:
        fouten["gedraging_op"] = "Veld 'gedraging_op': vul minstens één datum van de gedraging in."
    gegevens: dict[str, Any] = {
        "commissie": actor.commissie_code or "",
        "ontvangen_op": fm.een(formulier, "ontvangen_op"),
        "klager": {
            "naam": fm.een(formulier, "klager-naam"),
            "korps": fm.een(formulier, "klager-korps"),
            "functie": fm.of_none(fm.een(formulier, "klager-functie")),
            "eenheid": fm.of_none(fm.een(formulier, "klager-eenheid")),
            "contact": fm.of_none(fm.een(formulier, "klager-contact")),
        },
        "beklaagden": beklaagden,
        "categorieen": categorieen,
        "omschrijving": fm.een(formulier, "omschrijving"),
        "gedraging_op": datums,
    }
    if vp := fm.een(formulier, "vertrouwenspersoon-naam"):
        gegevens["vertrouwenspersoon"] = {
            "naam": vp,
            "contact": fm.of_none(fm.een(formulier, "vertrouwenspersoon-contact")),
        }
    if fm.een(formulier, "strafrechtelijk_onderzoek-lopend"):
        gegevens["strafrechtelijk_onderzoek"] = {
            "lopend": True,
            "sinds": fm.of_none(fm.een(formulier, "strafrechtelijk_onderzoek-sinds")),
            "kenmerk": fm.of_none(fm.een(formulier, "strafrechtelijk_onderzoek-kenmerk")),
        }
    return gegevens, fouten


def _korpsen(regios: Regios, actor: Actor) -> list[tuple[str, str]]:
    commissie = regios.commissie(actor.commissie_code or "")
    if commissie is None:
        return []
    return sorted(((k.code, k.naam) for k in commissie.korpsen.values()), key=lambda k: k[1])


def _pagina(
    regios: Regios,
    actor: Actor,
    formulier: dict[str, list[str]],
    fouten: fm.Fouten,
    status: int = 200,
) -> Template:
    beklaagden = min(MAX_BEKLAAGDEN, _rijen(formulier, "beklaagden"))
    datums = min(MAX_DATUMS, max(MIN_RIJEN, len(formulier.get("gedraging_op", []))))
    if fm.een(formulier, "actie") == "beklaagde":
        beklaagden = min(MAX_BEKLAAGDEN, beklaagden + 1)
    if fm.een(formulier, "actie") == "datum":
        datums = min(MAX_DATUMS, datums + 1)
    return Template(
        "zaak_nieuw.html",
        context={
            "f_waarden": formulier,
            "fouten": fouten,
            "korpsen": _korpsen(regios, actor),
            "categorieen": list(CATEGORIE_LABEL.items()),
            "aantal_beklaagden": beklaagden,
            "aantal_datums": datums,
            "max_beklaagden": MAX_BEKLAAGDEN,
        },
        status_code=status,
    )


@get("/zaken/nieuw", guards=_SECRETARIS, include_in_schema=False)
async def nieuw_pagina(actor: HuidigeActor, omgeving: HuidigeOmgeving, nu: Nu) -> Template:
    return _pagina(omgeving.regios, actor, {"ontvangen_op": [vandaag(nu).isoformat()]}, {})


@post("/zaken/nieuw", guards=_SECRETARIS, include_in_schema=False, status_code=200)
async def nieuw_formulier(
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)
    if fm.een(formulier, "actie") in ("beklaagde", "datum"):  # one more row, nothing saved
        return _pagina(omgeving.regios, actor, formulier, {})
    gegevens, fouten = _gegevens(actor, formulier)
    if fouten:
        return _pagina(omgeving.regios, actor, formulier, fouten, 400)
    try:
        invoer = fm.naar_schema(gegevens, ZaakIn)
        zaak, _ = await registreer(
            session=db_session,
            actor=actor,
            invoer=invoer,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )
    except (DomeinFout, msgspec.ValidationError) as exc:
        await fm.herstel(db_session)
        status = exc.status_code if isinstance(exc, DomeinFout) else 400
        return _pagina(omgeving.regios, actor, formulier, fm.fout_van(exc), status)
    return Redirect(f"/zaken/{zaak.nummer}?gedaan=geregistreerd", status_code=303)


registratie_routes = [nieuw_pagina, nieuw_formulier]
