"""Backup and restore by round trip: every table and every uploaded file come back as they
were, a damaged or foreign file changes nothing, and an erasure carried out after the
backup was made is carried out again on restore."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django import Settings

from opmaat.backup import ledger, services
from opmaat.backup.archive import BadBackup
from opmaat.learners import services as learners
from opmaat.learners.models import AuditEvent, Learner
from tests.cli.conftest import Opmaat, opmaat
from tests.factories import make_admin

pytestmark = pytest.mark.django_db
__all__ = ["opmaat"]  # the CLI fixture

Files = dict[str, bytes]


@pytest.fixture
def installation(settings: Settings, tmp_path: Path, demo: None) -> Path:
    """The demo with two uploaded files, its uploads and erasure ledger in `tmp_path`."""
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.ERASURE_LEDGER = tmp_path / "erasure-ledger.jsonl"
    (settings.UPLOAD_DIR / "ab").mkdir(parents=True)
    (settings.UPLOAD_DIR / "ab" / "ab12.pdf").write_bytes(b"%PDF-1.4 portfolio")
    (settings.UPLOAD_DIR / "cd.png").write_bytes(b"\x89PNG evidence")
    return tmp_path


def tables() -> list[dict[str, object]]:
    """Every row of every table the backup holds, in a stable order."""
    out = io.StringIO()
    call_command("dumpdata", exclude=list(services.EXCLUDED), natural_foreign=True, stdout=out)
    rows = json.loads(out.getvalue())
    return sorted(rows, key=lambda r: (r["model"], json.dumps(r["pk"])))


def files(root: Path) -> Files:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_round_trip_brings_back_every_table_and_every_file(
    installation: Path, settings: Settings
) -> None:
    before, uploads = tables(), files(settings.UPLOAD_DIR)
    manifest = services.backup(installation / "backup.zip")
    assert (installation / "backup.zip").stat().st_mode & 0o777 == 0o600
    assert manifest.counts["learners.Learner"] == Learner.objects.count() > 0
    assert sorted(manifest.files) == ["ab/ab12.pdf", "cd.png"]

    Learner.objects.filter(pk=Learner.objects.first().pk).update(name="Iemand anders")  # type: ignore[union-attr]  # the demo has learners
    AuditEvent.objects.all().delete()
    (settings.UPLOAD_DIR / "cd.png").unlink()
    (settings.UPLOAD_DIR / "new.txt").write_text("after the backup")

    restored = services.restore(installation / "backup.zip")
    assert restored.files == 2 and restored.erasures_reapplied == ()
    assert tables() == before
    assert files(settings.UPLOAD_DIR) == uploads


def test_an_erasure_after_the_backup_is_carried_out_again_on_restore(
    installation: Path, django_capture_on_commit_callbacks: Callable[..., object]
) -> None:
    learner = Learner.objects.exclude(user=None).first()
    assert learner is not None
    services.backup(installation / "backup.zip")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]  # a context manager
        learners.erase_learner(make_admin(), learner)
    assert [e.learner for e in ledger.entries()] == [learner.pk]

    restored = services.restore(installation / "backup.zip")
    assert restored.erasures_reapplied == (learner.pk,)
    again = Learner.objects.get(pk=learner.pk)
    assert again.erased_at is not None and again.user is None and not again.email
    assert again.audit_events.filter(action="learner.erased").exists()


def test_an_erasure_recorded_only_in_the_database_is_kept_too(installation: Path) -> None:
    """The ledger may be lost with its disk: the database being replaced also knows."""
    learner = Learner.objects.exclude(user=None).first()
    assert learner is not None
    services.backup(installation / "backup.zip")
    learners.erase_learner(make_admin(), learner)  # its ledger line waits for a commit
    assert list(ledger.entries()) == []
    assert services.restore(installation / "backup.zip").erasures_reapplied == (learner.pk,)


def rewritten(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change(name, old.read(name)))
    return target


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda name, data: data + b"!" if name == "files/cd.png" else data, "checksum"),
        (lambda name, data: b"{}" if name == "manifest.json" else data, "not_a_backup"),
        (
            lambda name, data: (
                data.replace(b'"files/cd.png"', b'"files/../../cd.png"')
                if name == "manifest.json"
                else data
            ),
            "unsafe_name",
        ),
        (
            lambda name, data: (
                data.replace(b'"learners": "', b'"learners": "9999_future')
                if name == "manifest.json"
                else data
            ),
            "newer",
        ),
    ],
)
def test_a_damaged_or_foreign_backup_changes_nothing(
    installation: Path, settings: Settings, change: Callable[[str, bytes], bytes], reason: str
) -> None:
    services.backup(installation / "backup.zip")
    bad = rewritten(installation / "backup.zip", installation / "bad.zip", change)
    Learner.objects.update(background="after the backup")
    before, uploads = tables(), files(settings.UPLOAD_DIR)
    with pytest.raises(BadBackup) as refused:
        services.restore(bad)
    assert refused.value.data["reason"] == reason
    assert tables() == before and files(settings.UPLOAD_DIR) == uploads


def test_the_commands_write_and_read_the_file_and_refuse_in_one_dutch_line(
    installation: Path, opmaat: Opmaat
) -> None:
    target = installation / "nightly.zip"
    made = opmaat("backup", "-o", str(target), "--json")
    assert made.code == 0 and json.loads(made.out)["format"] == "opmaat-backup"
    again = opmaat("backup", "-o", str(target))
    assert (
        again.code == 1
        and again.err.strip() == f"opmaat: {target} bestaat al; kies een nieuwe bestandsnaam"
    )
    unconfirmed = opmaat("restore", str(target))
    assert unconfirmed.code == 1 and "bevestig met --yes" in unconfirmed.err
    done = opmaat("restore", str(target), "--yes", "--json")
    assert done.code == 0 and json.loads(done.out)["files"] == 2
    damaged = installation / "damaged.zip"
    damaged.write_bytes(b"not a zip")
    refused = opmaat("restore", str(damaged), "--yes")
    assert refused.code == 1 and refused.err.startswith("opmaat: fout [bad_backup]: ")
    assert len(refused.err.strip().splitlines()) == 1
