"""Demo data of the prescan app, loaded by opmaat.demo after the learners: one editor rule
and a scan that the demo learner Sanne kept on her record."""

from __future__ import annotations

from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.catalog.models import Outcome, Unit
from opmaat.domain.prescan.scan import CanDo
from opmaat.domain.routes import Leerweg, study_time
from opmaat.learners.models import Learner
from opmaat.prescan import services
from opmaat.prescan.models import UnitRule

# Verzorgende-IG 25656, exam unit "Werk in uitvoering": W1 (observing the client's health)
# and W4 (care activities). The demo rule counts W4 only, as a practical exam of care
# activities would, so Sanne's reason for this unit quotes the editor's note.
RULE_UNIT = "23268-B1-K1-1"
RULE_COUNTED = ("23268-B1-K1-W4",)
RULE_NOTE = "Demo: het praktijkexamen toetst de zorgactiviteiten (W4); W1 hoort daarbij"
# Sanne works 28 hours a week as a zorghulp: care activities and communication on her own,
# health observation and the care plan with help, nothing yet of technical nursing acts.
SANNE_ANSWERS = {
    "23268-B1-K1-W1": CanDo.WITH_HELP,
    "23268-B1-K1-W4": CanDo.ON_MY_OWN,
    "23268-B1-K1-W2": CanDo.ON_MY_OWN,
    "23268-B1-K1-W6": CanDo.ON_MY_OWN,
    "23268-B1-K1-W3": CanDo.WITH_HELP,
    "23268-B1-K1-W7": CanDo.ON_MY_OWN,
    "23268-B1-K2-W2": CanDo.WITH_HELP,
    "23268-B1-K2-W1": CanDo.ON_MY_OWN,
}
SANNE_HAVE = ["VMBO-GT", "NL-2F"]
SANNE_WEEK = study_time(Leerweg.BBL, work_hours=28)


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    unit = Unit.objects.filter(code=RULE_UNIT).first()
    if unit is not None:
        rule, created = UnitRule.objects.get_or_create(unit=unit, defaults={"note": RULE_NOTE})
        if created:
            rule.counted_outcomes.set(Outcome.objects.filter(code__in=RULE_COUNTED))
    sanne = Learner.objects.filter(name="Sanne de Vries", user__isnull=False).first()
    if sanne is None or services.scans_of(sanne).exists():
        return
    scan = services.do_store_prescan(
        "25656",
        SANNE_HAVE,
        SANNE_ANSWERS,
        other="Horeca-ervaring; werkt nu 28 uur als zorghulp (demo)",
        time=SANNE_WEEK,
    )
    services.do_attach_prescan(User.objects.get(learner=sanne), scan)
