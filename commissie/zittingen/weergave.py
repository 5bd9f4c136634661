"""A hearing as each reader may see it."""

from __future__ import annotations

from commissie.accounts.rollen import Actor, Rol
from commissie.zittingen.models import Zitting
from commissie.zittingen.regels import Uitnodiging, ZittingStatus
from commissie.zittingen.schemas import WijzigingUit, ZittingUit


def uitnodiging(z: Zitting, nummer: str, commissie: str) -> Uitnodiging:
    """The invite's facts of this hearing as it stands (its latest SEQUENCE)."""
    return Uitnodiging(
        uid=z.uid,
        volgnummer=z.volgnummer,
        zaak=nummer,
        commissie=commissie,
        begin=z.begin,
        einde=z.einde,
        locatie=z.locatie,
        locatie_adres=z.locatie_adres,
        geannuleerd=z.status == ZittingStatus.GEANNULEERD,
    )


def zitting_uit(z: Zitting, nummer: str, alle_partijen: list[str], actor: Actor) -> ZittingUit:
    uit = ZittingUit(
        id=z.id,
        zaak=nummer,
        begin=z.begin,
        einde=z.einde,
        locatie=z.locatie,
        locatie_adres=z.locatie_adres,
        partijen=list(z.partijen),
        samen=set(z.partijen) == set(alle_partijen),
        status=z.status,
        volgnummer=z.volgnummer,
        uid=z.uid,
        reden_afwijking=z.reden_afwijking,
        gehoord=list(z.gehoord or []),
        bijstand=z.bijstand,
        getuigen=list(z.getuigen or []),
        verslag=z.verslag,
        naar_partijen_op=z.naar_partijen_op,
        annuleer_reden=z.annuleer_reden,
        geschiedenis=[
            WijzigingUit(
                volgnummer=w.volgnummer,
                soort=w.soort,
                begin=w.begin,
                einde=w.einde,
                locatie=w.locatie,
                op=w.op,
            )
            for w in z.wijzigingen
        ],
    )
    if actor.rol is not Rol.SECRETARIS:
        # Reasons typed by the secretariat stay internal, as on the timeline.
        uit.reden_afwijking = None
        uit.annuleer_reden = None
    if actor.rol is Rol.KORPSLEIDING:
        # The leadership reads the hearing report in the advice, not the raw record.
        uit.verslag, uit.bijstand, uit.getuigen = None, None, []
    return uit
