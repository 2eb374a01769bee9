"""Pages of the intake and the EVC procedure, mounted at the site root by opmaat.urls."""

from django.urls import path

from opmaat.recognition import views

urlpatterns = [
    path("deelnemers/<int:pk>/intake/", views.intake, name="intake"),
    path(
        "deelnemers/<int:pk>/intake/<int:version>/",
        views.intake_version,
        name="intake_version",
    ),
    path(
        "deelnemers/<int:pk>/intake/<int:version>/ontwikkeladvies.pdf",
        views.intake_pdf,
        name="intake_pdf",
    ),
    path("deelnemers/<int:pk>/evc/", views.procedures, name="evc_procedures"),
    path("evc/", views.worklist, name="evc_worklist"),
    path("evc/<int:pk>/", views.procedure_detail, name="evc_detail"),
    path("evc/<int:pk>/stap/", views.procedure_move, name="evc_move"),
    path("evc/<int:pk>/bewijs/", views.evidence_add, name="evc_evidence_add"),
    path(
        "evc/<int:pk>/bewijs/<int:evidence_id>/bestand",
        views.evidence_file,
        name="evc_evidence_file",
    ),
    path(
        "evc/<int:pk>/bewijs/<int:evidence_id>/verwijderen/",
        views.evidence_remove,
        name="evc_evidence_remove",
    ),
    path("evc/<int:pk>/oordeel/", views.judge, name="evc_judge"),
    path("evc/<int:pk>/sessie/", views.session, name="evc_session"),
    path(
        "evc/<int:pk>/ervaringscertificaat/",
        views.certificate_issue,
        name="evc_certificate_issue",
    ),
    path(
        "evc/<int:pk>/ervaringscertificaat/<str:number>.<str:ext>",
        views.certificate_file,
        name="evc_certificate_file",
    ),
    path("evc/<int:pk>/besluit/", views.decide, name="evc_decide"),
]
