"""The regietafel's pieces on other apps' pages, and the cells of its print views.

- `{% verzoeken_naast_opgave provincie %}`: the open requests of the Rijk with how far
  each is met, for the province dashboard beside the structural opgave;
- `{% toezicht_van_gemeente gemeente %}`: the gemeente page's toezicht regime, its
  agreements and its earlier regimes;
- `{% cel %}` / `{% celklasse %}`: a `werkboek` cell on screen (9.274, 1-1-2024, 43%),
  so a print view shows exactly the table its Excel download holds.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from realisatie import actueel
from realisatie.exports.werkboek import (
    Datum,
    Getal,
    Onbekend,
    Percentage,
    Subtotaal,
    Tekst,
    Verschil,
)
from realisatie.templatetags.cijfers import aantal, datum_kort, procent
from regietafel.exports import extra_plaatsen_regel
from regietafel.selectors import open_verzoeken
from regietafel.selectors import toezicht_van_gemeente as regimes_van

register = template.Library()


# The tables the open requests read: the requests, their areas and the register
# (tests/regietafel/test_verzoek.py reads them from the SQL the tag sends).
VERZOEKEN_LEEST = frozenset(
    {
        "regietafel_verzoek",
        "gemeenten_provincie",
        "gemeenten_veiligheidsregio",
        "gemeenten_subregio",
        "gemeenten_gemeente",
        "realisatie_opvanglocatie",
        "realisatie_capaciteitsperiode",
    }
)


@register.simple_tag(takes_context=True)
def verzoeken_naast_opgave(context, provincie):
    """The block, rendered once per state of the tables it reads (`realisatie.actueel`):
    a dashboard served from memory does not read the requests and the register again."""

    def maken() -> str:
        regels = {
            "provincie": provincie,
            "standen": open_verzoeken(provincie),
            "regel": extra_plaatsen_regel(),
        }
        return render_to_string("regietafel/_verzoeken.html", regels)

    request = getattr(context, "request", None)
    standen = actueel.tabelstanden_van(request) if request is not None else None
    blok = actueel.bewaard_van(standen, VERZOEKEN_LEEST, maken, "verzoeken", provincie.pk)
    return mark_safe(blok)  # rendered, and escaped, by the template


@register.inclusion_tag("regietafel/_toezicht_gemeente.html")
def toezicht_van_gemeente(gemeente, datum=None):
    """The regime in force on `datum` (default today) and every regime as history."""
    datum = datum or timezone.localdate()
    regimes = regimes_van(gemeente)
    huidig = next((t for t in regimes if t.sinds <= datum), None)
    return {"gemeente": gemeente, "huidig": huidig, "regimes": regimes, "datum": datum}


@register.simple_tag
def regel_extra_plaatsen() -> str:
    return extra_plaatsen_regel()


@register.simple_tag
def cel(waarde) -> str:
    if isinstance(waarde, Tekst):
        return waarde.waarde
    if isinstance(waarde, Datum):
        return datum_kort(waarde.waarde)
    if isinstance(waarde, Onbekend):
        notitie = waarde.notitie or _("not registered")
        return format_html('<span class="onbekend">{}</span>', notitie)
    if isinstance(waarde, Percentage):
        return _met_notitie(procent(waarde.waarde), waarde.notitie)
    if isinstance(waarde, Subtotaal | Verschil):
        return _met_notitie(aantal(waarde.waarde), waarde.notitie)
    if isinstance(waarde, Getal):
        return aantal(waarde.waarde)
    return ""


def _met_notitie(tekst: str, notitie: str) -> str:
    """A total built from incomplete figures says so on screen, as in the workbook."""
    if not notitie:
        return tekst
    return format_html(
        '{} <span class="bron" title="{}">({})</span>', tekst, notitie, _("incomplete")
    )


@register.filter
def koppen(tabel) -> list[tuple[object, str]]:
    """Each column with its alignment: text columns left, figures right."""
    tekst = [
        any(isinstance(rij.cellen[i], Tekst) for rij in tabel.rijen if len(rij.cellen) > i)
        for i in range(len(tabel.kolommen))
    ]
    return [(kolom, "links" if tekst[i] else "getal") for i, kolom in enumerate(tabel.kolommen)]


@register.simple_tag
def celklasse(waarde) -> str:
    """Text left-aligned and wrapped, figures right-aligned; negative figures red."""
    if isinstance(waarde, Tekst):
        return "tekst"
    getal = getattr(waarde, "waarde", None)
    return "negatief" if isinstance(getal, int) and getal < 0 else ""
