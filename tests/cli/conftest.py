from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from opmaat.cli.main import run


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Opmaat = Callable[..., Result]


@pytest.fixture
def opmaat(capsys: pytest.CaptureFixture[str]) -> Opmaat:
    """Run `opmaat ARGS…` in this process (on the test database) and capture the result."""

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exit_:
            run(list(args))
        captured = capsys.readouterr()
        code = exit_.value.code
        return Result(code if isinstance(code, int) else 1, captured.out, captured.err)

    return invoke
