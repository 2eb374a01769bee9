"""Errors of the credentials core, each with a stable code (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.errors import Conflict, DomainError


class MalformedCredential(DomainError):
    """The input is not a credential this system can check: `problem` is not_json,
    duplicate_key (a name given twice in one object), not_object, no_proof, status_list,
    status_index or canonical; `detail` what the parser said (the name given twice), when
    it said something."""

    code = "credential_malformed"
    variant = "problem"

    def __init__(self, problem: str, detail: str = "") -> None:
        self.problem = problem
        super().__init__(problem=problem, detail=detail)


class NotIssuable(Conflict):
    """A certificate or diploma was asked for that the learner's record does not support:
    `problem` is incomplete (with `missing`), held, not_a_certificate or
    not_a_qualification."""

    code = "credential_not_issuable"
    variant = "problem"

    def __init__(self, problem: str, value: str, missing: Sequence[str] = ()) -> None:
        super().__init__(problem=problem, value=value, missing=tuple(missing))


class AlreadyIssued(Conflict):
    code = "credential_already_issued"

    def __init__(self, value: str) -> None:
        super().__init__(value=value)


class AlreadyRevoked(Conflict):
    code = "credential_already_revoked"

    def __init__(self, credential: str) -> None:
        super().__init__(credential=credential)


class KeyUnavailable(DomainError):
    """A private key that cannot be decrypted with the configured key-encryption key
    (OPMAAT_CREDENTIAL_KEY is not the key it was stored with)."""

    code = "signing_key_unavailable"
    status = 500

    def __init__(self, key_id: str) -> None:
        super().__init__(key_id=key_id, setting="OPMAAT_CREDENTIAL_KEY")


class EntrustmentNotAllowed(Conflict):
    """A reserved or risky act above `ceiling` before the units in `missing` are
    complete."""

    code = "entrustment_not_allowed"

    def __init__(self, activity: str, ceiling: int, missing: Sequence[str]) -> None:
        super().__init__(activity=activity, ceiling=ceiling, missing=tuple(missing))


class StatusListFull(Conflict):
    """Every place in the organisation's status list is taken."""

    code = "status_list_full"

    def __init__(self, organisation: str) -> None:
        super().__init__(organisation=organisation)


class PublicUrlMissing(DomainError):
    """Nothing can be issued: the site's public address (`setting`), which every
    certificate and diploma carries in its issuer id, status list and QR code, is not set,
    and this is no local run that could take it from the request."""

    code = "public_url_missing"
    status = 500  # the site's configuration, as signing_key_unavailable

    def __init__(self) -> None:
        super().__init__(setting="OPMAAT_PUBLIC_URL")
