"""Steps the browser tests share: logging in, finding a demo learner."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from opmaat.learners.models import Learner

OpenPage = Callable[[], Page]
LogIn = Callable[[str], Page]


def submit_login(page: Page, username: str, password: str) -> None:
    page.goto("/inloggen/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Inloggen").click()


def learner_pk(name: str) -> int:
    return Learner.objects.get(name=name).pk
