from django.urls import path

from opmaat.learners import views

urlpatterns = [
    path("mijn/", views.my_record, name="my_record"),
    path("deelnemers/", views.learner_list, name="learners"),
    path("deelnemers/nieuw/", views.learner_new, name="learner_new"),
    path("deelnemers/<int:pk>/", views.learner_detail, name="learner"),
    path("deelnemers/<int:pk>/bewerken/", views.learner_edit, name="learner_edit"),
    path("deelnemers/<int:pk>/bezit/", views.holding_add, name="holding_add"),
    path("deelnemers/<int:pk>/uitnodigen/", views.learner_invite, name="learner_invite"),
    path(
        "deelnemers/<int:pk>/bezit/<int:holding_id>/verwijderen/",
        views.holding_remove,
        name="holding_remove",
    ),
    path("deelnemers/<int:pk>/bereik/", views.learner_reach, name="learner_reach"),
    path("deelnemers/<int:pk>/logboek/", views.learner_audit, name="learner_audit"),
    path("deelnemers/<int:pk>/gegevens.json", views.learner_export, name="learner_export"),
    path("deelnemers/<int:pk>/toestemming/", views.consent_change, name="consent_change"),
    path("deelnemers/<int:pk>/wissen/", views.learner_erasure, name="learner_erasure"),
    # Routes
    path("deelnemers/<int:pk>/route/", views.route_composer, name="route_composer"),
    path("deelnemers/<int:pk>/route/voorbeeld/", views.route_preview, name="route_preview"),
    path("deelnemers/<int:pk>/route/opnieuw/", views.route_replan, name="route_replan"),
    path("deelnemers/<int:pk>/routes/", views.route_history, name="route_history"),
    path("deelnemers/<int:pk>/routes/<int:version>/", views.route_version, name="route_version"),
]
