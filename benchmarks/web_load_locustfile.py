"""The simulated users of `benchmarks/web_load.py`: intake advisors who open learners' route
pages and read saved routes through the API, and clients that compute a route.

web_load.py runs this file with the locust command and passes the set-up through the
environment: `WEB_LOAD_LEARNERS` (learner ids, comma separated), `WEB_LOAD_TOKEN` (a bearer
token of the advisor), `WEB_LOAD_USERNAME`, `WEB_LOAD_PASSWORD`, `WEB_LOAD_SECONDS` (the
measured window), `WEB_LOAD_SERVER_PID` (the gunicorn master, whose workers' CPU time is
read from /proc over the window) and `WEB_LOAD_RESULT` (where the raw timings go, as JSON).

Every user signs in first. The window opens when the last user has signed in and lasts
`WEB_LOAD_SECONDS`; only requests that end inside it count. Fifty sign-ins at once cost
several seconds of password hashing, and an advisor signs in once a day, not once a page.
"""

from __future__ import annotations

import json
import os
import random
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from locust import FastHttpUser, between, events, task
from locust.env import Environment

LEARNERS = [int(pk) for pk in os.environ.get("WEB_LOAD_LEARNERS", "1").split(",")]
TOKEN = os.environ.get("WEB_LOAD_TOKEN", "")
USERNAME = os.environ.get("WEB_LOAD_USERNAME", "intake")
PASSWORD = os.environ.get("WEB_LOAD_PASSWORD", "opmaat-demo")
SECONDS = float(os.environ.get("WEB_LOAD_SECONDS", "30"))
RESULT = Path(os.environ.get("WEB_LOAD_RESULT", "web_load_result.json"))
SERVER_PID = os.environ.get("WEB_LOAD_SERVER_PID", "")

PAGE = "GET /deelnemers/<pk>/"
CURRENT = "GET /api/learners/<pk>/routes/current"
COMPUTE = "POST /api/routes/compute"
# Routes of three demo learners (opmaat/demo.py): target, held qualification.
COMPUTE_BODIES = (
    {"target": "25656", "have": ["25498"], "hours_per_week": 20},
    {"target": "25779", "have": ["25475"], "hours_per_week": 20},
    {"target": "25655", "have": ["25491"], "hours_per_week": 24},
)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(slots=True)
class Window:
    """The measured window and the timings (ms) of the requests that ended in it."""

    signed_in: int = 0
    login_failures: list[str] = field(default_factory=list)
    opened_at: float | None = None
    closed_at: float | None = None
    times: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)
    server_at_open: tuple[float, float] = (0.0, 0.0)
    server_at_close: tuple[float, float] = (0.0, 0.0)

    @property
    def open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None

    def record(self, name: str, milliseconds: float, exception: object) -> None:
        self.times.setdefault(name, []).append(milliseconds)
        if exception is not None:
            self.failures.setdefault(name, []).append(str(exception)[:200])

    def user_ready(self, environment: Environment) -> None:
        self.signed_in += 1
        options = environment.parsed_options
        users = options.num_users if options is not None else 1
        if self.signed_in == users:
            self.opened_at = time.perf_counter()
            self.server_at_open = server_schedule()
            # Locust has patched threading with gevent: the timer is a greenlet.
            threading.Timer(SECONDS, self.close, args=(environment,)).start()

    def close(self, environment: Environment) -> None:
        self.closed_at = time.perf_counter()
        self.server_at_close = server_schedule()
        self.write()
        if environment.runner is not None:
            environment.runner.quit()

    def write(self) -> None:
        opened = self.opened_at or 0.0
        document = {
            "seconds": (self.closed_at or opened) - opened,
            "users": self.signed_in,
            "login_failures": self.login_failures,
            "times": self.times,
            "failures": self.failures,
            "server_cpu_seconds": self.server_at_close[0] - self.server_at_open[0],
            "server_wait_seconds": self.server_at_close[1] - self.server_at_open[1],
        }
        RESULT.write_text(json.dumps(document))


def server_schedule() -> tuple[float, float]:
    """Seconds the server's workers have run on a CPU, and waited for one, so far (Linux
    /proc/<pid>/schedstat; zeros where that cannot be read)."""
    ran = waited = 0.0
    try:
        tasks = Path(f"/proc/{SERVER_PID}/task")
        workers = [pid for t in tasks.iterdir() for pid in (t / "children").read_text().split()]
        for pid in [SERVER_PID, *workers]:
            running, waiting, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
            ran, waited = ran + int(running) / 1e9, waited + int(waiting) / 1e9
    except (OSError, ValueError):
        return 0.0, 0.0
    return ran, waited


WINDOW = Window()


def on_request(name: str, response_time: float, exception: object = None, **_: object) -> None:
    if WINDOW.open:
        WINDOW.record(name, response_time, exception)


events.request.add_listener(on_request)  # type: ignore[no-untyped-call]  # EventHook is unannotated


class Advisor(FastHttpUser):
    wait_time = between(0.05, 0.2)

    def on_start(self) -> None:
        try:
            self.sign_in()
        except Exception as error:  # counted as an error; the window must still open
            WINDOW.login_failures.append(f"{type(error).__name__}: {error}"[:200])
        WINDOW.user_ready(self.environment)

    def sign_in(self) -> None:
        form = self.client.get("/inloggen/", name="login form")
        match = CSRF_FIELD.search(form.text or "")
        if match is None:
            raise RuntimeError(f"no CSRF token on the login page (HTTP {form.status_code})")
        with self.client.post(
            "/inloggen/",
            name="login",
            data=f"username={USERNAME}&password={PASSWORD}&csrfmiddlewaretoken={match[1]}",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"{self.host}/inloggen/",
            },
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login answered HTTP {response.status_code}, not 302")
                raise RuntimeError(f"login failed (HTTP {response.status_code})")

    @task(2)
    def route_page(self) -> None:
        """A learner's page with the timeline of her route, or the notice that its target
        is already held (then there is nothing left to draw)."""
        pk = random.choice(LEARNERS)
        with self.client.get(
            f"/deelnemers/{pk}/", name=PAGE, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif not shows_route(response.text or ""):
                response.failure("the page shows no route timeline")

    @task(1)
    def current_route(self) -> None:
        pk = random.choice(LEARNERS)
        self.client.get(
            f"/api/learners/{pk}/routes/current",
            name=CURRENT,
            headers={"Authorization": f"Bearer {TOKEN}"},
        )

    @task(1)
    def compute_route(self) -> None:
        self.client.post("/api/routes/compute", name=COMPUTE, json=random.choice(COMPUTE_BODIES))


def shows_route(page: str) -> bool:
    return '<figure class="timeline">' in page or 'data-route-status="held"' in page
