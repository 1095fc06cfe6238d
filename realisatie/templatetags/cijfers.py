"""Dutch formatting of figures: 9.274, -1.201, 43%, and unknown never shown as 0."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from opgaven.gebiedsopgave import Bron, Gebiedsopgave

register = template.Library()


@register.filter
def aantal(waarde: int | None) -> str:
    """9274 -> "9.274"; None -> "—"."""
    if waarde is None:
        return "—"
    return formats.number_format(waarde, use_l10n=True, force_grouping=True)


@register.filter
def procent(waarde: int | None) -> str:
    if waarde is None:
        return "—"
    return f"{aantal(waarde)}%"


@register.filter
def datum_kort(waarde: datetime.date | None) -> str:
    """1-1-2024."""
    if waarde is None:
        return ""
    return f"{waarde.day}-{waarde.month}-{waarde.year}"


@register.filter
def datums_kort(waarden) -> str:
    """[1-1-2024, 8-1-2024] -> "1-1-2024, 8-1-2024" (one value for a translated sentence)."""
    return ", ".join(datum_kort(w) for w in waarden)


@register.filter
def datum_lang(waarde: datetime.date | None) -> str:
    """1 januari 2024: the active language's DATE_FORMAT (Dutch: "j F Y")."""
    if waarde is None:
        return ""
    return formats.date_format(waarde, "DATE_FORMAT")


@register.simple_tag
def cijfer(regel, kolom, zichtbaar: bool = False) -> str:
    """One cell: the formatted figure plus a marker saying where a total comes from.

    Unknown shows as a dash with a hidden "niet geregistreerd", or with `zichtbaar`
    as the words themselves (the provinciaal plan's tables)."""
    uitkomst: Gebiedsopgave = regel.waarden.get(kolom.sleutel, Gebiedsopgave(None, Bron.ONBEKEND))
    if uitkomst.waarde is None and zichtbaar:
        return format_html('<span class="onbekend">{}</span>', _("not registered"))
    if uitkomst.waarde is None:
        return format_html(
            '<span class="onbekend" title="{0}"><span aria-hidden="true">–</span>'
            '<span class="visueel-verborgen">{0}</span></span>',
            _("not registered"),
        )
    tekst = procent(uitkomst.waarde) if kolom.percentage else aantal(uitkomst.waarde)
    klasse = "negatief" if uitkomst.waarde < 0 else ""
    if uitkomst.bron == Bron.ONVOLLEDIG:
        return format_html(
            '<span class="{}">{}</span> <span class="bron" title="{}">({})</span>',
            klasse,
            tekst,
            _("Not all underlying areas have a figure."),
            _("incomplete"),
        )
    if uitkomst.bron == Bron.GEBIED and regel.knoop.kinderen:
        return format_html(
            '<span class="{}">{}</span> <span class="bron" title="{}">*</span>',
            klasse,
            tekst,
            _("Figure set for this area as a whole, not per municipality."),
        )
    return format_html('<span class="{}">{}</span>', klasse, tekst)
