"""Portfolio files: checked by content, stored outside the web root under generated names.

A file is accepted when it is no larger than UPLOAD_MAX_BYTES, libmagic recognises its
content as one of ALLOWED_TYPES, and a word-processor file (a zip inside) unpacks within
OFFICE_LIMITS with no archive inside it. Its name is never trusted: the download name is
its cleaned base name with the extension of the type detected (`download_name`). Files are
served as attachments with a sandboxing content security policy, so even a cleverly built
file is never executed or shown inline as HTML.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

import magic
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from opmaat.domain.archives import MiB, ZipLimits, zip_problem
from opmaat.domain.errors import InvalidInput

# What a portfolio holds in practice: statements and reports as PDF or word-processor files,
# photos of work, plain text. No HTML, SVG, scripts or archives.
ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "text/plain": "txt",
}
ALLOWED_LABEL = "PDF, JPG, PNG, DOCX, ODT, TXT"
# DOCX and ODT are zip archives: a portfolio document unpacks to at most 100 MiB in at most
# 1,000 parts, none packed more than 100 to 1 (text packs 5 to 10 to 1; a zip bomb 1,000),
# and holds no archive (a nested zip, an embedded workbook: save such a document as PDF).
OFFICE_TYPES = frozenset(t for t, ext in ALLOWED_TYPES.items() if ext in ("docx", "odt"))
OFFICE_LIMITS = ZipLimits(members=1_000, unpacked=100 * MiB, ratio=100)
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")
SNIFF_BYTES = 8192


class UploadRefused(InvalidInput):
    """`reason` is one of empty, too_large, type, archive, name; `detail` the size in MB,
    the type, what is wrong with the archive (damaged, members, unpacked, ratio, nested) or
    the name found, `limit` the largest size in MB."""

    code = "upload_refused"
    variant = "reason"

    def __init__(self, reason: str, detail: str = "", limit: int = 0) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(
            field="file", reason=reason, detail=detail, limit=limit, allowed=ALLOWED_LABEL
        )


@dataclass(frozen=True, slots=True)
class StoredFile:
    stored_name: str
    original_name: str
    content_type: str
    size: int
    sha256: str


def clean_name(name: str) -> str:
    """The last path component of `name`, without control characters, at most 200 long:
    only ever shown, or used as a download name, never as a path."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip(" .")
    return base[-200:] or "bestand"


EXTENSION_LIKE = re.compile(r"\.[A-Za-z0-9]{1,5}$")
UNSAFE_IN_NAME = re.compile(r"[^\w ().,+-]")


def download_name(original_name: str, content_type: str) -> str:
    """The name a stored file is downloaded as: the uploader's base name, cleaned, without
    the extensions it came with, and the extension of the type detected (`cv.pdf.exe` that
    is a PDF becomes `cv.pdf`, `cv.html` that is plain text `cv.txt`)."""
    base = clean_name(original_name)
    while EXTENSION_LIKE.search(base):
        base = EXTENSION_LIKE.sub("", base)
    base = UNSAFE_IN_NAME.sub("_", base).strip(" ._")[:100] or "bestand"
    return f"{base}.{ALLOWED_TYPES.get(content_type, 'bin')}"


def sniff(head: bytes) -> str:
    """The content type libmagic reads from the first bytes."""
    return str(magic.from_buffer(head, mime=True))


def check_upload(upload: UploadedFile) -> str:
    """The file's content type when it may be stored; UploadRefused saying why not."""
    limit = int(settings.UPLOAD_MAX_BYTES)
    size = upload.size or 0
    if size == 0:
        raise UploadRefused("empty")
    if size > limit:
        mb = f"{size / 2**20:.1f}"
        raise UploadRefused("too_large", mb, round(limit / 2**20))
    upload.seek(0)
    content_type = sniff(upload.read(SNIFF_BYTES))
    upload.seek(0)
    if content_type not in ALLOWED_TYPES:
        raise UploadRefused("type", content_type)
    if content_type in OFFICE_TYPES:
        problem = zip_problem(upload, OFFICE_LIMITS)
        if problem:
            raise UploadRefused("archive", problem)
    return content_type


def store(upload: UploadedFile) -> StoredFile:
    """Check `upload` and write it under a generated name in UPLOAD_DIR."""
    content_type = check_upload(upload)
    stored_name = f"{uuid.uuid4().hex}.{ALLOWED_TYPES[content_type]}"
    path = path_of(stored_name)
    # Owner only, like the files: the folder lists who sent how much (created when missing).
    Path(settings.UPLOAD_DIR).mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    digest = hashlib.sha256()
    with path.open("xb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    path.chmod(0o600)
    return StoredFile(
        stored_name,
        clean_name(upload.name or ""),
        content_type,
        upload.size or 0,
        digest.hexdigest(),
    )


def path_of(stored_name: str) -> Path:
    """Where a stored file lives; only generated names are accepted, so a name read back
    from the database can never point outside UPLOAD_DIR."""
    if not _STORED_NAME.match(stored_name):
        raise UploadRefused("name", stored_name)
    return Path(settings.UPLOAD_DIR) / stored_name[:2] / stored_name


def remove(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)
