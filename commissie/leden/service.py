"""Members: register, change, list, and record absences (illness replaces open seats)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.panel import service as panel
from commissie.panel.models import Afwezigheid, Panelzetel
from commissie.panel.schemas import AfwezigheidIn, AfwezigheidUit, LidIn, LidUit, LidWijziging
from commissie.regios import Regios
from commissie.tijd import vandaag
from commissie.typen import LAATSTE_DATUM, VROEGSTE_ONTVANGST
from commissie.zaken.models import Zaak
from commissie.zaken.regels import Status
from commissie.zaken.service import commissie_of_fout, gebeurtenis

_OPEN_VOOR_PANEL = [
    s.value for s in (Status.ONTVANGEN, Status.ONTVANKELIJK, Status.VERWEER, Status.ZITTING)
]


def lid_uit(lid: Lid) -> LidUit:
    return LidUit(
        id=lid.id,
        naam=lid.naam,
        commissie=lid.commissie_code,
        korps=lid.korps_code,
        eenheid=lid.eenheid,
        voorzitter=lid.kan_voorzitten,
        actief=lid.actief,
        volgorde=lid.volgorde,
        email=lid.email,
    )


def mag_beheren(actor: Actor | None, commissie: str) -> bool:
    """Members are managed by the administrator and by the committee's own secretary."""
    if actor is None:  # the command line, run by whoever runs the server
        return True
    return actor.rol is Rol.BEHEERDER or (
        actor.rol is Rol.SECRETARIS and actor.commissie_code == commissie
    )


async def maak_lid(
    *, session: AsyncSession, actor: Actor | None, invoer: LidIn, regios: Regios, nu: datetime
) -> Lid:
    commissie = commissie_of_fout(regios, invoer.commissie)
    if not mag_beheren(actor, commissie.code):
        raise GeenToegang(f"U mag geen leden beheren voor commissie {commissie.code}.")
    if invoer.korps not in commissie.korpsen:
        raise OngeldigeInvoer(
            f"Veld 'korps': korps '{invoer.korps}' hoort niet bij commissie {commissie.code} "
            f"(wel: {', '.join(commissie.korpsen)}).",
            veld="korps",
        )
    naam = invoer.naam.strip()
    if not naam:
        raise OngeldigeInvoer("Veld 'naam': mag niet leeg zijn.", veld="naam")
    # New members join the end of the fixed rotation order.
    hoogste = await session.scalar(
        select(func.max(Lid.volgorde)).where(Lid.commissie_code == commissie.code)
    )
    lid = Lid(
        commissie_code=commissie.code,
        naam=naam,
        korps_code=invoer.korps,
        eenheid=(invoer.eenheid or "").strip() or None,
        kan_voorzitten=invoer.voorzitter,
        email=invoer.email,
        actief=True,
        volgorde=(hoogste or 0) + 1,
        aangemaakt_op=nu,
    )
    session.add(lid)
    await session.commit()
    return lid


async def haal_lid(session: AsyncSession, lid_id: int) -> Lid:
    lid = await session.get(Lid, lid_id)
    if lid is None:
        raise NietGevonden(f"Lid {lid_id} bestaat niet.")
    return lid


async def wijzig_lid(
    *,
    session: AsyncSession,
    actor: Actor,
    lid_id: int,
    invoer: LidWijziging,
    regios: Regios,
    nu: datetime,
) -> Lid:
    lid = await haal_lid(session, lid_id)
    if not mag_beheren(actor, lid.commissie_code):
        raise GeenToegang(f"U mag geen leden beheren voor commissie {lid.commissie_code}.")
    if invoer.eenheid is not None:
        lid.eenheid = invoer.eenheid.strip() or None
    if invoer.voorzitter is not None:
        lid.kan_voorzitten = invoer.voorzitter
    if invoer.email is not None:
        lid.email = invoer.email
    if invoer.actief is not None:
        vertrekt = lid.actief and not invoer.actief
        lid.actief = invoer.actief
        if vertrekt:
            # A member who leaves the committee leaves every open panel (and its files).
            await session.flush()
            await vervang_overal(
                session, actor, lid, "vertrek", "lid van de commissie af", regios, nu
            )
    await session.commit()
    return lid


async def lijst_leden(*, session: AsyncSession, actor: Actor, commissie: str | None) -> list[Lid]:
    code = commissie or actor.commissie_code
    if code is None:
        raise OngeldigeInvoer("Parameter 'commissie': geef de commissie op.", veld="commissie")
    if not mag_beheren(actor, code):
        raise GeenToegang(f"U mag de leden van commissie {code} niet inzien.")
    return list(
        await session.scalars(
            select(Lid).where(Lid.commissie_code == code).order_by(Lid.volgorde, Lid.id)
        )
    )


async def meld_afwezigheid(
    *,
    session: AsyncSession,
    actor: Actor | None,
    lid_id: int,
    invoer: AfwezigheidIn,
    regios: Regios,
    nu: datetime,
) -> AfwezigheidUit:
    lid = await haal_lid(session, lid_id)
    eigen = actor is not None and actor.rol is Rol.LID and actor.lid_id == lid.id
    if not (eigen or mag_beheren(actor, lid.commissie_code)):
        raise GeenToegang("U mag alleen uw eigen afwezigheid melden.")
    if invoer.tot < invoer.van:
        raise OngeldigeInvoer("Veld 'tot': ligt vóór 'van'.", veld="tot")
    for veld, dag in (("van", invoer.van), ("tot", invoer.tot)):
        if not VROEGSTE_ONTVANGST <= dag <= LAATSTE_DATUM:
            raise OngeldigeInvoer(
                f"Veld '{veld}': controleer het jaartal ({dag.isoformat()}).", veld=veld
            )
    afw = Afwezigheid(
        lid_id=lid.id,
        van=invoer.van,
        tot=invoer.tot,
        soort=invoer.soort,
        toelichting=(invoer.toelichting or "").strip() or None,
        door_id=actor.id if actor else None,
        aangemaakt_op=nu,
    )
    session.add(afw)
    await session.flush()
    vervangen: list[str] = []
    niet: list[str] = []
    if invoer.soort == "ziekte" and invoer.van <= vandaag(nu) <= invoer.tot:
        vervangen, niet = await vervang_overal(
            session,
            actor,
            lid,
            "ziektevervanging",
            f"ziek van {invoer.van.isoformat()} t/m {invoer.tot.isoformat()}",
            regios,
            nu,
        )
    else:
        # Not (yet) ill: the member stays on the panel, and the secretary sees the absence
        # on each case. The kind of absence is not shown there.
        for zaak in await _open_zaken_van(session, lid):
            gebeurtenis(
                zaak,
                actor=actor,
                nu=nu,
                soort="afwezigheid",
                tekst=(
                    f"{lid.naam} is afwezig van {invoer.van.isoformat()} t/m "
                    f"{invoer.tot.isoformat()}; houd er rekening mee bij het plannen."
                ),
                lid_id=lid.id,
            )
    await session.commit()
    return AfwezigheidUit(
        id=afw.id,
        lid_id=lid.id,
        van=afw.van,
        tot=afw.tot,
        soort=afw.soort,
        vervangen_in=vervangen,
        niet_vervangen=niet,
    )


async def _open_zaken_van(session: AsyncSession, lid: Lid) -> list[Zaak]:
    """Cases where the member holds a seat and the panel still has work to do."""
    return list(
        await session.scalars(
            select(Zaak)
            .join(Panelzetel, Panelzetel.zaak_id == Zaak.id)
            .where(
                Panelzetel.lid_id == lid.id, Panelzetel.actief, Zaak.status.in_(_OPEN_VOOR_PANEL)
            )
            .options(selectinload(Zaak.partijen), selectinload(Zaak.gebeurtenissen))
            .order_by(Zaak.id)
        )
    )


async def vervang_overal(
    session: AsyncSession,
    actor: Actor | None,
    lid: Lid,
    reden: str,
    toelichting: str,
    regios: Regios,
    nu: datetime,
) -> tuple[list[str], list[str]]:
    """Replace the member on every open case (illness, leaving the committee). A seat nobody
    can take is left vacant. Returns (replaced in, left vacant in)."""
    commissie = commissie_of_fout(regios, lid.commissie_code)
    vervangen, vacant = [], []
    for zaak in await _open_zaken_van(session, lid):
        opvolger = await panel.vervang_lid(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            lid_id=lid.id,
            reden=reden,
            toelichting=toelichting,
            vacant_mag=True,
        )
        (vervangen if opvolger else vacant).append(zaak.nummer)
        # Health is nobody's business on the timeline: the details stay with the seat.
        gebeurtenis(
            zaak,
            actor=actor,
            nu=nu,
            soort=reden,
            tekst=f"{reden.capitalize()}: {lid.naam} is uit het panel gegaan"
            + ("." if opvolger else "; de zetel is vacant."),
            lid_id=lid.id,
        )
    return vervangen, vacant
