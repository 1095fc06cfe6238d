"""Translations: English msgids in the code, Dutch in the `nl` catalogues.

The catalogues are the source of every Dutch text a user sees, so they must be complete
(no empty or fuzzy entries) and their compiled .mo files must match the .po files:
the .mo is what Django reads at run time, and CI does not compile it.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from gemeenten.models import Gemeente, Provincie, Veiligheidsregio
from gemeenten.services import cbs_gemeenten_importeren, referentiedata_laden
from opgaven.models import Opgavesoort
from realisatie.models import Peildatum
from toegang.models import Rolsoort

ROOT = Path(settings.BASE_DIR)


def test_modelnamen_zijn_nederlands():
    with translation.override("nl"):
        assert Gemeente._meta.verbose_name == "gemeente"
        assert Gemeente._meta.verbose_name_plural == "gemeenten"
        assert Provincie._meta.verbose_name_plural == "provincies"
        assert Veiligheidsregio._meta.verbose_name_plural == "veiligheidsregio's"
        assert Peildatum._meta.verbose_name == "peildatum"
        assert Peildatum._meta.verbose_name_plural == "peildata"
        assert Gemeente._meta.get_field("geldig_tot_en_met").verbose_name == "geldig tot en met"
        assert [str(label) for label in Opgavesoort.labels] == [
            "Asielopvang",
            "Opvang ontheemden Oekraïne",
            "Huisvesting statushouders",
        ]
        assert str(Rolsoort.SECRETARIS.label) == "PRT-secretaris"


def test_msgids_zijn_engels():
    with translation.override("en"):
        assert Gemeente._meta.verbose_name_plural == "municipalities"
        assert Peildatum._meta.verbose_name_plural == "reference dates"
        assert str(Opgavesoort.ASIEL.label) == "Asylum reception"


def test_validatiefout_uit_de_services_is_nederlands(tmp_path):
    bestand = io.StringIO("code;naam\nGM0363;Amsterdam\n")
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        cbs_gemeenten_importeren(bestand=bestand)
    assert fout.value.messages == [
        "CBS-bestand, regel 1: de kolom 'provincie_code' ontbreekt (gevonden: code, naam)."
    ]

    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        referentiedata_laden(map=tmp_path)
    assert fout.value.messages == [f"Bestand {tmp_path / 'provincies.csv'} bestaat niet."]


@pytest.mark.django_db
def test_validatiefout_met_meervoud_is_nederlands():
    Provincie.objects.create(code="PV27", naam="Noord-Holland")
    bestand = io.StringIO("code;naam;provincie_code\nGM0363;Amsterdam;PV270\n")
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        cbs_gemeenten_importeren(bestand=bestand)
    assert fout.value.messages == [
        "CBS-bestand, regel 2: 'PV270' is geen geldige provinciecode (PV gevolgd door 2 cijfers)."
    ]


# --- The catalogues ------------------------------------------------------------


def _po_bestanden() -> list[Path]:
    gevonden = []
    for map_, mappen, bestanden in os.walk(ROOT):
        mappen[:] = [m for m in mappen if not m.startswith(".") and m != "node_modules"]
        gevonden.extend(Path(map_) / b for b in bestanden if b.endswith(".po"))
    return sorted(gevonden)


def _unquote(regel: str) -> str:
    tekst = regel.strip()[1:-1]
    vervangingen = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    uit, i = [], 0
    while i < len(tekst):
        if tekst[i] == "\\" and i + 1 < len(tekst):
            uit.append(vervangingen.get(tekst[i + 1], tekst[i + 1]))
            i += 2
        else:
            uit.append(tekst[i])
            i += 1
    return "".join(uit)


def _entries(pad: Path) -> list[dict]:
    """Each entry as {"flags": set, "msgctxt", "msgid", "msgid_plural", "msgstr[n]": ...};
    obsolete entries (#~) are left out: Django never reads them."""
    entries = []
    for blok in pad.read_text(encoding="utf-8").split("\n\n"):
        entry: dict = {"flags": set()}
        veld = None
        for regel in blok.splitlines():
            if regel.startswith("#,"):
                entry["flags"].update(f.strip() for f in regel[2:].split(","))
            elif regel.startswith("#"):
                continue
            elif regel.startswith('"'):
                entry[veld] += _unquote(regel)
            elif regel.strip():
                veld, waarde = regel.split(" ", 1)
                entry[veld] = _unquote(waarde)
        if "msgid" in entry:
            entries.append(entry)
    return entries


def _naam(entry: dict) -> str:
    context = f"[{entry['msgctxt']}] " if "msgctxt" in entry else ""
    return context + repr(entry["msgid"])


PO_BESTANDEN = _po_bestanden()


def test_er_zijn_catalogi():
    verwacht = {
        ROOT / app / "locale" / "nl" / "LC_MESSAGES" / "django.po"
        for app in ("gemeenten", "opgaven", "realisatie", "toegang")
    } | {ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"}
    assert verwacht <= set(PO_BESTANDEN)


@pytest.mark.parametrize("pad", PO_BESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogus_is_volledig(pad):
    fouten = []
    for entry in _entries(pad):
        if "fuzzy" in entry["flags"]:
            fouten.append(f"fuzzy: {_naam(entry)}")
        if entry["msgid"] == "":
            continue  # the header
        vertalingen = [v for k, v in entry.items() if k.startswith("msgstr")]
        if not vertalingen or not all(vertalingen):
            fouten.append(f"lege msgstr: {_naam(entry)}")
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize("pad", PO_BESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_mo_is_bijgewerkt(pad, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip(
            "msgfmt niet gevonden: installeer GNU gettext (apt-get install gettext) "
            "om te controleren of de .mo-bestanden bij de .po-bestanden passen."
        )
    mo = pad.with_suffix(".mo")
    assert mo.exists(), f"{mo.relative_to(ROOT)} ontbreekt: draai `make messages`."
    nieuw = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check-format", "-o", str(nieuw), str(pad)], check=True)
    assert nieuw.read_bytes() == mo.read_bytes(), (
        f"{mo.relative_to(ROOT)} is verouderd: draai `make messages`."
    )


def test_zelfde_msgid_zelfde_vertaling():
    """Django merges all catalogues of a language into one, so a msgid that two
    catalogues both translate must get the same Dutch in each."""
    gezien: dict[tuple[str | None, str], tuple[str, Path]] = {}
    fouten = []
    for pad in PO_BESTANDEN:
        for entry in _entries(pad):
            if entry["msgid"] == "":
                continue
            sleutel = (entry.get("msgctxt"), entry["msgid"])
            vertaling = entry.get("msgstr", entry.get("msgstr[0]"))
            if sleutel in gezien and gezien[sleutel][0] != vertaling:
                fouten.append(
                    f"{_naam(entry)}: {gezien[sleutel][0]!r} ({gezien[sleutel][1]}) "
                    f"tegenover {vertaling!r} ({pad})"
                )
            gezien.setdefault(sleutel, (vertaling, pad))
    assert not fouten, "\n".join(fouten)


def test_de_site_zegt_u():
    """Issue 14: "Je" next to "u"; the site addresses its users as "u" throughout."""
    je = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
    gevonden = []
    for po in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po"):
        if ".venv" in po.parts or "node_modules" in po.parts:
            continue
        in_msgstr = False
        for regel in po.read_text(encoding="utf-8").splitlines():
            if regel.startswith(("msgid", "msgctxt", "msgstr")):
                in_msgstr = regel.startswith("msgstr")
            if in_msgstr and je.search(regel):
                gevonden.append(f"{po.relative_to(ROOT)}: {regel}")
    assert gevonden == []
