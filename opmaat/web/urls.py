from django.urls import path

from opmaat.web import region_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("regio/", region_views.region_overview, name="region"),
]
