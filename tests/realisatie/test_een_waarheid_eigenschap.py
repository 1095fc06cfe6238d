"""Property: every figure is the same, with the same sign, wherever it is shown.

Hypothesis makes random Overijssel figures on top of the demo's opgaven (werkplan 2024):
locations of every kind in the register, places entered per soort, Oekraïne counts,
statushouders housed per month, uitruil between gemeenten and a counting rule. Then each
figure of each area is read back from the dashboard page, the CSV of its table, the xlsx
(bijlage 2 and the stand van zaken), the API samenvatting and the national page, and
all must equal the samenvatting's, sign included.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
from html import unescape

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemeenten.models import Gemeente, Provincie
from opgaven.models import Opgavebesluit, Telregel, Uitruil
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from tests.exports.werkboeklezer import kolom_van, kopregel, open_werkboek, waarde

D = datetime.date
PEILDATUM = D(2025, 1, 1)
VOORBEELDEN = int(os.environ.get("PRT_EIGENSCHAP_VOORBEELDEN", "8"))

# The figures compared, per block; `opgave_effectief` is the opgave after uitruil.
FIGUREN = {
    "asiel": ("opgave_effectief", "realisatie", "verschil", "percentage"),
    "oekraine": ("opgave_effectief", "realisatie", "verschil"),
    "statushouders": ("te_realiseren", "gehuisvest", "stand"),
}

aantal = st.integers(min_value=0, max_value=2_000)
misschien = st.one_of(st.none(), aantal)
locatie = st.tuples(
    st.sampled_from(["RO", "NO", "TGO", "CNO", "AMV"]),
    st.integers(min_value=0, max_value=1_500),  # places
    st.integers(min_value=0, max_value=100),  # amv (capped at places)
    st.sampled_from([D(2020, 1, 1), D(2024, 6, 1), D(2025, 1, 1), D(2025, 6, 1)]),
    st.sampled_from([None, D(2024, 12, 31), D(2025, 3, 31)]),
)
gemeente_figuren = st.fixed_dictionaries(
    {
        "locaties": st.lists(locatie, max_size=2),
        "ingevoerd": st.one_of(st.none(), st.tuples(misschien, misschien, misschien)),
        "oekraine": st.one_of(st.none(), st.tuples(aantal, st.integers(0, 100))),
        "gehuisvest": st.lists(st.one_of(st.none(), st.integers(0, 60)), min_size=6, max_size=6),
    }
)
scenario = st.fixed_dictionaries(
    {
        "gemeenten": st.lists(gemeente_figuren, min_size=25, max_size=25),
        "telregel": st.sampled_from([None, "RO", "RO,NO,TGO"]),
        "uitruil": st.one_of(
            st.none(), st.tuples(st.integers(0, 24), st.integers(0, 24), st.integers(1, 100))
        ),
    }
)


def inrichten(figuren: dict) -> None:
    overijssel = Provincie.objects.get(code="PV23")
    gemeenten = list(Gemeente.objects.filter(provincie=overijssel).order_by("code"))
    peildatum = Peildatum.objects.create(provincie=overijssel, datum=PEILDATUM)
    for gemeente, f in zip(gemeenten, figuren["gemeenten"], strict=True):
        for i, (soort, plaatsen, amv, van, tot) in enumerate(f["locaties"]):
            plek = Opvanglocatie.objects.create(
                gemeente=gemeente,
                naam=f"locatie {i}",
            )
            Capaciteitsperiode.objects.create(
                soort_id=soort,
                beheerder="coa",
                locatie=plek,
                plaatsen=plaatsen,
                waarvan_amv=min(amv, plaatsen),
                van=van,
                tot_en_met=tot if tot is None or tot >= van else None,
                status="gerealiseerd",
            )
        if f["ingevoerd"] and any(w is not None for w in f["ingevoerd"]):
            regulier, noodopvang, tgo = f["ingevoerd"]
            AsielTelling.objects.create(
                gemeente=gemeente,
                peildatum=peildatum,
                datum=PEILDATUM,
                regulier=regulier,
                noodopvang=noodopvang,
                tgo=tgo,
            )
        if f["oekraine"]:
            totaal, procent_bezet = f["oekraine"]
            OekraineTelling.objects.create(
                gemeente=gemeente,
                peildatum=peildatum,
                goo_totaal=totaal,
                goo_bezet=totaal * procent_bezet // 100,
            )
        for maand, gehuisvest in enumerate(f["gehuisvest"], start=1):
            if gehuisvest is not None:
                einde = D(2024, maand + 1, 1) - datetime.timedelta(days=1)
                Huisvesting.objects.create(
                    gemeente=gemeente,
                    van=D(2024, maand, 1),
                    tot_en_met=einde,
                    gehuisvest=gehuisvest,
                )
    if figuren["telregel"]:
        Telregel.objects.create(
            besluit=Opgavebesluit.objects.get(naam="Asielopgave Spreidingswet per 1-1-2025"),
            provincie=overijssel,
            soorten=figuren["telregel"],
        )
    if figuren["uitruil"]:
        van, naar, aantal_ = figuren["uitruil"]
        if van != naar:
            Uitruil.objects.create(
                soort="asiel",
                van_gemeente=gemeenten[van],
                naar_gemeente=gemeenten[naar],
                aantal=aantal_,
                begin=D(2024, 1, 1),
                bevestigd_op=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            )


# --- Reading a figure back -----------------------------------------------------------

WOORDEN = {
    "tekort": -1,
    "overschot": 1,
    "nog te huisvesten": 1,
    "voorsprong": -1,
    "achterstand": 1,
}


def uit_tekst(tekst: str) -> int | None:
    """A cell as a person reads it, back to its number: "tekort 1.201" is −1.201."""
    tekst = re.sub(r"\(eerder cijfer.*?\)", "", tekst)
    tekst = tekst.replace("(onvolledig)", "").replace("*", "").replace("%", "").strip()
    if not tekst or "niet geregistreerd" in tekst:
        return None
    teken = 1
    for woord, factor in WOORDEN.items():
        if tekst.startswith(woord):
            teken, tekst = factor, tekst[len(woord) :].strip()
    return teken * int(tekst.replace(".", ""))


def uit_csv(tekst: str) -> int | None:
    return int(tekst) if tekst else None


def koppen(html: str, blok: str) -> dict[str, str]:
    """Per column key its header as the page shows it (the CSV has the same)."""
    begin = html.index(f'data-blok="{blok}"')
    kop = html[begin : html.index("</thead>", begin)]
    return {
        kolom: unescape(re.sub(r"<[^>]+>", "", tekst))
        for kolom, tekst in re.findall(r'<th scope="col" data-kolom="(\w+)"[^>]*>(.*?)</th>', kop)
    }


def pagina_cellen(html: str, blok: str) -> dict[tuple[str, str], int | None]:
    begin = html.index(f'data-blok="{blok}"')
    tabel = html[begin : html.index("</table>", begin)]
    uit = {}
    for code, rij in re.findall(r'data-code="([^"]+)">(.*?)</tr>', tabel, re.S):
        for kolom, inhoud in re.findall(r'data-kolom="(\w+)">(.*?)</t[dh]>', rij, re.S):
            tekst = " ".join(re.sub(r"<[^>]+>", " ", inhoud).split())
            if kolom not in ("gebied", "status", "bron", "peildatum"):
                uit[(code, kolom)] = uit_tekst(tekst)
    return uit


def csv_tabel(client, url: str, tabel: str, **parameters) -> list[dict[str, str]]:
    antwoord = client.get(url, {**parameters, "_export": "csv", "tabel": tabel})
    assert antwoord.status_code == 200
    return list(csv.DictReader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))


def test_every_figure_is_the_same_everywhere(beheerder):
    @settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(figuren=scenario)
    def eigenschap(figuren):
        with transaction.atomic():
            inrichten(figuren)
            vergelijken(beheerder)
            transaction.set_rollback(True)

    eigenschap()


def vergelijken(client) -> None:
    datum = {"peildatum": PEILDATUM.isoformat()}
    samenvatting = client.get(
        "/api/v1/provincies/PV23/samenvatting",
        {"peildatum": PEILDATUM.isoformat()},
        HTTP_ACCEPT="application/json",
    ).json()
    api = {
        (b["soort"], r["code"], sleutel): r["waarden"][sleutel]["waarde"]
        for b in samenvatting["blokken"]
        for r in b["regels"]
        for sleutel in FIGUREN[b["soort"]]
    }
    namen = {r["code"]: r["naam"] for b in samenvatting["blokken"] for r in b["regels"]}

    html = client.get("/provincies/PV23/", datum).content.decode()
    for soort, sleutels in FIGUREN.items():
        scherm = pagina_cellen(html, soort)
        rijen = {r["Gebied"]: r for r in csv_tabel(client, "/provincies/PV23/", soort, **datum)}
        kop = koppen(html, soort)
        gezien = set()
        for code, kolom in scherm:
            # Without uitruil the effective opgave is the opgave, its column not shown.
            sleutel = "opgave_effectief" if kolom == "opgave" else kolom
            if sleutel not in sleutels or (code, sleutel) in gezien:
                continue
            gezien.add((code, sleutel))
            if kolom == "opgave" and (code, "opgave_effectief") in scherm:
                continue
            verwacht = api[(soort, code, sleutel)]
            assert scherm[(code, kolom)] == verwacht, (
                soort,
                code,
                kolom,
                scherm[(code, kolom)],
                verwacht,
            )
            assert uit_csv(rijen[namen[code]][kop[kolom]]) == verwacht, (soort, code, "csv")
        assert {c for c, _k in scherm} <= {c for _s, c, _f in api}

    # The xlsx: the stand van zaken (Oekraïne, statushouders) and bijlage 2 (asiel).
    boek = open_werkboek(client.get("/exports/PV23/stand-van-zaken.xlsx", datum).content)
    for blad, soort, kolommen in (
        ("Oekraïne", "oekraine", {"realisatie": "Realisatie GOO"}),
        (
            "Statushouders",
            "statushouders",
            {"te_realiseren": "Te realiseren", "gehuisvest": "Gehuisvest"},
        ),
    ):
        werkblad = boek[blad]
        regel = kopregel(werkblad)
        for rij in range(regel + 1, werkblad.max_row + 1):
            code = werkblad[f"B{rij}"].value
            for sleutel, titel in kolommen.items():
                cel = f"{kolom_van(werkblad, titel, regel)}{rij}"
                assert waarde(werkblad, cel) == api[(soort, code, sleutel)], (blad, code, sleutel)
    bijlage = open_werkboek(
        client.get(
            "/exports/PV23/bijlage-2.xlsx", {**datum, "van": "2025-Q1", "tot": "2025-Q1"}
        ).content
    ).active
    regel = kopregel(bijlage)
    gerealiseerd = kolom_van(bijlage, "gerealiseerd", regel, groep="Q1 2025")
    opgave = kolom_van(bijlage, "Opgave", regel, groep="Q1 2025")
    for rij in range(regel + 1, bijlage.max_row + 1):
        code = bijlage[f"B{rij}"].value
        assert waarde(bijlage, f"{gerealiseerd}{rij}") == api[("asiel", code, "realisatie")], code
        assert waarde(bijlage, f"{opgave}{rij}") == api[("asiel", code, "opgave_effectief")], code

    # The national page's Overijssel row.
    land = {r["Provincie"]: r for r in csv_tabel(client, "/landelijk/", "landelijk", **datum)}[
        "Overijssel"
    ]
    for soort, sleutels in FIGUREN.items():
        for sleutel in sleutels:
            kolom = f"{LANDTITELS[soort]} – {LANDKOPPEN[sleutel]}"
            assert uit_csv(land[kolom]) == api[(soort, "PV23", sleutel)], (soort, sleutel)


LANDTITELS = {
    "asiel": "Asielopvang",
    "oekraine": "Opvang ontheemden Oekraïne",
    "statushouders": "Huisvesting statushouders",
}
LANDKOPPEN = {
    "opgave_effectief": "Effectieve opgave",
    "realisatie": "Realisatie",
    "verschil": "Verschil",
    "percentage": "%",
    "te_realiseren": "Te realiseren",
    "gehuisvest": "Gehuisvest",
    "stand": "Stand",
}
