"""Issue 13 (low): a JSON body of 100.000 `[` ended as a RecursionError, a 500; now a 400
problem+json with a Dutch reason, and nothing is written."""

from __future__ import annotations

from realisatie.models import Huisvesting

PAD = "/api/v1/provincies/PV23/huisvestingen"


def test_deeply_nested_json_is_a_400(api_secretaris):
    etag = api_secretaris.get(PAD)["ETag"]
    antwoord = api_secretaris.post(
        PAD, "[" * 100_000, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["detail"] == "De JSON is te diep genest."
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van__year=2024).exists()
