"""The pre-scan tests' targets and forms; the people are the personas (tests/personas.py):
learner Anna, her advisor Bram, Joost (another learner), catalog editor Ivo."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

# Begeleider maatschappelijke zorg (25780) towards Persoonlijk begeleider (25779): the
# basisdeel is shared, so what is left are the werkprocessen of the level-4 profile.
TARGET, HELD = "25779", "25780"
PROFILE = [f"23312-P2-K1-W{i}" for i in range(1, 7)]


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def scan_form(target: str = TARGET, **extra: object) -> dict[str, object]:
    """A posted pre-scan form: held codes, the week (BOL at 20 hours unless told) and
    answers by werkproces code."""
    data: dict[str, object] = {
        "target": target,
        "pathway": "BOL",
        "hours_per_week": "20",
        "work_hours_per_week": "",
        "other": "",
    }
    have = extra.pop("have", [])
    data["have"] = have
    answers = extra.pop("answers", {})
    for code, answer in answers.items():  # type: ignore[attr-defined]  # a dict, typed object
        data[f"a_{code}"] = answer
    data.update(extra)
    return data
