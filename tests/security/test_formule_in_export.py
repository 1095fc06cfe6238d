"""Issue 13 (medium): a name that looks like a formula is exported as text, never code.

Attack: a location named `=HYPERLINK(...)` or `+cmd|...` (or an explanation starting with
`@`) was written as a live formula into the stand van zaken and the import template, and
as `=`/`+` cells into the CSVs members download.
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from gemeenten.models import Gemeente
from realisatie.models import Capaciteitsperiode, OekraineTelling, Opvanglocatie, Peildatum

FORMULE = '=HYPERLINK("https://aanvaller.example/x","Klik")'
COMMANDO = "+cmd|' /C calc'!A0"
DATUM = datetime.date(2024, 9, 1)


@pytest.fixture
def kwaadaardig(demodata):
    deventer = Gemeente.objects.get(code="GM0150")
    for naam in (FORMULE, COMMANDO):
        locatie = Opvanglocatie.objects.create(
            gemeente=deventer,
            naam=naam,
        )
        Capaciteitsperiode.objects.create(
            soort_id="RO",
            beheerder="coa",
            locatie=locatie,
            plaatsen=10,
            van=datetime.date(2024, 1, 1),
            status="gerealiseerd",
        )
    peildatum = Peildatum.objects.create(provincie=deventer.provincie, datum=DATUM)
    OekraineTelling.objects.create(
        peildatum=peildatum, gemeente=deventer, goo_totaal=5, toelichting=FORMULE
    )
    return peildatum


def _cellen(inhoud: bytes, tekst: str) -> list:
    boek = load_workbook(io.BytesIO(inhoud))
    return [
        cel
        for blad in boek.worksheets
        for rij in blad.iter_rows()
        for cel in rij
        if isinstance(cel.value, str) and cel.value == tekst
    ]


def test_stand_van_zaken_holds_the_names_as_text(kwaadaardig, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    antwoord = client.get(f"/exports/PV23/stand-van-zaken.xlsx?peildatum={DATUM}")
    assert antwoord.status_code == 200
    for naam in (FORMULE, COMMANDO):
        cellen = _cellen(antwoord.content, naam)
        assert cellen, naam
        assert {cel.data_type for cel in cellen} == {"s"}


def test_import_template_holds_the_explanation_as_text(kwaadaardig, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    antwoord = client.get(f"/invoer/PV23/import/sjabloon.xlsx?onderwerp=oekraine&peildatum={DATUM}")
    assert antwoord.status_code == 200
    cellen = _cellen(antwoord.content, FORMULE)
    assert [cel.data_type for cel in cellen] == ["s"]


def test_csv_neutralises_the_names(kwaadaardig, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    antwoord = client.get("/gemeenten/GM0150/?_export=csv&tabel=locaties")
    assert antwoord.status_code == 200
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    namen = [rij[0] for rij in rijen[1:]]
    assert "'" + FORMULE in namen
    assert "'" + COMMANDO in namen
    assert not any(naam.startswith(("=", "+", "-", "@")) for naam in namen)
    # Numbers stay numbers: the places column is plain digits.
    plaatsen = rijen[0].index("Plaatsen")
    assert any(rij[plaatsen] for rij in rijen[1:])
    assert all(rij[plaatsen].isdigit() for rij in rijen[1:] if rij[plaatsen])
