"""Code pickers: a text field with the catalog's codes as "code — name" in a <datalist>, so
that the browser offers them while one types (matching code or name, keyboard and all),
without a script. What a person types is read by opmaat.domain.catalog.picker: the code,
"code — name", or a name that only one of the offered codes has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html_join

from opmaat.domain.catalog.picker import Option, picked
from opmaat.domain.errors import DomainError
from opmaat.ui.errors import explain

# The longest text a picker reads: a code with its name, with room to spare.
PICKED_MAX_LENGTH = 300


class CodePicker(forms.TextInput):
    """A text input with its own <datalist> of the options (id: the input's id + "-keuzes")."""

    template_name = "ui/code_picker.html"

    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false"})
        self.options: Sequence[Option] = ()

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-keuzes"
        widget["attrs"]["list"] = widget["list_id"]
        # Joined here rather than in a template loop: some 300 options on every page with a
        # picker, where the loop cost more than the rest of the widget.
        widget["datalist"] = format_html_join(
            "", '<option value="{}"></option>', ((option.label,) for option in self.options)
        )
        return context


class CodePickerField(forms.CharField):
    """A code chosen with a CodePicker; `clean` gives the code (not yet checked against the
    catalog: the form does that, with its own rule), or the picker's refusal (a name several
    codes have, words that are no name) next to the field."""

    widget = CodePicker

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=PICKED_MAX_LENGTH, **kwargs)
        self._options: tuple[Option, ...] = ()

    @property
    def options(self) -> tuple[Option, ...]:
        return self._options

    @options.setter
    def options(self, value: Sequence[Option]) -> None:
        self._options = tuple(value)
        if isinstance(self.widget, CodePicker):
            self.widget.options = self._options

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value))
        if not text:
            return text
        MaxLengthValidator(PICKED_MAX_LENGTH)(text)  # before reading it
        try:
            return picked(self._options, text)
        except DomainError as error:
            raise forms.ValidationError(explain(error)) from None
