"""Pages hold no developer text: no repository paths, commits or documentation files, no
JSON field names or error codes; sources read as publisher, title, year and link."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.catalog.cache import current_catalog
from opmaat.demo import DEMO_LOGINS
from opmaat.domain.catalog.sources import SourceLine, source_line
from opmaat.matching.models import MatchingRound
from tests.demo_logins import COORDINATOR
from tests.web.demo_text import read_demo, visible_text
from tests.web.test_demo_smoke import demo_site

pytestmark = pytest.mark.django_db
__all__ = ["demo_site"]

DEVELOPER_TEXT = re.compile(
    r"docs/|\.md\b|github\.com|/blob/|\(commit [0-9a-f]+\)|\b[\w-]+/[\w-]+ : |@context"
    r"|Foutcodes|\bmalformed\b|\bcredentialSubject\b"
)


def developer_text(text: str) -> list[str]:
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in DEVELOPER_TEXT.finditer(text)]


@pytest.mark.parametrize("login", [None, *(d.username for d in DEMO_LOGINS)])
def test_no_page_of_the_demo_shows_developer_text(demo_site: None, login: str | None) -> None:
    reader = read_demo(login)
    found = {url: developer_text(text) for url, text in reader.texts.items()}
    assert not {url: hits for url, hits in found.items() if hits}
    links = {url: [h for h in hrefs if "github.com" in h] for url, hrefs in reader.links.items()}
    assert not {url: hrefs for url, hrefs in links.items() if hrefs}


def test_every_qualification_page_names_its_sources_readably(demo_site: None) -> None:
    client = Client()
    for crebo, qualification in current_catalog().qualifications.items():
        text = visible_text(client.get(f"/catalogus/kwalificaties/{crebo}/").content.decode())
        assert not developer_text(text), crebo
        if qualification.sources:
            assert "Bronnen" in text, crebo


@pytest.mark.parametrize(
    ("recorded", "line"),
    [
        (
            "cedanl/samenwijzer : oeren/utrecht_oeren/25656_BOL_2025__OER (OUD) - 25656O - "
            "Verzorgende-IG.md (commit 3123df3b4412)",
            SourceLine("MBO Utrecht", "Onderwijs- en examenregeling 25656 (BOL)", "2025", ""),
        ),
        (
            "statengeneraal/laws-markdown : wet/wet/educatie/en/beroepsonderwijs/BWBR0007625/"
            "README.md (WEB art. 7.2.4a studieduur; 2017 snapshot)",
            SourceLine(
                "Overheid.nl",
                "Wet educatie en beroepsonderwijs",
                "2017",
                "https://wetten.overheid.nl/BWBR0007625",
            ),
        ),
        (
            'esprange/kwalificatie-dossier2016 : "4156 Maatschappelijke_Zorg.xml" (SBB export, '
            "commit e023316d56a036d0a1ae470b382fc0a891d5df81)",
            SourceLine("SBB", "Kwalificatiedossier Maatschappelijke Zorg", "2016", ""),
        ),
        (
            "https://www.albeda.nl/maatschappelijke-zorg/helpende-zorg-en-welzijn-bol (BBL 1 year)",
            SourceLine(
                "albeda.nl",
                "Helpende zorg en welzijn bol",
                "",
                "https://www.albeda.nl/maatschappelijke-zorg/helpende-zorg-en-welzijn-bol",
            ),
        ),
        (
            "owner/repo : notes/Eigen bron.txt (commit abcdef1)",
            SourceLine("", "notes/Eigen bron.txt", "", ""),
        ),
    ],
)
def test_a_recorded_source_reads_as_publisher_title_year_and_link(
    recorded: str, line: SourceLine
) -> None:
    assert source_line(recorded) == line


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1}',
        '{"@context": ["x"], "type": ["VerifiableCredential"], "proof": {}}',
        '{"proof": {}}',
        "junk",
    ],
)
def test_the_verification_page_answers_junk_in_plain_dutch(client: Client, text: str) -> None:
    answer = visible_text(client.post("/verifieren/", {"text": text}).content.decode())
    page = answer.replace(text, "")  # the form keeps what was pasted
    assert "Niet" in page
    assert not developer_text(page)
    assert "https://www.w3.org" not in page


def test_the_matching_page_lists_the_columns_instead_of_citing_a_file(demo_site: None) -> None:
    client = Client()
    client.force_login(User.objects.get(username=COORDINATOR))
    demo = MatchingRound.objects.get()
    new = MatchingRound.objects.create(
        region=demo.region,
        name="Nieuwe ronde",
        final_matching=demo.final_matching,
        created_by=demo.created_by,
    )
    text = visible_text(client.get(f"/regio/rondes/{new.pk}/").content.decode())
    assert "verplicht place_id, capacity" in text
    assert not developer_text(text)
