"""The location register: create, capacity periods, conflict, end without deleting."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gemeenten.models import Gemeente
from realisatie.invoer import services
from realisatie.models import Capaciteitsperiode, Opvanglocatie


@pytest.fixture
def deventer(demodata):
    return Gemeente.objects.get(code="GM0150")


@pytest.fixture
def azc(deventer, secretaris):
    locatie = services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=deventer,
        naam="azc Deventer",
    )
    services.capaciteitsperiode_opslaan(
        soort="RO",
        beheerder="coa",
        door=secretaris,
        locatie=locatie,
        plaatsen=400,
        waarvan_amv=40,
        van=datetime.date(2023, 1, 1),
        status="gerealiseerd",
    )
    return locatie


def test_period_validation(azc, secretaris):
    with pytest.raises(ValidationError) as fout:
        services.capaciteitsperiode_opslaan(
            soort="RO",
            beheerder="coa",
            door=secretaris,
            locatie=azc,
            plaatsen=100,
            waarvan_amv=101,
            van=datetime.date(2026, 1, 1),
            tot_en_met=datetime.date(2025, 1, 1),
            status="gepland",
        )
    assert len(fout.value.messages) == 2
    assert azc.perioden.count() == 1


def test_other_province_may_not(azc, secretaris_gelderland, deventer):
    with pytest.raises(PermissionDenied):
        services.opvanglocatie_opslaan(
            door=secretaris_gelderland,
            gemeente=deventer,
            naam="x",
        )


def test_stale_edit_of_a_location_is_refused(azc, secretaris, deventer):
    services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=deventer,
        naam="azc Deventer-Zuid",
        locatie=azc,
        versie=1,
    )
    with pytest.raises(services.VerouderdeVersie):
        services.opvanglocatie_opslaan(
            door=secretaris,
            gemeente=deventer,
            naam="azc Oost",
            locatie=azc,
            versie=1,
        )
    azc.refresh_from_db()
    assert (azc.naam, azc.versie) == ("azc Deventer-Zuid", 2)


def test_ending_keeps_the_history(azc, secretaris):
    services.opvanglocatie_beeindigen(door=secretaris, locatie=azc, per=datetime.date(2025, 6, 30))
    periode = Capaciteitsperiode.objects.get(locatie=azc)
    assert periode.tot_en_met == datetime.date(2025, 6, 30)
    assert [h.tot_en_met for h in periode.history.order_by("history_date")] == [
        None,
        datetime.date(2025, 6, 30),
    ]
    assert Opvanglocatie.objects.filter(pk=azc.pk).exists()


def test_pages(client, azc, secretaris, deventer):
    client.force_login(secretaris)
    lijst = client.get(reverse("invoer:locaties", args=["PV23"]))
    assert "azc Deventer" in lijst.content.decode() and "400" in lijst.content.decode()
    antwoord = client.post(
        reverse("invoer:periode_toevoegen", args=["PV23", azc.pk]),
        {
            "soort": "RO",
            "beheerder": "coa",
            "plaatsen": "600",
            "waarvan_amv": "0",
            "van": "2026-01-01",
            "status": "gepland",
        },
    )
    assert antwoord.status_code == 302
    assert azc.perioden.filter(plaatsen=600, status="gepland").exists()
    nieuw = client.post(
        reverse("invoer:locatie_nieuw", args=["PV23"]),
        {
            "gemeente": deventer.pk,
            "naam": "noodopvang Sporthal",
            "soort": "NO",
            "beheerder": "gemeente",
        },
    )
    assert nieuw.status_code == 302
    assert (
        Opvanglocatie.objects.get(naam="noodopvang Sporthal").history.get().history_user
        == secretaris
    )
