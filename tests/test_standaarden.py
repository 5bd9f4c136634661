"""Defaults the README promises: SQLite in WAL mode, and `commissie serve` starting one process
per core unless told otherwise."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

import commissie.cli as cli_module
from commissie.config import Settings
from commissie.db import maak_engine


def test_sqlite_in_wal(tmp_path: Path) -> None:
    url = Settings.from_env({"COMMISSIE_DATA_DIR": str(tmp_path)}).database_url
    assert url == f"sqlite+aiosqlite:///{tmp_path.resolve() / 'commissie.db'}"

    async def modus() -> str:
        engine = maak_engine(url)
        try:
            async with engine.connect() as conn:
                return str(await conn.scalar(text("PRAGMA journal_mode")))
        finally:
            await engine.dispose()

    assert asyncio.run(modus()) == "wal"


@pytest.mark.parametrize(
    ("opties", "verwacht"), [([], os.cpu_count() or 1), (["--workers", "3"], 3)]
)
def test_serve_start_standaard_een_proces_per_kern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opties: list[str], verwacht: int
) -> None:
    gestart: list[tuple[Any, ...]] = []
    # Stop just before uvicorn: the schema is brought up to date for real first.
    monkeypatch.setattr(cli_module, "_serve", lambda *a: gestart.append(a))
    env = {"COMMISSIE_DATA_DIR": str(tmp_path)}
    r = CliRunner().invoke(cli_module.cli, ["serve", *opties], env=env)
    assert r.exit_code == 0, r.output
    assert gestart == [("127.0.0.1", 8000, verwacht)]
    assert (tmp_path / "commissie.db").is_file()
