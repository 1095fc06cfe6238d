"""Issue 13 (medium): the beheerder could change the date and province of a vastgestelde
peildatum in the admin. They are read-only there now, and the service refuses it."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Provincie
from realisatie.invoer.services import PeildatumVastgesteld, peildatum_vaststellen


@pytest.fixture
def vastgesteld(peildatum):
    return peildatum_vaststellen(
        peildatum=peildatum, door=get_user_model().objects.get(username="secretaris-overijssel")
    )


def test_admin_keeps_date_and_province(beheerder, vastgesteld):
    pad = reverse("admin:realisatie_peildatum_change", args=[vastgesteld.pk])
    assert 'name="datum"' not in beheerder.get(pad).content.decode()

    beheerder.post(
        pad,
        {
            "provincie": Provincie.objects.get(code="PV25").pk,
            "datum": "2024-10-01",
            "omschrijving": "verschoven",
        },
    )

    vastgesteld.refresh_from_db()
    assert (vastgesteld.provincie.code, vastgesteld.datum) == ("PV23", datetime.date(2024, 9, 1))
    assert vastgesteld.omschrijving == "verschoven"  # what may change, changed


def test_service_refuses_the_change(demodata, vastgesteld):
    from realisatie.invoer.services import peildatum_wijzigen

    with pytest.raises(PeildatumVastgesteld):
        peildatum_wijzigen(
            peildatum=vastgesteld,
            door=get_user_model().objects.get(username="beheerder"),
            datum=datetime.date(2024, 10, 1),
            provincie=vastgesteld.provincie,
            omschrijving="",
        )
    vastgesteld.refresh_from_db()
    assert vastgesteld.datum == datetime.date(2024, 9, 1)
