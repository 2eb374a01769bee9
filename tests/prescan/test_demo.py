"""The demo brings one editor rule and a scan kept on Sanne's record, planned for her BBL
week; loading twice changes nothing."""

from __future__ import annotations

import pytest

from opmaat.demo import do_load_demo
from opmaat.learners.models import Learner
from opmaat.prescan.models import SavedPrescan, UnitRule


@pytest.mark.usefixtures("demo")
def test_the_demo_keeps_one_scan_on_sannes_record_and_loads_once() -> None:
    sanne = Learner.objects.get(name="Sanne de Vries")
    do_load_demo()
    scan = SavedPrescan.objects.get()
    assert scan.learner == sanne and scan.target == "25656"
    assert (scan.pathway, scan.work_hours_per_week) == ("BBL", 28.0)
    assert UnitRule.objects.count() == 1
    units = {u["code"]: u for u in scan.document["units"]}
    assert "Demo:" in units["23268-B1-K1-1"]["reason"]
    assert units["23268-B1-K1-1"]["estimate"] == "likely"
    assert {u["estimate"] for u in units.values()} == {"likely", "possible", "unlikely"}
    document = scan.document
    assert document["months_remaining"] < document["months_remaining_pessimistic"]
    assert document["nominal_months"] == 36.0
