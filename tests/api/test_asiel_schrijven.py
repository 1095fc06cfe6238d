"""Bulk upsert of asiel figures per soort, read back from the samenvatting."""

from realisatie.models import AsielTelling

PAD = "/api/v1/provincies/PV23/peildata/2024-09-01/asiel-tellingen"


def test_asiel_figures_per_soort_land_in_the_samenvatting(secretaris_overijssel, lid):
    etag = secretaris_overijssel.get(PAD)["ETag"]
    response = secretaris_overijssel.post(
        PAD,
        {
            "tellingen": [
                {"gemeente": "GM0193", "regulier": 400, "noodopvang": 100, "waarvanAmv": 50},
                {"gemeente": "GM0153", "regulier": 600},
            ]
        },
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert AsielTelling.objects.get(gemeente__code="GM0193").history.latest().history_user
    body = lid.get("/api/v1/provincies/PV23/samenvatting", {"peildatum": "2024-09-01"}).json()
    asiel = next(b for b in body["blokken"] if b["soort"] == "asiel")
    per_naam = {r["naam"]: r["waarden"] for r in asiel["regels"]}
    assert per_naam["Zwolle"]["realisatie"]["waarde"] == 500
    assert per_naam["Zwolle"]["amv"]["waarde"] == 50
    assert per_naam["Enschede"]["realisatie"]["waarde"] == 600
    assert per_naam["Deventer"]["realisatie"] == {
        "waarde": None,
        "bron": "onbekend",
        "peildatum": None,
        "herkomst": [],
        "ouder": None,
    }


def test_amv_above_the_total_is_rejected_per_item(secretaris_overijssel):
    etag = secretaris_overijssel.get(PAD)["ETag"]
    response = secretaris_overijssel.post(
        PAD,
        {"tellingen": [{"gemeente": "GM0193", "regulier": 10, "waarvanAmv": 50}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["tellingen[0].gemeente"]
    assert not AsielTelling.objects.filter(gemeente__code="GM0193").exists()
