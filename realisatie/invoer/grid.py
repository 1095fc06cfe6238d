"""What every entry grid does after a save: the outcome onto the row forms, an error
summary at the top that links to each field (the NL Design System / GOV.UK pattern),
the conflict page, or back to the grid with a message.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from realisatie.invoer.rijen import Opslagresultaat


@dataclass(frozen=True)
class Melding:
    """One line of the error summary: the field it links to (None: the whole entry)."""

    tekst: str
    veld_id: str | None = None
    waarschuwing: bool = False


def resultaat_tonen(resultaat: Opslagresultaat, forms) -> None:
    """Put the service's messages onto the row forms: an error on its field (Django
    then marks it aria-invalid and describes it by the message), a row's other errors on
    the row, a warning next to its field with the row's confirmation."""
    for form in forms:
        code = form.gemeente.code
        bij_veld: set[str] = set()
        for sleutel, meldingen in resultaat.veldfouten.get(code, {}).items():
            veld = form.formulierveld(sleutel)
            if veld is None:
                continue
            for melding in meldingen:
                if melding not in form.errors.get(veld, []):
                    form.add_error(veld, melding)
                bij_veld.add(melding)
        form.rijfouten = [m for m in resultaat.fouten.get(code, []) if m not in bij_veld]
        gewaarschuwd: set[str] = set()
        for sleutel, meldingen in resultaat.veldwaarschuwingen.get(code, {}).items():
            veld = form.formulierveld(sleutel)
            if veld is None:
                continue
            form.waarschuwingen.setdefault(veld, []).extend(meldingen)
            gewaarschuwd.update(meldingen)
        form.rijwaarschuwingen = [
            m for m in resultaat.bevestigen.get(code, []) if m not in gewaarschuwd
        ]


def samenvatting(forms, algemeen: list[str] = ()) -> list[Melding]:
    """Every message of the grid, in the order of the page, each linked to its field."""
    uit = [Melding(tekst) for tekst in algemeen]
    for form in forms:
        naam = form.gemeente.naam
        eerste = next((f for f in form.visible_fields() if f.name != "bevestigd"), None)
        for tekst in [*form.non_field_errors(), *form.rijfouten]:
            uit.append(Melding(f"{naam}: {tekst}", eerste.auto_id if eerste else None))
        for veld in form.visible_fields():
            for tekst in veld.errors:
                uit.append(Melding(f"{naam}, {veld.label}: {tekst}", veld.auto_id))
            for tekst in form.waarschuwingen.get(veld.name, []):
                uit.append(Melding(f"{naam}: {tekst}", veld.auto_id, waarschuwing=True))
        for tekst in form.rijwaarschuwingen:
            uit.append(Melding(f"{naam}: {tekst}", form["bevestigd"].auto_id, waarschuwing=True))
    return uit


def bevestigde_rijen(forms) -> set[str]:
    """The codes of the rows whose "this figure is correct" box is ticked."""
    return {form.gemeente.code for form in forms if form.cleaned_data.get("bevestigd")}


def na_opslaan(request, resultaat: Opslagresultaat, forms, **conflict) -> HttpResponse | None:
    """The conflict page (409) with both values, or back to the grid with a message;
    otherwise None, after putting the messages onto the forms."""
    if resultaat.conflicten:
        context = {"resultaat": resultaat, **conflict}
        return render(request, "invoer/conflict.html", context, status=409)
    if resultaat.gelukt:
        messages.success(request, opgeslagen_melding(len(set(resultaat.opgeslagen))))
        return redirect(request.get_full_path())
    resultaat_tonen(resultaat, forms)
    return None


def opgeslagen_melding(aantal: int) -> str:
    return ngettext(
        "Saved: %(aantal)s municipality changed.",
        "Saved: %(aantal)s municipalities changed.",
        aantal,
    ) % {"aantal": aantal}
