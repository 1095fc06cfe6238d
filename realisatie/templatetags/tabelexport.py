"""A table of a page and its CSV link (see `realisatie.tabelbasis`)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def csv_url(context, tabel: str) -> str:
    """This page with its own parameters (peildatum, sorting) plus the export of `tabel`."""
    parameters = context["request"].GET.copy()
    parameters["_export"] = "csv"
    parameters["tabel"] = tabel
    return f"?{parameters.urlencode()}"


@register.simple_tag(takes_context=True)
def xlsx_url(context) -> str:
    """This page with its own parameters as an Excel workbook."""
    parameters = context["request"].GET.copy()
    parameters["_export"] = "xlsx"
    parameters.pop("tabel", None)
    return f"?{parameters.urlencode()}"


@register.inclusion_tag("realisatie/_tabel.html", takes_context=True)
def tabel(context, tabel, kop: str = "", leeg: str = "", csv: bool = True):
    """A table as every page shows it: `kop` is the id of the heading that names it
    (else its own caption does), `leeg` what to say when it has no rows."""
    return {"request": context["request"], "tabel": tabel, "kop": kop, "leeg": leeg, "csv": csv}


@register.filter
def uit(tabellen: dict, naam: str):
    """The table `naam` of a page's tables (names may hold a hyphen: plan-asiel)."""
    return tabellen.get(naam)
