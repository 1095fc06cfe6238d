"""Issue 13 (medium): a number of 2³¹ or more gave a 500 (PostgreSQL "integer out of
range") in grids, API, import, paste and admin forms. Every count is now bounded at
1.000.000 in the form, the serializer, the import, the service and the database."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from gemeenten.models import Gemeente
from opgaven.models import Opgavebesluit, Uitruil
from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.models import AsielTelling, OekraineTelling, Peildatum
from tests.exports.sjabloonhulp import invullen
from tests.security.conftest import grid_data

GROOT = 2**31
MELDING = "boven het maximum van 1.000.000"


def _tekst(antwoord) -> str:
    return html.unescape(antwoord.content.decode())


def test_grid(secretaris, peildatum):
    grid = reverse("invoer:grid", args=("PV23", "2024-09-01", "oekraine"))
    data = grid_data(secretaris.get(grid))
    data["GM0150-goo_totaal"] = str(GROOT)
    antwoord = secretaris.post(grid, data)
    assert antwoord.status_code == 400
    assert MELDING in _tekst(antwoord)
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


def test_api(api_secretaris, peildatum):
    pad = "/api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen"
    etag = api_secretaris.get(pad)["ETag"]
    antwoord = api_secretaris.post(
        pad,
        {"tellingen": [{"gemeente": "GM0150", "gooTotaal": GROOT}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["invalidParams"][0]["name"] == "tellingen[0].gooTotaal"


def test_api_takes_numbers_not_text(api_secretaris, peildatum):
    """DRF read the string "10.000" as 10; a count in the API is a JSON number."""
    pad = "/api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen"
    etag = api_secretaris.get(pad)["ETag"]
    antwoord = api_secretaris.post(
        pad,
        {"tellingen": [{"gemeente": "GM0150", "gooTotaal": "10.000"}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert antwoord.status_code == 400
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


def test_import(secretaris, demodata):
    peildatum = Peildatum.objects.get(provincie__code="PV23", datum=datetime.date(2023, 4, 1))
    inhoud = invullen(
        sjabloon(ONDERWERPEN["oekraine"], peildatum), {("GM0150", "GOO-plaatsen totaal"): GROOT}
    )
    antwoord = secretaris.post(
        "/invoer/PV23/import/",
        {
            "onderwerp": "oekraine",
            "peildatum": "2023-04-01",
            "bestand": SimpleUploadedFile("sjabloon.xlsx", inhoud),
        },
    )
    assert antwoord.status_code == 400
    assert MELDING in _tekst(antwoord)


def test_paste(secretaris, demodata):
    besluit = Opgavebesluit.objects.exclude(soort="statushouders").first()
    antwoord = secretaris.post(
        reverse("invoer:opgaven", args=["PV23"]),
        {"besluit": besluit.pk, "tekst": f"GM0150\t{GROOT}"},
    )
    assert antwoord.status_code == 400
    assert MELDING in _tekst(antwoord)


def test_admin_form(beheerder, peildatum):
    """Each figure fits an integer, their sum (the amv constraint) did not: a 500."""
    grens = str(GROOT - 1)
    antwoord = beheerder.post(
        reverse("admin:realisatie_asieltelling_add"),
        {
            "peildatum": peildatum.pk,
            "datum": "2024-09-01",
            "gemeente": Gemeente.objects.get(code="GM0150").pk,
            "regulier": grens,
            "noodopvang": grens,
            "waarvan_amv": "1",
        },
    )
    assert antwoord.status_code == 200  # the form again, with the message
    assert "1000000" in antwoord.content.decode().replace(".", "")
    assert not AsielTelling.objects.filter(peildatum=peildatum).exists()


def test_database_refuses_what_passes_by_the_services(demodata):
    with pytest.raises(IntegrityError), transaction.atomic():
        Uitruil.objects.create(
            soort="asiel",
            van_gemeente=Gemeente.objects.get(code="GM0150"),
            naar_gemeente=Gemeente.objects.get(code="GM0193"),
            aantal=1_000_001,
            begin=datetime.date(2024, 1, 1),
        )
