"""The prescan part of the JSON API, mounted by opmaat.api.app: the pre-scan for anyone,
computed from what is posted; nothing is stored."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from opmaat.api.auth import PUBLIC
from opmaat.api.schemas import Problem, Text
from opmaat.domain.recognition.prescan import parse_can_do, prescan_document
from opmaat.prescan import services

router = Router(tags=["prescan"])


class PrescanIn(Schema):
    target: Text = Field(description="Crebo, unit or certificate code")
    have: list[Text] = Field(
        default_factory=list, description="Codes held: diplomas, certificates, older diplomas"
    )
    answers: dict[Text, Text] = Field(
        default_factory=dict,
        description="Outcome code → never | with_help | on_my_own | teaches_others",
    )


@router.post(
    "/",
    response={200: dict[str, Any], 400: Problem, 422: dict[str, Any]},
    auth=None,
    openapi_extra=PUBLIC,
    summary="Run the pre-scan (vrijstellingsscan)",
)
def run(request: HttpRequest, body: PrescanIn) -> dict[str, object]:
    """The document of `opmaat prescan --json` (docs/cli.md): per unit of the target the
    estimated chance of an exemption with its reason, and the remaining hours."""
    answers = {code: parse_can_do(value) for code, value in body.answers.items()}
    return prescan_document(services.compute(body.target, body.have, answers))
