"""Import of a location list (issue 15): the uncertain forms, preview → commit all or
nothing, clear Dutch messages per row, only into the secretary's own province."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from realisatie.exports.sjabloon import BLAD
from realisatie.models import Capaciteitsperiode, Opvanglocatie

SJABLOON = "/invoer/PV23/import/sjabloon.xlsx?onderwerp=locaties"


@pytest.fixture
def secretaris(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    return client


def _lijst(client, *rijen) -> bytes:
    sjabloon = client.get(SJABLOON)
    assert sjabloon.status_code == 200
    boek = load_workbook(io.BytesIO(sjabloon.content))
    for rij in rijen:
        boek[BLAD].append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _uploaden(client, inhoud: bytes, pad="/invoer/PV23/import/"):
    return client.post(pad, {"bestand": SimpleUploadedFile("locaties.xlsx", inhoud)})


ONZEKER = [
    "GM0150",
    "Deventer",
    "Sporthal Zuid",
    "NO",
    "gemeente",
    "gerealiseerd",
    "100?",
    None,
    "1-10-2024",
    "tot 1-7-2025, verlengbaar tot 1-7-2027",
    "huur loopt nog",
]
PM = ["GM0150", "Deventer", "Kazerne", "CNO", "coa", "gepland", "pm", 0, "1-1-2025", "?", None]


def test_preview_then_commit_saves_the_uncertain_rows(secretaris):
    voorbeeld = _uploaden(secretaris, _lijst(secretaris, ONZEKER, PM))
    html = voorbeeld.content.decode()
    assert voorbeeld.status_code == 200, html
    assert "Deventer: Sporthal Zuid" in html and "100? plaatsen" in html
    assert "verlengbaar tot 1-7-2027" in html
    assert not Opvanglocatie.objects.filter(naam="Sporthal Zuid").exists()  # preview only

    antwoord = secretaris.post("/invoer/PV23/import/vastleggen/")
    assert antwoord.status_code == 302 and antwoord["Location"] == "/invoer/PV23/locaties/"
    sporthal = Capaciteitsperiode.objects.get(locatie__naam="Sporthal Zuid")
    assert (sporthal.plaatsen, sporthal.geschat, sporthal.soort_id) == (100, True, "NO")
    assert sporthal.tot_en_met == datetime.date(2025, 7, 1)
    assert sporthal.verlengbaar_tot == datetime.date(2027, 7, 1)
    assert sporthal.pm == "huur loopt nog"
    kazerne = Capaciteitsperiode.objects.get(locatie__naam="Kazerne")
    assert (kazerne.plaatsen, kazerne.einde_onbekend, kazerne.pm) == (None, True, "pm")
    assert kazerne.locatie.aandelen.get().gemeente.code == "GM0150"  # wholly Deventer's

    register = secretaris.get("/invoer/PV23/locaties/").content.decode()
    assert "Sporthal Zuid" in register and "≈ 100" in register

    # The template now lists what was imported; uploading it unchanged changes nothing.
    opnieuw = _uploaden(secretaris, _lijst(secretaris))
    assert "Het bestand wijzigt niets." in opnieuw.content.decode()


def test_a_wrong_row_is_named_and_nothing_is_saved(secretaris):
    fout = ["GM0150", "Deventer", "Hal", "XYZ", "coa", "gerealiseerd", "veel", 0, "1-1-2025"]
    antwoord = _uploaden(secretaris, _lijst(secretaris, ONZEKER, fout))
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Onbekende soort XYZ" in html and "&#x27;veel&#x27; is geen aantal plaatsen" in html
    assert "<td>9</td>" in html  # the row of the problem
    secretaris.post("/invoer/PV23/import/vastleggen/")
    assert not Opvanglocatie.objects.filter(naam__in=["Sporthal Zuid", "Hal"]).exists()


def test_only_into_the_secretarys_own_province(secretaris):
    arnhem = ["GM0202", "Arnhem", "Hotel", "NO", "coa", "gerealiseerd", 50, 0, "1-1-2025"]
    antwoord = _uploaden(secretaris, _lijst(secretaris, arnhem))
    assert antwoord.status_code == 400
    assert "geen gemeente van deze provincie" in antwoord.content.decode()
    # A template of Overijssel uploaded on Gelderland's page: refused (and no right there).
    assert _uploaden(secretaris, _lijst(secretaris), "/invoer/PV25/import/").status_code == 403
