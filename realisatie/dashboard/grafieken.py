"""Chart data for `static/js/grafieken.js` (ECharts, SVG renderer, aria on).

Only the figures already computed go in; the same figures are in the table next to
every chart. Labels are Dutch-formatted here, so the chart and its table agree.
"""

from __future__ import annotations

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from realisatie.templatetags.cijfers import datum_kort
from realisatie.tijdlijn import Tijdlijn
from realisatie.trend import REEKSEN, Trendreeks
from realisatie.vooruitblik import Vooruitblik


def trend(reeks: Trendreeks) -> dict:
    opgave, _realisatie = REEKSEN[reeks.soort]
    return {
        "id": f"trend-{reeks.soort}",
        "titel": str(reeks.titel),
        "labels": [datum_kort(p.datum) for p in reeks.punten],
        "reeksen": [
            {
                "naam": _("To be housed") if opgave == "te_realiseren" else _("Target"),
                "soort": "line",
                "waarden": [p.opgave for p in reeks.punten],
            },
            {
                "naam": _("Realisation"),
                "soort": "line",
                "waarden": [p.realisatie for p in reeks.punten],
            },
        ],
    }


def vooruitblik(beeld: Vooruitblik) -> dict:
    return {
        "id": "vooruitblik",
        "titel": _("Asylum capacity per quarter against the target"),
        "labels": [str(k.kwartaal) for k in beeld.kwartalen],
        "reeksen": [
            *(
                {
                    "naam": naam,
                    "soort": "bar",
                    "stapel": "capaciteit",
                    "waarden": [getattr(k, veld) for k in beeld.kwartalen],
                }
                for veld, naam in (
                    ("gerealiseerd", _("realised")),
                    ("gepland", _("planned (firm plan)")),
                    ("voorgenomen", _("intended (decision to follow)")),
                )
            ),
            {"naam": _("Target"), "soort": "line", "waarden": [k.opgave for k in beeld.kwartalen]},
        ],
    }


def statushouders_per_maand(maanden) -> dict:
    """Housed so far per month as bars against the pace the schedule asks (n/6)."""
    return {
        "id": "statushouders-maanden",
        "titel": str(_("Status holders housed against the schedule")),
        "labels": [f"{MONTHS_3[m.maand.month]} {m.maand.year}" for m in maanden],
        "reeksen": [
            {
                "naam": _("Housed so far"),
                "soort": "bar",
                "waarden": [m.gehuisvest for m in maanden],
            },
            {
                "naam": _("Schedule (n/6 of to be housed)"),
                "soort": "line",
                "waarden": [m.volgens_schema for m in maanden],
            },
        ],
    }


def tijdlijn(lijn: Tijdlijn) -> dict:
    """A bar per location stacked per step: the bars add up to the table's total row."""
    return {
        "id": "tijdlijn",
        "titel": str(_("Places per location")),
        "labels": [datum_kort(d) for d in lijn.stappen],
        "reeksen": [
            {
                "naam": rij.locatie.naam,
                "soort": "bar",
                "stapel": "plaatsen",
                "waarden": waarden,
            }
            for rij, waarden in zip(lijn.rijen, lijn.waarden, strict=True)
        ],
    }
