"""Writes of the data entry: peildata and the figures per gemeente.

Every function is all-or-nothing, checks the permission policy (`toegang.beleid`) and
the vastgesteld state itself, so the grid, the Excel import and the REST API get the
same validation, conflict detection and audit trail. Each saved change is a
django-simple-history record with the acting user; each action is one line in the
`prt.audit` log.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from opgaven.halfjaar import Halfjaar
from opgaven.models import Locatiesoort
from prt.aantallen import MAXIMUM_AANTAL, OngeldigAantal, begrensd
from prt.aantallen import melding as aantal_melding
from prt.tekstinvoer import heeft_stuurtekens, is_zichtbare_naam
from realisatie.aandelen import controleer
from realisatie.invoer import sprongen
from realisatie.invoer.rijen import (
    AsielRij,
    HuisvestingRij,
    OekraineRij,
    Opslagresultaat,
    maandeinde,
)
from realisatie.invoer.versies import Schrijfrij, laatste_gebruiker, rijen_schrijven
from realisatie.models import (
    AsielTelling,
    Beheerder,
    Capaciteitsperiode,
    Heropening,
    Huisvesting,
    Locatieaandeel,
    OekraineTelling,
    Opvanglocatie,
    Peildatum,
    Status,
)
from realisatie.vastgesteld import gedekte_peildata, geraakte_peildata
from toegang.audit import log_audit
from toegang.beleid import mag_bewerken, mag_bewerken_gemeente, mag_invoeren
from vaststellingen.services import vaststelling_heropenen, vaststelling_vastleggen


class PeildatumVastgesteld(ValidationError):
    """Raised when a write would change a figure of a vastgestelde peildatum."""


def controleer_open(peildatum: Peildatum) -> None:
    if peildatum.is_vastgesteld:
        raise PeildatumVastgesteld(vastgesteld_melding(peildatum))


def vastgesteld_melding(peildatum: Peildatum) -> str:
    return _(
        "The reference date %(peildatum)s has been adopted; its figures are "
        "read-only until it is reopened."
    ) % {"peildatum": f"{peildatum.datum:%-d-%-m-%Y}"}


# --- Peildata ----------------------------------------------------------------------


def peildatum_aanmaken(
    *, provincie: Provincie, datum: datetime.date, door, omschrijving: str = ""
) -> Peildatum:
    if not mag_bewerken(door, provincie):
        log_audit(door, "peildatum_aanmaken", provincie, "geweigerd")
        raise PermissionDenied
    if heeft_stuurtekens(omschrijving):
        raise ValidationError(_("The description contains a control character."))
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
def peildatum_wijzigen(
    *, peildatum: Peildatum, door, datum: datetime.date, provincie: Provincie, omschrijving: str
) -> Peildatum:
    """Change a peildatum's date, province or description (the admin). What the PRT fixed
    stays what it was: a vastgestelde peildatum keeps its date and province until reopened."""
    peildatum = Peildatum.objects.select_for_update().get(pk=peildatum.pk)
    if not (mag_bewerken(door, peildatum.provincie) and mag_bewerken(door, provincie)):
        log_audit(door, "peildatum_wijzigen", peildatum, "geweigerd")
        raise PermissionDenied
    if peildatum.is_vastgesteld and (datum, provincie.pk) != (
        peildatum.datum,
        peildatum.provincie_id,
    ):
        log_audit(door, "peildatum_wijzigen", peildatum, "vastgesteld")
        raise PeildatumVastgesteld(vastgesteld_melding(peildatum))
    if heeft_stuurtekens(omschrijving):
        raise ValidationError(_("The description contains a control character."))
    if Peildatum.objects.filter(provincie=provincie, datum=datum).exclude(pk=peildatum.pk).exists():
        raise ValidationError(
            _("%(provincie)s already has a reference date %(datum)s.")
            % {"provincie": provincie.naam, "datum": f"{datum:%-d-%-m-%Y}"}
        )
    peildatum.datum, peildatum.provincie, peildatum.omschrijving = datum, provincie, omschrijving
    peildatum._history_user = door
    peildatum.save(update_fields=["datum", "provincie", "omschrijving"])
    log_audit(door, "peildatum_wijzigen", peildatum, "ok")
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
    vaststelling_vastleggen(peildatum=peildatum, door=door)
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
    if heeft_stuurtekens(reden):
        raise ValidationError(_("The reason contains a control character."))
    Heropening.objects.create(
        peildatum=peildatum, door=door, reden=reden.strip(), vastgesteld_op=peildatum.vastgesteld_op
    )
    vaststelling_heropenen(peildatum=peildatum, door=door, reden=reden.strip())
    peildatum.vastgesteld_op = None
    peildatum.vastgesteld_door = None
    peildatum._history_user = door
    peildatum.save(update_fields=["vastgesteld_op", "vastgesteld_door"])
    log_audit(door, "peildatum_heropenen", peildatum, "ok")
    return peildatum


@transaction.atomic
def peildatum_verwijderen(*, peildatum: Peildatum, door) -> int:
    """Delete an open peildatum made by mistake, with its figures; returns how many.

    Only the province's editors may, and never a vastgestelde one. Every figure is
    deleted on its own, so the history keeps a deletion record (with who) for each.
    """
    peildatum = Peildatum.objects.select_for_update().get(pk=peildatum.pk)
    if not mag_bewerken(door, peildatum.provincie):
        log_audit(door, "peildatum_verwijderen", peildatum, "geweigerd")
        raise PermissionDenied
    if peildatum.is_vastgesteld:
        log_audit(door, "peildatum_verwijderen", peildatum, "vastgesteld")
        raise PeildatumVastgesteld(
            _(
                "The reference date %(peildatum)s has been adopted; it cannot be deleted. "
                "Reopen it first if it really was a mistake."
            )
            % {"peildatum": f"{peildatum.datum:%-d-%-m-%Y}"}
        )
    aantal = 0
    for model in (OekraineTelling, AsielTelling):
        for telling in model.objects.filter(peildatum=peildatum):
            telling._history_user = door
            telling.delete()
            aantal += 1
    naam = str(peildatum)
    peildatum._history_user = door
    peildatum.delete()
    log_audit(door, "peildatum_verwijderen", naam, f"ok ({aantal} cijfers)")
    return aantal


# --- Figures per gemeente or larger area --------------------------------------------

# Confirmation of figures ten times the previous one or more (`realisatie.tienvoud`):
# True confirms every row; a collection confirms the rows of those gemeente codes.
Bevestigd = bool | Collection[str]


def oekraine_tellingen_opslaan(
    *, peildatum: Peildatum, door, rijen: Sequence[OekraineRij], bevestigd: Bevestigd = False
) -> Opslagresultaat:
    return _tellingen(
        OekraineTelling,
        _controle_oekraine,
        {"peildatum": peildatum},
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
    )


def asieltellingen_opslaan(
    *,
    peildatum: Peildatum,
    door,
    rijen: Sequence[AsielRij],
    bevestigd: Bevestigd = False,
    datum: datetime.date | None = None,
) -> Opslagresultaat:
    """Asiel totals per soort. With a `datum` after the peildatum they are a plan for that
    date (Gelderland's "realisatie Q1 2024", written in January), not a realisation."""
    return _tellingen(
        AsielTelling,
        _controle_asiel,
        {"peildatum": peildatum, "datum": datum or peildatum.datum},
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
    )


def oekraine_gebiedstellingen_opslaan(
    *, peildatum: Peildatum, door, rijen: Sequence[OekraineRij], bevestigd: Bevestigd = False
) -> Opslagresultaat:
    """Oekraïne figures of the province, its veiligheidsregio's or subregio's, where a
    source gives only those (Gelderland per veiligheidsregio). A row's `gemeente` holds
    the area's code (PV25, VR06, a subregio code); only the province's editors may."""
    return _tellingen(
        OekraineTelling,
        _controle_oekraine,
        {"peildatum": peildatum},
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        gebieden=True,
    )


def asiel_gebiedstellingen_opslaan(
    *,
    peildatum: Peildatum,
    door,
    rijen: Sequence[AsielRij],
    bevestigd: Bevestigd = False,
    datum: datetime.date | None = None,
) -> Opslagresultaat:
    """Asiel totals of larger areas (Gelderland's province split RO / NO / TGO), as
    `oekraine_gebiedstellingen_opslaan`; with a later `datum` a plan."""
    return _tellingen(
        AsielTelling,
        _controle_asiel,
        {"peildatum": peildatum, "datum": datum or peildatum.datum},
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        gebieden=True,
    )


def _tellingen(model, controle, sleutel, *, peildatum, door, rijen, bevestigd, gebieden=False):
    if sleutel.get("datum", peildatum.datum) < peildatum.datum:
        resultaat = Opslagresultaat()
        resultaat.fout("", _("A planned figure is for a date after the reference date."))
        return resultaat
    return _opslaan(
        model,
        peildatum=peildatum,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        controle=controle,
        sleutel=lambda rij: sleutel,
        vorige=lambda paren: _vorige_tellingen(model, peildatum, sleutel, paren),
        gebieden=gebieden_van(peildatum.provincie) if gebieden else None,
    )


def _vorige_tellingen(model, peildatum, sleutel, paren) -> list:
    vorige = sprongen.vorige_tellingen(model, peildatum, sleutel, [g for g, _rij in paren])
    return [vorige.get((sprongen.gebiedsveld(g), g.pk)) for g, _rij in paren]


def gebieden_van(provincie: Provincie) -> dict[str, object]:
    """The areas above the gemeenten a figure can be entered for, by code: the province,
    its veiligheidsregio's and its subregio's."""
    return {
        provincie.code: provincie,
        **{vr.code: vr for vr in Veiligheidsregio.objects.filter(provincie=provincie)},
        **{s.code: s for s in Subregio.objects.filter(provincie=provincie).order_by("naam")},
    }


def huisvesting_opslaan(
    *,
    provincie: Provincie,
    door,
    rijen: Sequence[HuisvestingRij],
    bevestigd: Bevestigd = False,
) -> Opslagresultaat:
    """Statushouders housed per gemeente and period (not tied to a peildatum): a whole
    calendar month, or a whole half year; periods of one gemeente never overlap, so
    nothing is counted twice (also a CHECK/EXCLUDE constraint in PostgreSQL)."""
    overlap = _overlappende_perioden(provincie, rijen)
    return _opslaan(
        Huisvesting,
        peildatum=None,
        provincie=provincie,
        door=door,
        rijen=rijen,
        bevestigd=bevestigd,
        controle=lambda rij: [
            *_controle_huisvesting(rij),
            *((None, m) for m in overlap.get((rij.gemeente, rij.van, rij.tot_en_met), [])),
        ],
        sleutel=lambda rij: {"van": rij.van, "tot_en_met": rij.tot_en_met},
        vorige=_vorige_maanden,
        vergrendeld=lambda: huisvesting_vergrendeld(provincie, rijen),
        veldsleutel=huisvesting_veld,
    )


def huisvesting_veld(rij: HuisvestingRij, veld: str) -> str:
    """How a month's field is named in the messages per field: "gehuisvest:2024-03"."""
    return f"{veld}:{rij.van:%Y-%m}"


def _vorige_maanden(paren) -> list:
    vorige = sprongen.vorige_maanden([g for g, _rij in paren], [rij for _g, rij in paren])
    return [vorige.get((g.pk, rij.van)) for g, rij in paren]


def huisvesting_vergrendeld(provincie: Provincie, rijen: Sequence[HuisvestingRij]) -> list[str]:
    """A message per period in which `rijen` would change a month that a vastgestelde
    peildatum has locked. Unchanged rows pass, so a template with a locked month next to
    open ones can be uploaded again after correcting an open month."""
    meldingen = []
    perioden = sorted({(rij.van, rij.tot_en_met) for rij in rijen})
    for van, tot_en_met in perioden:
        peildata = Peildatum.objects.vergrendelt_periode(provincie, tot_en_met)
        if not peildata:
            continue
        groep = [rij for rij in rijen if (rij.van, rij.tot_en_met) == (van, tot_en_met)]
        bestaand = {
            h.gemeente.code: h
            for h in Huisvesting.objects.filter(
                gemeente__code__in=[rij.gemeente for rij in groep], van=van, tot_en_met=tot_en_met
            ).select_related("gemeente")
        }
        if any(_wijzigt(rij, bestaand.get(rij.gemeente)) for rij in groep):
            meldingen.append(huisvesting_vergrendeld_melding(van, tot_en_met, peildata))
    return meldingen


def _wijzigt(rij, bestaand) -> bool:
    velden = (*rij.WAARDEN, "toelichting")
    if bestaand is None:
        return any(getattr(rij, veld) not in (None, "") for veld in velden)
    return any(getattr(rij, veld) != getattr(bestaand, veld) for veld in velden)


def huisvesting_vergrendeld_melding(van, tot_en_met, peildata) -> str:
    return _(
        "The figures of %(van)s to %(tot)s count towards the adopted reference date(s) "
        "%(peildata)s; they are read-only until those are reopened."
    ) % {
        "van": f"{van:%-d-%-m-%Y}",
        "tot": f"{tot_en_met:%-d-%-m-%Y}",
        "peildata": ", ".join(f"{p.datum:%-d-%-m-%Y}" for p in peildata),
    }


def _register_controleren(provincies, oud, nieuw) -> None:
    """Refuse a change to a capacity period that alters a vastgestelde peildatum.

    Run inside the write transaction: the province's peildata are locked, so a
    vaststellen that commits meanwhile waits for this write or sees it."""
    data = _vastgestelde_data(provincies)
    if geraakt := geraakte_peildata(oud, nieuw, data):
        raise PeildatumVastgesteld(register_melding(geraakt))


def _vastgestelde_data(provincies) -> list[datetime.date]:
    peildata = Peildatum.objects.select_for_update().filter(provincie__in=provincies)
    return [p.datum for p in peildata.vastgesteld()]


def register_melding(geraakt: list[datetime.date]) -> str:
    return _(
        "This change alters the register on the adopted reference date(s) %(peildata)s. "
        "Reopen them first, or record the change as a new period that starts later."
    ) % {"peildata": ", ".join(f"{d:%-d-%-m-%Y}" for d in geraakt)}


def _controle_oekraine(rij: OekraineRij) -> list[tuple[str | None, str]]:
    """(field, message) per inconsistency of a row."""
    fouten = []
    if None not in (rij.goo_totaal, rij.goo_bezet) and rij.goo_bezet > rij.goo_totaal:
        fouten.append(
            (
                "goo_bezet",
                _("Occupied (%(bezet)s) is more than the total (%(totaal)s).")
                % {"bezet": rij.goo_bezet, "totaal": rij.goo_totaal},
            )
        )
    if rij.goo_totaal is not None and rij.goo_beschikbaar is not None:
        vrij = rij.goo_totaal - (rij.goo_bezet or 0)
        if rij.goo_beschikbaar > vrij:
            fouten.append(
                (
                    "goo_beschikbaar",
                    _("Available (%(beschikbaar)s) is more than total minus occupied (%(vrij)s).")
                    % {"beschikbaar": rij.goo_beschikbaar, "vrij": vrij},
                )
            )
    return fouten


def _controle_asiel(rij: AsielRij) -> list[tuple[str | None, str]]:
    soorten = [getattr(rij, v) for v in rij.WAARDEN if v != "waarvan_amv"]
    bekend = [w for w in soorten if w is not None]
    if rij.waarvan_amv is not None and bekend and rij.waarvan_amv > sum(bekend):
        return [
            (
                "waarvan_amv",
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": rij.waarvan_amv, "totaal": sum(bekend)},
            )
        ]
    return []


def is_hele_periode(van: datetime.date, tot_en_met: datetime.date) -> bool:
    """A whole calendar month, or a whole half year (1-1 to 30-6, 1-7 to 31-12)."""
    if van.day != 1:
        return False
    if tot_en_met == maandeinde(van):
        return True
    if van.month in (1, 7):
        halfjaar = Halfjaar(van.year, 1 if van.month == 1 else 2)
        return tot_en_met == halfjaar.einde
    return False


def _overlappende_perioden(provincie: Provincie, rijen: Sequence[HuisvestingRij]) -> dict:
    """Per (gemeente, van, tot_en_met) of `rijen`, a message for each other period of the
    same gemeente it overlaps, stored or in `rijen` itself."""
    meldingen: dict[tuple, list[str]] = {}
    # An empty row of the grid writes nothing, so it overlaps nothing either.
    schrijvend = [rij for rij in rijen if rij.gehuisvest is not None]
    if not schrijvend:
        return meldingen
    perioden = {(rij.gemeente, rij.van, rij.tot_en_met) for rij in schrijvend}
    opgeslagen = Huisvesting.objects.filter(
        gemeente__code__in={rij.gemeente for rij in schrijvend},
        van__lte=max(rij.tot_en_met for rij in schrijvend),
        tot_en_met__gte=min(rij.van for rij in schrijvend),
    ).values_list("gemeente__code", "van", "tot_en_met")
    alle = perioden | set(opgeslagen)
    for code, van, tot in perioden:
        for ander_code, ander_van, ander_tot in alle:
            anders = ander_code == code and (ander_van, ander_tot) != (van, tot)
            if not (anders and ander_van <= tot and ander_tot >= van):
                continue
            meldingen.setdefault((code, van, tot), []).append(
                _(
                    "The period %(van)s to %(tot)s overlaps the registered period "
                    "%(ander_van)s to %(ander_tot)s; it would be counted twice."
                )
                % {
                    "van": f"{van:%-d-%-m-%Y}",
                    "tot": f"{tot:%-d-%-m-%Y}",
                    "ander_van": f"{ander_van:%-d-%-m-%Y}",
                    "ander_tot": f"{ander_tot:%-d-%-m-%Y}",
                }
            )
    return meldingen


def _controle_huisvesting(rij: HuisvestingRij) -> list[tuple[str | None, str]]:
    fouten: list[tuple[str | None, str]] = []
    if rij.tot_en_met < rij.van:
        fouten.append((None, _("The end date is before the start date.")))
    elif not is_hele_periode(rij.van, rij.tot_en_met):
        fouten.append(
            (
                None,
                _(
                    "A period is a whole calendar month (from the first to the last day) or "
                    "a whole half year (1-1 to 30-6, or 1-7 to 31-12)."
                ),
            )
        )
    if rij.gehuisvest is None:
        # The amv (Nidos) housed alone is a figure of its own; an explanation alone is not.
        if rij.waarvan_amv is None and (rij.toelichting or rij.versie is not None):
            fouten.append(("gehuisvest", _("Fill in the number housed.")))
    elif rij.waarvan_amv is not None and rij.waarvan_amv > rij.gehuisvest:
        fouten.append(
            (
                "waarvan_amv",
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": rij.waarvan_amv, "totaal": rij.gehuisvest},
            )
        )
    return fouten


def _opslaan(
    model: type[models.Model],
    *,
    peildatum: Peildatum | None,
    door,
    rijen: Sequence,
    bevestigd: Bevestigd,
    controle: Callable[[object], list[tuple[str | None, str]]],
    sleutel: Callable[[object], dict],
    vorige: Callable[[list[tuple[object, object]]], list[models.Model | None]],
    provincie: Provincie | None = None,
    vergrendeld: Callable[[], list[str]] = list,
    gebieden: dict[str, object] | None = None,
    veldsleutel: Callable[[object, str], str] = lambda rij, veld: veld,
) -> Opslagresultaat:
    """The shared save: checks, then all rows in one transaction or none.

    `gebieden` (code -> area) replaces the province's gemeenten for the figures of
    larger areas, which only the province's editors may change. `veldsleutel` names a
    row's field in the messages per field (a month's "gehuisvest:2024-03")."""
    provincie = peildatum.provincie if peildatum else provincie
    actie = f"{model._meta.model_name}_opslaan"
    if not mag_invoeren(door, provincie) or (
        gebieden is not None and not mag_bewerken(door, provincie)
    ):
        log_audit(door, actie, peildatum or provincie, "geweigerd")
        raise PermissionDenied
    resultaat = Opslagresultaat()

    def gesloten(vergrendelen: bool = False) -> bool:
        """Whether a vastgestelde peildatum forbids this save. Checked first for quick
        feedback and again inside the write transaction with the province's peildata
        locked, so a vaststellen that commits meanwhile cannot be overtaken."""
        peildata = Peildatum.objects.filter(provincie=provincie)
        if vergrendelen:
            peildata = peildata.select_for_update()
        if peildatum is not None:
            actueel = peildata.get(pk=peildatum.pk)
            meldingen = [] if not actueel.is_vastgesteld else [vastgesteld_melding(actueel)]
        else:
            list(peildata)  # takes the locks
            meldingen = vergrendeld()
        for melding in meldingen:
            resultaat.fout("", melding)
        if meldingen:
            resultaat.vastgesteld = True
            log_audit(door, actie, peildatum or provincie, "vastgesteld")
        return bool(meldingen)

    if gesloten():
        return resultaat
    if gebieden is None:
        datum = peildatum.datum if peildatum else timezone.localdate()
        gebieden = {
            g.code: g
            for g in Gemeente.objects.in_provincie(provincie)
            .filter_for_date(datum)
            .select_related("provincie")  # read by the permission check of every row
        }
    gezien: set[tuple] = set()
    te_vergelijken = []
    for rij in rijen:
        gebied = gebieden.get(rij.gemeente)
        if gebied is None:
            resultaat.fout(
                rij.gemeente,
                _("%(code)s is not a municipality of %(provincie)s.")
                % {"code": rij.gemeente, "provincie": provincie.naam},
            )
            continue
        if isinstance(gebied, Gemeente) and not mag_bewerken_gemeente(door, gebied):
            resultaat.fout(
                rij.gemeente,
                _("You may not edit the figures of %(gemeente)s.") % {"gemeente": gebied.naam},
            )
            continue
        sleutel_rij = (rij.gemeente, *sleutel(rij).values())
        if sleutel_rij in gezien:
            resultaat.fout(rij.gemeente, _("This municipality appears twice."))
        gezien.add(sleutel_rij)
        if heeft_stuurtekens(rij.toelichting):
            resultaat.fout(rij.gemeente, _("The explanation contains a control character."))
        for veld in rij.WAARDEN:
            waarde = getattr(rij, veld)
            if waarde is not None and (type(waarde) is not int or waarde < 0):
                melding = _("Enter whole numbers of 0 or more.")
                resultaat.fout(rij.gemeente, melding, veldsleutel(rij, veld))
                break
            if waarde is not None and waarde > MAXIMUM_AANTAL:
                resultaat.fout(rij.gemeente, _te_groot(waarde), veldsleutel(rij, veld))
                break
        else:
            for veld, melding in controle(rij):
                resultaat.fout(rij.gemeente, melding, veld and veldsleutel(rij, veld))
            if bevestigd is not True and rij.gemeente not in (bevestigd or ()):
                te_vergelijken.append((gebied, rij))
    if resultaat.fouten:
        log_audit(door, actie, peildatum or provincie, "ongeldig")
        return resultaat
    for (_gebied, rij), vorig in zip(te_vergelijken, vorige(te_vergelijken), strict=True):
        for veld, melding in sprongen.sprongen(rij, vorig, model):
            resultaat.waarschuwing(rij.gemeente, melding, veldsleutel(rij, veld))
    if resultaat.bevestigen:
        log_audit(door, actie, peildatum or provincie, "bevestiging nodig")
        return resultaat
    try:
        with transaction.atomic():
            if gesloten(vergrendelen=True):
                return resultaat
            _schrijven(model, gebieden, door, rijen, sleutel, resultaat)
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


def _te_groot(waarde: int) -> str:
    try:
        begrensd(waarde)
    except OngeldigAantal as fout:
        return aantal_melding(fout)
    return ""


def _schrijven(model, gebieden, door, rijen, sleutel, resultaat: Opslagresultaat) -> None:
    """Every row in one locking read and one bulk write (history per row)."""
    rijen_schrijven(
        model,
        rijen=[
            Schrijfrij(
                gebied=gebieden[rij.gemeente],
                sleutel=sleutel(rij),
                nieuw={veld: getattr(rij, veld) for veld in (*rij.WAARDEN, "toelichting")},
                versie=rij.versie,
            )
            for rij in rijen
        ],
        door=door,
        resultaat=resultaat,
    )


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
            % {"wie": laatste_gebruiker(object_)}
        )


@transaction.atomic
def opvanglocatie_opslaan(
    *,
    door,
    gemeente: Gemeente,
    naam: str,
    opmerkingen: str = "",
    locatie: Opvanglocatie | None = None,
    versie: int | None = None,
) -> Opvanglocatie:
    """A location of `gemeente`. A new location is wholly this gemeente's (a share of
    100%); moving a location moves a single full share with it."""
    if not mag_bewerken_gemeente(door, gemeente) or (
        locatie is not None and not mag_bewerken_gemeente(door, locatie.gemeente)
    ):
        log_audit(door, "opvanglocatie_opslaan", naam, "geweigerd")
        raise PermissionDenied
    verhuisd = False
    if locatie is not None:
        locatie = Opvanglocatie.objects.select_for_update().get(pk=locatie.pk)
        _controleer_versie(locatie, versie)
        if locatie.gemeente_id != gemeente.pk:
            verhuisd = True
            provincies = {locatie.gemeente.provincie_id, gemeente.provincie_id}
            data = _vastgestelde_data(provincies)
            if gedekt := gedekte_peildata(locatie.perioden.all(), data):
                raise PeildatumVastgesteld(register_melding(gedekt))
        locatie.versie += 1
    else:
        locatie = Opvanglocatie()
    if not naam.strip():
        raise ValidationError(_("Give the name of the location."))
    if not is_zichtbare_naam(naam):
        raise ValidationError(
            _(
                "A name may not contain control characters or invisible characters "
                "(such as a zero-width space)."
            )
        )
    if heeft_stuurtekens(opmerkingen):
        raise ValidationError(_("The remarks contain a control character."))
    dubbel = Opvanglocatie.objects.filter(gemeente=gemeente, naam=naam.strip())
    if dubbel.exclude(pk=locatie.pk).exists():
        raise ValidationError(
            _("%(gemeente)s already has a location %(naam)s.")
            % {"gemeente": gemeente.naam, "naam": naam.strip()}
        )
    nieuw = locatie.pk is None
    locatie.gemeente, locatie.naam, locatie.opmerkingen = gemeente, naam.strip(), opmerkingen
    locatie._history_user = door
    locatie.save()
    aandelen = list(locatie.aandelen.all())
    if nieuw or not aandelen:
        Locatieaandeel.objects.create(locatie=locatie, gemeente=gemeente, percentage=100)
    elif verhuisd and len(aandelen) == 1:
        aandelen[0].gemeente = gemeente
        aandelen[0]._history_user = door
        aandelen[0].save(update_fields=["gemeente"])
    log_audit(door, "opvanglocatie_opslaan", locatie, "ok")
    return locatie


@transaction.atomic
def locatie_aandelen_vastleggen(
    *,
    door,
    locatie: Opvanglocatie,
    aandelen: dict[Gemeente, tuple[int | None, Decimal | None]],
) -> list[Locatieaandeel]:
    """Replace the shares of a location: per gemeente (places, percentage), one of them
    set; all of one kind, adding up to the whole (`realisatie.aandelen.controleer`).
    Every gemeente must be one the user may edit."""
    if not mag_bewerken_gemeente(door, locatie.gemeente) or not all(
        mag_bewerken_gemeente(door, g) for g in aandelen
    ):
        log_audit(door, "locatie_aandelen_vastleggen", locatie, "geweigerd")
        raise PermissionDenied
    locatie = Opvanglocatie.objects.select_for_update().get(pk=locatie.pk)
    plaatsen = [p.plaatsen for p in locatie.perioden.order_by("-van") if p.plaatsen is not None]
    try:
        controleer(aandelen, plaatsen[0] if plaatsen else None)
    except ValueError as fout:
        raise ValidationError(str(fout)) from None
    oud = {a.gemeente_id: a for a in locatie.aandelen.all()}
    nieuw = {}
    if oud.keys() != {g.pk for g in aandelen}:
        # Moving places between gemeenten alters a vastgestelde peildatum of either.
        provincies = {locatie.gemeente.provincie_id} | {g.provincie_id for g in aandelen}
        if gedekt := gedekte_peildata(locatie.perioden.all(), _vastgestelde_data(provincies)):
            raise PeildatumVastgesteld(register_melding(gedekt))
    for gemeente_pk in oud.keys() - {g.pk for g in aandelen}:
        oud[gemeente_pk]._history_user = door
        oud[gemeente_pk].delete()
    for gemeente, (aantal, percentage) in aandelen.items():
        aandeel = oud.get(gemeente.pk) or Locatieaandeel(locatie=locatie, gemeente=gemeente)
        aandeel.plaatsen, aandeel.percentage = aantal, percentage
        aandeel._history_user = door
        aandeel.save()
        nieuw[gemeente.pk] = aandeel
    log_audit(door, "locatie_aandelen_vastleggen", locatie, "ok")
    return list(nieuw.values())


@transaction.atomic
def capaciteitsperiode_opslaan(
    *,
    door,
    locatie: Opvanglocatie,
    plaatsen: int | None,
    van: datetime.date,
    status: str,
    soort: str,
    beheerder: str,
    waarvan_amv: int = 0,
    tot_en_met: datetime.date | None = None,
    geschat: bool = False,
    einde_onbekend: bool = False,
    verlengbaar_tot: datetime.date | None = None,
    pm: str = "",
    periode: Capaciteitsperiode | None = None,
    versie: int | None = None,
) -> Capaciteitsperiode:
    """A capacity period: the first contract, an extension, a change of kind or manager,
    or a planned change. `plaatsen` None is unknown (not 0); `geschat` an estimate."""
    if not mag_bewerken_gemeente(door, locatie.gemeente):
        log_audit(door, "capaciteitsperiode_opslaan", locatie, "geweigerd")
        raise PermissionDenied
    fouten = periode_fouten(
        plaatsen=plaatsen,
        waarvan_amv=waarvan_amv,
        van=van,
        tot_en_met=tot_en_met,
        geschat=geschat,
        einde_onbekend=einde_onbekend,
        verlengbaar_tot=verlengbaar_tot,
        soort=soort,
        beheerder=beheerder,
        pm=pm,
    )
    if fouten:
        raise ValidationError(fouten)
    dubbel = Capaciteitsperiode.objects.filter(locatie=locatie, van=van, status=status)
    if dubbel.exclude(pk=periode.pk if periode else None).exists():
        raise ValidationError(_periode_dubbel(van, status))
    if periode is not None:
        periode = Capaciteitsperiode.objects.select_for_update().get(pk=periode.pk, locatie=locatie)
        _controleer_versie(periode, versie)
    waarden = {
        "plaatsen": plaatsen,
        "geschat": geschat,
        "waarvan_amv": waarvan_amv,
        "status": status,
        "van": van,
        "tot_en_met": tot_en_met,
        "einde_onbekend": einde_onbekend,
        "verlengbaar_tot": verlengbaar_tot,
        "soort_id": soort,
        "beheerder": beheerder,
        "pm": pm,
    }
    _register_controleren([locatie.gemeente.provincie_id], periode, Capaciteitsperiode(**waarden))
    if periode is not None:
        periode.versie += 1
    else:
        periode = Capaciteitsperiode(locatie=locatie)
    for veld, waarde in waarden.items():
        setattr(periode, veld, waarde)
    periode._history_user = door
    try:
        with transaction.atomic():
            periode.save()
    except IntegrityError:
        # A double submit that raced past the check above: the constraint refuses it.
        raise ValidationError(_periode_dubbel(van, status)) from None
    log_audit(door, "capaciteitsperiode_opslaan", periode, "ok")
    return periode


def periode_fouten(
    *,
    plaatsen: int | None,
    waarvan_amv: int,
    van: datetime.date,
    tot_en_met: datetime.date | None,
    geschat: bool,
    einde_onbekend: bool,
    verlengbaar_tot: datetime.date | None,
    soort: str,
    beheerder: str,
    pm: str,
) -> list[str]:
    """What is wrong with a capacity period, in words (shared by the form, the API and
    the location-list import)."""
    fouten = []
    for waarde in (plaatsen, waarvan_amv):
        if waarde is not None and (type(waarde) is not int or waarde < 0):
            fouten.append(_("Enter whole numbers of 0 or more."))
            break
    else:
        if plaatsen is not None and plaatsen > MAXIMUM_AANTAL:
            fouten.append(_te_groot(plaatsen))
        elif waarvan_amv > (plaatsen if plaatsen is not None else 0):
            fouten.append(
                _("Of which unaccompanied minors (%(amv)s) is more than the total (%(totaal)s).")
                % {"amv": waarvan_amv, "totaal": "?" if plaatsen is None else plaatsen}
            )
    if geschat and plaatsen is None:
        fouten.append(_("An estimate needs a number of places."))
    if tot_en_met is not None and tot_en_met < van:
        fouten.append(_("The end date is before the start date."))
    if einde_onbekend and tot_en_met is not None:
        fouten.append(_("Give an end date or mark the end as unknown, not both."))
    if verlengbaar_tot is not None and (tot_en_met is None or verlengbaar_tot <= tot_en_met):
        fouten.append(_("An option to extend runs until a date after the end date."))
    if not Locatiesoort.objects.filter(code=soort).exists():
        fouten.append(
            _("Unknown type %(soort)s; choose one from the list of types.") % {"soort": soort}
        )
    if beheerder not in Beheerder.values:
        fouten.append(_("Unknown operator %(beheerder)s.") % {"beheerder": beheerder})
    if heeft_stuurtekens(pm):
        fouten.append(_("The p.m. remark contains a control character."))
    return fouten


def _periode_dubbel(van: datetime.date, status: str) -> str:
    return _(
        "This location already has a capacity period from %(datum)s with status %(status)s; "
        "change that period instead of adding it again."
    ) % {"datum": f"{van:%-d-%-m-%Y}", "status": Status(status).label}


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
            beeindigd = copy.copy(periode)
            beeindigd.tot_en_met = per
            _register_controleren([locatie.gemeente.provincie_id], periode, beeindigd)
            periode.tot_en_met = per
            periode.versie += 1
            periode._history_user = door
            periode.save()
    log_audit(door, "opvanglocatie_beeindigen", locatie, f"ok (per {per.isoformat()})")
    return locatie
