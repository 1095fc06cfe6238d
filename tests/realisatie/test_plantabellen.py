"""The provinciaal plan's tables (`realisatie.plantabellen`) from the overview, with the
Gelderland plan's figures: 7.590 / 9.274 / 10.238 / 2.648 and Oekraïne per region."""

from __future__ import annotations

import datetime

import pytest

from gemeenten.models import Provincie
from realisatie.overzicht import provincie_overzicht
from realisatie.plantabellen import asieltabel, oekrainetabel


@pytest.fixture
def gelderland(demodata):
    return Provincie.objects.get(code="PV25")


def test_asiel_table_on_1_1_2024(gelderland):
    tabel = asieltabel(provincie_overzicht(gelderland, datetime.date(2024, 1, 1)))
    assert tabel.titel == "Realisatie asielopgave per 1-1-2024"
    provincie = tabel.regels[0]
    assert [provincie.waarde(k.sleutel) for k in tabel.kolommen] == [
        7_590, 9_274, 10_238, 2_648, 5_529, 3_399, 1_310, 995
    ]  # fmt: skip
    # Only the province has figures: no empty region rows in the plan's table.
    assert [r.naam for r in tabel.regels] == ["Gelderland"]


def test_oekraine_table_per_veiligheidsregio_with_the_total_last(gelderland):
    tabel = oekrainetabel(provincie_overzicht(gelderland, datetime.date(2024, 1, 8)))
    assert [r.naam for r in tabel.regels] == [
        "Noord- en Oost-Gelderland", "Gelderland-Midden", "Gelderland-Zuid", "Gelderland"
    ]  # fmt: skip
    assert [(r.waarde("realisatie"), r.waarde("verschil")) for r in tabel.regels] == [
        (4_436, -609), (3_343, -425), (3_304, -167), (11_083, -1_201)
    ]  # fmt: skip
    assert [r.waarde("poo") for r in tabel.regels] == [931, None, None, 931]
