"""Rounds through their states; every run kept as a new version."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.domain.access import Role
from opmaat.domain.errors import FileTooLarge, UnsupportedFile
from opmaat.domain.matching.states import (
    RoundState,
    advance,
    check_places_upload,
    check_publish,
    check_run,
    check_students_upload,
)
from opmaat.learners.access import actor_of
from opmaat.matching.models import MatchingRound, MatchingRun
from opmaat.messages import add_matching_texts

if TYPE_CHECKING:
    from opmaat.domain.matching.model import Instance

# numpy is imported only when matching runs, not with every Django start (`opmaat route`).
MAX_FILE_BYTES = 20 * 1024 * 1024


def regions_of(user: User) -> list[int]:
    actor = actor_of(user)
    if actor.is_admin:
        return list(Organisation.objects.filter(kind="region").values_list("pk", flat=True))
    return sorted(actor.organisations_with([Role.REGIONAL_COORDINATOR]))


def require_coordinator(user: User, matching_round: MatchingRound) -> None:
    if matching_round.region_id not in regions_of(user):
        raise PermissionDenied("not a coordinator of this region")


def create_round(
    user: User, region: Organisation, name: str, final_matching: date
) -> MatchingRound:
    if region.pk not in regions_of(user):
        raise PermissionDenied("not a coordinator of this region")
    return MatchingRound.objects.create(
        region=region, name=name, final_matching=final_matching, created_by=user
    )


@transaction.atomic
def upload(user: User, matching_round: MatchingRound, kind: str, name: str, data: bytes) -> None:
    """Store the places or students file after checking it reads without problems."""
    require_coordinator(user, matching_round)
    state = RoundState(matching_round.state)
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UnsupportedFile(name, (".csv", ".xlsx"))
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(name, MAX_FILE_BYTES // 1024 // 1024)
    if kind == "places":
        check_places_upload(state)
        check_places_file(name, data)
        matching_round.places_name, matching_round.places_data = name, data
    else:
        check_students_upload(state)
        read_files(matching_round.places_name, bytes(matching_round.places_data), name, data)
        matching_round.students_name, matching_round.students_data = name, data
    matching_round.save()


def check_places_file(name: str, data: bytes) -> None:
    """The places file alone: readable, required columns, valid cells."""
    from opmaat.domain.matching.errors import InvalidMatchingFile
    from opmaat.matching.files.read import PLACE_COLUMNS, PLACE_REQUIRED, place_from, read_records
    from opmaat.tabular.problems import Problems

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        problems = Problems(path.name)
        read_records(path, PLACE_COLUMNS, PLACE_REQUIRED, place_from, problems, [])
        if problems.found:
            raise InvalidMatchingFile(list(problems.found))


def read_files(places_name: str, places: bytes, students_name: str, students: bytes) -> Instance:
    """Both files as an instance (opmaat.matching.files), errors naming the uploaded files."""
    from opmaat.domain.matching.errors import InvalidMatchingFile
    from opmaat.matching.files import read_instance

    with tempfile.TemporaryDirectory() as folder:
        places_path = Path(folder) / "places" / Path(places_name).name
        students_path = Path(folder) / "students" / Path(students_name).name
        for path, data in ((places_path, places), (students_path, students)):
            path.parent.mkdir()
            path.write_bytes(data)
        try:
            files = read_instance(places_path, students_path)
        except InvalidMatchingFile as error:
            # Name the files as uploaded, not as stored for reading.
            raise InvalidMatchingFile(
                [replace(p, file=Path(p.file).name) for p in error.problems]
            ) from None
    return files.instance


@transaction.atomic
def next_state(matching_round: MatchingRound) -> RoundState:
    """The state the round would move on to, or the refusal (NotNow, MissingUpload)."""
    return advance(
        RoundState(matching_round.state),
        has_places=bool(matching_round.places_name),
        has_students=bool(matching_round.students_name),
    )


def advance_round(user: User, matching_round: MatchingRound) -> None:
    require_coordinator(user, matching_round)
    matching_round.state = next_state(matching_round).value
    matching_round.save(update_fields=["state"])


@transaction.atomic
def run_round(
    user: User, matching_round: MatchingRound, seed: int | None = None, fill: bool = False
) -> MatchingRun:
    """Match, with reservations returned to the pool from the return deadline on."""
    from opmaat.domain.matching import (
        Instance,
        explain,
        match,
        match_document,
        new_seed,
        release_reservations,
        summarise,
    )
    from opmaat.domain.matching.supply import supply_and_demand
    from opmaat.matching.files import assignment_rows

    require_coordinator(user, matching_round)
    check_run(RoundState(matching_round.state))
    instance = read_files(
        matching_round.places_name,
        bytes(matching_round.places_data),
        matching_round.students_name,
        bytes(matching_round.students_data),
    )
    places = release_reservations(
        instance.places,
        timezone.localdate(),
        matching_round.final_matching,
        matching_round.return_days,
    )
    chosen = new_seed() if seed is None else seed
    matching = match(Instance(places, instance.students), chosen, fill=fill)
    document = add_matching_texts(match_document(matching, explain(matching), summarise(matching)))
    document["supply_demand"] = [
        {
            "organisation": r.organisation,
            "seats": r.seats,
            "first_choices": r.first_choices,
            "listed": r.listed,
        }
        for r in supply_and_demand(instance)
    ]
    version = (matching_round.runs.aggregate(v=Max("version"))["v"] or 0) + 1
    return MatchingRun.objects.create(
        round=matching_round,
        version=version,
        seed=chosen,
        fill=fill,
        document=document,
        rows=[list(r) for r in assignment_rows(matching)],
        run_by=user,
    )


@transaction.atomic
def publish(user: User, run: MatchingRun) -> None:
    matching_round = run.round
    require_coordinator(user, matching_round)
    check_publish(RoundState(matching_round.state))
    run.published_at = timezone.now()
    run.save(update_fields=["published_at"])
    matching_round.state = RoundState.EXECUTION.value
    matching_round.save(update_fields=["state"])
