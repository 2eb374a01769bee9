from django.urls import path

from opmaat.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("regio/", views.region_overview, name="region"),
]
