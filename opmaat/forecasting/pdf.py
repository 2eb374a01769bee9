"""The plan on paper: a template rendered to PDF by WeasyPrint, imported only when a PDF
is made (it takes about half a second)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from django.template.loader import render_to_string

STYLE = Path(__file__).resolve().parent / "static" / "forecasting" / "plan_pdf.css"


def render_pdf(template: str, context: Mapping[str, object]) -> bytes:
    """`template` rendered with `context`, styled by plan_pdf.css (a file, so that the
    template holds no inline style)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, dict(context))
    style = CSS(string=STYLE.read_text(encoding="utf-8"))
    return bytes(HTML(string=html).write_pdf(stylesheets=[style]))
