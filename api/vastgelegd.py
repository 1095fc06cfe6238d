"""The samenvatting as an API answer, rendered once and kept: for a vastgestelde peildatum
per record (it never changes; cache `vastgelegd`, as the record's page parts), for an
open one per state of the figures (`realisatie.actueel`). Its JSON body and ETag are
rendered once per indent, instead of computing or decoding the figures and serialising
them on every request."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.http import HttpResponse

from api.etag import etag_van
from api.samenvatting import SamenvattingSerializer
from gemeenten.models import Provincie
from realisatie import actueel
from realisatie.overzicht import provincie_overzicht
from vaststellingen.models import Vaststelling
from vaststellingen.selectors import lokaal_bewaard, overzicht_van

# What keeps a rendered answer: given the variant (format and indent) and how to make
# (body, ETag), the kept pair.
Bewaren = Callable[[str, Callable[[], tuple[bytes, str]]], tuple[bytes, str]]


def vastgelegde_samenvatting(view, request, vaststelling: Vaststelling) -> HttpResponse:
    """What `Response(overzicht_van(vaststelling)["samenvatting"])` answers, byte for byte,
    with its ETag; `view` and `request` are the DRF view's (after content negotiation)."""

    def bewaren(variant: str, maken: Callable[[], tuple[bytes, str]]) -> tuple[bytes, str]:
        return lokaal_bewaard(vaststelling, f"api:samenvatting:{variant}", maken)

    return _antwoord(view, request, lambda: overzicht_van(vaststelling)["samenvatting"], bewaren)


def actuele_samenvatting(view, request, provincie: Provincie, datum: datetime.date):
    """What `Response(SamenvattingSerializer(provincie_overzicht(...)).data)` answers for an
    open peildatum, byte for byte, with its ETag: once per state of the figures."""

    def bewaren(variant: str, maken: Callable[[], tuple[bytes, str]]) -> tuple[bytes, str]:
        return actueel.bewaard(request, maken, "api-samenvatting", provincie.code, datum, variant)

    return _antwoord(
        view,
        request,
        lambda: SamenvattingSerializer(provincie_overzicht(provincie, datum)).data,
        bewaren,
    )


def _antwoord(view, request, data: Callable[[], dict], bewaren: Bewaren) -> HttpResponse:
    renderer, media_type = request.accepted_renderer, request.accepted_media_type
    context = view.get_renderer_context()
    # JSON's body differs only by its indent (0 to 8: a bounded number of entries,
    # whatever parameters the Accept header carries).
    variant = f"{renderer.format}:{renderer.get_indent(media_type, context)}"

    def maken() -> tuple[bytes, str]:
        gegevens = data()
        return renderer.render(gegevens, media_type, context), etag_van(gegevens)

    inhoud, etag = bewaren(variant, maken)
    soort = f"{renderer.media_type}; charset={renderer.charset}" if renderer.charset else None
    antwoord = HttpResponse(inhoud, content_type=soort or renderer.media_type)
    antwoord["ETag"] = etag
    return antwoord
