from __future__ import annotations

from datetime import date

import pytest

from opgaven.uitruil import Uitruil, effectieve_opgave

# Deventer's asiel opgave per 1-1-2025 is 529 (Overijssel werkplan 2024). The
# neighbour across the provincial border and its opgave are illustrative.
DEVENTER = "Deventer"
BUUR = "Gelderse buurgemeente"
OPGAVE = {DEVENTER: 529, BUUR: 250, "Zwolle": 717}

# The neighbour hands 200 places of its opgave to Deventer, whose azc leans on the
# neighbour's facilities, for two years.
TWEE_JAAR = Uitruil(BUUR, DEVENTER, 200, date(2025, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("datum", "deventer", "buur"),
    [
        (date(2024, 12, 31), 529, 250),  # not started
        (date(2025, 1, 1), 729, 50),  # first day counts
        (date(2026, 12, 31), 729, 50),  # last day counts
        (date(2027, 1, 1), 529, 250),  # expired: no longer counts
    ],
)
def test_uitruil_over_de_provinciegrens(datum: date, deventer: int, buur: int) -> None:
    assert effectieve_opgave(OPGAVE[DEVENTER], DEVENTER, [TWEE_JAAR], datum) == deventer
    assert effectieve_opgave(OPGAVE[BUUR], BUUR, [TWEE_JAAR], datum) == buur


def test_uitruil_raakt_andere_gemeenten_niet() -> None:
    assert effectieve_opgave(717, "Zwolle", [TWEE_JAAR], date(2025, 6, 1)) == 717


def test_zonder_einddatum_blijft_de_uitruil_gelden() -> None:
    open_einde = Uitruil(BUUR, DEVENTER, 200, date(2025, 1, 1), None)
    assert effectieve_opgave(529, DEVENTER, [open_einde], date(2040, 1, 1)) == 729


def test_meerdere_uitruilen_tellen_op() -> None:
    uitruilen = [
        TWEE_JAAR,
        Uitruil(DEVENTER, "Olst-Wijhe", 30, date(2025, 1, 1), None),
        Uitruil("Raalte", DEVENTER, 20, date(2025, 7, 1), date(2025, 12, 31)),
    ]
    assert effectieve_opgave(529, DEVENTER, uitruilen, date(2025, 3, 1)) == 699
    assert effectieve_opgave(529, DEVENTER, uitruilen, date(2025, 7, 1)) == 719
    assert effectieve_opgave(112, "Olst-Wijhe", uitruilen, date(2025, 7, 1)) == 142


def test_negatieve_effectieve_opgave_geweigerd() -> None:
    with pytest.raises(ValueError, match="effectieve opgave van Gelderse buurgemeente op 1-1-2025"):
        effectieve_opgave(150, BUUR, [TWEE_JAAR], date(2025, 1, 1))


def test_uitruil_naar_zichzelf_geweigerd() -> None:
    with pytest.raises(ValueError, match="kan niet met zichzelf uitruilen"):
        Uitruil(DEVENTER, DEVENTER, 200, date(2025, 1, 1), None)


@pytest.mark.parametrize("plaatsen", [0, -200])
def test_aantal_plaatsen_positief(plaatsen: int) -> None:
    with pytest.raises(ValueError, match="positief aantal plaatsen"):
        Uitruil(BUUR, DEVENTER, plaatsen, date(2025, 1, 1), None)


def test_einde_voor_begin_geweigerd() -> None:
    with pytest.raises(ValueError, match="einddatum 31-12-2024 ligt voor de begindatum 1-1-2025"):
        Uitruil(BUUR, DEVENTER, 200, date(2025, 1, 1), date(2024, 12, 31))


def test_saldo_van_beide_kanten() -> None:
    from opgaven.uitruil import saldo

    assert saldo(DEVENTER, [TWEE_JAAR], date(2025, 6, 1)) == 200
    assert saldo(BUUR, [TWEE_JAAR], date(2025, 6, 1)) == -200
    assert saldo("Zwolle", [TWEE_JAAR], date(2025, 6, 1)) == 0
