"""Delete pre-scans nobody kept on a record, older than N days (docs/privacy.md)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opmaat.prescan.services import KEEP_ANONYMOUS_DAYS, purge_prescans


class Command(BaseCommand):
    help = "Delete unkept pre-scans (vrijstellingsscans) older than --older-than days."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--older-than", type=int, default=KEEP_ANONYMOUS_DAYS, metavar="DAYS")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["older_than"]
        if days < 0:
            raise CommandError("--older-than must be 0 or more")
        deleted = purge_prescans(days)
        self.stdout.write(f"{deleted} pre-scan(s) older than {days} days deleted")
