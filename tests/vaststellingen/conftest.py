"""Gelderland on 1-1-2024 (asiel 9.274 of 7.590, Provinciaal plan 2024) vastgesteld by
its secretary, and what a person downloads for it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from gemeenten.models import Provincie
from realisatie.invoer.services import peildatum_vaststellen
from realisatie.models import Peildatum

VASTGESTELD = datetime.date(2024, 1, 1)
GELDERLAND = "PV25"
TABELLEN = (
    "asiel",
    "oekraine",
    "statushouders",
    "plan-asiel",
    "plan-oekraine",
    "plan-statushouders",
)
REGIOS = ("VR06", "gelderland-stedendriehoek")  # a veiligheidsregio and a subregio of it
BIJLAGEN = ("bijlage-2", "bijlage-3", "bijlage-4", "stand-van-zaken")


@pytest.fixture
def gelderland(demodata):
    return Provincie.objects.get(code=GELDERLAND)


@pytest.fixture
def vastgesteld(gelderland, secretaris_gelderland):
    peildatum = Peildatum.objects.get(provincie=gelderland, datum=VASTGESTELD)
    return peildatum_vaststellen(peildatum=peildatum, door=secretaris_gelderland)


@pytest.fixture
def lezer(demodata, client):
    client.force_login(get_user_model().objects.get(username="lid"))
    return client


def tabellen_van(html: str) -> list[str]:
    """The table part of a page: every <table> element, as served."""
    return re.findall(r"<table.*?</table>", html, flags=re.S)


def downloads(client, code: str = GELDERLAND, datum: datetime.date = VASTGESTELD) -> dict:
    """Everything a person gets for the peildatum: page tables (the province's and two
    regions'), CSVs, xlsx, samenvatting."""
    dag = datum.isoformat()
    pagina = client.get(f"/provincies/{code}/?peildatum={dag}")
    assert pagina.status_code == 200
    uit = {"html": tabellen_van(pagina.content.decode())}
    assert uit["html"], "the page shows no tables"
    for naam in TABELLEN:
        antwoord = client.get(f"/provincies/{code}/?peildatum={dag}&_export=csv&tabel={naam}")
        assert antwoord.status_code == 200, naam
        uit[f"csv:{naam}"] = antwoord.content
    for soort in BIJLAGEN:
        antwoord = client.get(f"/exports/{code}/{soort}.xlsx?peildatum={dag}")
        assert antwoord.status_code == 200, soort
        uit[soort] = antwoord.content
    for gebied in REGIOS:
        regio = client.get(f"/provincies/{code}/gebied/{gebied}/?peildatum={dag}")
        assert regio.status_code == 200, gebied
        uit[f"html:{gebied}"] = tabellen_van(regio.content.decode())
        antwoord = client.get(
            f"/provincies/{code}/gebied/{gebied}/?peildatum={dag}&_export=csv&tabel=asiel"
        )
        assert antwoord.status_code == 200, gebied
        uit[f"csv:{gebied}"] = antwoord.content
    antwoord = client.get(f"/api/v1/provincies/{code}/samenvatting?peildatum={dag}")
    assert antwoord.status_code == 200
    uit["samenvatting"] = antwoord.content
    return uit
