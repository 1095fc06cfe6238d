"""The reference data in fixtures/referentie/: the geography of the three PRT's in
the source documents, as of 2024."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from gemeenten.services import referentiedata_laden

REFERENTIE = Path(settings.BASE_DIR) / "fixtures" / "referentie"

# The tables of the werkplan PRT Overijssel 2024 (seeds/002_*).
IJSSELLAND = {
    "Dalfsen", "Deventer", "Hardenberg", "Kampen", "Olst-Wijhe", "Ommen", "Raalte",
    "Staphorst", "Steenwijkerland", "Zwartewaterland", "Zwolle",
}  # fmt: skip
TWENTE = {
    "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
    "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand",
    "Wierden",
}  # fmt: skip


def namen(**filters) -> set[str]:
    return set(Gemeente.objects.filter(**filters).values_list("naam", flat=True))


@pytest.mark.django_db
def test_aantallen_per_niveau():
    referentiedata_laden(map=REFERENTIE)

    assert Provincie.objects.count() == 12
    assert Veiligheidsregio.objects.count() == 25
    assert Subregio.objects.count() == 9
    assert Gemeente.objects.count() == 82
    assert Gemeente.objects.filter(provincie__naam="Gelderland").count() == 51
    assert Gemeente.objects.filter(provincie__naam="Overijssel").count() == 25
    assert Gemeente.objects.filter(provincie__naam="Flevoland").count() == 6


@pytest.mark.django_db
def test_overijssel_zoals_in_het_werkplan():
    referentiedata_laden(map=REFERENTIE)

    assert namen(subregio__code="overijssel-ijsselland") == IJSSELLAND
    assert namen(subregio__code="overijssel-twente") == TWENTE
    assert namen(veiligheidsregio__code="VR04") == IJSSELLAND
    assert namen(veiligheidsregio__code="VR05") == TWENTE
    deventer = Gemeente.objects.get(naam="Deventer")
    assert deventer.code == "GM0150"
    assert deventer.provincie.code == "PV23"
    assert deventer.veiligheidsregio.code == "VR04"
    assert deventer.subregio.naam == "IJsselland"
    assert deventer.geldig_van is None
    assert deventer.geldig_tot_en_met is None


@pytest.mark.parametrize(
    ("subregio", "veiligheidsregio", "aantal"),
    [
        ("gelderland-achterhoek", "VR06", 8),
        ("gelderland-noord-veluwe", "VR06", 7),
        ("gelderland-stedendriehoek", "VR06", 7),
        ("gelderland-arnhem-eo", "VR07", 10),
        ("gelderland-food-valley", "VR07", 5),
        ("gelderland-rijk-van-nijmegen", "VR08", 6),
        ("gelderland-rivierenland", "VR08", 8),
    ],
)
@pytest.mark.django_db
def test_gelderland_per_subregio(subregio, veiligheidsregio, aantal):
    referentiedata_laden(map=REFERENTIE)

    gemeenten = Gemeente.objects.filter(subregio__code=subregio)
    assert gemeenten.count() == aantal
    assert set(gemeenten.values_list("veiligheidsregio__code", flat=True)) == {veiligheidsregio}
    assert Subregio.objects.get(code=subregio).veiligheidsregio.code == veiligheidsregio


@pytest.mark.django_db
def test_flevoland_zonder_subregio():
    referentiedata_laden(map=REFERENTIE)

    flevoland = Gemeente.objects.filter(provincie__code="PV24")
    assert set(flevoland.values_list("naam", flat=True)) == {
        "Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde",
    }  # fmt: skip
    assert not flevoland.filter(subregio__isnull=False).exists()
    assert set(flevoland.values_list("veiligheidsregio__code", flat=True)) == {"VR25"}


@pytest.mark.django_db
def test_nogmaals_laden_verandert_niets():
    eerste = referentiedata_laden(map=REFERENTIE)
    tweede = referentiedata_laden(map=REFERENTIE)

    assert len(eerste.gemeenten.toegevoegd) == 82
    for deel in (tweede.provincies, tweede.veiligheidsregios, tweede.subregios, tweede.gemeenten):
        assert deel.toegevoegd == []
        assert deel.gewijzigd == []
    assert len(tweede.provincies.ongewijzigd) == 12
    assert len(tweede.veiligheidsregios.ongewijzigd) == 25
    assert len(tweede.subregios.ongewijzigd) == 9
    assert len(tweede.gemeenten.ongewijzigd) == 82
    assert Gemeente.objects.count() == 82


@pytest.mark.django_db
def test_laden_herstelt_een_afwijking():
    referentiedata_laden(map=REFERENTIE)
    Gemeente.objects.filter(code="GM0150").update(naam="Deventr", subregio=None)

    rapport = referentiedata_laden(map=REFERENTIE)

    assert rapport.gemeenten.gewijzigd == [
        "Deventer (GM0150): naam Deventr → Deventer, subregio (geen) → IJsselland"
    ]
    assert len(rapport.gemeenten.ongewijzigd) == 81
    deventer = Gemeente.objects.get(code="GM0150")
    assert (deventer.naam, deventer.subregio.code) == ("Deventer", "overijssel-ijsselland")


@pytest.mark.parametrize(
    ("bestand", "zoek", "vervang", "melding"),
    [
        (
            "gemeenten.csv",
            "GM0150;Deventer;PV23",
            "GM0150;Deventer;PV99",
            "gemeenten.csv, regel 54: onbekende provinciecode 'PV99'.",
        ),
        (
            "gemeenten.csv",
            "GM0150;Deventer;PV23;VR04",
            "GM0150;Deventer;PV23;VR05",
            "gemeenten.csv, regel 54: subregio overijssel-ijsselland valt onder "
            "veiligheidsregio VR04, niet onder VR05.",
        ),
        (
            "gemeenten.csv",
            "GM0150;Deventer;PV23;VR04",
            "GM0150;Deventer;PV25;VR04",
            "gemeenten.csv, regel 54: veiligheidsregio VR04 hoort bij Overijssel, "
            "niet bij Gelderland.",
        ),
        (
            "gemeenten.csv",
            "GM0150;Deventer",
            "GM0193;Deventer",
            "gemeenten.csv, regel 63: code GM0193 staat ook op regel 54.",
        ),
        (
            "veiligheidsregios.csv",
            "VR25;Flevoland;PV24",
            "VR25;;PV24",
            "veiligheidsregios.csv, regel 26: de naam is leeg.",
        ),
        (
            "provincies.csv",
            "code;naam",
            "code;name",
            "provincies.csv, regel 1: de kolom 'naam' ontbreekt (gevonden: code, name).",
        ),
        (
            "subregios.csv",
            "overijssel-twente",
            "Overijssel Twente",
            "subregios.csv, regel 10: 'Overijssel Twente' is geen geldige subregiocode "
            "(kleine letters, cijfers en '-').",
        ),
    ],
)
@pytest.mark.django_db
def test_foute_invoer_schrijft_niets(tmp_path, bestand, zoek, vervang, melding):
    shutil.copytree(REFERENTIE, tmp_path, dirs_exist_ok=True)
    pad = tmp_path / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert zoek in tekst
    pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")

    with pytest.raises(ValidationError) as fout:
        referentiedata_laden(map=tmp_path)

    assert fout.value.messages == [melding]
    assert not Provincie.objects.exists()
    assert not Gemeente.objects.exists()
