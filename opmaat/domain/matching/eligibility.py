"""Who may be placed where, and how each place ranks its applicants.

A student is eligible for a place when every attribute given on both sides fits (an
attribute left empty on either side is no constraint), checked in this order:

1. reserved: a place reserved for a school, until the return deadline, only takes that
   school's students (`rounds.py`);
2. qualification: the student's crebo is one the place offers;
3. level: the student's level is one the place offers;
4. pathway: BOL with BOL, BBL with BBL;
5. period: the student is available for the place's whole period
   (available_from <= period_start and period_end <= available_until);
6. distance: the great-circle (haversine) distance between the two coordinates is at most
   the student's max_distance_km.

An eligible student is accepted by a place without a ranking, and by a place with a ranking
only when it lists the student. A place ranks its accepted applicants by its ranking, or,
without one, by the school's priority (1 first, missing last) and then the lottery number.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from opmaat.domain.matching.encode import (
    EARLIEST,
    LATEST,
    QUALIFICATION_BASE,
    BoolArray,
    Encoded,
    FloatArray,
    IntArray,
)

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
Reasons = npt.NDArray[np.int8]


class Reason(IntEnum):
    """Why a student cannot be placed at a place; OK when they can."""

    OK = 0
    RESERVED = 1
    QUALIFICATION = 2
    LEVEL = 3
    PATHWAY = 4
    PERIOD = 5
    DISTANCE = 6
    NOT_RANKED = 7


def pair_reasons(enc: Encoded, s: IntArray, p: IntArray) -> Reasons:
    """Per (student s[i], place p[i]) the first reason it cannot be, or Reason.OK."""
    reasons = np.zeros(len(s), dtype=np.int8)
    for reason, check in applicable_checks(enc):
        open_ = reasons == Reason.OK
        if not open_.any():
            break
        index = np.flatnonzero(open_)
        failed = ~check(enc, s[index], p[index])
        reasons[index[failed]] = reason
    return reasons


Check = Callable[[Encoded, IntArray, IntArray], BoolArray]


def applicable_checks(enc: Encoded) -> list[tuple[Reason, Check]]:
    """The rules some pair could fail: a rule whose attribute no place (or no student)
    gives is skipped, so files with the minimal columns pay for none of them."""
    st, pl = enc.students, enc.places
    checks: list[tuple[Reason, Check, bool]] = [
        (Reason.RESERVED, reserved_ok, bool((pl.reserved_for >= 0).any())),
        (
            Reason.QUALIFICATION,
            qualification_ok,
            bool(pl.has_qualifications.any() and (st.qualification >= 0).any()),
        ),
        (Reason.LEVEL, level_ok, bool((pl.level_mask != 0).any() and (st.level >= 0).any())),
        (Reason.PATHWAY, pathway_ok, bool((pl.pathway != 0).any() and (st.pathway != 0).any())),
        (
            Reason.PERIOD,
            period_ok,
            bool(
                ((st.available_from != EARLIEST).any() and (pl.start != LATEST).any())
                or ((st.available_until != LATEST).any() and (pl.end != EARLIEST).any())
            ),
        ),
        (
            Reason.DISTANCE,
            distance_ok,
            bool((~np.isnan(st.max_distance_km)).any() and (~np.isnan(pl.latitude)).any()),
        ),
        (Reason.NOT_RANKED, ranked_ok, bool(pl.has_ranking.any())),
    ]
    return [(reason, check) for reason, check, applies in checks if applies]


def reserved_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    school = enc.places.reserved_for[p]
    ok: BoolArray = (school < 0) | (enc.students.school[s] == school)
    return ok


def qualification_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    code = enc.students.qualification[s]
    keys = p * QUALIFICATION_BASE + code
    offered = enc.places.qualification_keys
    at = np.minimum(np.searchsorted(offered, keys), max(len(offered) - 1, 0))
    found = offered[at] == keys if len(offered) else np.zeros(len(keys), dtype=np.bool_)
    ok: BoolArray = (code < 0) | ~enc.places.has_qualifications[p] | found
    return ok


def level_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    level = enc.students.level[s]
    mask = enc.places.level_mask[p]
    ok: BoolArray = (level < 0) | (mask == 0) | ((mask >> np.maximum(level, 0)) & 1 == 1)
    return ok


def pathway_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    student, place = enc.students.pathway[s], enc.places.pathway[p]
    ok: BoolArray = (student == 0) | (place == 0) | (student == place)
    return ok


def period_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    ok: BoolArray = (enc.students.available_from[s] <= enc.places.start[p]) & (
        enc.places.end[p] <= enc.students.available_until[s]
    )
    return ok


def distance_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    limit = enc.students.max_distance_km[s]
    ok: BoolArray = np.ones(len(s), dtype=np.bool_)
    limited = np.flatnonzero(~np.isnan(limit))
    distance = distances_km(enc, s[limited], p[limited])
    ok[limited] = np.isnan(distance) | (distance <= limit[limited])
    return ok


def distances_km(enc: Encoded, s: IntArray, p: IntArray) -> FloatArray:
    """The haversine distance per pair; NaN where a coordinate is missing."""
    st, pl = enc.students, enc.places
    return haversine_km(st.latitude[s], st.longitude[s], pl.latitude[p], pl.longitude[p])


def haversine_km(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Great-circle distance in km between points given in degrees."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi, dlambda = phi2 - phi1, np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    distance: FloatArray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return distance


def ranked_ok(enc: Encoded, s: IntArray, p: IntArray) -> BoolArray:
    found, _ = ranking_lookup(enc, s, p)
    ok: BoolArray = ~enc.places.has_ranking[p] | found
    return ok


def ranking_lookup(enc: Encoded, s: IntArray, p: IntArray) -> tuple[BoolArray, IntArray]:
    """Per pair: is the student in the place's ranking, and at which position (1 first)."""
    keys = p.astype(np.int64) * enc.n_students + s
    ranked = enc.places.ranking_keys
    if not len(ranked):
        return np.zeros(len(keys), dtype=np.bool_), np.zeros(len(keys), dtype=np.int64)
    # Looking up sorted keys walks the ranking once instead of jumping around it: for a
    # million pairs the sort pays for itself several times over.
    order = np.argsort(keys, kind="stable")
    at = np.empty(len(keys), dtype=np.int64)
    at[order] = np.searchsorted(ranked, keys[order])
    np.minimum(at, len(ranked) - 1, out=at)
    found: BoolArray = ranked[at] == keys
    return found, enc.places.ranking_position[at]


def place_ranks(enc: Encoded, s: IntArray, p: IntArray) -> IntArray:
    """The rank place p[i] gives student s[i], lower is better; meaningful for accepted
    pairs only. Ranks are distinct within a place, so preferences are strict."""
    _, position = ranking_lookup(enc, s, p)
    st = enc.students
    by_lottery = st.priority[s] * (enc.n_students + 1) + st.lottery[s]
    ranks: IntArray = np.where(enc.places.has_ranking[p], position, by_lottery)
    return ranks
