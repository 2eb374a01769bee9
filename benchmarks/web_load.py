"""How the route page and the route API hold up under 50 concurrent users (goal: p95 under
150 ms and no errors), served by `opmaat serve` (gunicorn) on PostgreSQL over loopback.

Each simulated user (benchmarks/web_load_locustfile.py) signs in as the demo intake advisor,
then loops with 50-200 ms pauses over a learner's route page with its timeline (weight 2),
the learner's saved route from the API with a bearer token (1), and a route computed by the
public API (1). The measured window opens when every user has signed in. The peer is the
goal itself.

Set-up, all done here: the PostgreSQL database (created if missing, the server started if
down), a temporary OPMAAT_HOME, `opmaat init --demo`, an API token for `intake`, gunicorn
on a free port; afterwards gunicorn is stopped and the temporary home removed. The load
generator shares the machine's cores with the server and PostgreSQL.

    python benchmarks/web_load.py [--quick] [--users 50] [--seconds 30] [--workers 2]
                                  [--server opmaat|gunicorn] [--database-url URL | --sqlite]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen

import numpy as np
import psycopg
from psycopg import sql

GOAL_MS = 150.0
DEFAULT_URL = "postgres://opmaat:opmaat@127.0.0.1:5432/opmaat_bench"
# One sync worker per core: the requests spend almost all their time on the CPU (PostgreSQL
# answers over loopback in well under a millisecond), so more workers only queue for the
# same cores. On 2 cores, 50 users: p95 179-194 ms with 2 workers, 189-205 with 3, 219 with
# 4, 224-244 with 5 (2 x cores + 1); 2 workers also spent the least CPU per request.
DEFAULT_WORKERS = 2
LOCUSTFILE = Path(__file__).with_name("web_load_locustfile.py")
ENDPOINTS = (
    ("GET /deelnemers/<pk>/", "route page"),
    ("GET /api/learners/<pk>/routes/current", "API, saved route"),
    ("POST /api/routes/compute", "API, compute"),
)
EXCEPTION_LINE = re.compile(r"^(?:[\w.]+\.)?\w+(?:Error|Exception): .{0,160}", re.MULTILINE)
PREPARE = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from opmaat.accounts.models import ApiToken
from opmaat.learners.access import visible_learners
user = get_user_model().objects.get(username="intake")
_, key = ApiToken.issue(user, "benchmarks/web_load.py")
learners = visible_learners(user).filter(route_plans__isnull=False).distinct()
print(json.dumps({"token": key, "learners": sorted(learners.values_list("pk", flat=True))}))
"""


class Failed(Exception):
    """A set-up step failed; the message is the one line to show."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    name: str
    requests: int
    failures: int
    median: float
    p95: float
    p99: float
    per_second: float


def ensure_database(url: str) -> None:
    """Connect to `url`, first starting the local PostgreSQL server or creating the database
    when that is what is missing."""
    problem = _connection_problem(url)
    if "refused" in problem or "No such file" in problem:  # no server listening
        note = _start_local_server(url)
        for _ in range(20):
            problem = _connection_problem(url)
            if not problem or "does not exist" in problem:
                break
            time.sleep(0.5)
        else:
            raise Failed(f"PostgreSQL cannot be reached ({problem}){note}")
    if problem and "does not exist" not in problem:
        raise Failed(f"PostgreSQL cannot be reached ({problem})")
    if problem:
        _create_database(url)


def _connection_problem(url: str) -> str:
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        return _first_line(error) or type(error).__name__
    return ""


def _start_local_server(url: str) -> str:
    """Start the Debian cluster when `url` points at this machine; a note when that failed."""
    host = psycopg.conninfo.conninfo_to_dict(url).get("host", "localhost")
    if host not in {"127.0.0.1", "localhost", "::1"}:
        return ""
    try:
        started = subprocess.run(
            ["pg_ctlcluster", "15", "main", "start"], capture_output=True, text=True, check=False
        )
    except OSError as error:
        return f"; pg_ctlcluster: {error.strerror}"
    detail = _first_line(started.stderr or started.stdout)
    return f"; pg_ctlcluster 15 main start: {detail}" if started.returncode else ""


def _create_database(url: str) -> None:
    name = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    maintenance = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(str(name))))
    print(f"created database {name}")


def _first_line(text: object) -> str:
    return str(text).strip().splitlines()[0] if str(text).strip() else ""


def prepare(env: dict[str, str]) -> tuple[str, list[int]]:
    """`opmaat init --demo`, then an API token for `intake` and the learners it may see."""
    _run([sys.executable, "-m", "opmaat", "init", "--demo"], env)
    found = json.loads(_run([sys.executable, "-c", PREPARE], env))
    if not found["learners"]:
        raise Failed("the demo data has no learners with a saved route for `intake`")
    return str(found["token"]), [int(pk) for pk in found["learners"]]


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Failed(f"{' '.join(command[:4])} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(server: str, port: int, workers: int) -> list[str]:
    """`opmaat serve`, or plain gunicorn with the same settings (sync workers, access log on
    stdout), to tell a problem of the command from one of the app."""
    if server == "opmaat":
        command = [sys.executable, "-m", "opmaat", "serve", "--host", "127.0.0.1"]
        return [*command, "--port", str(port), "--workers", str(workers)]
    command = [sys.executable, "-m", "gunicorn", "opmaat.wsgi:application", "--access-logfile"]
    return [*command, "-", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]


def start_server(command: list[str], env: dict[str, str], port: int, log: Path) -> Popen[bytes]:
    with log.open("wb") as output:  # the access log too: a pipe nobody reads would block
        server = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failed(f"the server exited: {log.read_text()[-500:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    stop_server(server)
    raise Failed("the server did not answer /healthz within 60 s")


def server_errors(log: Path) -> Counter[str]:
    """The exceptions the server logged, by their last traceback line."""
    return Counter(EXCEPTION_LINE.findall(log.read_text(errors="replace")))


def stop_server(server: Popen[bytes]) -> None:
    """SIGTERM to the gunicorn master, which stops its workers; the whole group if it hangs."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What the locustfile measured: the window, and per endpoint the times (ms) of the
    requests that ended in it and the failure messages."""

    seconds: float
    times: dict[str, list[float]]
    failures: dict[str, list[str]]
    login_failures: list[str]
    server_cpu: float
    server_wait: float

    @classmethod
    def read(cls, path: Path) -> LoadResult:
        raw = json.loads(path.read_text())
        return cls(
            seconds=float(raw["seconds"]),
            times={str(k): [float(x) for x in v] for k, v in raw["times"].items()},
            failures={str(k): [str(x) for x in v] for k, v in raw["failures"].items()},
            login_failures=[str(x) for x in raw["login_failures"]],
            server_cpu=float(raw["server_cpu_seconds"]),
            server_wait=float(raw["server_wait_seconds"]),
        )

    def endpoint(self, name: str) -> Endpoint:
        return summarise(name, self.times.get(name, []), len(self.failures.get(name, [])), self)

    def overall(self) -> Endpoint:
        everything = [x for name, _ in ENDPOINTS for x in self.times.get(name, [])]
        return summarise("all", everything, self.errors(), self)

    def errors(self) -> int:
        return sum(len(v) for v in self.failures.values()) + len(self.login_failures)

    def messages(self) -> Counter[str]:
        return Counter([*self.login_failures, *(m for v in self.failures.values() for m in v)])


def run_locust(
    host: str, users: int, seconds: float, setup: dict[str, str], folder: Path
) -> tuple[LoadResult, float]:
    """Run the locustfile headless; what it measured and the load generator's CPU seconds."""
    result = folder / "locust.json"
    env = {**os.environ, **setup, "WEB_LOAD_SECONDS": str(seconds), "WEB_LOAD_RESULT": str(result)}
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless"]
    command += ["-u", str(users), "-r", str(users), "--host", host, "--only-summary"]
    command += ["-t", f"{int(seconds) + 300}s"]  # a safety net: the locustfile ends the run
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with (folder / "locust.log").open("wb") as log:
        subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if not result.exists():
        raise Failed(f"locust wrote no result: {(folder / 'locust.log').read_text()[-800:]}")
    return LoadResult.read(result), cpu


def summarise(name: str, times: list[float], failures: int, result: LoadResult) -> Endpoint:
    if not times:
        return Endpoint(name, 0, failures, 0.0, 0.0, 0.0, 0.0)
    median, p95, p99 = (float(x) for x in np.percentile(times, [50, 95, 99]))
    return Endpoint(name, len(times), failures, median, p95, p99, len(times) / result.seconds)


@dataclass(frozen=True, slots=True)
class Setting:
    users: int
    workers: int
    server: str
    database: str


def report(result: LoadResult, cpu: float, setting: Setting, logged: Counter[str]) -> None:
    total = result.overall()
    served = "opmaat serve" if setting.server == "opmaat" else "gunicorn opmaat.wsgi"
    print(
        f"{setting.users} users for {result.seconds:.0f} s against `{served}` with"
        f" {setting.workers} workers on {setting.database} over loopback"
        f" (cores: {os.cpu_count()})"
    )
    print(f"{'endpoint':57} {'requests':>8} {'failed':>6}   median      p95      p99   req/s")
    for name, label in [*ENDPOINTS, ("all", "")]:
        row = total if name == "all" else result.endpoint(name)
        title = f"{name} ({label})" if label else name
        print(
            f"{title:57} {row.requests:8,} {row.failures:6} {row.median:6.1f}ms"
            f" {row.p95:6.1f}ms {row.p99:6.1f}ms {row.per_second:7.1f}"
        )
    print(f"overall p95:    {total.p95:7.1f} ms  (goal < {GOAL_MS:g} ms)")
    if result.server_cpu and total.requests:
        ready = result.server_cpu + result.server_wait
        print(
            f"server CPU:     {result.server_cpu / total.requests * 1000:7.1f} ms per request;"
            f" the workers waited for a free core {result.server_wait / ready:.0%} of the time"
            " they were ready to run"
        )
    print(f"load generator: {cpu:7.1f} CPU s for the whole run, sign-ins included")
    for message, count in result.messages().most_common(5):
        print(f"error ({count}x): {message}")
    for message, count in logged.most_common(5):
        print(f"server log ({count}x): {message}")
    print(
        json.dumps(
            {
                "benchmark": "web_load",
                "value": round(total.p95, 1),
                "unit": "ms",
                "peer": f"goal p95 < {GOAL_MS:g} ms",
                "peer_value": GOAL_MS,
                "ratio": round(total.p95 / GOAL_MS, 2),
                "errors": total.failures,
                "requests": total.requests,
                "users": setting.users,
            }
        )
    )
    if total.failures:
        sys.exit(f"web_load: {total.failures} requests failed")


def _server_version(url: str) -> str:
    with psycopg.connect(url) as connection:
        version = connection.info.server_version
    return f"PostgreSQL {version // 10000}.{version % 10000}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 users for 10 seconds")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="measured window")
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="gunicorn workers")
    parser.add_argument("--server", choices=["opmaat", "gunicorn"], default="opmaat")
    parser.add_argument(
        "--database-url", default=os.environ.get("WEB_LOAD_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument(
        "--sqlite", action="store_true", help="a SQLite file instead (not the reported figure)"
    )
    args = parser.parse_args()
    users, seconds = (10, 10.0) if args.quick else (args.users, args.seconds)
    try:
        run(args, users, seconds)
    except Failed as error:
        sys.exit(f"web_load: {error}")


def run(args: argparse.Namespace, users: int, seconds: float) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "OPMAAT_DEBUG"}}
    database = "SQLite"
    if not args.sqlite:
        ensure_database(args.database_url)
        env["DATABASE_URL"] = args.database_url
        database = _server_version(args.database_url)
    setting = Setting(users, args.workers, args.server, database)
    with tempfile.TemporaryDirectory(prefix="web_load-") as home:
        env["OPMAAT_HOME"] = home
        env["DJANGO_SETTINGS_MODULE"] = "opmaat.settings"
        # All the load comes from one address, which the public rate limit (docs/api.md)
        # would refuse after 30 route computations a minute; the figure is the server's.
        env["OPMAAT_PUBLIC_RATE_LIMIT"] = "0"
        token, learners = prepare(env)
        port, log = free_port(), Path(home) / "server.log"
        server = start_server(server_command(args.server, port, args.workers), env, port, log)
        try:
            setup = {
                "WEB_LOAD_TOKEN": token,
                "WEB_LOAD_LEARNERS": ",".join(map(str, learners)),
                "WEB_LOAD_USERNAME": "intake",
                "WEB_LOAD_PASSWORD": "opmaat-demo",
                "WEB_LOAD_SERVER_PID": str(server.pid),
            }
            result, cpu = run_locust(f"http://127.0.0.1:{port}", users, seconds, setup, Path(home))
        finally:
            stop_server(server)
        logged = server_errors(log)
    report(result, cpu, setting, logged)


if __name__ == "__main__":
    main()
