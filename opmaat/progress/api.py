"""The progress part of the JSON API, mounted by opmaat.api.app."""

from ninja import Router

router = Router(tags=["progress"])
