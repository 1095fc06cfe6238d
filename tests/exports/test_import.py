"""The Excel import: template, preview of every change, refusals that write nothing,
and a commit through the entry services."""

from __future__ import annotations

import datetime
import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from gemeenten.models import Gemeente
from realisatie.exports.inlezen import inlezen, vastleggen
from realisatie.exports.sjabloon import ONDERWERPEN, sjabloon
from realisatie.models import OekraineTelling, Peildatum
from tests.exports.sjabloonhulp import invullen

pytestmark = pytest.mark.django_db
GOO = "GOO-plaatsen totaal"
OEKRAINE = ONDERWERPEN["oekraine"]


@pytest.fixture
def peildatum(demodata):
    return Peildatum.objects.get(provincie__code="PV23", datum=datetime.date(2023, 4, 1))


@pytest.fixture
def secretaris(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    return client


def uploaden(client, inhoud: bytes, naam="sjabloon.xlsx"):
    """Only the file: subject, province and peildatum come from the template itself."""
    return client.post("/invoer/PV23/import/", {"bestand": SimpleUploadedFile(naam, inhoud)})


def stand_van_de_database():
    rijen = OekraineTelling.objects.values_list(
        "gemeente__code", "veiligheidsregio__code", "goo_totaal", "goo_bezet", "poo", "versie"
    )
    return sorted(rijen, key=repr), OekraineTelling.history.count()


def test_template_lists_the_gemeenten_of_the_province(peildatum):
    blad = load_workbook(io.BytesIO(sjabloon(OEKRAINE, peildatum)))["Invoer"]
    assert [blad[f"B{r}"].value for r in range(2, 6)] == [
        "prt-invoer-1",
        "oekraine",
        "PV23",
        datetime.datetime(2023, 4, 1),
    ]
    codes = [blad.cell(row=r, column=1).value for r in range(8, blad.max_row + 1)]
    assert len(codes) == Gemeente.objects.filter(provincie__code="PV23").count() == 25
    assert "GM0150" in codes
    assert blad["C7"].value == GOO
    versiekolom = blad.cell(row=7, column=blad.max_column).column_letter
    assert blad.column_dimensions[versiekolom].hidden


def test_preview_shows_each_change_and_commit_saves_it(secretaris, peildatum):
    inhoud = invullen(
        sjabloon(OEKRAINE, peildatum), {("GM0150", GOO): 400, ("GM0150", "bezet"): 380}
    )
    antwoord = uploaden(secretaris, inhoud)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Deventer" in tekst and GOO in tekst and "400" in tekst
    assert not OekraineTelling.objects.filter(gemeente__code="GM0150").exists()
    antwoord = secretaris.post("/invoer/PV23/import/vastleggen/")
    assert antwoord.status_code == 302
    telling = OekraineTelling.objects.get(gemeente__code="GM0150", peildatum=peildatum)
    assert (telling.goo_totaal, telling.goo_bezet) == (400, 380)
    assert telling.history.first().history_user.username == "secretaris-overijssel"


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    figures=st.lists(
        st.one_of(st.none(), st.integers(min_value=0, max_value=99_999)), min_size=3, max_size=3
    )
)
def test_round_trip_changes_nothing(peildatum, figures):
    deventer = Gemeente.objects.get(code="GM0150")
    totaal, bezet, poo = figures
    if totaal is not None and bezet is not None and bezet > totaal:
        totaal, bezet = bezet, totaal
    OekraineTelling.objects.update_or_create(
        gemeente=deventer,
        peildatum=peildatum,
        defaults={"goo_totaal": totaal, "goo_bezet": bezet, "poo": poo},
    )
    voor = stand_van_de_database()
    uitkomst = inlezen(
        inhoud=sjabloon(OEKRAINE, peildatum), onderwerp=OEKRAINE, peildatum=peildatum
    )
    assert uitkomst.problemen == []
    assert uitkomst.wijzigingen == []
    door = get_user_model().objects.get(username="secretaris-overijssel")
    resultaat = vastleggen(
        onderwerp=OEKRAINE, peildatum=peildatum, door=door, rijen=uitkomst.rijen, bevestigd=True
    )
    assert resultaat.gelukt and resultaat.opgeslagen == []
    assert stand_van_de_database() == voor


def _kop(inhoud: bytes, cel: str, waarde) -> bytes:
    """The template with one of its header cells changed (B5: the peildatum)."""
    boek = load_workbook(io.BytesIO(inhoud))
    boek["Invoer"][cel] = waarde
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _leeg_sjabloon(peildatum):
    return sjabloon(OEKRAINE, peildatum)


WEIGERINGEN = [
    ("geen werkboek", lambda s: b"gemeente;goo\nGM0150;400\n", "geen Excel-werkboek"),
    (
        "sjabloon van een andere provincie",
        lambda s: sjabloon(
            OEKRAINE, Peildatum.objects.get(provincie__code="PV25", datum=datetime.date(2024, 1, 8))
        ),
        "Dit sjabloon is voor provincie PV25, niet voor Overijssel",
    ),
    (
        "peildatum bestaat niet meer",
        lambda s: _kop(s, "B5", datetime.datetime(2024, 2, 1)),
        "Het sjabloon is voor de peildatum 1-2-2024, die Overijssel niet (meer) heeft",
    ),
    (
        "onbekende code",
        lambda s: invullen(s, {("GM0148", "CBS-code"): "GM9999"}),
        "Onbekende CBS-code 'GM9999'",
    ),
    (
        "dubbele code",
        lambda s: invullen(s, {("GM0148", "CBS-code"): "GM0150"}),
        "GM0150 komt meer dan eens voor",
    ),
    (
        "andere provincie",
        lambda s: invullen(s, {("GM0148", "CBS-code"): "GM0200"}),
        "Apeldoorn (GM0200) is geen gemeente van deze provincie",
    ),
    ("tekst", lambda s: invullen(s, {("GM0150", GOO): "veel"}), "'veel' is geen getal"),
    ("negatief", lambda s: invullen(s, {("GM0150", GOO): -4}), "-4 is negatief"),
    ("breuk", lambda s: invullen(s, {("GM0150", GOO): 4.5}), "4.5 is geen geheel getal"),
    (
        "externe formule",
        lambda s: invullen(s, {("GM0150", GOO): "=[andere.xlsx]Blad1!A1"}),
        "verwijst naar een ander bestand",
    ),
    ("te groot", lambda s: s + b"\0" * (5 * 1024 * 1024), "groter dan 5 MB"),
    (
        "te veel rijen",
        lambda s: invullen(s, {}, extra=[["GM0150", "Deventer", 1]] * 30),
        "meer dan de 25 gemeenten",
    ),
]


@pytest.mark.parametrize(("geval", "maak", "melding"), WEIGERINGEN, ids=[w[0] for w in WEIGERINGEN])
def test_refusal_has_a_message_and_writes_nothing(secretaris, peildatum, geval, maak, melding):
    voor = stand_van_de_database()
    antwoord = uploaden(secretaris, maak(_leeg_sjabloon(peildatum)))
    assert antwoord.status_code == 400
    tekst = html.unescape(antwoord.content.decode())
    assert melding in tekst
    assert "Alle wijzigingen opslaan" not in tekst
    # Even a commit right after a refused upload saves nothing.
    secretaris.post("/invoer/PV23/import/vastleggen/")
    assert stand_van_de_database() == voor


def test_vastgestelde_peildatum_is_refused(secretaris, peildatum):
    inhoud = invullen(_leeg_sjabloon(peildatum), {("GM0150", GOO): 400})
    Peildatum.objects.filter(pk=peildatum.pk).update(
        vastgesteld_op=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    voor = stand_van_de_database()
    antwoord = uploaden(secretaris, inhoud)
    assert antwoord.status_code == 400
    assert "is vastgesteld" in antwoord.content.decode()
    assert stand_van_de_database() == voor


def test_a_member_may_not_import(demodata, client, peildatum):
    client.force_login(get_user_model().objects.get(username="lid"))
    voor = stand_van_de_database()
    assert client.get("/invoer/PV23/import/").status_code == 403
    antwoord = uploaden(client, invullen(_leeg_sjabloon(peildatum), {("GM0150", GOO): 400}))
    assert antwoord.status_code == 403
    assert (
        client.get(
            "/invoer/PV23/import/sjabloon.xlsx?onderwerp=oekraine&peildatum=2023-04-01"
        ).status_code
        == 403
    )
    assert stand_van_de_database() == voor


def test_template_download(secretaris):
    antwoord = secretaris.get(
        "/invoer/PV23/import/sjabloon.xlsx?onderwerp=oekraine&peildatum=2023-04-01"
    )
    assert antwoord.status_code == 200
    assert load_workbook(io.BytesIO(antwoord.content))["Invoer"]["B4"].value == "PV23"


def test_asiel_import_saves_through_the_entry_service(secretaris, peildatum):
    from realisatie.models import AsielTelling

    inhoud = invullen(
        sjabloon(ONDERWERPEN["asiel"], peildatum),
        {("GM0150", "regulier (RO)"): 500, ("GM0150", "waarvan amv"): 40},
    )
    antwoord = uploaden(secretaris, inhoud)
    assert antwoord.status_code == 200, html.unescape(antwoord.content.decode())
    secretaris.post("/invoer/PV23/import/vastleggen/")
    telling = AsielTelling.objects.get(gemeente__code="GM0150", peildatum=peildatum)
    assert (telling.regulier, telling.waarvan_amv, telling.datum) == (500, 40, peildatum.datum)


def test_the_import_lives_under_invoer(secretaris):
    """Issue 14: the import moved from "Excel" to "Invoer"; old links still arrive."""
    oud = secretaris.get("/exports/PV23/invoer/")
    assert (oud.status_code, oud["Location"]) == (301, "/invoer/PV23/import/")
    assert 'href="/invoer/PV23/import/"' in secretaris.get("/invoer/PV23/").content.decode()
