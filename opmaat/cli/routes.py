"""`opmaat route` and `opmaat reach`: the shortest recognised route, and what is in reach."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import console, err, print_json
from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.routes import (
    Holdings,
    PlannedItem,
    ReachOption,
    Route,
    plan_route,
    reach,
    reach_document,
    route_document,
)

DEFAULT_HOURS_PER_WEEK = 20.0
KIND_LABELS = {"qualification": "kwalificatie", "certificate": "certificaat", "unit": "leereenheid"}

HaveOption = Annotated[
    str,
    typer.Option(
        "--have",
        help="What is already held, comma-separated: crebo codes of diplomas, certificate, "
        "unit or outcome codes.",
    ),
]
ElectiveOption = Annotated[
    float,
    typer.Option("--elective-hours", min=0, help="Keuzedeel hours already done or exempted."),
]
ExemptOption = Annotated[
    str, typer.Option("--exempt", help="Units exempted (vrijstellingen), comma-separated.")
]
StartOption = Annotated[
    str | None, typer.Option("--start", help="Start date, YYYY-MM-DD (default: today).")
]
PaceOption = Annotated[float, typer.Option("--hours-per-week", help="Study hours per week.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the JSON document.")]
CatalogOption = Annotated[
    Path | None,
    typer.Option("--catalog", help="Plan with this catalog file instead of the database."),
]


def register(app: typer.Typer) -> None:
    app.command("route")(route)
    app.command("reach")(reach_command)


def route(
    target: Annotated[str, typer.Option("--target", help="Crebo, unit or certificate code.")],
    have: HaveOption = "",
    exempt: ExemptOption = "",
    elective_hours: ElectiveOption = 0.0,
    start: StartOption = None,
    hours_per_week: PaceOption = DEFAULT_HOURS_PER_WEEK,
    as_json: JsonOption = False,
    catalog_file: CatalogOption = None,
) -> None:
    """The shortest recognised route to a target: what is still needed, in which order, when."""
    catalog = planning_catalog(catalog_file)
    holdings = parse_holdings(catalog, have, exempt, elective_hours)
    planned = plan_route(
        catalog, target.strip(), holdings, parse_start(start), check_pace(hours_per_week)
    )
    if as_json:
        print_json(route_document(planned))
    else:
        show_route(planned)


def reach_command(
    months: Annotated[int, typer.Option("--months", help="Months available.", min=1, max=120)],
    have: HaveOption = "",
    exempt: ExemptOption = "",
    elective_hours: ElectiveOption = 0.0,
    start: StartOption = None,
    hours_per_week: PaceOption = DEFAULT_HOURS_PER_WEEK,
    as_json: JsonOption = False,
    catalog_file: CatalogOption = None,
) -> None:
    """Qualifications and certificates reachable within N months, nearest first."""
    catalog = planning_catalog(catalog_file)
    holdings = parse_holdings(catalog, have, exempt, elective_hours)
    begin = parse_start(start)
    options = reach(catalog, holdings, months, begin, check_pace(hours_per_week))
    if as_json:
        print_json(
            reach_document(options, months=months, start=begin, hours_per_week=hours_per_week)
        )
    else:
        show_reach(options, months)


def planning_catalog(catalog_file: Path | None) -> Catalog:
    """The catalog to plan with: a given file, else the database, else the shipped default."""
    from opmaat.catalog_files import default_catalog_path
    from opmaat.cli.catalog import read_or_report

    if catalog_file is not None:
        return read_or_report(catalog_file)
    if django_setup.has_catalog():
        from opmaat.catalog.services import read_catalog

        return read_catalog()
    err(
        "opmaat: note: no catalog in the database yet (`opmaat init`); "
        "using the default catalog shipped with opmaat"
    )
    return read_or_report(default_catalog_path())


def parse_holdings(
    catalog: Catalog, have: str, exempt: str, elective_hours: float = 0.0
) -> Holdings:
    held = [catalog.resolve(code) for code in split_codes(have)]
    return Holdings(
        codes=tuple(c for c in held if catalog.kind_of(c) != CodeKind.OUTCOME),
        outcomes=tuple(c for c in held if catalog.kind_of(c) == CodeKind.OUTCOME),
        exemptions=tuple(catalog.resolve(code) for code in split_codes(exempt)),
        elective_hours=elective_hours,
    )


def split_codes(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def parse_start(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"bad date {text!r}: expected YYYY-MM-DD, e.g. 2027-02-01") from None


def check_pace(hours_per_week: float) -> float:
    if not 0 < hours_per_week <= 80:
        raise UserError(
            f"bad --hours-per-week {hours_per_week:g}: expected more than 0, at most 80"
        )
    return hours_per_week


def show_route(route: Route) -> None:
    t = route.target
    warning = (
        "  [bold yellow]VOORLOPIG: structuur niet geverifieerd[/]" if route.provisional else ""
    )
    console.print(f"[bold]Route naar {t.code} {t.name}[/] (niveau {t.level}){warning}")
    console.print(
        f"Start {route.start:%Y-%m-%d} · {route.hours_per_week:g} uur per week · "
        f"totaal {hours(route.total_hours)} uur · "
        f"klaar op [bold]{route.completion_date:%Y-%m-%d}[/]"
    )
    if not route.items:
        console.print("Niets meer nodig: alles is al behaald of vrijgesteld.")
    else:
        console.print(route_table(route))
    if route.covered_units:
        console.print(f"Al behaald of vrijgesteld: {', '.join(route.covered_units)}")


def route_table(route: Route) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Code", min_width=max(len(item.code) for item in route.items))
    table.add_column("Onderdeel", min_width=24)
    table.add_column("Uren", justify="right")
    for name in ["Start", "Einde", "Planning"]:
        table.add_column(name, no_wrap=True)
    for number, item in enumerate(route.items, 1):
        table.add_row(
            str(number),
            item.code,
            item_label(item),
            hours(item.hours),
            f"{item.start:%Y-%m-%d}",
            f"{item.end:%Y-%m-%d}",
            timeline_bar(route, item),
        )
    return table


def item_label(item: PlannedItem) -> str:
    notes = []
    if item.partial:
        count = len(item.missing_outcomes)
        notes.append(f"deels: nog {count} {'leerresultaat' if count == 1 else 'leerresultaten'}")
    if item.for_prerequisite:
        notes.append("voorwaarde")
    if item.provisional:
        notes.append("voorlopig")
    return item.title + (f" ({'; '.join(notes)})" if notes else "")


def timeline_bar(route: Route, item: PlannedItem, width: int = 24) -> str:
    span = max((route.completion_date - route.start).days, 1)
    begin = round((item.start - route.start).days / span * width)
    end = max(round((item.end - route.start).days / span * width), begin + 1)
    return "·" * begin + "█" * (end - begin) + "·" * (width - end)


def hours(value: float) -> str:
    """Whole hours with a Dutch thousands separator: 2.120."""
    return f"{value:,.0f}".replace(",", ".")


def show_reach(options: list[ReachOption], months: int) -> None:
    if not options:
        console.print(
            f"Binnen {months} maanden is bij dit tempo geen kwalificatie of "
            "certificaat haalbaar. Probeer meer uren per week of meer maanden."
        )
        return
    table = Table(show_edge=False, pad_edge=False, title=f"Haalbaar binnen {months} maanden")
    table.add_column("Code", min_width=max(len(o.code) for o in options))
    for name in ["Naam", "Soort", "Niveau", "Uren", "Klaar op"]:
        table.add_column(name, justify="right" if name == "Uren" else "left")
    for o in options:
        name = o.name + (" (voorlopig)" if o.provisional else "")
        table.add_row(
            o.code,
            name,
            KIND_LABELS.get(o.kind, o.kind),
            str(o.level or ""),
            hours(o.total_hours),
            f"{o.completion_date:%Y-%m-%d}",
        )
    console.print(table)
