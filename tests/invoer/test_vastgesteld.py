"""After vaststellen no path changes a figure of that peildatum: not the grid, not the
admin (the services themselves are covered in test_services)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Gemeente
from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import OekraineTelling


@pytest.fixture
def vastgesteld(peildatum, secretaris):
    services.oekraine_tellingen_opslaan(
        peildatum=peildatum, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=500)]
    )
    return services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)


def test_grid_refuses_and_writes_nothing(client, secretaris, vastgesteld):
    client.force_login(secretaris)
    url = reverse("invoer:grid", args=["PV23", "2024-09-01", "oekraine"])
    assert "alleen-lezen" in client.get(url).content.decode()
    antwoord = client.post(url, {"GM0150-goo_totaal": "9", "GM0150-versie": "1"})
    assert antwoord.status_code == 400
    assert "is vastgesteld" in antwoord.content.decode()
    assert OekraineTelling.objects.get(peildatum=vastgesteld).goo_totaal == 500


def test_admin_refuses_change_and_add(client, vastgesteld):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    telling = OekraineTelling.objects.get(peildatum=vastgesteld)
    zwolle = Gemeente.objects.get(code="GM0193")
    wijzigen = reverse("admin:realisatie_oekrainetelling_change", args=[telling.pk])
    antwoord = client.post(wijzigen, {"peildatum": vastgesteld.pk, "goo_totaal": "9"})
    assert antwoord.status_code in (302, 403)  # read-only view, no save
    assert (
        client.post(
            reverse("admin:realisatie_oekrainetelling_delete", args=[telling.pk]), {"post": "yes"}
        ).status_code
        == 403
    )

    toevoegen = client.post(
        reverse("admin:realisatie_oekrainetelling_add"),
        {"peildatum": vastgesteld.pk, "gemeente": zwolle.pk, "goo_totaal": "9"},
    )
    assert toevoegen.status_code == 200  # form with the error
    assert "heropen" in toevoegen.content.decode()
    assert OekraineTelling.objects.filter(peildatum=vastgesteld).count() == 1
    telling.refresh_from_db()
    assert (telling.goo_totaal, telling.versie) == (500, 1)


def test_admin_save_raises_versie(client, peildatum, secretaris):
    services.oekraine_tellingen_opslaan(
        peildatum=peildatum, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=500)]
    )
    telling = OekraineTelling.objects.get(peildatum=peildatum)
    client.force_login(get_user_model().objects.get(username="beheerder"))
    antwoord = client.post(
        reverse("admin:realisatie_oekrainetelling_change", args=[telling.pk]),
        {"peildatum": peildatum.pk, "gemeente": telling.gemeente_id, "goo_totaal": "510"},
    )
    assert antwoord.status_code == 302
    telling.refresh_from_db()
    assert (telling.goo_totaal, telling.versie) == (510, 2)
