from django.urls import path

from opmaat.catalog import views

urlpatterns = [
    path("catalogus/", views.catalog_index, name="catalog"),
    path("catalogus/laden/", views.catalog_upload, name="catalog_upload"),
    path("catalogus/kwalificaties/<str:crebo>/", views.qualification_detail, name="qualification"),
    path("catalogus/eenheden/<str:code>/", views.unit_detail, name="unit"),
]
