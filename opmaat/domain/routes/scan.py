"""The best target for each person of a population, vectorised with numpy, at werkproces
grain.

Columns are werkprocessen, and units without werkprocessen counted whole (generic subjects
such as NL-2F; a unit the catalog gives no werkprocessen). A person's coverage is binary per
column, credited or not, as float32, uint8 or bool (1 or True: credited). A target requires a
set of columns, and

    remaining[p, t] = sum of hours[c] over the columns c that t requires and p lacks
                    = total[t] - (coverage @ need.T)[p, t],  need[t, c] = required[t, c] * hours[c]

Only vocational werkprocessen and generic subjects count. Left out, so that `plan_route` gives
the full route for the target chosen: keuzedelen (the hours obligation), time (pathway, pace,
dates), loopbaan en burgerschap (an obligation that runs alongside and costs no study load),
generic subjects taken as an exam only, and werkprocessen from outside the target that a
missing one requires (`target_columns`).

A national catalog has 500-800 columns, but a target needs only its own dossier's
werkprocessen and a few generic subjects, so the dense product above is mostly zeros. The
scan works by blocks instead (`plan_layout`, `WerkprocesMatrix.best_targets`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes.errors import InvalidMatrix
from opmaat.domain.routes.holdings import Credit
from opmaat.domain.routes.target import Requirements, target_of

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]
Coverage = npt.NDArray[np.float32] | npt.NDArray[np.uint8] | npt.NDArray[np.bool_]

# 1,024 persons a chunk: the chunk's float32 buffers (persons x targets, and persons x
# columns when coverage is cast) stay in cache, and a dossier's product (1,024 x 25 x 10
# multiply-adds) stays under OpenBLAS's threshold for threading (65,536 x 4, interface/
# gemm.c), so it runs on the calling thread. Measured on the benchmark: 512-2,048 persons
# alike; 4,096 and more, where each small product wakes a second BLAS thread, a little
# faster on an idle machine and several times slower when the other core is busy.
DEFAULT_CHUNK = 1_024
# A BLAS call costs about 2.5 us, at 1,024 persons a chunk as much per person as some 40
# multiply-adds in the products themselves (measured on the benchmark's blocks); it keeps
# the layout from splitting the work into many tiny calls.
BLOCK_COST = 40
# float32 has a 24-bit significand: sums of multiples of 2**e stay exact below 2**(e + 24).
EXACT_BITS = 23


@dataclass(frozen=True, slots=True, eq=False)
class Block:
    """Columns `columns` of the coverage against the consecutive targets `targets`: the
    scan writes coverage[:, columns] @ need_t into those targets' output columns."""

    columns: slice
    targets: slice
    need_t: FloatArray  # [block columns, block targets], C-contiguous


@dataclass(frozen=True, slots=True, eq=False)
class Layout:
    """How the scan reads a matrix: blocks over few targets, the hub over all of them."""

    blocks: tuple[Block, ...]
    hub: Block | None  # the hub columns against every target
    spare: IndexArray  # the targets in no block (only hub columns, or none)
    totals: FloatArray  # every target's required hours


@dataclass(frozen=True, slots=True, eq=False)
class WerkprocesMatrix:
    """Targets (rows) by columns: which columns each target requires, and their hours.

    On construction the hours are rounded to the finest power-of-two step at which every
    target's total is exact in float32 (at most 2**-10 hour for totals below 8,192 hours):
    every partial sum is then exact whatever order BLAS adds in, so a target covered in full
    gives exactly 0 and equal targets tie exactly (and the first one wins, as in the loop)."""

    column_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    hours: npt.NDArray[np.floating]  # [columns]; float32 on the grid once constructed
    required: BoolArray  # [targets, columns]
    layout: Layout = field(init=False, repr=False)

    def __post_init__(self) -> None:
        required = np.asarray(self.required, dtype=np.bool_)
        hours = np.asarray(self.hours, dtype=np.float64)
        shape = (len(self.target_codes), len(self.column_codes))
        if required.shape != shape or hours.shape != shape[1:]:
            raise InvalidMatrix(
                "shape", targets=shape[0], columns=shape[1], required=str(required.shape)
            )
        if (hours < 0).any() or not np.isfinite(hours).all():
            raise InvalidMatrix("hours")
        exact = exact_hours(hours, required)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "hours", exact)
        object.__setattr__(self, "layout", plan_layout(required, exact))

    @classmethod
    def arranged(
        cls,
        column_codes: Sequence[str],
        target_codes: Sequence[str],
        hours: npt.NDArray[np.floating],
        required: BoolArray,
    ) -> WerkprocesMatrix:
        """The matrix with its columns in block order (`block_column_order`), the order in
        which the scan reads every block as one contiguous range of the coverage."""
        order = block_column_order(np.asarray(required, dtype=np.bool_))
        return cls(
            tuple(column_codes[i] for i in order),
            tuple(target_codes),
            np.asarray(hours, dtype=np.float64)[order],
            np.asarray(required, dtype=np.bool_)[:, order],
        )

    @classmethod
    def from_catalog(cls, catalog: Catalog, targets: Sequence[str]) -> WerkprocesMatrix:
        """Rows: the targets as given (in the catalog's spelling). Columns: every werkproces
        and whole unit a target requires that has hours, in block order."""
        needs = [target_columns(catalog, target_of(catalog, t)[1]) for t in targets]
        hours = {code: column_hours(catalog, code) for need in needs for code in need}
        codes = [code for code, h in hours.items() if h > 0]
        index = {code: i for i, code in enumerate(codes)}
        required = np.zeros((len(targets), len(codes)), dtype=np.bool_)
        for row, need in enumerate(needs):
            required[row, [index[c] for c in need if c in index]] = True
        return cls.arranged(
            codes,
            [catalog.resolve(t) for t in targets],
            np.array([hours[c] for c in codes], dtype=np.float64),
            required,
        )

    def coverage_of(self, catalog: Catalog, credit: Credit) -> BoolArray:
        """One person's coverage row: a werkproces is covered when credited, a whole unit
        when `credit.covers` it."""
        return np.array(
            [
                code in credit.outcomes
                if code in catalog.outcome_unit
                else credit.covers(catalog, code)
                for code in self.column_codes
            ],
            dtype=np.bool_,
        )

    def remaining_hours(self, coverage: Coverage, chunk: int = DEFAULT_CHUNK) -> FloatArray:
        """remaining[persons, targets] in the matrix's target order, `chunk` persons at a
        time (the whole result is returned, so it holds persons x targets floats)."""
        out = np.empty((coverage.shape[0], len(self.target_codes)), dtype=np.float32)
        for begin, part in self._remaining_chunks(coverage, chunk):
            out[begin : begin + part.shape[0]] = part
        return out

    def best_targets(
        self, coverage: Coverage, chunk: int = DEFAULT_CHUNK
    ) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """Per person the target with the fewest remaining hours (the first in the matrix's
        order on a tie) and those hours.

        1. Layout, once per matrix (`plan_layout`): hub columns against all targets, and
           blocks of a contiguous range of columns against a run of consecutive targets
           that need them.
        2. Per chunk of `chunk` persons (memory: never more than one chunk of persons x
           targets):
           a. Coverage that is not float32 is cast into a chunk-sized float32 buffer (BLAS
              multiplies floats; the buffer stays in cache). float32 coverage is read in
              place.
           b. Per block, out[:, targets_b] = coverage[:, columns_b] @ need_b.T. Both sides
              are views with unit inner stride, which numpy hands to sgemm as they are
              (with their row stride): no copies of the coverage or of the output.
           c. Targets in no block start at 0.
           d. The hub: out += coverage[:, hub] @ need_hub.T; then out = total - out.
           e. argmin per person (the first of the fewest), and the hours there.
        Work per person: hub columns x targets plus the sum over blocks of columns x targets
        (6,600 multiply-adds for the benchmark's 200 targets over 508 columns, against
        101,600 for the dense product), and a BLAS call per block per chunk.
        """
        if not self.target_codes:
            raise InvalidMatrix("no_targets")
        persons = coverage.shape[0]
        best_index = np.empty(persons, dtype=np.int32)
        best_hours = np.empty(persons, dtype=np.float32)
        for begin, part in self._remaining_chunks(coverage, chunk):
            index = part.argmin(axis=1)
            end = begin + part.shape[0]
            best_index[begin:end] = index
            best_hours[begin:end] = np.take_along_axis(part, index[:, None], axis=1)[:, 0]
        return best_index, best_hours

    def _remaining_chunks(self, coverage: Coverage, chunk: int) -> Iterator[tuple[int, FloatArray]]:
        """(first person, remaining hours of the chunk); the array yielded is a buffer
        reused for the next chunk."""
        self._check(coverage, chunk)
        layout = self.layout
        persons, targets = coverage.shape[0], len(self.target_codes)
        size = min(chunk, persons)
        out = np.empty((size, targets), dtype=np.float32)
        hub_out = out if layout.hub is None else np.empty_like(out)
        cast = coverage.dtype != np.float32
        scratch = np.empty((size if cast else 0, coverage.shape[1]), dtype=np.float32)
        for begin in range(0, persons, chunk):
            given = coverage[begin : begin + chunk]
            count = given.shape[0]
            block = scratch[:count] if cast else given
            if cast:
                np.copyto(block, given, casting="unsafe")
            part = out[:count]
            for b in layout.blocks:
                np.matmul(block[:, b.columns], b.need_t, out=part[:, b.targets])
            if layout.spare.size:
                part[:, layout.spare] = 0.0
            if layout.hub is not None:
                hub = hub_out[:count]
                np.matmul(block[:, layout.hub.columns], layout.hub.need_t, out=hub)
                np.add(part, hub, out=part)
            np.subtract(layout.totals, part, out=part)
            yield begin, part

    def _check(self, coverage: Coverage, chunk: int) -> None:
        if coverage.ndim != 2 or coverage.shape[1] != len(self.column_codes):
            raise InvalidMatrix(
                "coverage", columns=len(self.column_codes), given=str(coverage.shape)
            )
        if chunk < 1:
            raise InvalidMatrix("chunk", chunk=chunk)


def target_columns(catalog: Catalog, requirements: Requirements) -> list[str]:
    """The columns a target requires: its werkprocessen, its units without werkprocessen
    (counted whole, as `find_gap` does) and its generic subjects. Not the prerequisites of
    its werkprocessen from outside it: `find_gap` plans one only while the werkproces that
    needs it is missing too, which depends on two columns at once, not on one."""
    whole = [code for code, needed in requirements.units if not needed]
    return [*requirements.werkprocessen(), *whole, *requirements.generic]


def column_hours(catalog: Catalog, code: str) -> float:
    """A werkproces's hours; a whole unit's; 0 for an obligation (it runs alongside) and for
    a code the catalog does not describe (the route plans it at 0 hours too)."""
    if code in catalog.outcome_hours:
        return catalog.outcome_hours[code]
    unit = catalog.units.get(code)
    return 0.0 if unit is None or unit.obligation else unit.hours


def exact_hours(hours: npt.NDArray[np.float64], required: BoolArray) -> FloatArray:
    """`hours` rounded to the finest power-of-two step at which the largest target total
    needs at most `EXACT_BITS` significant bits: then every sum of required hours is exact
    in float32."""
    largest = float((required * hours).sum(axis=1).max(initial=0.0))
    if largest <= 0.0:
        return hours.astype(np.float32)
    step = 2.0 ** (math.ceil(math.log2(largest)) - EXACT_BITS)
    return (np.round(hours / step) * step).astype(np.float32)


def plan_layout(required: BoolArray, hours: FloatArray) -> Layout:
    """How the scan reads `required`, correct for any column order and fast for block order.

    1. Hubs (`choose_hubs`): the columns required by so many targets that they would tie
       every dossier into one component, such as generic subjects, form one small dense
       block against all targets.
    2. Components: targets linked, directly or through others, by a shared non-hub column.
       Each spans the range of columns from its first to its last; overlapping ranges merge
       (a range may then hold columns its targets do not need, at need 0).
    3. Blocks: a range against each run of its targets that are consecutive in the matrix's
       order, so that every block writes its own output columns in place and the output
       needs no reordering (a catalog lists a dossier's qualifications together and its
       certificates together: two runs).
    4. Each (target, column) is counted once: a block's need leaves out hub columns, the
       hub's need leaves out the rest; targets in no block start at 0.
    """
    targets = required.shape[0]
    hub = choose_hubs(required)
    labels, column_labels = components(required & ~hub)
    need = required * hours
    blocks, grouped = [], []
    for columns, members in merged_ranges(labels, column_labels):
        for run in runs(members):
            part = need[run, columns] * ~hub[columns]
            blocks.append(Block(columns, run, contiguous(part.T)))
        grouped += members
    hub_block = None
    if hub.any():
        hubs = np.flatnonzero(hub)
        span = slice(int(hubs[0]), int(hubs[-1]) + 1)
        hub_block = Block(span, slice(0, targets), contiguous((need[:, span] * hub[span]).T))
    return Layout(
        blocks=tuple(blocks),
        hub=hub_block,
        spare=np.setdiff1d(np.arange(targets), grouped).astype(np.intp),
        totals=contiguous(need.sum(axis=1, dtype=np.float64)),
    )


def runs(members: Sequence[int]) -> list[slice]:
    """Sorted target indices as runs of consecutive ones: [1, 2, 3, 7, 8] -> 1:4, 7:9."""
    found: list[slice] = []
    for t in members:
        if found and found[-1].stop == t:
            found[-1] = slice(found[-1].start, t + 1)
        else:
            found.append(slice(t, t + 1))
    return found


def choose_hubs(required: BoolArray) -> BoolArray:
    """The hub columns: those required by at least d targets, for the d (or none) that
    makes the estimated work per person smallest (`layout_cost`)."""
    degree = required.sum(axis=0)
    candidates = [np.zeros(required.shape[1], dtype=np.bool_)]
    candidates += [degree >= d for d in sorted(set(degree[degree > 1].tolist()), reverse=True)]
    return min(candidates, key=lambda hub: layout_cost(required, hub))


def layout_cost(required: BoolArray, hub: BoolArray) -> int:
    """Multiply-adds per person: hubs x targets, plus per component columns x targets, plus
    `BLOCK_COST` per block (a component's runs of consecutive targets)."""
    targets: int = required.shape[0]
    labels, column_labels = components(required & ~hub)
    per_label_targets = np.bincount(labels, minlength=targets)
    per_label_columns = np.bincount(column_labels, minlength=targets + 1)[:targets]
    starts = labels[np.flatnonzero(np.diff(labels, prepend=-1))]
    per_label_runs = np.bincount(starts, minlength=targets)
    work = per_label_targets * per_label_columns
    calls = per_label_runs[per_label_columns > 0]
    return int(hub.sum()) * targets + int(work.sum()) + BLOCK_COST * int(calls.sum())


def components(required: BoolArray) -> tuple[IndexArray, IndexArray]:
    """Connected components of the target-column graph: per target, and per column, the
    smallest target index in its component (a column no target requires: the number of
    targets). Labels spread along shared columns until nothing changes."""
    targets = required.shape[0]
    labels = np.arange(targets, dtype=np.intp)
    while True:
        column = np.where(required, labels[:, None], targets).min(axis=0, initial=targets)
        spread = np.where(required, column[None, :], targets).min(axis=1, initial=targets)
        new = np.minimum(labels, spread)
        if np.array_equal(new, labels):
            return labels, column.astype(np.intp)
        labels = new


def merged_ranges(labels: IndexArray, column_labels: IndexArray) -> list[tuple[slice, list[int]]]:
    """Per component with columns, its column range and targets; overlapping ranges merge.
    In column order; targets in the matrix's order."""
    ranges: list[tuple[int, int, list[int]]] = []
    for label in np.unique(column_labels[column_labels < len(labels)]).tolist():
        columns = np.flatnonzero(column_labels == label)
        members = np.flatnonzero(labels == label).tolist()
        ranges.append((int(columns[0]), int(columns[-1]) + 1, members))
    ranges.sort(key=lambda r: r[0])
    merged: list[tuple[int, int, list[int]]] = []
    for start, stop, members in ranges:
        if merged and start < merged[-1][1]:
            first, last, earlier = merged[-1]
            merged[-1] = (first, max(last, stop), sorted([*earlier, *members]))
        else:
            merged.append((start, stop, members))
    return [(slice(start, stop), members) for start, stop, members in merged]


def block_column_order(required: BoolArray) -> IndexArray:
    """Hub columns first, then each component's columns together (components in order of
    their first target), then columns no target requires; otherwise the order given."""
    hub = choose_hubs(required)
    _, column_labels = components(required & ~hub)
    group = np.where(hub, -1, column_labels)
    return np.argsort(group, kind="stable").astype(np.intp)


def contiguous(values: npt.NDArray[np.floating]) -> FloatArray:
    return np.ascontiguousarray(values, dtype=np.float32)


def remaining_hours_loop(
    matrix: WerkprocesMatrix, coverage: Sequence[Sequence[float]]
) -> list[list[float]]:
    """The reference: per person, per target, sum the hours of each required column not
    covered. Plain Python, for tests and as the benchmark's peer."""
    hours = matrix.hours.tolist()
    needs = [
        [(c, hours[c]) for c, needed in enumerate(row) if needed]
        for row in matrix.required.tolist()
    ]
    return [[sum(h for c, h in target if not person[c]) for target in needs] for person in coverage]


def best_targets_loop(
    matrix: WerkprocesMatrix, coverage: Sequence[Sequence[float]]
) -> list[tuple[int, float]]:
    """The reference for `best_targets`: (index, hours) per person, the first on a tie."""
    best: list[tuple[int, float]] = []
    for remaining in remaining_hours_loop(matrix, coverage):
        index = min(range(len(remaining)), key=remaining.__getitem__)
        best.append((index, remaining[index]))
    return best
