"""The catalog as tables (one per entity, plus links), shared by XLSX and CSV."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from opmaat.catalog.files import entities as e
from opmaat.catalog.files.assembly import Assembly
from opmaat.catalog.files.fields import Problems, Record, code_text
from opmaat.domain.catalog import Catalog, Cut, Outcome

TABLES: dict[str, list[str]] = {
    "meta": ["key", "value"],
    "qualifications": e.QUALIFICATION_FIELDS,
    "qualification_units": e.QUALIFICATION_UNIT_FIELDS,
    "qualification_cuts": e.CUT_FIELDS,
    "units": e.UNIT_FIELDS,
    "outcomes": e.OUTCOME_FIELDS,
    "certificates": e.CERTIFICATE_FIELDS,
    "prerequisites": e.PREREQUISITE_FIELDS,
    "equivalences": e.EQUIVALENCE_FIELDS,
    "prior_education": e.PRIOR_EDUCATION_FIELDS,
}
TEXT_LISTS = {"sources"}  # joined with " | "; other lists with ";"

Cell = str | int | float | bool | None


@dataclass
class Table:
    """The rows of one table as read, each with its location ("sheet units, row 3")."""

    rows: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def to_tables(catalog: Catalog) -> dict[str, list[dict[str, Cell]]]:
    units = e.given_units(catalog)
    rows: dict[str, list[dict[str, object]]] = {
        "meta": [{"key": k, "value": v} for k, v in catalog.meta.items()],
        "qualifications": [e.qualification_row(q) for q in catalog.qualifications.values()],
        "qualification_units": [
            {"crebo": q.crebo, "unit": code, "position": i}
            for q in catalog.qualifications.values()
            for i, code in enumerate(q.units, start=1)
        ],
        "qualification_cuts": [
            e.cut_row(q.crebo, c) for q in catalog.qualifications.values() for c in q.cuts
        ],
        "units": [e.unit_row(u) for u in units],
        "outcomes": [{"unit": u.code, **e.outcome_row(o)} for u in units for o in u.outcomes],
        "certificates": [e.certificate_row(c) for c in catalog.certificates.values()],
        "prerequisites": [e.prerequisite_row(p) for p in catalog.prerequisites],
        "equivalences": [e.equivalence_row(x) for x in catalog.equivalences],
        "prior_education": [e.prior_education_row(p) for p in catalog.prior_education.values()],
    }
    return {name: [flat_row(row) for row in table] for name, table in rows.items()}


def flat_row(row: dict[str, object]) -> dict[str, Cell]:
    flat: dict[str, Cell] = {}
    for key, value in row.items():
        if isinstance(value, list):
            flat[key] = (" | " if key in TEXT_LISTS else ";").join(str(v) for v in value)
        elif value is None or isinstance(value, (str, int, float, bool)):
            flat[key] = value
        else:
            flat[key] = str(value)
    return flat


def from_tables(tables: dict[str, Table], problems: Problems) -> Catalog:
    """The catalog in `tables`, or InvalidCatalog naming the sheet or file and row."""
    assembly = Assembly(problems)
    assembly.meta = {
        str(row.get("key", "")): "" if row.get("value") is None else str(row.get("value"))
        for _, row in tables.get("meta", Table()).rows
        if row.get("key")
    }
    read_units(tables, assembly)
    read_qualifications(tables, assembly)
    read_simple(tables, assembly, problems)
    return assembly.finish()


def read_units(tables: dict[str, Table], assembly: Assembly) -> None:
    outcomes = read_outcomes(tables.get("outcomes", Table()), assembly.problems)
    for location, row in tables.get("units", Table()).rows:
        r = Record(row, {}, location, assembly.problems)
        own = outcomes.pop(code_text(row.get("code")), [])
        assembly.add_unit(e.unit_from(r, tuple(o for o, _ in own)), r, [rec for _, rec in own])
    for code, orphans in outcomes.items():
        for _, rec in orphans:
            if code:  # an empty unit code is already reported as required
                rec.fail("unit", f"unknown unit {code}")


def read_qualifications(tables: dict[str, Table], assembly: Assembly) -> None:
    links = read_links(tables.get("qualification_units", Table()), assembly.problems)
    cuts = read_cuts(tables.get("qualification_cuts", Table()), assembly.problems)
    for location, row in tables.get("qualifications", Table()).rows:
        r = Record(row, {}, location, assembly.problems)
        crebo = code_text(row.get("crebo"))
        linked, own = links.pop(crebo, Links()), cuts.pop(crebo, Cuts())
        # A unit or cut problem points at the qualification's first link or cut row.
        if linked.location:
            r.locations["units"] = linked.location
        if own.location:
            r.locations["cuts"] = own.location
        assembly.add_qualification(e.qualification_from(r, linked.units, tuple(own.cuts)), r)
    orphans: list[tuple[str, Links | Cuts]] = [*links.items(), *cuts.items()]
    for crebo, orphan in orphans:
        if crebo:
            assembly.problems.add(orphan.location, "crebo", f"unknown qualification {crebo}")


def read_outcomes(table: Table, problems: Problems) -> dict[str, list[tuple[Outcome, Record]]]:
    by_unit: dict[str, list[tuple[Outcome, Record]]] = defaultdict(list)
    for location, row in table.rows:
        r = Record(row, {}, location, problems)
        by_unit[r.code("unit")].append((e.outcome_from(r), r))
    return by_unit


@dataclass
class Links:
    """The units of one qualification from `qualification_units`, and where they start."""

    location: str = ""
    pairs: list[tuple[int, str]] = field(default_factory=list)

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(code for _, code in sorted(self.pairs, key=lambda pair: pair[0]))


def read_links(table: Table, problems: Problems) -> dict[str, Links]:
    """Qualification → its unit codes, ordered by position (ties keep the row order)."""
    found: dict[str, Links] = {}
    for location, row in table.rows:
        r = Record(row, {}, location, problems)
        position = r.integer("position", 0, 10_000) or 0
        links = found.setdefault(r.code("crebo"), Links(location))
        links.pairs.append((position, r.code("unit")))
    return found


@dataclass
class Cuts:
    """The other cuts of one qualification from `qualification_cuts`, and where they start."""

    location: str = ""
    cuts: list[Cut] = field(default_factory=list)


def read_cuts(table: Table, problems: Problems) -> dict[str, Cuts]:
    """Qualification → its other cuts, in row order; a cut without a name is left out."""
    found: dict[str, Cuts] = {}
    for location, row in table.rows:
        r = Record(row, {}, location, problems)
        cut = e.cut_from(r, "cut")
        own = found.setdefault(r.code("crebo"), Cuts(location))
        own.cuts.extend([cut] if cut else [])
    return found


def read_simple(tables: dict[str, Table], assembly: Assembly, problems: Problems) -> None:
    for location, row in tables.get("certificates", Table()).rows:
        r = Record(row, {}, location, problems)
        assembly.add_certificate(e.certificate_from(r), r)
    for location, row in tables.get("prerequisites", Table()).rows:
        r = Record(row, {}, location, problems)
        assembly.add_prerequisite(e.prerequisite_from(r), r)
    for location, row in tables.get("equivalences", Table()).rows:
        r = Record(row, {}, location, problems)
        assembly.add_equivalence(e.equivalence_from(r), r)
    for location, row in tables.get("prior_education", Table()).rows:
        r = Record(row, {}, location, problems)
        assembly.add_prior_education(e.prior_education_from(r), r)


def check_header(table: str, header: list[str], location: str, problems: Problems) -> bool:
    """A known table whose columns are all known; problems name the header row."""
    if table not in TABLES:
        problems.add(location, "", f"unknown table {table!r} (expected: {', '.join(TABLES)})")
        return False
    unknown = [column for column in header if column not in TABLES[table]]
    for column in unknown:
        problems.add(location, column, f"unknown column (expected: {', '.join(TABLES[table])})")
    return not unknown
