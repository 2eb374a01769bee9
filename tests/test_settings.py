"""What the environment switches on (README, "Configuration" and "Running in production")."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from pytest_django import Settings

pytestmark = pytest.mark.django_db


README = Path(__file__).resolve().parents[1] / "README.md"


def run_with(home: Path, variables: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a fresh process whose environment holds only `variables` of opmaat's."""
    # Nothing of this process's own settings, nor what the browser tests' plugin sets for
    # itself (DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
    left_out = ("OPMAAT_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(left_out)}
    env.update({"OPMAAT_HOME": str(home), "DJANGO_SETTINGS_MODULE": "opmaat.settings"})
    env.update(variables)
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120
    )


def settings_in(home: Path, variables: dict[str, str], *names: str) -> dict[str, object]:
    """The settings `names` as a fresh process reads them from the environment `variables`."""
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    done = run_with(home, variables, "-c", script)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def readme_production_variables() -> dict[str, str]:
    """The variables the README's "Running in production" steps export."""
    section = README.read_text().split("## Running in production", 1)[1].split("\n## ", 1)[0]
    variables: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("export "):
            for word in line.removeprefix("export ").split("#")[0].split():
                name, value = word.split("=", 1)
                variables[name] = value
    return variables


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


def test_the_readmes_production_settings_pass_the_deployment_check(tmp_path: Path) -> None:
    variables = readme_production_variables()
    assert {"DATABASE_URL", "OPMAAT_SECRET_KEY", "OPMAAT_SSL_REDIRECT"} <= set(variables)
    variables["OPMAAT_SECRET_KEY"] = secrets.token_urlsafe(50)  # the README writes `…`
    variables["OPMAAT_HOME"] = str(tmp_path)
    check = ["-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    done = run_with(tmp_path, variables, *check)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "System check identified no issues (0 silenced)."
