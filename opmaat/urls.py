from django.contrib import admin
from django.urls import include, path

from opmaat.api.app import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("opmaat.web.urls")),
    path("", include("opmaat.accounts.urls")),
    path("", include("opmaat.catalog.urls")),
    path("", include("opmaat.learners.urls")),
    path("", include("opmaat.matching.urls")),
    path("", include("opmaat.forecasting.urls")),
    path("", include("opmaat.recognition.urls")),
    path("", include("opmaat.prescan.urls")),
    path("", include("opmaat.progress.urls")),
    path("", include("opmaat.workforce.urls")),
    path("", include("opmaat.credentials.urls")),
]
