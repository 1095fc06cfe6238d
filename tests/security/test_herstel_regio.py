"""Issue 13 (low): restoring an earlier value of a region-level record (Gelderland's
Oekraïne figures per veiligheidsregio) gave a 500; now a Dutch message, nothing written."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse

from realisatie.models import OekraineTelling


def test_restoring_a_region_record_is_refused_with_a_message(demodata, client):
    regio = OekraineTelling.objects.filter(
        gemeente__isnull=True, veiligheidsregio__provincie__code="PV25"
    ).first()
    assert regio is not None
    record = regio.history.earliest()
    client.force_login(get_user_model().objects.get(username="secretaris-gelderland"))
    vooraf = OekraineTelling.history.count()

    antwoord = client.post(
        reverse("invoer:herstellen", args=["PV25", "oekrainetelling", record.history_id])
    )

    assert antwoord.status_code == 302
    meldingen = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert any("hoort bij een regio of provincie" in m for m in meldingen)
    assert OekraineTelling.history.count() == vooraf
