"""The step before an irreversible action: a page that says what will happen, in plain
Dutch, and asks again. It works without a script: the first POST (the button on the page)
answers with this page, whose "Ja, …" button posts the same fields again with
`confirm=1`; only that second POST does it. "Terug" leads back without doing anything."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirm"
# Posted fields that the confirmation does not carry over: the CSRF token is rendered anew.
NOT_CARRIED = {CONFIRM_FIELD, "csrfmiddlewaretoken"}


def confirmed(request: HttpRequest) -> bool:
    """Whether the person said yes on the confirmation page."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "1"


def confirmation(
    request: HttpRequest,
    *,
    title: str,
    consequences: Sequence[str],
    yes: str,
    back: str,
) -> HttpResponse:
    """The confirmation page for the action this POST asked for: `title` asks the question,
    `consequences` say what will happen (one sentence each), `yes` labels the button
    ("Ja, …"), `back` is where "Terug" leads. The button posts every field of this POST
    again to the same address, with confirm=1."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_CARRIED
        for value in values
    ]
    context = {
        "title": title,
        "consequences": consequences,
        "yes": yes,
        "back": back,
        "action": request.get_full_path(),
        "carried": carried,
        "confirm_field": CONFIRM_FIELD,
    }
    return render(request, "ui/confirm.html", context)
