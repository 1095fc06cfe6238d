"""What every endpoint of API v1 shares: `API-Version`, `ETag`, and input that the
database can hold (PostgreSQL refuses NUL characters: a 400, not a 500)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions

from api.etag import EtagMixin
from api.versie import ApiVersieMixin


class ApiBasis(ApiVersieMixin, EtagMixin):
    def initial(self, request, *args, **kwargs):
        ongeldig = [
            naam
            for naam, waarde in [*request.query_params.lists(), *kwargs.items()]
            if "\x00" in (waarde if isinstance(waarde, str) else "".join(waarde))
        ]
        if ongeldig:
            raise exceptions.ValidationError(
                {naam: [_("Contains a NUL character.")] for naam in ongeldig}
            )
        super().initial(request, *args, **kwargs)
