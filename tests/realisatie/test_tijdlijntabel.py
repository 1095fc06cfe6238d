"""The timeline table's marks for uncertain figures (an estimate, an unknown capacity),
from a timeline made here."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from django.utils import translation

from gemeenten.boom import Knoop
from realisatie.capaciteit import GEREALISEERD, Plaatsenperiode
from realisatie.dashboard.tijdlijntabel import TABEL, tijdlijnpagina, werkboektabel
from realisatie.exports import werkboek
from realisatie.tijdlijn import Stap, Tijdlijnlocatie, tijdlijn
from realisatie.tijdlijnbeeld import Gebiedstijdlijn


def _periode(plaatsen, geschat=False, soort="CNO"):
    return Plaatsenperiode(
        plaatsen, 0, date(2025, 1, 1), None, GEREALISEERD, soort, geschat=geschat
    )


def _beeld(*locaties) -> Gebiedstijdlijn:
    lijn = tijdlijn(locaties, date(2025, 1, 1), date(2025, 2, 1), Stap.MAAND)
    return Gebiedstijdlijn(
        provincie=SimpleNamespace(naam="Overijssel", code="PV23"),
        gebied=Knoop("provincie", "PV23", "Overijssel", [("provincie", 1)]),
        stap=Stap.MAAND,
        statussen=(GEREALISEERD,),
        soorten=(),
        met_verlenging=False,
        tijdlijn=lijn,
    )


ZEKER = Tijdlijnlocatie(
    1,
    "Sporthal",
    "Deventer",
    (Plaatsenperiode(500, 0, date(2025, 1, 1), None, GEREALISEERD, "CNO"),),
)


def _html(beeld) -> str:
    with translation.override("nl"):
        return str(tijdlijnpagina(beeld)[TABEL].html_rijen())


def test_an_estimate_marks_its_cell_and_the_total():
    beeld = _beeld(ZEKER, Tijdlijnlocatie(2, "Kazerne", "Zwolle", (_periode(100, geschat=True),)))
    html = _html(beeld)
    assert '<span class="geschat" title="schatting">≈ 100</span>' in html
    assert '≈ 600 <span class="bron">(waarvan 100 geschat)</span>' in html


def test_an_unknown_capacity_is_a_dash_and_makes_the_total_incomplete():
    beeld = _beeld(ZEKER, Tijdlijnlocatie(2, "Kazerne", "Zwolle", (_periode(None),)))
    html = _html(beeld)
    assert "niet geregistreerd" in html
    assert "500 <span" in html and "(onvolledig)" in html
    with translation.override("nl"):
        blad = werkboektabel(beeld, tijdlijnpagina(beeld)[TABEL])
    kazerne, totaal = blad.rijen[1], blad.rijen[2]
    assert isinstance(kazerne.cellen[3], werkboek.Onbekend)
    assert totaal.cellen[3] == werkboek.Subtotaal(
        (0, 1), notitie="Niet van elke locatie is de capaciteit bekend.", waarde=500
    )


def test_a_total_of_nothing_known_is_empty_not_a_sum():
    beeld = _beeld(Tijdlijnlocatie(2, "Kazerne", "Zwolle", (_periode(None),)))
    with translation.override("nl"):
        blad = werkboektabel(beeld, tijdlijnpagina(beeld)[TABEL])
    assert isinstance(blad.rijen[-1].cellen[3], werkboek.Onbekend)
