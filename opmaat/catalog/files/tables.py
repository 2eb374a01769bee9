"""The catalog as tables (one per entity, plus links), shared by XLSX and CSV; read and
written with the tabular toolkit (opmaat.tabular)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from opmaat.catalog.files import entities as e
from opmaat.catalog.files.assembly import Assembly
from opmaat.catalog.files.fields import Record
from opmaat.domain.catalog import Catalog, Cut, Outcome
from opmaat.domain.catalog.checks import not_in_catalog
from opmaat.tabular.cells import Cell, code_text
from opmaat.tabular.columns import HEADER_ROW, unknown_columns
from opmaat.tabular.problems import Problems, row_location
from opmaat.tabular.read import Sheet
from opmaat.tabular.write import Sheets, Value

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

Tables = dict[str, Sheet]  # table name → its sheet (or CSV file)
Rows = Iterator[tuple[str, dict[str, Cell]]]  # (location, values by column)


def to_sheets(catalog: Catalog) -> Sheets:
    """Every table with its columns and rows, for a workbook or CSV files."""
    return {
        name: (TABLES[name], [[row.get(c) for c in TABLES[name]] for row in rows])
        for name, rows in to_tables(catalog).items()
    }


def to_tables(catalog: Catalog) -> dict[str, list[dict[str, Value]]]:
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


def flat_row(row: dict[str, object]) -> dict[str, Value]:
    flat: dict[str, Value] = {}
    for key, value in row.items():
        if isinstance(value, list):
            flat[key] = (" | " if key in TEXT_LISTS else ";").join(str(v) for v in value)
        elif value is None or isinstance(value, (str, int, float, bool)):
            flat[key] = value
        else:
            flat[key] = str(value)
    return flat


def from_sheets(sheets: Sequence[Sheet], problems: Problems) -> Catalog:
    """The catalog in `sheets` (one per table), or InvalidCatalog naming the sheet or file
    and row; a sheet of an unknown table or with unknown columns is a problem, not read."""
    return from_tables({s.name: s for s in sheets if known_table(s, problems)}, problems)


def known_table(sheet: Sheet, problems: Problems) -> bool:
    """A known table whose columns are all known; problems name the header row. A sheet
    without even a header row holds nothing and is passed over."""
    if not sheet.has_header:
        return False
    if sheet.name not in TABLES:
        message = f"unknown table {sheet.name!r} (expected: {', '.join(TABLES)})"
        problems.at(HEADER_ROW, "", message, sheet.label)
        return False
    unknown = unknown_columns(sheet, TABLES[sheet.name])
    for column in unknown:
        message = f"unknown column (expected: {', '.join(TABLES[sheet.name])})"
        problems.at(HEADER_ROW, column, message, sheet.label)
    return not unknown


def rows(tables: Tables, name: str) -> Rows:
    """The rows of a table as (location, values by column); none when it is not given."""
    sheet = tables.get(name)
    if sheet is None:
        return
    for number, cells in sheet.rows:
        yield row_location(number, sheet.label), sheet.values(cells)


def from_tables(tables: Tables, problems: Problems) -> Catalog:
    """The catalog in `tables`, or InvalidCatalog naming the sheet or file and row."""
    assembly = Assembly(problems)
    assembly.meta = {
        str(row.get("key", "")): "" if row.get("value") is None else str(row.get("value"))
        for _, row in rows(tables, "meta")
        if row.get("key")
    }
    read_units(tables, assembly)
    read_qualifications(tables, assembly)
    read_simple(tables, assembly, problems)
    return assembly.finish()


def read_units(tables: Tables, assembly: Assembly) -> None:
    outcomes = read_outcomes(rows(tables, "outcomes"), assembly.problems)
    for location, row in rows(tables, "units"):
        r = Record(row, {}, location, assembly.problems)
        own = outcomes.pop(code_text(row.get("code")), [])
        assembly.add_unit(e.unit_from(r, tuple(o for o, _ in own)), r, [rec for _, rec in own])
    for code, orphans in outcomes.items():
        for _, rec in orphans:
            if code:  # an empty unit code is already reported as required
                rec.fail("unit", not_in_catalog("unit", code))


def read_qualifications(tables: Tables, assembly: Assembly) -> None:
    links = read_links(rows(tables, "qualification_units"), assembly.problems)
    cuts = read_cuts(rows(tables, "qualification_cuts"), assembly.problems)
    for location, row in rows(tables, "qualifications"):
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
            said = not_in_catalog("qualification", crebo)
            assembly.problems.add(orphan.location, "crebo", said)


def read_outcomes(table: Rows, problems: Problems) -> dict[str, list[tuple[Outcome, Record]]]:
    by_unit: dict[str, list[tuple[Outcome, Record]]] = defaultdict(list)
    for location, row in table:
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


def read_links(table: Rows, problems: Problems) -> dict[str, Links]:
    """Qualification → its unit codes, ordered by position (ties keep the row order)."""
    found: dict[str, Links] = {}
    for location, row in table:
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


def read_cuts(table: Rows, problems: Problems) -> dict[str, Cuts]:
    """Qualification → its other cuts, in row order; a cut without a name is left out."""
    found: dict[str, Cuts] = {}
    for location, row in table:
        r = Record(row, {}, location, problems)
        cut = e.cut_from(r, "cut")
        own = found.setdefault(r.code("crebo"), Cuts(location))
        own.cuts.extend([cut] if cut else [])
    return found


def read_simple(tables: Tables, assembly: Assembly, problems: Problems) -> None:
    for location, row in rows(tables, "certificates"):
        r = Record(row, {}, location, problems)
        assembly.add_certificate(e.certificate_from(r), r)
    for location, row in rows(tables, "prerequisites"):
        r = Record(row, {}, location, problems)
        assembly.add_prerequisite(e.prerequisite_from(r), r)
    for location, row in rows(tables, "equivalences"):
        r = Record(row, {}, location, problems)
        assembly.add_equivalence(e.equivalence_from(r), r)
    for location, row in rows(tables, "prior_education"):
        r = Record(row, {}, location, problems)
        assembly.add_prior_education(e.prior_education_from(r), r)
