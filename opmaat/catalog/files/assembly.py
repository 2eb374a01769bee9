"""Collect parsed entities into a Catalog, then check it, locating every problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from opmaat.catalog.files.fields import MISSING, Record
from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Equivalence,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
)
from opmaat.domain.catalog.checks import CatalogIssue, check_catalog, prerequisite_key
from opmaat.domain.errors import InvalidCatalog
from opmaat.tabular.problems import Problems


class Assembly:
    """The entities read from one file, each with the record it came from."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.qualifications: dict[str, Qualification] = {}
        self.units: dict[str, Unit] = {}
        self.outcomes: set[str] = set()
        self.certificates: dict[str, Certificate] = {}
        self.prior_education: dict[str, PriorEducation] = {}
        self.prerequisites: list[Prerequisite] = []
        self.equivalences: list[Equivalence] = []
        self.meta: dict[str, str] = {}
        self.records: dict[tuple[str, str], Record] = {}
        self.unstated_hours: set[str] = set()  # units whose hours are their werkprocessen's

    def _claim(self, entity: str, key: str, field: str, record: Record) -> bool:
        """Register `key` for `entity`; a second entity with the same code is a problem."""
        if not key:
            return False
        if (entity, key) in self.records:
            record.fail(field, f"duplicate {entity.replace('_', ' ')} code {key}")
            return False
        self.records[(entity, key)] = record
        return True

    def add_qualification(self, q: Qualification, record: Record) -> None:
        if self._claim("qualification", q.crebo, "crebo", record):
            self.qualifications[q.crebo] = q

    def add_unit(self, unit: Unit, record: Record, outcome_records: list[Record]) -> None:
        for outcome, outcome_record in zip(unit.outcomes, outcome_records, strict=True):
            self._claim("outcome", outcome.code, "code", outcome_record)
        if self._claim("unit", unit.code, "code", record):
            self.units[unit.code] = unit
            if unit.refers and record.raw("hours") is MISSING:
                self.unstated_hours.add(unit.code)

    def add_certificate(self, c: Certificate, record: Record) -> None:
        if self._claim("certificate", c.code, "code", record):
            self.certificates[c.code] = c

    def add_prior_education(self, p: PriorEducation, record: Record) -> None:
        if self._claim("prior_education", p.code, "code", record):
            self.prior_education[p.code] = p

    def add_prerequisite(self, p: Prerequisite, record: Record) -> None:
        self.records.setdefault(("prerequisite", prerequisite_key(p)), record)
        self.prerequisites.append(p)

    def add_equivalence(self, e: Equivalence, record: Record) -> None:
        self.records.setdefault(("equivalence", e.source), record)
        self.equivalences.append(e)

    def finish(self) -> Catalog:
        """The catalog, or InvalidCatalog with every structural and consistency problem."""
        catalog = self.catalog(self.with_stated_hours())
        self.locate([i for i in check_catalog(catalog) if not self.echoes(i, catalog)])
        if self.problems.found:
            raise InvalidCatalog(self.problems.in_order())
        return catalog

    def with_stated_hours(self) -> list[Unit]:
        """The units, each unit that refers to werkprocessen without stating its hours
        given theirs: the catalog resolves them, so it is built once without."""
        if not self.unstated_hours:
            return list(self.units.values())
        resolved = self.catalog(self.units.values()).units
        return [
            replace(u, hours=resolved[u.code].hours) if u.code in self.unstated_hours else u
            for u in self.units.values()
        ]

    def echoes(self, issue: CatalogIssue, catalog: Catalog) -> bool:
        """Whether `issue` only repeats a reading problem: a unit that refers to werkprocessen
        is checked against their hours, which are not known when a unit defining them (or
        one of those werkprocessen) could not be read."""
        unit = catalog.units.get(issue.key)
        if (issue.entity, issue.field) != ("unit", "hours") or unit is None or not unit.refers:
            return False
        defining = [("unit", catalog.outcome_unit.get(code, "")) for code in unit.werkprocessen]
        outcomes = [("outcome", code) for code in unit.werkprocessen]
        return any(
            key in self.records and not self.records[key].ok for key in [*defining, *outcomes]
        )

    def catalog(self, units: Iterable[Unit]) -> Catalog:
        return Catalog(
            qualifications=self.qualifications.values(),
            units=units,
            certificates=self.certificates.values(),
            prerequisites=self.prerequisites,
            equivalences=self.equivalences,
            meta=self.meta,
            prior_education=self.prior_education.values(),
        )

    def locate(self, issues: list[CatalogIssue]) -> None:
        """Add each consistency issue at its entity's place in the file.

        A field that already has a problem from reading (a level of 9 is out of range to
        both) is not reported twice.
        """
        seen = {(p.location, p.field) for p in self.problems.found}
        for issue in issues:
            record = self.records.get((issue.entity, issue.key))
            location = record.where(issue.field) if record else ""
            if (location, issue.field) not in seen:
                self.problems.add(location, issue.field, issue.message)
