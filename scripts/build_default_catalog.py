"""Build opmaat's default catalog, opmaat/data/catalog.yaml, from the facts in shared/catalog.

    python scripts/build_default_catalog.py [SHARED_CATALOG_DIR]

SHARED_CATALOG_DIR defaults to `<repo root>/../shared/catalog`. Read there:
`current_structures.yaml` (the current dossiers: they win where they disagree),
`qualifications.yaml` (the older dossiers, kept for holdings and history),
`certificates_mapping.yaml` (certificates and the werkprocessen they map to). opmaat's own
editorial rules, each with its source, are in `scripts/catalog_rules.yaml`. The output is
the `opmaat-catalog/1` document of docs/formats/catalog.md; docs/catalog-sources.md explains
every choice. Re-running on the same input gives the same file.

- A werkproces is coded `<dossier crebo>-<code>` (23268-B1-K1-W1) and defined by its
  kerntaak unit `<dossier crebo>-<kerntaak>`; a school's exam units `<dossier>-<unit>`
  (23268-B1-K1-1) refer to them and are the qualification's default cut.
- A qualification without any known structure gets one provisional unit `<crebo>-BC`.
- Hours per werkproces come from opmaat.domain.catalog.estimate.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from opmaat.domain.catalog import estimate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "catalog"
RULES = ROOT / "scripts" / "catalog_rules.yaml"
OUTPUT = ROOT / "opmaat" / "data" / "catalog.yaml"
FORMAT = "opmaat-catalog/1"
VERSION = "2026-12-01"  # the shared facts this build reads; `opmaat init` updates older ones

Doc = dict[str, object]

NOMINAL_YEARS_EXCEPTIONS = {"25480": 4, "25655": 4, "25487": 1}
NOMINAL_YEARS_NOTES = {
    "25480": "4 nominal years: the 2015 regeling (bijlage 4) lets this programme last 4 years.",
    "25655": "4 nominal years: MBO Utrecht, Rijn IJssel and Talland give 4 years.",
    "25487": "1 nominal year: specialistenopleiding (WEB art. 7.2.4a).",
    "25779": "3 nominal years, as most providers give (Talland, Graafschap); MBO Utrecht states 4.",
}
STRUCTURELESS_TITLE = "Beroepsgericht deel (structuur niet geverifieerd)"
STRUCTURELESS_OUTCOME = "Beroepsgericht deel als geheel (structuur niet geverifieerd)"
KERNTAKEN_CUT = "kerntaken"
OPMAAT_RULE = "opmaat rule"
GENERIC_SOURCE_2016 = (
    "esprange/kwalificatie-dossier2016 : SBB 2016 dossier exports, section Generieke onderdelen"
)


# Reading the untyped source documents ------------------------------------------------------


def mapping(value: object) -> Mapping[str, object]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def mappings(value: object) -> list[Mapping[str, object]]:
    return [mapping(v) for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


def texts(value: object) -> list[str]:
    return [text(v) for v in value if v is not None] if isinstance(value, list) else []


def code(*parts: object) -> str:
    return "-".join(text(p) for p in parts).upper()


def whole(hours: float) -> int | float:
    """Hours as an int when whole, so the file reads 1680 rather than 1680.0."""
    return int(hours) if float(hours).is_integer() else round(hours, 1)


def source_date(value: object) -> date | None:
    """A source date, DD-MM-YYYY (01-08-2015) or YYYY-MM-DD, as a date."""
    found = text(value)
    if not found or found == "None":
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", found):
        return date.fromisoformat(found)
    day, month, year = found.split("-")
    return date(int(year), int(month), int(day))


def short_version(value: object) -> str:
    """The version label without its explanation: '2016 (no label in export)' -> '2016'."""
    return text(value).split(" (")[0]


def load_yaml(path: Path) -> Mapping[str, object]:
    return mapping(yaml.safe_load(path.read_text("utf-8")))


# The intermediate model ---------------------------------------------------------------------


@dataclass
class Task:
    """A kerntaak as found in the sources, with its unit code and werkprocessen."""

    code: str
    title: str
    outcomes: list[tuple[str, str]]
    version: str
    sources: list[str]
    confidence: str
    provisional: bool
    levels: list[int] = field(default_factory=list)


@dataclass
class Source:
    """One qualification as read, with the kerntaken that make it up."""

    entry: Mapping[str, object]
    tasks: list[Task]
    current: bool

    @property
    def crebo(self) -> str:
        return text(self.entry["crebo"])

    @property
    def level(self) -> int:
        return int(text(self.entry["level"]))

    @property
    def werkprocessen(self) -> list[str]:
        return [c for t in self.tasks for c, _ in t.outcomes]


def current_tasks(q: Mapping[str, object]) -> list[Task]:
    """A current qualification's kerntaken (current_structures.yaml): basisdeel, profile."""
    dossier = text(q["dossier_crebo"])
    found = mappings(mapping(q.get("basisdeel")).get("core_tasks"))
    found += mappings(mapping(q.get("profieldeel")).get("core_tasks"))
    if not found:
        return [structureless_task(q)]
    confidence = f"{text(q.get('confidence'))}; hours: opmaat estimate"
    return [kerntaak(q, dossier, t, texts(q.get("sources"))[:2], confidence) for t in found]


def older_tasks(q: Mapping[str, object]) -> list[Task]:
    """An older qualification's kerntaken (qualifications.yaml, the 2016 SBB exports)."""
    basis, profile = mapping(q.get("basisdeel")), mapping(q.get("profieldeel"))
    if not (basis and profile):
        return [structureless_task(q)]
    dossier = text(q["dossier_crebo"])
    found = mappings(basis.get("core_tasks")) + mappings(profile.get("core_tasks"))
    confidence = "verified (SBB 2016 export); hours: opmaat estimate"
    return [kerntaak(q, dossier, t, texts(q.get("sources"))[:1], confidence) for t in found]


def kerntaak(
    q: Mapping[str, object],
    dossier: str,
    task: Mapping[str, object],
    sources: list[str],
    confidence: str,
) -> Task:
    """One kerntaak of qualification `q` with its werkprocessen, coded under `dossier`."""
    return Task(
        code=code(dossier, task["code"]),
        title=text(task["title"]),
        outcomes=[
            (code(dossier, w["code"]), text(w["title"])) for w in mappings(task["werkprocessen"])
        ],
        version=short_version(q.get("dossier_version")),
        sources=sources,
        confidence=confidence,
        provisional=False,
    )


def structureless_task(q: Mapping[str, object]) -> Task:
    crebo = text(q["crebo"])
    return Task(
        code=code(crebo, "BC"),
        title=STRUCTURELESS_TITLE,
        outcomes=[(code(crebo, "BC-W1"), STRUCTURELESS_OUTCOME)],
        version=short_version(q.get("dossier_version")),
        sources=texts(q.get("sources")),
        confidence="placeholder: kerntaken not found in any source; hours: opmaat estimate",
        provisional=True,
    )


def with_older_facts(q: Mapping[str, object], older: Mapping[str, object]) -> Mapping[str, object]:
    """A current entry completed with what only the older file states (the Praktijkopleider's
    generic requirements and pathways)."""
    kept = ("generic_requirements", "pathways", "valid_from")
    return {**q, **{k: older[k] for k in kept if k in older and not q.get(k)}}


def read_sources(folder: Path) -> list[Source]:
    """Every qualification with a crebo: the current ones, then the older ones they replace."""
    current = mappings(load_yaml(folder / "current_structures.yaml").get("qualifications"))
    older = mappings(load_yaml(folder / "qualifications.yaml").get("qualifications"))
    crebos = {text(q["crebo"]) for q in current}
    by_crebo = {text(q["crebo"]): q for q in older if q.get("crebo")}
    current = [with_older_facts(q, by_crebo.get(text(q["crebo"]), {})) for q in current]
    found = [Source(q, current_tasks(q), True) for q in current]
    found += [
        Source(q, older_tasks(q), False)
        for q in older
        if q.get("crebo") and text(q["crebo"]) not in crebos
    ]
    return found


# Qualifications ---------------------------------------------------------------------------


def generic_of(q: Mapping[str, object], level: int, current: bool) -> tuple[Doc, str]:
    """The qualification's generic block, and a note when it rests on an assumption."""
    g = mapping(q.get("generic_requirements"))
    nederlands, note = reference_level(g.get("nederlands")), ""
    rekenen = rekenen_level(g.get("rekenen"), level, current)
    if level == 1 and nederlands is None:
        nederlands = "2F"
        note = (
            "Nederlands 2F: the sources conflict (MBO Utrecht 2025: 2F; Horizon 2021: 1F); the "
            "newer one is followed."
        )
    if current and level == 4 and text(q.get("kind")) == "specialistenopleiding":
        note = "Generic requirements: the general rule for level 4, not seen in this dossier."
    generic: Doc = {
        "nederlands": nederlands,
        "rekenen": rekenen,
        "engels": "B1/A2" if g.get("engels") else None,
        "loopbaan_burgerschap": bool(g.get("loopbaan_en_burgerschap")),
    }
    return generic, note


def reference_level(value: object) -> str | None:
    found = re.search(r"\b([1-4]F)\b", text(value))
    return found.group(1) if found else None


def rekenen_level(value: object, level: int, current: bool) -> str | None:
    """Rekenen as the sources state it: mbo-rekenniveau 2, 3 or 4 for the current
    qualifications (2022-08-01), 2F/3F for the older ones, entree rekenen at level 1."""
    stated = text(value)
    if level == 1:
        return "1F"
    found = re.search(r"mbo-rekenniveau ([2-4])", stated)
    if found:
        return found.group(1)
    if current:  # the current rule by level (Rijn IJssel, Aeres, MBO Utrecht)
        return {2: "2", 3: "3", 4: "4"}.get(level)
    return reference_level(stated)


def nominal_years_of(crebo: str, level: int) -> tuple[int, str]:
    years = estimate.nominal_study_years(level, crebo, NOMINAL_YEARS_EXCEPTIONS)
    return years, NOMINAL_YEARS_NOTES.get(crebo, "")


def elective_hours_of(q: Mapping[str, object], years: int) -> tuple[float, str]:
    given = mapping(q.get("keuzedeel_hours")).get("hours")
    if given is not None:
        return float(text(given)), ""
    if q.get("kind") == "specialistenopleiding":
        return 240.0, "Keuzedeel hours 240: the rule for a specialistenopleiding (Rijn IJssel)."
    hours = estimate.elective_hours_by_duration(years)
    return hours, (
        f"Keuzedeel hours {hours:.0f}: unverified estimate (480 for two-year, 720 for "
        "three-year programmes); no source states them for this qualification."
    )


def elective_shortened_of(source: Source, rules: Mapping[str, object]) -> tuple[float | None, str]:
    """The lower keuzedeel obligation of a shortened route, for the current qualifications
    of levels 2-4 other than a specialistenopleiding."""
    table = mapping(rules["elective_shortened"])
    levels = {int(k): float(text(v)) for k, v in mapping(table["levels"]).items()}
    kind = text(source.entry.get("kind"))
    if not source.current or kind == "specialistenopleiding" or source.level not in levels:
        return None, ""
    return levels[source.level], text(table["rule"])


def pathways_of(q: Mapping[str, object]) -> tuple[list[str], str]:
    given = texts(q.get("pathways"))
    kept = [p for p in given if p in ("BOL", "BBL")]
    other = [p for p in given if p not in kept]
    return kept, ("Also offered as: " + "; ".join(other) + "." if other else "")


def dossier_name_of(q: Mapping[str, object]) -> str:
    return text(q.get("dossier")).split(" (")[0]


@dataclass
class Successor:
    by: list[str]
    valid_until: date | None
    confidence: str
    provisional: bool


def successors_of(rules: Mapping[str, object]) -> dict[str, Successor]:
    return {
        text(r["crebo"]): Successor(
            texts(r["by"]),
            source_date(r.get("valid_until")),
            text(r["confidence"]),
            bool(r["provisional"]),
        )
        for r in mappings(rules["successors"])
    }


def qualification_doc(
    source: Source,
    units: list[str],
    cuts: list[Doc],
    rules: Mapping[str, object],
    successors: Mapping[str, Successor],
) -> Doc:
    q, crebo, level = source.entry, source.crebo, source.level
    years, years_note = nominal_years_of(crebo, level)
    generic, generic_note = generic_of(q, level, source.current)
    electives, elective_note = elective_hours_of(q, years)
    shortened, shortened_rule = elective_shortened_of(source, rules)
    pathways, pathways_note = pathways_of(q)
    successor = successors.get(crebo)
    admission = {text(a["crebo"]): text(a["rule"]) for a in mappings(rules["admission"])}
    notes = [text(q.get("status")), years_note, generic_note, elective_note, pathways_note]
    if any(t.provisional for t in source.tasks):
        notes.insert(
            0,
            "Kerntaken not found in any source: one provisional unit holds the "
            "whole vocational part.",
        )
    if successor:
        notes.append(f"Superseded by {', '.join(successor.by)} ({successor.confidence}).")
    return {
        "crebo": crebo,
        "name": text(q["name"]),
        "level": level,
        "nominal_years": years,
        "units": units,
        "generic": generic,
        "elective_hours": whole(electives),
        "pathways": pathways,
        "version": short_version(q.get("dossier_version")),
        "valid_from": source_date(q.get("valid_from")),
        "dossier": {"crebo": text(q.get("dossier_crebo")) or None, "name": dossier_name_of(q)},
        "provisional": any(t.provisional for t in source.tasks),
        "confidence": text(q.get("confidence")),
        "sources": texts(q.get("sources")),
        "notes": " ".join(n for n in notes if n),
        "cuts": cuts,
        "superseded_by": successor.by if successor else [],
        "valid_until": successor.valid_until if successor else None,
        "elective_hours_shortened": whole(shortened) if shortened is not None else None,
        "elective_rule": shortened_rule,
        "admission": admission.get(crebo, "open"),
        "admission_note": admission_note(admission.get(crebo, "open")),
    }


def admission_note(rule: str) -> str:
    return {
        "without_level_2_entry": "WEB art. 8.1.1b: only for who does not meet the entry "
        "requirements of a level-2 programme (MBO Utrecht and Aeres OERs say the same)",
        "level_3_in_field": "WEB art. 8.2.1 lid 2: a level-3 diploma for the same profession "
        "or category of professions",
    }.get(rule, "")


# Units and their hours ---------------------------------------------------------------------


def generic_hours_codes(generic: Mapping[str, object]) -> list[str]:
    codes = []
    if generic["nederlands"]:
        codes.append(f"NL-{generic['nederlands']}")
    if generic["rekenen"]:
        codes.append(f"REK-{generic['rekenen']}")
    if generic["engels"]:
        codes.append("EN-B1")
    if generic["loopbaan_burgerschap"]:
        codes.append("LB")
    return codes


def werkproces_hours(sources: list[Source]) -> dict[str, float]:
    """Hours per werkproces by the estimating rule, over every qualification at once."""
    programmes = {}
    for source in sources:
        years, _ = nominal_years_of(source.crebo, source.level)
        generic, _ = generic_of(source.entry, source.level, source.current)
        electives, _ = elective_hours_of(source.entry, years)
        vocational = estimate.vocational_hours(years, generic_hours_codes(generic), electives)
        programmes[source.crebo] = estimate.Programme(vocational, source.werkprocessen)
    return estimate.werkproces_hours(programmes)


def unit_doc(
    code_: str,
    title: str,
    level: int,
    kind: str,
    hours: float,
    hours_rule: str,
    *,
    outcomes: Iterable[tuple[str, str, float | None]] = (),
    werkprocessen: Iterable[str] = (),
    version: str = "",
    provisional: bool = False,
    confidence: str = "",
    sources: Iterable[str] = (),
    obligation: bool = False,
    exam_hours: float | None = None,
) -> Doc:
    return {
        "code": code_,
        "title": title,
        "level": level,
        "kind": kind,
        "hours": whole(hours),
        "hours_source": "estimate",
        "hours_rule": hours_rule,
        "carries_certificate": False,
        "employer_effect": None,
        "version": version,
        "provisional": provisional,
        "confidence": confidence,
        "sources": list(sources),
        "obligation": obligation,
        "exam_hours": whole(exam_hours) if exam_hours is not None else None,
        "werkprocessen": list(werkprocessen),
        "outcomes": [
            {"code": c, "title": t, "hours": whole(h) if h is not None else None}
            for c, t, h in outcomes
        ],
    }


def kerntaak_unit_docs(sources: list[Source], hours: Mapping[str, float]) -> list[Doc]:
    """One unit per kerntaak (a basisdeel kerntaak once, at the lowest level sharing it)."""
    tasks: dict[str, Task] = {}
    for source in sources:
        for task in source.tasks:
            tasks.setdefault(task.code, task).levels.append(source.level)
    return [
        unit_doc(
            t.code,
            t.title,
            min(t.levels),
            "vocational",
            sum(hours[c] for c, _ in t.outcomes),
            estimate.HOURS_RULE,
            outcomes=[(c, title, hours[c]) for c, title in t.outcomes],
            version=t.version,
            provisional=t.provisional,
            confidence=t.confidence,
            sources=t.sources,
        )
        for t in tasks.values()
    ]


def exam_unit_docs(
    rules: Mapping[str, object], sources: list[Source], hours: Mapping[str, float]
) -> tuple[list[Doc], dict[str, list[str]]]:
    """The schools' exam units, and per qualification the codes of its exam units."""
    levels = {s.crebo: s.level for s in sources}
    versions = {s.crebo: s.tasks[0].version for s in sources}
    docs, cuts = [], {}
    for entry in mappings(rules["exam_units"]):
        crebo, dossier = text(entry["crebo"]), text(entry["dossier"])
        codes = []
        for unit in mappings(entry["units"]):
            werkprocessen = [code(dossier, w) for w in texts(unit["werkprocessen"])]
            docs.append(
                unit_doc(
                    code(dossier, unit["code"]),
                    text(unit["title"]),
                    levels[crebo],
                    "vocational",
                    sum(hours[w] for w in werkprocessen),
                    "the sum of its werkprocessen's hours (opmaat estimate)",
                    werkprocessen=werkprocessen,
                    version=versions[crebo],
                    confidence=text(entry["confidence"]),
                    sources=texts(entry["sources"]),
                )
            )
            codes.append(code(dossier, unit["code"]))
        cuts[crebo] = codes
    return docs, cuts


def exam_unit_cut_names(rules: Mapping[str, object]) -> dict[str, tuple[str, list[str]]]:
    return {
        text(e["crebo"]): (text(e["cut"]), texts(e["sources"]))
        for e in mappings(rules["exam_units"])
    }


def generic_unit_docs(rules: Mapping[str, object]) -> list[Doc]:
    sources = texts(rules["generic_sources"])
    docs = []
    for g in mappings(rules["generic_units"]):
        c, obligation = text(g["code"]), bool(g.get("obligation"))
        hours = estimate.OBLIGATION_HOURS_PER_YEAR[c] if obligation else estimate.GENERIC_HOURS[c]
        rule = estimate.OBLIGATION_HOURS_RULE if obligation else estimate.GENERIC_HOURS_RULE
        docs.append(
            unit_doc(
                c,
                text(g["title"]),
                int(text(g["level"])),
                "generic",
                hours,
                rule,
                confidence="requirement verified (OERs of several schools); hours: opmaat "
                "estimate without public source",
                sources=sources if c not in ("REK-2F", "REK-3F") else [GENERIC_SOURCE_2016],
                obligation=obligation,
                exam_hours=estimate.EXAM_HOURS[c],
            )
        )
    return docs


# Certificates, prerequisites, equivalences, prior education ------------------------------------


def certificate_docs(folder: Path, rules: Mapping[str, object]) -> list[Doc]:
    data = load_yaml(folder / "certificates_mapping.yaml")
    uncoded = {k: text(v) for k, v in mapping(rules["uncoded_certificates"]).items()}
    docs = []
    for c in mappings(data.get("certificates")):
        parent = mapping(c.get("parent_qualification"))
        dossier = text(parent.get("dossier_crebo"))
        parts = mappings(c.get("certificate_werkprocessen")) or mappings(c.get("covers"))
        name = text(c["name"])
        cert_code = text(c.get("code")) or uncoded[name]
        docs.append(
            {
                "code": cert_code,
                "name": name,
                "level": int(text(c["level"])),
                "parent": text(parent.get("crebo")),
                "covers": [code(dossier, p["maps_to"]) for p in parts],
                "provisional": not text(c.get("code")) or "unverified" in text(c.get("confidence")),
                "confidence": text(c.get("confidence"))
                + ("" if text(c.get("code")) else "; official code unknown: the code is opmaat's"),
                "sources": texts(c.get("sources")),
            }
        )
    return docs


def prerequisite_docs(rules: Mapping[str, object]) -> list[Doc]:
    reason = text(rules["prerequisite_reason"])
    return [
        {
            "unit": code(p["dossier"], p["unit"]),
            "requires": code(p["dossier"], p["requires"]),
            "reason": reason,
            "source": OPMAAT_RULE,
        }
        for p in mappings(rules["prerequisites"])
    ]


def equivalence(
    source: str,
    counts_for: list[str],
    note: str,
    *,
    provisional: bool,
    confidence: str = "",
    sources: Iterable[str] = (),
    source_name: str = "",
) -> Doc:
    return {
        "source": source,
        "source_name": source_name,
        "counts_for": counts_for,
        "note": note,
        "provisional": provisional,
        "sources": list(sources),
        "confidence": confidence,
    }


def equivalence_docs(folder: Path, rules: Mapping[str, object], sources: list[Source]) -> list[Doc]:
    return [
        *generic_level_docs(rules),
        *successor_docs(rules, sources),
        *older_dossier_docs(rules, sources),
        *identical_title_docs(rules, sources),
        *prior_exemption_docs(rules),
        *retired_docs(rules, sources),
    ]


def generic_level_docs(rules: Mapping[str, object]) -> list[Doc]:
    note = "een hoger niveau omvat het lagere"
    return [
        equivalence(
            text(g["source"]),
            texts(g["counts_for"]),
            note,
            provisional=False,
            confidence="verified",
            sources=[text(rules["generic_levels_source"])],
        )
        for g in mappings(rules["generic_levels"])
    ]


def successor_docs(rules: Mapping[str, object], sources: list[Source]) -> list[Doc]:
    """An older diploma counts as every werkproces of its successor."""
    werkprocessen = {s.crebo: s.werkprocessen for s in sources}
    return [
        equivalence(
            crebo,
            [w for new in successor.by for w in werkprocessen[new]],
            f"het diploma telt voor zijn opvolger {', '.join(successor.by)}",
            provisional=successor.provisional,
            confidence=successor.confidence,
        )
        for crebo, successor in successors_of(rules).items()
    ]


def titles_by_dossier(sources: list[Source]) -> dict[str, dict[str, list[str]]]:
    """Per dossier crebo, per werkproces title, the werkproces codes."""
    found: dict[str, dict[str, list[str]]] = {}
    for source in sources:
        dossier = text(source.entry.get("dossier_crebo"))
        for task in source.tasks:
            for c, title in task.outcomes:
                codes = found.setdefault(dossier, {}).setdefault(title.casefold(), [])
                if c not in codes:
                    codes.append(c)
    return found


def older_dossier_docs(rules: Mapping[str, object], sources: list[Source]) -> list[Doc]:
    """Werkprocessen of an older dossier that count for the new one's: the same title
    (confidence: identical title), or reworded per the editorial comparison (provisional)."""
    titles = titles_by_dossier(sources)
    docs = []
    for pair in mappings(rules["old_to_new_dossiers"]):
        old, new = titles[text(pair["from"])], titles[text(pair["to"])]
        for title, codes in old.items():
            if title in new:
                docs += [
                    equivalence(
                        c,
                        new[title],
                        "zelfde werkproces in het nieuwere dossier",
                        provisional=False,
                        confidence="verified (titles)",
                    )
                    for c in codes
                ]
    source = text(rules["reworded_source"])
    for r in mappings(rules["reworded_werkprocessen"]):
        for c in titles[text(r["from_dossier"])][text(r["from_title"]).casefold()]:
            docs.append(
                equivalence(
                    c,
                    texts(r["to"]),
                    "vergelijkbaar werkproces in het nieuwere dossier (redactionele vergelijking)",
                    provisional=True,
                    confidence="editorial title comparison",
                    sources=[source],
                )
            )
    return docs


def identical_title_docs(rules: Mapping[str, object], sources: list[Source]) -> list[Doc]:
    """Werkprocessen with the same title in two current dossiers count for each other."""
    titles = titles_by_dossier(sources)
    docs = []
    for pair in mappings(rules["identical_across_dossiers"]):
        a, b = (titles[d] for d in texts(pair["pair"]))
        for title in sorted(set(a) & set(b)):
            for here, there in ((a, b), (b, a)):
                docs += [
                    equivalence(
                        c,
                        there[title],
                        "zelfde werkproces in een verwante kwalificatie",
                        provisional=False,
                        confidence=text(pair["confidence"]),
                        sources=texts(pair["sources"]),
                    )
                    for c in here[title]
                ]
    return docs


def prior_exemption_docs(rules: Mapping[str, object]) -> list[Doc]:
    sources = texts(rules["prior_exemption_sources"])
    return [
        equivalence(
            text(p["source"]),
            texts(p["counts_for"]),
            "vrijstelling voor de generieke vakken op grond van dit diploma; de "
            "examencommissie beslist",
            provisional=bool(p["provisional"]),
            confidence=text(p["confidence"]),
            sources=sources,
        )
        for p in mappings(rules["prior_exemptions"])
    ]


def retired_docs(rules: Mapping[str, object], sources: list[Source]) -> list[Doc]:
    werkprocessen = {s.crebo: s.werkprocessen for s in sources}

    def expand(codes: list[str]) -> list[str]:
        out = []
        for c in codes:
            out += werkprocessen[c.removeprefix("ALL-OF-")] if c.startswith("ALL-OF-") else [c]
        return out

    return [
        equivalence(
            text(r["code"]),
            expand([t.upper() for t in texts(r["counts_for"])]),
            text(r["note"]),
            provisional=bool(r["provisional"]),
            confidence="opmaat rule for a retired code",
            source_name=text(r["name"]),
        )
        for r in mappings(rules["retired"])
    ]


def prior_education_docs(rules: Mapping[str, object]) -> list[Doc]:
    source = text(rules["prior_education_source"])
    return [
        {
            "code": text(p["code"]),
            "name": text(p["name"]),
            "admits_level": int(text(p["admits_level"])),
            "sources": [source],
        }
        for p in mappings(rules["prior_education"])
    ]


def meta_doc() -> dict[str, str]:
    generic = ", ".join(f"{c} {h:.0f} h" for c, h in estimate.GENERIC_HOURS.items())
    return {
        "title": "opmaat default catalog: mbo qualifications in care and welfare",
        "default_version": VERSION,
        "compiled_from": f"shared/catalog (compiled {VERSION}) and scripts/catalog_rules.yaml "
        "by scripts/build_default_catalog.py; see docs/catalog-sources.md",
        "hours_rule": estimate.HOURS_RULE,
        "generic_hours": f"opmaat estimates without public source, overridable by a school: "
        f"{generic}; loopbaan en burgerschap 40 h a study year (an obligation)",
        "nominal_years": "upper bound of the legal range: level 1: 1, level 2: 2, level 3: 3, "
        "level 4: 3; Mbo-Verpleegkundige 25480 and 25655: 4; Praktijkopleider 25487: 1",
        "elective_hours": "keuzedeel hours from the sources: Entree 240, level 2 480, levels 3 "
        "and 4 720, specialistenopleiding 240; a shortened route 240 (level 2) or 480 (levels "
        "3 and 4) where the OER lowers it",
        "unit_codes": "<dossier crebo>-<kerntaak code> for a kerntaak, <dossier crebo>-<werkproces "
        "code> for a werkproces, <dossier crebo>-<exam unit> (23268-B1-K1-1) for a school's "
        "exam unit; <crebo>-BC for a qualification whose structure is unknown",
        "provisional": "everything not verified is provisional: the BC units and the "
        "qualifications 25251, 25491, 25480 and 25487; uncoded certificates; editorial "
        "equivalences (reworded werkprocessen, successors named by one source, retired codes)",
        "prerequisites": "opmaat rule for reserved and risky acts (Wet BIG), not a dossier rule",
        "check_before_production": "compare against the current SBB dossiers "
        "(kwalificaties.s-bb.nl)",
    }


def build(folder: Path, rules_path: Path = RULES) -> Doc:
    rules = load_yaml(rules_path)
    sources = read_sources(folder)
    hours = werkproces_hours(sources)
    exam_units, exam_cuts = exam_unit_docs(rules, sources, hours)
    cut_names = exam_unit_cut_names(rules)
    successors = successors_of(rules)
    qualifications = []
    for source in sources:
        kerntaken = [t.code for t in source.tasks]
        if source.crebo in exam_cuts:
            name, cut_sources = cut_names[source.crebo]
            units = exam_cuts[source.crebo]
            cuts: list[Doc] = [{"name": KERNTAKEN_CUT, "units": kerntaken, "sources": []}]
            qualifications.append(qualification_doc(source, units, cuts, rules, successors))
            qualifications[-1]["notes"] = (
                f"Units: {name}; the dossier's kerntaken are the cut '{KERNTAKEN_CUT}'. "
                + text(qualifications[-1]["notes"])
            ).strip()
            qualifications[-1]["sources"] = [*texts(qualifications[-1]["sources"]), *cut_sources]
        else:
            qualifications.append(qualification_doc(source, kerntaken, [], rules, successors))
    return {
        "format": FORMAT,
        "meta": meta_doc(),
        "qualifications": qualifications,
        "units": [*generic_unit_docs(rules), *kerntaak_unit_docs(sources, hours), *exam_units],
        "certificates": certificate_docs(folder, rules),
        "prerequisites": prerequisite_docs(rules),
        "equivalences": equivalence_docs(folder, rules, sources),
        "prior_education": prior_education_docs(rules),
    }


def render(document: Doc) -> str:
    header = (
        "# opmaat default catalog (opmaat-catalog/1). Generated by "
        "scripts/build_default_catalog.py:\n# do not edit by hand; see docs/catalog-sources.md.\n"
    )
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return header + body


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    document = build(folder)
    OUTPUT.write_text(render(document), encoding="utf-8")
    units = document["units"]
    qualifications = document["qualifications"]
    assert isinstance(units, list) and isinstance(qualifications, list)
    print(f"wrote {OUTPUT}: {len(qualifications)} qualifications, {len(units)} units")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
