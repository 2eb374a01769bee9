"""Matching rounds of a region: the uploaded files and every run, published or not.

Rules live in opmaat.domain.matching (states, the matching itself); services.py is the only
writer.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.domain.matching.states import RoundState

STATE_LABELS = {
    RoundState.INVENTORY: _("Inventarisatie"),
    RoundState.DISTRIBUTION: _("Verdeling"),
    RoundState.MATCHING: _("Matching"),
    RoundState.EXECUTION: _("Uitvoering"),
}


class MatchingRound(models.Model):
    region = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(_("naam"), max_length=200)
    state = models.CharField(
        _("fase"),
        max_length=16,
        choices=[(s.value, STATE_LABELS[s]) for s in RoundState],
        default=RoundState.INVENTORY.value,
    )
    final_matching = models.DateField(_("datum definitieve matching"))
    return_days = models.PositiveSmallIntegerField(
        _("teruggavetermijn (dagen)"),
        default=14,
        help_text=_("Gereserveerde plaatsen die dan nog vrij zijn, gaan terug naar alle scholen."),
    )
    places_name = models.CharField(max_length=200, blank=True)
    places_data = models.BinaryField(blank=True, default=b"")
    students_name = models.CharField(max_length=200, blank=True)
    students_data = models.BinaryField(blank=True, default=b"")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-final_matching", "-id"]
        verbose_name = _("matchingronde")
        verbose_name_plural = _("matchingrondes")

    def __str__(self) -> str:
        return self.name


class MatchingRun(models.Model):
    """One run of the matching; never changed afterwards. Publishing one ends the round."""

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="runs")
    version = models.PositiveIntegerField(_("versie"))
    seed = models.BigIntegerField(_("loting (seed)"))
    fill = models.BooleanField(_("na-plaatsing"), default=False)
    document = models.JSONField()  # opmaat match --json, with explanations
    rows = models.JSONField()  # the assignment rows of the -o file
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    run_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["round", "version"], name="matching_run_version")
        ]
