"""The route planner: from what a person holds to a target, with dates, by pathway.

`plan_route` gives one route, `reach` what is reachable in N months, `route_document` and
`reach_document` the JSON contract of the CLI. The vectorised best-target scan for a whole
population lives in `opmaat.domain.routes.scan` and is not imported here, so that planning
one route (every `opmaat route`) does not pay numpy's import time.
"""

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes.admission import OPEN, AdmissionRule, Verdict, admission
from opmaat.domain.routes.calendar import DEFAULT_CALENDAR, Calendar, months_between
from opmaat.domain.routes.documents import reach_document, route_document
from opmaat.domain.routes.errors import InvalidPace, NotATarget, PrerequisiteCycle
from opmaat.domain.routes.explain import explanation_facts
from opmaat.domain.routes.gap import Gap, UnitGap, find_gap
from opmaat.domain.routes.holdings import Credit, Holdings, resolve_credit
from opmaat.domain.routes.plan import plan_requirements, plan_route, route_for_credit
from opmaat.domain.routes.prerequisites import order_by_prerequisites
from opmaat.domain.routes.reach import ReachOption, reach
from opmaat.domain.routes.request import (
    InvalidPathway,
    Pace,
    RouteRequest,
    check_request,
    plan_request,
)
from opmaat.domain.routes.route import ELECTIVE_BLOCK, Electives, PlannedItem, Route
from opmaat.domain.routes.schedule import Slot, Track, add_months, schedule
from opmaat.domain.routes.target import Requirements, TargetInfo, target_of
from opmaat.domain.routes.time import (
    MAX_HOURS_PER_WEEK,
    StudyTime,
    standard_time,
    study_time,
)

__all__ = [
    "DEFAULT_CALENDAR",
    "ELECTIVE_BLOCK",
    "MAX_HOURS_PER_WEEK",
    "OPEN",
    "AdmissionRule",
    "Calendar",
    "Credit",
    "Electives",
    "Gap",
    "Holdings",
    "InvalidPace",
    "InvalidPathway",
    "Leerweg",
    "NotATarget",
    "Pace",
    "PlannedItem",
    "PrerequisiteCycle",
    "ReachOption",
    "Requirements",
    "Route",
    "RouteRequest",
    "Slot",
    "StudyTime",
    "TargetInfo",
    "Track",
    "UnitGap",
    "Verdict",
    "add_months",
    "admission",
    "check_request",
    "explanation_facts",
    "find_gap",
    "months_between",
    "order_by_prerequisites",
    "plan_request",
    "plan_requirements",
    "plan_route",
    "reach",
    "reach_document",
    "resolve_credit",
    "route_document",
    "route_for_credit",
    "schedule",
    "standard_time",
    "study_time",
    "target_of",
]
