"""Bulk upsert of Oekraïne figures: written through the API, read back from the
samenvatting and the dashboard; If-Match, all-or-nothing, vastgesteld, audit trail."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from gemeenten.models import Gemeente
from realisatie.models import OekraineTelling, Peildatum

PAD = "/api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen"


def _werkplan_opgave() -> dict[str, int]:
    """The Oekraïne opgave per gemeente of the Overijssel werkplan, by CBS code."""
    bestand = Path(settings.BASE_DIR) / "fixtures" / "demo" / "overijssel_oekraine_opgave.csv"
    with bestand.open(encoding="utf-8") as f:
        per_naam = {r["gemeente"]: int(r["opgave"]) for r in csv.DictReader(f, delimiter=";")}
    codes = dict(Gemeente.objects.filter(provincie__code="PV23").values_list("naam", "code"))
    return {codes[naam]: aantal for naam, aantal in per_naam.items()}


def _schrijf(client, tellingen, etag=None, **extra):
    etag = etag or client.get(PAD)["ETag"]
    return client.post(PAD, {"tellingen": tellingen, **extra}, format="json", HTTP_IF_MATCH=etag)


def test_oekraine_figures_written_through_the_api_show_in_samenvatting_and_dashboard(
    secretaris_overijssel, lid
):
    # Every gemeente realises exactly its werkplan opgave: 3.998 + 3.884 = 7.882.
    tellingen = [
        {"gemeente": code, "gooTotaal": aantal, "gooBezet": None, "poo": None}
        for code, aantal in _werkplan_opgave().items()
    ]
    response = _schrijf(secretaris_overijssel, tellingen)
    assert response.status_code == 200, response.content
    assert len(response.json()["tellingen"]) == 25
    assert response["ETag"] == secretaris_overijssel.get(PAD)["ETag"]

    samenvatting = lid.get(
        "/api/v1/provincies/PV23/samenvatting", {"peildatum": "2024-09-01"}
    ).json()
    oekraine = next(b for b in samenvatting["blokken"] if b["soort"] == "oekraine")
    per_naam = {r["naam"]: r["waarden"] for r in oekraine["regels"]}
    assert per_naam["Overijssel"]["realisatie"] == {
        "waarde": 7882,
        "bron": "gemeenten",
        "peildatum": "2024-09-01",
        "herkomst": ["invoer"],
        "ouder": None,
    }
    assert per_naam["IJsselland"]["realisatie"]["waarde"] == 3998
    assert per_naam["Twente"]["realisatie"]["waarde"] == 3884
    assert per_naam["Overijssel"]["verschil"]["waarde"] == 0
    assert per_naam["Overijssel"]["percentage"]["waarde"] == 100
    assert oekraine["peildata"] == ["2024-09-01"]

    dashboard = Client()
    dashboard.force_login(get_user_model().objects.get(username="lid"))
    html = dashboard.get("/provincies/PV23/", {"peildatum": "2024-09-01"}).content.decode()
    oekraine_html = html[html.index("Oekraïne") :]
    # Opgave and realisatie both 7.882 now; before the write the realisatie was unknown.
    assert oekraine_html.count(">7.882<") >= 2
    assert ">3.998<" in oekraine_html and ">3.884<" in oekraine_html
    assert ">100%<" in oekraine_html


def test_every_write_is_in_the_audit_trail_with_the_api_user(secretaris_overijssel):
    eerste = _schrijf(secretaris_overijssel, [{"gemeente": "GM0150", "gooTotaal": 500}])
    assert eerste.status_code == 200
    telling = OekraineTelling.objects.get(gemeente__code="GM0150")
    laatste = telling.history.latest()
    assert laatste.history_user.username == "secretaris-overijssel"
    assert laatste.goo_totaal == 500
    assert Peildatum.objects.get(provincie__code="PV23", datum="2024-09-01").history.exists()


def test_write_without_if_match_is_428_and_writes_nothing(secretaris_overijssel):
    response = secretaris_overijssel.post(
        PAD, {"tellingen": [{"gemeente": "GM0150", "gooTotaal": 500}]}, format="json"
    )
    assert response.status_code == 428
    assert response["Content-Type"] == "application/problem+json"
    assert not OekraineTelling.objects.filter(gemeente__code="GM0150").exists()


def test_stale_if_match_is_412_so_clients_do_not_overwrite_each_other(als):
    eerste, tweede = als("secretaris-overijssel"), als("beheerder")
    gelezen = eerste.get(PAD)["ETag"]
    assert _schrijf(tweede, [{"gemeente": "GM0150", "gooTotaal": 520}]).status_code == 200
    response = _schrijf(eerste, [{"gemeente": "GM0150", "gooTotaal": 500}], etag=gelezen)
    assert response.status_code == 412
    assert response.json()["status"] == 412
    assert OekraineTelling.objects.get(gemeente__code="GM0150").goo_totaal == 520


def test_one_bad_item_writes_nothing_and_each_problem_is_reported(secretaris_overijssel):
    response = _schrijf(
        secretaris_overijssel,
        [
            {"gemeente": "GM0150", "gooTotaal": 500},
            {"gemeente": "GM0363", "gooTotaal": 10},  # Amsterdam: not in Overijssel
            {"gemeente": "GM0193", "gooTotaal": 100, "gooBezet": 120},
        ],
    )
    assert response.status_code == 400
    namen = {p["name"] for p in response.json()["invalidParams"]}
    assert namen == {"tellingen[1].gemeente", "tellingen[2].gemeente"}
    assert not OekraineTelling.objects.filter(gemeente__provincie__code="PV23").exists()
    assert not Peildatum.objects.filter(provincie__code="PV23", datum="2024-09-01").exists()


@pytest.mark.parametrize(
    ("item", "veld"),
    [
        ({"gemeente": "0150", "gooTotaal": 1}, "tellingen[0].gemeente"),
        ({"gemeente": "GM0150", "gooTotaal": -1}, "tellingen[0].gooTotaal"),
        ({"gemeente": "GM0150", "poo": "veel"}, "tellingen[0].poo"),
    ],
)
def test_invalid_items_are_400_per_field(secretaris_overijssel, item, veld):
    response = _schrijf(secretaris_overijssel, [item])
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [veld]


def test_vastgestelde_peildatum_is_read_only_here_too(secretaris_overijssel):
    eerste = _schrijf(secretaris_overijssel, [{"gemeente": "GM0150", "gooTotaal": 500}])
    assert eerste.status_code == 200
    Peildatum.objects.filter(provincie__code="PV23", datum="2024-09-01").update(
        vastgesteld_op=timezone.now()
    )
    response = _schrijf(secretaris_overijssel, [{"gemeente": "GM0150", "gooTotaal": 9}])
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert OekraineTelling.objects.get(gemeente__code="GM0150").goo_totaal == 500
