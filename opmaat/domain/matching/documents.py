"""The JSON document of `opmaat match --json` (docs/cli.md, docs/formats/matching.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.matching.explain import Explanation
from opmaat.domain.matching.match import Matching
from opmaat.domain.matching.stability import is_stable
from opmaat.domain.matching.summary import Summary, summarise


def match_document(
    m: Matching,
    explanations: Sequence[Explanation] | None = None,
    summary: Summary | None = None,
) -> dict[str, object]:
    """{"assignments", "seed", "stable", "summary"}, and "explanations" when given."""
    document: dict[str, object] = {
        "assignments": m.assignments(),
        "seed": m.seed,
        "stable": is_stable(m),
        "summary": (summary or summarise(m)).document(),
    }
    if explanations is not None:
        document["explanations"] = {e.student: explanation(e) for e in explanations}
    return document


def explanation(e: Explanation) -> dict[str, object]:
    """The facts of one explanation; the edges add each `text` in their language
    (opmaat.messages.add_matching_texts)."""
    return {
        "place": e.place,
        "phase": e.phase,
        "choice": e.choice,
        "outcome": e.outcome,
        "refusals": [
            {
                "choice": r.choice,
                "place": r.place,
                "reason": r.reason,
                "detail": r.detail,
                "data": r.data,
            }
            for r in e.refusals
        ],
    }
