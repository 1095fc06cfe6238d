"""Entry pages for opgavebesluiten, taakstellingen per half year and uitruil."""

from __future__ import annotations

import datetime

import pytest

from gemeenten.models import Gemeente
from opgaven.models import Opgavebesluit, Opgavesoort, Taakstelling, Uitruil
from tests.conftest import gebruiker
from toegang.models import Rolsoort

TAAKSTELLINGEN = "/invoer/PV23/taakstellingen/2024-I/"
BESLUIT = "/invoer/PV23/opgavebesluiten/nieuw/"
UITRUIL = "/invoer/PV23/uitruil/"


@pytest.fixture
def lid(demodata):
    return gebruiker("lid-overijssel", Rolsoort.LID, "PV23")


def _deventer_2024_i():
    return Taakstelling.objects.get(
        besluit__soort=Opgavesoort.STATUSHOUDERS,
        besluit__halfjaar="2024-I",
        gemeente__code="GM0150",
    )


def _besluit_data(**anders):
    return {
        "soort": Opgavesoort.ASIEL,
        "naam": "Spreidingsbesluit 2026 (test)",
        "bron": "Staatscourant 2025",
        "streefdatum": "2026-01-01",
        "besluitdatum": "2025-02-01",
        "landelijk_totaal": "96000",
        "landelijk_amv": "4000",
        **anders,
    }


def test_secretary_creates_a_decision(client, secretaris):
    client.force_login(secretaris)
    assert client.get(BESLUIT).status_code == 200
    antwoord = client.post(BESLUIT, _besluit_data())
    assert antwoord.status_code == 302
    besluit = Opgavebesluit.objects.get(naam="Spreidingsbesluit 2026 (test)")
    assert (besluit.streefdatum, besluit.landelijk_totaal, besluit.landelijk_amv) == (
        datetime.date(2026, 1, 1),
        96000,
        4000,
    )

    antwoord = client.post(
        BESLUIT,
        _besluit_data(
            soort=Opgavesoort.STATUSHOUDERS, naam="Taakstelling 2026-I (test)", halfjaar="2026-I"
        ),
    )
    assert antwoord["Location"] == "/invoer/PV23/taakstellingen/2026-I/"
    assert Opgavebesluit.objects.get(naam="Taakstelling 2026-I (test)").streefdatum is None


def test_a_bad_decision_gives_dutch_messages_and_writes_nothing(client, secretaris):
    client.force_login(secretaris)
    antwoord = client.post(BESLUIT, _besluit_data(streefdatum="", landelijk_amv="100000"))
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Geef de streefdatum." in tekst
    assert "Waarvan amv is meer dan het landelijk totaal." in tekst
    assert not Opgavebesluit.objects.filter(naam="Spreidingsbesluit 2026 (test)").exists()

    antwoord = client.post(BESLUIT, _besluit_data(soort=Opgavesoort.STATUSHOUDERS, halfjaar="2026"))
    assert antwoord.status_code == 400
    assert "2024-I of 2024-II" in antwoord.content.decode()
    assert not Opgavebesluit.objects.filter(naam="Spreidingsbesluit 2026 (test)").exists()


@pytest.mark.parametrize("wie", ["lid", "secretaris_gelderland"])
def test_others_may_not_create_a_decision(client, request, wie):
    client.force_login(request.getfixturevalue(wie))
    assert client.get(BESLUIT).status_code == 403
    assert client.post(BESLUIT, _besluit_data()).status_code == 403
    assert not Opgavebesluit.objects.filter(naam="Spreidingsbesluit 2026 (test)").exists()


def test_taakstelling_grid_saves_and_shows_the_stand(client, secretaris):
    client.force_login(secretaris)
    deventer = _deventer_2024_i()
    antwoord = client.get(TAAKSTELLINGEN)
    assert antwoord.status_code == 200
    assert f'name="GM0150-aantal" value="{deventer.aantal}"' in antwoord.content.decode()

    antwoord = client.post(
        TAAKSTELLINGEN,
        {
            "GM0150-aantal": "108",
            "GM0150-stand_begin": "-13",
            "GM0150-toelichting": "werkplan 2024",
            "GM0150-versie": str(deventer.versie),
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()
    deventer.refresh_from_db()
    assert (deventer.aantal, deventer.stand_begin, deventer.toelichting) == (
        108,
        -13,
        "werkplan 2024",
    )
    pagina = client.get(TAAKSTELLINGEN).content.decode()
    assert 'name="GM0150-aantal" value="108"' in pagina
    assert 'name="GM0150-stand_begin" value="-13"' in pagina
    assert "Opgeslagen: 1 gemeente gewijzigd." in pagina  # not "1 gemeenten" (issue 14)


def test_taakstelling_conflict_writes_nothing(client, secretaris):
    client.force_login(secretaris)
    deventer = _deventer_2024_i()
    data = {"GM0150-aantal": "108", "GM0150-versie": str(deventer.versie)}
    assert client.post(TAAKSTELLINGEN, data).status_code == 302
    antwoord = client.post(TAAKSTELLINGEN, {**data, "GM0150-aantal": "110"})
    assert antwoord.status_code == 409
    deventer.refresh_from_db()
    assert deventer.aantal == 108


def test_invalid_taakstelling_row_gives_its_message_and_writes_nothing(client, secretaris):
    client.force_login(secretaris)
    deventer = _deventer_2024_i()
    zwolle = Taakstelling.objects.get(besluit=deventer.besluit, gemeente__code="GM0193")
    antwoord = client.post(
        TAAKSTELLINGEN,
        {
            "GM0150-aantal": "108",
            "GM0150-versie": str(deventer.versie),
            "GM0193-aantal": "50",
            "GM0193-waarvan_amv": "60",
            "GM0193-versie": str(zwolle.versie),
        },
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert 'data-fout-voor="GM0193"' in tekst
    assert "Waarvan amv (60) is meer dan het totaal (50)." in tekst
    assert _deventer_2024_i().aantal == deventer.aantal
    assert _deventer_2024_i().versie == deventer.versie


@pytest.mark.parametrize("wie", ["lid", "secretaris_gelderland"])
def test_others_may_not_enter_taakstellingen(client, request, wie):
    client.force_login(request.getfixturevalue(wie))
    deventer = _deventer_2024_i()
    assert client.get(TAAKSTELLINGEN).status_code == 403
    antwoord = client.post(
        TAAKSTELLINGEN, {"GM0150-aantal": "108", "GM0150-versie": str(deventer.versie)}
    )
    assert antwoord.status_code == 403
    assert _deventer_2024_i().versie == deventer.versie


def _uitruil_data(**anders):
    return {
        "soort": Opgavesoort.ASIEL,
        "van_gemeente": str(Gemeente.objects.filter(code="GM0150").latest("geldig_van").pk),
        "naar_gemeente": str(Gemeente.objects.filter(code="GM0200").latest("geldig_van").pk),
        "aantal": "200",
        "begin": "2025-01-01",
        "einde": "2026-12-31",
        "toelichting": "Deventer draagt over aan Apeldoorn",
        **anders,
    }


def test_exchange_across_the_border_is_saved_and_listed(client, secretaris):
    client.force_login(secretaris)
    assert client.get(UITRUIL).status_code == 200
    antwoord = client.post(UITRUIL, _uitruil_data())
    assert antwoord.status_code == 302
    uitruil = Uitruil.objects.get(toelichting="Deventer draagt over aan Apeldoorn")
    assert (uitruil.van_gemeente.code, uitruil.naar_gemeente.code, uitruil.aantal) == (
        "GM0150",
        "GM0200",
        200,
    )
    assert uitruil.history.get().history_user == secretaris
    pagina = client.get(UITRUIL).content.decode()
    assert f'data-uitruil="{uitruil.pk}"' in pagina
    assert "Apeldoorn" in pagina and "31-12-2026" in pagina
    assert "De uitruil is opgeslagen." in pagina
    # Across the border it counts once Gelderland confirms; Overijssel cannot.
    assert "wacht op bevestiging" in pagina and "Bevestigen" not in pagina
    assert not uitruil.is_bevestigd


def test_the_other_province_confirms_an_exchange_on_screen(
    client, secretaris, secretaris_gelderland
):
    client.force_login(secretaris)
    client.post(UITRUIL, _uitruil_data())
    uitruil = Uitruil.objects.get()
    client.force_login(secretaris_gelderland)
    gelderland = "/invoer/PV25/uitruil/"
    assert "Bevestigen" in client.get(gelderland).content.decode()
    antwoord = client.post(f"/invoer/PV25/uitruil/{uitruil.pk}/bevestigen/")
    assert antwoord.status_code == 302
    uitruil.refresh_from_db()
    assert uitruil.bevestigd_door == secretaris_gelderland
    assert "bevestigd" in client.get(gelderland).content.decode()


def test_invalid_exchange_gives_dutch_messages_and_writes_nothing(client, secretaris):
    client.force_login(secretaris)
    vooraf = Uitruil.objects.count()
    deventer = _uitruil_data()["van_gemeente"]
    antwoord = client.post(
        UITRUIL, _uitruil_data(naar_gemeente=deventer, aantal="0", einde="2023-01-01")
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Een uitruil gaat tussen twee verschillende gemeenten." in tekst
    assert "Het aantal moet een heel getal boven 0 zijn." in tekst
    assert "De einddatum ligt voor de begindatum." in tekst
    assert Uitruil.objects.count() == vooraf


@pytest.mark.parametrize("wie", ["lid", "secretaris_gelderland"])
def test_others_may_not_register_an_exchange_here(client, request, wie):
    client.force_login(request.getfixturevalue(wie))
    vooraf = Uitruil.objects.count()
    assert client.get(UITRUIL).status_code == 403
    assert client.post(UITRUIL, _uitruil_data()).status_code == 403
    assert Uitruil.objects.count() == vooraf


def test_start_page_links_the_new_pages(client, secretaris):
    client.force_login(secretaris)
    pagina = client.get("/invoer/PV23/").content.decode()
    for adres in (BESLUIT, TAAKSTELLINGEN, UITRUIL):
        assert f'href="{adres}"' in pagina


def test_a_secretary_cannot_overwrite_an_existing_besluit(demodata):
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from opgaven.models import Opgavebesluit, Opgavesoort
    from opgaven.services import opgavebesluit_opslaan

    secretaris = get_user_model().objects.get(username="secretaris-gelderland")
    besluit = Opgavebesluit.objects.get(naam="Capaciteitsbesluit COA 2023-I")
    with pytest.raises(ValidationError) as fout:
        opgavebesluit_opslaan(
            door=secretaris,
            soort=Opgavesoort.ASIEL,
            naam=besluit.naam,
            bron="overschreven",
            streefdatum=besluit.streefdatum,
            landelijk_totaal=1,
        )
    assert "alleen de beheerder" in " ".join(fout.value.messages)
    besluit.refresh_from_db()
    assert (besluit.landelijk_totaal, besluit.bron.startswith("Brief")) == (77_100, True)
