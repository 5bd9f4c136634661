"""The case as each reader may see it: one view for the API and the pages.

It spans domains (case, panel, later hearings and advice), so it lives in the procedure layer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.procedure.zaakdelen import Zaakdelen, zaakdelen
from commissie.tijd import vandaag
from commissie.zaken.models import Partij, Zaak
from commissie.zaken.regels import LABEL, Status, toegestaan
from commissie.zaken.schemas import (
    InstemmingIn,
    PartijUit,
    SignaalUit,
    TermijnUit,
    VerdagingUit,
    ZaakUit,
)
from commissie.zaken.service import signalen as signalen_van
from commissie.zaken.signalen import ZAAKVERWIJZENDE_SIGNALEN, Signaal
from commissie.zaken.termijnen import OMSCHRIJVING, Soort, dagen_te_laat, termijnstatus
from commissie.zaken.tijdlijn import tijdlijn_voor
from commissie.zittingen import service as zittingen
from commissie.zittingen.regels import alle_partijen
from commissie.zittingen.weergave import zitting_uit


def _partij(p: Partij, met_contact: bool) -> PartijUit:
    return PartijUit(
        id=p.id,
        naam=p.naam,
        korps=p.korps_code,
        eenheid=p.eenheid,
        functie=p.functie,
        contact=p.contact if met_contact else None,
        email=p.email if met_contact else None,
    )


def zaak_uit(
    zaak: Zaak,
    *,
    actor: Actor,
    nu: datetime,
    door: dict[int, str],
    signalen: list[Signaal],
    panel: list[dict[str, object]] | None = None,
) -> ZaakUit:
    # Contact details are for the secretariat that writes the letters, not for everyone.
    met_contact = actor.rol is Rol.SECRETARIS
    klager = next((p for p in zaak.partijen if p.rol == "klager"), None)
    vp = next((p for p in zaak.partijen if p.rol == "vertrouwenspersoon"), None)
    status = Status(zaak.status)
    termijnen = sorted(zaak.termijnen, key=lambda t: list(Soort).index(Soort(t.soort)))
    return ZaakUit(
        nummer=zaak.nummer,
        commissie=zaak.commissie_code,
        status=status.value,
        status_label=LABEL[status],
        volgende_stappen=[s.value for s in toegestaan(status)],
        ontvangen_op=zaak.ontvangen_op,
        korps=zaak.korps_code,
        klager=_partij(klager, met_contact) if klager else None,
        beklaagden=[_partij(p, met_contact) for p in zaak.partijen if p.rol == "beklaagde"],
        vertrouwenspersoon=_partij(vp, met_contact) if vp else None,
        categorieen=sorted(c.categorie for c in zaak.categorieen),
        omschrijving=zaak.omschrijving,
        gedraging_op=[g.datum for g in zaak.gedragingen],
        termijnen={t.soort: t.einddatum for t in termijnen},
        termijnoverzicht=[
            TermijnUit(
                soort=t.soort,
                omschrijving=OMSCHRIJVING[Soort(t.soort)],
                einddatum=t.einddatum,
                wettelijke_einddatum=t.wettelijke_einddatum,
                grondslag=t.grondslag,
                toelichting=t.toelichting,
                status=termijnstatus(t.status, t.einddatum, t.voldaan_op),
                voldaan_op=t.voldaan_op,
                verdaagd_weken=t.verdaagd_weken,
                dagen_te_laat=0
                if t.status == "vervallen"
                else dagen_te_laat(t.einddatum, t.voldaan_op, vandaag(nu)),
                waarschuwing=t.waarschuwing if t.status == "open" else None,
            )
            for t in termijnen
        ],
        verdagingen=[
            VerdagingUit(
                weken=v.weken,
                reden=v.reden,
                besloten_op=v.besloten_op,
                mededeling_op=v.mededeling_op,
                instemming_klager=(
                    InstemmingIn(datum=v.instemming_datum, kenmerk=v.instemming_kenmerk or "")
                    if v.instemming_datum
                    else None
                ),
                te_laat_vastgelegd=v.te_laat_vastgelegd,
                vastgelegd_op=v.aangemaakt_op,
                vastgelegd_door=door.get(v.door_id or 0, "cli"),
            )
            for v in zaak.verdagingen
        ],
        verdaagd_weken=zaak.verdaagd_weken,
        signalen=[
            SignaalUit(
                code=s.code, grondslag=s.grondslag, omschrijving=s.omschrijving, feiten=s.feiten
            )
            for s in signalen
        ],
        tijdlijn=tijdlijn_voor(zaak.gebeurtenissen, actor),
        ontvangstbevestiging_op=zaak.ontvangstbevestiging_op,
        panel=list(panel or []),
    )


async def zaak_weergave(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, nu: datetime
) -> ZaakUit:
    """The case view for this actor (API and page alike): see `beperk`. Besides the case
    itself (`haal_zaak`) two statements: the 9:8 lookup and the other domains' parts."""
    delen = await zaakdelen(session=session, zaak_id=zaak.id)
    uit = beperk(
        zaak_uit(
            zaak,
            actor=actor,
            nu=nu,
            door=delen.door,
            signalen=await signalen_van(session=session, zaak=zaak),
            panel=delen.panel,
        ),
        actor,
    )
    if actor.rol is Rol.SECRETARIS:
        uit.waarschuwingen = [delen.vacature] if delen.vacature else []
    _hoor_en_wederhoor(delen, actor, zaak, uit)
    return uit


def _hoor_en_wederhoor(delen: Zaakdelen, actor: Actor, zaak: Zaak, uit: ZaakUit) -> None:
    lijst = delen.zittingen
    partijen = alle_partijen(zittingen.beklaagde_ids(zaak))
    uit.wederhoor = zittingen.wederhoor_uit(delen.wederhoor, zaak)
    uit.zittingen = [zitting_uit(z, zaak.nummer, partijen, actor) for z in lijst]
    uit.horen = zittingen.horen_overzicht(zittingen.beklaagde_ids(zaak), lijst, delen.afzien)
    if actor.rol is not Rol.SECRETARIS:
        for h in uit.horen:
            h.grond = None
    if actor.rol is Rol.KORPSLEIDING:
        # Only its own accused, as in `beperk`.
        eigen = {f"beklaagde:{b.id}" for b in uit.beklaagden}
        uit.horen = [h for h in uit.horen if h.partij == "klager" or h.partij in eigen]


def beperk(uit: ZaakUit, actor: Actor) -> ZaakUit:
    """Need-to-know within a case. The secretary sees everything. A panel member sees the
    dossier, but not the panel's weighing nor other cases behind the 9:8 signals. The corps
    leadership sees what it needs to decide: no content, no complainant's contact, only its
    own accused, no internal timeline or signals."""
    if actor.rol is Rol.SECRETARIS:
        return uit
    uit.panel = [{k: v for k, v in z.items() if k != "uitleg"} for z in uit.panel]
    uit.signalen = [
        SignaalUit(
            code=s.code,
            grondslag=s.grondslag,
            omschrijving="Over dezelfde gedraging is al eerder geklaagd; het secretariaat weet welke zaak.",
            feiten={},
        )
        if s.code in ZAAKVERWIJZENDE_SIGNALEN
        else s
        for s in uit.signalen
    ]
    if actor.rol is Rol.KORPSLEIDING:
        uit.omschrijving = ""
        uit.vertrouwenspersoon = None
        uit.beklaagden = [b for b in uit.beklaagden if b.korps == actor.korps_code]
        uit.signalen = []
        uit.verdagingen = []
    return uit
