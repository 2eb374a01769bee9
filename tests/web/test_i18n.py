"""The English translation: pages switch once chosen, and the committed catalog is complete.

The msgids are Dutch; opmaat/locale/en/LC_MESSAGES/django.po holds the English and
django.mo its compiled form (both committed). Refresh both with `make messages`.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from pytest_django import Settings

import opmaat

PACKAGE = Path(opmaat.__file__).resolve().parent
MESSAGES = PACKAGE / "locale" / "en" / "LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"
REFRESH = "run `make messages`, translate the new entries in django.po, run it again"


# -- a small .po reader (polib is not a dependency) ---------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(text: str) -> str:
    text = text.strip()
    assert len(text) >= 2 and text[0] == text[-1] == '"', text
    return re.sub(r"\\(.)", lambda m: _ESCAPES[m.group(1)], text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """Every entry of the file, the header (msgid "") included; obsolete (#~) ones skipped."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    pending_flags: set[str] = set()

    def start(number: int) -> Entry:
        nonlocal current, pending_flags
        if current is None:
            current = Entry(flags=pending_flags, line=number)
            pending_flags = set()
            entries.append(current)
        return current

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, target = None, None
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert current is not None and target is not None, f"{path}:{number}"
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += _unquote(line)
            elif name == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + _unquote(line)
            elif name == "msgctxt":
                current.msgctxt = (current.msgctxt or "") + _unquote(line)
            else:
                current.msgid += _unquote(line)
        else:
            match = _KEYWORD.match(line)
            assert match, f"{path}:{number}: cannot read {raw!r}"
            keyword, form, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword in ("msgctxt", "msgid") and current is not None and current.msgstr:
                current = None  # a new entry without a blank line before it
            entry = start(number)
            if keyword == "msgctxt":
                entry.msgctxt, target = value, ("msgctxt", 0)
            elif keyword == "msgid":
                entry.msgid, target = value, ("msgid", 0)
            elif keyword == "msgid_plural":
                entry.msgid_plural, target = value, ("msgid_plural", 0)
            else:
                n = int(form) if form is not None else 0
                entry.msgstr[n], target = value, ("msgstr", n)
    return entries


def messages() -> list[Entry]:
    """The translatable entries, without the header."""
    return [entry for entry in read_po(PO) if entry.key != ""]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\([^)]+\)[sdifr]|%%|%[sdif]", text))


# -- the pages ------------------------------------------------------------------------------


@pytest.fixture
def english(client: Client) -> Client:
    """A browser that chose English (the language switch stores it in this cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_the_home_page_in_english(english: Client) -> None:
    response = english.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert response["Content-Language"] == "en"
    assert "Tailored training in care and welfare" in html
    assert "Learn only what you have not yet mastered." in html
    assert ">Log in<" in html and ">Catalog<" in html
    assert "provisional" in html  # provisional qualifications keep their label
    assert "Persoonlijk begeleider gehandicaptenzorg" in html  # catalog data stays Dutch
    assert "Opleiden op maat" not in html and "voorlopig" not in html
    assert "Nederlands</button>" in html  # the switch offers the way back


@pytest.mark.django_db
def test_the_catalog_page_in_english(english: Client) -> None:
    html = english.get("/catalogus/").content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Catalog</h1>" in html
    assert "Search by name or code" in html and ">Search</button>" in html
    assert "<h2>Qualifications</h2>" in html and "<h2>Certificates</h2>" in html
    assert "Zoek op naam" not in html and "Certificaten" not in html


@pytest.mark.django_db
def test_a_catalog_search_in_english(english: Client) -> None:
    html = english.get("/catalogus/", {"q": "zzzz-nothing"}).content.decode()
    assert "No learning units found." in html
    assert "No learning outcomes found." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "dutch"),
    [("/", "Opleiden op maat in zorg en welzijn"), ("/catalogus/", "Zoek op naam of code")],
)
def test_pages_are_dutch_by_default(client: Client, path: str, dutch: str) -> None:
    response = client.get(path)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert response["Content-Language"] == "nl"
    assert dutch in html
    assert "English</button>" in html


@pytest.mark.django_db
def test_a_browser_preferring_english_still_gets_dutch_until_the_user_chooses(
    client: Client,
) -> None:
    """Deliberate (opmaat.web.language): only the language switch changes the language."""
    html = client.get("/catalogus/", headers={"Accept-Language": "en"}).content.decode()
    assert '<html lang="nl">' in html and "Zoek op naam of code" in html


@pytest.mark.django_db
def test_an_unknown_language_in_the_cookie_falls_back_to_dutch(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    assert '<html lang="nl">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_requests_language_ends_with_the_request(english: Client) -> None:
    """The thread goes back to its own language: what runs next is not in English."""
    before = translation.get_language()
    english.get("/")
    assert translation.get_language() == before


# -- the catalog ----------------------------------------------------------------------------


def test_the_po_file_has_a_proper_header() -> None:
    header = next(entry for entry in read_po(PO) if entry.key == "")
    assert "fuzzy" not in header.flags
    assert "Language: en\n" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    entries = messages()
    assert len(entries) > 300
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in entries if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries in {PO}:\n" + "\n".join(fuzzy)
    untranslated = []
    for entry in entries:
        forms = [0, 1] if entry.msgid_plural is not None else [0]
        if any(not entry.msgstr.get(n, "").strip() for n in forms):
            untranslated.append(f"line {entry.line}: {entry.msgid!r}")
    assert not untranslated, f"untranslated entries in {PO}:\n" + "\n".join(untranslated)


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for entry in messages():
        for n, text in entry.msgstr.items():
            source = entry.msgid if n == 0 or entry.msgid_plural is None else entry.msgid_plural
            if placeholders(text) != placeholders(source):
                wrong.append(f"line {entry.line}: {source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_msgfmt_accepts_the_po_file(tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext (msgfmt) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "check.mo"), str(PO)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "untranslated" not in report and "fuzzy" not in report, report


def test_the_compiled_mo_matches_the_po_file() -> None:
    """A stale django.mo (edited .po, not compiled) shows as a translation that differs."""
    assert MO.exists(), f"{MO} is missing: {REFRESH}"
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in messages():
        if entry.msgid_plural is not None:
            got = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
            want = [entry.msgstr[0], entry.msgstr[1]]
        elif entry.msgctxt is not None:
            got, want = [compiled.pgettext(entry.msgctxt, entry.msgid)], [entry.msgstr[0]]
        else:
            got, want = [compiled.gettext(entry.msgid)], [entry.msgstr[0]]
        if got != want:
            stale.append(f"{entry.msgid!r}: compiled {got!r}, .po {want!r}")
    assert not stale, f"django.mo is out of date ({REFRESH}):\n" + "\n".join(stale[:20])


def _not_source(folder: str, names: list[str]) -> list[str]:
    """What makemessages would not read: anything but folders and .py, .html and .txt files."""
    return [
        name
        for name in names
        if name in ("locale", "__pycache__")
        or not (Path(folder, name).is_dir() or name.endswith((".py", ".html", ".txt")))
    ]


def test_the_catalog_holds_every_string_of_the_source(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Extract the strings from a copy of the source and compare with the committed .po."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed")
    copy = tmp_path / "opmaat"
    shutil.copytree(PACKAGE, copy, ignore=_not_source)
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = []
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_obsolete=True, add_location="file", verbosity=0)
    extracted = {e.key for e in read_po(copy / "locale/en/LC_MESSAGES/django.po")} - {""}
    committed = {entry.key for entry in messages()}
    missing = sorted(extracted - committed)
    assert not missing, f"strings missing from {PO} ({REFRESH}):\n" + "\n".join(missing)
    leftover = sorted(committed - extracted)
    assert not leftover, f"strings no longer in the source ({REFRESH}):\n" + "\n".join(leftover)
