"""Generate the shipped letter templates (run once; the .docx files are committed).

    .venv/bin/python templates/brieven/maak_sjablonen.py

The committee edits the .docx files in Word or LibreOffice afterwards; `commissie sjablonen
controleer` checks them. Tags are docxtpl/Jinja: {{ var }}, and {%p ... %} on a paragraph of its
own for loops and conditions over whole paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

MAP = Path(__file__).resolve().parent


def _doc(onderwerp: str) -> Document:
    doc = Document()
    stijl = doc.styles["Normal"]
    stijl.font.name = "Calibri"
    stijl.font.size = Pt(11)
    kop = doc.add_paragraph()
    kop.add_run("{{ commissie.naam }}").bold = True
    doc.add_paragraph("Secretariaat: {{ commissie.email }}")
    doc.add_paragraph("")
    doc.add_paragraph("{%p if aan.titel %}")
    doc.add_paragraph("{{ aan.titel }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ aan.naam }}")
    doc.add_paragraph("{%p for regel in aan.adres %}")
    doc.add_paragraph("{{ regel }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("")
    doc.add_paragraph("Datum: {{ datum }}")
    doc.add_paragraph("Zaaknummer: {{ zaaknummer }}")
    doc.add_paragraph(f"Onderwerp: {onderwerp}")
    doc.add_paragraph("")
    doc.add_paragraph("Geachte {{ aan.naam }},")
    return doc


def _alineas(doc: Document, lijst: str) -> None:
    doc.add_paragraph(f"{{%p for alinea in {lijst} %}}")
    doc.add_paragraph("{{ alinea }}")
    doc.add_paragraph("{%p endfor %}")


def _kop(doc: Document, tekst: str) -> None:
    doc.add_paragraph().add_run(tekst).bold = True


def _ondertekening(doc: Document) -> None:
    doc.add_paragraph("")
    doc.add_paragraph("Met vriendelijke groet,")
    doc.add_paragraph("")
    doc.add_paragraph("{{ voorzitter }}, voorzitter")
    doc.add_paragraph("{{ secretaris }}, secretaris")
    doc.add_paragraph("{{ commissie.naam }}")


def ontvangstbevestiging() -> Document:
    doc = _doc("bevestiging van ontvangst van uw klacht")
    doc.add_paragraph(
        "Op {{ ontvangen_op }} hebben wij uw klacht over ongewenste omgangsvormen ontvangen. "
        "Met deze brief bevestigen wij de ontvangst (artikel 9:6 Algemene wet bestuursrecht)."
    )
    doc.add_paragraph(
        "De klachtencommissie behandelt uw klacht en brengt daarover advies uit aan de "
        "korpsleiding (artikel 9:15 Algemene wet bestuursrecht). De korpsleiding beslist daarna "
        "op uw klacht. Het advies wordt uiterlijk {{ advies_uiterlijk }} verwacht."
    )
    _ondertekening(doc)
    return doc


def ontvankelijkheid() -> Document:
    doc = _doc("besluit over de ontvankelijkheid van uw klacht")
    doc.add_paragraph("{%p if ontvankelijk %}")
    doc.add_paragraph(
        "De commissie heeft op {{ besloten_op }} besloten dat uw klacht ontvankelijk is. "
        "De commissie neemt de klacht in behandeling."
    )
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(
        "De commissie heeft op {{ besloten_op }} besloten uw klacht niet in behandeling te nemen "
        "(artikel 9:8 Algemene wet bestuursrecht), op de volgende gronden:"
    )
    doc.add_paragraph("{%p endif %}")
    _alineas(doc, "gronden")
    _ondertekening(doc)
    return doc


def afschrift_klacht() -> Document:
    doc = _doc("afschrift van een klacht over uw gedrag")
    doc.add_paragraph(
        "Bij de klachtencommissie is een klacht over uw gedrag ingediend. Op grond van artikel "
        "9:9 Algemene wet bestuursrecht ontvangt u hierbij een afschrift van de klacht:"
    )
    _alineas(doc, "klacht")
    doc.add_paragraph(
        "U kunt uiterlijk {{ antwoord_uiterlijk }} schriftelijk op de klacht reageren "
        "(verweerschrift)."
    )
    _ondertekening(doc)
    return doc


def uitnodiging_zitting() -> Document:
    doc = _doc("uitnodiging voor de hoorzitting")
    doc.add_paragraph(
        "U wordt als {{ hoedanigheid }} uitgenodigd om te worden gehoord (artikel 9:10 Algemene "
        "wet bestuursrecht) op {{ zitting_op }} om {{ tijd }} uur, in {{ locatie }}, "
        "{{ locatie_adres }}. De zitting is besloten."
    )
    doc.add_paragraph("{%p if bijstand %}")
    doc.add_paragraph("U heeft gemeld dat u wordt bijgestaan door:")
    doc.add_paragraph("{%p for b in bijstand %}")
    doc.add_paragraph("- {{ b }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if getuigen %}")
    doc.add_paragraph("Door u voorgestelde getuigen:")
    doc.add_paragraph("{%p for g in getuigen %}")
    doc.add_paragraph("- {{ g }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    _ondertekening(doc)
    return doc


def verdaging() -> Document:
    doc = _doc("verdaging van de afhandeling van de klacht")
    doc.add_paragraph(
        "De afhandeling van de klacht wordt met {{ weken }} weken verdaagd (artikel 9:11 lid 2 "
        "Algemene wet bestuursrecht). Op de klacht wordt uiterlijk {{ besluit_uiterlijk }} "
        "beslist. De reden:"
    )
    _alineas(doc, "reden")
    _ondertekening(doc)
    return doc


def advies() -> Document:
    doc = _doc("advies van de klachtencommissie (artikel 9:15 Algemene wet bestuursrecht)")
    doc.add_paragraph("{%p if correctie_van %}")
    doc.add_paragraph(
        "Dit advies (versie {{ versie }}) verbetert het advies dat op {{ correctie_van }} is "
        "vastgesteld."
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph(
        "Hierbij brengt de klachtencommissie advies uit over de klacht, voor zover die gaat "
        "over medewerkers van uw korps ({{ korps }})."
    )
    _kop(doc, "Feiten")
    _alineas(doc, "feiten")
    _kop(doc, "Standpunten van partijen")
    _alineas(doc, "standpunten")
    _kop(doc, "Overwegingen")
    _alineas(doc, "overwegingen")
    _kop(doc, "Oordeel")
    doc.add_paragraph("{%p for o in onderdelen %}")
    doc.add_paragraph("De klacht over {{ o.beklaagde }} ({{ o.functie }}) is {{ o.oordeel }}.")
    doc.add_paragraph("{%p for alinea in o.motivering %}")
    doc.add_paragraph("{{ alinea }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    _kop(doc, "Aanbevelingen")
    _alineas(doc, "aanbevelingen")
    doc.add_paragraph(
        "Op grond van artikel 9:16 Algemene wet bestuursrecht vermeldt u in uw besluit de reden "
        "als u van dit advies afwijkt, en zendt u het advies mee met uw besluit."
    )
    _kop(doc, "Bijlagen")
    doc.add_paragraph("{%p for b in bijlagen %}")
    doc.add_paragraph("- {{ b }}")
    doc.add_paragraph("{%p endfor %}")
    _ondertekening(doc)
    # The hoorverslag goes with the advice (Awb 9:15): as an annex inside the document.
    doc.add_paragraph("{%p for h in hoorverslagen %}")
    _kop(doc, "Bijlage: hoorverslag van de zitting van {{ h.zitting_op }}")
    doc.add_paragraph("Gehoord: {{ h.gehoord | join(', ') }}.")
    doc.add_paragraph("{%p for alinea in h.verslag %}")
    doc.add_paragraph("{{ alinea }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("Het hoorverslag is op {{ h.naar_partijen_op }} aan de partijen gezonden.")
    doc.add_paragraph("{%p endfor %}")
    return doc


def besluit() -> Document:
    doc = _doc("besluit op uw klacht")
    doc.add_paragraph(
        "De klachtencommissie heeft mij geadviseerd over uw klacht. Op {{ besloten_op }} heb "
        "ik op uw klacht beslist (artikel 9:12 Algemene wet bestuursrecht)."
    )
    doc.add_paragraph("{%p if volgt_advies %}")
    doc.add_paragraph("Ik neem het advies van de commissie over.")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(
        "Ik wijk af van het advies van de commissie (artikel 9:16 Algemene wet "
        "bestuursrecht), om de volgende redenen:"
    )
    doc.add_paragraph("{%p endif %}")
    _alineas(doc, "motivering")
    _kop(doc, "Maatregelen")
    doc.add_paragraph("{%p for m in maatregelen %}")
    doc.add_paragraph(
        "- {{ m.voor }}: {{ m.soort }}{% if m.toelichting %} ({{ m.toelichting }}){% endif %}"
    )
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if advies_bijgevoegd %}")
    doc.add_paragraph("Bijlage: het advies van de klachtencommissie.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("")
    doc.add_paragraph("Met vriendelijke groet,")
    doc.add_paragraph("{{ korpsleiding }}")
    doc.add_paragraph("Zaak behandeld door de {{ commissie.naam }}; zaaknummer {{ zaaknummer }}.")
    return doc


MAKERS = {
    "ontvangstbevestiging": ontvangstbevestiging,
    "ontvankelijkheid": ontvankelijkheid,
    "afschrift_klacht": afschrift_klacht,
    "uitnodiging_zitting": uitnodiging_zitting,
    "verdaging": verdaging,
    "advies": advies,
    "besluit": besluit,
}


def main() -> None:
    # `python maak_sjablonen.py advies`: only the named templates (the others keep their bytes).
    gekozen = sys.argv[1:] or list(MAKERS)
    for naam, maker in ((n, MAKERS[n]) for n in gekozen):
        doc = maker()
        doc.core_properties.author = "klachtencommissie"
        doc.save(str(MAP / f"{naam}.docx"))
        print(MAP / f"{naam}.docx")


if __name__ == "__main__":
    main()
