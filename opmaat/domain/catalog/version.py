"""A catalog's version: a fingerprint of everything in it, so that a saved route can say
which catalog it was planned on (opmaat.domain.routes.basis)."""

from __future__ import annotations

import hashlib

from opmaat.domain.catalog.index import Catalog


def catalog_version(catalog: Catalog) -> str:
    """Equal for catalogs with the same contents, in whatever order they were read; any
    change (an hour estimate, a unit, a prerequisite, an equivalence, the meta) changes it."""
    parts = (
        sorted(repr(q) for q in catalog.qualifications.values()),
        sorted(repr(u) for u in catalog.units.values()),
        sorted(repr(c) for c in catalog.certificates.values()),
        sorted(repr(p) for p in catalog.prior_education.values()),
        sorted(repr(p) for p in catalog.prerequisites),
        sorted(repr(e) for e in catalog.equivalences),
        sorted(catalog.meta.items()),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
