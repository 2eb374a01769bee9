"""Asserting on a refusal by its class, code and data, never on the words of a message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from opmaat.domain.errors import DomainError, Value


@contextmanager
def refused(error: type[DomainError], code: str, /, **data: Value) -> Iterator[None]:
    """The block raises `error` with `code` and (at least) the data items given."""
    with pytest.raises(error) as raised:
        yield
    assert raised.value.code == code
    for key, value in data.items():
        assert raised.value.data.get(key) == value, (key, raised.value.data)
