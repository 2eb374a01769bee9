"""Why a credential was revoked, as it is published: a category from a fixed list.

The exam board's own words (the note) stay internal; a verifier only ever sees the
category, so a public page never carries what the board wrote about a person. The edges
give each category its Dutch label (opmaat.credentials.models.REVOCATION_LABELS).
"""

from __future__ import annotations

from enum import StrEnum


class RevocationCategory(StrEnum):
    ISSUED_IN_ERROR = "issued_in_error"  # ten onrechte uitgegeven
    EXAM_IRREGULARITY = "exam_irregularity"  # fraude of onregelmatigheid bij het examen
    REPLACED = "replaced"  # vervangen door een verbeterd certificaat of diploma
    HOLDER_REQUEST = "holder_request"  # op verzoek van de houder
    OTHER = "other"  # andere reden (revocations recorded before the categories, too)
