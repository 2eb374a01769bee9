"""Demo data of the credentials app, loaded by opmaat.demo after progress: a certificate
issued by the exam board of ROC De Brug (revoked and issued again) and one diploma.

Eva Peters gets C0166 'Planmatig werken in zorg en welzijn' (23385-B1-K1-W1, -W4, -W5 of
Helpende Zorg en Welzijn 25960), complete through her exemption for the kerntaak
23385-B1-K1; Noor Hendriks the diploma Sociaal-cultureel werker 25488, its basisdeel
through her diploma 25489 and its profile through results."""

from __future__ import annotations

from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.credentials import services
from opmaat.credentials.models import IssuedCredential
from opmaat.domain.credentials.revocation import RevocationCategory
from opmaat.learners.models import Learner

# learner, kind, code
ISSUED = (
    ("Eva Peters", "certificate", "C0166"),
    ("Noor Hendriks", "diploma", "25488"),
)
REVOKED_FIRST = {
    "Eva Peters": (
        RevocationCategory.REPLACED,
        "Demo: uitgegeven met een verkeerde naam; opnieuw uitgegeven.",
    )
}


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    board = User.objects.get(username="examencommissie")
    for name, kind, code in ISSUED:
        learner = Learner.objects.filter(name=name, erased_at__isnull=True).first()
        if learner is None or IssuedCredential.objects.filter(learner=learner, code=code).exists():
            continue
        issue = services.do_issue_diploma if kind == "diploma" else services.do_issue_certificate
        credential = issue(board, learner, code)
        if name in REVOKED_FIRST:
            category, note = REVOKED_FIRST[name]
            services.do_revoke(board, credential, category, note)
            issue(board, learner, code)
