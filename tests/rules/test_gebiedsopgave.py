from __future__ import annotations

import pytest

from opgaven.gebiedsopgave import Bron, Gebiedsopgave, gebiedsopgave
from tests.rules.bronnen import ASIEL_IJSSELLAND, ASIEL_TWENTE

IJSSELLAND = [plekken for plekken, _ in ASIEL_IJSSELLAND.values()]
TWENTE = [plekken for plekken, _ in ASIEL_TWENTE.values()]
OVERIJSSEL = IJSSELLAND + TWENTE


def test_gelderland_asiel_1_januari_2024_uit_het_gebied() -> None:
    # 7.590 was set for the province; the 51 gemeenten have no binding figure.
    assert gebiedsopgave([None] * 51, 7_590) == Gebiedsopgave(7_590, Bron.GEBIED)


@pytest.mark.parametrize(
    ("gemeenten", "verwacht"),
    [(OVERIJSSEL, 6_325), (IJSSELLAND, 3_050), (TWENTE, 3_275)],
)
def test_overijssel_asiel_1_januari_2025_uit_de_gemeenten(
    gemeenten: list[int], verwacht: int
) -> None:
    assert gebiedsopgave(gemeenten, None) == Gebiedsopgave(verwacht, Bron.GEMEENTEN)


def test_amv_binnen_de_opgave_overijssel() -> None:
    amv = [geschikt for _, geschikt in (*ASIEL_IJSSELLAND.values(), *ASIEL_TWENTE.values())]
    assert gebiedsopgave(amv, None) == Gebiedsopgave(538, Bron.GEMEENTEN)


def test_gemeenten_gaan_voor_als_ze_allemaal_bekend_zijn() -> None:
    # Overijssel's 4.081 per 1-1-2024 does not replace the 2025 gemeente figures.
    assert gebiedsopgave(OVERIJSSEL, 4_081) == Gebiedsopgave(6_325, Bron.GEMEENTEN)


def test_gebied_als_een_gemeente_ontbreekt() -> None:
    zonder_zwolle = [None if p == 717 else p for p in OVERIJSSEL]
    assert gebiedsopgave(zonder_zwolle, 6_325) == Gebiedsopgave(6_325, Bron.GEBIED)


def test_onvolledig_zonder_gebiedscijfer() -> None:
    zonder_zwolle = [None if p == 717 else p for p in OVERIJSSEL]
    assert gebiedsopgave(zonder_zwolle, None) == Gebiedsopgave(5_608, Bron.ONVOLLEDIG)


@pytest.mark.parametrize("gemeenten", [[None, None], []])
def test_onbekend(gemeenten: list[int | None]) -> None:
    assert gebiedsopgave(gemeenten, None) == Gebiedsopgave(None, Bron.ONBEKEND)


def test_zonder_gemeenten_het_gebied() -> None:
    assert gebiedsopgave([], 4_081) == Gebiedsopgave(4_081, Bron.GEBIED)


def test_nul_is_een_bekende_opgave() -> None:
    assert gebiedsopgave([0, 0], 100) == Gebiedsopgave(0, Bron.GEMEENTEN)


@pytest.mark.parametrize(
    ("waarde", "bron", "melding"),
    [
        (5, "provincie", "Onbekende bron 'provincie'"),
        (None, Bron.GEBIED, "Alleen een onbekende gebiedsopgave heeft geen waarde"),
        (5, Bron.ONBEKEND, "Alleen een onbekende gebiedsopgave heeft geen waarde"),
    ],
)
def test_gebiedsopgave_weigert_tegenstrijdigheid(
    waarde: int | None, bron: str, melding: str
) -> None:
    with pytest.raises(ValueError, match=melding):
        Gebiedsopgave(waarde, bron)
