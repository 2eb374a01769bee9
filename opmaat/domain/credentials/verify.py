"""Checking a credential: format, issuer and key, signature, validity dates, revocation.

`verify_credential` never raises on bad input: every problem becomes a `Failure` with a
stable code (docs/errors.md) and a plain English message for logs and scripts; a malformed
document's message also says which problem it is (a `Said`, worded by opmaat.messages as
`problem.<kind>`). Pages word the code and its data in the reader's language
(opmaat.credentials.messages). The checks, in order:

1. Format: a JSON object with the VC 2.0 context, type VerifiableCredential, an issuer,
   a credentialSubject and one proof. Otherwise `malformed`, and nothing else is checked.
2. Proof: a DataIntegrityProof with cryptosuite eddsa-jcs-2022, else `unsupported_proof`.
3. Issuer and key: the issuer must be known (`unknown_issuer`) and the proof's
   verificationMethod one of its published keys (`unknown_key`); without a key the
   signature cannot be checked, so checking stops here (after naming the changes when
   the server holds a credential with the same id).
4. Signature (`tampered`): when the server holds the issued copy (same id), the changed
   fields are named.
5. Dates: validFrom in the future (`not_yet_valid`), validUntil in the past (`expired`).
6. Status: revoked in the issuer's status list (`revoked`, with the published reason (the
   category's label, never the exam board's own note), its category code and the date
   when the issuer recorded them). When the signature failed, the status is read by credential id
   only, since a tampered document's status entry cannot be trusted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from opmaat.domain.credentials.document import VC_CONTEXT, parse_xsd_datetime
from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.proof import proof_of, supported, verify_proof
from opmaat.domain.errors import Said, shown_prefix


class FailureCode(StrEnum):
    MALFORMED = "malformed"
    UNSUPPORTED_PROOF = "unsupported_proof"
    UNKNOWN_ISSUER = "unknown_issuer"
    UNKNOWN_KEY = "unknown_key"
    TAMPERED = "tampered"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Failure:
    code: FailureCode
    message: str  # English; a `Said` for a malformed document
    fields: tuple[str, ...] = ()  # tampered: the changed fields, when known
    reason: str = ""  # revoked: the published reason, the category's label
    at: datetime | None = None  # revoked: when; expired / not yet valid: the date
    category: str = ""  # revoked: the RevocationCategory code


@dataclass(frozen=True, slots=True)
class KnownKey:
    verification_method: str
    controller: str  # the issuer id the key belongs to
    public_key: Ed25519PublicKey
    issuer_name: str


@dataclass(frozen=True, slots=True)
class Status:
    """A credential's status as the issuer publishes it: `reason` is the category's label
    (a verifier's words, never the exam board's note), `category` its code."""

    revoked: bool
    reason: str = ""
    at: datetime | None = None
    category: str = ""


class Trust(Protocol):
    """What the verifier needs from the issuing side (the database, or test doubles)."""

    def key(self, verification_method: str) -> KnownKey | None: ...

    def issuer_known(self, issuer_id: str) -> bool: ...

    def status(self, credential_id: str, entry: Mapping[str, object] | None) -> Status | None:
        """None when nothing is known about the credential's status."""
        ...

    def issued_copy(self, credential_id: str) -> Mapping[str, object] | None: ...


@dataclass(frozen=True, slots=True)
class Report:
    valid: bool
    failures: tuple[Failure, ...]
    credential_id: str = ""
    issuer_id: str = ""
    issuer_name: str = ""
    holder: str = ""
    achievement: str = ""
    code: str = ""
    kind: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    verification_method: str = ""
    revoked: Status | None = field(default=None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code.value for f in self.failures)


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object's members, refusing a name given twice: JSON parsers disagree on which of
    two values counts, so a signature checked over one could vouch for the other."""
    members: dict[str, object] = {}
    for key, value in pairs:
        if key in members:
            raise DuplicateKey(key)
        members[key] = value
    return members


def parse_credential(text: str | bytes) -> dict[str, object]:
    """The JSON object in `text`, or MalformedCredential saying why not (`duplicate_key`
    for a member name given twice in one object)."""
    try:
        value = json.loads(text, object_pairs_hook=unique_keys)
    except DuplicateKey as error:
        raise MalformedCredential("duplicate_key", shown_prefix(error.key)) from None
    except (ValueError, RecursionError) as error:
        raise MalformedCredential("not_json", str(error)) from None
    if not isinstance(value, dict):
        raise MalformedCredential("not_object")
    return value


def malformed(error: MalformedCredential) -> Report:
    """The report on text that is no credential to check (parse_credential refused it)."""
    detail = str(error.data.get("detail", ""))
    if error.problem == "duplicate_key":
        text = f"the name {detail!r} is given twice in one object"
    else:
        text = f"not a JSON object ({error.problem}{': ' if detail else ''}{detail})"
    return Report(False, (Failure(FailureCode.MALFORMED, text),))


def verify_credential(document: Mapping[str, object], trust: Trust, now: datetime) -> Report:
    """Check `document` against `trust` at `now` (see the module docstring for the steps)."""
    problem = format_problem(document)
    if problem is not None:
        return Report(False, (Failure(FailureCode.MALFORMED, problem),))
    facts = describe(document)
    proof = proof_of(document)
    if not supported(proof):
        suite = f"{proof.get('type')}/{proof.get('cryptosuite')}"
        failure = Failure(
            FailureCode.UNSUPPORTED_PROOF,
            f"the proof is {suite}; only DataIntegrityProof/eddsa-jcs-2022 is accepted",
        )
        return _report(facts, (failure,))
    key_failure, key = check_key(document, proof, trust)
    if key is None:
        # The key cannot be found, so the signature cannot be checked; when the server
        # issued a credential with this id, comparing with that copy still shows changes.
        found: list[Failure] = [key_failure] if key_failure else []
        original = trust.issued_copy(facts["credential_id"])
        if original is not None and changed_fields(dict(original), dict(document)):
            found.append(tampered(document, original))
        return _report(facts, tuple(found))
    failures: list[Failure] = []
    signed = verify_proof(document, key.public_key)
    if not signed:
        failures.append(tampered(document, trust.issued_copy(facts["credential_id"])))
    failures.extend(check_dates(document, now))
    status = trust.status(facts["credential_id"], status_entry(document) if signed else None)
    if status is not None and status.revoked:
        failures.append(revoked(status))
    return _report({**facts, "issuer_name": key.issuer_name}, tuple(failures), status)


def format_problem(document: Mapping[str, object]) -> Said | None:
    """What makes `document` not a checkable credential, or None."""
    context = document.get("@context")
    if not isinstance(context, list) or not context or context[0] != VC_CONTEXT:
        text = f"@context must be a list starting with {VC_CONTEXT}"
        return Said(text, "credential_context", expected=VC_CONTEXT)
    types = document.get("type")
    if not isinstance(types, list) or "VerifiableCredential" not in types:
        return Said("type must be a list with VerifiableCredential", "credential_type")
    if not issuer_id(document):
        return Said("issuer is missing", "credential_issuer")
    if not isinstance(document.get("credentialSubject"), dict):
        return Said("credentialSubject is missing", "credential_subject")
    if not isinstance(document.get("id", ""), str):
        return Said("id must be text", "credential_id")
    for name in ("validFrom", "validUntil"):
        if name in document and parse_xsd_datetime(document[name]) is None:
            text = f"{name} is not a date and time with a time zone"
            return Said(text, "credential_datetime", field=name)
    try:
        proof_of(document)
    except MalformedCredential:
        return Said("the credential has no proof (or more than one)", "credential_proof")
    return None


def issuer_id(document: Mapping[str, object]) -> str:
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def check_key(
    document: Mapping[str, object], proof: Mapping[str, object], trust: Trust
) -> tuple[Failure | None, KnownKey | None]:
    issuer = issuer_id(document)
    if not trust.issuer_known(issuer):
        return Failure(FailureCode.UNKNOWN_ISSUER, f"the issuer {issuer} is not known here"), None
    method = proof.get("verificationMethod")
    key = trust.key(method) if isinstance(method, str) else None
    if key is None or key.controller != issuer:
        message = f"the signing key {method} is not a published key of {issuer}"
        return Failure(FailureCode.UNKNOWN_KEY, message), None
    return None, key


def tampered(document: Mapping[str, object], original: Mapping[str, object] | None) -> Failure:
    if original is None:
        return Failure(
            FailureCode.TAMPERED,
            "the signature does not match the content: the credential was changed after it "
            "was issued",
        )
    fields = tuple(changed_fields(original, document))
    listed = ", ".join(fields) if fields else "the proof"
    return Failure(
        FailureCode.TAMPERED,
        f"the credential was changed after it was issued: {listed}",
        fields=fields,
    )


def changed_fields(original: object, received: object, path: str = "") -> list[str]:
    """The paths (`credentialSubject.identifier[0].identityHash`) where the two differ."""
    if isinstance(original, dict) and isinstance(received, dict):
        changed: list[str] = []
        for key in sorted(set(original) | set(received)):
            sub = f"{path}.{key}" if path else key
            if key not in original or key not in received:
                changed.append(sub)
            else:
                changed.extend(changed_fields(original[key], received[key], sub))
        return changed
    if isinstance(original, list) and isinstance(received, list) and len(original) == len(received):
        changed = []
        for index, (a, b) in enumerate(zip(original, received, strict=True)):
            changed.extend(changed_fields(a, b, f"{path}[{index}]"))
        return changed
    same = type(original) is type(received) and original == received
    return [] if same else [path or "(document)"]


def check_dates(document: Mapping[str, object], now: datetime) -> list[Failure]:
    failures = []
    valid_from = parse_xsd_datetime(document.get("validFrom"))
    valid_until = parse_xsd_datetime(document.get("validUntil"))
    if valid_from is not None and valid_from > now:
        when = valid_from.date().isoformat()
        failures.append(
            Failure(FailureCode.NOT_YET_VALID, f"not valid before {when}", at=valid_from)
        )
    if valid_until is not None and valid_until < now:
        when = valid_until.date().isoformat()
        failures.append(Failure(FailureCode.EXPIRED, f"expired on {when}", at=valid_until))
    return failures


def status_entry(document: Mapping[str, object]) -> Mapping[str, object] | None:
    entry = document.get("credentialStatus")
    return entry if isinstance(entry, dict) else None


def revoked(status: Status) -> Failure:
    when = f" on {status.at.date().isoformat()}" if status.at else ""
    because = f": {status.reason}" if status.reason else ""
    return Failure(
        FailureCode.REVOKED,
        f"revoked by the issuer{when}{because}",
        reason=status.reason,
        at=status.at,
        category=status.category,
    )


def describe(document: Mapping[str, object]) -> dict[str, str]:
    """What the credential says about itself, for the report (not yet trusted)."""
    subject = document.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    issuer = document.get("issuer")
    identifiers = subject.get("identifier")
    holder = ""
    if isinstance(identifiers, list):
        names = [
            i.get("identityHash")
            for i in identifiers
            if isinstance(i, dict) and i.get("identityType") == "name" and not i.get("hashed")
        ]
        holder = next((n for n in names if isinstance(n, str)), "")
    return {
        "credential_id": _text(document.get("id")),
        "issuer_id": issuer_id(document),
        "issuer_name": _text(issuer.get("name")) if isinstance(issuer, dict) else "",
        "holder": holder,
        "achievement": _text(achievement.get("name")),
        "code": _text(achievement.get("humanCode")),
        "kind": _text(achievement.get("achievementType")),
        "valid_from": _text(document.get("validFrom")),
        "valid_until": _text(document.get("validUntil")),
        "verification_method": _text(proof_of(document).get("verificationMethod")),
    }


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _report(
    facts: Mapping[str, str], failures: tuple[Failure, ...], status: Status | None = None
) -> Report:
    return Report(
        valid=not failures,
        failures=failures,
        credential_id=facts["credential_id"],
        issuer_id=facts["issuer_id"],
        issuer_name=facts["issuer_name"],
        holder=facts["holder"],
        achievement=facts["achievement"],
        code=facts["code"],
        kind=facts["kind"],
        valid_from=parse_xsd_datetime(facts["valid_from"]),
        valid_until=parse_xsd_datetime(facts["valid_until"]),
        verification_method=facts["verification_method"],
        revoked=status if status is not None and status.revoked else None,
    )


def report_document(
    report: Report, words: Callable[[Failure], str] | None = None
) -> dict[str, object]:
    """The report as JSON (`opmaat credentials verify --json`, the API): docs/cli.md. With
    `words`, each failure also has its `text`: the failure as a person reads it."""

    def when(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment is not None else None

    def failure(f: Failure) -> dict[str, object]:
        item: dict[str, object] = {
            "code": f.code.value,
            "message": f.message,
            "fields": list(f.fields),
            "reason": f.reason,
            "category": f.category,
            "at": when(f.at),
        }
        if words is not None:
            item["text"] = words(f)
        return item

    return {
        "format": "opmaat-verification/1",
        "valid": report.valid,
        "failures": [failure(f) for f in report.failures],
        "credential": {
            "id": report.credential_id,
            "issuer": report.issuer_id,
            "issuer_name": report.issuer_name,
            "holder": report.holder,
            "achievement": report.achievement,
            "code": report.code,
            "kind": report.kind,
            "valid_from": when(report.valid_from),
            "valid_until": when(report.valid_until),
            "verification_method": report.verification_method,
        },
    }
