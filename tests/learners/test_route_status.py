"""A saved route never silently goes stale: when what it was planned from changes (holdings,
exemptions, keuzedeel hours, the catalog), the learner page, the route pages and the
learner's own view say what changed, with one click to re-plan; a route whose target is
held says so instead of showing time left."""

from __future__ import annotations

from django.test import Client

from opmaat.catalog import models as catalog_models
from opmaat.learners import services
from opmaat.learners.models import Holding, Learner, RoutePlan
from tests.factories import add_holding
from tests.personas import Personas

STALE = 'data-route-status="stale"'
HELD = 'data-route-status="held"'


def replan_form(pk: int) -> str:
    return f'action="/deelnemers/{pk}/route/opnieuw/"'


def plan_of(learner: Learner) -> RoutePlan:
    plan = services.current_route(learner)
    assert plan is not None
    return plan


def page(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_route_just_saved_fits(client: Client, anna_in_training: Personas) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    status = services.route_status(anna, plan_of(anna))
    assert not status.stale and not status.target_held
    client.force_login(cast.bram)
    assert "data-route-status" not in page(client, f"/deelnemers/{anna.pk}/")


def test_a_holding_recorded_later_marks_the_route_out_of_date_with_what_changed(
    client: Client, anna_in_training: Personas
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    add_holding(cast.bram, anna, "REK-2F")
    client.force_login(cast.bram)
    shown = page(client, f"/deelnemers/{anna.pk}/")
    assert STALE in shown and "REK-2F" in shown
    assert replan_form(anna.pk) in shown


def test_an_exemption_removed_and_keuzedeel_hours_changed_are_named(
    anna_in_training: Personas,
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    services.remove_holding(cast.eva, anna.holdings.get(code="NL-2F"))
    services.update_learner(cast.bram, anna, {"elective_hours_done": 120})
    change = services.route_status(Learner.objects.get(pk=anna.pk), plan_of(anna)).change
    assert change.removed == (("exemption", "NL-2F"),)
    assert change.elective_hours == (0, 120)


def test_a_change_in_the_catalog_marks_the_route(anna_in_training: Personas) -> None:
    anna = anna_in_training.anna_record
    unit = catalog_models.Unit.objects.get(code="NL-2F")
    unit.hours += 10
    unit.save()  # the admin's way: the signal clears the catalog cache
    status = services.route_status(anna, plan_of(anna))
    assert status.stale and status.change.catalog and status.change.added == ()


def test_re_planning_saves_a_new_version_with_the_same_settings_and_audits_it(
    client: Client, anna_in_training: Personas
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    before = plan_of(anna)
    add_holding(cast.bram, anna, "REK-2F")
    client.force_login(cast.bram)
    response = client.post(f"/deelnemers/{anna.pk}/route/opnieuw/", {"version": "1"})
    assert response.status_code == 302
    after = plan_of(anna)
    assert after.version == 2
    settings = ("target", "pathway", "pace", "hours_per_week", "work_hours_per_week")
    assert [getattr(after, f) for f in settings] == [getattr(before, f) for f in settings]
    saved = anna.audit_events.filter(action="route.saved").first()
    assert saved is not None and saved.actor == cast.bram and "versie 2" in saved.summary
    assert STALE not in page(client, f"/deelnemers/{anna.pk}/")


def test_a_second_click_saves_no_second_version(client: Client, anna_in_training: Personas) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    add_holding(cast.bram, anna, "REK-2F")
    client.force_login(cast.bram)
    for _ in range(2):
        client.post(f"/deelnemers/{anna.pk}/route/opnieuw/", {"version": "1"})
    assert anna.route_plans.count() == 2


def test_who_only_looks_sees_the_notice_without_the_button(
    client: Client, anna_in_training: Personas
) -> None:
    """Her teacher, and Anna herself on her own page (Mijn gegevens)."""
    cast = anna_in_training
    anna = cast.anna_record
    add_holding(cast.bram, anna, "REK-2F")
    for who, url in ((cast.tess, f"/deelnemers/{anna.pk}/"), (cast.anna, "/mijn/")):
        client.force_login(who)
        shown = page(client, url)
        assert STALE in shown and replan_form(anna.pk) not in shown
        refused = client.post(f"/deelnemers/{anna.pk}/route/opnieuw/", {"version": "1"})
        assert refused.status_code == 403
    assert anna.route_plans.count() == 1


def test_the_route_pages_say_it_of_the_current_version_only(
    client: Client, anna_in_training: Personas
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    add_holding(cast.bram, anna, "REK-2F")
    client.force_login(cast.bram)
    assert STALE in page(client, f"/deelnemers/{anna.pk}/routes/")
    assert STALE in page(client, f"/deelnemers/{anna.pk}/routes/1/")
    services.replan(cast.bram, anna, "Opnieuw.")
    add_holding(cast.bram, anna, "EN-B1")
    assert STALE not in page(client, f"/deelnemers/{anna.pk}/routes/1/")
    assert STALE in page(client, f"/deelnemers/{anna.pk}/routes/2/")


def test_a_route_whose_target_is_held_says_so_and_shows_no_time_left(
    client: Client, anna_in_training: Personas
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    add_holding(cast.bram, anna, "25656")
    assert services.route_status(anna, plan_of(anna)).target_held
    client.force_login(cast.bram)
    shown = page(client, f"/deelnemers/{anna.pk}/")
    assert HELD in shown and STALE not in shown
    assert 'class="finish"' not in shown and "Klaar op" not in shown
    assert replan_form(anna.pk) not in shown


def test_a_route_saved_before_routes_recorded_their_basis_is_not_called_stale(
    anna_in_training: Personas,
) -> None:
    anna = anna_in_training.anna_record
    RoutePlan.objects.filter(learner=anna).update(planned_from={})
    add_holding(anna_in_training.bram, anna, "REK-2F")
    status = services.route_status(anna, plan_of(anna))
    assert status.change.unknown and not status.stale


def test_the_same_code_held_on_other_grounds_too_changes_nothing(
    anna_in_training: Personas,
) -> None:
    """A holding is counted by code and kind: a second source for VMBO-GT is no change."""
    cast = anna_in_training
    anna = cast.anna_record
    services.add_holding(
        cast.bram, anna, "VMBO-GT", Holding.Kind.HELD, "Tweede bewijs.", source_ref="x"
    )
    assert not services.route_status(anna, plan_of(anna)).stale


def test_the_api_gives_the_current_routes_status_with_what_changed(
    client: Client, anna_in_training: Personas
) -> None:
    cast = anna_in_training
    anna = cast.anna_record
    client.force_login(cast.bram)
    url = f"/api/learners/{anna.pk}/routes/current"
    fresh = client.get(url).json()["status"]
    assert (fresh["stale"], fresh["target_held"], fresh["added"]) == (False, False, [])
    add_holding(cast.bram, anna, "REK-2F")
    status = client.get(url).json()["status"]
    assert status["stale"] is True
    assert status["added"] == [{"kind": "held", "code": "REK-2F"}]
    versions = client.get(f"/api/learners/{anna.pk}/routes").json()
    assert all(v["status"] is None for v in versions)  # a status is the current route's
