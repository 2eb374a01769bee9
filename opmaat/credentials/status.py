"""The status list an organisation publishes: a signed BitstringStatusListCredential."""

from __future__ import annotations

from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.credentials.keys import current_key, private_key
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import status_list_url
from opmaat.domain.credentials.document import xsd_datetime
from opmaat.domain.credentials.proof import ProofOptions, add_proof
from opmaat.domain.credentials.status_list import status_list_credential


def status_list_document(organisation: Organisation, site: str) -> dict[str, object]:
    """The current list at the public address `site`, signed with the organisation's
    active key."""
    revoked = IssuedCredential.objects.filter(
        organisation=organisation, revoked_at__isnull=False
    ).values_list("status_index", flat=True)
    key = current_key(organisation, site)
    now = timezone.now()
    url = status_list_url(organisation, site)
    document = status_list_credential(url, key.controller, now, revoked)
    options = ProofOptions(key.verification_method, xsd_datetime(now))
    return add_proof(document, private_key(key), options)
