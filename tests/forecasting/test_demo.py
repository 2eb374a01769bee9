"""The demo region's plan: Zorgregio Rivierenland with four qualifications."""

from __future__ import annotations

import pytest

from opmaat.accounts import demo as accounts_demo
from opmaat.accounts.demo import account
from opmaat.forecasting import demo, services
from opmaat.forecasting.models import Figure, Rate, Scenario

pytestmark = pytest.mark.django_db


def load() -> None:
    _, orgs = accounts_demo.add_demo()
    demo.add_demo(orgs["regio"], account("regio"))


def test_loading_the_demo_twice_changes_nothing() -> None:
    load()
    counts = (Figure.objects.count(), Rate.objects.count(), Scenario.objects.count())
    load()
    assert (Figure.objects.count(), Rate.objects.count(), Scenario.objects.count()) == counts


def test_every_demo_figure_names_its_source_or_is_labelled_invented() -> None:
    load()
    for figure in Figure.objects.all():
        assert figure.source, figure
        assert figure.invented == (figure.source == demo.INVENTED)


def test_the_demo_region_shows_a_shortage_of_verzorgende_ig_growing_to_2035() -> None:
    load()
    _, orgs = accounts_demo.add_demo()
    outlook = services.outlook(orgs["regio"], demo.VIG)
    years = outlook.projection.years
    gap = outlook.projection.gap[outlook.cell]
    assert years[0] == demo.BASE_YEAR and years[-1] == 2035
    assert gap[-1] > gap[0] > 0
    low, high = outlook.bands.gap[10][outlook.cell], outlook.bands.gap[90][outlook.cell]
    assert (low <= high).all() and (high[-1] - low[-1]) > 0
