"""After vaststellen no path changes a figure of that peildatum: not the grid, not the
admin (the services themselves are covered in test_services)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from realisatie.invoer import services
from realisatie.invoer.rijen import HuisvestingRij, OekraineRij
from realisatie.models import (
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)


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


# --- Statushouders per month: a month counts towards every later peildatum -------------


@pytest.fixture
def juni_vastgesteld(overijssel, secretaris):
    """Deventer housed 7 in June 2024; the peildatum of 1-7-2024 is then vastgesteld."""
    juni = HuisvestingRij("GM0150", JUNI_VAN, JUNI_TOT, gehuisvest=7, waarvan_amv=1)
    assert services.huisvesting_opslaan(provincie=overijssel, door=secretaris, rijen=[juni]).gelukt
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 7, 1))
    return services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)


JUNI_VAN, JUNI_TOT = datetime.date(2024, 6, 1), datetime.date(2024, 6, 30)


def _juni():
    return Huisvesting.objects.get(gemeente__code="GM0150", van=JUNI_VAN)


def test_housing_of_a_month_before_an_adopted_peildatum_is_locked(
    overijssel, secretaris, juni_vastgesteld
):
    versie = _juni().versie
    rijen = [
        HuisvestingRij("GM0150", JUNI_VAN, JUNI_TOT, gehuisvest=9, versie=versie),
        HuisvestingRij("GM0193", JUNI_VAN, JUNI_TOT, gehuisvest=4),
    ]
    resultaat = services.huisvesting_opslaan(provincie=overijssel, door=secretaris, rijen=rijen)
    assert resultaat.vastgesteld and not resultaat.gelukt
    assert resultaat.fouten[""] == [
        "De cijfers van 1-6-2024 tot en met 30-6-2024 tellen mee in de vastgestelde "
        "peildatum(s) 1-7-2024; ze zijn alleen-lezen tot die heropend zijn."
    ]
    assert (_juni().gehuisvest, _juni().versie) == (7, versie)
    assert not Huisvesting.objects.filter(gemeente__code="GM0193", van=JUNI_VAN).exists()

    # July lies after the peildatum: still open.
    juli = HuisvestingRij("GM0150", datetime.date(2024, 7, 1), datetime.date(2024, 7, 31), 3)
    assert services.huisvesting_opslaan(provincie=overijssel, door=secretaris, rijen=[juli]).gelukt

    # Reopened, June can be corrected again.
    services.peildatum_heropenen(peildatum=juni_vastgesteld, door=secretaris, reden="Correctie")
    assert services.huisvesting_opslaan(
        provincie=overijssel, door=secretaris, rijen=rijen[:1]
    ).gelukt
    assert _juni().gehuisvest == 9


def test_housing_lock_is_per_province(secretaris_gelderland, juni_vastgesteld):
    gelderland = Provincie.objects.get(code="PV25")
    apeldoorn = HuisvestingRij("GM0200", JUNI_VAN, JUNI_TOT, gehuisvest=5)
    assert services.huisvesting_opslaan(
        provincie=gelderland, door=secretaris_gelderland, rijen=[apeldoorn]
    ).gelukt


def test_housing_grid_shows_the_lock_and_refuses(client, secretaris, juni_vastgesteld):
    client.force_login(secretaris)
    url = reverse("invoer:statushouders", args=["PV23", "2024-06"])
    pagina = client.get(url).content.decode()
    assert "tellen mee in de vastgestelde peildatum(s) 1-7-2024" in pagina
    assert ">Opslaan</button>" not in pagina
    juli = reverse("invoer:statushouders", args=["PV23", "2024-07"])
    assert ">Opslaan</button>" in client.get(juli).content.decode()
    versie = _juni().versie
    antwoord = client.post(url, {"GM0150-gehuisvest": "9", "GM0150-versie": str(versie)})
    assert antwoord.status_code == 400
    assert _juni().gehuisvest == 7


def test_housing_api_refuses_with_409(juni_vastgesteld):
    from tests.api.conftest import api_client

    lid, secretaris = api_client("lid"), api_client("secretaris-overijssel")
    pad = "/api/v1/provincies/PV23/huisvestingen"
    etag = lid.get(pad)["ETag"]
    juni = {"gemeente": "GM0150", "van": "2024-06-01", "totEnMet": "2024-06-30", "gehuisvest": 9}
    antwoord = secretaris.post(pad, {"huisvestingen": [juni]}, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 409
    assert "1-7-2024" in antwoord.json()["detail"]
    assert _juni().gehuisvest == 7


def test_housing_admin_is_read_only_for_a_locked_month(client, juni_vastgesteld):
    client.force_login(get_user_model().objects.get(username="beheerder"))
    juni = _juni()
    wijzigen = reverse("admin:realisatie_huisvesting_change", args=[juni.pk])
    antwoord = client.post(wijzigen, {"gemeente": juni.gemeente_id, "gehuisvest": "9"})
    assert antwoord.status_code in (302, 403)
    verwijderen = reverse("admin:realisatie_huisvesting_delete", args=[juni.pk])
    assert client.post(verwijderen, {"post": "yes"}).status_code == 403

    toevoegen = client.post(
        reverse("admin:realisatie_huisvesting_add"),
        {
            "gemeente": Gemeente.objects.get(code="GM0193").pk,
            "van": "1-6-2024",
            "tot_en_met": "30-6-2024",
            "gehuisvest": "4",
            "toelichting": "",
        },
    )
    assert toevoegen.status_code == 200  # the form again, with the error
    assert "heropend" in toevoegen.content.decode()
    assert not Huisvesting.objects.filter(gemeente__code="GM0193", van=JUNI_VAN).exists()
    assert (_juni().gehuisvest, _juni().versie) == (7, juni.versie)


# --- The location register on a vastgestelde peildatum --------------------------------


@pytest.fixture
def azc_vastgesteld(overijssel, secretaris):
    """azc Deventer, 400 places from 1-1-2023; the peildatum 1-7-2024 is vastgesteld."""
    deventer = Gemeente.objects.get(code="GM0150")
    locatie = services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=deventer,
        naam="azc Deventer",
    )
    periode = services.capaciteitsperiode_opslaan(
        soort="RO",
        beheerder="coa",
        door=secretaris,
        locatie=locatie,
        plaatsen=400,
        waarvan_amv=40,
        van=datetime.date(2023, 1, 1),
        status="gerealiseerd",
    )
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 7, 1))
    services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)
    return locatie, periode, peildatum


def _periode_wijzigen(secretaris, locatie, periode, **wijziging):
    waarden = {
        "plaatsen": periode.plaatsen,
        "waarvan_amv": periode.waarvan_amv,
        "van": periode.van,
        "tot_en_met": periode.tot_en_met,
        "status": periode.status,
        "soort": periode.soort_id,
        "beheerder": periode.beheerder,
        **wijziging,
    }
    return services.capaciteitsperiode_opslaan(
        door=secretaris,
        locatie=locatie,
        periode=periode,
        versie=periode.versie,
        **waarden,
    )


def test_register_change_that_alters_an_adopted_peildatum_is_refused(secretaris, azc_vastgesteld):
    locatie, periode, peildatum = azc_vastgesteld
    with pytest.raises(services.PeildatumVastgesteld) as fout:
        _periode_wijzigen(secretaris, locatie, periode, plaatsen=450)
    assert fout.value.messages == [
        "Deze wijziging verandert het register op de vastgestelde peildatum(s) 1-7-2024. "
        "Heropen die eerst, of leg de wijziging vast als een nieuwe periode die later ingaat."
    ]
    with pytest.raises(services.PeildatumVastgesteld):
        services.opvanglocatie_beeindigen(
            door=secretaris, locatie=locatie, per=datetime.date(2024, 3, 31)
        )
    # Its kind on 1-7-2024 is part of what was adopted (CNO → NO is a new period).
    with pytest.raises(services.PeildatumVastgesteld):
        _periode_wijzigen(secretaris, locatie, periode, soort="NO")
    periode.refresh_from_db()
    assert (periode.plaatsen, periode.tot_en_met, periode.versie) == (400, None, 1)
    assert Capaciteitsperiode.objects.get(pk=periode.pk).soort_id == "RO"

    # What leaves 1-7-2024 as it was is allowed: a new period from later on, ending
    # after the peildatum, a new name.
    services.opvanglocatie_beeindigen(
        door=secretaris, locatie=locatie, per=datetime.date(2024, 12, 31)
    )
    services.capaciteitsperiode_opslaan(
        soort="NO",
        beheerder="coa",
        door=secretaris,
        locatie=locatie,
        plaatsen=500,
        van=datetime.date(2025, 1, 1),
        status="gepland",
    )
    periode.refresh_from_db()
    assert periode.tot_en_met == datetime.date(2024, 12, 31)

    # Reopened, the register can be corrected again.
    services.peildatum_heropenen(peildatum=peildatum, door=secretaris, reden="Telling hersteld")
    assert _periode_wijzigen(secretaris, locatie, periode, plaatsen=450).plaatsen == 450


def test_register_page_shows_the_refusal(client, secretaris, azc_vastgesteld):
    locatie, _periode, _peildatum = azc_vastgesteld
    client.force_login(secretaris)
    antwoord = client.post(
        reverse("invoer:periode_toevoegen", args=["PV23", locatie.pk]),
        {
            "soort": "RO",
            "beheerder": "coa",
            "plaatsen": "50",
            "waarvan_amv": "0",
            "van": "2024-05-01",
            "status": "gerealiseerd",
        },
        follow=True,
    )
    assert "vastgestelde peildatum(s) 1-7-2024" in antwoord.content.decode()
    assert locatie.perioden.count() == 1


def test_register_api_refuses_with_409(azc_vastgesteld):
    from tests.api.conftest import api_client

    locatie, periode, _peildatum = azc_vastgesteld
    secretaris = api_client("secretaris-overijssel")
    pad = f"/api/v1/opvanglocaties/{locatie.pk}"
    etag = secretaris.get(pad)["ETag"]
    wijziging = {
        "gemeente": "GM0150",
        "naam": "azc Deventer",
        "soort": "RO",
        "beheerder": "coa",
        "perioden": [
            {
                "id": periode.pk,
                "plaatsen": 450,
                "waarvanAmv": 40,
                "van": "2023-01-01",
                "status": "gerealiseerd",
            }
        ],
    }
    antwoord = secretaris.put(pad, wijziging, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 409
    assert "1-7-2024" in antwoord.json()["detail"]
    periode.refresh_from_db()
    assert periode.plaatsen == 400


def test_register_admin_refuses(client, azc_vastgesteld):
    locatie, periode, _peildatum = azc_vastgesteld
    client.force_login(get_user_model().objects.get(username="beheerder"))
    url = reverse("admin:realisatie_opvanglocatie_change", args=[locatie.pk])
    formulier = {
        "gemeente": locatie.gemeente_id,
        "naam": locatie.naam,
        "opmerkingen": "",
        "aandelen-TOTAL_FORMS": "1",
        "aandelen-INITIAL_FORMS": "1",
        "aandelen-MIN_NUM_FORMS": "0",
        "aandelen-MAX_NUM_FORMS": "1000",
        "aandelen-0-id": locatie.aandelen.get().pk,
        "aandelen-0-locatie": locatie.pk,
        "perioden-TOTAL_FORMS": "1",
        "perioden-INITIAL_FORMS": "1",
        "perioden-MIN_NUM_FORMS": "0",
        "perioden-MAX_NUM_FORMS": "1000",
        "perioden-0-id": periode.pk,
        "perioden-0-locatie": locatie.pk,
        "perioden-0-plaatsen": "450",
        "perioden-0-waarvan_amv": "40",
        "perioden-0-van": "1-1-2023",
        "perioden-0-tot_en_met": "",
        "perioden-0-status": "gerealiseerd",
        "perioden-0-soort": "RO",
        "perioden-0-beheerder": "coa",
    }
    antwoord = client.post(url, formulier)
    assert antwoord.status_code == 200  # the form again, with the error
    assert "vastgestelde peildatum(s) 1-7-2024" in antwoord.content.decode()
    andere_soort = {**formulier, "perioden-0-plaatsen": "400", "perioden-0-soort": "NO"}
    assert "1-7-2024" in client.post(url, andere_soort).content.decode()
    periode.refresh_from_db()
    assert periode.plaatsen == 400 and periode.soort_id == "RO"
    verwijderen = reverse("admin:realisatie_opvanglocatie_delete", args=[locatie.pk])
    assert client.post(verwijderen, {"post": "yes"}).status_code == 403

    # A control: the name is free to change.
    hernoemd = client.post(url, {**formulier, "perioden-0-plaatsen": "400", "naam": "azc Hanzeweg"})
    assert hernoemd.status_code == 302
    assert Opvanglocatie.objects.get(pk=locatie.pk).naam == "azc Hanzeweg"
