"""Issue 13 (medium): an upload is bounded before it is read.

Attacks: a 6 KB template with one value in cell A1048576 took 34 s and 1,7 GB of worker
memory; a 478 KB zip of three million rows killed the worker. Both are now refused from
the zip's directory and the sheet's metadata, with a Dutch message, while the process's
Python memory stays far below 200 MB (measured with tracemalloc; the time is in the
benchmark, `make bench`, not asserted here).
"""

from __future__ import annotations

import datetime
import html
import tracemalloc

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.models import OekraineTelling, Peildatum
from tests.security.bestanden import drie_miljoen_rijen, met_verre_cel

MAX_GEHEUGEN = 200 * 1024 * 1024


@pytest.fixture
def secretaris(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    return client


@pytest.fixture
def peildatum(demodata):
    return Peildatum.objects.get(provincie__code="PV23", datum=datetime.date(2023, 4, 1))


def _uploaden(client, inhoud: bytes):
    return client.post(
        "/invoer/PV23/import/",
        {
            "onderwerp": "oekraine",
            "peildatum": "2023-04-01",
            "bestand": SimpleUploadedFile("sjabloon.xlsx", inhoud),
        },
    )


def _gemeten(client, inhoud: bytes):
    vooraf = OekraineTelling.history.count()
    tracemalloc.start()
    try:
        antwoord = _uploaden(client, inhoud)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert OekraineTelling.history.count() == vooraf
    return antwoord, html.unescape(antwoord.content.decode()), piek


def test_far_cell_is_refused_from_the_metadata(secretaris, peildatum):
    inhoud = met_verre_cel(sjabloon(ONDERWERPEN["oekraine"], peildatum))
    assert len(inhoud) < 10_000
    antwoord, tekst, piek = _gemeten(secretaris, inhoud)
    assert antwoord.status_code == 400
    assert "Het blad loopt tot rij 1.048.576" in tekst
    assert piek < MAX_GEHEUGEN


def test_zip_of_three_million_rows_is_refused_unopened(secretaris, peildatum):
    inhoud = drie_miljoen_rijen()
    assert len(inhoud) < 1024 * 1024
    antwoord, tekst, piek = _gemeten(secretaris, inhoud)
    assert antwoord.status_code == 400
    assert "Uitgepakt is dit werkboek" in tekst
    assert piek < MAX_GEHEUGEN
