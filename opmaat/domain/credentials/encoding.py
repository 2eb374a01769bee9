"""Byte encodings the credential formats use: base58-btc multibase, Multikey, base64url.

Multibase (draft-multiformats-multibase): a one-character prefix names the alphabet; `z`
is base58-btc, `u` base64url without padding. Multikey (W3C Controlled Identifiers 1.0,
section 2.2.2): an Ed25519 public key is the multicodec header 0xed 0x01 followed by the
32 key bytes, multibase base58-btc encoded, so it always starts with `z6Mk`.
"""

from __future__ import annotations

import base64
import binascii

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
ED25519_PUB_HEADER = b"\xed\x01"


class EncodingError(ValueError):
    """Text that is not in the expected encoding."""


def b58encode(data: bytes) -> str:
    """Base58 (Bitcoin alphabet): leading zero bytes become leading '1's."""
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, rest = divmod(number, 58)
        digits.append(ALPHABET[rest])
    return "1" * zeros + "".join(reversed(digits))


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        digit = _INDEX.get(char)
        if digit is None:
            raise EncodingError(f"{char!r} is not a base58 character")
        number = number * 58 + digit
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_b58(data: bytes) -> str:
    return "z" + b58encode(data)


def from_multibase(text: str) -> bytes:
    """Decode base58-btc (`z…`) or base64url (`u…`) multibase text."""
    if text.startswith("z"):
        return b58decode(text[1:])
    if text.startswith("u"):
        return b64url_decode(text[1:])
    raise EncodingError("multibase text must start with 'z' (base58-btc) or 'u' (base64url)")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise EncodingError(f"not base64url: {error}") from None


def ed25519_multikey(public_key: bytes) -> str:
    """The Multikey `publicKeyMultibase` of a raw 32-byte Ed25519 public key."""
    if len(public_key) != 32:
        raise EncodingError("an Ed25519 public key has 32 bytes")
    return multibase_b58(ED25519_PUB_HEADER + public_key)


def public_key_of_multikey(text: str) -> bytes:
    raw = from_multibase(text)
    if not raw.startswith(ED25519_PUB_HEADER) or len(raw) != 34:
        raise EncodingError("not an Ed25519 Multikey")
    return raw[2:]
