"""Django's JSON fixture format with times to the microsecond (Django's own keeps
milliseconds, for JavaScript), so that a restored row equals the backed-up one. Registered
as the serialization format `exactjson` (settings.SERIALIZATION_MODULES)."""

from __future__ import annotations

import datetime

from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self) -> None:
        super()._init_options()  # type: ignore[misc]  # Django's own hook, not in the stubs
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = json.Deserializer
