"""The 28 labour-market regions of care and welfare (RegioPlus), shipped as data with their
source in opmaat/data/regions.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.yaml"


@dataclass(frozen=True, slots=True)
class LabourMarketRegion:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class RegionList:
    source: str
    regions: tuple[LabourMarketRegion, ...]

    def name_of(self, code: str) -> str:
        return next((r.name for r in self.regions if r.code == code), code)

    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.regions)


@cache
def labour_market_regions() -> RegionList:
    """The shipped list, read once per process."""
    document = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    return RegionList(
        source=str(document["source"]),
        regions=tuple(
            LabourMarketRegion(str(r["code"]), str(r["name"])) for r in document["regions"]
        ),
    )
