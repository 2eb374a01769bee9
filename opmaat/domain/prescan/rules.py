"""The rules of the pre-scan (vrijstellingsscan) that a catalog editor maintains, and the
answers a person gives, one per werkproces.

The catalog (what is held, and the equivalence table) decides what is *certain*; these
rules decide how can-do statements turn into *likely*, *possible* or *unlikely*. Defaults
and why:

- `likely_at = ON_MY_OWN`: EVC grants a unit only when the candidate is "consciously
  competent" on all of its werkprocessen (DOMAIN.md, EVC). Doing the work on one's own is
  the self-reported counterpart (supervision level 4, "performs independently"); "with
  help" is level 2–3 and would not pass an assessment yet. So *likely* asks at least "on my
  own" on every werkproces that counts.
- `possible_share = 0.5`: with at least half of the werkprocessen at that level, a
  portfolio plus a practical test for the rest is worth trying; below half the unit is
  better learned.
- Per unit (an exam unit of the target's cut), the editor may name the werkprocessen that
  count (default: all of them, since EVC judges all) and set other thresholds, with a note
  that every estimate then quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from opmaat.domain.errors import InvalidInput, shown_prefix


class CanDo(StrEnum):
    """A can-do statement about one werkproces, from low to high."""

    NEVER = "never"
    WITH_HELP = "with_help"
    ON_MY_OWN = "on_my_own"
    TEACHES_OTHERS = "teaches_others"

    @property
    def rank(self) -> int:
        return CAN_DO_ORDER.index(self)

    @property
    def label(self) -> str:
        """The Dutch wording used in reasons."""
        return CAN_DO_LABELS[self]


CAN_DO_ORDER = (CanDo.NEVER, CanDo.WITH_HELP, CanDo.ON_MY_OWN, CanDo.TEACHES_OTHERS)
CAN_DO_LABELS = {
    CanDo.NEVER: "nooit gedaan",
    CanDo.WITH_HELP: "met hulp",
    CanDo.ON_MY_OWN: "zelfstandig",
    CanDo.TEACHES_OTHERS: "ik leer het anderen",
}


class Estimate(StrEnum):
    """The estimated chance of an exemption for one unit, from high to low."""

    CERTAIN = "certain"  # covered by what is held, directly or through an equivalence
    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"

    @property
    def rank(self) -> int:
        """Higher is better: unlikely 0, possible 1, likely 2, certain 3."""
        return ESTIMATE_RANK[self]


ESTIMATE_RANK = {
    Estimate.UNLIKELY: 0,
    Estimate.POSSIBLE: 1,
    Estimate.LIKELY: 2,
    Estimate.CERTAIN: 3,
}


class InvalidAnswer(InvalidInput):
    code = "invalid_answer"

    def __init__(self, value: str) -> None:
        self.value = shown_prefix(value)
        super().__init__(value=self.value, choices=tuple(c.value for c in CanDo))


class InvalidPrescanRule(InvalidInput):
    """A rule (`unit`, empty for the default rule) that would estimate without evidence:
    `problem` is likely_at (the bar is `never`) or possible_share (not in (0, 1])."""

    code = "invalid_prescan_rule"
    variant = "problem"

    def __init__(self, unit: str, problem: str) -> None:
        super().__init__(unit=unit, problem=problem)


def parse_can_do(value: object) -> CanDo:
    """An answer as written in a file or form: case and surrounding space do not matter."""
    text = value.strip().lower() if isinstance(value, str) else str(value)
    try:
        return CanDo(text)
    except ValueError:
        raise InvalidAnswer(value if isinstance(value, str) else str(value)) from None


@dataclass(frozen=True, slots=True)
class UnitRule:
    """The editor's rule for one unit; what it leaves empty falls back to the defaults."""

    unit: str
    counted: tuple[str, ...] = ()  # werkprocessen that count; empty: all of the unit's
    likely_at: CanDo | None = None
    possible_share: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        check_thresholds(self.likely_at, self.possible_share, self.unit)


@dataclass(frozen=True, slots=True)
class PrescanRules:
    """What turns answers into estimates: the defaults and the editor's rules per unit."""

    likely_at: CanDo = CanDo.ON_MY_OWN
    possible_share: float = 0.5
    units: tuple[UnitRule, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        check_thresholds(self.likely_at, self.possible_share, "")

    def for_unit(self, code: str) -> UnitRule | None:
        return next((r for r in self.units if r.unit == code), None)


def check_thresholds(likely_at: CanDo | None, share: float | None, where: str) -> None:
    """`never` as the bar, or a share of 0, would make an exemption likely without any
    evidence; a share above 1 could never be met."""
    if likely_at == CanDo.NEVER:
        raise InvalidPrescanRule(where, "likely_at")
    if share is not None and not 0 < share <= 1:
        raise InvalidPrescanRule(where, "possible_share")


DEFAULT_RULES = PrescanRules()
