"""Issue 13 (low): an .xlsm with a macro project is refused with a Dutch message."""

from __future__ import annotations

import datetime
import html

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.models import OekraineTelling, Peildatum
from tests.exports.sjabloonhulp import invullen
from tests.security.bestanden import met_macro


def test_workbook_with_vba_project_is_refused(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    peildatum = Peildatum.objects.get(provincie__code="PV23", datum=datetime.date(2023, 4, 1))
    ingevuld = invullen(
        sjabloon(ONDERWERPEN["oekraine"], peildatum), {("GM0150", "GOO-plaatsen totaal"): 400}
    )
    vooraf = OekraineTelling.history.count()

    antwoord = client.post(
        "/invoer/PV23/import/",
        {
            "onderwerp": "oekraine",
            "peildatum": "2023-04-01",
            "bestand": SimpleUploadedFile("sjabloon.xlsm", met_macro(ingevuld)),
        },
    )

    assert antwoord.status_code == 400
    assert "Dit werkboek bevat macro's" in html.unescape(antwoord.content.decode())
    assert OekraineTelling.history.count() == vooraf
    assert "prt_import" not in client.session
