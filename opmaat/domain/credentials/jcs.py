"""The JSON Canonicalization Scheme (RFC 8785), with a fast path.

RFC 8785 output equals Python's `json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)` when a document holds no floating-point numbers and no object keys
outside the Basic Multilingual Plane:
- strings: both escape exactly `"`, `\\`, and U+0000–U+001F (`\\b \\t \\n \\f \\r` by name,
  the rest as lower-case `\\u00xx`), and write everything else as UTF-8 (RFC 8785 §3.2.2.2);
- integers: both write the plain decimal digits (§3.2.2.3, for |n| < 2**53);
- key order: RFC 8785 sorts by UTF-16 code units, Python by code points; the two agree
  below U+10000 (§3.2.3).
Everything else (floats, huge integers, astral keys) goes through the `rfc8785` package,
which implements the ECMAScript number serialisation. tests/domain/credentials checks the
two agree on generated documents.
"""

from __future__ import annotations

import json

import rfc8785

from opmaat.domain.credentials.errors import MalformedCredential

MAX_SAFE_INTEGER = 2**53 - 1


def canonical(value: object) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of a JSON value."""
    try:
        if _simple(value):
            text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            return text.encode()
        return rfc8785.dumps(value)  # type: ignore[arg-type]  # JSON values, as parsed
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        # UnicodeEncodeError (a ValueError): a lone surrogate, which JSON text cannot carry.
        raise MalformedCredential("canonical", str(error)) from None


def _simple(value: object) -> bool:
    """Whether the fast path gives RFC 8785 output for `value` (see the module docstring)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) or item is None or isinstance(item, bool):
            continue
        if isinstance(item, int):
            if abs(item) > MAX_SAFE_INTEGER:
                return False
        elif isinstance(item, dict):
            for key, member in item.items():
                if not isinstance(key, str) or any(ord(c) > 0xFFFF for c in key):
                    return False
                stack.append(member)
        elif isinstance(item, list):
            stack.extend(item)
        else:  # floats and anything that is not JSON
            return False
    return True
