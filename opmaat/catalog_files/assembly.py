"""Collect parsed entities into a Catalog, then check it, locating every problem."""

from __future__ import annotations

from opmaat.catalog_files.fields import Problems, Record
from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Equivalence,
    Prerequisite,
    Qualification,
    Unit,
)
from opmaat.domain.catalog.checks import CatalogIssue, check_catalog, prerequisite_key
from opmaat.domain.errors import InvalidCatalog


class Assembly:
    """The entities read from one file, each with the record it came from."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.qualifications: dict[str, Qualification] = {}
        self.units: dict[str, Unit] = {}
        self.outcomes: set[str] = set()
        self.certificates: dict[str, Certificate] = {}
        self.prerequisites: list[Prerequisite] = []
        self.equivalences: list[Equivalence] = []
        self.meta: dict[str, str] = {}
        self.records: dict[tuple[str, str], Record] = {}

    def _claim(self, entity: str, key: str, field: str, record: Record) -> bool:
        """Register `key` for `entity`; a second entity with the same code is a problem."""
        if not key:
            return False
        if (entity, key) in self.records:
            record.fail(field, f"duplicate {entity} code {key}")
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

    def add_certificate(self, c: Certificate, record: Record) -> None:
        if self._claim("certificate", c.code, "code", record):
            self.certificates[c.code] = c

    def add_prerequisite(self, p: Prerequisite, record: Record) -> None:
        self.records.setdefault(("prerequisite", prerequisite_key(p)), record)
        self.prerequisites.append(p)

    def add_equivalence(self, e: Equivalence, record: Record) -> None:
        self.records.setdefault(("equivalence", e.source), record)
        self.equivalences.append(e)

    def finish(self) -> Catalog:
        """The catalog, or InvalidCatalog with every structural and consistency problem."""
        catalog = Catalog(
            qualifications=self.qualifications.values(),
            units=self.units.values(),
            certificates=self.certificates.values(),
            prerequisites=self.prerequisites,
            equivalences=self.equivalences,
            meta=self.meta,
        )
        self.locate(check_catalog(catalog))
        if self.problems.found:
            raise InvalidCatalog(self.problems.in_file_order())
        return catalog

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
