"""Static assets (htmx, Redoc, app.css) served by the app itself under /static/."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from litestar import Router
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_PAD = "/static"
# A year: every URL carries the file's hash (statisch_url), so a changed file gets a new URL.
_CACHE = CacheControlHeader(max_age=365 * 24 * 3600, public=True, immutable=True)


def static_router() -> Router:
    """Open without login (the files hold no data) and outside CSRF."""
    return create_static_files_router(
        path=STATIC_PAD,
        directories=[STATIC_DIR],
        name="static",
        cache_control=_CACHE,
        include_in_schema=False,
        opt={"exclude_from_auth": True, "exclude_from_csrf": True},
    )


@cache
def statisch_url(naam: str) -> str:
    """'/static/app.css?v=1a2b3c4d': the hash busts the long cache when the file changes."""
    inhoud = (STATIC_DIR / naam).read_bytes()
    return f"{STATIC_PAD}/{naam}?v={hashlib.sha256(inhoud).hexdigest()[:12]}"
