"""`opmaat workforce reminders [--days N] [--json]`: the bekwaamheidsverklaringen that run
out soon or have run out, for every care organisation (issue 16)."""

from __future__ import annotations

from typing import Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import out, print_json

app = typer.Typer(help="Personeel van zorgorganisaties.", no_args_is_help=True)


def prepared() -> None:
    if not django_setup.database_exists():
        raise UserError("nog geen database; voer eerst `opmaat init` uit")
    django_setup.setup()


@app.command("reminders")
def reminders(
    days: Annotated[int, typer.Option(help="Hoeveel dagen vooruit.", min=0)] = 31,
    as_json: Annotated[bool, typer.Option("--json", help="Toon een JSON-document.")] = False,
) -> None:
    """Bekwaamheidsverklaringen die binnen DAYS dagen verlopen of al verlopen zijn."""
    prepared()
    from opmaat.workforce.services import reminders as due

    found = due(days)
    if as_json:
        print_json(
            {
                "format": "opmaat-reminders/1",
                "days": days,
                "reminders": [
                    {
                        "organisation": r.organisation,
                        "personnel_number": r.personnel_number,
                        "employee": r.employee,
                        "team": r.team,
                        "act": r.act,
                        "act_name": r.act_name,
                        "valid_until": r.valid_until.isoformat(),
                        "expired": r.expired,
                    }
                    for r in found
                ],
            }
        )
        return
    for r in found:
        state = "verlopen" if r.expired else "verloopt"
        out(
            f"{r.valid_until.isoformat()}  {state}  {r.organisation} · {r.team} · "
            f"{r.employee} ({r.personnel_number}): {r.act_name}"
        )
    if not found:
        out(f"Geen bekwaamheidsverklaringen die binnen {days} dagen verlopen.")
