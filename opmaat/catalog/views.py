"""The catalog browser: open to everyone, no personal data; and the editors' upload of a
catalog file, which says whom a file would affect before it writes anything."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from opmaat.catalog import services
from opmaat.catalog.cache import current_catalog
from opmaat.catalog.forms import CatalogUploadForm
from opmaat.domain.access import may_edit_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.reload import CatalogDropsRecognition, ReloadImpact
from opmaat.learners.access import actor_of, signed_in
from opmaat.ui.errors import explain


def catalog_index(request: HttpRequest) -> HttpResponse:
    catalog = current_catalog()
    query = request.GET.get("q", "").strip()
    qualifications = sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
    context: dict[str, object] = {
        "query": query,
        "certificates": catalog.certificates.values(),
        "may_edit": request.user.is_authenticated and may_edit_catalog(actor_of(request.user)),
    }
    if query:
        context.update(search(catalog, query))
    else:
        context["qualifications"] = qualifications
    return render(request, "catalog/index.html", context)


def search(catalog: Catalog, query: str) -> dict[str, object]:
    """Qualifications, units and outcomes whose code or name contains `query`, any case."""
    needle = query.casefold()

    def hit(*texts: str) -> bool:
        return any(needle in t.casefold() for t in texts)

    return {
        "qualifications": [
            q
            for q in sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
            if hit(q.crebo, q.name, q.dossier_name)
        ],
        "units": [u for u in catalog.units.values() if hit(u.code, u.title)],
        "outcomes": [
            (o, u) for u in catalog.units.values() for o in u.outcomes if hit(o.code, o.title)
        ],
        "searched": True,
    }


def qualification_detail(request: HttpRequest, crebo: str) -> HttpResponse:
    catalog = current_catalog()
    qualification = catalog.qualifications.get(crebo.upper())
    if qualification is None:
        raise Http404(crebo)
    units = [catalog.units[code] for code in qualification.units if code in catalog.units]
    shared = {
        u.code: [q for q in catalog.qualifications_with_unit(u.code) if q.crebo != crebo]
        for u in units
    }
    return render(
        request,
        "catalog/qualification.html",
        {
            "q": qualification,
            "units": [(u, shared[u.code], catalog.requires(u.code)) for u in units],
            "generic": qualification.generic.unit_codes(),
            "may_edit": request.user.is_authenticated and may_edit_catalog(actor_of(request.user)),
        },
    )


def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    catalog = current_catalog()
    unit = catalog.units.get(code.upper())
    if unit is None:
        raise Http404(code)
    certificates = [
        c
        for c in catalog.certificates.values()
        if unit.code in c.covers or any(o.code in c.covers for o in unit.outcomes)
    ]
    return render(
        request,
        "catalog/unit.html",
        {
            "unit": unit,
            "outcomes": [(o, unit.outcome_hours()[o.code]) for o in unit.outcomes],
            "qualifications": catalog.qualifications_with_unit(unit.code),
            "requires": [(c, catalog.name_of(c)) for c in catalog.requires(unit.code)],
            "certificates": certificates,
            "may_edit": request.user.is_authenticated and may_edit_catalog(actor_of(request.user)),
        },
    )


@login_required
def catalog_upload(request: HttpRequest) -> HttpResponse:
    """Upload a catalog file: loaded when it drops nothing learners refer to (or maps it);
    otherwise the page lists who and what it affects, and loads only when confirmed."""
    actor = signed_in(request)
    if not may_edit_catalog(actor_of(actor)):
        raise PermissionDenied("catalog")
    form = CatalogUploadForm(request.POST or None, request.FILES or None)
    impact: ReloadImpact | None = None
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["file"].name
        try:
            checked = services.do_load_checked(
                actor, form.catalog, force=form.cleaned_data["confirm"], source=name
            )
        except CatalogDropsRecognition as refused:
            impact = refused.impact
            form.add_error(None, explain(refused))
        else:
            messages.success(
                request,
                _("%(name)s geladen: %(created)s nieuw, %(updated)s bijgewerkt.")
                % {
                    "name": name,
                    "created": checked.report.created,
                    "updated": checked.report.updated,
                },
            )
            if checked.impact.blocked:
                messages.warning(
                    request,
                    _(
                        "Routes opnieuw gepland: %(replanned)s; niet opnieuw te plannen en als "
                        "verouderd gemarkeerd: %(stale)s."
                    )
                    % {"replanned": len(checked.replanned), "stale": len(checked.stale)},
                )
            return redirect("catalog_upload")
    return render(
        request,
        "catalog/upload.html",
        {"form": form, "impact": impact, "learners": affected(impact)},
        status=409 if impact is not None else 200,
    )


def affected(impact: ReloadImpact | None) -> list[tuple[int, str, list[object]]]:
    """Per learner: id, name and the references, for the page."""
    if impact is None:
        return []
    return [
        (pk, next(r.name for r in impact.references if r.learner == pk),
         [r for r in impact.references if r.learner == pk])
        for pk in impact.learners()
    ]  # fmt: skip
