from __future__ import annotations

from datetime import date

import pytest

from realisatie.capaciteit import (
    GEPLAND,
    GEREALISEERD,
    STATUSSEN,
    VOORGENOMEN,
    Kwartaal,
    Plaatsenperiode,
    actief_op,
    amv_op,
    capaciteit_op,
    capaciteit_per_kwartaal,
    capaciteit_per_maand,
    capaciteit_per_soort_op,
    capaciteit_per_status_op,
    eerste_tekort,
    kwartalen,
    maanden,
)

G, P, V = GEREALISEERD, GEPLAND, VOORGENOMEN

AZC = Plaatsenperiode(600, 40, date(2020, 3, 1), None, G, "RO")
NOODOPVANG = Plaatsenperiode(300, 0, date(2023, 6, 1), date(2024, 3, 31), G, "NO")
TGO = Plaatsenperiode(200, 0, date(2024, 1, 1), date(2024, 9, 30), G, "TGO")
UITBREIDING = Plaatsenperiode(600, 60, date(2026, 1, 1), None, P, "RO")
VOORNEMEN = Plaatsenperiode(150, 0, date(2025, 7, 1), None, V, "RO")
LOCATIES = [AZC, NOODOPVANG, TGO, UITBREIDING, VOORNEMEN]


def _per_status(gerealiseerd: int, gepland: int = 0, voorgenomen: int = 0) -> dict[str, int]:
    return {G: gerealiseerd, P: gepland, V: voorgenomen}


@pytest.mark.parametrize(
    ("periode", "datum", "actief"),
    [
        (NOODOPVANG, date(2023, 5, 31), False),
        (NOODOPVANG, date(2023, 6, 1), True),
        (NOODOPVANG, date(2024, 3, 31), True),  # the last day counts
        (NOODOPVANG, date(2024, 4, 1), False),
        (AZC, date(2099, 1, 1), True),  # open-ended
        (AZC, date(2020, 2, 29), False),
    ],
)
def test_actief_op(periode: Plaatsenperiode, datum: date, actief: bool) -> None:
    assert actief_op(periode, datum) is actief


@pytest.mark.parametrize(
    ("datum", "totaal", "gerealiseerd", "amv"),
    [
        (date(2023, 5, 31), 600, 600, 40),
        (date(2023, 6, 1), 900, 900, 40),
        (date(2024, 1, 1), 1_100, 1_100, 40),
        (date(2024, 3, 31), 1_100, 1_100, 40),
        (date(2024, 4, 1), 800, 800, 40),
        (date(2024, 9, 30), 800, 800, 40),
        (date(2024, 10, 1), 600, 600, 40),
        (date(2025, 6, 30), 600, 600, 40),
        (date(2025, 7, 1), 750, 600, 40),
        (date(2025, 12, 31), 750, 600, 40),
        (date(2026, 1, 1), 1_350, 600, 100),
    ],
)
def test_capaciteit_op(datum: date, totaal: int, gerealiseerd: int, amv: int) -> None:
    assert capaciteit_op(LOCATIES, datum) == totaal
    assert capaciteit_op(LOCATIES, datum, statussen=[G]) == gerealiseerd
    assert amv_op(LOCATIES, datum) == amv


def test_amv_alleen_van_gekozen_statussen() -> None:
    assert amv_op(LOCATIES, date(2026, 1, 1), statussen=[G]) == 40


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [
        (date(2019, 12, 31), _per_status(0)),  # every status present, also when 0
        (date(2024, 1, 1), _per_status(1_100)),
        (date(2025, 7, 1), _per_status(600, voorgenomen=150)),
        (date(2026, 1, 1), _per_status(600, 600, 150)),
    ],
)
def test_capaciteit_per_status_op(datum: date, verwacht: dict[str, int]) -> None:
    assert capaciteit_per_status_op(LOCATIES, datum) == verwacht


@pytest.mark.parametrize(
    ("datum", "statussen", "verwacht"),
    [
        (date(2024, 1, 1), STATUSSEN, {"NO": 300, "RO": 600, "TGO": 200}),
        (date(2024, 4, 1), STATUSSEN, {"RO": 600, "TGO": 200}),
        (date(2026, 1, 1), STATUSSEN, {"RO": 1_350}),
        (date(2026, 1, 1), (G,), {"RO": 600}),
        (date(2019, 1, 1), STATUSSEN, {}),
    ],
)
def test_capaciteit_per_soort_op(
    datum: date, statussen: tuple[str, ...], verwacht: dict[str, int]
) -> None:
    per_soort = capaciteit_per_soort_op(LOCATIES, datum, statussen=statussen)
    assert per_soort == verwacht
    assert list(per_soort) == sorted(verwacht)


def test_meerjarenplanning_per_kwartaal_2024_2026() -> None:
    reeks = capaciteit_per_kwartaal(LOCATIES, Kwartaal(2024, 1), Kwartaal(2026, 4))
    assert [(str(k), tuple(s.values())) for k, s in reeks] == [
        ("Q1 2024", (1_100, 0, 0)),
        ("Q2 2024", (800, 0, 0)),
        ("Q3 2024", (800, 0, 0)),
        ("Q4 2024", (600, 0, 0)),
        ("Q1 2025", (600, 0, 0)),
        ("Q2 2025", (600, 0, 0)),
        ("Q3 2025", (600, 0, 150)),
        ("Q4 2025", (600, 0, 150)),
        ("Q1 2026", (600, 600, 150)),
        ("Q2 2026", (600, 600, 150)),
        ("Q3 2026", (600, 600, 150)),
        ("Q4 2026", (600, 600, 150)),
    ]
    assert list(reeks[0][1]) == [G, P, V]


def test_kwartaal_gemeten_op_de_eerste_dag() -> None:
    # An opgave "per 1 januari 2025" is compared with Q1 2025, measured on 1-1-2025: a
    # TGO that closes on 31-12-2024 no longer counts, one that opens on 2-1-2025 not yet.
    tot_eind_2024 = Plaatsenperiode(200, 0, date(2024, 1, 1), date(2024, 12, 31), G, "TGO")
    vanaf_2_januari = Plaatsenperiode(300, 0, date(2025, 1, 2), None, P, "NO")
    reeks = capaciteit_per_kwartaal(
        [AZC, tot_eind_2024, vanaf_2_januari], Kwartaal(2024, 4), Kwartaal(2025, 2)
    )
    assert reeks == [
        (Kwartaal(2024, 4), _per_status(800)),
        (Kwartaal(2025, 1), _per_status(600)),
        (Kwartaal(2025, 2), _per_status(600, 300)),
    ]


def test_per_kwartaal_accepteert_een_generator() -> None:
    reeks = capaciteit_per_kwartaal(iter(LOCATIES), Kwartaal(2024, 1), Kwartaal(2024, 2))
    assert [s[G] for _, s in reeks] == [1_100, 800]


def test_tijdlijn_per_maand() -> None:
    reeks = capaciteit_per_maand(LOCATIES, date(2024, 3, 1), date(2024, 10, 1))
    assert [(m.month, s[G]) for m, s in reeks] == [
        (3, 1_100),
        (4, 800),
        (5, 800),
        (6, 800),
        (7, 800),
        (8, 800),
        (9, 800),
        (10, 600),
    ]


def test_tijdlijn_gemeten_op_de_eerste_van_de_maand() -> None:
    tot_half_mei = Plaatsenperiode(200, 0, date(2024, 3, 10), date(2024, 5, 15), G, "TGO")
    reeks = capaciteit_per_maand([tot_half_mei], date(2024, 3, 1), date(2024, 6, 1))
    assert [(m.month, s[G]) for m, s in reeks] == [(3, 0), (4, 200), (5, 200), (6, 0)]


@pytest.mark.parametrize(
    ("opgave", "eerste", "statussen", "verwacht"),
    [
        (800, Kwartaal(2024, 1), (G, P), Kwartaal(2024, 4)),  # 800 is not below 800
        (1_100, Kwartaal(2024, 1), (G, P), Kwartaal(2024, 2)),
        (1_200, Kwartaal(2024, 1), (G, P), Kwartaal(2024, 1)),  # short from the start
        (600, Kwartaal(2024, 1), (G, P), None),
        (750, Kwartaal(2025, 3), (G, P), Kwartaal(2025, 3)),
        (750, Kwartaal(2025, 3), (G, P, V), None),  # only the voornemen covers it
        (1_200, Kwartaal(2026, 1), (G, P), None),
        (1_200, Kwartaal(2026, 1), (G,), Kwartaal(2026, 1)),
    ],
)
def test_eerste_tekort(
    opgave: int, eerste: Kwartaal, statussen: tuple[str, ...], verwacht: Kwartaal | None
) -> None:
    reeks = capaciteit_per_kwartaal(LOCATIES, eerste, Kwartaal(2026, 4))
    assert eerste_tekort(reeks, opgave, statussen) == verwacht


def test_eerste_tekort_telt_standaard_gerealiseerd_en_gepland() -> None:
    reeks = capaciteit_per_kwartaal(LOCATIES, Kwartaal(2025, 3), Kwartaal(2026, 4))
    assert eerste_tekort(reeks, 750) == Kwartaal(2025, 3)


def test_eerste_tekort_weigert_onbekende_status() -> None:
    reeks = capaciteit_per_kwartaal(LOCATIES, Kwartaal(2024, 1), Kwartaal(2024, 4))
    with pytest.raises(ValueError, match="Onbekende status 'klaar'"):
        eerste_tekort(reeks, 800, ("klaar",))


def test_status_is_een_gewone_string() -> None:
    assert STATUSSEN == ("gerealiseerd", "gepland", "voorgenomen")
    assert all(type(s) is str for s in STATUSSEN)


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        ((-1, 0, date(2024, 1, 1), None, G, "RO"), "aantal plaatsen kan niet negatief"),
        ((100, 101, date(2024, 1, 1), None, G, "RO"), "amv telt mee in het totaal"),
        ((100, -1, date(2024, 1, 1), None, G, "RO"), "amv telt mee in het totaal"),
        (
            (100, 0, date(2024, 1, 1), date(2023, 12, 31), G, "NO"),
            "einddatum 31-12-2023 ligt voor de begindatum 1-1-2024",
        ),
        ((100, 0, date(2024, 1, 1), None, "Gerealiseerd", "RO"), "Onbekende status"),
    ],
)
def test_capaciteitsperiode_weigert_onzin(argumenten: tuple, melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        Plaatsenperiode(*argumenten)


def test_periode_van_een_dag() -> None:
    dag = Plaatsenperiode(50, 0, date(2024, 5, 1), date(2024, 5, 1), G, "CNO")
    assert capaciteit_op([dag], date(2024, 5, 1)) == 50
    assert capaciteit_op([dag], date(2024, 5, 2)) == 0


@pytest.mark.parametrize(
    ("tekst", "kwartaal", "weergave", "begin", "einde"),
    [
        ("2024-Q1", Kwartaal(2024, 1), "Q1 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-Q2", Kwartaal(2024, 2), "Q2 2024", date(2024, 4, 1), date(2024, 6, 30)),
        ("2024-Q3", Kwartaal(2024, 3), "Q3 2024", date(2024, 7, 1), date(2024, 9, 30)),
        ("2025-Q4", Kwartaal(2025, 4), "Q4 2025", date(2025, 10, 1), date(2025, 12, 31)),
    ],
)
def test_kwartaal(tekst: str, kwartaal: Kwartaal, weergave: str, begin: date, einde: date) -> None:
    assert Kwartaal.parse(tekst) == kwartaal
    assert str(kwartaal) == weergave
    assert kwartaal.begin == begin
    assert kwartaal.einde == einde


def test_kwartaal_volgende_en_volgorde() -> None:
    assert Kwartaal(2024, 4).volgende() == Kwartaal(2025, 1)
    assert Kwartaal(2024, 2).volgende() == Kwartaal(2024, 3)
    assert Kwartaal(2024, 4) < Kwartaal(2025, 1) < Kwartaal(2025, 2)


@pytest.mark.parametrize("tekst", ["Q1 2024", "2024-Q5", "2024-Q0", "2024Q1", "2024-q1", ""])
def test_kwartaal_parse_weigert(tekst: str) -> None:
    with pytest.raises(ValueError, match="Onbekend kwartaal"):
        Kwartaal.parse(tekst)


@pytest.mark.parametrize("nummer", [0, 5])
def test_kwartaalnummer_1_tot_en_met_4(nummer: int) -> None:
    with pytest.raises(ValueError, match="nummer 1 tot en met 4"):
        Kwartaal(2024, nummer)


def test_kwartalen() -> None:
    reeks = kwartalen(Kwartaal(2024, 1), Kwartaal(2026, 4))
    assert len(reeks) == 12
    assert reeks[0] == Kwartaal(2024, 1)
    assert reeks[4] == Kwartaal(2025, 1)
    assert reeks[-1] == Kwartaal(2026, 4)
    assert kwartalen(Kwartaal(2025, 3), Kwartaal(2025, 3)) == [Kwartaal(2025, 3)]


def test_kwartalen_weigert_omgekeerde_volgorde() -> None:
    with pytest.raises(ValueError, match=r"laatste kwartaal \(Q4 2024\) ligt voor het eerste"):
        kwartalen(Kwartaal(2025, 1), Kwartaal(2024, 4))


@pytest.mark.parametrize(
    ("van", "tot_en_met", "verwacht"),
    [
        (date(2024, 1, 1), date(2024, 3, 31), [date(2024, m, 1) for m in (1, 2, 3)]),
        (date(2024, 1, 15), date(2024, 3, 1), [date(2024, 2, 1), date(2024, 3, 1)]),
        (
            date(2024, 11, 1),
            date(2025, 1, 1),
            [date(2024, 11, 1), date(2024, 12, 1), date(2025, 1, 1)],
        ),
        (date(2024, 1, 2), date(2024, 1, 31), []),
    ],
)
def test_maanden(van: date, tot_en_met: date, verwacht: list[date]) -> None:
    assert maanden(van, tot_en_met) == verwacht


def test_maanden_weigert_omgekeerde_volgorde() -> None:
    with pytest.raises(ValueError, match="einddatum 1-1-2024 ligt voor de begindatum 1-2-2024"):
        maanden(date(2024, 2, 1), date(2024, 1, 1))
