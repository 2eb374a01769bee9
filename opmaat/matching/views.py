"""Matching rounds of a region, for its coordinator: files in, runs, publication, results."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.accounts.models import Organisation
from opmaat.domain.errors import DomainError, Required
from opmaat.domain.matching.states import RoundAction, RoundState, check_publish, round_actions
from opmaat.domain.matching.summary import NO_ORGANISATION
from opmaat.learners.access import signed_in
from opmaat.matching import services
from opmaat.matching.files import ASSIGNMENT_COLUMNS
from opmaat.matching.files.read import PLACES, STUDENTS
from opmaat.matching.models import STATE_LABELS, MatchingRound, MatchingRun
from opmaat.messages import matching_texts
from opmaat.tabular.write import csv_text
from opmaat.ui.charts import rows_at, scale_to
from opmaat.ui.confirm import confirmation, confirmed
from opmaat.ui.errors import explain
from opmaat.ui.widgets import DateInput


class RoundForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=200)
    final_matching = forms.DateField(
        label=gettext_lazy("Datum definitieve matching"), widget=DateInput()
    )


class FileForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Bestand (CSV of XLSX)"))


class RunForm(forms.Form):
    seed = forms.IntegerField(
        label=gettext_lazy("Loting (seed)"),
        required=False,
        min_value=0,
        help_text=gettext_lazy("Leeg: een nieuwe loting, die wordt bewaard."),
    )
    fill = forms.BooleanField(
        label=gettext_lazy("Vrije plaatsen daarna aanvullen (na-plaatsing)"), required=False
    )


def round_for(request: HttpRequest, pk: int) -> MatchingRound:
    matching_round = get_object_or_404(MatchingRound, pk=pk)
    services.require_coordinator(signed_in(request), matching_round)
    return matching_round


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    regions = services.regions_of(user)
    if not regions:
        raise PermissionDenied("no region")
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        region = Organisation.objects.get(pk=regions[0])
        created = services.create_round(
            user, region, form.cleaned_data["name"], form.cleaned_data["final_matching"]
        )
        return redirect("round", pk=created.pk)
    rounds = MatchingRound.objects.filter(region_id__in=regions).select_related("region")
    return render(request, "matching/list.html", {"rounds": rounds, "form": form})


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    matching_round = round_for(request, pk)
    return render(
        request,
        "matching/detail.html",
        {
            "round": matching_round,
            "steps": steps(RoundState(matching_round.state)),
            "actions": round_actions(RoundState(matching_round.state)),
            "file_form": FileForm(),
            "run_form": RunForm(),
            "runs": matching_round.runs.select_related("run_by"),
            "file_columns": file_columns(),
        },
    )


def file_columns() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Per file, its required and its other columns, as the upload form lists them."""
    return [
        (str(label), table.required, tuple(n for n in table.names if n not in table.required))
        for label, table in ((_("Plaatsen"), PLACES), (_("Studenten"), STUDENTS))
    ]


@require_POST
@login_required
def round_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    matching_round = round_for(request, pk)
    user = signed_in(request)
    try:
        if action in (RoundAction.PLACES, RoundAction.STUDENTS):
            form = FileForm(request.POST, request.FILES)
            if not form.is_valid():
                raise Required("file")
            upload = form.cleaned_data["file"]
            services.upload(user, matching_round, action, upload.name, upload.read())
            messages.success(request, _("Bestand %(name)s ingelezen.") % {"name": upload.name})
        elif action == RoundAction.ADVANCE:
            if not confirmed(request):
                # A move that would be refused anyway is refused before the question.
                return advance_confirmation(
                    request, matching_round, services.next_state(matching_round)
                )
            services.advance_round(user, matching_round)
        elif action == RoundAction.RUN:
            run_form = RunForm(request.POST)
            run_form.is_valid()
            data = run_form.cleaned_data
            run = services.run_round(user, matching_round, data.get("seed"), bool(data.get("fill")))
            return redirect("round_run", pk=pk, version=run.version)
        else:
            raise PermissionDenied(action)
    except DomainError as error:
        messages.error(request, explain(error))
    return redirect("round", pk=pk)


# What moving on ends, per state moved from (opmaat.domain.matching.states).
ADVANCE_CONSEQUENCES = {
    RoundState.INVENTORY: gettext_lazy(
        "Daarna kunnen de aangeboden plaatsen niet meer worden gewijzigd of ingetrokken; "
        "scholen melden dan hun studenten en voorkeuren aan."
    ),
    RoundState.DISTRIBUTION: gettext_lazy(
        "Daarna kunnen geen studenten of voorkeuren meer worden ingelezen; de ronde kan dan "
        "worden gematcht."
    ),
}


def advance_confirmation(
    request: HttpRequest, matching_round: MatchingRound, to: RoundState
) -> HttpResponse:
    """The question before the round moves on to `to`, which cannot be undone."""
    state = RoundState(matching_round.state)
    names = {"from": STATE_LABELS[state], "to": STATE_LABELS[to]}
    return confirmation(
        request,
        title=_("Naar de fase %(to)s?") % names,
        consequences=[
            _(
                "De ronde gaat van de fase %(from)s naar de fase %(to)s. Dat kan niet worden "
                "teruggedraaid."
            )
            % names,
            *([str(ADVANCE_CONSEQUENCES[state])] if state in ADVANCE_CONSEQUENCES else []),
        ],
        yes=_("Ja, naar de fase %(to)s") % names,
        back=reverse("round", args=[matching_round.pk]),
    )


@require_POST
@login_required
def run_publish(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    matching_round = round_for(request, pk)
    run = get_object_or_404(MatchingRun, round=matching_round, version=version)
    if not confirmed(request):
        try:
            check_publish(RoundState(matching_round.state))
        except DomainError as error:
            messages.error(request, explain(error))
            return redirect("round_run", pk=pk, version=version)
        summary = run.document["summary"]
        names = {"v": version, "m": summary["matched"], "s": summary["students"]}
        return confirmation(
            request,
            title=_("Versie %(v)d publiceren?") % names,
            consequences=[
                _(
                    "De toewijzingen van versie %(v)d (%(m)d van %(s)d studenten geplaatst) "
                    "worden definitief: de ronde gaat naar de uitvoering."
                )
                % names,
                _(
                    "Daarna kan de ronde niet meer opnieuw worden gematcht en kan geen andere "
                    "versie worden gepubliceerd."
                ),
            ],
            yes=_("Ja, versie %(v)d publiceren") % names,
            back=reverse("round_run", args=[pk, version]),
        )
    try:
        services.publish(signed_in(request), run)
    except DomainError as error:
        messages.error(request, explain(error))
    else:
        messages.success(request, _("Versie %(v)d gepubliceerd.") % {"v": version})
    return redirect("round_run", pk=pk, version=version)


@login_required
def run_detail(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    matching_round = round_for(request, pk)
    run = get_object_or_404(MatchingRun, round=matching_round, version=version)
    summary = run.document["summary"]
    return render(
        request,
        "matching/run.html",
        {
            "round": matching_round,
            "actions": round_actions(RoundState(matching_round.state)),
            "run": run,
            "summary": summary,
            "chart": rank_chart(summary),
            "supply": supply_chart(run.document.get("supply_demand", [])),
            "schools": per_column(run.rows, "school"),
            "organisations": per_organisation(run.rows, summary["unused_by_organisation"]),
            "unmatched": [
                (sid, *worded(e))
                for sid, e in run.document.get("explanations", {}).items()
                if e["place"] is None
            ],
            "explanations": [
                (sid, e["place"], worded(e)[0])
                for sid, e in run.document.get("explanations", {}).items()
            ],
        },
    )


def worded(explanation: dict[str, Any]) -> tuple[str, list[str]]:
    """A student's outcome and refusals in the reader's language; a run saved before the
    explanations carried their facts keeps its Dutch text."""
    if "outcome" in explanation:
        return matching_texts(explanation, gettext)
    return explanation["text"], [r["text"] for r in explanation["refusals"]]


def steps(current: RoundState) -> list[tuple[str, bool]]:
    """The round's states in order as (label, is the current one), for the step list."""
    return [(str(STATE_LABELS[state]), state == current) for state in RoundState]


def per_column(rows: list[list[Any]], column: str) -> list[tuple[str, int]]:
    index = ASSIGNMENT_COLUMNS.index(column)
    placed = ASSIGNMENT_COLUMNS.index("place_id")
    counts = Counter(str(r[index]) or "—" for r in rows if r[placed])
    return sorted(counts.items())


def per_organisation(rows: list[list[Any]], unused: dict[str, int]) -> list[tuple[str, int, int]]:
    """Per organisation, students placed and seats left free: every organisation with
    either (the summary lists only those with free seats)."""
    placed = dict(per_column(rows, "organisation"))
    free = {("—" if name == NO_ORGANISATION else name): n for name, n in unused.items()}
    return [(name, placed.get(name, 0), free.get(name, 0)) for name in sorted({*placed, *free})]


def rank_chart(summary: dict[str, Any]) -> dict[str, Any]:
    """Bars of students placed per preference rank, plus fill and unplaced."""
    bars = [
        (_("Voorkeur %(n)s") % {"n": rank}, count) for rank, count in summary["by_rank"].items()
    ]
    if summary.get("fill"):
        bars.append((_("Na-plaatsing"), summary["fill"]))
    bars.append((_("Niet geplaatst"), summary["unmatched"]))
    scale = scale_to((count for _, count in bars), 440)
    return {
        "bars": [
            {"label": label, "count": count, "y": y, "width": scale(count)}
            for y, (label, count) in zip(rows_at(len(bars), 8, 26), bars, strict=True)
        ],
        "height": 16 + len(bars) * 26,
    }


def supply_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per organisation two bars: seats offered and students who chose it first."""
    scale = scale_to((max(r["seats"], r["first_choices"]) for r in rows), 380)
    return {
        "rows": [
            {
                **r,
                "y": y,
                "seats_width": scale(r["seats"]),
                "first_width": scale(r["first_choices"]),
            }
            for y, r in zip(rows_at(len(rows), 8, 40), rows, strict=True)
        ],
        "height": 16 + len(rows) * 40,
    }


@login_required
def run_download(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    """The assignments as CSV; `?school=` or `?organisation=` narrows them to one."""
    matching_round = round_for(request, pk)
    run = get_object_or_404(MatchingRun, round=matching_round, version=version)
    rows = run.rows
    for column in ("school", "organisation"):
        wanted = request.GET.get(column)
        if wanted is not None:
            index = ASSIGNMENT_COLUMNS.index(column)
            rows = [r for r in rows if str(r[index]) == wanted]
    text = csv_text(ASSIGNMENT_COLUMNS, rows)  # ids and names guarded against formulas
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    filename = f"matching-{matching_round.pk}-v{version}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
