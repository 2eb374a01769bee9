"""Errors raised by the domain core, each with a stable machine-readable `code`.

The domain says which refusal it is and with what data, never in which words: the edges
render it once through opmaat.messages (the web in the user's language, the CLI in Dutch
with the code, the API as RFC 9457 problem details). docs/errors.md lists the codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

# What an error carries for its message: a code, a number, or a list of codes.
Value = str | int | float | tuple[str, ...]

# The longest code the catalog holds (a werkproces code, `catalog_outcome.code`): a longer
# input is no code, and nothing is like it.
MAX_CODE_LENGTH = 80
# How much of a value given by a user a refusal repeats: enough to recognise it, never a
# whole pasted document.
SHOWN_LENGTH = 40
# A name typed for a code: the catalog's longest names are about 80 characters.
SHOWN_NAME_LENGTH = 100


def shown_prefix(value: str, length: int = SHOWN_LENGTH) -> str:
    """`value` as a refusal repeats it: up to `length` characters, an ellipsis for the rest."""
    return value if len(value) <= length else f"{value[:length]}…"


class DomainError(Exception):
    """A refusal. `code` names it for every edge (docs/errors.md), `status` says what kind
    of refusal it is in HTTP terms, and `data` holds what a message about it needs; the
    domain decides no prose. `str(error)` is a developer's line for logs: the code and the
    data. `field` names the input the refusal is about, when there is one ("work_hours")."""

    code: ClassVar[str] = "domain_error"
    status: ClassVar[int] = 400
    # The data item whose value picks one of several messages for the code ("reason"),
    # or "" when the code has one message.
    variant: ClassVar[str] = ""

    def __init__(self, **data: Value) -> None:
        self.data: dict[str, Value] = data
        super().__init__(self.code)

    @property
    def field(self) -> str:
        value = self.data.get("field", "")
        return value if isinstance(value, str) else ""

    @property
    def message_key(self) -> str:
        """The code, or `code.<variant>` for a code with several messages."""
        chosen = self.data.get(self.variant, "") if self.variant else ""
        return f"{self.code}.{chosen}" if chosen else self.code

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems found in a file, for the errors that list them."""
        return ()

    def __str__(self) -> str:
        return developer_line(self.code, self.data)


def developer_line(code: str, data: Mapping[str, Value]) -> str:
    given = ", ".join(f"{key}={value!r}" for key, value in data.items())
    return f"{code}: {given}" if given else code


class UnknownCode(DomainError):
    code = "unknown_code"
    status = 404

    def __init__(self, value: str, closest: Sequence[str] = ()) -> None:
        self.value = shown_prefix(value)
        self.closest = tuple(closest)
        super().__init__(value=self.value, closest=self.closest)

    @property
    def message_key(self) -> str:
        return f"{self.code}.closest" if self.closest else self.code

    @classmethod
    def among(cls, value: str, known: Iterable[str]) -> UnknownCode:
        """The error for `value`, naming up to three known codes that look most like it."""
        return cls(value, closest_codes(value, known))


class AmbiguousName(DomainError):
    """A name typed where a code was asked that several codes have; `choices` are their
    codes, so that the person picks one."""

    code = "ambiguous_name"

    def __init__(self, value: str, choices: Sequence[str]) -> None:
        super().__init__(value=shown_prefix(value, SHOWN_NAME_LENGTH), choices=tuple(choices))


class UnknownName(DomainError):
    """Text typed where a code was asked that is neither a code nor a name; `closest`
    names up to three choices ("code — name", joined by semicolons, as names may hold
    commas) whose names hold its words."""

    code = "unknown_name"
    status = 404

    def __init__(self, value: str, closest: Sequence[str] = ()) -> None:
        self.closest = tuple(closest)
        shown = shown_prefix(value, SHOWN_NAME_LENGTH)
        super().__init__(value=shown, closest="; ".join(self.closest))

    @property
    def message_key(self) -> str:
        return f"{self.code}.closest" if self.closest else self.code


class InvalidInput(DomainError):
    """A value the domain cannot work with; each kind of it is a subclass with its code."""

    code = "invalid_input"


class Conflict(DomainError):
    """A request that is well formed but cannot be done in the current state."""

    code = "conflict"
    status = 409


class Required(InvalidInput):
    """Something that must be given was left out; `field` names it (grounds, rationale,
    feedback, reason, observation, werkprocessen, evidence, file)."""

    code = "required"
    variant = "field"

    def __init__(self, field: str) -> None:
        super().__init__(field=field)


class InvalidChoice(InvalidInput):
    """A value that is not one of the field's choices."""

    code = "invalid_choice"

    def __init__(self, field: str, value: str) -> None:
        super().__init__(field=field, value=shown_prefix(value))


class NulCharacter(InvalidInput):
    """Text with a NUL character: no database stores it as text."""

    code = "nul_character"

    def __init__(self, field: str) -> None:
        super().__init__(field=field)


class UnsupportedFile(InvalidInput):
    """A file whose name does not end in one of the accepted suffixes (`expected`)."""

    code = "unsupported_file"

    def __init__(self, name: str, expected: Sequence[str]) -> None:
        super().__init__(field="file", name=name, expected=tuple(expected))


class FileTooLarge(InvalidInput):
    code = "file_too_large"
    status = 413

    def __init__(self, name: str, limit_mb: int) -> None:
        super().__init__(field="file", name=name, limit_mb=limit_mb)


class CannotWrite(InvalidInput):
    """An output file that cannot be written: `detail` says what the system said, or names
    the suffixes expected."""

    code = "cannot_write"

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(path=path, detail=detail)


class Said(str):
    """What is wrong, in English for logs and developers, that also says which problem it
    is (`kind`) and with what `data`, so that an edge words it in the user's language
    (opmaat.messages, keys `problem.<kind>`)."""

    kind: str
    data: tuple[tuple[str, Value], ...]

    def __new__(cls, text: str, kind: str, **data: Value) -> Said:
        said = super().__new__(cls, text)
        said.kind = kind
        said.data = tuple(data.items())
        return said


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an input file: where it is and what is wrong. `kind` and `data`
    say which problem it is, when the reader said (see `Said`); `message` is English."""

    file: str
    location: str  # "line 12", "sheet units, row 4" or "" when the file as a whole is wrong
    field: str
    message: str
    kind: str = ""
    data: tuple[tuple[str, Value], ...] = ()

    def __str__(self) -> str:
        where = ":".join(part for part in (self.file, self.location) if part)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class FileProblems(DomainError):
    """A file with problems; every problem found is listed, not just the first. The data
    gives the first problem and how many there are."""

    code = "file_problems"
    status = 422

    def __init__(self, problems: Sequence[Problem]) -> None:
        self._problems = tuple(problems)
        first = str(self._problems[0]) if self._problems else ""
        super().__init__(count=len(self._problems), first=first)

    @property
    def message_key(self) -> str:
        """The code, or `code.<variant>` for a code with several messages."""
        chosen = self.data.get(self.variant, "") if self.variant else ""
        return f"{self.code}.{chosen}" if chosen else self.code

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems


class InvalidCatalog(FileProblems):
    code = "invalid_catalog"


SIMILAR = 0.5  # the similarity (difflib's ratio) from which a code is suggested


def closest_codes(value: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` known codes most like `value`: same characters in another order (a
    typing slip such as 25747 for 25477) first, then by similarity. A value longer than any
    code (MAX_CODE_LENGTH) is like none, and is not compared: comparing costs the product of
    the two lengths, so a pasted megabyte would hold a worker for minutes."""
    wanted = value.strip().upper()
    if not wanted or len(wanted) > MAX_CODE_LENGTH:
        return []
    letters = sorted(wanted)
    matcher = difflib.SequenceMatcher(None, wanted)

    def score(code: str) -> tuple[bool, float]:
        upper = code.upper()
        if sorted(upper) == letters:
            return True, 1.0
        matcher.set_seq2(upper)
        # The cheap upper bounds first: most codes are ruled out without the full ratio.
        if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
            return False, 0.0
        return False, matcher.ratio()

    scored = sorted(((score(code), code) for code in set(known)), reverse=True)
    return [code for (same, ratio), code in scored if same or ratio >= SIMILAR][:limit]
