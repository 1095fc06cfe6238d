"""Downloading the bijlagen: who may, what the file is, and a clear refusal of bad input."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.exports.werkboeklezer import open_werkboek

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def lid(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


@pytest.mark.parametrize(
    ("pad", "bladen"),
    [
        ("/exports/PV23/bijlage-2.xlsx", ["Asiel per kwartaal"]),
        ("/exports/PV23/bijlage-3.xlsx?halfjaren=2024-I", ["Statushouders"]),
        ("/exports/PV25/bijlage-4.xlsx?peildatum=2024-01-08", ["Oekraïne"]),
        (
            "/exports/PV25/stand-van-zaken.xlsx?peildatum=2024-01-08",
            ["Asiel per locatie", "Amv COA", "Oekraïne", "Statushouders", "Amv Nidos"],
        ),
    ],
)
def test_member_downloads_a_workbook(lid, pad, bladen):
    antwoord = lid.get(pad)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == XLSX
    assert antwoord["Content-Disposition"].startswith("attachment; filename=")
    assert open_werkboek(antwoord.content).sheetnames == bladen


def test_default_half_years_are_those_with_a_housing_target(lid):
    boek = open_werkboek(lid.get("/exports/PV25/bijlage-3.xlsx").content)
    blad = boek.active
    groepen = [
        c.value for c in blad[blad.freeze_panes and int(blad.freeze_panes[1:]) - 2] if c.value
    ]
    assert groepen == ["2023-I", "2023-II", "2024-I"]


def test_overview_page_lists_the_downloads(lid):
    antwoord = lid.get("/exports/PV23/")
    assert antwoord.status_code == 200
    assert b"/exports/PV23/bijlage-4.xlsx" in antwoord.content
    assert antwoord.context["provincie"].code == "PV23"
    assert "<title>Excel-bijlagen" in antwoord.content.decode()  # not the CSV section


def test_province_not_granted_is_refused(lid):
    assert lid.get("/exports/PV20/bijlage-4.xlsx").status_code == 403
    assert lid.get("/exports/PV20/").status_code == 403


def test_anonymous_is_sent_to_login(demodata, client):
    antwoord = client.get("/exports/PV23/bijlage-4.xlsx")
    assert antwoord.status_code == 302
    assert "/accounts/login/" in antwoord["Location"]


@pytest.mark.parametrize(
    ("pad", "melding"),
    [
        ("/exports/PV23/bijlage-4.xlsx?peildatum=1-1-2024", "Ongeldige peildatum '1-1-2024'"),
        ("/exports/PV23/bijlage-2.xlsx?van=2024-Q5", "Ongeldig kwartaal '2024-Q5'"),
        ("/exports/PV23/bijlage-2.xlsx?van=2025-Q1&tot=2024-Q1", "Het laatste kwartaal ligt voor"),
        ("/exports/PV23/bijlage-2.xlsx?van=2025-Q1&tot=2030-Q2", "Kies hoogstens 20 kwartalen"),
        ("/exports/PV23/bijlage-3.xlsx?halfjaren=2024-III", "Ongeldig halfjaar"),
    ],
)
def test_bad_parameters_get_a_dutch_message(lid, pad, melding):
    antwoord = lid.get(pad)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()


def test_excel_start_lists_the_readable_provinces(lid):
    antwoord = lid.get("/exports/")
    assert antwoord.status_code == 200
    assert b"/exports/PV23/" in antwoord.content and b"/exports/PV25/" in antwoord.content
    assert b"/exports/PV20/" not in antwoord.content


def test_excel_start_goes_straight_to_the_only_province(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    antwoord = client.get("/exports/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/exports/PV23/"


def test_years_and_ids_are_never_grouped_like_figures(lid):
    """A year or an id is a code: "2024", never "2.024" (issue 14, blocker 1)."""
    from django.template import Context, Template

    jaar = timezone.localdate().year  # the default horizon starts in Q1 of this year
    assert f'value="{jaar}-Q1"' in lid.get("/exports/PV23/").content.decode()
    assert f'value="{jaar}-Q1"' in lid.get("/provincies/PV23/vooruitblik/").content.decode()
    weergave = Template("{% load cijfers %}{{ jaar }} {{ jaar|aantal }}").render(
        Context({"jaar": 2024})
    )
    assert weergave == "2024 2.024"  # only the figure filter groups
