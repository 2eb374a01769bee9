from django.urls import path

from opmaat.forecasting import views
from opmaat.ui import paths  # noqa: F401  # registers <id:…>

urlpatterns = [
    path("regio/planning/", views.index, name="planning"),
    path("regio/planning/<id:pk>/", views.region_page, name="planning_region"),
    path(
        "regio/planning/<id:pk>/scenarios/nieuw/",
        views.scenario_form,
        name="planning_scenario_new",
    ),
    path(
        "regio/planning/<id:pk>/scenarios/<id:scenario>/",
        views.scenario_form,
        name="planning_scenario",
    ),
    path(
        "regio/planning/<id:pk>/scenarios/<id:scenario>/verwijderen/",
        views.scenario_delete,
        name="planning_scenario_delete",
    ),
    path(
        "regio/planning/<id:pk>/nulmetingen/",
        views.baseline_record,
        name="planning_baseline_record",
    ),
    path(
        "regio/planning/<id:pk>/nulmetingen/<id:baseline>/",
        views.baseline_page,
        name="planning_baseline",
    ),
    path("regio/planning/<id:pk>/realisaties/", views.actuals_page, name="planning_actuals"),
    path("regio/planning/<id:pk>/cijfers/", views.figures_page, name="planning_figures"),
    path("regio/planning/<id:pk>/vergelijken/", views.compare_page, name="planning_compare"),
    path("regio/planning/<id:pk>/werkgevers/", views.employers_page, name="planning_employers"),
    path("regio/planning/<id:pk>/inlezen/", views.import_page, name="planning_import"),
    path("regio/planning/<id:pk>/sjabloon.xlsx", views.template_download, name="planning_template"),
    path(
        "regio/planning/<id:pk>/<str:code>/",
        views.qualification_page,
        name="planning_qualification",
    ),
    path("regio/planning/<id:pk>/<str:code>/plan.xlsx", views.export_xlsx, name="planning_xlsx"),
    path("regio/planning/<id:pk>/<str:code>/plan.pdf", views.export_pdf, name="planning_pdf"),
    path(
        "regio/planning/<id:pk>/<str:code>/model.xmile", views.export_model, name="planning_xmile"
    ),
]
