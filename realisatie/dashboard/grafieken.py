"""Chart data for `static/js/grafieken.js` (ECharts, SVG renderer, aria on).

Only the figures already computed go in; the same figures are in the table next to
every chart. Labels are Dutch-formatted here, so the chart and its table agree.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from realisatie.templatetags.cijfers import datum_kort
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
