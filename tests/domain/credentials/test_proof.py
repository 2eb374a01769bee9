"""eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0, section 3.3)."""

from __future__ import annotations

import copy
import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from opmaat.domain.credentials.encoding import (
    b58decode,
    b58encode,
    ed25519_multikey,
    from_multibase,
    public_key_of_multikey,
)
from opmaat.domain.credentials.jcs import canonical
from opmaat.domain.credentials.keys import raw_public_key
from opmaat.domain.credentials.proof import ProofOptions, add_proof, hash_data, verify_proof

DOCUMENT: dict[str, object] = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential"],
    "issuer": "https://vc.example/issuers/5678",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
OPTIONS = ProofOptions("https://vc.example/issuers/5678#key-1", "2023-02-24T23:36:38Z")


def test_the_proof_is_a_data_integrity_proof_with_the_jcs_suite() -> None:
    signed = add_proof(DOCUMENT, Ed25519PrivateKey.generate(), OPTIONS)
    proof = signed["proof"]
    assert isinstance(proof, dict)
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert str(proof["proofValue"]).startswith("z")
    assert len(from_multibase(str(proof["proofValue"]))) == 64


def test_the_signed_bytes_are_the_two_hashes_of_section_3_3_4() -> None:
    key = Ed25519PrivateKey.generate()
    signed = add_proof(DOCUMENT, key, OPTIONS)
    config = {**OPTIONS.as_json(), "@context": DOCUMENT["@context"]}
    expected = (
        hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(DOCUMENT)).digest()
    )
    assert hash_data(DOCUMENT, OPTIONS.as_json()) == expected
    signature = from_multibase(str(signed["proof"]["proofValue"]))  # type: ignore[index]  # JSON, typed object
    key.public_key().verify(signature, expected)  # raises when it does not match


def test_a_signed_document_verifies_with_its_key_and_not_with_another() -> None:
    key = Ed25519PrivateKey.generate()
    signed = add_proof(DOCUMENT, key, OPTIONS)
    assert verify_proof(signed, key.public_key())
    assert not verify_proof(signed, Ed25519PrivateKey.generate().public_key())


def test_key_order_and_whitespace_do_not_matter_but_values_do() -> None:
    key = Ed25519PrivateKey.generate()
    signed = add_proof(DOCUMENT, key, OPTIONS)
    reordered = dict(reversed(list(signed.items())))
    assert verify_proof(reordered, key.public_key())
    changed = copy.deepcopy(signed)
    changed["credentialSubject"]["alumniOf"] = "The School of Fakes"  # type: ignore[index]  # JSON, typed object
    assert not verify_proof(changed, key.public_key())


def test_changing_the_proof_options_breaks_the_signature() -> None:
    key = Ed25519PrivateKey.generate()
    signed = add_proof(DOCUMENT, key, OPTIONS)
    changed = copy.deepcopy(signed)
    changed["proof"]["created"] = "2030-01-01T00:00:00Z"  # type: ignore[index]  # JSON, typed object
    assert not verify_proof(changed, key.public_key())


def test_a_proof_context_must_prefix_the_documents_context() -> None:
    key = Ed25519PrivateKey.generate()
    signed = add_proof(DOCUMENT, key, OPTIONS)
    with_context = copy.deepcopy(signed)
    with_context["proof"]["@context"] = ["https://example.org/other"]  # type: ignore[index]  # JSON, typed object
    assert not verify_proof(with_context, key.public_key())


def test_base58_keeps_leading_zero_bytes() -> None:
    for data in (b"", b"\0", b"\0\0\x01", b"hello", bytes(range(64))):
        assert b58decode(b58encode(data)) == data
    assert b58encode(b"hello world") == "StV1DL6CwTryKyV"


def test_an_ed25519_multikey_starts_with_z6mk_and_round_trips() -> None:
    raw = raw_public_key(Ed25519PrivateKey.generate())
    multikey = ed25519_multikey(raw)
    assert multikey.startswith("z6Mk")
    assert public_key_of_multikey(multikey) == raw
