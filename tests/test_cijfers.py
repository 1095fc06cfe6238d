"""Dutch formatting of figures (realisatie/templatetags/cijfers.py): no database.

Unknown is never shown as 0, and 0 is a figure, not unknown.
"""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from gemeenten.boom import Knoop
from gemeenten.models import Niveau
from realisatie.aggregatie import Bron, Cijfer, Herkomst, Regel, Tekenregel, Waarneming
from realisatie.overzicht import Kolom
from realisatie.templatetags.cijfers import (
    aantal,
    cijfer,
    datum_kort,
    datum_lang,
    een_taal,
    herkomst_in_woorden,
    procent,
)


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (9274, "9.274"),
        (-1201, "-1.201"),
        (0, "0"),
        (999, "999"),
        (77_100, "77.100"),
        (1_000_000, "1.000.000"),
        (None, "—"),
    ],
)
def test_aantal(waarde, tekst):
    assert aantal(waarde) == tekst


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [(43, "43%"), (0, "0%"), (-8, "-8%"), (1_234, "1.234%"), (None, "—")],
)
def test_procent(waarde, tekst):
    assert procent(waarde) == tekst


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        (datetime.date(2024, 1, 8), "8-1-2024"),
        (datetime.date(2024, 1, 1), "1-1-2024"),
        (datetime.date(2023, 12, 31), "31-12-2023"),
        (None, ""),
    ],
)
def test_datum_kort(datum, tekst):
    assert datum_kort(datum) == tekst


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        (datetime.date(2024, 1, 1), "1 januari 2024"),
        (datetime.date(2024, 3, 31), "31 maart 2024"),
        (datetime.date(2024, 9, 1), "1 september 2024"),
        (datetime.date(2023, 12, 31), "31 december 2023"),
        (None, ""),
    ],
)
def test_datum_lang(datum, tekst):
    assert datum_lang(datum) == tekst


def test_filters_in_een_template():
    template = Template(
        "{% load cijfers %}{{ n|aantal }} {{ p|procent }} {{ d|datum_kort }} {{ d|datum_lang }}"
    )

    uit = template.render(Context({"n": 9274, "p": 43, "d": datetime.date(2024, 1, 1)}))

    assert uit == "9.274 43% 1-1-2024 1 januari 2024"


# --- The `cijfer` tag --------------------------------------------------------------------

OPGAVE = Kolom("opgave", "Opgave")
PERCENTAGE = Kolom("percentage", "%", percentage=True)


def gemeente_knoop(naam: str = "Deventer") -> Knoop:
    return Knoop(Niveau.GEMEENTE, "GM0150", naam, [(Niveau.GEMEENTE, 1)])


def provincie_knoop() -> Knoop:
    """A province row with children (Gelderland's 7.590 was set for the province)."""
    return Knoop(
        Niveau.PROVINCIE,
        "PV25",
        "Gelderland",
        [(Niveau.PROVINCIE, 1)],
        kinderen=[gemeente_knoop("Arnhem"), gemeente_knoop("Ede")],
    )


def regel(knoop: Knoop, **waarden: Cijfer) -> Regel:
    return Regel(knoop, dict(waarden))


def test_cijfer_onbekend_is_niet_geregistreerd():
    for waarden in ({}, {"opgave": Cijfer(None, Bron.ONBEKEND)}):
        uit = cijfer(regel(gemeente_knoop(), **waarden), OPGAVE)

        assert "niet geregistreerd" in uit
        assert 'class="onbekend"' in uit
        assert "0" not in uit


def test_cijfer_nul_is_een_cijfer():
    uit = cijfer(regel(gemeente_knoop(), opgave=Cijfer(0, Bron.GEBIED)), OPGAVE)

    assert uit == '<span class="">0</span>'


def test_cijfer_gewoon():
    uit = cijfer(regel(provincie_knoop(), opgave=Cijfer(6_325, Bron.GEMEENTEN)), OPGAVE)

    assert uit == '<span class="">6.325</span>'


def test_cijfer_onvolledig():
    uit = cijfer(regel(provincie_knoop(), opgave=Cijfer(1_234, Bron.ONVOLLEDIG)), OPGAVE)

    assert uit.startswith('<span class="">1.234</span> ')
    assert "(onvolledig)" in uit
    assert "*" not in uit


def test_cijfer_voor_het_gebied_als_geheel_krijgt_een_ster():
    gebied = Cijfer(7_590, Bron.GEBIED)

    met_kinderen = cijfer(regel(provincie_knoop(), opgave=gebied), OPGAVE)
    zonder_kinderen = cijfer(regel(gemeente_knoop(), opgave=gebied), OPGAVE)

    assert met_kinderen.startswith('<span class="">7.590</span> ')
    assert '<span class="bron"' in met_kinderen
    assert ">*</span>" in met_kinderen
    # A gemeente's own figure is simply its figure: no marker.
    assert zonder_kinderen == '<span class="">7.590</span>'


VERSCHIL = Kolom("verschil", "Verschil", teken=Tekenregel.VERSCHIL)
STAND = Kolom("stand", "Stand", teken=Tekenregel.STAND)
STAND_BEGIN = Kolom("stand_begin", "Voor/achterstand", teken=Tekenregel.ACHTERSTAND)


def test_cijfer_negatief_zonder_tekenregel():
    uit = cijfer(
        regel(provincie_knoop(), verschil=Cijfer(-1_201, Bron.GEMEENTEN)),
        Kolom("verschil", "Verschil"),
    )

    assert uit == '<span class="negatief">-1.201</span>'


@pytest.mark.parametrize(
    ("kolom", "waarde", "tekst"),
    [
        (VERSCHIL, -1_201, "tekort 1.201"),  # Gelderland Oekraïne 8-1-2024
        (VERSCHIL, 2_648, "overschot 2.648"),  # Gelderland planned asiel Q1 2024
        (VERSCHIL, 0, "0"),
        (STAND, 499, "nog te huisvesten 499"),
        (STAND, -13, "voorsprong 13"),
        (STAND_BEGIN, 519, "achterstand 519"),  # Gelderland at the start of 2023-II
        (STAND_BEGIN, -316, "voorsprong 316"),  # and of 2023-I
    ],
)
def test_het_teken_in_woorden(kolom, waarde, tekst):
    uit = cijfer(regel(provincie_knoop(), **{kolom.sleutel: Cijfer(waarde, Bron.GEMEENTEN)}), kolom)

    assert f">{tekst}</span>" in uit


def test_cijfer_negatief_en_onvolledig():
    uit = cijfer(regel(provincie_knoop(), verschil=Cijfer(-609, Bron.ONVOLLEDIG)), VERSCHIL)

    assert uit.startswith('<span class="negatief">tekort 609</span> ')
    assert "(onvolledig)" in uit


def test_cijfer_noemt_bron_en_peildatum():
    uit = cijfer(
        regel(
            gemeente_knoop(),
            realisatie=Cijfer(400, Bron.GEBIED, datetime.date(2025, 1, 1), (Herkomst.REGISTER,)),
        ),
        Kolom("realisatie", "Realisatie"),
    )

    assert 'title="bron: locatieregister; peildatum 1-1-2025"' in uit


def test_cijfer_met_een_ouder_gebiedscijfer_ernaast():
    ouder = Waarneming(2_396, datetime.date(2023, 4, 1))
    uit = cijfer(
        regel(provincie_knoop(), realisatie=Cijfer(400, Bron.ONVOLLEDIG, ouder=ouder)),
        Kolom("realisatie", "Realisatie"),
    )

    assert "(onvolledig)" in uit
    assert "eerder cijfer voor het gebied als geheel: 2.396 op 1-4-2023" in uit


def test_cijfer_percentage():
    uit = cijfer(regel(gemeente_knoop(), percentage=Cijfer(43, Bron.GEMEENTEN)), PERCENTAGE)

    assert uit == '<span class="">43%</span>'


def test_cijfer_kiest_de_waarde_van_de_kolom():
    rij = regel(
        gemeente_knoop(),
        opgave=Cijfer(529, Bron.GEBIED),
        realisatie=Cijfer(None, Bron.ONBEKEND),
    )

    assert cijfer(rij, OPGAVE) == '<span class="">529</span>'
    assert "niet geregistreerd" in cijfer(rij, Kolom("realisatie", "Realisatie"))


def test_cijfer_in_een_template_wordt_niet_ge_escaped():
    template = Template("{% load cijfers %}{% cijfer regel kolom %}")
    rij = regel(provincie_knoop(), opgave=Cijfer(7_590, Bron.GEBIED))

    uit = template.render(Context({"regel": rij, "kolom": OPGAVE}))

    assert uit.startswith('<span class="">7.590</span> <span class="bron"')
    assert "&lt;" not in uit


def test_een_tabel_leest_de_taal_eenmaal_en_laat_hem_daarna_los():
    """Within `een_taal` (a table writing its cells) the cells use the language active
    when the table began; outside it every cell reads the active language again."""
    tekort = regel(provincie_knoop(), verschil=Cijfer(-1_201, Bron.GEMEENTEN))
    bron = regel(gemeente_knoop(), realisatie=Cijfer(400, Bron.GEBIED, None, (Herkomst.INVOER,)))

    with translation.override("en"), een_taal():
        engels = cijfer(tekort, VERSCHIL)
        engelse_bron = herkomst_in_woorden(bron.cijfer("realisatie"))
    with translation.override("nl"):
        nederlands = cijfer(tekort, VERSCHIL)
        nederlandse_bron = herkomst_in_woorden(bron.cijfer("realisatie"))

    assert ">shortfall 1.201</span>" in engels
    assert engelse_bron == "entered figures"
    assert ">tekort 1.201</span>" in nederlands
    assert nederlandse_bron == "ingevoerde aantallen"
