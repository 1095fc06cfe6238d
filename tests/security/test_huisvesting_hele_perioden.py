"""Issue 13 (medium): the huisvesting API accepted periods that are not whole months and
overlapping rows, which were then counted twice. A period is now a whole calendar month
or a whole half year, and periods of one gemeente never overlap: refused by the service
(400 with the reason) and, in PostgreSQL, by the database itself."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from gemeenten.models import Gemeente
from realisatie.models import Huisvesting

PAD = "/api/v1/provincies/PV23/huisvestingen"


def _schrijven(client, *rijen):
    etag = client.get(PAD)["ETag"]
    return client.post(PAD, {"huisvestingen": list(rijen)}, format="json", HTTP_IF_MATCH=etag)


def _deventer(van: str, tot: str, aantal: int = 10) -> dict:
    return {"gemeente": "GM0150", "van": van, "totEnMet": tot, "gehuisvest": aantal}


@pytest.mark.parametrize(
    ("van", "tot"),
    [
        ("2024-01-15", "2024-02-14"),  # not a calendar month
        ("2024-01-01", "2024-02-29"),  # two months
        ("2024-01-01", "2024-01-30"),  # not the last day
        ("2024-02-01", "2024-07-31"),  # six months, but not a half year
    ],
)
def test_not_a_whole_month_or_half_year_is_refused(api_secretaris, van, tot):
    antwoord = _schrijven(api_secretaris, _deventer(van, tot))
    assert antwoord.status_code == 400
    assert "hele kalendermaand" in antwoord.json()["invalidParams"][0]["reason"]
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van=van).exists()


def test_a_half_year_over_stored_months_is_refused(api_secretaris):
    assert _schrijven(api_secretaris, _deventer("2024-02-01", "2024-02-29", 7)).status_code == 200
    antwoord = _schrijven(api_secretaris, _deventer("2024-01-01", "2024-06-30", 40))
    assert antwoord.status_code == 400
    assert "overlapt" in antwoord.json()["invalidParams"][0]["reason"]
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van="2024-01-01").exists()


def test_overlap_within_one_request_is_refused(api_secretaris):
    antwoord = _schrijven(
        api_secretaris,
        _deventer("2024-07-01", "2024-12-31", 40),
        _deventer("2024-09-01", "2024-09-30", 5),
    )
    assert antwoord.status_code == 400
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van__year=2024).exists()


def test_whole_month_and_whole_half_year_are_accepted(api_secretaris):
    assert _schrijven(api_secretaris, _deventer("2024-03-01", "2024-03-31")).status_code == 200
    antwoord = _schrijven(api_secretaris, _deventer("2023-07-01", "2023-12-31", 60))
    assert antwoord.status_code == 200, antwoord.content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="constraint in PostgreSQL only")
def test_the_database_refuses_an_overlap(demodata):
    deventer = Gemeente.objects.get(code="GM0150")
    Huisvesting.objects.create(
        gemeente=deventer,
        van=datetime.date(2024, 2, 1),
        tot_en_met=datetime.date(2024, 2, 29),
        gehuisvest=3,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Huisvesting.objects.create(
            gemeente=deventer,
            van=datetime.date(2024, 1, 1),
            tot_en_met=datetime.date(2024, 6, 30),
            gehuisvest=30,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Huisvesting.objects.create(
            gemeente=deventer,
            van=datetime.date(2024, 3, 15),
            tot_en_met=datetime.date(2024, 4, 14),
            gehuisvest=3,
        )


def test_an_empty_month_beside_a_stored_half_year_blocks_nothing(demodata):
    """The monthly grid posts every gemeente; an empty row writes nothing, so a half year
    stored for that gemeente is no overlap."""
    from django.contrib.auth import get_user_model

    from realisatie.invoer.rijen import HuisvestingRij
    from realisatie.invoer.services import huisvesting_opslaan

    deventer = Gemeente.objects.get(code="GM0150")
    Huisvesting.objects.create(
        gemeente=deventer,
        van=datetime.date(2023, 7, 1),
        tot_en_met=datetime.date(2023, 12, 31),
        gehuisvest=40,
    )
    september = (datetime.date(2023, 9, 1), datetime.date(2023, 9, 30))
    resultaat = huisvesting_opslaan(
        provincie=deventer.provincie,
        door=get_user_model().objects.get(username="secretaris-overijssel"),
        rijen=[HuisvestingRij("GM0150", *september), HuisvestingRij("GM0193", *september, 5)],
    )
    assert resultaat.gelukt, resultaat.fouten
    assert Huisvesting.objects.get(gemeente__code="GM0193", van=september[0]).gehuisvest == 5
