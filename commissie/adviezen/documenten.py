"""Generated documents: render, store (with a PDF when LibreOffice is there), list, read.

Who may read which document follows the case's need-to-know (`mag_lezen`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.events import DocumentGemaakt
from commissie.adviezen.models import Document
from commissie.adviezen.opslag import Opslag, naar_pdf
from commissie.adviezen.schemas import DocumentUit
from commissie.adviezen.sjablonen import SJABLONEN, Brief, render, sjabloon_pad
from commissie.eenheid import publiceer
from commissie.fouten import NietGevonden
from commissie.zaken.models import Zaak

# The corps leadership reads only what is addressed to it or is its own decision (Awb 9:15-16).
VOOR_KORPSLEIDING = frozenset({"advies", "besluit"})
INHOUDSTYPE = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Documentomgeving:
    templates_dir: Path
    opslag: Opslag
    pdf: bool


def mag_lezen(actor: Actor, doc: Document) -> bool:
    """Called on a case the actor may see (commissie.panel.toegang.haal_zaak)."""
    if actor.rol in (Rol.SECRETARIS, Rol.LID):
        return True
    if actor.rol is Rol.KORPSLEIDING:
        return doc.soort in VOOR_KORPSLEIDING and doc.korps_code == actor.korps_code
    return False


def document_uit(d: Document) -> DocumentUit:
    return DocumentUit(
        id=d.id,
        soort=d.soort,
        titel=d.titel,
        versie=d.versie,
        korps=d.korps_code,
        aan=d.aan,
        sha256=d.sha256,
        grootte=d.grootte,
        aangemaakt_op=d.aangemaakt_op,
        aangemaakt_door=d.aangemaakt_door,
        formaat=d.formaat,
    )


async def maak_document(
    *,
    session: AsyncSession,
    omg: Documentomgeving,
    zaak: Zaak,
    soort: str,
    context: Brief,
    aan: str,
    korps: str | None,
    actor: Actor,
    nu: datetime,
    versie: int | None = None,
    adviesversie_id: int | None = None,
) -> Document:
    """Render one template for this case and keep it (and its PDF); returns the .docx row."""
    sjabloon = SJABLONEN[soort]
    data = await render(sjabloon_pad(omg.templates_dir, soort), context)
    if versie is None:
        eerder = await session.scalar(
            select(func.count(Document.id)).where(
                Document.zaak_id == zaak.id,
                Document.soort == soort,
                Document.aan == aan,
                Document.formaat == "docx",
            )
        )
        versie = int(eerder or 0) + 1
    titel = sjabloon.titel + (f" ({korps})" if korps else "")
    basis = "-".join(
        x for x in (zaak.nummer, soort, korps or aan.replace(":", ""), f"v{versie}") if x
    )
    formaten: list[tuple[str, bytes]] = [("docx", data)]
    if omg.pdf:
        pdf = await naar_pdf(data)
        if pdf is not None:
            formaten.append(("pdf", pdf))
    eerste: Document | None = None
    for formaat, inhoud in formaten:
        naam = f"{basis}.{formaat}"
        sleutel = await omg.opslag.bewaar(zaak.nummer, naam, inhoud)
        doc = Document(
            zaak_id=zaak.id,
            soort=soort,
            titel=titel,
            versie=versie,
            korps_code=korps,
            aan=aan,
            formaat=formaat,
            bestandsnaam=naam,
            sleutel=sleutel,
            sha256=hashlib.sha256(inhoud).hexdigest(),
            grootte=len(inhoud),
            adviesversie_id=adviesversie_id,
            door_id=actor.gebruiker_id,
            aangemaakt_door=actor.gebruikersnaam,
            aangemaakt_op=nu,
        )
        session.add(doc)
        eerste = eerste or doc
    await session.flush()
    await publiceer(
        session,
        DocumentGemaakt(
            zaak=zaak,
            actor=actor,
            nu=nu,
            soort=soort,
            titel=titel,
            aan=aan,
            formaat="+".join(f for f, _ in formaten),
        ),
    )
    assert eerste is not None
    return eerste


async def documenten(*, session: AsyncSession, actor: Actor, zaak: Zaak) -> list[Document]:
    rijen = await session.scalars(
        select(Document).where(Document.zaak_id == zaak.id).order_by(Document.id)
    )
    return [d for d in rijen if mag_lezen(actor, d)]


async def lees_document(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, document_id: int, opslag: Opslag
) -> tuple[Document, bytes]:
    doc = await session.scalar(
        select(Document).where(Document.zaak_id == zaak.id, Document.id == document_id)
    )
    # A document the reader may not see does not exist for it (like a case).
    if doc is None or not mag_lezen(actor, doc):
        raise NietGevonden(f"Document {document_id} bestaat niet of u heeft er geen toegang toe.")
    return doc, await opslag.lees(doc.sleutel)
