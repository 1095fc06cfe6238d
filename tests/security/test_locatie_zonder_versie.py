"""Issue 13 (low): the location form accepted a POST without `versie`, which skipped the
lost-update check. Editing an existing location needs the version read; nothing changes."""

from __future__ import annotations

from django.urls import reverse

from gemeenten.models import Gemeente
from realisatie.models import Opvanglocatie


def test_edit_without_version_is_refused(secretaris):
    deventer = Gemeente.objects.get(code="GM0150")
    locatie = Opvanglocatie.objects.create(
        gemeente=deventer,
        naam="Hanzeweg",
    )
    antwoord = secretaris.post(
        reverse("invoer:locatie", args=["PV23", locatie.pk]),
        {"gemeente": deventer.pk, "naam": "Overschreven", "soort": "NO", "beheerder": "coa"},
    )
    assert antwoord.status_code == 400
    assert "de versie ontbreekt" in antwoord.content.decode()
    locatie.refresh_from_db()
    assert (locatie.naam, locatie.versie) == ("Hanzeweg", 1)


def test_a_new_location_needs_no_version(secretaris):
    deventer = Gemeente.objects.get(code="GM0150")
    antwoord = secretaris.post(
        reverse("invoer:locatie_nieuw", args=["PV23"]),
        {"gemeente": deventer.pk, "naam": "Nieuw", "soort": "NO", "beheerder": "gemeente"},
    )
    assert antwoord.status_code == 302
    assert Opvanglocatie.objects.filter(naam="Nieuw").exists()
