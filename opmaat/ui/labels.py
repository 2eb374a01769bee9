"""How a qualification, certificate or unit is named in a choice, in one place: every form
that offers catalog entries labels them here, so two entries of the same name (the 2016 and
the current Verzorgende IG) are told apart and "voorlopig" is never lost."""

from __future__ import annotations

from django.utils.translation import gettext

from opmaat.domain.catalog import Catalog, Certificate, Qualification, Unit

Choices = list[tuple[str, str]]
Groups = list[tuple[str, Choices]]


def choice_label(
    name: str,
    code: str,
    level: int | None = None,
    provisional: bool = False,
    superseded_by: tuple[str, ...] = (),
) -> str:
    """One line: name (niveau N, code[, voorlopig][, vervangen door …])."""
    parts = [gettext("niveau %(level)s") % {"level": level}] if level is not None else []
    parts.append(code)
    if provisional:
        parts.append(gettext("voorlopig"))
    if superseded_by:
        parts.append(replaced_by(superseded_by))
    return f"{name} ({', '.join(parts)})"


def replaced_by(successors: tuple[str, ...]) -> str:
    return gettext("vervangen door %(codes)s") % {"codes": ", ".join(successors)}


def qualification_label(q: Qualification) -> str:
    return choice_label(q.name, q.crebo, q.level, q.provisional, q.superseded_by)


def certificate_label(c: Certificate) -> str:
    return choice_label(c.name, c.code, c.level, c.provisional)


def unit_label(u: Unit) -> str:
    return choice_label(u.title, u.code, u.level, u.provisional)


def status_note(catalog: Catalog, code: str) -> str:
    """What a list of holdings or route versions adds to a code's name: "voorlopig",
    "vervangen door 25656"; empty for a current, verified entry."""
    q = catalog.qualifications.get(code)
    parts = []
    provisional = (
        q.provisional
        if q
        else code in catalog.certificates and catalog.certificates[code].provisional
    )
    if provisional:
        parts.append(gettext("voorlopig"))
    if q is not None and q.superseded_by:
        parts.append(replaced_by(q.superseded_by))
    return ", ".join(parts)


def current_qualifications(catalog: Catalog) -> list[Qualification]:
    """The qualifications to offer as a target, by level and name: never a superseded one."""
    return sorted(
        (q for q in catalog.qualifications.values() if not q.superseded),
        key=lambda q: (q.level, q.name),
    )


def target_choices(catalog: Catalog) -> Groups:
    """What a route, pre-scan or intake may aim at, grouped: the catalog's offered targets
    (current qualifications, certificates, units that carry a certificate)."""
    offered = set(catalog.offered_targets())
    qualifications = [q for q in current_qualifications(catalog) if q.crebo in offered]
    certificates = sorted(
        (c for c in catalog.certificates.values() if c.code in offered), key=lambda c: c.name
    )
    units = [
        u
        for u in catalog.units.values()
        if u.code in offered and u.carries_certificate and u.code not in catalog.certificates
    ]
    groups: Groups = [
        (gettext("Kwalificaties"), [(q.crebo, qualification_label(q)) for q in qualifications]),
        (gettext("Certificaten"), [(c.code, certificate_label(c)) for c in certificates]),
        (gettext("Leereenheden met certificaat"), [(u.code, unit_label(u)) for u in units]),
    ]
    return [(name, choices) for name, choices in groups if choices]
