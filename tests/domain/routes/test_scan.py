"""The vectorised best-target scan at werkproces grain agrees with the plain per-person loop,
and on the real catalog with the routes the planner gives."""

from __future__ import annotations

import tracemalloc
from datetime import date

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import (
    ELECTIVE_BLOCK,
    Holdings,
    Leerweg,
    Route,
    resolve_credit,
    route_for_credit,
    study_time,
)
from opmaat.domain.routes.scan import (
    Coverage,
    WerkprocesMatrix,
    best_targets_loop,
    remaining_hours_loop,
)
from opmaat.domain.routes.target import target_of
from tests.errors import refused

BoolArray = npt.NDArray[np.bool_]
DTYPES = (np.bool_, np.uint8, np.float32)


def make_matrix(required: BoolArray, hours: npt.NDArray[np.floating]) -> WerkprocesMatrix:
    targets, columns = required.shape
    return WerkprocesMatrix(
        tuple(f"W{i}" for i in range(columns)),
        tuple(f"T{i}" for i in range(targets)),
        hours,
        required,
    )


DOSSIERS, PER_DOSSIER, GENERIC = 8, 10, 3
DOSSIER_COLUMNS = GENERIC + DOSSIERS * PER_DOSSIER


def dossier_matrix(rng: np.random.Generator) -> WerkprocesMatrix:
    """Eight dossiers of ten werkprocessen, each with two qualifications (the first six and
    the last six, a shared basisdeel of two in between) and a certificate of two; three
    generic subjects that every qualification requires. Targets interleave the dossiers:
    qualifications first, then certificates, as a catalog lists them."""
    rows = []
    for d in range(DOSSIERS):
        base = GENERIC + d * PER_DOSSIER
        for picked in (range(base, base + 6), range(base + 4, base + 10)):
            rows.append([c in picked or c < GENERIC for c in range(DOSSIER_COLUMNS)])
    for d in range(DOSSIERS):
        base = GENERIC + d * PER_DOSSIER
        rows.append([c in (base + 1, base + 8) for c in range(DOSSIER_COLUMNS)])
    hours = rng.integers(40, 400, DOSSIER_COLUMNS).astype(np.float64)
    return make_matrix(np.array(rows), hours)


def loop_answers(matrix: WerkprocesMatrix, coverage: Coverage) -> tuple[list[int], list[float]]:
    expected = best_targets_loop(matrix, coverage.tolist())
    return [i for i, _ in expected], [h for _, h in expected]


@st.composite
def matrices(draw: st.DrawFn) -> WerkprocesMatrix:
    """1-8 targets over 0-24 columns of 0-800 hours in quarter hours, each target requiring
    each column with a chance drawn per matrix (so some matrices are sparse, some dense)."""
    targets, columns = draw(st.integers(1, 8)), draw(st.integers(0, 24))
    density = draw(st.sampled_from([0.1, 0.3, 0.7]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    required = rng.random((targets, columns)) < density
    return make_matrix(required, rng.integers(0, 3_201, columns) / 4)


@st.composite
def coverages(draw: st.DrawFn, columns: int) -> BoolArray:
    persons, share = draw(st.integers(0, 40)), draw(st.sampled_from([0.0, 0.3, 0.8, 1.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.random((persons, columns)) < share


class TestTheScanEqualsTheLoop:
    """remaining[p, t] is the sum of the hours of the columns t requires and p lacks; the
    best target is the first with the fewest remaining hours. Hours are exact on the
    matrix's grid, so the scan and the loop agree to the last bit."""

    @settings(max_examples=150, deadline=None)
    @given(st.data(), matrices(), st.integers(1, 9), st.sampled_from(DTYPES))
    def test_remaining_hours_equal_the_loop(
        self, data: st.DataObject, matrix: WerkprocesMatrix, chunk: int, dtype: type
    ) -> None:
        coverage: Coverage = data.draw(coverages(len(matrix.column_codes))).astype(dtype)
        expected = remaining_hours_loop(matrix, coverage.tolist())
        got = matrix.remaining_hours(coverage, chunk=chunk)
        assert got.shape == (coverage.shape[0], len(matrix.target_codes))
        assert got.tolist() == expected

    @settings(max_examples=150, deadline=None)
    @given(st.data(), matrices(), st.integers(1, 9), st.sampled_from(DTYPES))
    def test_best_targets_equal_the_loop(
        self, data: st.DataObject, matrix: WerkprocesMatrix, chunk: int, dtype: type
    ) -> None:
        coverage: Coverage = data.draw(coverages(len(matrix.column_codes))).astype(dtype)
        index, hours = matrix.best_targets(coverage, chunk=chunk)
        assert index.dtype == np.int32 and hours.dtype == np.float32
        assert (index.tolist(), hours.tolist()) == loop_answers(matrix, coverage)

    @settings(max_examples=50, deadline=None)
    @given(st.data(), matrices())
    def test_the_column_order_changes_the_speed_not_the_answer(
        self, data: st.DataObject, matrix: WerkprocesMatrix
    ) -> None:
        coverage = data.draw(coverages(len(matrix.column_codes)))
        arranged = WerkprocesMatrix.arranged(
            matrix.column_codes, matrix.target_codes, matrix.hours, matrix.required
        )
        moved = [matrix.column_codes.index(code) for code in arranged.column_codes]
        assert arranged.remaining_hours(coverage[:, moved]).tolist() == (
            matrix.remaining_hours(coverage).tolist()
        )


def test_generic_subjects_required_by_every_qualification_form_the_hub() -> None:
    matrix = dossier_matrix(np.random.default_rng(7))
    layout = matrix.layout
    assert layout.hub is not None and layout.hub.columns == slice(0, GENERIC)
    # per dossier its columns against its two qualifications, and against its certificate
    assert [(b.columns, b.targets) for b in layout.blocks] == [
        (slice(GENERIC + PER_DOSSIER * d, GENERIC + PER_DOSSIER * (d + 1)), run)
        for d in range(DOSSIERS)
        for run in (slice(2 * d, 2 * d + 2), slice(2 * DOSSIERS + d, 2 * DOSSIERS + d + 1))
    ]
    coverage = np.random.default_rng(8).random((300, DOSSIER_COLUMNS)) < 0.5
    index, hours = matrix.best_targets(coverage, chunk=64)
    assert (index.tolist(), hours.tolist()) == loop_answers(matrix, coverage)


def test_from_catalog_lays_each_block_out_without_gaps(mz: Catalog) -> None:
    targets = ["25780", "25779", "C-P2", "23312-P1-K1"]
    matrix = WerkprocesMatrix.from_catalog(mz, targets)
    layout = matrix.layout
    spans = [b.columns for b in layout.blocks] + ([layout.hub.columns] if layout.hub else [])
    assert sum(s.stop - s.start for s in spans) == len(matrix.column_codes)


def test_a_single_target() -> None:
    matrix = make_matrix(np.array([[True, False, True]]), np.array([100.0, 50.0, 25.5]))
    coverage = np.array([[0, 0, 0], [1, 1, 0], [1, 0, 1]], dtype=np.uint8)
    index, hours = matrix.best_targets(coverage)
    assert index.tolist() == [0, 0, 0]
    assert hours.tolist() == [125.5, 25.5, 0.0]


def test_covering_nothing_needs_every_target_whole_and_everything_needs_none() -> None:
    matrix = dossier_matrix(np.random.default_rng(9))
    totals = (matrix.required * matrix.hours).sum(axis=1)
    nothing = np.zeros((2, DOSSIER_COLUMNS), dtype=np.bool_)
    everything = np.ones((3, DOSSIER_COLUMNS), dtype=np.bool_)
    assert matrix.remaining_hours(nothing).tolist() == [totals.tolist()] * 2
    index, hours = matrix.best_targets(everything)
    assert index.tolist() == [0, 0, 0] and hours.tolist() == [0.0] * 3  # the first on a tie


def test_best_targets_never_holds_persons_by_targets() -> None:
    rng = np.random.default_rng(10)
    persons, targets, columns = 20_000, 40, 60
    matrix = make_matrix(rng.random((targets, columns)) < 0.2, rng.integers(40, 400, columns) * 1.0)
    coverage = rng.random((persons, columns)) < 0.3
    tracemalloc.start()
    matrix.best_targets(coverage, chunk=500)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    whole = persons * targets * np.dtype(np.float32).itemsize
    assert peak < whole / 4  # one chunk's buffers and the answers, far from all of it


def test_coverage_of_another_width_is_refused() -> None:
    matrix = make_matrix(np.ones((2, 3), dtype=np.bool_), np.ones(3))
    with refused(InvalidInput, "invalid_matrix", problem="coverage", columns=3):
        matrix.best_targets(np.zeros((5, 4), dtype=np.bool_))


def test_columns_are_werkprocessen_and_generic_subjects_with_hours(mz: Catalog) -> None:
    matrix = WerkprocesMatrix.from_catalog(mz, ["25780", "c-p2"])
    assert matrix.target_codes == ("25780", "C-P2")
    certificate = {"23312-P2-K1-W2", "23312-P2-K1-W3"}
    assert set(matrix.column_codes) == {
        *mz.werkprocessen_of("25780"),
        *certificate,
        "NL-2F",
        "REK-3",  # loopbaan en burgerschap is an obligation: no study load, no column
    }
    credit = resolve_credit(mz, Holdings(codes=("C-P2",), exemptions=("NL-2F",)))
    covered = matrix.coverage_of(mz, credit)
    held = {c for c, held in zip(matrix.column_codes, covered, strict=True) if held}
    assert held == {*certificate, "NL-2F"}
    remaining = matrix.remaining_hours(covered[None, :])[0]
    assert remaining.tolist() == [1400.0 + 40.0, 0.0]  # 14 werkprocessen of 100 h, REK-3


# The real catalog ------------------------------------------------------------------------

REAL_PERSONS = [
    Holdings(),
    Holdings(codes=("25498",)),  # Helpende Zorg en Welzijn, the superseded dossier
    Holdings(codes=("25491",)),  # Verzorgende IG, the superseded dossier
    Holdings(codes=("25656",)),  # Verzorgende-IG
    Holdings(codes=("C0052", "HAVO")),
    Holdings(codes=("25477", "MBO-4")),  # Persoonlijk begeleider gehandicaptenzorg
    Holdings(outcomes=("23312-B1-K1-W1", "23312-B1-K1-W3", "23312-P2-K1-W1")),
    Holdings(codes=("25486",), exemptions=("NL-3F",)),  # Pedagogisch medewerker
]


@pytest.fixture(scope="module")
def real() -> Catalog:
    return read_catalog(default_catalog_path())


def own_hours(catalog: Catalog, target: str, route: Route) -> float:
    """A route's hours of the target's own werkprocessen and generic subjects: what the
    scan counts (not keuzedelen, obligations, exams-only, or prerequisites from outside)."""
    own = set(target_of(catalog, target)[1].werkprocessen())
    hours = 0.0
    for item in route.items:
        if item.code == ELECTIVE_BLOCK or item.obligation or item.exam_only:
            continue
        if item.missing_outcomes:
            hours += catalog.hours_of(w for w in item.missing_outcomes if w in own)
        elif not item.for_prerequisite:
            hours += item.hours
    return hours


def route_hours(route: Route) -> float:
    """A route's vocational and generic hours, prerequisites included."""
    return sum(
        i.hours
        for i in route.items
        if i.code != ELECTIVE_BLOCK and not i.obligation and not i.exam_only
    )


@pytest.mark.parametrize("holdings", REAL_PERSONS, ids=lambda h: "+".join(h.codes) or "other")
def test_on_the_real_catalog_the_scan_agrees_with_the_routes(
    real: Catalog, holdings: Holdings
) -> None:
    targets = real.offered_targets()
    matrix = WerkprocesMatrix.from_catalog(real, targets)
    credit = resolve_credit(real, holdings)
    coverage = matrix.coverage_of(real, credit)[None, :]
    routes = [
        route_for_credit(real, t, credit, date(2027, 1, 4), study_time(Leerweg.BOL, 24))
        for t in targets
    ]
    remaining = matrix.remaining_hours(coverage)[0]
    own = [own_hours(real, t, r) for t, r in zip(targets, routes, strict=True)]
    assert remaining.tolist() == pytest.approx(own, abs=0.05)
    index, _ = matrix.best_targets(coverage)
    full = [route_hours(r) for r in routes]
    assert full[int(index[0])] == pytest.approx(min(full), abs=0.05)
