"""Onzekere waarden: the uncertain forms the location lists of PRTs and
veiligheidsregio's use, read into what the register holds.

Rule, places: a whole number is known ("250"); a number with a question mark or
"ca."/"circa"/"±"/"~" is an estimate ("100?" → 100, geschat); "pm", "?", "onbekend"
or an empty cell is unknown (None, never 0), "pm" also kept as the period's pm remark.
Rule, end: a date is the last day ("1-7-2025"); "tot 1-7-2025, verlengbaar tot
1-7-2027" is that end with an option to extend; "onbepaald"/"permanent" or an empty
cell is indefinite; "?", "onbekend", "pm" or "beschikbaar tot?" is an end not known yet.

Worked example (a veiligheidsregio's CNO list, winter 2024-2025): "Sporthal Zuid, 100?,
tot 1-7-2025, verlengbaar tot 1-7-2027" is 100 estimated places until 1-7-2025 with an
option to 1-7-2027; "Kazerne, pm, beschikbaar tot?" has unknown places and end.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

ONBEKEND = {"", "?", "pm", "p.m.", "onbekend", "nog onbekend", "nnb", "n.n.b."}
ONBEPAALD = {"onbepaald", "permanent", "onbeperkt", "structureel"}
_SCHATTING = re.compile(r"\A(?:ca\.?|circa|±|~)?\s*(\d{1,3}(?:\.\d{3})*|\d+)\s*(\?)?\Z")
_DATUM = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_EINDE = re.compile(
    r"\A(?:tot(?: en met)?\s+)?(?P<tot>\d{1,2}-\d{1,2}-\d{4})"
    r"(?:\s*,?\s*verlengbaar\s+tot(?: en met)?\s+(?P<verlengbaar>\d{1,2}-\d{1,2}-\d{4}))?\Z"
)


class OnleesbareWaarde(ValueError):
    """A cell in none of the known forms; the message says which forms are."""


@dataclass(frozen=True)
class Plaatsen:
    aantal: int | None
    geschat: bool = False
    pm: bool = False


@dataclass(frozen=True)
class Einde:
    tot_en_met: datetime.date | None = None
    verlengbaar_tot: datetime.date | None = None
    onbekend: bool = False


def plaatsen_lezen(waarde: object) -> Plaatsen:
    """A places cell: 250, "250", "100?", "ca. 80", "pm", "?", empty."""
    if waarde is None:
        return Plaatsen(None)
    if isinstance(waarde, bool) or (isinstance(waarde, float) and not waarde.is_integer()):
        raise OnleesbareWaarde(f"{waarde!r} is geen heel aantal plaatsen.")
    if isinstance(waarde, int | float):
        if waarde < 0:
            raise OnleesbareWaarde(f"Een aantal plaatsen is niet negatief ({int(waarde)}).")
        return Plaatsen(int(waarde))
    tekst = str(waarde).strip().lower()
    if tekst in ONBEKEND:
        return Plaatsen(None, pm=tekst in ("pm", "p.m."))
    gevonden = _SCHATTING.fullmatch(tekst)
    if gevonden is None:
        raise OnleesbareWaarde(
            f"'{waarde}' is geen aantal plaatsen; schrijf 250, 100? (geschat), pm of laat "
            "de cel leeg (onbekend)."
        )
    aantal = int(gevonden.group(1).replace(".", ""))
    geschat = gevonden.group(2) is not None or tekst[0] not in "0123456789"
    return Plaatsen(aantal, geschat=geschat)


def einde_lezen(waarde: object) -> Einde:
    """An end cell: a date, "1-7-2025", "tot 1-7-2025, verlengbaar tot 1-7-2027",
    "onbepaald" or empty (indefinite), "?"/"onbekend"/"beschikbaar tot?" (unknown)."""
    if isinstance(waarde, datetime.datetime):
        return Einde(waarde.date())
    if isinstance(waarde, datetime.date):
        return Einde(waarde)
    tekst = " ".join(str(waarde or "").strip().lower().split())
    if tekst in ONBEPAALD or tekst == "":
        return Einde()
    if tekst in ONBEKEND or tekst in ("beschikbaar tot?", "beschikbaar tot ?", "tot?"):
        return Einde(onbekend=True)
    gevonden = _EINDE.fullmatch(tekst)
    if gevonden is None:
        raise OnleesbareWaarde(
            f"'{waarde}' is geen einddatum; schrijf 1-7-2025, 'tot 1-7-2025, verlengbaar tot "
            "1-7-2027', onbepaald of onbekend."
        )
    tot = _datum(gevonden.group("tot"))
    verlengbaar = _datum(gevonden.group("verlengbaar")) if gevonden.group("verlengbaar") else None
    if verlengbaar is not None and verlengbaar <= tot:
        raise OnleesbareWaarde(
            f"De verlenging ({gevonden.group('verlengbaar')}) loopt tot na de einddatum "
            f"({gevonden.group('tot')})."
        )
    return Einde(tot, verlengbaar)


def datum_lezen(waarde: object) -> datetime.date:
    """A start date: a date cell or "1-1-2024"."""
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    tekst = str(waarde or "").strip()
    if not _DATUM.fullmatch(tekst):
        raise OnleesbareWaarde(f"'{tekst}' is geen datum; schrijf 1-1-2024.")
    return _datum(tekst)


def _datum(tekst: str) -> datetime.date:
    dag, maand, jaar = (int(d) for d in _DATUM.fullmatch(tekst).groups())
    try:
        return datetime.date(jaar, maand, dag)
    except ValueError:
        raise OnleesbareWaarde(f"{tekst} bestaat niet als datum.") from None
