"""Domain errors. Routes never build error responses themselves; app.py maps these."""

from __future__ import annotations


class DomeinFout(Exception):
    """Base for errors that reach the user as a 4xx with a Dutch sentence."""

    status_code = 400

    def __init__(self, bericht: str, *, veld: str | None = None) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.veld = veld


class OngeldigeInvoer(DomeinFout):
    """Input that is well-formed but wrong (unknown corps, date in the future...)."""

    status_code = 400


class NietGevonden(DomeinFout):
    status_code = 404


class Conflict(DomeinFout):
    """The request clashes with the current state (illegal transition, duplicate)."""

    status_code = 409


class TeVaak(DomeinFout):
    status_code = 429

    def __init__(self, bericht: str, *, veld: str | None = None, retry_na: int = 60) -> None:
        super().__init__(bericht, veld=veld)
        self.retry_na = retry_na  # seconds, sent as Retry-After


class GeenToegang(DomeinFout):
    status_code = 403


class ConfiguratieFout(Exception):
    """Bad configuration at start-up: names the file, the key and the reason."""

    def __init__(self, bestand: str, sleutel: str, reden: str) -> None:
        super().__init__(f"{bestand}: {sleutel}: {reden}")
        self.bestand = bestand
        self.sleutel = sleutel
        self.reden = reden
