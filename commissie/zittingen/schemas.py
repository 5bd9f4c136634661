"""Request and response bodies of the hearings API (msgspec: validated at the edge)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec

from commissie.typen import Naam, Reden, Toelichting
from commissie.zittingen.regels import WederhoorStap

Partij = Annotated[str, msgspec.Meta(min_length=1, max_length=30)]
Duur = Annotated[int, msgspec.Meta(ge=15, le=600)]
# "2027-01-12T10:00" (Europe/Amsterdam wall time) or with an offset: parsed by the service.
Tijdstip = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
Verslag = Annotated[str, msgspec.Meta(min_length=1, max_length=100000, pattern=r"^[^\x00]*$")]


class WederhoorIn(msgspec.Struct, forbid_unknown_fields=True):
    stap: WederhoorStap
    op: date | None = None  # default: today
    toelichting: Toelichting = ""


class WederhoorUit(msgspec.Struct):
    afschrift_beklaagde: date | None = None
    verweer_ontvangen: date | None = None
    stukken_gedeeld: date | None = None
    verweertermijn: date | None = None


class ZittingIn(msgspec.Struct, forbid_unknown_fields=True):
    # Europe/Amsterdam wall time; an offset is accepted and converted.
    begin: Tijdstip
    duur_minuten: Duur
    locatie: Naam
    partijen: Annotated[list[Partij], msgspec.Meta(min_length=1, max_length=22)] = msgspec.field(
        default_factory=lambda: ["klager", "beklaagden"]
    )
    reden_afwijking: Toelichting | None = None


class ZittingWijzigIn(msgspec.Struct, forbid_unknown_fields=True):
    begin: Tijdstip | None = None
    duur_minuten: Duur | None = None
    locatie: Naam | None = None
    reden_afwijking: Toelichting | None = None


class AnnuleerIn(msgspec.Struct, forbid_unknown_fields=True):
    reden: Reden


class VerslagIn(msgspec.Struct, forbid_unknown_fields=True):
    gehoord: Annotated[list[Partij], msgspec.Meta(max_length=22)]
    verslag: Verslag
    bijstand: Toelichting | None = None
    getuigen: Annotated[list[Naam], msgspec.Meta(max_length=50)] = msgspec.field(
        default_factory=list
    )
    naar_partijen_op: date | None = None


class AfzienHorenIn(msgspec.Struct, forbid_unknown_fields=True):
    partij: Partij
    grond: Reden


class WijzigingUit(msgspec.Struct):
    volgnummer: int
    soort: str
    begin: datetime
    einde: datetime
    locatie: str
    op: datetime


class ZittingUit(msgspec.Struct):
    id: int
    zaak: str
    begin: datetime
    einde: datetime
    locatie: str
    locatie_adres: str
    partijen: list[str]
    # Heard together (every party) or separately (a session for some of them).
    samen: bool
    status: str
    volgnummer: int
    uid: str
    reden_afwijking: str | None = None
    gehoord: list[str] = msgspec.field(default_factory=list)
    bijstand: str | None = None
    getuigen: list[str] = msgspec.field(default_factory=list)
    verslag: str | None = None
    naar_partijen_op: date | None = None
    annuleer_reden: str | None = None
    geschiedenis: list[WijzigingUit] = msgspec.field(default_factory=list)


class HorenUit(msgspec.Struct):
    """Per party: heard at a held hearing, or the recorded ground for not hearing it."""

    partij: str
    gehoord: bool
    zitting: int | None = None
    afgezien: bool = False
    grond: str | None = None


class VoorstelUit(msgspec.Struct):
    begin: datetime
    einde: datetime
    locatie: str


class VoorstellenUit(msgspec.Struct):
    voorstellen: list[VoorstelUit]
    waarschuwingen: list[str]
