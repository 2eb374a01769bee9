"""Build opmaat's default catalog, opmaat/data/catalog.yaml, from the facts in shared/catalog.

    python scripts/build_default_catalog.py [SHARED_CATALOG_DIR]

SHARED_CATALOG_DIR defaults to `<repo root>/../shared/catalog`. The output is the
`opmaat-catalog/1` document of docs/formats/catalog.md; docs/catalog-sources.md explains
every choice. Re-running on the same input gives the same file.

- A unit is a kerntaak with its werkprocessen as outcomes, coded `<dossier crebo>-<kerntaak>`;
  a basisdeel kerntaak is one unit shared by every qualification of its dossier.
- The unverified candidate structure of the 2020+ VIG/VP uses the prefix `VV2020-`; a
  qualification without any known structure gets one unit `<crebo>-BC`. Both are provisional.
- Hours come from opmaat.domain.catalog.estimate.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from opmaat.domain.catalog import estimate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "catalog"
OUTPUT = ROOT / "opmaat" / "data" / "catalog.yaml"
FORMAT = "opmaat-catalog/1"

Doc = dict[str, object]

NOMINAL_YEARS_EXCEPTIONS = {"25480": 4, "25655": 4, "25487": 1}
NOMINAL_YEARS_NOTES = {
    "25480": "4 nominal years: the 2015 regeling (bijlage 4) lets this programme last 4 years, "
    "and providers report 4-year Mbo-Verpleegkundige programmes.",
    "25655": "4 nominal years: providers report 4-year programmes (Rijn IJssel, Nova).",
    "25487": "1 nominal year: specialistenopleiding (WEB art. 7.2.4a).",
}
CANDIDATE_PREFIX = "VV2020"
CANDIDATE_VERSION = "2020+ (candidate, unverified)"
CANDIDATE_DOSSIER = "Verzorging en verpleging"  # the name in the candidate file, unverified
CANDIDATE_SOURCE = (
    "unnamed third-party GitHub file embedding 'KD 2026 Kwalificatiedossier Verzorging en "
    "verpleging' (stored index file id 33437918333); repository unknown, possibly hand-typed"
)
CANDIDATE_CONFIDENCE = (
    "unverified: candidate structure from one unnamed third-party file; a Nova College page "
    "cites a different VIG kerntaak; check against the SBB dossier"
)
STRUCTURELESS_TITLE = "Beroepsgericht deel (structuur niet geverifieerd)"
STRUCTURELESS_OUTCOME = "Beroepsgericht deel als geheel (structuur niet geverifieerd)"
NURSING_ACTS = "voert verpleegtechnische handelingen uit"
OPMAAT_RULE = "opmaat rule"
GENERIC_UNITS = [
    ("NL-2F", "Nederlands 2F", 2),
    ("NL-3F", "Nederlands 3F", 4),
    ("REK-2F", "Rekenen 2F", 2),
    ("REK-3F", "Rekenen 3F", 4),
    ("EN-B1", "Engels (lezen en luisteren B1; schrijven en spreken A2)", 4),
    ("LB", "Loopbaan en burgerschap", 2),
]
GENERIC_SOURCE = (
    "esprange/kwalificatie-dossier2016 : SBB 2016 dossier exports, section Generieke onderdelen"
)
BDZ_UNIT = "CERT-BDZ-C1-K1"
OMITTED_CERTIFICATES = [
    "Regievoering en vakontwikkeling in de zorg",
    "Ondersteunen en begeleiden in de maatschappelijke zorg",
    "Six certificates for vocational parts of MBO-verpleegkundige",
    "Keuzedeel Verdieping kraamzorg (certificate)",
    "Mbo-certificates for Maatschappelijke Zorg level 3 and level 4 (set)",
]


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
    return int(hours) if float(hours).is_integer() else hours


def source_date(value: object) -> date | None:
    """A source date DD-MM-YYYY (01-08-2015) as a date (written 2015-08-01)."""
    if not value:
        return None
    day, month, year = text(value).split("-")
    return date(int(year), int(month), int(day))


def short_version(value: object) -> str:
    """The version label without its explanation: '2016 (no label in export)' -> '2016'."""
    return text(value).split(" (")[0]


# The intermediate model ---------------------------------------------------------------------


@dataclass
class Task:
    """A kerntaak as found in the sources, with its unit code."""

    code: str
    title: str
    outcomes: list[tuple[str, str]]
    kind: str  # "verified", "candidate" or "structureless"
    version: str
    sources: list[str]
    confidence: str
    basisdeel: bool


@dataclass
class UnitDraft:
    task: Task
    estimates: list[float] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)


def load(folder: Path) -> tuple[list[Mapping[str, object]], list[Mapping[str, object]]]:
    qualifications = mapping(yaml.safe_load((folder / "qualifications.yaml").read_text("utf-8")))
    certificates = mapping(yaml.safe_load((folder / "certificates.yaml").read_text("utf-8")))
    return mappings(qualifications.get("qualifications")), mappings(
        certificates.get("certificates")
    )


def tasks_of(q: Mapping[str, object]) -> list[Task]:
    """A qualification's kerntaken as tasks: basisdeel first, then its profile."""
    crebo = text(q["crebo"])
    basis, profile = mapping(q.get("basisdeel")), mapping(q.get("profieldeel"))
    candidate = mapping(q.get("candidate_core_tasks"))
    sources = texts(q.get("sources"))
    if basis and profile:
        prefix, kind = text(q["dossier_crebo"]), "verified"
        version = text(q.get("dossier_version"))
        found = [(t, True) for t in mappings(basis.get("core_tasks"))]
        found += [(t, False) for t in mappings(profile.get("core_tasks"))]
        task_sources = sources[:1]
        confidence = "verified (SBB 2016 export); hours: opmaat estimate"
    elif candidate:
        prefix, kind, version = CANDIDATE_PREFIX, "candidate", CANDIDATE_VERSION
        found = [(t, True) for t in mappings(candidate.get("core_tasks"))]
        if crebo == "25655":
            found += [(t, False) for t in mappings(candidate.get("profieldeel_P2_only"))]
        task_sources, confidence = [CANDIDATE_SOURCE], CANDIDATE_CONFIDENCE
    else:
        return [
            Task(
                code=code(crebo, "BC"),
                title=STRUCTURELESS_TITLE,
                outcomes=[(code(crebo, "BC-W1"), STRUCTURELESS_OUTCOME)],
                kind="structureless",
                version=short_version(q.get("dossier_version")),
                sources=sources,
                confidence="placeholder: kerntaken not found in any source; hours: opmaat estimate",
                basisdeel=False,
            )
        ]
    return [
        Task(
            code=code(prefix, t["code"]),
            title=text(t["title"]),
            outcomes=[
                (code(prefix, w["code"]), text(w["title"])) for w in mappings(t["werkprocessen"])
            ],
            kind=kind,
            version=short_version(version),
            sources=task_sources,
            confidence=confidence,
            basisdeel=is_basis,
        )
        for t, is_basis in found
    ]


def generic_of(q: Mapping[str, object]) -> tuple[Doc, str]:
    """The qualification's generic block, and a note when it rests on an assumption."""
    g = mapping(q.get("generic_requirements"))
    nederlands, rekenen, note = text(g.get("nederlands")) or None, text(g.get("rekenen")), ""
    if int(text(q["level"])) == 1 and nederlands is None:
        nederlands, rekenen = "2F", "2F"
        note = (
            "Nederlands and rekenen 2F: the 2016 exports apply 2F to entree qualifications; "
            "the entree dossier itself was not seen."
        )
    generic: Doc = {
        "nederlands": nederlands,
        "rekenen": rekenen or None,
        "engels": "B1/A2" if g.get("engels") else None,
        "loopbaan_burgerschap": bool(g.get("loopbaan_en_burgerschap")),
    }
    return generic, note


def generic_codes(generic: Mapping[str, object]) -> list[str]:
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


def nominal_years_of(crebo: str, level: int) -> tuple[int, str]:
    years = estimate.nominal_study_years(level, crebo, NOMINAL_YEARS_EXCEPTIONS)
    return years, NOMINAL_YEARS_NOTES.get(crebo, "")


def elective_hours_of(q: Mapping[str, object], years: int) -> tuple[float, str]:
    given = mapping(q.get("keuzedeel_hours")).get("hours")
    if given is not None:
        return float(text(given)), ""
    if q.get("kind") == "specialistenopleiding":
        return 0.0, (
            "Keuzedeel hours 0: keuzedelen for specialistenopleidingen were postponed by law "
            "(2015); unverified whether that still holds."
        )
    hours = estimate.elective_hours_by_duration(years)
    return hours, (
        f"Keuzedeel hours {hours:.0f}: unverified estimate (480 for two-year, 720 for "
        "three-year programmes); no source states them for this qualification."
    )


def structure_note(tasks: list[Task]) -> str:
    kinds = {t.kind for t in tasks}
    if "candidate" in kinds:
        return (
            "Units follow an unverified candidate structure (a third-party 'KD 2026' file), "
            "coded VV2020-; check against the SBB dossier."
        )
    if "structureless" in kinds:
        return (
            "Kerntaken not found in any source: one provisional unit holds the whole vocational "
            "part."
        )
    return ""


def dossier_name_of(q: Mapping[str, object], tasks: list[Task]) -> tuple[str, str]:
    """The dossier's name, and a note when the name is assumed rather than sourced."""
    given = text(q.get("dossier"))
    if not given and any(t.kind == "candidate" for t in tasks):
        return CANDIDATE_DOSSIER, "Dossier name assumed from the unverified candidate source."
    return given.split(" (")[0], ("Dossier name assumed." if "assumed" in given else "")


def pathways_of(q: Mapping[str, object]) -> tuple[list[str], str]:
    given = texts(q.get("pathways"))
    kept = [p for p in given if p in ("BOL", "BBL")]
    other = [p for p in given if p not in kept]
    return kept, ("Also offered as: " + "; ".join(other) + "." if other else "")


def qualification_doc(
    q: Mapping[str, object], tasks: list[Task], drafts: dict[str, UnitDraft]
) -> Doc:
    crebo, level = text(q["crebo"]), int(text(q["level"]))
    years, years_note = nominal_years_of(crebo, level)
    generic, generic_note = generic_of(q)
    electives, elective_note = elective_hours_of(q, years)
    pathways, pathways_note = pathways_of(q)
    shares = estimate.estimate_unit_hours(
        years, generic_codes(generic), electives, {t.code: len(t.outcomes) for t in tasks}
    )
    for task in tasks:
        draft = drafts.setdefault(task.code, UnitDraft(task))
        draft.estimates.append(shares[task.code])
        draft.levels.append(level)
    dossier_name, dossier_note = dossier_name_of(q, tasks)
    notes = [structure_note(tasks), dossier_note, years_note, generic_note, elective_note]
    notes.append(pathways_note)
    return {
        "crebo": crebo,
        "name": text(q["name"]),
        "level": level,
        "nominal_years": years,
        "units": [t.code for t in tasks],
        "generic": generic,
        "elective_hours": whole(electives),
        "pathways": pathways,
        "version": short_version(q.get("dossier_version")),
        "valid_from": source_date(q.get("valid_from")),
        "dossier": {"crebo": text(q.get("dossier_crebo")) or None, "name": dossier_name},
        "provisional": any(t.kind != "verified" for t in tasks),
        "confidence": text(q.get("confidence")),
        "sources": texts(q.get("sources")),
        "notes": " ".join(n for n in notes if n),
    }


def unit_doc(
    code_: str,
    title: str,
    level: int,
    kind: str,
    hours: float,
    hours_rule: str,
    outcomes: Iterable[tuple[str, str]],
    *,
    version: str = "",
    provisional: bool = False,
    confidence: str = "",
    sources: Iterable[str] = (),
    carries_certificate: bool = False,
) -> Doc:
    return {
        "code": code_,
        "title": title,
        "level": level,
        "kind": kind,
        "hours": whole(hours),
        "hours_source": "estimate",
        "hours_rule": hours_rule,
        "carries_certificate": carries_certificate,
        "employer_effect": None,
        "version": version,
        "provisional": provisional,
        "confidence": confidence,
        "sources": list(sources),
        "outcomes": [{"code": c, "title": t, "hours": None} for c, t in outcomes],
    }


def vocational_unit_doc(draft: UnitDraft) -> Doc:
    task = draft.task
    return unit_doc(
        task.code,
        task.title,
        min(draft.levels),  # a shared basisdeel unit sits at the lowest level sharing it
        "vocational",
        estimate.shared_unit_hours(draft.estimates),
        estimate.HOURS_RULE,
        task.outcomes,
        version=task.version,
        provisional=task.kind != "verified",
        confidence=task.confidence,
        sources=task.sources,
    )


def generic_unit_docs() -> list[Doc]:
    return [
        unit_doc(
            c,
            title,
            level,
            "generic",
            estimate.GENERIC_HOURS[c],
            estimate.GENERIC_HOURS_RULE,
            (),
            confidence="requirement verified (SBB 2016 exports); hours: opmaat estimate "
            "without public source",
            sources=[GENERIC_SOURCE],
        )
        for c, title, level in GENERIC_UNITS
    ]


def level3_rate(qualifications: list[Doc], drafts: dict[str, UnitDraft]) -> float:
    """Mean estimated hours per werkproces of the verified level-3 qualifications."""
    rates = []
    for q in qualifications:
        units = q["units"]
        if q["level"] != 3 or q["provisional"] or not isinstance(units, list):
            continue
        generic = mapping(q["generic"])
        electives = float(text(q["elective_hours"]))
        years = float(text(q["nominal_years"]))
        count = sum(len(drafts[u].task.outcomes) for u in units)
        rates.append(estimate.vocational_hours(years, generic_codes(generic), electives) / count)
    return sum(rates) / len(rates)


def bdz_unit_doc(certificate: Mapping[str, object], rate: float) -> Doc:
    structure = mapping(certificate.get("certificate_structure"))
    kerntaak = mapping(structure.get("kerntaak"))
    outcomes = [
        (code("CERT-BDZ", w["code"]), text(w["title"]))
        for w in mappings(structure.get("werkprocessen"))
    ]
    return unit_doc(
        BDZ_UNIT,
        text(kerntaak.get("title")),
        3,
        "vocational",
        estimate.round_hours(rate * len(outcomes)),
        f"opmaat estimate: {len(outcomes)} werkprocessen x {rate:.1f} h, the mean hours per "
        "werkproces of the verified level-3 qualifications under the default hours rule "
        "(25475, 25476, 25486), rounded to 10 hours; the certificate's own study load is not "
        "published",
        outcomes,
        version="",
        provisional=True,
        confidence="one provider page (Nova College); the VIG dossier version it belongs to is "
        "not stated and conflicts with the candidate 2020+ structure",
        sources=texts(certificate.get("sources")),
        carries_certificate=True,
    )


def certificate_docs(by_name: Mapping[str, Mapping[str, object]]) -> list[Doc]:
    thuis = by_name["Ondersteuning thuis"]
    parent = mapping(thuis.get("parent_qualification"))
    bdz = by_name["Basis voor deskundige zorg"]
    return [
        {
            "code": "CERT-ONDERSTEUNING-THUIS",
            "name": text(thuis["name"]),
            "level": 2,
            "parent": text(parent.get("crebo")),
            "covers": [
                code(parent.get("dossier_crebo"), c["code"]) for c in mappings(thuis["covers"])
            ],
            "provisional": False,
            "confidence": "coverage and parent qualification verified (provider page, SBB "
            "export); official certificate code unknown: CERT-ONDERSTEUNING-THUIS is opmaat's own",
            "sources": texts(thuis.get("sources")),
        },
        {
            "code": "CERT-BASIS-DESKUNDIGE-ZORG",
            "name": text(bdz["name"]),
            "level": 3,
            "parent": None,
            "covers": [BDZ_UNIT],
            "provisional": True,
            "confidence": "one provider page; parent VIG version (25491 or 25656) not stated; "
            "official certificate code unknown: CERT-BASIS-DESKUNDIGE-ZORG is opmaat's own",
            "sources": texts(bdz.get("sources")),
        },
    ]


def prerequisite_docs(units: list[Doc]) -> list[Doc]:
    """opmaat's rule for reserved medical acts (Wet BIG): a unit with the werkproces 'Voert
    verpleegtechnische handelingen uit' comes after the basisdeel care unit (B1-K1) of its
    dossier; when that basisdeel unit itself holds the acts, the dossier's profile units
    come after it."""
    by_code = {text(u["code"]): u for u in units}

    def has_acts(unit: Mapping[str, object]) -> bool:
        return any(text(o["title"]).lower() == NURSING_ACTS for o in mappings(unit["outcomes"]))

    rules: list[Doc] = []
    for c, unit in by_code.items():
        prefix, _, rest = c.partition("-")
        basis = f"{prefix}-B1-K1"
        if basis not in by_code or c == basis or rest.startswith("B"):
            continue
        if has_acts(unit):
            reason = (
                "reserved medical acts (Wet BIG): a unit with 'Voert verpleegtechnische "
                "handelingen uit' comes after the basisdeel care unit of its dossier"
            )
        elif has_acts(by_code[basis]):
            reason = (
                "reserved medical acts (Wet BIG): this profile unit builds on the basisdeel "
                "care unit, which holds 'Voert verpleegtechnische handelingen uit'"
            )
        else:
            continue
        rules.append({"unit": c, "requires": basis, "reason": reason, "source": OPMAAT_RULE})
    return rules


def equivalence_docs(units: list[Doc]) -> list[Doc]:
    candidate = [text(u["code"]) for u in units if text(u["code"]).startswith(CANDIDATE_PREFIX)]
    basis = [c for c in candidate if c.startswith(f"{CANDIDATE_PREFIX}-B")]
    higher = "a higher reference level includes the lower one"
    return [
        {"source": "NL-3F", "source_name": "", "counts_for": ["NL-2F"], "note": higher,
         "provisional": False},
        {"source": "REK-3F", "source_name": "", "counts_for": ["REK-2F"], "note": higher,
         "provisional": False},
        {
            "source": "25491",
            "source_name": "",
            "counts_for": basis,
            "note": "opmaat assumption: the older VIG diploma (2016 dossier) covers the "
            "basisdeel of the candidate 2020+ VIG/VP structure; unverified",
            "provisional": True,
        },
        {
            "source": "25480",
            "source_name": "",
            "counts_for": candidate,
            "note": "opmaat assumption: the older Mbo-Verpleegkundige diploma (2016 dossier) "
            "covers every unit of the candidate 2020+ VIG/VP structure; unverified",
            "provisional": True,
        },
    ]  # fmt: skip


def meta_doc(skipped: list[str]) -> dict[str, str]:
    generic = ", ".join(f"{c} {h:.0f} h" for c, h in estimate.GENERIC_HOURS.items())
    return {
        "title": "opmaat default catalog: mbo qualifications in care and welfare",
        "compiled_from": "shared/catalog (compiled 2026-11-22) by "
        "scripts/build_default_catalog.py; see docs/catalog-sources.md",
        "hours_rule": estimate.HOURS_RULE,
        "generic_hours": f"opmaat estimates without public source, overridable by a school: "
        f"{generic}",
        "nominal_years": "upper bound of the legal range: level 1: 1, level 2: 2, level 3: 3, "
        "level 4: 3; Mbo-Verpleegkundige 25480 and 25655: 4 (4-year programmes allowed by the "
        "2015 regeling and reported by providers); Praktijkopleider 25487: 1. The MZ level-4 "
        "qualifications may also last 4 years (2015 regeling, bijlage 4) but keep 3, as a "
        "provider reports for 25477 (Noorderpoort)",
        "elective_hours": "keuzedeel hours from the sources; where none is stated: 240 (one "
        "year), 480 (two years), 720 (three years), marked as unverified in the notes; "
        "Praktijkopleider 0 (keuzedelen postponed for specialistenopleidingen)",
        "unit_codes": "<dossier crebo>-<kerntaak code>, outcomes <dossier crebo>-<werkproces "
        "code>; VV2020- for the unverified candidate 2020+ VIG/VP structure; <crebo>-BC for a "
        "qualification whose structure is unknown; CERT-BDZ- for the certificate 'Basis voor "
        "deskundige zorg'",
        "provisional": "everything not verified is provisional: the VV2020 units and "
        "qualifications 25656 and 25655; the BC units and qualifications 25251, 25491, 25480, "
        "25487 and 25779; the certificate 'Basis voor deskundige zorg' and its unit; the "
        "equivalences of the older VIG and VP diplomas",
        "skipped_qualifications": "; ".join(skipped),
        "omitted_certificates": "coverage unknown: " + "; ".join(OMITTED_CERTIFICATES),
        "prerequisites": "opmaat rule for reserved medical acts (Wet BIG), not a dossier rule",
        "check_before_production": "compare against the current SBB dossiers "
        "(kwalificaties.s-bb.nl); the verified structures are the 2016 versions",
    }


def build(folder: Path) -> Doc:
    raw_qualifications, raw_certificates = load(folder)
    drafts: dict[str, UnitDraft] = {}
    qualifications: list[Doc] = []
    skipped = [
        "hbo placeholders without crebo: " + ", ".join(text(q["id"]) for q in raw_qualifications
                                                        if not q.get("crebo")),
        "25499 and 25500 (Dienstverlening, not care: listed in the dossier only)",
    ]  # fmt: skip
    for q in raw_qualifications:
        if q.get("crebo"):
            qualifications.append(qualification_doc(q, tasks_of(q), drafts))
    by_name = {text(c["name"]): c for c in raw_certificates}
    units = generic_unit_docs() + [vocational_unit_doc(d) for d in drafts.values()]
    units.append(
        bdz_unit_doc(by_name["Basis voor deskundige zorg"], level3_rate(qualifications, drafts))
    )
    return {
        "format": FORMAT,
        "meta": meta_doc(skipped),
        "qualifications": qualifications,
        "units": units,
        "certificates": certificate_docs(by_name),
        "prerequisites": prerequisite_docs(units),
        "equivalences": equivalence_docs(units),
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
