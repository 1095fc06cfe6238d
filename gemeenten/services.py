"""Writes for the geography: the reference data and the CBS list of gemeenten.

Both loaders are idempotent upserts keyed by CBS code, run in one transaction (all or
nothing) and return a `Rapport` of what they added, changed and left alone. Bad input
raises a `ValidationError` naming the file and line; nothing is written then.

A gemeente is matched on its row that is valid on the date the file describes (today,
unless the CBS import gets a peildatum); rows of earlier periods stay as history. The
loaders never end, merge or delete gemeenten: a herindeling is recorded by the
beheerder, because only a person knows which successor gets which share.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten.models import Gemeente, Provincie, Subregio, Veiligheidsregio
from prt.formaat import datum_kort

PROVINCIES_CSV = "provincies.csv"
VEILIGHEIDSREGIOS_CSV = "veiligheidsregios.csv"
SUBREGIOS_CSV = "subregios.csv"
GEMEENTEN_CSV = "gemeenten.csv"

PROVINCIECODE = re.compile(r"^PV\d{2}$")
VEILIGHEIDSREGIOCODE = re.compile(r"^VR\d{2}$")
SUBREGIOCODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
GEMEENTECODE = re.compile(r"^GM\d{4}$")

# Accepted header names per column, lower case; the first one present wins. CBS
# publishes both `Gemeentecode` (0363) and `GemeentecodeGM` (GM0363) in one table.
CBS_KOLOMMEN = {
    "code": ("code", "gemeentecodegm", "gemeentecode"),
    "naam": ("naam", "gemeentenaam"),
    "provincie_code": ("provincie_code", "provinciecodepv", "provinciecode"),
}

Gebied = TypeVar("Gebied", Provincie, Veiligheidsregio, Subregio)


@dataclass(frozen=True)
class Rapport:
    """What a load did, one entry per object, e.g. `"Deventer (GM0150)"`.

    A `gewijzigd` entry also says what changed: `"Deventer (GM0150): naam Deventr →
    Deventer"`. Only the CBS import fills `niet_in_bestand`.
    """

    toegevoegd: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    niet_in_bestand: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Referentierapport:
    provincies: Rapport
    veiligheidsregios: Rapport
    subregios: Rapport
    gemeenten: Rapport


@dataclass(frozen=True)
class _Regel:
    bestand: str
    nummer: int
    waarden: dict[str, str]

    def fout(self, melding: str) -> ValidationError:
        return _regelfout(self.bestand, self.nummer, melding)


def _regelfout(bestand: str, nummer: int, melding: str) -> ValidationError:
    return ValidationError(
        _("%(file)s, line %(line)s: %(message)s"),
        code="invoer",
        params={"file": bestand, "line": nummer, "message": melding},
    )


def referentiedata_laden(*, map: Path) -> Referentierapport:
    """Load provincies, veiligheidsregio's, subregio's and gemeenten, in that order,
    from the four CSV files in `map` (see fixtures/referentie/)."""
    kolommen = {
        PROVINCIES_CSV: ("code", "naam"),
        VEILIGHEIDSREGIOS_CSV: ("code", "naam", "provincie_code"),
        SUBREGIOS_CSV: ("code", "naam", "provincie_code", "veiligheidsregio_code"),
        GEMEENTEN_CSV: (
            "code",
            "naam",
            "provincie_code",
            "veiligheidsregio_code",
            "subregio_code",
        ),
    }
    regels = {
        naam: _regels_lezen(
            _tekst_lezen(map / naam), bestand=naam, kolommen={k: (k,) for k in namen}
        )
        for naam, namen in kolommen.items()
    }
    with transaction.atomic():
        return Referentierapport(
            provincies=_provincies_bijwerken(regels[PROVINCIES_CSV]),
            veiligheidsregios=_veiligheidsregios_bijwerken(regels[VEILIGHEIDSREGIOS_CSV]),
            subregios=_subregios_bijwerken(regels[SUBREGIOS_CSV]),
            gemeenten=_gemeenten_bijwerken(regels[GEMEENTEN_CSV]),
        )


def cbs_gemeenten_importeren(
    *, bestand: TextIO | Path, peildatum: datetime.date | None = None
) -> Rapport:
    """Bring the gemeenten in line with a CBS list (code, naam, provincie_code).

    Adds the gemeenten the database lacks (valid from `peildatum`; without a start date
    when none is given) and corrects the name and provincie of existing ones, leaving
    their veiligheidsregio and subregio alone. Gemeenten valid on the peildatum (default
    today) that the file does not list are reported in `niet_in_bestand`, never deleted.
    """
    if isinstance(bestand, Path):
        tekst, bestandsnaam = _tekst_lezen(bestand), bestand.name
    else:
        tekst = bestand.read().removeprefix("\ufeff")
        bestandsnaam = Path(getattr(bestand, "name", None) or _("CBS file")).name
    regels = _regels_lezen(tekst, bestand=bestandsnaam, kolommen=CBS_KOLOMMEN)
    datum = peildatum or timezone.localdate()

    with transaction.atomic():
        provincies = {p.code: p for p in Provincie.objects.all()}
        bestaand = _geldige_gemeenten(datum)
        rapport = Rapport()
        codes: dict[str, int] = {}
        for regel in regels:
            code = _cbs_code(regel, "code", prefix="GM", cijfers=4, wat=_("municipality code"))
            _uniek(regel, code, codes)
            naam = _naam(regel)
            provinciecode = _cbs_code(
                regel, "provincie_code", prefix="PV", cijfers=2, wat=_("province code")
            )
            provincie = provincies.get(provinciecode)
            if provincie is None:
                raise regel.fout(_onbekend(_("province code"), provinciecode))
            gemeente = bestaand.pop(code, None)
            if gemeente is None:
                _geen_eerdere_gemeente(regel, code, datum)
                Gemeente.objects.create(
                    code=code, naam=naam, provincie=provincie, geldig_van=peildatum
                )
                rapport.toegevoegd.append(_label(naam, code))
            else:
                _vastleggen(rapport, gemeente, naam=naam, provincie=provincie)
        ontbrekend = sorted(bestaand.values(), key=lambda g: g.naam)
        rapport.niet_in_bestand.extend(_label(g.naam, g.code) for g in ontbrekend)
        return rapport


def _provincies_bijwerken(regels: list[_Regel]) -> Rapport:
    bestaand = {p.code: p for p in Provincie.objects.all()}
    rapport = Rapport()
    codes: dict[str, int] = {}
    namen: dict[str, int] = {}
    for regel in regels:
        code = _code(regel, PROVINCIECODE, _("province code"), _("PV followed by two digits"))
        _uniek(regel, code, codes)
        naam = _naam(regel)
        _uniek(regel, naam, namen, wat=_("name"))
        provincie = bestaand.get(code)
        if provincie is None:
            Provincie.objects.create(code=code, naam=naam)
            rapport.toegevoegd.append(_label(naam, code))
        else:
            _vastleggen(rapport, provincie, naam=naam)
    return rapport


def _veiligheidsregios_bijwerken(regels: list[_Regel]) -> Rapport:
    provincies = {p.code: p for p in Provincie.objects.all()}
    bestaand = {v.code: v for v in Veiligheidsregio.objects.select_related("provincie")}
    rapport = Rapport()
    codes: dict[str, int] = {}
    namen: dict[str, int] = {}
    for regel in regels:
        code = _code(
            regel,
            VEILIGHEIDSREGIOCODE,
            _("safety region code"),
            _("VR followed by two digits"),
        )
        _uniek(regel, code, codes)
        naam = _naam(regel)
        _uniek(regel, naam, namen, wat=_("name"))
        provincie = _opzoeken(regel, provincies, "provincie_code", _("province code"))
        veiligheidsregio = bestaand.get(code)
        if veiligheidsregio is None:
            Veiligheidsregio.objects.create(code=code, naam=naam, provincie=provincie)
            rapport.toegevoegd.append(_label(naam, code))
        else:
            _vastleggen(rapport, veiligheidsregio, naam=naam, provincie=provincie)
    return rapport


def _subregios_bijwerken(regels: list[_Regel]) -> Rapport:
    provincies = {p.code: p for p in Provincie.objects.all()}
    veiligheidsregios = {v.code: v for v in Veiligheidsregio.objects.select_related("provincie")}
    bestaand = {s.code: s for s in Subregio.objects.select_related("provincie", "veiligheidsregio")}
    rapport = Rapport()
    codes: dict[str, int] = {}
    for regel in regels:
        code = _code(
            regel, SUBREGIOCODE, _("subregion code"), _("lower-case letters, digits and '-'")
        )
        _uniek(regel, code, codes)
        naam = _naam(regel)
        provincie = _opzoeken(regel, provincies, "provincie_code", _("province code"))
        veiligheidsregio = _opzoeken(
            regel,
            veiligheidsregios,
            "veiligheidsregio_code",
            _("safety region code"),
            leeg=True,
        )
        _in_provincie(regel, veiligheidsregio, provincie)
        velden = {"naam": naam, "provincie": provincie, "veiligheidsregio": veiligheidsregio}
        subregio = bestaand.get(code)
        if subregio is None:
            Subregio.objects.create(code=code, **velden)
            rapport.toegevoegd.append(_label(naam, code))
        else:
            _vastleggen(rapport, subregio, **velden)
    return rapport


def _gemeenten_bijwerken(regels: list[_Regel]) -> Rapport:
    vandaag = timezone.localdate()
    provincies = {p.code: p for p in Provincie.objects.all()}
    veiligheidsregios = {v.code: v for v in Veiligheidsregio.objects.select_related("provincie")}
    subregios = {
        s.code: s for s in Subregio.objects.select_related("provincie", "veiligheidsregio")
    }
    bestaand = _geldige_gemeenten(vandaag)
    rapport = Rapport()
    codes: dict[str, int] = {}
    for regel in regels:
        code = _code(regel, GEMEENTECODE, _("municipality code"), _("GM followed by four digits"))
        _uniek(regel, code, codes)
        naam = _naam(regel)
        provincie = _opzoeken(regel, provincies, "provincie_code", _("province code"))
        veiligheidsregio = _opzoeken(
            regel,
            veiligheidsregios,
            "veiligheidsregio_code",
            _("safety region code"),
            leeg=True,
        )
        subregio = _opzoeken(regel, subregios, "subregio_code", _("subregion code"), leeg=True)
        _in_provincie(regel, veiligheidsregio, provincie)
        _in_provincie(regel, subregio, provincie)
        if subregio and subregio.veiligheidsregio and subregio.veiligheidsregio != veiligheidsregio:
            raise regel.fout(
                _(
                    "subregion %(subregion)s falls under safety region %(region)s, "
                    "not under %(other)s."
                )
                % {
                    "subregion": subregio.code,
                    "region": subregio.veiligheidsregio.code,
                    "other": veiligheidsregio.code if veiligheidsregio else _("(none)"),
                }
            )
        velden = {
            "naam": naam,
            "provincie": provincie,
            "veiligheidsregio": veiligheidsregio,
            "subregio": subregio,
        }
        gemeente = bestaand.pop(code, None)
        if gemeente is None:
            _geen_eerdere_gemeente(regel, code, vandaag)
            Gemeente.objects.create(code=code, **velden)
            rapport.toegevoegd.append(_label(naam, code))
        else:
            _vastleggen(rapport, gemeente, **velden)
    return rapport


def _geldige_gemeenten(datum: datetime.date) -> dict[str, Gemeente]:
    gemeenten: dict[str, Gemeente] = {}
    rijen = Gemeente.objects.filter_for_date(datum).select_related(
        "provincie", "veiligheidsregio", "subregio"
    )
    for gemeente in rijen.order_by("code"):
        if gemeente.code in gemeenten:
            raise ValidationError(
                _(
                    "Municipality %(code)s is valid more than once in the database on "
                    "%(date)s; correct its validity in the administration first."
                ),
                code="invoer",
                params={"code": gemeente.code, "date": datum_kort(datum)},
            )
        gemeenten[gemeente.code] = gemeente
    return gemeenten


def _geen_eerdere_gemeente(regel: _Regel, code: str, datum: datetime.date) -> None:
    """Adding a row for a code whose earlier row has ended would silently undo a
    herindeling; that is for the beheerder to decide."""
    if Gemeente.objects.filter(code=code).exists():
        raise regel.fout(
            _(
                "municipality %(code)s already exists, but is not valid on %(date)s "
                "(dissolved or reorganised); record this in the administration, "
                "not with an import."
            )
            % {"code": code, "date": datum_kort(datum)}
        )


def _vastleggen(rapport: Rapport, gebied: models.Model, **velden: object) -> None:
    """Save the fields that differ and note the object as gewijzigd or ongewijzigd.

    A change reads "<field's verbose name> <old> → <new>", e.g. "naam Deventr → Deventer".
    """
    gewijzigd = {}
    for veld, nieuw in velden.items():
        oud = getattr(gebied, veld)
        if oud != nieuw:
            gewijzigd[veld] = _("%(field)s %(old)s → %(new)s") % {
                "field": gebied._meta.get_field(veld).verbose_name,
                "old": oud or _("(none)"),
                "new": nieuw or _("(none)"),
            }
            setattr(gebied, veld, nieuw)
    label = _label(gebied.naam, gebied.code)
    if gewijzigd:
        gebied.save(update_fields=list(gewijzigd))
        rapport.gewijzigd.append(f"{label}: {', '.join(gewijzigd.values())}")
    else:
        rapport.ongewijzigd.append(label)


def _tekst_lezen(pad: Path) -> str:
    try:
        return pad.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(
            _("File %(path)s does not exist."), code="invoer", params={"path": pad}
        ) from None
    except UnicodeDecodeError:
        raise ValidationError(
            _("%(file)s is not UTF-8 text; save it as CSV UTF-8."),
            code="invoer",
            params={"file": pad.name},
        ) from None


def _regels_lezen(
    tekst: str, *, bestand: str, kolommen: dict[str, tuple[str, ...]]
) -> list[_Regel]:
    """The rows as {column: stripped value}, each with its line number in the file.

    The separator is `;` or `,`, whichever the header line uses most; `kolommen` maps
    each column to the header names accepted for it (compared in lower case).
    """
    kopregel = tekst.split("\n", 1)[0]
    scheidingsteken = ";" if kopregel.count(";") >= kopregel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken)
    koppen = [kop.strip().lower() for kop in next(lezer, [])]
    positie = {}
    for kolom, namen in kolommen.items():
        gevonden = [koppen.index(naam) for naam in namen if naam in koppen]
        if not gevonden:
            raise _regelfout(
                bestand,
                1,
                _("the column '%(column)s' is missing (found: %(found)s).")
                % {"column": kolom, "found": ", ".join(koppen) or _("no columns")},
            )
        positie[kolom] = gevonden[0]
    regels = []
    for rij in lezer:
        if not any(cel.strip() for cel in rij):
            continue
        waarden = {kolom: (rij[i] if i < len(rij) else "").strip() for kolom, i in positie.items()}
        regels.append(_Regel(bestand=bestand, nummer=lezer.line_num, waarden=waarden))
    return regels


def _code(regel: _Regel, patroon: re.Pattern[str], wat: str, vorm: str) -> str:
    code = regel.waarden["code"]
    if not code:
        raise regel.fout(_leeg(wat))
    if not patroon.match(code):
        raise regel.fout(
            _("'%(value)s' is not a valid %(what)s (%(form)s).")
            % {"value": code, "what": wat, "form": vorm}
        )
    return code


def _cbs_code(regel: _Regel, kolom: str, *, prefix: str, cijfers: int, wat: str) -> str:
    """`GM0363`, `gm0363`, `0363` and `363` (a spreadsheet drops leading zeros) all
    become `GM0363`; likewise `27` becomes `PV27`."""
    waarde = regel.waarden[kolom]
    if not waarde:
        raise regel.fout(_leeg(wat))
    getal = waarde.upper().removeprefix(prefix)
    if not (getal.isascii() and getal.isdigit() and len(getal) <= cijfers):
        vorm = ngettext(
            "%(prefix)s followed by %(count)d digit",
            "%(prefix)s followed by %(count)d digits",
            cijfers,
        ) % {"prefix": prefix, "count": cijfers}
        raise regel.fout(
            _("'%(value)s' is not a valid %(what)s (%(form)s).")
            % {"value": waarde, "what": wat, "form": vorm}
        )
    return prefix + getal.zfill(cijfers)


def _naam(regel: _Regel) -> str:
    naam = regel.waarden["naam"]
    if not naam:
        raise regel.fout(_leeg(_("name")))
    if len(naam) > 100:
        raise regel.fout(
            _("the name '%(start)s…' is longer than %(max)d characters.")
            % {"start": naam[:30], "max": 100}
        )
    return naam


def _uniek(regel: _Regel, waarde: str, gezien: dict[str, int], wat: str | None = None) -> None:
    if waarde in gezien:
        raise regel.fout(
            _("%(what)s %(value)s is also on line %(line)s.")
            % {"what": wat or _("code"), "value": waarde, "line": gezien[waarde]}
        )
    gezien[waarde] = regel.nummer


def _opzoeken(
    regel: _Regel, bekend: dict[str, Gebied], kolom: str, wat: str, leeg: bool = False
) -> Gebied | None:
    code = regel.waarden[kolom]
    if not code:
        if leeg:
            return None
        raise regel.fout(_leeg(wat))
    if code not in bekend:
        raise regel.fout(_onbekend(wat, code))
    return bekend[code]


def _in_provincie(
    regel: _Regel, gebied: Veiligheidsregio | Subregio | None, provincie: Provincie
) -> None:
    if gebied is not None and gebied.provincie != provincie:
        raise regel.fout(
            _("%(kind)s %(code)s belongs to %(province)s, not to %(other)s.")
            % {
                "kind": gebied._meta.verbose_name,
                "code": gebied.code,
                "province": gebied.provincie,
                "other": provincie,
            }
        )


def _leeg(wat: str) -> str:
    return _("the %(what)s is empty.") % {"what": wat}


def _onbekend(wat: str, code: str) -> str:
    return _("unknown %(what)s '%(code)s'.") % {"what": wat, "code": code}


def _label(naam: str, code: str) -> str:
    return f"{naam} ({code})"
