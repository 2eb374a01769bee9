"""Refusals of the recognition (EVC) core besides the moves between phases (evc.py), each
with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.errors import Conflict, InvalidInput


class ChangedMeanwhile(Conflict):
    """Someone else changed the procedure after the person read it: `based_on` is the
    version their step or decision was based on, `current` the version now. Nothing was
    written."""

    code = "changed_meanwhile"

    def __init__(self, based_on: int, current: int) -> None:
        super().__init__(based_on=based_on, current=current)


class NotJudged(InvalidInput):
    """A certificate asked for while werkprocessen are unjudged; `first` names up to five."""

    code = "not_judged"

    def __init__(self, unjudged: Sequence[str]) -> None:
        super().__init__(count=len(unjudged), first=tuple(unjudged[:5]))


class NothingToCertify(InvalidInput):
    code = "nothing_to_certify"

    def __init__(self) -> None:
        super().__init__()


class MalformedCertificate(InvalidInput):
    """A stored ervaringscertificaat that cannot be read back (`format` when it is one this
    version does not know)."""

    code = "malformed_certificate"

    def __init__(self, format: str = "") -> None:
        super().__init__(format=format)


class NotRecognised(InvalidInput):
    """An exemption asked for that the certificate does not recognise: `kind` is unit or
    werkproces."""

    code = "not_recognised"
    variant = "kind"

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(
            field="units" if kind == "unit" else "werkprocessen", kind=kind, value=value
        )


class NotAQualification(InvalidInput):
    """EVC is judged against a qualification; `value` is not one."""

    code = "not_a_qualification"

    def __init__(self, value: str) -> None:
        super().__init__(field="standard", value=value)


class SupersededStandard(InvalidInput):
    """EVC is judged against the current qualification, not one that is superseded."""

    code = "superseded_standard"

    def __init__(self, value: str, name: str, successors: Sequence[str]) -> None:
        super().__init__(field="standard", value=value, name=name, successors=tuple(successors))


class NotInStandard(InvalidInput):
    """Units that are not units of the qualification (`problem` "stranger"), or that have
    no werkprocessen to judge (`problem` "blank"), or a qualification with no units to
    judge at all (`problem` "empty")."""

    code = "scope_unit"
    variant = "problem"

    def __init__(self, problem: str, standard: str, name: str, units: Sequence[str] = ()) -> None:
        super().__init__(
            field="units", problem=problem, standard=standard, name=name, units=tuple(units)
        )


class NotInScope(InvalidInput):
    """A werkproces judged or cited that is not in the procedure's scope."""

    code = "not_in_scope"

    def __init__(self, value: str) -> None:
        super().__init__(value=value)


class NotOnRoute(InvalidInput):
    """A unit advised for EVC that is not on the route, so EVC cannot shorten it."""

    code = "not_on_route"

    def __init__(self, value: str) -> None:
        super().__init__(field="evc_units", value=value)


class EvidenceNotInPortfolio(InvalidInput):
    """A judgement citing evidence from another procedure's portfolio."""

    code = "evidence_not_in_portfolio"

    def __init__(self) -> None:
        super().__init__(field="evidence")


class MetWithoutEvidence(InvalidInput):
    """A werkproces judged met that rests on no piece of evidence."""

    code = "met_without_evidence"

    def __init__(self) -> None:
        super().__init__(field="evidence")


class EvidenceInUse(Conflict):
    """Evidence cited in a judgement stays in the portfolio."""

    code = "evidence_in_use"

    def __init__(self) -> None:
        super().__init__()


class NoCertificateYet(Conflict):
    """A decision asked for before the ervaringscertificaat is drawn up."""

    code = "no_certificate_yet"

    def __init__(self) -> None:
        super().__init__()


class NotAnEvcProvider(InvalidInput):
    code = "not_an_evc_provider"

    def __init__(self, name: str) -> None:
        super().__init__(field="provider", name=name)


class WrongPhase(Conflict):
    """A step that can only be taken in the phases `allowed`, not in `state`."""

    code = "wrong_phase"

    def __init__(self, allowed: Sequence[str], state: str) -> None:
        super().__init__(allowed=tuple(allowed), state=state)
