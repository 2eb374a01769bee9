"""Each verification failure in plain words for the public page, in the reader's language
(Dutch by default; the code stays stable)."""

from __future__ import annotations

from typing import assert_never

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opmaat.domain.credentials.verify import Failure, FailureCode
from opmaat.domain.errors import Said

# What is wrong with a document that is no credential, for a reader who never saw its
# inside: the kind of problem (domain.credentials.verify) in plain words, no field names.
MALFORMED = {
    "credential_context": gettext_lazy(
        "het volgt de standaard voor digitale certificaten en diploma’s niet"
    ),
    "credential_type": gettext_lazy("het zegt niet dat het een certificaat of diploma is"),
    "credential_issuer": gettext_lazy("er staat niet in wie het heeft uitgegeven"),
    "credential_subject": gettext_lazy("de gegevens over de houder ontbreken"),
    "credential_id": gettext_lazy("het kenmerk ontbreekt of is onleesbaar"),
    "credential_datetime": gettext_lazy("een datum erin is onleesbaar"),
    "credential_proof": gettext_lazy("de handtekening ontbreekt, of er staat meer dan één in"),
}

# The parts of a credential a changed field belongs to, first match wins (JSON paths).
CHANGED_PARTS = (
    ("credentialSubject.name", gettext_lazy("de naam van de houder")),
    ("credentialSubject.achievement", gettext_lazy("wat is behaald")),
    ("credentialSubject.result", gettext_lazy("de resultaten")),
    ("credentialSubject", gettext_lazy("de gegevens over de houder")),
    ("issuer", gettext_lazy("de uitgever")),
    ("validFrom", gettext_lazy("de datum van uitgifte")),
    ("validUntil", gettext_lazy("de einddatum")),
    ("credentialStatus", gettext_lazy("de verwijzing naar de intrekkingslijst")),
    ("proof", gettext_lazy("de handtekening")),
)


def changed_parts(fields: tuple[str, ...]) -> list[str]:
    """The changed JSON paths as the parts of the document a reader knows, each once."""
    parts: list[str] = []
    for field in fields:
        label = next(
            (str(text) for prefix, text in CHANGED_PARTS if field.startswith(prefix)),
            _("andere gegevens"),
        )
        if label not in parts:
            parts.append(label)
    return parts


def explain(failure: Failure) -> str:
    """One plain sentence for a verifier who is not an expert."""
    day = formats.date_format(failure.at, "j F Y") if failure.at else ""
    match failure.code:
        case FailureCode.MALFORMED:
            kind = failure.message.kind if isinstance(failure.message, Said) else ""
            detail = MALFORMED.get(kind, "")
            if not detail:
                return _("Dit is geen certificaat of diploma dat hier te controleren is.")
            return _(
                "Dit is geen certificaat of diploma dat hier te controleren is: %(detail)s."
            ) % {"detail": str(detail)}
        case FailureCode.UNSUPPORTED_PROOF:
            return _("De handtekening is van een soort die deze site niet controleert.")
        case FailureCode.UNKNOWN_ISSUER:
            return _(
                "De uitgever is hier niet bekend. Het document komt niet van een school die via "
                "deze site certificaten en diploma’s uitgeeft."
            )
        case FailureCode.UNKNOWN_KEY:
            return _(
                "Het document is ondertekend met een sleutel die de uitgever nooit heeft "
                "gepubliceerd."
            )
        case FailureCode.TAMPERED if failure.fields:
            return _("Het document is na uitgifte veranderd. Gewijzigd: %(fields)s.") % {
                "fields": ", ".join(changed_parts(failure.fields))
            }
        case FailureCode.TAMPERED:
            return _(
                "Het document is na uitgifte veranderd: de handtekening past niet bij de inhoud."
            )
        case FailureCode.NOT_YET_VALID:
            return _("Nog niet geldig: het geldt pas vanaf %(day)s.") % {"day": day}
        case FailureCode.EXPIRED:
            return _("Verlopen: het gold tot %(day)s.") % {"day": day}
        case FailureCode.REVOKED if failure.reason:
            # The reason is a category's label (a msgid of REVOCATION_LABELS), not free text.
            return _("Ingetrokken door de uitgever op %(day)s. Reden: %(reason)s") % {
                "day": day,
                "reason": _(failure.reason),
            }
        case FailureCode.REVOKED:
            return _("Ingetrokken door de uitgever.")
    assert_never(failure.code)  # every code is worded: never the English message
