from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "opmaat.web"
    verbose_name = "Web"
