"""Writes of opgaven: a besluit, its per-gemeente figures, taakstellingen and uitruil.

Same contract as `realisatie.invoer.services`: keyword-only, all-or-nothing, the
permission policy checked here, per-row Dutch messages in an `Opslagresultaat`, a
`versie` check against lost updates, and one `prt.audit` line per action.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.models import Opgave, Opgavebesluit, Opgavesoort, Taakstelling, Uitruil
from realisatie.invoer.rijen import Opslagresultaat
from realisatie.invoer.services import gebieden_van
from realisatie.invoer.versies import rij_schrijven
from toegang.audit import log_audit
from toegang.beleid import is_beheerder, mag_bewerken, mag_bewerken_gemeente


@dataclass(frozen=True)
class OpgaveRij:
    gemeente: str
    aantal: int | None
    waarvan_amv: int | None = None
    versie: int | None = None


@dataclass(frozen=True)
class TaakstellingRij:
    gemeente: str
    aantal: int | None
    waarvan_amv: int | None = None
    stand_begin: int | None = None
    toelichting: str = ""
    versie: int | None = None


def opgavebesluit_opslaan(
    *,
    door,
    soort: str,
    naam: str,
    bron: str,
    streefdatum: datetime.date | None = None,
    halfjaar: str = "",
    besluitdatum: datetime.date | None = None,
    landelijk_totaal: int | None = None,
    landelijk_amv: int | None = None,
    toelichting: str = "",
) -> Opgavebesluit:
    """Create or update (by name) a besluit; raises ValidationError with Dutch messages."""
    if not any(mag_bewerken(door, provincie) for provincie in Provincie.objects.all()):
        log_audit(door, "opgavebesluit_opslaan", naam, "geweigerd")
        raise PermissionDenied
    fouten = []
    if soort == Opgavesoort.STATUSHOUDERS:
        try:
            Halfjaar.parse(halfjaar)
        except ValueError:
            fouten.append(_("Write a half year as 2024-I or 2024-II."))
        streefdatum = None
    elif streefdatum is None:
        fouten.append(_("Give the target date."))
    if landelijk_amv is not None and (landelijk_totaal is None or landelijk_amv > landelijk_totaal):
        fouten.append(_("Of which unaccompanied minors is more than the national total."))
    if not naam.strip() or not bron.strip():
        fouten.append(_("Give the name and the source of the decision."))
    if Opgavebesluit.objects.filter(naam=naam.strip()).exists() and not is_beheerder(door):
        # A besluit is national: a secretary may add one, not change one in force.
        fouten.append(_("A decision with this name exists; only the administrator can change it."))
    if fouten:
        raise ValidationError(fouten)
    besluit, _nieuw = Opgavebesluit.objects.update_or_create(
        naam=naam.strip(),
        defaults={
            "soort": soort,
            "bron": bron.strip(),
            "streefdatum": streefdatum,
            "halfjaar": halfjaar if soort == Opgavesoort.STATUSHOUDERS else "",
            "besluitdatum": besluitdatum,
            "landelijk_totaal": landelijk_totaal,
            "landelijk_amv": landelijk_amv,
            "toelichting": toelichting,
        },
    )
    log_audit(door, "opgavebesluit_opslaan", besluit, "ok")
    return besluit


# CBS code, number, optionally the amv part; a number may have Dutch thousands dots or
# spaces ("1.234"), but not the tab that separates the columns.
REGEL = re.compile(
    r"\A\s*(GM\d{4})[ ]*[\t;,]\s*(\d(?:[\d. ]*\d)?)[ ]*(?:[\t;,]\s*(\d(?:[\d. ]*\d)?)?\s*)?\Z"
)


def opgaven_plakken(
    *, besluit: Opgavebesluit, provincie: Provincie, door, tekst: str
) -> Opslagresultaat:
    """A table pasted from Excel: CBS code, number and optionally the part of it for
    amv, one gemeente per line.

    "GM0150<tab>520", "GM0150;520" or with amv "GM0150<tab>529<tab>45" (Overijssel
    werkplan: Deventer 529 places, of which 45 amv); Dutch thousands separators are
    allowed ("1.234"). Pasted figures replace the besluit's figures of those gemeenten.
    """
    rijen, resultaat = [], Opslagresultaat()
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.strip():
            continue
        gevonden = REGEL.match(regel)
        if gevonden is None:
            resultaat.fout(
                f"regel {nummer}",
                _(
                    "Line %(nummer)s: write a CBS code, a whole number and optionally the "
                    "part for unaccompanied minors, e.g. GM0150 529 45."
                )
                % {"nummer": nummer},
            )
            continue
        aantal = int(re.sub(r"[.\s]", "", gevonden.group(2)))
        amv = int(re.sub(r"[.\s]", "", gevonden.group(3))) if gevonden.group(3) else None
        rijen.append(OpgaveRij(gemeente=gevonden.group(1), aantal=aantal, waarvan_amv=amv))
    if resultaat.fouten:
        return resultaat
    huidig = {
        o.gemeente.code: o.versie
        for o in Opgave.objects.filter(
            besluit=besluit, gemeente__provincie=provincie
        ).select_related("gemeente")
    }
    rijen = [OpgaveRij(r.gemeente, r.aantal, r.waarvan_amv, huidig.get(r.gemeente)) for r in rijen]
    return opgaven_opslaan(besluit=besluit, provincie=provincie, door=door, rijen=rijen)


def opgaven_opslaan(
    *, besluit: Opgavebesluit, provincie: Provincie, door, rijen: Sequence[OpgaveRij]
) -> Opslagresultaat:
    if besluit.soort == Opgavesoort.STATUSHOUDERS:
        raise ValidationError(_("A status holders decision has housing targets, not targets."))
    return _opslaan(Opgave, besluit, provincie, door, rijen, ("aantal", "waarvan_amv"))


def taakstellingen_opslaan(
    *,
    besluit: Opgavebesluit,
    provincie: Provincie,
    door,
    rijen: Sequence[TaakstellingRij],
    gebieden: bool = False,
) -> Opslagresultaat:
    """Taakstellingen of one half year with the carried stand (positive = achterstand).

    With `gebieden` the rows are of the province, its veiligheidsregio's or subregio's
    (Gelderland's province totals), named by their code in the row's `gemeente`."""
    if besluit.soort != Opgavesoort.STATUSHOUDERS:
        raise ValidationError(_("Housing targets belong to a status holders decision."))
    velden = ("aantal", "waarvan_amv", "stand_begin", "toelichting")
    return _opslaan(Taakstelling, besluit, provincie, door, rijen, velden, gebieden=gebieden)


def _opslaan(model, besluit, provincie, door, rijen, velden, *, gebieden=False):
    actie = f"{model._meta.model_name}_opslaan"
    if not mag_bewerken(door, provincie):
        log_audit(door, actie, besluit, "geweigerd")
        raise PermissionDenied
    resultaat = Opslagresultaat()
    if gebieden:
        gemeenten = gebieden_van(provincie)
    else:
        gemeenten = {g.code: g for g in Gemeente.objects.in_provincie(provincie)}
    for rij in rijen:
        gemeente = gemeenten.get(rij.gemeente)
        if gemeente is None or not (gebieden or mag_bewerken_gemeente(door, gemeente)):
            resultaat.fout(
                rij.gemeente,
                _("%(code)s is not a municipality of %(provincie)s.")
                % {"code": rij.gemeente, "provincie": provincie.naam},
            )
            continue
        for veld in ("aantal", "waarvan_amv"):
            waarde = getattr(rij, veld)
            if waarde is not None and (type(waarde) is not int or waarde < 0):
                resultaat.fout(rij.gemeente, _("Enter whole numbers of 0 or more."))
        if rij.aantal is None:
            resultaat.fout(rij.gemeente, _("Fill in the number."))
        elif rij.waarvan_amv is not None and rij.waarvan_amv > rij.aantal:
            resultaat.fout(
                rij.gemeente,
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": rij.waarvan_amv, "totaal": rij.aantal},
            )
    if resultaat.fouten:
        log_audit(door, actie, besluit, "ongeldig")
        return resultaat
    with transaction.atomic():
        for rij in rijen:
            rij_schrijven(
                model,
                gebied=gemeenten[rij.gemeente],
                sleutel={"besluit": besluit},
                nieuw={veld: getattr(rij, veld) for veld in velden},
                versie=rij.versie,
                door=door,
                resultaat=resultaat,
            )
        if resultaat.conflicten:
            transaction.set_rollback(True)
            resultaat.opgeslagen = []
            log_audit(door, actie, besluit, "conflict")
            return resultaat
    log_audit(door, actie, besluit, f"ok ({len(resultaat.opgeslagen)} rijen)")
    return resultaat


def uitruil_opslaan(
    *,
    door,
    soort: str,
    van_gemeente: Gemeente,
    naar_gemeente: Gemeente,
    aantal: int,
    begin: datetime.date,
    einde: datetime.date | None = None,
    toelichting: str = "",
) -> Uitruil:
    """Record an exchange; either side's editor may, also across a provincial border."""
    if not (
        mag_bewerken_gemeente(door, van_gemeente) or mag_bewerken_gemeente(door, naar_gemeente)
    ):
        log_audit(door, "uitruil_opslaan", f"{van_gemeente} → {naar_gemeente}", "geweigerd")
        raise PermissionDenied
    fouten = []
    if van_gemeente.pk == naar_gemeente.pk:
        fouten.append(_("An exchange needs two different municipalities."))
    if type(aantal) is not int or aantal <= 0:
        fouten.append(_("The number must be a whole number above 0."))
    if einde is not None and einde < begin:
        fouten.append(_("The end date is before the start date."))
    if fouten:
        raise ValidationError(fouten)
    uitruil = Uitruil(
        soort=soort,
        van_gemeente=van_gemeente,
        naar_gemeente=naar_gemeente,
        aantal=aantal,
        begin=begin,
        einde=einde,
        toelichting=toelichting,
    )
    uitruil._history_user = door
    uitruil.save()
    log_audit(door, "uitruil_opslaan", uitruil, "ok")
    return uitruil
