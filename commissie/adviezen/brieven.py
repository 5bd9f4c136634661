"""The letters' contents, gathered from the case: one context per template, and the
on-demand letters of POST /api/zaken/{nummer}/brieven with the step each one needs."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.documenten import Documentomgeving, maak_document
from commissie.adviezen.models import Adviesversie, Document
from commissie.adviezen.regels import OORDEEL_TEKST, Oordeel, alinea_s
from commissie.adviezen.schemas import BriefIn
from commissie.adviezen.sjablonen import (
    SJABLONEN,
    AdviesAanKorpsleiding,
    AdviesOnderdeel,
    AfschriftKlacht,
    Briefhoofd,
    Geadresseerde,
    Hoorverslag,
    Ontvangstbevestiging,
    Ontvankelijkheidsbesluit,
    Verdagingsbericht,
    Zittingsuitnodiging,
)
from commissie.atw import Kalender
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel
from commissie.regios import Regios, commissie_of_fout
from commissie.tijd import datum_nl, lokaal, vandaag
from commissie.zaken.models import Partij, Zaak
from commissie.zaken.regels import ZIJUITGANGEN, Status
from commissie.zaken.termijnen import Soort
from commissie.zittingen.regels import KLAGER, ZittingStatus, partij_sleutel
from commissie.zittingen.service import zittingen_van

# Letters POST .../brieven makes; the advice and decision letters come with their own steps.
OP_VERZOEK = ("ontvangstbevestiging", "ontvankelijkheid", "afschrift_klacht", "verdaging",
              "uitnodiging_zitting", "advies")  # fmt: skip


async def voorzitter_naam(session: AsyncSession, zaak_id: int) -> str:
    naam = await session.scalar(
        select(Lid.naam)
        .join(Panelzetel, Panelzetel.lid_id == Lid.id)
        .where(Panelzetel.zaak_id == zaak_id, Panelzetel.actief, Panelzetel.rol == "voorzitter")
    )
    return naam or "de voorzitter"


async def basis(
    session: AsyncSession, zaak: Zaak, regios: Regios, actor: Actor, nu: datetime
) -> dict[str, Any]:
    c = commissie_of_fout(regios, zaak.commissie_code)
    return {
        "commissie": Briefhoofd(naam=c.naam, email=c.secretariaat_email),
        "zaaknummer": zaak.nummer,
        "datum": datum_nl(vandaag(nu)),
        "voorzitter": await voorzitter_naam(session, zaak.id),
        "secretaris": actor.gebruikersnaam if actor.rol is Rol.SECRETARIS else "het secretariaat",
    }


def beklaagde(zaak: Zaak, bid: int, veld: str = "aan") -> Partij:
    for p in zaak.partijen:
        if p.rol == "beklaagde" and p.id == bid:
            return p
    raise OngeldigeInvoer(f"Veld '{veld}': beklaagde {bid} hoort niet bij deze zaak.", veld=veld)


def korpsleiding_adres(regios: Regios, korps: str) -> Geadresseerde:
    k = regios.korps(korps)
    if k is None:
        raise OngeldigeInvoer(f"Veld 'aan': onbekend korps '{korps}'.", veld="aan")
    kl = k.korpsleiding
    return Geadresseerde(naam=kl.naam, titel=kl.titel, adres=list(kl.adres))


def geadresseerde(zaak: Zaak, aan: str, regios: Regios) -> tuple[Geadresseerde, str | None]:
    """Parse `aan` ("klager", "beklaagde:ID", "korps:CODE"): the addressee and its corps."""
    if aan == "klager":
        k = next((p for p in zaak.partijen if p.rol == "klager"), None)
        if k is None:
            raise Conflict("Deze zaak heeft geen klager om aan te schrijven.")
        return Geadresseerde(naam=k.naam, adres=[k.contact] if k.contact else []), None
    soort, _, rest = aan.partition(":")
    if soort == "beklaagde" and rest.isdigit():
        b = beklaagde(zaak, int(rest))
        korps = regios.korps(b.korps_code or "")
        adres = [x for x in (b.eenheid, korps.naam if korps else None) if x]
        return Geadresseerde(naam=b.naam, adres=adres), b.korps_code
    if soort == "korps" and rest:
        if rest not in {p.korps_code for p in zaak.partijen if p.rol == "beklaagde"}:
            raise OngeldigeInvoer(
                f"Veld 'aan': korps {rest} heeft geen beklaagde in deze zaak.", veld="aan"
            )
        return korpsleiding_adres(regios, rest), rest
    raise OngeldigeInvoer(
        "Veld 'aan': verwacht 'klager', 'beklaagde:ID' of 'korps:CODE'.", veld="aan"
    )


def advies_context(
    *,
    zaak: Zaak,
    versie: Adviesversie,
    korps: str,
    regios: Regios,
    gemeen: dict[str, Any],
    hoorverslagen: list[Hoorverslag],
    correctie_van: str = "",
) -> AdviesAanKorpsleiding:
    """The advice for one corps: only the parts about that corps' accused (Awb 9:15)."""
    eigen = {p.id: p for p in zaak.partijen if p.rol == "beklaagde" and p.korps_code == korps}
    onderdelen = [
        AdviesOnderdeel(
            beklaagde=eigen[o["beklaagde"]].naam,
            functie=eigen[o["beklaagde"]].functie or "functie onbekend",
            oordeel=OORDEEL_TEKST[Oordeel(o["oordeel"])],
            motivering=alinea_s(o.get("motivering", "")),
        )
        for o in versie.onderdelen.get("onderdelen", [])
        if o["beklaagde"] in eigen
    ]
    return AdviesAanKorpsleiding(
        **gemeen,
        aan=korpsleiding_adres(regios, korps),
        korps=korps,
        versie=versie.versie,
        correctie_van=correctie_van,
        feiten=alinea_s(versie.feiten),
        standpunten=alinea_s(versie.standpunten),
        overwegingen=alinea_s(versie.overwegingen),
        onderdelen=onderdelen,
        aanbevelingen=alinea_s(versie.aanbevelingen),
        bijlagen=[f"hoorverslag van de zitting van {h.zitting_op} (artikel 9:10 Awb)"
                  for h in hoorverslagen],
        hoorverslagen=hoorverslagen,
    )  # fmt: skip


async def hoorverslagen(session: AsyncSession, zaak: Zaak, korps: str) -> list[Hoorverslag]:
    """The held hearings where the complainant or this corps' accused were heard, for the
    advice to that corps; the other corps' accused stay unnamed."""
    namen = {KLAGER: "klager"} | {
        partij_sleutel(p.id): p.naam
        for p in zaak.partijen
        if p.rol == "beklaagde" and p.korps_code == korps
    }
    uit = []
    for z in await zittingen_van(session, zaak.id):
        if z.status != ZittingStatus.GEHOUDEN.value or not set(z.partijen) & set(namen):
            continue
        volgorde = sorted(z.gehoord, key=lambda p: (p != KLAGER, p not in namen))
        gehoord = [namen.get(p, "een beklaagde van een ander korps") for p in volgorde]
        uit.append(
            Hoorverslag(
                zitting_op=datum_nl(lokaal(z.begin).date()),
                gehoord=gehoord or ["niemand"],
                verslag=alinea_s(z.verslag or ""),
                naar_partijen_op=datum_nl(z.naar_partijen_op) if z.naar_partijen_op else "",
            )
        )
    return uit


def _status_gronden(zaak: Zaak) -> tuple[bool, datetime | None, str] | None:
    for g in reversed(zaak.gebeurtenissen):
        naar = g.gegevens.get("naar") if g.soort == "status" else None
        if naar in (Status.ONTVANKELIJK.value, Status.NIET_ONTVANKELIJK.value):
            return naar == Status.ONTVANKELIJK.value, g.datum, g.toelichting or ""
    return None


async def maak_brief(
    *,
    session: AsyncSession,
    omg: Documentomgeving,
    regios: Regios,
    kalender: Kalender,
    zaak: Zaak,
    invoer: BriefIn,
    actor: Actor,
    nu: datetime,
) -> Document:
    if invoer.soort not in OP_VERZOEK:
        namen = ", ".join(OP_VERZOEK)
        raise OngeldigeInvoer(
            f"Veld 'soort': onbekende brief '{invoer.soort}'; op verzoek te maken zijn {namen}.",
            veld="soort",
        )
    status = Status(zaak.status)
    aan, korps = geadresseerde(zaak, invoer.aan, regios)
    gemeen = await basis(session, zaak, regios, actor, nu)
    soort = invoer.soort
    if soort == "ontvangstbevestiging":
        _alleen(invoer.aan, ("klager",))
        if status in ZIJUITGANGEN:
            raise Conflict(f"De zaak is {status.value}; een ontvangstbevestiging past niet meer.")
        advies = next(t for t in zaak.termijnen if t.soort == Soort.ADVIES.value)
        context: Any = Ontvangstbevestiging(
            **gemeen,
            aan=aan,
            ontvangen_op=datum_nl(zaak.ontvangen_op),
            advies_uiterlijk=datum_nl(advies.einddatum),
        )
    elif soort == "ontvankelijkheid":
        _alleen(invoer.aan, ("klager", "beklaagde"))
        besluit = _status_gronden(zaak)
        if besluit is None:
            raise Conflict("Er is nog niet over de ontvankelijkheid beslist.")
        ontvankelijk, op, gronden = besluit
        context = Ontvankelijkheidsbesluit(
            **gemeen,
            aan=aan,
            ontvankelijk=ontvankelijk,
            besloten_op=datum_nl(op) if op else gemeen["datum"],
            gronden=alinea_s(gronden),
        )
    elif soort == "afschrift_klacht":
        _alleen(invoer.aan, ("beklaagde",))
        if status not in (Status.ONTVANKELIJK, Status.VERWEER, Status.ZITTING):
            raise Conflict(
                "Een afschrift van de klacht (Awb 9:9) gaat uit na de ontvankelijkheid en vóór "
                f"het advies; de zaak is {status.value}."
            )
        # The deadline the wederhoor step recorded when it was sent; else from today.
        verweer = next((t for t in zaak.termijnen if t.soort == Soort.VERWEER.value), None)
        if verweer is not None:
            uiterlijk = verweer.einddatum
        else:
            c = commissie_of_fout(regios, zaak.commissie_code)
            weken = timedelta(weeks=c.termijnen.verweer_weken)
            uiterlijk = kalender.verschuif(vandaag(nu) + weken)
        context = AfschriftKlacht(
            **gemeen,
            aan=aan,
            klacht=alinea_s(zaak.omschrijving),
            antwoord_uiterlijk=datum_nl(uiterlijk),
        )
    elif soort == "verdaging":
        _alleen(invoer.aan, ("klager", "beklaagde"))
        if not zaak.verdagingen:
            raise Conflict("Deze zaak is niet verdaagd; er is geen verdaging om te melden.")
        v = zaak.verdagingen[-1]
        besluit_t = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
        context = Verdagingsbericht(
            **gemeen,
            aan=aan,
            weken=v.weken,
            reden=alinea_s(v.reden),
            besluit_uiterlijk=datum_nl(besluit_t.einddatum),
        )
    elif soort == "uitnodiging_zitting":
        _alleen(invoer.aan, ("klager", "beklaagde"))
        return await _uitnodiging(session, omg, regios, zaak, invoer.aan, actor, nu)
    else:  # advies
        _alleen(invoer.aan, ("korps",))
        versie = await session.scalar(
            select(Adviesversie)
            .where(Adviesversie.zaak_id == zaak.id, Adviesversie.vastgesteld_op.is_not(None))
            .order_by(Adviesversie.versie.desc())
            .limit(1)
        )
        if versie is None:
            raise Conflict("Het advies is nog niet vastgesteld.")
        assert korps is not None
        context = advies_context(
            zaak=zaak, versie=versie, korps=korps, regios=regios, gemeen=gemeen,
            hoorverslagen=await hoorverslagen(session, zaak, korps),
        )  # fmt: skip
        return await maak_document(
            session=session, omg=omg, zaak=zaak, soort=soort, context=context, aan=invoer.aan,
            korps=korps, actor=actor, nu=nu, versie=versie.versie, adviesversie_id=versie.id,
        )  # fmt: skip
    assert soort in SJABLONEN
    return await maak_document(
        session=session, omg=omg, zaak=zaak, soort=soort, context=context, aan=invoer.aan,
        korps=korps, actor=actor, nu=nu,
    )  # fmt: skip


async def maak_uitnodiging(
    *,
    session: AsyncSession,
    omg: Documentomgeving,
    regios: Regios,
    zaak: Zaak,
    aan: str,
    zitting_op: date,
    tijd: str,
    locatie: str,
    locatie_adres: str,
    bijstand: list[str],
    getuigen: list[str],
    actor: Actor,
    nu: datetime,
) -> Document:
    """The hearing invitation for one party ("klager" or "beklaagde:ID"), for the hearings
    domain to call: pass only that party's own support and witnesses, never the other side's."""
    _alleen(aan, ("klager", "beklaagde"))
    geadresseerd, korps = geadresseerde(zaak, aan, regios)
    context = Zittingsuitnodiging(
        **await basis(session, zaak, regios, actor, nu),
        aan=geadresseerd,
        hoedanigheid="klager" if aan == "klager" else "beklaagde",
        zitting_op=datum_nl(zitting_op),
        tijd=tijd,
        locatie=locatie,
        locatie_adres=locatie_adres,
        bijstand=list(bijstand),
        getuigen=list(getuigen),
    )
    return await maak_document(
        session=session, omg=omg, zaak=zaak, soort="uitnodiging_zitting", context=context,
        aan=aan, korps=korps, actor=actor, nu=nu,
    )  # fmt: skip


async def _uitnodiging(
    session: AsyncSession,
    omg: Documentomgeving,
    regios: Regios,
    zaak: Zaak,
    aan: str,
    actor: Actor,
    nu: datetime,
) -> Document:
    """The invitation from the party's next planned hearing. Support named is the party's own
    only: the complainant's vertrouwenspersoon for the complainant, nothing of the other side."""
    # `aan` was checked by `geadresseerde`: "klager" or "beklaagde:ID" of this case.
    sleutel = KLAGER if aan == KLAGER else partij_sleutel(int(aan.partition(":")[2]))
    gepland = [
        z for z in await zittingen_van(session, zaak.id)
        if z.status == ZittingStatus.GEPLAND.value and sleutel in z.partijen
    ]  # fmt: skip
    if not gepland:
        raise Conflict(
            f"Er is geen geplande zitting waarop {aan} wordt gehoord; plan die eerst met "
            f"POST /api/zaken/{zaak.nummer}/zittingen."
        )
    z = next((z for z in gepland if z.begin >= nu), gepland[-1])
    bijstand = [
        f"{p.naam} (vertrouwenspersoon)"
        for p in zaak.partijen
        if p.rol == "vertrouwenspersoon" and sleutel == KLAGER
    ]
    begin = lokaal(z.begin)
    return await maak_uitnodiging(
        session=session, omg=omg, regios=regios, zaak=zaak, aan=aan, zitting_op=begin.date(),
        tijd=f"{begin.hour:02d}:{begin.minute:02d}", locatie=z.locatie,
        locatie_adres=z.locatie_adres, bijstand=bijstand, getuigen=[], actor=actor, nu=nu,
    )  # fmt: skip


def _alleen(aan: str, toegestaan: tuple[str, ...]) -> None:
    if aan.partition(":")[0] not in toegestaan:
        namen = " of ".join(f"'{t}'" if t == "klager" else f"'{t}:…'" for t in toegestaan)
        raise OngeldigeInvoer(f"Veld 'aan': deze brief gaat aan {namen}.", veld="aan")
