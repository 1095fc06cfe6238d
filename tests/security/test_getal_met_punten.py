"""Issue 13 (medium): "10.000" typed into one grid cell was stored as 10 (only pasted
cells had their dots removed). A Dutch count is read the same everywhere: "10.000" is
ten thousand, "1.020" is one thousand and twenty, "12,5" is refused with a message."""

from __future__ import annotations

import html

from django.urls import reverse

from realisatie.models import OekraineTelling
from tests.security.conftest import grid_data

GRID = ("PV23", "2024-09-01", "oekraine")


def test_typed_thousands_are_thousands(secretaris, peildatum):
    data = grid_data(secretaris.get(reverse("invoer:grid", args=GRID)))
    data.update({"GM0150-goo_totaal": "10.000", "GM0193-goo_totaal": "1.020"})

    antwoord = secretaris.post(reverse("invoer:grid", args=GRID), data)

    assert antwoord.status_code == 302
    opgeslagen = dict(
        OekraineTelling.objects.filter(peildatum=peildatum).values_list(
            "gemeente__code", "goo_totaal"
        )
    )
    assert opgeslagen == {"GM0150": 10_000, "GM0193": 1020}


def test_a_decimal_comma_is_refused_in_dutch(secretaris, peildatum):
    data = grid_data(secretaris.get(reverse("invoer:grid", args=GRID)))
    data["GM0150-goo_totaal"] = "12,5"

    antwoord = secretaris.post(reverse("invoer:grid", args=GRID), data)

    assert antwoord.status_code == 400
    assert "12,5 is geen geheel getal" in html.unescape(antwoord.content.decode())
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()
