"""`opmaat backup -o FILE` and `opmaat restore FILE`: the whole installation to one file and
back (docs/backup.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import out, print_json, progress

STEPS = {
    "check": "controleren",
    "database": "database",
    "files": "bestanden",
    "erasures": "wissingen opnieuw toepassen",
}


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)


def backup_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Het back-upbestand dat geschreven wordt.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Toon het manifest.")] = False,
) -> None:
    """Zet de database, de geüploade bestanden en de (versleutelde) ondertekeningssleutels in
    één back-upbestand."""
    if output.exists():
        raise UserError(f"{output} bestaat al; kies een nieuwe bestandsnaam")
    if not django_setup.database_exists():
        raise UserError("nog geen database; voer eerst `opmaat init` uit")
    django_setup.setup()
    from opmaat.backup import services

    partial = output.with_name(output.name + ".partial")
    try:
        with progress("Back-up") as step:
            manifest = services.backup(partial, lambda s: step(STEPS.get(s, s)))
        os.replace(partial, output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UserError(f"kan {output} niet schrijven: {error.strerror}") from None
    if as_json:
        print_json(manifest.document())
        return
    rows = sum(manifest.counts.values())
    out(
        f"Back-up geschreven naar {output}: {rows} rijen, {len(manifest.files)} bestanden "
        f"({manifest.database}, {manifest.created_at})."
    )
    out(
        "Bewaar OPMAAT_CREDENTIAL_KEY apart: zonder die sleutel zijn de handtekeningen onbruikbaar."
    )


def restore_command(
    source: Annotated[Path, typer.Argument(help="Een bestand van `opmaat backup`.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Vervang alle gegevens zonder te vragen.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Toon wat is teruggezet.")] = False,
) -> None:
    """Vervang alle gegevens en geüploade bestanden door die uit de back-up; wat sinds de
    back-up is gewist, wordt opnieuw gewist."""
    if not source.is_file():
        raise UserError(f"{source}: bestand bestaat niet")
    if not yes and not confirmed(source):
        raise UserError("herstel afgebroken; er is niets veranderd (bevestig met --yes)")
    from opmaat import env

    if env.database_url() is None:
        env.ensure_home()
    django_setup.setup()
    from opmaat.backup import services

    with progress("Herstel") as step:
        restored = services.restore(source, lambda s: step(STEPS.get(s, s)))
    if as_json:
        print_json(
            {
                "manifest": restored.manifest.document(),
                "files": restored.files,
                "erasures_reapplied": list(restored.erasures_reapplied),
            }
        )
        return
    out(
        f"Hersteld uit {source} (gemaakt {restored.manifest.created_at}): "
        f"{sum(restored.manifest.counts.values())} rijen, {restored.files} bestanden."
    )
    if restored.erasures_reapplied:
        ids = ", ".join(str(i) for i in restored.erasures_reapplied)
        out(f"Opnieuw gewist (gewist na de back-up): deelnemer {ids}.")


def confirmed(source: Path) -> bool:
    """Ask on a terminal; never assume yes when nobody can answer."""
    if not sys.stdin.isatty():
        return False
    return typer.confirm(f"Alle gegevens vervangen door die uit {source}?", default=False)
