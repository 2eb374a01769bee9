"""`opmaat credentials list|export|verify|rotate-key`: issued certificates and diplomas for
administrators and scripts. `verify` checks a file against this server's published keys
and revocations in the database: no network is used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import out, print_json
from opmaat.messages import message

app = typer.Typer(help="Uitgegeven mbo-certificaten en diploma's: tonen, exporteren, controleren.")


def register(main: typer.Typer) -> None:
    """Add `opmaat credentials …` to `main`."""
    main.add_typer(app, name="credentials", no_args_is_help=True)


def prepared() -> None:
    if not django_setup.database_exists():
        raise UserError("nog geen database; voer eerst `opmaat init` uit")
    django_setup.setup()


@app.command("list")
def list_credentials(
    learner: Annotated[
        int | None, typer.Option(help="Alleen die van deze deelnemer (het id).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Toon een JSON-document.")] = False,
) -> None:
    """Elk uitgegeven certificaat of diploma: id, soort, onderdeel of kwalificatie, houder,
    uitgiftedatum, status."""
    prepared()
    from opmaat.credentials.services import issued_credentials

    rows = issued_credentials(learner)
    with django_setup.database_errors():
        listed = [
            {
                "id": c.credential_id,
                "kind": c.kind,
                "code": c.code,
                "name": c.name,
                "learner": c.learner_id,
                "holder": c.holder_name,
                "issued_at": c.issued_at.isoformat(),
                "status": "revoked" if c.revoked else "valid",
                "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
                "revocation_reason": c.revocation_reason,  # the category's label
                "revocation_category": c.revocation_category,
                "revocation_note": c.revocation_note,  # the exam board's own words: internal
            }
            for c in rows
        ]
    if as_json:
        print_json({"format": "opmaat-credentials/1", "credentials": listed})
        return
    for row in listed:
        out(
            f"{row['id']}\t{row['kind']}\t{row['code']}\t{row['holder'] or '-'}\t"
            f"{str(row['issued_at'])[:10]}\t{row['status']}"
        )


@app.command("export")
def export(
    credential_id: Annotated[str, typer.Argument(help="Het id uit `opmaat credentials list`.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Het bestand dat geschreven wordt.")
    ],
) -> None:
    """Schrijf het ondertekende certificaat of diploma (JSON) zoals het is uitgegeven."""
    prepared()
    from opmaat.credentials.verification import credential_row

    with django_setup.database_errors():
        row = credential_row(as_urn(credential_id))
    if row is None:
        raise UserError(f"geen certificaat of diploma met id {credential_id}")
    if not row.document:
        raise UserError(
            f"de opgeslagen kopie van {credential_id} is gewist met de gegevens van de houder"
        )
    output.write_text(json.dumps(row.document, ensure_ascii=False, indent=2) + "\n")
    out(f"{row.credential_id} written to {output}")


def as_urn(text: str) -> str:
    text = text.strip()
    return text if text.startswith("urn:uuid:") else f"urn:uuid:{text}"


@app.command("verify")
def verify(
    file: Annotated[
        Path, typer.Argument(help="Een certificaat- of diplomabestand (JSON); - leest stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Toon het rapport als JSON.")] = False,
) -> None:
    """Controleer handtekening, uitgever, geldigheidsdata en intrekking; exitcode 0 als het
    geldig is, anders 1 met de reden."""
    from opmaat.domain.credentials.errors import MalformedCredential
    from opmaat.domain.credentials.verify import parse_credential, report_document

    text = typer.get_text_stream("stdin").read() if str(file) == "-" else read(file)
    try:
        document = parse_credential(text)
    except MalformedCredential as error:
        raise UserError(f"{file}: {message(error)}", error.code) from None
    prepared()
    from opmaat.credentials.verification import verify_document

    with django_setup.database_errors():
        report = verify_document(document)
    if as_json:
        from opmaat.credentials.messages import explain

        print_json(report_document(report, explain))  # each failure's text in Dutch
        raise typer.Exit(0 if report.valid else 1)
    if not report.valid:
        reasons = "; ".join(f"{f.code.value}: {f.message}" for f in report.failures)
        raise UserError(f"{file}: niet geldig: {reasons}")
    out(
        f"{file}: valid: {report.kind} {report.achievement} of {report.holder}, issued by "
        f"{report.issuer_name}"
    )


def read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{file}: bestand bestaat niet") from None
    except OSError as error:
        raise UserError(f"kan {file} niet lezen: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UserError(f"{file}: geen UTF-8-tekst") from None


@app.command("rotate-key")
def rotate_key(
    organisation: Annotated[
        str, typer.Argument(help="Het id of de exacte naam van de organisatie.")
    ],
) -> None:
    """Geef de organisatie een nieuwe ondertekeningssleutel; de oude blijft gepubliceerd, dus
    wat daarmee is ondertekend, blijft controleerbaar."""
    prepared()
    from opmaat.accounts.services import organisation_named
    from opmaat.credentials.keys import rotate_key as rotate
    from opmaat.credentials.services import configured_site

    with django_setup.database_errors():
        org = organisation_named(organisation)
        if org is None:
            raise UserError(f"onbekende organisatie ‘{organisation}’")
        key = rotate(org, configured_site())
    out(f"{org.name}: new key {key.verification_method}")
