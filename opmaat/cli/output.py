"""Printing for the CLI: human text on stdout, notes and errors on stderr, JSON documents."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


@contextmanager
def progress(title: str) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr, only when stderr is a terminal; `step(label)` moves it."""
    if not sys.stderr.isatty():
        yield lambda label: None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(title, total=None)

        def step(label: str) -> None:
            bar.update(task, description=f"{title}: {label}")

        yield step
