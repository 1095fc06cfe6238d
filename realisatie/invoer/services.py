"""Writes of the data entry: peildata and the figures per gemeente.

Every function is all-or-nothing, checks the permission policy (`toegang.beleid`) and
the vastgesteld state itself, so the grid, the Excel import and the REST API get the
same validation, conflict detection and audit trail. Each saved change is a
django-simple-history record with the acting user; each action is one line in the
`prt.audit` log.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Provincie
from realisatie.invoer.rijen import (
    AsielRij,
    Conflict,
    HuisvestingRij,
    OekraineRij,
    Opslagresultaat,
)
from realisatie.models import (
    AsielTelling,
    Capaciteitsperiode,
    Heropening,
    Huisvesting,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
)
from toegang.beleid import mag_bewerken, mag_bewerken_gemeente, mag_invoeren

audit = logging.getLogger("prt.audit")

ABSURD_FACTOR = 10


def log_audit(door, actie: str, object_: object, resultaat: str) -> None:
    audit.info(
        "actor=%s action=%s object=%s result=%s",
        getattr(door, "username", "-"),
        actie,
        object_,
        resultaat,
    )


class PeildatumVastgesteld(ValidationError):
    """Raised when a write would change a figure of a vastgestelde peildatum."""


def controleer_open(peildatum: Peildatum) -> None:
    if peildatum.is_vastgesteld:
        raise PeildatumVastgesteld(
            _(
                "The reference date %(peildatum)s has been adopted; its figures are "
                "read-only until it is reopened."
            )
            % {"peildatum": f"{peildatum.datum:%-d-%-m-%Y}"}
        )


# --- Peildata ----------------------------------------------------------------------


def peildatum_aanmaken(
    *, provincie: Provincie, datum: datetime.date, door, omschrijving: str = ""
) -> Peildatum:
    if not mag_bewerken(door, provincie):
        log_audit(door, "peildatum_aanmaken", provincie, "geweigerd")
        raise PermissionDenied
    if Peildatum.objects.filter(provincie=provincie, datum=datum).exists():
        raise ValidationError(
            _("%(provincie)s already has a reference date %(datum)s.")
            % {"provincie": provincie.naam, "datum": f"{datum:%-d-%-m-%Y}"}
        )
    peildatum = Peildatum(provincie=provincie, datum=datum, omschrijving=omschrijving)
    peildatum._history_user = door
    peildatum.save()
    log_audit(door, "peildatum_aanmaken", peildatum, "ok")
    return peildatum


@transaction.atomic
def peildatum_vaststellen(*, peildatum: Peildatum, door) -> Peildatum:
    peildatum = Peildatum.objects.select_for_update().get(pk=peildatum.pk)
    if not mag_bewerken(door, peildatum.provincie):
        log_audit(door, "peildatum_vaststellen", peildatum, "geweigerd")
        raise PermissionDenied
    controleer_open(peildatum)
    peildatum.vastgesteld_op = timezone.now()
    peildatum.vastgesteld_door = door
    peildatum._history_user = door
    peildatum.save(update_fields=["vastgesteld_op", "vastgesteld_door"])
    log_audit(door, "peildatum_vaststellen", peildatum, "ok")
    return peildatum


@transaction.atomic
def peildatum_heropenen(*, peildatum: Peildatum, door, reden: str) -> Peildatum:
    peildatum = Peildatum.objects.select_for_update().get(pk=peildatum.pk)
    if not mag_bewerken(door, peildatum.provincie):
        log_audit(door, "peildatum_heropenen", peildatum, "geweigerd")
        raise PermissionDenied
    if not peildatum.is_vastgesteld:
        raise ValidationError(_("This reference date has not been adopted."))
    if not reden.strip():
        raise ValidationError(_("Give the reason for reopening."))
    Heropening.objects.create(
        peildatum=peildatum, door=door, reden=reden.strip(), vastgesteld_op=peildatum.vastgesteld_op
    )
    peildatum.vastgesteld_op = None
    peildatum.vastgesteld_door = None
    peildatum._history_user = door
    peildatum.save(update_fields=["vastgesteld_op", "vastgesteld_door"])
    log_audit(door, "peildatum_heropenen", peildatum, "ok")
    return peildatum


# --- Figures per gemeente ------------------------------------------------------------


def oekraine_tellingen_opslaan(
    *, peildatum: Peildatum, door, rijen: Sequence[OekraineRij], bevestigd: bool = False
) -> Opslagresultaat:
    return _opslaan(
        OekraineTelling,
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        controle=_controle_oekraine,
        sleutel=lambda rij: {"peildatum": peildatum},
        vorige=lambda gemeente: _vorige(OekraineTelling, peildatum, gemeente),
    )


def asieltellingen_opslaan(
    *, peildatum: Peildatum, door, rijen: Sequence[AsielRij], bevestigd: bool = False
) -> Opslagresultaat:
    return _opslaan(
        AsielTelling,
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        controle=_controle_asiel,
        sleutel=lambda rij: {"peildatum": peildatum, "datum": peildatum.datum},
        vorige=lambda gemeente: _vorige(AsielTelling, peildatum, gemeente),
    )


def huisvesting_opslaan(
    *, provincie: Provincie, door, rijen: Sequence[HuisvestingRij], bevestigd: bool = False
) -> Opslagresultaat:
    """Statushouders housed per gemeente and month (not tied to a peildatum)."""
    return _opslaan(
        Huisvesting,
        peildatum=None,
        provincie=provincie,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        controle=_controle_huisvesting,
        sleutel=lambda rij: {"van": rij.van, "tot_en_met": rij.tot_en_met},
        vorige=lambda gemeente: None,
    )


def _controle_oekraine(rij: OekraineRij) -> list[str]:
    fouten = []
    if None not in (rij.goo_totaal, rij.goo_bezet) and rij.goo_bezet > rij.goo_totaal:
        fouten.append(
            _("Occupied (%(bezet)s) is more than the total (%(totaal)s).")
            % {"bezet": rij.goo_bezet, "totaal": rij.goo_totaal}
        )
    if rij.goo_totaal is not None and rij.goo_beschikbaar is not None:
        vrij = rij.goo_totaal - (rij.goo_bezet or 0)
        if rij.goo_beschikbaar > vrij:
            fouten.append(
                _("Available (%(beschikbaar)s) is more than total minus occupied (%(vrij)s).")
                % {"beschikbaar": rij.goo_beschikbaar, "vrij": vrij}
            )
    return fouten


def _controle_asiel(rij: AsielRij) -> list[str]:
    soorten = [getattr(rij, v) for v in rij.WAARDEN if v != "waarvan_amv"]
    bekend = [w for w in soorten if w is not None]
    if rij.waarvan_amv is not None and bekend and rij.waarvan_amv > sum(bekend):
        return [
            _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
            % {"amv": rij.waarvan_amv, "totaal": sum(bekend)}
        ]
    return []


def _controle_huisvesting(rij: HuisvestingRij) -> list[str]:
    fouten = []
    if rij.tot_en_met < rij.van:
        fouten.append(_("The end date is before the start date."))
    if rij.gehuisvest is None:
        if rij.waarvan_amv is not None or rij.toelichting or rij.versie is not None:
            fouten.append(_("Fill in the number housed."))
    elif rij.waarvan_amv is not None and rij.waarvan_amv > rij.gehuisvest:
        fouten.append(
            _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
            % {"amv": rij.waarvan_amv, "totaal": rij.gehuisvest}
        )
    return fouten


def _vorige(model, peildatum: Peildatum, gemeente: Gemeente):
    return (
        model.objects.filter(
            gemeente=gemeente,
            peildatum__provincie=peildatum.provincie,
            peildatum__datum__lt=peildatum.datum,
        )
        .order_by("-peildatum__datum")
        .first()
    )


def _waarden(object_, velden: Sequence[str]) -> dict[str, object]:
    return {veld: getattr(object_, veld) for veld in (*velden, "toelichting")}


def _laatste_gebruiker(object_) -> str:
    laatste = object_.history.order_by("-history_date").select_related("history_user").first()
    gebruiker = getattr(laatste, "history_user", None)
    return gebruiker.get_username() if gebruiker else "-"


def _opslaan(
    model: type[models.Model],
    *,
    peildatum: Peildatum | None,
    door,
    rijen: Sequence,
    bevestigd: bool,
    controle: Callable[[object], list[str]],
    sleutel: Callable[[object], dict],
    vorige: Callable[[Gemeente], models.Model | None],
    provincie: Provincie | None = None,
) -> Opslagresultaat:
    provincie = peildatum.provincie if peildatum else provincie
    actie = f"{model._meta.model_name}_opslaan"
    if not mag_invoeren(door, provincie):
        log_audit(door, actie, peildatum or provincie, "geweigerd")
        raise PermissionDenied
    resultaat = Opslagresultaat()
    if peildatum is not None:
        try:
            controleer_open(peildatum)
        except PeildatumVastgesteld as fout:
            resultaat.fout("", fout.messages[0])
            log_audit(door, actie, peildatum, "vastgesteld")
            return resultaat
    datum = peildatum.datum if peildatum else timezone.localdate()
    gemeenten = {
        g.code: g
        for g in Gemeente.objects.in_provincie(provincie)
        .filter_for_date(datum)
        .select_related("provincie")  # read by the permission check of every row
    }
    gezien: set[tuple] = set()
    for rij in rijen:
        gemeente = gemeenten.get(rij.gemeente)
        if gemeente is None:
            resultaat.fout(
                rij.gemeente,
                _("%(code)s is not a municipality of %(provincie)s.")
                % {"code": rij.gemeente, "provincie": provincie.naam},
            )
            continue
        if not mag_bewerken_gemeente(door, gemeente):
            resultaat.fout(
                rij.gemeente,
                _("You may not edit the figures of %(gemeente)s.") % {"gemeente": gemeente.naam},
            )
            continue
        sleutel_rij = (rij.gemeente, *sleutel(rij).values())
        if sleutel_rij in gezien:
            resultaat.fout(rij.gemeente, _("This municipality appears twice."))
        gezien.add(sleutel_rij)
        for veld in rij.WAARDEN:
            waarde = getattr(rij, veld)
            if waarde is not None and (type(waarde) is not int or waarde < 0):
                resultaat.fout(rij.gemeente, _("Enter whole numbers of 0 or more."))
                break
        else:
            for melding in controle(rij):
                resultaat.fout(rij.gemeente, melding)
            if not bevestigd:
                _controleer_absurd(rij, vorige(gemeente), resultaat)
    if resultaat.fouten:
        log_audit(door, actie, peildatum or provincie, "ongeldig")
        return resultaat
    if resultaat.bevestigen:
        log_audit(door, actie, peildatum or provincie, "bevestiging nodig")
        return resultaat
    try:
        with transaction.atomic():
            _schrijven(model, gemeenten, door, rijen, sleutel, resultaat)
            if resultaat.conflicten:
                raise _Terugdraaien
    except _Terugdraaien:
        resultaat.opgeslagen = []
        log_audit(door, actie, peildatum or provincie, "conflict")
        return resultaat
    except IntegrityError:
        # A concurrent insert of the same figure: the other save won.
        resultaat.opgeslagen = []
        resultaat.fout("", _("Someone else saved these figures at the same time; reload."))
        log_audit(door, actie, peildatum or provincie, "conflict")
        return resultaat
    log_audit(door, actie, peildatum or provincie, f"ok ({len(resultaat.opgeslagen)} rijen)")
    return resultaat


class _Terugdraaien(Exception):
    pass


def _controleer_absurd(rij, vorig, resultaat: Opslagresultaat) -> None:
    if vorig is None:
        return
    for veld in rij.WAARDEN:
        nieuw, oud = getattr(rij, veld), getattr(vorig, veld, None)
        if nieuw is not None and oud and nieuw > ABSURD_FACTOR * oud:
            resultaat.bevestigen.setdefault(rij.gemeente, []).append(
                _(
                    "%(nieuw)s is more than ten times the previous figure (%(oud)s); "
                    "confirm that it is correct."
                )
                % {"nieuw": nieuw, "oud": oud}
            )


def _schrijven(model, gemeenten, door, rijen, sleutel, resultaat: Opslagresultaat) -> None:
    for rij in rijen:
        gemeente = gemeenten[rij.gemeente]
        bestaand = (
            model.objects.select_for_update().filter(gemeente=gemeente, **sleutel(rij)).first()
        )
        nieuw = {veld: getattr(rij, veld) for veld in (*rij.WAARDEN, "toelichting")}
        huidige_versie = bestaand.versie if bestaand else None
        if huidige_versie != rij.versie:
            resultaat.conflicten.append(
                Conflict(
                    gemeente=gemeente.code,
                    gemeente_naam=gemeente.naam,
                    eigen=nieuw,
                    opgeslagen=_waarden(bestaand, rij.WAARDEN) if bestaand else {},
                    opgeslagen_versie=huidige_versie,
                    opgeslagen_door=_laatste_gebruiker(bestaand) if bestaand else "-",
                )
            )
            continue
        if bestaand is None:
            if all(waarde in (None, "") for waarde in nieuw.values()):
                continue  # an empty row stays "not delivered"
            bestaand = model(gemeente=gemeente, **sleutel(rij))
        elif _waarden(bestaand, rij.WAARDEN) == nieuw:
            continue  # unchanged: no new version, no history entry
        else:
            bestaand.versie += 1
        for veld, waarde in nieuw.items():
            setattr(bestaand, veld, waarde)
        bestaand._history_user = door
        bestaand.save()
        resultaat.opgeslagen.append(gemeente.code)


# --- Restoring an earlier value ----------------------------------------------------

HERSTELBAAR = {
    "oekrainetelling": (OekraineTelling, OekraineRij, oekraine_tellingen_opslaan),
    "asieltelling": (AsielTelling, AsielRij, asieltellingen_opslaan),
}


def waarde_herstellen(*, soort: str, history_id: int, door) -> Opslagresultaat:
    """Write the values of an earlier version back through the normal save path.

    The restore is itself a new version with its own history entry; the permission,
    vastgesteld and conflict checks are those of an ordinary save.
    """
    model, rij_klasse, opslaan = HERSTELBAAR[soort]
    oud = model.history.select_related("peildatum__provincie", "gemeente").get(
        history_id=history_id
    )
    huidig = model.objects.filter(pk=oud.id).first()
    rij = rij_klasse(
        gemeente=oud.gemeente.code,
        toelichting=oud.toelichting,
        versie=huidig.versie if huidig else None,
        **{veld: getattr(oud, veld) for veld in rij_klasse.WAARDEN},
    )
    resultaat = opslaan(peildatum=oud.peildatum, door=door, rijen=[rij], bevestigd=True)
    log_audit(
        door,
        "waarde_herstellen",
        f"{soort} {oud.id} versie {oud.versie}",
        "ok" if resultaat.gelukt else "mislukt",
    )
    return resultaat


# --- Location register (asiel) ---------------------------------------------------------


class VerouderdeVersie(ValidationError):
    """The object was saved by someone else after the editor loaded it."""


def _controleer_versie(object_, versie: int | None) -> None:
    if object_ is not None and object_.pk and versie is not None and object_.versie != versie:
        raise VerouderdeVersie(
            _(
                "Someone else (%(wie)s) changed this after you opened it; nothing was saved. "
                "Reload to see the saved values."
            )
            % {"wie": _laatste_gebruiker(object_)}
        )


@transaction.atomic
def opvanglocatie_opslaan(
    *,
    door,
    gemeente: Gemeente,
    naam: str,
    soort: str,
    beheerder: str,
    opmerkingen: str = "",
    locatie: Opvanglocatie | None = None,
    versie: int | None = None,
) -> Opvanglocatie:
    if not mag_bewerken_gemeente(door, gemeente) or (
        locatie is not None and not mag_bewerken_gemeente(door, locatie.gemeente)
    ):
        log_audit(door, "opvanglocatie_opslaan", naam, "geweigerd")
        raise PermissionDenied
    if locatie is not None:
        locatie = Opvanglocatie.objects.select_for_update().get(pk=locatie.pk)
        _controleer_versie(locatie, versie)
        locatie.versie += 1
    else:
        locatie = Opvanglocatie()
    if not naam.strip():
        raise ValidationError(_("Give the name of the location."))
    dubbel = Opvanglocatie.objects.filter(gemeente=gemeente, naam=naam.strip())
    if dubbel.exclude(pk=locatie.pk).exists():
        raise ValidationError(
            _("%(gemeente)s already has a location %(naam)s.")
            % {"gemeente": gemeente.naam, "naam": naam.strip()}
        )
    locatie.gemeente, locatie.naam, locatie.soort = gemeente, naam.strip(), soort
    locatie.beheerder, locatie.opmerkingen = beheerder, opmerkingen
    locatie._history_user = door
    locatie.save()
    log_audit(door, "opvanglocatie_opslaan", locatie, "ok")
    return locatie


@transaction.atomic
def capaciteitsperiode_opslaan(
    *,
    door,
    locatie: Opvanglocatie,
    plaatsen: int,
    van: datetime.date,
    status: str,
    waarvan_amv: int = 0,
    tot_en_met: datetime.date | None = None,
    periode: Capaciteitsperiode | None = None,
    versie: int | None = None,
) -> Capaciteitsperiode:
    """A capacity period: the first contract, an extension, or a planned change."""
    if not mag_bewerken_gemeente(door, locatie.gemeente):
        log_audit(door, "capaciteitsperiode_opslaan", locatie, "geweigerd")
        raise PermissionDenied
    fouten = []
    for waarde in (plaatsen, waarvan_amv):
        if type(waarde) is not int or waarde < 0:
            fouten.append(_("Enter whole numbers of 0 or more."))
            break
    else:
        if waarvan_amv > plaatsen:
            fouten.append(
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": waarvan_amv, "totaal": plaatsen}
            )
    if tot_en_met is not None and tot_en_met < van:
        fouten.append(_("The end date is before the start date."))
    if fouten:
        raise ValidationError(fouten)
    if periode is not None:
        periode = Capaciteitsperiode.objects.select_for_update().get(pk=periode.pk, locatie=locatie)
        _controleer_versie(periode, versie)
        periode.versie += 1
    else:
        periode = Capaciteitsperiode(locatie=locatie)
    periode.plaatsen, periode.waarvan_amv, periode.status = plaatsen, waarvan_amv, status
    periode.van, periode.tot_en_met = van, tot_en_met
    periode._history_user = door
    periode.save()
    log_audit(door, "capaciteitsperiode_opslaan", periode, "ok")
    return periode


@transaction.atomic
def opvanglocatie_beeindigen(*, door, locatie: Opvanglocatie, per: datetime.date) -> Opvanglocatie:
    """End a location on `per`: its running periods end then; nothing is deleted."""
    if not mag_bewerken_gemeente(door, locatie.gemeente):
        log_audit(door, "opvanglocatie_beeindigen", locatie, "geweigerd")
        raise PermissionDenied
    perioden = list(locatie.perioden.select_for_update())
    if any(p.van > per for p in perioden):
        raise ValidationError(
            _("A capacity period starts after %(datum)s; change or end it first.")
            % {"datum": f"{per:%-d-%-m-%Y}"}
        )
    for periode in perioden:
        if periode.tot_en_met is None or periode.tot_en_met > per:
            periode.tot_en_met = per
            periode.versie += 1
            periode._history_user = door
            periode.save()
    log_audit(door, "opvanglocatie_beeindigen", locatie, f"ok (per {per.isoformat()})")
    return locatie
