"""The public pre-scan pages, the result by token, keeping it on a record, and the
learner's kept scans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.prescan.scan import Estimate, prescan_document
from opmaat.domain.routes import TargetInfo, target_of
from opmaat.learners.access import learner_page, signed_in
from opmaat.learners.models import Learner
from opmaat.prescan import services
from opmaat.prescan.chart import hours_chart
from opmaat.prescan.forms import PrescanForm, TargetForm, WeekForm
from opmaat.prescan.models import SavedPrescan
from opmaat.ui.errors import add_error, explain
from opmaat.ui.throttle import TooManyRequests, check_rate, too_many_requests_page

ESTIMATE_LABELS = {
    Estimate.CERTAIN.value: gettext_lazy("Zeker vrijgesteld"),
    Estimate.LIKELY.value: gettext_lazy("Waarschijnlijk"),
    Estimate.POSSIBLE.value: gettext_lazy("Mogelijk"),
    Estimate.UNLIKELY.value: gettext_lazy("Onwaarschijnlijk"),
}


def prescan_start(request: HttpRequest) -> HttpResponse:
    """Step 1 chooses the target (GET ?doel=); then one form with what is held and the
    can-do statements, posted here; a valid post is stored and shown by its token. A client
    may post OPMAAT_PUBLIC_RATE_LIMIT scans a minute (429 after, opmaat.ui.throttle)."""
    if request.method == "POST":
        try:
            check_rate(request, "prescan")
        except TooManyRequests as error:
            return too_many_requests_page(request, error)
    catalog = current_catalog()
    target_form = TargetForm(request.GET or None, catalog=catalog)
    info = chosen_target(request, catalog, target_form)
    context: dict[str, object] = {"target_form": target_form}
    if info is None:
        return render(
            request,
            "prescan/start.html",
            context,
            status=400 if target_form.errors or request.method == "POST" else 200,
        )
    form = PrescanForm(request.POST or None, catalog=catalog, target=info.code)
    if request.method == "POST" and form.is_valid():
        scan = store(form)
        if scan is not None:
            return redirect("prescan_result", token=scan.token)
    context.update({"target": info, "form": form})
    return render(request, "prescan/start.html", context, status=400 if form.is_bound else 200)


def chosen_target(
    request: HttpRequest, catalog: Catalog, target_form: TargetForm
) -> TargetInfo | None:
    """The target posted with the form, or chosen in step 1; None (with the error on the
    step-1 field) when there is none or it is not a target."""
    target = request.POST.get("target", "") if request.method == "POST" else ""
    if not target and target_form.is_valid():
        target = target_form.cleaned_data["doel"]
    if not target:
        return None
    try:
        info, _requirements = target_of(catalog, target)
    except DomainError as error:
        if not target_form.is_bound:
            # Posted with step 2, so step 1 sent nothing to clean; it shows the refusal all
            # the same (add_error needs cleaned_data).
            target_form.cleaned_data = {}
        target_form.add_error(None, explain(error))
        return None
    return info


def store(form: PrescanForm) -> SavedPrescan | None:
    data = form.cleaned_data
    try:
        return services.do_store_prescan(
            data["target"], data["have"], form.answers(), data["other"], form.time()
        )
    except DomainError as error:
        add_error(form, error)
        return None


@cache_control(private=True, no_store=True)  # shown without an account, but personal
def prescan_result(request: HttpRequest, token: str) -> HttpResponse:
    """The kept result; with another week in the query (the week form), the durations are
    planned again for that week, without changing what was kept."""
    scan = services.scan_for(request.user, token)
    week = WeekForm(request.GET or None, initial=week_initial(scan))
    document = scan.document
    duration = replanned(scan, week) or document
    learner = own_learner(request)
    return render(
        request,
        "prescan/result.html",
        {
            "scan": scan,
            "document": document,
            "duration": duration,
            "replanned": duration is not document,
            "closed": document.get("open") is False,
            "units": [(u, ESTIMATE_LABELS.get(u["estimate"], "")) for u in document["units"]],
            "week": week,
            "chart": hours_chart(duration),
            "may_keep": learner is not None and scan.learner_id is None,
            "kept_here": learner is not None and scan.learner_id == learner.pk,
        },
    )


def week_initial(scan: SavedPrescan) -> dict[str, object]:
    """The kept week, as the person would type it: 32, not 32.0; no contract hours: empty."""
    return {
        "pathway": scan.pathway,
        "work_hours_per_week": whole(scan.work_hours_per_week) or None,
        "hours_per_week": whole(scan.hours_per_week),
    }


def whole(hours: float | None) -> float | int | None:
    return int(hours) if hours is not None and float(hours).is_integer() else hours


def replanned(scan: SavedPrescan, week: WeekForm) -> dict[str, object] | None:
    """The scan's document planned again for the week asked, when it is valid and differs
    from the week the scan was kept with."""
    if not week.is_bound or not week.is_valid() or week.time() == services.week_of(scan):
        return None
    result = services.replan(scan, week.time())
    if result is None:
        week.add_error(None, _("Met de huidige catalogus is deze scan niet opnieuw te plannen."))
        return None
    return prescan_document(result)


def own_learner(request: HttpRequest) -> Learner | None:
    if not request.user.is_authenticated:
        return None
    return Learner.objects.filter(user_id=request.user.pk, erased_at__isnull=True).first()


@require_POST
@login_required
def prescan_keep(request: HttpRequest, token: str) -> HttpResponse:
    """Keep the scan on the learner's own record (staff have no record to keep it on)."""
    scan = services.do_attach_prescan(signed_in(request), services.scan_for(request.user, token))
    messages.success(request, _("De vrijstellingsscan is bewaard in uw dossier."))
    assert scan.learner_id is not None
    return redirect("learner_prescans", pk=scan.learner_id)


@learner_page(Action.VIEW)
def learner_prescans(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    scans = services.scans_of(learner)
    return render(request, "prescan/learner_list.html", {"learner": learner, "scans": scans})
