"""The database constraints: every invariant is refused by the database itself.

Each test makes a real insert (or update) that the database refuses and the matching
valid one that it accepts. The refused write runs in its own `transaction.atomic()`
so the test can go on afterwards. Python validation is never involved: `create()` and
`update()` do not call `full_clean()`.

The same tests run on SQLite and on PostgreSQL (set DATABASE_URL); the behaviour must
not depend on the backend.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone

from gemeenten.models import Gemeente, Opvolging, Provincie, Subregio, Veiligheidsregio
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling, Telregel, Uitruil
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from toegang.models import Rol, Rolsoort

pytestmark = pytest.mark.django_db

JAN_2024 = datetime.date(2024, 1, 1)
JUN_2024 = datetime.date(2024, 6, 30)


# --- Helpers -----------------------------------------------------------------------


@contextmanager
def geweigerd(constraint: str, *kolommen: str) -> Iterator[None]:
    """The write inside is refused by the database because of `constraint`.

    PostgreSQL names the violated constraint in its message, SQLite names a CHECK
    constraint but reports a unique one by its columns; pass those as `kolommen`.
    """
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        yield
    melding = str(fout.value)
    if connection.vendor == "sqlite" and kolommen:
        assert "UNIQUE constraint failed" in melding, melding
        for kolom in kolommen:
            assert kolom in melding, melding
    else:
        assert constraint in melding, melding


def maak_provincie(code: str = "PV23", naam: str = "Overijssel") -> Provincie:
    return Provincie.objects.create(code=code, naam=naam)


def maak_veiligheidsregio(
    provincie: Provincie, code: str = "VR04", naam: str = "IJsselland"
) -> Veiligheidsregio:
    return Veiligheidsregio.objects.create(code=code, naam=naam, provincie=provincie)


def maak_gemeente(
    provincie: Provincie, code: str = "GM0150", naam: str = "Deventer", **velden
) -> Gemeente:
    return Gemeente.objects.create(code=code, naam=naam, provincie=provincie, **velden)


def maak_besluit(soort: str = Opgavesoort.ASIEL, **velden) -> Opgavebesluit:
    if soort == Opgavesoort.STATUSHOUDERS:
        velden.setdefault("halfjaar", "2024-I")
    else:
        velden.setdefault("streefdatum", datetime.date(2025, 1, 1))
    velden.setdefault("naam", f"Besluit {soort} {Opgavebesluit.objects.count() + 1}")
    return Opgavebesluit.objects.create(soort=soort, bron="test", **velden)


def maak_gebruiker(naam: str = "iemand"):
    return get_user_model().objects.create_user(username=naam, password="x")


@pytest.fixture
def overijssel() -> Provincie:
    return maak_provincie()


@pytest.fixture
def deventer(overijssel: Provincie) -> Gemeente:
    return maak_gemeente(overijssel)


@pytest.fixture
def zwolle(overijssel: Provincie) -> Gemeente:
    return maak_gemeente(overijssel, code="GM0193", naam="Zwolle")


@pytest.fixture
def peildatum(overijssel: Provincie) -> Peildatum:
    return Peildatum.objects.create(provincie=overijssel, datum=JAN_2024)


# --- Geography -----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["PV2", "pv23", "GM23", "PVab", "23PV", "PV 2", ""])
def test_provinciecode_heeft_cbs_vorm(code):
    with geweigerd("provincie_code_cbs"):
        Provincie.objects.create(code=code, naam="Fout")

    assert Provincie.objects.create(code="PV23", naam="Overijssel").pk


@pytest.mark.parametrize("code", ["VR4", "vr04", "PV04", "VRab", ""])
def test_veiligheidsregiocode_heeft_cbs_vorm(overijssel, code):
    with geweigerd("veiligheidsregio_code_cbs"):
        Veiligheidsregio.objects.create(code=code, naam="Fout", provincie=overijssel)

    assert maak_veiligheidsregio(overijssel, code="VR04").pk


@pytest.mark.parametrize("code", ["GM150", "gm0150", "0150", "PV0150", "GMabcd", "GM 150"])
def test_gemeentecode_heeft_cbs_vorm(overijssel, code):
    with geweigerd("gemeente_code_cbs"):
        maak_gemeente(overijssel, code=code)

    assert maak_gemeente(overijssel, code="GM0150").pk


@pytest.mark.parametrize(
    ("model", "veld", "waarde"),
    [
        (Provincie, "code", "PV234"),
        (Veiligheidsregio, "code", "VR123"),
        (Gemeente, "code", "GM01500"),
        (Opgavebesluit, "halfjaar", "2024-III"),
    ],
)
def test_te_lange_code_geweigerd(deventer, model, veld, waarde):
    """Refused on both backends: by the format check on SQLite (which ignores
    max_length), by the column length on PostgreSQL (a DataError)."""
    rij = {
        Provincie: deventer.provincie,
        Veiligheidsregio: maak_veiligheidsregio(deventer.provincie),
        Gemeente: deventer,
        Opgavebesluit: maak_besluit(Opgavesoort.STATUSHOUDERS),
    }[model]

    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        model.objects.filter(pk=rij.pk).update(**{veld: waarde})

    assert model.objects.filter(**{veld: getattr(rij, veld)}).count() == 1


@pytest.mark.parametrize(
    ("model", "veld", "waarde"),
    [
        (Provincie, "code", "PV23\n"),
        (Gemeente, "code", "GM0150\n"),
        (Opgavebesluit, "halfjaar", "2024-I\n"),
    ],
)
def test_code_met_regeleinde_geweigerd(deventer, model, veld, waarde):
    rij = {
        Provincie: deventer.provincie,
        Gemeente: deventer,
        Opgavebesluit: maak_besluit(Opgavesoort.STATUSHOUDERS),
    }[model]

    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        model.objects.filter(pk=rij.pk).update(**{veld: waarde})


def test_gemeente_geldigheid_op_volgorde(overijssel):
    with geweigerd("gemeente_geldigheid_op_volgorde"):
        maak_gemeente(
            overijssel,
            geldig_van=datetime.date(2024, 1, 1),
            geldig_tot_en_met=datetime.date(2023, 12, 31),
        )

    # One day is a valid period; so are open ends.
    maak_gemeente(overijssel, code="GM0001", geldig_van=JAN_2024, geldig_tot_en_met=JAN_2024)
    maak_gemeente(overijssel, code="GM0002", geldig_tot_en_met=datetime.date(2023, 12, 31))
    maak_gemeente(overijssel, code="GM0003", geldig_van=JAN_2024)
    assert Gemeente.objects.count() == 3


def test_gemeente_inwoners_met_peiljaar(overijssel):
    with geweigerd("gemeente_inwoners_met_peiljaar"):
        maak_gemeente(overijssel, inwoners=101_000)
    with geweigerd("gemeente_inwoners_met_peiljaar"):
        maak_gemeente(overijssel, inwoners_peiljaar=2023)

    assert maak_gemeente(overijssel, inwoners=101_000, inwoners_peiljaar=2023).pk


def test_gemeentecode_uniek_per_begindatum(overijssel):
    maak_gemeente(overijssel, geldig_van=JAN_2024)

    with geweigerd("gemeente_code_uniek_per_begin", "code", "geldig_van"):
        maak_gemeente(overijssel, naam="Deventer (dubbel)", geldig_van=JAN_2024)

    # The same code from another date is a new period of the same gemeente (a move).
    assert maak_gemeente(overijssel, geldig_van=datetime.date(2025, 1, 1)).pk


def test_gemeentecode_uniek_zonder_begindatum(overijssel):
    maak_gemeente(overijssel)

    with geweigerd("gemeente_code_uniek_zonder_begin", "code"):
        maak_gemeente(overijssel, naam="Deventer (dubbel)")

    assert maak_gemeente(overijssel, code="GM0193", naam="Zwolle").pk


def test_opvolging_niet_naar_zichzelf(deventer, zwolle):
    with geweigerd("opvolging_niet_zichzelf"):
        Opvolging.objects.create(voorganger=deventer, opvolger=deventer, datum=JAN_2024)

    assert Opvolging.objects.create(voorganger=deventer, opvolger=zwolle, datum=JAN_2024).pk


@pytest.mark.parametrize("aandeel", [Decimal("0"), Decimal("-0.5"), Decimal("1.0001"), 2])
def test_opvolging_aandeel_tussen_0_en_1(deventer, zwolle, aandeel):
    with geweigerd("opvolging_aandeel_0_tot_1"):
        Opvolging.objects.create(
            voorganger=deventer, opvolger=zwolle, datum=JAN_2024, aandeel=aandeel
        )

    Opvolging.objects.create(
        voorganger=deventer, opvolger=zwolle, datum=JAN_2024, aandeel=Decimal("1")
    )
    kampen = maak_gemeente(deventer.provincie, code="GM0166", naam="Kampen")
    Opvolging.objects.create(
        voorganger=kampen, opvolger=zwolle, datum=JAN_2024, aandeel=Decimal("0.0001")
    )
    assert Opvolging.objects.count() == 2


# --- Opgavebesluit -------------------------------------------------------------------


@pytest.mark.parametrize("soort", [Opgavesoort.ASIEL, Opgavesoort.OEKRAINE])
def test_asiel_en_oekraine_besluit_heeft_streefdatum_zonder_halfjaar(soort):
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(soort=soort, naam="zonder datum", bron="test")
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(
            soort=soort, naam="met halfjaar", bron="test", halfjaar="2024-I"
        )
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(
            soort=soort, naam="beide", bron="test", streefdatum=JAN_2024, halfjaar="2024-I"
        )

    assert Opgavebesluit.objects.create(
        soort=soort, naam="goed", bron="test", streefdatum=JAN_2024
    ).pk


@pytest.mark.parametrize("halfjaar", ["", "2024", "2024-1", "24-I", "2024-i", "2024-IV"])
def test_taakstellingsbesluit_heeft_halfjaar_als_2024_I(halfjaar):
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam="fout", bron="test", halfjaar=halfjaar
        )

    for goed in ("2024-I", "2024-II"):
        Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam=goed, bron="test", halfjaar=goed
        )
    assert Opgavebesluit.objects.count() == 2


def test_taakstellingsbesluit_heeft_geen_streefdatum():
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS,
            naam="beide",
            bron="test",
            halfjaar="2024-I",
            streefdatum=JUN_2024,
        )
    with geweigerd("opgavebesluit_datum_of_halfjaar"):
        Opgavebesluit.objects.create(
            soort=Opgavesoort.STATUSHOUDERS, naam="alleen datum", bron="test", streefdatum=JUN_2024
        )

    assert maak_besluit(Opgavesoort.STATUSHOUDERS, halfjaar="2024-I").pk


def test_landelijk_amv_binnen_landelijk_totaal():
    with geweigerd("opgavebesluit_amv_binnen_totaal"):
        maak_besluit(landelijk_totaal=77_100, landelijk_amv=77_101)
    with geweigerd("opgavebesluit_amv_binnen_totaal"):
        maak_besluit(landelijk_amv=3_660)  # amv without a total to hold it

    maak_besluit(landelijk_totaal=77_100, landelijk_amv=3_660)
    maak_besluit(landelijk_totaal=77_100, landelijk_amv=77_100)
    maak_besluit(landelijk_totaal=96_000)
    maak_besluit()
    assert Opgavebesluit.objects.count() == 4


# --- Opgave, Taakstelling, Uitruil ----------------------------------------------------


def test_opgave_hoort_bij_precies_een_gebied(overijssel, deventer):
    besluit = maak_besluit()
    ijsselland = maak_veiligheidsregio(overijssel)

    with geweigerd("opgave_precies_een_gebied"):
        Opgave.objects.create(besluit=besluit, aantal=10)
    with geweigerd("opgave_precies_een_gebied"):
        Opgave.objects.create(besluit=besluit, aantal=10, provincie=overijssel, gemeente=deventer)
    with geweigerd("opgave_precies_een_gebied"):
        Opgave.objects.create(
            besluit=besluit, aantal=10, veiligheidsregio=ijsselland, gemeente=deventer
        )

    Opgave.objects.create(besluit=besluit, aantal=4_081, provincie=overijssel)
    Opgave.objects.create(besluit=besluit, aantal=3_050, veiligheidsregio=ijsselland)
    Opgave.objects.create(besluit=besluit, aantal=529, gemeente=deventer)
    subregio = Subregio.objects.create(code="ijsselland", naam="IJsselland", provincie=overijssel)
    Opgave.objects.create(besluit=besluit, aantal=3_050, subregio=subregio)
    assert Opgave.objects.count() == 4


def test_opgave_uniek_per_gebied_en_besluit(overijssel, deventer):
    besluit = maak_besluit()
    Opgave.objects.create(besluit=besluit, aantal=529, gemeente=deventer)
    Opgave.objects.create(besluit=besluit, aantal=4_081, provincie=overijssel)

    with geweigerd("opgave_uniek_per_gemeente", "gemeente_id", "besluit_id"):
        Opgave.objects.create(besluit=besluit, aantal=530, gemeente=deventer)
    with geweigerd("opgave_uniek_per_provincie", "provincie_id", "besluit_id"):
        Opgave.objects.create(besluit=besluit, aantal=4_082, provincie=overijssel)

    # The same area under another besluit is a different opgave.
    assert Opgave.objects.create(besluit=maak_besluit(), aantal=600, gemeente=deventer).pk


def test_opgave_amv_binnen_aantal(deventer):
    besluit = maak_besluit()

    with geweigerd("opgave_amv_binnen_totaal"):
        Opgave.objects.create(besluit=besluit, gemeente=deventer, aantal=529, waarvan_amv=530)

    Opgave.objects.create(besluit=besluit, gemeente=deventer, aantal=529, waarvan_amv=529)
    assert Opgave.objects.get().waarvan_amv == 529


def test_taakstelling_amv_binnen_aantal(deventer):
    besluit = maak_besluit(Opgavesoort.STATUSHOUDERS)

    with geweigerd("taakstelling_amv_binnen_totaal"):
        Taakstelling.objects.create(besluit=besluit, gemeente=deventer, aantal=108, waarvan_amv=109)

    Taakstelling.objects.create(
        besluit=besluit, gemeente=deventer, aantal=108, waarvan_amv=108, stand_begin=-13
    )
    assert Taakstelling.objects.get().stand_begin == -13  # a voorsprong may be negative


def test_taakstelling_hoort_bij_precies_een_gebied(overijssel, deventer):
    besluit = maak_besluit(Opgavesoort.STATUSHOUDERS)

    with geweigerd("taakstelling_precies_een_gebied"):
        Taakstelling.objects.create(besluit=besluit, aantal=108)

    Taakstelling.objects.create(besluit=besluit, aantal=108, gemeente=deventer)
    Taakstelling.objects.create(besluit=besluit, aantal=1_249, provincie=overijssel)
    with geweigerd("taakstelling_uniek_per_gemeente", "gemeente_id", "besluit_id"):
        Taakstelling.objects.create(besluit=besluit, aantal=109, gemeente=deventer)
    assert Taakstelling.objects.count() == 2


def test_uitruil_tussen_twee_gemeenten(deventer, zwolle):
    with geweigerd("uitruil_twee_gemeenten"):
        Uitruil.objects.create(
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=deventer,
            aantal=200,
            begin=JAN_2024,
        )

    assert Uitruil.objects.create(
        soort=Opgavesoort.ASIEL,
        van_gemeente=deventer,
        naar_gemeente=zwolle,
        aantal=200,
        begin=JAN_2024,
    ).pk


def test_uitruil_aantal_positief(deventer, zwolle):
    with geweigerd("uitruil_aantal_positief"):
        Uitruil.objects.create(
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=0,
            begin=JAN_2024,
        )

    assert Uitruil.objects.create(
        soort=Opgavesoort.ASIEL,
        van_gemeente=deventer,
        naar_gemeente=zwolle,
        aantal=1,
        begin=JAN_2024,
    ).pk


def test_uitruil_einde_niet_voor_begin(deventer, zwolle):
    with geweigerd("uitruil_datums_op_volgorde"):
        Uitruil.objects.create(
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=200,
            begin=JAN_2024,
            einde=datetime.date(2023, 12, 31),
        )

    # One exchange per target, pair and start date (uitruil_uniek): a target each.
    for soort, einde in ((Opgavesoort.ASIEL, JAN_2024), (Opgavesoort.OEKRAINE, None)):
        Uitruil.objects.create(
            soort=soort,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=200,
            begin=JAN_2024,
            einde=einde,
        )
    assert Uitruil.objects.count() == 2


def test_uitruil_is_van_plaatsen_niet_van_een_taakstelling(deventer, zwolle):
    with geweigerd("uitruil_van_plaatsen"):
        Uitruil.objects.create(
            soort=Opgavesoort.STATUSHOUDERS,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=20,
            begin=JAN_2024,
        )


def test_uitruil_bevestigd_met_tijdstip(deventer, zwolle, django_user_model):
    door = django_user_model.objects.create_user("bevestiger")
    with geweigerd("uitruil_bevestigd_met_tijdstip"):
        Uitruil.objects.create(
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=20,
            begin=JAN_2024,
            bevestigd_door=door,
        )


# --- Realisatie ------------------------------------------------------------------------


def test_peildatum_uniek_per_provincie_en_datum(overijssel):
    Peildatum.objects.create(provincie=overijssel, datum=JAN_2024)

    with geweigerd("peildatum_uniek", "provincie_id", "datum"):
        Peildatum.objects.create(provincie=overijssel, datum=JAN_2024)

    gelderland = maak_provincie(code="PV25", naam="Gelderland")
    Peildatum.objects.create(provincie=gelderland, datum=JAN_2024)
    Peildatum.objects.create(provincie=overijssel, datum=datetime.date(2024, 1, 8))
    assert Peildatum.objects.count() == 3


def test_peildatum_vastgesteld_door_alleen_met_tijdstip(overijssel):
    secretaris = maak_gebruiker()

    with geweigerd("peildatum_vastgesteld_met_tijdstip"):
        Peildatum.objects.create(provincie=overijssel, datum=JAN_2024, vastgesteld_door=secretaris)

    assert Peildatum.objects.create(
        provincie=overijssel,
        datum=JAN_2024,
        vastgesteld_door=secretaris,
        vastgesteld_op=timezone.now(),
    ).is_vastgesteld


@pytest.fixture
def locatie(deventer) -> Opvanglocatie:
    return Opvanglocatie.objects.create(
        gemeente=deventer,
        naam="azc Deventer",
    )


def test_capaciteit_amv_binnen_plaatsen(locatie):
    with geweigerd("capaciteit_amv_binnen_totaal"):
        Capaciteitsperiode.objects.create(
            soort_id="RO",
            beheerder="coa",
            locatie=locatie,
            plaatsen=400,
            waarvan_amv=401,
            van=JAN_2024,
            status="gerealiseerd",
        )

    assert Capaciteitsperiode.objects.create(
        soort_id="RO",
        beheerder="coa",
        locatie=locatie,
        plaatsen=400,
        waarvan_amv=400,
        van=JAN_2024,
        status="gerealiseerd",
    ).pk


def test_capaciteit_tot_en_met_niet_voor_van(locatie):
    with geweigerd("capaciteit_datums_op_volgorde"):
        Capaciteitsperiode.objects.create(
            soort_id="RO",
            beheerder="coa",
            locatie=locatie,
            plaatsen=400,
            van=JAN_2024,
            tot_en_met=datetime.date(2023, 12, 31),
            status="gerealiseerd",
        )

    # One period per location, start and status (capaciteitsperiode_uniek): a status each.
    for tot_en_met, status in ((JAN_2024, "gepland"), (None, "voorgenomen")):
        Capaciteitsperiode.objects.create(
            soort_id="RO",
            beheerder="coa",
            locatie=locatie,
            plaatsen=400,
            van=JAN_2024,
            tot_en_met=tot_en_met,
            status=status,
        )
    assert Capaciteitsperiode.objects.count() == 2


def test_asieltelling_amv_binnen_som_van_soorten(overijssel, peildatum):
    def telling(**velden) -> AsielTelling:
        return AsielTelling.objects.create(
            provincie=overijssel, peildatum=peildatum, datum=JAN_2024, **velden
        )

    with geweigerd("asieltelling_amv_binnen_totaal"):
        telling(regulier=100, noodopvang=50, waarvan_amv=151)
    with geweigerd("asieltelling_amv_binnen_totaal"):
        telling(regulier=100, tgo=20, crisisnoodopvang=20, overig=10, waarvan_amv=151)

    assert telling(regulier=100, noodopvang=50, waarvan_amv=150).totaal == 150


def test_asieltelling_zonder_amv_of_soorten_mag(overijssel, peildatum):
    """Unknown stays unknown: a row without any figure is allowed."""
    telling = AsielTelling.objects.create(provincie=overijssel, peildatum=peildatum, datum=JAN_2024)

    assert telling.totaal is None
    assert telling.waarvan_amv is None


def test_asieltelling_uniek_per_gebied_peildatum_en_datum(overijssel, deventer, peildatum):
    AsielTelling.objects.create(provincie=overijssel, peildatum=peildatum, datum=JAN_2024)
    AsielTelling.objects.create(gemeente=deventer, peildatum=peildatum, datum=JAN_2024)

    with geweigerd("asieltelling_uniek_per_provincie", "provincie_id", "peildatum_id", "datum"):
        AsielTelling.objects.create(provincie=overijssel, peildatum=peildatum, datum=JAN_2024)
    with geweigerd("asieltelling_uniek_per_gemeente", "gemeente_id", "peildatum_id", "datum"):
        AsielTelling.objects.create(gemeente=deventer, peildatum=peildatum, datum=JAN_2024)
    with geweigerd("asieltelling_precies_een_gebied"):
        AsielTelling.objects.create(peildatum=peildatum, datum=JAN_2024)

    # A planned figure for a later date on the same peildatum is its own row.
    AsielTelling.objects.create(
        provincie=overijssel, peildatum=peildatum, datum=datetime.date(2024, 3, 31)
    )
    assert AsielTelling.objects.count() == 3


def test_oekrainetelling_bezet_binnen_totaal(deventer, peildatum):
    with geweigerd("oekrainetelling_bezet_binnen_totaal"):
        OekraineTelling.objects.create(
            gemeente=deventer, peildatum=peildatum, goo_totaal=520, goo_bezet=521
        )

    assert OekraineTelling.objects.create(
        gemeente=deventer, peildatum=peildatum, goo_totaal=520, goo_bezet=520
    ).pk


def test_oekrainetelling_beschikbaar_binnen_vrije_plaatsen(deventer, peildatum):
    with geweigerd("oekrainetelling_beschikbaar_binnen_vrij"):
        OekraineTelling.objects.create(
            gemeente=deventer,
            peildatum=peildatum,
            goo_totaal=520,
            goo_bezet=480,
            goo_beschikbaar=41,
        )

    assert OekraineTelling.objects.create(
        gemeente=deventer, peildatum=peildatum, goo_totaal=520, goo_bezet=480, goo_beschikbaar=40
    ).pk


def test_oekrainetelling_beschikbaar_binnen_totaal_als_bezet_onbekend(deventer, peildatum):
    with geweigerd("oekrainetelling_beschikbaar"):
        OekraineTelling.objects.create(
            gemeente=deventer, peildatum=peildatum, goo_totaal=520, goo_beschikbaar=521
        )


def test_oekrainetelling_onbekend_is_niet_nul(deventer, peildatum):
    """A row without any figure is allowed and keeps its None values."""
    OekraineTelling.objects.create(gemeente=deventer, peildatum=peildatum)

    telling = OekraineTelling.objects.get()
    assert telling.goo_totaal is None
    assert telling.goo_bezet is None
    assert telling.goo_beschikbaar is None
    assert telling.poo is None
    with geweigerd("oekrainetelling_uniek_per_gemeente", "gemeente_id", "peildatum_id"):
        OekraineTelling.objects.create(gemeente=deventer, peildatum=peildatum, poo=0)


def test_huisvesting_tot_en_met_niet_voor_van(deventer):
    with geweigerd("huisvesting_datums_op_volgorde"):
        Huisvesting.objects.create(
            gemeente=deventer, van=JUN_2024, tot_en_met=JAN_2024, gehuisvest=10
        )

    assert Huisvesting.objects.create(
        gemeente=deventer, van=JAN_2024, tot_en_met=datetime.date(2024, 1, 31), gehuisvest=10
    ).pk


def test_huisvesting_amv_binnen_gehuisvest(deventer):
    with geweigerd("huisvesting_amv_binnen_totaal"):
        Huisvesting.objects.create(
            gemeente=deventer, van=JAN_2024, tot_en_met=JUN_2024, gehuisvest=10, waarvan_amv=11
        )

    assert Huisvesting.objects.create(
        gemeente=deventer, van=JAN_2024, tot_en_met=JUN_2024, gehuisvest=10, waarvan_amv=10
    ).pk


# --- Negative counts -----------------------------------------------------------------


def _tellingen(overijssel: Provincie, deventer: Gemeente, zwolle: Gemeente):
    """One valid row per model with a count: (row, count field, lowest valid value)."""
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=JAN_2024)
    locatie = Opvanglocatie.objects.create(
        gemeente=deventer,
        naam="azc",
    )
    yield maak_besluit(landelijk_totaal=96_000), "landelijk_totaal", 0
    yield Opgave.objects.create(besluit=maak_besluit(), gemeente=deventer, aantal=529), "aantal", 0
    yield (
        Taakstelling.objects.create(
            besluit=maak_besluit(Opgavesoort.STATUSHOUDERS), gemeente=deventer, aantal=108
        ),
        "aantal",
        0,
    )
    yield (
        Uitruil.objects.create(
            soort=Opgavesoort.ASIEL,
            van_gemeente=deventer,
            naar_gemeente=zwolle,
            aantal=200,
            begin=JAN_2024,
        ),
        "aantal",
        1,  # an uitruil of 0 places is no uitruil
    )
    # waarvan_amv rather than plaatsen: -1 plaatsen also breaks "amv within plaatsen".
    yield (
        Capaciteitsperiode.objects.create(
            soort_id="RO",
            beheerder="coa",
            locatie=locatie,
            plaatsen=400,
            van=JAN_2024,
            status="gerealiseerd",
        ),
        "waarvan_amv",
        0,
    )
    yield (
        AsielTelling.objects.create(
            gemeente=deventer, peildatum=peildatum, datum=JAN_2024, regulier=400
        ),
        "regulier",
        0,
    )
    yield (
        OekraineTelling.objects.create(gemeente=deventer, peildatum=peildatum, poo=10),
        "poo",
        0,
    )
    yield (
        Huisvesting.objects.create(
            gemeente=deventer, van=JAN_2024, tot_en_met=JUN_2024, gehuisvest=10
        ),
        "gehuisvest",
        0,
    )
    yield (
        maak_gemeente(overijssel, code="GM0166", naam="Kampen", inwoners=1, inwoners_peiljaar=2024),
        "inwoners",
        0,
    )


def test_negatieve_aantallen_geweigerd_door_de_database(overijssel, deventer, zwolle):
    gecontroleerd = []
    for rij, veld, laagste in _tellingen(overijssel, deventer, zwolle):
        rijen = type(rij).objects.filter(pk=rij.pk)

        # SQLite: "CHECK constraint failed: aantal"; PostgreSQL: "..._aantal_check".
        with geweigerd(veld):
            rijen.update(**{veld: -1})

        assert rijen.update(**{veld: laagste}) == 1
        assert getattr(rijen.get(), veld) == laagste
        gecontroleerd.append(f"{type(rij).__name__}.{veld}")
    assert len(gecontroleerd) == 9, gecontroleerd


def test_voor_achterstand_mag_negatief(deventer):
    taakstelling = Taakstelling.objects.create(
        besluit=maak_besluit(Opgavesoort.STATUSHOUDERS), gemeente=deventer, aantal=108
    )

    Taakstelling.objects.filter(pk=taakstelling.pk).update(stand_begin=-13)

    taakstelling.refresh_from_db()
    assert taakstelling.stand_begin == -13
    with pytest.raises(IntegrityError), transaction.atomic():
        Taakstelling.objects.filter(pk=taakstelling.pk).update(te_realiseren_gepubliceerd=-1)


# --- Rol -------------------------------------------------------------------------------


def test_secretaris_en_lid_hebben_een_provincie(overijssel, deventer):
    gebruiker = maak_gebruiker()

    for soort in (Rolsoort.SECRETARIS, Rolsoort.LID):
        with geweigerd("rol_gebied_past_bij_soort"):
            Rol.objects.create(gebruiker=gebruiker, soort=soort)
        with geweigerd("rol_gebied_past_bij_soort"):
            Rol.objects.create(gebruiker=gebruiker, soort=soort, gemeente=deventer)
        with geweigerd("rol_gebied_past_bij_soort"):
            Rol.objects.create(
                gebruiker=gebruiker, soort=soort, provincie=overijssel, gemeente=deventer
            )
        Rol.objects.create(gebruiker=gebruiker, soort=soort, provincie=overijssel)
    assert Rol.objects.count() == 2


def test_beheerder_en_landelijk_zonder_gebied(overijssel, deventer):
    gebruiker = maak_gebruiker()

    for soort in (Rolsoort.BEHEERDER, Rolsoort.LANDELIJK):
        with geweigerd("rol_gebied_past_bij_soort"):
            Rol.objects.create(gebruiker=gebruiker, soort=soort, provincie=overijssel)
        with geweigerd("rol_gebied_past_bij_soort"):
            Rol.objects.create(gebruiker=gebruiker, soort=soort, gemeente=deventer)
        Rol.objects.create(gebruiker=gebruiker, soort=soort)
    assert Rol.objects.count() == 2


def test_invoerder_heeft_een_gemeente(overijssel, deventer):
    gebruiker = maak_gebruiker()

    with geweigerd("rol_gebied_past_bij_soort"):
        Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.INVOERDER)
    with geweigerd("rol_gebied_past_bij_soort"):
        Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.INVOERDER, provincie=overijssel)
    with geweigerd("rol_gebied_past_bij_soort"):
        Rol.objects.create(
            gebruiker=gebruiker, soort=Rolsoort.INVOERDER, provincie=overijssel, gemeente=deventer
        )

    assert Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.INVOERDER, gemeente=deventer).pk


def test_rol_uniek_per_gebruiker_soort_en_gebied(overijssel, deventer):
    gebruiker = maak_gebruiker()
    gelderland = maak_provincie(code="PV25", naam="Gelderland")
    Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.BEHEERDER)
    Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.LID, provincie=overijssel)
    Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.INVOERDER, gemeente=deventer)

    # Every valid role leaves provincie or gemeente empty, so a plain unique constraint
    # over (gebruiker, soort, provincie, gemeente) never fires: NULLs are distinct.
    with geweigerd("rol_uniek_landelijk", "gebruiker_id", "soort"):
        Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.BEHEERDER)
    with geweigerd("rol_uniek_per_provincie", "gebruiker_id", "soort", "provincie_id"):
        Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.LID, provincie=overijssel)
    with geweigerd("rol_uniek_per_gemeente", "gebruiker_id", "soort", "gemeente_id"):
        Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.INVOERDER, gemeente=deventer)

    # The demo's lid reads two provinces; another user may hold the same roles.
    Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.LID, provincie=gelderland)
    Rol.objects.create(gebruiker=gebruiker, soort=Rolsoort.LANDELIJK)
    anders = maak_gebruiker("anders")
    Rol.objects.create(gebruiker=anders, soort=Rolsoort.BEHEERDER)
    Rol.objects.create(gebruiker=anders, soort=Rolsoort.LID, provincie=overijssel)
    Rol.objects.create(gebruiker=anders, soort=Rolsoort.INVOERDER, gemeente=deventer)
    assert Rol.objects.count() == 8


# --- Issue 11: the amv part on its own, counting rules ------------------------------


def test_een_opgave_heeft_een_aantal_of_een_amv_deel(deventer):
    besluit = maak_besluit()
    with geweigerd("opgave_met_een_aantal"):
        Opgave.objects.create(besluit=besluit, gemeente=deventer)
    # The amv part alone (a source that publishes only the amv table) is a figure.
    assert Opgave.objects.create(besluit=besluit, gemeente=deventer, waarvan_amv=45).pk


def test_een_taakstelling_heeft_een_aantal_of_een_nidos_deel(deventer):
    besluit = maak_besluit(Opgavesoort.STATUSHOUDERS)
    with geweigerd("taakstelling_met_een_aantal"):
        Taakstelling.objects.create(besluit=besluit, gemeente=deventer)
    assert Taakstelling.objects.create(besluit=besluit, gemeente=deventer, waarvan_amv=4).pk


def test_huisvesting_heeft_een_aantal_of_een_amv_deel(deventer):
    einde = datetime.date(2024, 1, 31)
    with geweigerd("huisvesting_met_een_aantal"):
        Huisvesting.objects.create(gemeente=deventer, van=JAN_2024, tot_en_met=einde)
    assert Huisvesting.objects.create(
        gemeente=deventer, van=JAN_2024, tot_en_met=einde, waarvan_amv=2
    ).pk


# The database checks the shape of the list; which codes exist is the reference list
# `Locatiesoort`, checked by `telregel_opslaan` (tests/realisatie/test_register.py).
@pytest.mark.parametrize("soorten", ["", "RO,", "RO;NO", "RO NO", "X" * 21])
def test_een_telregel_noemt_bekende_soorten(soorten):
    with geweigerd("telregel_soorten_bekend"):
        Telregel.objects.create(besluit=maak_besluit(), soorten=soorten)


def test_een_telregel_per_besluit_en_een_per_provincie(overijssel):
    besluit = maak_besluit()
    assert Telregel.objects.create(besluit=besluit, soorten="RO").pk
    with geweigerd("telregel_uniek_per_besluit", "besluit_id"):
        Telregel.objects.create(besluit=besluit, soorten="RO,NO")
    assert Telregel.objects.create(besluit=besluit, provincie=overijssel, soorten="RO,NO,TGO").pk
    with geweigerd("telregel_uniek_per_provincie", "besluit_id", "provincie_id"):
        Telregel.objects.create(besluit=besluit, provincie=overijssel, soorten="RO")


# --- Issue 15: the register as the documents say it ---------------------------------


def _periode(locatie, **velden):
    waarden = {
        "soort_id": "NO",
        "beheerder": "gemeente",
        "locatie": locatie,
        "plaatsen": 100,
        "van": JAN_2024,
        "status": "gerealiseerd",
        **velden,
    }
    return Capaciteitsperiode.objects.create(**waarden)


def test_capaciteit_schatting_heeft_een_aantal(locatie):
    with geweigerd("capaciteit_schatting_met_aantal"):
        _periode(locatie, plaatsen=None, geschat=True)
    assert _periode(locatie, plaatsen=None).plaatsen is None  # unknown, not 0
    assert _periode(locatie, plaatsen=100, geschat=True, status="gepland").geschat


def test_capaciteit_einde_onbekend_zonder_einddatum(locatie):
    with geweigerd("capaciteit_einde_onbekend_zonder_datum"):
        _periode(locatie, einde_onbekend=True, tot_en_met=datetime.date(2025, 1, 1))
    assert _periode(locatie, einde_onbekend=True).pk


def test_capaciteit_verlenging_na_einde(locatie):
    with geweigerd("capaciteit_verlenging_na_einde"):
        _periode(locatie, verlengbaar_tot=datetime.date(2027, 1, 1))  # no end date
    with geweigerd("capaciteit_verlenging_na_einde"):
        _periode(
            locatie,
            tot_en_met=datetime.date(2025, 1, 1),
            verlengbaar_tot=datetime.date(2025, 1, 1),
        )
    assert _periode(
        locatie, tot_en_met=datetime.date(2025, 7, 1), verlengbaar_tot=datetime.date(2027, 7, 1)
    ).pk


def test_capaciteit_soort_uit_de_lijst(locatie):
    with pytest.raises(IntegrityError), transaction.atomic():
        _periode(locatie, soort_id="AZC")
        connection.check_constraints()  # a foreign key is checked at commit otherwise
    assert _periode(locatie, soort_id="GVL").pk


def test_locatieaandeel_plaatsen_of_percentage(locatie, deventer):
    from realisatie.models import Locatieaandeel

    with geweigerd("locatieaandeel_plaatsen_of_percentage"):
        Locatieaandeel.objects.create(locatie=locatie, gemeente=deventer)
    with geweigerd("locatieaandeel_plaatsen_of_percentage"):
        Locatieaandeel.objects.create(locatie=locatie, gemeente=deventer, plaatsen=1, percentage=1)
    with geweigerd("locatieaandeel_percentage_tot_honderd"):
        Locatieaandeel.objects.create(locatie=locatie, gemeente=deventer, percentage=101)
    assert Locatieaandeel.objects.create(locatie=locatie, gemeente=deventer, percentage=50).pk
    with geweigerd("locatieaandeel_uniek", "locatie_id", "gemeente_id"):
        Locatieaandeel.objects.create(locatie=locatie, gemeente=deventer, plaatsen=10)


def test_locatiesoort_code_en_opgave(db):
    from opgaven.models import Locatiesoort

    with geweigerd("locatiesoort_code"):
        Locatiesoort.objects.create(code="RO,NO", naam="x", opgave="asiel")
    with geweigerd("locatiesoort_telt_alleen_voor_asiel"):
        Locatiesoort.objects.create(
            code="hotel2", naam="x", opgave="oekraine", telt_standaard_mee=True
        )
    assert Locatiesoort.objects.create(code="hotel2", naam="x", opgave="oekraine").pk
