"""The demo's organisations and staff logins: one per role (the passwords are public)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from opmaat.accounts.models import Membership, Organisation
from opmaat.domain.access import OrganisationKind, Role

PASSWORD = "opmaat-demo"
ADMIN = "beheerder"


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    key: str
    name: str
    kind: OrganisationKind
    place: str


ORGANISATIONS = (
    DemoOrganisation("regio", "Zorgregio Rivierenland (demo)", OrganisationKind.REGION, "Tiel"),
    DemoOrganisation("roc", "ROC De Brug (demo)", OrganisationKind.SCHOOL, "Tiel"),
    DemoOrganisation("baken", "Zorggroep Het Baken (demo)", OrganisationKind.CARE, "Culemborg"),
    DemoOrganisation("linde", "Thuiszorg De Linde (demo)", OrganisationKind.CARE, "Geldermalsen"),
    DemoOrganisation(
        "evc", "EVC-centrum Vakkundig (demo)", OrganisationKind.EVC_PROVIDER, "Utrecht"
    ),
)

# username, role, organisation key (None: no organisation), description
STAFF = (
    ("intake", Role.INTAKE_ADVISOR, "roc", "intakeadviseur, ROC De Brug"),
    ("assessor", Role.EVC_ASSESSOR, "evc", "EVC-assessor, EVC-centrum Vakkundig"),
    ("docent", Role.TEACHER, "roc", "docent, ROC De Brug"),
    ("praktijkopleider", Role.TEACHER, "baken", "praktijkopleider, Zorggroep Het Baken"),
    ("examencommissie", Role.EXAM_BOARD, "roc", "examencommissie, ROC De Brug"),
    ("hr", Role.EMPLOYER_HR, "baken", "HR, Zorggroep Het Baken"),
    ("regio", Role.REGIONAL_COORDINATOR, "regio", "regiocoördinator, Zorgregio Rivierenland"),
    ("redacteur", Role.CATALOG_EDITOR, "roc", "catalogusredacteur"),
)


def add_demo() -> tuple[User, dict[str, Organisation]]:
    """The administrator, the organisations (in the demo region) and the staff logins."""
    admin = User.objects.filter(username=ADMIN).first()
    if admin is None:
        admin = User.objects.create_superuser(ADMIN, password=PASSWORD)
    orgs = {o.key: organisation(o) for o in ORGANISATIONS}
    for key, org in orgs.items():
        if key != "regio" and org.region_id is None:
            org.region = orgs["regio"]
            org.save(update_fields=["region"])
    for username, role, key, _ in STAFF:
        user = account(username)
        Membership.objects.get_or_create(user=user, organisation=orgs[key], role=role.value)
    return admin, orgs


def organisation(spec: DemoOrganisation) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=spec.name, defaults={"kind": spec.kind.value, "place": spec.place}
    )
    return org


def account(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username, email=f"{username}@demo.opmaat.invalid", password=PASSWORD
        )
    return user
