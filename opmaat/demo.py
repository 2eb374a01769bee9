"""Demo data for trying opmaat out: never for production (the passwords are public).

A region with a school, two care organisations and an EVC provider, one login per role, and
fourteen learners with different backgrounds, holdings and saved routes; then each app's own
demo records. Loading it again changes nothing: everything is looked up by name first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from opmaat.accounts import demo as accounts_demo
from opmaat.accounts.demo import ADMIN, ORGANISATIONS, PASSWORD, STAFF, account
from opmaat.accounts.models import Organisation
from opmaat.learners import demo as learners_demo
from opmaat.learners.demo import LEARNERS

__all__ = [
    "DEMO_LOGINS",
    "LEARNERS",
    "ORGANISATIONS",
    "PASSWORD",
    "STAFF",
    "demo_logins_present",
    "do_load_demo",
]


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    password: str
    role: str


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin(ADMIN, PASSWORD, "beheerder"),
        *(DemoLogin(username, PASSWORD, description) for username, _, _, description in STAFF),
        DemoLogin("deelnemer", PASSWORD, "deelnemer Sanne de Vries"),
        DemoLogin("kandidaat", PASSWORD, "EVC-kandidaat Marloes Bos"),
    ]


DEMO_LOGINS = tuple(demo_logins())


@transaction.atomic
def do_load_demo() -> list[DemoLogin]:
    """Create whatever of the demo is missing; running it again changes nothing."""
    admin, orgs = accounts_demo.add_demo()
    learners_demo.add_demo(orgs, admin)
    add_app_demos(orgs)
    return list(DEMO_LOGINS)


def add_app_demos(orgs: dict[str, Organisation]) -> None:
    """Each app's own demo records, in the order they build on each other."""
    from opmaat.credentials.demo import add_demo as add_credentials
    from opmaat.forecasting.demo import add_demo as add_planning
    from opmaat.matching.demo import add_demo_round
    from opmaat.prescan.demo import add_demo as add_prescan
    from opmaat.progress.demo import add_demo as add_progress
    from opmaat.recognition.demo import add_demo as add_recognition
    from opmaat.workforce.demo import add_demo as add_workforce

    add_demo_round(orgs["regio"], account("regio"))
    add_recognition(orgs)
    add_prescan(orgs)
    add_progress(orgs)
    add_credentials(orgs)
    leader = account("teamleider")
    add_workforce(orgs, account("hr"), leader, (leader,))
    add_planning(orgs["regio"], account("regio"))


def demo_logins_present() -> list[DemoLogin]:
    users = get_user_model()
    present = set(
        users.objects.filter(username__in=[d.username for d in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    return [d for d in DEMO_LOGINS if d.username in present]
