"""Pages of the credentials app, mounted at the site root by opmaat.urls."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
