"""The reserved acts of Wet BIG art. 36, as default data for every functiehuis.

Source: rijksoverheid.nl, opdrachtregeling voorbehouden handelingen (2023-10-06): the
reserved acts fall in 14 categories. The five-year validity is a common procedure (a theory
plus practical test gives a competence statement valid 5 years: summaries of the standard
textbook on voorbehouden handelingen), not law: an organisation sets its own per act.
"""

from __future__ import annotations

from opmaat.domain.workforce.model import Act

BIG_SOURCE = "Wet BIG art. 36; rijksoverheid.nl, opdrachtregeling voorbehouden handelingen"
# A default the organisation edits; the common procedure, not a legal term.
DEFAULT_VALIDITY_MONTHS = 60

_CATEGORIES = (
    ("BIG-HEELKUNDIG", "Heelkundige handelingen"),
    ("BIG-VERLOSKUNDIG", "Verloskundige handelingen"),
    ("BIG-ENDOSCOPIE", "Endoscopieën"),
    ("BIG-KATHETERISATIE", "Katheterisaties"),
    ("BIG-INJECTIE", "Injecties"),
    ("BIG-PUNCTIE", "Puncties"),
    ("BIG-NARCOSE", "Narcose"),
    ("BIG-RADIOACTIEF", "Handelingen met radioactieve stoffen en ioniserende straling"),
    ("BIG-CARDIOVERSIE", "Electieve cardioversie"),
    ("BIG-DEFIBRILLATIE", "Defibrillatie"),
    ("BIG-ECT", "Electroconvulsieve therapie"),
    ("BIG-STEENVERGRUIZING", "Steenvergruizing"),
    ("BIG-FERTILISATIE", "Kunstmatige fertilisatie"),
    ("BIG-VOORSCHRIJVEN", "Voorschrijven van receptgeneesmiddelen"),
)

BIG_ACTS: tuple[Act, ...] = tuple(
    Act(code, name, reserved=True, validity_months=DEFAULT_VALIDITY_MONTHS, source=BIG_SOURCE)
    for code, name in _CATEGORIES
)
