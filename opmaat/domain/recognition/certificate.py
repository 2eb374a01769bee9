"""The ervaringscertificaat as data, and the exam board's decision on it.

The certificate states who was assessed, by which provider and assessor, when, against
which standard (the qualification and its version), and which outcomes and units were
recognised. The exam board then grants exemptions (vrijstellingen): per unit for units
recognised whole, per outcome for outcomes recognised in other units. It may grant less
than the certificate recognises, never more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.recognition.assessment import Recognition

FORMAT = "opmaat-ervaringscertificaat/1"


@dataclass(frozen=True, slots=True)
class Ervaringscertificaat:
    number: str
    person: str
    date_of_birth: date | None
    provider: str
    assessor: str
    issued: date
    standard: str  # crebo
    standard_name: str
    standard_version: str
    units: tuple[str, ...]
    outcomes: tuple[str, ...]  # outcomes recognised outside the units above


def draw_up(
    catalog: Catalog,
    *,
    number: str,
    person: str,
    date_of_birth: date | None,
    provider: str,
    assessor: str,
    issued: date,
    standard: str,
    recognition: Recognition,
) -> Ervaringscertificaat:
    """The certificate for a finished assessment; InvalidInput while outcomes are unjudged
    or when nothing at all was recognised (then there is nothing to certify)."""
    if not recognition.complete:
        raise InvalidInput(
            f"{len(recognition.unjudged)} outcome(s) are not judged yet: "
            + ", ".join(recognition.unjudged[:5])
        )
    if not recognition.units and not recognition.outcomes:
        raise InvalidInput("no outcome was judged met: there is nothing to certify")
    qualification = catalog.qualifications[standard]
    return Ervaringscertificaat(
        number=number,
        person=person,
        date_of_birth=date_of_birth,
        provider=provider,
        assessor=assessor,
        issued=issued,
        standard=standard,
        standard_name=qualification.name,
        standard_version=qualification.version,
        units=recognition.units,
        outcomes=recognition.outcomes,
    )


def certificate_document(catalog: Catalog, cert: Ervaringscertificaat) -> dict[str, object]:
    """The certificate as data (JSON-ready), with the names of what it recognises."""
    return {
        "format": FORMAT,
        "number": cert.number,
        "person": {
            "name": cert.person,
            "date_of_birth": cert.date_of_birth.isoformat() if cert.date_of_birth else None,
        },
        "provider": cert.provider,
        "assessor": cert.assessor,
        "issued": cert.issued.isoformat(),
        "standard": {
            "crebo": cert.standard,
            "name": cert.standard_name,
            "version": cert.standard_version,
        },
        "units": [{"code": u, "title": catalog.name_of(u)} for u in cert.units],
        "outcomes": [{"code": o, "title": catalog.name_of(o)} for o in cert.outcomes],
    }


def certificate_from_document(document: dict[str, object]) -> Ervaringscertificaat:
    """Back from `certificate_document` (the stored copy is the record of what was issued)."""
    person = _mapping(document["person"])
    standard = _mapping(document["standard"])
    birth = person.get("date_of_birth")
    return Ervaringscertificaat(
        number=str(document["number"]),
        person=str(person["name"]),
        date_of_birth=date.fromisoformat(str(birth)) if birth else None,
        provider=str(document["provider"]),
        assessor=str(document["assessor"]),
        issued=date.fromisoformat(str(document["issued"])),
        standard=str(standard["crebo"]),
        standard_name=str(standard["name"]),
        standard_version=str(standard["version"]),
        units=tuple(str(_mapping(u)["code"]) for u in _sequence(document["units"])),
        outcomes=tuple(str(_mapping(o)["code"]) for o in _sequence(document["outcomes"])),
    )


def _mapping(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise InvalidInput("malformed ervaringscertificaat document")
    return {str(k): v for k, v in value.items()}


def _sequence(value: object) -> list[object]:
    if not isinstance(value, list):
        raise InvalidInput("malformed ervaringscertificaat document")
    return value


@dataclass(frozen=True, slots=True)
class Exemptions:
    """What a decision grants: whole units, and single outcomes of other units."""

    units: tuple[str, ...]
    outcomes: tuple[str, ...]


def check_grant(
    cert: Ervaringscertificaat, units: Sequence[str], outcomes: Sequence[str]
) -> Exemptions:
    """The exemptions asked for, when the certificate recognises each of them;
    InvalidInput naming the first that it does not."""
    for code in units:
        if code not in cert.units:
            raise InvalidInput(f"the ervaringscertificaat does not recognise unit {code}")
    for code in outcomes:
        if code not in cert.outcomes:
            raise InvalidInput(f"the ervaringscertificaat does not recognise outcome {code}")
    return Exemptions(tuple(dict.fromkeys(units)), tuple(dict.fromkeys(outcomes)))
