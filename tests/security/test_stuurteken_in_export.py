"""Issue 13 (medium): a control character in a stored name or explanation no longer turns
the stand van zaken and the import template into a 500 for everyone; it is left out."""

from __future__ import annotations

import datetime
import io

from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from gemeenten.models import Gemeente
from realisatie.models import Capaciteitsperiode, OekraineTelling, Opvanglocatie, Peildatum

DATUM = datetime.date(2024, 9, 1)


def _teksten(inhoud: bytes) -> set[str]:
    boek = load_workbook(io.BytesIO(inhoud))
    return {
        cel.value
        for blad in boek.worksheets
        for rij in blad.iter_rows()
        for cel in rij
        if isinstance(cel.value, str)
    }


def test_exports_leave_control_characters_out(demodata, client):
    deventer = Gemeente.objects.get(code="GM0150")
    # Stored before input refused it (created directly, past the services).
    locatie = Opvanglocatie.objects.create(
        gemeente=deventer,
        naam="Azc\x0bDeventer",
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
        peildatum=peildatum, gemeente=deventer, goo_totaal=5, toelichting="zie\x1fbijlage"
    )

    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    stand = client.get(f"/exports/PV23/stand-van-zaken.xlsx?peildatum={DATUM}")
    assert stand.status_code == 200
    assert "AzcDeventer" in _teksten(stand.content)

    sjabloon = client.get(f"/invoer/PV23/import/sjabloon.xlsx?onderwerp=oekraine&peildatum={DATUM}")
    assert sjabloon.status_code == 200
    assert "ziebijlage" in _teksten(sjabloon.content)
