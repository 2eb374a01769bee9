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
    Leerweg,
    PlannedItem,
    ReachOption,
    Route,
    StudyTime,
    plan_route,
    reach,
    reach_document,
    route_document,
    study_time,
)
from opmaat.domain.routes.explain import admission_facts
from opmaat.explanations import (
    DUTCH,
    Voice,
    add_reach_texts,
    add_route_texts,
    admission_reason,
    route_sentences,
)

KIND_LABELS = {"qualification": "kwalificatie", "certificate": "certificaat", "unit": "leereenheid"}
PATHWAYS = {
    "bol": Leerweg.BOL,
    "bbl": Leerweg.BBL,
    "derde": Leerweg.DERDE,
    "derde_leerweg": Leerweg.DERDE,
}
TRACK_LABELS = {"vocational": "beroep", "generic": "generiek", "elective": "keuzedeel"}

HaveOption = Annotated[
    str,
    typer.Option(
        "--have",
        help="Wat je al hebt, met komma's: crebocodes van diploma's, certificaat-, onderdeel- "
        "of werkprocescodes, vooropleiding (HAVO, VMBO-KB, MBO-4 …).",
    ),
]
ElectiveOption = Annotated[
    float,
    typer.Option(
        "--elective-hours", min=0, help="Keuzedeeluren die al gedaan of vrijgesteld zijn."
    ),
]
ExemptOption = Annotated[
    str,
    typer.Option(
        "--exempt",
        help="Vrijstellingen, met komma's: onderdelen, werkprocessen, generieke vakken.",
    ),
]
StartOption = Annotated[
    str | None, typer.Option("--start", help="Startdatum, YYYY-MM-DD (standaard vandaag).")
]
PathwayOption = Annotated[
    str, typer.Option("--pathway", help="bol (standaard), bbl of derde (de derde leerweg).")
]
WorkOption = Annotated[
    float | None,
    typer.Option(
        "--work-hours-per-week",
        help="BBL: contracturen bij het leerbedrijf (standaard 32); die tellen als studielast.",
    ),
]
StudyOption = Annotated[
    float | None,
    typer.Option(
        "--study-hours-per-week",
        "--hours-per-week",
        help="Studie-uren per lesweek: BOL de hele week (standaard 40), BBL zelfstudie "
        "(standaard 8), derde leerweg in je eigen tempo (standaard 20).",
    ),
]
ExamOnlyOption = Annotated[
    str,
    typer.Option(
        "--exam-only",
        help="Generieke vakken die je al beheerst, met komma's (NL-2F, REK-3, EN-B1, LB): "
        "alleen het examen wordt gepland.",
    ),
]
CutOption = Annotated[
    str | None,
    typer.Option(
        "--cut", help="Plan met een andere gepubliceerde indeling in onderdelen (bijv. kerntaken)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Toon het JSON-document.")]
CatalogOption = Annotated[
    Path | None,
    typer.Option("--catalog", help="Plan met dit catalogusbestand in plaats van de database."),
]


def register(app: typer.Typer) -> None:
    app.command("route")(route)
    app.command("reach")(reach_command)


def route(
    target: Annotated[str, typer.Option("--target", help="Crebo-, onderdeel- of certificaatcode.")],
    have: HaveOption = "",
    exempt: ExemptOption = "",
    elective_hours: ElectiveOption = 0.0,
    start: StartOption = None,
    pathway: PathwayOption = "bol",
    work_hours_per_week: WorkOption = None,
    study_hours_per_week: StudyOption = None,
    exam_only: ExamOnlyOption = "",
    cut: CutOption = None,
    as_json: JsonOption = False,
    catalog_file: CatalogOption = None,
) -> None:
    """De kortste erkende route naar een doel: wat nog nodig is, op welk spoor, wanneer,
    naast de nominale duur."""
    catalog = planning_catalog(catalog_file)
    holdings = parse_holdings(catalog, have, exempt, elective_hours)
    time = parse_time(pathway, study_hours_per_week, work_hours_per_week)
    planned = plan_route(
        catalog, target.strip(), holdings, parse_start(start), time, split_codes(exam_only), cut
    )
    if as_json:
        print_json(add_route_texts(route_document(planned)))
    else:
        show_route(planned, Voice(name=catalog.name_of))


def reach_command(
    months: Annotated[int, typer.Option("--months", help="Beschikbare maanden.", min=1, max=120)],
    have: HaveOption = "",
    exempt: ExemptOption = "",
    elective_hours: ElectiveOption = 0.0,
    start: StartOption = None,
    pathway: PathwayOption = "bol",
    work_hours_per_week: WorkOption = None,
    study_hours_per_week: StudyOption = None,
    exam_only: ExamOnlyOption = "",
    as_json: JsonOption = False,
    catalog_file: CatalogOption = None,
) -> None:
    """Kwalificaties en certificaten die binnen N maanden haalbaar zijn, dichtstbijzijnde eerst;
    daarna die niet voor je openstaan (toelatingsregels), met de reden."""
    catalog = planning_catalog(catalog_file)
    holdings = parse_holdings(catalog, have, exempt, elective_hours)
    time = parse_time(pathway, study_hours_per_week, work_hours_per_week)
    begin = parse_start(start)
    options = reach(catalog, holdings, months, begin, time, split_codes(exam_only))
    if as_json:
        print_json(add_reach_texts(reach_document(options, months=months, start=begin, time=time)))
    else:
        show_reach(options, months)


def parse_time(pathway: str, study_hours: float | None, work_hours: float | None) -> StudyTime:
    chosen = PATHWAYS.get(pathway.strip().lower())
    if chosen is None:
        raise UserError(f"onbekende --pathway ‘{pathway}’: verwacht bol, bbl of derde")
    return study_time(chosen, study_hours, work_hours)


def planning_catalog(catalog_file: Path | None) -> Catalog:
    """The catalog to plan with: a given file, else the database, else the shipped default."""
    from opmaat.catalog.files import default_catalog_path
    from opmaat.cli.catalog import read_or_report

    if catalog_file is not None:
        return read_or_report(catalog_file)
    if django_setup.has_catalog():
        from opmaat.catalog.services import read_catalog

        return read_catalog()
    err(
        "opmaat: opmerking: nog geen catalogus in de database (`opmaat init`); "
        "de standaardcatalogus van opmaat wordt gebruikt"
    )
    return read_or_report(default_catalog_path())


def parse_holdings(
    catalog: Catalog, have: str, exempt: str, elective_hours: float = 0.0
) -> Holdings:
    """Werkproces codes count as outcomes passed; everything else as held."""
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
        raise UserError(
            f"ongeldige datum ‘{text}’: verwacht JJJJ-MM-DD, bijvoorbeeld 2027-02-01"
        ) from None


def show_route(route: Route, voice: Voice = DUTCH) -> None:
    """The route in Dutch: dates as 4 januari 2027, hours as 1.560, generic subjects by
    name (`voice`: opmaat.explanations.Voice, with the catalog's names)."""
    t = route.target
    warning = (
        "  [bold yellow]VOORLOPIG: structuur niet geverifieerd[/]" if route.provisional else ""
    )
    console.print(f"[bold]Route naar {t.code} {t.name}[/] (niveau {t.level}){warning}")
    if t.superseded_by:
        console.print(f"[yellow]Vervangen door {', '.join(t.superseded_by)}[/]")
    document = route_document(route)
    if not route.open:
        console.print(
            f"[bold red]Niet toegankelijk:[/] {admission_reason(admission_facts(route.admission))}"
        )
    console.print(
        f"Start {day(route.start)} · totaal {hours(route.total_hours)} uur · "
        f"klaar op [bold]{day(route.completion_date)}[/] "
        f"({months_text(route.months)}; nominaal {months_text(route.nominal_months)})"
    )
    if route.items:
        console.print(route_table(route))
    for sentence in route_sentences(document, voice)[1:]:
        console.print(f"· {sentence}")
    if route.covered_units:
        console.print(f"Al behaald of vrijgesteld: {voice.names(route.covered_units)}")


def months_text(months: float) -> str:
    return f"{DUTCH.amount(months)} maanden"


def route_table(route: Route) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Code", min_width=max(len(item.code) for item in route.items))
    table.add_column("Onderdeel", min_width=24)
    table.add_column("Spoor")
    table.add_column("Uren", justify="right")
    for name in ["Start", "Einde", "Planning"]:
        table.add_column(name, no_wrap=True)
    for number, item in enumerate(route.items, 1):
        table.add_row(
            str(number),
            item.code,
            item_label(item),
            TRACK_LABELS.get(item.track.value, item.track.value),
            hours(item.hours),
            day(item.start),
            day(item.end),
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
    if item.exam_only:
        notes.append("alleen examen")
    if item.obligation:
        notes.append("inspanningsverplichting")
    if item.provisional:
        notes.append("voorlopig")
    return item.title + (f" ({'; '.join(notes)})" if notes else "")


def timeline_bar(route: Route, item: PlannedItem, width: int = 24) -> str:
    span = max((route.completion_date - route.start).days, 1)
    begin = round((item.start - route.start).days / span * width)
    end = max(round((item.end - route.start).days / span * width), begin + 1)
    return "·" * begin + "█" * (end - begin) + "·" * (width - end)


def hours(value: float) -> str:
    """Whole hours with a Dutch thousands separator: 2.120 (Voice.hours)."""
    return DUTCH.hours(value)


def day(value: date) -> str:
    """A date in a Dutch sentence or table: 4 januari 2027 (Voice.day)."""
    return DUTCH.day(value)


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
        if not o.open:
            name += " (niet toegankelijk)"
        table.add_row(
            o.code,
            name,
            KIND_LABELS.get(o.kind, o.kind),
            str(o.level or ""),
            hours(o.total_hours),
            day(o.completion_date),
        )
    console.print(table)
    for o in options:
        if not o.open:
            console.print(f"{o.code}: {admission_reason(admission_facts(o.admission))}")
