"""The credential document: an Open Badges 3.0 `OpenBadgeCredential`, which is a W3C
Verifiable Credential (Data Model 2.0) in JSON-LD compact form.

docs/formats/credentials.md describes every field. Choices:
- `credentialSubject.identifier` names the holder in plain text (an OB3 IdentityObject with
  `hashed: false`): a Dutch mbo-certificate or diploma shows the holder's name, and an
  employer compares it with the person in front of them.
- A diploma lists what each part rests on as OB3 `Result`s against the achievement's
  `resultDescription`s: a result of the learner's own, a certificate or diploma held, or an
  exemption (vrijstelling) with its grounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


class CredentialKind(StrEnum):
    CERTIFICATE = "certificate"  # mbo-certificaat
    DIPLOMA = "diploma"


ACHIEVEMENT_TYPE = {CredentialKind.CERTIFICATE: "Certificate", CredentialKind.DIPLOMA: "Diploma"}
KIND_OF_ACHIEVEMENT_TYPE = {v: k for k, v in ACHIEVEMENT_TYPE.items()}


@dataclass(frozen=True, slots=True)
class Issuer:
    id: str  # an https URL of the issuer's profile
    name: str


@dataclass(frozen=True, slots=True)
class PartResult:
    """One part of a diploma and what it rests on."""

    code: str
    name: str
    basis: str  # "result", "held", "exemption", "credential"
    detail: str  # readable: "behaald 12-03-2027", "vrijstelling: EVC-rapport …"


@dataclass(frozen=True, slots=True)
class CredentialSpec:
    id: str  # urn:uuid:…
    kind: CredentialKind
    issuer: Issuer
    holder_name: str
    code: str  # unit, certificate or qualification code (crebo)
    name: str
    level: int | None
    achievement_url: str
    valid_from: datetime
    status: dict[str, object]  # the credentialStatus entry
    criteria: str
    valid_until: datetime | None = None
    parts: tuple[PartResult, ...] = ()


def xsd_datetime(moment: datetime) -> str:
    """An XML Schema dateTimeStamp in UTC with seconds, as the VC data model asks."""
    if moment.tzinfo is None:
        raise ValueError("credential times must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_xsd_datetime(text: object) -> datetime | None:
    """A timezone-aware datetime, or None when `text` is not a dateTimeStamp."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        # In UTC, so that comparing never overflows at the ends of the calendar.
        return moment.astimezone(UTC) if moment.tzinfo is not None else None
    except (ValueError, OverflowError):
        return None


def credential_document(spec: CredentialSpec) -> dict[str, object]:
    """The unsigned credential for `spec`."""
    label = "Diploma" if spec.kind == CredentialKind.DIPLOMA else "mbo-certificaat"
    achievement: dict[str, object] = {
        "id": spec.achievement_url,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPE[spec.kind],
        "humanCode": spec.code,
        "name": spec.name,
        "description": f"{label} {spec.name} ({spec.code})"
        + (f", niveau {spec.level}" if spec.level else ""),
        "criteria": {"narrative": spec.criteria},
    }
    subject: dict[str, object] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": spec.holder_name,
            }
        ],
        "achievement": achievement,
    }
    if spec.parts:
        achievement["resultDescription"] = [
            {
                "id": part_url(spec.id, p.code),
                "type": ["ResultDescription"],
                "name": f"{p.code} {p.name}",
                "resultType": "Status",
            }
            for p in spec.parts
        ]
        subject["result"] = [
            {
                "type": ["Result"],
                "resultDescription": part_url(spec.id, p.code),
                "status": "Completed",
                "value": f"{p.basis}: {p.detail}",
            }
            for p in spec.parts
        ]
    document: dict[str, object] = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": spec.id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{label} {spec.name}",
        "issuer": {"id": spec.issuer.id, "type": ["Profile"], "name": spec.issuer.name},
        "validFrom": xsd_datetime(spec.valid_from),
        "credentialSubject": subject,
        "credentialStatus": spec.status,
    }
    if spec.valid_until is not None:
        document["validUntil"] = xsd_datetime(spec.valid_until)
    return document


def part_url(credential_id: str, code: str) -> str:
    return f"{credential_id}#{code}"
