"""The signals page (`realisatie.signalen`) through real requests, with figures created
here on top of the demo."""

import datetime

from django.urls import reverse

from gemeenten.models import Gemeente, Provincie
from realisatie.models import (
    Huisvesting,
    OekraineTelling,
    Peildatum,
)
from tests.realisatie.hulp import locatie, rijtekst

D = datetime.date


def test_signals(lid):
    overijssel = Provincie.objects.get(code="PV23")
    deventer = Gemeente.objects.get(code="GM0150")
    # Deventer must house 95 in 2024-I; per 1-4-2024 the schedule asks for 48.
    for maand, aantal in ((1, 20), (2, 15), (3, 12)):
        Huisvesting.objects.create(
            gemeente=deventer,
            van=D(2024, maand, 1),
            tot_en_met=D(2024, maand + 1, 1) - datetime.timedelta(days=1),
            gehuisvest=aantal,
        )
    april = Peildatum.objects.create(provincie=overijssel, datum=D(2024, 4, 1))
    OekraineTelling.objects.create(
        gemeente=deventer, peildatum=april, goo_totaal=200, goo_bezet=190
    )
    OekraineTelling.objects.create(
        gemeente=Gemeente.objects.get(code="GM0153"), peildatum=april, goo_totaal=300, goo_bezet=200
    )
    locatie("GM0150", "TGO Deventer", "TGO", (150, D(2023, 1, 1), D(2024, 8, 31), "gerealiseerd"))
    locatie("GM0193", "azc Zwolle", "RO", (500, D(2020, 1, 1), None, "gerealiseerd"))

    url = reverse("signalen", args=["PV23"])
    html = lid.get(url, {"peildatum": "2024-04-01", "maanden": "6"}).content.decode()
    schema = html[html.index('data-tabel="schema"') :]
    assert "Deventer" in rijtekst(schema, "Deventer") and rijtekst(schema, "Deventer").split()[
        -3:
    ] == ["95", "47", "1"]
    assert "24 gemeenten hebben een taakstelling maar nog geen cijfer" in html
    assert "TGO Deventer" in html and "31-8-2024" in html
    korter = lid.get(url, {"peildatum": "2024-04-01", "maanden": "3"}).content.decode()
    assert "TGO Deventer" not in korter  # ends 31-8-2024, after 1-7-2024
    vol = html[html.index('data-tabel="vol"') :]
    assert "95%" in vol and "Enschede" not in vol[: vol.index("</table>")]
    oekraine = rijtekst(html, 'data-soort="oekraine"').split()
    assert oekraine[-25:][:3] == ["gemeente", "2", "25"] or "2 25" in " ".join(oekraine)
    assert "Deventer" not in oekraine and "Zwolle," in oekraine
    asiel = rijtekst(html, 'data-soort="asiel"')
    assert "gemeente 2 25" in " ".join(asiel.split())  # Deventer and Zwolle: the register
