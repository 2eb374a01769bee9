from __future__ import annotations


class UserError(Exception):
    """A mistake in what the user asked; printed as one line, exit status 1. `code` is
    the domain error's code when the line renders one (docs/errors.md)."""

    def __init__(self, text: str, code: str = "") -> None:
        self.code = code
        super().__init__(text)


def error_line(text: str, code: str = "") -> str:
    """The line on stderr: `opmaat: fout [code]: text` for a coded refusal, else
    `opmaat: text`."""
    return f"opmaat: fout [{code}]: {text}" if code else f"opmaat: {text}"
