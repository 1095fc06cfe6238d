"""Pages and writes that scale with work answer in a bounded number of queries (issue 12).

Each test builds a province of 51 gemeenten with figures for every opgave, requests the
page (or saves the grid) through the test client and counts the queries; then it doubles
the gemeenten of the province and counts again. The bound is fixed: a query per gemeente
or per quarter would break it as the province grows.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling
from realisatie.models import (
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from tests.conftest import gebruiker
from toegang.models import Rolsoort

pytestmark = pytest.mark.django_db

GRENS = 30
GEMEENTEN = 51
HALFJAREN = ("2023-II", "2024-I", "2024-II")
MAANDEN = [datetime.date(2024, m, 1) for m in range(1, 10)]
SOORTEN = ("RO", "NO", "TGO")
PEILDATUM = datetime.date(2024, 9, 1)
_nummers = itertools.count(1000)


@pytest.fixture
def provincie():
    """Gelderland with two veiligheidsregio's, three subregio's, no gemeenten yet."""
    gelderland = Provincie.objects.create(code="PV25", naam="Gelderland")
    regios = [
        Veiligheidsregio.objects.create(code=code, naam=naam, provincie=gelderland)
        for code, naam in (("VR06", "Noord- en Oost-Gelderland"), ("VR07", "Gelderland-Midden"))
    ]
    for i in range(3):
        Subregio.objects.create(
            code=f"sub-{i}", naam=f"Subregio {i}", provincie=gelderland,
            veiligheidsregio=regios[i % 2],
        )  # fmt: skip
    for soort, naam, streef, halfjaar in (
        (Opgavesoort.ASIEL, "Asiel 2025", datetime.date(2025, 1, 1), ""),
        (Opgavesoort.OEKRAINE, "Oekraïne 2024", datetime.date(2024, 2, 1), ""),
        *((Opgavesoort.STATUSHOUDERS, f"Taakstelling {h}", None, h) for h in HALFJAREN),
    ):
        Opgavebesluit.objects.create(soort=soort, naam=naam, streefdatum=streef, halfjaar=halfjaar)
    for maand in MAANDEN:
        Peildatum.objects.create(provincie=gelderland, datum=maand)
    return gelderland


def gemeenten_erbij(provincie: Provincie, aantal: int) -> None:
    """`aantal` more gemeenten, each with an opgave for every besluit, a taakstelling
    per half year, Oekraïne figures and housed statushouders per month, and three
    locations with a realised and a planned period."""
    subregios = list(provincie.subregios.select_related("veiligheidsregio"))
    nieuw = Gemeente.objects.bulk_create(
        Gemeente(
            code=f"GM{nummer}",
            naam=f"Gemeente {nummer}",
            provincie=provincie,
            subregio=subregios[nummer % 3],
            veiligheidsregio=subregios[nummer % 3].veiligheidsregio,
        )
        for nummer in itertools.islice(_nummers, aantal)
    )
    besluiten = list(Opgavebesluit.objects.all())
    Opgave.objects.bulk_create(
        Opgave(gemeente=g, besluit=b, aantal=100 + g.pk % 90)
        for g in nieuw
        for b in besluiten
        if b.soort != Opgavesoort.STATUSHOUDERS
    )
    Taakstelling.objects.bulk_create(
        Taakstelling(gemeente=g, besluit=b, aantal=40 + g.pk % 20, stand_begin=g.pk % 7 - 3)
        for g in nieuw
        for b in besluiten
        if b.soort == Opgavesoort.STATUSHOUDERS
    )
    peildata = list(Peildatum.objects.filter(provincie=provincie))
    OekraineTelling.objects.bulk_create(
        OekraineTelling(gemeente=g, peildatum=p, goo_totaal=150, goo_bezet=100)
        for g in nieuw
        for p in peildata
    )
    Huisvesting.objects.bulk_create(
        Huisvesting(
            gemeente=g,
            van=maand,
            tot_en_met=(maand + datetime.timedelta(days=32)).replace(day=1)
            - datetime.timedelta(days=1),
            gehuisvest=5 + g.pk % 4,
        )
        for g in nieuw
        for maand in MAANDEN
    )
    locaties = Opvanglocatie.objects.bulk_create(
        Opvanglocatie(gemeente=g, naam=f"Locatie {soort}") for g in nieuw for soort in SOORTEN
    )
    Capaciteitsperiode.objects.bulk_create(
        Capaciteitsperiode(
            locatie=locatie,
            soort_id=locatie.naam.removeprefix("Locatie "),
            beheerder="coa",
            plaatsen=plaatsen,
            van=van,
            tot_en_met=tot,
            status=st,
        )
        for locatie in locaties
        for plaatsen, van, tot, st in (
            (80, datetime.date(2023, 1, 1), datetime.date(2025, 6, 30), "gerealiseerd"),
            (40, datetime.date(2025, 7, 1), None, "gepland"),
        )
    )


def queries_bij_groei(provincie, verzoek) -> tuple[int, int]:
    """The query counts of `verzoek` with 51 gemeenten and with twice as many."""
    aantallen = []
    for _ronde in range(2):
        gemeenten_erbij(provincie, GEMEENTEN)
        verzoek()  # warm-up: what is read once per process (sessions, content types)
        with CaptureQueriesContext(connection) as queries:
            verzoek()
        aantallen.append(len(queries))
    return aantallen[0], aantallen[1]


def assert_begrensd(
    aantallen: tuple[int, int], groei: str = "gemeenten", *, bulk: bool = False
) -> None:
    """Both counts within the bound, and equal: twice the `groei` costs no query more.

    With `bulk` (a bulk write) only on PostgreSQL: SQLite caps the variables of one
    statement, so Django splits twice the rows into more batches there."""
    klein, groot = aantallen
    assert klein <= GRENS, f"{klein} queries (at most {GRENS})"
    assert groot <= GRENS, f"{groot} queries with twice the {groei} (at most {GRENS})"
    if bulk and connection.vendor != "postgresql":
        return
    assert klein == groot, f"the number of queries grows with the {groei}: {klein} -> {groot}"


@pytest.fixture
def lid(client, provincie):
    client.force_login(gebruiker("lid-gelderland", Rolsoort.LID, "PV25"))
    return client


def downloaden(client, url: str, **parameters):
    def verzoek() -> None:
        antwoord = client.get(url, parameters)
        assert antwoord.status_code == 200, antwoord.content[:300]

    return verzoek


def test_bijlage_2_in_bounded_queries(lid, provincie):
    url = reverse("exports:bijlage", args=["PV25", "bijlage-2"])
    assert_begrensd(queries_bij_groei(provincie, downloaden(lid, url, peildatum=PEILDATUM)))


def test_bijlage_3_in_bounded_queries(lid, provincie):
    url = reverse("exports:bijlage", args=["PV25", "bijlage-3"])
    assert_begrensd(queries_bij_groei(provincie, downloaden(lid, url, peildatum=PEILDATUM)))


def test_bijlage_3_bounded_when_the_half_years_double(lid, provincie):
    gemeenten_erbij(provincie, GEMEENTEN)
    eerder = ("2022-I", "2022-II", "2023-I")
    for halfjaar in eerder:
        besluit = Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam=f"Taakstelling {halfjaar}", halfjaar=halfjaar
        )
        Taakstelling.objects.bulk_create(
            Taakstelling(gemeente=g, besluit=besluit, aantal=30, stand_begin=0)
            for g in Gemeente.objects.filter(provincie=provincie)
        )
    url = reverse("exports:bijlage", args=["PV25", "bijlage-3"])
    aantallen = []
    for halfjaren in (HALFJAREN, eerder + HALFJAREN):
        verzoek = downloaden(lid, url, peildatum=PEILDATUM, halfjaren=",".join(halfjaren))
        verzoek()
        with CaptureQueriesContext(connection) as queries:
            verzoek()
        aantallen.append(len(queries))
    assert_begrensd((aantallen[0], aantallen[1]), "half years")


def test_stand_van_zaken_in_bounded_queries(lid, provincie):
    url = reverse("exports:bijlage", args=["PV25", "stand-van-zaken"])
    assert_begrensd(queries_bij_groei(provincie, downloaden(lid, url, peildatum=PEILDATUM)))


def test_gemeentepagina_in_bounded_queries(lid, provincie):
    gemeenten_erbij(provincie, 1)
    url = reverse("gemeente", args=[Gemeente.objects.get(provincie=provincie).code])
    assert_begrensd(queries_bij_groei(provincie, downloaden(lid, url, peildatum=PEILDATUM)))


def test_gemeentepagina_bounded_when_the_peildata_double(lid, provincie):
    """The page shows a trend over every peildatum: twice as many cost no more queries."""
    gemeenten_erbij(provincie, GEMEENTEN)
    url = reverse("gemeente", args=[Gemeente.objects.filter(provincie=provincie)[0].code])
    verzoek = downloaden(lid, url, peildatum=PEILDATUM)
    aantallen = []
    for maanden in ([], [datetime.date(2023, m, 1) for m in range(1, 13)]):
        for maand in maanden:  # a year earlier, with Oekraïne figures for every gemeente
            peildatum = Peildatum.objects.create(provincie=provincie, datum=maand)
            OekraineTelling.objects.bulk_create(
                OekraineTelling(gemeente=g, peildatum=peildatum, goo_totaal=90, goo_bezet=10)
                for g in Gemeente.objects.filter(provincie=provincie)
            )
        verzoek()
        with CaptureQueriesContext(connection) as queries:
            verzoek()
        aantallen.append(len(queries))
    assert_begrensd((aantallen[0], aantallen[1]), "peildata")


def test_grid_save_of_51_rows_in_bounded_queries(client, provincie):
    """Every row of the Oekraïne grid changed, with its version: one save, every row
    stored, and each row keeps its own history."""
    client.force_login(gebruiker("secretaris-gelderland", Rolsoort.SECRETARIS, "PV25"))
    peildatum = Peildatum.objects.get(provincie=provincie, datum=PEILDATUM)
    tellingen = OekraineTelling.objects.filter(peildatum=peildatum)
    url = reverse("invoer:grid", args=["PV25", PEILDATUM.isoformat(), "oekraine"])
    waarden = itertools.count(200)

    def opslaan() -> None:
        goo_totaal = next(waarden)
        antwoord = client.post(url, _griddata(tellingen, goo_totaal))
        assert antwoord.status_code == 302, antwoord.content[:500]
        assert set(tellingen.values_list("goo_totaal", flat=True)) == {goo_totaal}

    assert_begrensd(queries_bij_groei(provincie, opslaan), bulk=True)
    assert tellingen.count() == 2 * GEMEENTEN
    eerste = tellingen.order_by("gemeente__code").first()
    # Created without history by the setup, then saved four times (twice per round).
    assert eerste.history.count() == 4
    assert eerste.history.first().history_user.username == "secretaris-gelderland"


def _griddata(tellingen, goo_totaal: int) -> dict:
    """The POST of the grid: every row with its version and a new GOO total."""
    data = {}
    for telling in tellingen.select_related("gemeente"):
        code = telling.gemeente.code
        data |= {
            f"{code}-versie": telling.versie,
            f"{code}-goo_totaal": goo_totaal,
            f"{code}-goo_bezet": 100,
            f"{code}-goo_beschikbaar": "",
            f"{code}-poo": "",
            f"{code}-toelichting": "",
            f"{code}-bevestigd": "on",
        }
    return data
