"""The three tables of a provinciaal plan, reproduced from the province overview.

- "Realisatie asielopgave per <peildatum>": asielopgave, realisatie on the peildatum,
  the planned realisatie a quarter later (a plan), verschil = planned − opgave, and the
  RO / NO / TGO / amv split of the planned figure, as the plan prints it.
- "Realisatie taakstelling huisvesting statushouders": per half year the taakstelling
  with the published voor/achterstand in brackets, and the realisatie.
- "Realisatie opgave opvang ontheemden Oekraïne" per veiligheidsregio: opgave, GOO,
  verschil and POO ("niet geregistreerd" where unknown).

Worked example (Gelderland provinciaal plan 2024, peildatum 1-1-2024): 7.590 / 9.274 /
10.238 / 2.648 / 5.529 / 3.399 / 1.310 / 995; 2023-I 2.548 (−316) 1.786, 2023-II 2.116
(+519) 1.847, 2024-I 2.251 (+788); Oekraïne 12.284 / 11.083 / −1.201.

Nothing is computed here: the rows are the overview's own rows (`provincie_overzicht`)
and `halfjaarverloop`; this module only chooses rows and labels the columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gemeenten.models import Niveau
from prt.formaat import datum_kort
from realisatie.aggregatie import Regel, Tekenregel
from realisatie.overzicht import Blok, Kolom, ProvincieOverzicht


@dataclass
class Plantabel:
    sleutel: str
    titel: str
    kolommen: list[Kolom]
    regels: list[Regel]


def asieltabel(overzicht: ProvincieOverzicht) -> Plantabel:
    blok = overzicht.blok("asiel")
    peildatum = datum_kort(blok.peildata[-1] if blok.peildata else overzicht.datum)
    gepland_op = datum_kort(blok.gepland_op) if blok.gepland_op else "—"
    opgave_per = datum_kort(blok.besluit.streefdatum) if blok.besluit else "—"
    split = _("split of the planned realisation")
    return Plantabel(
        sleutel="asiel",
        titel=_("Realisation asylum target as of %(date)s") % {"date": peildatum},
        regels=_bovenste_regels(blok),
        kolommen=[
            Kolom(
                "opgave_effectief",
                _("Asylum target %(date)s") % {"date": opgave_per},
                _("After exchange agreements, if any."),
            ),
            Kolom("realisatie", _("Realisation %(date)s") % {"date": peildatum}),
            Kolom(
                "gepland",
                _("Planned realisation %(date)s (plan)") % {"date": gepland_op},
                _("A plan, not a realisation."),
            ),
            Kolom(
                "verschil_gepland",
                _("Difference"),
                _("Planned realisation − asylum target."),
                teken=Tekenregel.VERSCHIL,
            ),
            Kolom("gepland_regulier", pgettext("asylum reception type", "RO"), split),
            Kolom("gepland_noodopvang", pgettext("asylum reception type", "NO"), split),
            Kolom("gepland_tgo", pgettext("asylum reception type", "TGO"), split),
            Kolom("gepland_amv", _("unaccompanied minors"), split),
        ],
    )


def oekrainetabel(overzicht: ProvincieOverzicht) -> Plantabel:
    blok = overzicht.blok("oekraine")
    peildatum = datum_kort(blok.peildata[-1] if blok.peildata else overzicht.datum)
    opgave_per = datum_kort(blok.besluit.streefdatum) if blok.besluit else "—"
    regios = [
        r
        for r in blok.regels[1:]
        if any(niveau == Niveau.VEILIGHEIDSREGIO for niveau, _pk in r.knoop.sleutels)
    ]
    return Plantabel(
        sleutel="oekraine",
        titel=_("Realisation target reception of displaced persons from Ukraine as of %(date)s")
        % {"date": peildatum},
        regels=[*regios, blok.totaal],
        kolommen=[
            Kolom(
                "opgave_effectief",
                _("Target %(date)s") % {"date": opgave_per},
                _("After exchange agreements, if any."),
            ),
            Kolom("realisatie", _("Realisation GOO")),
            Kolom("verschil", _("Difference"), teken=Tekenregel.VERSCHIL),
            Kolom("poo", _("Realisation POO"), _("Private reception; empty = not registered.")),
        ],
    )


def _bovenste_regels(blok: Blok) -> list[Regel]:
    """The province and the regions directly below it that have a figure."""
    return [
        r
        for r in blok.regels
        if r.knoop.diepte == 0
        or (r.knoop.diepte == 1 and not r.knoop.is_gemeente and r.waarde("realisatie") is not None)
    ]
