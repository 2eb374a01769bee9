"""The embedded SQLite database serves a web server with several workers: advisors saving
routes at the same moment all succeed, none gets "database is locked".

This runs what a user runs: `opmaat init --demo` on a fresh OPMAAT_HOME (a real SQLite file),
`opmaat serve` with four gunicorn workers, and sixty route saves through the API at once.
The database's files are its owner's only (opmaat/sqlite/base.py)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SAVES = 60
WORKERS = 4
PREPARE = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from opmaat.accounts.models import ApiToken
from opmaat.learners.access import visible_learners
user = get_user_model().objects.get(username="intake")
_, key = ApiToken.issue(user, "tests/web/test_sqlite_server.py")
learners = visible_learners(user).filter(route_plans__isnull=False).distinct()
print(json.dumps({"token": key, "learners": sorted(learners.values_list("pk", flat=True))}))
"""


def environment(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["OPMAAT_HOME"] = str(home)
    return env


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, object], Path]]:
    """`opmaat serve` on a fresh SQLite home with the demo: its address, an API token of the
    demo intake advisor with the learners it may plan for, and the home."""
    home = tmp_path / "home"
    env = environment(home)
    run([sys.executable, "-m", "opmaat", "init", "--demo"], env)
    found = json.loads(
        run([sys.executable, "-c", PREPARE], {**env, "DJANGO_SETTINGS_MODULE": "opmaat.settings"})
    )
    port = free_port()
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "opmaat", "serve", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--workers", str(WORKERS)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "no answer on /healthz within 60 s"
            try:
                with urllib.request.urlopen(f"{address}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        yield address, found, home
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_sixty_route_saves_at_once_all_succeed(
    server: tuple[str, dict[str, object], Path],
) -> None:
    address, found, home = server
    learners = found["learners"]
    assert isinstance(learners, list) and learners

    def save(number: int) -> int:
        body = {"target": "25656", "pathway": "BBL", "note": f"Gelijktijdig {number}"}
        request = urllib.request.Request(
            f"{address}/api/learners/{learners[number % len(learners)]}/routes",
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {found['token']}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(SAVES) as pool:
        statuses = Counter(pool.map(save, range(SAVES)))

    assert statuses == {201: SAVES}
    with sqlite3.connect(home / "opmaat.sqlite3") as database:
        (mode,) = database.execute("PRAGMA journal_mode").fetchone()
        (saved,) = database.execute(
            "SELECT count(*) FROM learners_routeplan WHERE note LIKE 'Gelijktijdig %'"
        ).fetchone()
        # The write-ahead log holds the same records as the database, so it is as private.
        # (Looked at while this connection is open: SQLite removes it with the last one.)
        modes = {(home / f"opmaat.sqlite3{end}").stat().st_mode & 0o777 for end in ("-wal", "-shm")}
    assert (mode, saved, modes) == ("wal", SAVES, {0o600})
