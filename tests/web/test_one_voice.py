"""Every page of the demo speaks Dutch in one voice: dates as "4 januari 2027", hours as
"20" or "20,5", generic subjects by name, "u" throughout, no English labels."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from opmaat.demo import DEMO_LOGINS
from opmaat.explanations import DUTCH
from tests.web.demo_text import read_demo
from tests.web.test_demo_smoke import demo_site

pytestmark = pytest.mark.django_db
__all__ = ["demo_site"]

ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
SHORT_MONTH = re.compile(
    r"\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec|Jan|Feb|Mar|Apr|May|Jun|Jul"
    r"|Aug|Sep|Oct|Nov|Dec)\.? \d{4}\b"
)
POINT_ZERO = re.compile(r"\b\d+\.0\b")
# A generic subject's code is fine beside its name (a table's code column), not alone.
GENERIC_CODES = re.compile(
    r"\b(NL|REK|EN)-[0-9A-Z]+\b(?! \(?(Nederlands|Rekenen|Engels))|\bLB\b(?! \(?Loopbaan)"
)
# The audit log's wording is issue 15's first point, tested with the log itself.
NOT_HERE = ("/logboek/",)
INFORMAL = re.compile(r"\b(je|jij|jouw|jou)\b", re.IGNORECASE)


def offending(pattern: re.Pattern[str], texts: dict[str, str]) -> dict[str, list[str]]:
    found = {
        url: [text[max(0, m.start() - 30) : m.end() + 30] for m in pattern.finditer(text)]
        for url, text in texts.items()
    }
    return {url: hits[:3] for url, hits in found.items() if hits}


@pytest.fixture(scope="module", params=[None, *(d.username for d in DEMO_LOGINS)])
def texts(request: pytest.FixtureRequest, demo_site: None) -> dict[str, str]:
    login: str | None = request.param
    texts = read_demo(login).texts
    return {url: text for url, text in texts.items() if not any(p in url for p in NOT_HERE)}


def test_dates_read_as_day_month_year(texts: dict[str, str]) -> None:
    assert not offending(ISO_DATE, texts)
    assert not offending(SHORT_MONTH, texts)


def test_hours_have_no_point_zero(texts: dict[str, str]) -> None:
    assert not offending(POINT_ZERO, texts)


def test_generic_subjects_are_named_not_coded(texts: dict[str, str]) -> None:
    assert not offending(GENERIC_CODES, texts)


def test_the_reader_is_addressed_as_u(texts: dict[str, str]) -> None:
    assert not offending(INFORMAL, texts)


def test_the_prescan_asks_each_werkproces_as_a_question_to_u(client: Client) -> None:
    """Not "Ik kan: Inventariseert …": the werkproces is quoted in a question."""
    page = client.get("/vrijstellingsscan/", {"doel": "25656"}).content.decode()
    statements = re.findall(r'<legend class="statement">(.*?)</legend>', page)
    assert statements
    assert all(s.startswith("Hoe goed kunt u dit: ‘") and s.endswith("’?") for s in statements)
    assert "Ik kan:" not in page


@pytest.mark.parametrize(
    ("value", "text"),
    [("2027-01-04", "4 januari 2027"), (date(2027, 3, 1), "1 maart 2027"), ("geen", "geen")],
)
def test_a_day_reads_as_day_month_year(value: object, text: str) -> None:
    assert DUTCH.day(value) == text


@pytest.mark.parametrize(
    ("value", "text"), [(20.0, "20"), (20.5, "20,5"), (1560, "1.560"), (1560.25, "1.560,2")]
)
def test_hours_read_without_point_zero(value: float, text: str) -> None:
    assert DUTCH.amount(value) == text


def test_a_unit_page_says_about_how_many_hours(client: Client) -> None:
    page = client.get("/catalogus/eenheden/23268-B1-K1-1/").content.decode()
    assert re.search(r"ongeveer [\d.]+ uur \(schatting van opmaat\)", page)
    assert "(estimate)" not in page
