"""The status list an organisation publishes: a signed BitstringStatusListCredential."""

from __future__ import annotations

from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.credentials.keys import active_key, private_key
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import status_list_url
from opmaat.domain.credentials.document import xsd_datetime
from opmaat.domain.credentials.proof import ProofOptions, add_proof
from opmaat.domain.credentials.status_list import status_list_credential


def status_list_document(organisation: Organisation) -> dict[str, object]:
    """The current list, signed with the organisation's active key."""
    revoked = IssuedCredential.objects.filter(
        organisation=organisation, revoked_at__isnull=False
    ).values_list("status_index", flat=True)
    key = active_key(organisation)
    now = timezone.now()
    document = status_list_credential(status_list_url(organisation), key.controller, now, revoked)
    options = ProofOptions(key.verification_method, xsd_datetime(now))
    return add_proof(document, private_key(key), options)
