"""The erasure ledger: which learner record was erased when, and nothing else.

Kept beside the database (settings.ERASURE_LEDGER, OPMAAT_ERASURE_LEDGER), one JSON line per
erasure, so that restoring a backup made before an erasure carries it out again
(opmaat.backup.services.restore). It holds no personal data: a record id and a moment.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True, slots=True)
class Erasure:
    learner: int
    erased_at: datetime


def path() -> Path:
    return Path(settings.ERASURE_LEDGER)


def record(learner: int, erased_at: datetime) -> None:
    """Append one erasure (the file made readable by its owner only)."""
    where = path()
    where.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"learner": learner, "erased_at": erased_at.isoformat()})
    descriptor = os.open(where, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as ledger:
        ledger.write(line + "\n")


def entries() -> Iterator[Erasure]:
    """Every erasure recorded; a line that cannot be read is skipped (a torn last write)."""
    where = path()
    if not where.exists():
        return
    for line in where.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            yield Erasure(int(data["learner"]), datetime.fromisoformat(data["erased_at"]))
        except (ValueError, KeyError, TypeError):
            continue
