"""The audit trail per gemeente covers everything entered for it, and every earlier value
(figure, statushouders month, opgave, taakstelling, location, capacity period) can be
restored through the ordinary save."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from opgaven import services as opgaven_services
from opgaven.models import Opgavebesluit, Opgavesoort, Taakstelling
from realisatie.invoer import herstel, services
from realisatie.invoer.rijen import HuisvestingRij
from realisatie.models import Capaciteitsperiode, Huisvesting, Opvanglocatie

JANUARI = (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31))


@pytest.fixture
def deventer_ingevoerd(overijssel, secretaris):
    """Deventer: January housing 12 then 14, taakstelling 2024-I toelichting, a location
    whose capacity went from 400 to 350."""
    deventer = overijssel.gemeenten.get(code="GM0150")
    services.huisvesting_opslaan(
        provincie=overijssel, door=secretaris, rijen=[HuisvestingRij("GM0150", *JANUARI, 12)]
    )
    versie = Huisvesting.objects.get(gemeente=deventer, van=JANUARI[0]).versie
    services.huisvesting_opslaan(
        provincie=overijssel,
        door=secretaris,
        rijen=[HuisvestingRij("GM0150", *JANUARI, 14, versie=versie)],
    )
    besluit = Opgavebesluit.objects.get(soort=Opgavesoort.STATUSHOUDERS, halfjaar="2024-I")
    taakstelling = Taakstelling.objects.get(besluit=besluit, gemeente=deventer)
    opgaven_services.taakstellingen_opslaan(
        besluit=besluit,
        provincie=overijssel,
        door=secretaris,
        rijen=[
            opgaven_services.TaakstellingRij(
                "GM0150", 110, None, -13, "Herberekend", taakstelling.versie
            )
        ],
    )
    locatie = services.opvanglocatie_opslaan(
        door=secretaris,
        gemeente=deventer,
        naam="azc Deventer",
    )
    periode = services.capaciteitsperiode_opslaan(
        soort="RO",
        beheerder="coa",
        door=secretaris,
        locatie=locatie,
        plaatsen=400,
        van=datetime.date(2024, 1, 1),
        status="gerealiseerd",
    )
    services.capaciteitsperiode_opslaan(
        soort="RO",
        beheerder="coa",
        door=secretaris,
        locatie=locatie,
        plaatsen=350,
        van=datetime.date(2024, 1, 1),
        status="gerealiseerd",
        periode=periode,
        versie=periode.versie,
    )
    return deventer


def test_history_of_a_gemeente_shows_every_kind(client, secretaris, deventer_ingevoerd):
    client.force_login(secretaris)
    antwoord = client.get(reverse("invoer:historie_gemeente", args=["PV23", "GM0150"]))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    soorten = {w.soort for w in antwoord.context["wijzigingen"]}
    assert {"huisvesting", "taakstelling", "opvanglocatie", "capaciteitsperiode"} <= soorten
    assert "januari 2024" in html
    assert "12 → 14" in html  # statushouders January, old → new
    assert "108 → 110" in html  # taakstelling
    assert "400 → 350" in html  # capacity
    assert "azc Deventer vanaf 1-1-2024" in html
    assert "secretaris-overijssel" in html


def test_restore_of_each_kind_is_a_new_version(secretaris, deventer_ingevoerd):
    januari = Huisvesting.objects.get(gemeente=deventer_ingevoerd, van=JANUARI[0])
    twaalf = januari.history.get(gehuisvest=12)
    assert herstel.waarde_herstellen(
        soort="huisvesting", history_id=twaalf.history_id, door=secretaris
    ).gelukt
    januari.refresh_from_db()
    assert (januari.gehuisvest, januari.versie) == (12, 3)

    taakstelling = Taakstelling.objects.get(
        besluit__halfjaar="2024-I",
        besluit__soort=Opgavesoort.STATUSHOUDERS,
        gemeente=deventer_ingevoerd,
    )
    bron = taakstelling.history.get(aantal=108)
    assert herstel.waarde_herstellen(
        soort="taakstelling", history_id=bron.history_id, door=secretaris
    ).gelukt
    taakstelling.refresh_from_db()
    assert (taakstelling.aantal, taakstelling.toelichting) == (108, bron.toelichting)

    periode = Capaciteitsperiode.objects.get(locatie__naam="azc Deventer")
    vierhonderd = periode.history.get(plaatsen=400)
    assert herstel.waarde_herstellen(
        soort="capaciteitsperiode", history_id=vierhonderd.history_id, door=secretaris
    ).gelukt
    periode.refresh_from_db()
    assert periode.plaatsen == 400
    assert periode.history.latest().history_user == secretaris


def test_restore_follows_the_permission_policy(secretaris_gelderland, deventer_ingevoerd):
    from django.core.exceptions import PermissionDenied

    periode = Capaciteitsperiode.objects.get(locatie__naam="azc Deventer")
    vierhonderd = periode.history.get(plaatsen=400)
    with pytest.raises(PermissionDenied):
        herstel.waarde_herstellen(
            soort="capaciteitsperiode",
            history_id=vierhonderd.history_id,
            door=secretaris_gelderland,
        )
    periode.refresh_from_db()
    assert periode.plaatsen == 350


def test_restore_through_the_page(client, secretaris, deventer_ingevoerd):
    client.force_login(secretaris)
    januari = Huisvesting.objects.get(gemeente=deventer_ingevoerd, van=JANUARI[0])
    twaalf = januari.history.get(gehuisvest=12)
    pagina = reverse("invoer:historie_gemeente", args=["PV23", "GM0150"])
    actie = reverse("invoer:herstellen", args=["PV23", "huisvesting", twaalf.history_id])
    assert actie in client.get(pagina).content.decode()
    antwoord = client.post(actie, {"terug": pagina}, follow=True)
    assert "De eerdere waarde is teruggezet." in antwoord.content.decode()
    januari.refresh_from_db()
    assert januari.gehuisvest == 12


def test_a_deleted_location_is_not_restored(secretaris, deventer_ingevoerd):
    locatie = Opvanglocatie.objects.get(naam="azc Deventer")
    pk = locatie.pk
    locatie.delete()
    verwijderd = Opvanglocatie.history.filter(id=pk).latest()
    assert verwijderd.history_type == "-"
    with pytest.raises(Opvanglocatie.DoesNotExist):
        herstel.waarde_herstellen(
            soort="opvanglocatie", history_id=verwijderd.history_id, door=secretaris
        )


def _csv(antwoord) -> list[list[str]]:
    import csv
    import io

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/csv")
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")  # Dutch Excel recognises UTF-8
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def test_history_and_register_as_csv(client, secretaris, deventer_ingevoerd):
    client.force_login(secretaris)
    pagina = reverse("invoer:historie_gemeente", args=["PV23", "GM0150"])
    assert "_export=csv&amp;tabel=historie" in client.get(pagina).content.decode()
    rijen = _csv(client.get(pagina, {"_export": "csv", "tabel": "historie"}))
    assert rijen[0] == ["Wanneer", "Wie", "Gemeente", "Onderwerp", "Wijziging"]
    januari = [r for r in rijen if r[3] == "Huisvesting statushouders: januari 2024"]
    assert any("Gehuisvest: 12 → 14" in r[4] for r in januari)
    assert januari and all(r[1] == "secretaris-overijssel" for r in januari)

    register = _csv(
        client.get(
            reverse("invoer:locaties", args=["PV23"]), {"_export": "csv", "tabel": "locaties"}
        )
    )
    assert register[0][:3] == ["Locatie", "CBS-code", "Gemeente"]
    [azc] = [r for r in register if r[0] == "azc Deventer"]
    assert azc[1:3] == ["GM0150", "Deventer"] and azc[6] == "350" and azc[10] == "1-1-2024"
    assert azc[11] == ""  # indefinite: empty, not a made-up date


def test_history_csv_follows_the_permission_policy(
    client, secretaris_gelderland, deventer_ingevoerd
):
    client.force_login(secretaris_gelderland)
    pagina = reverse("invoer:historie_gemeente", args=["PV23", "GM0150"])
    assert client.get(pagina, {"_export": "csv", "tabel": "historie"}).status_code == 403


def test_the_current_value_offers_no_restore_and_refuses_one(
    client, secretaris, deventer_ingevoerd
):
    """Issue 14: "Deze waarde terugzetten" on the newest row re-applied the current value
    and reported success."""
    client.force_login(secretaris)
    januari = Huisvesting.objects.get(gemeente=deventer_ingevoerd, van=JANUARI[0])
    veertien = januari.history.get(gehuisvest=14)  # the newest: the value as it stands
    pagina = reverse("invoer:historie_gemeente", args=["PV23", "GM0150"])
    actie = reverse("invoer:herstellen", args=["PV23", "huisvesting", veertien.history_id])
    html = client.get(pagina).content.decode()
    assert actie not in html and "huidige waarde" in html
    versies = januari.history.count()

    antwoord = client.post(actie, {"terug": pagina}, follow=True)
    tekst = antwoord.content.decode()
    assert "Dit is de huidige waarde; er valt niets terug te zetten." in tekst
    assert "De eerdere waarde is teruggezet." not in tekst
    assert januari.history.count() == versies


def test_restoring_an_older_row_with_the_current_values_changes_nothing_and_says_so(
    secretaris, deventer_ingevoerd
):
    januari = Huisvesting.objects.get(gemeente=deventer_ingevoerd, van=JANUARI[0])
    twaalf = januari.history.get(gehuisvest=12)
    assert herstel.waarde_herstellen(
        soort="huisvesting", history_id=twaalf.history_id, door=secretaris
    ).gelukt  # 14 -> 12
    resultaat = herstel.waarde_herstellen(
        soort="huisvesting", history_id=twaalf.history_id, door=secretaris
    )
    assert resultaat.fouten == {"": ["De huidige waarde is al deze; er is niets gewijzigd."]}


def test_a_yes_no_field_reads_as_a_word(client, secretaris, overijssel):
    """Issue 14: the history showed "Indicatief: False"."""
    from opgaven.models import Opgave

    besluit = Opgavebesluit.objects.get(naam="Asielopgave Spreidingswet per 1-1-2025")
    opgave = Opgave.objects.get(besluit=besluit, gemeente__code="GM0150")
    opgave.indicatief = True
    opgave._history_user = secretaris
    opgave.save()
    client.force_login(secretaris)
    html = client.get(reverse("invoer:historie_gemeente", args=["PV23", "GM0150"])).content
    tekst = html.decode()
    assert "Indicatief: nee → ja" in tekst
    assert "False" not in tekst and "True" not in tekst
