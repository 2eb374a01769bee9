"""Every verification failure is said in the reader's language, never in the English
message meant for logs and scripts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils import translation

from opmaat.credentials.messages import explain
from opmaat.domain.credentials.verify import Failure, FailureCode
from opmaat.domain.errors import Said

ENGLISH = "plain English for logs"


@pytest.mark.parametrize("code", list(FailureCode))
def test_no_failure_is_told_in_its_english_message(code: FailureCode) -> None:
    failure = Failure(code, ENGLISH, at=datetime(2027, 4, 2, tzinfo=UTC))
    with translation.override("nl"):
        assert ENGLISH not in explain(failure)


def test_a_malformed_document_says_its_problem_in_dutch() -> None:
    said = Said("id must be text", "credential_id")
    with translation.override("nl"):
        text = explain(Failure(FailureCode.MALFORMED, said))
    assert text == (
        "Dit is geen certificaat of diploma dat hier te controleren is: het kenmerk ontbreekt "
        "of is onleesbaar."
    )


def test_a_malformed_document_without_a_worded_problem_is_told_without_detail() -> None:
    with translation.override("nl"):
        text = explain(Failure(FailureCode.MALFORMED, ENGLISH))
    assert text == "Dit is geen certificaat of diploma dat hier te controleren is."
