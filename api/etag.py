"""Optimistic concurrency: an `ETag` on every read, `If-Match` on every write.

The ETag is a hash of the JSON representation a GET returns, so it changes whenever
anything the client saw changes (a figure, its `versie`, an added or removed row). A
write must send `If-Match` with the ETag of its last read of the same resource: a
missing header is 428, a stale one 412, and nothing is written.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from rest_framework.request import Request

from api.fouten import IfMatchVereist, VersieVerouderd


def etag_van(data: Any) -> str:
    inhoud = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return '"' + hashlib.sha256(inhoud.encode()).hexdigest()[:32] + '"'


def controleer_if_match(request: Request, huidige_data: Any) -> None:
    """Raise 428 without If-Match (or with `*`, which names no version), 412 when it
    matches no current representation.

    `If-Match: *` only says "if it exists" and a weak tag (`W/"..."`) never matches under
    If-Match's strong comparison (RFC 9110, 13.1.1): neither may skip the lock."""
    kop = (request.headers.get("If-Match") or "").strip()
    if not kop or kop == "*":
        raise IfMatchVereist()
    gevraagd = {tag.strip() for tag in kop.split(",")}
    if etag_van(huidige_data) not in gevraagd:
        raise VersieVerouderd()


class EtagMixin:
    """Set `ETag` on successful GET responses from the data they return."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)  # None: a response rendered beforehand
        if request.method == "GET" and response.status_code == 200 and data is not None:
            response["ETag"] = etag_van(data)
        return response
