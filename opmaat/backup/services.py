"""Back up and restore an installation: the database (every table as Django's JSON fixture,
so a backup restores into SQLite or PostgreSQL alike), the uploaded files and the signing
keys as stored (encrypted with the credential key, which is not in the backup).

A restore checks the whole file first, brings the schema to the backup's migrations, replaces
all data in one transaction, migrates forward, swaps the upload directory, and then carries
out again every erasure of the ledger that the backup predates, so that an old backup never
brings an erased learner back (docs/backup.md).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

import opmaat
from opmaat.backup import ledger
from opmaat.backup.archive import (
    DATABASE,
    FILES,
    BadBackup,
    Manifest,
    check_backup,
    open_backup,
    upload_files,
    write_backup,
)

# Not restored: sessions would revive logins; content types and permissions are rebuilt
# by migrate and referred to by natural key.
EXCLUDED = ("contenttypes", "auth.permission", "sessions")

FIXTURE_FORMAT = "exactjson"  # opmaat.backup.fixture

Progress = Callable[[str], None]


def quiet(_: str) -> None:
    """No progress to show."""


@dataclass(frozen=True, slots=True)
class Restored:
    manifest: Manifest
    files: int
    erasures_reapplied: tuple[int, ...]  # learner ids erased again from the ledger


def backup(target: Path, progress: Progress = quiet) -> Manifest:
    """Write a backup of this installation to `target`."""
    with tempfile.TemporaryDirectory(prefix="opmaat-backup-") as work:
        fixture = Path(work) / DATABASE
        progress("database")
        with transaction.atomic():  # one snapshot of every table
            call_command(
                "dumpdata",
                format=FIXTURE_FORMAT,
                exclude=list(EXCLUDED),
                natural_foreign=True,
                output=str(fixture),
                verbosity=0,
            )
            counts = row_counts()
        manifest = Manifest(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            opmaat=opmaat.__version__,
            django=django.get_version(),
            database=connection.vendor,
            migrations=applied_migrations(),
            counts=counts,
        )
        progress("files")
        files = dict(upload_files(Path(settings.UPLOAD_DIR)))
        return write_backup(target, manifest, fixture, files)


def restore(source: Path, progress: Progress = quiet) -> Restored:
    """Replace this installation's data and files with the backup's, then re-apply the
    erasures carried out after it was made. Nothing is changed when the file is not whole."""
    with open_backup(source) as archive:
        progress("check")
        manifest = check_backup(archive)
        targets = migration_targets(manifest)
        erased = erasures_to_keep()
        with tempfile.TemporaryDirectory(prefix="opmaat-restore-") as work:
            fixture = Path(work) / f"database.{FIXTURE_FORMAT}"  # loaddata goes by the suffix
            fixture.write_bytes(archive.read(DATABASE))
            staged = Path(work) / "uploads"
            for name in manifest.files:
                destination = staged / name
                destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                destination.write_bytes(archive.read(FILES + name))
                destination.chmod(0o600)
            progress("database")
            MigrationExecutor(connection).migrate(targets)
            with transaction.atomic():
                replace_data(fixture)
            call_command("migrate", interactive=False, verbosity=0)
            progress("files")
            replace_uploads(staged, Path(settings.UPLOAD_DIR))
    progress("erasures")
    again = reapply_erasures(erased, manifest.created_at)
    return Restored(manifest, len(manifest.files), again)


def replace_data(fixture: Path) -> None:
    """Empty every table and load the fixture, inside the caller's transaction."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with foreign-key checks still pending in this transaction;
        # run them now, and defer them again for the fixture's forward references.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        call_command("flush", interactive=False, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)


def applied_migrations() -> dict[str, str]:
    """Per app, the last migration applied (the backup's schema)."""
    loader = MigrationLoader(connection)
    last: dict[str, str] = {}
    for app, name in loader.graph.leaf_nodes():
        plan = loader.graph.forwards_plan((app, name))
        applied = [n for a, n in plan if a == app and (a, n) in loader.applied_migrations]
        if applied:
            last[app] = applied[-1]
    return last


def migration_targets(manifest: Manifest) -> list[tuple[str, str | None]]:
    """Where to migrate before loading: each app to the backup's last migration, apps the
    backup did not have to nothing. A backup made by a newer opmaat is refused."""
    known = MigrationLoader(connection).graph.nodes
    for app, name in manifest.migrations.items():
        if (app, name) not in known:
            raise BadBackup("newer", DATABASE, f"{app}.{name}")
    apps_now = {label for label, _ in known}
    return [(app, manifest.migrations.get(app)) for app in sorted(apps_now)]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in EXCLUDED and model._meta.label_lower not in EXCLUDED
    }


def replace_uploads(staged: Path, target: Path) -> None:
    """Put the restored files where the uploads live, the old ones out of the way first
    (renames, so a crash leaves one whole directory or the other)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(target.name + ".before-restore")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    shutil.move(str(staged), str(target))
    target.chmod(0o700)
    if old.exists():
        shutil.rmtree(old)


def erasures_to_keep() -> list[ledger.Erasure]:
    """Every erasure this installation knows of: the ledger, and the learners erased in
    the database about to be replaced (a ledger lost with its disk is no excuse)."""
    from opmaat.learners.services import erased_learners

    found = {e.learner: e for e in ledger.entries()}
    for learner, at in erased_learners():
        found.setdefault(learner, ledger.Erasure(learner, at))
    return sorted(found.values(), key=lambda e: e.learner)


def reapply_erasures(erasures: Iterable[ledger.Erasure], since: str) -> tuple[int, ...]:
    """Erase again the learners the backup still holds although they were erased."""
    from opmaat.learners.services import erase_again

    backed_up_at = datetime.fromisoformat(since)
    return tuple(
        e.learner for e in erasures if e.erased_at >= backed_up_at and erase_again(e.learner)
    )
