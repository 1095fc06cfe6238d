"""The management commands' output, as a beheerder reads it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gemeenten.models import Gemeente, Provincie


def uitvoer(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_laad_referentiedata_telt_per_niveau():
    assert uitvoer("laad_referentiedata").splitlines() == [
        "Provincies: 12 toegevoegd, 0 gewijzigd, 0 ongewijzigd",
        "Veiligheidsregio's: 25 toegevoegd, 0 gewijzigd, 0 ongewijzigd",
        "Subregio's: 9 toegevoegd, 0 gewijzigd, 0 ongewijzigd",
        "Gemeenten: 82 toegevoegd, 0 gewijzigd, 0 ongewijzigd",
    ]
    Gemeente.objects.filter(code="GM0164").update(naam="Hengelo (O.)")

    assert uitvoer("laad_referentiedata").splitlines() == [
        "Provincies: 0 toegevoegd, 0 gewijzigd, 12 ongewijzigd",
        "Veiligheidsregio's: 0 toegevoegd, 0 gewijzigd, 25 ongewijzigd",
        "Subregio's: 0 toegevoegd, 0 gewijzigd, 9 ongewijzigd",
        "Gemeenten: 0 toegevoegd, 1 gewijzigd, 81 ongewijzigd",
        "  gewijzigd: Hengelo (GM0164): naam Hengelo (O.) → Hengelo",
    ]


@pytest.mark.django_db
def test_laad_referentiedata_zonder_bestanden(tmp_path):
    with pytest.raises(CommandError, match=r"^Bestand .*provincies\.csv bestaat niet\.$"):
        call_command("laad_referentiedata", "--map", str(tmp_path), stdout=StringIO())


@pytest.mark.django_db
def test_importeer_cbs_gemeenten_noemt_de_gemeenten(tmp_path):
    call_command("laad_referentiedata", stdout=StringIO())
    gemeenten = Gemeente.objects.filter(provincie__code="PV24").exclude(code="GM0184")
    regels = [f"{g.code};{g.naam};PV24" for g in gemeenten.order_by("code")]
    regels[0] = "GM0034;Almere Stad;PV24"
    pad = tmp_path / "cbs.csv"
    pad.write_text(
        "\n".join(["code;naam;provincie_code", *regels, "GM0363;Amsterdam;PV27"]), encoding="utf-8"
    )

    tekst = uitvoer("importeer_cbs_gemeenten", str(pad))

    assert tekst.startswith(
        "Toegevoegd: 1\n"
        "  Amsterdam (GM0363)\n"
        "Gewijzigd: 1\n"
        "  Almere Stad (GM0034): naam Almere → Almere Stad\n"
        "Niet in het bestand (niet verwijderd): 77\n"
        "  Aalten (GM0197)\n"
    )
    assert "  Urk (GM0184)\n" in tekst
    assert tekst.endswith("  Zwolle (GM0193)\nOngewijzigd: 4\n")


@pytest.mark.django_db
def test_importeer_cbs_gemeenten_met_foute_invoer(tmp_path):
    Provincie.objects.create(code="PV27", naam="Noord-Holland")
    pad = tmp_path / "cbs.csv"
    pad.write_text("code;naam;provincie_code\nGM0363;Amsterdam;PV72\n", encoding="utf-8")

    with pytest.raises(
        CommandError, match=r"^cbs\.csv, regel 2: onbekende provinciecode 'PV72'\.$"
    ):
        call_command("importeer_cbs_gemeenten", str(pad), stdout=StringIO())
    with pytest.raises(CommandError, match="'31-2-2025' is geen datum"):
        call_command("importeer_cbs_gemeenten", str(pad), "--peildatum", "31-2-2025")
    assert not Gemeente.objects.exists()
