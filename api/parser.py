"""JSON request bodies, bounded before they are parsed.

DRF's JSONParser reads the whole body and lets Python's json module recurse into it: a
body of 100.000 `[` ended as a RecursionError, a 500. Here the body is at most
DATA_UPLOAD_MAX_MEMORY_SIZE bytes (413 otherwise, stated or read), and nesting deeper than
the interpreter allows is a 400 with a Dutch message.
"""

from __future__ import annotations

import codecs
import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings
from rest_framework.utils.json import strict_constant


class TeGroot(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


class BegrensdeJsonParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        limiet = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = parser_context.get("request")
        if request is not None:
            try:
                gemeld = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                gemeld = 0
            if limiet is not None and gemeld > limiet:
                raise TeGroot()
        inhoud = stream.read(limiet + 1) if limiet is not None else stream.read()
        if limiet is not None and len(inhoud) > limiet:
            raise TeGroot()
        codering = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            tekst = codecs.decode(inhoud, codering)
            return json.loads(
                tekst, parse_constant=strict_constant if api_settings.STRICT_JSON else None
            )
        except RecursionError:
            raise exceptions.ParseError(_("The JSON is nested too deeply.")) from None
        except ValueError as fout:
            raise exceptions.ParseError(_("Invalid JSON: %(error)s") % {"error": fout}) from None
