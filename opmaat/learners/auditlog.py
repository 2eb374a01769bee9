"""The log of a learner's record as people read it: every action the services audit and
every value they record, with its label and its value formatted by kind ("Tempo: normaal",
"Startdatum: 4 januari 2027 → 1 februari 2027"), people by name. The wording is here and
nowhere else; tests/learners/test_audit_log.py checks that every action and field the code
writes has a label, so no raw key reaches the page.

The log stores what the services wrote (opmaat.learners.services.audit): an action such as
`holding.added`, a Dutch summary written at the time, and the changed values, as [old, new]
pairs for the actions in PAIRED and as plain values for the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from django.db.models import QuerySet
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opmaat.accounts.people import shown_as
from opmaat.credentials.models import KIND_LABELS as CREDENTIAL_LABELS
from opmaat.credentials.models import REVOCATION_LABELS
from opmaat.domain.catalog.reload import Use
from opmaat.domain.credentials.document import CredentialKind
from opmaat.domain.credentials.revocation import RevocationCategory
from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, Pace
from opmaat.learners.models import LEERWEG_LABELS, PACE_LABELS, AuditEvent, Holding
from opmaat.learners.services import ERASED_SUMMARY
from opmaat.progress.models import LEVEL_LABELS, METHOD_LABELS, RESULT_LABELS
from opmaat.recognition.models import (
    EVIDENCE_LABELS,
    JUDGEMENT_LABELS,
    SESSION_LABELS,
    STATE_LABELS,
)

# What each action is, as the "Wat" column says it.
ACTIONS: dict[str, Promise] = {
    "learner.created": gettext_lazy("Dossier aangemaakt"),
    "learner.updated": gettext_lazy("Persoonsgegevens gewijzigd"),
    "learner.invited": gettext_lazy("Uitgenodigd voor een eigen account"),
    "learner.exported": gettext_lazy("Gegevens gedownload"),
    "learner.erased": gettext_lazy("Persoonsgegevens gewist"),
    "erasure.requested": gettext_lazy("Verzoek om gegevens te wissen ingediend"),
    "consent.granted": gettext_lazy("Toestemming gegeven"),
    "consent.withdrawn": gettext_lazy("Toestemming ingetrokken"),
    "holding.added": gettext_lazy("Behaald of vrijgesteld vastgelegd"),
    "holding.removed": gettext_lazy("Behaald of vrijgesteld verwijderd"),
    "route.saved": gettext_lazy("Route opgeslagen"),
    "route.stale": gettext_lazy("Route past niet meer bij de catalogus"),
    "catalog.forced": gettext_lazy("Catalogus geladen ondanks vervallen codes"),
    "catalog.dropped": gettext_lazy(
        "Codes uit het dossier vervallen bij het laden van de catalogus"
    ),
    "credential.issued": gettext_lazy("Certificaat of diploma uitgegeven"),
    "credential.revoked": gettext_lazy("Certificaat of diploma ingetrokken"),
    "progress.feedback": gettext_lazy("Feedback gegeven"),
    "progress.assessment": gettext_lazy("Beoordeling vastgelegd"),
    "progress.entrusted": gettext_lazy("Begeleidingsniveau vastgesteld"),
    "prescan.saved": gettext_lazy("Vrijstellingsscan bewaard"),
    "intake.saved": gettext_lazy("Intake en ontwikkeladvies vastgelegd"),
    "evc.started": gettext_lazy("EVC-traject gestart"),
    "evc.moved": gettext_lazy("EVC-traject naar een andere fase"),
    "evc.evidence_added": gettext_lazy("Bewijsstuk toegevoegd"),
    "evc.evidence_removed": gettext_lazy("Bewijsstuk verwijderd"),
    "evc.session": gettext_lazy("Interview of praktijkassessment vastgelegd"),
    "evc.judged": gettext_lazy("Werkproces beoordeeld"),
    "evc.certificate": gettext_lazy("Ervaringscertificaat opgesteld"),
    "evc.decided": gettext_lazy("Vrijstellingen besloten"),
}

# The actions whose values are [old, new] pairs.
PAIRED = frozenset({"learner.updated", "route.saved"})

# The actions whose stored summary only repeats the label and the values (and, written
# before this module, named phases and judgements by their keys): the page leaves it out.
SUMMARY_REPEATS = frozenset(
    {
        "learner.updated",
        "learner.exported",
        "erasure.requested",
        "consent.granted",
        "consent.withdrawn",
        "route.stale",
        "progress.assessment",
        "progress.feedback",
        "evc.moved",
        "evc.judged",
    }
)

Format = Callable[[Any], str]


@dataclass(frozen=True, slots=True)
class Field:
    label: Promise
    format: Format


def plain(value: Any) -> str:
    """Any value by its type: None "—", a boolean ja/nee, a number "20" or "20,5", an ISO
    date "4 januari 2027", a list joined."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return str(formats.number_format(value, use_l10n=True))
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    if isinstance(value, str):
        day = as_date(value)
        return day_text(day) if day is not None else value
    return str(value)


def as_date(value: str) -> date | None:
    if len(value) < 10 or value[4:5] != "-":
        return None
    try:
        return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return None


def day_text(day: date) -> str:
    return str(formats.date_format(day, "j F Y"))


def text(value: Any) -> str:
    """Free text as written: never read as a date or a number."""
    return "—" if value in (None, "") else str(value)


def lower_first(label: str) -> str:
    """A label inside a sentence: "Normaal" → "normaal", "BBL (werken en leren)" stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def choice(labels: Mapping[Any, Any], enum: type[Enum] | None = None) -> Format:
    """A stored value by its label; a value the labels do not know as it is."""

    def shown(value: Any) -> str:
        if value in (None, ""):
            return "—"
        key = value
        if enum is not None:
            try:
                key = enum(value)
            except ValueError:
                return str(value)
        label = labels.get(key)
        return lower_first(_(str(label))) if label is not None else str(value)

    return shown


def numbered(value: Any) -> str:
    """A record's number ("12"), or several ("3, 4")."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value is None else str(value)


def short_hash(value: Any) -> str:
    return f"{str(value)[:12]}…" if value else "—"


USES = {
    Use.HOLDING: gettext_lazy("behaald of vrijgesteld"),
    Use.ROUTE: gettext_lazy("route"),
    Use.EVC: gettext_lazy("EVC-traject"),
    Use.CREDENTIAL: gettext_lazy("certificaat of diploma"),
}


def references(value: Any) -> str:
    """Where the record referred to dropped codes: [[use, code, detail], …]."""
    if not isinstance(value, list) or not value:
        return "—"
    parts = []
    for item in value:
        use, code = (item[0], item[1]) if isinstance(item, list) and len(item) >= 2 else ("", item)
        where = choice(USES, Use)(use)
        parts.append(f"{code} ({where})" if use else str(code))
    return ", ".join(parts)


# Why a route could not be re-planned after a catalog load (a refusal's code).
STALE_REASONS = {
    "unknown_code": gettext_lazy("een code in het dossier staat niet meer in de catalogus"),
    "target_not_open": gettext_lazy("het doel staat niet meer open"),
}


def stale_reason(value: Any) -> str:
    return str(STALE_REASONS.get(str(value), gettext_lazy("hij kon niet opnieuw worden gepland")))


def level(value: Any) -> str:
    try:
        return lower_first(str(LEVEL_LABELS[SupervisionLevel(int(value))]))
    except (TypeError, ValueError, KeyError):
        return plain(value)


HOLDING_KINDS = choice(dict(Holding.Kind.choices))
HOLDING_SOURCES = choice(dict(Holding.Source.choices))
STATES = choice(STATE_LABELS, EvcState)

# Every field the services write, by its key; FIELD_OVERRIDES where an action means
# something else by the same key.
FIELDS: dict[str, Field] = {
    "name": Field(gettext_lazy("Naam"), text),
    "email": Field(gettext_lazy("E-mail"), text),
    "date_of_birth": Field(gettext_lazy("Geboortedatum"), plain),
    "background": Field(gettext_lazy("Achtergrond"), text),
    "elective_hours_done": Field(gettext_lazy("Keuzedeeluren behaald"), plain),
    "target": Field(gettext_lazy("Doel"), text),
    "start": Field(gettext_lazy("Startdatum"), plain),
    "hours_per_week": Field(gettext_lazy("Studie-uren per week"), plain),
    "work_hours_per_week": Field(gettext_lazy("Werkuren per week"), plain),
    "exam_only": Field(gettext_lazy("Alleen examen"), plain),
    "pathway": Field(gettext_lazy("Leerweg"), choice(LEERWEG_LABELS, Leerweg)),
    "pace": Field(gettext_lazy("Tempo"), choice(PACE_LABELS, Pace)),
    "completion_date": Field(gettext_lazy("Klaar op"), plain),
    "code": Field(gettext_lazy("Code"), text),
    "kind": Field(gettext_lazy("Soort"), HOLDING_KINDS),
    "evidence": Field(gettext_lazy("Bewijs"), text),
    "source": Field(gettext_lazy("Bron"), text),
    "organisation": Field(gettext_lazy("Organisatie"), text),
    "version": Field(gettext_lazy("Routeversie"), numbered),
    "reason": Field(gettext_lazy("Reden"), stale_reason),
    "credential": Field(gettext_lazy("Kenmerk"), text),
    "category": Field(
        gettext_lazy("Reden van intrekking"), choice(REVOCATION_LABELS, RevocationCategory)
    ),
    "note": Field(gettext_lazy("Toelichting"), text),
    "method": Field(gettext_lazy("Methode"), choice(METHOD_LABELS, AssessmentMethod)),
    "result": Field(gettext_lazy("Resultaat"), choice(RESULT_LABELS, AssessmentResult)),
    "on": Field(gettext_lazy("Datum"), plain),
    "activity": Field(gettext_lazy("Beroepsactiviteit"), text),
    "level": Field(gettext_lazy("Niveau"), level),
    "have": Field(gettext_lazy("Al behaald"), plain),
    "token": Field(gettext_lazy("Scan"), text),
    "evc_units": Field(gettext_lazy("Eenheden via EVC"), plain),
    "procedure": Field(gettext_lazy("EVC-traject"), numbered),
    "units": Field(gettext_lazy("Eenheden"), plain),
    "outcomes": Field(gettext_lazy("Werkprocessen"), plain),
    "werkprocessen": Field(gettext_lazy("Werkprocessen"), plain),
    "outcome": Field(gettext_lazy("Werkproces"), text),
    "decision": Field(gettext_lazy("Besluit"), numbered),
    "certificate": Field(gettext_lazy("Ervaringscertificaat"), text),
    "supersedes": Field(gettext_lazy("Vervangt besluit"), numbered),
    "rationale": Field(gettext_lazy("Motivering"), text),
    "sha256": Field(gettext_lazy("Controlegetal (SHA-256)"), short_hash),
    "from": Field(gettext_lazy("Van fase"), STATES),
    "to": Field(gettext_lazy("Naar fase"), STATES),
    "linked": Field(gettext_lazy("Aan de aanbieder gekoppeld"), plain),
    "codes": Field(gettext_lazy("Vervallen codes"), plain),
    "learners": Field(gettext_lazy("Deelnemers"), numbered),
    "references": Field(gettext_lazy("Vervallen in het dossier"), references),
}
FIELD_OVERRIDES: dict[tuple[str, str], Field] = {
    ("holding.added", "source"): Field(gettext_lazy("Bron"), HOLDING_SOURCES),
    ("catalog.forced", "source"): Field(gettext_lazy("Catalogusbestand"), text),
    ("catalog.dropped", "source"): Field(gettext_lazy("Catalogusbestand"), text),
    ("credential.issued", "kind"): Field(
        gettext_lazy("Soort"), choice(CREDENTIAL_LABELS, CredentialKind)
    ),
    ("evc.evidence_added", "kind"): Field(
        gettext_lazy("Soort"), choice(EVIDENCE_LABELS, EvidenceKind)
    ),
    ("evc.session", "kind"): Field(gettext_lazy("Soort"), choice(SESSION_LABELS, SessionKind)),
    ("evc.evidence_added", "evidence"): Field(gettext_lazy("Bewijsstuk"), numbered),
    ("evc.evidence_removed", "evidence"): Field(gettext_lazy("Bewijsstuk"), numbered),
    ("evc.judged", "evidence"): Field(gettext_lazy("Bewijsstukken"), numbered),
    ("evc.judged", "result"): Field(gettext_lazy("Oordeel"), choice(JUDGEMENT_LABELS, Judgement)),
    ("evc.certificate", "outcomes"): Field(
        gettext_lazy("Werkprocessen buiten die eenheden"), plain
    ),
    ("evc.certificate", "werkprocessen"): Field(gettext_lazy("Alle werkprocessen"), plain),
}


def action_label(action: str) -> str:
    """What the action is; an action this module does not know yet by a neutral word, never
    its key."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else _("Wijziging")


def field_for(action: str, key: str) -> Field | None:
    return FIELD_OVERRIDES.get((action, key)) or FIELDS.get(key)


def detail(action: str, key: str, value: Any) -> str:
    """One recorded value as a phrase: "Tempo: normaal", "Startdatum: 4 januari 2027 →
    1 februari 2027"."""
    field = field_for(action, key)
    label, shown = (str(field.label), field.format) if field else (_("Overig"), plain)
    if action in PAIRED and isinstance(value, list) and len(value) == 2:
        old, new = value
        if old is None or old == new:
            return f"{label}: {shown(new)}"
        return f"{label}: {shown(old)} → {shown(new)}"
    return f"{label}: {shown(value)}"


def details(action: str, changes: object) -> list[str]:
    """The recorded values as phrases; a value left empty says nothing and is left out
    (a change to or from empty is not)."""
    if not isinstance(changes, dict):
        return []
    return [
        detail(action, key, value)
        for key, value in changes.items()
        if action in PAIRED or value not in (None, "", [])
    ]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the log as the page shows it."""

    at: datetime
    who: str
    what: str  # the action, in the reader's language
    summary: str  # as written at the time, in Dutch; empty once erased
    erased: bool
    details: tuple[str, ...]


def lines(events: Iterable[AuditEvent]) -> list[Line]:
    """The events as lines; each person named once per page (their current name while the
    account exists, the name stored with the line once it is gone)."""
    names: dict[int, str] = {}
    shown: list[Line] = []
    for event in events:
        if event.actor_id is not None and event.actor_id not in names:
            names[event.actor_id] = shown_as(event.actor, event.actor_label)
        who = names[event.actor_id] if event.actor_id is not None else event.actor_label
        erased = event.summary == ERASED_SUMMARY
        what = action_label(event.action)
        repeats = event.action in SUMMARY_REPEATS or event.summary == what
        shown.append(
            Line(
                at=event.at,
                who=who or "—",
                what=what,
                summary="" if erased or repeats else event.summary,
                erased=erased,
                details=tuple(details(event.action, event.changes)),
            )
        )
    return shown


def kinds() -> list[tuple[str, str]]:
    """The actions to filter by, by label."""
    return sorted(((a, str(label)) for a, label in ACTIONS.items()), key=lambda c: c[1])


def filtered(
    events: QuerySet[AuditEvent],
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """The events of one kind, from and to a day (both included, in local time)."""
    if action:
        events = events.filter(action=action)
    if since is not None:
        events = events.filter(at__date__gte=since)
    if until is not None:
        events = events.filter(at__date__lte=until)
    return events
