"""CSV of every table on a dashboard page, through django-tables2's `TableExport`.

A page's view passes its already computed figures to `csv_antwoord`; with
`?_export=csv&tabel=<name>` the page's table of that name comes back as CSV for
Dutch Excel: semicolon, UTF-8 with BOM, numbers as plain digits (6325, -1201) and
unknown as an empty cell, never 0. The same GET parameters as the page (peildatum,
sorting, quarters) apply, because the tables are built from the page's own rows.

The region tables of a block are the page's own django-tables2 Tables; the other
tables are built here from the same rows the template shows, one Table per table on
screen, with the screen's column headers. Example: Overijssel asiel opgave 6.325 on
the page is `6325` in `?_export=csv&tabel=asiel`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import django_tables2 as tables
from django.http import Http404, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_tables2.export import TableExport

from realisatie.dashboard.pagina import Dashboard
from realisatie.exports.neutraliseren import csv_tabel
from realisatie.gemeentebeeld import Gemeentebeeld
from realisatie.landelijk import Landelijk
from realisatie.overzicht import Kolom, Regel
from realisatie.signalen import Signalen
from realisatie.templatetags.cijfers import aantal, datum_kort
from realisatie.trend import Trendreeks
from realisatie.vooruitblik import Vooruitblik

Tabellen = dict[str, tables.Table]


class CsvExport(TableExport):
    """CSV as Dutch Excel opens it: `;` between cells, a BOM so UTF-8 is recognised.

    The table's footer (a region's subtotal) is the last row, as on screen."""

    def __init__(self, table: tables.Table, exclude_columns: Iterable[str] = ()):
        super().__init__(TableExport.CSV, table, exclude_columns=exclude_columns)
        voet = _voetregel(table, exclude_columns)
        if voet is not None:
            self.dataset.append(voet)

    def export(self) -> str:
        return "\ufeff" + csv_tabel(self.dataset).export("csv", delimiter=";")


def _voetregel(table: tables.Table, exclude_columns: Iterable[str]) -> list | None:
    if not table.has_footer():
        return None
    regel = []
    for kolom in table.columns.iterall():
        if kolom.column.exclude_from_export or kolom.name in exclude_columns:
            continue
        waarde = getattr(kolom.column, "voetwaarde", None)
        regel.append(waarde(table) if callable(waarde) else strip_tags(str(kolom.footer or "")))
    return regel


def csv_antwoord(
    request, tabellen: Callable[[], Tabellen], bestandsnaam: str
) -> HttpResponse | None:
    """The CSV of the table asked for, or None when the page itself is asked for.

    `tabellen` is only called for an export, so the page pays nothing for it."""
    if request.GET.get("_export") != "csv":
        return None
    naam = request.GET.get("tabel", "")
    tabel = tabellen().get(naam)
    if tabel is None:
        raise Http404(_("This page has no table '%(name)s'.") % {"name": naam})
    tables.RequestConfig(request, paginate=False).configure(tabel)
    return CsvExport(tabel).response(filename=f"{bestandsnaam}-{naam}.csv")


# --- Columns: screen formatting in `render`, the plain figure in `value` -----------


class Getal(tables.Column):
    """A whole number: 6.325 on screen, 6325 in the CSV, unknown empty."""

    def __init__(self, verbose_name, **kwargs):
        super().__init__(verbose_name=verbose_name, default="", **kwargs)

    def render(self, value):
        return aantal(value)

    def value(self, value):
        return value


class Datum(tables.Column):
    """1-4-2023, as a Dutch Excel reads a date."""

    def __init__(self, verbose_name, **kwargs):
        super().__init__(verbose_name=verbose_name, default="", **kwargs)

    def render(self, value):
        return datum_kort(value)

    value = render


def lijsttabel(naam: str, kolommen: dict[str, tables.Column], rijen: list[dict]) -> tables.Table:
    """A Table of plain rows (dicts keyed like `kolommen`), in the page's order."""
    klasse = type("Lijsttabel", (tables.Table,), dict(kolommen))
    return klasse(rijen, prefix=f"{naam}-", orderable=False)


def gebiedstabel(naam: str, regels: list[Regel], kolommen: list[Kolom]) -> tables.Table:
    """Area rows of the overview (province, regions, gemeenten) with the block's columns."""
    velden: dict[str, tables.Column] = {"gebied": tables.Column(verbose_name=_("Area"))}
    velden.update({k.sleutel: Getal(k.label) for k in kolommen})
    rijen = [
        {"gebied": r.naam, **{k.sleutel: r.waarde(k.sleutel) for k in kolommen}} for r in regels
    ]
    return lijsttabel(naam, velden, rijen)


# --- The tables of each page ---------------------------------------------------------


def provinciepagina(beeld: Dashboard) -> Tabellen:
    """Province page: per block the overview and its region tables, then the plan's."""
    uit = gebiedpagina(beeld)
    for plan in beeld.plantabellen:
        uit[f"plan-{plan.sleutel}"] = gebiedstabel(
            f"plan-{plan.sleutel}", plan.regels, plan.kolommen
        )
    uit["plan-statushouders"] = _halfjarentabel(
        "plan-statushouders", beeld.statushouders, _("Realisation")
    )
    return uit


def gebiedpagina(beeld: Dashboard) -> Tabellen:
    uit: Tabellen = {}
    for blok in beeld.blokken:
        soort = blok.blok.soort
        uit[soort] = gebiedstabel(soort, blok.regels, blok.blok.zichtbare_kolommen)
        for tabel in blok.tabellen:
            uit[tabel.prefix.rstrip("-")] = tabel
    return uit


def gemeentepagina(beeld: Gemeentebeeld) -> Tabellen:
    uit: Tabellen = {}
    for blok, regel in beeld.regels:
        if regel is not None:
            kolommen = blok.zichtbare_kolommen
            uit[blok.soort] = lijsttabel(
                blok.soort,
                {k.sleutel: Getal(k.label) for k in kolommen},
                [{k.sleutel: regel.waarde(k.sleutel) for k in kolommen}],
            )
    uit["opgaven"] = lijsttabel(
        "opgaven",
        {
            "besluit": tables.Column(verbose_name=_("Decision")),
            "wanneer": tables.Column(verbose_name=_("Target date or half year")),
            "aantal": Getal(_("Target")),
            "waarvan_amv": Getal(_("of which unaccompanied minors")),
        },
        [
            *(
                {
                    "besluit": o.besluit.naam,
                    "wanneer": datum_kort(o.besluit.streefdatum),
                    "aantal": o.aantal,
                    "waarvan_amv": o.waarvan_amv,
                }
                for o in beeld.opgaven
            ),
            *(
                {
                    "besluit": t.besluit.naam,
                    "wanneer": str(t.besluit.halfjaar),
                    "aantal": t.aantal,
                    "waarvan_amv": t.waarvan_amv,
                }
                for t in beeld.taakstellingen
            ),
        ],
    )
    uit["halfjaren"] = _halfjarentabel("halfjaren", beeld.halfjaren, _("Housed"))
    uit["oekraine-verloop"] = lijsttabel(
        "oekraine-verloop",
        {
            "peildatum": Datum(_("Reference date")),
            "goo_totaal": Getal(_("GOO places, total")),
            "goo_bezet": Getal(_("Occupied")),
            "goo_beschikbaar": Getal(_("Available")),
            "poo": Getal("POO"),
        },
        [
            {
                "peildatum": t.peildatum.datum,
                **{v: getattr(t, v) for v in ("goo_totaal", "goo_bezet", "goo_beschikbaar", "poo")},
            }
            for t in beeld.oekraine
        ],
    )
    uit["locaties"] = lijsttabel(
        "locaties",
        {
            "locatie": tables.Column(verbose_name=_("Location")),
            "soort": tables.Column(verbose_name=_("Type")),
            "plaatsen": Getal(_("Places")),
            "waarvan_amv": Getal(_("of which unaccompanied minors")),
            "van": Datum(_("From")),
            "tot_en_met": tables.Column(verbose_name=_("Contract ends")),
            "status": tables.Column(verbose_name=_("Status")),
        },
        [
            {
                "locatie": locatie.naam,
                "soort": locatie.get_soort_display(),
                "plaatsen": periode.plaatsen,
                "waarvan_amv": periode.waarvan_amv,
                "van": periode.van,
                "tot_en_met": datum_kort(periode.tot_en_met)
                if periode.tot_en_met
                else _("indefinite"),
                "status": periode.get_status_display(),
            }
            for locatie in beeld.locaties
            for periode in locatie.perioden.all()
        ],
    )
    uit["uitruil"] = lijsttabel(
        "uitruil",
        {
            "soort": tables.Column(verbose_name=_("Target")),
            "van": tables.Column(verbose_name=_("From municipality")),
            "naar": tables.Column(verbose_name=_("To municipality")),
            "aantal": Getal(_("Number")),
            "begin": Datum(_("Start date")),
            "einde": tables.Column(verbose_name=_("End date")),
        },
        [
            {
                "soort": u.get_soort_display(),
                "van": u.van_gemeente.naam,
                "naar": u.naar_gemeente.naam,
                "aantal": u.aantal,
                "begin": u.begin,
                "einde": datum_kort(u.einde) if u.einde else _("indefinite"),
            }
            for u in beeld.uitruilen
        ],
    )
    return uit


def trendpagina(reeksen: list[Trendreeks]) -> Tabellen:
    return {
        reeks.soort: lijsttabel(
            reeks.soort,
            {
                "datum": Datum(_("Reference date")),
                "opgave": Getal(
                    _("To be housed") if reeks.soort == "statushouders" else _("Target")
                ),
                "realisatie": Getal(_("Realisation")),
                "percentage": Getal("%"),
            },
            [
                {
                    "datum": p.datum,
                    "opgave": p.opgave,
                    "realisatie": p.realisatie,
                    "percentage": p.percentage,
                }
                for p in reeks.punten
            ],
        )
        for reeks in reeksen
    }


def vooruitblikpagina(beeld: Vooruitblik) -> Tabellen:
    velden = ("gerealiseerd", "gepland", "voorgenomen", "opgave")
    return {
        "vooruitblik": lijsttabel(
            "vooruitblik",
            {
                "kwartaal": tables.Column(verbose_name=_("Quarter")),
                "gerealiseerd": Getal(_("realised")),
                "gepland": Getal(_("planned (firm plan)")),
                "voorgenomen": Getal(_("intended (decision to follow)")),
                "opgave": Getal(_("Target")),
                "tekort": tables.Column(verbose_name=_("shortfall")),
            },
            [
                {
                    "kwartaal": str(k.kwartaal),
                    **{v: getattr(k, v) for v in velden},
                    "tekort": _("shortfall") if k.tekort else "",
                }
                for k in beeld.kwartalen
            ],
        )
    }


def signalenpagina(beeld: Signalen) -> Tabellen:
    soorten = {
        "asiel": _("Asylum reception"),
        "oekraine": _("Reception of displaced persons from Ukraine"),
        "statushouders": _("Housing of status holders"),
    }
    return {
        "schema": lijsttabel(
            "schema",
            {
                "gemeente": tables.Column(verbose_name=_("Municipality")),
                "te_realiseren": Getal(_("To be housed")),
                "gehuisvest": Getal(_("Housed")),
                "achter": Getal(_("Behind schedule")),
            },
            [
                {
                    "gemeente": a.regel.naam,
                    "te_realiseren": a.regel.waarde("te_realiseren"),
                    "gehuisvest": a.regel.waarde("gehuisvest"),
                    "achter": a.achter,
                }
                for a in beeld.achter_op_schema
            ],
        ),
        "contract": lijsttabel(
            "contract",
            {
                "locatie": tables.Column(verbose_name=_("Location")),
                "gemeente": tables.Column(verbose_name=_("Municipality")),
                "plaatsen": Getal(_("Places")),
                "tot_en_met": Datum(_("Contract ends")),
                "status": tables.Column(verbose_name=_("Status")),
            },
            [
                {
                    "locatie": p.locatie.naam,
                    "gemeente": p.locatie.gemeente.naam,
                    "plaatsen": p.plaatsen,
                    "tot_en_met": p.tot_en_met,
                    "status": p.get_status_display(),
                }
                for p in beeld.contract_eindigt
            ],
        ),
        "vol": lijsttabel(
            "vol",
            {
                "gemeente": tables.Column(verbose_name=_("Municipality")),
                "peildatum": Datum(_("Reference date")),
                "goo_totaal": Getal(_("GOO places, total")),
                "goo_bezet": Getal(_("Occupied")),
                "procent": Getal("%"),
            },
            [
                {
                    "gemeente": b.telling.gemeente.naam,
                    "peildatum": b.telling.peildatum.datum,
                    "goo_totaal": b.telling.goo_totaal,
                    "goo_bezet": b.telling.goo_bezet,
                    "procent": b.procent,
                }
                for b in beeld.bijna_vol
            ],
        ),
        "volledigheid": lijsttabel(
            "volledigheid",
            {
                "soort": tables.Column(verbose_name=_("Target")),
                "geleverd": Getal(_("Delivered")),
                "totaal": Getal(_("Municipalities")),
                "ontbrekend": tables.Column(verbose_name=_("Not delivered")),
            },
            [
                {
                    "soort": soorten.get(v.soort, v.soort),
                    "geleverd": v.geleverd,
                    "totaal": v.totaal,
                    "ontbrekend": ", ".join(g.naam for g in v.ontbrekend),
                }
                for v in beeld.volledigheid
            ],
        ),
    }


def landelijkpagina(beeld: Landelijk) -> Tabellen:
    """The provinces side by side (a column per subject and figure), Nederland last."""
    onderwerpen = (
        ("asiel", _("Asylum reception"), ("opgave", "realisatie", "verschil"), _("Target")),
        (
            "oekraine",
            _("Reception of displaced persons from Ukraine"),
            ("opgave", "realisatie", "verschil"),
            _("Target"),
        ),
        (
            "statushouders",
            _("Housing of status holders"),
            ("te_realiseren", "gehuisvest", "stand"),
            _("To be housed"),
        ),
    )
    velden = ("opgave", "realisatie", "verschil", "percentage")
    kolommen: dict[str, tables.Column] = {"provincie": tables.Column(verbose_name=_("Province"))}
    for soort, titel, _sleutels, opgave in onderwerpen:
        for veld, kop in zip(velden, (opgave, _("Realisation"), _("Difference"), "%"), strict=True):
            kolommen[f"{soort}_{veld}"] = Getal(f"{titel} – {kop}")
    rijen = [
        {
            "provincie": o.provincie.naam,
            **{
                f"{soort}_{veld}": blok.totaal.waarde(sleutel)
                for blok, (soort, _titel, sleutels, _opgave) in zip(
                    o.blokken, onderwerpen, strict=False
                )
                for veld, sleutel in zip(velden, (*sleutels, "percentage"), strict=True)
            },
        }
        for o in beeld.overzichten
    ]
    totaal = {"provincie": _("Netherlands")}
    for t in beeld.totalen:
        totaal.update(
            {
                f"{t.soort}_opgave": t.opgave.waarde,
                f"{t.soort}_realisatie": t.realisatie.waarde,
                f"{t.soort}_verschil": t.verschil,
                f"{t.soort}_percentage": t.percentage,
            }
        )
    uit = {"landelijk": lijsttabel("landelijk", kolommen, [*rijen, totaal])}
    t = beeld.besluittabel
    if t is not None:
        uit["besluittabel"] = lijsttabel(
            "besluittabel",
            {
                "provincie": tables.Column(verbose_name=_("Province")),
                "regulier": Getal(_("Current regular places")),
                "basis": Getal(
                    t.basisbesluit.naam if t.basisbesluit else _("Earlier distribution")
                ),
                "extra": Getal(_("Extra places")),
                "opgave": Getal(
                    _("Provincial target %(datum)s") % {"datum": datum_kort(t.besluit.streefdatum)}
                ),
                "verhoging": Getal(_("Increase needed")),
            },
            [
                {
                    "provincie": r.provincie.naam,
                    "regulier": r.regulier,
                    "basis": r.basis,
                    "extra": r.extra,
                    "opgave": r.opgave,
                    "verhoging": r.benodigde_verhoging,
                }
                for r in t.regels
            ],
        )
    return uit


def _halfjarentabel(naam: str, standen, gehuisvest: str) -> tables.Table:
    """Statushouders per half year: taakstelling, carried stand, housed, computed stand."""
    kolommen = {
        "halfjaar": tables.Column(verbose_name=_("Half year")),
        "taakstelling": Getal(_("Housing target")),
        "stand_begin": Getal(_("Lead/backlog")),
        "gehuisvest": Getal(gehuisvest),
        "stand_berekend": Getal(_("Computed lead/backlog")),
    }
    return lijsttabel(naam, kolommen, [_halfjaarrij(stand) for stand in standen])


def _halfjaarrij(stand) -> dict:
    return {
        "halfjaar": str(stand.halfjaar),
        "taakstelling": stand.taakstelling,
        "stand_begin": stand.stand_begin,
        "gehuisvest": stand.gehuisvest,
        "stand_berekend": stand.stand_berekend,
    }
