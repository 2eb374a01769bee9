"""What a long unknown code costs the public API (issue 14: 4.5 s at 100 k characters, a
dead worker at 1 MB), against an ordinary route request in the same run.

Posts to `POST /api/routes/compute` in-process (Django's test client, a fresh SQLite home
with the default catalog) a target of 100 k characters, one of 1 MB, and a real target;
reports the median time of each. The peer is the ordinary request: a long input should cost
no more than it.

    python benchmarks/long_input.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def median_ms(call: Callable[[], object], runs: int) -> float:
    call()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    runs = 3 if parser.parse_args().quick else 15
    with tempfile.TemporaryDirectory() as home:
        os.environ.pop("DATABASE_URL", None)
        os.environ.update(
            OPMAAT_HOME=home,
            OPMAAT_PUBLIC_RATE_LIMIT="0",
            OPMAAT_ALLOWED_HOSTS="testserver",
            DJANGO_SETTINGS_MODULE="opmaat.settings",
        )
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from opmaat.catalog.files import default_catalog_path, read_catalog
        from opmaat.catalog.services import do_load_catalog

        call_command("migrate", verbosity=0)
        do_load_catalog(read_catalog(default_catalog_path()))
        client = Client()

        def compute(target: str) -> Callable[[], object]:
            body = json.dumps({"target": target, "have": ["25475"], "start": "2027-01-04"})

            def post() -> object:
                return client.post("/api/routes/compute", body, content_type="application/json")

            return post

        answers = {
            "ordinary": compute("25779"),
            "100k": compute("X" * 100_000),
            "1MB": compute("X" * 1_000_000),
        }
        statuses = {name: getattr(call(), "status_code", 0) for name, call in answers.items()}
        times = {name: median_ms(call, runs) for name, call in answers.items()}
    for name, ms in times.items():
        print(f"{name:>9}: {ms:8.2f} ms  (status {statuses[name]}, median of {runs})")
    print(
        json.dumps(
            {
                "benchmark": "long_input",
                "value": round(times["100k"], 2),
                "unit": "ms",
                "peer": "an ordinary route request",
                "peer_value": round(times["ordinary"], 2),
                "ratio": round(times["ordinary"] / times["100k"], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
