"""How much a zip-based file (DOCX, ODT, XLSX) unpacks to, read from its directory before
anything is unpacked: a few kilobytes can hold gigabytes (a zip bomb), or an archive inside
the document. `zip_problem` says what is wrong, or nothing."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

MiB = 1024 * 1024
# The first bytes of the archive formats refused inside a document: zip (and so every
# office file), gzip, bzip2, xz, 7-Zip, RAR.
ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!")
RATIO_FROM = MiB  # members unpacking to less are never too compressed


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What a zip-based file may hold: `members` files, `unpacked` bytes in all, each
    member of at least RATIO_FROM bytes at most `ratio` times its packed size (0: any), and
    archives inside it only when `nested`."""

    members: int
    unpacked: int
    ratio: int = 0
    nested: bool = False


def zip_problem(file: IO[bytes], limits: ZipLimits) -> str:
    """ "" for a zip within `limits`; else what is wrong: `damaged` (no readable zip
    directory), `members`, `unpacked`, `ratio` or `nested`. `file` is read from the start
    and left where it was."""
    start = file.tell()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            if len(members) > limits.members:
                return "members"
            if sum(m.file_size for m in members) > limits.unpacked:
                return "unpacked"
            for member in members:
                if too_compressed(member, limits.ratio):
                    return "ratio"
            if not limits.nested and any(is_archive(archive, m) for m in members):
                return "nested"
    except Exception:  # zipfile, zlib and the other decompressors raise their own errors
        return "damaged"
    finally:
        file.seek(start)
    return ""


def too_compressed(member: zipfile.ZipInfo, ratio: int) -> bool:
    if not ratio or member.file_size < RATIO_FROM:
        return False
    return member.file_size > ratio * max(member.compress_size, 1)


def is_archive(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether a member is itself an archive, by its first bytes (not its name)."""
    if member.is_dir() or member.file_size < 3:
        return False
    with archive.open(member) as handle:
        head = handle.read(8)
    return head.startswith(ARCHIVE_MAGIC)
