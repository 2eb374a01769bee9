"""Portfolio uploads: types by content, size limit, generated names, safe downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks as CaptureCallbacks
from pytest_django import Settings

from opmaat.recognition import services, uploads
from opmaat.recognition.models import EvcProcedure, Evidence
from tests.errors import refused
from tests.personas import Personas
from tests.recognition import files
from tests.recognition.portfolio import add


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("plan.pdf", files.PDF, "pdf"),
        ("foto.png", files.PNG, "png"),
        ("plan.odt", files.odt(), "odt"),
    ],
)
def test_accepted_files_are_stored_under_a_generated_name_outside_the_web_root(
    personas: Personas,
    procedure: EvcProcedure,
    uploads_dir: Path,
    name: str,
    content: bytes,
    kind: str,
) -> None:
    evidence = add(personas, procedure, name, content)
    stored = uploads.path_of(evidence.stored_name)
    assert stored.is_relative_to(uploads_dir) and stored.read_bytes() == content
    assert evidence.stored_name.endswith(f".{kind}") and name not in evidence.stored_name
    assert evidence.original_name == name and evidence.size == len(content)


def test_the_upload_folders_and_files_are_readable_by_their_owner_only(
    personas: Personas, procedure: EvcProcedure, uploads_dir: Path
) -> None:
    stored = uploads.path_of(add(personas, procedure, "plan.pdf", files.PDF).stored_name)
    modes = [p.stat().st_mode & 0o777 for p in (uploads_dir, stored.parent, stored)]
    assert modes == [0o700, 0o700, 0o600]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verklaring.pdf", files.HTML),  # HTML named as a PDF
        ("tekening.svg", files.SVG),
        ("plan.pdf.exe", files.EXE),
        ("plan.pdf", files.EXE),
    ],
)
def test_the_type_is_judged_by_content_not_by_name(
    personas: Personas, procedure: EvcProcedure, uploads_dir: Path, name: str, content: bytes
) -> None:
    with pytest.raises(uploads.UploadRefused) as refused:
        add(personas, procedure, name, content)
    assert refused.value.reason == "type"
    assert not Evidence.objects.exists()
    assert not uploads_dir.exists() or not any(uploads_dir.rglob("*.*"))


def test_an_oversized_file_is_refused_and_nothing_is_kept(
    personas: Personas, procedure: EvcProcedure, settings: Settings, uploads_dir: Path
) -> None:
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(uploads.UploadRefused) as refused:
        add(personas, procedure, "groot.pdf", files.PDF + b"%" * 2000)
    assert refused.value.reason == "too_large"
    assert not Evidence.objects.exists()


def test_an_empty_file_is_refused(personas: Personas, procedure: EvcProcedure) -> None:
    with refused(uploads.UploadRefused, "upload_refused", reason="empty"):
        add(personas, procedure, "leeg.pdf", b"")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/abs/path/plan.pdf", "plan.pdf"),
        ("plan\x00.pdf", "plan.pdf"),
        ("..", "bestand"),
    ],
)
def test_path_tricks_in_the_name_are_only_ever_a_download_name(given: str, kept: str) -> None:
    assert uploads.clean_name(given) == kept


@pytest.mark.parametrize("name", ["../secret.pdf", "abc.pdf", "/etc/passwd", "0" * 32 + ".pdf/.."])
def test_only_generated_names_map_to_a_path(name: str) -> None:
    with pytest.raises(uploads.UploadRefused):
        uploads.path_of(name)


def test_a_download_is_an_attachment_that_is_never_rendered(
    personas: Personas, procedure: EvcProcedure, client: Client
) -> None:
    evidence = add(personas, procedure, "plan.pdf", files.PDF)
    client.force_login(personas.dirk)
    response = client.get(f"/evc/{procedure.pk}/bewijs/{evidence.pk}/bestand")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.getvalue() == files.PDF


@pytest.mark.parametrize(
    ("who", "status"), [("anna", 200), ("eva", 200), ("tess", 403), ("chris", 403)]
)
def test_files_are_served_only_to_those_who_may_see_the_portfolio(
    personas: Personas, procedure: EvcProcedure, client: Client, who: str, status: int
) -> None:
    evidence = add(personas, procedure, "plan.pdf", files.PDF)
    client.force_login(personas.by_name(who))
    assert client.get(f"/evc/{procedure.pk}/bewijs/{evidence.pk}/bestand").status_code == status


def test_removing_evidence_removes_its_file_once_committed(
    personas: Personas,
    procedure: EvcProcedure,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    evidence = add(personas, procedure, "plan.pdf", files.PDF)
    stored = uploads.path_of(evidence.stored_name)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_evidence(personas.anna, evidence)
    assert not stored.exists()
