"""The pre-scans kept on a learner's record in their download, and gone with erasure."""

from __future__ import annotations

from opmaat.learners.sections import PrivacySection
from opmaat.prescan.models import SavedPrescan
from opmaat.prescan.services import export_of, forget_learner

SECTION = PrivacySection("prescans", (SavedPrescan,), export_of, forget_learner)
