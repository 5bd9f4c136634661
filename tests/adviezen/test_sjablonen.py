"""The shipped templates, the template check, and literal free text (autoescape)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commissie.adviezen.regels import alinea_s
from commissie.adviezen.sjablonen import SJABLONEN, controleer, render_bytes
from commissie.config import PROJECT_ROOT
from tests.adviezen.conftest import tekst

SHIPPED = PROJECT_ROOT / "templates"


def _kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "templates"
    shutil.copytree(SHIPPED / "brieven", doel / "brieven")
    return doel


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    """Edit the document XML as Word would save it after a typo."""
    with zipfile.ZipFile(pad) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    xml = delen["word/document.xml"].decode()
    assert oud in xml
    delen["word/document.xml"] = xml.replace(oud, nieuw, 1).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    pad.write_bytes(buf.getvalue())


def _cli(templates: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_TEMPLATES_DIR"] = str(templates)
    return subprocess.run(
        [sys.executable, "-m", "commissie", "sjablonen", "controleer"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_geleverde_sjablonen_zijn_in_orde() -> None:
    assert controleer(SHIPPED) == []
    assert sorted(p.name for p in (SHIPPED / "brieven").glob("*.docx")) == sorted(
        s.bestand for s in SJABLONEN.values()
    )
    r = _cli(SHIPPED)
    assert r.returncode == 0, r.stderr
    assert "7 sjablonen in orde" in r.stdout


def test_verkeerd_gespelde_variabele_faalt_met_bestand_en_naam(tmp_path: Path) -> None:
    templates = _kopie(tmp_path)
    advies = templates / "brieven" / "advies.docx"
    _vervang(advies, "{{ o.oordeel }}", "{{ o.oordeell }}")
    _vervang(templates / "brieven" / "verdaging.docx", "{{ weken }}", "{{ wekken }}")
    fouten = controleer(templates)
    assert any(str(advies) in f and "oordeell" in f for f in fouten), fouten
    assert any("verdaging.docx" in f and "'wekken'" in f for f in fouten), fouten
    r = _cli(templates)
    assert r.returncode == 1
    assert str(advies) in r.stderr and "oordeell" in r.stderr and "wekken" in r.stderr
    assert "ontvangstbevestiging.docx" not in r.stderr


def test_kapotte_tag_en_ontbrekende_variabele(tmp_path: Path) -> None:
    templates = _kopie(tmp_path)
    brieven = templates / "brieven"
    _vervang(brieven / "besluit.docx", "{%p for m in maatregelen %}", "{%p for m in %}")
    _vervang(brieven / "ontvangstbevestiging.docx", "Zaaknummer: {{ zaaknummer }}", "Zaaknummer:")
    (brieven / "afschrift_klacht.docx").unlink()
    fouten = controleer(templates)
    assert any("besluit.docx" in f and "kapotte tag" in f for f in fouten), fouten
    assert any(
        "ontvangstbevestiging.docx" in f and "verplichte variabele 'zaaknummer'" in f
        for f in fouten
    ), fouten
    assert any("afschrift_klacht.docx" in f and "ontbreekt" in f for f in fouten), fouten
    assert _cli(templates).returncode == 1


_VRIJE_TEKST = st.lists(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
        ),
        max_size=20,
    )
    | st.sampled_from(["<", ">", "&", "\n", "\n\n", '"', "'", "{{ x }}", "{% if %}", "&amp;"]),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(feiten=_VRIJE_TEKST, motivering=_VRIJE_TEKST)
def test_vrije_tekst_komt_letterlijk_in_het_document(feiten: str, motivering: str) -> None:
    from dataclasses import replace

    voorbeeld = SJABLONEN["advies"].voorbeeld
    onderdeel = replace(voorbeeld.onderdelen[0], motivering=alinea_s(motivering))  # type: ignore[attr-defined]
    context = replace(voorbeeld, feiten=alinea_s(feiten), onderdelen=[onderdeel])  # type: ignore[type-var]
    t = tekst(render_bytes(SHIPPED / "brieven" / "advies.docx", context)).split("\n")
    for alinea in alinea_s(feiten) + alinea_s(motivering):
        assert alinea in t


@pytest.mark.skipif(
    shutil.which("soffice") is None and not Path("/usr/bin/soffice").exists(),
    reason="geen LibreOffice",
)
def test_pdf_naast_docx(tmp_path: Path) -> None:
    import asyncio

    from commissie.adviezen.opslag import naar_pdf

    docx = render_bytes(SHIPPED / "brieven" / "advies.docx", SJABLONEN["advies"].voorbeeld)
    pdf = asyncio.run(naar_pdf(docx))
    assert pdf is not None and pdf.startswith(b"%PDF")
