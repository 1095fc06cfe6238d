"""Dutch formatting of figures: 9.274, -1.201, 43%, and unknown never shown as 0."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from opgaven.gebiedsopgave import Bron, Gebiedsopgave

register = template.Library()

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


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
def datum_lang(waarde: datetime.date | None) -> str:
    """1 januari 2024."""
    if waarde is None:
        return ""
    return f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


@register.simple_tag
def cijfer(regel, kolom) -> str:
    """One cell: the formatted figure plus a marker saying where a total comes from."""
    uitkomst: Gebiedsopgave = regel.waarden.get(kolom.sleutel, Gebiedsopgave(None, Bron.ONBEKEND))
    if uitkomst.waarde is None:
        return format_html(
            '<span class="onbekend" title="{0}"><span aria-hidden="true">–</span>'
            '<span class="visueel-verborgen">{0}</span></span>',
            _("niet geregistreerd"),
        )
    tekst = procent(uitkomst.waarde) if kolom.percentage else aantal(uitkomst.waarde)
    klasse = "negatief" if uitkomst.waarde < 0 else ""
    if uitkomst.bron == Bron.ONVOLLEDIG:
        return format_html(
            '<span class="{}">{}</span> <span class="bron" title="{}">({})</span>',
            klasse,
            tekst,
            _("Niet alle onderliggende gebieden hebben een cijfer."),
            _("onvolledig"),
        )
    if uitkomst.bron == Bron.GEBIED and regel.knoop.kinderen:
        return format_html(
            '<span class="{}">{}</span> <span class="bron" title="{}">*</span>',
            klasse,
            tekst,
            _("Cijfer vastgesteld voor dit gebied als geheel, niet per gemeente."),
        )
    return format_html('<span class="{}">{}</span>', klasse, tekst)
