"""Issue 13 (low, and medium at the door): a zero-width name was accepted, and so were
control characters in names and explanations (which later broke the exports). They are
refused on input, in the forms, the API and the services."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente
from realisatie.models import OekraineTelling, Opvanglocatie
from tests.security.conftest import grid_data


@pytest.mark.parametrize("naam", ["\u200b", "Azc\u200bDeventer", "Azc\x0bDeventer", "\ufeff"])
def test_location_name_in_the_form(secretaris, naam):
    antwoord = secretaris.post(
        reverse("invoer:locatie_nieuw", args=["PV23"]),
        {
            "gemeente": Gemeente.objects.get(code="GM0150").pk,
            "naam": naam,
            "soort": "NO",
            "beheerder": "gemeente",
        },
    )
    assert antwoord.status_code == 400
    assert "onzichtbare tekens" in html.unescape(antwoord.content.decode())
    assert not Opvanglocatie.objects.exists()


def test_location_name_in_the_api(api_secretaris):
    antwoord = api_secretaris.post(
        "/api/v1/provincies/PV23/opvanglocaties",
        {"gemeente": "GM0150", "naam": "\u200b", "soort": "RO", "beheerder": "coa"},
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"][0]["name"] == "naam"
    assert not Opvanglocatie.objects.exists()


def test_explanation_with_a_control_character_in_the_grid(secretaris, peildatum):
    grid = reverse("invoer:grid", args=("PV23", "2024-09-01", "oekraine"))
    data = grid_data(secretaris.get(grid))
    data.update({"GM0150-goo_totaal": "5", "GM0150-toelichting": "zie\x0bbijlage"})
    antwoord = secretaris.post(grid, data)
    assert antwoord.status_code == 400
    assert "stuurteken" in html.unescape(antwoord.content.decode())
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()
