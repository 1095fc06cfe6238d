"""The regietafel's API resources: read for whoever may read the province, write for its
secretary, problem+json errors, ETag/If-Match on changes (see `api.regietafel`)."""

from __future__ import annotations

import datetime

import pytest

from regietafel import services
from regietafel.models import Actie, Mijlpaal, Toezicht, Vergadering
from tests.api.conftest import api_client
from tests.regietafel.conftest import actie

D = datetime.date
pytestmark = pytest.mark.django_db
PROBLEEM = "application/problem+json"


@pytest.fixture
def gelderse_vergadering(gelderland, secretaris_gelderland):
    return services.vergadering_aanmaken(
        door=secretaris_gelderland, provincie=gelderland, datum=D(2024, 2, 9)
    )


@pytest.fixture
def lijsten(vergadering, gelderse_vergadering, secretaris, secretaris_gelderland):
    actie(secretaris, vergadering, "Plan in potlood", D(2024, 6, 30))
    actie(secretaris, vergadering, "Verslag CdK", None)
    actie(secretaris_gelderland, gelderse_vergadering, "Netaansluitingen", D(2024, 4, 1))
    services.spreidingswetcyclus_aanmaken(
        door=secretaris, provincie=vergadering.provincie, cyclus=2024
    )
    return vergadering


@pytest.mark.parametrize(
    ("pad", "in_overijssel", "in_gelderland"),
    [
        ("/api/v1/acties", 2, 1),
        ("/api/v1/vergaderingen", 1, 1),
        ("/api/v1/spreidingswet-mijlpalen", 4, 0),
    ],
)
def test_lezen_alleen_wat_mag(lijsten, lid_gelderland, pad, in_overijssel, in_gelderland):
    alles = api_client("lid").get(pad).json()
    assert alles["aantal"] == in_overijssel + in_gelderland
    assert api_client("lid").get(f"{pad}?provincie=PV23").json()["aantal"] == in_overijssel
    assert api_client("lid-gelderland").get(pad).json()["aantal"] == in_gelderland
    assert api_client(None).get(pad).status_code == 401


def test_detail_van_een_andere_provincie_is_404(lijsten, lid_gelderland):
    actie_ = Actie.objects.get(provincie__code="PV23", nummer=1)
    antwoord = api_client("lid-gelderland").get(f"/api/v1/acties/{actie_.pk}")
    assert antwoord.status_code == 404 and antwoord["Content-Type"] == PROBLEEM
    assert api_client("lid").get(f"/api/v1/acties/{actie_.pk}").json()["nummer"] == 1


def test_over_termijn_filter(lijsten):
    te_laat = api_client("lid").get("/api/v1/acties?provincie=PV23&overTermijn=true").json()
    assert [a["tekst"] for a in te_laat["resultaten"]] == ["Plan in potlood"]
    assert te_laat["resultaten"][0]["overTermijn"] is True


def test_secretaris_maakt_een_actie(lijsten):
    antwoord = api_client("secretaris-overijssel").post(
        "/api/v1/acties",
        {"vergadering": lijsten.pk, "tekst": "Besluit lokaal", "eigenaar": "Gemeenten"},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["nummer"] == 3 and antwoord.json()["provincie"] == "PV23"
    assert antwoord["ETag"]
    assert Actie.objects.get(
        nummer=3, provincie__code="PV23"
    ).history.first().history_user.username == ("secretaris-overijssel")


@pytest.mark.parametrize(("wie", "status"), [("lid", 403), ("secretaris-gelderland", 403)])
def test_anderen_schrijven_niet(lijsten, wie, status):
    client = api_client(wie)
    antwoord = client.post(
        "/api/v1/acties",
        {"vergadering": lijsten.pk, "tekst": "X", "eigenaar": "Y"},
        format="json",
    )
    assert antwoord.status_code == status and antwoord["Content-Type"] == PROBLEEM
    antwoord = client.post(
        "/api/v1/vergaderingen", {"provincie": "PV23", "datum": "2024-09-20"}, format="json"
    )
    assert antwoord.status_code == 403
    assert Actie.objects.filter(provincie__code="PV23").count() == 2
    assert Vergadering.objects.filter(provincie__code="PV23").count() == 1


def test_wijzigen_met_if_match(lijsten, lid_gelderland):
    client = api_client("secretaris-overijssel")
    actie_ = Actie.objects.get(provincie__code="PV23", nummer=1)
    url = f"/api/v1/acties/{actie_.pk}"
    gegevens = {
        "tekst": "Plan in potlood",
        "eigenaar": "RRT",
        "status": "gereed",
        "statusOp": "2024-06-07",
    }
    assert client.put(url, gegevens, format="json").status_code == 428
    assert client.put(url, gegevens, format="json", HTTP_IF_MATCH='"oud"').status_code == 412
    etag = client.get(url)["ETag"]
    antwoord = client.put(url, gegevens, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 200
    assert (antwoord.json()["status"], antwoord.json()["overTermijn"]) == ("gereed", False)
    assert client.put(url, gegevens, format="json", HTTP_IF_MATCH=etag).status_code == 412
    lid = api_client("lid")
    assert lid.put(url, gegevens, format="json", HTTP_IF_MATCH="*").status_code == 403
    assert api_client("lid-gelderland").put(url, gegevens, format="json").status_code == 404


def test_ongeldige_invoer_is_een_probleem_in_het_nederlands(lijsten):
    antwoord = api_client("secretaris-overijssel").post(
        "/api/v1/acties",
        {"vergadering": lijsten.pk, "tekst": "Plan", "eigenaar": "COA", "termijn": "2024-01-01"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == PROBLEEM
    assert antwoord.json()["invalidParams"] == [
        {
            "name": "body",
            "code": "invalid",
            "reason": "De termijn 1-1-2024 ligt vóór de vergadering van 4-3-2024.",
        }
    ]
    assert Actie.objects.filter(provincie__code="PV23").count() == 2


def test_verslag_goedkeuren_via_de_api(lijsten, secretaris):
    later = services.vergadering_aanmaken(
        door=secretaris, provincie=lijsten.provincie, datum=D(2024, 6, 7)
    )
    client = api_client("secretaris-overijssel")
    url = f"/api/v1/vergaderingen/{lijsten.pk}"
    antwoord = client.put(
        url,
        {"datum": "2024-03-04", "verslag": "Verslag 4 maart", "verslagGoedgekeurdIn": later.pk},
        format="json",
        HTTP_IF_MATCH=client.get(url)["ETag"],
    )
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["verslagGoedgekeurdIn"] == later.pk


def test_toezicht_en_afspraken(demodata):
    client = api_client("secretaris-overijssel")
    antwoord = client.post(
        "/api/v1/toezichten",
        {"gemeente": "GM0183", "regime": "rood", "sinds": "2024-04-01"},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    toezicht = antwoord.json()["id"]
    antwoord = client.post(
        "/api/v1/toezichtafspraken",
        {"toezicht": toezicht, "omschrijving": "Plan van aanpak", "datum": "2024-07-01"},
        format="json",
    )
    assert antwoord.status_code == 201
    gelezen = api_client("lid").get("/api/v1/toezichten?gemeente=GM0183").json()["resultaten"]
    assert gelezen[0]["afspraken"][0]["omschrijving"] == "Plan van aanpak"
    assert Toezicht.objects.get().history.count() == 1
    antwoord = api_client("secretaris-gelderland").post(
        "/api/v1/toezichten",
        {"gemeente": "GM0183", "regime": "groen", "sinds": "2024-09-01"},
        format="json",
    )
    assert antwoord.status_code == 403


def test_mijlpaal_wijzigen_maar_niet_aanmaken(lijsten):
    client = api_client("secretaris-overijssel")
    mijlpaal = Mijlpaal.objects.get(soort="verslag_cdk")
    url = f"/api/v1/spreidingswet-mijlpalen/{mijlpaal.pk}"
    antwoord = client.put(
        url,
        {"uiterlijk": "2024-11-01", "status": "gereed", "gereedOp": "2024-10-30"},
        format="json",
        HTTP_IF_MATCH=client.get(url)["ETag"],
    )
    assert antwoord.status_code == 200 and antwoord.json()["gereedOp"] == "2024-10-30"
    assert client.post("/api/v1/spreidingswet-mijlpalen", {}, format="json").status_code == 405


# resource -> (body of a POST, body of a PUT, field to check after the PUT)
SCHRIJFBARE_LIJSTEN = {
    "regietafelbesluiten": (
        lambda v: {"vergadering": v.pk, "tekst": "Planning vastgesteld"},
        {"tekst": "Planning 2024 vastgesteld"},
        ("tekst", "Planning 2024 vastgesteld"),
    ),
    "knelpunten": (
        lambda v: {"ingebrachtIn": v.pk, "thema": "netcongestie", "omschrijving": "Geen net"},
        {
            "thema": "netcongestie",
            "omschrijving": "Geen net",
            "status": "geescaleerd",
            "geescaleerdNaar": "LRT",
            "geescaleerdOp": "2024-03-20",
        },
        ("geescaleerdNaar", "LRT"),
    ),
    "verzoeken": (
        lambda v: {
            "provincie": "PV23",
            "veiligheidsregio": "VR05",
            "omschrijving": "225 plekken crisisnoodopvang",
            "soort": "crisisnoodopvang",
            "aantal": 225,
            "ontvangenOp": "2024-01-10",
            "uiterlijk": "2024-02-01",
        },
        {
            "veiligheidsregio": "VR05",
            "omschrijving": "225 plekken crisisnoodopvang",
            "soort": "crisisnoodopvang",
            "aantal": 225,
            "ontvangenOp": "2024-01-10",
            "uiterlijk": "2024-02-01",
            "status": "beantwoord",
            "antwoord": "Sporthal Almelo",
            "beantwoordOp": "2024-01-20",
        },
        ("status", "beantwoord"),
    ),
}


@pytest.mark.parametrize("resource", SCHRIJFBARE_LIJSTEN)
def test_schrijven_per_lijst(lijsten, resource):
    nieuw, gewijzigd, (veld, waarde) = SCHRIJFBARE_LIJSTEN[resource]
    pad = f"/api/v1/{resource}"
    assert api_client("lid").post(pad, nieuw(lijsten), format="json").status_code == 403
    secretaris = api_client("secretaris-overijssel")
    antwoord = secretaris.post(pad, nieuw(lijsten), format="json")
    assert antwoord.status_code == 201, antwoord.content
    url = f"{pad}/{antwoord.json()['id']}"
    lid = api_client("lid")
    assert lid.put(url, gewijzigd, format="json", HTTP_IF_MATCH="*").status_code == 403
    antwoord = secretaris.put(
        url, gewijzigd, format="json", HTTP_IF_MATCH=secretaris.get(url)["ETag"]
    )
    assert antwoord.status_code == 200, antwoord.content
    assert lid.get(url).json()[veld] == waarde
    assert api_client("secretaris-gelderland").get(url).status_code == 404
