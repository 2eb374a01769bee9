"""The seeded lottery that breaks ties: one national lottery number per student.

Single tie-breaking, as Dutch regional and national allocations do: every place without a
ranking of its own orders its applicants by the same lottery number (after the school's
priority). The number depends only on the seed and the student's id, not on the order of
the file, so anyone can recompute it: order all students by BLAKE2b-64 of
"<seed>:<student_id>" (big-endian; equal hashes by id), and a student's lottery number is
their position, 1 the first.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

SEED_LIMIT = 2**31  # seeds are 0 .. 2**31 - 1: easy to type back, plenty of lotteries


def new_seed() -> int:
    """A fresh seed, for a run that was not given one (reported so it can be repeated)."""
    return secrets.randbelow(SEED_LIMIT)


def lottery_hashes(student_ids: Sequence[str], seed: int) -> npt.NDArray[np.uint64]:
    """BLAKE2b-64 of "<seed>:<id>" per student."""
    digests = b"".join(
        hashlib.blake2b(f"{seed}:{sid}".encode(), digest_size=8).digest() for sid in student_ids
    )
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


def lottery_numbers(student_ids: Sequence[str], seed: int) -> npt.NDArray[np.int64]:
    """Each student's lottery number, 1 for the first drawn; a permutation of 1..n."""
    hashes = lottery_hashes(student_ids, seed)
    ids = np.array(student_ids, dtype=object)
    order = np.lexsort((ids, hashes)) if len(student_ids) else np.zeros(0, dtype=np.int64)
    numbers = np.empty(len(student_ids), dtype=np.int64)
    numbers[order] = np.arange(1, len(student_ids) + 1, dtype=np.int64)
    return numbers
