"""`/gezondheid`: the health endpoint for load balancers.

It answers 200 only when the database answers, so a load balancer takes an app server
out of rotation while its database connection is gone, and back in once Django's
connection health checks (CONN_HEALTH_CHECKS) have reconnected.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("prt.gezondheid")


@never_cache
@require_GET
def gezondheid(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as fout:
        logger.warning("database unreachable: %s", fout.__class__.__name__)
        return JsonResponse({"status": "onbereikbaar", "database": "fout"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
