"""Members: register, change, list, and record absences. Nothing here commits.

What a departure or an illness means for the panels of open cases is a flow
(commissie.procedure.leden): the roster does not know about cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from commissie.leden.models import Afwezigheid, Lid
from commissie.leden.schemas import AfwezigheidIn, LidIn, LidUit, LidWijziging
from commissie.regios import Regios, commissie_of_fout
from commissie.typen import LAATSTE_DATUM, VROEGSTE_ONTVANGST


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


def mag_beheren(actor: Actor, commissie: str) -> bool:
    """Members are managed by the administrator and by the committee's own secretary."""
    return actor.rol is Rol.BEHEERDER or (
        actor.rol is Rol.SECRETARIS and actor.commissie_code == commissie
    )


async def maak_lid(
    *, session: AsyncSession, actor: Actor, invoer: LidIn, regios: Regios, nu: datetime
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
    await session.flush()
    return lid


async def haal_lid(session: AsyncSession, lid_id: int) -> Lid:
    lid = await session.get(Lid, lid_id)
    if lid is None:
        raise NietGevonden(f"Lid {lid_id} bestaat niet.")
    return lid


def _andere_commissie(actor: Actor, lid: Lid) -> bool:
    """A member of another committee is answered as one that does not exist: ids must not
    be enumerable across committees."""
    return actor.rol is not Rol.BEHEERDER and actor.commissie_code != lid.commissie_code


async def beheerd_lid(session: AsyncSession, actor: Actor, lid_id: int) -> Lid:
    lid = await haal_lid(session, lid_id)
    if _andere_commissie(actor, lid):
        raise NietGevonden(f"Lid {lid_id} bestaat niet.")
    if not mag_beheren(actor, lid.commissie_code):
        raise GeenToegang(f"U mag geen leden beheren voor commissie {lid.commissie_code}.")
    return lid


def wijzig_gegevens(lid: Lid, invoer: LidWijziging) -> bool:
    """Apply the change; True when the member leaves the committee with it."""
    if invoer.eenheid is not None:
        lid.eenheid = invoer.eenheid.strip() or None
    if invoer.voorzitter is not None:
        lid.kan_voorzitten = invoer.voorzitter
    if invoer.email is not None:
        lid.email = invoer.email
    vertrekt = False
    if invoer.actief is not None:
        vertrekt = lid.actief and not invoer.actief
        lid.actief = invoer.actief
    return vertrekt


async def lijst_leden(*, session: AsyncSession, actor: Actor, commissie: str | None) -> list[Lid]:
    code = commissie or actor.commissie_code
    if code is None:
        raise OngeldigeInvoer("Parameter 'commissie': geef de commissie op.", veld="commissie")
    if not mag_beheren(actor, code):
        raise GeenToegang(f"U mag de leden van commissie {code} niet inzien.")
    return await leden_van(session, code)


async def leden_van(session: AsyncSession, commissie: str) -> list[Lid]:
    """All members of the committee, former ones too, in the fixed rotation order."""
    return list(
        await session.scalars(
            select(Lid).where(Lid.commissie_code == commissie).order_by(Lid.volgorde, Lid.id)
        )
    )


async def registreer_afwezigheid(
    *, session: AsyncSession, actor: Actor, lid: Lid, invoer: AfwezigheidIn, nu: datetime
) -> Afwezigheid:
    eigen = actor.rol is Rol.LID and actor.lid_id == lid.id
    if not eigen and _andere_commissie(actor, lid):
        raise NietGevonden(f"Lid {lid.id} bestaat niet.")
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
        door_id=actor.gebruiker_id,
        aangemaakt_op=nu,
    )
    session.add(afw)
    await session.flush()
    return afw


async def afwezigen(session: AsyncSession, lid_ids: Sequence[int], dag: date) -> dict[int, str]:
    """Members absent on `dag`, with what kind and until when (for the secretary's eyes)."""
    return (await beschikbaarheid(session, lid_ids, dag))[0]


async def terug_op(session: AsyncSession, lid_ids: Sequence[int], dag: date) -> dict[int, date]:
    """For members absent on `dag`: the first day they are available again."""
    return (await beschikbaarheid(session, lid_ids, dag))[1]


async def beschikbaarheid(
    session: AsyncSession, lid_ids: Sequence[int], dag: date
) -> tuple[dict[int, str], dict[int, date]]:
    """`afwezigen` and `terug_op` from one query: the absences that have not ended by `dag`."""
    rijen = list(
        await session.scalars(
            select(Afwezigheid).where(Afwezigheid.lid_id.in_(lid_ids), Afwezigheid.tot >= dag)
        )
    )
    afwezig = {a.lid_id: f"{a.soort} t/m {a.tot.isoformat()}" for a in rijen if a.van <= dag}
    uit: dict[int, date] = {}
    for lid_id in afwezig:
        eind = dag
        # Back-to-back absences (holiday, then illness) count as one.
        verlengd = True
        while verlengd:
            verlengd = False
            for a in rijen:
                if a.lid_id == lid_id and a.van <= eind + timedelta(days=1) and a.tot > eind:
                    eind, verlengd = a.tot, True
        uit[lid_id] = eind + timedelta(days=1)
    return afwezig, uit
