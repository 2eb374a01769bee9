"""The ervaringscertificaat as data, and the exam board's decision on it.

The certificate states who was assessed, by which provider and assessor, when, against
which standard (the qualification and its version), and which units and werkprocessen were
recognised. The exam board then grants exemptions (vrijstellingen): per unit for units
recognised whole, per werkproces for the others. It may grant less than the certificate
recognises (a werkproces of a recognised unit on its own, say), never more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.recognition.assessment import Recognition, unit_werkprocessen
from opmaat.domain.recognition.errors import (
    MalformedCertificate,
    NothingToCertify,
    NotJudged,
    NotRecognised,
)

FORMAT = "opmaat-ervaringscertificaat/2"
# Version 1 had no `werkprocessen` and no werkprocessen per unit; it still reads back.
FORMATS = ("opmaat-ervaringscertificaat/1", FORMAT)


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
    outcomes: tuple[str, ...]  # werkprocessen recognised outside the units above
    werkprocessen: tuple[str, ...] = ()  # every werkproces recognised, the units' too


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
    """The certificate for a finished assessment; InvalidInput while werkprocessen are
    unjudged or when nothing at all was recognised (then there is nothing to certify)."""
    if not recognition.complete:
        raise NotJudged(recognition.unjudged)
    if not recognition.werkprocessen:
        raise NothingToCertify()
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
        werkprocessen=recognition.werkprocessen,
    )


def certificate_document(catalog: Catalog, cert: Ervaringscertificaat) -> dict[str, object]:
    """The certificate as data (JSON-ready), with the names of what it recognises: each
    unit with its werkprocessen, the werkprocessen recognised outside them, and every
    werkproces recognised."""
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
        "units": [
            {
                **named(catalog, u),
                "werkprocessen": named_all(catalog, unit_werkprocessen(catalog, u)),
            }
            for u in cert.units
        ],
        "outcomes": named_all(catalog, cert.outcomes),
        "werkprocessen": named_all(catalog, cert.werkprocessen),
    }


def named(catalog: Catalog, code: str) -> dict[str, object]:
    return {"code": code, "title": catalog.name_of(code)}


def named_all(catalog: Catalog, codes: Sequence[str]) -> list[dict[str, object]]:
    return [named(catalog, c) for c in codes]


def certificate_from_document(document: dict[str, object]) -> Ervaringscertificaat:
    """Back from `certificate_document` (the stored copy is the record of what was issued).
    A version-1 document names no werkprocessen of its units: it recognises its units and
    its loose werkprocessen (`outcomes`)."""
    if document.get("format", FORMATS[0]) not in FORMATS:
        raise MalformedCertificate(str(document.get("format")))
    person = _mapping(document["person"])
    standard = _mapping(document["standard"])
    birth = person.get("date_of_birth")
    outcomes = _codes(document["outcomes"])
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
        units=_codes(document["units"]),
        outcomes=outcomes,
        werkprocessen=_codes(document["werkprocessen"])
        if "werkprocessen" in document
        else outcomes,
    )


def _codes(value: object) -> tuple[str, ...]:
    return tuple(str(_mapping(item)["code"]) for item in _sequence(value))


def _mapping(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise MalformedCertificate()
    return {str(k): v for k, v in value.items()}


def _sequence(value: object) -> list[object]:
    if not isinstance(value, list):
        raise MalformedCertificate()
    return value


@dataclass(frozen=True, slots=True)
class Exemptions:
    """What a decision grants: whole units, and single werkprocessen."""

    units: tuple[str, ...]
    werkprocessen: tuple[str, ...]


def check_grant(
    cert: Ervaringscertificaat, units: Sequence[str], werkprocessen: Sequence[str]
) -> Exemptions:
    """The exemptions asked for, when the certificate recognises each of them (a unit
    recognised whole; a werkproces recognised on its own or as part of such a unit);
    InvalidInput naming the first that it does not."""
    for code in units:
        if code not in cert.units:
            raise NotRecognised("unit", code)
    for code in werkprocessen:
        if code not in cert.werkprocessen:
            raise NotRecognised("werkproces", code)
    return Exemptions(tuple(dict.fromkeys(units)), tuple(dict.fromkeys(werkprocessen)))
