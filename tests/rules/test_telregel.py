"""What counts toward an asiel opgave (`opgaven.telregel`), with the Gelderland plan's
split of 1-1-2024 (RO 4.815, NO 3.149, TGO 1.310) and the national letter."""

from __future__ import annotations

import pytest

from opgaven.telregel import ALLE_SOORTEN, getelde_plaatsen, kies_telregel

GELDERLAND_1_1_2024 = {"RO": 4_815, "NO": 3_149, "TGO": 1_310}


@pytest.mark.parametrize(
    ("soorten", "verwacht"),
    [
        (("RO", "NO", "TGO"), 9_274),  # the provinciaal plan
        (("RO",), 4_815),  # the national letter: regular places only
        (ALLE_SOORTEN, 9_274),  # no rule: every soort
        (("CNO",), None),  # nothing of the counted soort known: unknown, not 0
    ],
)
def test_getelde_plaatsen(soorten, verwacht) -> None:
    assert getelde_plaatsen(GELDERLAND_1_1_2024, soorten) == verwacht


def test_een_nul_telt_als_bekend() -> None:
    assert getelde_plaatsen({"RO": 0, "NO": 80}, ("RO",)) == 0


GELDERLAND, OVERIJSSEL = 25, 23
REGELS = [(None, ("RO",)), (GELDERLAND, ("RO", "NO", "TGO"))]


@pytest.mark.parametrize(
    ("provincie", "verwacht"),
    [(GELDERLAND, ("RO", "NO", "TGO")), (OVERIJSSEL, ("RO",))],
)
def test_de_regel_van_de_provincie_gaat_voor(provincie, verwacht) -> None:
    assert kies_telregel(REGELS, provincie) == verwacht


def test_zonder_regel_telt_alles() -> None:
    assert kies_telregel([], OVERIJSSEL) == ALLE_SOORTEN


def test_soorten_in_vaste_volgorde_en_onbekende_geweigerd() -> None:
    assert kies_telregel([(None, ("TGO", "RO"))], OVERIJSSEL) == ("RO", "TGO")
    with pytest.raises(ValueError, match="Onbekende soort"):
        kies_telregel([(None, ("AZC",))], OVERIJSSEL)


def test_reference_list_decides_what_counts_without_a_rule():
    """The beheerder's list: a buffer location does not count by default, GVL does."""
    from opgaven.telregel import Soortenlijst

    lijst = Soortenlijst(codes=("RO", "NO", "GVL", "buffer"), standaard=("RO", "NO", "GVL"))
    assert kies_telregel([], OVERIJSSEL, lijst) == ("RO", "NO", "GVL")
    assert kies_telregel([(None, ("buffer", "RO"))], OVERIJSSEL, lijst) == ("RO", "buffer")
    with pytest.raises(ValueError, match="hotel"):
        kies_telregel([(None, ("hotel",))], OVERIJSSEL, lijst)
