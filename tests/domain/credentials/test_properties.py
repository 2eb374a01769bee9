"""Properties of completion and verification over random catalogs and documents."""

from __future__ import annotations

import copy
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.credentials.completion import (
    MetResult,
    Record,
    certificate_checks,
    complete_units,
    diploma_check,
)
from opmaat.domain.credentials.document import CredentialKind, PartResult
from opmaat.domain.credentials.verify import verify_credential
from tests.domain.credentials.helpers import NOW, MemoryIssuer, spec
from tests.strategies import catalogs

EXAMPLES = settings(max_examples=60, deadline=None)


@st.composite
def catalog_and_results(draw: st.DrawFn) -> tuple[Catalog, list[str], list[str]]:
    catalog = draw(catalogs())
    assessable = [
        *catalog.outcome_unit,
        *(u for u in catalog.units if not catalog.units[u].outcomes),
    ]
    first = draw(st.lists(st.sampled_from(assessable), unique=True))
    more = draw(st.lists(st.sampled_from(assessable), unique=True))
    return catalog, first, more


def record_of(codes: list[str]) -> Record:
    return Record(met=tuple(MetResult(c, date(2027, 1, 1)) for c in codes))


class TestMoreResultsNeverUndoCompletion:
    """'Any "met" result counts: adding results never makes a complete unit incomplete.'"""

    @given(catalog_and_results())
    @EXAMPLES
    def test_complete_units_only_grow(self, case: tuple[Catalog, list[str], list[str]]) -> None:
        catalog, first, more = case
        before = complete_units(catalog, record_of(first), catalog.units)
        after = complete_units(catalog, record_of(first + more), catalog.units)
        assert before <= after

    @given(catalog_and_results())
    @EXAMPLES
    def test_complete_diplomas_and_certificates_stay_complete(
        self, case: tuple[Catalog, list[str], list[str]]
    ) -> None:
        catalog, first, more = case
        for crebo in catalog.qualifications:
            if diploma_check(catalog, crebo, record_of(first)).complete:
                assert diploma_check(catalog, crebo, record_of(first + more)).complete
        done = {c.target.code for c in certificate_checks(catalog, record_of(first)) if c.complete}
        later = {
            c.target.code
            for c in certificate_checks(catalog, record_of(first + more))
            if c.complete
        }
        assert done <= later


class TestADiplomaCountsEachWerkprocesOnce:
    """'A diploma is complete exactly when every werkproces of the qualification is met,
    whatever cut divides them into units (a werkproces examined in two units counts once).'"""

    @given(catalog_and_results())
    @EXAMPLES
    def test_werkprocessen_met_exactly_when_every_unit_of_the_cut_is_complete(
        self, case: tuple[Catalog, list[str], list[str]]
    ) -> None:
        catalog, first, _ = case
        record = record_of(first)
        complete = complete_units(catalog, record, catalog.units)
        for crebo, qualification in catalog.qualifications.items():
            check = diploma_check(catalog, crebo, record)
            codes = [w.code for w in check.werkprocessen]
            assert len(codes) == len(set(codes)) and check.credited <= len(codes)
            with_werkprocessen = [u for u in qualification.units if catalog.units[u].outcomes]
            all_met = all(w.met for w in check.werkprocessen)
            assert all_met == all(u in complete for u in with_werkprocessen)


class TestEveryChangeIsDetected:
    """'A changed byte makes verification fail with a clear reason.'"""

    @given(st.data())
    @settings(max_examples=150, deadline=None)
    def test_any_single_leaf_change_is_tampering_and_named(self, data: st.DataObject) -> None:
        issuer = MemoryIssuer()
        issuer.new_key()
        parts = (PartResult("A", "Eenheid A", "exemption", "vrijstelling A (EVC)"),)
        signed = issuer.issue(spec(kind=CredentialKind.DIPLOMA, parts=parts))
        paths = list(leaf_paths(signed))
        path = data.draw(st.sampled_from(paths))
        changed = copy.deepcopy(signed)
        old = get(changed, path)
        new = data.draw(
            st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none()).filter(
                lambda v: v != old or type(v) is not type(old)
            )
        )
        put(changed, path, new)
        report = verify_credential(changed, issuer, NOW)
        assert not report.valid
        if "tampered" in report.codes:
            failure = report.failures[report.codes.index("tampered")]
            # A changed id no longer finds the issued copy, so only the mismatch is reported.
            assert failure.fields == (() if path == ("id",) else (render(path),))
        else:  # a change that breaks the format or points elsewhere is refused as such
            assert report.codes[0] in {
                "malformed",
                "unsupported_proof",
                "unknown_issuer",
                "unknown_key",
            }


Path = tuple[str | int, ...]


def leaf_paths(value: object, path: Path = ()) -> list[Path]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaf_paths(v, (*path, i))]
    return [path]


def get(value: object, path: Path) -> object:
    for step in path:
        value = value[step]  # type: ignore[index]  # a dict or list at every step of a leaf path
    return value


def put(value: object, path: Path, new: object) -> None:
    target = get(value, path[:-1])
    target[path[-1]] = new  # type: ignore[index]  # the leaf's dict or list


def render(path: Path) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
