"""Every refusal has a code, a status and a message in Dutch and English, and
docs/errors.md lists them all (regenerate it with OPMAAT_WRITE_ERRORS_DOC=1)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from pathlib import Path

from django.utils import translation

import opmaat
from opmaat.domain.errors import DomainError
from opmaat.messages import MESSAGES, TITLES, Plural, gettext_noop

DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
BEGIN, END = "<!-- codes: begin -->", "<!-- codes: end -->"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
EDGE_CODES = {
    "bad_request": 400,
    "not_authenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "request_too_large": 413,
    "validation_error": 422,
    "too_many_requests": 429,
}


def error_classes() -> list[type[DomainError]]:
    """Every DomainError class in opmaat, once every module is imported."""
    for module in pkgutil.walk_packages(opmaat.__path__, "opmaat."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[DomainError]] = []
    todo: list[type[DomainError]] = [DomainError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.code)


def texts(message: str | Plural) -> list[str]:
    return [message.one, message.other] if isinstance(message, Plural) else [message]


def in_english(text: str) -> str:
    with translation.override("en"):
        return translation.gettext(text)


def test_every_error_class_has_its_own_code_and_a_message() -> None:
    classes = error_classes()
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
    assert [c for c in codes if c not in MESSAGES] == []
    assert all(c.status in TITLES for c in classes)


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    for key, message in MESSAGES.items():
        for dutch in texts(message):
            english = in_english(dutch)
            assert english != dutch, f"{key}: no English for {dutch!r}"
            assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(dutch)), key
    for title in TITLES.values():
        assert in_english(title) != title


def test_no_english_in_the_dutch_texts_and_no_dutch_in_the_english() -> None:
    english_words = re.compile(r"\b(the|is not|must|cannot|unknown|already|file has)\b")
    dutch_words = re.compile(r"\b(het|een|niet|geen|bestand|werkproces|moet|kan)\b")
    for key, message in MESSAGES.items():
        for dutch in texts(message):
            assert not english_words.search(PLACEHOLDER.sub("", dutch)), (key, dutch)
            english = PLACEHOLDER.sub("", in_english(dutch))
            assert not dutch_words.search(english), (key, english)


def doc_table() -> str:
    statuses = {c.code: c.status for c in error_classes()} | EDGE_CODES
    rows = ["| code | status | Nederlands | English |", "| --- | --- | --- | --- |"]
    for key, message in MESSAGES.items():
        code = key.split(".", 1)[0]
        for dutch in texts(message):
            shown = gettext_noop(dutch).replace("|", "\\|")
            english = in_english(dutch).replace("|", "\\|")
            rows.append(f"| `{key}` | {statuses.get(code, 400)} | {shown} | {english} |")
    return "\n".join(rows)


def test_docs_errors_md_lists_every_code_with_its_status_and_texts() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = doc_table()
    if os.environ.get("OPMAAT_WRITE_ERRORS_DOC"):
        head, rest = text.split(BEGIN, 1)
        _old, tail = rest.split(END, 1)
        text = f"{head}{BEGIN}\n{table}\n{END}{tail}"
        DOC.write_text(text, encoding="utf-8")
    assert f"{BEGIN}\n{table}\n{END}" in text, "run with OPMAAT_WRITE_ERRORS_DOC=1"


def test_a_short_password_is_refused_in_dutch() -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with translation.override("nl"):
        try:
            validate_password("abc")
        except ValidationError as refusal:
            messages = refusal.messages
    assert "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten." in messages


def test_every_check_constraint_says_in_dutch_what_it_holds() -> None:
    from django.apps import apps
    from django.db.models import CheckConstraint

    for model in apps.get_app_config("catalog").get_models():
        for constraint in model._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                with translation.override("nl"):
                    message = str(constraint.get_violation_error_message())
                assert constraint.name not in message, constraint.name
