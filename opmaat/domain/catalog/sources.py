"""A catalog entry's sources as a reader meets them: who published what, when, and where.

The catalog records each source as the compiler found it (`owner/repository : path
(commit …)`, a law's folder, an SBB export, a web address; docs/catalog-sources.md). A
public page shows none of that plumbing: `source_line` reads the text into a publisher, a
title, a year and, for a public document, a link. What it does not recognise keeps its
text without repository prefix and commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

# The schools whose published OER and exam plans the default catalog was compiled from,
# by the folder of the collection they were mirrored in.
SCHOOLS = {
    "utrecht": "MBO Utrecht",
    "talland": "Talland College",
    "rijn_ijssel": "Rijn IJssel",
    "aeres": "Aeres MBO",
    "davinci": "Da Vinci College",
}
# Laws and regulations by their BWB id (wetten.overheid.nl).
LAWS = {
    "BWBR0036352": "Regeling vaststelling kwalificatiedossiers mbo 2015",
    "BWBR0007625": "Wet educatie en beroepsonderwijs",
}
COMMIT = re.compile(r"\s*\(commit [0-9a-f]{7,40}\)", re.IGNORECASE)
REPOSITORY = re.compile(r"^[\w.-]+/[\w.-]+\s*:\s*")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
OER_FILE = re.compile(r"^oeren/(?P<school>[^/]+)/(?P<file>.+?\.md)\b", re.IGNORECASE)
OER_NAME = re.compile(r"^(?P<crebo>\d{5})_(?P<pathway>BOL|BBL)_(?P<year>\d{4})__", re.IGNORECASE)
LAW = re.compile(r"\b(BWBR\d{7})\b")
SBB_FILE = re.compile(r'"\d+ (?P<name>[^"]+?)\.xml"')


@dataclass(frozen=True, slots=True)
class SourceLine:
    publisher: str  # "" when unknown
    title: str
    year: str  # "2025", or ""
    url: str  # a public address to open, or ""


def source_line(text: str) -> SourceLine:
    """One recorded source as a readable line."""
    text = text.strip()
    if text.startswith(("http://", "https://")):
        return web_page(text)
    law = LAW.search(text)
    if law is not None:
        return law_text(law.group(1), text)
    body = COMMIT.sub("", REPOSITORY.sub("", text)).strip()
    oer = OER_FILE.match(body)
    if oer is not None:
        return school_document(oer.group("school"), oer.group("file"))
    if "kwalificatie-dossier" in text or "SBB" in text:
        sbb = SBB_FILE.search(text)
        name = sbb.group("name").replace("_", " ") if sbb else "generieke onderdelen"
        return SourceLine("SBB", f"Kwalificatiedossier {name}", first_year(text), "")
    return SourceLine("", body, "", "")


def source_lines(texts: Iterable[str]) -> tuple[SourceLine, ...]:
    """Each source once, in the order recorded (several files of one document read alike)."""
    return tuple(dict.fromkeys(source_line(text) for text in texts))


def first_year(text: str) -> str:
    found = YEAR.search(text)
    return found.group(1) if found else ""


def web_page(text: str) -> SourceLine:
    url, _, _note = text.partition(" ")
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    segments = [re.sub(r"\.(html?|php|aspx?)$", "", s) for s in parts.path.split("/")]
    slug = next((s for s in reversed(segments) if s and s != "index"), "")
    title = re.sub(r"[-_]+", " ", slug).strip()
    title = title[:1].upper() + title[1:] if title and not title.isdigit() else host
    return SourceLine(host, title, first_year(parts.path), url)


def law_text(bwb: str, text: str) -> SourceLine:
    title = LAWS.get(bwb, bwb)
    return SourceLine("Overheid.nl", title, first_year(text), f"https://wetten.overheid.nl/{bwb}")


def school_document(folder: str, file: str) -> SourceLine:
    key = re.sub(r"_(oeren|oer)$", "", folder.lower())
    school = SCHOOLS.get(key, key.replace("_", " ").title())
    name = OER_NAME.match(file)
    lowered = file.lower()
    if "examenreglement" in lowered:
        return SourceLine(school, "Examenreglement", "", "")
    if "examenplan" in lowered:
        kind = "Examenplan"
    elif "mjp" in lowered:
        kind = "Meerjarenplanning"
    else:
        kind = "Onderwijs- en examenregeling"
    if name is None:
        return SourceLine(school, kind, "", "")
    title = f"{kind} {name.group('crebo')} ({name.group('pathway').upper()})"
    return SourceLine(school, title, name.group("year"), "")
