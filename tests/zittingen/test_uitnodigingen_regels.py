"""Who of the parties gets a hearing's invite, and reading `?voor=`: property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commissie.fouten import OngeldigeInvoer
from commissie.zaken.models import Partij
from commissie.zittingen.models import Zitting
from commissie.zittingen.uitnodigingen import lees_voor, partij_ontvangers

ROLLEN = ["klager", "beklaagde", "vertrouwenspersoon"]


@st.composite
def partijen_en_zitting(draw: st.DrawFn) -> tuple[list[Partij], Zitting]:
    aantal = draw(st.integers(min_value=0, max_value=6))
    partijen = [
        Partij(
            id=i + 1,
            rol=draw(st.sampled_from(ROLLEN)),
            naam=f"Naam {i}",
            email=draw(st.one_of(st.none(), st.just(""), st.just(f"p{i}@example.invalid"))),
        )
        for i in range(aantal)
    ]
    sleutels = ["klager", *(f"beklaagde:{p.id}" for p in partijen if p.rol == "beklaagde")]
    gehoord = draw(st.lists(st.sampled_from(sleutels), unique=True))
    return partijen, Zitting(partijen=gehoord)


@given(partijen_en_zitting())
def test_precies_de_gehoorde_partijen_met_een_adres(
    gegeven: tuple[list[Partij], Zitting],
) -> None:
    partijen, zitting = gegeven
    ontvangers = partij_ontvangers(zitting, partijen)
    verwacht = [
        (p.email, p.rol)
        for p in partijen
        if p.email
        and (
            f"beklaagde:{p.id}" in zitting.partijen
            if p.rol == "beklaagde"
            else "klager" in zitting.partijen
        )
    ]
    assert [(d.email, d.rol) for d in ontvangers] == verwacht


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["lid", "beklaagde"]))
def test_voor_met_nummer(nummer: int, soort: str) -> None:
    assert lees_voor(f"{soort}:{nummer}") == (soort, nummer)


@given(st.text(max_size=30))
def test_voor_is_geldig_of_een_400_met_het_veld(waarde: str) -> None:
    try:
        soort, nummer = lees_voor(waarde)
    except OngeldigeInvoer as fout:
        assert str(fout).startswith("Veld 'voor': ")
        return
    assert (soort == "klager" and nummer is None) or (
        soort in {"lid", "beklaagde"} and nummer is not None and nummer >= 0
    )


@pytest.mark.parametrize(
    "waarde", ["", "lid", "lid:", "lid:x", "lid:²", "beklaagde:-1", "klager:1", "vp"]
)
def test_voor_ongeldig(waarde: str) -> None:
    with pytest.raises(OngeldigeInvoer, match="Veld 'voor'"):
        lees_voor(waarde)
