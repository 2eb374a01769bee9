"""Ed25519 signing keys, encrypted at rest.

A private key is stored as AES-256-GCM ciphertext (NIST SP 800-38D) of its 32 raw bytes,
under a key-encryption key that comes from the environment (OPMAAT_CREDENTIAL_KEY) and
never from the database. The key's id is the associated data, so a ciphertext copied onto
another key's row does not decrypt. Layout: 12-byte nonce ‖ ciphertext ‖ 16-byte tag.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from opmaat.domain.credentials.errors import KeyUnavailable

KEK_BYTES = 32
NONCE_BYTES = 12


def generate_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def raw_public_key(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def encrypt_private_key(key: Ed25519PrivateKey, kek: bytes, key_id: str) -> bytes:
    """The private key sealed with AES-256-GCM under `kek`, bound to `key_id`."""
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(kek).encrypt(nonce, raw, key_id.encode())


def decrypt_private_key(sealed: bytes, kek: bytes, key_id: str) -> Ed25519PrivateKey:
    """The private key, or KeyUnavailable when `kek` (or the key id) is not the one used."""
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        raw = AESGCM(kek).decrypt(nonce, ciphertext, key_id.encode())
    except InvalidTag:
        raise KeyUnavailable(key_id) from None
    return Ed25519PrivateKey.from_private_bytes(raw)
