"""The route planner: from what a person holds to a target, in order, with dates.

`plan_route` gives one route, `reach` what is reachable in N months, `route_document` and
`reach_document` the JSON contract of the CLI. The vectorised best-target scan for a whole
population lives in `opmaat.domain.routes.scan` and is not imported here, so that planning
one route (every `opmaat route`) does not pay numpy's import time.
"""

from opmaat.domain.routes.documents import reach_document, route_document
from opmaat.domain.routes.errors import InvalidPace, NotATarget, PrerequisiteCycle
from opmaat.domain.routes.gap import Gap, UnitGap, find_gap
from opmaat.domain.routes.holdings import Credit, Holdings, resolve_credit
from opmaat.domain.routes.plan import plan_route, route_for_credit
from opmaat.domain.routes.prerequisites import order_by_prerequisites
from opmaat.domain.routes.reach import ReachOption, reach
from opmaat.domain.routes.request import (
    InvalidPathway,
    Leerweg,
    Pace,
    RouteRequest,
    check_request,
    plan_request,
)
from opmaat.domain.routes.route import ELECTIVE_BLOCK, PlannedItem, Route
from opmaat.domain.routes.schedule import Slot, add_months, schedule
from opmaat.domain.routes.target import Requirements, TargetInfo, target_of

__all__ = [
    "ELECTIVE_BLOCK",
    "Credit",
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
    "TargetInfo",
    "UnitGap",
    "add_months",
    "check_request",
    "find_gap",
    "order_by_prerequisites",
    "plan_request",
    "plan_route",
    "reach",
    "reach_document",
    "resolve_credit",
    "route_document",
    "route_for_credit",
    "schedule",
    "target_of",
]
