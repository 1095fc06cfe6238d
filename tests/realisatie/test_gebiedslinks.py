"""The link of every area row (`realisatie.dashboard.tables.gebiedslinks`): reversed
once per kind of page, the same address Django's `reverse` gives each area. No database."""

from __future__ import annotations

from django.urls import reverse

from gemeenten.boom import Knoop
from gemeenten.models import Niveau
from realisatie.dashboard.tables import gebiedslinks


def knoop(niveau: str, code: str, diepte: int, *kinderen: Knoop) -> Knoop:
    return Knoop(niveau, code, code, [(niveau, 1)], list(kinderen), diepte)


def test_elk_gebied_onder_de_provincie_linkt_naar_zijn_eigen_pagina():
    boom = knoop(
        Niveau.PROVINCIE,
        "PV25",
        0,
        knoop(
            Niveau.VEILIGHEIDSREGIO,
            "VR07",
            1,
            knoop(Niveau.SUBREGIO, "stedendriehoek", 2, knoop(Niveau.GEMEENTE, "GM0150", 3)),
            knoop(Niveau.GEMEENTE, "GM0200", 2),
        ),
    )

    links = gebiedslinks(boom, "PV25")

    assert links == {
        "VR07": reverse("gebied", args=["PV25", "VR07"]),
        "stedendriehoek": reverse("gebied", args=["PV25", "stedendriehoek"]),
        "GM0150": reverse("gemeente", args=["GM0150"]),
        "GM0200": reverse("gemeente", args=["GM0200"]),
    }
    assert links["GM0200"] == "/gemeenten/GM0200/"
    assert links["stedendriehoek"] == "/provincies/PV25/gebied/stedendriehoek/"
