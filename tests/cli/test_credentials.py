"""`opmaat credentials list|export|verify|rotate-key`, through --json where there is one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opmaat.credentials.models import IssuedCredential
from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db


def test_list_gives_every_credential_with_its_status(opmaat: Opmaat, demo: None) -> None:
    result = opmaat("credentials", "list", "--json")
    assert result.code == 0
    listed = json.loads(result.out)["credentials"]
    assert {(c["kind"], c["code"], c["holder"], c["status"]) for c in listed} == {
        ("certificate", "C0166", "Eva Peters", "revoked"),
        ("certificate", "C0166", "Eva Peters", "valid"),
        ("diploma", "25488", "Noor Hendriks", "valid"),
    }
    for row in listed:
        assert row["id"].startswith("urn:uuid:") and row["issued_at"]


def test_list_filters_by_learner(opmaat: Opmaat, demo: None) -> None:
    noor = IssuedCredential.objects.get(kind="diploma").learner_id
    listed = json.loads(opmaat("credentials", "list", "--learner", str(noor), "--json").out)
    assert [c["code"] for c in listed["credentials"]] == ["25488"]


def exported(opmaat: Opmaat, tmp_path: Path, kind: str = "diploma") -> Path:
    credential = IssuedCredential.objects.filter(kind=kind, revoked_at__isnull=True).first()
    assert credential is not None
    target = tmp_path / "credential.json"
    result = opmaat("credentials", "export", str(credential.uid), "-o", str(target))
    assert result.code == 0, result.err
    return target


def test_an_exported_credential_verifies(opmaat: Opmaat, demo: None, tmp_path: Path) -> None:
    file = exported(opmaat, tmp_path)
    assert json.loads(file.read_text())["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    result = opmaat("credentials", "verify", str(file))
    assert result.code == 0
    assert "valid: Diploma Sociaal-cultureel werker of Noor Hendriks" in result.out
    report = json.loads(opmaat("credentials", "verify", str(file), "--json").out)
    assert report["valid"] is True and report["failures"] == []


def test_a_changed_byte_fails_with_the_reason(opmaat: Opmaat, demo: None, tmp_path: Path) -> None:
    file = exported(opmaat, tmp_path)
    file.write_text(file.read_text().replace("Noor Hendriks", "Noor Hendrikz"))
    result = opmaat("credentials", "verify", str(file))
    assert result.code == 1
    assert result.err.strip() == (
        f"opmaat: {file}: niet geldig: tampered: the credential was changed after it was "
        "issued: credentialSubject.identifier[0].identityHash"
    )
    as_json = opmaat("credentials", "verify", str(file), "--json")
    assert as_json.code == 1
    [failure] = json.loads(as_json.out)["failures"]
    assert failure["code"] == "tampered"
    assert (
        failure["text"]
        == "Het document is na uitgifte veranderd. Gewijzigd: de gegevens over de houder."
    )
    assert failure["fields"] == ["credentialSubject.identifier[0].identityHash"]


def test_a_revoked_credential_fails_with_its_reason(
    opmaat: Opmaat, demo: None, tmp_path: Path
) -> None:
    revoked = IssuedCredential.objects.get(revoked_at__isnull=False)
    file = tmp_path / "revoked.json"
    assert opmaat("credentials", "export", str(revoked.uid), "-o", str(file)).code == 0
    result = opmaat("credentials", "verify", str(file))
    assert result.code == 1
    assert "revoked: revoked by the issuer on" in result.err
    assert "Vervangen door een verbeterd certificaat of diploma" in result.err
    assert "verkeerde naam" not in result.err  # the exam board's note stays internal


def test_a_file_that_is_no_credential_is_one_readable_line(
    opmaat: Opmaat, demo: None, tmp_path: Path
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hallo")
    result = opmaat("credentials", "verify", str(file))
    assert result.code == 1
    assert result.err.startswith(f"opmaat: fout [credential_malformed]: {file}: ")
    missing = opmaat("credentials", "verify", str(tmp_path / "nope.json"))
    assert missing.code == 1
    assert missing.err == f"opmaat: {tmp_path / 'nope.json'}: bestand bestaat niet\n"


def test_an_unknown_id_is_refused(opmaat: Opmaat, demo: None, tmp_path: Path) -> None:
    result = opmaat(
        "credentials", "export", "00000000-0000-4000-8000-000000000000", "-o", str(tmp_path / "x")
    )
    assert result.code == 1
    assert result.err.strip() == (
        "opmaat: geen certificaat of diploma met id 00000000-0000-4000-8000-000000000000"
    )


def test_rotate_key_keeps_old_credentials_valid(opmaat: Opmaat, demo: None, tmp_path: Path) -> None:
    file = exported(opmaat, tmp_path)
    result = opmaat("credentials", "rotate-key", "ROC De Brug (demo)")
    assert result.code == 0 and "new key" in result.out
    assert opmaat("credentials", "verify", str(file)).code == 0
    assert opmaat("credentials", "rotate-key", "Nergens").code == 1
