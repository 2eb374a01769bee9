"""Bitstring Status List v1.0: bit i from the left, GZIP, multibase base64url."""

from __future__ import annotations

import pytest

from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.status_list import LIST_SIZE, decode_list, encode_list, is_set


def test_revoked_indices_are_set_and_others_are_not() -> None:
    bits = decode_list(encode_list([0, 7, 94567, LIST_SIZE - 1]))
    assert len(bits) == LIST_SIZE // 8 == 16_384
    assert [is_set(bits, i) for i in (0, 1, 7, 8, 94567, 94568, LIST_SIZE - 1)] == [
        True,
        False,
        True,
        False,
        True,
        False,
        True,
    ]
    assert bits[0] == 0b1000_0001


def test_the_encoded_list_is_multibase_base64url() -> None:
    encoded = encode_list([])
    assert encoded.startswith("u") and "=" not in encoded and "+" not in encoded


def test_an_index_outside_the_list_is_refused() -> None:
    with pytest.raises(ValueError):
        encode_list([LIST_SIZE])
    with pytest.raises(MalformedCredential):
        is_set(decode_list(encode_list([])), LIST_SIZE)


def test_garbage_is_not_a_status_list() -> None:
    with pytest.raises(MalformedCredential):
        decode_list("uAAAA")
