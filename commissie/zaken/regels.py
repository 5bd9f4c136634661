"""Case workflow: the one transition table, and which deadlines each step settles. Pure."""

from __future__ import annotations

from enum import StrEnum

from commissie.fouten import Conflict
from commissie.zaken.termijnen import Soort


class Status(StrEnum):
    ONTVANGEN = "ontvangen"
    ONTVANKELIJK = "ontvankelijk"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"
    VERWEER = "verweer"
    ZITTING = "zitting"
    ADVIES_UITGEBRACHT = "advies_uitgebracht"
    BESLUIT_GENOMEN = "besluit_genomen"
    AFGESLOTEN = "afgesloten"
    INGETROKKEN = "ingetrokken"
    OPGELOST = "opgelost"


LABEL = {
    Status.ONTVANGEN: "ontvangen",
    Status.ONTVANKELIJK: "ontvankelijk",
    Status.NIET_ONTVANKELIJK: "niet-ontvankelijk",
    Status.VERWEER: "in behandeling: verweer",
    Status.ZITTING: "in behandeling: zitting",
    Status.ADVIES_UITGEBRACHT: "advies uitgebracht",
    Status.BESLUIT_GENOMEN: "besluit genomen",
    Status.AFGESLOTEN: "afgesloten",
    Status.INGETROKKEN: "ingetrokken",
    Status.OPGELOST: "opgelost (Awb 9:5)",
}

# States from which the complainant can still withdraw or the matter be resolved (Awb 9:5).
OPEN = frozenset(
    {
        Status.ONTVANGEN,
        Status.ONTVANKELIJK,
        Status.VERWEER,
        Status.ZITTING,
        Status.ADVIES_UITGEBRACHT,
    }
)
ZIJUITGANGEN = frozenset({Status.INGETROKKEN, Status.OPGELOST})

_HOOFDPAD: dict[Status, frozenset[Status]] = {
    Status.ONTVANGEN: frozenset({Status.ONTVANKELIJK, Status.NIET_ONTVANKELIJK}),
    # To a hearing without the copy to the accused only with a recorded reason (zittingen).
    Status.ONTVANKELIJK: frozenset({Status.VERWEER, Status.ZITTING}),
    Status.NIET_ONTVANKELIJK: frozenset({Status.AFGESLOTEN}),
    Status.VERWEER: frozenset({Status.ZITTING}),
    Status.ZITTING: frozenset({Status.ADVIES_UITGEBRACHT}),
    Status.ADVIES_UITGEBRACHT: frozenset({Status.BESLUIT_GENOMEN}),
    Status.BESLUIT_GENOMEN: frozenset({Status.AFGESLOTEN}),
    Status.AFGESLOTEN: frozenset(),
    Status.INGETROKKEN: frozenset(),
    Status.OPGELOST: frozenset(),
}

OVERGANGEN: dict[Status, frozenset[Status]] = {
    van: naar | (ZIJUITGANGEN if van in OPEN else frozenset()) for van, naar in _HOOFDPAD.items()
}

AFGEROND = frozenset(s for s, naar in OVERGANGEN.items() if not naar)

# Deadlines a step fulfils, and deadlines it makes moot.
VOLDAAN_BIJ: dict[Status, frozenset[Soort]] = {
    Status.ONTVANKELIJK: frozenset({Soort.ONTVANKELIJKHEID}),
    Status.NIET_ONTVANKELIJK: frozenset({Soort.ONTVANKELIJKHEID}),
    Status.ADVIES_UITGEBRACHT: frozenset({Soort.ADVIES}),
    Status.BESLUIT_GENOMEN: frozenset({Soort.BESLUIT}),
}
VERVALT_BIJ: dict[Status, frozenset[Soort]] = {
    Status.NIET_ONTVANKELIJK: frozenset({Soort.ADVIES, Soort.BESLUIT}),
    # An acknowledgement still unrecorded when the advice goes out no longer helps anyone;
    # nor is the accused's answer still awaited then.
    Status.ADVIES_UITGEBRACHT: frozenset({Soort.ONTVANGSTBEVESTIGING, Soort.VERWEER}),
    Status.INGETROKKEN: frozenset(Soort),
    Status.OPGELOST: frozenset(Soort),
    # Closing the file ends whatever is still open (e.g. an acknowledgement never recorded).
    Status.AFGESLOTEN: frozenset(Soort),
}


# ---- Every set of statuses a rule depends on, named once, with its reason. ---------------

# The panel's work ends with the advice; after that its composition is history.
PANEL_WIJZIGBAAR = frozenset(
    {Status.ONTVANGEN, Status.ONTVANKELIJK, Status.VERWEER, Status.ZITTING}
)

# Handled under this division (Awb 9:8 lid 1 sub a): the committee has advised on it.
BEHANDELD = frozenset({Status.ADVIES_UITGEBRACHT, Status.BESLUIT_GENOMEN, Status.AFGESLOTEN})

# The corps leadership sees a case once the advice addressed to it exists (Awb 9:15).
VOOR_KORPSLEIDING = frozenset(
    {Status.ADVIES_UITGEBRACHT, Status.BESLUIT_GENOMEN, Status.AFGESLOTEN}
)

# Hoor en wederhoor (Awb 9:9, 9:10): after admissibility, until the advice.
HOOR_EN_WEDERHOOR = frozenset({Status.ONTVANKELIJK, Status.VERWEER, Status.ZITTING})

# Awb 9:11 lid 2: the handling (decision) can be postponed until the decision is taken.
VERDAGING_MOGELIJK = OPEN

# States with a step of their own (with its dates, grounds and documents): the generic
# status change may not reach them. Value: the step to use instead.
EIGEN_STAP: dict[Status, str] = {
    Status.ONTVANKELIJK: "POST /api/zaken/{nummer}/ontvankelijkheid",
    Status.NIET_ONTVANKELIJK: "POST /api/zaken/{nummer}/ontvankelijkheid",
    Status.VERWEER: "POST /api/zaken/{nummer}/wederhoor (stap 'afschrift_beklaagde')",
    Status.ZITTING: "POST /api/zaken/{nummer}/zittingen",
    # The advice exists only fixed by the chair, the decision only as the korpsleiding's own.
    Status.ADVIES_UITGEBRACHT: "POST /api/zaken/{nummer}/advies/vaststellen",
    Status.BESLUIT_GENOMEN: "POST /api/zaken/{nummer}/besluit",
}


def toegestaan(van: Status) -> list[Status]:
    volgorde = list(Status)
    return sorted(OVERGANGEN[van], key=volgorde.index)


def controleer_overgang(van: Status, naar: Status) -> None:
    """Raise Conflict (409) with what is allowed now when `van -> naar` is not a legal step."""
    if naar in OVERGANGEN[van]:
        return
    mogelijk = toegestaan(van)
    if not mogelijk:
        uitleg = f"De zaak is {LABEL[van]}; er is geen volgende stap meer mogelijk."
    else:
        namen = ", ".join(f"'{s.value}' ({LABEL[s]})" for s in mogelijk)
        uitleg = f"Vanuit '{van.value}' kan de zaak nu alleen naar: {namen}."
    raise Conflict(f"De stap van '{van.value}' naar '{naar.value}' is niet toegestaan. {uitleg}")
