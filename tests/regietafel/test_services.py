"""The regietafel's services: numbering per province, Dutch messages and nothing written
on bad input, the permission policy, the history and the audit log."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from gemeenten.models import Gemeente, Veiligheidsregio
from realisatie.models import Peildatum
from regietafel import services
from regietafel.models import (
    Actie,
    Actiestatus,
    Agendapunt,
    Knelpuntstatus,
    Knelpuntthema,
    Mijlpaal,
    Regietafelbesluit,
    Toezichtregime,
    Vergadering,
    Verzoek,
    Verzoeksoort,
)
from tests.regietafel.conftest import actie

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nederlands():
    with translation.override("nl"):
        yield


def test_acties_en_besluiten_genummerd_per_provincie(
    vergadering, secretaris, gelderland, secretaris_gelderland
):
    eerste, tweede = actie(secretaris, vergadering), actie(secretaris, vergadering, "Tweede")
    besluit = services.regietafelbesluit_aanmaken(
        door=secretaris, vergadering=vergadering, tekst="Planning vastgesteld"
    )
    in_gelderland = services.vergadering_aanmaken(
        door=secretaris_gelderland, provincie=gelderland, datum=D(2024, 2, 9)
    )
    elders = actie(secretaris_gelderland, in_gelderland)
    assert (eerste.nummer, tweede.nummer, besluit.nummer, elders.nummer) == (1, 2, 1, 1)
    assert eerste.provincie == vergadering.provincie and elders.provincie == gelderland


def test_actie_afronden_met_historie_en_audit(vergadering, secretaris, caplog):
    nieuw = actie(secretaris, vergadering)
    with caplog.at_level(logging.INFO, logger="prt.audit"):
        services.actie_afronden(door=secretaris, actie=nieuw, op=D(2024, 6, 7))
    nieuw.refresh_from_db()
    assert (nieuw.status, nieuw.status_op) == (Actiestatus.GEREED, D(2024, 6, 7))
    laatste = nieuw.history.order_by("-history_date").first()
    assert laatste.history_user == secretaris and laatste.status == Actiestatus.GEREED
    assert "action=actie_afronden" in caplog.text and "result=ok" in caplog.text


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"tekst": "  "}, "Beschrijf de actie."),
        ({"eigenaar": ""}, "Geef de eigenaar van de actie (een organisatie of rol)."),
        (
            {"termijn": D(2024, 3, 1)},
            "De termijn 1-3-2024 ligt vóór de vergadering van 4-3-2024.",
        ),
    ],
)
def test_ongeldige_actie_schrijft_niets(vergadering, secretaris, velden, melding):
    gegevens = {"tekst": "Plan", "eigenaar": "COA", "termijn": D(2024, 6, 30), **velden}
    with pytest.raises(ValidationError) as fout:
        services.actie_aanmaken(door=secretaris, vergadering=vergadering, **gegevens)
    assert fout.value.messages == [melding]
    assert not Actie.objects.exists()


def test_afgeronde_actie_kan_niet_nogmaals_of_voor_de_vergadering(vergadering, secretaris):
    nieuw = actie(secretaris, vergadering)
    with pytest.raises(ValidationError) as fout:
        services.actie_afronden(door=secretaris, actie=nieuw, op=D(2024, 1, 1))
    assert "ligt vóór de vergadering van 4-3-2024" in fout.value.messages[0]
    services.actie_afronden(door=secretaris, actie=nieuw, op=D(2024, 6, 7))
    with pytest.raises(ValidationError, match="niet meer open"):
        services.actie_afronden(door=secretaris, actie=nieuw, op=D(2024, 6, 8))


@pytest.mark.parametrize("wie", ["lid", "secretaris_gelderland", "invoerder"])
def test_alleen_de_eigen_secretaris_schrijft(request, vergadering, wie, caplog):
    door = request.getfixturevalue(wie)
    with caplog.at_level(logging.INFO, logger="prt.audit"), pytest.raises(PermissionDenied):
        actie(door, vergadering)
    with pytest.raises(PermissionDenied):
        services.vergadering_aanmaken(
            door=door, provincie=vergadering.provincie, datum=D(2025, 1, 1)
        )
    assert not Actie.objects.exists()
    assert Vergadering.objects.count() == 1
    assert "result=geweigerd" in caplog.text


def test_verslag_goedgekeurd_in_een_latere_vergadering(vergadering, secretaris, overijssel):
    services.vergadering_wijzigen(
        door=secretaris,
        vergadering=vergadering,
        datum=vergadering.datum,
        omschrijving="PRT",
        peildatum=None,
        verslag="Verslag 4 maart",
    )
    eerder = services.vergadering_aanmaken(
        door=secretaris, provincie=overijssel, datum=D(2024, 1, 8)
    )
    with pytest.raises(ValidationError, match="in een latere vergadering"):
        services.verslag_goedkeuren(door=secretaris, vergadering=vergadering, goedgekeurd_in=eerder)
    juni = services.vergadering_aanmaken(door=secretaris, provincie=overijssel, datum=D(2024, 6, 7))
    services.verslag_goedkeuren(door=secretaris, vergadering=vergadering, goedgekeurd_in=juni)
    vergadering.refresh_from_db()
    assert vergadering.verslag_goedgekeurd_in == juni
    with pytest.raises(ValidationError, match="al goedgekeurd op 7-6-2024"):
        services.verslag_goedkeuren(door=secretaris, vergadering=vergadering, goedgekeurd_in=juni)
    with pytest.raises(ValidationError, match="kan niet meer worden gewijzigd"):
        services.vergadering_wijzigen(
            door=secretaris,
            vergadering=vergadering,
            datum=vergadering.datum,
            omschrijving="PRT",
            peildatum=None,
            verslag="Anders",
        )


def test_leeg_verslag_wordt_niet_goedgekeurd(vergadering, secretaris, overijssel):
    juni = services.vergadering_aanmaken(door=secretaris, provincie=overijssel, datum=D(2024, 6, 7))
    with pytest.raises(ValidationError, match="Dit verslag is leeg"):
        services.verslag_goedkeuren(door=secretaris, vergadering=vergadering, goedgekeurd_in=juni)


def test_agendapunten_op_volgorde_en_met_een_verwijzing(vergadering, secretaris, overijssel):
    peildatum = Peildatum.objects.get(provincie=overijssel, datum=D(2023, 4, 1))
    eerste = services.agendapunt_toevoegen(
        door=secretaris, vergadering=vergadering, onderwerp="Stand van zaken", peildatum=peildatum
    )
    tweede = services.agendapunt_toevoegen(
        door=secretaris, vergadering=vergadering, onderwerp="Signalen", signaal="Deventer achter"
    )
    assert (eerste.volgorde, tweede.volgorde) == (1, 2)
    with pytest.raises(ValidationError, match="verwijst naar één ding"):
        services.agendapunt_toevoegen(
            door=secretaris,
            vergadering=vergadering,
            onderwerp="Twee",
            peildatum=peildatum,
            signaal="ook",
        )
    gelderland = Peildatum.objects.get(provincie__code="PV25", datum=D(2024, 1, 1))
    with pytest.raises(ValidationError, match="is geen peildatum van Overijssel"):
        services.agendapunt_toevoegen(
            door=secretaris, vergadering=vergadering, onderwerp="X", peildatum=gelderland
        )
    assert Agendapunt.objects.count() == 2


def test_dubbele_vergaderdatum(vergadering, secretaris, overijssel):
    with pytest.raises(ValidationError, match="heeft al een vergadering op 4-3-2024"):
        services.vergadering_aanmaken(door=secretaris, provincie=overijssel, datum=D(2024, 3, 4))


def test_verzoek_voor_een_veiligheidsregio_van_de_provincie(overijssel, secretaris):
    with pytest.raises(ValidationError) as fout:
        services.verzoek_aanmaken(
            door=secretaris,
            provincie=overijssel,
            omschrijving="225 plekken crisisnoodopvang",
            soort=Verzoeksoort.CRISISNOODOPVANG,
            aantal=0,
            ontvangen_op=D(2024, 3, 1),
            uiterlijk=D(2024, 2, 1),
            veiligheidsregio=Veiligheidsregio.objects.get(code="VR07"),
        )
    assert fout.value.messages == [
        "Vraag om minstens 1 plek.",
        "De datum 1-2-2024 ligt vóór de datum van het verzoek 1-3-2024.",
        "Gelderland-Midden is geen veiligheidsregio van Overijssel.",
    ]
    assert not Verzoek.objects.exists()


def test_beantwoord_verzoek_heeft_antwoord_en_datum(overijssel, secretaris):
    verzoek = services.verzoek_aanmaken(
        door=secretaris,
        provincie=overijssel,
        omschrijving="200 extra",
        soort=Verzoeksoort.ASIEL,
        aantal=200,
        ontvangen_op=D(2023, 12, 1),
        uiterlijk=D(2024, 3, 1),
    )
    velden = {
        "omschrijving": "200 extra",
        "soort": Verzoeksoort.ASIEL,
        "aantal": 200,
        "ontvangen_op": D(2023, 12, 1),
        "uiterlijk": D(2024, 3, 1),
        "veiligheidsregio": None,
    }
    with pytest.raises(ValidationError, match="heeft een antwoord en de datum"):
        services.verzoek_wijzigen(door=secretaris, verzoek=verzoek, status="beantwoord", **velden)
    services.verzoek_wijzigen(
        door=secretaris,
        verzoek=verzoek,
        status="beantwoord",
        antwoord="Toegezegd: 250 plekken per 1 maart",
        beantwoord_op=D(2023, 12, 20),
        **velden,
    )
    assert Verzoek.objects.get().antwoord == "Toegezegd: 250 plekken per 1 maart"


def test_knelpunt_escaleren(vergadering, secretaris):
    knelpunt = services.knelpunt_aanmaken(
        door=secretaris,
        ingebracht_in=vergadering,
        thema=Knelpuntthema.NETCONGESTIE,
        omschrijving="Geen netaansluiting voor het azc",
    )
    with pytest.raises(ValidationError) as fout:
        services.knelpunt_wijzigen(
            door=secretaris,
            knelpunt=knelpunt,
            thema=Knelpuntthema.NETCONGESTIE,
            omschrijving="Geen netaansluiting",
            status=Knelpuntstatus.GEESCALEERD,
            geescaleerd_naar="LRT",
        )
    assert fout.value.messages == [
        "Een escalatie heeft zowel het gremium als de datum.",
        "Geef aan naar wie en wanneer het knelpunt is geëscaleerd.",
    ]
    services.knelpunt_wijzigen(
        door=secretaris,
        knelpunt=knelpunt,
        thema=Knelpuntthema.NETCONGESTIE,
        omschrijving="Geen netaansluiting",
        status=Knelpuntstatus.GEESCALEERD,
        geescaleerd_naar="LRT",
        geescaleerd_op=D(2024, 3, 20),
    )
    knelpunt.refresh_from_db()
    assert (knelpunt.geescaleerd_naar, knelpunt.status) == ("LRT", Knelpuntstatus.GEESCALEERD)


def test_toezicht_nieuwe_regimes_houden_de_historie(overijssel, secretaris, secretaris_gelderland):
    kampen = Gemeente.objects.get(code="GM0166")
    services.toezicht_vastleggen(
        door=secretaris, gemeente=kampen, regime=Toezichtregime.GROEN, sinds=D(2024, 1, 1)
    )
    services.toezicht_vastleggen(
        door=secretaris, gemeente=kampen, regime=Toezichtregime.ORANJE, sinds=D(2024, 4, 1)
    )
    with pytest.raises(ValidationError, match="heeft al een regime vanaf 1-4-2024"):
        services.toezicht_vastleggen(
            door=secretaris, gemeente=kampen, regime=Toezichtregime.ROOD, sinds=D(2024, 4, 1)
        )
    with pytest.raises(PermissionDenied):
        services.toezicht_vastleggen(
            door=secretaris_gelderland, gemeente=kampen, regime="rood", sinds=D(2024, 5, 1)
        )
    assert [t.regime for t in kampen_regimes(kampen)] == ["oranje", "groen"]


def kampen_regimes(kampen):
    from regietafel.selectors import toezicht_van_gemeente

    return toezicht_van_gemeente(kampen)


def test_spreidingswetcyclus(overijssel, secretaris):
    mijlpalen = services.spreidingswetcyclus_aanmaken(
        door=secretaris, provincie=overijssel, cyclus=2024
    )
    assert [(m.soort, m.uiterlijk) for m in mijlpalen] == [
        ("regionaal_plan_potlood", D(2024, 6, 30)),
        ("regionaal_plan_definitief", D(2024, 9, 1)),
        ("verslag_cdk", D(2024, 11, 1)),
        ("verdeelbesluit", None),
    ]
    for cyclus, melding in ((2024, "bestaat al"), (2025, "duurt twee jaar")):
        with pytest.raises(ValidationError, match=melding):
            services.spreidingswetcyclus_aanmaken(
                door=secretaris, provincie=overijssel, cyclus=cyclus
            )
    with pytest.raises(ValidationError, match="de datum waarop de mijlpaal"):
        services.mijlpaal_wijzigen(
            door=secretaris, mijlpaal=mijlpalen[0], uiterlijk=None, status="gereed"
        )
    assert Mijlpaal.objects.filter(status="gereed").count() == 0
    assert Regietafelbesluit.objects.count() == 0
