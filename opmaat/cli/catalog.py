"""`opmaat catalog load|export|validate`: the catalog in and out of the database."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import err, out, print_json
from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.reload import ReloadImpact
from opmaat.domain.errors import InvalidCatalog
from opmaat.messages import message, problem_text

app = typer.Typer(help="De catalogus inlezen, exporteren en controleren.", no_args_is_help=True)


class ExportFormat(enum.StrEnum):
    yaml = "yaml"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def read_or_report(path: Path) -> Catalog:
    """Read a catalog file; on problems print every one of them, then fail with a summary."""
    from opmaat.catalog.files import read_catalog

    try:
        return read_catalog(path)
    except InvalidCatalog as error:
        for problem in error.problems:
            err(problem_text(problem))
        raise UserError(
            f"{path}: {problems(len(error.problems))}; er is niets opgeslagen"
        ) from None


@app.command("validate")
def validate(
    file: Annotated[
        Path, typer.Argument(help="Catalogusbestand: .yaml, .json, .xlsx, .zip of map.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Toon een JSON-rapport.")] = False,
) -> None:
    """Controleer een catalogusbestand zonder iets te schrijven; exitcode 1 bij problemen."""
    from opmaat.catalog.files import read_catalog

    try:
        catalog = read_catalog(file)
    except InvalidCatalog as error:
        if as_json:
            print_json(
                {
                    "file": str(file),
                    "valid": False,
                    "problems": [
                        {
                            "file": p.file,
                            "location": p.location,
                            "field": p.field,
                            "message": p.message,
                        }
                        for p in error.problems
                    ],
                }
            )
            raise typer.Exit(1) from None
        for problem in error.problems:
            out(problem_text(problem))
        raise UserError(f"{file}: {problems(len(error.problems))}") from None
    counts = _counts(catalog)
    if as_json:
        print_json({"file": str(file), "valid": True, "problems": [], "counts": counts})
    else:
        out(f"{file}: valid ({_describe(counts)})")


@app.command("load")
def load(
    file: Annotated[
        Path | None,
        typer.Argument(help="Catalogusbestand; standaard de catalogus die bij opmaat hoort."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Ook inlezen als codes waar deelnemers naar verwijzen niet meer meetellen; hun "
            "routes worden opnieuw gepland.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Toon als JSON wat er vervalt, en voor wie.")
    ] = False,
) -> None:
    """Controleer een catalogusbestand en schrijf het in één transactie naar de database;
    weiger als behaalde onderdelen, routes, EVC-procedures of diploma's van deelnemers
    verwijzen naar codes die vervallen."""
    from opmaat.catalog.files import default_catalog_path

    catalog = read_or_report(file or default_catalog_path())
    django_setup.setup()
    from opmaat.catalog import services
    from opmaat.domain.catalog.reload import CatalogDropsRecognition, impact_document

    try:
        with django_setup.database_errors():
            checked = services.do_load_checked(
                None, catalog, force=force, source=str(file or "default")
            )
    except CatalogDropsRecognition as refused:
        if as_json:
            print_json({**impact_document(refused.impact), "loaded": False})
            raise typer.Exit(1) from None
        for line in impact_lines(refused.impact):
            err(line)
        raise UserError(f"{message(refused)} (--force laadt toch)", refused.code) from None
    if as_json:
        print_json(
            {
                **impact_document(checked.impact),
                "loaded": True,
                "created": checked.report.created,
                "updated": checked.report.updated,
                "replanned": list(checked.replanned),
                "stale": [{"learner": pk, "reason": code} for pk, code in checked.stale],
            }
        )
        return
    for line in impact_lines(checked.impact):
        out(line)
    if checked.impact.blocked:
        out(
            f"Opnieuw gepland: {len(checked.replanned)} route(s); niet opnieuw te plannen, "
            f"gemarkeerd als verouderd: {len(checked.stale)}"
        )
        for pk, code in checked.stale:
            out(f"  deelnemer {pk}: {code}")
    out(f"Loaded {file or 'the default catalog'}: {checked.report} ({_describe(_counts(catalog))})")


LOSSES = {
    "gone": "staat niet meer in de catalogus",
    "emptied": "heeft geen werkprocessen meer (hernoemd?)",
    "unlinked": "hoort bij geen kwalificatie of certificaat meer",
}
USES = {
    "holding": "bezit",
    "route": "route versie",
    "evc": "EVC-traject",
    "credential": "certificaat of diploma",
}


HOLDING_KINDS = {"held": "behaald", "exemption": "vrijstelling", "outcome": "werkproces"}


def use_text(use: str, detail: str) -> str:
    if use == "holding":
        return f"bezit ({HOLDING_KINDS.get(detail, detail)})"
    return f"{USES[use]} {detail}"


def impact_lines(impact: ReloadImpact) -> list[str]:
    """The impact in Dutch lines: the codes that stop counting, then per learner where
    their record refers to them. Nothing when nobody is affected."""
    if not impact.blocked:
        return []
    lines = ["Codes die na het laden niet meer meetellen en waarnaar deelnemers verwijzen:"]
    for code in impact.referenced_codes():
        dropped = impact.loss_of(code)
        if dropped is not None:
            lines.append(f"  {code} {dropped.name}: {LOSSES[dropped.loss.value]}")
    lines.append(f"Deelnemers ({len(impact.learners())}):")
    for learner in impact.learners():
        mine = [r for r in impact.references if r.learner == learner]
        name = mine[0].name or "(gewist)"
        uses = "; ".join(f"{use_text(r.use.value, r.detail)}: {r.code}" for r in mine)
        lines.append(f"  {name} ({learner}): {uses}")
    return lines


@app.command("export")
def export(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Te schrijven bestand: .yaml, .json, .xlsx of .zip."),
    ],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", help="Bestandsformaat; standaard dat van de extensie van de bestandsnaam."
        ),
    ] = None,
) -> None:
    """Schrijf de catalogus uit de database naar een bestand dat `catalog validate` en
    `catalog load` weer inlezen (csv: een .zip met één CSV per tabel)."""
    from opmaat.catalog.files import write_catalog

    chosen = checked_format(output, fmt.value if fmt is not None else None)
    if not django_setup.has_catalog():
        raise UserError(
            f"database {django_setup.database_location()} heeft geen catalogus; "
            "voer `opmaat init` uit"
        )
    from opmaat.catalog import services

    catalog = services.read_catalog()
    try:
        write_catalog(catalog, output, chosen)
    except OSError as error:
        raise UserError(f"kan {output} niet schrijven: {error.strerror}") from None
    out(f"Wrote {output} ({chosen}; {_describe(_counts(catalog))})")


def checked_format(output: Path, fmt: str | None) -> str:
    """The export's format, or a refusal in Dutch with the name to use instead: a file
    named otherwise would not read back as what it holds."""
    from opmaat.catalog.files import EXPORT_SUFFIXES, export_format

    chosen = export_format(output, fmt)
    if chosen is not None:
        return chosen
    if fmt is None:
        raise UserError(
            f"{output}: geef --format of een bestandsnaam die eindigt op .yaml, .json, .xlsx "
            "of .zip"
        )
    better = output.with_suffix(EXPORT_SUFFIXES[fmt][0]).name
    if fmt == "csv":
        raise UserError(
            f"{output}: --format csv schrijft een zip met één CSV-bestand per tabel; "
            f"geef een naam die eindigt op .zip, bijvoorbeeld -o {better}"
        )
    raise UserError(
        f"{output}: een {fmt}-bestand moet eindigen op {' of '.join(EXPORT_SUFFIXES[fmt])}, "
        f"bijvoorbeeld -o {better}"
    )


def problems(count: int) -> str:
    return "1 probleem" if count == 1 else f"{count} problemen"


def _counts(catalog: Catalog) -> dict[str, int]:
    return {
        "qualifications": len(catalog.qualifications),
        "units": len(catalog.units),
        "outcomes": len(catalog.outcome_unit),
        "certificates": len(catalog.certificates),
        "prerequisites": len(catalog.prerequisites),
        "equivalences": len(catalog.equivalences),
    }


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items())
