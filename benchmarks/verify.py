"""How fast credentials verify (goal: at least 5,000 per second on one core), and how long
issuing a diploma with its PDF takes (goal: under 1 s).

Part 1 signs 10,000 Open Badges 3.0 credentials (eddsa-jcs-2022) with two issuer keys, a
few of them revoked, then verifies every one with opmaat.domain.credentials.verify against
the trust the server preloads (published keys and revocation statuses, as
`DatabaseTrust(preload=True)` reads them in one query each). The peer is the same check
with the reference RFC 8785 canonicaliser (`rfc8785`) for every document instead of
opmaat's fast path. Part 2 prepares a SQLite database with the demo, then times
`do_issue_diploma` plus `credential_pdf` for a learner whose diploma rests on results,
a held diploma and exemptions (the first, cold run includes importing WeasyPrint).

    python benchmarks/verify.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from opmaat.domain.credentials import jcs
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
from opmaat.domain.credentials.verify import KnownKey, Status, verify_credential

GOAL_PER_SECOND = 5_000
GOAL_ISSUE_SECONDS = 1.0
ISSUER = Issuer("https://opmaat.example/verifieren/uitgevers/1/", "ROC De Brug")
LIST = "https://opmaat.example/verifieren/status/1/"
NOW = datetime(2027, 6, 1, tzinfo=UTC)
# What Kevin Bakker (demo: Begeleider gehandicaptenzorg 25475) still lacks for 25779.
KEVIN_EXEMPTIONS = (
    "23312-B1-K1-2",
    "23312-B1-K1-3",
    "23312-P2-K1-3",
    "23312-P2-K1-4",
    "NL-3F",
    "REK-4",
    "EN-B1",
)


class Preloaded:
    """The verifier's Trust over dictionaries, as the server holds them after preloading."""

    def __init__(self, keys: Mapping[str, Ed25519PrivateKey], revoked: set[str]) -> None:
        self.keys = {
            method: KnownKey(method, ISSUER.id, key.public_key(), ISSUER.name)
            for method, key in keys.items()
        }
        self.revoked = revoked

    def key(self, verification_method: str) -> KnownKey | None:
        return self.keys.get(verification_method)

    def issuer_known(self, issuer_id: str) -> bool:
        return issuer_id == ISSUER.id

    def status(self, credential_id: str, entry: Mapping[str, object] | None) -> Status:
        return Status(
            credential_id in self.revoked, "benchmark" if credential_id in self.revoked else ""
        )

    def issued_copy(self, credential_id: str) -> None:
        return None


def make_credentials(count: int) -> tuple[list[dict[str, object]], Preloaded]:
    keys = {f"{ISSUER.id}#key-{n}": Ed25519PrivateKey.generate() for n in (1, 2)}
    methods = list(keys)
    documents = []
    for i in range(count):
        diploma = i % 10 == 0
        spec = CredentialSpec(
            id=f"urn:uuid:{uuid.UUID(int=i + 1)}",
            kind=CredentialKind.DIPLOMA if diploma else CredentialKind.CERTIFICATE,
            issuer=ISSUER,
            holder_name=f"Deelnemer {i}",
            code="25488" if diploma else "C0054",
            name="Sociaal-cultureel werker" if diploma else "Basis voor deskundige zorg",
            level=4 if diploma else 3,
            achievement_url="https://opmaat.example/catalogus/kwalificaties/25488/",
            valid_from=NOW - timedelta(days=i % 700),
            status=status_entry(LIST, i),
            criteria="Alle onderdelen behaald.",
            parts=tuple(
                PartResult(f"U{p}", f"Onderdeel {p}", "result", "resultaat 2027-01-01")
                for p in range(8 if diploma else 0)
            ),
        )
        method = methods[i % 2]
        options = ProofOptions(method, xsd_datetime(spec.valid_from))
        documents.append(add_proof(credential_document(spec), keys[method], options))
    revoked = {str(d["id"]) for d in documents[::97]}
    return documents, Preloaded(keys, revoked)


def verify_all(documents: list[dict[str, object]], trust: Preloaded) -> tuple[float, int]:
    began = time.perf_counter()
    valid = sum(verify_credential(d, trust, NOW).valid for d in documents)
    return time.perf_counter() - began, valid


def naive_rate(documents: list[dict[str, object]], trust: Preloaded) -> float:
    """The same verification with the reference canonicaliser for every document."""
    import rfc8785

    from opmaat.domain.credentials import proof

    def reference(value: object) -> bytes:
        return rfc8785.dumps(value)  # type: ignore[arg-type]  # JSON values

    fast = jcs.canonical
    setattr(proof, "canonical", reference)  # noqa: B010  (proof imported the name)
    try:
        seconds, _ = verify_all(documents, trust)
    finally:
        setattr(proof, "canonical", fast)  # noqa: B010
    return len(documents) / seconds


def issue_timings(runs: int) -> list[float]:
    """Seconds to issue a diploma and render its PDF, in a fresh demo database."""
    home = tempfile.mkdtemp(prefix="opmaat-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["OPMAAT_HOME"] = home
    os.environ["DJANGO_SETTINGS_MODULE"] = "opmaat.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from opmaat.catalog.files import default_catalog_path, read_catalog
    from opmaat.catalog.services import do_load_catalog
    from opmaat.credentials.pdf import credential_pdf
    from opmaat.credentials.services import do_issue_diploma, do_revoke
    from opmaat.demo import do_load_demo
    from opmaat.learners.models import Learner
    from opmaat.learners.services import add_holding

    call_command("migrate", interactive=False, verbosity=0)
    do_load_catalog(read_catalog(default_catalog_path()))
    do_load_demo()
    kevin = Learner.objects.get(name="Kevin Bakker")
    board = User.objects.get(username="examencommissie")
    for code in KEVIN_EXEMPTIONS:
        add_holding(board, kevin, code, "exemption", "EVC-rapport (benchmark)")
    kevin.elective_hours_done = 720  # his level-3 keuzedelen do not count for level 4
    kevin.save(update_fields=["elective_hours_done"])
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        diploma = do_issue_diploma(board, kevin, "25779")
        pdf = credential_pdf(diploma, "http://localhost:8000")
        timings.append(time.perf_counter() - began)
        assert pdf.startswith(b"%PDF")
        do_revoke(board, diploma, "replaced", "benchmark: opnieuw uitgeven")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 credentials, 3 issues")
    quick = parser.parse_args().quick
    count = 1_000 if quick else 10_000
    began = time.perf_counter()
    documents, trust = make_credentials(count)
    built = time.perf_counter() - began
    verify_all(documents[:200], trust)  # warm up
    seconds, valid = verify_all(documents, trust)
    rate = count / seconds
    expected_valid = count - len(trust.revoked)
    assert valid == expected_valid, (valid, expected_valid)
    naive = naive_rate(documents[: count // 5], trust)
    timings = issue_timings(3 if quick else 11)
    warm = statistics.median(timings[1:])
    print(f"signing {count:,} credentials:            {built:7.2f} s")
    print(f"verifying {count:,} credentials:          {seconds:7.3f} s  = {rate:,.0f} per second")
    print(f"  of which valid {valid:,}, revoked {count - valid:,} (detected)")
    print(f"naive (reference RFC 8785 throughout): {naive:,.0f} per second")
    print(f"issue diploma + PDF, cold (first):     {timings[0]:7.3f} s")
    print(f"issue diploma + PDF, median of {len(timings) - 1}:     {warm:7.3f} s  (goal < 1 s)")
    print(
        json.dumps(
            {
                "benchmark": "verify",
                "value": round(rate),
                "unit": "credentials/s",
                "peer": "goal",
                "peer_value": GOAL_PER_SECOND,
                "ratio": round(rate / GOAL_PER_SECOND, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
