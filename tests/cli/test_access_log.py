"""The server's access log never holds the tokens that links carry."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from opmaat.cli.access_log import RedactingLogger, redacted

RESET = "/wachtwoord/nieuw/MQ/cb3k2q-0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d/"


def test_token_segments_and_the_reset_links_user_are_left_out() -> None:
    assert redacted(RESET) == "/wachtwoord/nieuw/…/…/"
    assert redacted("/vrijstellingsscan/Xy3kQ9v_abcdefghijklmnopqrstuvwxyz0/") == (
        "/vrijstellingsscan/…/"
    )
    assert redacted("/deelnemers/12/route/") == "/deelnemers/12/route/"
    assert redacted("/catalogus/23312-B1-K1-W1/") == "/catalogus/23312-B1-K1-W1/"


def test_the_logged_request_line_has_neither_token_nor_query_nor_referrer() -> None:
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": RESET + "?next=/x",
        "PATH_INFO": RESET,
        "QUERY_STRING": "next=/x",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://opmaat.example.nl" + RESET,
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    logger = RedactingLogger(Config())
    atoms = logger.atoms(response, [], environ, timedelta(seconds=0.01))  # type: ignore[no-untyped-call]  # gunicorn's hook
    logged = " ".join(str(v) for v in atoms.values())
    assert "cb3k2q" not in logged and "next=" not in logged
    assert atoms["r"] == "GET /wachtwoord/nieuw/…/…/?… HTTP/1.1"
