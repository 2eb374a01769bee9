"""Entry point: builds the command tree and turns user errors into one line on stderr."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click
import typer

from opmaat.cli import catalog, database, routes
from opmaat.cli.errors import UserError
from opmaat.domain.errors import DomainError
from opmaat.env import EnvError

app = typer.Typer(
    name="opmaat",
    help="Opleiden op maat: catalog, routes and recognition for Dutch care and welfare training.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(catalog.app, name="catalog")
database.register(app)
routes.register(app)


def run(argv: Sequence[str] | None = None) -> None:
    """Run the command; exits 0 on success, 1 with `opmaat: <message>` on a user error."""
    try:
        result = app(
            args=list(argv) if argv is not None else None, prog_name="opmaat", standalone_mode=False
        )
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        print("opmaat: aborted", file=sys.stderr)
        sys.exit(130)
    except (DomainError, UserError, EnvError) as error:
        print(f"opmaat: {error}", file=sys.stderr)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    run()
