"""The workforce pages: HR's dashboard, the shift view ("who can cover tomorrow's morning
peak"), an employee's deployability card, training demand, the job-carving workbench and a
team leader's team. Each parses, asks opmaat.workforce.access, calls the services and
renders; the rules are the domain's."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.domain.errors import DomainError
from opmaat.domain.workforce.model import Evidence
from opmaat.learners.access import signed_in
from opmaat.ui.errors import explain
from opmaat.workforce import access, services
from opmaat.workforce.forms import (
    AuthorisationForm,
    CarvingForm,
    DayForm,
    DecisionForm,
)
from opmaat.workforce.models import Authorisation, Employee, Proposal, Team
from opmaat.workforce.presenting import (
    card_rows,
    carving_view,
    demand_view,
    expiry_rows,
    function_rows,
    heatmap_view,
    route_view,
    shift_view,
    team_rows,
)


def chosen_day(request: HttpRequest, default: date) -> date:
    form = DayForm(request.GET)
    if form.is_valid() and form.cleaned_data["dag"] is not None:
        picked: date = form.cleaned_data["dag"]
        return picked
    return default


def tomorrow() -> date:
    return services.today() + timedelta(days=1)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """HR goes to its organisation's dashboard, a team leader to their team."""
    user = signed_in(request)
    organisations = list(access.hr_organisations(user))
    if len(organisations) == 1:
        return redirect("workforce_dashboard", pk=organisations[0].pk)
    teams = list(access.led_teams(user))
    if not organisations and len(teams) == 1:
        return redirect("workforce_team", pk=teams[0].pk)
    if not organisations and not teams:
        raise PermissionDenied("workforce")
    return render(request, "workforce/home.html", {"organisations": organisations, "teams": teams})


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    day = chosen_day(request, tomorrow())
    staff = services.staff_of(organisation, day)
    return render(
        request,
        "workforce/dashboard.html",
        {
            "organisation": organisation,
            "day": day,
            "form": DayForm(initial={"dag": day}),
            "heatmap": heatmap_view(services.heatmap_of(staff, [day])),
            "teams": services.teams_of(organisation),
            "expiring": expiry_rows(staff.huis, services.expiring_for(organisation)),
            "proposals": services.pending_proposals(organisation),
            "functions": {f.code: f.name for f in staff.huis.functions},
            "decision_form": DecisionForm(),
        },
    )


@login_required
def shift(request: HttpRequest, pk: int) -> HttpResponse:
    """Who covers a team's windows on a day, what stays unmet, who could fill it, and which
    single unit would add most coverage."""
    user = signed_in(request)
    team = access.access_team(user, pk)
    day = chosen_day(request, tomorrow())
    staff = services.staff_of(team.organisation, day)
    [coverage] = services.coverage_of(staff, [day], team)
    units = services.best_units(services.demand_of(staff, [day], team))
    visible = set(access.visible_employees(user).values_list("pk", flat=True))
    return render(
        request,
        "workforce/shift.html",
        {
            "team": team,
            "day": day,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "form": DayForm(initial={"dag": day}),
            "windows": shift_view(staff, coverage, visible),
            "units": units[:5],
            "hr": access.is_hr_of(user, team.organisation),
        },
    )


@login_required
def team(request: HttpRequest, pk: int) -> HttpResponse:
    """A team's members with what each may do, for its leader and for HR."""
    user = signed_in(request)
    found = access.access_team(user, pk)
    staff = services.staff_of(found.organisation, services.today())
    members = list(found.employees.all())
    return render(
        request,
        "workforce/team.html",
        {
            "team": found,
            "rows": team_rows(staff, members),
            "tasks": staff.huis.tasks,
            "expiring": expiry_rows(staff.huis, services.expiring_for(found.organisation, members)),
            "hr": access.is_hr_of(user, found.organisation),
        },
    )


@login_required
def employees(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    rows = organisation.employees.select_related("team").order_by("team__name", "name")
    return render(
        request,
        "workforce/employees.html",
        {"organisation": organisation, "employees": rows},
    )


@login_required
def card(request: HttpRequest, pk: int) -> HttpResponse:
    """An employee's deployability card, the authorisation form for a designated signer,
    and the route to a target function."""
    user = signed_in(request)
    employee = access.access_employee(user, pk)
    return render_card(request, employee, AuthorisationForm(organisation=employee.organisation_id))


def render_card(request: HttpRequest, employee: Employee, form: AuthorisationForm) -> HttpResponse:
    user = signed_in(request)
    deployed = services.deployability_of(employee)
    huis = services.functiehuis_of(employee.organisation)
    target = request.GET.get("functie", "")
    return render(
        request,
        "workforce/card.html",
        {
            "employee": employee,
            "school": services.linked_learner_consents(employee),
            "linked": hasattr(employee, "link"),
            "rows": card_rows(huis, deployed),
            "functions": function_rows(huis, deployed),
            "authorisations": employee.authorisations.select_related("act"),
            "form": form,
            "signer": access.is_signer(user, employee.organisation),
            "target": target,
            "route": route_view(employee, huis, target),
            "today": services.today(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def record_authorisation(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    employee = access.access_employee(user, pk)
    if not access.is_signer(user, employee.organisation):
        raise PermissionDenied("signer")
    form = AuthorisationForm(request.POST, organisation=employee.organisation_id)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.do_record_authorisation(
                user,
                employee,
                data["act"],
                data["granted_on"],
                Evidence(data["evidence"]),
                data["note"],
                data["valid_until"],
            )
        except DomainError as error:
            form.add_error("valid_until", explain(error))
        else:
            messages.success(request, _("Bekwaamheidsverklaring vastgelegd."))
            return redirect("workforce_employee", pk=employee.pk)
    return render_card(request, employee, form)


@require_POST
@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in(request)
    proposal = get_object_or_404(Proposal.objects.select_related("employee"), pk=pk)
    organisation = proposal.employee.organisation
    if not access.is_hr_of(user, organisation):
        raise Http404("proposal")
    form = DecisionForm(request.POST)
    if form.is_valid() and proposal.state == Proposal.State.PENDING:
        accept = form.cleaned_data["decision"] == "accept"
        services.do_decide_proposal(user, proposal, accept, form.cleaned_data["note"])
        messages.success(request, _("Besluit over het voorstel vastgelegd."))
    return redirect("workforce_dashboard", pk=organisation.pk)


@require_POST
@login_required
def refresh_proposals(request: HttpRequest, pk: int) -> HttpResponse:
    """Look for heavier and deepening units completed since the last time (HR)."""
    user = signed_in(request)
    organisation = access.access_organisation(user, pk)
    added = services.do_refresh_proposals(organisation, user)
    messages.success(request, _("Nieuwe voorstellen: %(n)s.") % {"n": added})
    return redirect("workforce_dashboard", pk=organisation.pk)


@require_POST
@login_required
def revoke_authorisation(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw an authorisation (a designated signer of the employee's organisation)."""
    user = signed_in(request)
    row = get_object_or_404(Authorisation.objects.select_related("employee", "act"), pk=pk)
    employee = access.access_employee(user, row.employee_id)
    if not access.is_signer(user, employee.organisation) or row.revoked_at is not None:
        raise PermissionDenied("signer")
    services.do_revoke_authorisation(user, row, request.POST.get("note", "")[:500])
    messages.success(request, _("Bekwaamheidsverklaring ingetrokken."))
    return redirect("workforce_employee", pk=employee.pk)


@login_required
def demand(request: HttpRequest, pk: int) -> HttpResponse:
    """Training demand over the coming week: per person and unit, ranked by coverage
    gained per training hour; optionally for one team."""
    organisation = access.access_organisation(signed_in(request), pk)
    chosen = team_of(organisation.pk, request.GET.get("team", ""))
    start = chosen_day(request, tomorrow())
    days = [start + timedelta(days=n) for n in range(7)]
    staff = services.staff_of(organisation, start)
    rows = services.demand_of(staff, days, chosen)
    return render(
        request,
        "workforce/demand.html",
        {
            "organisation": organisation,
            "teams": services.teams_of(organisation),
            "chosen": chosen,
            "start": start,
            "end": days[-1],
            "rows": demand_view(staff, rows),
            "units": services.best_units(rows),
        },
    )


def team_of(organisation: int, value: str) -> Team | None:
    if not value.isdigit():
        return None
    return Team.objects.filter(organisation_id=organisation, pk=int(value)).first()


@login_required
def carving(request: HttpRequest, pk: int) -> HttpResponse:
    """The job-carving workbench: pick tasks of a function, see what the new function
    needs and saves, and keep it as a draft function."""
    user = signed_in(request)
    organisation = access.access_organisation(user, pk)
    huis = services.functiehuis_of(organisation)
    functions = [(f.code, f.name) for f in huis.functions if f.tasks]
    tasks = [(t.code, t.name) for t in huis.tasks]
    data = request.POST if request.method == "POST" else request.GET or None
    form = CarvingForm(data, functions=functions, tasks=tasks)
    result = None
    if data is not None and form.is_valid():
        values = form.cleaned_data
        try:
            found = services.carving_of(
                organisation, values["source"], values["tasks"], values["code"], values["name"]
            )
        except DomainError as error:
            form.add_error("tasks", explain(error))
        else:
            if request.method == "POST":
                services.do_save_draft_function(user, organisation, found.function)
                messages.success(request, _("Conceptfunctie opgeslagen in het functiehuis."))
                return redirect("workforce_functiehuis", pk=organisation.pk)
            result = carving_view(huis, found, organisation)
    return render(
        request,
        "workforce/carving.html",
        {"organisation": organisation, "form": form, "result": result},
    )


@login_required
def functiehuis(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    return render(
        request,
        "workforce/functiehuis.html",
        {
            "organisation": organisation,
            "functions": organisation.care_functions.all(),
            "tasks": organisation.tasks.all(),
            "acts": organisation.acts.all(),
            "rules": organisation.effect_rules.all(),
            "unit_effects": organisation.unit_effects.all(),
        },
    )
