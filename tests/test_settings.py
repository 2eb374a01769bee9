"""What the environment switches on (README, "Configuration" and "Running in production")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from pytest_django import Settings

pytestmark = pytest.mark.django_db


def settings_in(home: Path, variables: dict[str, str], *names: str) -> dict[str, object]:
    """The settings `names` as a fresh process reads them from the environment `variables`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPMAAT_", "DATABASE_URL"))}
    env.update({"OPMAAT_HOME": str(home), "DJANGO_SETTINGS_MODULE": "opmaat.settings"})
    env.update(variables)
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_a_forwarded_proto_header_is_not_believed_by_default(
    client: Client, settings: Settings
) -> None:
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_behind_a_trusted_proxy_its_forwarded_proto_header_counts(tmp_path: Path) -> None:
    header = "SECURE_PROXY_SSL_HEADER"
    assert settings_in(tmp_path, {}, header) == {header: None}
    trusted = settings_in(tmp_path, {"OPMAAT_TRUST_PROXY": "true"}, header)
    assert trusted == {header: ["HTTP_X_FORWARDED_PROTO", "https"]}


@pytest.mark.parametrize(
    ("variables", "backend"),
    [
        ({}, "opmaat.accounts.mail.LogOnlyBackend"),
        ({"OPMAAT_EMAIL_CONSOLE": "true"}, "django.core.mail.backends.console.EmailBackend"),
        ({"OPMAAT_EMAIL_HOST": "smtp.example.nl"}, "django.core.mail.backends.smtp.EmailBackend"),
    ],
)
def test_mails_reach_the_console_only_when_asked(
    tmp_path: Path, variables: dict[str, str], backend: str
) -> None:
    """A password-reset mail holds a link that logs its reader in: by default the server log
    says that a mail was not sent, never what it said."""
    assert settings_in(tmp_path, variables, "EMAIL_BACKEND") == {"EMAIL_BACKEND": backend}
