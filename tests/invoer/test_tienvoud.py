"""The tienvoud check in the entry services (issue 14): against the previous figure of
any kind, also within the same peildatum or month, never on the first peildatum, with
its confirmation per row; and in the import preview, before anything is saved."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.invoer import services
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij
from realisatie.models import AsielTelling, Huisvesting, OekraineTelling, Peildatum
from tests.exports.sjabloonhulp import invullen

D = datetime.date


def oekraine(peildatum, door, *rijen, bevestigd=False):
    return services.oekraine_tellingen_opslaan(
        peildatum=peildatum, door=door, rijen=list(rijen), bevestigd=bevestigd
    )


def test_the_first_peildatum_has_nothing_to_compare_with(peildatum, secretaris):
    assert oekraine(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=5_200)).gelukt


def test_an_edit_within_the_same_peildatum_is_checked(peildatum, secretaris):
    assert oekraine(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=520)).gelukt
    resultaat = oekraine(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=5_200, versie=1))
    assert resultaat.veldwaarschuwingen == {
        "GM0150": {
            "goo_totaal": [
                "GOO-plaatsen totaal: 5.200 is tien keer het cijfer van peildatum 1-9-2024 "
                "(520) of meer; bevestig dat het klopt."
            ]
        }
    }
    assert OekraineTelling.objects.get(peildatum=peildatum).goo_totaal == 520
    assert oekraine(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=5_199, versie=1)).gelukt


def test_confirmation_is_per_row(overijssel, peildatum, secretaris):
    eerder = Peildatum.objects.create(provincie=overijssel, datum=D(2024, 6, 1))
    assert oekraine(
        eerder,
        secretaris,
        OekraineRij("GM0150", goo_totaal=52),
        OekraineRij("GM0193", goo_totaal=60),
    ).gelukt
    rijen = [OekraineRij("GM0150", goo_totaal=520), OekraineRij("GM0193", goo_totaal=600)]

    resultaat = oekraine(peildatum, secretaris, *rijen, bevestigd={"GM0150"})
    assert list(resultaat.bevestigen) == ["GM0193"]  # Deventer confirmed, Zwolle not
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()

    assert oekraine(peildatum, secretaris, *rijen, bevestigd={"GM0150", "GM0193"}).gelukt


def test_asiel_compares_with_the_previous_realisation(overijssel, peildatum, secretaris):
    eerder = Peildatum.objects.create(provincie=overijssel, datum=D(2024, 6, 1))
    services.asieltellingen_opslaan(
        peildatum=eerder, door=secretaris, rijen=[AsielRij("GM0150", regulier=400)]
    )
    resultaat = services.asieltellingen_opslaan(
        peildatum=peildatum, door=secretaris, rijen=[AsielRij("GM0150", regulier=4_000)]
    )
    assert list(resultaat.veldwaarschuwingen["GM0150"]) == ["regulier"]


def test_statushouders_compare_with_the_previous_month(overijssel, secretaris):
    def maand(van, aantal, versie=None):
        tot = D(van.year, van.month + 1, 1) - datetime.timedelta(days=1)
        return HuisvestingRij("GM0150", van, tot, gehuisvest=aantal, versie=versie)

    assert services.huisvesting_opslaan(
        provincie=overijssel, door=secretaris, rijen=[maand(D(2024, 1, 1), 3)]
    ).gelukt
    resultaat = services.huisvesting_opslaan(
        provincie=overijssel, door=secretaris, rijen=[maand(D(2024, 2, 1), 30)]
    )
    assert resultaat.veldwaarschuwingen == {
        "GM0150": {
            "gehuisvest:2024-02": [
                "Gehuisvest: 30 is tien keer het cijfer van januari 2024 (3) of meer; "
                "bevestig dat het klopt."
            ]
        }
    }
    # An edit of January itself compares with what January holds.
    resultaat = services.huisvesting_opslaan(
        provincie=overijssel, door=secretaris, rijen=[maand(D(2024, 1, 1), 40, versie=1)]
    )
    assert "januari 2024 (3)" in resultaat.bevestigen["GM0150"][0]
    assert Huisvesting.objects.get(gemeente__code="GM0150").gehuisvest == 3


@pytest.fixture
def secretaris_client(client, secretaris):
    client.force_login(secretaris)
    return client


def test_the_import_preview_warns_before_anything_is_saved(demodata, secretaris_client):
    """Deventer had 52 GOO places on 1-4-2023; the template of 1-9-2024 says 520."""
    overijssel_1_4 = Peildatum.objects.get(provincie__code="PV23", datum=D(2023, 4, 1))
    door = get_user_model().objects.get(username="secretaris-overijssel")
    oekraine(overijssel_1_4, door, OekraineRij("GM0150", goo_totaal=52))
    nieuw = services.peildatum_aanmaken(
        provincie=overijssel_1_4.provincie, datum=D(2024, 9, 1), door=door
    )
    inhoud = invullen(
        sjabloon(ONDERWERPEN["oekraine"], nieuw), {("GM0150", "GOO-plaatsen totaal"): 520}
    )
    antwoord = secretaris_client.post(
        "/invoer/PV23/import/", {"bestand": SimpleUploadedFile("s.xlsx", inhoud)}
    )
    assert antwoord.status_code == 200
    [wijziging] = antwoord.context["uitkomst"].wijzigingen
    assert wijziging.waarschuwing.startswith("GOO-plaatsen totaal: 520 is tien keer")
    html = antwoord.content.decode()
    assert '<input type="checkbox" name="bevestigd" value="GM0150">' in html

    # Saving without ticking it saves nothing; with it, Deventer is saved.
    assert secretaris_client.post("/invoer/PV23/import/vastleggen/").status_code == 400
    assert not OekraineTelling.objects.filter(peildatum=nieuw).exists()
    antwoord = secretaris_client.post("/invoer/PV23/import/vastleggen/", {"bevestigd": "GM0150"})
    assert antwoord.status_code == 302
    assert OekraineTelling.objects.get(peildatum=nieuw, gemeente__code="GM0150").goo_totaal == 520


def test_planned_asiel_is_not_compared_with_itself(overijssel, peildatum, secretaris):
    resultaat = services.asieltellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[AsielRij("GM0150", regulier=4_000)],
        datum=D(2024, 12, 31),
    )
    assert resultaat.gelukt
    gepland = AsielTelling.objects.get(gemeente__code="GM0150", peildatum=peildatum)
    assert (gepland.datum, gepland.is_planning) == (D(2024, 12, 31), True)
