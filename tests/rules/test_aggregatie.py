"""The aggregation rules (`realisatie.aggregatie`) without a database, with the figures
of the source documents."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemeenten.boom import Knoop
from realisatie.aggregatie import (
    Bron,
    Cijfer,
    Herkomst,
    Regel,
    Waarneming,
    afleiden,
    boom_optellen,
    combineer,
    eigen_cijfer,
    percentage_van,
    perioden_optellen,
    rijen_optellen,
    som_van,
    stand_van,
    verschil_van,
)
from tests.rules.bronnen import ASIEL_IJSSELLAND, ASIEL_TWENTE

IJSSELLAND = [plekken for plekken, _ in ASIEL_IJSSELLAND.values()]
TWENTE = [plekken for plekken, _ in ASIEL_TWENTE.values()]
OVERIJSSEL = IJSSELLAND + TWENTE


def gemeenten(waarden: list[int | None]) -> list[Cijfer]:
    return [eigen_cijfer(Waarneming(w)) if w is not None else Cijfer(None) for w in waarden]


# --- Rule 1: one area from the areas below it -------------------------------------


def test_gelderland_asiel_1_januari_2024_uit_het_gebied() -> None:
    # 7.590 was set for the province; the 51 gemeenten have no binding figure.
    uitkomst = combineer(gemeenten([None] * 51), Waarneming(7_590))
    assert (uitkomst.waarde, uitkomst.bron) == (7_590, Bron.GEBIED)


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [(OVERIJSSEL, 6_325), (IJSSELLAND, 3_050), (TWENTE, 3_275)],
)
def test_overijssel_asiel_1_januari_2025_uit_de_gemeenten(waarden, verwacht) -> None:
    uitkomst = combineer(gemeenten(waarden))
    assert (uitkomst.waarde, uitkomst.bron) == (verwacht, Bron.GEMEENTEN)


def test_amv_binnen_de_opgave_overijssel() -> None:
    amv = [geschikt for _, geschikt in (*ASIEL_IJSSELLAND.values(), *ASIEL_TWENTE.values())]
    assert combineer(gemeenten(amv)).waarde == 538


def test_gemeenten_gaan_voor_als_ze_allemaal_bekend_zijn() -> None:
    # Overijssel's 4.081 per 1-1-2024 does not replace the 2025 gemeente figures.
    assert combineer(gemeenten(OVERIJSSEL), Waarneming(4_081)).waarde == 6_325


def test_het_gebied_als_een_gemeente_ontbreekt() -> None:
    zonder_zwolle = [None if p == 717 else p for p in OVERIJSSEL]
    uitkomst = combineer(gemeenten(zonder_zwolle), Waarneming(6_325))
    assert (uitkomst.waarde, uitkomst.bron) == (6_325, Bron.GEBIED)


def test_onvolledig_zonder_gebiedscijfer() -> None:
    zonder_zwolle = [None if p == 717 else p for p in OVERIJSSEL]
    uitkomst = combineer(gemeenten(zonder_zwolle))
    assert (uitkomst.waarde, uitkomst.bron) == (5_608, Bron.ONVOLLEDIG)


def test_een_onvolledig_kind_maakt_het_totaal_onvolledig() -> None:
    twente = combineer(gemeenten([*TWENTE[:-1], None]))
    ijsselland = combineer(gemeenten(IJSSELLAND))
    uitkomst = combineer([ijsselland, twente])
    assert (uitkomst.waarde, uitkomst.bron) == (3_050 + 3_275 - 157, Bron.ONVOLLEDIG)


@pytest.mark.parametrize("waarden", [[None, None], []])
def test_onbekend_is_geen_nul(waarden) -> None:
    assert combineer(gemeenten(waarden)) == Cijfer(None, Bron.ONBEKEND)


def test_nul_is_een_bekend_cijfer() -> None:
    assert combineer(gemeenten([0, 0]), Waarneming(100)).waarde == 0


# The national letter gave Overijssel 2.396 regular places on 1-4-2023; suppose Deventer
# and Zwolle have register figures on 1-1-2025 and the other gemeenten none.
LETTER = Waarneming(2_396, date(2023, 4, 1), Herkomst.INVOER)
REGISTER = [
    Cijfer(400, Bron.GEBIED, date(2025, 1, 1), (Herkomst.REGISTER,)),
    Cijfer(717, Bron.GEBIED, date(2025, 1, 1), (Herkomst.REGISTER,)),
    Cijfer(None),
]


def test_een_ouder_gebiedscijfer_staat_niet_voor_nieuwere_gemeentecijfers() -> None:
    uitkomst = combineer(REGISTER, LETTER)
    assert (uitkomst.waarde, uitkomst.bron) == (1_117, Bron.ONVOLLEDIG)
    assert uitkomst.peildatum == date(2025, 1, 1)
    # The older figure is kept as context, with its own date.
    assert uitkomst.ouder == LETTER


def test_een_gebiedscijfer_van_dezelfde_datum_staat_wel_in() -> None:
    even_oud = Waarneming(2_500, date(2025, 1, 1))
    assert combineer(REGISTER, even_oud).waarde == 2_500


def test_een_gebiedscijfer_zonder_cijfers_eronder_blijft_staan() -> None:
    uitkomst = combineer([Cijfer(None)] * 3, LETTER)
    assert (uitkomst.waarde, uitkomst.peildatum, uitkomst.ouder) == (2_396, date(2023, 4, 1), None)


def test_herkomst_van_een_totaal_noemt_beide_bronnen() -> None:
    invoer = Cijfer(225, Bron.GEBIED, date(2025, 1, 1), (Herkomst.INVOER,))
    uitkomst = combineer([REGISTER[0], invoer])
    assert uitkomst.herkomst == (Herkomst.INVOER, Herkomst.REGISTER)


@pytest.mark.parametrize(
    ("waarde", "bron"),
    [(None, Bron.GEBIED), (5, Bron.ONBEKEND), (5, "geraden")],
)
def test_een_cijfer_weigert_tegenstrijdigheid(waarde, bron) -> None:
    with pytest.raises(ValueError):
        Cijfer(waarde, bron)


# --- Rule 2: derived columns --------------------------------------------------------

OEKRAINE = verschil_van("verschil", "realisatie", "opgave")


@pytest.mark.parametrize(
    ("realisatie", "opgave", "verschil"),
    [(11_083, 12_284, -1_201), (4_436, 5_045, -609), (10_238, 7_590, 2_648)],
)
def test_verschil_is_realisatie_min_opgave(realisatie, opgave, verschil) -> None:
    waarden = {
        "realisatie": Cijfer(realisatie, Bron.GEMEENTEN),
        "opgave": Cijfer(opgave, Bron.GEBIED),
    }
    uitkomst = afleiden(waarden, OEKRAINE)
    assert uitkomst.waarde == verschil
    assert uitkomst.bron == Bron.GEBIED


def test_een_onbekende_invoer_geeft_een_onbekend_verschil() -> None:
    waarden = {"realisatie": Cijfer(None), "opgave": Cijfer(12_284, Bron.GEBIED)}
    assert afleiden(waarden, OEKRAINE).waarde is None


def _boom() -> Knoop:
    deventer = Knoop("gemeente", "GM0150", "Deventer", [("gemeente", 1)])
    zwolle = Knoop("gemeente", "GM0193", "Zwolle", [("gemeente", 2)])
    ijsselland = Knoop(
        "subregio", "ijsselland", "IJsselland", [("subregio", 1)], [deventer, zwolle]
    )
    wortel = Knoop("provincie", "PV23", "Overijssel", [("provincie", 1)], [ijsselland])
    for diepte, knoop in ((0, wortel), (1, ijsselland), (2, deventer), (2, zwolle)):
        knoop.diepte = diepte
    return wortel


STATUSHOUDERS = (
    stand_van("stand", "te_realiseren", "gehuisvest"),
    percentage_van("percentage", "gehuisvest", "te_realiseren"),
)


def test_stand_uit_de_eigen_totalen_van_elke_rij() -> None:
    # Deventer must house 95 in 2024-I (108 − 13 voorsprong), Zwolle 188; suppose 47
    # and 200 housed. Zwolle is ahead, Deventer still has 48 to house; the subregio's
    # stand is its own 283 − 247, not a sum of the gemeenten' (clipped) stands.
    reeksen = {
        "te_realiseren": {("gemeente", 1): Waarneming(95), ("gemeente", 2): Waarneming(188)},
        "gehuisvest": {("gemeente", 1): Waarneming(47), ("gemeente", 2): Waarneming(200)},
    }
    regels = {r.knoop.code: r for r in boom_optellen(_boom(), reeksen, STATUSHOUDERS)}
    assert regels["GM0150"].waarde("stand") == 48
    assert regels["GM0193"].waarde("stand") == -12
    assert regels["ijsselland"].waarde("stand") == 283 - 247
    assert regels["PV23"].waarde("percentage") == 87  # 247 / 283 = 87,3%


def test_nederland_draagt_hetzelfde_teken_als_de_provincies() -> None:
    # Provinces with still 499 and 20 to house: Nederland 519 to house, positive like
    # them (the sign is the same derivation, not a second subtraction).
    provincies = []
    for code, te_realiseren, gehuisvest in (("PV23", 1_693, 1_194), ("PV25", 3_039, 3_019)):
        knoop = Knoop("provincie", code, code, [("provincie", 1)])
        regel = Regel(knoop)
        regel.waarden["te_realiseren"] = Cijfer(te_realiseren, Bron.GEMEENTEN)
        regel.waarden["gehuisvest"] = Cijfer(gehuisvest, Bron.GEMEENTEN)
        for afleiding in STATUSHOUDERS:
            regel.waarden[afleiding.sleutel] = afleiden(regel.waarden, afleiding)
        provincies.append(regel)
    land = rijen_optellen(
        Knoop("NL", "NL", "Nederland", []),
        provincies,
        ["te_realiseren", "gehuisvest"],
        STATUSHOUDERS,
    )
    assert [r.waarde("stand") for r in provincies] == [499, 20]
    assert land.waarde("stand") == 519


def test_effectieve_opgave_is_opgave_plus_uitruil() -> None:
    waarden = {"opgave": Cijfer(529, Bron.GEBIED), "uitruil": Cijfer(200, Bron.GEBIED)}
    effectief = afleiden(waarden, som_van("opgave_effectief", "opgave", "uitruil"))
    assert effectief.waarde == 729


# --- Rule 3: over time --------------------------------------------------------------


def test_gehuisvest_over_de_maanden_van_een_halfjaar() -> None:
    deventer = ("gemeente", 1)
    uitkomst = perioden_optellen(
        [
            (deventer, Waarneming(20, date(2024, 1, 31))),
            (deventer, Waarneming(15, date(2024, 2, 29))),
            (deventer, Waarneming(0, date(2024, 3, 31))),
        ]
    )
    assert uitkomst[deventer].waarde == 35
    assert uitkomst[deventer].peildatum == date(2024, 3, 31)


_periode = st.builds(
    Waarneming,
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.none(), st.dates(date(2023, 1, 1), date(2026, 12, 31))),
    st.sampled_from(["", Herkomst.INVOER, Herkomst.REGISTER, Herkomst.BESLUIT]),
    st.integers(min_value=0, max_value=50),
    st.booleans(),
)


@given(st.lists(st.tuples(st.sampled_from([("gemeente", 1), ("gemeente", 2)]), _periode)))
def test_periods_add_up_by_rule_1(waarnemingen) -> None:
    """The one-pass sum over periods is rule 1 (`combineer`) over each area's periods."""
    uitkomst = perioden_optellen(waarnemingen)
    for sleutel in {s for s, _ in waarnemingen}:
        som = combineer([eigen_cijfer(w) for s, w in waarnemingen if s == sleutel])
        verwacht = Waarneming(som.waarde, som.peildatum, ",".join(som.herkomst))
        assert uitkomst[sleutel] == verwacht
    assert set(uitkomst) == {s for s, _ in waarnemingen}


def test_a_period_without_a_figure_is_refused() -> None:
    with pytest.raises(ValueError):
        perioden_optellen([(("gemeente", 1), Waarneming(None))])
