"""Documents on paper: a template rendered to PDF by WeasyPrint."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template: str, context: Mapping[str, object]) -> bytes:
    """`template` rendered with `context` as a PDF. WeasyPrint is imported here, not at
    start-up, because loading it (and pango) costs about half a second."""
    from weasyprint import HTML

    html = render_to_string(template, dict(context))
    return bytes(HTML(string=html).write_pdf())


def pdf_response(template: str, context: Mapping[str, object], filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
