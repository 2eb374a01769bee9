"""Hooks for the apps that keep data about a learner outside this app's tables.

An app connects a receiver to `learner_exporting` that returns `(section, data)` for the
learner's download, and one to `learner_erasing` that removes what it holds about the
learner (called inside the erasure's transaction, before the record becomes a shell).
"""

from __future__ import annotations

from django.dispatch import Signal

# send(sender=Learner, learner=...) -> receivers return (section name, JSON-ready data)
learner_exporting = Signal()
# send(sender=Learner, learner=..., actor=...)
learner_erasing = Signal()
