"""The nested catalog document in YAML or JSON, read with the line of every field."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import yaml

from opmaat.catalog.files import entities as e
from opmaat.catalog.files.assembly import Assembly
from opmaat.catalog.files.fields import Record
from opmaat.domain.catalog import Catalog, Cut, Qualification, Unit
from opmaat.tabular.problems import Problems

FORMAT = "opmaat-catalog/1"
SECTIONS = [
    "qualifications", "units", "certificates", "prerequisites", "equivalences", "prior_education",
]  # fmt: skip
QUALIFICATION_KEYS = {
    "crebo", "name", "level", "nominal_years", "units", "generic", "elective_hours",
    "pathways", "version", "valid_from", "dossier", "provisional", "confidence", "sources",
    "notes", "cuts", *e.ADDED_QUALIFICATION_FIELDS,
}  # fmt: skip
GENERIC_KEYS = {"nederlands", "rekenen", "engels", "loopbaan_burgerschap"}
UNIT_KEYS = {*e.UNIT_FIELDS, "outcomes"}
OUTCOME_KEYS = {"code", "title", "hours"}
CUT_KEYS = {"name", "units", "sources"}

# A UTF-16 surrogate pair escaped in JSON (\ud83d\ude00), after an even number of backslashes.
SURROGATE_PAIR = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE
)

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict[str, object]):
    """A mapping that remembers its line, the line of each key (1-based), and keys given
    twice (YAML and JSON loaders keep the last value silently; here that is a problem)."""

    line = 0
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int]]


class _LineLoader(_Base):  # type: ignore[valid-type, misc]  # the C loader is picked at runtime
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.duplicates = []
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicates.append((key, line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse(text: str, problems: Problems, is_json: bool) -> Catalog | None:
    """Parse a document; None when the file cannot be parsed at all."""
    if is_json and not json_syntax_ok(text, problems):
        return None
    if is_json:
        text = join_surrogate_pairs(text)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        problems.add(*yaml_syntax_problem(error))
        return None
    if not isinstance(data, Located):
        problems.add("", "", "expected a catalog document (a mapping with qualifications, units…)")
        return None
    return assemble(data, problems)


def json_syntax_ok(text: str, problems: Problems) -> bool:
    """JSON is read by the YAML loader for its lines, but checked as strict JSON first:
    YAML would accept what JSON forbids (comments, unquoted text, trailing commas)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        message = f"JSON syntax error: {error.msg} (column {error.colno})"
        problems.add(f"line {error.lineno}", "", message)
        return False
    return True


def join_surrogate_pairs(text: str) -> str:
    """JSON escapes a character outside the BMP (an emoji) as two \\u escapes; YAML wants
    one character, so the pair is written as that character (lines stay where they are)."""

    def joined(match: re.Match[str]) -> str:
        high, low = int(match[2], 16), int(match[3], 16)
        return match[1] + chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    return SURROGATE_PAIR.sub(joined, text)


def yaml_syntax_problem(error: yaml.YAMLError) -> tuple[str, str, str]:
    """(location, field, message) for a YAML syntax error."""
    mark = getattr(error, "problem_mark", None)  # yaml.Mark, or the C loader's own Mark
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    if not isinstance(line, int) or not isinstance(column, int):
        return "", "", f"syntax error: {error}"
    problem = getattr(error, "problem", None) or "invalid YAML"
    return f"line {line + 1}", "", f"syntax error: {problem} (column {column + 1})"


def record(mapping: Located, problems: Problems, values: dict[str, object] | None = None) -> Record:
    report_duplicates(mapping, "", problems)
    locations = {k: f"line {n}" for k, n in mapping.key_lines.items()}
    return Record(
        mapping if values is None else values, locations, f"line {mapping.line}", problems
    )


def report_duplicates(mapping: Located, prefix: str, problems: Problems) -> None:
    for key, line in mapping.duplicates:
        problems.add(f"line {line}", prefix + key, "given twice in the same entry")


def assemble(data: Located, problems: Problems) -> Catalog:
    top = record(data, problems)
    top.allow_only({"format", "meta", *SECTIONS})
    declared = top.text("format")
    if declared and declared != FORMAT:
        top.fail("format", f"expected {FORMAT}, got {declared!r}")
    assembly = Assembly(problems)
    assembly.meta = read_meta(data.get("meta"), top)
    for mapping in section(data, "units", top):
        read_unit(mapping, assembly)
    for mapping in section(data, "qualifications", top):
        read_qualification(mapping, assembly)
    for r in flat_records(data, "certificates", e.CERTIFICATE_FIELDS, top):
        assembly.add_certificate(e.certificate_from(r), r)
    for r in flat_records(data, "prerequisites", e.PREREQUISITE_FIELDS, top):
        assembly.add_prerequisite(e.prerequisite_from(r), r)
    for r in flat_records(data, "equivalences", e.EQUIVALENCE_FIELDS, top):
        assembly.add_equivalence(e.equivalence_from(r), r)
    for r in flat_records(data, "prior_education", e.PRIOR_EDUCATION_FIELDS, top):
        assembly.add_prior_education(e.prior_education_from(r), r)
    return assembly.finish()


def flat_records(data: Located, name: str, fields: list[str], top: Record) -> Iterator[Record]:
    """The entries of a section whose fields are the columns of its table."""
    for mapping in section(data, name, top):
        r = record(mapping, top.problems)
        r.allow_only(set(fields))
        yield r


def read_meta(value: object, top: Record) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Located):
        top.fail("meta", "expected a mapping of names to text")
        return {}
    report_duplicates(value, "meta.", top.problems)
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


def section(data: Located, name: str, top: Record) -> Iterator[Located]:
    value = data.get(name)
    if value is None:
        return
    if not isinstance(value, list):
        top.fail(name, "expected a list")
        return
    for item in value:
        if isinstance(item, Located):
            yield item
        else:
            top.fail(name, f"expected each entry to be a mapping, got {item!r}")


def nested_records(
    mapping: Located, key: str, allowed: set[str], what: str, into: Record
) -> list[Record]:
    """The records of a list of mappings inside an entry: a unit's outcomes, a
    qualification's cuts."""
    value = mapping.get(key) or []
    if not isinstance(value, list):
        into.fail(key, "expected a list")
        return []
    found = []
    for item in value:
        if isinstance(item, Located):
            found.append(record(item, into.problems))
            found[-1].allow_only(allowed)
        else:
            into.fail(key, f"expected each {what} to be a mapping, got {item!r}")
    return found


def read_unit(mapping: Located, assembly: Assembly) -> None:
    r = record(mapping, assembly.problems)
    r.allow_only(UNIT_KEYS)
    outcome_records = nested_records(mapping, "outcomes", OUTCOME_KEYS, "outcome", r)
    outcomes = tuple(e.outcome_from(o) for o in outcome_records)
    assembly.add_unit(e.unit_from(r, outcomes), r, outcome_records)


def read_qualification(mapping: Located, assembly: Assembly) -> None:
    values: dict[str, object] = {
        k: v for k, v in mapping.items() if k not in ("generic", "dossier", "cuts")
    }
    r = record(mapping, assembly.problems, values)
    r.allow_only(QUALIFICATION_KEYS)
    flatten(mapping, "generic", GENERIC_KEYS, {}, r)
    flatten(
        mapping, "dossier", {"crebo", "name"}, {"crebo": "dossier_crebo", "name": "dossier_name"}, r
    )
    cuts = [e.cut_from(c, "name") for c in nested_records(mapping, "cuts", CUT_KEYS, "cut", r)]
    qualification = e.qualification_from(r, r.codes("units"), tuple(c for c in cuts if c))
    assembly.add_qualification(qualification, r)


def flatten(
    mapping: Located, key: str, allowed: set[str], rename: dict[str, str], into: Record
) -> None:
    """Lift a nested mapping's fields into the flat record, keeping their lines."""
    nested = mapping.get(key)
    if nested is None:
        return
    if not isinstance(nested, Located):
        into.fail(key, "expected a mapping")
        return
    report_duplicates(nested, f"{key}.", into.problems)
    for name, value in nested.items():
        line = f"line {nested.key_lines[name]}"
        if name in allowed:
            into.lift(rename.get(name, name), value, line)
        else:
            expected = ", ".join(sorted(allowed))
            into.problems.add(line, f"{key}.{name}", f"unknown field (expected one of: {expected})")


def dump(catalog: Catalog) -> dict[str, object]:
    return {
        "format": FORMAT,
        "meta": dict(catalog.meta),
        "qualifications": [qualification_document(q) for q in catalog.qualifications.values()],
        "units": [unit_document(u) for u in e.given_units(catalog)],
        "certificates": [e.certificate_row(c) for c in catalog.certificates.values()],
        "prerequisites": [e.prerequisite_row(p) for p in catalog.prerequisites],
        "equivalences": [e.equivalence_row(x) for x in catalog.equivalences],
        "prior_education": [e.prior_education_row(p) for p in catalog.prior_education.values()],
    }


def qualification_document(q: Qualification) -> dict[str, object]:
    """The first release's keys in their order, then those added since (cuts first)."""
    row = e.qualification_row(q)
    added = {k: row.pop(k) for k in e.ADDED_QUALIFICATION_FIELDS}
    generic = {k: row.pop(k) for k in ("nederlands", "rekenen", "engels", "loopbaan_burgerschap")}
    dossier = {"crebo": row.pop("dossier_crebo"), "name": row.pop("dossier_name")}
    head = {k: row.pop(k) for k in ("crebo", "name", "level", "nominal_years")}
    cuts = [cut_document(c) for c in q.cuts]
    return {
        **head, "units": list(q.units), "generic": generic, **row, "dossier": dossier,
        "cuts": cuts, **added,
    }  # fmt: skip


def cut_document(c: Cut) -> dict[str, object]:
    return {"name": c.name, "units": list(c.units), "sources": list(c.sources)}


def unit_document(u: Unit) -> dict[str, object]:
    """A unit's fields, its outcomes, then the fields added since the first release."""
    row = e.unit_row(u)
    added = {k: row.pop(k) for k in e.ADDED_UNIT_FIELDS}
    return {**row, "outcomes": [e.outcome_row(o) for o in u.outcomes], **added}


def to_yaml(catalog: Catalog) -> str:
    dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(dump(catalog), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def to_json(catalog: Catalog) -> str:
    return json.dumps(dump(catalog), ensure_ascii=False, indent=2) + "\n"
