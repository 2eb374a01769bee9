"""The leerweg (pathway): how a learner combines school and work. One enumeration for the
catalog (which pathways a qualification is offered in), routes (how fast study load
accrues) and stagematching (internship places or BBL jobs)."""

from __future__ import annotations

from enum import StrEnum


class Leerweg(StrEnum):
    BOL = "BOL"  # beroepsopleidende leerweg: school with internships (bpv)
    BBL = "BBL"  # beroepsbegeleidende leerweg: a job, a day a week at school
    DERDE = "derde_leerweg"  # contract training outside government funding, any qualification


# The pathways of funded mbo (WEB art. 7.2.2): a qualification is offered in one or both,
# and a stagematching place is an internship (BOL) or a job (BBL).
FUNDED = (Leerweg.BOL, Leerweg.BBL)
