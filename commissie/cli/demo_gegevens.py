"""Fictitious demo data for the Twente–IJsselland committee: members, accounts, cases."""

from __future__ import annotations

from commissie.accounts.rollen import Rol

COMMISSIE = "TI"

LEDEN = [
    # naam, korps, eenheid, kan voorzitten
    ("mr. J. (Jolien) Brinkhuis", "TW", "District Enschede", True),
    ("H. (Harm) Oude Nijhuis", "TW", "District Hengelo", True),
    ("S. (Samira) el Idrissi", "TW", "Recherche", False),
    ("B. (Bart) Scholten", "TW", "Bedrijfsvoering", False),
    ("mr. E. (Els) Ter Horst", "IJ", "District Zwolle", True),
    ("K. (Kees) Wiegman", "IJ", "District Deventer", True),
    ("A. (Anouk) Schuurman", "IJ", "Meldkamer", False),
    ("R. (Ruud) Veldkamp", "IJ", "Staf", False),
]

GEBRUIKERS = [
    # gebruikersnaam, rol, korps, lid-index
    ("beheer", Rol.BEHEERDER, None, None),
    ("secretaris", Rol.SECRETARIS, None, None),
    ("brinkhuis", Rol.LID, None, 0),
    ("terhorst", Rol.LID, None, 4),
    # Every member who can chair has an account: the chair fixes the advice.
    ("oudenijhuis", Rol.LID, None, 1),
    ("wiegman", Rol.LID, None, 5),
    ("korpschef.tw", Rol.KORPSLEIDING, "TW", None),
    ("korpschef.ij", Rol.KORPSLEIDING, "IJ", None),
]

# Fictitious cases: (days ago received, klager, korps, accused, accused corps, unit, categories,
#                    conduct days before receipt, stage)
ZAKEN = [
    (
        2,
        "P. de Graaf",
        "IJ",
        "M. Kamphuis",
        "IJ",
        "District Zwolle",
        ["verbale_agressie"],
        [10],
        "ontvangen",
    ),
    (
        9,
        "L. Hendriks",
        "TW",
        "D. Bosch",
        "TW",
        "District Enschede",
        ["psychische_agressie"],
        [20, 13],
        "ontvangen",
    ),
    (
        12,
        "F. Yilmaz",
        "IJ",
        "G. Post",
        "IJ",
        "District Deventer",
        ["discriminatie"],
        [30],
        "ontvankelijk",
    ),
    (
        20,
        "N. Mulder",
        "IJ",
        "T. Smit",
        "IJ",
        "Meldkamer",
        ["seksuele_intimidatie"],
        [25],
        "verweer",
    ),
    (
        33,
        "W. Jansen",
        "TW",
        "C. de Jong",
        "IJ",
        "Staf",
        ["verbale_agressie", "psychische_agressie"],
        [40],
        "zitting",
    ),
    (
        38,
        "I. Bakker",
        "IJ",
        "M. Kamphuis",
        "IJ",
        "District Zwolle",
        ["psychische_agressie"],
        [45, 60],
        "zitting",
    ),
    (
        47,
        "R. Visser",
        "IJ",
        "S. Dekker",
        "IJ",
        "District Zwolle",
        ["fysieke_agressie"],
        [50],
        "verdaagd",
    ),
    (
        60,
        "E. Meijer",
        "TW",
        "K. Vos",
        "TW",
        "District Hengelo",
        ["discriminatie"],
        [70],
        "advies_uitgebracht",
    ),
    (
        90,
        "J. Peters",
        "IJ",
        "A. Willems",
        "IJ",
        "District Deventer",
        ["seksuele_intimidatie"],
        [100],
        "besluit_genomen",
    ),
    (
        150,
        "M. van Dijk",
        "IJ",
        "H. Hoekstra",
        "IJ",
        "Staf",
        ["verbale_agressie"],
        [160],
        "afgesloten",
    ),
    (
        25,
        "B. Koster",
        "TW",
        "J. Prins",
        "TW",
        "Recherche",
        ["psychische_agressie"],
        [500],
        "niet_ontvankelijk",
    ),
    (
        18,
        "D. Smits",
        "IJ",
        "P. Groen",
        "IJ",
        "District Zwolle",
        ["criminaliteit"],
        [21],
        "ingetrokken",
    ),
]

OMSCHRIJVING = (
    "Fictieve demozaak. Klager meldt herhaaldelijk ongewenst gedrag tijdens diensten; "
    "zie de bijlagen bij het klaagschrift."
)
