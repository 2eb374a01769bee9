"""Every demo role's day, as the README's table of logins promises it, walked in Chromium:
each page on the way is checked at a desktop's width (1280 px) and a phone's (375 px), where
it must not scroll sideways, and by axe-core, which must find no violation (Walk in
pages.py). One login per role; the pages are reached the way the role reaches them where
that is the point, and by address otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from opmaat.domain.access import Role
from opmaat.learners.models import Learner
from opmaat.matching.models import MatchingRound
from opmaat.recognition.models import EvcProcedure, Intake
from opmaat.workforce.models import Employee
from tests import demo_logins as login
from tests.browser.pages import Walk, learner_pk
from tests.demo_logins import staff

pytestmark = pytest.mark.browser

WalkAs = Callable[[str], Walk]
SANNE, MARLOES, JOLANDA, AHMED = "Sanne de Vries", "Marloes Bos", "Jolanda Verbeek", "Ahmed Hassan"


def procedure_of(name: str) -> int:
    return EvcProcedure.objects.filter(learner__name=name).latest("pk").pk


def learner_pages(walk: Walk, pk: int, *pages: str) -> None:
    for page in pages:
        walk.visit(f"/deelnemers/{pk}/{page}")


def test_a_visitor_browses_the_catalog_scans_and_verifies(walk_as: WalkAs) -> None:
    walk = walk_as("")
    walk.visit("/")
    walk.visit("/catalogus/")
    walk.visit("/catalogus/kwalificaties/25779/")
    walk.visit("/catalogus/eenheden/23268-B1-K1-1/")
    page = walk.visit("/vrijstellingsscan/")
    page.get_by_label("Welke opleiding wilt u doen?").select_option("25779")
    page.get_by_role("button", name="Verder").click()
    walk.check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitkomst vrijstellingsscan")
    walk.check()
    walk.visit("/verifieren/")
    walk.visit("/inloggen/")
    walk.finish()


def test_the_learner_reads_her_route_progress_and_certificates(walk_as: WalkAs) -> None:
    walk = walk_as(login.SANNE)
    page = walk.page
    sanne = learner_pk(SANNE)
    expect(page).to_have_url(re.compile(rf"/deelnemers/{sanne}/$"))
    expect(page.locator("figure.timeline svg")).to_be_visible()
    walk.check()
    learner_pages(walk, sanne, "bereik/", "routes/", "voortgang/", "certificaten/")
    learner_pages(walk, sanne, "vrijstellingsscans/", "wissen/")
    page = walk.visit(f"/deelnemers/{sanne}/route/")
    expect(page.locator("#preview-body [data-testid=completion]")).to_be_visible()
    walk.check()  # with the preview the script fetched
    walk.visit("/verifieren/")
    walk.finish()


def test_on_a_phone_the_menu_folds_behind_a_button(walk_as: WalkAs) -> None:
    page = walk_as(login.SANNE).page
    page.set_viewport_size({"width": 375, "height": 800})
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    button = page.get_by_role("button", name="Menu")
    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    menu.get_by_role("link", name="Catalogus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Catalogus"))
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(button).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()


def test_the_intake_advisor_finds_a_learner_composes_a_route_and_records_an_intake(
    walk_as: WalkAs,
) -> None:
    walk = walk_as(login.INTAKE)
    page = walk.page
    expect(page.get_by_role("heading", name="EVC: termijnen die verlopen")).to_be_visible()
    walk.check()
    page = walk.visit("/deelnemers/")
    page.get_by_role("searchbox").fill("Sanne")
    page.get_by_role("searchbox").press("Enter")
    page.get_by_role("link", name=SANNE).click()
    walk.check()
    sanne = learner_pk(SANNE)
    page = walk.visit(f"/deelnemers/{sanne}/route/")
    page.get_by_label("Doel").select_option("25656")
    expect(page.locator("#preview-body [data-testid=completion]")).to_be_visible()
    walk.check()
    page.get_by_role("button", name="Route opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Route opgeslagen als versie 2")
    walk.check()  # with the confirmation
    learner_pages(walk, sanne, "routes/", "bewerken/", "logboek/")
    walk.visit("/deelnemers/nieuw/")
    marloes = learner_pk(MARLOES)
    learner_pages(walk, marloes, "", "intake/", "evc/")
    intake = Intake.objects.filter(learner__name=MARLOES).latest("version")
    walk.visit(f"/deelnemers/{marloes}/intake/{intake.version}/")
    walk.visit("/evc/")
    walk.visit(f"/evc/{procedure_of(AHMED)}/")
    walk.finish()


def test_the_exam_board_decides_on_evc_and_sees_the_certificates(walk_as: WalkAs) -> None:
    walk = walk_as(login.EXAM_BOARD)
    walk.check()
    walk.visit("/deelnemers/")
    sanne = learner_pk(SANNE)
    learner_pages(walk, sanne, "", "certificaten/", "voortgang/")
    walk.visit("/evc/")
    walk.visit(f"/evc/{procedure_of(JOLANDA)}/")
    learner_pages(walk, learner_pk(JOLANDA), "", "evc/")
    walk.finish()


@pytest.mark.parametrize("username", [login.TEACHER, login.WORKPLACE_SUPERVISOR])
def test_the_teacher_and_the_supervisor_read_routes_and_progress(
    walk_as: WalkAs, username: str
) -> None:
    walk = walk_as(username)
    walk.check()
    page = walk.visit("/deelnemers/")
    page.get_by_role("link", name=SANNE).click()
    walk.check()
    sanne = learner_pk(SANNE)
    learner_pages(walk, sanne, "voortgang/", "routes/")
    walk.finish()


def test_the_assessor_judges_a_portfolio(walk_as: WalkAs) -> None:
    walk = walk_as(login.ASSESSOR)
    walk.check()
    walk.visit("/evc/")
    for procedure in EvcProcedure.objects.order_by("pk"):
        walk.visit(f"/evc/{procedure.pk}/")
    walk.finish()


def test_the_evc_candidate_reads_her_advice_and_her_portfolio(walk_as: WalkAs) -> None:
    from opmaat.recognition import services

    # What the intake advisor does first (the README's intake row): start her procedure.
    marloes = Learner.objects.get(name=MARLOES)
    intake = Intake.objects.filter(learner=marloes).latest("version")
    advisor = User.objects.get(username=login.INTAKE)
    provider = EvcProcedure.objects.filter(learner__name=JOLANDA).get().provider
    procedure = services.start_procedure(advisor, marloes, provider, "25780", ["23312-B1-K2"])

    walk = walk_as(login.MARLOES)
    walk.check()
    learner_pages(walk, marloes.pk, "intake/", "evc/", "vrijstellingsscans/")
    walk.visit(f"/deelnemers/{marloes.pk}/intake/{intake.version}/")
    walk.visit(f"/evc/{procedure.pk}/")
    walk.finish()


def test_the_employer_sees_only_employees_who_consented(walk_as: WalkAs) -> None:
    walk = walk_as(login.EMPLOYER_HR)
    walk.check()
    page = walk.visit("/deelnemers/")
    expect(page.get_by_role("link", name=SANNE)).to_be_visible()
    learner_pages(walk, learner_pk(SANNE), "", "voortgang/")
    walk.finish()


def test_the_coordinator_reads_the_region_and_runs_the_matching(walk_as: WalkAs) -> None:
    walk = walk_as(login.COORDINATOR)
    walk.check()
    walk.visit("/regio/")
    walk.visit("/regio/rondes/")
    page = walk.visit(f"/regio/rondes/{MatchingRound.objects.get().pk}/")
    page.get_by_role("button", name="Matching uitvoeren").click()
    walk.check()
    page.locator("table a").first.click()
    walk.check()
    walk.finish()


def test_the_coordinator_plans_verzorgende_ig_to_2035_and_exports_the_plan(
    walk_as: WalkAs,
) -> None:
    """Issue 17's "Done when": the gap for Verzorgende-IG to 2035 with its band, a scenario
    with more side-entrants through units and EVC closing it on the chart, a baseline, and
    the plan as XLSX, PDF and XMILE."""
    from opmaat.forecasting.models import Baseline

    walk = walk_as(login.COORDINATOR)
    page = walk.visit("/regio/")
    page.get_by_role("link", name="Personeels- en opleidingsplanning").click()
    walk.check()
    page.get_by_role("link", name=re.compile("Verzorgende-IG")).click()
    walk.check()
    expect(page.locator("svg polygon.band")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("2035")
    page.get_by_role("link", name="Nieuw scenario").first.click()
    walk.check()
    page.get_by_label("Naam").fill("Meer zij-instroom")
    page.get_by_label("Kwalificatie").select_option("25656")
    page.get_by_label("Extra zij-instromers via leereenheden per jaar").fill("120")
    page.get_by_label("Extra zij-instromers met EVC per jaar").fill("80")
    page.get_by_role("button", name="Opslaan en bekijken").click()
    walk.check()
    expect(page.locator("svg polyline.scenario")).to_have_count(1)
    expect(page.locator(".legend")).to_contain_text("Meer zij-instroom")
    for link in ("Plan als Excel (XLSX)", "Plan als PDF", "Model als XMILE (Stella, Vensim, PySD)"):
        with page.expect_download() as download:
            page.get_by_role("link", name=link).click()
        assert download.value.suggested_filename.startswith("planning-25656")
    page.get_by_role("link", name=re.compile("Zorgregio Rivierenland")).first.click()
    page.get_by_label("Naam van de nulmeting").fill("Nulmeting 2025")
    page.get_by_role("button", name="Nulmeting vastleggen").click()
    walk.check()
    assert Baseline.objects.filter(name="Nulmeting 2025").exists()
    pk = Baseline.objects.get(name="Nulmeting 2025").region_id
    for path in ("vergelijken/", "cijfers/", "realisaties/", "inlezen/"):
        walk.visit(f"/regio/planning/{pk}/{path}")
    walk.finish()


def test_the_catalog_editor_browses_and_edits_in_the_admin(walk_as: WalkAs) -> None:
    from opmaat.catalog.models import Qualification, Unit

    walk = walk_as(login.CATALOG_EDITOR)
    walk.check()
    walk.visit("/catalogus/")
    walk.visit("/catalogus/kwalificaties/25656/")
    walk.visit("/admin/")
    walk.visit("/admin/catalog/unit/")
    with_outcomes = Unit.objects.get(code="23268-B1-K1")
    walk.visit(f"/admin/catalog/unit/{with_outcomes.pk}/change/")
    vig = Qualification.objects.get(crebo="25656")
    walk.visit(f"/admin/catalog/qualification/{vig.pk}/change/")
    walk.visit("/admin/catalog/equivalence/add/")
    walk.visit("/admin/prescan/unitrule/add/")
    walk.finish()


def test_the_administrator_sees_everything_and_the_erasure_requests(walk_as: WalkAs) -> None:
    walk = walk_as(login.ADMIN)
    walk.check()
    walk.visit("/deelnemers/")
    walk.visit("/regio/")
    walk.visit("/admin/")
    walk.visit("/admin/learners/erasurerequest/")
    walk.visit("/admin/learners/learner/")
    walk.visit("/admin/auth/user/add/")
    walk.finish()


def test_hr_answers_the_morning_peak_expiring_authorisations_and_carves_a_function(
    walk_as: WalkAs,
) -> None:
    """The 'Done when' of issue 16: who covers tomorrow's morning peak on a ward and which
    single unit would add most coverage; who must renew an authorisation this month; a
    Helpende-in-opleiding function carved out of Verzorgende-IG with the hours it saves."""
    walk = walk_as(login.EMPLOYER_HR)
    page = walk.page
    page.get_by_role("link", name="Personeel").first.click()
    expect(page.locator("figure.heatmap svg")).to_be_visible()
    expect(page.get_by_text("verlopen", exact=False).first).to_be_visible()
    walk.check()
    page.get_by_role("link", name="Wie dekt de diensten van Afdeling Boomgaard?").click()
    expect(page.get_by_role("heading", name="07:00–10:00", exact=False)).to_be_visible()
    expect(page.get_by_text("Welke leereenheid zou de meeste dekking opleveren?")).to_be_visible()
    walk.check()
    walk.visit(f"/personeel/medewerker/{employee_pk(SANNE)}/?functie=VIG")
    organisation = Employee.objects.get(name=SANNE).organisation_id
    walk.visit(f"/personeel/{organisation}/opleidingsvraag/")
    page = walk.visit(f"/personeel/{organisation}/jobcarving/")
    page.get_by_label("Uit functie").select_option("VIG")
    page.get_by_label("ADL-zorg: wassen en aankleden").check()
    page.get_by_label("Hulp bij maaltijden en voeding").check()
    page.get_by_label("Code van de nieuwe functie").fill("HIO-VIG")
    page.get_by_label("Naam van de nieuwe functie").fill("Helpende in opleiding (uit VIG)")
    page.get_by_role("button", name="Bereken").click()
    expect(page.get_by_text("uur minder", exact=False)).to_be_visible()
    walk.check()
    page.get_by_role("button", name="Opslaan als conceptfunctie").click()
    expect(page.get_by_text("Helpende in opleiding (uit VIG)")).to_be_visible()
    walk.check()
    walk.visit(f"/personeel/{organisation}/bestanden/")
    walk.finish()


def test_the_team_leader_reads_her_team_and_signs_an_authorisation(walk_as: WalkAs) -> None:
    walk = walk_as(staff(Role.TEAM_LEADER, "baken"))
    page = walk.page
    page.get_by_role("link", name="Personeel").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afdeling Boomgaard")
    walk.check()
    page.get_by_role("link", name="Wie dekt morgen de diensten?").click()
    walk.check()
    page = walk.visit(f"/personeel/medewerker/{employee_pk('Rik Hoekstra')}/")
    page.get_by_label("Handeling").select_option(label="MEDICATIE Medicatie aanreiken en toedienen")
    page.get_by_label("Verleend op").fill("2026-11-30")
    page.get_by_label("Toelichting (welke toets, wie beoordeelde)").fill("Toets medicatie")
    page.get_by_role("button", name="Vastleggen en ondertekenen").click()
    expect(page.get_by_text("Bekwaamheidsverklaring vastgelegd.")).to_be_visible()
    walk.check()
    walk.finish()


def employee_pk(name: str) -> int:
    return Employee.objects.get(name=name).pk
