"""The workforce demo: Zorggroep Het Baken's functiehuis, wards, staff and roster, loaded
through the services; loading the demo again changes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps

from opmaat.accounts.models import Organisation
from opmaat.demo import do_load_demo
from opmaat.workforce import services
from opmaat.workforce.models import Employee, Proposal, WorkforceEvent

pytestmark = pytest.mark.django_db


def workforce_counts() -> dict[str, int]:
    models = apps.get_app_config("workforce").get_models()
    return {m.__name__: m._default_manager.count() for m in models}


def baken() -> Organisation:
    return Organisation.objects.get(name="Zorggroep Het Baken (demo)")


def test_loading_the_demo_twice_changes_nothing(demo: None) -> None:
    before = workforce_counts()
    do_load_demo()
    assert workforce_counts() == before


def test_the_demo_functiehuis_is_consistent_and_has_the_five_functions(demo: None) -> None:
    huis = services.functiehuis_of(baken())
    names = {f.name for f in huis.functions}
    assert {"Helpende", "Helpende in opleiding", "Verzorgende-IG", "Mbo-Verpleegkundige"} <= names
    assert "Persoonlijk begeleider" in names
    assert sum(a.reserved for a in huis.acts) == 14  # Wet BIG art. 36's categories


def test_demo_learners_of_het_baken_are_employees_and_only_consent_brings_school_data(
    demo: None,
) -> None:
    from opmaat.catalog.cache import current_catalog

    catalog = current_catalog()
    sanne = Employee.objects.get(name="Sanne de Vries")
    petra = Employee.objects.get(name="Petra Jansen")  # holds 25491, did not consent
    assert services.school_data(catalog, sanne).consented
    assert not services.school_data(catalog, petra).consented
    assert services.employee_value(catalog, petra).werkprocessen == frozenset()


def test_the_demo_has_a_proposal_to_decide_and_every_authorisation_is_audited(
    demo: None,
) -> None:
    assert Proposal.objects.filter(state=Proposal.State.PENDING).exists()
    recorded = WorkforceEvent.objects.filter(action="authorisation").count()
    from opmaat.workforce.models import Authorisation

    assert recorded == Authorisation.objects.count() > 0
