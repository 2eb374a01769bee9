"""Demo data of the credentials app, loaded by opmaat.demo after the learners."""

from __future__ import annotations

from opmaat.accounts.models import Organisation


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
