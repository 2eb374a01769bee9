"""The environment's readers name the variable and the wrong value, in Dutch."""

from __future__ import annotations

import pytest

from opmaat.env import EnvError, envbool, envint


@pytest.mark.parametrize(("value", "read"), [("", True), ("ON", True), ("0", False), ("no", False)])
def test_a_switch_reads_the_usual_words(
    monkeypatch: pytest.MonkeyPatch, value: str, read: bool
) -> None:
    monkeypatch.setenv("OPMAAT_TEST_SWITCH", value)
    assert envbool("OPMAAT_TEST_SWITCH", True) is read


def test_a_wrong_switch_names_the_variable_and_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPMAAT_TEST_SWITCH", "Ja")
    with pytest.raises(EnvError) as error:
        envbool("OPMAAT_TEST_SWITCH", False)
    assert str(error.value) == "OPMAAT_TEST_SWITCH moet true of false zijn, niet ‘ja’"


def test_a_wrong_number_names_the_variable_and_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPMAAT_TEST_NUMBER", "tien")
    with pytest.raises(EnvError) as error:
        envint("OPMAAT_TEST_NUMBER", 10)
    assert str(error.value) == "OPMAAT_TEST_NUMBER moet een geheel getal zijn, niet ‘tien’"
