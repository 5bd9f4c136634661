"""Field types shared by the request schemas: bounded text without NUL, database-sized ids."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

# Control characters (PostgreSQL refuses NUL; none belongs in a name) and bidirectional
# overrides/isolates (they make a name read differently from what is stored).
STUURTEKENS = "\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029"
_STUUR_MEERREGELIG = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069"
# Characters that show nothing: a required text made only of these is empty.
ONZICHTBAAR = (
    "\\s\\u00ad\\u034f\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2060-\\u2064\\u3164\\ufeff\\uffa0"
)
_EENREGELIG = rf"^[^{STUURTEKENS}]*\Z"
_MEERREGELIG = rf"^[^{_STUUR_MEERREGELIG}]*\Z"
_ZICHTBAAR_EENREGELIG = rf"^(?=.*[^{ONZICHTBAAR}])[^{STUURTEKENS}]*\Z"
_ZICHTBAAR_MEERREGELIG = rf"^(?=[\s\S]*[^{ONZICHTBAAR}])[^{_STUUR_MEERREGELIG}]*\Z"

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=8, pattern=_ZICHTBAAR_EENREGELIG)]
Naam = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_ZICHTBAAR_EENREGELIG)]
# A blank reference is refused by the step that needs it, naming its parent field.
Kenmerk = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=_EENREGELIG)]
Contact = Annotated[str, msgspec.Meta(max_length=400, pattern=_EENREGELIG)]
Toelichting = Annotated[str, msgspec.Meta(max_length=5000, pattern=_MEERREGELIG)]
Reden = Annotated[str, msgspec.Meta(min_length=1, max_length=5000, pattern=_ZICHTBAAR_MEERREGELIG)]
LangeTekst = Annotated[
    str, msgspec.Meta(min_length=1, max_length=20000, pattern=_ZICHTBAAR_MEERREGELIG)
]
Email = Annotated[
    str, msgspec.Meta(max_length=254, pattern=rf"^[^@\s{STUURTEKENS}]+@[^@\s{STUURTEKENS}]+\Z")
]
# Ids are 32-bit in the database; a larger number is simply not an id.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]

# The joint committees date from 2000; dates before it are typing errors, not history.
VROEGSTE_ONTVANGST = date(2000, 1, 1)
VROEGSTE_GEDRAGING = date(1970, 1, 1)
LAATSTE_DATUM = date(2100, 12, 31)
