"""Operations: a wrong database URL ends the start with one Dutch line; unhandled errors are
logged with a traceback and the request id that the 500 response shows."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from litestar import get
from litestar.testing import TestClient

from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.conftest import Klok


@pytest.mark.parametrize(
    ("url", "verwacht"),
    [
        (
            "postgresql://beheer:Zeer-Geheim-77@127.0.0.1:1/nergens",
            "host 127.0.0.1, poort 1, database nergens",
        ),
        (
            "postgresql://beheer:Zeer-Geheim-77@bestaat-niet.invalid/archief",
            "host bestaat-niet.invalid, poort 5432, database archief",
        ),
    ],
)
def test_verkeerde_database_url_geeft_een_regel(tmp_path: Path, url: str, verwacht: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env |= {"COMMISSIE_DATA_DIR": str(tmp_path), "COMMISSIE_DATABASE_URL": url}
    r = subprocess.run(
        [sys.executable, "-m", "commissie", "gebruiker", "tokens", "iemand"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    regels = r.stderr.strip().splitlines()
    assert len(regels) == 1, r.stderr
    assert "COMMISSIE_DATABASE_URL" in regels[0] and "niet bereikbaar" in regels[0]
    assert verwacht in regels[0]
    assert "Zeer-Geheim-77" not in r.stderr + r.stdout
    assert "Traceback" not in r.stderr


class _Vanger(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_onverwachte_fout_gelogd_met_kenmerk(settings: Settings, klok: Klok) -> None:
    @get("/api/kapot", exclude_from_auth=True)
    async def kapot() -> None:
        raise RuntimeError("stuk")

    app = create_app(omgeving=bouw_omgeving(settings, klok))
    app.register(kapot)
    vanger = _Vanger()
    logging.getLogger("commissie").addHandler(vanger)
    try:
        with TestClient(app) as c:
            r: Any = c.get("/api/kapot")
    finally:
        logging.getLogger("commissie").removeHandler(vanger)
    assert r.status_code == 500
    kenmerk = r.json()["detail"].split("foutkenmerk ")[1].rstrip(".")
    assert len(kenmerk) == 12
    fouten = [rec for rec in vanger.records if kenmerk in rec.getMessage()]
    assert len(fouten) == 1
    assert fouten[0].exc_info is not None and fouten[0].exc_info[0] is RuntimeError
    assert "/api/kapot" in fouten[0].getMessage()
