"""What a secretary maintained only through the beheerder's admin (issue 14), now on
screen: figures of the province, a veiligheidsregio or a subregio, planned asiel figures
and the taakstelling with its opening stand of a larger area; all through the services.

Gelderland (provinciaal plan 2024): Oekraïne per veiligheidsregio on 8-1-2024 (VR
Noord- en Oost-Gelderland 4.436 GOO places), asiel for the province (RO 4.815), the
planned realisation per 31-3-2024 (RO 5.529), statushouders 2024-I 2.251 with a
backlog of 788 at the start.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from opgaven.models import Taakstelling
from realisatie.models import AsielTelling, OekraineTelling

D = datetime.date


@pytest.fixture
def gelderland(client, demodata):
    client.force_login(get_user_model().objects.get(username="secretaris-gelderland"))
    return client


def formulier(antwoord, sleutel="rijen") -> dict[str, str]:
    data = {}
    for rij in antwoord.context[sleutel]:
        form = rij[0] if isinstance(rij, tuple) else rij
        for veld in form:
            waarde = veld.value()
            data[veld.html_name] = "" if waarde in (None, False) else str(waarde)
    return data


def test_oekraine_per_veiligheidsregio(gelderland):
    url = reverse("invoer:gebiedsgrid", args=["PV25", "2024-01-08", "oekraine"])
    antwoord = gelderland.get(url)
    assert antwoord.status_code == 200
    rijen = {form.gemeente.code: form for form, *_ in antwoord.context["rijen"]}
    assert {"PV25", "VR06", "VR07", "VR08"} <= set(rijen)
    assert rijen["VR06"]["goo_totaal"].value() == 4_436
    data = formulier(antwoord)
    data["VR06-goo_totaal"] = "4500"
    assert gelderland.post(url, data).status_code == 302
    telling = OekraineTelling.objects.get(
        veiligheidsregio__code="VR06", peildatum__datum=D(2024, 1, 8)
    )
    assert (telling.goo_totaal, telling.versie) == (4_500, 2)
    assert telling.history.first().history_user.username == "secretaris-gelderland"


def test_planned_asiel_for_the_province(gelderland):
    url = reverse("invoer:gebiedsgrid", args=["PV25", "2024-01-01", "asiel"])
    antwoord = gelderland.get(f"{url}?per=2024-03-31")
    assert antwoord.context["per"] == D(2024, 3, 31)
    assert antwoord.context["geplande_data"] == [D(2024, 3, 31)]
    rijen = {form.gemeente.code: form for form, *_ in antwoord.context["rijen"]}
    assert rijen["PV25"]["regulier"].value() == 5_529  # the plan, not the 4.815 realised
    data = formulier(antwoord)
    data["PV25-regulier"] = "5600"
    assert gelderland.post(f"{url}?per=2024-03-31", data).status_code == 302
    plan = AsielTelling.objects.get(provincie__code="PV25", datum=D(2024, 3, 31))
    realisatie = AsielTelling.objects.get(provincie__code="PV25", datum=D(2024, 1, 1))
    assert (plan.regulier, plan.is_planning, realisatie.regulier) == (5_600, True, 4_815)

    # A new planned date, per gemeente as well.
    per_gemeente = reverse("invoer:grid", args=["PV25", "2024-01-01", "asiel"])
    antwoord = gelderland.get(f"{per_gemeente}?per=2024-06-30")
    data = formulier(antwoord)
    data["GM0202-regulier"] = "700"  # Arnhem
    assert gelderland.post(f"{per_gemeente}?per=2024-06-30", data).status_code == 302
    assert AsielTelling.objects.get(gemeente__code="GM0202").datum == D(2024, 6, 30)

    assert gelderland.get(f"{url}?per=2023-12-31").status_code == 404  # before the peildatum


def test_the_opening_stand_of_a_half_year_for_the_province(gelderland):
    url = reverse("invoer:gebiedstaakstellingen", args=["PV25", "2024-I"])
    antwoord = gelderland.get(url)
    rijen = {form.gemeente.code: form for form in antwoord.context["forms"]}
    assert (rijen["PV25"]["aantal"].value(), rijen["PV25"]["stand_begin"].value()) == (2_251, 788)
    data = formulier(antwoord, "forms")
    data["PV25-stand_begin"] = "790"
    assert gelderland.post(url, data).status_code == 302
    taakstelling = Taakstelling.objects.get(provincie__code="PV25", besluit__halfjaar="2024-I")
    assert (taakstelling.aantal, taakstelling.stand_begin) == (2_251, 790)


def test_area_figures_are_for_the_province_editors_only(client, demodata):
    from gemeenten.models import Gemeente
    from tests.conftest import gebruiker
    from toegang.models import Rolsoort

    invoerder = gebruiker(
        "invoerder-arnhem", Rolsoort.INVOERDER, gemeente=Gemeente.objects.get(code="GM0202")
    )
    client.force_login(invoerder)
    url = reverse("invoer:gebiedsgrid", args=["PV25", "2024-01-08", "oekraine"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"VR06-goo_totaal": "1"}).status_code == 403
    assert (
        client.get(reverse("invoer:grid", args=["PV25", "2024-01-08", "oekraine"])).status_code
        == 200
    )
