"""Verification against this server's published keys and revocations (the `Trust` of
opmaat.domain.credentials.verify, read from the database)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from django.utils import timezone

from opmaat.credentials.models import IssuedCredential, SigningKey, revocation_label
from opmaat.domain.credentials.keys import public_key_from_raw
from opmaat.domain.credentials.verify import KnownKey, Report, Status, verify_credential

UUID_URN = re.compile(r"^urn:uuid:([0-9a-fA-F-]{36})$")
STATUS_URL = re.compile(r"/verifieren/status/(\d+)/$")


class DatabaseTrust:
    """Keys and issuers are read once per instance (one query); statuses per credential,
    or all at once with `preload=True` for checking many credentials in one go."""

    def __init__(self, preload: bool = False) -> None:
        self._keys: dict[str, KnownKey] = {}
        for row in SigningKey.objects.select_related("organisation"):
            self._keys[row.verification_method] = KnownKey(
                row.verification_method,
                row.controller,
                public_key_from_raw(bytes(row.public_key)),
                row.organisation.name,
            )
        self._issuers = {k.controller for k in self._keys.values()}
        self._statuses: dict[str, Status] | None = None
        if preload:
            rows = IssuedCredential.objects.values_list("uid", "revoked_at", "revocation_category")
            self._statuses = {
                f"urn:uuid:{uid}": published_status(at, category) for uid, at, category in rows
            }

    def key(self, verification_method: str) -> KnownKey | None:
        return self._keys.get(verification_method)

    def issuer_known(self, issuer_id: str) -> bool:
        return issuer_id in self._issuers

    def status(self, credential_id: str, entry: Mapping[str, object] | None) -> Status | None:
        if self._statuses is not None and credential_id in self._statuses:
            return self._statuses[credential_id]
        row = credential_row(credential_id) or by_status_entry(entry)
        if row is None:
            return None
        return published_status(row.revoked_at, row.revocation_category)

    def issued_copy(self, credential_id: str) -> Mapping[str, object] | None:
        row = credential_row(credential_id)
        return row.document if row is not None and row.document else None


def published_status(revoked_at: datetime | None, category: str) -> Status:
    """What a verifier learns: whether, when and in which category; never the note."""
    if revoked_at is None:
        return Status(False)
    return Status(True, revocation_label(category), revoked_at, category)


def credential_row(credential_id: str) -> IssuedCredential | None:
    match = UUID_URN.match(credential_id)
    if match is None:
        return None
    try:
        return IssuedCredential.objects.filter(uid=match.group(1)).first()
    except ValueError:  # not a valid UUID after all
        return None


def by_status_entry(entry: Mapping[str, object] | None) -> IssuedCredential | None:
    """The credential at the entry's place in one of our status lists."""
    if entry is None:
        return None
    url, index = entry.get("statusListCredential"), entry.get("statusListIndex")
    match = STATUS_URL.search(url) if isinstance(url, str) else None
    if match is None or not isinstance(index, str) or not index.isdigit():
        return None
    return IssuedCredential.objects.filter(
        organisation_id=int(match.group(1)), status_index=int(index)
    ).first()


def verify_document(document: Mapping[str, object], now: datetime | None = None) -> Report:
    return verify_credential(document, DatabaseTrust(), now or timezone.now())
