"""What an entry service's outcome means in the API: one translation for every write.

The services (`realisatie.invoer.services`, `opgaven.services`) speak Django: they raise
PermissionDenied or a ValidationError, or return an `Opslagresultaat`. The API answers
403, 409 (vastgestelde peildatum), 412 (stale version) or 400 with the messages per item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions

from api.fouten import Conflict, VersieVerouderd
from realisatie.invoer.rijen import Opslagresultaat
from realisatie.invoer.services import PeildatumVastgesteld, VerouderdeVersie


@contextmanager
def dienstfouten(
    veld: str = "non_field_errors", ongeldig: Callable[[list[str]], None] | None = None
) -> Iterator[None]:
    """Raise the API's error for what the service inside raised.

    A plain validation error becomes a 400 with the messages under `veld`, or is handed
    to `ongeldig` where the caller collects messages per item itself.
    """
    try:
        yield
    except PermissionDenied:
        raise exceptions.PermissionDenied() from None
    except VerouderdeVersie:
        raise VersieVerouderd() from None
    except PeildatumVastgesteld as fout:
        raise Conflict(" ".join(fout.messages)) from None
    except ValidationError as fout:
        if ongeldig is None:
            raise exceptions.ValidationError({veld: fout.messages}) from None
        ongeldig(fout.messages)


def resultaat_controleren(lijst: str, rijen: list, resultaat: Opslagresultaat) -> None:
    """Raise the API's error for a save that did not succeed (nothing was written)."""
    if resultaat.vastgesteld:
        raise Conflict(" ".join(resultaat.fouten[""]))
    if resultaat.conflicten:
        raise VersieVerouderd()
    if not resultaat.gelukt:
        raise exceptions.ValidationError(fouten_per_item(lijst, rijen, resultaat))


def fouten_per_item(lijst: str, rijen: list, resultaat: Opslagresultaat) -> dict:
    """The service's messages per gemeente code, as DRF errors per item index."""
    per_item: list[dict] = [{} for _rij in rijen]
    for meldingen, code in ((resultaat.fouten, "invalid"), (resultaat.bevestigen, "confirm")):
        for gemeente, teksten in meldingen.items():
            for index, rij in enumerate(rijen):
                if rij.gemeente == gemeente:
                    per_item[index].setdefault("gemeente", []).extend(
                        exceptions.ErrorDetail(tekst, code=code) for tekst in teksten
                    )
    fouten: dict = {lijst: per_item}
    if algemeen := resultaat.fouten.get(""):
        fouten["non_field_errors"] = list(algemeen)
    return fouten
