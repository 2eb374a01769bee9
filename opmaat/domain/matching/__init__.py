"""Regional internship matching (stagematching): places, applications, a stable matching.

`match` runs student-proposing deferred acceptance with capacities after an eligibility
filter, ties broken by a seeded single lottery, and optionally a post-match fill of the
seats left over. `summarise`, `explain` and `match_document` turn the result into figures,
Dutch explanations and the JSON document of `opmaat match --json`. The file formats are in
docs/formats/matching.md.
"""

from opmaat.domain.matching.documents import match_document
from opmaat.domain.matching.eligibility import Reason
from opmaat.domain.matching.errors import (
    DuplicateId,
    FillTooLarge,
    InvalidMatchingFile,
    NegativeCapacity,
    RepeatedEntry,
    UnknownReference,
)
from opmaat.domain.matching.explain import Explanation, Refusal, explain
from opmaat.domain.matching.lottery import lottery_numbers, new_seed
from opmaat.domain.matching.match import Matching, Phase, match, match_encoded
from opmaat.domain.matching.model import Instance, Place, Student
from opmaat.domain.matching.rounds import (
    DEFAULT_RETURN_DAYS,
    release_reservations,
    released,
    return_deadline,
)
from opmaat.domain.matching.stability import blocking_pairs, is_stable
from opmaat.domain.matching.summary import Summary, summarise

__all__ = [
    "DEFAULT_RETURN_DAYS",
    "DuplicateId",
    "Explanation",
    "FillTooLarge",
    "Instance",
    "InvalidMatchingFile",
    "Matching",
    "NegativeCapacity",
    "Phase",
    "Place",
    "Reason",
    "Refusal",
    "RepeatedEntry",
    "Student",
    "Summary",
    "UnknownReference",
    "blocking_pairs",
    "explain",
    "is_stable",
    "lottery_numbers",
    "match",
    "match_document",
    "match_encoded",
    "new_seed",
    "release_reservations",
    "released",
    "return_deadline",
    "summarise",
]
