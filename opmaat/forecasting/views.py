"""The planning pages of a region: its qualifications' gaps, scenarios, baselines, actuals,
figures, comparisons, files. Aggregates only: no page names a person."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.accounts.models import Organisation
from opmaat.domain.access import SMALL_GROUP
from opmaat.domain.errors import DomainError, FileTooLarge
from opmaat.domain.forecasting.model import ROUTES
from opmaat.domain.forecasting.xmile import export_xmile
from opmaat.forecasting import pages, services
from opmaat.forecasting.access import (
    Access,
    access_region,
    own_organisations,
    regions_for,
    require_edit,
    writable_organisations,
)
from opmaat.forecasting.employers import demand_days, employer_demand
from opmaat.forecasting.files.export import plan_sheets, workbook_bytes
from opmaat.forecasting.files.public import read_cbs, read_duo
from opmaat.forecasting.files.template import (
    Workbook,
    read_template,
    template_bytes,
    template_sheets,
)
from opmaat.forecasting.forms import (
    ActualForm,
    BaselineForm,
    FigureForm,
    GroupingForm,
    ImportForm,
    ScenarioForm,
)
from opmaat.forecasting.models import (
    Actual,
    ActualMeasure,
    Baseline,
    Figure,
    Measure,
    Rate,
    Scenario,
)
from opmaat.forecasting.pdf import render_pdf
from opmaat.forecasting.regions import labour_market_regions
from opmaat.learners.access import signed_in
from opmaat.messages import problem_text
from opmaat.ui.confirm import confirmation, confirmed
from opmaat.ui.errors import explain, form_field

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a national DUO file is about 10 MB
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def region_for(request: HttpRequest, pk: int) -> tuple[Organisation, Access]:
    return access_region(signed_in(request), pk)


def chosen_scenarios(request: HttpRequest, region: Organisation) -> list[Scenario]:
    ids = [int(v) for v in request.GET.getlist("scenario") if v.isdigit()]
    found = {s.pk: s for s in Scenario.objects.filter(region=region, pk__in=ids)}
    return [found[i] for i in ids if i in found]


def attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    regions = regions_for(signed_in(request))
    if not regions:
        raise PermissionDenied("no region")
    if len(regions) == 1:
        return redirect("planning_region", pk=regions[0][0].pk)
    return render(request, "forecasting/index.html", {"regions": regions})


@login_required
def region_page(request: HttpRequest, pk: int) -> HttpResponse:
    region, access = region_for(request, pk)
    return render(
        request,
        "forecasting/region.html",
        {
            "region": region,
            "editor": access is Access.EDIT,
            "summaries": pages.summaries(region),
            "scenarios": Scenario.objects.filter(region=region),
            "baselines": Baseline.objects.filter(region=region),
            "baseline_form": BaselineForm(),
        },
    )


@login_required
def qualification_page(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    region, access = region_for(request, pk)
    chosen = chosen_scenarios(request, region)
    try:
        context = pages.qualification_context(region, code, chosen)
    except DomainError as error:  # figures changed since a scenario was saved
        messages.error(request, explain(error))
        chosen = []
        context = pages.qualification_context(region, code, chosen)
    query = "&".join(f"scenario={s.pk}" for s in chosen)
    return render(
        request,
        "forecasting/qualification.html",
        {
            **context,
            "region": region,
            "editor": access is Access.EDIT,
            "scenarios": Scenario.objects.filter(region=region),
            "chosen": {s.pk for s in chosen},
            "query": query,
            "name": dict(services.qualifications_of(region)).get(code, code),
        },
    )


@login_required
def scenario_form(request: HttpRequest, pk: int, scenario: int | None = None) -> HttpResponse:
    user = signed_in(request)
    region, _access = region_for(request, pk)
    require_edit(user, region)
    row = get_object_or_404(Scenario, pk=scenario, region=region) if scenario else None
    qualifications = services.qualifications_of(region)
    initial: dict[str, object] = {}
    if row is not None:
        initial = {
            "name": row.name,
            "qualification": row.qualification,
            "from_year": row.from_year,
            "note": row.note,
        }
        initial.update(ScenarioForm.initial_for(row.levers))
    form = ScenarioForm(qualifications, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.do_save_scenario(
                user,
                region,
                data["name"],
                form.levers(),
                data["qualification"],
                data["from_year"],
                data["note"],
                row,
            )
        except DomainError as error:
            form.add_error(form_field(form, error), explain(error))
            return render(
                request,
                "forecasting/scenario.html",
                {"region": region, "form": form, "scenario": row},
            )
        target = saved.qualification or (qualifications[0][0] if qualifications else "")
        if not target:
            return redirect("planning_region", pk=pk)
        url = reverse("planning_qualification", args=[pk, target])
        return redirect(f"{url}?scenario={saved.pk}")
    return render(
        request, "forecasting/scenario.html", {"region": region, "form": form, "scenario": row}
    )


@require_POST
@login_required
def scenario_delete(request: HttpRequest, pk: int, scenario: int) -> HttpResponse:
    region, _access = region_for(request, pk)
    row = get_object_or_404(Scenario, pk=scenario, region=region)
    require_edit(signed_in(request), region)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Scenario %(name)s verwijderen?") % {"name": row.name},
            consequences=[_("Het scenario en zijn knoppen zijn daarna weg; nulmetingen blijven.")],
            yes=_("Ja, verwijderen"),
            back=reverse("planning_scenario", args=[pk, row.pk]),
        )
    services.do_delete_scenario(signed_in(request), row)
    messages.success(request, _("Scenario %(name)s verwijderd.") % {"name": row.name})
    return redirect("planning_region", pk=pk)


@require_POST
@login_required
def baseline_record(request: HttpRequest, pk: int) -> HttpResponse:
    region, _access = region_for(request, pk)
    form = BaselineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef de nulmeting een naam."))
        return redirect("planning_region", pk=pk)
    baseline = services.do_record_baseline(signed_in(request), region, form.cleaned_data["name"])
    messages.success(request, _("Nulmeting %(name)s vastgelegd.") % {"name": baseline.name})
    return redirect("planning_baseline", pk=pk, baseline=baseline.pk)


@login_required
def baseline_page(request: HttpRequest, pk: int, baseline: int) -> HttpResponse:
    region, access = region_for(request, pk)
    row = get_object_or_404(Baseline, pk=baseline, region=region)
    codes = sorted(row.inputs.get("plans", {}))
    code = request.GET.get("q") or (codes[0] if codes else "")
    if codes and code not in codes:
        raise Http404("not in this baseline")
    errors = services.backtest_of(row, code) if code else ()
    targets = services.targets_of(row, code) if code else []
    names = dict(services.qualifications_of(region))
    return render(
        request,
        "forecasting/baseline.html",
        {
            "region": region,
            "baseline": row,
            "options": [(c, names.get(c, c)) for c in codes],
            "code": code,
            "targets": [(t, pages.ROUTE_NAMES[t.route]) for t in targets],
            "errors": errors,
            "mape": services.mean_error(errors),
            "editor": access is Access.EDIT,
        },
    )


@login_required
def actuals_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    region, access = region_for(request, pk)
    form = ActualForm(services.qualifications_of(region), request.POST or None)
    if request.method == "POST":
        require_edit(user, region)
        if form.is_valid():
            d = form.cleaned_data
            services.do_record_actual(
                user,
                region,
                d["qualification"],
                d["year"],
                ActualMeasure(d["measure"]),
                d["value"],
                d["part"],
                d["source"],
            )
            messages.success(request, _("Realisatie vastgelegd."))
            return redirect("planning_actuals", pk=pk)
    return render(
        request,
        "forecasting/actuals.html",
        {
            "region": region,
            "form": form,
            "editor": access is Access.EDIT,
            "actuals": Actual.objects.filter(region=region),
            "routes": pages.ROUTE_NAMES,
        },
    )


@login_required
def figures_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    region, access = region_for(request, pk)
    own = own_organisations(user, region)
    choices = [(str(o.pk), o.name) for o in own]
    if access is Access.EDIT:
        choices.insert(0, ("", _("De regio als geheel")))
    form = FigureForm(choices, request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        organisation = next((o for o in own if str(o.pk) == d["organisation"]), None)
        try:
            services.do_set_figure(
                user,
                region,
                d["qualification"],
                d["year"],
                Measure(d["measure"]),
                d["part"],
                d["value"],
                d["source"],
                organisation,
            )
        except DomainError as error:
            form.add_error(None, explain(error))
        else:
            messages.success(request, _("Cijfer opgeslagen."))
            return redirect("planning_figures", pk=pk)
    shown = Figure.objects.filter(region=region).select_related("organisation")
    if access is not Access.EDIT:
        shown = shown.filter(organisation__in=own)
    return render(
        request,
        "forecasting/figures.html",
        {"region": region, "form": form, "figures": shown, "editor": access is Access.EDIT},
    )


@login_required
def compare_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    region, access = region_for(request, pk)
    regions = [(r.code, r.name) for r in labour_market_regions().regions]
    grouping_form = GroupingForm(regions, request.POST or None)
    if request.method == "POST":
        require_edit(user, region)
        if grouping_form.is_valid():
            d = grouping_form.cleaned_data
            services.do_save_grouping(user, region, d["name"], d["areas"])
            return redirect("planning_compare", pk=pk)
    qualifications = services.qualifications_of(region)
    code = request.GET.get("q") or (qualifications[0][0] if qualifications else "")
    years, series = pages.area_series(region, code) if code else ((), [])
    scenarios = list(Scenario.objects.filter(region=region))
    differences = []
    if code and scenarios:
        result, cell = services.comparison(region, code, scenarios)
        differences = [
            (name, [float(v) for v in projection.gap[cell]])
            for name, projection in zip(result.names, result.projections, strict=True)
        ]
    employee_years, employees = services.employee_series(region)
    return render(
        request,
        "forecasting/compare.html",
        {
            "region": region,
            "qualifications": qualifications,
            "code": code,
            "years": years,
            "series": series,
            "differences": differences,
            "employee_years": employee_years,
            "employees": employees,
            "grouping_form": grouping_form,
            "editor": access is Access.EDIT,
            "regions_source": labour_market_regions().source,
        },
    )


def outlook_for(
    request: HttpRequest, pk: int, code: str
) -> tuple[Organisation, services.Outlook, Scenario | None]:
    region, _access = region_for(request, pk)
    chosen = chosen_scenarios(request, region)
    scenario = chosen[0] if chosen else None
    return region, services.outlook(region, code, scenario), scenario


@login_required
def employers_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The member care organisations' training demand, summed; small groups hidden."""
    region, access = region_for(request, pk)
    days = demand_days()
    return render(
        request,
        "forecasting/employers.html",
        {
            "region": region,
            "editor": access is Access.EDIT,
            "demand": employer_demand(region, days[0]),
            "first": days[0],
            "last": days[-1],
            "hidden": f"< {SMALL_GROUP}",
        },
    )


@login_required
def export_xlsx(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    region, outlook, _scenario = outlook_for(request, pk, code)
    sheets = plan_sheets(
        outlook,
        list(
            Figure.objects.filter(region=region, qualification=code).select_related("organisation")
        ),
        list(Rate.objects.filter(region=region, qualification=code)),
        list(Scenario.objects.filter(region=region)),
    )
    return attachment(workbook_bytes(sheets), XLSX, f"planning-{code}.xlsx")


@login_required
def export_pdf(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    region, _access = region_for(request, pk)
    chosen = chosen_scenarios(request, region)
    context = pages.qualification_context(region, code, chosen)
    context.update(
        {
            "region": region,
            "name": dict(services.qualifications_of(region)).get(code, code),
            "chosen_names": [s.name for s in chosen],
        }
    )
    return attachment(
        render_pdf("forecasting/plan_pdf.html", context), "application/pdf", f"planning-{code}.pdf"
    )


@login_required
def export_model(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    _region, outlook, scenario = outlook_for(request, pk, code)
    name = scenario.name if scenario else "opmaat"
    document = export_xmile(outlook.plan, outlook.plan.cells[outlook.cell], name)
    return attachment(document, "application/xml", f"planning-{code}.xmile")


ROUTE_VALUES = [r.value for r in ROUTES]


@login_required
def import_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    region, access = region_for(request, pk)
    require_edit(user, region)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            book = read_upload(
                form, upload.name, upload.read(), writable_organisations(user, region)
            )
            done = services.do_import(user, region, book.figures, book.rates, book.actuals)
        except DomainError as error:
            form.add_error("file", explain(error))
            problems = [problem_text(p, _) for p in error.problems]
        else:
            messages.success(
                request,
                _("Ingelezen: %(f)s cijfers, %(r)s kengetallen, %(a)s realisaties.")
                % {"f": done.figures, "r": done.rates, "a": done.actuals},
            )
            return redirect("planning_figures", pk=pk)
    return render(
        request,
        "forecasting/import.html",
        {"region": region, "form": form, "problems": problems, "editor": access is Access.EDIT},
    )


def read_upload(form: ImportForm, name: str, data: bytes, owners: Mapping[str, object]) -> Workbook:
    """The upload as rows to write, read by the importer its kind names."""
    kind = form.cleaned_data["kind"]
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileTooLarge(name, MAX_UPLOAD_BYTES // 1024 // 1024)
    if kind == "duo":
        towns = [
            t.strip() for t in (form.cleaned_data["municipalities"] or "").split(",") if t.strip()
        ]
        return Workbook(figures=read_duo(name, data, form.cleaned_data["year"], towns))
    if kind == "cbs":
        return Workbook(figures=read_cbs(name, data))
    return read_template(name, data, owners.keys())


@login_required
def template_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The planning workbook: empty, or (`?met=cijfers`) with the region's figures."""
    region, _access = region_for(request, pk)
    if request.GET.get("met") != "cijfers":
        return attachment(template_bytes(template_sheets()), XLSX, "planning-sjabloon.xlsx")
    figures = Figure.objects.filter(region=region).select_related("organisation")
    sheets = template_sheets(
        list(figures),
        list(Rate.objects.filter(region=region)),
        list(Actual.objects.filter(region=region)),
    )
    return attachment(template_bytes(sheets), XLSX, f"planning-{region.pk}.xlsx")
