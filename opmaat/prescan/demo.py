"""Demo data of the prescan app, loaded by opmaat.demo after the learners: one editor rule
and a scan that the demo learner Sanne kept on her record."""

from __future__ import annotations

from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.catalog.models import Unit
from opmaat.domain.recognition.prescan import CanDo
from opmaat.learners.models import Learner
from opmaat.prescan import services
from opmaat.prescan.models import UnitRule

RULE_UNIT = "VV2020-B1-K1"
RULE_NOTE = "Demo: met verpleegtechnische handelingen; ‘mogelijk’ pas vanaf driekwart"
SANNE_ANSWERS = {
    "VV2020-B1-K1-W1": CanDo.WITH_HELP,
    "VV2020-B1-K1-W3": CanDo.ON_MY_OWN,
    "VV2020-B1-K1-W6": CanDo.ON_MY_OWN,
    "VV2020-B1-K2-W1": CanDo.ON_MY_OWN,
    "VV2020-B1-K2-W2": CanDo.ON_MY_OWN,
    "VV2020-B1-K3-W2": CanDo.WITH_HELP,
    "VV2020-B1-K3-W3": CanDo.ON_MY_OWN,
}


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    unit = Unit.objects.filter(code=RULE_UNIT).first()
    if unit is not None:
        UnitRule.objects.get_or_create(
            unit=unit, defaults={"possible_share": 0.75, "note": RULE_NOTE}
        )
    sanne = Learner.objects.filter(name="Sanne de Vries", user__isnull=False).first()
    if sanne is None or services.scans_of(sanne).exists():
        return
    scan = services.do_store_prescan(
        "25656",
        [],
        SANNE_ANSWERS,
        other="Horeca-ervaring; werkt nu als zorghulp (demo)",
        hours_per_week=20,
    )
    services.do_attach_prescan(User.objects.get(learner=sanne), scan)
