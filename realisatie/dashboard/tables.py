"""Sortable tables (django-tables2) of a dashboard block: one per veiligheidsregio or
subregio with its gemeenten, the region's subtotal in the footer.

The cells are the overview's own figures (`Regel.waarden`); a table only sorts and
formats them, it never adds up.
"""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from realisatie.overzicht import Blok, Kolom, Regel
from realisatie.templatetags.cijfers import cijfer


class CijferKolom(tables.Column):
    """A figure; sorts on the number, unknown (None) last, shows `{% cijfer %}`."""

    def __init__(self, kolom: Kolom, subtotaal: Regel, **kwargs):
        self.kolom = kolom
        self.subtotaal = subtotaal
        attrs = {"td": {"data-kolom": kolom.sleutel}, "tf": {"data-kolom": kolom.sleutel}}
        if kolom.uitleg:
            attrs["th"] = {"title": kolom.uitleg}
        super().__init__(
            verbose_name=kolom.label,
            accessor=kolom.sleutel,
            empty_values=(),
            attrs=attrs,
            footer=lambda table: cijfer(subtotaal, kolom),
            **kwargs,
        )

    def render(self, value, record):
        return cijfer(record["_regel"], self.kolom)

    def value(self, record):
        """The plain figure for the CSV export: 6325, unknown empty."""
        return record["_regel"].waarde(self.kolom.sleutel)

    def voetwaarde(self):
        return self.subtotaal.waarde(self.kolom.sleutel)


class GebiedKolom(tables.Column):
    def render(self, value, record):
        regel: Regel = record["_regel"]
        return format_html(
            '<a href="{}">{}</a>', reverse("gemeente", args=[regel.knoop.code]), value
        )

    def value(self, value):
        return value


def regiotabel(
    blok: Blok, regio: Regel, gemeenten: list[Regel], kolommen_van_blok: list[Kolom]
) -> tables.Table:
    kolommen = {
        "naam": GebiedKolom(
            verbose_name=_("Municipality"),
            footer=_("Subtotal %(area)s") % {"area": regio.naam},
            attrs={"td": {"data-kolom": "naam"}},
        )
    }
    for kolom in kolommen_van_blok:
        kolommen[kolom.sleutel] = CijferKolom(kolom, regio)
    klasse = type("Regiotabel", (tables.Table,), kolommen)
    rijen = [
        {"naam": r.naam, "_regel": r, **{k: r.waarde(k) for k in r.waarden}} for r in gemeenten
    ]
    tabel = klasse(
        rijen,
        prefix=f"{blok.soort}-{regio.knoop.code}-",
        attrs={
            "class": "cijfers utrecht-table utrecht-table--html-table sorteerbaar",
            "data-blok": f"{blok.soort}-regio",
            "data-regio": regio.knoop.code,
            "aria-label": f"{blok.titel} – {regio.naam}",
        },
        orderable=True,
    )
    tabel.regio = regio
    return tabel


def regiotabellen(blok: Blok) -> list[tables.Table]:
    """One table per region that has gemeente rows; a province without regions
    (Flevoland) gets one table for the province itself."""
    uit = []
    zichtbaar = blok.zichtbare_kolommen
    for regel in blok.regels:
        onder = {id(k) for k in regel.knoop.kinderen}
        kinderen = [r for r in blok.regels if id(r.knoop) in onder and r.knoop.is_gemeente]
        if kinderen:
            uit.append(regiotabel(blok, regel, kinderen, zichtbaar))
    return uit
