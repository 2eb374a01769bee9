"""Catalog editors edit the new fields in the admin; every code they type is checked against
the catalog, next to the field it was typed in."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from opmaat.accounts.services import CATALOG_EDITORS, grant_catalog_permissions, make_catalog_editor
from opmaat.catalog import models

pytestmark = pytest.mark.django_db

ADMIN = "/admin/catalog"


@pytest.fixture
def rosa() -> Client:
    """Rosa, a catalog editor."""
    user = User.objects.create_user("rosa", password="x")
    make_catalog_editor(user)
    client = Client()
    client.force_login(user)
    return client


def change_form(editor: Client, url: str) -> dict[str, object]:
    """What the browser sends back for the change page at `url` when nothing is changed (the
    inline rows left out, and so left as they are)."""
    context = editor.get(url).context
    form = context["adminform"].form
    data: dict[str, object] = {form[name].html_name: form[name].value() for name in form.fields}
    for inline in context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return {name: value for name, value in data.items() if value is not None}


def refused(editor: Client, url: str, data: Mapping[str, object]) -> dict[str, str]:
    """The errors, by field, of a form the admin sends back unsaved."""
    response = editor.post(url, data)
    assert response.status_code == 200
    return {field: str(e) for field, e in response.context["adminform"].form.errors.items()}


def unit_url(code: str) -> str:
    return f"{ADMIN}/unit/{models.Unit.objects.get(code=code).pk}/change/"


def test_an_editor_makes_a_unit_of_werkprocessen_defined_elsewhere(rosa: Client) -> None:
    unit = models.Unit.objects.create(
        code="EX-1", title="Examen", level=3, kind="vocational", hours=0, hours_source="school"
    )
    data = change_form(rosa, unit_url(unit.code))
    data.update(werkprocessen="23181-b1-k1-w1, 23181-B1-K1-W2", obligation="", exam_hours="8")
    assert rosa.post(unit_url(unit.code), data).status_code == 302
    unit.refresh_from_db()
    assert unit.werkprocessen == ["23181-B1-K1-W1", "23181-B1-K1-W2"]
    assert unit.exam_hours == 8
    assert ", ".join(unit.werkprocessen) in rosa.get(unit_url(unit.code)).content.decode()


def test_a_unit_code_is_refused_where_a_werkproces_is_asked(rosa: Client) -> None:
    data = change_form(rosa, unit_url("23181-P1-K1"))
    problems = refused(rosa, unit_url("23181-P1-K1"), {**data, "werkprocessen": "23181-B1-K1"})
    assert "23181-B1-K1 is geen werkproces" in problems["werkprocessen"]


def test_an_editor_names_a_successor_and_the_cuts_stay(rosa: Client) -> None:
    old = models.Qualification.objects.get(crebo="25477")
    old.cuts = [{"name": "examens", "units": ["23181-B1-K1"], "sources": []}]
    old.save()
    url = f"{ADMIN}/qualification/{old.pk}/change/"
    data = change_form(rosa, url)
    assert "examens: 23181-B1-K1" in rosa.get(url).content.decode()

    data.update(superseded_by="25478", valid_until="2026-07-31", admission="level_3_in_field")
    assert rosa.post(url, data).status_code == 302
    old.refresh_from_db()
    assert old.superseded_by == ["25478"]
    assert old.admission == "level_3_in_field"
    assert old.cuts == [{"name": "examens", "units": ["23181-B1-K1"], "sources": []}]


def test_a_successor_the_catalog_does_not_know_is_refused(rosa: Client) -> None:
    url = f"{ADMIN}/qualification/{models.Qualification.objects.get(crebo='25477').pk}/change/"
    problems = refused(rosa, url, {**change_form(rosa, url), "superseded_by": "99999"})
    assert "99999" in problems["superseded_by"]


def test_an_editor_adds_a_prerequisite_between_werkprocessen(rosa: Client) -> None:
    rule = {"unit_code": "23181-p1-k1-w1", "requires_code": "23181-B1-K1-W1", "reason": "BIG"}
    assert rosa.post(f"{ADMIN}/prerequisite/add/", rule).status_code == 302
    assert models.Prerequisite.objects.filter(
        unit_code="23181-P1-K1-W1", requires_code="23181-B1-K1-W1"
    ).exists()


@pytest.mark.parametrize(
    ("unit_code", "requires_code", "field", "message"),
    [
        ("23181-P1-K1", "23181-B9-K9", "requires_code", "23181-B9-K9"),
        ("25477", "23181-B1-K1", "unit_code", "25477 is geen eenheid of werkproces"),
        ("23181-P1-K1, 23181-P3-K1", "23181-B1-K1", "unit_code", "Noem één code"),
    ],
)
def test_a_prerequisite_names_one_known_unit_or_werkproces_a_side(
    rosa: Client, unit_code: str, requires_code: str, field: str, message: str
) -> None:
    rule = {"unit_code": unit_code, "requires_code": requires_code}
    assert message in refused(rosa, f"{ADMIN}/prerequisite/add/", rule)[field]


def test_a_unit_cannot_require_itself(rosa: Client) -> None:
    rule = {"unit_code": "23181-P1-K1", "requires_code": "23181-p1-k1"}
    assert "vereist niet zichzelf" in refused(rosa, f"{ADMIN}/prerequisite/add/", rule)["__all__"]


def test_an_editor_adds_a_prior_education_with_sources(rosa: Client) -> None:
    havo = {"code": "havo-2", "name": "havo", "admits_level": "4", "sources": '["WEB 8.2.1"]'}
    assert rosa.post(f"{ADMIN}/prioreducation/add/", havo).status_code == 302
    stored = models.PriorEducation.objects.get(code="HAVO-2")
    assert (stored.admits_level, stored.sources) == (4, ["WEB 8.2.1"])


def test_an_admission_level_above_4_is_refused(rosa: Client) -> None:
    vwo = {"code": "VWO-2", "name": "vwo", "admits_level": "5", "sources": "[]"}
    assert "niveau 0 tot 4" in refused(rosa, f"{ADMIN}/prioreducation/add/", vwo)["__all__"]


def test_sources_left_empty_are_an_empty_list(rosa: Client) -> None:
    vwo = {"code": "VWO-2", "name": "vwo", "admits_level": "4", "sources": ""}
    assert rosa.post(f"{ADMIN}/prioreducation/add/", vwo).status_code == 302
    assert models.PriorEducation.objects.get(code="VWO-2").sources == []


def test_an_editor_gives_an_equivalence_its_sources(rosa: Client) -> None:
    rule = {
        "source_code": "old-1",
        "counts_for": "23181-B1-K1",
        "sources": '["SBB, 2024"]',
        "confidence": "verified",
        "position": "0",
    }
    assert rosa.post(f"{ADMIN}/equivalence/add/", rule).status_code == 302
    stored = models.Equivalence.objects.get(source_code="OLD-1")
    assert (stored.sources, stored.confidence) == (["SBB, 2024"], "verified")


def test_an_existing_editors_group_gets_the_new_tables() -> None:
    group = Group.objects.create(name=CATALOG_EDITORS)
    group.permissions.set(Permission.objects.exclude(content_type__model="prioreducation"))
    grant_catalog_permissions()
    assert group.permissions.filter(codename="change_prioreducation").exists()


@pytest.mark.parametrize(
    "permission",
    [
        "catalog.change_unit",
        "progress.change_professionalactivity",
        "prescan.change_unitrule",
        "prescan.change_defaultrule",
    ],
)
def test_a_catalog_editor_may_change_every_catalog_table(permission: str) -> None:
    user = User.objects.create_user("ivo", password="x")
    make_catalog_editor(user)
    assert User.objects.get(pk=user.pk).has_perm(permission)


def test_a_catalog_editor_may_not_change_personal_records() -> None:
    user = User.objects.create_user("ivo", password="x")
    make_catalog_editor(user)
    assert not User.objects.get(pk=user.pk).has_perm("learners.change_learner")


def test_sources_read_one_per_line_and_are_saved_as_a_list(rosa: Client) -> None:
    url = f"{ADMIN}/qualification/{models.Qualification.objects.get(crebo='25656').pk}/change/"
    form = rosa.get(url).context["adminform"].form
    sources = models.Qualification.objects.get(crebo="25656").sources
    assert form["sources"].value() == "\n".join(sources) and "[" not in form["sources"].value()
    assert 'type="checkbox" name="pathways" value="BOL" id="id_pathways_0" checked' in str(
        form["pathways"]
    )  # checkboxes, not ["BOL", "BBL"]
    data = change_form(rosa, url)
    data.update(sources="SBB, kwalificatiedossier 2025\n\n  OER Talland 2025  \n", pathways=["BBL"])
    assert rosa.post(url, data).status_code == 302
    stored = models.Qualification.objects.get(crebo="25656")
    assert (stored.sources, stored.pathways) == (
        ["SBB, kwalificatiedossier 2025", "OER Talland 2025"],
        ["BBL"],
    )


def test_a_source_written_as_a_json_object_stays_an_object(rosa: Client) -> None:
    line = '{"publisher": "SBB", "title": "Kwalificatiedossier", "date": "2025"}'
    vwo = {"code": "VWO-2", "name": "vwo", "admits_level": "4", "sources": f"WEB 8.2.1\n{line}"}
    assert rosa.post(f"{ADMIN}/prioreducation/add/", vwo).status_code == 302
    assert models.PriorEducation.objects.get(code="VWO-2").sources == [
        "WEB 8.2.1",
        {"publisher": "SBB", "title": "Kwalificatiedossier", "date": "2025"},
    ]


def test_the_estimate_rule_and_a_certificates_codes_are_plain_text(rosa: Client) -> None:
    unit = rosa.get(unit_url("23268-B1-K1")).context["adminform"].form
    assert 'rows="2"' in str(unit["hours_rule"])
    certificate = models.Certificate.objects.get(code="C0054")
    page = rosa.get(f"{ADMIN}/certificate/{certificate.pk}/change/")
    covers = page.context["adminform"].form["covers"].value()
    assert covers == ", ".join(certificate.covers) and "[" not in covers
