"""Opgaven entry: paste CBS code + number, taakstellingen with stand, uitruil."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gemeenten.models import Gemeente
from opgaven import services
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling


@pytest.fixture
def besluit(secretaris):
    return services.opgavebesluit_opslaan(
        door=secretaris,
        soort=Opgavesoort.OEKRAINE,
        naam="Verdeling Oekraïne 2025 (test)",
        bron="Brief 2024",
        streefdatum=datetime.date(2025, 1, 1),
        besluitdatum=datetime.date(2024, 6, 1),
        landelijk_totaal=120_000,
    )


def test_pasted_two_column_table_is_saved(besluit, overijssel, secretaris):
    tekst = "GM0150\t520\nGM0193\t607\n\nGM0153;1.980\n"
    resultaat = services.opgaven_plakken(
        besluit=besluit, provincie=overijssel, door=secretaris, tekst=tekst
    )
    assert resultaat.gelukt, resultaat
    aantallen = dict(Opgave.objects.filter(besluit=besluit).values_list("gemeente__code", "aantal"))
    assert aantallen == {"GM0150": 520, "GM0193": 607, "GM0153": 1980}

    # Pasting again replaces the figures and raises their version.
    services.opgaven_plakken(
        besluit=besluit, provincie=overijssel, door=secretaris, tekst="GM0150\t530"
    )
    deventer = Opgave.objects.get(besluit=besluit, gemeente__code="GM0150")
    assert (deventer.aantal, deventer.versie) == (530, 2)


def test_a_bad_line_writes_nothing(besluit, overijssel, secretaris):
    resultaat = services.opgaven_plakken(
        besluit=besluit, provincie=overijssel, door=secretaris, tekst="GM0150\t520\nDeventer\tveel"
    )
    assert list(resultaat.fouten) == ["regel 2"]
    assert not Opgave.objects.filter(besluit=besluit).exists()

    resultaat = services.opgaven_plakken(
        besluit=besluit, provincie=overijssel, door=secretaris, tekst="GM0202\t10"
    )
    assert resultaat.fouten == {"GM0202": ["GM0202 is geen gemeente van Overijssel."]}


def test_other_province_secretary_may_not_paste(besluit, overijssel, secretaris_gelderland):
    with pytest.raises(PermissionDenied):
        services.opgaven_plakken(
            besluit=besluit, provincie=overijssel, door=secretaris_gelderland, tekst="GM0150\t1"
        )


def test_taakstelling_with_stand_and_conflict(overijssel, secretaris):
    besluit = Opgavebesluit.objects.get(soort=Opgavesoort.STATUSHOUDERS, halfjaar="2024-I")
    deventer = Taakstelling.objects.get(besluit=besluit, gemeente__code="GM0150")
    rij = services.TaakstellingRij(
        "GM0150",
        aantal=108,
        stand_begin=-13,
        toelichting="Stand gecontroleerd",
        versie=deventer.versie,
    )

    assert services.taakstellingen_opslaan(
        besluit=besluit, provincie=overijssel, door=secretaris, rijen=[rij]
    ).gelukt
    verouderd = services.taakstellingen_opslaan(
        besluit=besluit, provincie=overijssel, door=secretaris, rijen=[rij]
    )
    assert [c.gemeente for c in verouderd.conflicten] == ["GM0150"]
    deventer.refresh_from_db()
    assert (deventer.aantal, deventer.stand_begin, deventer.versie) == (108, -13, 2)
    assert deventer.toelichting == "Stand gecontroleerd"


def test_uitruil_across_the_border(secretaris, secretaris_gelderland):
    deventer = Gemeente.objects.get(code="GM0150")
    apeldoorn = Gemeente.objects.get(code="GM0200")
    uitruil = services.uitruil_opslaan(
        door=secretaris,
        soort=Opgavesoort.ASIEL,
        van_gemeente=deventer,
        naar_gemeente=apeldoorn,
        aantal=200,
        begin=datetime.date(2025, 1, 1),
        einde=datetime.date(2026, 12, 31),
    )
    assert uitruil.history.get().history_user == secretaris
    with pytest.raises(ValidationError):
        services.uitruil_opslaan(
            door=secretaris,
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=deventer,
            aantal=0,
            begin=datetime.date(2024, 1, 1),
        )
    zwolle = Gemeente.objects.get(code="GM0193")
    with pytest.raises(PermissionDenied):
        services.uitruil_opslaan(
            door=secretaris_gelderland,
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=5,
            begin=datetime.date(2024, 1, 1),
        )


def test_paste_page_shows_the_line_that_is_wrong(client, besluit, secretaris):
    client.force_login(secretaris)
    antwoord = client.post(
        "/invoer/PV23/opgaven/", {"besluit": besluit.pk, "tekst": "GM0150\t520\nGM0193 zeshonderd"}
    )
    assert antwoord.status_code == 400
    assert "Regel 2: schrijf een CBS-code, een heel getal en eventueel het deel voor amv" in (
        antwoord.content.decode()
    )
    assert not Opgave.objects.filter(besluit=besluit).exists()

    antwoord = client.post("/invoer/PV23/opgaven/", {"besluit": besluit.pk, "tekst": "GM0150\t520"})
    assert antwoord.status_code == 302
    assert Opgave.objects.get(besluit=besluit).aantal == 520


def test_paste_with_a_third_column_sets_the_amv_part(besluit, client, secretaris):
    """Overijssel werkplan: Deventer 529 asylum places per 1-1-2025, of which 45 amv; the
    secretary enters the amv part on screen instead of through the admin (issue 14)."""
    client.force_login(secretaris)
    antwoord = client.post(
        "/invoer/PV23/opgaven/", {"besluit": besluit.pk, "tekst": "GM0150\t529\t45\n"}
    )
    assert antwoord.status_code == 302
    opgave = Opgave.objects.get(besluit=besluit, gemeente__code="GM0150")
    assert (opgave.aantal, opgave.waarvan_amv) == (529, 45)
    assert opgave.history.first().history_user == secretaris

    antwoord = client.post(
        "/invoer/PV23/opgaven/", {"besluit": besluit.pk, "tekst": "GM0150\t529\t600"}
    )
    assert antwoord.status_code == 400
    assert "Waarvan amv (600) is meer dan het totaal (529)." in antwoord.content.decode()
    assert Opgave.objects.get(besluit=besluit, gemeente__code="GM0150").waarvan_amv == 45
