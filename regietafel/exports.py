"""The regietafel's downloads as tables for the one writer (`realisatie.exports.werkboek`):
the actielijst (xlsx and CSV, as the secretary sends it with the stukken), the requests
with how far each is met, and the provinciaal verslag per gemeente (xlsx with live
totals, for the CdK's staff to edit further). Exporters only yield tables; the figures
come from `regietafel.selectors` and `regietafel.provinciaal_verslag`.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from realisatie.exports.exporter import Exporter, besluitbron
from realisatie.exports.werkboek import (
    Cel,
    Datum,
    Getal,
    Kolom,
    Onbekend,
    Percentage,
    Rij,
    Subtotaal,
    Tabel,
    Tekst,
    Verschil,
)
from realisatie.templatetags.cijfers import aantal, datum_kort
from regietafel.models import Actie, Actiestatus
from regietafel.provinciaal_verslag import ProvinciaalVerslag
from regietafel.selectors import Verzoekstand


def _getal(waarde: int | None, notitie: str = "") -> Cel:
    return Onbekend(notitie) if waarde is None else Getal(waarde)


class Actielijst(Exporter):
    bestandsnaam = "actielijst"

    def __init__(self, *, acties: list[Actie], over_termijn: set[int], **kwargs):
        super().__init__(**kwargs)
        self.acties, self.over_termijn = acties, over_termijn

    @property
    def titel(self) -> str:
        return _("Action list %(provincie)s") % {"provincie": self.provincie.naam}

    def tabellen(self) -> Iterator[Tabel]:
        yield self.tabel()

    def tabel(self) -> Tabel:
        kolommen = [
            Kolom("nummer", _("No.")),
            Kolom("vergadering", _("Meeting")),
            Kolom("actie", _("Action")),
            Kolom("eigenaar", _("Owner")),
            Kolom("termijn", _("Deadline")),
            Kolom("status", _("Status")),
            Kolom("status_op", _("Done or lapsed on")),
            Kolom("toelichting", _("Explanation")),
        ]
        rijen = [
            Rij(
                [
                    Getal(actie.nummer),
                    Datum(actie.vergadering.datum),
                    Tekst(actie.tekst),
                    Tekst(actie.eigenaar),
                    Datum(actie.termijn),
                    Tekst(self.status(actie)),
                    Datum(actie.status_op),
                    Tekst(actie.toelichting),
                ]
            )
            for actie in self.acties
        ]
        return Tabel(
            blad=_("Action list"),
            titel=self.titel,
            kolommen=kolommen,
            rijen=rijen,
            regels=self.regels(),
            leeg=_("No actions."),
        )

    def status(self, actie: Actie) -> str:
        if actie.pk in self.over_termijn:
            return _("open, deadline passed")
        return str(Actiestatus(actie.status).label)


class Verzoekenlijst(Exporter):
    bestandsnaam = "verzoeken"

    def __init__(self, *, standen: list[Verzoekstand], **kwargs):
        super().__init__(**kwargs)
        self.standen = standen

    @property
    def titel(self) -> str:
        return _("Requests of the Rijk %(provincie)s") % {"provincie": self.provincie.naam}

    def tabellen(self) -> Iterator[Tabel]:
        kolommen = [
            Kolom("verzoek", _("Request")),
            Kolom("gebied", _("Area")),
            Kolom("soort", _("Kind of places")),
            Kolom("gevraagd", _("Extra places requested")),
            Kolom("ontvangen_op", _("Requested on")),
            Kolom("uiterlijk", _("By")),
            Kolom("bij_verzoek", _("Places on the date of the request")),
            Kolom("op_termijn", _("Places on the date asked for")),
            Kolom("extra", _("Extra places")),
            Kolom("vervuld", _("Met")),
            Kolom("nog_nodig", _("Still needed")),
            Kolom("met_plannen", _("Extra with firm plans")),
            Kolom("status", _("Status")),
            Kolom("antwoord", _("Answer")),
        ]
        rijen = [self.rij(stand) for stand in self.standen]
        yield Tabel(
            blad=_("Requests"),
            titel=self.titel,
            kolommen=kolommen,
            rijen=rijen,
            regels=[*self.regels(), extra_plaatsen_regel()],
            leeg=_("No requests."),
        )

    def rij(self, stand: Verzoekstand) -> Rij:
        verzoek, v = stand.verzoek, stand.vervulling
        niet_in_register = _("not in the location register")
        return Rij(
            [
                Tekst(verzoek.omschrijving),
                Tekst(verzoek.gebied.naam),
                Tekst(verzoek.get_soort_display()),
                Getal(verzoek.aantal),
                Datum(verzoek.ontvangen_op),
                Datum(verzoek.uiterlijk),
                _getal(v.bij_verzoek, niet_in_register),
                _getal(v.op_termijn, niet_in_register),
                Verschil("op_termijn", "bij_verzoek", waarde=v.extra),
                Tekst(vervuld_tekst(v.vervuld)),
                _getal(v.nog_nodig),
                _getal(v.extra_met_plannen),
                Tekst(verzoek.get_status_display()),
                Tekst(verzoek.antwoord),
            ]
        )


def vervuld_tekst(vervuld: bool | None) -> str:
    if vervuld is None:
        return _("unknown")
    return _("met") if vervuld else _("not met")


def extra_plaatsen_regel() -> str:
    return _(
        "Extra places = realised places in the location register on the date asked for "
        "minus those on the date of the request, in the area and of the kind asked for "
        "(asylum: every type of location; crisis emergency reception: CNO only). Met when "
        "the extra places reach the number requested."
    )


class Verslagexport(Exporter):
    """The provinciaal verslag per gemeente; totals are live SUMs of the gemeente rows."""

    bestandsnaam = "provinciaal-verslag"

    def __init__(self, *, verslag: ProvinciaalVerslag, **kwargs):
        super().__init__(provincie=verslag.provincie, datum=verslag.datum, **kwargs)
        self.verslag = verslag

    @property
    def titel(self) -> str:
        return _("Provincial report on the asylum target %(provincie)s") % {
            "provincie": self.provincie.naam
        }

    def tabellen(self) -> Iterator[Tabel]:
        verslag = self.verslag
        horizon = datum_kort(verslag.horizon)
        kolommen = [
            Kolom("gemeente", _("Municipality")),
            Kolom("code", _("CBS code")),
            Kolom("regio", _("Region")),
            Kolom("opgave", _("Target")),
            Kolom("opgave_amv", _("of which unaccompanied minors")),
            Kolom("gerealiseerd", _("Realised")),
            Kolom("verschil", _("Difference (negative: shortfall)")),
            Kolom("percentage", "%"),
            Kolom("plannen", _("Planned places (firm plans) from")),
            Kolom("verwacht", _("Realised + planned on %(datum)s") % {"datum": horizon}),
            Kolom("verschil_verwacht", _("Difference on %(datum)s") % {"datum": horizon}),
            Kolom("cno", _("Crisis emergency reception (not counted)")),
            Kolom("voorgenomen", _("Intended (not counted)")),
            Kolom("toelichting", _("Explanation")),
        ]
        yield Tabel(
            blad=_("Provincial report"),
            titel=self.titel,
            kolommen=kolommen,
            rijen=[self.totaalrij(), *(self.rij(r) for r in verslag.regels)],
            regels=[
                *self.regels(besluitbron(verslag.besluit)),
                *verslag_uitleg(verslag),
            ],
            leeg=_("No municipalities."),
        )

    def rij(self, regel) -> Rij:
        geen_register = _("no location in the register")
        return Rij(
            [
                Tekst(regel.gemeente.naam),
                Tekst(regel.gemeente.code),
                Tekst(regel.gemeente.subregio.naam if regel.gemeente.subregio else ""),
                _getal(regel.opgave),
                _getal(regel.opgave_amv),
                _getal(regel.gerealiseerd, geen_register),
                Verschil("gerealiseerd", "opgave", waarde=regel.verschil),
                Percentage("gerealiseerd", "opgave", waarde=regel.percentage),
                Tekst(plannen_tekst(regel.plannen)),
                _getal(regel.verwacht, geen_register),
                Verschil("verwacht", "opgave", waarde=regel.verschil_verwacht),
                _getal(regel.crisisnoodopvang, geen_register),
                _getal(regel.voorgenomen, geen_register),
                Tekst(""),
            ]
        )

    def totaalrij(self) -> Rij:
        totaal = self.verslag.totaal
        onder = tuple(range(1, len(self.verslag.regels) + 1))  # the gemeente rows

        onvolledig = _("incomplete: not every municipality has a figure")

        def som(waarde) -> Cel:
            if waarde.waarde is None:  # not one gemeente has a figure: unknown, not 0
                return Onbekend()
            notitie = "" if waarde.volledig else onvolledig
            return Subtotaal(onder, notitie=notitie, waarde=waarde.waarde)

        # A difference of incomplete sums is incomplete too, and says so.
        notitie = "" if totaal.volledig else onvolledig

        return Rij(
            [
                Tekst(_("Total %(provincie)s") % {"provincie": self.provincie.naam}),
                Tekst(self.provincie.code),
                Tekst(""),
                som(totaal.opgave),
                som(totaal.opgave_amv),
                som(totaal.gerealiseerd),
                Verschil("gerealiseerd", "opgave", waarde=totaal.verschil, notitie=notitie),
                Percentage("gerealiseerd", "opgave", waarde=totaal.percentage, notitie=notitie),
                Tekst(""),
                som(totaal.verwacht),
                Verschil("verwacht", "opgave", waarde=totaal.verschil_verwacht, notitie=notitie),
                som(totaal.crisisnoodopvang),
                som(totaal.voorgenomen),
                Tekst(""),
            ],
            vet=True,
        )


def plannen_tekst(plannen) -> str:
    """ "129 from 1-12-2024 (Azc Deventer)", one plan after another."""
    return "; ".join(
        _("%(plaatsen)s from %(datum)s (%(locatie)s)")
        % {"plaatsen": aantal(p.plaatsen), "datum": datum_kort(p.van), "locatie": p.locatie}
        for p in plannen
    )


def verslag_uitleg(verslag: ProvinciaalVerslag) -> list[str]:
    """What counts and what does not, in words (the page and the export say the same)."""
    regels = [
        _(
            "Counted: places in the location register with status realised on %(datum)s, "
            "every type of location except crisis emergency reception (CNO)."
        )
        % {"datum": datum_kort(verslag.datum)},
        _(
            "Not counted, shown beside it: crisis emergency reception (CNO); firm plans "
            "(status planned) with their start date and what they add by %(horizon)s; "
            "intentions awaiting a decision (status intended)."
        )
        % {"horizon": datum_kort(verslag.horizon)},
    ]
    if verslag.besluit is None:
        regels.append(_("No asylum target per municipality has been registered."))
    if verslag.zonder_register:
        regels.append(
            _("No location in the register (no figure, not 0): %(gemeenten)s.")
            % {"gemeenten": ", ".join(g.naam for g in verslag.zonder_register)}
        )
    return regels
