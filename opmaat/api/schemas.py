"""What every router's shapes share: safe text, the error body, a person's week."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

from opmaat.domain.routes import MAX_HOURS_PER_WEEK, Leerweg, Pace, RouteRequest


def no_nul(text: str) -> str:
    """Text with a NUL character is refused: no database stores it as text."""
    if "\x00" in text:
        raise ValueError("text must not contain NUL characters")
    return text


Text = Annotated[str, AfterValidator(no_nul)]


class Problem(Schema):
    detail: str
    code: str = ""


class WeekIn(Schema):
    """A person's week: pathway, study hours and (BBL) contract hours."""

    pathway: Leerweg = Leerweg.BOL
    hours_per_week: float | None = Field(
        None,
        ge=0,
        le=MAX_HOURS_PER_WEEK,
        description="Study hours a teaching week: BOL the whole week (default 40), BBL "
        "self-study (default 8), derde leerweg the own pace (default 20)",
    )
    work_hours_per_week: float | None = Field(
        None,
        ge=0,
        le=MAX_HOURS_PER_WEEK,
        description="BBL: contract hours at the training company (default 32)",
    )
    exam_only: list[Text] = Field(
        default_factory=list, description="Generic subjects mastered: only the exam is planned"
    )
    pace: Pace = Pace.NORMAL

    def route_request(self, target: str, start: date) -> RouteRequest:
        return RouteRequest(
            target=target,
            start=start,
            hours_per_week=self.hours_per_week,
            pathway=self.pathway,
            pace=self.pace,
            work_hours_per_week=self.work_hours_per_week,
            exam_only=tuple(self.exam_only),
        )
