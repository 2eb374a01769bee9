"""Admin for privacy work: carry out erasure requests. Records are edited in the app, where
every change is audited; the admin shows them read-only. Nothing here deletes a record:
erasing (services.erase_learner, audited) is the only way to remove a learner's data, from an
erasure request or from the list of learners, after a confirmation page that says what goes.
A learner's account cannot be deleted in the admin either (Learner.user is protected):
erasure deletes it."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opmaat.learners import auditlog, services
from opmaat.learners.access import signed_in
from opmaat.learners.models import AuditEvent, ErasureRequest, Learner
from opmaat.ui.confirm import confirmation, confirmed


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin[ErasureRequest]):
    list_display = ["learner", "requested_at", "carried_out_at"]
    list_filter = ["carried_out_at"]
    readonly_fields = ["learner", "requested_at", "reason", "carried_out_at"]
    actions = ["carry_out"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # the request is the record that the erasure was asked and done

    @admin.action(description=_("Gegevens wissen (onherroepelijk)"))
    def carry_out(
        self, request: HttpRequest, queryset: QuerySet[ErasureRequest]
    ) -> HttpResponse | None:
        pending = queryset.filter(carried_out_at__isnull=True).select_related("learner")
        return erase(self, request, [erasure.learner for erasure in pending])


@admin.register(Learner)
class LearnerAdmin(admin.ModelAdmin[Learner]):
    list_display = ["name", "email", "created_at", "erased_at"]
    search_fields = ["name", "email"]
    readonly_fields = [f.name for f in Learner._meta.fields]
    actions = ["erase_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # deleting would bypass erasure: use the action below

    @admin.action(description=_("Gegevens wissen (onherroepelijk)"))
    def erase_selected(
        self, request: HttpRequest, queryset: QuerySet[Learner]
    ) -> HttpResponse | None:
        return erase(self, request, list(queryset.filter(erased_at__isnull=True)))


def erase(
    model_admin: admin.ModelAdmin[ErasureRequest] | admin.ModelAdmin[Learner],
    request: HttpRequest,
    learners: list[Learner],
) -> HttpResponse | None:
    """Erase `learners` once the administrator confirmed it on the confirmation page (the
    first POST of the action shows that page and erases nothing)."""
    if learners and not confirmed(request):
        names = ", ".join(learner.name for learner in learners)
        return confirmation(
            request,
            title=gettext("Gegevens van %(n)d deelnemer(s) wissen?") % {"n": len(learners)},
            consequences=[
                gettext("Gewist worden de gegevens van: %(names)s.") % {"names": names},
                gettext(
                    "Naam, contactgegevens, wat behaald is, routes, voortgang, toestemmingen, "
                    "intakes, EVC-dossiers met hun bestanden en het account verdwijnen; het "
                    "logboek houdt alleen vast dat er iets gebeurde."
                ),
                gettext("Uitgereikte certificaten en diploma’s blijven controleerbaar."),
                gettext("Wissen kan niet ongedaan worden gemaakt."),
            ],
            yes=gettext("Ja, gegevens wissen"),
            back=request.get_full_path(),
        )
    done = sum(services.erase_learner(signed_in(request), learner) for learner in learners)
    model_admin.message_user(
        request, _("%(n)d deelnemer(s) gewist.") % {"n": done}, messages.SUCCESS
    )
    return None


class ActionFilter(admin.SimpleListFilter):
    """The log's kinds by their labels (opmaat.learners.auditlog), not their keys."""

    title = _("soort wijziging")
    parameter_name = "action"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[AuditEvent]
    ) -> list[tuple[str, str]]:
        return auditlog.kinds()

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[AuditEvent]
    ) -> QuerySet[AuditEvent]:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """The log as the record's page shows it: the kind by its label, the values as phrases;
    the lines of an erased record say "(inhoud gewist)" and nothing more."""

    list_display = ["at", "actor_label", "learner", "what", "summary"]
    list_filter = [ActionFilter]
    search_fields = ["learner__name", "actor_label", "summary"]
    readonly_fields = ["at", "actor", "actor_label", "learner", "what", "summary", "details"]
    exclude = ["action", "changes"]

    @admin.display(description=_("handeling"), ordering="action")
    def what(self, event: AuditEvent) -> str:
        return auditlog.action_label(event.action)

    @admin.display(description=_("wijzigingen"))
    def details(self, event: AuditEvent) -> str:
        return "; ".join(auditlog.details(event.action, event.changes)) or "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
