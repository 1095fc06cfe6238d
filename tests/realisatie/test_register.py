"""The location register says what the documents say (issue 15): the reference list of
soorten, a change of soort as one location, uncertain values and shared locations."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gemeenten.models import Gemeente
from opgaven.models import Locatiesoort, Opgavebesluit, Opgavesoort
from opgaven.services import telregel_opslaan
from realisatie import bronnen
from realisatie.capaciteit import capaciteit_op
from realisatie.invoer import services

D = datetime.date


@pytest.fixture
def deventer(demodata):
    return Gemeente.objects.get(code="GM0150")


@pytest.fixture
def ommen(demodata):
    return Gemeente.objects.get(code="GM0175")


def _periode(secretaris, locatie, **waarden):
    standaard = {"status": "gerealiseerd", "beheerder": "gemeente", "soort": "NO"}
    return services.capaciteitsperiode_opslaan(
        door=secretaris, locatie=locatie, **{**standaard, **waarden}
    )


def test_reference_list_is_seeded_with_the_kinds_the_field_uses(db):
    codes = set(Locatiesoort.objects.values_list("code", flat=True))
    assert {"RO", "NO", "TGO", "CNO", "ROL", "AMV", "overig"} <= codes
    assert {"GVL", "satelliet", "IBO", "buffer", "PBL", "KWG", "KWE"} <= codes
    assert {"doorstroomlocatie", "hotel", "boot", "hub"} <= codes
    hotel = Locatiesoort.objects.get(code="hotel")
    assert hotel.opgave == Opgavesoort.OEKRAINE and not hotel.telt_standaard_mee


def test_counting_rule_takes_codes_from_the_reference_list(secretaris, overijssel):
    besluit = Opgavebesluit.objects.filter(soort=Opgavesoort.ASIEL).first()
    regel = telregel_opslaan(
        door=secretaris, besluit=besluit, provincie=overijssel, soorten=["GVL", "RO"]
    )
    assert regel.soortcodes == ("RO", "GVL")
    with pytest.raises(ValidationError):
        telregel_opslaan(door=secretaris, besluit=besluit, provincie=overijssel, soorten=["XYZ"])
    with pytest.raises(ValidationError):  # an Oekraïne kind does not count for asiel
        telregel_opslaan(door=secretaris, besluit=besluit, provincie=overijssel, soorten=["hotel"])


def test_change_of_soort_keeps_one_location_with_several_periods(client, secretaris, deventer):
    """Crisisnoodopvang becomes noodopvang and then regular reception: one location."""
    locatie = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="Hanzeweg")
    _periode(
        secretaris,
        locatie,
        soort="CNO",
        plaatsen=300,
        van=D(2024, 10, 1),
        tot_en_met=D(2025, 3, 31),
    )
    _periode(
        secretaris, locatie, soort="NO", plaatsen=250, van=D(2025, 4, 1), tot_en_met=D(2026, 12, 31)
    )
    _periode(secretaris, locatie, soort="RO", beheerder="coa", plaatsen=400, van=D(2027, 1, 1))
    assert locatie.perioden.count() == 3
    register = bronnen.register(deventer.provincie)[deventer.pk]
    assert [p.soort for p in register] == ["CNO", "NO", "RO"]
    assert {p.locatie for p in register} == {locatie.pk}

    client.force_login(secretaris)
    html = client.get(reverse("invoer:locaties", args=["PV23"])).content.decode()
    assert html.count(f'data-locatie="{locatie.pk}"') == 1  # one row, the whole history
    rij = html[html.index(f'data-locatie="{locatie.pk}"') :].split("</tr>")[0]
    assert all(code in rij for code in ("CNO", "NO", "RO"))


def test_uncertain_values_on_the_register_page(client, secretaris, deventer):
    azc = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="azc Zuid")
    _periode(secretaris, azc, soort="RO", beheerder="coa", plaatsen=3_600, van=D(2020, 1, 1))
    sporthal = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="Sporthal")
    _periode(
        secretaris,
        sporthal,
        plaatsen=100,
        geschat=True,
        van=D(2024, 1, 1),
        tot_en_met=D(2030, 7, 1),
        verlengbaar_tot=D(2032, 7, 1),
        pm="pm: huur nog niet rond",
    )
    client.force_login(secretaris)
    html = client.get(reverse("invoer:locaties", args=["PV23"])).content.decode()
    assert "≈ 3.700, waarvan 100 geschat" in html
    assert "verlengbaar tot 1-7-2032" in html and "pm: huur nog niet rond" in html

    onbekend = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="Kazerne")
    _periode(secretaris, onbekend, plaatsen=None, van=D(2024, 1, 1), einde_onbekend=True)
    html = client.get(reverse("invoer:locaties", args=["PV23"])).content.decode()
    assert "≈ 3.700, waarvan 100 geschat + 1 locatie met onbekende omvang" in html
    assert "einde onbekend" in html


def test_uncertain_values_are_checked(secretaris, deventer):
    locatie = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="x")
    with pytest.raises(ValidationError) as fout:
        _periode(
            secretaris,
            locatie,
            plaatsen=None,
            geschat=True,
            van=D(2024, 1, 1),
            tot_en_met=D(2025, 1, 1),
            einde_onbekend=True,
            soort="XYZ",
        )
    assert len(fout.value.messages) == 3


def test_shared_location_counts_by_share_in_each_gemeente_and_once_in_the_province(
    secretaris, deventer, ommen
):
    cno = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="CNO samen")
    _periode(secretaris, cno, soort="CNO", plaatsen=301, van=D(2024, 10, 1))
    services.locatie_aandelen_vastleggen(
        door=secretaris,
        locatie=cno,
        aandelen={deventer: (None, Decimal(50)), ommen: (None, Decimal(50))},
    )
    register = bronnen.register(deventer.provincie)
    dag = D(2025, 1, 1)
    per_gemeente = {g: capaciteit_op(register[g.pk], dag) for g in (deventer, ommen)}
    assert per_gemeente == {deventer: 151, ommen: 150}
    assert sum(per_gemeente.values()) == 301  # the province counts the location once

    with pytest.raises(ValidationError, match="niet tot 100%"):
        services.locatie_aandelen_vastleggen(
            door=secretaris,
            locatie=cno,
            aandelen={deventer: (None, Decimal(60)), ommen: (None, Decimal(30))},
        )
    assert cno.aandelen.count() == 2


def test_an_extension_option_changes_the_outlook_only_when_asked(secretaris, deventer):
    """A noodopvang "tot 30-6-2025, verlengbaar tot 30-6-2027": in Q3 2025 only with the
    option; the default outlook leaves it out."""
    from realisatie.capaciteit import Kwartaal
    from realisatie.vooruitblik import vooruitblik

    noodopvang = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="NO")
    _periode(
        secretaris,
        noodopvang,
        status="gepland",
        plaatsen=300,
        van=D(2025, 1, 1),
        tot_en_met=D(2025, 6, 30),
        verlengbaar_tot=D(2027, 6, 30),
    )
    q3 = Kwartaal(2025, 3)
    zonder = vooruitblik(deventer.provincie, q3, q3).kwartalen[0].gepland
    met = vooruitblik(deventer.provincie, q3, q3, met_verlenging=True).kwartalen[0].gepland
    assert met - zonder == 300


def test_dashboard_says_a_total_includes_an_estimate_and_an_unknown_is_incomplete(
    client, secretaris, deventer, ommen
):
    """Deventer: 300 known + 100 estimated; Ommen: a location of unknown size. The
    dashboard shows "≈ 400, waarvan 100 geschat" and Ommen incomplete, never 0."""
    from tests.realisatie.test_een_waarheid import cel

    azc = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="azc")
    _periode(secretaris, azc, soort="RO", plaatsen=300, van=D(2020, 1, 1))
    hal = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="hal")
    _periode(secretaris, hal, plaatsen=100, geschat=True, van=D(2024, 1, 1))
    kazerne = services.opvanglocatie_opslaan(door=secretaris, gemeente=ommen, naam="kazerne")
    _periode(secretaris, kazerne, plaatsen=None, van=D(2024, 1, 1))
    client.force_login(secretaris)
    html = client.get(reverse("provincie", args=["PV23"]), {"peildatum": "2025-01-01"})
    html = html.content.decode()
    assert cel(html, "GM0150", "realisatie", "asiel") == "≈ 400, waarvan 100 geschat"
    assert "onvolledig" in cel(html, "GM0175", "realisatie", "asiel")


def test_shares_through_the_location_page(client, secretaris, deventer, ommen):
    cno = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="CNO")
    _periode(secretaris, cno, soort="CNO", plaatsen=300, van=D(2024, 10, 1))
    client.force_login(secretaris)
    pad = reverse("invoer:aandelen", args=["PV23", cno.pk])
    client.post(pad, {"regels": "GM0150 200\nGM0175 50"})
    melding = client.get(reverse("invoer:locatie", args=["PV23", cno.pk])).content.decode()
    assert "250 plaatsen; de locatie heeft er 300" in melding
    assert list(cno.aandelen.values_list("percentage", flat=True)) == [100]
    client.post(pad, {"regels": "GM0150 200\nGM0175 100"})
    assert sorted(cno.aandelen.values_list("gemeente__code", "plaatsen")) == [
        ("GM0150", 200),
        ("GM0175", 100),
    ]
    html = client.get(reverse("invoer:locaties", args=["PV23"])).content.decode()
    assert "gedeeld: Deventer 200, Ommen 100" in html


def test_the_outlook_page_counts_the_extension_option_only_with_its_switch(
    client, secretaris, deventer
):
    """The same noodopvang on the outlook page of Q3 2025: 300 planned places only with
    "Met verlengingsopties" ticked, and the page says which of the two it shows."""
    noodopvang = services.opvanglocatie_opslaan(door=secretaris, gemeente=deventer, naam="NO")
    _periode(
        secretaris,
        noodopvang,
        status="gepland",
        plaatsen=300,
        van=D(2025, 1, 1),
        tot_en_met=D(2025, 6, 30),
        verlengbaar_tot=D(2027, 6, 30),
    )
    client.force_login(secretaris)
    url = f"/provincies/{deventer.provincie.code}/vooruitblik/?van=2025-Q3&tot=2025-Q3"
    zonder = client.get(url)
    met = client.get(url + "&verlenging=1")
    assert zonder.status_code == met.status_code == 200
    gepland = {
        antwoord: antwoord.context["beeld"].kwartalen[0].gepland for antwoord in (zonder, met)
    }
    assert gepland[met] - gepland[zonder] == 300
    assert "Verlengingsopties tellen niet mee." in zonder.content.decode()
    assert "Verlengingsopties tellen als benut." in met.content.decode()
    assert 'name="verlenging" value="1" checked' in met.content.decode()
