"""Field types shared by the request schemas: bounded text without NUL, database-sized ids."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

# PostgreSQL refuses NUL in text; refusing it at the edge gives a 400 naming the field.
_GEEN_NUL = r"^[^\x00]*$"

Code = Annotated[str, msgspec.Meta(min_length=1, max_length=8, pattern=_GEEN_NUL)]
Naam = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_GEEN_NUL)]
Kenmerk = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=_GEEN_NUL)]
Contact = Annotated[str, msgspec.Meta(max_length=400, pattern=_GEEN_NUL)]
Toelichting = Annotated[str, msgspec.Meta(max_length=5000, pattern=_GEEN_NUL)]
Reden = Annotated[str, msgspec.Meta(min_length=1, max_length=5000, pattern=_GEEN_NUL)]
LangeTekst = Annotated[str, msgspec.Meta(min_length=1, max_length=20000, pattern=_GEEN_NUL)]
Email = Annotated[str, msgspec.Meta(max_length=254, pattern=r"^[^@\s\x00]+@[^@\s\x00]+$")]
# Ids are 32-bit in the database; a larger number is simply not an id.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]

# The joint committees date from 2000; dates before it are typing errors, not history.
VROEGSTE_ONTVANGST = date(2000, 1, 1)
VROEGSTE_GEDRAGING = date(1970, 1, 1)
LAATSTE_DATUM = date(2100, 12, 31)
