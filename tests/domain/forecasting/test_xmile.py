"""The XMILE export runs in PySD to the same trajectories as opmaat (issue 17, item 6)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest

from opmaat.domain.forecasting.defaults import DURATIONS, default_rates
from opmaat.domain.forecasting.errors import UnknownCell
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    Cell,
    Plan,
    Route,
    RouteDurations,
    Uncertain,
    UpskillingLink,
)
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.xmile import NAMESPACE, export_xmile, workforce_name
from tests.domain.forecasting.builders import HELPENDE, VIG, plan_of

needs_pysd = pytest.mark.skipif(importlib.util.find_spec("pysd") is None, reason="pysd missing")


def switching(plan: Plan) -> Plan:
    from dataclasses import replace

    rates = replace(default_rates(), bol_bbl_switch=Uncertain(0.3))
    return replace(plan, rates=tuple(rates for _ in plan.cells))


CASES = {
    "defaults": plan_of(enrolled=40.0),
    "bol_bbl_switch": switching(plan_of(enrolled=25.0, horizon=12)),
    "upskilling_and_capacity": plan_of(
        cells=(HELPENDE, VIG),
        upskilling=(UpskillingLink(HELPENDE, VIG, Uncertain(0.032)),),
        capacity=np.array([[60.0] * 10, [80.0] * 5 + [np.inf] * 5]),
        enrolled=10.0,
    ),
    "one_year_routes": plan_of(
        durations=RouteDurations({route: 12 for route in ROUTES}), horizon=6, enrolled=5.0
    ),
    "short_bbl": switching(
        plan_of(durations=RouteDurations({**DURATIONS.months, Route.BBL: 10}), enrolled=12.0)
    ),
}


@needs_pysd
@pytest.mark.parametrize("case", sorted(CASES))
def test_pysd_runs_the_export_to_the_same_trajectories(case: str, tmp_path: Path) -> None:
    import pysd  # Imported here: PySD is a test extra, not a dependency of the domain.

    plan = CASES[case]
    projection = project(plan)
    for c, cell in enumerate(plan.cells):
        path = tmp_path / f"{c}.xmile"
        path.write_text(export_xmile(plan, cell), encoding="utf-8")
        result = pysd.read_xmile(str(path)).run()
        assert list(result.index) == list(plan.years)
        for a in range(len(AGE_BANDS)):
            ours = projection.workforce[c, :, a]
            np.testing.assert_allclose(
                result[workforce_name(a)].to_numpy(), ours, rtol=0, atol=1e-9
            )
        np.testing.assert_allclose(
            result["supply"].to_numpy(), projection.supply[c], rtol=0, atol=1e-9
        )
        np.testing.assert_allclose(result["gap"].to_numpy(), projection.gap[c], rtol=0, atol=1e-9)


def test_the_export_is_an_xmile_1_document_with_euler_yearly_steps() -> None:
    plan = plan_of(horizon=10)
    root = ElementTree.fromstring(export_xmile(plan, VIG))
    ns = {"x": NAMESPACE}
    assert root.tag == f"{{{NAMESPACE}}}xmile" and root.get("version") == "1.0"
    specs = root.find("x:sim_specs", ns)
    assert specs is not None and specs.get("method") == "Euler"
    assert [specs.findtext(f"x:{key}", namespaces=ns) for key in ("start", "stop", "dt")] == [
        "2025",
        "2035",
        "1",
    ]
    stocks = {s.get("name") for s in root.iterfind(".//x:stock", ns)}
    assert {workforce_name(a) for a in range(len(AGE_BANDS))} <= stocks
    assert {"students_bol_year_2", "students_bol_year_3", "students_bbl_year_3"} <= stocks


def test_a_cell_the_plan_does_not_hold_is_refused() -> None:
    with pytest.raises(UnknownCell):
        export_xmile(plan_of(), Cell("RP99", "Verzorgende-IG"))
