"""The text every demo role reads: the demo walk of tests/web/test_demo_smoke.py, keeping
each HTML page's visible text (without tags, scripts and styles) and its links."""

from __future__ import annotations

import html
import re
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from tests.web.test_demo_smoke import crawl

HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
HREF = re.compile(r'href="([^"]+)"')


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page, as one line of words."""
    text = TAG.sub(" ", HIDDEN.sub(" ", page))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


class Reader(Client):
    """A client that keeps the text and the links of every HTML page it gets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.texts: dict[str, str] = {}
        self.links: dict[str, list[str]] = {}

    def get(self, path: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]  # passes every argument on; only the path is read
        response = super().get(path, *args, **kwargs)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            body = response.content.decode()
            self.texts[path] = visible_text(body)
            self.links[path] = HREF.findall(body)
        return response


def read_demo(login: str | None) -> Reader:
    """Every page `login` (None: a visitor without account) reaches in the demo walk."""
    reader = Reader()
    if login is not None:
        reader.force_login(User.objects.get(username=login))
    crawl(reader)
    return reader
