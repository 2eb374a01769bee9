"""Pages of the progress app, mounted at the site root by opmaat.urls."""

from django.urls import path

from opmaat.progress import views

urlpatterns = [
    path("deelnemers/<int:pk>/voortgang/", views.progress_page, name="progress"),
    path("deelnemers/<int:pk>/voortgang/feedback/", views.feedback_add, name="feedback_add"),
    path(
        "deelnemers/<int:pk>/voortgang/beoordeling/",
        views.assessment_add,
        name="assessment_add",
    ),
    path("deelnemers/<int:pk>/voortgang/niveau/", views.entrust, name="entrust"),
]
