"""Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite.

W3C Recommendation "Data Integrity EdDSA Cryptosuites v1.0" (15 May 2025), section 3.3,
on top of "Verifiable Credential Data Integrity 1.0". Creating a proof:

1. proofConfig = the proof options (type `DataIntegrityProof`, cryptosuite
   `eddsa-jcs-2022`, created, verificationMethod, proofPurpose) with the document's
   `@context` copied in (3.3.5); canonicalProofConfig = JCS(proofConfig).
2. transformedDocument = JCS(document without `proof`) (3.3.3).
3. hashData = SHA-256(canonicalProofConfig) ‖ SHA-256(transformedDocument) (3.3.4).
4. proofValue = multibase base58-btc of the Ed25519 signature of hashData (3.3.6).

Verifying (3.3.2) repeats steps 1–3 from the secured document, with the proof minus its
proofValue as the options; when those options carry an `@context`, the document's
`@context` must start with it. JCS is RFC 8785, so no JSON-LD context is ever fetched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from opmaat.domain.credentials.encoding import EncodingError, from_multibase, multibase_b58
from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.jcs import canonical

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"


@dataclass(frozen=True, slots=True)
class ProofOptions:
    verification_method: str
    created: str  # XML Schema dateTimeStamp, e.g. 2026-12-01T09:30:00Z
    proof_purpose: str = "assertionMethod"

    def as_json(self) -> dict[str, object]:
        return {
            "type": PROOF_TYPE,
            "cryptosuite": CRYPTOSUITE,
            "created": self.created,
            "verificationMethod": self.verification_method,
            "proofPurpose": self.proof_purpose,
        }


def hash_data(document: Mapping[str, object], options: Mapping[str, object]) -> bytes:
    """Steps 1–3: the bytes that are signed for `document` (without proof) and `options`."""
    config = dict(options)
    if "@context" in document:
        config["@context"] = document["@context"]
    config_hash = hashlib.sha256(canonical(config)).digest()
    document_hash = hashlib.sha256(canonical(dict(document))).digest()
    return config_hash + document_hash


def add_proof(
    document: Mapping[str, object], key: Ed25519PrivateKey, options: ProofOptions
) -> dict[str, object]:
    """`document` secured with a proof (the input is not changed)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof = options.as_json()
    signature = key.sign(hash_data(unsecured, proof))
    return {**unsecured, "proof": {**proof, "proofValue": multibase_b58(signature)}}


def proof_of(document: Mapping[str, object]) -> dict[str, object]:
    """The document's single proof; MalformedCredential when it has none or several."""
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise MalformedCredential("no_proof")
    return proof


def supported(proof: Mapping[str, object]) -> bool:
    return proof.get("type") == PROOF_TYPE and proof.get("cryptosuite") == CRYPTOSUITE


def verify_proof(document: Mapping[str, object], key: Ed25519PublicKey) -> bool:
    """Whether the proof of `document` is a valid eddsa-jcs-2022 signature by `key`."""
    proof = proof_of(document)
    value = proof.get("proofValue")
    if not supported(proof) or not isinstance(value, str):
        return False
    try:
        signature = from_multibase(value)
    except EncodingError:
        return False
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    if "@context" in options:
        wanted = options["@context"]
        have = unsecured.get("@context")
        if not (isinstance(wanted, list) and isinstance(have, list)):
            return False
        if have[: len(wanted)] != wanted:
            return False
        unsecured["@context"] = wanted
    try:
        key.verify(signature, hash_data(unsecured, options))
    except (InvalidSignature, MalformedCredential):
        # MalformedCredential: content JCS cannot express (an integer beyond 2**53, a lone
        # surrogate) was never signed.
        return False
    return True
