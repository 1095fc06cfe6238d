"""The samenvatting of a vastgestelde peildatum as an API answer. Its record never
changes, so its JSON body and ETag are rendered once per record and indent in this
process (cache `vastgelegd`, as the record's page parts), instead of decoding the record
and serialising it on every request."""

from __future__ import annotations

from django.core.cache import caches
from django.http import HttpResponse

from api.etag import etag_van
from vaststellingen.models import Vaststelling
from vaststellingen.selectors import LOKAAL, lokale_sleutel, overzicht_van


def vastgelegde_samenvatting(view, request, vaststelling: Vaststelling) -> HttpResponse:
    """What `Response(overzicht_van(vaststelling)["samenvatting"])` answers, byte for byte,
    with its ETag; `view` and `request` are the DRF view's (after content negotiation)."""
    renderer, media_type = request.accepted_renderer, request.accepted_media_type
    context = view.get_renderer_context()
    # JSON's body differs only by its indent (0 to 8: a bounded number of entries,
    # whatever parameters the Accept header carries).
    sleutel = lokale_sleutel(
        vaststelling,
        f"api:samenvatting:{renderer.format}:{renderer.get_indent(media_type, context)}",
    )
    bewaard = caches[LOKAAL].get(sleutel)
    if bewaard is None:
        data = overzicht_van(vaststelling)["samenvatting"]
        inhoud = renderer.render(data, media_type, context)
        bewaard = (inhoud, etag_van(data))
        caches[LOKAAL].set(sleutel, bewaard, None)
    inhoud, etag = bewaard
    soort = f"{renderer.media_type}; charset={renderer.charset}" if renderer.charset else None
    antwoord = HttpResponse(inhoud, content_type=soort or renderer.media_type)
    antwoord["ETag"] = etag
    return antwoord
