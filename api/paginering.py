"""Pagination with Dutch, camelCase query keys: `?pagina=2&paginaGrootte=50`."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class Paginering(PageNumberPagination):
    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    max_page_size = 500

    def get_paginated_response(self, data):
        return Response(
            {
                "aantal": self.page.paginator.count,
                "volgende": self.get_next_link(),
                "vorige": self.get_previous_link(),
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["aantal", "volgende", "vorige", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "example": 25},
                "volgende": {"type": "string", "nullable": True, "format": "uri"},
                "vorige": {"type": "string", "nullable": True, "format": "uri"},
                "resultaten": schema,
            },
        }
