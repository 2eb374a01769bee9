"""RFC 8785: the fast path gives the same bytes as the reference implementation."""

from __future__ import annotations

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.credentials.jcs import canonical

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
@settings(max_examples=300, deadline=None)
def test_canonical_bytes_equal_the_reference_implementation(value: object) -> None:
    try:
        expected = rfc8785.dumps(value)  # type: ignore[arg-type]  # the strategy draws JSON values only
    except (rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError):
        return  # lone surrogates: neither can write them
    assert canonical(value) == expected


def test_rfc_8785_sorts_keys_by_utf16_code_units_not_code_points() -> None:
    # U+1F600 is D83D DE00 in UTF-16, which sorts before U+FB01; by code point it is after.
    value = {"\ufb01": 1, "\U0001f600": 2}
    assert canonical(value) == '{"\U0001f600":2,"\ufb01":1}'.encode()


def test_numbers_are_written_as_ecmascript_does() -> None:
    assert canonical({"a": 1.0, "b": 1e21, "c": 0.000001}) == b'{"a":1,"b":1e+21,"c":0.000001}'
