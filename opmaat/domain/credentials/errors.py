"""Errors of the credentials core, each with a stable code (docs/errors.md)."""

from __future__ import annotations

from opmaat.domain.errors import DomainError


class MalformedCredential(DomainError):
    """The input is not a credential this system can check (not JSON, fields missing)."""

    code = "credential_malformed"


class NotIssuable(DomainError):
    """A certificate or diploma was asked for that the learner's record does not support."""

    code = "credential_not_issuable"


class AlreadyIssued(DomainError):
    code = "credential_already_issued"


class AlreadyRevoked(DomainError):
    code = "credential_already_revoked"


class KeyUnavailable(DomainError):
    """A private key that cannot be decrypted with the configured key-encryption key."""

    code = "signing_key_unavailable"


class EntrustmentNotAllowed(DomainError):
    code = "entrustment_not_allowed"
