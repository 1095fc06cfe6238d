"""Errors as `application/problem+json` (RFC 9457), as the API Design Rules ask.

Every error the API returns has `type`, `title`, `status`, `detail` and `instance`;
a 400 also lists each invalid parameter in `invalidParams` with `name` (the path to the
field, e.g. `items[2].gooBezet`), `code` and `reason`. A bulk write that fails on one item
writes nothing and reports every item's problems at once.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from api.parser import TeGroot

PROBLEM_JSON = "application/problem+json"

TITELS = {
    400: gettext_lazy("Invalid input."),
    401: gettext_lazy("Not authenticated."),
    403: gettext_lazy("Not allowed."),
    404: gettext_lazy("Not found."),
    405: gettext_lazy("Method not allowed."),
    406: gettext_lazy("Representation not acceptable."),
    409: gettext_lazy("Conflict."),
    412: gettext_lazy("Precondition failed."),
    413: gettext_lazy("Request too large."),
    415: gettext_lazy("Unsupported media type."),
    428: gettext_lazy("Precondition required."),
    429: gettext_lazy("Too many requests."),
    500: gettext_lazy("Server error."),
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The request conflicts with the current state.")
    default_code = "conflict"


class VersieVerouderd(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = gettext_lazy(
        "The resource has changed since you read it (If-Match does not match the ETag). "
        "Read it again and repeat your change."
    )
    default_code = "stale"


class IfMatchVereist(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = gettext_lazy(
        "Send an If-Match header with the ETag of your last read of this resource."
    )
    default_code = "if_match_required"


def probleem(status_code: int, detail: str, **extra: Any) -> dict[str, Any]:
    body = {
        "type": "about:blank",
        "title": str(TITELS.get(status_code, _("Error."))),
        "status": status_code,
        "detail": detail,
    }
    body.update(extra)
    return body


def problem_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's EXCEPTION_HANDLER: DRF's own handling, then the problem+json body."""
    if isinstance(exc, RequestDataTooBig):
        exc = TeGroot()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    request = context.get("request")
    if response is None:
        if settings.DEBUG:
            return None  # Django's debug page with the traceback
        # A real server error: logged as Django would, answered as problem+json.
        logging.getLogger("django.request").error(
            "Internal Server Error: %s",
            getattr(request, "path", "-"),
            exc_info=exc,
            extra={"status_code": 500},
        )
        return Response(
            serverfout_probleem(getattr(request, "path", "")),
            status=500,
            content_type=PROBLEM_JSON,
        )
    extra: dict[str, Any] = {}
    if request is not None:
        extra["instance"] = request.path
    if isinstance(exc, exceptions.ValidationError):
        extra["invalidParams"] = ongeldige_parameters(exc.get_full_details())
        detail = _("%(count)d invalid parameter(s).") % {"count": len(extra["invalidParams"])}
    else:
        detail = str(exc.detail) if isinstance(exc.detail, str) else _("See invalidParams.")
    response.data = probleem(response.status_code, detail, **extra)
    response.content_type = PROBLEM_JSON
    return response


def serverfout_probleem(pad: str) -> dict[str, Any]:
    return probleem(500, _("Something went wrong on our side; it has been logged."), instance=pad)


def probleem_antwoord(request, status_code: int, detail: str) -> JsonResponse:
    """A problem+json response outside DRF (middleware, Django's error handlers)."""
    return JsonResponse(
        probleem(status_code, detail, instance=request.path),
        status=status_code,
        content_type=PROBLEM_JSON,
    )


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def serverfout(request, *args, **kwargs):
    """handler500: problem+json for the API, Django's page elsewhere."""
    if is_api(request):
        return probleem_antwoord(
            request, 500, _("Something went wrong on our side; it has been logged.")
        )
    return defaults.server_error(request, *args, **kwargs)


def ongeldig_verzoek(request, exception, *args, **kwargs):
    """handler400 (a request Django itself refuses, e.g. a body over the size limit)."""
    if is_api(request):
        return probleem_antwoord(request, 400, _("The request could not be processed."))
    return defaults.bad_request(request, exception, *args, **kwargs)


def ongeldige_parameters(details: Any, pad: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error details into [{name, code, reason}, ...]."""
    if isinstance(details, dict) and {"message", "code"} <= set(details):
        return [{"name": pad or "body", "code": str(details["code"]), "reason": details["message"]}]
    uit: list[dict[str, str]] = []
    if isinstance(details, dict):
        for sleutel, waarde in details.items():
            if sleutel == "non_field_errors":
                naam = pad
            elif isinstance(sleutel, int):
                naam = f"{pad}[{sleutel}]"
            else:
                naam = _pad(pad, str(sleutel))
            uit.extend(ongeldige_parameters(waarde, naam))
    elif isinstance(details, list):
        if all(isinstance(d, dict) and {"message", "code"} <= set(d) for d in details):
            for d in details:
                uit.extend(ongeldige_parameters(d, pad))
        else:
            for index, waarde in enumerate(details):
                uit.extend(ongeldige_parameters(waarde, f"{pad}[{index}]"))
    return uit


def _pad(pad: str, sleutel: str) -> str:
    return f"{pad}.{sleutel}" if pad else sleutel
