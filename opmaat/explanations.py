"""The sentences that explain a route and a pre-scan, worded from the facts in their
documents, once, for every edge.

The domain's documents (`route_document`, `reach_document`, `prescan_document`) carry the
facts: durations, counts, the week, the held code and the equivalence rules that cover a
unit, the bar the answers were judged at, the admission rule. This module words them in
the reader's language: the web and the API through gettext (nl by default, en), the CLI
and the stored documents in Dutch as written here. `add_*_texts` fill in the text fields
that scripts have read since before the facts (`explanation`, each `reason`).

A document stored before its facts were (a saved pre-scan, a saved route) keeps the Dutch
sentences it was saved with: where a fact is missing, the stored text is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from opmaat.messages import MONTHS, Translate, gettext_noop, render, untranslated

Document = Mapping[str, object]


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def same(code: str) -> str:
    return code


@dataclass(frozen=True, slots=True)
class Voice:
    """How a reader reads: the language's `translate`, its number marks (Dutch 1.952 and
    26,3; English 1,952 and 26.3) and dates (4 januari 2027; 4 January 2027), and how a
    catalog code is named (`name`: "Nederlands 3F" for NL-3F, where the catalog is at
    hand). The one place where dates and numbers are worded for readers: the web's
    template filters (opmaat.ui) and the command's sentences use it; files and JSON keep
    ISO dates and plain numbers."""

    translate: Translate = untranslated
    english: bool = False
    name: Callable[[str], str] = same

    def __call__(self, text: str) -> str:
        return self.translate(text)

    def day(self, value: object) -> str:
        """A date (or an ISO date string, a datetime's day) as 4 januari 2027; anything
        else as it is."""
        if isinstance(value, str):
            try:
                parsed = date.fromisoformat(value[:10])
            except ValueError:
                return value
            return self.day(parsed)
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            return "" if value is None else str(value)
        month = (ENGLISH_MONTHS if self.english else MONTHS)[value.month - 1]
        return f"{value.day} {month} {value.year}"

    def amount(self, value: object) -> str:
        """Hours and other amounts: whole with a thousands mark, else one decimal
        (1.560, 20, 20,5; English 1,560 and 20.5)."""
        number = as_number(value)
        text = f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"
        if self.english:
            return text
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")

    def names(self, codes: object) -> str:
        """Catalog codes by name, joined: Nederlands 3F, Rekenen 3F."""
        return ", ".join(self.name(str(code)) for code in sequence(codes))

    def hours(self, value: object) -> str:
        """Whole hours with a thousands mark."""
        text = f"{as_number(value):,.0f}"
        return text if self.english else text.replace(",", ".")

    def decimal(self, value: object) -> str:
        """One decimal, none when whole: 26,3 and 32."""
        number = as_number(value)
        text = f"{number:g}" if number.is_integer() else f"{number:.1f}"
        return text if self.english else text.replace(".", ",")


DUTCH = Voice()

KIND_WORDS = {
    "qualification": gettext_noop("diploma"),
    "certificate": gettext_noop("certificaat"),
    "unit": gettext_noop("leereenheid"),
    "outcome": gettext_noop("werkproces"),
    "prior_education": gettext_noop("vooropleiding"),
    "equivalence": gettext_noop("diploma"),
}
CAN_DO_WORDS = {
    "never": gettext_noop("Nooit gedaan"),
    "with_help": gettext_noop("Met hulp"),
    "on_my_own": gettext_noop("Zelfstandig"),
    "teaches_others": gettext_noop("Ik leer het anderen"),
}


def admission_reason(facts: Document, voice: Voice = DUTCH) -> str:
    """Why the target is not open (the admission rule and the diploma it names), or the
    reason stored with the facts when they name no rule; empty when open."""
    if facts.get("open", True) is not False:
        return ""
    rule = str(facts.get("admission_rule") or "")
    if not rule:
        return str(facts.get("reason") or "")
    return render(f"target_not_open.{rule}", {"held": str(facts.get("admission_held", ""))}, voice)


# Routes


def route_sentences(document: Document, voice: Voice = DUTCH) -> list[str]:
    """Why the route of a route document takes as long as it does: its duration against
    the nominal one, what is recognised, the week, and what else makes the difference."""
    facts = with_defaults(mapping(document.get("explanation_facts")), document)
    if not facts:  # stored before there were facts
        return [str(s) for s in sequence(document.get("explanation"))]
    sentences = [duration_sentence(facts, voice)]
    sentences.extend(credited_sentence(facts, voice))
    sentences.append(week_sentence(facts, voice))
    if exam_only := sequence(facts.get("exam_only")):
        codes = voice.names(exam_only)
        sentences.append(
            voice(gettext_noop("Alleen examen (geen lessen): %(codes)s.")) % {"codes": codes}
        )
    sentences.extend(electives_sentence(facts, voice))
    sentences.extend(superseded_sentence(facts.get("superseded_by"), voice))
    if reason := admission_reason(facts, voice):
        sentences.append(reason)
    return sentences


def with_defaults(facts: Document, document: Document) -> Document:
    """The facts of a route stored before some were recorded, completed from the rest:
    nothing is left when nothing is scheduled, an elective rule is quoted only when the
    reduction counts."""
    if not facts:
        return facts
    return {
        "nothing_left": not document.get("schedule"),
        "electives_reduced": bool(facts.get("elective_rule")),
        **facts,
    }


def duration_sentence(facts: Document, voice: Voice) -> str:
    if facts.get("nothing_left"):
        return voice(gettext_noop("Er is niets meer nodig: alles is al behaald of vrijgesteld."))
    return voice(
        gettext_noop("Deze route duurt %(months)s maanden; nominaal %(nominal)s maanden.")
    ) % {
        "months": voice.decimal(facts.get("months")),
        "nominal": voice.decimal(facts.get("nominal_months")),
    }


def credited_sentence(facts: Document, voice: Voice) -> list[str]:
    total = as_number(facts.get("werkprocessen"))
    credited = as_number(facts.get("credited_werkprocessen"))
    counts = {"credited": f"{credited:g}", "total": f"{total:g}"}
    if total and credited:
        text = gettext_noop(
            "%(credited)s van de %(total)s werkprocessen zijn al erkend (behaald, vrijgesteld "
            "of via een certificaat of eerder diploma)."
        )
        if credited == 1:
            text = gettext_noop(
                "1 van de %(total)s werkprocessen is al erkend (behaald, vrijgesteld of via een "
                "certificaat of eerder diploma)."
            )
        return [voice(text) % counts]
    if total:
        return [voice(gettext_noop("Nog geen van de %(total)s werkprocessen is erkend.")) % counts]
    return []


def week_sentence(week: Document, voice: Voice) -> str:
    """The week on its pathway, what it gives a year against the norm, the teaching weeks
    and what the BBL norm (WEB art. 7.2.7) does to it."""
    figures = {
        "work": voice.decimal(week.get("work_hours_per_week")),
        "school": voice.decimal(week.get("school_hours_per_week")),
        "study": voice.decimal(week.get("study_hours_per_week")),
    }
    pathway = week.get("pathway")
    if pathway == "BBL":
        text = gettext_noop(
            "BBL met %(work)s uur werk, %(school)s uur school en %(study)s uur zelfstudie per week"
        )
    elif pathway == "BOL":
        text = gettext_noop("BOL met %(study)s studie-uren per lesweek")
    elif as_number(week.get("work_hours_per_week")):
        text = gettext_noop(
            "De derde leerweg met %(study)s studie-uren per lesweek en %(work)s uur leren op "
            "het werk"
        )
    else:
        text = gettext_noop("De derde leerweg met %(study)s studie-uren per lesweek")
    return voice(
        gettext_noop(
            "%(week)s: %(load)s uur studielast per jaar (de norm is %(norm)s), met %(weeks)s "
            "lesweken per jaar%(norm_clause)s."
        )
    ) % {
        "week": voice(text) % figures,
        "load": voice.hours(week.get("study_load_per_year")),
        "norm": voice.hours(week.get("study_year_hours", 1600)),
        "weeks": f"{as_number(week.get('teaching_weeks_per_year')):g}",
        "norm_clause": bbl_norm_clause(week, voice),
    }


def bbl_norm_clause(week: Document, voice: Voice) -> str:
    if week.get("pathway") != "BBL":
        return ""
    if week.get("meets_bbl_norm") is False:
        return voice(
            gettext_noop(
                "; dit is minder dan de BBL-norm van minstens 610 uur op de werkplek en 200 uur "
                "begeleide onderwijstijd per jaar"
            )
        )
    if week.get("bbl_norm_top_up"):
        return voice(
            gettext_noop(
                "; wie aan de BBL-norm voldoet, studeert elke week minstens in het tempo van een "
                "studiejaar van 1.600 uur"
            )
        )
    return ""


def electives_sentence(facts: Document, voice: Voice) -> list[str]:
    if not facts.get("electives_reduced"):
        return []
    rule = str(facts.get("elective_rule") or "")
    return [
        voice(
            gettext_noop(
                "Keuzedelen: %(applied)s uur in plaats van %(required)s, omdat de route verkort "
                "is%(rule)s."
            )
        )
        % {
            "applied": voice.hours(facts.get("elective_hours_applied")),
            "required": voice.hours(facts.get("elective_hours_required")),
            "rule": f" ({rule})" if rule else "",
        }
    ]


def superseded_sentence(codes: object, voice: Voice) -> list[str]:
    if not (superseded := sequence(codes)):
        return []
    text = gettext_noop(
        "Deze kwalificatie is vervangen door %(codes)s: kies die voor een nieuwe opleiding."
    )
    return [voice(text) % {"codes": ", ".join(str(c) for c in superseded)}]


def add_route_texts(document: dict[str, object], voice: Voice = DUTCH) -> dict[str, object]:
    """The route document with `explanation` and the target's `reason` filled in."""
    document["explanation"] = route_sentences(document, voice)
    reason = admission_reason(mapping(document.get("target")), voice)
    for part in (document.get("target"), document.get("explanation_facts")):
        if isinstance(part, dict):
            part["reason"] = reason
    return document


def add_reach_texts(document: dict[str, object], voice: Voice = DUTCH) -> dict[str, object]:
    """The reach document with each option's `reason` filled in."""
    for option in sequence(document.get("options")):
        if isinstance(option, dict):
            option["reason"] = admission_reason(option, voice)
    return document


def add_advice_texts(document: dict[str, object], voice: Voice = DUTCH) -> dict[str, object]:
    """An EVC advice document with the texts of its routes filled in."""
    evc = document.get("evc")
    for route in (document.get("route"), evc.get("route_after") if isinstance(evc, dict) else None):
        if isinstance(route, dict):
            add_route_texts(route, voice)
    return document


# Pre-scans


def prescan_sentences(document: Document, voice: Voice = DUTCH) -> list[str]:
    """How long the rest takes, expected and with the certain exemptions only, against the
    nominal duration; what is recognised; the week; and, when the person may not start the
    target, why not."""
    week = mapping(document.get("week"))
    if not week:  # stored before the facts were complete
        return [str(s) for s in sequence(document.get("explanation"))]
    target = mapping(document.get("target"))
    sentences = prescan_durations(document, target, voice)
    sentences.extend(recognised_sentence(document, voice))
    sentences.append(week_sentence(week, voice))
    sentences.extend(electives_sentence(document, voice))
    sentences.extend(superseded_sentence(target.get("superseded_by"), voice))
    if reason := admission_reason(document, voice):
        sentences.append(reason)
    return sentences


def prescan_durations(document: Document, target: Document, voice: Voice) -> list[str]:
    nominal = voice(gettext_noop("Nominaal duurt %(target)s %(months)s maanden.")) % {
        "target": target.get("name", ""),
        "months": voice.decimal(document.get("nominal_months")),
    }
    expected = remaining(document, "", voice)
    pessimistic = remaining(document, "_pessimistic", voice)
    if expected == pessimistic:
        return [voice(gettext_noop("Nog nodig: %(duration)s.")) % {"duration": expected}, nominal]
    return [
        voice(
            gettext_noop(
                "Verwacht, als de waarschijnlijke vrijstellingen via EVC worden toegekend: "
                "%(duration)s."
            )
        )
        % {"duration": expected},
        voice(gettext_noop("Alleen met de zekere vrijstellingen: %(duration)s."))
        % {"duration": pessimistic},
        nominal,
    ]


def remaining(document: Document, which: str, voice: Voice) -> str:
    """What is left on one of the two routes: "26,3 maanden (1.952 uur), klaar rond …"."""
    if document.get(f"nothing_left{which}"):
        return voice(gettext_noop("niets meer"))
    finished = date.fromisoformat(str(document.get(f"completion_date{which}")))
    return voice(gettext_noop("%(months)s maanden (%(hours)s uur), klaar rond %(date)s")) % {
        "months": voice.decimal(document.get(f"months_remaining{which}")),
        "hours": voice.hours(document.get(f"remaining_hours{which}")),
        "date": f"{finished:%d-%m-%Y}",
    }


def recognised_sentence(document: Document, voice: Voice) -> list[str]:
    """How many of the target's werkprocessen are recognised, and how many more are likely
    to be; nothing for a target without werkprocessen."""
    total = int(as_number(document.get("werkprocessen")))
    held = int(as_number(document.get("credited_werkprocessen")))
    likely = int(as_number(document.get("credited_werkprocessen_expected"))) - held
    if not total:
        return []
    counts = {"held": held, "total": total, "likely": likely}
    if held == 1:
        sentence = voice(gettext_noop("1 van de %(total)s werkprocessen is al erkend")) % counts
    elif held:
        text = gettext_noop("%(held)s van de %(total)s werkprocessen zijn al erkend")
        sentence = voice(text) % counts
    else:
        text = gettext_noop("Van de %(total)s werkprocessen is er nog geen erkend")
        sentence = voice(text) % counts
    if likely == 1:
        sentence += voice(gettext_noop("; 1 is waarschijnlijk via EVC te erkennen"))
    elif likely > 1:
        text = gettext_noop("; %(likely)s zijn waarschijnlijk via EVC te erkennen")
        sentence += voice(text) % counts
    return [sentence + "."]


def unit_reason(unit: Document, voice: Voice = DUTCH) -> str:
    """Why a unit of a pre-scan got its estimate: the held code and the equivalence rules
    that cover it, or the answers and the rule that judged them."""
    if unit.get("estimate") == "certain":
        return covered_reason(unit, voice)
    if not unit.get("likely_at"):  # stored before the facts were
        return str(unit.get("reason") or "")
    return f"{answers_reason(unit, voice)} {rule_phrase(unit, voice)}"


def covered_reason(unit: Document, voice: Voice) -> str:
    named = mapping(unit.get("covered_by"))
    if not named:
        if "covered_by" not in unit:  # stored before the facts were
            return str(unit.get("reason") or "")
        codes = ", ".join(str(c) for c in sequence(unit.get("via")))
        text = gettext_noop("Vrijstelling: alle werkprocessen zijn samen erkend met %(codes)s.")
        return voice(text) % {"codes": codes}
    kind, code, name = str(named.get("kind", "")), str(named["code"]), str(named.get("name", ""))
    word = voice(KIND_WORDS.get(kind, gettext_noop("code")))
    described = f"{word} {code}" + (f" ({name})" if name and name != code else "")
    if kind == "unit":
        return voice(gettext_noop("Al behaald: %(held)s.")) % {"held": described}
    rules = [equivalence_phrase(mapping(e), voice) for e in sequence(unit.get("equivalences"))]
    quoted = f" ({'; '.join(rules)})" if rules else ""
    return voice(gettext_noop("Vrijstelling op grond van %(held)s%(rules)s.")) % {
        "held": described,
        "rules": quoted,
    }


def equivalence_phrase(rule: Document, voice: Voice) -> str:
    """An equivalence rule as a reason quotes it: of what it counts for, the codes on the
    way to this unit."""
    counts_for = [str(c) for c in sequence(rule.get("counts_for"))]
    relevant = [str(c) for c in sequence(rule.get("relevant"))] or counts_for
    more = " …" if len(relevant) < len(counts_for) else ""
    text = voice(gettext_noop("gelijkwaardigheid: %(source)s telt voor %(codes)s")) % {
        "source": rule.get("source", ""),
        "codes": ", ".join(relevant) + more,
    }
    if rule.get("note"):
        text += f", {rule['note']}"
    if rule.get("provisional"):
        text += ", " + voice(gettext_noop("voorlopig"))
    return text


def answers_reason(unit: Document, voice: Voice) -> str:
    """Why the answers on the werkprocessen that count (those met at the bar) give the
    unit's estimate."""
    counted = [str(c) for c in sequence(unit.get("counted_outcomes"))]
    met = {str(c) for c in sequence(unit.get("met_outcomes"))}
    missing = [c for c in counted if c not in met]
    if not counted:
        return voice(
            gettext_noop(
                "Dit onderdeel heeft geen werkprocessen om te beantwoorden; zonder diploma of "
                "certificaat is een vrijstelling niet in te schatten."
            )
        )
    bar = voice(CAN_DO_WORDS.get(str(unit.get("likely_at")), gettext_noop("Zelfstandig")))
    given = {
        "bar": bar,
        "n": len(counted),
        "m": len(counted) - len(missing),
        "missing": ", ".join(missing),
        "percent": f"{as_number(unit.get('possible_share')) * 100:.0f}%",
    }
    estimate = unit.get("estimate")
    if estimate == "likely":
        text = (
            gettext_noop(
                "Het werkproces dat telt: ‘%(bar)s’ of hoger (of al erkend). Met bewijs daarvan "
                "is vrijstelling via EVC waarschijnlijk: EVC vraagt bewust bekwaam op alle "
                "werkprocessen."
            )
            if len(counted) == 1
            else gettext_noop(
                "Alle %(n)s werkprocessen die tellen: ‘%(bar)s’ of hoger (of al erkend). Met "
                "bewijs daarvan is vrijstelling via EVC waarschijnlijk: EVC vraagt bewust "
                "bekwaam op alle werkprocessen."
            )
        )
    elif len(counted) == 1:
        text = gettext_noop("Het werkproces dat telt is nog niet ‘%(bar)s’ of hoger: %(missing)s.")
    elif estimate == "possible":
        text = gettext_noop(
            "%(m)s van de %(n)s werkprocessen die tellen: ‘%(bar)s’ of hoger (mogelijk vanaf "
            "%(percent)s); nog niet: %(missing)s."
        )
    else:
        text = gettext_noop(
            "%(m)s van de %(n)s werkprocessen die tellen: ‘%(bar)s’ of hoger, minder dan "
            "%(percent)s; nog niet: %(missing)s."
        )
    return voice(text) % given


def rule_phrase(unit: Document, voice: Voice) -> str:
    if unit.get("basis") != "unit_rule":
        return voice(gettext_noop("(Standaardregel.)"))
    note = str(unit.get("rule_note") or "")
    return voice(gettext_noop("(Regel van de catalogusredactie voor %(code)s%(note)s.)")) % {
        "code": unit.get("code", ""),
        "note": f": {note}" if note else "",
    }


def add_prescan_texts(document: dict[str, object], voice: Voice = DUTCH) -> dict[str, object]:
    """The pre-scan document with `explanation`, `reason` and each unit's `reason` filled
    in."""
    reason = admission_reason(document, voice)
    document["reason"] = reason
    if isinstance(target := document.get("target"), dict):
        target["reason"] = reason
    for unit in sequence(document.get("units")):
        if isinstance(unit, dict):
            unit["reason"] = unit_reason(unit, voice)
    document["explanation"] = prescan_sentences(document, voice)
    return document


# Reading documents


def mapping(value: object) -> Document:
    return value if isinstance(value, Mapping) else {}


def sequence(value: object) -> Sequence[object]:
    return value if isinstance(value, list | tuple) else ()


def as_number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0
