"""PostgreSQL keeps tables, indexes and constraints in one namespace per schema: a
constraint named like a table breaks `migrate` there, while SQLite lets it pass. So no
constraint or index may be named like any table."""

from __future__ import annotations

from django.apps import apps


def test_no_constraint_or_index_is_named_like_a_table() -> None:
    tables = {model._meta.db_table for model in apps.get_models()}
    clashes = [
        f"{model._meta.label}: {named.name}"
        for model in apps.get_models()
        for named in (*model._meta.constraints, *model._meta.indexes)
        if named.name in tables
    ]
    assert clashes == []
