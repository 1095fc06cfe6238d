"""The entry grid through real requests: row messages, verschil per row, conflict page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from realisatie.invoer import services
from realisatie.invoer.rijen import OekraineRij
from realisatie.models import OekraineTelling, Peildatum

GRID = ("PV23", "2024-09-01", "oekraine")


@pytest.fixture
def ingelogd(client, secretaris):
    client.force_login(secretaris)
    return client


def formulier(antwoord) -> dict[str, str]:
    """The grid's data as the browser would post it (every row, prefilled values)."""
    data = {}
    for form, *_rest in antwoord.context["rijen"]:
        for veld in form:
            waarde = veld.value()
            data[veld.html_name] = "" if waarde is None else str(waarde)
    return data


def test_grid_has_a_row_per_gemeente_of_the_province(ingelogd, peildatum):
    antwoord = ingelogd.get(reverse("invoer:grid", args=GRID))
    assert antwoord.status_code == 200
    codes = [form.gemeente.code for form, *_ in antwoord.context["rijen"]]
    assert len(codes) == 25 and "GM0150" in codes and "GM0202" not in codes


def test_invalid_row_shows_its_message_and_nothing_is_saved(ingelogd, peildatum):
    data = formulier(ingelogd.get(reverse("invoer:grid", args=GRID)))
    data.update({"GM0150-goo_totaal": "520", "GM0193-goo_totaal": "100", "GM0193-goo_bezet": "120"})

    antwoord = ingelogd.post(reverse("invoer:grid", args=GRID), data)

    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    # Next to its field, which is marked and described by it (issue 14).
    assert (
        '<span class="veldfout" id="id_GM0193-goo_bezet_error">'
        "Bezet (120) is meer dan het totaal (100).</span>"
    ) in html
    veld = str(antwoord.context["rijen"][-1][0]["goo_bezet"])  # Zwolle is the last row
    assert 'aria-invalid="true"' in veld and 'aria-describedby="id_GM0193-goo_bezet_error"' in veld
    # And in the summary at the top, linked to the field.
    [melding] = antwoord.context["samenvatting"]
    assert (melding.veld_id, melding.tekst) == (
        "id_GM0193-goo_bezet",
        "Zwolle, bezet: Bezet (120) is meer dan het totaal (100).",
    )
    assert 'href="#id_GM0193-goo_bezet"' in html
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


def test_not_a_number_is_refused_in_dutch(ingelogd, peildatum):
    data = formulier(ingelogd.get(reverse("invoer:grid", args=GRID)))
    data["GM0150-goo_totaal"] = "-3"
    antwoord = ingelogd.post(reverse("invoer:grid", args=GRID), data)
    assert antwoord.status_code == 400
    assert "-3 is negatief; vul 0 of meer in." in antwoord.content.decode()


def test_saved_rows_show_verschil_and_percentage(ingelogd, peildatum):
    data = formulier(ingelogd.get(reverse("invoer:grid", args=GRID)))
    data.update({"GM0150-goo_totaal": "468", "GM0193-goo_totaal": "607"})

    antwoord = ingelogd.post(reverse("invoer:grid", args=GRID), data, follow=True)

    assert antwoord.status_code == 200
    rijen = {form.gemeente.code: rest for form, *rest in antwoord.context["rijen"]}
    # Deventer: opgave 520 (werkplan), 468 realised -> -52, 90%.
    assert rijen["GM0150"][1:] == [520, -52, 90]
    assert rijen["GM0193"][1:] == [607, 0, 100]
    assert "Opgeslagen: 2 gemeenten gewijzigd." in antwoord.content.decode()


def test_stale_form_gives_a_conflict_page_with_both_values(ingelogd, peildatum, client):
    data = formulier(ingelogd.get(reverse("invoer:grid", args=GRID)))
    data["GM0150-goo_totaal"] = "500"
    ingelogd.post(reverse("invoer:grid", args=GRID), data)
    oud = formulier(ingelogd.get(reverse("invoer:grid", args=GRID)))  # both load version 1
    eerste, tweede = dict(oud), dict(oud)
    eerste["GM0150-goo_totaal"], tweede["GM0150-goo_totaal"] = "510", "530"

    assert ingelogd.post(reverse("invoer:grid", args=GRID), eerste).status_code == 302
    antwoord = ingelogd.post(reverse("invoer:grid", args=GRID), tweede)

    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert 'data-kolom="eigen">530<' in html and 'data-kolom="opgeslagen">510<' in html
    # Fields by the names a person reads, not the code's names.
    assert '<tr data-veld="goo_totaal"><th scope="row">GOO-plaatsen totaal</th>' in html
    assert '<th scope="row">Toelichting</th>' in html
    assert OekraineTelling.objects.get(peildatum=peildatum).goo_totaal == 510


def test_grid_is_prefilled_from_the_previous_peildatum(ingelogd, overijssel, secretaris):
    eerder = Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 6, 1))
    services.oekraine_tellingen_opslaan(
        peildatum=eerder, door=secretaris, rijen=[OekraineRij("GM0150", goo_totaal=468)]
    )
    Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 9, 1))

    antwoord = ingelogd.get(reverse("invoer:grid", args=GRID))

    rijen = {
        form.gemeente.code: (form, vooringevuld)
        for form, vooringevuld, *_ in antwoord.context["rijen"]
    }
    form, vooringevuld = rijen["GM0150"]
    assert (form["goo_totaal"].value(), form["versie"].value(), vooringevuld) == (468, None, True)
    assert rijen["GM0193"][0]["goo_totaal"].value() is None
