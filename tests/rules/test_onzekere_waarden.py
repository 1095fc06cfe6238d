"""The uncertain forms of a location list, read without a database."""

from __future__ import annotations

import datetime

import pytest

from realisatie.onzekere_waarden import (
    Einde,
    OnleesbareWaarde,
    Plaatsen,
    einde_lezen,
    plaatsen_lezen,
)

D = datetime.date


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        (250, Plaatsen(250)),
        ("1.200", Plaatsen(1_200)),
        ("100?", Plaatsen(100, geschat=True)),
        ("ca. 80", Plaatsen(80, geschat=True)),
        ("pm", Plaatsen(None, pm=True)),
        ("?", Plaatsen(None)),
        (None, Plaatsen(None)),
        ("onbekend", Plaatsen(None)),
        (0, Plaatsen(0)),  # a known 0 stays 0
    ],
)
def test_places(cel, verwacht):
    assert plaatsen_lezen(cel) == verwacht


@pytest.mark.parametrize("cel", ["veel", "12,5", -3, "100??"])
def test_places_not_readable(cel):
    with pytest.raises(OnleesbareWaarde):
        plaatsen_lezen(cel)


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        ("tot 1-7-2025, verlengbaar tot 1-7-2027", Einde(D(2025, 7, 1), D(2027, 7, 1))),
        ("1-7-2025", Einde(D(2025, 7, 1))),
        (D(2025, 3, 31), Einde(D(2025, 3, 31))),
        (datetime.datetime(2025, 3, 31), Einde(D(2025, 3, 31))),
        ("", Einde()),
        (None, Einde()),
        ("onbepaald", Einde()),
        ("beschikbaar tot?", Einde(onbekend=True)),
        ("onbekend", Einde(onbekend=True)),
    ],
)
def test_end(cel, verwacht):
    assert einde_lezen(cel) == verwacht


@pytest.mark.parametrize(
    "cel", ["volgend jaar", "tot 1-7-2027, verlengbaar tot 1-7-2025", "31-2-2025"]
)
def test_end_not_readable(cel):
    with pytest.raises(OnleesbareWaarde):
        einde_lezen(cel)
