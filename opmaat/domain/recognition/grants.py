"""Which holdings a decision of the exam board grants, and what superseding it changes.

Every holding has a source: entered by hand (with its grounds), granted by a decision, or
given by an issued credential. A holding is kept per source, so the same exemption may be
held twice on different grounds; superseding a decision touches only what that decision
granted, never a holding with other grounds (issue 14: a hand-recorded exemption was removed
because the superseded decision had granted the same code).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Source(StrEnum):
    MANUAL = "manual"  # recorded by hand, the grounds in its evidence
    DECISION = "decision"  # granted by an exam-board decision (ref: the decision's id)
    CREDENTIAL = "credential"  # given by an issued credential (ref: the credential's id)


@dataclass(frozen=True, slots=True, order=True)
class Grant:
    """One holding as its source knows it."""

    code: str
    kind: str  # exemption, outcome or held
    source: Source
    ref: str = ""  # the decision or credential, for those sources


Key = tuple[str, str]  # (code, kind)


@dataclass(frozen=True, slots=True)
class Follow:
    """What following a new decision changes: holdings to remove, holdings that now rest on
    the new decision, and (code, kind) pairs to add."""

    remove: tuple[Grant, ...]
    move: tuple[Grant, ...]
    add: tuple[Key, ...]


def follow_decision(
    held: Iterable[Grant], previous: str | None, decision: str, granted: Iterable[Key]
) -> Follow:
    """The changes that make the holdings say what `decision` grants instead of what
    `previous` granted: of the previous decision's holdings, those it no longer grants go
    and the others move to the new decision; what is new is added. Holdings of any other
    source are never touched."""
    wanted = set(granted)
    decided = [g for g in held if g.source == Source.DECISION]
    mine = [g for g in decided if previous is not None and g.ref == previous]
    already = {(g.code, g.kind) for g in decided if g.ref == decision}
    remove = tuple(sorted(g for g in mine if (g.code, g.kind) not in wanted))
    move = tuple(sorted(g for g in mine if (g.code, g.kind) in wanted))
    moved = {(g.code, g.kind) for g in move}
    add = tuple(sorted(wanted - moved - already))
    return Follow(remove, move, add)
