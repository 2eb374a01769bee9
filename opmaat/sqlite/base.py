"""Django's SQLite backend, except that a database file it would create is created first,
empty, with mode 0600 in a folder of mode 0700: the file holds learners' records, and
SQLite would create it (and its -wal and -shm files, which copy its mode) readable by all
users of the machine under the usual umask."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        if not self.is_in_memory_db():
            create_private(Path(str(conn_params["database"])))
        return super().get_new_connection(conn_params)


def create_private(path: Path) -> None:
    """An empty file at `path` with mode 0600 (SQLite takes an empty file for a new
    database); its folder, when missing, with mode 0700. An existing file is left alone."""
    if path.exists():
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
