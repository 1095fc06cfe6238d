from __future__ import annotations

from datetime import date

import pytest

from realisatie.aggregatie import Bron
from realisatie.capaciteit import GEPLAND, GEREALISEERD, VOORGENOMEN, Plaatsenperiode
from realisatie.tijdlijn import (
    MAX_STAPPEN,
    Stap,
    TeVeelStappen,
    Tijdlijnlocatie,
    stappen,
    tijdlijn,
)
from tests.rules.bronnen import CRISISNOODOPVANG_PER_MAAND, CRISISNOODOPVANG_WINTER


def _winter() -> list[Tijdlijnlocatie]:
    return [
        Tijdlijnlocatie(
            sleutel=i,
            naam=naam,
            gemeente=gemeente,
            perioden=tuple(
                Plaatsenperiode(
                    plaatsen,
                    0,
                    date.fromisoformat(van),
                    date.fromisoformat(tot),
                    GEREALISEERD,
                    "CNO",
                )
                for plaatsen, van, tot in perioden
            ),
        )
        for i, (gemeente, naam, perioden) in enumerate(CRISISNOODOPVANG_WINTER)
    ]


def test_afbouw_crisisnoodopvang_per_maand():
    lijn = tijdlijn(_winter(), date(2024, 10, 1), date(2025, 4, 1), Stap.MAAND)
    assert lijn.stappen == tuple(
        date(j, m, 1) for j, m in [(2024, 10), (2024, 11), (2024, 12)]
    ) + tuple(date(2025, m, 1) for m in (1, 2, 3, 4))
    assert [c.waarde for c in lijn.totaal] == CRISISNOODOPVANG_PER_MAAND
    assert all(c.bron == Bron.GEMEENTEN for c in lijn.totaal)
    # Rows by gemeente, then name; a closed location is a known 0.
    assert [r.locatie.naam for r in lijn.rijen] == [
        "Sporthal De Scheg",
        "Hotel Wijthmen",
        "Paviljoen Hanzeland",
    ]
    assert lijn.waarden[0] == [150, 150, 150, 0, 0, 0, 0]
    assert lijn.waarden[1] == [0, 0, 100, 100, 60, 60, 0]
    assert [c.waarde for c in lijn.totaal_geschat] == [0] * 7


def test_afbouw_vanaf_de_vijftiende():
    lijn = tijdlijn(_winter(), date(2024, 10, 15), date(2025, 3, 31), Stap.MAAND)
    assert [d.day for d in lijn.stappen] == [15] * 6
    assert [c.waarde for c in lijn.totaal] == CRISISNOODOPVANG_PER_MAAND[:6]


def test_per_kwartaal_en_halve_maand():
    kwartaal = tijdlijn(_winter(), date(2024, 10, 1), date(2025, 4, 1), Stap.KWARTAAL)
    assert [c.waarde for c in kwartaal.totaal] == [150, 350, 0]
    half = tijdlijn(_winter(), date(2024, 12, 1), date(2025, 2, 1), Stap.HALVE_MAAND)
    assert half.stappen == (
        date(2024, 12, 1),
        date(2024, 12, 16),
        date(2025, 1, 1),
        date(2025, 1, 16),
        date(2025, 2, 1),
    )
    assert [c.waarde for c in half.totaal] == [500, 500, 350, 350, 310]


@pytest.mark.parametrize(
    ("begin", "einde", "stap", "verwacht"),
    [
        (
            date(2024, 1, 31),
            date(2024, 5, 31),
            Stap.MAAND,
            [(1, 31), (2, 29), (3, 31), (4, 30), (5, 31)],
        ),
        (
            date(2024, 1, 15),
            date(2024, 3, 1),
            Stap.HALVE_MAAND,
            [(1, 15), (1, 30), (2, 15), (2, 29)],
        ),
        (date(2024, 1, 1), date(2024, 2, 29), Stap.HALVE_MAAND, [(1, 1), (1, 16), (2, 1), (2, 15)]),
        (date(2024, 11, 30), date(2025, 6, 1), Stap.KWARTAAL, [(11, 30), (2, 28), (5, 30)]),
        (date(2024, 3, 15), date(2024, 3, 15), Stap.MAAND, [(3, 15)]),
    ],
)
def test_stappen(begin, einde, stap, verwacht):
    assert [(d.month, d.day) for d in stappen(begin, einde, stap)] == verwacht


def test_onbekende_capaciteit_maakt_het_totaal_onvolledig():
    """An unknown capacity (a period whose places are not known) is not 0."""

    onbekend = Plaatsenperiode(None, 0, date(2024, 1, 1), None, GEREALISEERD, "CNO")

    locaties = [
        *_winter(),
        Tijdlijnlocatie(9, "Kazerne", "Zwolle", (onbekend,)),
    ]
    lijn = tijdlijn(locaties, date(2024, 12, 1), date(2025, 1, 1), Stap.MAAND)
    assert [(c.waarde, c.bron) for c in lijn.totaal] == [
        (500, Bron.ONVOLLEDIG),
        (350, Bron.ONVOLLEDIG),
    ]
    assert [r.locatie.naam for r in lijn.rijen][2] == "Kazerne"
    assert lijn.rijen[2].cijfers[0].waarde is None


def test_geschatte_plaatsen_tellen_mee_en_staan_apart():
    geschat = Plaatsenperiode(100, 0, date(2024, 1, 1), None, GEREALISEERD, "NO", geschat=True)

    locaties = [*_winter(), Tijdlijnlocatie(9, "Kazerne", "Zwolle", (geschat,))]
    lijn = tijdlijn(locaties, date(2024, 12, 1), date(2024, 12, 1), Stap.MAAND)
    assert lijn.totaal[0].waarde == 600
    assert lijn.totaal_geschat[0].waarde == 100


def test_statussen_kiezen():
    gepland = Plaatsenperiode(80, 0, date(2025, 1, 1), None, GEPLAND, "NO")
    voornemen = Plaatsenperiode(40, 0, date(2025, 1, 1), None, VOORGENOMEN, "NO")
    locaties = [Tijdlijnlocatie(1, "Noodopvang", "Zwolle", (gepland, voornemen))]
    dag = date(2025, 1, 1)
    assert tijdlijn(locaties, dag, dag, Stap.MAAND).totaal[0].waarde == 120
    vast = tijdlijn(locaties, dag, dag, Stap.MAAND, statussen=(GEREALISEERD, GEPLAND))
    assert vast.totaal[0].waarde == 80


def test_geen_locaties_is_onbekend_niet_nul():
    lijn = tijdlijn([], date(2025, 1, 1), date(2025, 2, 1), Stap.MAAND)
    assert [c.waarde for c in lijn.totaal] == [None, None]


def test_te_veel_stappen_geeft_een_nederlandse_melding():
    assert len(stappen(date(2020, 1, 1), date(2029, 12, 1), Stap.MAAND)) == MAX_STAPPEN
    with pytest.raises(TeVeelStappen, match="hoogstens 120 stappen"):
        stappen(date(2020, 1, 1), date(2030, 1, 1), Stap.MAAND)


@pytest.mark.parametrize(
    ("begin", "einde", "stap", "melding"),
    [
        (date(2025, 2, 1), date(2025, 1, 1), Stap.MAAND, "ligt voor de begindatum"),
        (date(2025, 1, 1), date(2025, 2, 1), "week", "Onbekende stap"),
    ],
)
def test_ongeldige_keuze(begin, einde, stap, melding):
    with pytest.raises(ValueError, match=melding):
        stappen(begin, einde, stap)


def test_only_the_chosen_soorten():
    azc = Tijdlijnlocatie(
        7, "azc", "Deventer", (Plaatsenperiode(600, 0, date(2020, 1, 1), None, GEREALISEERD, "RO"),)
    )
    lijn = tijdlijn(
        [*_winter(), azc], date(2024, 10, 1), date(2025, 4, 1), Stap.MAAND, soorten={"CNO"}
    )
    assert "azc" not in [r.locatie.naam for r in lijn.rijen]
    assert [c.waarde for c in lijn.totaal] == CRISISNOODOPVANG_PER_MAAND
