"""Bijlage 2 (asiel per subregio and gemeente per quarter) and the asiel sheets of the
stand van zaken (per location; amv COA).

The figures per quarter are `realisatie.vooruitblik.asiel_per_kwartaal`, the same rows
the vooruitblik page shows for the province: gerealiseerd from the one asiel source of
each gemeente, gepland and voorgenomen from the register, only the soorten the opgave
counts, against the effective opgave in force on the first day of each quarter. This
module only lays them out; a subtotal in the sheet is a live SUM of the rows below it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opgaven.models import Locatiesoort, Opvangsoort
from prt.formaat import datum_kort
from realisatie.asielbron import uit_register
from realisatie.capaciteit import (
    GEPLAND,
    GEREALISEERD,
    STATUSSEN,
    VOORGENOMEN,
    Kwartaal,
    Plaatsenperiode,
    capaciteit_op,
)
from realisatie.exports.bijlagen import gebiedskolommen
from realisatie.exports.exporter import (
    Exporter,
    gebiedscel,
    gebiedskop,
    is_totaalrij,
    kinderen,
)
from realisatie.exports.werkboek import (
    Datum,
    Getal,
    Kolom,
    Rij,
    Subtotaal,
    Tabel,
    Tekst,
    Verschil,
)
from realisatie.models import Opvanglocatie
from realisatie.overzicht import provinciegebied, telling_in_woorden
from realisatie.vooruitblik import asiel_per_kwartaal

STATUS_LABELS = {
    GEREALISEERD: gettext_lazy("realised"),
    GEPLAND: gettext_lazy("planned"),
    VOORGENOMEN: gettext_lazy("intended"),
}


class Bijlage2(Exporter):
    """Asiel per subregio and gemeente for a range of quarters."""

    bestandsnaam = "bijlage-2-asiel"

    def __init__(self, *, eerste: Kwartaal, laatste: Kwartaal, **kwargs):
        super().__init__(**kwargs)
        self.eerste, self.laatste = eerste, laatste

    @property
    def titel(self) -> str:
        return _("Annex 2: asylum reception per quarter")

    def tabellen(self) -> Iterator[Tabel]:
        boom = provinciegebied(self.provincie, self.datum)
        beelden = asiel_per_kwartaal(self.provincie, boom, self.eerste, self.laatste)
        regels = beelden[0].regels
        onder = kinderen(regels)
        kolommen = gebiedskolommen()
        for beeld in beelden:
            k = beeld.kwartaal
            kolommen += [
                *(Kolom(f"{s}_{k}", str(STATUS_LABELS[s]), str(k)) for s in STATUSSEN),
                Kolom(f"opgave_{k}", _("Target"), str(k)),
                Kolom(f"verschil_{k}", _("Difference"), str(k)),
            ]
        rijen = []
        for i, gebied in enumerate(regels):
            cellen = gebiedskop(gebied)
            for beeld in beelden:
                regel = beeld.regels[i]
                k = beeld.kwartaal
                cellen += [
                    gebiedscel(regel.cijfer(s), onder[i])
                    for s in (GEREALISEERD, GEPLAND, VOORGENOMEN)
                ]
                cellen.append(gebiedscel(regel.cijfer("opgave_effectief"), onder[i]))
                cellen.append(
                    Verschil(
                        (f"{GEREALISEERD}_{k}", f"{GEPLAND}_{k}"),
                        f"opgave_{k}",
                        regel.waarde("verschil"),
                    )
                )
            rijen.append(Rij(cellen, vet=is_totaalrij(gebied)))
        tellingen = sorted({telling_in_woorden(b.telling.soorten) for b in beelden})
        yield Tabel(
            blad=_("Asylum per quarter"),
            titel=_("Asylum reception per subregion and municipality"),
            regels=[
                *self.regels(_("location register and entered figures (PRT Monitor)")),
                _(
                    "Places on the first day of each quarter; realised from the location "
                    "register where a municipality has locations, else from the entered "
                    "figures; planned and intended from the register."
                ),
                _("Counted toward the target: %(counted)s.") % {"counted": "; ".join(tellingen)},
                _("Difference = realised + planned − target (after exchange agreements)."),
            ],
            kolommen=kolommen,
            rijen=rijen,
        )


def locatietabel(exporter: Exporter, einde: datetime.date, locaties) -> Tabel:
    """Per location: regular places now and at `einde`, amv, other places, remarks.

    `locaties`: (location, its periods) as `realisatie.bronnen.locaties` gives them."""
    rijen = []
    namen = soortnamen()
    for locatie, perioden in locaties:
        gerealiseerd = [p for p in perioden if p.status == GEREALISEERD]
        vast = [p for p in perioden if p.status != VOORGENOMEN]
        soort = soort_op(perioden, exporter.datum)
        regulier = soort == Opvangsoort.RO
        nu = capaciteit_op(gerealiseerd, exporter.datum)
        later = capaciteit_op(vast, einde)
        contract = max((p.tot_en_met for p in perioden if p.tot_en_met is not None), default=None)
        rijen.append(
            Rij(
                [
                    Tekst(locatie.gemeente.naam),
                    Tekst(locatie.naam),
                    Tekst(namen.get(soort, soort)),
                    Getal(nu) if regulier else None,
                    Getal(later) if regulier else None,
                    Getal(_amv(gerealiseerd, exporter.datum)),
                    None if regulier else Getal(nu),
                    Datum(contract),
                    Tekst(locatie.opmerkingen),
                ]
            )
        )
    if rijen:
        alle = tuple(range(len(rijen)))
        rijen.append(
            Rij(
                [
                    Tekst(_("Total")),
                    None,
                    None,
                    *(Subtotaal(alle) for _k in range(4)),
                    None,
                    None,
                ],
                vet=True,
            )
        )
    return Tabel(
        blad=_("Asylum per location"),
        titel=_("Asylum reception per location"),
        regels=exporter.regels(_("location register (PRT Monitor)")),
        kolommen=[
            Kolom("gemeente", _("Municipality")),
            Kolom("locatie", _("Location")),
            Kolom("soort", _("Type")),
            Kolom("regulier", _("Regular, now")),
            Kolom("regulier_later", _("Regular on %(date)s") % {"date": datum_kort(einde)}),
            Kolom("amv", _("of which unaccompanied minors")),
            Kolom("overig", _("Other types, now")),
            Kolom("einde", _("End of contract")),
            Kolom("opmerkingen", _("Remarks")),
        ],
        rijen=rijen,
        leeg=_("No reception locations in the register for this province."),
    )


def _amv(perioden: list[Plaatsenperiode], datum: datetime.date) -> int:
    """Amv places on `datum`: a period's amv part, all places of an amv-only location."""
    stand = uit_register(perioden, datum)
    return stand.amv if stand is not None else 0


def locaties(provincie) -> list[tuple[Opvanglocatie, list[Plaatsenperiode]]]:
    """Every location of the province's gemeenten with its capacity periods."""
    uit = []
    for locatie in (
        Opvanglocatie.objects.filter(gemeente__provincie=provincie)
        .select_related("gemeente")
        .prefetch_related("perioden")
        .order_by("gemeente__naam", "naam")
    ):
        uit.append(
            (
                locatie,
                [
                    Plaatsenperiode(
                        p.plaatsen,
                        p.waarvan_amv,
                        p.van,
                        p.tot_en_met,
                        p.status,
                        p.soort_id,
                        p.geschat,
                        p.verlengbaar_tot,
                        p.einde_onbekend,
                        locatie.pk,
                    )
                    for p in locatie.perioden.all()
                ],
            )
        )
    return uit


def soort_op(perioden, datum: datetime.date) -> str:
    """The kind of a location on `datum`: that of its latest period begun by then, else
    of its first period (a location changes kind over time)."""
    begonnen = [p for p in perioden if p.van <= datum]
    gekozen = (
        max(begonnen, key=lambda p: p.van)
        if begonnen
        else min(perioden, key=lambda p: p.van, default=None)
    )
    return gekozen.soort if gekozen else ""


def soortnamen() -> dict[str, str]:
    return dict(Locatiesoort.objects.values_list("code", "naam"))
