"""Shift coverage: per team, day and time window, which needs are met and by whom, which
are not, and who else could meet them. `cover` gives the rule (opmaat.domain.workforce.
coverage.cover); docs/workforce.md section 4 tells it."""

from opmaat.domain.workforce.capability import Capability, capability, capability_of
from opmaat.domain.workforce.coverage.cover import cover, cover_day, heatmap
from opmaat.domain.workforce.coverage.model import (
    DayCoverage,
    Heatmap,
    NeedCoverage,
    RosterShift,
    ShiftNeed,
    WindowCoverage,
)

__all__ = [
    "Capability",
    "DayCoverage",
    "Heatmap",
    "NeedCoverage",
    "RosterShift",
    "ShiftNeed",
    "WindowCoverage",
    "capability",
    "capability_of",
    "cover",
    "cover_day",
    "heatmap",
]
