"""The JSON API under /api/ (django-ninja), described at /api/openapi.json."""
