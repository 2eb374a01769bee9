"""What one cell holds, read the same way in every file: CSV gives text, a workbook text,
numbers, dates or None, a YAML document any of these. Each function takes either."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime

from opmaat.domain.errors import Said

Cell = object  # text from CSV; text, a number, a date or None from a workbook or document

NUMBER = re.compile(r"-?\d+([.,]\d+)?([eE][-+]?\d+)?")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0 and C1 control characters, DEL
TRUE = frozenset({"true", "ja", "yes", "1", "waar"})
FALSE = frozenset({"false", "nee", "no", "0", "onwaar"})


def is_blank(value: Cell) -> bool:
    """Not given: an empty cell, or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def to_number(value: Cell) -> float | None:
    """A finite number from a number or text ("1680", "12,5" with a Dutch decimal comma,
    "1e-05"); None otherwise. true and false are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and NUMBER.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        return None
    return number if math.isfinite(number) else None


def to_whole(value: Cell) -> int | None:
    """A whole number (12, "12", or 12.0 as a workbook gives it); None otherwise."""
    number = to_number(value)
    if number is None or not number.is_integer():
        return None
    return int(number)


def to_bool(value: Cell) -> bool | None:
    """Yes or no, in English or Dutch (true/ja/waar/1, false/nee/onwaar/0); None otherwise."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    return None


def to_date(value: Cell) -> date | None:
    """A date cell of a workbook, or text YYYY-MM-DD; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def code_text(value: Cell) -> str:
    """A code as stored: upper-case text; a crebo typed into a spreadsheet as the number
    25475 (read back as 25475.0) is the code 25475."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().upper()


def id_text(value: Cell) -> str:
    """An id or other text as given; an id typed as the number 12 (read back as 12.0) is "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def split_list(text: str, separator: str) -> tuple[str, ...]:
    """The parts of a list in one cell, in order, stripped, empty parts dropped."""
    parts = text.split(separator)
    if " " in text or "" in parts:  # the rare untidy list: strip and drop empty parts
        return tuple(part for part in (p.strip() for p in parts) if part)
    return tuple(parts)  # the usual tidy list, split in C


# What is wrong with a cell, worded once for every file ------------------------------------


def control_character(text: str) -> Said | None:
    """A problem for text holding a control character (NUL, a tab, a line break): no id or
    name holds one, and PostgreSQL stores no NUL in text; None for clean text."""
    found = CONTROL.search(text)
    if found is None:
        return None
    char = f"U+{ord(found.group()):04X}"
    return Said(f"contains a control character ({char})", "control_character", char=char)


def not_whole(value: Cell) -> Said:
    return Said(f"expected a whole number, got {value!r}", "not_whole", value=str(value))


def not_number(value: Cell) -> Said:
    return Said(f"expected a number, got {value!r}", "not_number", value=str(value))


def not_date(value: Cell) -> Said:
    return Said(f"expected a date YYYY-MM-DD, got {value!r}", "not_date", value=str(value))


def not_bool(value: Cell) -> Said:
    return Said(f"expected true or false, got {value!r}", "not_bool", value=str(value))


def not_one_of(allowed: Iterable[str], value: Cell) -> Said:
    """ "expected BOL or BBL, got 'x'"; with more choices "expected one of a, b, c, got 'x'"."""
    choices = list(allowed)
    listed = " or ".join(choices) if len(choices) == 2 else f"one of {', '.join(choices)}"
    return Said(
        f"expected {listed}, got {value!r}", "not_one_of", allowed=tuple(choices), value=str(value)
    )


def whole_out_of_range(number: int, low: int, high: int | None) -> Said | None:
    """ "must be 1 to 8, got 9" or "must be 0 or more, got -2"; None within the range."""
    return out_of_range(number, low, high, f"{number}", f"{low} or more")


def number_out_of_range(number: float, low: float, high: float | None) -> Said | None:
    """ "must be -90 to 90, got 95" or "must be at least 0, got -5"; None within the range."""
    return out_of_range(number, low, high, f"{number:g}", f"at least {low:g}")


def out_of_range(
    number: float, low: float, high: float | None, shown: str, floor: str
) -> Said | None:
    if number >= low and (high is None or number <= high):
        return None
    if high is None:
        return Said(f"must be {floor}, got {shown}", "too_small", low=low, value=shown)
    text = f"must be {low:g} to {high:g}, got {shown}"
    return Said(text, "out_of_range", low=low, high=high, value=shown)
