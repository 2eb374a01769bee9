"""`opmaat --help` and every subcommand's `--help` speak Dutch (issue 15, item 9)."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Opmaat

COMMANDS = [
    [],
    ["init"],
    ["serve"],
    ["route"],
    ["reach"],
    ["match"],
    ["prescan"],
    ["backup"],
    ["restore"],
    ["catalog"],
    ["catalog", "validate"],
    ["catalog", "load"],
    ["catalog", "export"],
    ["token"],
    ["token", "create"],
    ["token", "list"],
    ["token", "revoke"],
    ["credentials"],
    ["credentials", "list"],
    ["credentials", "export"],
    ["credentials", "verify"],
    ["credentials", "rotate-key"],
]

ENGLISH = [" the ", " and ", " or ", "Run ", "Load", "Print", "file to", "Only", "Match", "Which"]
ENGLISH += [" with ", " when ", "Write ", "Check ", "Every "]

# Typer's and click's own words, which stay English.
FRAMEWORK = ["Usage:", "Show this message and exit.", "Options", "Arguments", "Commands"]
FRAMEWORK += ["[default:", "[required]"]


def without_framework(text: str) -> str:
    """The help as one line without the table's borders and typer's own words: a help text
    wrapped over two table rows reads as one sentence again."""
    for border in "│╭╮╰╯─":
        text = text.replace(border, " ")
    text = " ".join(text.split())
    for words in FRAMEWORK:
        text = text.replace(words, " ")
    return text


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "opmaat")
def test_help_is_dutch(opmaat: Opmaat, command: list[str]) -> None:
    result = opmaat(*command, "--help")
    assert result.code == 0
    text = without_framework(result.out)
    assert text.strip(), "the help says something beyond typer's own lines"
    found = [word for word in ENGLISH if word in f" {text} "]
    assert found == [], text
