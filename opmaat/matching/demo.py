"""A demo matching round for the demo region: twelve places, thirty-six students, made up
deterministically so every demo looks the same."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.domain.matching.states import RoundState
from opmaat.matching.models import MatchingRound

ROUND_NAME = "BPV-ronde voorjaar (demo)"
SCHOOL = "ROC De Brug (demo)"
ORGANISATIONS = (
    ("Zorggroep Het Baken (demo)", 52.00, 5.23),
    ("Thuiszorg De Linde (demo)", 51.88, 5.27),
    ("Woonzorgcentrum De Waalkant (demo)", 51.89, 5.43),
    ("Kinderdagverblijf Het Klimrek (demo)", 51.95, 5.60),
)
QUALIFICATIONS = (("25656", 3), ("25960", 2), ("25780", 3), ("25486", 3))


def places_csv() -> str:
    rng = random.Random(7)
    rows = []
    for n in range(12):
        organisation, lat, lon = ORGANISATIONS[n % len(ORGANISATIONS)]
        crebo, level = QUALIFICATIONS[n % len(QUALIFICATIONS)]
        rows.append(
            {
                "place_id": f"P{n + 1:02d}",
                "capacity": rng.choice([2, 3, 3, 4]),
                "organisation": organisation,
                "qualification": crebo,
                "level": level,
                "latitude": round(lat + rng.uniform(-0.02, 0.02), 4),
                "longitude": round(lon + rng.uniform(-0.02, 0.02), 4),
                "reserved_for": SCHOOL if n == 0 else "",
            }
        )
    return to_csv(rows)


def students_csv() -> str:
    rng = random.Random(11)
    places = list(csv.DictReader(io.StringIO(places_csv())))
    rows = []
    for n in range(36):
        crebo, level = QUALIFICATIONS[n % len(QUALIFICATIONS)]
        fitting = [p["place_id"] for p in places if p["qualification"] == crebo]
        others = [p["place_id"] for p in places if p["qualification"] != crebo]
        choices = rng.sample(fitting, min(3, len(fitting))) + rng.sample(others, 1)
        rows.append(
            {
                "student_id": f"S{n + 1:03d}",
                "preferences": ";".join(choices),
                "school": SCHOOL,
                "qualification": crebo,
                "level": level,
                "latitude": round(51.90 + rng.uniform(-0.05, 0.1), 4),
                "longitude": round(5.35 + rng.uniform(-0.15, 0.15), 4),
                "max_distance_km": rng.choice([25, 40, 60]),
                "priority": "",
            }
        )
    return to_csv(rows)


def to_csv(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def add_demo_round(region: Organisation, coordinator: User) -> None:
    """A round ready to match: both files in, no run yet."""
    if MatchingRound.objects.filter(name=ROUND_NAME).exists():
        return
    MatchingRound.objects.create(
        region=region,
        name=ROUND_NAME,
        state=RoundState.MATCHING.value,
        final_matching=date.today() + timedelta(days=30),
        places_name="stageplaatsen.csv",
        places_data=places_csv().encode(),
        students_name="studenten.csv",
        students_data=students_csv().encode(),
        created_by=coordinator,
    )
