"""Build opmaat's default catalog (opmaat/data/catalog.yaml) from the facts in shared/catalog.

    python scripts/build_default_catalog.py [SHARED_CATALOG_DIR]

A unit is a kerntaak with its werkprocessen as outcomes; a basisdeel kerntaak is one unit
shared by the qualifications of its dossier. Hours come from opmaat.domain.catalog.estimate.
What is not verified is marked provisional. docs/catalog-sources.md explains each choice.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

from opmaat.catalog_files import default_catalog_path, write_catalog
from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Pathway,
    Prerequisite,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.catalog import estimate

ROOT = Path(__file__).resolve().parent.parent
Source = dict[str, object]

# Nominal years where the upper bound of the legal range by level is not what the sources say.
NOMINAL_YEARS_BY_LEVEL = {1: 1.0, 2: 2.0, 3: 3.0, 4: 3.0}
NOMINAL_YEARS_EXCEPTIONS = {
    "25655": 4.0,  # Mbo-Verpleegkundige 2020+: 4-year programmes observed (Rijn IJssel, Nova)
    "25480": 4.0,  # Mbo-Verpleegkundige 2016: listed as a 4-year programme (bijlage 4, 2015)
    "25487": 1.0,  # Praktijkopleider: specialistenopleiding of one study year (WEB 7.2.4a)
}
CANDIDATE_PREFIX = "VV2020"  # the unverified 2020+ VIG/VP structure has no known dossier crebo
REQUIRES_BASIC_CARE = "voert verpleegtechnische handelingen uit"
GENERIC_UNITS = [
    ("NL-2F", "Nederlands 2F", 2),
    ("NL-3F", "Nederlands 3F", 4),
    ("REK-2F", "Rekenen 2F", 2),
    ("REK-3F", "Rekenen 3F", 4),
    ("EN-B1", "Engels (lezen en luisteren B1; schrijven en spreken A2)", 4),
    ("LB", "Loopbaan en burgerschap", 2),
]
OPMAAT_RULE = "opmaat rule"


def load_sources(folder: Path) -> tuple[list[Source], list[Source]]:
    qualifications = yaml.safe_load((folder / "qualifications.yaml").read_text())
    certificates = yaml.safe_load((folder / "certificates.yaml").read_text())
    return qualifications["qualifications"], certificates["certificates"]


def as_list(value: object) -> list[Source]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def text(value: object) -> str:
    return "" if value is None else str(value)


def core_tasks(q: Source) -> tuple[str, list[Source], list[Source]]:
    """(code prefix, basisdeel kerntaken, profile kerntaken) of a qualification."""
    basis, profile = q.get("basisdeel"), q.get("profieldeel")
    if isinstance(basis, dict) and isinstance(profile, dict):
        return str(q["dossier_crebo"]), as_list(basis["core_tasks"]), as_list(profile["core_tasks"])
    candidate = q.get("candidate_core_tasks")
    if isinstance(candidate, dict):
        own = as_list(candidate.get("profieldeel_P2_only")) if q["crebo"] == 25655 else []
        return CANDIDATE_PREFIX, as_list(candidate["core_tasks"]), own
    return "", [], []


def generic_of(q: Source) -> GenericRequirements:
    g = q.get("generic_requirements")
    g = g if isinstance(g, dict) else {}
    level = int(str(q["level"]))
    entree_2f = "2F" if level == 1 else None  # the 2016 exports apply 2F to entree too
    return GenericRequirements(
        nederlands=text(g.get("nederlands")) or entree_2f,
        rekenen=text(g.get("rekenen")) or entree_2f,
        engels="B1/A2" if isinstance(g.get("engels"), dict) else None,
        loopbaan_burgerschap=bool(g.get("loopbaan_en_burgerschap")),
    )


def elective_hours_of(q: Source, years: float) -> tuple[float, str]:
    kd = q.get("keuzedeel_hours")
    given = kd.get("hours") if isinstance(kd, dict) else None
    if given is not None:
        return float(str(given)), ""
    if q["crebo"] == 25487:
        return 0.0, "Keuzedelen for specialistenopleidingen were postponed by law (2015); 0 h."
    hours = estimate.elective_hours_by_duration(years)
    return hours, f"Elective hours {hours:.0f}: unverified estimate by programme length."


def source_date(value: object) -> date | None:
    if not value:
        return None
    day, month, year = str(value).split("-")
    return date(int(year), int(month), int(day))


def build(folder: Path) -> Catalog:
    raw_qualifications, raw_certificates = load_sources(folder)
    kept = [q for q in raw_qualifications if q.get("crebo")]
    per_unit: dict[str, list[float]] = defaultdict(list)
    levels: dict[str, list[int]] = defaultdict(list)
    unit_facts: dict[str, tuple[Source, Source, str, bool]] = {}
    qualifications = []
    for q in kept:
        qualification, estimates, facts = qualification_of(q)
        qualifications.append(qualification)
        for code, hours in estimates.items():
            per_unit[code].append(hours)
            levels[code].append(qualification.level)
        unit_facts.update(facts)
    units = [generic_unit(*g) for g in GENERIC_UNITS]
    units += [
        # a shared basisdeel unit sits at the lowest level of the qualifications sharing it
        vocational_unit(code, per_unit[code], min(levels[code]), *facts)
        for code, facts in unit_facts.items()
    ]
    units.append(basis_deskundige_zorg_unit())
    return Catalog(
        qualifications=qualifications,
        units=units,
        certificates=certificates_of(raw_certificates),
        prerequisites=prerequisites_of(units),
        equivalences=equivalences_of(unit_facts),
        meta=meta(),
    )


def qualification_of(
    q: Source,
) -> tuple[Qualification, dict[str, float], dict[str, tuple[Source, Source, str, bool]]]:
    crebo = str(q["crebo"])
    level = int(str(q["level"]))
    years = NOMINAL_YEARS_EXCEPTIONS.get(crebo, NOMINAL_YEARS_BY_LEVEL[level])
    prefix, basis, profile = core_tasks(q)
    provisional = prefix in ("", CANDIDATE_PREFIX)
    generic = generic_of(q)
    electives, elective_note = elective_hours_of(q, years)
    tasks = basis + profile if prefix else [structureless_task(q)]
    prefix = prefix or crebo
    codes = [f"{prefix}-{t['code']}".upper() for t in tasks]
    counts = {c: len(as_list(t.get("werkprocessen"))) for c, t in zip(codes, tasks, strict=True)}
    vocational = estimate.vocational_hours(years, generic.unit_codes(), electives)
    estimates = estimate.split_by_outcomes(vocational, counts)
    facts = {c: (t, q, prefix, provisional) for c, t in zip(codes, tasks, strict=True)}
    qualification = Qualification(
        crebo=crebo,
        name=str(q["name"]),
        level=level,
        nominal_years=years,
        units=tuple(codes),
        generic=generic,
        elective_hours=electives,
        pathways=tuple(Pathway(p) for p in q.get("pathways", []) if p in ("BOL", "BBL")),  # type: ignore[attr-defined]
        version=text(q.get("dossier_version")),
        valid_from=source_date(q.get("valid_from")),
        dossier_crebo=text(q.get("dossier_crebo")) or None,
        dossier_name=text(q.get("dossier")),
        provisional=provisional,
        confidence=text(q.get("confidence")),
        sources=tuple(str(s) for s in q.get("sources", [])),  # type: ignore[attr-defined]
        notes=" ".join(n for n in (structure_note(prefix, provisional, q), elective_note) if n),
    )
    return qualification, estimates, facts


def structureless_task(q: Source) -> Source:
    return {
        "code": "BC",
        "title": "Beroepsgericht deel (structuur niet geverifieerd)",
        "werkprocessen": [{"code": "BC-W1", "title": "Beroepsgericht deel als geheel"}],
    }


def structure_note(prefix: str, provisional: bool, q: Source) -> str:
    if not provisional:
        return ""
    if prefix == CANDIDATE_PREFIX:
        return "Structure from an unverified candidate source (KD 2026); check the SBB dossier."
    return "Kerntaken not found in any source: one provisional unit holds the vocational part."


def vocational_unit(
    code: str,
    estimates: list[float],
    level: int,
    task: Source,
    q: Source,
    prefix: str,
    provisional: bool,
) -> Unit:
    outcomes = tuple(
        Outcome(code=f"{prefix}-{w['code']}".upper(), title=str(w["title"]))
        for w in as_list(task.get("werkprocessen"))
    )
    return Unit(
        code=code,
        title=str(task["title"]),
        level=level,
        hours=estimate.shared_unit_hours(estimates),
        kind=UnitKind.VOCATIONAL,
        outcomes=outcomes,
        hours_source=HoursSource.ESTIMATE,
        hours_rule=estimate.HOURS_RULE,
        version=text(q.get("dossier_version")),
        provisional=provisional,
        confidence="unverified" if provisional else text(q.get("confidence")),
        sources=tuple(str(s) for s in q.get("sources", [])[:1]),  # type: ignore[index]
    )


def generic_unit(code: str, title: str, level: int) -> Unit:
    return Unit(
        code=code,
        title=title,
        level=level,
        hours=estimate.GENERIC_HOURS[code],
        kind=UnitKind.GENERIC,
        hours_source=HoursSource.ESTIMATE,
        hours_rule="opmaat estimate of the generic subject's study load (no public source)",
        confidence="verified (requirement); hours: opmaat estimate",
        sources=("SBB 2016 dossier exports, section Generieke onderdelen",),
    )


def basis_deskundige_zorg_unit() -> Unit:
    titles = [
        "Ondersteunt bij het voeren van de regie van wonen en huishouden",
        "Onderkent de gezondheidstoestand op somatisch en psychosociaal gebied",
        "Biedt persoonlijke verzorging",
        "Evalueert en legt de zorgverlening vast",
    ]
    return Unit(
        code="CERT-BDZ-C1-K1",
        title="Biedt deskundige basiszorg",
        level=3,
        hours=320,
        kind=UnitKind.VOCATIONAL,
        outcomes=tuple(
            Outcome(f"CERT-BDZ-C1-K1-W{i}", t) for i, t in enumerate(titles, start=1)
        ),
        hours_rule="opmaat estimate: 80 h per werkproces, the level-3 rate rounded down, "
        "since the certificate builds on a level-2 diploma",
        carries_certificate=True,
        provisional=True,
        confidence="one provider page; the VIG dossier version it belongs to is unverified",
        sources=("https://www.novacollege.nl/info/basis-voor-deskundige-zorg/",),
    )


def certificates_of(raw: list[Source]) -> list[Certificate]:
    by_name = {str(c["name"]): c for c in raw}
    thuis = by_name["Ondersteuning thuis"]
    bdz = by_name["Basis voor deskundige zorg"]
    return [
        Certificate(
            code="CERT-ONDERSTEUNING-THUIS",
            name="Ondersteuning thuis",
            covers=tuple(f"23189-{c['code']}" for c in as_list(thuis["covers"])),
            level=2,
            parent_crebo="25498",
            confidence="verified (coverage and parent); official certificate code unknown",
            sources=tuple(str(s) for s in thuis.get("sources", [])),  # type: ignore[attr-defined]
        ),
        Certificate(
            code="CERT-BASIS-DESKUNDIGE-ZORG",
            name="Basis voor deskundige zorg",
            covers=("CERT-BDZ-C1-K1",),
            level=3,
            provisional=True,
            confidence="one provider page; official certificate code unknown",
            sources=tuple(str(s) for s in bdz.get("sources", [])),  # type: ignore[attr-defined]
        ),
    ]


def prerequisites_of(units: list[Unit]) -> list[Prerequisite]:
    """Reserved and risky medical acts come after the basic care unit of the dossier."""
    rules = []
    for unit in units:
        titles = [o.title.lower() for o in unit.outcomes]
        basic = unit.code.rsplit("-", 2)[0] + "-B1-K1"
        if REQUIRES_BASIC_CARE in titles and unit.code != basic:
            rules.append(
                Prerequisite(
                    unit=unit.code,
                    requires=basic,
                    reason="reserved and risky acts (Wet BIG): nursing-technical tasks "
                    "only after the basic care unit",
                    source=OPMAAT_RULE,
                )
            )
    return rules


def equivalences_of(units: dict[str, tuple[Source, Source, str, bool]]) -> list[Equivalence]:
    candidate = [c for c in units if c.startswith(CANDIDATE_PREFIX)]
    basis = [c for c in candidate if "-B1-" in c]
    return [
        Equivalence("NL-3F", ("NL-2F",), note="a higher reference level includes the lower"),
        Equivalence("REK-3F", ("REK-2F",), note="a higher reference level includes the lower"),
        Equivalence(
            "25491",
            tuple(basis),
            note="an older VIG diploma covers the basisdeel of the 2020+ VIG/VP structure",
            provisional=True,
            source_name="Verzorgende IG (2016)",
        ),
        Equivalence(
            "25480",
            tuple(candidate),
            note="an older Mbo-Verpleegkundige diploma covers the 2020+ VIG/VP units",
            provisional=True,
            source_name="Mbo-Verpleegkundige (2016)",
        ),
    ]


def meta() -> dict[str, str]:
    return {
        "title": "opmaat default catalog: mbo care and welfare qualifications",
        "built_from": "shared/catalog (compiled 2026-11-22) by scripts/build_default_catalog.py",
        "hours_rule": estimate.HOURS_RULE,
        "unit_codes": "<dossier crebo>-<kerntaak code>; VV2020- for the unverified 2020+ "
        "VIG/VP structure; <crebo>-BC for a qualification whose structure is unknown",
        "omitted": "hbo placeholders (no crebo); certificates whose coverage is unknown "
        "(Regievoering en vakontwikkeling in de zorg, Ondersteunen en begeleiden in de "
        "maatschappelijke zorg, the six Mbo-Verpleegkundige certificates, Verdieping "
        "kraamzorg, the MZ certificate set)",
        "check_before_production": "compare against the current SBB dossiers",
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "catalog"
    catalog = build(folder)
    write_catalog(catalog, default_catalog_path(), "yaml")
    print(f"wrote {default_catalog_path()}: {len(catalog.qualifications)} qualifications, "
          f"{len(catalog.units)} units, {len(catalog.outcome_unit)} outcomes")


if __name__ == "__main__":
    main()
