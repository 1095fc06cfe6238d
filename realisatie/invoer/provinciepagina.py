"""The start page of a province's data entry: its peildata with what can be done with
each, the statushouders months, the import and the other registers."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone

from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgavebesluit, Opgavesoort
from realisatie.invoer.forms import PeildatumForm
from realisatie.invoer.statushouderviews import halfjaar_url
from realisatie.models import Peildatum
from toegang.beleid import mag_bewerken


@dataclass(frozen=True)
class Peildatumregel:
    peildatum: Peildatum
    statushouders_url: str  # the half-year table up to the last month it counts


def provinciepagina(request, provincie, *, form=None, status: int = 200):
    return render(
        request,
        "invoer/provincie.html",
        {
            "provincie": provincie,
            "peildata": [
                Peildatumregel(p, halfjaar_url(provincie.code, p.datum))
                for p in Peildatum.objects.van_provincie(provincie).prefetch_related("heropeningen")
            ],
            "form": form or PeildatumForm(),
            "mag_bewerken": mag_bewerken(request.user, provincie),
            "taakstellingbesluiten": Opgavebesluit.objects.filter(
                soort=Opgavesoort.STATUSHOUDERS
            ).order_by("-halfjaar"),
            "huidig_halfjaar": Halfjaar.voor_datum(timezone.localdate()),
        },
        status=status,
    )
