"""Revocation through a Bitstring Status List (W3C "Bitstring Status List v1.0").

Each issuing organisation publishes one list: a bitstring where bit i (counted from the
most significant bit of the first byte) is 1 when the credential with statusListIndex i is
revoked; GZIP-compressed and multibase base64url encoded (`u` prefix, no padding) as
`encodedList`. The spec asks for at least 131,072 entries (16 KB) so one revocation does
not single out a holder; indices are handed out at random for the same reason.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from datetime import datetime

from opmaat.domain.credentials.encoding import EncodingError, b64url_encode, from_multibase
from opmaat.domain.credentials.errors import MalformedCredential

LIST_SIZE = 131_072
PURPOSE = "revocation"


def encode_list(revoked: Iterable[int], size: int = LIST_SIZE) -> str:
    bits = bytearray(size // 8)
    for index in revoked:
        if not 0 <= index < size:
            raise ValueError(f"status index {index} outside 0..{size - 1}")
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url_encode(gzip.compress(bytes(bits), mtime=0))


def decode_list(encoded: str) -> bytes:
    try:
        return gzip.decompress(from_multibase(encoded))
    except (EncodingError, OSError, EOFError) as error:
        raise MalformedCredential("status_list", str(error)) from None


def is_set(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise MalformedCredential("status_index", str(index))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_entry(list_url: str, index: int) -> dict[str, object]:
    """The `credentialStatus` of a credential at `index` of the list at `list_url`."""
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(
    list_url: str, issuer_id: str, valid_from: datetime, revoked: Iterable[int]
) -> dict[str, object]:
    """The (unsigned) BitstringStatusListCredential published at `list_url`."""
    from opmaat.domain.credentials.document import VC_CONTEXT, xsd_datetime

    return {
        "@context": [VC_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": xsd_datetime(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode_list(revoked),
        },
    }
