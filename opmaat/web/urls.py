from django.contrib.auth import views as auth_views
from django.urls import path

from opmaat.web import (
    catalog_views,
    learner_views,
    region_views,
    round_views,
    route_views,
    views,
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Accounts
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/wijzigen/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("wachtwoord/vergeten/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Catalog
    path("catalogus/", catalog_views.catalog_index, name="catalog"),
    path(
        "catalogus/kwalificaties/<str:crebo>/",
        catalog_views.qualification_detail,
        name="qualification",
    ),
    path("catalogus/eenheden/<str:code>/", catalog_views.unit_detail, name="unit"),
    # Learners
    path("mijn/", learner_views.my_record, name="my_record"),
    path("deelnemers/", learner_views.learner_list, name="learners"),
    path("deelnemers/nieuw/", learner_views.learner_new, name="learner_new"),
    path("deelnemers/<int:pk>/", learner_views.learner_detail, name="learner"),
    path("deelnemers/<int:pk>/bewerken/", learner_views.learner_edit, name="learner_edit"),
    path("deelnemers/<int:pk>/bezit/", learner_views.holding_add, name="holding_add"),
    path("deelnemers/<int:pk>/uitnodigen/", learner_views.learner_invite, name="learner_invite"),
    path(
        "deelnemers/<int:pk>/bezit/<int:holding_id>/verwijderen/",
        learner_views.holding_remove,
        name="holding_remove",
    ),
    path("deelnemers/<int:pk>/bereik/", learner_views.learner_reach, name="learner_reach"),
    path("deelnemers/<int:pk>/logboek/", learner_views.learner_audit, name="learner_audit"),
    path("deelnemers/<int:pk>/gegevens.json", learner_views.learner_export, name="learner_export"),
    path("deelnemers/<int:pk>/toestemming/", learner_views.consent_change, name="consent_change"),
    path("deelnemers/<int:pk>/wissen/", learner_views.learner_erasure, name="learner_erasure"),
    # Routes
    path("deelnemers/<int:pk>/route/", route_views.route_composer, name="route_composer"),
    path("deelnemers/<int:pk>/route/voorbeeld/", route_views.route_preview, name="route_preview"),
    path("deelnemers/<int:pk>/routes/", route_views.route_history, name="route_history"),
    path(
        "deelnemers/<int:pk>/routes/<int:version>/",
        route_views.route_version,
        name="route_version",
    ),
    # Region
    path("regio/", region_views.region_overview, name="region"),
    path("regio/rondes/", round_views.round_list, name="rounds"),
    path("regio/rondes/<int:pk>/", round_views.round_detail, name="round"),
    path("regio/rondes/<int:pk>/<str:action>/", round_views.round_action, name="round_action"),
    path("regio/rondes/<int:pk>/versies/<int:version>/", round_views.run_detail, name="round_run"),
    path(
        "regio/rondes/<int:pk>/versies/<int:version>/publiceren/",
        round_views.run_publish,
        name="round_publish",
    ),
    path(
        "regio/rondes/<int:pk>/versies/<int:version>/toewijzingen.csv",
        round_views.run_download,
        name="round_download",
    ),
]
