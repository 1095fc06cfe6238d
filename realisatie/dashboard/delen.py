"""The province dashboard in parts: per opgave its block and its table of the
provinciaal plan, rendered as fragments that the page joins (`_deel_blokken.html`).

On the page of an open peildatum each part is kept under the state of the tables it
reads (`realisatie.actueel.bewaard_bij`): a grid save of the Oekraïne counts makes the
Oekraïne part anew and leaves the asiel and statushouders parts as they were kept, so
the first request after a day's change computes one block instead of three. A change of
what every part reads (the gemeenten, the besluiten) makes all three anew. The
vastgestelde page is joined from the same fragments at vaststellen
(`vaststellingen.inhoud`), so both show one rendering of a block.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from gemeenten.boom import Knoop
from gemeenten.models import Provincie
from opgaven.models import Opgavesoort
from realisatie import actueel, bronnen
from realisatie.dashboard import tables
from realisatie.dashboard.pagina import Dashboard, dashboard
from realisatie.halfjaarverloop import halfjaarverloop
from realisatie.overzicht import Blok, ProvincieOverzicht, deeloverzicht, provinciegebied

# What no part reads: the records of vaststellen and heropenen (a page of an open
# peildatum is computed from the figures, never from a record), and what the page shows
# beside the parts, kept apart (the regietafel's open requests).
_RECORDS = frozenset(
    {
        "realisatie_heropening",
        "vaststellingen_publicatie",
        "vaststellingen_vastlegging",
        "vaststellingen_vaststelling",
        *actueel.GEVOLGD_ERBIJ,
    }
)
_REGISTER = frozenset(
    {"realisatie_opvanglocatie", "realisatie_capaciteitsperiode", "realisatie_locatieaandeel"}
)

# The followed tables each part never reads; every other one counts for it, so a table
# added later is read by every part until shown otherwise. Checked by running each part
# and reading the tables in the SQL it sends (tests/realisatie/test_delen.py).
NIET_GELEZEN: dict[str, frozenset[str]] = {
    Opgavesoort.ASIEL: _RECORDS | {"realisatie_oekrainetelling", "realisatie_huisvesting"},
    Opgavesoort.OEKRAINE: _RECORDS
    | _REGISTER
    | {"realisatie_asieltelling", "realisatie_huisvesting"},
    Opgavesoort.STATUSHOUDERS: _RECORDS
    | _REGISTER
    | {"realisatie_asieltelling", "realisatie_oekrainetelling"},
}


@dataclass(frozen=True)
class Deel:
    """One opgave's part of the province page."""

    blok: Blok  # without its rows: what the stand and the sources line say of it
    sectie: SafeString  # the block as the page shows it
    plan: SafeString  # its table of the provinciaal plan


def fragmenten(beeld: Dashboard, request) -> list[Deel]:
    """The parts of `beeld`, each block's fragments rendered for `request` (its
    parameters are in the CSV links)."""
    plannen = {plan.sleutel: plan for plan in beeld.plantabellen}
    delen = []
    for blokbeeld in beeld.blokken:
        soort = blokbeeld.blok.soort
        context = {"request": request, "beeld": blokbeeld}
        sectie = render_to_string("realisatie/_blok.html", context)
        context["tabel"] = tables.plantabel_van(beeld, soort)
        if soort == Opgavesoort.STATUSHOUDERS:
            plan = render_to_string("realisatie/_plantabel_statushouders.html", context)
        else:
            context["plan"] = plannen[soort]
            plan = render_to_string("realisatie/_plantabel.html", context)
        # Safe: rendered by our own templates, escaped there.
        delen.append(Deel(replace(blokbeeld.blok, regels=[]), mark_safe(sectie), mark_safe(plan)))
    return delen


def deel(provincie: Provincie, datum: datetime.date, boom: Knoop, soort: str, request) -> Deel:
    """The part of `soort` of the page of `provincie` on `datum`, computed now.

    Statushouders: the half-year history first, so that inside a leesronde the block
    takes its half year's taakstellingen and housing from the history's reads
    (`realisatie.bronnen`) instead of reading them again."""
    verloop = None
    if soort == Opgavesoort.STATUSHOUDERS:
        verloop = halfjaarverloop(provincie, boom, datum, provincie.code, alleen=True)
    overzicht = deeloverzicht(provincie, datum, boom, soort)
    beeld = dashboard(provincie, datum, overzicht=overzicht, verloop=verloop)
    return fragmenten(beeld, request)[0]


def provinciepagina(
    provincie: Provincie, datum: datetime.date, request, *, bewaren: bool
) -> tuple[ProvincieOverzicht, list[Deel]]:
    """What the page of `provincie` on `datum` shows: its overview (title, dates, what
    each block stands on) and its three parts.

    With `bewaren` (the page itself, on PostgreSQL, outside a transaction) each part is
    made once per state of the tables it reads and its rows are not in the overview;
    otherwise all three are computed now, sharing their reads."""
    standen = actueel.tabelstanden_van(request) if bewaren else None
    if standen is None:
        beeld = dashboard(provincie, datum)
        return beeld.overzicht, fragmenten(beeld, request)
    boom: list[Knoop] = []  # the province's tree, read when a part is made

    def maken(soort: str) -> Deel:
        if not boom:
            boom.append(provinciegebied(provincie, datum))
        return deel(provincie, datum, boom[0], soort, request)

    with bronnen.leesronde(een_datum=True):  # the parts made now share their reads
        delen = [
            actueel.bewaard_bij(
                standen,
                NIET_GELEZEN[soort],
                lambda soort=soort: maken(soort),
                "deel",
                soort,
                provincie.pk,
                datum,
                request.GET.urlencode(),
            )
            for soort in Opgavesoort.values
        ]
    overzicht = ProvincieOverzicht(
        provincie=provincie,
        datum=datum,
        peildata=bronnen.peildata(provincie),
        blokken=[deel.blok for deel in delen],
        boom=boom[0] if boom else None,
    )
    return overzicht, delen
