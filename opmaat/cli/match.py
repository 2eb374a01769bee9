"""`opmaat match`: regional internship matching (stagematching) on a places and a students
file, without the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from opmaat.cli.errors import UserError
from opmaat.cli.output import console, err, print_json, progress
from opmaat.messages import add_matching_texts, matching_texts

if TYPE_CHECKING:
    from opmaat.domain.matching import Explanation, Matching, Summary
    from opmaat.domain.matching.model import Instance

SEED_MAX = 2**31 - 1
RETURN_DAYS = 14  # opmaat.domain.matching.DEFAULT_RETURN_DAYS, without importing numpy here
TOP_ORGANISATIONS = 10


def register(app: typer.Typer) -> None:
    app.command("match")(match_command)


def match_command(
    places: Annotated[
        Path, typer.Option("--places", help="Plaatsenbestand (.csv of .xlsx).", show_default=False)
    ],
    students: Annotated[
        Path,
        typer.Option("--students", help="Studentenbestand (.csv of .xlsx).", show_default=False),
    ],
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", min=0, max=SEED_MAX, help="Seed van de loting (standaard een nieuwe)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Toon het JSON-document.")] = False,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Schrijf de toewijzingen weg (.csv of .xlsx)."),
    ] = None,
    fill: Annotated[
        bool,
        typer.Option("--fill", help="Vul overgebleven plaatsen met niet-geplaatste studenten."),
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Leg de uitkomst van elke student uit.")
    ] = False,
    max_choices: Annotated[
        int, typer.Option("--max-choices", min=0, help="Langste voorkeurenlijst (0: onbeperkt).")
    ] = 0,
    final_date: Annotated[
        str | None,
        typer.Option("--final-date", help="Datum van de definitieve matching, YYYY-MM-DD."),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Datum van deze ronde (standaard vandaag).")
    ] = None,
    return_days: Annotated[
        int,
        typer.Option(
            "--return-days",
            min=0,
            help="Zoveel dagen voor de definitieve matching komen gereserveerde plaatsen vrij.",
        ),
    ] = RETURN_DAYS,
) -> None:
    """Koppel studenten aan stageplaatsen: stabiel, zo gunstig mogelijk voor studenten, gelijke
    kansen beslist door loting."""
    from opmaat.domain.matching import explain as explain_all
    from opmaat.domain.matching import match, match_document, new_seed, summarise
    from opmaat.matching.files import read_instance, write_assignments

    if output is not None and output.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(
            f"kan {output} niet schrijven: verwacht een bestandsnaam die eindigt op .csv of .xlsx"
        )
    chosen_seed = new_seed() if seed is None else seed
    with progress("Stagematching") as step:
        step("Bestanden lezen")
        files = read_instance(places, students, max_choices)
        for note in files.notes:
            err(f"opmaat: opmerking: {note}")
        instance = with_reservations(files.instance, final_date, on, return_days)
        step("Matchen")
        matching = match(instance, chosen_seed, fill=fill)
        summary = summarise(matching)
        if output is not None:
            step("Schrijven")
            write_assignments(matching, summary, output)
        explanations = explain_all(matching) if explain else None
    if as_json:
        print_json(add_matching_texts(match_document(matching, explanations, summary)))
    else:
        show_summary(matching, summary, picked=seed is None)
        if explanations is not None:
            show_explanations(explanations)


def with_reservations(
    instance: Instance, final_date: str | None, on: str | None, return_days: int
) -> Instance:
    """Lift reservations at and after the return deadline; without --final-date they hold."""
    from opmaat.domain.matching import Instance, release_reservations, return_deadline

    reserved = sum(1 for p in instance.places if p.reserved_for)
    if final_date is None:
        if reserved:
            err(
                f"opmaat: opmerking: {places_are(reserved)} gereserveerd voor een school; geef "
                "--final-date om ze op de terugvaldatum terug te geven aan alle scholen"
            )
        return instance
    final, today = parse_day(final_date, "--final-date"), parse_day(on, "--date")
    places = release_reservations(instance.places, today, final, return_days)
    if reserved and places != instance.places:
        deadline = return_deadline(final, return_days)
        err(
            f"opmaat: opmerking: {places_are(reserved, 'gereserveerde ')} sinds {deadline} "
            "terug voor alle scholen"
        )
    return Instance(places, instance.students)


def places_are(count: int, kind: str = "") -> str:
    """The count with its noun and verb: 1 plaats is, 3 gereserveerde plaatsen zijn."""
    return f"1 {kind}plaats is" if count == 1 else f"{count} {kind}plaatsen zijn"


def parse_day(text: str | None, option: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"ongeldige {option} ‘{text}’: verwacht JJJJ-MM-DD, bijvoorbeeld 2027-06-01"
        ) from None


def show_summary(m: Matching, summary: Summary, picked: bool) -> None:
    from opmaat.domain.matching import is_stable

    console.print(
        f"[bold]Stagematching:[/] {number(summary.matched)} van {number(summary.students)} "
        f"studenten geplaatst ({percent(summary.matched_pct)})"
    )
    repeat = f" (herhaal met --seed {m.seed})" if picked else ""
    stable = "ja" if is_stable(m) else "[bold red]nee[/]"
    console.print(f"Loting: seed {m.seed}{repeat} · stabiel: {stable}")
    console.print(rank_table(summary))
    console.print(
        f"Onbenutte plaatsen: {number(summary.unused_capacity)} van {number(summary.capacity)}"
    )
    if summary.unused_by_organisation:
        console.print(unused_table(summary))


def rank_table(summary: Summary) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Uitkomst")
    table.add_column("Studenten", justify="right")
    table.add_column("Aandeel", justify="right")
    rows = [(f"voorkeur {rank}", count) for rank, count in summary.by_rank.items()]
    if summary.fill is not None:
        rows.append(("aanvulronde", summary.fill))
    rows.append(("niet geplaatst", summary.unmatched))
    for label, count in rows:
        share = 100 * count / summary.students if summary.students else 0.0
        table.add_row(label, number(count), percent(share))
    return table


def unused_table(summary: Summary) -> Table:
    ranked = sorted(summary.unused_by_organisation.items(), key=lambda item: -item[1])
    table = Table(show_edge=False, pad_edge=False)
    table.add_column(f"Organisatie (de {TOP_ORGANISATIONS} met de meeste onbenutte plaatsen)")
    table.add_column("Plaatsen", justify="right")
    for name, seats in ranked[:TOP_ORGANISATIONS]:
        table.add_row("(onbekend)" if name == "(unknown)" else name, number(seats))
    return table


def show_explanations(explanations: list[Explanation]) -> None:
    from opmaat.domain.matching.documents import explanation

    for e in explanations:
        text, refusals = matching_texts(explanation(e))
        console.print(f"[bold]{e.student}[/]: {text}", soft_wrap=True)
        for said in refusals:
            console.print(f"  {said}", soft_wrap=True)


def number(value: int) -> str:
    """A count with a Dutch thousands separator: 4.512."""
    return f"{value:,}".replace(",", ".")


def percent(value: float) -> str:
    return f"{value:.1f} %".replace(".", ",")
