"""The national catalog: qualifications, learning units (leereenheden), learning outcomes."""

from opmaat.domain.catalog.model import (
    Catalog,
    Certificate,
    CodeKind,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Pathway,
    Prerequisite,
    Qualification,
    Unit,
    UnitKind,
)

__all__ = [
    "Catalog",
    "Certificate",
    "CodeKind",
    "EmployerEffect",
    "Equivalence",
    "GenericRequirements",
    "HoursSource",
    "Outcome",
    "Pathway",
    "Prerequisite",
    "Qualification",
    "Unit",
    "UnitKind",
]
