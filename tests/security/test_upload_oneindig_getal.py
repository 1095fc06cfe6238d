"""Issue 13 (low): a cell `1e999` (infinity once read) gave a 500; now a Dutch message."""

from __future__ import annotations

import datetime
import html

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.models import OekraineTelling, Peildatum
from tests.exports.sjabloonhulp import invullen
from tests.security.bestanden import met_celwaarde


def test_infinite_cell_is_refused(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    peildatum = Peildatum.objects.get(provincie__code="PV23", datum=datetime.date(2023, 4, 1))
    ingevuld = invullen(
        sjabloon(ONDERWERPEN["oekraine"], peildatum), {("GM0150", "GOO-plaatsen totaal"): 424242}
    )
    vooraf = OekraineTelling.history.count()

    antwoord = client.post(
        "/invoer/PV23/import/",
        {
            "onderwerp": "oekraine",
            "peildatum": "2023-04-01",
            "bestand": SimpleUploadedFile(
                "sjabloon.xlsx", met_celwaarde(ingevuld, b"<v>424242</v>", b"<v>1e999</v>")
            ),
        },
    )

    assert antwoord.status_code == 400
    assert "boven het maximum van 1.000.000" in html.unescape(antwoord.content.decode())
    assert OekraineTelling.history.count() == vooraf
