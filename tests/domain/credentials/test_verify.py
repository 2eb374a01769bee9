"""Verification says plainly what is wrong, with a stable code per kind of failure."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from opmaat.domain.credentials.document import VC_CONTEXT
from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.verify import (
    FailureCode,
    Status,
    parse_credential,
    report_document,
    verify_credential,
)
from opmaat.domain.errors import Said, Value
from opmaat.messages import MESSAGES
from tests.domain.credentials.helpers import ISSUED, NOW, MemoryIssuer, spec


@pytest.fixture
def issuer() -> MemoryIssuer:
    issuer = MemoryIssuer()
    issuer.new_key()
    return issuer


def test_a_freshly_issued_credential_is_valid(issuer: MemoryIssuer) -> None:
    report = verify_credential(issuer.issue(spec()), issuer, NOW)
    assert report.valid and report.failures == ()
    assert report.holder == "Sanne de Vries"
    assert report.achievement == "Basis voor deskundige zorg"
    assert report.issuer_name == "ROC De Brug"
    assert report.kind == "Certificate"


def test_a_changed_name_is_named_when_the_issued_copy_is_known(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    subject = signed["credentialSubject"]
    subject["identifier"][0]["identityHash"] = "Piet Fraude"  # type: ignore[index]  # JSON, typed object
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("tampered",)
    assert report.failures[0].fields == ("credentialSubject.identifier[0].identityHash",)
    assert "credentialSubject.identifier[0].identityHash" in report.failures[0].message


def test_without_the_issued_copy_the_signature_mismatch_is_reported(issuer: MemoryIssuer) -> None:
    issuer.remember_copies = False
    signed = issuer.issue(spec())
    signed["validFrom"] = "2020-01-01T00:00:00Z"
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("tampered",)
    assert report.failures[0].fields == ()
    assert "signature does not match" in report.failures[0].message


def test_a_changed_signature_is_tampering_of_the_proof(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    proof = signed["proof"]
    value = proof["proofValue"]  # type: ignore[index]  # JSON, typed object
    changed = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    proof["proofValue"] = changed  # type: ignore[index]  # JSON, typed object
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("tampered",)
    assert report.failures[0].fields == ("proof.proofValue",)


def test_an_added_field_is_tampering(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    signed["credentialSubject"]["grade"] = "cum laude"  # type: ignore[index]  # JSON, typed object
    report = verify_credential(signed, issuer, NOW)
    assert report.failures[0].fields == ("credentialSubject.grade",)


def test_an_unknown_issuer_is_reported_as_such(issuer: MemoryIssuer) -> None:
    issuer.remember_copies = False
    signed = issuer.issue(spec())
    signed["issuer"] = {"id": "https://fake.example/issuer", "type": ["Profile"], "name": "X"}
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("unknown_issuer",)
    assert "https://fake.example/issuer" in report.failures[0].message


def test_a_key_the_issuer_never_published_is_an_unknown_key(issuer: MemoryIssuer) -> None:
    stranger = MemoryIssuer()
    method = stranger.new_key("key-9")
    signed = stranger.issue(spec())
    assert method not in issuer.keys
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("unknown_key",)


def test_a_revoked_credential_says_when_and_in_which_category(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    when = datetime(2027, 4, 2, 10, 0, tzinfo=UTC)
    status = Status(True, "Ten onrechte uitgegeven", when, "issued_in_error")
    issuer.revocations[str(signed["id"])] = status
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("revoked",)
    failure = report.failures[0]
    assert failure.reason == "Ten onrechte uitgegeven" and failure.at == when
    assert failure.category == "issued_in_error"
    assert failure.message == "revoked by the issuer on 2027-04-02: Ten onrechte uitgegeven"
    failures = report_document(report)["failures"]
    assert isinstance(failures, list)
    assert (failures[0]["category"], failures[0]["reason"]) == (
        "issued_in_error",
        "Ten onrechte uitgegeven",
    )


def test_an_expired_credential_says_since_when(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec(valid_until=datetime(2027, 5, 1, tzinfo=UTC)))
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("expired",)
    assert report.failures[0].message == "expired on 2027-05-01"


def test_a_credential_is_not_valid_before_its_valid_from(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    report = verify_credential(signed, issuer, ISSUED.replace(day=1, month=1))
    assert report.codes == ("not_yet_valid",)


def test_every_problem_is_listed_not_just_the_first(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec(valid_until=datetime(2027, 5, 1, tzinfo=UTC)))
    issuer.revocations[str(signed["id"])] = Status(True, "fout")
    signed["name"] = "Diploma Verpleegkunde"
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == ("tampered", "expired", "revoked")


def test_old_credentials_still_verify_after_the_key_is_rotated(issuer: MemoryIssuer) -> None:
    old = issuer.issue(spec(1))
    issuer.new_key("key-2")
    new = issuer.issue(spec(2))
    assert new["proof"]["verificationMethod"].endswith("#key-2")  # type: ignore[index]  # JSON, typed object
    assert verify_credential(old, issuer, NOW).valid
    assert verify_credential(new, issuer, NOW).valid


@pytest.mark.parametrize(
    ("mutate", "kind", "data"),
    [
        (lambda d: d.pop("proof"), "credential_proof", {}),
        (lambda d: d.update({"@context": ["x"]}), "credential_context", {"expected": VC_CONTEXT}),
        (lambda d: d.update({"type": "VerifiableCredential"}), "credential_type", {}),
        (lambda d: d.pop("issuer"), "credential_issuer", {}),
        (lambda d: d.pop("credentialSubject"), "credential_subject", {}),
        (lambda d: d.update({"id": 7}), "credential_id", {}),
        (
            lambda d: d.update({"validFrom": "gisteren"}),
            "credential_datetime",
            {"field": "validFrom"},
        ),
    ],
)
def test_a_document_that_is_no_credential_is_malformed(
    issuer: MemoryIssuer,
    mutate: Callable[[dict[str, object]], object],
    kind: str,
    data: dict[str, Value],
) -> None:
    """The failure says which problem it is; opmaat.messages words it (problem.<kind>)."""
    signed = copy.deepcopy(issuer.issue(spec()))
    mutate(signed)
    report = verify_credential(signed, issuer, NOW)
    assert report.codes == (FailureCode.MALFORMED.value,)
    [failure] = report.failures
    assert isinstance(failure.message, Said)
    assert (failure.message.kind, dict(failure.message.data)) == (kind, data)
    assert f"problem.{kind}" in MESSAGES


def test_a_malformed_documents_english_message_stays_for_scripts(issuer: MemoryIssuer) -> None:
    signed = {**issuer.issue(spec()), "@context": ["x"]}
    [failure] = verify_credential(signed, issuer, NOW).failures
    assert failure.message == f"@context must be a list starting with {VC_CONTEXT}"


def test_another_proof_suite_is_unsupported(issuer: MemoryIssuer) -> None:
    signed = issuer.issue(spec())
    signed["proof"]["cryptosuite"] = "eddsa-rdfc-2022"  # type: ignore[index]  # JSON, typed object
    assert verify_credential(signed, issuer, NOW).codes == ("unsupported_proof",)


def test_text_that_is_not_a_json_object_is_refused_readably() -> None:
    for text in ("", "[1, 2]", "{", '"x"'):
        with pytest.raises(MalformedCredential):
            parse_credential(text)
    assert parse_credential(json.dumps({"a": 1})) == {"a": 1}
