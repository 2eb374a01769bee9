"""Why each student got their place and not one they ranked higher, as facts that the
edges word in the user's language (opmaat.messages, keys `matching.*`).

For every place a student listed above the one they got (all of them when they got none),
exactly one of three things holds in a stable matching, and the explanation names it:

- full: the place was full with students it ranked higher (no_seats: it had none at all);
- not_eligible: the student does not fit the place (which rule, with both values);
- not_ranked: the place has a ranking of its own and the student is not on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from opmaat.domain.matching.eligibility import Reason, distances_km
from opmaat.domain.matching.encode import (
    EARLIEST,
    LATEST,
    PATHWAY_CODES,
    QUALIFICATION_BASE,
    Encoded,
)
from opmaat.domain.matching.match import PHASE_NAMES, Matching, Phase

DETAIL_CODES = {
    Reason.RESERVED: "reserved",
    Reason.QUALIFICATION: "qualification",
    Reason.LEVEL: "level",
    Reason.PATHWAY: "pathway",
    Reason.PERIOD: "period",
    Reason.DISTANCE: "distance",
}
OK, NOT_RANKED = int(Reason.OK), int(Reason.NOT_RANKED)  # plain ints: compared 10⁶ times
PATHWAY_NAMES = {code: str(pathway) for pathway, code in PATHWAY_CODES.items() if pathway}


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a place the student ranked higher did not take them."""

    choice: int  # 1 for the student's first preference
    place: str
    reason: str  # full, no_seats, not_eligible, not_ranked
    detail: str  # for not_eligible: reserved, qualification, level, pathway, period, distance
    data: dict[str, str | int | float | list[str]] = field(default_factory=dict)  # the detail's


@dataclass(frozen=True, slots=True)
class Explanation:
    student: str
    place: str | None
    phase: str | None  # match, fill, or None when unplaced
    choice: int | None  # 1-based preference of the place got in the matching
    outcome: str  # match, fill, fill_no_preferences, none, none_no_preferences
    refusals: tuple[Refusal, ...]


def explain(m: Matching) -> list[Explanation]:
    """One explanation per student, in file order."""
    facts = Facts(m)
    return [explain_student(m, s, facts) for s in range(m.encoded.n_students)]


class Facts:
    """The arrays as Python lists, read once: explaining 100,000 students stays a matter of
    seconds."""

    def __init__(self, m: Matching) -> None:
        self.choices: list[list[int]] = m.encoded.choices.tolist()
        self.reasons: list[list[int]] = m.reasons.tolist()
        self.capacity: list[int] = m.encoded.places.capacity.tolist()
        self.place: list[int] = m.place.tolist()
        self.choice: list[int] = m.choice.tolist()
        self.phase: list[int] = m.phase.tolist()


def explain_student(m: Matching, s: int, facts: Facts | None = None) -> Explanation:
    facts = facts or Facts(m)
    enc = m.encoded
    phase = Phase(facts.phase[s])
    listed = [p for p in facts.choices[s] if p >= 0]
    got = facts.choice[s] if phase == Phase.MATCH else len(listed)
    reasons = facts.reasons[s]
    refusals = tuple(refusal(m, facts, s, j, listed[j], reasons[j]) for j in range(got))
    place = enc.places.ids[facts.place[s]] if phase != Phase.NONE else None
    return Explanation(
        student=enc.students.ids[s],
        place=place,
        phase=PHASE_NAMES[phase],
        choice=got + 1 if phase == Phase.MATCH else None,
        outcome=outcome(phase, bool(listed)),
        refusals=refusals,
    )


def outcome(phase: Phase, listed: bool) -> str:
    if phase == Phase.MATCH:
        return "match"
    name = "fill" if phase == Phase.FILL else "none"
    return name if listed else f"{name}_no_preferences"


def refusal(m: Matching, facts: Facts, s: int, j: int, p: int, reason: int) -> Refusal:
    place = m.encoded.places.ids[p]
    if reason == OK:
        return Refusal(j + 1, place, "full" if facts.capacity[p] else "no_seats", "")
    if reason == NOT_RANKED:
        return Refusal(j + 1, place, "not_ranked", "")
    why = Reason(reason)
    return Refusal(j + 1, place, "not_eligible", DETAIL_CODES[why], mismatch(m.encoded, s, p, why))


def mismatch(
    enc: Encoded, s: int, p: int, reason: Reason
) -> dict[str, str | int | float | list[str]]:
    """The values that make the student not fit the place, both sides of the rule."""
    st, pl = enc.students, enc.places
    if reason == Reason.RESERVED:
        return {"school": enc.school_codes[int(pl.reserved_for[p])]}
    if reason == Reason.QUALIFICATION:
        return {"offered": offered_qualifications(enc, p), "qualification": code_of(enc, s)}
    if reason == Reason.LEVEL:
        levels = [str(b) for b in range(64) if int(pl.level_mask[p]) >> b & 1]
        return {"levels": levels, "level": int(st.level[s])}
    if reason == Reason.PATHWAY:
        place, student = PATHWAY_NAMES[int(pl.pathway[p])], PATHWAY_NAMES[int(st.pathway[s])]
        return {"place_pathway": place, "pathway": student}
    if reason == Reason.PERIOD:
        return {
            "start": day(int(pl.start[p])),
            "end": day(int(pl.end[p])),
            "available_from": day(int(st.available_from[s])),
            "available_until": day(int(st.available_until[s])),
        }
    distance = float(distances_km(enc, np.array([s]), np.array([p]))[0])
    return {"km": round(distance), "max_km": float(st.max_distance_km[s])}


def offered_qualifications(enc: Encoded, p: int) -> list[str]:
    keys = enc.places.qualification_keys
    low, high = np.searchsorted(keys, [p * QUALIFICATION_BASE, (p + 1) * QUALIFICATION_BASE])
    return [enc.qualification_codes[int(k) % QUALIFICATION_BASE] for k in keys[low:high]]


def code_of(enc: Encoded, s: int) -> str:
    return enc.qualification_codes[int(enc.students.qualification[s])]


def day(ordinal: int) -> str:
    """An ISO date, or "" for an open end."""
    return "" if ordinal in (EARLIEST, LATEST) else date.fromordinal(ordinal).isoformat()
