"""CSV of every table on a page, through django-tables2's `TableExport`.

A page's view makes its tables once (`realisatie.dashboard.tables`) and hands them to
its template and to `csv_antwoord`: with `?_export=csv&tabel=<name>` the table of that
name comes back as CSV for Dutch Excel: semicolon, UTF-8 with BOM, numbers as plain
digits (6325, -1201) and unknown as an empty cell, never 0. It is the same table the
page shows, so its columns and rows cannot drift from the screen's. Example: Overijssel
asiel opgave 6.325 on the page is `6325` in `?_export=csv&tabel=asiel`.
"""

from __future__ import annotations

from collections.abc import Callable

import django_tables2 as tables
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django_tables2.export import TableExport

from realisatie.exports.neutraliseren import csv_tabel
from realisatie.tabelbasis import Tabel

Tabellen = dict[str, Tabel]


class CsvExport(TableExport):
    """CSV as Dutch Excel opens it: `;` between cells, a BOM so UTF-8 is recognised."""

    def __init__(self, table: tables.Table):
        super().__init__(TableExport.CSV, table)

    def export(self) -> str:
        return "\ufeff" + csv_tabel(self.dataset).export("csv", delimiter=";")


def csv_antwoord(
    request, tabellen: Tabellen | Callable[[], Tabellen], bestandsnaam: str
) -> HttpResponse | None:
    """The CSV of the table asked for, or None when the page itself is asked for."""
    if request.GET.get("_export") != "csv":
        return None
    naam = request.GET.get("tabel", "")
    tabel = (tabellen() if callable(tabellen) else tabellen).get(naam)
    if tabel is None:
        raise Http404(_("This page has no table '%(name)s'.") % {"name": naam})
    tables.RequestConfig(request, paginate=False).configure(tabel)
    return CsvExport(tabel).response(filename=f"{bestandsnaam}-{naam}.csv")
