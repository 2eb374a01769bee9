"""A file added to a procedure as the candidate adds one, for the upload tests (the
procedure in its portfolio phase is the `procedure` fixture of conftest.py)."""

from __future__ import annotations

from opmaat.domain.recognition.assessment import EvidenceKind
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure, Evidence
from tests.personas import Personas
from tests.recognition import files

OUTCOME = "23312-B1-K2-W1"


def add(personas: Personas, procedure: EvcProcedure, name: str, content: bytes) -> Evidence:
    return services.add_evidence(
        personas.anna,
        procedure,
        EvidenceKind.WORK_SAMPLE,
        "Ondersteuningsplan",
        [OUTCOME],
        upload=files.upload(name, content),
    )
