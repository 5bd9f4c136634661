"""Running async work from a click command."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from commissie.config import Settings
from commissie.migraties import upgrade
from commissie.omgeving import Omgeving, maak_omgeving

T = TypeVar("T")


def draai(werk: Callable[[Omgeving], Awaitable[T]]) -> T:
    """Run async work with a fresh environment; the engine is disposed in the same loop."""

    async def main() -> T:
        omgeving = maak_omgeving(Settings.from_env())
        try:
            # Every command works on a current schema; on a new data directory it makes one.
            await upgrade(omgeving.engine)
            return await werk(omgeving)
        finally:
            await omgeving.engine.dispose()

    return asyncio.run(main())
