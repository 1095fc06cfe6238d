"""The province overview computed from the demo data, checked against the figures of
the source documents (Overijssel werkplan 2024, Gelderland provinciaal plan 2024)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gemeenten.models import Provincie
from opgaven.halfjaar import Halfjaar
from realisatie.aggregatie import Bron
from realisatie.models import AsielTelling, Capaciteitsperiode, Opvanglocatie, Peildatum
from realisatie.overzicht import provincie_overzicht, provinciegebied, statushoudersblok

VANDAAG = datetime.date(2026, 11, 22)


def regel(blok, naam):
    return next(r for r in blok.regels if r.naam == naam)


@pytest.fixture
def overijssel(demodata):
    return provincie_overzicht(Provincie.objects.get(code="PV23"), VANDAAG)


@pytest.fixture
def gelderland(demodata):
    return provincie_overzicht(Provincie.objects.get(code="PV25"), VANDAAG)


def test_overijssel_asiel_opgave_spreidingswet(overijssel):
    asiel = overijssel.blok("asiel")
    assert asiel.besluit.naam == "Asielopgave Spreidingswet per 1-1-2025"
    assert asiel.totaal.waarde("opgave") == 6325
    assert asiel.totaal.waarden["opgave"].bron == Bron.GEMEENTEN
    assert asiel.totaal.waarde("opgave_amv") == 538
    assert regel(asiel, "IJsselland").waarde("opgave") == 3050
    assert regel(asiel, "IJsselland").waarde("opgave_amv") == 260
    assert regel(asiel, "Twente").waarde("opgave") == 3275
    assert regel(asiel, "Twente").waarde("opgave_amv") == 278
    assert regel(asiel, "Deventer").waarde("opgave") == 529


def test_overijssel_asiel_realisatie_is_labelled_with_its_own_peildatum(overijssel):
    asiel = overijssel.blok("asiel")
    # Only the national letter's regular places on 1-4-2023 are known, for the province.
    assert asiel.peildata == [datetime.date(2023, 4, 1)]
    assert asiel.totaal.waarde("realisatie") == 2396
    assert asiel.totaal.waarden["realisatie"].bron == Bron.GEBIED
    assert asiel.totaal.waarde("verschil") == 2396 - 6325
    assert regel(asiel, "Deventer").waarde("realisatie") is None


def test_overijssel_oekraine(overijssel):
    oekraine = overijssel.blok("oekraine")
    assert oekraine.totaal.waarde("opgave") == 7882
    assert regel(oekraine, "IJsselland").waarde("opgave") == 3998
    assert regel(oekraine, "Twente").waarde("opgave") == 3884
    # Nothing registered: unknown, not 0, and so no verschil either.
    assert oekraine.totaal.waarde("realisatie") is None
    assert oekraine.totaal.waarde("verschil") is None


def test_overijssel_statushouders_2024_I(overijssel):
    statushouders = overijssel.blok("statushouders")
    assert str(statushouders.halfjaar) == "2024-I"
    assert statushouders.totaal.waarde("taakstelling") == 1249
    assert statushouders.totaal.waarde("te_realiseren") == 1693
    assert regel(statushouders, "IJsselland").waarde("taakstelling") == 576
    assert regel(statushouders, "IJsselland").waarde("te_realiseren") == 766
    assert regel(statushouders, "Twente").waarde("taakstelling") == 673
    assert regel(statushouders, "Twente").waarde("te_realiseren") == 927
    deventer = regel(statushouders, "Deventer")
    assert (deventer.waarde("taakstelling"), deventer.waarde("stand_begin")) == (108, -13)
    assert deventer.waarde("te_realiseren") == 95
    # Staphorst's stand is not known (0 incl. voor/achterstand only says it was >= 19
    # ahead), so the province's carried stand is incomplete, not a made-up number.
    assert regel(statushouders, "Staphorst").waarde("stand_begin") is None
    assert statushouders.totaal.waarden["stand_begin"].bron == Bron.ONVOLLEDIG


def test_gelderland_asiel_on_peildatum_1_1_2024_matches_the_plan(demodata):
    overzicht = provincie_overzicht(Provincie.objects.get(code="PV25"), datetime.date(2024, 1, 1))
    totaal = overzicht.blok("asiel").totaal
    assert overzicht.blok("asiel").besluit.naam == "Capaciteitsbesluit COA 2023-I"
    assert totaal.waarde("opgave") == 7590
    assert totaal.waarden["opgave"].bron == Bron.GEBIED
    assert totaal.waarde("realisatie") == 9274
    assert (totaal.waarde("regulier"), totaal.waarde("noodopvang"), totaal.waarde("tgo")) == (
        4815,
        3149,
        1310,
    )
    assert totaal.waarde("gepland") == 10238
    assert totaal.waarde("verschil_gepland") == 2648
    assert totaal.waarde("verschil") == 1684
    assert totaal.waarde("percentage") == 122


def test_gelderland_asiel_today_uses_the_target_in_force(gelderland):
    asiel = gelderland.blok("asiel")
    assert asiel.besluit.naam == "Capaciteitsbesluit COA 2023-II"
    assert asiel.totaal.waarde("opgave") == 8992
    assert asiel.totaal.waarde("realisatie") == 9274
    assert asiel.peildata == [datetime.date(2024, 1, 1)]
    # Known only for the province: the table shows no empty gemeente rows, only the
    # regions (which lead to every gemeente), and those are unknown, never 0.
    assert {r.knoop.diepte for r in asiel.getoonde_regels} == {0, 1}
    assert all(r.waarde("realisatie") is None for r in asiel.getoonde_regels[1:])


def test_gelderland_oekraine_per_veiligheidsregio(gelderland):
    oekraine = gelderland.blok("oekraine")
    assert oekraine.peildata == [datetime.date(2024, 1, 8)]
    rijen = {
        r.naam: (r.waarde("opgave"), r.waarde("realisatie"), r.waarde("verschil"), r.waarde("poo"))
        for r in oekraine.getoonde_regels
    }
    assert rijen == {
        "Gelderland": (12284, 11083, -1201, 931),
        "Noord- en Oost-Gelderland": (5045, 4436, -609, 931),
        "Gelderland-Midden": (3768, 3343, -425, None),
        "Gelderland-Zuid": (3471, 3304, -167, None),
    }
    # POO is registered in one region only: the province total says so.
    assert oekraine.totaal.waarden["poo"].bron == Bron.ONVOLLEDIG
    assert oekraine.totaal.waarden["realisatie"].bron == Bron.GEMEENTEN


def test_gelderland_statushouders_2024_I(gelderland):
    statushouders = gelderland.blok("statushouders")
    assert str(statushouders.halfjaar) == "2024-I"
    totaal = statushouders.totaal
    assert (totaal.waarde("taakstelling"), totaal.waarde("stand_begin")) == (2251, 788)
    assert totaal.waarde("te_realiseren") == 2251 + 788
    assert totaal.waarde("gehuisvest") is None


def test_gelderland_statushouders_2023_II_housed_in_the_half_year(demodata):
    # The whole half year: the months that end before 1-1-2024.
    gelderland = Provincie.objects.get(code="PV25")
    boom = provinciegebied(gelderland, datetime.date(2023, 12, 31))
    blok = statushoudersblok(
        gelderland, boom, datetime.date(2024, 1, 1), halfjaar=Halfjaar.parse("2023-II")
    )
    totaal = blok.totaal
    assert (totaal.waarde("taakstelling"), totaal.waarde("stand_begin")) == (2116, 519)
    assert totaal.waarde("te_realiseren") == 2635
    assert totaal.waarde("gehuisvest") == 1847
    assert totaal.waarde("stand") == 2635 - 1847
    assert totaal.waarde("percentage") == 70  # 1.847 / 2.635 = 70,1%


def test_realisatie_from_the_location_register_on_the_date(demodata):
    deventer = Opvanglocatie.objects.create(
        gemeente_id=_gemeente("GM0150"),
        naam="azc Deventer",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=deventer,
        plaatsen=400,
        waarvan_amv=20,
        van=datetime.date(2020, 1, 1),
        status="gerealiseerd",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=deventer,
        plaatsen=200,
        van=datetime.date(2025, 1, 1),
        tot_en_met=datetime.date(2025, 12, 31),
        status="gerealiseerd",
    )
    Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=deventer,
        plaatsen=600,
        van=datetime.date(2026, 1, 1),
        status="gepland",
    )
    overijssel = Provincie.objects.get(code="PV23")
    in_2025 = provincie_overzicht(overijssel, datetime.date(2025, 6, 1)).blok("asiel")
    assert regel(in_2025, "Deventer").waarde("realisatie") == 600
    assert regel(in_2025, "Deventer").waarde("verschil") == 600 - 529
    later = provincie_overzicht(overijssel, datetime.date(2026, 6, 1)).blok("asiel")
    assert regel(later, "Deventer").waarde("realisatie") == 400  # gepland is no realisation


def test_latest_figures_on_or_before_the_date_per_area(demodata):
    gelderland = Provincie.objects.get(code="PV25")
    maart = Peildatum.objects.create(provincie=gelderland, datum=datetime.date(2024, 3, 1))
    AsielTelling.objects.create(
        provincie=gelderland, peildatum=maart, datum=maart.datum, regulier=5000, noodopvang=3000
    )
    voor = provincie_overzicht(gelderland, datetime.date(2024, 2, 29)).blok("asiel")
    na = provincie_overzicht(gelderland, datetime.date(2024, 3, 1)).blok("asiel")
    assert voor.totaal.waarde("realisatie") == 9274
    assert na.totaal.waarde("realisatie") == 8000
    assert na.peildata == [datetime.date(2024, 3, 1)]


def test_query_count_does_not_grow_with_the_number_of_gemeenten(demodata):
    def queries(code):
        with CaptureQueriesContext(connection) as context:
            provincie_overzicht(Provincie.objects.get(code=code), VANDAAG)
        return len(context.captured_queries)

    # 25 and 51 gemeenten, the same number of queries.
    assert queries("PV23") == queries("PV25") <= 18


def tabellen_gelezen(queries) -> list[str]:
    """The table each query reads from (its first FROM)."""
    return [q["sql"].split(" FROM ", 1)[1].split()[0].strip('"') for q in queries]


def test_the_three_blocks_share_what_they_read(demodata):
    """One read of the besluiten, opgaven and uitruil for asiel, Oekraïne and
    statushouders together; the counts and what was housed are read for the date asked
    alone (the latest per area, the half year of the date: not the province's history)."""
    overijssel = Provincie.objects.get(code="PV23")
    with CaptureQueriesContext(connection) as context:
        halfjaar = provincie_overzicht(overijssel, VANDAAG).blok("statushouders").halfjaar
    gelezen = tabellen_gelezen(context.captured_queries)
    for tabel in ("opgaven_opgavebesluit", "opgaven_opgave", "opgaven_uitruil"):
        assert gelezen.count(tabel) == 1, (tabel, gelezen)
    (oekraine,) = [
        q["sql"]
        for q in context.captured_queries
        if 'FROM "realisatie_oekrainetelling"' in q["sql"]
    ]
    assert "MAX(" in oekraine  # the latest count per area on or before the date
    (huisvesting,) = [
        q["sql"] for q in context.captured_queries if 'FROM "realisatie_huisvesting"' in q["sql"]
    ]
    assert halfjaar.begin.isoformat() in huisvesting  # from the start of its half year


def _gemeente(code):
    from gemeenten.models import Gemeente

    return Gemeente.objects.get(code=code).pk
