"""The trend shows a vastgestelde peildatum as its record has it: the same point as the
dashboard of that date, also after a change that moves the live figures."""

from __future__ import annotations

import pytest

from realisatie.trend import trend
from tests.vaststellingen.conftest import VASTGESTELD
from tests.vaststellingen.test_onveranderlijk import via_maand_na_peildatum, via_opgavebesluit
from vaststellingen.selectors import vastgelegde_trend

pytestmark = pytest.mark.django_db
GEBIEDEN = (None, "VR06", "GM0200")  # Gelderland, a veiligheidsregio, Apeldoorn


def punt(reeksen, soort: str):
    reeks = next(r for r in reeksen if r.soort == soort)
    return next(p for p in reeks.punten if p.datum == VASTGESTELD)


def test_unchanged_the_record_gives_the_live_trend(vastgesteld, gelderland):
    vastgelegd = vastgelegde_trend(gelderland)
    assert set(vastgelegd) == {VASTGESTELD}
    for code in GEBIEDEN:
        assert trend(gelderland, code, vastgelegd) == trend(gelderland, code), code
    asiel = punt(trend(gelderland, None, vastgelegd)[1], "asiel")
    assert (asiel.opgave, asiel.realisatie) == (7_590, 9_274)  # Provinciaal plan 2024


@pytest.mark.parametrize(
    "wijziging", [via_opgavebesluit, via_maand_na_peildatum], ids=lambda f: f.__name__
)
def test_a_later_change_does_not_move_a_fixed_point(
    wijziging, vastgesteld, gelderland, secretaris_gelderland, client, lezer
):
    voor = {code: trend(gelderland, code, vastgelegde_trend(gelderland)) for code in GEBIEDEN}
    wijziging(gelderland, secretaris_gelderland, client)
    for code in GEBIEDEN:
        na = trend(gelderland, code, vastgelegde_trend(gelderland))
        for soort in ("asiel", "oekraine", "statushouders"):
            assert punt(na[1], soort) == punt(voor[code][1], soort), (code, soort)
    if wijziging is via_opgavebesluit:  # Apeldoorn's opgave 1.000: the live point moves
        live = punt(trend(gelderland, "GM0200")[1], "asiel")
        assert live.opgave == 1_000 != punt(voor["GM0200"][1], "asiel").opgave
        # The page says what the record says: Apeldoorn had no opgave of its own then.
        for url in (
            "/provincies/PV25/trend/?gebied=GM0200&_export=csv&tabel=asiel",
            "/gemeenten/GM0200/?_export=csv&tabel=trend-asiel",
        ):
            regels = lezer.get(url).content.decode().splitlines()
            regel = next(r for r in regels if r.startswith("1-1-2024"))
            assert "1000" not in regel, url
    pagina = lezer.get("/provincies/PV25/trend/").content.decode()
    assert "7.590" in pagina  # the fixed opgave of 1-1-2024, as on its dashboard
