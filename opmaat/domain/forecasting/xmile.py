"""Export one cell of a plan as an XMILE 1.0 model (OASIS) that PySD and Stella run."""

from __future__ import annotations

from opmaat.domain.forecasting.model import Cell, Plan


def export_xmile(plan: Plan, cell: Cell, name: str = "opmaat") -> str:
    """The XMILE document of `cell`'s deterministic run; other cells enter as series."""
    raise NotImplementedError
