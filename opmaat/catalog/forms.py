"""The catalog as editors write it in the admin: codes typed as text, each checked against the
catalog, so a typing slip is caught at the field rather than silently granting or planning
nothing."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from opmaat.catalog import models as m
from opmaat.catalog.cache import current_catalog
from opmaat.catalog.files import read_catalog
from opmaat.catalog.labels import LABELS, choices
from opmaat.domain.catalog import Catalog, CodeKind, normalise_code
from opmaat.domain.errors import DomainError, InvalidCatalog
from opmaat.domain.leerweg import Leerweg
from opmaat.ui.errors import explain

# What a prerequisite may name: the planner lifts a rule between werkprocessen onto units.
PLANNED = (CodeKind.UNIT, CodeKind.OUTCOME)


def split_codes(text: str) -> list[str]:
    """The codes in comma-separated `text`, in the catalog's spelling, once each."""
    codes = (normalise_code(part) for part in text.split(","))
    return list(dict.fromkeys(code for code in codes if code))


def check_codes(text: str, kinds: Collection[CodeKind] = (), what: StrOrPromise = "") -> list[str]:
    """`split_codes(text)`, or a ValidationError naming every code the current catalog does
    not know, or knows as something other than `kinds` (described by `what`)."""
    catalog = current_catalog()
    problems: list[str] = []
    codes = split_codes(text)
    for code in codes:
        try:
            catalog.resolve(code)
        except DomainError as error:
            problems.append(explain(error))
            continue
        if kinds and catalog.kind_of(code) not in kinds:
            problems.append(_("%(code)s is geen %(what)s.") % {"code": code, "what": what})
    if problems:
        raise forms.ValidationError(problems)
    return codes


def check_one_planned_code(text: str) -> str:
    codes = check_codes(text, PLANNED, _("eenheid of werkproces"))
    if len(codes) != 1:
        raise forms.ValidationError(_("Noem één code."))
    return codes[0]


class CodesField(forms.CharField):
    """A list of codes (a JSONField) edited as one line of comma-separated codes."""

    def __init__(
        self,
        *,
        label: StrOrPromise,
        help_text: StrOrPromise = "",
        kinds: Collection[CodeKind] = (),
        what: StrOrPromise = "",
        required: bool = True,
    ) -> None:
        super().__init__(
            label=label,
            help_text=help_text,
            required=required,
            widget=forms.TextInput(attrs={"size": 80}),
            error_messages={"required": _("Noem minstens één code.")},
        )
        self.kinds = tuple(kinds)
        self.what = what

    def prepare_value(self, value: object) -> object:
        if isinstance(value, list | tuple):
            return ", ".join(str(code) for code in value)
        return value

    def clean(self, value: object) -> list[str]:
        codes = check_codes(str(super().clean(value)), self.kinds, self.what)
        if self.required and not codes:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return codes

    def has_changed(self, initial: object, data: object) -> bool:
        before = split_codes(str(self.prepare_value(initial or "")))
        return before != split_codes(str(data or ""))


class SourcesField(forms.CharField):
    """A list of sources (a JSONField) edited as text, one source per line: readable, where
    the JSON of the list was not. A line that is a JSON object stays an object (a source
    with its parts named); a whole list pasted as JSON is taken as it is."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Eén bron per regel."))
        super().__init__(widget=forms.Textarea(attrs={"rows": 4, "cols": 100}), **kwargs)

    def prepare_value(self, value: object) -> object:
        if isinstance(value, str) and value.strip().startswith("["):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        if isinstance(value, list | tuple):
            return "\n".join(
                s if isinstance(s, str) else json.dumps(s, ensure_ascii=False) for s in value
            )
        return value

    def to_python(self, value: object) -> list[object]:  # type: ignore[override]  # a list, not a str
        text = str(super().to_python(value)).strip()
        if text.startswith("["):
            try:
                pasted = json.loads(text)
            except ValueError:
                pasted = None
            if isinstance(pasted, list):
                return pasted
        return [source_of(line.strip()) for line in text.splitlines() if line.strip()]

    def has_changed(self, initial: object, data: object) -> bool:
        return self.to_python(self.prepare_value(initial or [])) != self.to_python(data or "")


def source_of(line: str) -> object:
    """A source as a line gives it: the text, or the object a line in JSON braces writes."""
    if line.startswith("{"):
        try:
            parsed = json.loads(line)
        except ValueError:
            return line
        if isinstance(parsed, dict):
            return parsed
    return line


def relabel(fields: dict[str, forms.Field]) -> None:
    """The catalog's stored choices by their Dutch labels (opmaat.catalog.labels)."""
    for name in LABELS:
        field = fields.get(name)
        if isinstance(field, forms.ChoiceField):
            # A model field's choices: value and label pairs (iterated as such).
            field.choices = choices(name, cast(Iterable[Any], field.choices))


class QualificationForm(forms.ModelForm[m.Qualification]):
    superseded_by = CodesField(
        label=_("opgevolgd door"),
        help_text=_("Crebo's van de opvolgers, gescheiden door komma's; leeg zolang ze geldt."),
        kinds=[CodeKind.QUALIFICATION],
        what=_("kwalificatie"),
        required=False,
    )

    pathways = forms.TypedMultipleChoiceField(
        label=_("leerwegen"),
        choices=[
            (Leerweg.BOL.value, _("BOL (school met stages)")),
            (Leerweg.BBL.value, _("BBL (werken en leren)")),
            (Leerweg.DERDE.value, _("Derde leerweg (contractonderwijs)")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = m.Qualification
        exclude = ["cuts"]  # shown as text: a cut is checked as a whole when a file is loaded
        field_classes = {"sources": SourcesField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self.fields)


class UnitForm(forms.ModelForm[m.Unit]):
    werkprocessen = CodesField(
        label=_("werkprocessen"),
        help_text=_(
            "Werkprocessen die andere eenheden omschrijven, gescheiden door komma's "
            "(een examen- of leereenheid); leeg voor een eenheid met eigen werkprocessen."
        ),
        kinds=[CodeKind.OUTCOME],
        what=_("werkproces"),
        required=False,
    )

    class Meta:
        model = m.Unit
        fields = "__all__"
        field_classes = {"sources": SourcesField}
        widgets = {"hours_rule": forms.Textarea(attrs={"rows": 2, "cols": 100})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self.fields)


class CertificateForm(forms.ModelForm[m.Certificate]):
    covers = CodesField(
        label=_("omvat"),
        help_text=_(
            "Codes van de werkprocessen die het certificaat omvat, gescheiden door komma's."
        ),
    )

    class Meta:
        model = m.Certificate
        fields = "__all__"
        field_classes = {"sources": SourcesField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self.fields)


class PrerequisiteForm(forms.ModelForm[m.Prerequisite]):
    class Meta:
        model = m.Prerequisite
        fields = ["unit_code", "requires_code", "reason", "source"]
        help_texts = {
            "unit_code": _("Code van een eenheid of werkproces."),
            "requires_code": _("Code van de eenheid of het werkproces dat eerst af moet zijn."),
        }

    def clean_unit_code(self) -> str:
        return check_one_planned_code(str(self.cleaned_data["unit_code"]))

    def clean_requires_code(self) -> str:
        return check_one_planned_code(str(self.cleaned_data["requires_code"]))


class EquivalenceForm(forms.ModelForm[m.Equivalence]):
    """An equivalence rule: what holding the source code counts for."""

    counts_for = CodesField(
        label=_("telt voor"),
        help_text=_(
            "Codes van eenheden, leerresultaten of generieke vakken, gescheiden door komma's "
            "(bijvoorbeeld 23181-B1-K1, NL-3F)."
        ),
    )

    class Meta:
        model = m.Equivalence
        fields = [
            "source_code",
            "source_name",
            "counts_for",
            "note",
            "provisional",
            "sources",
            "confidence",
            "position",
        ]
        field_classes = {"sources": SourcesField}

    def clean_source_code(self) -> str:
        return normalise_code(str(self.cleaned_data["source_code"]))


class PriorEducationForm(forms.ModelForm[m.PriorEducation]):
    class Meta:
        model = m.PriorEducation
        fields = ["code", "name", "admits_level", "sources"]
        field_classes = {"sources": SourcesField}

    def clean_code(self) -> str:
        return normalise_code(str(self.cleaned_data["code"]))


MAX_CATALOG_BYTES = 20_000_000
CATALOG_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".zip")


class CatalogUploadForm(forms.Form):
    """A catalog file to load (`opmaat-catalog/1`), and the editor's go-ahead for a file
    that drops codes learners refer to. `catalog` is the file read, once valid."""

    file = forms.FileField(label=_("Catalogusbestand (.yaml, .json, .xlsx of .zip met CSV)"))
    confirm = forms.BooleanField(
        label=_(
            "Ik heb gezien welke deelnemers het raakt: laad het bestand toch en plan hun "
            "routes opnieuw."
        ),
        required=False,
    )

    catalog: Catalog

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in CATALOG_SUFFIXES:
            raise forms.ValidationError(
                _("Kies een .yaml-, .json-, .xlsx- of .zip-bestand."), code="suffix"
            )
        if upload.size > MAX_CATALOG_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."), code="size")
        with TemporaryDirectory() as folder:
            path = Path(folder) / f"catalogus{suffix}"
            path.write_bytes(upload.read())
            try:
                self.catalog = read_catalog(path)
            except InvalidCatalog as error:
                raise forms.ValidationError(explain(error), code=error.code) from None
        return upload
