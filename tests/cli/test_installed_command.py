"""The `opmaat` command as a user runs it: a fresh process on a fresh SQLite home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def opmaat(home: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["OPMAAT_HOME"] = str(home)
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-m", "opmaat", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_route_works_before_init_from_the_shipped_catalog_without_creating_a_database(
    tmp_path: Path,
) -> None:
    result = opmaat(tmp_path, "route", "--target", "C0054", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["missing_units"][0]["code"] == "23268-B1-K1-1"
    assert "standaardcatalogus" in result.stderr
    assert not (tmp_path / "opmaat.sqlite3").exists()


def test_init_prepares_the_database_once_and_again_without_harm(tmp_path: Path) -> None:
    first = opmaat(tmp_path, "init", "--demo")
    assert first.returncode == 0, first.stderr
    assert "default catalog loaded" in first.stdout
    assert "Demo login: beheerder" in first.stdout
    second = opmaat(tmp_path, "init", "--demo")
    assert second.returncode == 0, second.stderr
    assert "already loaded" in second.stdout
    routed = opmaat(tmp_path, "route", "--target", "25779", "--json")
    assert routed.returncode == 0 and routed.stderr == ""


def test_init_creates_the_home_and_the_database_for_their_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "nieuw" / "opmaat"
    result = opmaat(home, "init")
    assert result.returncode == 0, result.stderr
    modes = {p.name: p.stat().st_mode & 0o777 for p in (home, *home.iterdir())}
    assert modes["opmaat"] == 0o700
    assert modes["opmaat.sqlite3"] == modes["secret_key"] == 0o600


def test_a_user_error_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    result = opmaat(tmp_path, "route", "--target", "25797")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("opmaat: fout [unknown_code]: Onbekende code ‘25797’")
    assert "Traceback" not in result.stderr


def test_export_before_init_says_what_to_do(tmp_path: Path) -> None:
    result = opmaat(tmp_path, "catalog", "export", "-o", str(tmp_path / "c.yaml"))
    assert result.returncode == 1
    assert result.stderr.startswith("opmaat: database ") and result.stderr.count("\n") == 1
    assert "voer `opmaat init` uit" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_setting_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    result = opmaat(tmp_path, "init", OPMAAT_DEBUG="ja")
    assert result.returncode == 1
    assert result.stderr == "opmaat: OPMAAT_DEBUG moet true of false zijn, niet ‘ja’\n"


@pytest.mark.parametrize("command", [[], ["route"], ["catalog"], ["catalog", "export"]])
def test_every_command_has_help(tmp_path: Path, command: list[str]) -> None:
    result = opmaat(tmp_path, *command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout
