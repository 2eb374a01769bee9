from django.urls import path

from opmaat.matching import views

urlpatterns = [
    path("regio/rondes/", views.round_list, name="rounds"),
    path("regio/rondes/<int:pk>/", views.round_detail, name="round"),
    path("regio/rondes/<int:pk>/<str:action>/", views.round_action, name="round_action"),
    path("regio/rondes/<int:pk>/versies/<int:version>/", views.run_detail, name="round_run"),
    path(
        "regio/rondes/<int:pk>/versies/<int:version>/publiceren/",
        views.run_publish,
        name="round_publish",
    ),
    path(
        "regio/rondes/<int:pk>/versies/<int:version>/toewijzingen.csv",
        views.run_download,
        name="round_download",
    ),
]
