"""An issuer in memory: keys, issued copies and revocations, for the verifier's tests."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from opmaat.domain.credentials.document import (
    CredentialKind,
    CredentialSpec,
    Issuer,
    PartResult,
    credential_document,
    xsd_datetime,
)
from opmaat.domain.credentials.proof import ProofOptions, add_proof
from opmaat.domain.credentials.status_list import status_entry
from opmaat.domain.credentials.verify import KnownKey, Status

ISSUER = Issuer("https://opmaat.example/verifieren/uitgevers/1", "ROC De Brug")
LIST_URL = "https://opmaat.example/verifieren/status/1"
ISSUED = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)


def spec(
    number: int = 1,
    kind: CredentialKind = CredentialKind.CERTIFICATE,
    valid_from: datetime = ISSUED,
    valid_until: datetime | None = None,
    holder: str = "Sanne de Vries",
    parts: tuple[PartResult, ...] = (),
) -> CredentialSpec:
    return CredentialSpec(
        id=f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        kind=kind,
        issuer=ISSUER,
        holder_name=holder,
        code="C0054",
        name="Basis voor deskundige zorg",
        level=3,
        achievement_url="urn:opmaat:certificaat:C0054",
        valid_from=valid_from,
        status=status_entry(LIST_URL, 1000 + number),
        criteria="Alle werkprocessen behaald (23268-B1-K1-W1, 23268-B1-K1-W4).",
        valid_until=valid_until,
        parts=parts,
    )


@dataclass
class MemoryIssuer:
    """Implements the verifier's `Trust` from dictionaries."""

    keys: dict[str, Ed25519PrivateKey] = field(default_factory=dict)
    issued: dict[str, dict[str, object]] = field(default_factory=dict)
    revocations: dict[str, Status] = field(default_factory=dict)
    remember_copies: bool = True

    def new_key(self, name: str = "key-1") -> str:
        method = f"{ISSUER.id}#{name}"
        self.keys[method] = Ed25519PrivateKey.generate()
        return method

    def issue(self, credential: CredentialSpec, method: str | None = None) -> dict[str, object]:
        method = method or next(reversed(self.keys))
        options = ProofOptions(method, xsd_datetime(credential.valid_from))
        signed = add_proof(credential_document(credential), self.keys[method], options)
        if self.remember_copies:
            self.issued[credential.id] = copy.deepcopy(signed)
        return signed

    def key(self, verification_method: str) -> KnownKey | None:
        private = self.keys.get(verification_method)
        if private is None:
            return None
        return KnownKey(verification_method, ISSUER.id, private.public_key(), ISSUER.name)

    def issuer_known(self, issuer_id: str) -> bool:
        return issuer_id == ISSUER.id

    def status(self, credential_id: str, entry: Mapping[str, object] | None) -> Status | None:
        return self.revocations.get(credential_id, Status(False))

    def issued_copy(self, credential_id: str) -> Mapping[str, object] | None:
        return self.issued.get(credential_id)
