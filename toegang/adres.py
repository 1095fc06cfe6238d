"""The address a login attempt comes from, for the lockout per address (django-axes).

Behind the load balancer REMOTE_ADDR is the load balancer's own address. With
PRT_PROXY_AANTAL=n the client is the n-th address from the right in X-Forwarded-For (each
trusted proxy appends the address it received the request from); a client cannot forge
those right-hand entries, only add to the left of them.
"""

from __future__ import annotations

from django.conf import settings


def client_adres(request) -> str | None:
    aantal = settings.PRT_PROXY_AANTAL
    if aantal > 0:
        adressen = [
            deel.strip()
            for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if deel.strip()
        ]
        if len(adressen) >= aantal:
            return adressen[-aantal]
    return request.META.get("REMOTE_ADDR")
