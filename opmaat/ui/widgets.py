"""Form widgets every app's forms share."""

from __future__ import annotations

from django import forms

# The longest note, feedback or written evidence a form takes (the API's Text takes as
# much: opmaat.api.schemas.MAX_TEXT_LENGTH).
TEXT_MAX_LENGTH = 10_000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")
