"""The permission matrix of the API: the same policy (`toegang.beleid`) as the screens.

anonymous 401; member reads the provinces granted, 403 on others and on writes; another
province's secretary 403; own secretary reads and writes; beheerder everything.
"""

import pytest

from opgaven.models import Opgave, Opgavebesluit

SAMENVATTING = "/api/v1/provincies/{}/samenvatting"
TELLINGEN = "/api/v1/provincies/{}/peildata/2024-09-01/oekraine-tellingen"

ANONIEM = None
LID = "lid"
ANDERE_SECRETARIS = "secretaris-gelderland"
EIGEN_SECRETARIS = "secretaris-overijssel"
BEHEERDER = "beheerder"

LEZEN = [
    # (actor, path, expected status)
    (ANONIEM, "/api/v1/gemeenten", 401),
    (ANONIEM, SAMENVATTING.format("PV23"), 401),
    (ANONIEM, TELLINGEN.format("PV23"), 401),
    (LID, "/api/v1/gemeenten", 200),
    (LID, SAMENVATTING.format("PV23"), 200),
    (LID, SAMENVATTING.format("PV24"), 403),
    (LID, TELLINGEN.format("PV23"), 200),
    (LID, TELLINGEN.format("PV24"), 403),
    (ANDERE_SECRETARIS, "/api/v1/gemeenten", 200),
    (ANDERE_SECRETARIS, SAMENVATTING.format("PV23"), 403),
    (ANDERE_SECRETARIS, TELLINGEN.format("PV23"), 403),
    (EIGEN_SECRETARIS, SAMENVATTING.format("PV23"), 200),
    (EIGEN_SECRETARIS, TELLINGEN.format("PV23"), 200),
    (EIGEN_SECRETARIS, SAMENVATTING.format("PV25"), 403),
    (BEHEERDER, SAMENVATTING.format("PV23"), 200),
    (BEHEERDER, SAMENVATTING.format("PV24"), 200),
    (BEHEERDER, TELLINGEN.format("PV25"), 200),
]

SCHRIJVEN = [
    (ANONIEM, "PV23", 401),
    (LID, "PV23", 403),
    (ANDERE_SECRETARIS, "PV23", 403),
    (ANDERE_SECRETARIS, "PV25", 200),
    (EIGEN_SECRETARIS, "PV23", 200),
    (EIGEN_SECRETARIS, "PV25", 403),
    (BEHEERDER, "PV23", 200),
]

EEN_GEMEENTE = {"PV23": "GM0150", "PV25": "GM0202"}  # Deventer, Arnhem


@pytest.mark.parametrize(("actor", "pad", "status"), LEZEN)
def test_read(als, actor, pad, status):
    response = als(actor).get(pad)
    assert response.status_code == status, response.content
    if status != 200:
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("actor", "provincie", "status"), SCHRIJVEN)
def test_write(als, actor, provincie, status):
    client = als(actor)
    etag = als(BEHEERDER).get(TELLINGEN.format(provincie))["ETag"]
    response = client.post(
        TELLINGEN.format(provincie),
        {"tellingen": [{"gemeente": EEN_GEMEENTE[provincie], "gooTotaal": 100}]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == status, response.content
    written = als(BEHEERDER).get(TELLINGEN.format(provincie)).json()["tellingen"]
    assert bool(written) == (status == 200)


OPGAVEN_SCHRIJVEN = [
    (ANONIEM, 401),
    (LID, 403),
    (ANDERE_SECRETARIS, 403),
    (EIGEN_SECRETARIS, 200),
    (BEHEERDER, 200),
]


@pytest.mark.parametrize(("actor", "status"), OPGAVEN_SCHRIJVEN)
def test_write_opgaven(als, actor, status):
    besluit = Opgavebesluit.objects.get(naam="Opvangopgave Oekraïne vóór 1-2-2024")
    pad = f"/api/v1/provincies/PV23/opgavebesluiten/{besluit.pk}/opgaven"
    response = als(actor).post(
        pad,
        {"opgaven": [{"gemeente": "GM0150", "aantal": 530}]},
        format="json",
        HTTP_IF_MATCH=als(BEHEERDER).get(pad)["ETag"],
    )
    assert response.status_code == status, response.content
    deventer = Opgave.objects.get(besluit=besluit, gemeente__code="GM0150")
    assert deventer.aantal == (530 if status == 200 else 520)
