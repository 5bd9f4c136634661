"""Where document bytes are kept: one small interface, a folder now, an object store later.

Bytes are written before the unit of work commits; a rolled-back request leaves an unreferenced
file behind, never a row without its file."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Protocol

from commissie.fouten import NietGevonden

SOFFICE = "/usr/bin/soffice"
PDF_TIMEOUT_S = 120


class Opslag(Protocol):
    async def bewaar(self, map_: str, naam: str, data: bytes) -> str:
        """Store and return the key to read it back with."""
        ...

    async def lees(self, sleutel: str) -> bytes: ...


class MapOpslag:
    """Documents as files under a folder (COMMISSIE_DATA_DIR/documenten)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _pad(self, sleutel: str) -> Path:
        pad = (self.root / sleutel).resolve()
        if self.root.resolve() not in pad.parents:
            raise NietGevonden("Het document is niet gevonden.")
        return pad

    def _schrijf(self, sleutel: str, data: bytes) -> None:
        pad = self._pad(sleutel)
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_suffix(pad.suffix + ".tmp")
        tijdelijk.write_bytes(data)
        os.replace(tijdelijk, pad)  # never a half-written document under its name

    async def bewaar(self, map_: str, naam: str, data: bytes) -> str:
        sleutel = f"{map_}/{uuid.uuid4().hex}-{naam}"
        await asyncio.to_thread(self._schrijf, sleutel, data)
        return sleutel

    async def lees(self, sleutel: str) -> bytes:
        pad = self._pad(sleutel)
        if not pad.is_file():
            raise NietGevonden("Het bestand van dit document ontbreekt in de opslag.")
        return await asyncio.to_thread(pad.read_bytes)


def soffice() -> str | None:
    return SOFFICE if Path(SOFFICE).is_file() else shutil.which("soffice")


def _converteer(docx: bytes, programma: str, timeout: float) -> bytes | None:
    with tempfile.TemporaryDirectory(prefix="commissie-pdf-") as tmp:
        map_ = Path(tmp)
        bron = map_ / "document.docx"
        bron.write_bytes(docx)
        # Its own profile folder: parallel conversions do not fight over one profile lock.
        profiel = (map_ / "profiel").as_uri()
        try:
            subprocess.run(
                [
                    programma,
                    f"-env:UserInstallation={profiel}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(map_),
                    str(bron),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except (subprocess.TimeoutExpired, OSError):
            return None
        pdf = map_ / "document.pdf"
        return pdf.read_bytes() if pdf.is_file() else None


async def naar_pdf(docx: bytes, wachttijd_s: float = PDF_TIMEOUT_S) -> bytes | None:
    """A PDF of the document, or None without LibreOffice or when it fails (the .docx stays)."""
    programma = soffice()
    if programma is None:
        return None
    return await asyncio.to_thread(_converteer, docx, programma, wachttijd_s)
