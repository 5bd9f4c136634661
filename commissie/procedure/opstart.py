"""Start-up: every model known, every subscriber on the bus, one Omgeving."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from commissie.config import Settings
from commissie.eenheid import Abonnee, Bus
from commissie.omgeving import Omgeving, maak_omgeving
from commissie.tijd import Klok, systeemklok


def importeer_modellen() -> None:
    """Import every models module so Base.metadata is complete (Alembic, the first query)."""
    from commissie.accounts import models as _a  # noqa: F401
    from commissie.adviezen import models as _adv  # noqa: F401
    from commissie.leden import models as _l  # noqa: F401
    from commissie.panel import lasttotalen
    from commissie.panel import models as _p  # noqa: F401
    from commissie.zaken import models as _z  # noqa: F401
    from commissie.zittingen import agenda as _agenda  # noqa: F401
    from commissie.zittingen import agendaregels
    from commissie.zittingen import models as _zi  # noqa: F401
    from commissie.zittingen import post as _post  # noqa: F401

    lasttotalen.registreer()  # load totals change in the flush that changes a seat
    agendaregels.registreer()  # so do the members' agenda lines


def abonnementen() -> Bus:
    """Who hears which event: the one place where a step's consequences are wired."""
    from commissie.adviezen import tijdlijn as advies_tijdlijn
    from commissie.panel import tijdlijn as panel_tijdlijn
    from commissie.zaken import tijdlijn as zaak_tijdlijn
    from commissie.zittingen import tijdlijn as zitting_tijdlijn
    from commissie.zittingen import uitnodigingen as zitting_post

    tabel: dict[type, list[Abonnee]] = {}
    bronnen: list[Mapping[type, Sequence[Abonnee]]] = [
        zaak_tijdlijn.ABONNEMENTEN,
        panel_tijdlijn.ABONNEMENTEN,
        zitting_tijdlijn.ABONNEMENTEN,
        advies_tijdlijn.ABONNEMENTEN,
        zitting_post.ABONNEMENTEN,
    ]
    for bron in bronnen:
        for soort, abonnees in bron.items():
            tabel.setdefault(soort, []).extend(abonnees)
    return Bus(tabel)


def bouw_omgeving(settings: Settings, klok: Klok = systeemklok) -> Omgeving:
    importeer_modellen()  # every mapper known before the first query
    return maak_omgeving(settings, abonnementen(), klok)
