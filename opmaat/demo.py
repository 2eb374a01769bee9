"""Demo data for trying opmaat out: never for production (the passwords are public)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    password: str
    role: str


DEMO_LOGINS = (DemoLogin("beheerder", "opmaat-demo", "admin and catalog editor"),)


def do_load_demo() -> list[DemoLogin]:
    """Create the demo accounts if they are missing; running it again changes nothing."""
    users = get_user_model()
    for login in DEMO_LOGINS:
        if not users.objects.filter(username=login.username).exists():
            users.objects.create_superuser(login.username, password=login.password)
    return list(DEMO_LOGINS)


def demo_logins_present() -> list[DemoLogin]:
    users = get_user_model()
    present = set(
        users.objects.filter(username__in=[d.username for d in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    return [d for d in DEMO_LOGINS if d.username in present]
