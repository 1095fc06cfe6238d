"""The status of a row (`realisatie.status`) without a database: on track, behind by
how many, or unknown, from the aggregation's own figures."""

from __future__ import annotations

from datetime import date

import pytest

from gemeenten.boom import Knoop
from opgaven.halfjaar import Halfjaar
from realisatie.aggregatie import Bron, Cijfer, Regel
from realisatie.overzicht import Blok
from realisatie.status import Stand, status

GELDERLAND = Knoop("provincie", "PV25", "Gelderland", [("provincie", 1)])
DEVENTER = Knoop("gemeente", "GM0150", "Deventer", [("gemeente", 1)])


def regel(knoop: Knoop, **waarden: int | None) -> Regel:
    return Regel(
        knoop,
        {
            k: Cijfer(v, Bron.GEMEENTEN) if v is not None else Cijfer(None)
            for k, v in waarden.items()
        },
    )


def blok(soort: str, halfjaar: Halfjaar | None = None) -> Blok:
    return Blok(soort=soort, titel=soort, kolommen=[], regels=[], halfjaar=halfjaar)


@pytest.mark.parametrize(
    ("soort", "verschil", "stand", "achter"),
    [
        ("asiel", 1_684, Stand.OP_KOERS, None),  # Gelderland 9.274 against 7.590
        ("oekraine", -1_201, Stand.ACHTER, 1_201),  # 11.083 GOO against 12.284
        ("oekraine", 0, Stand.OP_KOERS, None),  # exactly the opgave is on track
        ("asiel", None, Stand.ONBEKEND, None),  # never "on track" by default
    ],
)
def test_asiel_en_oekraine_volgen_het_verschil(soort, verschil, stand, achter):
    uitkomst = status(blok(soort), regel(GELDERLAND, verschil=verschil), date(2024, 1, 8))
    assert (uitkomst.stand, uitkomst.achter) == (stand, achter)


@pytest.mark.parametrize(
    ("gehuisvest", "datum", "stand", "achter"),
    [
        # Deventer must house 95 in 2024-I (werkplan 2024); on 1-4-2024 three months have
        # passed, so the schedule asks for 48 (95 × 3/6, rounded up).
        (47, date(2024, 4, 1), Stand.ACHTER, 1),
        (48, date(2024, 4, 1), Stand.OP_KOERS, None),
        (0, date(2024, 1, 1), Stand.OP_KOERS, None),  # no month has passed yet
        (None, date(2024, 4, 1), Stand.ONBEKEND, None),  # not delivered is not 0
    ],
)
def test_statushouders_volgen_het_schema(gehuisvest, datum, stand, achter):
    uitkomst = status(
        blok("statushouders", Halfjaar(2024, 1)),
        regel(DEVENTER, te_realiseren=95, gehuisvest=gehuisvest),
        datum,
    )
    assert (uitkomst.stand, uitkomst.achter) == (stand, achter)
