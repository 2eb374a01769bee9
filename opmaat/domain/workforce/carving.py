"""Job carving: take tasks out of a function to form a new one that needs fewer units.

The new function is a draft for the functiehuis (`Functiehuis.with_function` adds it): it
requires exactly the werkprocessen of its tasks, which sit in the units of the source
qualification's cut named in `Carving.units`; its training hours are those werkprocessen's
hours, set against everything the source function requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.workforce.deployability import deployability, required_werkprocessen
from opmaat.domain.workforce.errors import NothingToCarve
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
    fwg_group: int | None = None,
) -> Carving:
    """Carve `tasks` out of `source_function` into a draft function `code`.

    1. The tasks must be the source function's (NothingToCarve names the others, or says
       none was picked); the source keeps the rest, in its order.
    2. The new function requires exactly the werkprocessen of its tasks; `units` are the
       units of the source's qualification (default cut) or of its own requirement that
       hold them, else the unit that defines each.
    3. Hours from nothing: the new function's werkprocessen against everything the source
       requires (vocational hours; a diploma's generic subjects and keuzedelen come on
       top of the latter and are not counted, so the saving is a floor).
    4. Qualified: the people (employees and applicants) who would fully qualify for the
       new function on `today` (none when no day is given).
    5. Its FWG group is the source's unless given: a new function is classified anew
       (CAO Gehandicaptenzorg 4.1), so the figure is provisional until then.
    """
    source = huis.function(source_function)
    picked = _picked(source, tasks)
    werkprocessen = tuple(dict.fromkeys(w for t in picked for w in huis.task(t).werkprocessen))
    function = Function(
        code,
        name,
        source.cao,
        source.fwg_group if fwg_group is None else fwg_group,
        werkprocessen=werkprocessen,
        tasks=picked,
        draft=True,
    )
    carved = huis.with_function(function)
    return Carving(
        function=function,
        source=source.code,
        kept_tasks=tuple(t for t in source.tasks if t not in picked),
        werkprocessen=werkprocessen,
        units=_units_holding(catalog, source, werkprocessen),
        hours=catalog.hours_of(werkprocessen),
        full_hours=catalog.hours_of(required_werkprocessen(catalog, source)),
        qualified=_qualified(carved, catalog, code, people, today),
    )


def _picked(source: Function, tasks: Sequence[str]) -> tuple[str, ...]:
    picked = tuple(dict.fromkeys(tasks))
    foreign = tuple(t for t in picked if t not in source.tasks)
    if not picked or foreign:
        raise NothingToCarve(source.code, foreign)
    return tuple(t for t in source.tasks if t in picked)  # in the source's order


def _units_holding(
    catalog: Catalog, source: Function, werkprocessen: Sequence[str]
) -> tuple[str, ...]:
    """The units of the source's cut that hold any of `werkprocessen`; a werkproces no such
    unit holds adds the unit that defines it."""
    if source.qualification:
        cut = catalog.qualifications[catalog.resolve(source.qualification)].units
    else:
        cut = tuple(catalog.resolve(u) for u in source.units)
    wanted = set(werkprocessen)
    found: dict[str, None] = {}
    held: set[str] = set()
    for unit in cut:
        outcomes = {o.code for o in catalog.units[unit].outcomes}
        if outcomes & wanted:
            found.setdefault(unit)
            held |= outcomes & wanted
    for w in werkprocessen:
        if w not in held and w in catalog.outcome_unit:
            found.setdefault(catalog.outcome_unit[w])
    return tuple(found)


def _qualified(
    huis: Functiehuis,
    catalog: Catalog,
    code: str,
    people: Sequence[Employee],
    today: date | None,
) -> tuple[int, ...]:
    if today is None:
        return ()
    found = []
    for person in people:
        fits = deployability(huis, person, catalog, today).functions
        if any(f.function == code and f.qualified for f in fits):
            found.append(person.key)
    return tuple(found)
