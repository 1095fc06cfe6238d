"""One asiel source per gemeente and date (`realisatie.asielbron`)."""

from __future__ import annotations

from datetime import date

from realisatie.asielbron import INVOER, REGISTER, kies, uit_invoer, uit_register, wijkt_af
from realisatie.capaciteit import GEPLAND, GEREALISEERD, Plaatsenperiode

PEILDATUM = date(2025, 1, 1)
AZC_ZWOLLE = Plaatsenperiode(400, 30, date(2020, 1, 1), None, GEREALISEERD, "RO")
AMV_LOCATIE = Plaatsenperiode(50, 0, date(2024, 6, 1), None, GEREALISEERD, "AMV")
UITBREIDING = Plaatsenperiode(300, 0, date(2025, 1, 1), None, GEPLAND, "RO")
GRID_ZWOLLE = uit_invoer({"RO": 145, "NO": 80}, None, PEILDATUM)


def test_het_register_is_de_bron_als_er_een_locatie_actief_is() -> None:
    register = uit_register([AZC_ZWOLLE, UITBREIDING], PEILDATUM)
    gekozen = kies(register, GRID_ZWOLLE)
    assert gekozen.herkomst == REGISTER
    # Never both added (625): the register's 400, planned places not yet realised.
    assert (gekozen.totaal, dict(gekozen.per_soort)) == (400, {"RO": 400})


def test_zonder_actieve_locatie_de_ingevoerde_aantallen() -> None:
    gesloten = Plaatsenperiode(400, 0, date(2020, 1, 1), date(2024, 12, 31), GEREALISEERD, "RO")
    assert uit_register([gesloten], PEILDATUM) is None
    gekozen = kies(uit_register([gesloten], PEILDATUM), GRID_ZWOLLE)
    assert (gekozen.herkomst, gekozen.totaal) == (INVOER, 225)


def test_twee_bronnen_die_verschillen_zijn_een_signaal() -> None:
    register = uit_register([AZC_ZWOLLE], PEILDATUM)
    assert wijkt_af(register, GRID_ZWOLLE)
    gelijk = uit_invoer({"RO": 400}, None, PEILDATUM)
    assert not wijkt_af(register, gelijk)
    assert not wijkt_af(register, None)


def test_een_soort_die_het_register_niet_heeft_is_daar_nul() -> None:
    # Zwolle has only noodopvang in the register; an opgave that counts RO only sees a
    # known 0 there, while entered figures without RO leave it unknown.
    noodopvang = Plaatsenperiode(300, 0, date(2023, 6, 1), None, GEREALISEERD, "NO")
    assert uit_register([noodopvang], PEILDATUM).geteld(("RO",)) == 0
    assert uit_invoer({"NO": 300}, None, PEILDATUM).geteld(("RO",)) is None
    assert GRID_ZWOLLE.geteld(("RO", "NO")) == 225


def test_een_amv_locatie_telt_als_amv_niet_als_noodopvang() -> None:
    stand = uit_register([AZC_ZWOLLE, AMV_LOCATIE], PEILDATUM)
    assert stand.amv == 30 + 50
    assert dict(stand.per_soort) == {"RO": 400, "AMV": 50}


def test_nul_plaatsen_is_een_bewuste_invoer_geen_ontbrekende() -> None:
    nul = uit_invoer({"RO": 0}, None, PEILDATUM)
    assert nul is not None and nul.totaal == 0
    assert uit_invoer({"RO": None, "NO": None}, None, PEILDATUM) is None
