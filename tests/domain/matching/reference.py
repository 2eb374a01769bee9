"""Plain-Python references for the matching core, written from the rules in the docs and not
from the vectorised code: eligibility per pair, one-proposal-at-a-time deferred acceptance,
and every stable matching of a tiny instance by brute force."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence

from opmaat.domain.matching import Instance, Place, Student, lottery_numbers

Assignment = dict[str, str | None]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def eligible(s: Student, p: Place) -> bool:
    """Every attribute given on both sides fits (docs/formats/matching.md)."""
    if p.reserved_for and s.school != p.reserved_for:
        return False
    if s.qualification and p.qualifications and s.qualification not in p.qualifications:
        return False
    if s.level is not None and p.levels and s.level not in p.levels:
        return False
    if s.pathway and p.pathway and s.pathway != p.pathway:
        return False
    if s.available_from and p.period_start and p.period_start < s.available_from:
        return False
    if s.available_until and p.period_end and p.period_end > s.available_until:
        return False
    if (
        s.max_distance_km is not None
        and s.latitude is not None
        and s.longitude is not None
        and p.latitude is not None
        and p.longitude is not None
    ):
        return distance_km(s.latitude, s.longitude, p.latitude, p.longitude) <= s.max_distance_km
    return True


def acceptable(s: Student, p: Place) -> bool:
    """Eligible, and on the place's ranking when it has one."""
    return eligible(s, p) and (p.ranking is None or s.id in p.ranking)


def rank_key(p: Place, s: Student, lottery: dict[str, int]) -> tuple[int, int]:
    """How p orders its applicants, lower first: its ranking, else priority then lottery."""
    if p.ranking is not None:
        return (p.ranking.index(s.id), 0)
    return (s.priority if s.priority is not None else 2**31, lottery[s.id])


def lottery_of(instance: Instance, seed: int) -> dict[str, int]:
    ids = [s.id for s in instance.students]
    return dict(zip(ids, lottery_numbers(ids, seed).tolist(), strict=True))


def deferred_acceptance(instance: Instance, seed: int) -> Assignment:
    """Students propose one at a time down their lists; a place keeps its best `capacity`
    proposers so far (capacity: at most the supervision capacity)."""
    lottery = lottery_of(instance, seed)
    places = {p.id: p for p in instance.places}
    students = {s.id: s for s in instance.students}
    held: dict[str, list[str]] = {p: [] for p in places}
    next_choice = {s: 0 for s in students}
    free = [s.id for s in instance.students]
    while free:
        sid = free.pop()
        s = students[sid]
        while next_choice[sid] < len(s.preferences):
            p = places[s.preferences[next_choice[sid]]]
            next_choice[sid] += 1
            if not acceptable(s, p):
                continue
            held[p.id].append(sid)
            held[p.id].sort(key=lambda other: rank_key(p, students[other], lottery))
            if len(held[p.id]) <= seats(p):
                break
            bumped = held[p.id].pop()
            if bumped != sid:
                free.append(bumped)
                break
    result: Assignment = {sid: None for sid in students}
    for pid, holders in held.items():
        for sid in holders:
            result[sid] = pid
    return result


def seats(p: Place) -> int:
    if p.supervision_capacity is None:
        return p.capacity
    return min(p.capacity, p.supervision_capacity)


def blocking(instance: Instance, seed: int, assignment: Assignment) -> list[tuple[str, str]]:
    """Pairs (s, p): s listed p above their place (or has none, or a place not on their
    list), p accepts s, and p has a free seat or holds someone it ranks below s."""
    lottery = lottery_of(instance, seed)
    students = {s.id: s for s in instance.students}
    pairs = []
    for p in instance.places:
        holders = [students[sid] for sid, pid in assignment.items() if pid == p.id]
        for s in instance.students:
            got = assignment[s.id]
            position = s.preferences.index(got) if got in s.preferences else len(s.preferences)
            if p.id not in s.preferences[:position] or not acceptable(s, p):
                continue
            if len(holders) < seats(p) or any(
                rank_key(p, h, lottery) > rank_key(p, s, lottery) for h in holders
            ):
                pairs.append((s.id, p.id))
    return pairs


def stable_matchings(instance: Instance, seed: int) -> Iterator[Assignment]:
    """Every stable matching over the students' lists, by trying every assignment."""
    places = {p.id: p for p in instance.places}
    options = [
        [None, *(pid for pid in s.preferences if acceptable(s, places[pid]))]
        for s in instance.students
    ]
    ids = [s.id for s in instance.students]
    for choice in itertools.product(*options):
        assignment: Assignment = dict(zip(ids, choice, strict=True))
        if all(list(choice).count(pid) <= seats(p) for pid, p in places.items()) and not (
            blocking(instance, seed, assignment)
        ):
            yield assignment


def position(s: Student, place: str | None) -> int:
    """Where `place` is on s's list, len(list) when unplaced: lower is better."""
    return s.preferences.index(place) if place is not None else len(s.preferences)


def placed_count(assignments: Sequence[str | None]) -> int:
    return sum(a is not None for a in assignments)
