"""Every demo role walks the demo's pages and none of them fails: logged in as each demo
login (tests/demo_logins.py, opmaat.demo), follow the links from the home page within the
site, a few steps deep, and GET every page reached. Any 500 fails.

Every learner's record, every EVC procedure and every matching round a role reaches is
visited. The pages under a record (route versions, progress, certificates, intake, EVC
list, log…) are visited for every learner by the administrator, who reaches them all, and
sampled for the other roles (a few of each kind: the same template, that role's branch of
it); so is the catalog, whose hundreds of pages share a few templates. The demo is loaded
once for the module, in a transaction rolled back at the end. Skipped: logging out, the
admin, the API, downloads (files and PDFs: their own tests read them) and anything only
POST answers (forms are not sent)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from opmaat.catalog import cache
from opmaat.demo import DEMO_LOGINS, do_load_demo
from opmaat.learners.access import visible_learners
from opmaat.recognition.access import visible_procedures
from opmaat.recognition.models import EvcProcedure
from tests.demo_logins import ADMIN, INTAKE

DEPTH = 4  # home → list → record → section → procedure or version
SKIP_PREFIXES = ("/uitloggen/", "/admin/", "/api/", "/static/", "/i18n/", "/wachtwoord/")
DOWNLOADS = re.compile(r"(\.(pdf|json|xlsx|csv|zip|svg|png)|/bestand)$")
# Every one of these is visited: the records, procedures and rounds themselves.
EVERY = re.compile(r"^/(deelnemers/\*|evc/\*|regio/rondes/\*(/versies/\*)?)/$")
# Pages of the same kind shown for many codes: a few of each tell whether the template works.
ALWAYS_SAMPLED = ("/catalogus/", "/verifieren/")
SAMPLE = 2
HREF = re.compile(r'href="([^"]+)"')


# Marked so that pytest-django sets the test database up; the module's demo sits in an
# outer transaction around every test's own.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    name = str(connection.settings_dict["NAME"])
    assert "memory" in name or name.startswith("test"), f"not a test database: {name}"
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        do_load_demo()
        yield
        transaction.set_rollback(True)
    cache.clear()


def shape(path: str) -> str:
    """The kind of page: the path with its numbers and codes blanked."""
    return re.sub(r"/[^/]*\d[^/]*", "/*", path)


def followed(url: str) -> str | None:
    """The site path to visit for a link, or None when it is not one to follow."""
    url = urldefrag(url).url.replace("&amp;", "&")
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIP_PREFIXES) or DOWNLOADS.search(parts.path):
        return None
    return url


def crawl(client: Client, *, everything: bool = False) -> dict[str, int]:
    """Every page reached from the home page within DEPTH links, with its status; pages
    under a record sampled unless `everything`."""
    seen: dict[str, int] = {}
    per_shape: dict[str, int] = {}
    queue = deque([("/", 0)])
    queued = {"/"}

    def visit(link: str, depth: int) -> None:
        kind = shape(urlsplit(link).path)
        sampled = link.startswith(ALWAYS_SAMPLED) or not (everything or EVERY.match(kind))
        if link in queued or (sampled and per_shape.get(kind, 0) >= SAMPLE):
            return
        per_shape[kind] = per_shape.get(kind, 0) + 1
        queued.add(link)
        queue.append((link, depth))

    while queue:
        url, depth = queue.popleft()
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 302:  # a learner's home page is their record
            location = followed(response["Location"])
            if location is not None:
                visit(location, depth)
        if response.status_code != 200 or depth == DEPTH:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for href in HREF.findall(response.content.decode()):
            link = followed(href)
            if link is not None:
                visit(link, depth + 1)
    return seen


@pytest.mark.parametrize("login", [d.username for d in DEMO_LOGINS])
def test_no_page_of_the_demo_fails_for_any_role(demo_site: None, login: str) -> None:
    """And the walk reaches every record and every EVC procedure the role may see, among
    them Ahmed Hassan's overdue intake (once a 500 for everyone)."""
    user = User.objects.get(username=login)
    client = Client()
    client.force_login(user)
    pages = crawl(client, everything=login == ADMIN)
    failed = {url: status for url, status in pages.items() if status >= 500}
    assert not failed, f"{login}: {failed}"
    for learner in visible_learners(user):
        assert pages.get(f"/deelnemers/{learner.pk}/") == 200, f"{login}: {learner}"
    for procedure in visible_procedures(user):
        assert pages.get(f"/evc/{procedure.pk}/") == 200, f"{login}: {procedure}"
    assert len(pages) > 3, f"{login} reached only {sorted(pages)}"


def test_the_walk_meets_the_overdue_procedure(demo_site: None) -> None:
    overdue = EvcProcedure.objects.get(learner__name="Ahmed Hassan")
    assert overdue.deadline is not None and overdue.deadline < timezone.localdate()
    assert overdue in visible_procedures(User.objects.get(username=INTAKE))
