"""Signing keys per organisation: created on first use, rotated on request, never shown.

Private keys are decrypted only in this process, for one signature, with the key from
OPMAAT_CREDENTIAL_KEY (opmaat.env.credential_key); public keys are published at
/verifieren/sleutels.json, retired ones included, so old credentials keep verifying.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction
from django.utils import timezone

from opmaat import env
from opmaat.accounts.models import Organisation
from opmaat.credentials.models import SigningKey
from opmaat.domain.credentials.document import Issuer
from opmaat.domain.credentials.encoding import ed25519_multikey
from opmaat.domain.credentials.errors import PublicUrlMissing
from opmaat.domain.credentials.keys import (
    decrypt_private_key,
    encrypt_private_key,
    generate_key,
    raw_public_key,
)


def issuer_id(organisation: Organisation, site: str) -> str:
    """The organisation's issuer id at the public address `site`
    (opmaat.credentials.services.site_url); a key keeps the id it was made with."""
    return f"{site}/verifieren/uitgevers/{organisation.pk}/"


def issuer_of(key: SigningKey) -> Issuer:
    return Issuer(key.controller, key.organisation.name)


def current_key(organisation: Organisation, site: str) -> SigningKey:
    """The organisation's active key, whatever its issuer id; created at the public
    address `site` when it has none yet."""
    key = SigningKey.objects.filter(organisation=organisation, retired_at__isnull=True).first()
    return key if key is not None else _new_key(organisation, issuer_id(organisation, site))


@transaction.atomic
def active_key(organisation: Organisation, controller: str) -> SigningKey:
    """The organisation's key for signing under the issuer id `controller`: the active
    one, or a new one when it has none or the active one has another issuer id (the site
    moved to another public address: the old key is retired and stays published, so what
    it signed keeps verifying)."""
    key = (
        SigningKey.objects.select_for_update()
        .filter(organisation=organisation, retired_at__isnull=True)
        .first()
    )
    if key is not None and key.controller == controller:
        return key
    if key is not None:
        key.retired_at = timezone.now()
        key.save(update_fields=["retired_at"])
    return _new_key(organisation, controller)


@transaction.atomic
def rotate_key(organisation: Organisation, site: str | None = None) -> SigningKey:
    """Retire the current key (it stays published) and make a new one under the same issuer
    id (the last one the organisation had; at the public address `site` when it had
    none)."""
    current = SigningKey.objects.select_for_update().filter(
        organisation=organisation, retired_at__isnull=True
    )
    controller = (
        current.values_list("controller", flat=True).last()
        or SigningKey.objects.filter(organisation=organisation)
        .values_list("controller", flat=True)
        .last()
        or (issuer_id(organisation, site) if site else None)
    )
    if controller is None:
        raise PublicUrlMissing()
    current.update(retired_at=timezone.now())
    return _new_key(organisation, controller)


def _new_key(organisation: Organisation, controller: str) -> SigningKey:
    number = SigningKey.objects.filter(organisation=organisation).count() + 1
    stamp = timezone.now().strftime("%Y%m%d")
    method = f"{controller}#key-{number}-{stamp}"
    private = generate_key()
    return SigningKey.objects.create(
        organisation=organisation,
        verification_method=method,
        controller=controller,
        public_key=raw_public_key(private),
        private_key_sealed=encrypt_private_key(private, env.credential_key(), method),
    )


def private_key(key: SigningKey) -> Ed25519PrivateKey:
    return decrypt_private_key(
        bytes(key.private_key_sealed), env.credential_key(), key.verification_method
    )


def key_document(key: SigningKey) -> dict[str, object]:
    """The key as a Multikey verification method (W3C Controlled Identifiers 1.0)."""
    document: dict[str, object] = {
        "id": key.verification_method,
        "type": "Multikey",
        "controller": key.controller,
        "publicKeyMultibase": ed25519_multikey(bytes(key.public_key)),
        "created": key.created_at.isoformat(),
    }
    if key.retired_at is not None:
        document["retired"] = key.retired_at.isoformat()
    return document


def published_keys() -> dict[str, object]:
    """Every issuer with every key it ever signed with: /verifieren/sleutels.json."""
    names: dict[str, str] = {}
    keys: dict[str, list[dict[str, object]]] = {}
    for key in SigningKey.objects.select_related("organisation").order_by("id"):
        names.setdefault(key.controller, key.organisation.name)
        keys.setdefault(key.controller, []).append(key_document(key))
    issuers = [
        {"id": controller, "type": ["Profile"], "name": name, "keys": keys[controller]}
        for controller, name in names.items()
    ]
    return {"format": "opmaat-issuer-keys/1", "issuers": issuers}
