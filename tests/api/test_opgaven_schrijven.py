"""Bulk upsert of opgaven per gemeente for a besluit, through `opgaven.services`."""

import pytest

from opgaven.models import Opgave, Opgavebesluit, Opgavesoort
from tests.api.test_oekraine_schrijven import _werkplan_opgave


@pytest.fixture
def oekraine_besluit(demodata):
    return Opgavebesluit.objects.get(
        soort=Opgavesoort.OEKRAINE, naam="Opvangopgave Oekraïne vóór 1-2-2024"
    )


def _pad(besluit, provincie="PV23"):
    return f"/api/v1/provincies/{provincie}/opgavebesluiten/{besluit.pk}/opgaven"


def test_werkplan_opgaven_written_through_the_api_add_up_to_7882(
    secretaris_overijssel, lid, oekraine_besluit
):
    Opgave.objects.filter(besluit=oekraine_besluit, gemeente__provincie__code="PV23").delete()
    pad = _pad(oekraine_besluit)
    opgaven = [{"gemeente": c, "aantal": a} for c, a in _werkplan_opgave().items()]
    response = secretaris_overijssel.post(
        pad, {"opgaven": opgaven}, format="json", HTTP_IF_MATCH=lid.get(pad)["ETag"]
    )
    assert response.status_code == 200, response.content
    assert len(response.json()["opgaven"]) == 25
    deventer = Opgave.objects.get(besluit=oekraine_besluit, gemeente__code="GM0150")
    assert deventer.aantal == 520
    assert deventer.history.latest().history_user.username == "secretaris-overijssel"

    body = lid.get("/api/v1/provincies/PV23/samenvatting", {"peildatum": "2024-01-08"}).json()
    oekraine = next(b for b in body["blokken"] if b["soort"] == "oekraine")
    per_naam = {r["naam"]: r["waarden"]["opgave"]["waarde"] for r in oekraine["regels"]}
    assert (per_naam["Overijssel"], per_naam["IJsselland"], per_naam["Twente"]) == (
        7882,
        3998,
        3884,
    )


def test_stale_write_is_412_and_a_member_gets_403(secretaris_overijssel, lid, oekraine_besluit):
    pad = _pad(oekraine_besluit)
    gelezen = lid.get(pad)["ETag"]
    item = {"opgaven": [{"gemeente": "GM0150", "aantal": 530}]}
    assert lid.post(pad, item, format="json", HTTP_IF_MATCH=gelezen).status_code == 403
    eerste = secretaris_overijssel.post(pad, item, format="json", HTTP_IF_MATCH=gelezen)
    assert eerste.status_code == 200
    tweede = secretaris_overijssel.post(pad, item, format="json", HTTP_IF_MATCH=gelezen)
    assert tweede.status_code == 412


def test_amv_above_the_opgave_is_400_per_item(secretaris_overijssel, oekraine_besluit):
    pad = _pad(oekraine_besluit)
    response = secretaris_overijssel.post(
        pad,
        {"opgaven": [{"gemeente": "GM0150", "aantal": 10, "waarvanAmv": 20}]},
        format="json",
        HTTP_IF_MATCH=secretaris_overijssel.get(pad)["ETag"],
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["opgaven[0].gemeente"]
    assert Opgave.objects.get(besluit=oekraine_besluit, gemeente__code="GM0150").aantal == 520
