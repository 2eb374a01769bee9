"""Typed readers for the environment that name the bad variable when it is wrong."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs


class EnvError(ValueError):
    pass


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise EnvError(f"{name} moet true of false zijn, niet ‘{value}’")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise EnvError(f"{name} moet een geheel getal zijn, niet ‘{value}’") from None


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default).strip()


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def opmaat_home() -> Path:
    """Where opmaat keeps its SQLite file and secret key: OPMAAT_HOME or the user's data dir."""
    configured = os.environ.get("OPMAAT_HOME", "").strip()
    return (
        Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("opmaat"))
    )


def ensure_home() -> Path:
    """OPMAAT_HOME, created readable by its owner only (0700) when it is missing."""
    home = opmaat_home()
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    return home


def write_private(path: Path, text: str) -> None:
    """A new file readable by its owner only (0600) from the moment it exists."""
    with os.fdopen(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as file:
        file.write(text)


def sqlite_path() -> Path:
    return opmaat_home() / "opmaat.sqlite3"


def database_url() -> str | None:
    return os.environ.get("DATABASE_URL", "").strip() or None


def secret_key() -> str:
    """OPMAAT_SECRET_KEY, else a key generated once and kept in OPMAAT_HOME (development)."""
    configured = os.environ.get("OPMAAT_SECRET_KEY", "").strip()
    if configured:
        return configured
    path = opmaat_home() / "secret_key"
    if not path.exists():
        import secrets

        ensure_home()
        with contextlib.suppress(FileExistsError):  # another worker was first
            write_private(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


def credential_key() -> bytes:
    """OPMAAT_CREDENTIAL_KEY (32 random bytes, base64url), the key that encrypts the
    credential signing keys; else one generated once and kept in OPMAAT_HOME (development)."""
    import base64
    import binascii

    configured = os.environ.get("OPMAAT_CREDENTIAL_KEY", "").strip()
    if not configured:
        path = opmaat_home() / "credential_key"
        if not path.exists():
            import secrets

            ensure_home()
            with contextlib.suppress(FileExistsError):  # another worker was first
                write_private(path, base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        configured = path.read_text().strip()
    try:
        key = base64.urlsafe_b64decode(configured + "=" * (-len(configured) % 4))
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise EnvError("OPMAAT_CREDENTIAL_KEY moet 32 bytes in base64url zijn (44 tekens)")
    return key


LOCAL_PUBLIC_URL = "http://localhost:8000"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def public_url() -> str | None:
    """OPMAAT_PUBLIC_URL: the site's address as written into credentials and QR codes, or
    None when it is not set (opmaat.credentials.services.site_url decides what then)."""
    return envstr("OPMAAT_PUBLIC_URL", "").rstrip("/") or None


def local_site(debug: bool, allowed_hosts: list[str]) -> bool:
    """Whether this is a local run (the demo, development): debug pages on, or a site that
    answers only to loopback names (the default OPMAAT_ALLOWED_HOSTS). Only then may the
    public address be taken from the request."""
    return debug or all(host.lower() in LOOPBACK_HOSTS for host in allowed_hosts)
