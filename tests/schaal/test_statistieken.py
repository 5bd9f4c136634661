"""`commissie db upgrade` leaves SQLite with planner statistics."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from commissie.cli import cli


def test_db_upgrade_verzamelt_statistieken(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bestand = tmp_path / "c.db"
    monkeypatch.setenv("COMMISSIE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COMMISSIE_DATABASE_URL", f"sqlite+aiosqlite:///{bestand}")
    uit = CliRunner().invoke(cli, ["db", "upgrade"])
    assert uit.exit_code == 0, uit.output
    with sqlite3.connect(bestand) as c:
        tabellen = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # ANALYZE made the statistics table the planner reads.
    assert "sqlite_stat1" in tabellen
