"""URL converters the apps' urls share. `<id:pk>` is a database id: digits that fit a
64-bit integer column, so an id beyond it is no match (404) rather than an overflow in the
database driver (SQLite raises OverflowError, a 500)."""

from __future__ import annotations

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest value of a BigAutoField


class DatabaseId:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("beyond a 64-bit id")  # Django: no match, so 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(DatabaseId, "id")
