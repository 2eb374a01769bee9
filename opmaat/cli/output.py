"""Printing for the CLI: human text on stdout, notes and errors on stderr, JSON documents."""

from __future__ import annotations

import json
import os
import sys

from rich.console import Console

console = Console(highlight=False)
if not console.is_terminal and "COLUMNS" not in os.environ:
    console.width = 120  # piped or redirected: room for the tables instead of 80 columns


def out(text: str) -> None:
    print(text)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def print_json(document: object) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2))
