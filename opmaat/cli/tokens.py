"""`opmaat token create|list|revoke`: bearer tokens for the JSON API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from opmaat.cli import django_setup
from opmaat.cli.errors import UserError
from opmaat.cli.output import out, print_json

if TYPE_CHECKING:
    from django.contrib.auth.models import User

app = typer.Typer(help="API-tokens voor scripts (Authorization: Bearer …).", no_args_is_help=True)


def prepared() -> None:
    if not django_setup.database_exists():
        raise UserError("nog geen database; voer eerst `opmaat init` uit")
    django_setup.setup()


def user_named(username: str) -> User:
    from django.contrib.auth.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise UserError(f"onbekende gebruiker ‘{username}’")
    return user


@app.command("create")
def create(
    username: Annotated[str, typer.Argument(help="De gebruiker namens wie het token werkt.")],
    name: Annotated[str, typer.Option(help="Waar het token voor is.")] = "script",
    as_json: Annotated[bool, typer.Option("--json", help="Toon een JSON-document.")] = False,
) -> None:
    """Maak een token aan. De sleutel wordt één keer getoond; alleen de hash wordt bewaard."""
    prepared()
    from opmaat.accounts.services import issue_token

    token, key = issue_token(user_named(username), name)
    if as_json:
        print_json({"id": token.pk, "user": username, "name": name, "key": key})
    else:
        out(key)


@app.command("list")
def list_tokens(
    as_json: Annotated[bool, typer.Option("--json", help="Toon een JSON-document.")] = False,
) -> None:
    """Elk token: id, gebruiker, naam, sleutelbegin, aangemaakt, laatst gebruikt."""
    prepared()
    from opmaat.accounts.services import all_tokens

    rows = [
        {
            "id": t.pk,
            "user": t.user.get_username(),
            "name": t.name,
            "prefix": t.prefix,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
        }
        for t in all_tokens()
    ]
    if as_json:
        print_json({"tokens": rows})
        return
    for row in rows:
        used = row["last_used_at"] or "-"
        out(f"{row['id']}\t{row['user']}\t{row['name']}\t{row['prefix']}…\t{used}")


@app.command("revoke")
def revoke(
    token_id: Annotated[int, typer.Argument(help="Het id uit `opmaat token list`.")],
) -> None:
    """Verwijder een token; verzoeken ermee krijgen vanaf dan 401."""
    prepared()
    from opmaat.accounts.services import revoke_token

    if not revoke_token(token_id):
        raise UserError(f"geen token met id {token_id}")
    out(f"token {token_id} revoked")
