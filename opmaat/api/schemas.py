"""What every router's shapes share: safe text, the problem details, a person's week."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, StringConstraints, WithJsonSchema

from opmaat.domain.errors import MAX_CODE_LENGTH
from opmaat.domain.routes import MAX_HOURS_PER_WEEK, Leerweg, Pace, RouteRequest

# Every input is bounded here, at the edge, before the domain sees it (docs/api.md): a code
# is no longer than the catalog's longest (80), a note or written evidence at most
# MAX_TEXT_LENGTH characters, a list of codes at most MAX_CODES long (more than anyone
# holds or any target asks). The body as a whole is bounded by DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_TEXT_LENGTH = 10_000
MAX_CODES = 200


def no_nul(text: str) -> str:
    """Text with a NUL character is refused: no database stores it as text."""
    if "\x00" in text:
        raise ValueError("text must not contain NUL characters")
    return text


Text = Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH), AfterValidator(no_nul)]
Code = Annotated[str, StringConstraints(max_length=MAX_CODE_LENGTH), AfterValidator(no_nul)]


class ProblemItem(Schema):
    """One problem in a file (file, row, field) or in a field of the request (field)."""

    file: str = ""
    row: str = Field("", description="Where in the file: `line 12`, `sheet units, row 4`")
    field: str = Field("", description="The column, or the field of the request: `body.target`")
    message: str


class Problem(Schema):
    """RFC 9457 problem details (`application/problem+json`); docs/errors.md lists the codes."""

    type: str = Field(description="`urn:opmaat:problem:<code>`")
    title: str
    status: int
    detail: str = Field(description="What went wrong, in the request's language (nl, en)")
    code: str = Field(description="The stable code, as the end of `type`")
    errors: list[ProblemItem] = Field(default_factory=list)


# What an operation that takes input may answer besides success, and what one on a
# learner's record may answer when the caller may not see it.
REFUSED = {400: Problem, 404: Problem, 409: Problem, 422: Problem}
DENIED = {401: Problem, 403: Problem, 404: Problem}
# A read whose path or query the caller may get wrong: denied, or its parameters invalid.
ASKED = {**DENIED, 422: Problem}


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
    exam_only: list[Code] = Field(
        default_factory=list,
        max_length=MAX_CODES,
        description="Generic subjects mastered: only the exam is planned",
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


# A JSON number as the domain computed it: an int stays an int (`720`, not `720.0`), so a
# document reads the same through the API as from the CLI.
Number = Annotated[int | float, WithJsonSchema({"type": "number"})]


class Document(Schema):
    """A versioned JSON document (docs/cli.md): fields are only ever added, so a field that
    this schema does not name yet is passed on as it is."""

    model_config = ConfigDict(extra="allow")


class TargetOut(Schema):
    """The target of a route or a pre-scan, and whether it is open to the person."""

    code: str
    name: str
    kind: str = Field(description="qualification, unit or certificate")
    level: int | None
    provisional: bool
    superseded_by: list[str]
    open: bool
    admission_rule: str = Field(
        "", description="The admission rule that closes it: entree or specialist; empty if open"
    )
    admission_held: str = Field("", description="The diploma that admits to level 2 (entree)")
    reason: str = Field(description="Why not, when not open (in the request's language)")


class MissingUnitOut(Schema):
    code: str
    title: str
    kind: str
    level: int | None
    hours: Number
    start: date
    end: date
    provisional: bool
    for_prerequisite: bool


class PartialUnitOut(MissingUnitOut):
    full_hours: Number
    missing_outcomes: list[str]


class GenericSubjectOut(Schema):
    code: str
    title: str
    hours: Number
    start: date
    end: date
    exam_only: bool
    obligation: bool


class ScheduledOut(Schema):
    code: str
    title: str
    kind: str
    hours: Number
    partial: bool
    start: date
    end: date
    track: str
    exam_only: bool
    obligation: bool
    missing_outcomes: list[str]
    for_prerequisite: bool


class ExplanationFactsOut(Document):
    """The figures behind the explanation's sentences."""

    nothing_left: bool = Field(False, description="Nothing is left to do")
    months: Number
    nominal_months: Number
    werkprocessen: int
    credited_werkprocessen: int
    pathway: Leerweg
    work_hours_per_week: Number
    school_hours_per_week: Number
    study_hours_per_week: Number
    study_load_per_year: Number
    study_year_hours: Number = Field(1600, description="The norm of a study year")
    meets_bbl_norm: bool
    bbl_norm_top_up: bool = Field(
        False, description="Meeting the BBL norm raises the week to the norm's pace"
    )
    teaching_weeks_per_year: Number
    exam_only: list[str]
    elective_hours_required: Number
    elective_hours_applied: Number
    elective_rule: str
    electives_reduced: bool = Field(False, description="The shortened route needs fewer")
    superseded_by: list[str]
    open: bool
    admission_rule: str = ""
    admission_held: str = ""
    reason: str


class RouteDocument(Document):
    """The route of `opmaat route --json` (docs/cli.md, docs/routes.md)."""

    target: TargetOut
    start: date
    pathway: Leerweg
    hours_per_week: Number = Field(description="The study hours, as study_hours_per_week")
    study_hours_per_week: Number
    work_hours_per_week: Number
    school_hours_per_week: Number
    study_load_per_year: Number
    missing_units: list[MissingUnitOut]
    partial_units: list[PartialUnitOut]
    generic_missing: list[GenericSubjectOut]
    elective_hours_missing: Number
    elective_hours_required: Number
    schedule: list[ScheduledOut]
    covered_units: list[str]
    total_hours: Number
    completion_date: date
    months: Number
    nominal_months: Number
    explanation: list[str]
    explanation_facts: ExplanationFactsOut
    provisional: bool
