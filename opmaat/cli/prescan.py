"""`opmaat prescan`: the vrijstellingsscan from the command line."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, cast

import typer
import yaml
from rich.table import Table

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import console, err, print_json
from opmaat.cli.routes import (
    CatalogOption,
    HaveOption,
    JsonOption,
    PathwayOption,
    StartOption,
    StudyOption,
    WorkOption,
    hours,
    months_text,
    parse_start,
    parse_time,
    planning_catalog,
    split_codes,
)
from opmaat.domain.prescan.scan import (
    DEFAULT_RULES,
    CanDo,
    Estimate,
    InvalidAnswer,
    OutcomeNotInTarget,
    PrescanResult,
    PrescanRules,
    parse_can_do,
    prescan_document,
    run_prescan,
)
from opmaat.explanations import add_prescan_texts, prescan_sentences, unit_reason
from opmaat.messages import message

ESTIMATE_LABELS = {
    Estimate.CERTAIN: "[bold green]zeker[/]",
    Estimate.LIKELY: "[green]waarschijnlijk[/]",
    Estimate.POSSIBLE: "[yellow]mogelijk[/]",
    Estimate.UNLIKELY: "[red]onwaarschijnlijk[/]",
}
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def register(app: typer.Typer) -> None:
    app.command("prescan")(prescan)


def prescan(
    target: Annotated[str, typer.Option("--target", help="Crebo-, onderdeel- of certificaatcode.")],
    have: HaveOption = "",
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="YAML- of JSON-bestand: werkprocescode → "
            "never|with_help|on_my_own|teaches_others.",
        ),
    ] = None,
    pathway: PathwayOption = "bol",
    work_hours_per_week: WorkOption = None,
    study_hours_per_week: StudyOption = None,
    start: StartOption = None,
    as_json: JsonOption = False,
    catalog_file: CatalogOption = None,
) -> None:
    """Voor welke onderdelen van een doel je waarschijnlijk vrijstelling krijgt, en hoe lang de
    rest duurt in je leerweg, naast de nominale duur."""
    time = parse_time(pathway, study_hours_per_week, work_hours_per_week)
    begin = parse_start(start)
    answers, lines = read_answers(answers_file) if answers_file else ({}, {})
    catalog = planning_catalog(catalog_file)
    rules = DEFAULT_RULES if catalog_file else database_rules()
    try:
        result = run_prescan(
            catalog, target.strip(), split_codes(have), answers, rules, time, begin
        )
    except OutcomeNotInTarget as error:
        assert answers_file is not None  # answers only come from the file
        line = lines.get(error.outcome.upper())
        raise UserError(
            f"{place(str(answers_file), line, error.outcome)}: {message(error)}", error.code
        ) from None
    if as_json:
        print_json(add_prescan_texts(prescan_document(result)))
    else:
        show_prescan(result)


def database_rules() -> PrescanRules:
    """The editor's rules when the database has them; the defaults otherwise (the same
    fallback as the catalog: a fresh machine still gets an answer)."""
    if not django_setup.has_catalog():
        return DEFAULT_RULES
    from django.db import DatabaseError

    from opmaat.prescan.services import current_rules

    try:
        return current_rules()
    except DatabaseError:
        err(
            "opmaat: opmerking: de pre-scanregels staan nog niet in de database; "
            "de standaardregels worden gebruikt"
        )
        return DEFAULT_RULES


def read_answers(path: Path) -> tuple[dict[str, CanDo], dict[str, int]]:
    """The answers in `path` by outcome code, and the line number of each code where the
    format tells it. Every problem names the file, the line and the werkproces."""
    name = str(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UserError(f"{name}: onbekend bestandstype (verwacht .yaml, .yml of .json)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{name}: bestand bestaat niet") from None
    except UnicodeDecodeError as error:
        raise UserError(f"{name}: geen UTF-8-tekst (bij byte {error.start})") from None
    except OSError as error:
        raise UserError(f"kan {name} niet lezen: {error.strerror or error}") from None
    data, lines = parse_yaml(name, text) if fmt == "yaml" else parse_json(name, text)
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise UserError(f"{name}: verwacht per werkprocescode een antwoord (code: antwoord)")
    answers: dict[str, CanDo] = {}
    for key, value in data.items():
        code = str(key).strip()
        try:
            answers[code] = parse_can_do(value)
        except InvalidAnswer as error:
            where = place(name, lines.get(code.upper()), code)
            raise UserError(f"{where}: {message(error)}", error.code) from None
    return answers, lines


def place(name: str, line: int | None, code: str = "") -> str:
    """Where in the answers file: "answers.yaml, regel 3, werkproces 23312-P2-K1-W1"."""
    parts = [name]
    if line is not None:
        parts.append(f"regel {line}")
    if code:
        parts.append(f"werkproces {code}")
    return ", ".join(parts)


def parse_yaml(name: str, text: str) -> tuple[object, dict[str, int]]:
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = place(name, mark.line + 1 if mark is not None else None)
        problem = getattr(error, "problem", None) or "ongeldige syntaxis"
        raise UserError(f"{where}: geen geldige YAML ({problem})") from None
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            lines.setdefault(str(key.value).strip().upper(), key.start_mark.line + 1)
    return data, lines


def parse_json(name: str, text: str) -> tuple[object, dict[str, int]]:
    try:
        data = json.loads(text) if text.strip() else None
    except json.JSONDecodeError as error:
        where = place(name, error.lineno)
        raise UserError(f"{where}: geen geldige JSON ({error.msg})") from None
    lines: dict[str, int] = {}
    if isinstance(data, dict):
        for number, line in enumerate(text.splitlines(), 1):
            for key in data:
                if f'"{key}"' in line:
                    lines.setdefault(str(key).strip().upper(), number)
    return data, lines


def show_prescan(result: PrescanResult) -> None:
    t = result.target
    warning = (
        "  [bold yellow]VOORLOPIG: structuur niet geverifieerd[/]" if result.provisional else ""
    )
    console.print(f"[bold]Vrijstellingsscan voor {t.code} {t.name}[/] (niveau {t.level}){warning}")
    document = add_prescan_texts(prescan_document(result))
    if not result.open:
        console.print(f"[bold red]Niet toegankelijk:[/] {document['reason']}")
    if result.units:
        console.print(estimate_table(result, document))
    console.print(
        f"Hele opleiding {hours(result.full_hours)} uur ({months_text(result.full.months)} "
        f"op deze leerweg) · nog nodig (verwacht) [bold]{hours(result.remaining_hours)} uur, "
        f"{months_text(result.expected.months)}[/]"
    )
    for sentence in prescan_sentences(document):
        console.print(f"· {sentence}")
    console.print("Een inschatting, geen besluit: over vrijstellingen beslist de examencommissie.")


def estimate_table(result: PrescanResult, document: Mapping[str, object]) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Code", no_wrap=True)
    table.add_column("Onderdeel", min_width=24)
    table.add_column("Uren", justify="right")
    table.add_column("Erkend", justify="right")
    table.add_column("Inschatting", no_wrap=True)
    table.add_column("Waarom", min_width=30)
    reasons = [unit_reason(u) for u in cast(list[dict[str, object]], document["units"])]
    for unit, reason in zip(result.units, reasons, strict=True):
        title = unit.title + (" (voorlopig)" if unit.provisional else "")
        table.add_row(
            unit.code,
            title,
            hours(unit.hours),
            f"{len(unit.credited)}/{len(unit.werkprocessen)}",
            ESTIMATE_LABELS[unit.estimate],
            reason,
        )
    return table
