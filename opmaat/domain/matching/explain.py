"""Why each student got their place and not one they ranked higher, in Dutch.

For every place a student listed above the one they got (all of them when they got none),
exactly one of three things holds in a stable matching, and the explanation names it:

- full: the place was full with students it ranked higher ("vol met studenten die de plek
  hoger rangschikte");
- not_eligible: the student does not fit the place (which rule, with both values);
- not_ranked: the place has a ranking of its own and the student is not on it.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    reason: str  # full, not_eligible, not_ranked
    detail: str  # for not_eligible: reserved, qualification, level, pathway, period, distance
    text: str


@dataclass(frozen=True, slots=True)
class Explanation:
    student: str
    place: str | None
    phase: str | None  # match, fill, or None when unplaced
    choice: int | None  # 1-based preference of the place got in the matching
    text: str
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
        text=outcome_text(phase, got + 1, place, listed),
        refusals=refusals,
    )


def outcome_text(phase: Phase, choice: int, place: str | None, listed: list[int]) -> str:
    if phase == Phase.MATCH:
        return f"Geplaatst op voorkeur {choice} ({place})."
    if phase == Phase.FILL and not listed:
        return f"Geplaatst in de aanvulronde op {place}: je had geen voorkeuren opgegeven."
    if phase == Phase.FILL:
        return (
            f"Geplaatst in de aanvulronde op {place}: deze plek stond niet op je lijst, "
            "en geen van je voorkeuren kon je plaatsen."
        )
    if not listed:
        return "Niet geplaatst: je hebt geen voorkeuren opgegeven."
    return "Niet geplaatst: geen van je voorkeuren kon je plaatsen."


def refusal(m: Matching, facts: Facts, s: int, j: int, p: int, reason: int) -> Refusal:
    place = m.encoded.places.ids[p]
    head = f"Voorkeur {j + 1} ({place})"
    if reason == OK:
        if facts.capacity[p] == 0:
            text = f"{head} had geen plaatsen."
        else:
            text = f"{head} was vol met studenten die de plek hoger rangschikte."
        return Refusal(j + 1, place, "full", "", text)
    if reason == NOT_RANKED:
        return Refusal(j + 1, place, "not_ranked", "", f"{head} heeft je niet gerangschikt.")
    detail = mismatch_text(m.encoded, s, p, Reason(reason))
    return Refusal(
        j + 1,
        place,
        "not_eligible",
        DETAIL_CODES[Reason(reason)],
        f"{head}: niet geschikt, {detail}.",
    )


def mismatch_text(enc: Encoded, s: int, p: int, reason: Reason) -> str:
    st, pl = enc.students, enc.places
    if reason == Reason.RESERVED:
        school = enc.school_codes[int(pl.reserved_for[p])]
        return f"de plek is tot de terugvaldatum gereserveerd voor {school}"
    if reason == Reason.QUALIFICATION:
        offered = " of ".join(offered_qualifications(enc, p))
        return f"de plek is voor kwalificatie {offered}, jij volgt {code_of(enc, s)}"
    if reason == Reason.LEVEL:
        levels = " of ".join(str(b) for b in range(64) if int(pl.level_mask[p]) >> b & 1)
        return f"de plek is voor niveau {levels}, jij volgt niveau {int(st.level[s])}"
    if reason == Reason.PATHWAY:
        place, student = PATHWAY_NAMES[int(pl.pathway[p])], PATHWAY_NAMES[int(st.pathway[s])]
        return f"de plek is {place}, jij volgt {student}"
    if reason == Reason.PERIOD:
        period = span(int(pl.start[p]), int(pl.end[p]))
        available = span(int(st.available_from[s]), int(st.available_until[s]))
        return f"de periode {period} valt buiten je beschikbaarheid ({available})"
    distance = float(distances_km(enc, np.array([s]), np.array([p]))[0])
    return f"de plek ligt {distance:.0f} km weg, je maximum is {float(st.max_distance_km[s]):g} km"


def offered_qualifications(enc: Encoded, p: int) -> list[str]:
    keys = enc.places.qualification_keys
    low, high = np.searchsorted(keys, [p * QUALIFICATION_BASE, (p + 1) * QUALIFICATION_BASE])
    return [enc.qualification_codes[int(k) % QUALIFICATION_BASE] for k in keys[low:high]]


def code_of(enc: Encoded, s: int) -> str:
    return enc.qualification_codes[int(enc.students.qualification[s])]


def span(first: int, last: int) -> str:
    begin = "" if first in (EARLIEST, LATEST) else date.fromordinal(first).isoformat()
    end = "" if last in (EARLIEST, LATEST) else date.fromordinal(last).isoformat()
    if begin and end:
        return f"{begin} t/m {end}"
    return f"vanaf {begin}" if begin else f"tot en met {end}"
