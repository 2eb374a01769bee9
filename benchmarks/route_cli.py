"""How long `opmaat route` takes end to end, process start included (goal: under 1 s).

Runs the installed command in fresh processes against a prepared SQLite home, and reports
the median wall time. The peer is the goal itself; a bare `python -c pass` start is shown
for scale.

    python benchmarks/route_cli.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

GOAL_SECONDS = 1.0
ROUTE = ["route", "--target", "25779", "--have", "25475", "--start", "2027-01-04", "--json"]


def timed(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - began


def median_time(command: list[str], env: dict[str, str], runs: int) -> float:
    timed(command, env)  # warm the file cache
    return statistics.median(timed(command, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    runs = 3 if parser.parse_args().quick else 15
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["OPMAAT_HOME"] = home
        opmaat = [sys.executable, "-m", "opmaat"]
        subprocess.run([*opmaat, "init"], env=env, check=True, capture_output=True)
        python = median_time([sys.executable, "-c", "pass"], env, runs)
        with_db = median_time([*opmaat, *ROUTE], env, runs)
        from_file = median_time([*opmaat, *ROUTE, "--catalog", _default_catalog()], env, runs)
    print(f"python -c pass:                      {python * 1000:7.0f} ms")
    print(f"opmaat route (database catalog):     {with_db * 1000:7.0f} ms  (median of {runs})")
    print(f"opmaat route (shipped catalog file): {from_file * 1000:7.0f} ms  (median of {runs})")
    print(
        json.dumps(
            {
                "benchmark": "route_cli",
                "value": round(with_db, 3),
                "unit": "s",
                "peer": "goal",
                "peer_value": GOAL_SECONDS,
                "ratio": round(GOAL_SECONDS / with_db, 2),
            }
        )
    )


def _default_catalog() -> str:
    from opmaat.catalog.files import default_catalog_path

    return str(default_catalog_path())


if __name__ == "__main__":
    main()
