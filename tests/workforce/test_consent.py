"""School data about a linked learner flows to the employer only while the learner's
consent for that organisation stands (opmaat.domain.access.acts_on_record)."""

from __future__ import annotations

import pytest
from django.test import Client

from opmaat.catalog.cache import current_catalog
from opmaat.learners import services as learners
from opmaat.workforce import services
from tests.personas import LAST_RESULT, start_annas_training
from tests.workforce.cast import Workforce

pytestmark = pytest.mark.django_db


def credited(workforce: Workforce) -> frozenset[str]:
    return services.employee_value(current_catalog(), workforce.anna).werkprocessen


def test_with_consent_the_results_and_holdings_count(workforce: Workforce) -> None:
    start_annas_training(workforce.cast)  # Tess recorded 23268-B1-K1-W1 as met
    assert "23268-B1-K1-W1" in credited(workforce)


def test_withdrawn_consent_stops_every_school_fact_at_once(
    client: Client, workforce: Workforce
) -> None:
    cast = start_annas_training(workforce.cast)
    learners.withdraw_consent(cast.anna, cast.anna_record, workforce.zuid)
    assert credited(workforce) == frozenset()
    assert services.holdings_for_route(workforce.anna).codes == ()
    client.force_login(workforce.cast.fleur)
    page = client.get(f"/personeel/medewerker/{workforce.anna.pk}/").content.decode()
    assert "geen toestemming" in page


def test_the_personnel_files_own_diplomas_need_no_consent(workforce: Workforce) -> None:
    value = services.employee_value(current_catalog(), workforce.kees)
    assert "23268-B1-K1-W4" in value.werkprocessen


def test_a_recorded_result_makes_a_task_alone_only_with_consent(workforce: Workforce) -> None:
    cast = start_annas_training(workforce.cast)
    from tests.factories import record_result

    record_result(cast.tess, cast.anna_record, LAST_RESULT)  # 23268-B1-K1-W4: ADL
    assert services.deployability_of(workforce.anna).status_of("ADL") == "alone"
    learners.withdraw_consent(cast.anna, cast.anna_record, workforce.zuid)
    assert services.deployability_of(workforce.anna).status_of("ADL") == "not_yet"
