"""Dutch formatting of figures: 9.274, tekort 1.201, 43%, and unknown never shown as 0.

The formatting itself is `prt.formaat`; this library adds what a cell says about its
figure: the sign in words, where a total comes from and an older figure beside it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from prt import formaat
from realisatie.aggregatie import ONBEKEND, Bron, Cijfer, Herkomst, Tekenregel

register = template.Library()

aantal = register.filter("aantal", formaat.aantal)
procent = register.filter("procent", formaat.procent)
datum_kort = register.filter("datum_kort", formaat.datum_kort)
datums_kort = register.filter("datums_kort", formaat.datums_kort)
datum_lang = register.filter("datum_lang", formaat.datum_lang)
plaatsentotaal = register.filter("plaatsentotaal", formaat.plaatsentotaal)

# The active language while a table writes its cells (`een_taal`): Django's
# get_language reads a thread-local on every call, and a province page has over a
# thousand cells.
_tabeltaal: ContextVar[str | None] = ContextVar("tabeltaal", default=None)


@contextmanager
def een_taal() -> Iterator[None]:
    """Within it, the cells read the active language once, not once per cell. Nothing
    inside may switch the language."""
    token = _tabeltaal.set(get_language())
    try:
        yield
    finally:
        _tabeltaal.reset(token)


def _actieve_taal() -> str | None:
    return _tabeltaal.get() or get_language()


def in_woorden(waarde: int, teken: str) -> str:
    """The sign of a derived figure in words: −1.201 "tekort 1.201", 499 "nog te
    huisvesten 499" (`realisatie.aggregatie.Tekenregel`); 0 stays 0."""
    if not teken or waarde == 0:
        return formaat.aantal(waarde)
    return _woorden(teken, waarde < 0, _actieve_taal()) % {"n": formaat.aantal(abs(waarde))}


@lru_cache(maxsize=64)
def _woorden(teken: str, negatief: bool, _taal: str | None) -> str:
    """The words of a sign rule for a negative or positive figure, once per language
    (a table has hundreds of them)."""
    if teken == Tekenregel.VERSCHIL:
        return _("shortfall %(n)s") if negatief else _("surplus %(n)s")
    if teken == Tekenregel.ACHTERSTAND:
        return _("ahead by %(n)s") if negatief else _("backlog %(n)s")
    if teken == Tekenregel.STAND:
        return _("ahead by %(n)s") if negatief else _("still to house %(n)s")
    raise ValueError(f"Onbekende tekenregel {teken!r}.")


def herkomst_in_woorden(cijfer: Cijfer) -> str:
    """ "locatieregister", "ingevoerde aantallen" or both, for a figure's herkomst."""
    return _herkomstwoorden(tuple(cijfer.herkomst), _actieve_taal())


@lru_cache(maxsize=64)
def _herkomstwoorden(herkomst: tuple[str, ...], _taal: str | None) -> str:
    """The words of a herkomst, once per language (the asiel table names the source of
    every row)."""
    woorden = {
        Herkomst.REGISTER: _("location register"),
        Herkomst.INVOER: _("entered figures"),
        Herkomst.BESLUIT: _("decision"),
    }
    return ", ".join(woorden[h] for h in herkomst if h in woorden)


def celtekst(cijfer: Cijfer, kolom) -> str:
    """The plain text of a known figure in a column: 9.274, 90%, tekort 1.201."""
    if kolom.percentage:
        return formaat.procent(cijfer.waarde)
    return in_woorden(cijfer.waarde, kolom.teken)


@register.simple_tag
def cijfer(regel, kolom, zichtbaar: bool = False) -> SafeString:
    """One cell: the formatted figure plus a marker saying where a total comes from.

    Unknown shows as a dash with a hidden "niet geregistreerd", or with `zichtbaar`
    as the words themselves (the provinciaal plan's tables).

    A dashboard has thousands of cells: the HTML is put together with the standard
    library's `html.escape` (what Django's `escape` does too), not `format_html`."""
    uitkomst: Cijfer = regel.waarden.get(kolom.sleutel, ONBEKEND)
    taal = _actieve_taal()
    if uitkomst.waarde is None:
        return _onbekend_cel(zichtbaar, taal)
    tekst = celtekst(uitkomst, kolom)
    if uitkomst.geschat and not kolom.percentage and not kolom.teken:
        # "≈ 3.700, waarvan 100 geschat": a total that includes an estimate says so.
        tekst = _("≈ %(totaal)s, of which %(geschat)s estimated") % {
            "totaal": tekst,
            "geschat": formaat.aantal(uitkomst.geschat),
        }
    klasse = "negatief" if uitkomst.waarde < 0 else ""
    titel = _titel(uitkomst.herkomst, uitkomst.peildatum, taal)
    uit = f'<span class="{klasse}"{titel}>{escape(tekst)}</span>'
    if uitkomst.bron == Bron.ONVOLLEDIG:
        uit += _bronmarkering("onvolledig", taal)
    elif uitkomst.bron == Bron.GEBIED and regel.knoop.kinderen:
        uit += _bronmarkering("gebied", taal)
    if uitkomst.ouder is not None:
        ouder = _("(earlier figure for the area as a whole: %(value)s on %(date)s)") % {
            "value": formaat.aantal(uitkomst.ouder.waarde),
            "date": formaat.datum_kort(uitkomst.ouder.peildatum),
        }
        uit += f' <span class="ouder">{escape(ouder)}</span>'
    # Safe: every text in it went through escape above, or is markup of this module.
    # SafeString itself, as mark_safe makes of a str: its check for lazy arguments
    # costs more than the rest of a cell.
    return SafeString(uit)


def onbekende_cel(*, zichtbaar: bool) -> SafeString:
    """The cell of an unknown figure: a dash with a hidden "niet geregistreerd", or with
    `zichtbaar` the words themselves."""
    return _onbekend_cel(zichtbaar, _actieve_taal())


@lru_cache(maxsize=16)
def _onbekend_cel(zichtbaar: bool, _taal: str | None) -> SafeString:
    """The cell of an unknown figure, once per language."""
    if zichtbaar:
        return format_html('<span class="onbekend">{}</span>', _("not registered"))
    return format_html(
        '<span class="onbekend" title="{0}"><span aria-hidden="true">–</span>'
        '<span class="visueel-verborgen">{0}</span></span>',
        _("not registered"),
    )


@lru_cache(maxsize=16)
def _bronmarkering(soort: str, _taal: str | None) -> str:
    """The marker after a total: "(onvolledig)" or "*", once per language."""
    if soort == "onvolledig":
        return format_html(
            ' <span class="bron" title="{}">({})</span>',
            _("Not all underlying areas have a figure."),
            _("incomplete"),
        )
    return format_html(
        ' <span class="bron" title="{}">*</span>',
        _("Figure set for this area as a whole, not per municipality."),
    )


@lru_cache(maxsize=1024)
def _titel(herkomst: tuple[str, ...], peildatum: datetime.date | None, taal: str | None) -> str:
    """The title attribute of every figure with this herkomst and peildatum (empty
    without a tooltip): a table has only a few of them and thousands of cells, so it is
    translated and escaped once per language."""
    delen = []
    if woorden := _herkomstwoorden(herkomst, taal):
        delen.append(_("source: %(source)s") % {"source": woorden})
    if peildatum is not None and Herkomst.BESLUIT not in herkomst:
        delen.append(_("reference date %(date)s") % {"date": formaat.datum_kort(peildatum)})
    return f' title="{escape("; ".join(delen))}"' if delen else ""
