"""The demo brings one editor rule and a scan kept on Sanne's record; loading twice changes
nothing."""

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
    assert UnitRule.objects.count() == 1
    units = scan.document["units"]
    assert "Demo:" in units[0]["reason"]
