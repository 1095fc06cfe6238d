"""Bijlage 2 (asiel per subregio and gemeente per quarter, 2024-2026) and the asiel
sheets of the stand van zaken (per location; amv COA).

Capacity per quarter comes from the location register through
`realisatie.capaciteit.capaciteit_per_kwartaal` (measured on the first day of each
quarter); the opgave of each quarter is the one `provincie_overzicht` shows on that
day. A gemeente without locations in the register has no figure (empty cell with a
note), not 0: Gelderland's and Overijssel's sources give totals, not locations.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.boom import Knoop, gebiedsboom
from gemeenten.models import Gemeente
from opgaven.gebiedsopgave import Bron, Gebiedsopgave
from opgaven.models import Opgavesoort
from realisatie.capaciteit import (
    STATUSSEN,
    Kwartaal,
    Status,
    amv_op,
    capaciteit_op,
    capaciteit_per_kwartaal,
    kwartalen,
)
from realisatie.exports.bijlagen import gebiedskolommen
from realisatie.exports.exporter import (
    Exporter,
    gebiedscel,
    gebiedskop,
    is_totaalrij,
    kinderen,
)
from realisatie.exports.register import locaties_met_perioden, perioden_per_gemeente
from realisatie.exports.werkboek import (
    Datum,
    Getal,
    Kolom,
    Onbekend,
    Rij,
    Subtotaal,
    Tabel,
    Tekst,
    Verschil,
)
from realisatie.models import Opvangsoort
from realisatie.overzicht import ONBEKEND, Blok, Regel, provincie_overzicht

STATUS_LABELS = {
    Status.GEREALISEERD: gettext_lazy("realised"),
    Status.GEPLAND: gettext_lazy("planned"),
    Status.VOORGENOMEN: gettext_lazy("intended"),
}


def gebiedsregels(provincie, datum: datetime.date) -> list[Regel]:
    """Every area of the province as an (empty) row, in table order."""
    gemeenten = list(
        Gemeente.objects.filter_for_date(datum)
        .filter(provincie=provincie)
        .select_related("subregio__veiligheidsregio", "veiligheidsregio")
    )
    return [Regel(k) for k in gebiedsboom(provincie, gemeenten).doorlopen()]


def optellen(knoop: Knoop, per_gemeente: dict[int, int]) -> dict[int, Gebiedsopgave]:
    """Per node (id), the gemeente figures summed up the tree; unknown stays unknown."""
    uit: dict[int, Gebiedsopgave] = {}

    def bezoek(k: Knoop) -> Gebiedsopgave:
        if k.is_gemeente:
            waarde = per_gemeente.get(k.sleutels[0][1])
            uitkomst = ONBEKEND if waarde is None else Gebiedsopgave(waarde, Bron.GEMEENTEN)
        else:
            onder = [bezoek(kind) for kind in k.kinderen]
            bekend = [o.waarde for o in onder if o.waarde is not None]
            if not bekend:
                uitkomst = ONBEKEND
            else:
                volledig = len(bekend) == len(onder)
                uitkomst = Gebiedsopgave(
                    sum(bekend), Bron.GEMEENTEN if volledig else Bron.ONVOLLEDIG
                )
        uit[id(k)] = uitkomst
        return uitkomst

    bezoek(knoop)
    return uit


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
        regels = gebiedsregels(self.provincie, self.datum)
        onder = kinderen(regels)
        register = perioden_per_gemeente(self.provincie)
        reeksen = {
            gemeente: capaciteit_per_kwartaal(perioden, self.eerste, self.laatste)
            for gemeente, perioden in register.items()
        }
        reeks = kwartalen(self.eerste, self.laatste)
        kolommen = gebiedskolommen()
        for kwartaal in reeks:
            kolommen += [
                *(
                    Kolom(f"{s}_{kwartaal}", str(STATUS_LABELS[s]), str(kwartaal))
                    for s in STATUSSEN
                ),
                Kolom(f"opgave_{kwartaal}", _("Target"), str(kwartaal)),
                Kolom(f"verschil_{kwartaal}", _("Difference"), str(kwartaal)),
            ]
        per_kwartaal = []
        for i, kwartaal in enumerate(reeks if register else []):
            per_status = {
                s: optellen(regels[0].knoop, {g: r[i][1][s] for g, r in reeksen.items()})
                for s in STATUSSEN
            }
            asiel = provincie_overzicht(self.provincie, kwartaal.begin).blok(Opgavesoort.ASIEL)
            opgave = {(r.knoop.niveau, r.knoop.code): r.waarden["opgave"] for r in asiel.regels}
            per_kwartaal.append((kwartaal, per_status, opgave))
        rijen = []
        for i, regel in enumerate(regels):
            cellen = gebiedskop(regel)
            for kwartaal, per_status, opgave in per_kwartaal:
                for s in STATUSSEN:
                    cellen.append(_registercel(per_status[s][id(regel.knoop)], onder[i]))
                eigen = opgave.get((regel.knoop.niveau, regel.knoop.code), ONBEKEND)
                cellen.append(gebiedscel(eigen, onder[i]))
                cellen.append(
                    Verschil(
                        (f"{Status.GEREALISEERD}_{kwartaal}", f"{Status.GEPLAND}_{kwartaal}"),
                        f"opgave_{kwartaal}",
                    )
                )
            rijen.append(Rij(cellen, vet=is_totaalrij(regel)))
        yield Tabel(
            blad=_("Asylum per quarter"),
            titel=_("Asylum reception per subregion and municipality"),
            regels=[
                *self.regels(_("location register (PRT Monitor)")),
                _(
                    "Capacity on the first day of each quarter; difference = realised + planned "
                    "− target."
                ),
            ],
            kolommen=kolommen,
            rijen=rijen if register else [],
            leeg=_("No reception locations in the register for this province."),
        )


def _registercel(waarde: Gebiedsopgave, onder: tuple[int, ...]):
    if waarde.waarde is None:
        return Onbekend(_("no locations in the register"))
    return gebiedscel(waarde, onder)


def locatietabel(exporter: Exporter, einde: datetime.date) -> Tabel:
    """Per location: regular places now and at `einde`, amv, emergency places, remarks."""
    rijen = []
    for locatie, perioden in locaties_met_perioden(exporter.provincie):
        gerealiseerd = [p for p in perioden if p.status == Status.GEREALISEERD]
        vast = [p for p in perioden if p.status != Status.VOORGENOMEN]
        regulier = locatie.soort == Opvangsoort.RO
        nu = capaciteit_op(gerealiseerd, exporter.datum)
        later = capaciteit_op(vast, einde)
        contract = max((p.tot_en_met for p in perioden if p.tot_en_met is not None), default=None)
        rijen.append(
            Rij(
                [
                    Tekst(locatie.gemeente.naam),
                    Tekst(locatie.naam),
                    Tekst(locatie.get_soort_display()),
                    Getal(nu) if regulier else None,
                    Getal(later) if regulier else None,
                    Getal(amv_op(gerealiseerd, exporter.datum)),
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
            Kolom("regulier_later", _("Regular on %(date)s") % {"date": f"{einde:%-d-%-m-%Y}"}),
            Kolom("amv", _("of which unaccompanied minors")),
            Kolom("noodopvang", _("Emergency and temporary, now")),
            Kolom("einde", _("End of contract")),
            Kolom("opmerkingen", _("Remarks")),
        ],
        rijen=rijen,
        leeg=_("No reception locations in the register for this province."),
    )


def amv_tabel(exporter: Exporter, blok: Blok) -> Tabel:
    """Amv (COA): the amv part of the asiel opgave against the amv places realised."""
    onder = kinderen(blok.regels)
    rijen = [
        Rij(
            [
                *gebiedskop(regel),
                gebiedscel(regel.waarden["opgave_amv"], onder[i]),
                gebiedscel(regel.waarden["amv"], onder[i]),
                Verschil("amv", "opgave_amv"),
            ],
            vet=is_totaalrij(regel),
        )
        for i, regel in enumerate(blok.regels)
    ]
    return Tabel(
        blad=_("Unaccompanied minors COA"),
        titel=_("Unaccompanied minors (COA): target and realisation"),
        regels=exporter.regels(peildata=blok.peildata),
        kolommen=[
            *gebiedskolommen(),
            Kolom("opgave_amv", _("Target")),
            Kolom("amv", _("Realisation")),
            Kolom("verschil", _("Difference")),
        ],
        rijen=rijen,
    )
