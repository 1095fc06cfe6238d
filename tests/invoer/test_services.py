"""The entry services: validation per row, all-or-nothing, permissions, vaststellen."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from realisatie.invoer import herstel, services
from realisatie.invoer.rijen import AsielRij, HuisvestingRij, OekraineRij
from realisatie.models import AsielTelling, Heropening, Huisvesting, OekraineTelling, Peildatum


def opslaan(peildatum, door, *rijen, bevestigd=False):
    return services.oekraine_tellingen_opslaan(
        peildatum=peildatum, door=door, rijen=list(rijen), bevestigd=bevestigd
    )


def test_valid_rows_are_saved_with_who_in_the_history(peildatum, secretaris):
    resultaat = opslaan(
        peildatum,
        secretaris,
        OekraineRij("GM0150", goo_totaal=520, goo_bezet=480, goo_beschikbaar=30, poo=12),
        OekraineRij("GM0193", goo_totaal=607, toelichting="Inclusief hotel."),
    )

    assert resultaat.gelukt, resultaat
    deventer = OekraineTelling.objects.get(peildatum=peildatum, gemeente__code="GM0150")
    assert (deventer.goo_totaal, deventer.goo_bezet, deventer.goo_beschikbaar) == (520, 480, 30)
    zwolle = OekraineTelling.objects.get(peildatum=peildatum, gemeente__code="GM0193")
    assert zwolle.poo is None  # not registered stays unknown, not 0
    assert zwolle.toelichting == "Inclusief hotel."
    assert deventer.history.get().history_user == secretaris


def test_one_invalid_row_writes_nothing_and_says_why_on_that_row(peildatum, secretaris):
    resultaat = opslaan(
        peildatum,
        secretaris,
        OekraineRij("GM0150", goo_totaal=520, goo_bezet=480),
        OekraineRij("GM0193", goo_totaal=100, goo_bezet=120),
        OekraineRij("GM0153", goo_totaal=100, goo_bezet=60, goo_beschikbaar=50),
    )

    assert not resultaat.gelukt
    assert list(resultaat.fouten) == ["GM0193", "GM0153"]
    assert "meer dan het totaal" in resultaat.fouten["GM0193"][0]
    assert "totaal min bezet (40)" in resultaat.fouten["GM0153"][0]
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


@pytest.mark.parametrize("waarde", [-1, 2.5, "12"])
def test_only_whole_non_negative_numbers(peildatum, secretaris, waarde):
    resultaat = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=waarde))
    assert resultaat.fouten == {"GM0150": ["Vul hele getallen van 0 of meer in."]}


def test_a_gemeente_of_another_province_is_refused(peildatum, secretaris):
    resultaat = opslaan(peildatum, secretaris, OekraineRij("GM0202", goo_totaal=10))  # Arnhem
    assert "GM0202 is geen gemeente van Overijssel." in resultaat.fouten["GM0202"]
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


def test_secretary_of_another_province_is_refused(peildatum, secretaris_gelderland):
    with pytest.raises(PermissionDenied):
        opslaan(peildatum, secretaris_gelderland, OekraineRij("GM0150", goo_totaal=10))


def test_invoerder_edits_only_its_own_gemeente(peildatum, invoerder_deventer):
    assert opslaan(peildatum, invoerder_deventer, OekraineRij("GM0150", goo_totaal=10)).gelukt
    resultaat = opslaan(peildatum, invoerder_deventer, OekraineRij("GM0193", goo_totaal=10))
    assert resultaat.fouten == {"GM0193": ["U mag de cijfers van Zwolle niet wijzigen."]}


def test_absurd_value_needs_confirmation(overijssel, peildatum, secretaris):
    eerder = Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 6, 1))
    assert opslaan(eerder, secretaris, OekraineRij("GM0150", goo_totaal=52)).gelukt

    resultaat = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=521))
    assert resultaat.bevestigen["GM0150"] == [
        "GOO-plaatsen totaal: 521 is tien keer het cijfer van peildatum 1-6-2024 (52) of meer; "
        "bevestig dat het klopt."
    ]
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()

    assert opslaan(
        peildatum, secretaris, OekraineRij("GM0150", goo_totaal=521), bevestigd=True
    ).gelukt


def test_second_save_on_stale_data_is_a_conflict_and_both_values_survive(peildatum, secretaris):
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=500)).gelukt
    gezien = OekraineTelling.objects.get(peildatum=peildatum).versie  # both editors load v1

    eerste = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=510, versie=gezien))
    tweede = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=530, versie=gezien))

    assert eerste.gelukt
    assert not tweede.gelukt
    [conflict] = tweede.conflicten
    assert (conflict.eigen["goo_totaal"], conflict.opgeslagen["goo_totaal"]) == (530, 510)
    telling = OekraineTelling.objects.get(peildatum=peildatum)
    assert (telling.goo_totaal, telling.versie) == (510, gezien + 1)
    assert [h.goo_totaal for h in telling.history.order_by("history_date")] == [500, 510]


def test_a_new_row_that_someone_else_created_meanwhile_is_a_conflict(peildatum, secretaris):
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=500)).gelukt
    resultaat = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=400))
    assert [c.gemeente for c in resultaat.conflicten] == ["GM0150"]
    assert OekraineTelling.objects.get(peildatum=peildatum).goo_totaal == 500


def test_vastgesteld_blocks_every_figure_until_reopened(peildatum, secretaris):
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=500)).gelukt
    services.peildatum_vaststellen(peildatum=peildatum, door=secretaris)
    peildatum.refresh_from_db()

    resultaat = opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=9, versie=1))
    assert "vastgesteld" in resultaat.fouten[""][0]
    asiel = services.asieltellingen_opslaan(
        peildatum=peildatum, door=secretaris, rijen=[AsielRij("GM0150", regulier=5)]
    )
    assert not asiel.gelukt
    telling = OekraineTelling.objects.get(peildatum=peildatum)
    [eerder] = telling.history.filter(goo_totaal=500)
    assert not herstel.waarde_herstellen(
        soort="oekrainetelling", history_id=eerder.history_id, door=secretaris
    ).gelukt
    assert OekraineTelling.objects.get(peildatum=peildatum).goo_totaal == 500

    with pytest.raises(ValidationError):
        services.peildatum_heropenen(peildatum=peildatum, door=secretaris, reden="  ")
    services.peildatum_heropenen(peildatum=peildatum, door=secretaris, reden="Typefout Deventer")
    peildatum.refresh_from_db()
    assert not peildatum.is_vastgesteld
    assert Heropening.objects.get(peildatum=peildatum).reden == "Typefout Deventer"
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=9, versie=1)).gelukt


def test_restore_writes_the_old_value_as_a_new_version(peildatum, secretaris):
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=500)).gelukt
    assert opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=50, versie=1)).gelukt
    telling = OekraineTelling.objects.get(peildatum=peildatum)
    eerste = telling.history.get(goo_totaal=500)

    resultaat = herstel.waarde_herstellen(
        soort="oekrainetelling", history_id=eerste.history_id, door=secretaris
    )

    assert resultaat.gelukt
    telling.refresh_from_db()
    assert (telling.goo_totaal, telling.versie) == (500, 3)
    assert [h.goo_totaal for h in telling.history.order_by("history_date")] == [500, 50, 500]


def test_audit_log_names_actor_action_object_result(peildatum, secretaris, caplog):
    caplog.set_level("INFO", logger="prt.audit")
    opslaan(peildatum, secretaris, OekraineRij("GM0150", goo_totaal=500))
    [regel] = [r.getMessage() for r in caplog.records if r.name == "prt.audit"]
    assert regel.startswith("actor=secretaris-overijssel action=oekrainetelling_opslaan")
    assert regel.endswith("result=ok (1 rijen)")


def test_asiel_amv_not_above_total(peildatum, secretaris):
    resultaat = services.asieltellingen_opslaan(
        peildatum=peildatum,
        door=secretaris,
        rijen=[AsielRij("GM0150", regulier=100, tgo=20, waarvan_amv=121)],
    )
    assert "(121)" in resultaat.fouten["GM0150"][0] and "(120)" in resultaat.fouten["GM0150"][0]
    assert not AsielTelling.objects.filter(peildatum=peildatum).exists()


def test_huisvesting_dates_in_order_and_amv_within(overijssel, secretaris):
    resultaat = services.huisvesting_opslaan(
        provincie=overijssel,
        door=secretaris,
        rijen=[
            HuisvestingRij(
                "GM0150", datetime.date(2024, 2, 1), datetime.date(2024, 1, 31), gehuisvest=5
            ),
            HuisvestingRij("GM0193", datetime.date(2024, 1, 1), datetime.date(2024, 1, 31), 10, 11),
        ],
    )
    assert set(resultaat.fouten) == {"GM0150", "GM0193"}
    assert not Huisvesting.objects.filter(gemeente__code__in=["GM0150", "GM0193"]).exists()


def test_peildatum_twice_is_refused(overijssel, secretaris, secretaris_gelderland):
    services.peildatum_aanmaken(
        provincie=overijssel, datum=datetime.date(2024, 10, 1), door=secretaris
    )
    with pytest.raises(ValidationError):
        services.peildatum_aanmaken(
            provincie=overijssel, datum=datetime.date(2024, 10, 1), door=secretaris
        )
    with pytest.raises(PermissionDenied):
        services.peildatum_aanmaken(
            provincie=overijssel, datum=datetime.date(2024, 11, 1), door=secretaris_gelderland
        )
