"""Private keys are stored encrypted and only the right key-encryption key opens them."""

from __future__ import annotations

import os

import pytest

from opmaat.domain.credentials.errors import KeyUnavailable
from opmaat.domain.credentials.keys import (
    decrypt_private_key,
    encrypt_private_key,
    generate_key,
    raw_public_key,
)
from tests.errors import refused


def test_a_sealed_key_opens_with_the_same_kek_and_key_id() -> None:
    key, kek = generate_key(), os.urandom(32)
    sealed = encrypt_private_key(key, kek, "org-1#key-1")
    opened = decrypt_private_key(sealed, kek, "org-1#key-1")
    assert raw_public_key(opened) == raw_public_key(key)


def test_the_sealed_bytes_do_not_contain_the_private_key() -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    key, kek = generate_key(), os.urandom(32)
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    assert raw not in encrypt_private_key(key, kek, "k")


def test_another_kek_or_another_key_id_cannot_open_it() -> None:
    key, kek = generate_key(), os.urandom(32)
    sealed = encrypt_private_key(key, kek, "org-1#key-1")
    with refused(KeyUnavailable, "signing_key_unavailable", setting="OPMAAT_CREDENTIAL_KEY"):
        decrypt_private_key(sealed, os.urandom(32), "org-1#key-1")
    with pytest.raises(KeyUnavailable):
        decrypt_private_key(sealed, kek, "org-2#key-1")
