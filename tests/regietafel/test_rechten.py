"""Permission matrix of the regietafel's pages: every page and action against every role.

`toegang.beleid`: the PRT secretary of the province and the beheerder edit; its members
and the invoerders of its gemeenten read; another province's member or secretary gets
403 on reading and writing alike; anonymous users are sent to the login page. A refused
write leaves the database as it was (no new history record).
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from gemeenten.models import Gemeente
from regietafel import services
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
from tests.regietafel.conftest import actie

D = datetime.date
pytestmark = pytest.mark.django_db

LEZERS = {"lid", "invoerder", "secretaris", "beheerder"}
BEWERKERS = {"secretaris", "beheerder"}
ROLLEN = ["anoniem", "lid_gelderland", "secretaris_gelderland", *sorted(LEZERS)]
MODELLEN = (
    Vergadering,
    Agendapunt,
    Aanwezigheid,
    Regietafelbesluit,
    Actie,
    Verzoek,
    Knelpunt,
    Toezicht,
    Toezichtafspraak,
    Mijlpaal,
)


@pytest.fixture
def lijsten(vergadering, secretaris):
    """One of each in Overijssel, as its secretary writes them."""
    services.vergadering_wijzigen(
        door=secretaris,
        vergadering=vergadering,
        datum=vergadering.datum,
        omschrijving="PRT",
        peildatum=None,
        verslag="Verslag",
    )
    later = services.vergadering_aanmaken(
        door=secretaris, provincie=vergadering.provincie, datum=D(2024, 6, 7)
    )
    toezicht = services.toezicht_vastleggen(
        door=secretaris,
        gemeente=Gemeente.objects.get(code="GM0166"),
        regime="oranje",
        sinds=D(2024, 4, 1),
    )
    return {
        "vergadering": vergadering,
        "later": later,
        "actie": actie(secretaris, vergadering),
        "besluit": services.regietafelbesluit_aanmaken(
            door=secretaris, vergadering=vergadering, tekst="Planning vastgesteld"
        ),
        "verzoek": services.verzoek_aanmaken(
            door=secretaris,
            provincie=vergadering.provincie,
            omschrijving="200 extra",
            soort="asiel",
            aantal=200,
            ontvangen_op=D(2023, 12, 1),
            uiterlijk=D(2024, 3, 1),
        ),
        "knelpunt": services.knelpunt_aanmaken(
            door=secretaris, ingebracht_in=vergadering, thema="zorg", omschrijving="Huisartsen"
        ),
        "toezicht": toezicht,
        "afspraak": services.toezichtafspraak_vastleggen(
            door=secretaris, toezicht=toezicht, omschrijving="Overleg", datum=D(2024, 5, 1)
        ),
        "agendapunt": services.agendapunt_toevoegen(
            door=secretaris, vergadering=vergadering, onderwerp="Opening"
        ),
        "aanwezige": services.aanwezige_toevoegen(
            door=secretaris, vergadering=vergadering, naam="A. de Vries", organisatie="COA"
        ),
        "mijlpaal": services.spreidingswetcyclus_aanmaken(
            door=secretaris, provincie=vergadering.provincie, cyclus=2024
        )[0],
    }


# name -> (url name, args from `lijsten`, POST data or None for a GET, roles that may)
# name -> (url name, args from `lijsten`, roles that may)
PAGINAS = {
    "overzicht": ("overzicht", [], LEZERS),
    "vergadering": ("vergadering", ["vergadering"], LEZERS),
    "actielijst": ("actielijst", [], LEZERS),
    "actielijst_print": ("actielijst_print", [], LEZERS),
    "actielijst_xlsx": ("actielijst_xlsx", [], LEZERS),
    "actielijst_csv": ("actielijst_csv", [], LEZERS),
    "verzoeken_xlsx": ("verzoeken_xlsx", [], LEZERS),
    "verslag": ("verslag", [], LEZERS),
    "verslag_xlsx": ("verslag_xlsx", [], LEZERS),
    "vergadering_nieuw": ("vergadering_nieuw", [], BEWERKERS),
    "vergadering_wijzigen": ("vergadering_wijzigen", ["vergadering"], BEWERKERS),
    "actie": ("actie", ["actie"], BEWERKERS),
    "besluit": ("besluit", ["besluit"], BEWERKERS),
    "verzoek_nieuw": ("verzoek_nieuw", [], BEWERKERS),
    "verzoek": ("verzoek", ["verzoek"], BEWERKERS),
    "knelpunt_nieuw": ("knelpunt_nieuw", [], BEWERKERS),
    "knelpunt": ("knelpunt", ["knelpunt"], BEWERKERS),
    "toezicht_nieuw": ("toezicht_nieuw", [], BEWERKERS),
    "toezicht": ("toezicht", ["toezicht"], BEWERKERS),
    "toezicht_afspraken": ("toezicht_afspraken", ["toezicht"], BEWERKERS),
    "mijlpaal": ("mijlpaal", ["mijlpaal"], BEWERKERS),
}
# name -> (url name, args from `lijsten`, POST data, roles that may)
SCHRIJVEN = {
    "vergadering_aanmaken": ("vergadering_nieuw", [], {"datum": "2024-09-20"}, BEWERKERS),
    "agendapunt": (
        "agendapunt_toevoegen",
        ["vergadering"],
        {"onderwerp": "Stand van zaken"},
        BEWERKERS,
    ),
    "aanwezige": (
        "aanwezige_toevoegen",
        ["vergadering"],
        {"naam": "B. Jansen", "organisatie": "Provincie"},
        BEWERKERS,
    ),
    "besluit_toevoegen": ("besluit_toevoegen", ["vergadering"], {"tekst": "Besluit"}, BEWERKERS),
    "actie_toevoegen": (
        "actie_toevoegen",
        ["vergadering"],
        {"tekst": "Plan", "eigenaar": "COA", "termijn": "2024-09-01"},
        BEWERKERS,
    ),
    "actie_afronden": (
        "actie_afronden",
        ["actie"],
        {"op": "2024-06-07", "status": "gereed"},
        BEWERKERS,
    ),
    "verslag_goedkeuren": (
        "verslag_goedkeuren",
        ["later"],
        {"vergadering": "vergadering"},
        BEWERKERS,
    ),
    "besluit_wijzigen": ("besluit", ["besluit"], {"tekst": "Anders"}, BEWERKERS),
    "verzoek_aanmaken": (
        "verzoek_nieuw",
        [],
        {
            "omschrijving": "CNO",
            "soort": "crisisnoodopvang",
            "aantal": "225",
            "ontvangen_op": "2024-01-01",
            "uiterlijk": "2024-02-01",
        },
        BEWERKERS,
    ),
    "knelpunt_aanmaken": (
        "knelpunt_nieuw",
        [],
        {"ingebracht_in": "vergadering", "thema": "onderwijs", "omschrijving": "ISK"},
        BEWERKERS,
    ),
    "toezicht_vastleggen": (
        "toezicht_nieuw",
        [],
        {"gemeente": "gemeente", "regime": "rood", "sinds": "2024-06-01"},
        BEWERKERS,
    ),
    "afspraak": (
        "toezicht_afspraken",
        ["toezicht"],
        {"omschrijving": "Plan van aanpak", "datum": "2024-07-01"},
        BEWERKERS,
    ),
    "cyclus": ("cyclus_aanmaken", [], {"cyclus": "2026"}, BEWERKERS),
    "mijlpaal_wijzigen": (
        "mijlpaal",
        ["mijlpaal"],
        {"status": "gereed", "gereed_op": "2024-06-28", "uiterlijk": "2024-06-30"},
        BEWERKERS,
    ),
    "agendapunt_verwijderen": ("agendapunt_verwijderen", ["agendapunt"], {}, BEWERKERS),
    "aanwezige_verwijderen": ("aanwezige_verwijderen", ["aanwezige"], {}, BEWERKERS),
}


def _url(naam: str, args: list[str], lijsten) -> str:
    return reverse(f"regietafel:{naam}", args=["PV23", *(lijsten[a].pk for a in args)])


def _data(data: dict, lijsten) -> dict:
    vervangen = {
        "vergadering": str(lijsten["vergadering"].pk),
        "gemeente": str(Gemeente.objects.get(code="GM1700").pk),
    }
    return {k: vervangen.get(v, v) for k, v in data.items()}


def _historie() -> int:
    return sum(model.history.count() for model in MODELLEN)


@pytest.mark.parametrize("pagina", PAGINAS)
def test_lezen_en_formulieren(request, als, lijsten, pagina):
    naam, args, mogen = PAGINAS[pagina]
    url = _url(naam, args, lijsten)
    for rol in ROLLEN:
        account = None if rol == "anoniem" else request.getfixturevalue(rol)
        antwoord = als(account).get(url)
        if rol == "anoniem":
            assert antwoord.status_code == 302 and "/accounts/login/" in antwoord["Location"]
        else:
            assert antwoord.status_code == (200 if rol in mogen else 403), (rol, url)


@pytest.mark.parametrize("actie_", SCHRIJVEN)
def test_schrijven(request, als, lijsten, actie_):
    naam, args, data, mogen = SCHRIJVEN[actie_]
    url, gegevens = _url(naam, args, lijsten), _data(data, lijsten)
    voor = _historie()
    for rol in (r for r in ROLLEN if r not in mogen):
        account = None if rol == "anoniem" else request.getfixturevalue(rol)
        antwoord = als(account).post(url, gegevens)
        assert antwoord.status_code == (302 if rol == "anoniem" else 403), (rol, url)
    assert _historie() == voor, "a refused write changed something"
    antwoord = als(request.getfixturevalue("secretaris")).post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert _historie() > voor


def test_een_andere_provincie_in_de_url_helpt_niet(als, lijsten, secretaris_gelderland):
    """Gelderland's secretary may edit Gelderland, but not Overijssel's rows through it."""
    client = als(secretaris_gelderland)
    for naam in ("actie", "besluit", "verzoek", "knelpunt", "mijlpaal"):
        url = reverse(f"regietafel:{naam}", args=["PV25", lijsten[naam].pk])
        assert client.get(url).status_code == 404
    url = reverse("regietafel:actie_afronden", args=["PV25", lijsten["actie"].pk])
    assert client.post(url, {"op": "2024-06-07", "status": "gereed"}).status_code == 404
    assert Actie.objects.get().status == "open"
