from django.apps import AppConfig


class ApiConfig(AppConfig):
    """REST API v1 (Logius API Design Rules)."""

    name = "api"
