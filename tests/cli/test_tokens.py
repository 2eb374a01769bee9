"""`opmaat token`: issue, use, list and revoke API tokens."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db


def test_a_created_token_opens_the_api_until_it_is_revoked(opmaat: Opmaat, client: Client) -> None:
    User.objects.create_user("script-user")
    created = opmaat("token", "create", "script-user", "--name", "export", "--json")
    assert created.code == 0
    document = json.loads(created.out)
    headers = {"Authorization": f"Bearer {document['key']}"}
    assert client.get("/api/me", headers=headers).json()["username"] == "script-user"
    listed = json.loads(opmaat("token", "list", "--json").out)["tokens"]
    assert [t["name"] for t in listed] == ["export"]
    assert document["key"] not in json.dumps(listed)
    assert opmaat("token", "revoke", str(document["id"])).code == 0
    assert client.get("/api/me", headers=headers).status_code == 401


def test_an_unknown_user_is_one_readable_line(opmaat: Opmaat) -> None:
    result = opmaat("token", "create", "nobody")
    assert result.code == 1
    assert result.err.strip() == "opmaat: onbekende gebruiker ‘nobody’"
