from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from opmaat.catalog.models import Qualification


def home(request: HttpRequest) -> HttpResponse:
    qualifications = Qualification.objects.order_by("level", "name")
    return render(request, "web/home.html", {"qualifications": qualifications})


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
