"""The log of a record reads as sentences: each action by its Dutch label, each recorded
value by its field's label and formatted by kind ("Tempo: normaal", dates as "1 februari
2027"), people by name, never a raw key; it can be filtered by kind and by date."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from opmaat.catalog.services import do_load_checked
from opmaat.learners import auditlog
from opmaat.learners import services as learners
from opmaat.learners.models import AuditEvent, Learner
from opmaat.learners.services import PERSONAL_FIELDS, ROUTE_FIELDS
from tests.catalog.reload_samples import OLD_CODE, anna_exempt_for_the_sample_unit, renamed
from tests.learners.test_erasure import uploads, xaviera_everywhere
from tests.personas import Personas

pytestmark = pytest.mark.django_db

__all__ = ["uploads"]  # the fixture, from the erasure tests

SOURCE = Path(__file__).parents[2] / "opmaat"
# The workforce app keeps the employer's own trail (WorkforceEvent, written by its own
# `audit`), not a learner record's log.
OWN_TRAILS = SOURCE / "workforce"

# Where a service builds the changes it logs rather than writing them out.
BUILT_CHANGES = {
    "learner.created": PERSONAL_FIELDS,
    "learner.updated": PERSONAL_FIELDS,
    "route.saved": (*ROUTE_FIELDS, "completion_date"),
}


def written() -> dict[str, set[str]]:
    """Every audit action the code writes, with the fields it records: read from every
    call of `audit(actor, learner, action, summary, changes)` in opmaat/."""
    found: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        if path.is_relative_to(OWN_TRAILS):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name != "audit" or len(node.args) < 4:
                continue
            action = node.args[2]
            assert isinstance(action, ast.Constant), f"{path}:{node.lineno}: action not literal"
            keys = found.setdefault(str(action.value), set())
            changes = node.args[4] if len(node.args) > 4 else None
            if isinstance(changes, ast.Dict):
                for key in changes.keys:
                    assert isinstance(key, ast.Constant), f"{path}:{node.lineno}"
                    keys.add(str(key.value))
            elif changes is not None:
                assert action.value in BUILT_CHANGES, f"{path}:{node.lineno}: which fields?"
                keys |= set(BUILT_CHANGES[str(action.value)])
    return found


def test_every_action_and_field_the_code_writes_has_a_dutch_label() -> None:
    actions = written()
    assert len(actions) > 20  # the walk found the services
    assert set(actions) == set(auditlog.ACTIONS)  # each labelled; no label for nothing
    for action, keys in actions.items():
        assert auditlog.action_label(action) != action
        for key in keys:
            field = auditlog.field_for(action, key)
            assert field is not None, f"{action}: {key} has no label"
            assert str(field.label) != key


def log_page(client: Client, learner: Learner, query: str = "") -> str:
    response = client.get(f"/deelnemers/{learner.pk}/logboek/{query}")
    assert response.status_code == 200
    return response.content.decode()


def raw_keys(content: str) -> set[str]:
    """Action keys and field keys that reached the page's text as they are stored (the
    filter's options carry the actions as values, which no one reads)."""
    fields = {key for keys in written().values() for key in keys}
    shown = set(re.findall(r"<li>([a-z_0-9]+):", content))
    text = re.sub(r"<[^>]*>", " ", content)
    words = set(re.findall(r"[a-z_]+\.[a-z_]+|\b[a-z]+_[a-z_]+\b", text))
    return (words & set(auditlog.ACTIONS)) | (shown & fields) | (words & fields)


@pytest.fixture
def xaviera(personas: Personas, client: Client, uploads: Path) -> Learner:
    """A record changed in every way a service audits (the erasure tests' Xaviera), her
    consent withdrawn again and her route marked stale after a catalog load."""
    record = xaviera_everywhere(personas, client)
    learners.withdraw_consent(personas.otto, record, personas.employer)
    learners.mark_route_stale(None, record, "unknown_code")
    return Learner.objects.get(pk=record.pk)


def test_a_record_changed_in_every_way_reads_as_sentences(
    client: Client, personas: Personas, xaviera: Learner
) -> None:
    left = set(auditlog.ACTIONS) - set(xaviera.audit_events.values_list("action", flat=True))
    # a forced load is logged without a record; a dropped code and an erasure below
    assert left == {"catalog.forced", "catalog.dropped", "learner.erased"}
    client.force_login(personas.bram)
    content = log_page(client, xaviera)
    assert raw_keys(content) == set()
    for sentence in (
        "Dossier aangemaakt",
        "Achtergrond: Quokka: twintig jaar horeca → Quokka: nu in de zorg",
        "Geboortedatum: 17 maart 1971",
        "Soort: vrijstelling",
        "Bron: handmatig vastgelegd",
        "Tempo: normaal",
        "Leerweg: BBL (werken en leren)",
        "Startdatum: 1 februari 2027",
        "Werkuren per week: 28",
        "Organisatie: Zorggroep Zuid",
        "Toestemming ingetrokken",
        "Resultaat: behaald",
        "Methode: praktijkexamen",
        "Oordeel: aangetoond",
        "Van fase: intake",
        "Naar fase: portfolio",
        "Soort: reflectieverslag",
        "Soort: criteriumgericht interview",
        "Reden van intrekking: ten onrechte uitgegeven",
        "Niveau: 2 · voert uit onder direct toezicht",
        "Aan de aanbieder gekoppeld: ja",
        "Route past niet meer bij de catalogus",
        "Reden: een code in het dossier staat niet meer in de catalogus",
    ):
        assert sentence in content, sentence
    assert "→ o → r" not in content and "None" not in content
    # People by name and role; the learner herself by her record's name.
    for who in (
        "Bram Brouwer (intakeadviseur)",
        "Eva Evers (examencommissie)",
        "Dirk Dekker (EVC-assessor)",
        "Gijs Geerts (praktijkopleider)",
        "Tess Terpstra (docent)",
        "Otto Oosterhuis (beheerder)",
        "Xaviera Quokkabloem (deelnemer)",
    ):
        assert f"<td>{who}</td>" in content, who
    assert not re.search(r"<td>(bram|eva|dirk|gijs|tess|otto|x\.quokka@[^<]*)</td>", content)


def test_a_log_line_keeps_the_name_of_someone_whose_account_is_gone(
    client: Client, personas: Personas
) -> None:
    anna = personas.anna_record
    event = learners.audit(personas.bram, anna, "learner.exported", "Gegevens gedownload")
    AuditEvent.objects.filter(pk=event.pk).update(actor=None)
    client.force_login(personas.otto)
    assert "<td>Bram Brouwer (intakeadviseur)</td>" in log_page(client, anna)


def test_a_dropped_code_says_where_the_record_referred_to_it(
    client: Client, personas: Personas
) -> None:
    cast = anna_exempt_for_the_sample_unit(personas)
    do_load_checked(cast.ivo, renamed(), force=True)
    client.force_login(cast.bram)
    content = log_page(client, cast.anna_record)
    assert "Codes uit het dossier vervallen bij het laden van de catalogus" in content
    where = f"Vervallen in het dossier: {OLD_CODE} (behaald of vrijgesteld), {OLD_CODE} (route)"
    assert where in content
    assert raw_keys(content) == set()


def test_an_erased_record_shows_that_something_happened_and_no_more(
    client: Client,
    personas: Personas,
    xaviera: Learner,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    """The record's pages are gone (404); its log stays in the admin, each line by its
    kind, when and by whom, "(inhoud gewist)" and no values."""
    with django_capture_on_commit_callbacks(execute=True):
        learners.erase_learner(personas.otto, xaviera)
    lines = auditlog.lines(xaviera.audit_events.all())
    assert lines[0].what == "Persoonsgegevens gewist" and not lines[0].erased
    assert all(line.erased and not line.summary and not line.details for line in lines[1:])
    assert "deelnemer" in {line.who for line in lines}  # her own actions
    client.force_login(personas.otto)
    content = client.get(f"/admin/learners/auditevent/?learner__id__exact={xaviera.pk}")
    text = content.content.decode()
    assert "Persoonsgegevens gewist" in text and "Route opgeslagen" in text
    assert text.count("(inhoud gewist)") == xaviera.audit_events.count() - 1
    assert "Quokka" not in text and ">route.saved<" not in text
    event = xaviera.audit_events.filter(action="route.saved").first()
    assert event is not None
    detail = client.get(f"/admin/learners/auditevent/{event.pk}/change/").content.decode()
    assert "Route opgeslagen" in detail and "(inhoud gewist)" in detail


def test_the_log_is_filtered_by_kind_and_by_date(client: Client, personas: Personas) -> None:
    anna = personas.anna_record
    learners.add_holding(personas.bram, anna, "VMBO-GT", "held", "Diploma gezien")
    old = learners.audit(personas.bram, anna, "learner.exported", "Gegevens gedownload")
    long_ago = timezone.now() - timedelta(days=400)
    AuditEvent.objects.filter(pk=old.pk).update(at=long_ago)
    client.force_login(personas.bram)

    everything = log_page(client, anna)
    assert "Behaald of vrijgesteld vastgelegd" in everything
    assert "Gegevens gedownload" in everything and "Toestemming gegeven" in everything

    holdings = log_page(client, anna, "?action=holding.added")
    assert "Behaald of vrijgesteld vastgelegd" in holdings
    assert "<strong>Toestemming gegeven</strong>" not in holdings
    assert "<strong>Gegevens gedownload</strong>" not in holdings

    day = long_ago.date()
    until = log_page(client, anna, f"?until={day.isoformat()}")
    assert "<strong>Gegevens gedownload</strong>" in until
    assert "<strong>Behaald of vrijgesteld vastgelegd</strong>" not in until
    since = log_page(client, anna, f"?since={(day + timedelta(days=1)).isoformat()}")
    assert "<strong>Gegevens gedownload</strong>" not in since
    assert "<strong>Behaald of vrijgesteld vastgelegd</strong>" in since

    nothing = log_page(client, anna, "?action=evc.decided")
    assert "Geen wijzigingen die bij dit filter passen." in nothing
