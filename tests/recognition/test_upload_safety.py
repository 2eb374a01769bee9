"""Files are safe when opened outside the browser: a download is named after the type its
content has, a word-processor file that unpacks to too much (or holds an archive) is
refused, and a body larger than any upload is refused before it is read."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from opmaat.domain.archives import MiB
from opmaat.recognition import uploads
from opmaat.recognition.models import EvcProcedure, Evidence
from tests.personas import Personas
from tests.recognition import files
from tests.recognition.portfolio import add


def odt(*members: tuple[str, bytes], zeros: int = 0) -> bytes:
    """An ODT with `members`, and a content.xml of `zeros` zero bytes written in pieces (a
    zip bomb packs such a run about 1,000 to 1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        with archive.open("content.xml", "w") as content:
            content.write(b"<office:document-content/>")
            for _ in range(zeros // MiB):
                content.write(bytes(MiB))
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


# Download names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "content_type", "named"),
    [
        ("cv.pdf.exe", "application/pdf", "cv.pdf"),
        ("cv.html", "text/plain", "cv.txt"),
        ("Verslag stage v1.2 (def).docx", "application/pdf", "Verslag stage v1.2 (def).pdf"),
        ("../../foto.PNG", "image/png", "foto.png"),
        ('plan"; filename="x.html', "application/pdf", "plan__ filename__x.pdf"),
        (".htaccess", "text/plain", "htaccess.txt"),
        ("", "image/jpeg", "bestand.jpg"),
    ],
)
def test_the_download_name_takes_its_extension_from_the_content(
    given: str, content_type: str, named: str
) -> None:
    assert uploads.download_name(given, content_type) == named


@pytest.mark.parametrize(
    ("name", "content", "downloaded"),
    [("cv.pdf.exe", files.PDF, "cv.pdf"), ("cv.html", b"Mijn werkervaring\n", "cv.txt")],
)
def test_a_portfolio_file_is_downloaded_under_the_name_of_its_type(
    personas: Personas,
    procedure: EvcProcedure,
    client: Client,
    name: str,
    content: bytes,
    downloaded: str,
) -> None:
    evidence = add(personas, procedure, name, content)
    client.force_login(personas.dirk)
    response = client.get(f"/evc/{procedure.pk}/bewijs/{evidence.pk}/bestand")
    assert response["Content-Disposition"] == f'attachment; filename="{downloaded}"'
    assert evidence.original_name == name  # the uploader's name is still shown as given


# Office files that unpack to too much -----------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (odt(zeros=120 * MiB), "unpacked"),  # 120 MiB inside about 120 kB
        (odt(zeros=2 * MiB), "ratio"),
        (odt(*[(f"Pictures/{i}.xml", b"<x/>") for i in range(1_000)]), "members"),
        (odt(("Object 1/content.zip", files.odt())), "nested"),
        (files.odt()[:-30], "damaged"),
    ],
)
def test_an_office_file_that_unpacks_to_too_much_is_refused(
    personas: Personas, procedure: EvcProcedure, content: bytes, problem: str
) -> None:
    with pytest.raises(uploads.UploadRefused) as refused:
        add(personas, procedure, "plan.odt", content)
    assert (refused.value.reason, refused.value.detail) == ("archive", problem)
    assert not Evidence.objects.exists()


def test_an_ordinary_office_file_is_accepted(personas: Personas, procedure: EvcProcedure) -> None:
    text = b"<office:document-content>" + b"<p>Ik werk al tien jaar in de zorg.</p>" * 500
    evidence = add(personas, procedure, "plan.odt", odt(("styles.xml", text)))
    assert evidence.content_type == "application/vnd.oasis.opendocument.text"


# Bodies over the limit --------------------------------------------------------------------


def test_a_body_larger_than_any_upload_is_refused_before_it_is_read(
    personas: Personas, procedure: EvcProcedure, client: Client
) -> None:
    client.force_login(personas.anna)
    declared = str(200 * MiB)  # the declared length; the body itself is never read
    page = client.generic("POST", f"/evc/{procedure.pk}/bewijs/", b"x", CONTENT_LENGTH=declared)
    assert page.status_code == 413
    assert "groter dan 21 MB" in page.content.decode()
    api = client.generic("POST", "/api/prescan/", b"{}", CONTENT_LENGTH=declared)
    assert (api.status_code, api.json()["code"]) == (413, "request_too_large")
    assert not Evidence.objects.exists()
