"""Import of statushouders housed per gemeente and month (with waarvan amv, Nidos):
template per half year or month, preview, refusals that write nothing, commit through
`huisvesting_opslaan`.

Messages with a new msgid are asserted in Dutch; they pass once the lead has merged
/tmp/vertalingen/excel.tsv into the catalogue.
"""

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

from gemeenten.models import Gemeente, Provincie
from realisatie.exports import statushouders
from realisatie.exports.sjabloon import BLAD, KOPREGEL
from realisatie.models import Huisvesting, Peildatum

pytestmark = pytest.mark.django_db
D = datetime.date
GEHUISVEST, AMV = statushouders.EERSTE_WAARDEKOLOM, statushouders.EERSTE_WAARDEKOLOM + 1
CODE = statushouders.KOLOM_CODE


@pytest.fixture
def overijssel(demodata):
    return Provincie.objects.get(code="PV23")


@pytest.fixture
def secretaris(demodata, client):
    client.force_login(get_user_model().objects.get(username="secretaris-overijssel"))
    return client


def leeg(overijssel, periode="2024-I") -> bytes:
    return statushouders.sjabloon(overijssel, statushouders.Periode.parse(periode))


def vul(inhoud: bytes, waarden: dict[tuple[str, datetime.date, int], object], extra=None):
    """Set {(CBS code, month, column): value}, as a secretary would in Excel."""
    boek = load_workbook(io.BytesIO(inhoud))
    blad = boek[BLAD]
    rijen = {
        (blad.cell(row=r, column=1).value, blad.cell(row=r, column=3).value.date()): r
        for r in range(KOPREGEL + 1, blad.max_row + 1)
    }
    for (code, maand, kolom), waarde in waarden.items():
        blad.cell(row=rijen[code, maand], column=kolom, value=waarde)
    for rij in extra or []:
        blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def uploaden(client, inhoud: bytes):
    """Only the file: the subject and period come from the template itself."""
    return client.post("/invoer/PV23/import/", {"bestand": SimpleUploadedFile("s.xlsx", inhoud)})


def kop(inhoud: bytes, cel: str, waarde) -> bytes:
    """The template with one of its header cells (B3 subject, B5 period) changed."""
    boek = load_workbook(io.BytesIO(inhoud))
    boek["Invoer"][cel] = waarde
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def stand_van_de_database():
    rijen = Huisvesting.objects.values_list(
        "gemeente__code", "van", "tot_en_met", "gehuisvest", "waarvan_amv", "versie"
    )
    return sorted(rijen, key=repr), Huisvesting.history.count()


def test_template_has_a_row_per_gemeente_and_month(secretaris):
    antwoord = secretaris.get(
        "/invoer/PV23/import/sjabloon.xlsx", {"onderwerp": "statushouders", "periode": "2024-I"}
    )
    assert antwoord.status_code == 200
    blad = load_workbook(io.BytesIO(antwoord.content))[BLAD]
    assert [blad[f"B{r}"].value for r in range(2, 6)] == [
        "prt-invoer-1", "statushouders", "PV23", "2024-I"
    ]  # fmt: skip
    rijen = list(blad.iter_rows(min_row=KOPREGEL + 1, values_only=True))
    assert len(rijen) == 25 * 6  # Overijssel's 25 gemeenten, January to June 2024
    deventer = [r for r in rijen if r[0] == "GM0150"]
    assert [r[2].date() for r in deventer] == [D(2024, m, 1) for m in range(1, 7)]
    assert blad.column_dimensions["G"].hidden  # the version column
    maand = secretaris.get(
        "/invoer/PV23/import/sjabloon.xlsx", {"onderwerp": "statushouders", "periode": "2024-03"}
    )
    assert load_workbook(io.BytesIO(maand.content))[BLAD].max_row == KOPREGEL + 25


def test_preview_commit_and_round_trip(secretaris, overijssel):
    inhoud = vul(
        leeg(overijssel),
        {("GM0150", D(2024, 1, 1), GEHUISVEST): 20, ("GM0150", D(2024, 1, 1), AMV): 2},
    )
    antwoord = uploaden(secretaris, inhoud)
    assert antwoord.status_code == 200, html.unescape(antwoord.content.decode())
    tekst = antwoord.content.decode()
    assert "Deventer, 1-2024" in tekst and ">20<" in tekst
    assert not Huisvesting.objects.filter(gemeente__code="GM0150", van=D(2024, 1, 1)).exists()

    assert secretaris.post("/invoer/PV23/import/vastleggen/").status_code == 302
    januari = Huisvesting.objects.get(gemeente__code="GM0150", van=D(2024, 1, 1))
    assert (januari.gehuisvest, januari.waarvan_amv, januari.tot_en_met) == (20, 2, D(2024, 1, 31))
    assert januari.history.first().history_user.username == "secretaris-overijssel"

    # The template downloaded now carries the figure; uploading it changes nothing.
    voor = stand_van_de_database()
    uitkomst = statushouders.inlezen(
        inhoud=leeg(overijssel), provincie=overijssel, periode=statushouders.Periode.parse("2024-I")
    )
    assert uitkomst.problemen == [] and uitkomst.wijzigingen == []
    assert uploaden(secretaris, leeg(overijssel)).status_code == 200
    assert secretaris.post("/invoer/PV23/import/vastleggen/").status_code == 302
    assert stand_van_de_database() == voor


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(gehuisvest=st.integers(min_value=0, max_value=9_999), amv=st.integers(0, 9_999) | st.none())
def test_round_trip_of_any_figures_changes_nothing(overijssel, gehuisvest, amv):
    if amv is not None and amv > gehuisvest:
        gehuisvest, amv = amv, gehuisvest
    Huisvesting.objects.update_or_create(
        gemeente=Gemeente.objects.get(code="GM0150"),
        van=D(2024, 3, 1),
        defaults={"tot_en_met": D(2024, 3, 31), "gehuisvest": gehuisvest, "waarvan_amv": amv},
    )
    voor = stand_van_de_database()
    periode = statushouders.Periode.parse("2024-03")
    uitkomst = statushouders.inlezen(
        inhoud=statushouders.sjabloon(overijssel, periode), provincie=overijssel, periode=periode
    )
    assert uitkomst.problemen == [] and uitkomst.wijzigingen == []
    door = get_user_model().objects.get(username="secretaris-overijssel")
    resultaat = statushouders.vastleggen(
        provincie=overijssel, door=door, rijen=uitkomst.rijen, bevestigd=True
    )
    assert resultaat.gelukt and resultaat.opgeslagen == []
    assert stand_van_de_database() == voor


JAN = D(2024, 1, 1)
WEIGERINGEN = [
    ("geen werkboek", lambda s: b"gemeente;gehuisvest\nGM0150;4\n", "geen Excel-werkboek"),
    ("onbekend onderwerp", lambda s: kop(s, "B3", "fietsen"), "niet het invoersjabloon"),
    ("onleesbare periode", lambda s: kop(s, "B5", "2024-III"), "niet het invoersjabloon"),
    ("onbekende code", lambda s: vul(s, {("GM0148", JAN, CODE): "GM9999"}), "Onbekende CBS-code"),
    (
        "dubbele code",
        lambda s: vul(s, {("GM0148", JAN, CODE): "GM0150"}),
        "GM0150 komt meer dan eens voor bij 1-2024",
    ),
    (
        "andere provincie",
        lambda s: vul(s, {("GM0148", JAN, CODE): "GM0200"}),
        "Apeldoorn (GM0200) is geen gemeente van deze provincie",
    ),
    ("tekst", lambda s: vul(s, {("GM0150", JAN, GEHUISVEST): "veel"}), "'veel' is geen getal"),
    ("negatief", lambda s: vul(s, {("GM0150", JAN, GEHUISVEST): -4}), "-4 is negatief"),
    (
        "amv boven totaal",
        lambda s: vul(s, {("GM0150", JAN, GEHUISVEST): 3, ("GM0150", JAN, AMV): 5}),
        "Waarvan amv (5) is meer dan het totaal (3)",
    ),
    (
        "externe formule",
        lambda s: vul(s, {("GM0150", JAN, GEHUISVEST): "=[andere.xlsx]Blad1!A1"}),
        "verwijst naar een ander bestand",
    ),
    (
        "maand buiten de periode",
        lambda s: vul(s, {("GM0150", JAN, 3): D(2024, 7, 1)}),
        "is niet de eerste dag van een maand van 2024-I",
    ),
    ("te groot", lambda s: s + b"\0" * (5 * 1024 * 1024), "groter dan 5 MB"),
    (
        "te veel rijen",
        lambda s: vul(s, {}, extra=[["GM0150", "Deventer", JAN, 1]] * 10),
        "meer dan de 25 gemeenten van Overijssel maal 6 maanden",
    ),
]


@pytest.mark.parametrize(("geval", "maak", "melding"), WEIGERINGEN, ids=[w[0] for w in WEIGERINGEN])
def test_refusal_has_a_message_and_writes_nothing(secretaris, overijssel, geval, maak, melding):
    voor = stand_van_de_database()
    antwoord = uploaden(secretaris, maak(leeg(overijssel)))
    assert antwoord.status_code == 400
    tekst = html.unescape(antwoord.content.decode())
    assert melding in tekst
    assert "Alle wijzigingen opslaan" not in tekst
    secretaris.post("/invoer/PV23/import/vastleggen/")
    assert stand_van_de_database() == voor


def test_a_member_may_not_import(demodata, client, overijssel):
    client.force_login(get_user_model().objects.get(username="lid"))
    voor = stand_van_de_database()
    inhoud = vul(leeg(overijssel), {("GM0150", JAN, GEHUISVEST): 20})
    assert uploaden(client, inhoud).status_code == 403
    sjabloon_url = "/invoer/PV23/import/sjabloon.xlsx?onderwerp=statushouders&periode=2024-I"
    assert client.get(sjabloon_url).status_code == 403
    assert stand_van_de_database() == voor


def test_bad_period_is_refused(secretaris, overijssel):
    assert uploaden(secretaris, kop(leeg(overijssel), "B5", "juli")).status_code == 400
    sjabloon_url = "/invoer/PV23/import/sjabloon.xlsx?onderwerp=statushouders&periode=juli"
    assert secretaris.get(sjabloon_url).status_code == 404


def test_months_of_a_vastgestelde_peildatum_are_refused(secretaris, overijssel):
    """January 2024 counts towards the vastgestelde peildatum 1-2-2024; February does not."""
    Peildatum.objects.create(
        provincie=overijssel,
        datum=D(2024, 2, 1),
        vastgesteld_op=datetime.datetime(2024, 2, 5, tzinfo=datetime.UTC),
    )
    voor = stand_van_de_database()
    januari = vul(leeg(overijssel), {("GM0150", D(2024, 1, 1), GEHUISVEST): 20})
    antwoord = uploaden(secretaris, januari)
    assert antwoord.status_code == 400
    assert (
        "De cijfers van 1-1-2024 tot en met 31-1-2024 tellen mee in de vastgestelde "
        "peildatum(s) 1-2-2024" in html.unescape(antwoord.content.decode())
    )
    secretaris.post("/invoer/PV23/import/vastleggen/")  # nothing was kept to commit
    assert stand_van_de_database() == voor

    # The same template with only an open month changed goes through.
    februari = vul(leeg(overijssel), {("GM0150", D(2024, 2, 1), GEHUISVEST): 15})
    assert uploaden(secretaris, februari).status_code == 200
    assert secretaris.post("/invoer/PV23/import/vastleggen/").status_code == 302
    assert Huisvesting.objects.get(gemeente__code="GM0150", van=D(2024, 2, 1)).gehuisvest == 15
