"""The whole journey of issue 6: the teacher records the last result (the werkproces
23268-B1-K1-W4), the exam board issues the certificate C0054 Basis voor deskundige zorg,
the learner downloads it, and a stranger verifies it on the public page; a changed byte
makes the page say why it is not valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import LogIn, OpenPage, learner_pk
from tests.demo_logins import EXAM_BOARD, SANNE, TEACHER

pytestmark = pytest.mark.browser
CERTIFICATE = "Basis voor deskundige zorg"  # C0054: 23268-B1-K1-W1 and -W4
LAST_RESULT = "23268-B1-K1-W4"
LAST_RESULT_NAME = "Voert zorg-/begeleidingsactiviteiten uit"  # typed instead of the code


def record_last_result(page: Page, pk: int) -> None:
    page.goto(f"/deelnemers/{pk}/")
    page.get_by_role("link", name="Voortgang").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voortgang van Sanne de Vries")
    page.get_by_text("Beoordeling vastleggen", exact=True).first.click()
    form = page.locator("form[action$='/voortgang/beoordeling/']")
    form.get_by_label("Leerresultaat:", exact=True).fill(LAST_RESULT_NAME)
    form.get_by_label("Methode:", exact=True).select_option(label="Praktijkexamen")
    form.get_by_label("Resultaat:", exact=True).select_option(label="Behaald")
    form.get_by_label("Bewijs:", exact=True).fill("Proeve van bekwaamheid op de afdeling")
    form.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(page.get_by_role("status")).to_have_text(f"Beoordeling vastgelegd: {LAST_RESULT}")
    # The exam unit of Verzorgende-IG that is exactly the certificate's werkprocessen.
    expect(
        page.get_by_role("heading", name="23268-B1-K1-1 Werk in uitvoering — afgerond")
    ).to_be_visible()


def issue_certificate(page: Page, pk: int) -> None:
    page.goto(f"/deelnemers/{pk}/")
    page.get_by_role("link", name="Certificaten en diploma’s").click()
    page.get_by_role("button", name=f"Certificaat {CERTIFICATE} uitgeven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Certificaat {CERTIFICATE} uitgeven aan Sanne de Vries?"
    )
    page.get_by_role("button", name="Ja, certificaat uitgeven").click()
    expect(page.get_by_role("status")).to_have_text(f"Uitgegeven: mbo-certificaat {CERTIFICATE}")


def download_certificate(page: Page, pk: int, folder: Path) -> tuple[Path, bytes]:
    page.goto(f"/deelnemers/{pk}/certificaten/")
    with page.expect_download() as started:
        page.get_by_role("link", name=f"{CERTIFICATE} als bestand (JSON)").click()
    file = folder / started.value.suggested_filename
    started.value.save_as(file)
    with page.expect_download() as pdf:
        page.get_by_role("link", name=f"{CERTIFICATE} als PDF").click()
    return file, pdf.value.path().read_bytes()


def verify(page: Page, file: Path) -> None:
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Diploma controleren"
    ).click()
    page.get_by_label("of kies het bestand (.json)").set_input_files(str(file))
    page.get_by_role("button", name="Controleren").click()


def test_teacher_board_learner_and_stranger(
    log_in_as: LogIn, open_page: OpenPage, tmp_path: Path
) -> None:
    pk = learner_pk("Sanne de Vries")
    record_last_result(log_in_as(TEACHER), pk)
    issue_certificate(log_in_as(EXAM_BOARD), pk)
    file, pdf = download_certificate(log_in_as(SANNE), pk, tmp_path)
    assert pdf.startswith(b"%PDF")
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["credentialSubject"]["achievement"]["name"] == CERTIFICATE

    stranger = open_page()
    verify(stranger, file)
    verdict = stranger.locator("[data-verdict]")
    expect(verdict).to_have_attribute("data-verdict", "valid")
    expect(verdict).to_contain_text("Geldig.")
    expect(stranger.locator("dl")).to_contain_text("Sanne de Vries")

    changed = tmp_path / "veranderd.json"
    original = file.read_bytes()
    changed.write_bytes(original.replace(b'"Sanne de Vries"', b'"Sanne de Vriez"'))
    assert sum(a != b for a, b in zip(original, changed.read_bytes(), strict=True)) == 1
    verify(stranger, changed)
    expect(stranger.locator("[data-verdict]")).to_have_attribute("data-verdict", "invalid")
    expect(stranger.get_by_role("alert")).to_contain_text("Het document is na uitgifte veranderd.")
    expect(stranger.get_by_role("alert")).to_contain_text("de gegevens over de houder")


def test_the_qr_link_of_a_revoked_certificate_says_so(open_page: OpenPage) -> None:
    from opmaat.credentials.models import IssuedCredential

    revoked = IssuedCredential.objects.get(revoked_at__isnull=False)
    page = open_page()
    page.goto(f"/verifieren/{revoked.uid}/")
    expect(page.get_by_role("alert")).to_contain_text("Ingetrokken door de uitgever op")
    expect(page.get_by_role("alert")).to_contain_text(
        "Vervangen door een verbeterd certificaat of diploma"
    )
    expect(page.get_by_role("alert")).not_to_contain_text("verkeerde naam")  # internal note
