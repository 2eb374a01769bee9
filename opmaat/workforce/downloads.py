"""The workforce pages' files: the deployability export per employee (CSV, JSON) for
roster systems, the coverage heatmap and the training demand as workbooks, the functiehuis
as a workbook, and the upload of a roster or a functiehuis."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from opmaat.domain.errors import DomainError, FileProblems
from opmaat.domain.workforce.deployability import skill_rows
from opmaat.learners.access import signed_in
from opmaat.messages import problem_text
from opmaat.ui.errors import explain
from opmaat.workforce import access, services
from opmaat.workforce.files import write
from opmaat.workforce.files.read import ROSTER_NAMES
from opmaat.workforce.forms import UploadForm
from opmaat.workforce.views import chosen_day, team_of, tomorrow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(body: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def skills(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Per task (and per act of it) the status, level and last valid day: skill
    constraints for a roster system."""
    if fmt not in ("csv", "json"):
        raise Http404("format")
    employee = access.access_employee(signed_in(request), pk)
    huis = services.functiehuis_of(employee.organisation)
    rows = skill_rows(huis, services.deployability_of(employee))
    number = employee.personnel_number
    name = f"inzetbaarheid-{number}.{fmt}"
    if fmt == "csv":
        return attachment(write.skills_csv(number, huis, rows), "text/csv; charset=utf-8", name)
    return attachment(write.skills_json(number, huis, rows), "application/json", name)


@login_required
def heatmap(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    day = chosen_day(request, tomorrow())
    staff = services.staff_of(organisation, day)
    sheets = write.heatmap_sheets(services.heatmap_of(staff, [day]), day.isoformat())
    return attachment(write.workbook_bytes(sheets), XLSX, f"bezetting-{day.isoformat()}.xlsx")


@login_required
def demand(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    start = chosen_day(request, tomorrow())
    chosen = team_of(organisation.pk, request.GET.get("team", ""))
    staff = services.staff_of(organisation, start)
    days = [start + timedelta(days=n) for n in range(7)]
    rows = services.demand_of(staff, days, chosen)
    numbers = {k: e.personnel_number for k, e in staff.rows.items()}
    names = {k: e.name for k, e in staff.rows.items()}
    body = write.workbook_bytes(write.demand_sheets(rows, numbers, names))
    return attachment(body, XLSX, f"opleidingsvraag-{start.isoformat()}.xlsx")


@login_required
def functiehuis(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = access.access_organisation(signed_in(request), pk)
    huis = services.functiehuis_of(organisation)
    sources = dict(organisation.care_functions.values_list("code", "fwg_source"))
    body = write.workbook_bytes(write.functiehuis_sheets(huis, sources))
    return attachment(body, XLSX, "functiehuis.xlsx")


@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Read a roster (CSV or XLSX) or a functiehuis workbook; a file with any problem
    changes nothing, and every problem is listed with its file, row and column."""
    user = signed_in(request)
    organisation = access.access_organisation(user, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = request.POST.get("kind", "roster")
        try:
            count = services.do_import(user, organisation, kind, upload.name, upload.read())
        except FileProblems as error:
            problems = [problem_text(p, gettext) for p in error.problems]
        except DomainError as error:
            problems = [explain(error)]
        else:
            done = _("%(name)s ingelezen (%(count)s regels).") % {
                "name": upload.name,
                "count": count,
            }
            messages.success(request, done)
            return redirect("workforce_dashboard", pk=organisation.pk)
    return render(
        request,
        "workforce/upload.html",
        {
            "organisation": organisation,
            "form": form,
            "problems": problems,
            "roster_names": ROSTER_NAMES.items(),
        },
        status=400 if problems else 200,
    )
