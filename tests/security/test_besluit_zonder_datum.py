"""Issue 13 (medium): a secretary who created a statushouders besluit without a
besluitdatum took over every province's taakstellingen page (PostgreSQL sorts NULL first
in a descending order). The date is now required, and an undated besluit (made before,
or in the admin) never overtakes a dated one."""

from __future__ import annotations

import datetime
import html

from django.urls import reverse

from opgaven.models import Opgavebesluit


def test_the_form_requires_the_decision_date(secretaris):
    antwoord = secretaris.post(
        reverse("invoer:opgavebesluit_aanmaken", args=["PV23"]),
        {"soort": "statushouders", "naam": "Kaper", "bron": "Eigen brief", "halfjaar": "2024-I"},
    )
    assert antwoord.status_code == 400
    assert not Opgavebesluit.objects.filter(naam="Kaper").exists()


def test_an_undated_decision_does_not_take_over_the_page(secretaris):
    geldig = Opgavebesluit.objects.filter(soort="statushouders", halfjaar="2024-I").get()
    geldig.besluitdatum = datetime.date(2023, 12, 1)
    geldig.save()
    Opgavebesluit.objects.create(
        soort="statushouders", naam="Zonder datum", bron="-", halfjaar="2024-I"
    )

    antwoord = secretaris.get(reverse("invoer:taakstellingen", args=["PV23", "2024-I"]))

    assert antwoord.status_code == 200
    assert antwoord.context["besluit"] == geldig
    assert "Zonder datum" not in html.unescape(antwoord.content.decode())


def test_the_newest_dated_decision_is_in_force(secretaris):
    nieuw = Opgavebesluit.objects.create(
        soort="statushouders",
        naam="Herzien",
        bron="-",
        halfjaar="2024-I",
        besluitdatum=datetime.date(2030, 1, 1),
    )
    antwoord = secretaris.get(reverse("invoer:taakstellingen", args=["PV23", "2024-I"]))
    assert antwoord.context["besluit"] == nieuw
