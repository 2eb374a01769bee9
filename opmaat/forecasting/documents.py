"""A plan and its projection as JSON (format `opmaat-plan/1`), as a baseline keeps them and
the API returns them; and the plan read back, so an old baseline can be run again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from opmaat.domain.forecasting.model import (
    ROUTES,
    Bands,
    Cell,
    Distribution,
    FloatArray,
    Plan,
    Projection,
    Rates,
    Route,
    RouteDurations,
    Uncertain,
    UpskillingLink,
)

FORMAT = "opmaat-plan/1"
JSON = dict[str, object]


def uncertain_json(u: Uncertain) -> JSON:
    return {
        "central": u.central,
        "low": u.low,
        "high": u.high,
        "distribution": u.distribution.value,
        "source": u.source,
    }


def uncertain_from(d: Mapping[str, object]) -> Uncertain:
    low, high = d.get("low"), d.get("high")
    return Uncertain(
        float(str(d["central"])),
        None if low is None else float(str(low)),
        None if high is None else float(str(high)),
        Distribution(str(d.get("distribution", "fixed"))),
        str(d.get("source", "")),
    )


def rates_json(r: Rates) -> JSON:
    return {
        "retirement": [uncertain_json(u) for u in r.retirement],
        "leaving": [uncertain_json(u) for u in r.leaving],
        "first_year_dropout": [uncertain_json(u) for u in r.first_year_dropout],
        "later_year_dropout": [uncertain_json(u) for u in r.later_year_dropout],
        "bol_bbl_switch": uncertain_json(r.bol_bbl_switch),
    }


def listed(d: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = d[key]
    assert isinstance(value, list)
    return value


def rates_from(d: Mapping[str, object]) -> Rates:
    switch = d["bol_bbl_switch"]
    assert isinstance(switch, Mapping)
    return Rates(
        retirement=tuple(uncertain_from(u) for u in listed(d, "retirement")),
        leaving=tuple(uncertain_from(u) for u in listed(d, "leaving")),
        first_year_dropout=tuple(uncertain_from(u) for u in listed(d, "first_year_dropout")),
        later_year_dropout=tuple(uncertain_from(u) for u in listed(d, "later_year_dropout")),
        bol_bbl_switch=uncertain_from(switch),
    )


def cell_json(c: Cell) -> JSON:
    return {"region": c.region, "qualification": c.qualification}


def cell_from(d: Mapping[str, object]) -> Cell:
    return Cell(str(d["region"]), str(d["qualification"]))


def array(value: object) -> FloatArray:
    return np.asarray(value, dtype=np.float64)


def finite_or_none(values: FloatArray) -> list[list[float | None]]:
    """JSON has no infinity (PostgreSQL's jsonb refuses it): no cap is written as null."""
    return [[None if np.isinf(v) else float(v) for v in row] for row in values]


def none_as_inf(value: object) -> FloatArray:
    assert isinstance(value, list)
    return np.array([[np.inf if v is None else v for v in row] for row in value], dtype=np.float64)


def plan_document(plan: Plan) -> JSON:
    """Everything the plan holds, arrays as nested lists."""
    return {
        "format": FORMAT,
        "base_year": plan.base_year,
        "cells": [cell_json(c) for c in plan.cells],
        "workforce": plan.workforce.tolist(),
        "fte_per_head": plan.fte_per_head.tolist(),
        "demand": plan.demand.tolist(),
        "starts": plan.starts.tolist(),
        "enrolled": plan.enrolled.tolist(),
        "rates": [rates_json(r) for r in plan.rates],
        "durations": {r.value: plan.durations.months[r] for r in ROUTES},
        "upskilling": [
            {
                "source": cell_json(u.source),
                "target": cell_json(u.target),
                "rate": uncertain_json(u.rate),
            }
            for u in plan.upskilling
        ],
        "capacity": None if plan.capacity is None else finite_or_none(plan.capacity),
    }


def plan_from_document(d: Mapping[str, object]) -> Plan:
    durations = d["durations"]
    assert isinstance(durations, Mapping)
    capacity = d.get("capacity")
    return Plan(
        cells=tuple(cell_from(c) for c in listed(d, "cells")),
        base_year=int(str(d["base_year"])),
        workforce=array(d["workforce"]),
        fte_per_head=array(d["fte_per_head"]),
        demand=array(d["demand"]),
        starts=array(d["starts"]),
        enrolled=array(d["enrolled"]),
        rates=tuple(rates_from(r) for r in listed(d, "rates")),
        durations=RouteDurations({Route(k): int(v) for k, v in durations.items()}),
        upskilling=tuple(
            UpskillingLink(
                cell_from(u["source"]),  # type: ignore[arg-type]  # JSON written by plan_document
                cell_from(u["target"]),  # type: ignore[arg-type]  # idem
                uncertain_from(u["rate"]),  # type: ignore[arg-type]  # idem
            )
            for u in listed(d, "upskilling")
        ),
        capacity=None if capacity is None else none_as_inf(capacity),
    )


def rounded(values: FloatArray) -> list[object]:
    return np.round(values, 3).tolist()  # type: ignore[no-any-return]  # nested lists of floats


def projection_document(p: Projection, cell: int) -> JSON:
    """One cell's projection per year; routes as in ROUTES."""
    return {
        "region": p.cells[cell].region,
        "qualification": p.cells[cell].qualification,
        "years": list(p.years),
        "supply": rounded(p.supply[cell]),
        "supply_fte": rounded(p.supply_fte[cell]),
        "demand": rounded(p.demand[cell]),
        "gap": rounded(p.gap[cell]),
        "routes": [r.value for r in ROUTES],
        "starts": rounded(p.starts[cell]),
        "graduates": rounded(p.graduates[cell]),
        "starts_needed": rounded(p.starts_needed[cell]),
        "unclosed": rounded(p.unclosed[cell]),
    }


def bands_document(b: Bands, cell: int) -> JSON:
    return {
        "draws": b.draws,
        "supply": {f"p{k}": rounded(v[cell]) for k, v in b.supply.items()},
        "gap": {f"p{k}": rounded(v[cell]) for k, v in b.gap.items()},
    }


def cell_index(cells: Sequence[Cell], qualification: str) -> int:
    return next(i for i, c in enumerate(cells) if c.qualification == qualification)
