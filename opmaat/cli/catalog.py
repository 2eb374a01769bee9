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
from opmaat.domain.errors import InvalidCatalog
from opmaat.messages import problem_text

app = typer.Typer(help="Load, export and check the catalog.", no_args_is_help=True)


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
    file: Annotated[Path, typer.Argument(help="Catalog file: .yaml, .json, .xlsx, .zip or dir.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
) -> None:
    """Check a catalog file without writing anything; exit 1 when it has problems."""
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
        Path | None, typer.Argument(help="Catalog file; default: the catalog shipped with opmaat.")
    ] = None,
) -> None:
    """Validate a catalog file and write it to the database in one transaction."""
    from opmaat.catalog.files import default_catalog_path

    catalog = read_or_report(file or default_catalog_path())
    django_setup.setup()
    from opmaat.catalog import services

    with django_setup.database_errors():
        report = services.do_load_catalog(catalog)
    out(f"Loaded {file or 'the default catalog'}: {report} ({_describe(_counts(catalog))})")


@app.command("export")
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")] = ExportFormat.yaml,
) -> None:
    """Write the catalog in the database to a file (csv: a .zip with one CSV per table)."""
    from opmaat.catalog.files import write_catalog

    if not django_setup.has_catalog():
        raise UserError(
            f"database {django_setup.database_location()} heeft geen catalogus; "
            "voer `opmaat init` uit"
        )
    from opmaat.catalog import services

    catalog = services.read_catalog()
    try:
        write_catalog(catalog, output, fmt.value)
    except OSError as error:
        raise UserError(f"kan {output} niet schrijven: {error.strerror}") from None
    out(f"Wrote {output} ({fmt.value}; {_describe(_counts(catalog))})")


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
