"""Writes of statushouders housing and of opvanglocaties with their capacity periods."""

from realisatie.models import Capaciteitsperiode, Huisvesting, Opvanglocatie

HUISVESTING = "/api/v1/provincies/PV23/huisvestingen"
LOCATIES = "/api/v1/provincies/PV23/opvanglocaties"

JANUARI = {"gemeente": "GM0150", "van": "2024-01-01", "totEnMet": "2024-01-31"}


def _locatie(**extra):
    return {
        "gemeente": "GM0150",
        "naam": "Hanzeweg",
        "soort": "RO",
        "beheerder": "coa",
        "perioden": [{"plaatsen": 200, "waarvanAmv": 20, "van": "2024-01-01", "status": "gepland"}],
        **extra,
    }


def _deventer_januari():
    return Huisvesting.objects.filter(gemeente__code="GM0150", van="2024-01-01")


def test_housing_written_by_the_secretary_is_read_back(secretaris_overijssel, lid):
    etag = lid.get(HUISVESTING)["ETag"]
    response = secretaris_overijssel.post(
        HUISVESTING,
        {"huisvestingen": [{**JANUARI, "gehuisvest": 12, "waarvanAmv": 3}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    gelezen = lid.get("/api/v1/huisvestingen", {"gemeente": "GM0150"}).json()["resultaten"]
    januari = [h for h in gelezen if h["van"] == "2024-01-01"]
    assert [(h["gehuisvest"], h["waarvanAmv"]) for h in januari] == [(12, 3)]
    rij = _deventer_januari().get()
    assert rij.history.latest().history_user.username == "secretaris-overijssel"

    # A change needs the new ETag; the old one is stale.
    wijziging = {"huisvestingen": [{**JANUARI, "gehuisvest": 14}]}
    oud = secretaris_overijssel.post(HUISVESTING, wijziging, format="json", HTTP_IF_MATCH=etag)
    assert oud.status_code == 412
    nieuw = secretaris_overijssel.post(
        HUISVESTING, wijziging, format="json", HTTP_IF_MATCH=response["ETag"]
    )
    assert nieuw.status_code == 200, nieuw.content
    assert _deventer_januari().get().gehuisvest == 14


def test_housing_needs_the_province_and_valid_rows(secretaris_overijssel, als, lid):
    etag = lid.get(HUISVESTING)["ETag"]
    rij = {"huisvestingen": [{**JANUARI, "gehuisvest": 12}]}
    for gebruiker in ("lid", "secretaris-gelderland"):
        response = als(gebruiker).post(HUISVESTING, rij, format="json", HTTP_IF_MATCH=etag)
        assert response.status_code == 403
    ongeldig = {"huisvestingen": [{**JANUARI, "gehuisvest": 2, "waarvanAmv": 5}]}
    response = secretaris_overijssel.post(HUISVESTING, ongeldig, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["huisvestingen[0].gemeente"]
    assert not _deventer_januari().exists()


def test_location_with_periods_is_created_and_changed(secretaris_overijssel, lid):
    response = secretaris_overijssel.post(LOCATIES, _locatie(), format="json")
    assert response.status_code == 201, response.content
    pad = f"/api/v1/opvanglocaties/{response.json()['id']}"
    gelezen = lid.get(pad)
    assert gelezen.json()["naam"] == "Hanzeweg"
    [periode] = gelezen.json()["perioden"]
    assert (periode["plaatsen"], periode["waarvanAmv"], periode["status"]) == (200, 20, "gepland")
    locatie = Opvanglocatie.objects.get(naam="Hanzeweg")
    assert locatie.history.latest().history_user.username == "secretaris-overijssel"

    etag = gelezen["ETag"]
    wijziging = _locatie(
        opmerkingen="Verlengd",
        perioden=[
            {**periode, "plaatsen": 250, "status": "gerealiseerd"},
            {"plaatsen": 100, "van": "2025-01-01", "status": "voorgenomen"},
        ],
    )
    response = secretaris_overijssel.put(pad, wijziging, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert sorted(p["plaatsen"] for p in lid.get(pad).json()["perioden"]) == [100, 250]
    assert Capaciteitsperiode.objects.get(pk=periode["id"]).history.latest().history_user

    # The ETag read before the change is stale now.
    response = secretaris_overijssel.put(pad, _locatie(), format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert Opvanglocatie.objects.get(pk=locatie.pk).opmerkingen == "Verlengd"


def test_location_needs_the_province_and_is_all_or_nothing(secretaris_overijssel, als):
    for gebruiker in ("lid", "secretaris-gelderland"):
        response = als(gebruiker).post(LOCATIES, _locatie(), format="json")
        assert response.status_code == 403
    ongeldig = _locatie(
        perioden=[
            {"plaatsen": 10, "van": "2024-01-01", "status": "gepland"},
            {"plaatsen": 10, "waarvanAmv": 50, "van": "2024-01-01", "status": "gepland"},
        ]
    )
    response = secretaris_overijssel.post(LOCATIES, ongeldig, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == ["perioden[1]"]
    assert not Opvanglocatie.objects.filter(naam="Hanzeweg").exists()
    assert not Capaciteitsperiode.objects.filter(plaatsen=10).exists()


def test_location_with_uncertain_periods_and_a_change_of_soort(secretaris_overijssel, lid):
    """Issue 15: soort and beheerder per period, unknown or estimated places, an end with
    an option to extend; read back the same."""
    locatie = {
        "gemeente": "GM0150",
        "naam": "Sporthal",
        "perioden": [
            {
                "soort": "CNO",
                "beheerder": "gemeente",
                "plaatsen": None,
                "van": "2024-10-01",
                "totEnMet": "2025-03-31",
                "status": "gerealiseerd",
                "pm": "pm",
            },
            {
                "soort": "NO",
                "beheerder": "coa",
                "plaatsen": 100,
                "geschat": True,
                "van": "2025-04-01",
                "totEnMet": "2025-07-01",
                "verlengbaarTot": "2027-07-01",
                "status": "gepland",
            },
        ],
    }
    response = secretaris_overijssel.post(LOCATIES, locatie, format="json")
    assert response.status_code == 201, response.content
    gelezen = lid.get("/api/v1/opvanglocaties", {"gemeente": "GM0150"}).json()["resultaten"]
    sporthal = next(r for r in gelezen if r["naam"] == "Sporthal")
    assert [
        (p["soort"], p["beheerder"], p["plaatsen"], p["geschat"], p["verlengbaarTot"], p["pm"])
        for p in sporthal["perioden"]
    ] == [
        ("CNO", "gemeente", None, False, None, "pm"),
        ("NO", "coa", 100, True, "2027-07-01", ""),
    ]
    assert sporthal["aandelen"] == [
        {"gemeente": "GM0150", "plaatsen": None, "percentage": "100.00"}
    ]
    assert Opvanglocatie.objects.get(naam="Sporthal").perioden.count() == 2
