"""Entry point: builds the command tree and turns user errors into one line on stderr."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from opmaat.cli import (
    backup,
    catalog,
    credentials,
    database,
    match,
    prescan,
    routes,
    tokens,
    workforce,
)
from opmaat.cli.errors import UserError, error_line
from opmaat.domain.errors import DomainError
from opmaat.env import EnvError
from opmaat.messages import message

app = typer.Typer(
    name="opmaat",
    help="Opleiden op maat: catalogus, routes en erkenning voor mbo-opleidingen in zorg en "
    "welzijn.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(catalog.app, name="catalog")
app.add_typer(tokens.app, name="token")
app.add_typer(workforce.app, name="workforce")
database.register(app)
routes.register(app)
match.register(app)
prescan.register(app)
credentials.register(app)
backup.register(app)


def run(argv: Sequence[str] | None = None) -> None:
    """Run the command; exits 0 on success, 1 with one line on stderr on a user error:
    `opmaat: fout [<code>]: <Dutch message>` for a refusal of the domain."""
    try:
        result = app(
            args=list(argv) if argv is not None else None, prog_name="opmaat", standalone_mode=False
        )
    except typer.TyperException as error:  # a mistake in the command line: usage and exit 2
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            print(f"opmaat: {error}", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", 2))
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("opmaat: afgebroken", file=sys.stderr)
        sys.exit(130)
    except DomainError as error:  # in Dutch, with its code
        print(error_line(message(error), error.code), file=sys.stderr)
        sys.exit(1)
    except UserError as error:
        print(error_line(str(error), error.code), file=sys.stderr)
        sys.exit(1)
    except EnvError as error:
        print(error_line(str(error)), file=sys.stderr)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    run()
