"""The province overview page through real requests: access and the figures shown."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Provincie
from toegang.models import Rol, Rolsoort


@pytest.fixture
def lid_flevoland(demodata, client):
    gebruiker = get_user_model().objects.create_user("lid-flevoland", password="x-geheim-123")
    Rol.objects.create(
        gebruiker=gebruiker, soort=Rolsoort.LID, provincie=Provincie.objects.get(code="PV24")
    )
    client.force_login(gebruiker)
    return client


def test_login_required(demodata, client):
    response = client.get(reverse("provincie", args=["PV23"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_home_lists_the_provinces_granted(lid):
    response = lid.get(reverse("home"))
    assert response.status_code == 200
    assert [p.code for p in response.context["provincies"]] == ["PV25", "PV23"]


def test_home_redirects_when_one_province_is_granted(lid_flevoland):
    response = lid_flevoland.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("provincie", args=["PV24"])


def test_member_of_another_province_gets_403(lid_flevoland):
    assert lid_flevoland.get(reverse("provincie", args=["PV23"])).status_code == 403
    assert lid_flevoland.get(reverse("provincie", args=["PV24"])).status_code == 200


def test_overijssel_page_shows_the_werkplan_figures_in_dutch_format(lid):
    response = lid.get(reverse("provincie", args=["PV23"]))
    assert response.status_code == 200
    html = response.content.decode()
    for figuur in ("6.325", "3.050", "3.275", "538", "7.882", "3.998", "3.884", "1.249", "1.693"):
        assert f">{figuur}<" in html, figuur
    assert "766" in html and "927" in html
    assert "Asielopgave Spreidingswet per 1-1-2025" in html
    assert "niet geregistreerd" in html  # Oekraïne realisatie unknown, not 0


def test_gelderland_page_on_peildatum_1_1_2024_shows_the_plan_table(lid):
    response = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "2024-01-01"})
    html = response.content.decode()
    for figuur in ("7.590", "9.274", "10.238", "overschot 2.648", "4.815", "3.149", "1.310"):
        assert f">{figuur}<" in html, figuur
    assert "1 januari 2024" in html


def test_gelderland_page_shows_oekraine_with_unknown_poo(lid):
    html = lid.get(reverse("provincie", args=["PV25"])).content.decode()
    for figuur in ("12.284", "11.083", "tekort 1.201", "5.045", "4.436", "tekort 609", "931"):
        assert f">{figuur}<" in html, figuur
    assert "onvolledig" in html


def test_invalid_peildatum_is_404(lid):
    response = lid.get(reverse("provincie", args=["PV25"]), {"peildatum": "1-1-2024x"})
    assert response.status_code == 404


def test_unknown_province_is_404(lid):
    assert lid.get(reverse("provincie", args=["PV99"])).status_code == 404
