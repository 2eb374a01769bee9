"""The learner's link to an employer's personnel record in their download, and its removal
on erasure (docs/privacy.md).

The personnel record itself (name, team, function, authorisations, roster) is the
employer's own data, kept under the employment contract: erasing the learner record cuts
the link, so nothing from school flows to it any more, and leaves the record to the
employer.
"""

from __future__ import annotations

from opmaat.learners.models import Learner
from opmaat.learners.sections import PrivacySection
from opmaat.workforce.models import EmployeeLink


def export_section(learner: Learner) -> object:
    return [
        {
            "organisation": link.employee.organisation.name,
            "personnel_number": link.employee.personnel_number,
            "linked_at": link.linked_at.isoformat(),
        }
        for link in EmployeeLink.objects.filter(learner=learner).select_related(
            "employee__organisation"
        )
    ]


def erase(learner: Learner) -> None:
    EmployeeLink.objects.filter(learner=learner).delete()


SECTION = PrivacySection("workforce", (EmployeeLink,), export_section, erase)
