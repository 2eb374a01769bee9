"""The printable certificate or diploma: a PDF with a QR code to the verification page."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils import translation

from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import verification_url


def credential_pdf(credential: IssuedCredential, site: str) -> bytes:
    """The PDF of `credential`, in Dutch (the language of the credential itself), its QR
    code leading to the verification page at the public address `site`."""
    import weasyprint  # imported here: it takes half a second and only this needs it

    url = verification_url(credential, site)
    parts = parts_of(credential.document)
    with translation.override("nl"):
        html = render_to_string(
            "credentials/pdf.html",
            {
                "credential": credential,
                "url": url,
                "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=2),
                "parts": parts,
            },
        )
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def parts_of(document: dict[str, object]) -> list[tuple[str, str]]:
    """(part, what it rests on) per part of a diploma or werkproces of a certificate, read
    from the signed document."""
    subject = document.get("credentialSubject")
    if not isinstance(subject, dict):
        return []
    achievement = subject.get("achievement")
    descriptions = achievement.get("resultDescription", []) if isinstance(achievement, dict) else []
    names = {d.get("id"): d.get("name", "") for d in descriptions if isinstance(d, dict)}
    return [
        (str(names.get(r.get("resultDescription"), "")), str(r.get("value", "")))
        for r in subject.get("result", [])
        if isinstance(r, dict)
    ]
