"""The regietafel's invariants are refused by the database itself (no service, no
`full_clean`): each constraint with a write it refuses and, first, the valid row it
accepts (see `tests/test_constraints.py` for the approach)."""

from __future__ import annotations

import datetime

import pytest

from gemeenten.models import Gemeente
from realisatie.models import Peildatum
from regietafel.models import (
    Aanwezigheid,
    Actie,
    Agendapunt,
    Knelpunt,
    Mijlpaal,
    Regietafelbesluit,
    Toezicht,
    Toezichtafspraak,
    Vergadering,
    Verzoek,
)
from tests.test_constraints import geweigerd

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def rijen(overijssel):
    vergadering = Vergadering.objects.create(provincie=overijssel, datum=D(2024, 3, 4))
    verzoek = Verzoek.objects.create(
        provincie=overijssel,
        omschrijving="200 extra",
        soort="asiel",
        aantal=200,
        ontvangen_op=D(2023, 12, 1),
        uiterlijk=D(2024, 3, 1),
    )
    knelpunt = Knelpunt.objects.create(
        provincie=overijssel, thema="zorg", omschrijving="Huisartsen", ingebracht_in=vergadering
    )
    toezicht = Toezicht.objects.create(
        gemeente=Gemeente.objects.get(code="GM0166"), regime="oranje", sinds=D(2024, 4, 1)
    )
    return {
        "provincie": overijssel,
        "vergadering": vergadering,
        "verzoek": verzoek,
        "knelpunt": knelpunt,
        "toezicht": toezicht,
        "peildatum": Peildatum.objects.get(provincie=overijssel, datum=D(2023, 4, 1)),
    }


def _actie(r, **velden):
    return Actie.objects.create(
        **{
            "provincie": r["provincie"],
            "nummer": 1,
            "vergadering": r["vergadering"],
            "tekst": "Plan",
            "eigenaar": "COA",
            **velden,
        }
    )


def _verzoek(r, **velden):
    return Verzoek.objects.create(
        **{
            "provincie": r["provincie"],
            "omschrijving": "CNO",
            "soort": "crisisnoodopvang",
            "aantal": 225,
            "ontvangen_op": D(2024, 1, 1),
            "uiterlijk": D(2024, 2, 1),
            **velden,
        }
    )


def _mijlpaal(r, **velden):
    return Mijlpaal.objects.create(
        **{"provincie": r["provincie"], "cyclus": 2024, "soort": "verslag_cdk", **velden}
    )


def _agendapunt(r, **velden):
    return Agendapunt.objects.create(
        **{"vergadering": r["vergadering"], "volgorde": 1, "onderwerp": "Opening", **velden}
    )


def test_actie(rijen):
    _actie(rijen, status="gereed", status_op=D(2024, 6, 1))
    with geweigerd("actie_nummer_uniek", "provincie_id", "nummer"):
        _actie(rijen)
    with geweigerd("actie_nummer_vanaf_1"):
        _actie(rijen, nummer=0)
    with geweigerd("actie_met_tekst"):
        _actie(rijen, nummer=2, tekst="")
    with geweigerd("actie_met_eigenaar"):
        _actie(rijen, nummer=2, eigenaar="")
    with geweigerd("actie_status_geldig"):
        _actie(rijen, nummer=2, status="half", status_op=D(2024, 6, 1))
    with geweigerd("actie_afgerond_met_datum"):
        _actie(rijen, nummer=2, status="gereed")
    with geweigerd("actie_afgerond_met_datum"):
        _actie(rijen, nummer=2, status="open", status_op=D(2024, 6, 1))


def test_besluit(rijen):
    maak = Regietafelbesluit.objects.create
    basis = {"provincie": rijen["provincie"], "vergadering": rijen["vergadering"]}
    maak(**basis, nummer=1, tekst="Vastgesteld")
    with geweigerd("besluit_nummer_uniek", "provincie_id", "nummer"):
        maak(**basis, nummer=1, tekst="Nog een")
    with geweigerd("besluit_nummer_vanaf_1"):
        maak(**basis, nummer=0, tekst="Nul")
    with geweigerd("besluit_met_tekst"):
        maak(**basis, nummer=2, tekst="")


def test_vergadering(rijen):
    vergadering = rijen["vergadering"]
    with geweigerd("vergadering_uniek", "provincie_id", "datum"):
        Vergadering.objects.create(provincie=rijen["provincie"], datum=vergadering.datum)
    with geweigerd("vergadering_verslag_niet_in_zichzelf"):
        Vergadering.objects.filter(pk=vergadering.pk).update(
            verslag="Tekst", verslag_goedgekeurd_in=vergadering
        )
    later = Vergadering.objects.create(provincie=rijen["provincie"], datum=D(2024, 6, 7))
    with geweigerd("vergadering_goedgekeurd_verslag_bestaat"):
        Vergadering.objects.filter(pk=vergadering.pk).update(verslag_goedgekeurd_in=later)
    Vergadering.objects.filter(pk=vergadering.pk).update(
        verslag="Tekst", verslag_goedgekeurd_in=later
    )


def test_agendapunt(rijen):
    _agendapunt(rijen, peildatum=rijen["peildatum"])
    with geweigerd("agendapunt_volgorde_uniek", "vergadering_id", "volgorde"):
        _agendapunt(rijen)
    with geweigerd("agendapunt_volgorde_vanaf_1"):
        _agendapunt(rijen, volgorde=0)
    with geweigerd("agendapunt_met_onderwerp"):
        _agendapunt(rijen, volgorde=2, onderwerp="")
    with geweigerd("agendapunt_hoogstens_een_verwijzing"):
        _agendapunt(rijen, volgorde=2, verzoek=rijen["verzoek"], knelpunt=rijen["knelpunt"])
    with geweigerd("agendapunt_hoogstens_een_verwijzing"):
        _agendapunt(rijen, volgorde=2, peildatum=rijen["peildatum"], signaal="Deventer")
    _agendapunt(rijen, volgorde=2, signaal="Deventer achter op schema")


def test_aanwezigheid(rijen):
    maak = Aanwezigheid.objects.create
    maak(vergadering=rijen["vergadering"], naam="A. de Vries", organisatie="COA")
    with geweigerd("aanwezigheid_uniek", "vergadering_id", "naam", "organisatie"):
        maak(vergadering=rijen["vergadering"], naam="A. de Vries", organisatie="COA")
    with geweigerd("aanwezigheid_met_naam"):
        maak(vergadering=rijen["vergadering"], naam="", organisatie="COA")
    with geweigerd("aanwezigheid_met_organisatie"):
        maak(vergadering=rijen["vergadering"], naam="B. Jansen", organisatie="")


def test_verzoek(rijen):
    _verzoek(rijen, status="beantwoord", antwoord="Toegezegd", beantwoord_op=D(2024, 1, 5))
    with geweigerd("verzoek_met_omschrijving"):
        _verzoek(rijen, omschrijving="")
    with geweigerd("verzoek_aantal_positief"):
        _verzoek(rijen, aantal=0)
    with geweigerd("verzoek_soort_geldig"):
        _verzoek(rijen, soort="hotel")
    with geweigerd("verzoek_status_geldig"):
        _verzoek(rijen, status="misschien")
    with geweigerd("verzoek_datums_op_volgorde"):
        _verzoek(rijen, uiterlijk=D(2023, 12, 31))
    with geweigerd("verzoek_beantwoord_met_antwoord"):
        _verzoek(rijen, status="beantwoord", beantwoord_op=D(2024, 1, 5))
    with geweigerd("verzoek_antwoord_na_ontvangst"):
        _verzoek(rijen, antwoord="Eerder", beantwoord_op=D(2023, 12, 1))


def test_knelpunt(rijen):
    maak = Knelpunt.objects.create
    basis = {"provincie": rijen["provincie"], "ingebracht_in": rijen["vergadering"]}
    maak(
        **basis,
        thema="netcongestie",
        omschrijving="Geen aansluiting",
        status="geescaleerd",
        geescaleerd_naar="LRT",
        geescaleerd_op=D(2024, 3, 20),
    )
    with geweigerd("knelpunt_met_omschrijving"):
        maak(**basis, thema="zorg", omschrijving="")
    with geweigerd("knelpunt_thema_geldig"):
        maak(**basis, thema="weer", omschrijving="Regen")
    with geweigerd("knelpunt_status_geldig"):
        maak(**basis, thema="zorg", omschrijving="X", status="weg")
    with geweigerd("knelpunt_escalatie_naar_en_op"):
        maak(**basis, thema="zorg", omschrijving="X", geescaleerd_naar="LRT")
    with geweigerd("knelpunt_geescaleerd_met_datum"):
        maak(**basis, thema="zorg", omschrijving="X", status="geescaleerd")


def test_toezicht(rijen):
    toezicht = rijen["toezicht"]
    with geweigerd("toezicht_uniek", "gemeente_id", "sinds"):
        Toezicht.objects.create(gemeente=toezicht.gemeente, regime="rood", sinds=toezicht.sinds)
    with geweigerd("toezicht_regime_geldig"):
        Toezicht.objects.create(gemeente=toezicht.gemeente, regime="paars", sinds=D(2024, 5, 1))
    Toezichtafspraak.objects.create(toezicht=toezicht, omschrijving="Overleg", datum=D(2024, 5, 1))
    with geweigerd("toezichtafspraak_met_omschrijving"):
        Toezichtafspraak.objects.create(toezicht=toezicht, omschrijving="", datum=D(2024, 5, 1))


def test_mijlpaal(rijen):
    _mijlpaal(rijen, status="gereed", gereed_op=D(2024, 10, 30))
    with geweigerd("mijlpaal_uniek_per_cyclus", "provincie_id", "cyclus", "soort"):
        _mijlpaal(rijen)
    with geweigerd("mijlpaal_cyclus_jaar"):
        _mijlpaal(rijen, cyclus=2023)
    with geweigerd("mijlpaal_soort_geldig"):
        _mijlpaal(rijen, soort="feest")
    with geweigerd("mijlpaal_status_geldig"):
        _mijlpaal(rijen, soort="verdeelbesluit", status="bijna")
    with geweigerd("mijlpaal_gereed_met_datum"):
        _mijlpaal(rijen, soort="verdeelbesluit", status="gereed")
    with geweigerd("mijlpaal_gereed_met_datum"):
        _mijlpaal(rijen, soort="verdeelbesluit", gereed_op=D(2025, 1, 1))
