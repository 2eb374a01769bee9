"""Each verification failure in plain words for the public page, in the reader's language
(Dutch by default; the code stays stable)."""

from __future__ import annotations

from typing import assert_never

from django.utils import formats
from django.utils.translation import gettext as _

from opmaat.domain.credentials.verify import Failure, FailureCode
from opmaat.messages import said_message


def explain(failure: Failure) -> str:
    """One plain sentence for a verifier who is not an expert."""
    day = formats.date_format(failure.at, "j F Y") if failure.at else ""
    match failure.code:
        case FailureCode.MALFORMED:
            detail = said_message(failure.message, _)
            if not detail:
                return _("Dit is geen certificaat of diploma dat hier te controleren is.")
            return _(
                "Dit is geen certificaat of diploma dat hier te controleren is: %(detail)s."
            ) % {"detail": detail}
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
                "fields": ", ".join(failure.fields)
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
