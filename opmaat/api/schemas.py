"""Request and response shapes of the API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator

from opmaat.domain.routes import Leerweg, Pace


def no_nul(text: str) -> str:
    """Text with a NUL character is refused: no database stores it as text."""
    if "\x00" in text:
        raise ValueError("text must not contain NUL characters")
    return text


Text = Annotated[str, AfterValidator(no_nul)]


class Problem(Schema):
    detail: str
    code: str = ""


class QualificationSummary(Schema):
    crebo: str
    name: str
    level: int
    provisional: bool


class OutcomeOut(Schema):
    code: str
    title: str
    hours: float


class UnitOut(Schema):
    code: str
    title: str
    level: int
    kind: str
    hours: float
    hours_source: str
    carries_certificate: bool
    provisional: bool
    requires: list[str]
    qualifications: list[str]
    outcomes: list[OutcomeOut]


class QualificationOut(QualificationSummary):
    nominal_years: float
    pathways: list[str]
    units: list[str]
    generic: list[str]
    elective_hours: float
    sources: list[str]


class WeekIn(Schema):
    """A person's week: pathway, study hours and (BBL) contract hours."""

    pathway: Leerweg = Leerweg.BOL
    hours_per_week: float | None = Field(
        None,
        ge=0,
        le=60,
        description="Study hours a teaching week: BOL the whole week (default 40), BBL "
        "self-study (default 8), derde leerweg the own pace (default 20)",
    )
    work_hours_per_week: float | None = Field(
        None, ge=0, le=60, description="BBL: contract hours at the training company (default 32)"
    )
    exam_only: list[Text] = Field(
        default_factory=list, description="Generic subjects mastered: only the exam is planned"
    )
    pace: Pace = Pace.NORMAL


class RouteIn(WeekIn):
    target: Text = Field(description="Crebo, unit or certificate code")
    have: list[Text] = Field(default_factory=list, description="Codes held")
    exempt: list[Text] = Field(default_factory=list, description="Exempted unit codes")
    elective_hours: float = Field(0, ge=0)
    start: date | None = Field(None, description="Default: today")


class SavedRouteIn(WeekIn):
    target: Text
    start: date | None = None
    note: Text = ""


class LearnerOut(Schema):
    id: int
    name: str
    email: str
    organisations: list[str]


class HoldingOut(Schema):
    id: int
    code: str
    kind: str
    name: str
    evidence: str
    recorded_at: datetime


class HoldingIn(Schema):
    code: Text
    kind: str = Field("held", pattern="^(held|exemption|outcome)$")
    evidence: Text = ""


class RoutePlanOut(Schema):
    version: int
    target: str
    start: date
    hours_per_week: float
    work_hours_per_week: float | None
    exam_only: list[str]
    pathway: str
    pace: str
    note: str
    saved_at: datetime
    saved_by: str | None
    route: dict[str, Any]


class Me(Schema):
    username: str
    roles: list[str]
    learner: int | None


class Health(Schema):
    status: str
    database: str
