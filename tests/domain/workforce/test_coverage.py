from __future__ import annotations

import math
from datetime import date, time

import numpy as np
import pytest

from opmaat.domain.workforce.capability import Capability
from opmaat.domain.workforce.coverage import (
    RosterShift,
    ShiftNeed,
    cover,
    cover_day,
    heatmap,
)
from opmaat.domain.workforce.errors import InvalidShift

MONDAY = date(2026, 12, 7)
TUESDAY = date(2026, 12, 8)
SEVEN, TEN, FIFTEEN, TWENTY_THREE = time(7), time(10), time(15), time(23)


def matrix(rows: list[str]) -> Capability:
    """Employees 1.. with tasks ADL and MED: a row "AM" may do both alone, "A" only ADL,
    "a" ADL under supervision only, "-" nothing; everyone in team W except the last."""
    alone = np.array([["A" in r, "M" in r] for r in rows], dtype=np.bool_)
    supervised = np.array([["a" in r, "m" in r] for r in rows], dtype=np.bool_)
    keys = tuple(range(1, len(rows) + 1))
    teams = tuple("W" if k < len(rows) else "X" for k in keys)
    return Capability(keys, ("ADL", "MED"), alone, supervised, teams)


def morning(task: str, count: int, team: str = "W") -> ShiftNeed:
    return ShiftNeed(team, 0, SEVEN, TEN, task, count)


def early(employee: int, team: str = "W", day: date = MONDAY) -> RosterShift:
    return RosterShift(employee, day, SEVEN, FIFTEEN, team)


def test_the_one_who_can_give_medication_is_kept_for_the_medication_round() -> None:
    capability = matrix(["AM", "A"])
    needs = [morning("ADL", 1), morning("MED", 1)]
    window = cover_day(capability, needs, [early(1), early(2)], MONDAY).windows[0]
    assert [(n.need.task, n.by, n.unmet) for n in window.needs] == [
        ("ADL", (2,), 0),
        ("MED", (1,), 0),
    ]


def test_a_person_covers_at_most_one_need_in_a_window() -> None:
    capability = matrix(["AM"])
    needs = [morning("ADL", 1), morning("MED", 1)]
    day = cover_day(capability, needs, [early(1)], MONDAY)
    assert day.met == 1 and day.unmet == 1


def test_someone_only_supervised_is_reported_but_does_not_count() -> None:
    capability = matrix(["a"])
    need = cover_day(capability, [morning("ADL", 1)], [early(1)], MONDAY).windows[0].needs[0]
    assert need.by == () and need.unmet == 1
    assert need.supervised == (1,)


def test_a_shift_must_span_the_whole_window() -> None:
    late = RosterShift(1, MONDAY, time(8), FIFTEEN, "W")
    day = cover_day(matrix(["A"]), [morning("ADL", 1)], [late], MONDAY)
    assert day.windows[0].rostered == ()


def test_a_shift_in_another_team_does_not_cover_this_teams_need() -> None:
    day = cover_day(matrix(["A"]), [morning("ADL", 1)], [early(1, team="X")], MONDAY)
    assert day.met == 0


def test_needs_apply_on_their_weekday_only() -> None:
    days = cover(matrix(["A"]), [morning("ADL", 1)], [early(1, day=TUESDAY)], [TUESDAY])
    assert days[0].windows == ()


def test_an_unmet_need_is_filled_by_someone_available_and_able() -> None:
    capability = matrix(["A", "A", "A"])
    roster = [early(1), RosterShift(2, MONDAY, time(6), time(8), "X")]
    day = cover_day(capability, [morning("ADL", 2)], roster, MONDAY)
    need = day.windows[0].needs[0]
    assert need.by == (1,) and need.unmet == 1
    assert need.fill == (3,)  # 2 works 06:00–08:00 elsewhere: overlapping, not available


def test_gap_filling_proposes_each_person_for_one_need_that_day() -> None:
    capability = matrix(["A", "A"])
    needs = [morning("ADL", 1), ShiftNeed("W", 0, FIFTEEN, TWENTY_THREE, "ADL", 1)]
    day = cover_day(capability, needs, [], MONDAY)
    assert day.filled == 2
    fills = [n.fill for w in day.windows for n in w.needs]
    assert sorted(k for f in fills for k in f) == [1, 2]


def test_gap_filling_prefers_the_needs_own_team() -> None:
    capability = matrix(["A", "A", "A"])  # 1 and 2 in W, 3 in X
    day = cover_day(capability, [morning("ADL", 1, team="X")], [], MONDAY)
    assert day.windows[0].needs[0].fill == (3,)


def test_the_heatmap_gives_the_share_met_per_team_and_window() -> None:
    capability = matrix(["A", "A"])
    needs = [morning("ADL", 2), morning("ADL", 1, team="X")]
    days = cover(capability, needs, [early(1)], [MONDAY])
    shown = heatmap(days)
    assert shown.teams == ("W", "X") and shown.windows == ("07:00–10:00",)
    assert shown.share[0, 0] == pytest.approx(0.5)
    assert shown.share[1, 0] == 0.0
    assert math.isnan(heatmap([]).share.sum()) is False


def test_a_need_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidShift):
        ShiftNeed("W", 0, TEN, SEVEN, "ADL", 1)
    with pytest.raises(InvalidShift):
        ShiftNeed("W", 7, SEVEN, TEN, "ADL", 1)
    with pytest.raises(InvalidShift):
        ShiftNeed("W", 0, SEVEN, TEN, "ADL", 0)


def test_a_roster_row_of_someone_not_on_the_staff_covers_nothing() -> None:
    day = cover_day(matrix(["A"]), [morning("ADL", 1)], [early(99)], MONDAY)
    assert day.met == 0 and day.windows[0].rostered == ()


def test_growable_names_the_tasks_one_more_able_person_would_cover() -> None:
    capability = matrix(["A", "-"])
    needs = [morning("ADL", 1), morning("MED", 1)]
    window = cover_day(capability, needs, [early(1), early(2)], MONDAY).windows[0]
    assert window.growable == ("MED",)
    assert window.movable == (2,)


def test_the_roster_is_rearranged_when_that_lets_someone_off_it_fill_a_place() -> None:
    capability = matrix(["AM", "A"])  # 1 rostered, can do both; 2 off the roster, ADL only
    for needs in ([morning("ADL", 1), morning("MED", 1)], [morning("MED", 1), morning("ADL", 1)]):
        window = cover_day(capability, needs, [early(1)], MONDAY).windows[0]
        by_task = {n.need.task: (n.by, n.fill) for n in window.needs}
        assert by_task == {"MED": ((1,), ()), "ADL": ((), (2,))}
