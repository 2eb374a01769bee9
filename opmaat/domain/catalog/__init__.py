"""The national catalog: qualifications, learning units (leereenheden), werkprocessen."""

from opmaat.domain.catalog.index import Catalog
from opmaat.domain.catalog.model import (
    Admission,
    Certificate,
    CodeKind,
    Cut,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
    normalise_code,
)

__all__ = [
    "Admission",
    "Catalog",
    "Certificate",
    "CodeKind",
    "Cut",
    "EmployerEffect",
    "Equivalence",
    "GenericRequirements",
    "HoursSource",
    "Outcome",
    "Prerequisite",
    "PriorEducation",
    "Qualification",
    "Unit",
    "UnitKind",
    "normalise_code",
]
