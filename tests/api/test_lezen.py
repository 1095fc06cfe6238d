"""Reads: the samenvatting has the dashboard's figures, collections their filters."""

import datetime

from gemeenten.models import Gemeente, Provincie
from realisatie.models import Capaciteitsperiode, Opvanglocatie
from realisatie.overzicht import provincie_overzicht


def _blok(samenvatting, soort):
    return next(b for b in samenvatting["blokken"] if b["soort"] == soort)


def _regel(blok, naam):
    return next(r for r in blok["regels"] if r["naam"] == naam)


def test_overijssel_samenvatting_has_the_werkplan_figures(lid):
    response = lid.get("/api/v1/provincies/PV23/samenvatting", {"peildatum": "2024-06-30"})
    assert response.status_code == 200
    body = response.json()
    oekraine = _blok(body, "oekraine")
    totaal = oekraine["regels"][0]
    assert totaal["code"] == "PV23"
    assert totaal["waarden"]["opgave"] == {
        "waarde": 7882,
        "bron": "gemeenten",
        "peildatum": None,
        "herkomst": ["besluit"],
        "ouder": None,
    }
    # Nothing registered: unknown, never 0.
    assert totaal["waarden"]["realisatie"] == {
        "waarde": None,
        "bron": "onbekend",
        "peildatum": None,
        "herkomst": [],
        "ouder": None,
    }
    assert _regel(oekraine, "IJsselland")["waarden"]["opgave"]["waarde"] == 3998
    assert _regel(oekraine, "Twente")["waarden"]["opgave"]["waarde"] == 3884
    asiel = _blok(body, "asiel")["regels"][0]["waarden"]
    assert asiel["opgave"]["waarde"] == 6325
    assert asiel["opgave_amv"]["waarde"] == 538
    statushouders = _blok(body, "statushouders")
    assert statushouders["halfjaar"] == "2024-I"
    assert statushouders["regels"][0]["waarden"]["taakstelling"]["waarde"] == 1249
    assert statushouders["regels"][0]["waarden"]["te_realiseren"]["waarde"] == 1693
    assert _regel(statushouders, "IJsselland")["waarden"]["te_realiseren"]["waarde"] == 766
    assert _regel(statushouders, "Twente")["waarden"]["te_realiseren"]["waarde"] == 927


def test_gelderland_samenvatting_of_the_provinciaal_plan(lid):
    body = lid.get("/api/v1/provincies/PV25/samenvatting", {"peildatum": "2024-01-01"}).json()
    asiel = _blok(body, "asiel")["regels"][0]["waarden"]
    assert asiel["opgave"]["waarde"] == 7590
    assert asiel["realisatie"]["waarde"] == 9274
    body = lid.get("/api/v1/provincies/PV25/samenvatting", {"peildatum": "2024-01-08"}).json()
    oekraine = _blok(body, "oekraine")["regels"][0]["waarden"]  # measured on 8-1-2024
    assert oekraine["opgave"]["waarde"] == 12284
    assert oekraine["realisatie"]["waarde"] == 11083
    assert oekraine["verschil"]["waarde"] == -1201


def test_samenvatting_is_the_dashboard_overview_row_for_row(lid):
    datum = datetime.date(2024, 1, 8)
    body = lid.get("/api/v1/provincies/PV25/samenvatting", {"peildatum": "2024-01-08"}).json()
    overzicht = provincie_overzicht(Provincie.objects.get(code="PV25"), datum)
    assert [b["soort"] for b in body["blokken"]] == [b.soort for b in overzicht.blokken]
    for blok_api, blok in zip(body["blokken"], overzicht.blokken, strict=True):
        assert [r["code"] for r in blok_api["regels"]] == [r.knoop.code for r in blok.regels]
        for regel_api, regel in zip(blok_api["regels"], blok.regels, strict=True):
            assert {k: v["waarde"] for k, v in regel_api["waarden"].items()} == {
                k: v.waarde for k, v in regel.waarden.items()
            }


def test_samenvatting_with_invalid_peildatum_is_400(lid):
    response = lid.get("/api/v1/provincies/PV23/samenvatting", {"peildatum": "gisteren"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "peildatum"


def test_etag_is_stable_and_changes_with_the_data(lid):
    eerste = lid.get("/api/v1/gemeenten/GM0150")["ETag"]
    assert lid.get("/api/v1/gemeenten/GM0150")["ETag"] == eerste
    Gemeente.objects.filter(code="GM0150").update(inwoners=101_000, inwoners_peiljaar=2023)
    assert lid.get("/api/v1/gemeenten/GM0150")["ETag"] != eerste


def test_gemeente_by_cbs_code_with_validity(lid):
    deventer = Gemeente.objects.get(code="GM0150")
    Gemeente.objects.filter(pk=deventer.pk).update(geldig_tot_en_met=datetime.date(2024, 12, 31))
    assert lid.get("/api/v1/gemeenten/GM0150").json()["geldigTotEnMet"] == "2024-12-31"
    namen = [
        g["code"]
        for g in lid.get(
            "/api/v1/gemeenten", {"provincie": "PV23", "geldigOp": "2025-01-01"}
        ).json()["resultaten"]
    ]
    assert "GM0150" not in namen and len(namen) == 24
    assert lid.get("/api/v1/gemeenten/GM9999").status_code == 404


def test_opvanglocatie_with_its_capacity_periods(lid):
    locatie = Opvanglocatie.objects.create(
        gemeente=Gemeente.objects.get(code="GM0193"),
        naam="azc Zwolle",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=400,
        van=datetime.date(2020, 1, 1),
        status="gerealiseerd",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=600,
        van=datetime.date(2026, 1, 1),
        status="gepland",
    )
    body = lid.get("/api/v1/opvanglocaties", {"gemeente": "GM0193"}).json()
    assert body["aantal"] == 1
    perioden = body["resultaten"][0]["perioden"]
    assert [(p["plaatsen"], p["status"]) for p in perioden] == [
        (400, "gerealiseerd"),
        (600, "gepland"),
    ]


def test_member_sees_only_the_provinces_granted(lid, als):
    provincies = {
        o["gebied"]["code"][:4] if o["gebied"]["niveau"] == "provincie" else None
        for o in lid.get("/api/v1/opgaven", {"paginaGrootte": 500}).json()["resultaten"]
    }
    assert "PV24" not in provincies  # Flevoland: not granted to this member
    alle = als("beheerder").get("/api/v1/opgaven", {"provincie": "PV24"}).json()
    assert alle["aantal"] >= 1
    assert lid.get("/api/v1/opgaven", {"provincie": "PV24"}).json()["aantal"] == 0
