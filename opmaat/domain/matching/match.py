"""One matching run: eligibility, deferred acceptance, and optionally the post-match fill."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from opmaat.domain.matching.eligibility import Reason, Reasons, pair_reasons, place_ranks
from opmaat.domain.matching.encode import Encoded, IntArray, encode
from opmaat.domain.matching.model import Instance
from opmaat.domain.matching.solver import deferred_acceptance


class Phase(IntEnum):
    """How a student got their place: in the stable matching, or in the post-match fill."""

    NONE = 0
    MATCH = 1
    FILL = 2


PHASE_NAMES = {Phase.NONE: None, Phase.MATCH: "match", Phase.FILL: "fill"}


@dataclass(frozen=True, slots=True, eq=False)
class Matching:
    """The outcome per student (arrays in file order) and the facts behind it."""

    encoded: Encoded
    reasons: Reasons  # [students, choices]: Reason per listed place (OK on padding)
    ranks: IntArray  # [students, choices]: the rank each listed place gives the student
    place: IntArray  # [students]: place index, -1 when unplaced
    choice: IntArray  # [students]: 0-based index in the student's list; -1 for fill/unplaced
    phase: npt.NDArray[np.int8]  # [students]: Phase
    fill_run: bool

    @property
    def seed(self) -> int:
        return self.encoded.seed

    def usable(self) -> npt.NDArray[np.bool_]:
        """[students, choices]: listed places the student may be placed at."""
        usable: npt.NDArray[np.bool_] = (self.encoded.choices >= 0) & (self.reasons == Reason.OK)
        return usable

    def assignments(self) -> dict[str, str | None]:
        """Student id → place id, None when unplaced; in file order."""
        ids = self.encoded.places.ids
        return {
            sid: (ids[p] if p >= 0 else None)
            for sid, p in zip(self.encoded.students.ids, self.place.tolist(), strict=True)
        }

    def seats_taken(self) -> IntArray:
        placed = self.place[self.place >= 0]
        taken: IntArray = np.bincount(placed, minlength=self.encoded.n_places).astype(np.int64)
        return taken


def match(instance: Instance, seed: int, *, fill: bool = False) -> Matching:
    """The student-optimal stable matching of `instance` with the lottery of `seed`, and with
    `fill` the post-match fill of the seats left over (`fill.py`)."""
    return match_encoded(encode(instance, seed), fill=fill)


def match_encoded(enc: Encoded, *, fill: bool = False) -> Matching:
    reasons, ranks = preference_facts(enc)
    usable = (enc.choices >= 0) & (reasons == Reason.OK)
    choice = deferred_acceptance(enc.choices, ranks, usable, enc.places.capacity)
    rows = np.flatnonzero(choice >= 0)
    place = np.full(enc.n_students, -1, dtype=np.int64)
    place[rows] = enc.choices[rows, choice[rows]]
    phase = np.where(choice >= 0, Phase.MATCH, Phase.NONE).astype(np.int8)
    if fill:
        from opmaat.domain.matching.fill import fill_places  # scipy: only when asked

        place, phase = fill_places(enc, place, phase)
    return Matching(enc, reasons, ranks, place, choice, phase, fill)


def preference_facts(enc: Encoded) -> tuple[Reasons, IntArray]:
    """Per listed place: the Reason the student cannot be placed there (or OK) and the rank
    the place gives the student."""
    listed = np.flatnonzero(enc.choices.ravel() >= 0)
    width = max(enc.choices.shape[1], 1)
    s = listed // width
    p = enc.choices.ravel()[listed].astype(np.int64)
    reasons = np.zeros(enc.choices.shape, dtype=np.int8)
    ranks = np.zeros(enc.choices.shape, dtype=np.int64)
    reasons.ravel()[listed] = pair_reasons(enc, s, p)
    ranks.ravel()[listed] = place_ranks(enc, s, p)
    return reasons, ranks
