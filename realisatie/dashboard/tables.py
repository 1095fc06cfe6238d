"""Sortable tables (django-tables2) of a dashboard block: one per veiligheidsregio or
subregio with its gemeenten, the region's subtotal in the footer.

The cells are the overview's own figures (`Regel.waarden`); a table only sorts and
formats them, it never adds up.

Speed: a province page shows ~1.000 figure cells in these tables. django-tables2's
per-cell path (accessor, `inspect.signature` of `render`, attributes) cost ~0,1 ms a
cell, most of the page. So every row carries its cells formatted once (`cellen`, the
same HTML the block's own table shows) and the table's template writes them as they
are; the columns still define the header, sorting, footer and the values an export
reads (`value`).
"""

from __future__ import annotations

import copy

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from gemeenten.boom import Knoop
from realisatie.overzicht import Blok, Kolom, Regel
from realisatie.templatetags.cijfers import cijfer


class _Kolom(tables.Column):
    """A table deep-copies its columns, so that an instance may change them. These are
    never changed after they are made (a copy of the object is enough: what django-tables2
    sets, it sets as an attribute), and 21 regional tables of ~10 deep-copied columns
    were a tenth of the page."""

    def __deepcopy__(self, memo):
        return copy.copy(self)


class CijferKolom(_Kolom):
    """A figure; sorts on the number, unknown (None) last, shows `{% cijfer %}`."""

    def __init__(self, kolom: Kolom, **kwargs):
        self.kolom = kolom
        attrs = {"td": {"data-kolom": kolom.sleutel}, "tf": {"data-kolom": kolom.sleutel}}
        if kolom.uitleg:
            attrs["th"] = {"title": kolom.uitleg}
        super().__init__(
            verbose_name=kolom.label,
            accessor=kolom.sleutel,
            empty_values=(),
            attrs=attrs,
            footer=lambda table: cijfer(table.regio, kolom),  # the region's subtotal
            **kwargs,
        )

    def render(self, value, record):
        return cijfer(record["_regel"], self.kolom)

    def value(self, value, record):
        """The plain figure for the CSV export: 6325, unknown empty."""
        return value

    def voetwaarde(self, table):
        """The region's subtotal as a plain figure, for the CSV export."""
        return table.regio.waarde(self.kolom.sleutel)


class GebiedKolom(_Kolom):
    def render(self, value, record):
        return _gebied(record["_regel"])

    def value(self, value, record):
        return value


def _gebied(regel: Regel, link: str | None = None) -> SafeString:
    link = link or reverse("gemeente", args=[regel.knoop.code])
    return format_html('<a href="{}">{}</a>', link, regel.naam)


def gebiedslinks(boom: Knoop, provinciecode: str) -> dict[str, str]:
    """The page of every area below the province, by code: once per page, not per row."""
    return {
        knoop.code: reverse("gemeente", args=[knoop.code])
        if knoop.is_gemeente
        else reverse("gebied", args=[provinciecode, knoop.code])
        for knoop in boom.doorlopen()
        if knoop.diepte > 0
    }


def cellen(regel: Regel, kolommen: list[Kolom]) -> SafeString:
    """The figure cells of one row, `<td data-kolom="...">`, for every visible column."""
    # Safe: each cell is `cijfer`'s escaped HTML; `sleutel` is a name from the code.
    return mark_safe(
        "".join(f'<td data-kolom="{k.sleutel}">{cijfer(regel, k)}</td>' for k in kolommen)
    )


def regiotabel_klasse(kolommen_van_blok: list[Kolom]) -> type[tables.Table]:
    """The table class of a block's regions: the same columns for every region, the
    footer reads the subtotal from the table's `regio`. One class per block, not per
    region, and columns without a reference to a row: a table deep-copies its columns."""
    kolommen = {
        "naam": GebiedKolom(
            verbose_name=_("Municipality"),
            footer=lambda table: _("Subtotal %(area)s") % {"area": table.regio.naam},
            attrs={"td": {"data-kolom": "naam"}},
        )
    }
    for kolom in kolommen_van_blok:
        kolommen[kolom.sleutel] = CijferKolom(kolom)
    return type("Regiotabel", (tables.Table,), kolommen)


def regiotabel(
    blok: Blok,
    regio: Regel,
    gemeenten: list[Regel],
    kolommen_van_blok: list[Kolom],
    geformatteerd: dict[int, SafeString] | None = None,
    klasse: type[tables.Table] | None = None,
    links: dict[str, str] | None = None,
) -> tables.Table:
    """`geformatteerd`: the rows' cells by `id(regel)` when already formatted;
    `klasse`: the block's `regiotabel_klasse` when already made; `links`: the
    `gebiedslinks` of the province when already made."""
    klasse = klasse or regiotabel_klasse(kolommen_van_blok)
    geformatteerd = geformatteerd or {}
    links = links or {}
    rijen = [
        {
            "naam": r.naam,
            "_regel": r,
            "cellen": format_html(
                '<td data-kolom="naam">{}</td>', _gebied(r, links.get(r.knoop.code))
            )
            + (geformatteerd.get(id(r)) or cellen(r, kolommen_van_blok)),
            **{k: r.waarde(k) for k in r.waarden},
        }
        for r in gemeenten
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
        template_name="realisatie/_regiotabel.html",
    )
    tabel.regio = regio
    # The footer cells written once, as the rows' (the columns' `footer` gives the same
    # for an export, but resolving it per cell cost a tenth of the page).
    tabel.voet = format_html("<td>{}</td>", _("Subtotal %(area)s") % {"area": regio.naam}) + (
        geformatteerd.get(id(regio)) or cellen(regio, kolommen_van_blok)
    )
    return tabel


def regiotabellen(
    blok: Blok,
    geformatteerd: dict[int, SafeString] | None = None,
    links: dict[str, str] | None = None,
) -> list[tables.Table]:
    """One table per region that has gemeente rows; a province without regions
    (Flevoland) gets one table for the province itself."""
    uit = []
    zichtbaar = blok.zichtbare_kolommen
    klasse = regiotabel_klasse(zichtbaar)
    per_knoop = {id(r.knoop): r for r in blok.regels}
    for regel in blok.regels:
        kinderen = [
            per_knoop[id(k)] for k in regel.knoop.kinderen if k.is_gemeente and id(k) in per_knoop
        ]
        if kinderen:
            uit.append(regiotabel(blok, regel, kinderen, zichtbaar, geformatteerd, klasse, links))
    return uit
