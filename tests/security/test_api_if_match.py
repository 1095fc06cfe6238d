"""Issue 13 (low): `If-Match: *` and weak ETags skipped the optimistic lock: a client that
never read the resource could overwrite someone else's change. Only the current strong
ETag opens a write now (`*` is 428, a weak tag 412)."""

from __future__ import annotations

from realisatie.models import OekraineTelling

PAD = "/api/v1/provincies/PV23/peildata/2024-09-01/oekraine-tellingen"
RIJ = {"tellingen": [{"gemeente": "GM0150", "gooTotaal": 77}]}


def test_star_names_no_version(api_secretaris, peildatum):
    antwoord = api_secretaris.post(PAD, RIJ, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 428
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()


def test_a_weak_tag_does_not_match(api_secretaris, peildatum):
    etag = api_secretaris.get(PAD)["ETag"]
    antwoord = api_secretaris.post(PAD, RIJ, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert antwoord.status_code == 412
    assert not OekraineTelling.objects.filter(peildatum=peildatum).exists()

    antwoord = api_secretaris.post(PAD, RIJ, format="json", HTTP_IF_MATCH=etag)
    assert antwoord.status_code == 200
