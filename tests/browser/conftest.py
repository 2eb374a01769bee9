"""Browser tests: Debian's Chromium, driven by Playwright, against the live server.

One browser for the session and a fresh browser context (cookies, storage) per page, so a
test starts logged out. The database holds the demo (opmaat.demo) at the start of each test.
When a test fails, a full-page screenshot of its current page lands in
artifacts/screenshots/<test name>.png.

The journeys (test_journeys.py) check every page they visit with axe-core, from the npm
package: not part of the repository, installed where `OPMAAT_AXE` says (by default
~/.cache/opmaat-npm/node_modules/axe-core/axe.min.js, where .ci/run installs it with
`npm install --prefix ~/.cache/opmaat-npm axe-core@<AXE_VERSION>`). Without it those tests
are skipped, or fail under OPMAAT_REQUIRE_BROWSER=1 as CI sets it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

from opmaat.demo import PASSWORD
from tests.browser.demo_site import load_demo_site, restore_catalog
from tests.browser.pages import LogIn, OpenPage, Walk, submit_login

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that the calls are meant to be synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Fail within seconds rather than Playwright's 30 s when a page does not show what we expect.
TIMEOUT_MS = 10_000

CURRENT_PAGE = pytest.StashKey[Page]()
# The axe-core release the accessibility checks are pinned to (.ci/run installs it).
AXE_VERSION = "4.10.3"
AXE_DEFAULT = Path.home() / ".cache" / "opmaat-npm" / "node_modules" / "axe-core" / "axe.min.js"


def missing(reason: str) -> None:
    """Skip, or in CI (OPMAAT_REQUIRE_BROWSER=1) fail: there the browser tests must run."""
    if os.environ.get("OPMAAT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; OPMAAT_REQUIRE_BROWSER=1 requires the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, read once for the session (OPMAAT_AXE names another copy)."""
    path = Path(os.environ.get("OPMAAT_AXE") or AXE_DEFAULT)
    if not path.is_file():
        missing(
            f"axe-core is missing at {path} (npm install --prefix ~/.cache/opmaat-npm "
            f"axe-core@{AXE_VERSION}, or set OPMAAT_AXE to its axe.min.js)"
        )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture(scope="module", autouse=True)
def catalog_restored(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """The tests after these expect the catalog that the flush at the end of each test removes."""
    yield
    with django_db_blocker.unblock():
        restore_catalog()


@pytest.fixture
def demo_site(transactional_db: None, live_server: LiveServer) -> LiveServer:
    load_demo_site()
    return live_server


@pytest.fixture
def open_page(
    request: pytest.FixtureRequest, browser: Browser, demo_site: LiveServer
) -> Iterator[OpenPage]:
    """Opens a page in a new browser context: a visitor who is not logged in. Every page the
    test visits must keep to the Content Security Policy (opmaat/web/security.py): the test
    fails when the browser refused a script or a style."""
    contexts: list[BrowserContext] = []
    refused: list[str] = []

    def note_refusal(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{message.page.url if message.page else '?'}: {message.text}")

    def open_new() -> Page:
        context = browser.new_context(base_url=demo_site.url, locale="nl-NL", accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", note_refusal)
        request.node.stash[CURRENT_PAGE] = page
        return page

    yield open_new
    for context in contexts:
        context.close()
    assert refused == []


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    return open_page()


@pytest.fixture
def log_in_as(open_page: OpenPage) -> LogIn:
    """A page in a new browser context, logged in with a demo account's password."""

    def log_in(username: str) -> Page:
        page = open_page()
        submit_login(page, username, PASSWORD)
        page.wait_for_url(lambda url: "/inloggen/" not in url)
        return page

    return log_in


@pytest.fixture
def walk_as(log_in_as: LogIn, open_page: OpenPage, axe_source: str) -> Callable[[str], Walk]:
    """A journey: logged in with a demo account ("" for a visitor), checking each page it
    visits at each width (Walk)."""

    def start(username: str) -> Walk:
        return Walk(log_in_as(username) if username else open_page(), axe_source)

    return start


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    page = item.stash.get(CURRENT_PAGE, None)
    if report.when != "teardown" and report.failed and page is not None and not page.is_closed():
        name = re.sub(r"[^\w.-]+", "_", item.name)
        target = item.config.rootpath / "artifacts" / "screenshots" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=target, full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            report.sections.append(("screenshot", f"no screenshot: {error}"))
        else:
            report.sections.append(("screenshot", str(target)))
    return report
