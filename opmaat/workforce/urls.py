from django.urls import path

from opmaat.workforce import downloads, views

urlpatterns = [
    path("personeel/", views.home, name="workforce"),
    path("personeel/<int:pk>/", views.dashboard, name="workforce_dashboard"),
    path("personeel/<int:pk>/medewerkers/", views.employees, name="workforce_employees"),
    path("personeel/<int:pk>/opleidingsvraag/", views.demand, name="workforce_demand"),
    path("personeel/<int:pk>/jobcarving/", views.carving, name="workforce_carving"),
    path("personeel/<int:pk>/functiehuis/", views.functiehuis, name="workforce_functiehuis"),
    path("personeel/team/<int:pk>/", views.team, name="workforce_team"),
    path("personeel/team/<int:pk>/dienst/", views.shift, name="workforce_shift"),
    path("personeel/medewerker/<int:pk>/", views.card, name="workforce_employee"),
    path(
        "personeel/medewerker/<int:pk>/bekwaamheid/",
        views.record_authorisation,
        name="workforce_authorise",
    ),
    path("personeel/voorstel/<int:pk>/", views.decide, name="workforce_decide"),
    path(
        "personeel/<int:pk>/voorstellen/bijwerken/",
        views.refresh_proposals,
        name="workforce_refresh_proposals",
    ),
    path(
        "personeel/bekwaamheid/<int:pk>/intrekken/",
        views.revoke_authorisation,
        name="workforce_revoke",
    ),
    path(
        "personeel/medewerker/<int:pk>/inzetbaarheid.<str:fmt>",
        downloads.skills,
        name="workforce_skills",
    ),
    path("personeel/<int:pk>/bezetting.xlsx", downloads.heatmap, name="workforce_heatmap_xlsx"),
    path(
        "personeel/<int:pk>/opleidingsvraag.xlsx",
        downloads.demand,
        name="workforce_demand_xlsx",
    ),
    path(
        "personeel/<int:pk>/functiehuis.xlsx",
        downloads.functiehuis,
        name="workforce_functiehuis_xlsx",
    ),
    path("personeel/<int:pk>/bestanden/", downloads.upload, name="workforce_upload"),
]
