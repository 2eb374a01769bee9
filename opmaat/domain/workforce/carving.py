"""Job carving: take tasks out of a function to form a new one that needs fewer units.

The new function is a draft in the functiehuis: it requires exactly the werkprocessen of
its tasks, grouped into the units of the source qualification's cut that contain them; its
training hours are those werkprocessen's hours, set against the whole qualification's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.workforce.model import Employee, Functiehuis, Function


@dataclass(frozen=True, slots=True)
class Carving:
    function: Function  # the new draft function
    source: str  # the function carved from
    kept_tasks: tuple[str, ...]  # what the source function keeps
    werkprocessen: tuple[str, ...]
    units: tuple[str, ...]  # the units of the source's cut that hold those werkprocessen
    hours: float  # training hours of the new function from nothing
    full_hours: float  # of the source function's requirement from nothing
    qualified: tuple[int, ...]  # employees and applicants who already qualify

    @property
    def hours_saved(self) -> float:
        return self.full_hours - self.hours


def carve(
    huis: Functiehuis,
    catalog: Catalog,
    source_function: str,
    tasks: Sequence[str],
    code: str,
    name: str,
    people: Sequence[Employee] = (),
    today: date | None = None,
) -> Carving:
    raise NotImplementedError
