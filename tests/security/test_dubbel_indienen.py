"""Issue 13 (medium): submitting the same capacity period or uitruil twice (a double
click, a browser resend) stored it twice. The second is refused with a Dutch message,
and the database refuses it too (unique constraints)."""

from __future__ import annotations

import html

from django.contrib.messages import get_messages
from django.urls import reverse

from gemeenten.models import Gemeente
from opgaven.models import Uitruil
from realisatie.models import Capaciteitsperiode, Opvanglocatie


def test_capacity_period_twice(secretaris):
    locatie = Opvanglocatie.objects.create(
        gemeente=Gemeente.objects.get(code="GM0150"),
        naam="Hanzeweg",
    )
    pad = reverse("invoer:periode_toevoegen", args=["PV23", locatie.pk])
    periode = {
        "soort": "RO",
        "beheerder": "coa",
        "plaatsen": "200",
        "waarvan_amv": "0",
        "van": "2030-01-01",
        "status": "gepland",
    }

    secretaris.post(pad, periode)
    antwoord = secretaris.post(pad, periode)

    assert Capaciteitsperiode.objects.filter(locatie=locatie).count() == 1
    meldingen = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert any("heeft al een capaciteitsperiode vanaf 1-1-2030" in m for m in meldingen)


def test_uitruil_twice(secretaris):
    data = {
        "soort": "asiel",
        "van_gemeente": Gemeente.objects.get(code="GM0150").pk,
        "naar_gemeente": Gemeente.objects.get(code="GM0193").pk,
        "aantal": "200",
        "begin": "2030-01-01",
    }
    pad = reverse("invoer:uitruil", args=["PV23"])
    eerste = secretaris.post(pad, data)
    assert eerste.status_code == 302
    tweede = secretaris.post(pad, data)

    assert tweede.status_code == 400
    assert "is al vastgelegd" in html.unescape(tweede.content.decode())
    assert Uitruil.objects.filter(begin="2030-01-01").count() == 1
