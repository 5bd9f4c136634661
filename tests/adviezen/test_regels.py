"""Pure rules of the advice: parts per corps, missing conclusions, paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from commissie.adviezen.regels import (
    Onderdeel,
    Oordeel,
    alinea_s,
    alle_korpsen_besloten,
    ontbrekende_oordelen,
    per_korps,
)

KORPSEN = st.sampled_from(["TW", "IJ", "NOG", "GM", "GZ"])


@st.composite
def _onderdelen(draw: st.DrawFn) -> tuple[dict[int, str], list[Onderdeel]]:
    korpsen = draw(st.lists(KORPSEN, min_size=1, max_size=8))
    korps_van = {i + 1: k for i, k in enumerate(korpsen)}
    onderdeel = st.builds(
        Onderdeel, st.integers(1, len(korpsen)), st.sampled_from(Oordeel), st.just("")
    )
    return korps_van, draw(st.lists(onderdeel, max_size=12))


ONDERDELEN = _onderdelen()


@given(ONDERDELEN)
def test_per_korps_verdeelt_elk_onderdeel_naar_het_eigen_korps(
    gegeven: tuple[dict[int, str], list[Onderdeel]],
) -> None:
    korps_van, onderdelen = gegeven
    verdeeld = per_korps(onderdelen, korps_van)
    assert sorted(verdeeld) == sorted({korps_van[o.beklaagde] for o in onderdelen})
    for korps, deel in verdeeld.items():
        assert deel and all(korps_van[o.beklaagde] == korps for o in deel)
    # Nothing lost, nothing doubled, order kept within a corps.
    assert sum(len(d) for d in verdeeld.values()) == len(onderdelen)
    for korps, deel in verdeeld.items():
        assert deel == [o for o in onderdelen if korps_van[o.beklaagde] == korps]


@given(
    st.dictionaries(st.integers(1, 500), st.text(min_size=1, max_size=10), max_size=8), st.data()
)
def test_ontbrekende_oordelen_noemt_precies_wie_geen_oordeel_heeft(
    beklaagden: dict[int, str], data: st.DataObject
) -> None:
    met = data.draw(st.sets(st.sampled_from(sorted(beklaagden))) if beklaagden else st.just(set()))
    onderdelen = [Onderdeel(b, Oordeel.GEGROND, "") for b in met]
    zinnen = ontbrekende_oordelen(beklaagden, onderdelen)
    assert len(zinnen) == len(set(beklaagden) - met)
    for bid in set(beklaagden) - met:
        assert any(f"(id {bid})" in z for z in zinnen)


@given(st.text(max_size=200))
def test_alineas_zijn_niet_leeg_en_zonder_regeleinde(tekst: str) -> None:
    alineas = alinea_s(tekst)
    assert all(a and "\n" not in a and a == a.strip() for a in alineas)
    # Every non-blank word survives, in order.
    assert " ".join(alineas).split() == tekst.replace("\r\n", "\n").split() or "\r" in tekst


def test_alineas_voorbeeld() -> None:
    assert alinea_s("Een\ntwee.\n\n\nDrie.  \n") == ["Een twee.", "Drie."]


@given(st.sets(KORPSEN), st.sets(KORPSEN))
def test_alle_korpsen_besloten(betrokken: set[str], besloten: set[str]) -> None:
    assert alle_korpsen_besloten(betrokken, besloten) == (bool(betrokken) and betrokken <= besloten)
