"""Pages of the credentials app, mounted at the site root by opmaat.urls."""

from django.urls import path

from opmaat.credentials import views
from opmaat.ui import paths  # noqa: F401  # registers <id:…>

urlpatterns = [
    path("deelnemers/<int:pk>/certificaten/", views.credential_list, name="credentials"),
    path(
        "deelnemers/<int:pk>/certificaten/uitgeven/",
        views.credential_issue,
        name="credential_issue",
    ),
    path(
        "deelnemers/<int:pk>/certificaten/<uuid:uid>/intrekken/",
        views.credential_revoke,
        name="credential_revoke",
    ),
    path(
        "deelnemers/<int:pk>/certificaten/<uuid:uid>.json",
        views.credential_json,
        name="credential_json",
    ),
    path(
        "deelnemers/<int:pk>/certificaten/<uuid:uid>.pdf",
        views.credential_pdf_download,
        name="credential_pdf",
    ),
    path("verifieren/", views.verify_page, name="verify"),
    path("verifieren/sleutels.json", views.issuer_keys, name="issuer_keys"),
    # Public: anyone may ask for any number here, so <id:> (64-bit) rather than <int:>.
    path("verifieren/uitgevers/<id:org>/", views.issuer_profile, name="issuer_profile"),
    path("verifieren/status/<id:org>/", views.status_list, name="status_list"),
    path("verifieren/<uuid:uid>/", views.verify_stored, name="verify_stored"),
]
