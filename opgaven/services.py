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
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Provincie
from opgaven.halfjaar import Halfjaar
from opgaven.in_kracht import besluit_in_kracht
from opgaven.models import (
    Opgave,
    Opgavebesluit,
    Opgavesoort,
    Taakstelling,
    Telregel,
    Uitruil,
)
from prt.aantallen import OngeldigAantal, aantal_lezen, begrensd, melding
from prt.tekstinvoer import heeft_stuurtekens, is_zichtbare_naam
from realisatie.invoer.rijen import Opslagresultaat
from realisatie.invoer.services import gebieden_van
from realisatie.invoer.versies import Schrijfrij, rijen_schrijven
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
    if besluitdatum is None:
        # The newest decision of a half year is the one in force (taakstellingen page).
        fouten.append(_("Give the decision date."))
    fouten.extend(_aantal_fouten(landelijk_totaal, landelijk_amv))
    if landelijk_amv is not None and (landelijk_totaal is None or landelijk_amv > landelijk_totaal):
        fouten.append(_("Of which unaccompanied minors is more than the national total."))
    if not naam.strip() or not bron.strip():
        fouten.append(_("Give the name and the source of the decision."))
    elif not (is_zichtbare_naam(naam) and is_zichtbare_naam(bron)):
        fouten.append(_("The name or source contains a control or invisible character."))
    if heeft_stuurtekens(toelichting):
        fouten.append(_("The explanation contains a control character."))
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


# CBS code, number, optionally the amv part: the columns are separated by a tab or
# semicolon (the first also by a comma); a comma inside a number is a decimal sign, which
# `aantal_lezen` refuses.
REGEL = re.compile(
    r"\A\s*(GM\d{4})\s*[\t;,]\s*([^\t;]*[^\t;\s])\s*(?:[\t;]\s*([^\t;]*[^\t;\s])?\s*)?\Z"
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
        try:
            aantal = aantal_lezen(gevonden.group(2))
            amv = aantal_lezen(gevonden.group(3)) if gevonden.group(3) else None
        except OngeldigAantal as fout:
            resultaat.fout(
                f"regel {nummer}",
                _("Line %(nummer)s: %(melding)s") % {"nummer": nummer, "melding": melding(fout)},
            )
            continue
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
        for fout in _aantal_fouten(
            rij.aantal, rij.waarvan_amv, getattr(rij, "stand_begin", None), negatief=True
        ):
            resultaat.fout(rij.gemeente, fout)
        if heeft_stuurtekens(getattr(rij, "toelichting", "")):
            resultaat.fout(rij.gemeente, _("The explanation contains a control character."))
        if rij.aantal is None and rij.waarvan_amv is None:
            # The amv part alone is a figure of its own (a source may publish only that).
            resultaat.fout(rij.gemeente, _("Fill in the number."))
        elif (
            rij.aantal is not None and rij.waarvan_amv is not None and rij.waarvan_amv > rij.aantal
        ):
            resultaat.fout(
                rij.gemeente,
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": rij.waarvan_amv, "totaal": rij.aantal},
            )
    if resultaat.fouten:
        log_audit(door, actie, besluit, "ongeldig")
        return resultaat
    with transaction.atomic():
        rijen_schrijven(
            model,
            rijen=[
                Schrijfrij(
                    gebied=gemeenten[rij.gemeente],
                    sleutel={"besluit": besluit},
                    nieuw={veld: getattr(rij, veld) for veld in velden},
                    versie=rij.versie,
                )
                for rij in rijen
            ],
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
    """Record an exchange of places (asiel or Oekraïne) between two gemeenten.

    Who may: an editor (secretary, beheerder) of the province of either gemeente; a
    gemeente-invoerder records figures, not agreements between gemeenten. An exchange
    within one province counts at once; across a border it changes another province's
    figures, so it counts only once an editor of that province confirms it
    (`uitruil_bevestigen`). Refused: more places than the giving gemeente's own opgave
    (under the besluit in force on the start date) minus what it already hands over."""
    provincies = {van_gemeente.provincie, naar_gemeente.provincie}
    if not any(mag_bewerken(door, p) for p in provincies):
        log_audit(door, "uitruil_opslaan", f"{van_gemeente} → {naar_gemeente}", "geweigerd")
        raise PermissionDenied
    fouten = []
    if soort not in (Opgavesoort.ASIEL, Opgavesoort.OEKRAINE):
        fouten.append(_("An exchange is of asylum or Ukraine places."))
    if van_gemeente.pk == naar_gemeente.pk:
        fouten.append(_("An exchange needs two different municipalities."))
    if type(aantal) is not int or aantal <= 0:
        fouten.append(_("The number must be a whole number above 0."))
    else:
        fouten.extend(_aantal_fouten(aantal))
    if einde is not None and einde < begin:
        fouten.append(_("The end date is before the start date."))
    if heeft_stuurtekens(toelichting):
        fouten.append(_("The explanation contains a control character."))
    if not fouten:
        fouten += _past_binnen_de_opgave(soort, van_gemeente, aantal, begin, einde)
    if fouten:
        log_audit(door, "uitruil_opslaan", f"{van_gemeente} → {naar_gemeente}", "ongeldig")
        raise ValidationError(fouten)
    if Uitruil.objects.filter(
        soort=soort, van_gemeente=van_gemeente, naar_gemeente=naar_gemeente, begin=begin
    ).exists():
        raise ValidationError(_uitruil_dubbel())
    binnen = len(provincies) == 1 or all(mag_bewerken(door, p) for p in provincies)
    uitruil = Uitruil(
        soort=soort,
        van_gemeente=van_gemeente,
        naar_gemeente=naar_gemeente,
        aantal=aantal,
        begin=begin,
        einde=einde,
        toelichting=toelichting,
        bevestigd_op=timezone.now() if binnen else None,
        bevestigd_door=door if binnen else None,
    )
    uitruil._history_user = door
    try:
        with transaction.atomic():
            uitruil.save()
    except IntegrityError:
        # A double submit that raced past the check above: the constraint refuses it.
        raise ValidationError(_uitruil_dubbel()) from None
    log_audit(door, "uitruil_opslaan", uitruil, "ok" if binnen else "ok (wacht op bevestiging)")
    return uitruil


def _uitruil_dubbel() -> str:
    return _(
        "An exchange between these municipalities for this target from this start date "
        "has already been recorded."
    )


def _aantal_fouten(*waarden, negatief: bool = False) -> list[str]:
    """The message for each count outside the bounds of `prt.aantallen`."""
    fouten = []
    for waarde in waarden:
        if type(waarde) is int:
            try:
                begrensd(waarde, negatief=negatief)
            except OngeldigAantal as fout:
                fouten.append(melding(fout))
    return fouten


def _past_binnen_de_opgave(soort, gemeente, aantal, begin, einde) -> list[str]:
    """The giving gemeente's own opgave must cover what it hands over, on every day."""
    from opgaven import uitruil as regel
    from prt.formaat import datum_kort

    besluiten = list(Opgavebesluit.objects.filter(soort=soort, opgaven__gemeente=gemeente))
    besluit = besluit_in_kracht(besluiten, begin)
    opgave = (
        Opgave.objects.filter(besluit=besluit, gemeente=gemeente)
        .values_list("aantal", flat=True)
        .first()
        if besluit
        else None
    )
    if opgave is None:
        return [
            _("%(gemeente)s has no target of its own on %(date)s, so it cannot hand over places.")
            % {"gemeente": gemeente.naam, "date": datum_kort(begin)}
        ]
    bestaand = [
        regel.Uitruil(str(u.van_gemeente_id), str(u.naar_gemeente_id), u.aantal, u.begin, u.einde)
        for u in Uitruil.objects.filter(soort=soort).filter(
            Q(van_gemeente=gemeente) | Q(naar_gemeente=gemeente)
        )
    ]
    nieuw = regel.Uitruil(str(gemeente.pk), "nieuw", aantal, begin, einde)
    dagen = {begin} | {u.begin for u in bestaand if nieuw.actief_op(u.begin)}
    for dag in sorted(dagen):
        try:
            regel.effectieve_opgave(opgave, str(gemeente.pk), [*bestaand, nieuw], dag)
        except ValueError:
            rest = opgave + regel.saldo(str(gemeente.pk), bestaand, dag)
            return [
                _(
                    "%(gemeente)s can hand over at most %(rest)s places on %(date)s: its "
                    "target is %(opgave)s."
                )
                % {
                    "gemeente": gemeente.naam,
                    "rest": max(rest, 0),
                    "date": datum_kort(dag),
                    "opgave": opgave,
                }
            ]
    return []


def mag_uitruil_bevestigen(gebruiker, uitruil: Uitruil) -> bool:
    """An editor of a province of the exchange that its recorder could not edit."""
    if uitruil.is_bevestigd:
        return False
    vastlegger = uitruil.history.earliest().history_user
    anderen = [
        p
        for p in {uitruil.van_gemeente.provincie, uitruil.naar_gemeente.provincie}
        if vastlegger is None or not mag_bewerken(vastlegger, p)
    ]
    return any(mag_bewerken(gebruiker, p) for p in anderen)


def uitruil_bevestigen(*, door, uitruil: Uitruil) -> Uitruil:
    """An editor of the other province confirms an exchange across the border; from
    then on it counts in both provinces' figures."""
    if uitruil.is_bevestigd:
        raise ValidationError(_("This exchange has been confirmed already."))
    if not mag_uitruil_bevestigen(door, uitruil):
        log_audit(door, "uitruil_bevestigen", uitruil, "geweigerd")
        raise PermissionDenied
    uitruil.bevestigd_op = timezone.now()
    uitruil.bevestigd_door = door
    uitruil._history_user = door
    uitruil.save(update_fields=["bevestigd_op", "bevestigd_door"])
    log_audit(door, "uitruil_bevestigen", uitruil, "ok")
    return uitruil


def telregel_opslaan(
    *,
    door,
    besluit: Opgavebesluit,
    provincie: Provincie | None,
    soorten: Sequence[str],
    bron: str = "",
) -> Telregel:
    """Which soorten count toward an asiel opgave: for one province (its plan; the
    province's editors) or for the besluit itself (every province; the beheerder)."""
    toegestaan = is_beheerder(door) if provincie is None else mag_bewerken(door, provincie)
    if not toegestaan:
        log_audit(door, "telregel_opslaan", besluit, "geweigerd")
        raise PermissionDenied
    fouten = []
    if besluit.soort != Opgavesoort.ASIEL:
        fouten.append(_("A counting rule belongs to an asylum target."))
    try:
        gekozen = ",".join(_geordende_soorten(soorten))
    except ValueError:
        gekozen = ""
        fouten.append(_("Choose the types that count from the list."))
    if not gekozen and not fouten:
        fouten.append(_("Choose at least one type that counts."))
    if heeft_stuurtekens(bron):
        fouten.append(_("The source contains a control character."))
    if fouten:
        log_audit(door, "telregel_opslaan", besluit, "ongeldig")
        raise ValidationError(fouten)
    regel = Telregel.objects.filter(besluit=besluit, provincie=provincie).first() or Telregel(
        besluit=besluit, provincie=provincie
    )
    regel.soorten, regel.bron = gekozen, bron.strip()
    regel._history_user = door
    regel.save()
    log_audit(door, "telregel_opslaan", regel, "ok")
    return regel


def _geordende_soorten(soorten: Sequence[str]) -> tuple[str, ...]:
    from opgaven.query import soortenlijst
    from opgaven.telregel import geordend

    return geordend(soorten, soortenlijst()) if soorten else ()
