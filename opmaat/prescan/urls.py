"""Pages of the prescan app, mounted at the site root by opmaat.urls."""

from django.urls import URLPattern, path

from opmaat.prescan import views

urlpatterns: list[URLPattern] = [
    path("vrijstellingsscan/", views.prescan_start, name="prescan"),
    path("vrijstellingsscan/<str:token>/", views.prescan_result, name="prescan_result"),
    path("vrijstellingsscan/<str:token>/bewaren/", views.prescan_keep, name="prescan_keep"),
    path(
        "deelnemers/<int:pk>/vrijstellingsscans/",
        views.learner_prescans,
        name="learner_prescans",
    ),
]
