"""The single national lottery: one number per student, fixed by the seed and the id."""

from __future__ import annotations

import hashlib

from opmaat.domain.matching import lottery_numbers, new_seed
from opmaat.domain.matching.lottery import SEED_LIMIT

IDS = [f"S{i}" for i in range(50)]


def test_the_numbers_are_a_permutation_of_one_to_n() -> None:
    assert sorted(lottery_numbers(IDS, 7).tolist()) == list(range(1, 51))


def test_a_students_number_does_not_depend_on_the_file_order() -> None:
    forward = dict(zip(IDS, lottery_numbers(IDS, 7).tolist(), strict=True))
    backward = dict(zip(IDS[::-1], lottery_numbers(IDS[::-1], 7).tolist(), strict=True))
    assert forward == backward


def test_another_seed_draws_another_order() -> None:
    assert lottery_numbers(IDS, 7).tolist() != lottery_numbers(IDS, 8).tolist()


def test_anyone_can_recompute_the_draw_from_the_seed_and_the_ids() -> None:
    def digest(sid: str) -> int:
        return int.from_bytes(hashlib.blake2b(f"7:{sid}".encode(), digest_size=8).digest(), "big")

    first = min(IDS, key=digest)
    assert lottery_numbers(IDS, 7).tolist()[IDS.index(first)] == 1


def test_a_new_seed_is_within_the_documented_range() -> None:
    assert all(0 <= new_seed() < SEED_LIMIT for _ in range(20))
