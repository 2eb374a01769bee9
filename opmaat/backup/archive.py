"""The backup file: a zip with a manifest, the database as Django's JSON fixture, and the
uploaded files, each member with its SHA-256 so that a restore can check the whole file
before it touches anything (docs/backup.md).

Framework-free: this module reads and writes the archive; opmaat.backup.services fills it
from the database and the upload directory and restores from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import IO

from opmaat.domain.errors import InvalidInput

FORMAT = "opmaat-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
FILES = "files/"
CHUNK = 1 << 20


class BadBackup(InvalidInput):
    """Not a backup this opmaat can restore: `reason` says why (not_a_backup, version,
    checksum, missing, unsafe_name), `member` which part."""

    code = "bad_backup"
    variant = "reason"

    def __init__(self, reason: str, member: str = "", detail: str = "") -> None:
        super().__init__(reason=reason, member=member, detail=detail)


@dataclass(frozen=True, slots=True)
class Member:
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup holds and with what it was made."""

    created_at: str  # ISO 8601, UTC
    opmaat: str
    django: str
    database: str  # the vendor it was made from: sqlite or postgresql
    migrations: Mapping[str, str]  # app label → the last migration applied
    counts: Mapping[str, int]  # model label → rows
    members: Mapping[str, Member] = field(default_factory=dict)

    def document(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": self.created_at,
            "opmaat": self.opmaat,
            "django": self.django,
            "database": self.database,
            "migrations": dict(self.migrations),
            "counts": dict(self.counts),
            "members": {
                name: {"size": m.size, "sha256": m.sha256} for name, m in self.members.items()
            },
            "not_included": (
                "OPMAAT_SECRET_KEY and OPMAAT_CREDENTIAL_KEY: the signing keys are stored "
                "encrypted with the credential key, which is kept apart from its backups"
            ),
        }

    @property
    def files(self) -> list[str]:
        """The uploaded files' paths, relative to the upload directory."""
        return [name.removeprefix(FILES) for name in self.members if name.startswith(FILES)]


def sha256_of(stream: IO[bytes]) -> Member:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return Member(size, digest.hexdigest())


def write_backup(
    target: Path, manifest: Manifest, database: Path, files: Mapping[str, Path]
) -> Manifest:
    """Write the archive: the database fixture, every file under `files/` (by its path
    relative to the upload directory), and last the manifest with their checksums."""
    members: dict[str, Member] = {}
    # It holds every personal record: readable by its owner only, from the first byte.
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with (
        os.fdopen(descriptor, "wb") as file,
        zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, source in [(DATABASE, database), *((FILES + k, v) for k, v in files.items())]:
            with source.open("rb") as stream:
                members[name] = sha256_of(stream)
            archive.write(source, name)
        done = replace(manifest, members=members)
        archive.writestr(MANIFEST, json.dumps(done.document(), indent=2, sort_keys=True))
    return done


def read_manifest(archive: zipfile.ZipFile) -> Manifest:
    try:
        data = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BadBackup("not_a_backup", MANIFEST) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadBackup("not_a_backup", MANIFEST)
    if data.get("format_version") != FORMAT_VERSION:
        raise BadBackup("version", MANIFEST, str(data.get("format_version")))
    try:
        members = {
            str(name): Member(int(m["size"]), str(m["sha256"]))
            for name, m in dict(data["members"]).items()
        }
        return Manifest(
            created_at=str(data["created_at"]),
            opmaat=str(data["opmaat"]),
            django=str(data["django"]),
            database=str(data["database"]),
            migrations={str(k): str(v) for k, v in dict(data["migrations"]).items()},
            counts={str(k): int(v) for k, v in dict(data["counts"]).items()},
            members=members,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BadBackup("not_a_backup", MANIFEST) from error


def open_backup(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BadBackup("not_a_backup", path.name) from error


def check_backup(archive: zipfile.ZipFile) -> Manifest:
    """The manifest, once every member it lists is present with its size and checksum,
    every file name is a plain relative path, and the database is among them."""
    manifest = read_manifest(archive)
    if DATABASE not in manifest.members:
        raise BadBackup("missing", DATABASE)
    for name, expected in manifest.members.items():
        if not safe_name(name):
            raise BadBackup("unsafe_name", name)
        try:
            with archive.open(name) as stream:
                found = sha256_of(stream)
        except KeyError as error:
            raise BadBackup("missing", name) from error
        if found != expected:
            raise BadBackup("checksum", name)
    return manifest


def safe_name(name: str) -> bool:
    """A member name that stays inside where it is extracted to."""
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name and bool(name)


def upload_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every file under the upload directory, by its POSIX path relative to it."""
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield path.relative_to(root).as_posix(), path
