"""Importing the CBS list of gemeenten: adds, corrects names and provincies, reports
what the file lacks, and writes nothing when a line is wrong."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from gemeenten.services import cbs_gemeenten_importeren


@pytest.fixture
def overijssel(db):
    """Three IJsselland gemeenten; Hengelo under the name CBS does not use."""
    overijssel = Provincie.objects.create(code="PV23", naam="Overijssel")
    Provincie.objects.create(code="PV27", naam="Noord-Holland")
    ijsselland = Veiligheidsregio.objects.create(
        code="VR04", naam="IJsselland", provincie=overijssel
    )
    twente = Veiligheidsregio.objects.create(code="VR05", naam="Twente", provincie=overijssel)
    for code, naam, veiligheidsregio, subregio in [
        ("GM0150", "Deventer", ijsselland, "overijssel-ijsselland"),
        ("GM0166", "Kampen", ijsselland, "overijssel-ijsselland"),
        ("GM0164", "Hengelo", twente, "overijssel-twente"),
    ]:
        Gemeente.objects.create(
            code=code,
            naam=naam,
            provincie=overijssel,
            veiligheidsregio=veiligheidsregio,
            subregio=Subregio.objects.get_or_create(
                code=subregio,
                defaults={
                    "naam": subregio.split("-")[1],
                    "provincie": overijssel,
                    "veiligheidsregio": veiligheidsregio,
                },
            )[0],
        )


def cbs(tmp_path, tekst: str):
    pad = tmp_path / "cbs.csv"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def stand() -> list[tuple]:
    return list(
        Gemeente.objects.order_by("code", "geldig_van").values_list(
            "code", "naam", "provincie__code", "veiligheidsregio__code", "subregio__code"
        )
    )


ONZE_KOLOMMEN = "code;naam;provincie_code\nGM0150;Deventer;PV23\nGM0164;Hengelo (O.);PV23\n"
ONZE_KOLOMMEN += "GM0363;Amsterdam;PV27\n"
ZOALS_CBS = (
    "Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n"
    "150,GM0150,Deventer,23,PV23,Overijssel\n"
    '164,GM0164,"Hengelo (O.)",23,PV23,Overijssel\n'
    "363,GM0363,Amsterdam,27,PV27,Noord-Holland\n"
)
ZONDER_VOORVOEGSEL = (
    '"Gemeentecode";"Gemeentenaam";"Provinciecode"\n'
    '"0150";"Deventer";"23"\n"0164";"Hengelo (O.)";"23"\n"0363";"Amsterdam";"27"\n'
)


@pytest.mark.parametrize("tekst", [ONZE_KOLOMMEN, ZOALS_CBS, ZONDER_VOORVOEGSEL])
def test_import_voegt_toe_wijzigt_en_meldt(overijssel, tmp_path, tekst):
    rapport = cbs_gemeenten_importeren(bestand=cbs(tmp_path, tekst))

    assert rapport.toegevoegd == ["Amsterdam (GM0363)"]
    assert rapport.gewijzigd == ["Hengelo (O.) (GM0164): naam Hengelo → Hengelo (O.)"]
    assert rapport.ongewijzigd == ["Deventer (GM0150)"]
    assert rapport.niet_in_bestand == ["Kampen (GM0166)"]
    assert stand() == [
        ("GM0150", "Deventer", "PV23", "VR04", "overijssel-ijsselland"),
        ("GM0164", "Hengelo (O.)", "PV23", "VR05", "overijssel-twente"),
        ("GM0166", "Kampen", "PV23", "VR04", "overijssel-ijsselland"),
        ("GM0363", "Amsterdam", "PV27", None, None),
    ]


def test_import_nogmaals_verandert_niets(overijssel, tmp_path):
    cbs_gemeenten_importeren(bestand=cbs(tmp_path, ONZE_KOLOMMEN))
    na_eerste = stand()

    rapport = cbs_gemeenten_importeren(bestand=cbs(tmp_path, ONZE_KOLOMMEN))

    assert rapport.toegevoegd == []
    assert rapport.gewijzigd == []
    assert rapport.ongewijzigd == [
        "Deventer (GM0150)",
        "Hengelo (O.) (GM0164)",
        "Amsterdam (GM0363)",
    ]
    assert rapport.niet_in_bestand == ["Kampen (GM0166)"]
    assert stand() == na_eerste


def test_provinciewissel_laat_veiligheidsregio_en_subregio_staan(overijssel):
    bestand = io.StringIO("code;naam;provincie_code\nGM0166;Kampen;PV27\n")

    rapport = cbs_gemeenten_importeren(bestand=bestand)

    assert rapport.gewijzigd == ["Kampen (GM0166): provincie Overijssel → Noord-Holland"]
    kampen = Gemeente.objects.get(code="GM0166")
    assert (kampen.provincie.code, kampen.veiligheidsregio.code) == ("PV27", "VR04")
    assert kampen.subregio.code == "overijssel-ijsselland"


def test_nieuwe_gemeente_geldt_vanaf_de_peildatum(overijssel):
    bestand = io.StringIO("code;naam;provincie_code\nGM0363;Amsterdam;PV27\n")

    cbs_gemeenten_importeren(bestand=bestand, peildatum=datetime.date(2025, 1, 1))

    amsterdam = Gemeente.objects.get(code="GM0363")
    assert (amsterdam.geldig_van, amsterdam.geldig_tot_en_met) == (datetime.date(2025, 1, 1), None)


def test_opgeheven_gemeente_komt_niet_stil_terug(overijssel):
    Gemeente.objects.filter(code="GM0166").update(geldig_tot_en_met=datetime.date(2023, 12, 31))
    bestand = io.StringIO("code;naam;provincie_code\nGM0166;Kampen;PV23\n")

    with pytest.raises(ValidationError) as fout:
        cbs_gemeenten_importeren(bestand=bestand, peildatum=datetime.date(2024, 1, 1))

    assert fout.value.messages == [
        "CBS-bestand, regel 2: gemeente GM0166 bestaat al, maar is op 1-1-2024 niet geldig "
        "(opgeheven of heringedeeld); leg dit vast in het beheer, niet met een import."
    ]


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (
            "code;naam;provincie_code\nGM0363;Amsterdam;PV27\nGM0014;Groningen;PV99\n",
            "cbs.csv, regel 3: onbekende provinciecode 'PV99'.",
        ),
        (
            "code;naam;provincie_code\nGM0363;Amsterdam;PV27\nGM01S0;Deventer;PV23\n",
            "cbs.csv, regel 3: 'GM01S0' is geen geldige gemeentecode (GM gevolgd door 4 cijfers).",
        ),
        (
            "code;naam;provincie_code\nGM0363;Amsterdam;PV27\nGM00363;Amsterdam;PV27\n",
            "cbs.csv, regel 3: 'GM00363' is geen geldige gemeentecode (GM gevolgd door 4 cijfers).",
        ),
        (
            "code;naam;provincie_code\nGM0363;Amsterdam;PV27\n0363;Amsterdam;27\n",
            "cbs.csv, regel 3: code GM0363 staat ook op regel 2.",
        ),
        (
            "code;naam\nGM0363;Amsterdam\n",
            "cbs.csv, regel 1: de kolom 'provincie_code' ontbreekt (gevonden: code, naam).",
        ),
        (
            "code;naam;provincie_code\nGM0164;Hengelo (O.);PV23\nGM0150; ;PV23\n",
            "cbs.csv, regel 3: de naam is leeg.",
        ),
        (
            "code;naam;provincie_code\nGM0164;Hengelo (O.);PV23\nGM0150;Deventer;\n",
            "cbs.csv, regel 3: de provinciecode is leeg.",
        ),
    ],
)
def test_foute_invoer_schrijft_niets(overijssel, tmp_path, tekst, melding):
    voor = stand()

    with pytest.raises(ValidationError) as fout:
        cbs_gemeenten_importeren(bestand=cbs(tmp_path, tekst))

    assert fout.value.messages == [melding]
    assert stand() == voor
