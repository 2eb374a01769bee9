"""The workforce app's only writer, and the bridge between its rows and the domain values
of opmaat.domain.workforce.

Every write takes the acting user, checks what it may do (opmaat.workforce.access), runs
in one transaction and leaves a `WorkforceEvent`: who, when, what and on what evidence.
School data about a linked learner reaches an `Employee` value only while the learner's
consent for the organisation stands (`school_data`), by the same rule that guards the
learner's record (opmaat.domain.access.acts_on_record).

One module per idea: `functiehuis`, `staff` (employees and what they bring),
`authorisations`, `proposals`, `coverage` (coverage, demand, routes, carving), `files`
(uploads), `common` (audit, the HR guard); every name is re-exported here.
"""

from __future__ import annotations

from opmaat.workforce.services.authorisations import (
    REMINDER_DAYS,
    Reminder,
    do_record_authorisation,
    do_revoke_authorisation,
    expiring_for,
    reminders,
)
from opmaat.workforce.services.common import audit, require_hr, teams_of, week_start
from opmaat.workforce.services.coverage import (
    Staff,
    best_units,
    carving_of,
    coverage_of,
    demand_of,
    heatmap_of,
    holdings_for_route,
    needs_of,
    roster_of,
    route_for,
    staff_of,
)
from opmaat.workforce.services.files import (
    IMPORTS,
    do_import,
    do_import_functiehuis,
    do_import_needs,
    do_import_roster,
    do_import_staff,
    saved_upload,
)
from opmaat.workforce.services.functiehuis import (
    act_of,
    check_functiehuis,
    do_replace_functiehuis,
    do_save_draft_function,
    functiehuis_of,
    function_of,
    function_row,
    rule_of,
    rule_row,
    save_act,
    task_of,
    task_row,
    with_big_acts,
)
from opmaat.workforce.services.proposals import (
    do_decide_proposal,
    do_refresh_proposals,
    pending_proposals,
)
from opmaat.workforce.services.staff import (
    Credits,
    SchoolData,
    authorisations_of,
    completed_units,
    deployability_of,
    employee_value,
    employee_values,
    levels_of,
    link_of,
    linked_learner_consents,
    own_credit,
    school_data,
    staff_rows,
    today,
    werkprocessen_under,
)

__all__ = [
    "IMPORTS",
    "REMINDER_DAYS",
    "Credits",
    "Reminder",
    "SchoolData",
    "Staff",
    "act_of",
    "audit",
    "authorisations_of",
    "best_units",
    "carving_of",
    "check_functiehuis",
    "completed_units",
    "coverage_of",
    "demand_of",
    "deployability_of",
    "do_decide_proposal",
    "do_import",
    "do_import_functiehuis",
    "do_import_needs",
    "do_import_roster",
    "do_import_staff",
    "do_record_authorisation",
    "do_refresh_proposals",
    "do_replace_functiehuis",
    "do_revoke_authorisation",
    "do_save_draft_function",
    "employee_value",
    "employee_values",
    "expiring_for",
    "functiehuis_of",
    "function_of",
    "function_row",
    "heatmap_of",
    "holdings_for_route",
    "levels_of",
    "link_of",
    "linked_learner_consents",
    "needs_of",
    "own_credit",
    "pending_proposals",
    "reminders",
    "require_hr",
    "roster_of",
    "route_for",
    "rule_of",
    "rule_row",
    "save_act",
    "saved_upload",
    "school_data",
    "staff_of",
    "staff_rows",
    "task_of",
    "task_row",
    "teams_of",
    "today",
    "week_start",
    "werkprocessen_under",
    "with_big_acts",
]
