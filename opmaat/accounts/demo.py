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
    ("teamleider", Role.TEAM_LEADER, "baken", "teamleider Afdeling Boomgaard, Zorggroep Het Baken"),
    ("regio", Role.REGIONAL_COORDINATOR, "regio", "regiocoördinator, Zorgregio Rivierenland"),
    ("redacteur", Role.CATALOG_EDITOR, "roc", "catalogusredacteur"),
)

# The people behind the logins: the app names them, never by their username.
NAMES = {
    ADMIN: ("Tim", "Koster"),
    "intake": ("Karin", "de Graaf"),
    "assessor": ("Ruud", "Vermeulen"),
    "docent": ("Ilse", "van Leeuwen"),
    "praktijkopleider": ("Marco", "Dekker"),
    "examencommissie": ("Els", "Kuipers"),
    "hr": ("Sandra", "Peters"),
    "teamleider": ("Nadia", "Bouzid"),
    "regio": ("Rob", "van Dijk"),
    "redacteur": ("Anouk", "Willems"),
}


def add_demo() -> tuple[User, dict[str, Organisation]]:
    """The administrator, the organisations (in the demo region) and the staff logins."""
    admin = User.objects.filter(username=ADMIN).first()
    if admin is None:
        admin = User.objects.create_superuser(ADMIN, password=PASSWORD)
    named(admin)
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
    return named(user)


def named(user: User) -> User:
    """A staff login gets its person's name, also in a demo loaded before logins had names;
    a learner's login is named by its record."""
    first, last = NAMES.get(user.get_username(), ("", ""))
    if first and not (user.first_name or user.last_name):
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    return user
