"""What every refusal says, once, for every edge.

The domain raises a `DomainError` with a `code` and data and decides no words. This module
maps each code (or `code.<variant>`, see `DomainError.message_key`) to a Dutch template
with named placeholders, marked for gettext: the web and the API render it in the active
language (nl by default, en), the CLI in Dutch as written here. It imports no app, only
the domain's errors, so every edge can use it.

A plural message picks its form by its count as both Dutch and English do: the first for
exactly one, the second otherwise; each form is then translated on its own.
docs/errors.md lists every message in both languages (tests/test_errors_doc.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from opmaat.domain.errors import DomainError, Problem, Said, Value

Translate = Callable[[str], str]


def gettext_noop(text: str) -> str:
    """Marks `text` for the catalog (makemessages knows the name) and returns it as it is;
    Django's own would need settings, which the CLI does not always load."""
    return text


@dataclass(frozen=True, slots=True)
class Plural:
    one: str
    other: str
    count: str = "count"  # the data item that chooses

    def pick(self, params: Mapping[str, object]) -> str:
        return self.one if params.get(self.count) == 1 else self.other


Message = str | Plural

MESSAGES: dict[str, Message] = {
    # The roots of the tree, for a subclass without a message of its own.
    "domain_error": gettext_noop("Dit kan niet."),
    "invalid_input": gettext_noop("Deze invoer is niet geldig."),
    "conflict": gettext_noop("Dit kan nu niet."),
    # Codes and catalogs
    "unknown_code": gettext_noop("Onbekende code ‘%(value)s’."),
    "unknown_code.closest": gettext_noop("Onbekende code ‘%(value)s’; bedoelt u %(closest)s?"),
    "unknown_name": gettext_noop(
        "Geen code of naam ‘%(value)s’ gevonden. Typ een deel van de code of de naam en kies "
        "uit de lijst."
    ),
    "unknown_name.closest": gettext_noop(
        "Geen code of naam ‘%(value)s’ gevonden; bedoelt u %(closest)s?"
    ),
    "ambiguous_name": gettext_noop(
        "Meer dan één onderdeel heet ‘%(value)s’: %(choices)s. Kies de code uit de lijst."
    ),
    "file_problems": Plural(
        gettext_noop("Het bestand heeft een probleem: %(first)s"),
        gettext_noop("Het bestand heeft %(count)d problemen; het eerste: %(first)s"),
    ),
    "invalid_catalog": Plural(
        gettext_noop("Het catalogusbestand heeft een probleem: %(first)s"),
        gettext_noop("Het catalogusbestand heeft %(count)d problemen; het eerste: %(first)s"),
    ),
    # Backups (opmaat backup / opmaat restore)
    "bad_backup": gettext_noop("Dit is geen bruikbare back-up."),
    "bad_backup.not_a_backup": gettext_noop("Dit is geen back-up van opmaat (%(member)s)."),
    "bad_backup.version": gettext_noop(
        "Deze back-up heeft een onbekende opmaakversie (%(detail)s); herstel met de opmaat "
        "die hem maakte."
    ),
    "bad_backup.missing": gettext_noop("De back-up is onvolledig: %(member)s ontbreekt."),
    "bad_backup.checksum": gettext_noop(
        "De back-up is beschadigd: %(member)s klopt niet met de controlesom; er is niets veranderd."
    ),
    "bad_backup.unsafe_name": gettext_noop(
        "De back-up bevat een bestandsnaam buiten de uploadmap (%(member)s); er is niets veranderd."
    ),
    "bad_backup.newer": gettext_noop(
        "Deze back-up is gemaakt met een nieuwere opmaat (migratie %(detail)s); werk opmaat "
        "eerst bij."
    ),
    # Loading a catalog over learners' records (opmaat catalog load, /catalogus/laden/)
    "catalog_drops_recognition": Plural(
        gettext_noop(
            "Na het laden tellen %(codes)s niet meer mee, terwijl 1 deelnemer ernaar "
            "verwijst; de gelijkwaardigheidstabel van het bestand zegt niet waarvoor ze nu "
            "gelden. Neem ze daarin op, of laad het bestand toch: dan wordt de route opnieuw "
            "gepland."
        ),
        gettext_noop(
            "Na het laden tellen %(codes)s niet meer mee, terwijl %(count)d deelnemers ernaar "
            "verwijzen; de gelijkwaardigheidstabel van het bestand zegt niet waarvoor ze nu "
            "gelden. Neem ze daarin op, of laad het bestand toch: dan worden hun routes "
            "opnieuw gepland."
        ),
    ),
    # What is wrong in one place of a file (domain.errors.Said), after its location
    "problem.not_whole": gettext_noop("verwacht een geheel getal, niet ‘%(value)s’"),
    "problem.not_number": gettext_noop("verwacht een getal, niet ‘%(value)s’"),
    "problem.not_date": gettext_noop("verwacht een datum JJJJ-MM-DD, niet ‘%(value)s’"),
    "problem.not_bool": gettext_noop("verwacht ja of nee, niet ‘%(value)s’"),
    "problem.not_one_of": gettext_noop("verwacht een van %(allowed)s, niet ‘%(value)s’"),
    "problem.too_small": gettext_noop("moet %(low)s of meer zijn, niet %(value)s"),
    "problem.out_of_range": gettext_noop("moet tussen %(low)s en %(high)s liggen, niet %(value)s"),
    "problem.missing_column": gettext_noop("kolom ontbreekt (de kopregel heeft: %(header)s)"),
    "problem.column_twice": gettext_noop("kolom staat twee keer in de kopregel"),
    "problem.not_utf8": gettext_noop("geen UTF-8-tekst (bij byte %(byte)s)"),
    "problem.not_xlsx": gettext_noop("geen Excel-werkmap (.xlsx)"),
    "problem.control_character": gettext_noop("bevat een stuurteken (%(char)s)"),
    "problem.unpacks_too_large": gettext_noop(
        "pakt uit tot meer dan %(limit_mb)s MB of %(parts)s onderdelen; zo’n werkmap wordt "
        "niet gelezen"
    ),
    "problem.file_type": gettext_noop("onbekend bestandstype (verwacht .csv of .xlsx)"),
    "problem.cannot_read": gettext_noop("niet te lezen: %(detail)s"),
    "problem.empty_file": gettext_noop("leeg bestand: verwacht een kopregel met de kolomnamen"),
    "problem.duplicate_id": gettext_noop("id ‘%(value)s’ staat ook op rij %(row)s"),
    "problem.before": gettext_noop("ligt voor %(other)s"),
    "problem.too_many": gettext_noop("%(count)s voorkeuren, hoogstens %(most)s toegestaan"),
    "problem.unknown_student": gettext_noop("onbekende student ‘%(value)s’"),
    "problem.unknown_place": gettext_noop("onbekende plaats ‘%(value)s’"),
    "problem.student_twice": gettext_noop("student ‘%(value)s’ staat er twee keer in"),
    "problem.place_twice": gettext_noop("plaats ‘%(value)s’ staat er twee keer in"),
    "problem.unknown_employee": gettext_noop("onbekende medewerker ‘%(value)s’"),
    "problem.unknown_team": gettext_noop("onbekend team ‘%(value)s’"),
    "problem.not_time": gettext_noop("verwacht een tijd UU:MM, niet ‘%(value)s’"),
    "problem.missing_sheet": gettext_noop("het blad ‘%(sheet)s’ ontbreekt"),
    "problem.unknown_code": gettext_noop("onbekende code %(value)s"),
    # What the catalog's consistency checks find (domain.catalog.checks), after its location
    "problem.not_positive": gettext_noop("moet meer dan 0 zijn, niet %(value)s"),
    "problem.beyond_field": gettext_noop(
        "moet tussen 0 en %(other)s (%(high)s) liggen, niet %(value)s"
    ),
    "problem.before_date": gettext_noop("ligt voor %(other)s (%(day)s)"),
    "problem.obligation_not_generic": gettext_noop(
        "alleen een generiek vak (loopbaan en burgerschap) kan een verplichting zijn"
    ),
    "problem.not_sum_of_werkprocessen": gettext_noop(
        "moet gelijk zijn aan de uren van de werkprocessen samen (%(hours)s), niet %(value)s; "
        "pas in plaats daarvan de uren van de werkprocessen aan"
    ),
    "problem.unknown_unit": gettext_noop("onbekende leereenheid %(value)s"),
    "problem.unknown_werkproces": gettext_noop("onbekend werkproces %(value)s"),
    "problem.unknown_unit_or_werkproces": gettext_noop(
        "onbekende leereenheid of onbekend werkproces %(value)s"
    ),
    "problem.unknown_qualification": gettext_noop("onbekende kwalificatie %(value)s"),
    "problem.generic_in_units": gettext_noop(
        "%(value)s is een generiek vak; noem het onder generic"
    ),
    "problem.cut_without_name": gettext_noop("een indeling heeft een naam nodig"),
    "problem.cut_twice": gettext_noop("indeling ‘%(name)s’ staat er twee keer in"),
    "problem.cut_misses": gettext_noop(
        "indeling ‘%(name)s’ mist werkprocessen van de standaardindeling: %(codes)s"
    ),
    "problem.cut_extra": gettext_noop(
        "indeling ‘%(name)s’ heeft werkprocessen buiten de standaardindeling: %(codes)s"
    ),
    "problem.successor_superseded": gettext_noop("%(value)s is zelf ook vervangen"),
    "problem.generic_unit_missing": gettext_noop(
        "heeft de generieke leereenheid %(value)s nodig, maar die staat niet in de catalogus"
    ),
    "problem.generic_unit_kind": gettext_noop(
        "heeft de generieke leereenheid %(value)s nodig, maar die is van soort %(unit_kind)s, "
        "niet generic"
    ),
    "problem.prerequisite_cycle": gettext_noop("de voorwaarden vormen een kring: %(cycle)s"),
    # What makes a document no credential to verify (domain.credentials.verify)
    "problem.credential_context": gettext_noop(
        "@context is geen lijst die begint met %(expected)s"
    ),
    "problem.credential_type": gettext_noop("type is geen lijst met VerifiableCredential"),
    "problem.credential_issuer": gettext_noop("de uitgever (issuer) ontbreekt"),
    "problem.credential_subject": gettext_noop(
        "de gegevens over de houder (credentialSubject) ontbreken"
    ),
    "problem.credential_id": gettext_noop("id is geen tekst"),
    "problem.credential_datetime": gettext_noop("%(field)s is geen datum en tijd met een tijdzone"),
    "problem.credential_proof": gettext_noop("er is geen handtekening (proof), of meer dan één"),
    # Stagematching: why each student got their place (domain.matching.explain)
    "matching.match": gettext_noop("Geplaatst op voorkeur %(choice)s (%(place)s)."),
    "matching.fill_no_preferences": gettext_noop(
        "Geplaatst in de aanvulronde op %(place)s: u had geen voorkeuren opgegeven."
    ),
    "matching.fill": gettext_noop(
        "Geplaatst in de aanvulronde op %(place)s: deze plek stond niet op uw lijst, en geen "
        "van uw voorkeuren kon u plaatsen."
    ),
    "matching.none_no_preferences": gettext_noop(
        "Niet geplaatst: u heeft geen voorkeuren opgegeven."
    ),
    "matching.none": gettext_noop("Niet geplaatst: geen van uw voorkeuren kon u plaatsen."),
    "matching.full": gettext_noop(
        "Voorkeur %(choice)s (%(place)s) was vol met studenten die de plek hoger rangschikte."
    ),
    "matching.no_seats": gettext_noop("Voorkeur %(choice)s (%(place)s) had geen plaatsen."),
    "matching.not_ranked": gettext_noop(
        "Voorkeur %(choice)s (%(place)s) heeft u niet gerangschikt."
    ),
    "matching.not_eligible": gettext_noop(
        "Voorkeur %(choice)s (%(place)s): niet geschikt, %(detail)s."
    ),
    "matching.reserved": gettext_noop(
        "de plek is tot de terugvaldatum gereserveerd voor %(school)s"
    ),
    "matching.qualification": gettext_noop(
        "de plek is voor kwalificatie %(offered)s, u volgt %(qualification)s"
    ),
    "matching.level": gettext_noop("de plek is voor niveau %(levels)s, u volgt niveau %(level)s"),
    "matching.pathway": gettext_noop("de plek is %(place_pathway)s, u volgt %(pathway)s"),
    "matching.period": gettext_noop(
        "de periode %(period)s valt buiten uw beschikbaarheid (%(available)s)"
    ),
    "matching.distance": gettext_noop("de plek ligt %(km)s km weg, uw maximum is %(max_km)s km"),
    "matching.span": gettext_noop("%(begin)s t/m %(end)s"),
    "matching.span.from": gettext_noop("vanaf %(begin)s"),
    "matching.span.until": gettext_noop("tot en met %(end)s"),
    # Routes
    "prerequisite_cycle": gettext_noop(
        "De voorwaarden van deze eenheden vormen een kring: %(cycle)s."
    ),
    "invalid_pace": gettext_noop("Het aantal uren per week moet meer dan 0 zijn, niet %(value)s."),
    "not_a_target": gettext_noop(
        "‘%(value)s’ is geen doel: een route gaat naar een kwalificatie, een leereenheid of "
        "een certificaat."
    ),
    "not_a_target.outcome": gettext_noop(
        "‘%(value)s’ is een werkproces: een route gaat naar een kwalificatie, een leereenheid "
        "of een certificaat."
    ),
    "not_a_target.equivalence": gettext_noop(
        "‘%(value)s’ is een oude vooropleiding: een route gaat naar een kwalificatie, een "
        "leereenheid of een certificaat."
    ),
    "hours_out_of_range": gettext_noop("Uren per week moeten 0 of meer zijn, niet %(value)s."),
    "hours_out_of_range.limit": gettext_noop(
        "Uren per week moeten tussen 0 en %(limit)s liggen, niet %(value)s."
    ),
    "work_hours_in_bol": gettext_noop(
        "Bij BOL tellen werkuren niet als studielast; kies BBL als u werkt en leert."
    ),
    "week_too_long": gettext_noop("Een week van %(hours)s uur is meer dan %(limit)s uur."),
    "no_hours": gettext_noop(
        "Met deze week is geen route te plannen: geef studie- of werkuren op."
    ),
    "needs_study_hours": gettext_noop(
        "Generieke vakken en examens vragen school- of zelfstudie-uren: geef studie-uren per "
        "week op."
    ),
    "route_too_long": gettext_noop(
        "Een route die op %(start)s begint, zou na het jaar 9999 eindigen."
    ),
    "route_too_long.years": gettext_noop(
        "Een route die op %(start)s begint, duurt met deze uren meer dan %(years)s jaar."
    ),
    "no_such_cut": gettext_noop("%(qualification)s heeft geen uitstroom ‘%(cut)s’; wel: %(cuts)s."),
    "not_generic": gettext_noop(
        "%(value)s is geen generiek vak: alleen van generieke vakken kan alleen het examen "
        "worden gepland."
    ),
    "negative_months": gettext_noop("Het aantal maanden moet 0 of meer zijn, niet %(value)s."),
    "invalid_matrix": gettext_noop("De rekenmatrix van de verkenning klopt niet (%(problem)s)."),
    "beyond_horizon": gettext_noop("De route is niet af vóór %(horizon)s."),
    "invalid_pathway": gettext_noop(
        "%(target)s wordt niet aangeboden in %(pathway)s; wel in %(offered)s."
    ),
    "target_not_open": gettext_noop("Dit doel staat niet open."),
    # The admission rules (domain.routes.admission), also the reason a route gives
    "target_not_open.entree": gettext_noop(
        "Entree is alleen voor wie nog niet toelaatbaar is tot een opleiding op niveau 2 "
        "(WEB art. 8.1.1b); met %(held)s kun je meteen een opleiding op niveau 2 volgen."
    ),
    "target_not_open.specialist": gettext_noop(
        "Een specialistenopleiding vraagt een diploma op niveau 3 in hetzelfde beroepenveld "
        "(WEB art. 8.2.1 lid 2); de school kan na een toelatingsonderzoek een uitzondering maken."
    ),
    # Stagematching
    "duplicate_id": gettext_noop("Id ‘%(value)s’ komt twee keer voor."),
    "duplicate_id.place": gettext_noop("Plaats ‘%(value)s’ komt twee keer voor."),
    "duplicate_id.student": gettext_noop("Student ‘%(value)s’ komt twee keer voor."),
    "unknown_reference": gettext_noop("‘%(owner)s’ noemt een onbekende id ‘%(value)s’."),
    "unknown_reference.place": gettext_noop(
        "De voorkeuren van student ‘%(owner)s’ noemen een onbekende plaats ‘%(value)s’."
    ),
    "unknown_reference.student": gettext_noop(
        "De rangorde van plaats ‘%(owner)s’ noemt een onbekende student ‘%(value)s’."
    ),
    "repeated_entry": gettext_noop("‘%(owner)s’ noemt ‘%(value)s’ twee keer."),
    "repeated_entry.place": gettext_noop(
        "De voorkeuren van student ‘%(owner)s’ noemen plaats ‘%(value)s’ twee keer."
    ),
    "repeated_entry.student": gettext_noop(
        "De rangorde van plaats ‘%(owner)s’ noemt student ‘%(value)s’ twee keer."
    ),
    "negative_capacity": gettext_noop("Plaats ‘%(place)s’ heeft een negatieve capaciteit."),
    "fill_too_large": gettext_noop(
        "De aanvulling zou %(pairs)s combinaties van student en plaats wegen (hoogstens "
        "%(limit)s); voer haar per regio uit."
    ),
    "invalid_matching_file": Plural(
        gettext_noop("Het bestand heeft een probleem: %(first)s"),
        gettext_noop("Het bestand heeft %(count)d problemen; het eerste: %(first)s"),
    ),
    # Regional planning (opmaat.domain.forecasting)
    "forecast_rate_out_of_range": gettext_noop(
        "Kengetal %(what)s moet tussen 0 en 1 liggen, met laag ≤ waarde ≤ hoog; niet %(value)s."
    ),
    "forecast_outflow_exceeds_stock": gettext_noop(
        "In %(region)s, %(qualification)s, leeftijdsgroep %(band)s vertrekt per jaar meer dan "
        "er werken (samen %(total)s)."
    ),
    "forecast_negative_figure": gettext_noop("%(what)s kan niet negatief zijn."),
    "forecast_shape_mismatch": gettext_noop(
        "De cijfers voor %(what)s passen niet bij het plan (verwacht %(expected)s, kreeg "
        "%(given)s)."
    ),
    "forecast_missing_year": gettext_noop("Er ontbreken cijfers voor %(what)s in %(year)s."),
    "forecast_unknown_cell": gettext_noop(
        "Het plan heeft geen cijfers voor %(qualification)s in %(region)s."
    ),
    "forecast_missing_duration": gettext_noop(
        "Voor route %(route)s ontbreekt de duur tot inzetbaar."
    ),
    "planning_name_taken": gettext_noop("Er is al een scenario ‘%(name)s’ in deze regio."),
    "forecast_too_many_draws": gettext_noop("Hoogstens %(limit)s trekkingen, niet %(draws)s."),
    "round_state": gettext_noop("Dit kan niet in deze fase van de ronde."),
    "round_state.places": gettext_noop(
        "De plaatsen kunnen in deze fase van de ronde niet veranderen."
    ),
    "round_state.students": gettext_noop(
        "De studenten kunnen in deze fase van de ronde niet veranderen."
    ),
    "round_state.run": gettext_noop("De matching kan in deze fase van de ronde niet draaien."),
    "round_state.advance": gettext_noop(
        "Deze fase gaat alleen verder door een versie te publiceren."
    ),
    "round_state.publish": gettext_noop("Publiceren kan alleen in de fase van de matching."),
    "missing_upload": gettext_noop("Lees eerst het bestand in."),
    "missing_upload.places": gettext_noop("Lees eerst de plaatsen in; daarna begint de verdeling."),
    "missing_upload.students": gettext_noop(
        "Lees eerst de studenten in; daarna begint de matching."
    ),
    "negative_return_days": gettext_noop(
        "De teruggavetermijn moet 0 of meer dagen zijn, niet %(value)s."
    ),
    # Pre-scan
    "invalid_answer": gettext_noop("‘%(value)s’ is geen van de antwoorden %(choices)s."),
    "outcome_not_in_target": gettext_noop("%(value)s is geen werkproces van %(target)s."),
    "outcome_not_in_target.closest": gettext_noop(
        "%(value)s is geen werkproces van %(target)s; bedoelt u %(closest)s?"
    ),
    "invalid_prescan_rule": gettext_noop("Deze pre-scanregel %(unit)s schat zonder bewijs."),
    "invalid_prescan_rule.likely_at": gettext_noop(
        "Pre-scanregel %(unit)s: de drempel moet boven ‘nooit’ liggen."
    ),
    "invalid_prescan_rule.possible_share": gettext_noop(
        "Pre-scanregel %(unit)s: het aandeel moet boven 0 liggen en hoogstens 1 zijn."
    ),
    # Recognition (EVC)
    "illegal_transition": gettext_noop("Die stap bestaat niet vanuit deze fase."),
    "changed_meanwhile": gettext_noop(
        "Dit EVC-traject is intussen door iemand anders gewijzigd. Er is niets opgeslagen: "
        "bekijk de nieuwe stand en probeer het zo nodig opnieuw."
    ),
    "transition_not_allowed": gettext_noop("U mag het traject in deze fase niet verder zetten."),
    "transition_blocked": gettext_noop("Het traject is nog niet klaar voor deze stap."),
    "transition_blocked.no_evidence": gettext_noop("Het portfolio bevat nog geen bewijs."),
    "transition_blocked.needs_evidence": Plural(
        gettext_noop("Voor %(count)d werkproces is nog meer bewijs nodig."),
        gettext_noop("Voor %(count)d werkprocessen is nog meer bewijs nodig."),
    ),
    "transition_blocked.unjudged": Plural(
        gettext_noop("%(count)d werkproces is nog niet beoordeeld."),
        gettext_noop("%(count)d werkprocessen zijn nog niet beoordeeld."),
    ),
    "transition_blocked.nothing_to_return": gettext_noop(
        "Geen enkel werkproces staat op ‘meer bewijs nodig’."
    ),
    "transition_blocked.no_certificate": gettext_noop(
        "Het ervaringscertificaat is nog niet opgesteld."
    ),
    "transition_blocked.no_decision": gettext_noop(
        "De examencommissie heeft nog geen besluit vastgelegd."
    ),
    "upload_refused": gettext_noop("Dit bestand wordt niet aangenomen."),
    "upload_refused.empty": gettext_noop("Het bestand is leeg."),
    "upload_refused.too_large": gettext_noop(
        "Het bestand is %(detail)s MB; dat is te groot (hoogstens %(limit)s MB)."
    ),
    "upload_refused.type": gettext_noop(
        "Dit soort bestand (%(detail)s) wordt niet aangenomen. Toegestaan: %(allowed)s."
    ),
    "upload_refused.archive": gettext_noop(
        "Dit document pakt uit tot te veel of te grote onderdelen, of bevat een ander archief "
        "(%(detail)s), en wordt niet aangenomen. Sla het op als PDF."
    ),
    "upload_refused.name": gettext_noop("‘%(detail)s’ is geen opgeslagen bestand."),
    "not_judged": Plural(
        gettext_noop("%(count)d werkproces is nog niet beoordeeld: %(first)s."),
        gettext_noop("%(count)d werkprocessen zijn nog niet beoordeeld, onder meer %(first)s."),
    ),
    "nothing_to_certify": gettext_noop(
        "Geen enkel werkproces is als behaald beoordeeld: er is niets te certificeren."
    ),
    "malformed_certificate": gettext_noop("Het opgeslagen ervaringscertificaat is niet te lezen."),
    "not_recognised": gettext_noop("Het ervaringscertificaat erkent %(value)s niet."),
    "not_recognised.unit": gettext_noop(
        "Het ervaringscertificaat erkent de eenheid %(value)s niet."
    ),
    "not_recognised.werkproces": gettext_noop(
        "Het ervaringscertificaat erkent het werkproces %(value)s niet."
    ),
    "not_a_qualification": gettext_noop(
        "%(value)s is geen kwalificatie: EVC wordt beoordeeld tegen een kwalificatie."
    ),
    "superseded_standard": gettext_noop(
        "%(value)s %(name)s is vervangen door %(successors)s: EVC wordt beoordeeld tegen de "
        "geldende kwalificatie."
    ),
    "scope_unit": gettext_noop("Deze eenheden passen niet bij %(standard)s %(name)s: %(units)s."),
    "scope_unit.stranger": gettext_noop("%(units)s: geen eenheid van %(standard)s %(name)s."),
    "scope_unit.blank": gettext_noop("%(units)s: geen werkprocessen om te beoordelen."),
    "scope_unit.empty": gettext_noop(
        "%(standard)s %(name)s heeft geen eenheden met werkprocessen."
    ),
    "not_in_scope": gettext_noop("%(value)s is geen werkproces binnen dit traject."),
    "not_on_route": gettext_noop(
        "%(value)s is geen eenheid op deze route: EVC kan haar niet verkorten."
    ),
    "evidence_not_in_portfolio": gettext_noop(
        "Alleen bewijs uit het portfolio van dit traject telt."
    ),
    "met_without_evidence": gettext_noop(
        "Een behaald werkproces berust op minstens één bewijsstuk."
    ),
    "evidence_in_use": gettext_noop(
        "Dit bewijs is gebruikt in een oordeel en blijft in het portfolio."
    ),
    "no_certificate_yet": gettext_noop("Er is nog geen ervaringscertificaat om over te besluiten."),
    "not_an_evc_provider": gettext_noop("%(name)s is geen EVC-aanbieder."),
    "wrong_phase": gettext_noop("Dit kan in deze fase van het traject niet."),
    # Certificates, diplomas and progress
    "credential_malformed": gettext_noop(
        "Dit is geen JSON-bestand van een certificaat of diploma."
    ),
    "credential_malformed.duplicate_key": gettext_noop(
        "In dit bestand staat de naam ‘%(detail)s’ twee keer in één object; zo’n bestand is "
        "niet eenduidig en wordt niet gecontroleerd."
    ),
    "credential_not_issuable": gettext_noop("%(value)s kan niet worden uitgereikt."),
    "credential_not_issuable.incomplete": gettext_noop(
        "%(value)s is nog niet af; nog open: %(missing)s."
    ),
    "credential_not_issuable.held": gettext_noop("De deelnemer heeft %(value)s al."),
    "credential_not_issuable.not_a_certificate": gettext_noop(
        "%(value)s is geen certificaat en geen eenheid met een certificaat."
    ),
    "credential_not_issuable.not_a_qualification": gettext_noop("%(value)s is geen kwalificatie."),
    "credential_already_issued": gettext_noop(
        "Er is al een geldig certificaat of diploma voor %(value)s; trek dat eerst in."
    ),
    "credential_already_revoked": gettext_noop("Dit certificaat of diploma is al ingetrokken."),
    "signing_key_unavailable": gettext_noop(
        "Ondertekeningssleutel %(key_id)s is niet te ontsleutelen: %(setting)s is niet de "
        "sleutel waarmee zij is opgeslagen."
    ),
    "entrustment_not_allowed": gettext_noop(
        "%(activity)s is een voorbehouden of risicovolle handeling: hoogstens niveau "
        "%(ceiling)s zolang %(missing)s niet af is."
    ),
    "status_list_full": gettext_noop("De statuslijst van %(organisation)s is vol."),
    "public_url_missing": gettext_noop(
        "Er kan nu niets worden uitgegeven: het openbare adres van deze site is niet "
        "ingesteld. Elk certificaat en diploma verwijst naar dat adres voor de controle. "
        "Vraag de beheerder %(setting)s in te stellen (bijvoorbeeld "
        "https://opmaat.example.nl)."
    ),
    "date_in_future": gettext_noop("Een datum in de toekomst kan niet (%(day)s)."),
    "not_per_werkproces": gettext_noop(
        "Voor %(value)s worden resultaten per werkproces vastgelegd."
    ),
    "not_per_werkproces.instead": gettext_noop(
        "Voor %(value)s worden resultaten per werkproces vastgelegd (%(instead)s)."
    ),
    # Learners
    "qualification_exemption": gettext_noop(
        "%(value)s is een kwalificatie: leg het diploma vast als behaald, niet als vrijstelling."
    ),
    "exemption_for_exam_board": gettext_noop(
        "Vrijstellingen legt de examencommissie vast; leg vast wat behaald is."
    ),
    "exemption_for_exam_board.exemption": gettext_noop(
        "Een vrijstelling voor %(value)s legt de examencommissie vast."
    ),
    "exemption_for_exam_board.outcome": gettext_noop(
        "%(value)s is een werkproces: een los behaald werkproces legt de examencommissie vast."
    ),
    "cannot_invite": gettext_noop("De uitnodiging kan niet worden verstuurd."),
    "cannot_invite.has_account": gettext_noop("%(name)s heeft al een account."),
    "cannot_invite.no_email": gettext_noop(
        "%(name)s heeft geen e-mailadres om de uitnodiging naar te sturen."
    ),
    "cannot_invite.account_exists": gettext_noop("Er bestaat al een account voor %(name)s."),
    # Employers' workforce (opmaat.domain.workforce)
    "unknown_task": gettext_noop("Onbekende taak ‘%(value)s’."),
    "unknown_task.closest": gettext_noop("Onbekende taak ‘%(value)s’; bedoelt u %(closest)s?"),
    "unknown_act": gettext_noop("Onbekende handeling ‘%(value)s’."),
    "unknown_act.closest": gettext_noop("Onbekende handeling ‘%(value)s’; bedoelt u %(closest)s?"),
    "unknown_function": gettext_noop("Onbekende functie ‘%(value)s’."),
    "unknown_function.closest": gettext_noop(
        "Onbekende functie ‘%(value)s’; bedoelt u %(closest)s?"
    ),
    "duplicate_workforce_code": gettext_noop("De code ‘%(value)s’ komt twee keer voor."),
    "duplicate_workforce_code.function": gettext_noop("Twee functies hebben de code ‘%(value)s’."),
    "duplicate_workforce_code.task": gettext_noop("Twee taken hebben de code ‘%(value)s’."),
    "duplicate_workforce_code.act": gettext_noop("Twee handelingen hebben de code ‘%(value)s’."),
    "qualification_and_werkprocessen": gettext_noop(
        "Functie ‘%(function)s’ vraagt een kwalificatie of werkprocessen en leereenheden, "
        "niet allebei."
    ),
    "invalid_supervision_level": gettext_noop(
        "Niveau %(value)s bestaat niet: kies een niveau van 1 tot en met 5."
    ),
    "invalid_validity": gettext_noop(
        "De geldigheid voor ‘%(act)s’ klopt niet: een verklaring eindigt niet voor ze begint, "
        "en een geldigheid in maanden is minstens 1."
    ),
    "invalid_shift": gettext_noop("Deze dienst van team ‘%(team)s’ klopt niet."),
    "invalid_shift.times": gettext_noop(
        "Een dienst of behoefte van team ‘%(team)s’ eindigt voor hij begint."
    ),
    "invalid_shift.weekday": gettext_noop(
        "Een behoefte van team ‘%(team)s’ heeft een weekdag buiten maandag tot en met zondag."
    ),
    "invalid_shift.count": gettext_noop(
        "Een behoefte van team ‘%(team)s’ vraagt minder dan één persoon."
    ),
    "invalid_workforce_file": Plural(
        gettext_noop("Het bestand heeft een probleem: %(first)s"),
        gettext_noop("Het bestand heeft %(count)d problemen; het eerste: %(first)s"),
    ),
    "nothing_to_carve": gettext_noop(
        "Kies een of meer taken van functie ‘%(function)s’ voor de nieuwe functie."
    ),
    # Any input
    "required": gettext_noop("Vul dit in."),
    "required.rationale": gettext_noop("Geef de onderbouwing."),
    "required.notes": gettext_noop("Schrijf op wat de sessie liet zien."),
    "required.outcomes": gettext_noop("Koppel het bewijs aan minstens één werkproces."),
    "required.evidence_content": gettext_noop("Voeg een bestand toe of schrijf het bewijs uit."),
    "required.text": gettext_noop("Schrijf de feedback op."),
    "required.reason": gettext_noop("Geef de reden van de intrekking."),
    "required.file": gettext_noop("Kies een bestand."),
    "invalid_choice": gettext_noop("‘%(value)s’ is geen geldige keuze."),
    "nul_character": gettext_noop("De tekst bevat een NUL-teken."),
    "unsupported_file": gettext_noop("%(name)s: verwacht een bestand op %(expected)s."),
    "file_too_large": gettext_noop("%(name)s is groter dan %(limit_mb)s MB."),
    "cannot_write": gettext_noop("%(path)s kan niet worden geschreven: %(detail)s"),
    # Refusals of the edges themselves (API problem details)
    "bad_request": gettext_noop("De aanvraag is niet te lezen."),
    "not_authenticated": gettext_noop("Meld u aan of geef een geldig token mee."),
    "forbidden": gettext_noop("Dit mag u niet."),
    "not_found": gettext_noop("Niet gevonden."),
    "request_too_large": gettext_noop("De aanvraag is groter dan %(limit_kb)s kB."),
    "too_many_requests": gettext_noop(
        "U heeft in korte tijd te veel aanvragen gedaan; probeer het over %(retry_after)s "
        "seconden opnieuw."
    ),
    "validation_error": Plural(
        gettext_noop("De aanvraag heeft een ongeldig veld."),
        gettext_noop("De aanvraag heeft %(count)d ongeldige velden."),
    ),
}

# The title of a problem of each status (RFC 9457: the same for every problem of a type).
TITLES: dict[int, str] = {
    400: gettext_noop("Ongeldige invoer"),
    401: gettext_noop("Niet aangemeld"),
    403: gettext_noop("Niet toegestaan"),
    404: gettext_noop("Niet gevonden"),
    409: gettext_noop("Kan nu niet"),
    413: gettext_noop("Te groot"),
    422: gettext_noop("Niet te verwerken"),
    429: gettext_noop("Te veel aanvragen"),
    500: gettext_noop("Fout in de server"),
}


def untranslated(text: str) -> str:
    """The Dutch source text as written: the CLI's language, without Django."""
    return text


def template(key: str, code: str) -> Message:
    """The message of `key`, else of the error's code."""
    return MESSAGES.get(key) or MESSAGES[code]


def render(key: str, params: Mapping[str, Value], translate: Translate = untranslated) -> str:
    """The message `key` with its placeholders filled from `params`, through `translate`."""
    code = key.split(".", 1)[0]
    message = template(key, code)
    shown = {name: shown_value(value) for name, value in params.items()}
    text = message.pick(shown) if isinstance(message, Plural) else message
    return translate(text) % shown


def shown_value(value: Value) -> str | int:
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, float):
        return f"{value:g}"
    return value


def message(error: DomainError, translate: Translate = untranslated) -> str:
    """What `error` says to a person, in the language `translate` gives."""
    key = error.message_key if error.message_key in MESSAGES else error.code
    known = key if key in MESSAGES else fallback(error)
    params = dict(error.data)
    if error.problems:
        params["first"] = problem_text(error.problems[0], translate)
    return render(known, params, translate)


LOCATION = re.compile(r"^(?:(?P<sheet>.+), )?(?P<unit>line|row) (?P<number>\d+)$")


def problem_message(problem: Problem, translate: Translate = untranslated) -> str:
    """What is wrong at the problem's place; in English when its reader did not say which
    problem it is (a required cell; the catalog reader's own problems, such as an unknown
    field or a code given twice)."""
    return kind_message(problem.kind, problem.data, translate) or problem.message


def said_message(text: str, translate: Translate = untranslated) -> str:
    """What `text` says, when it is a `Said` of a kind with a message; else ""."""
    return kind_message(text.kind, text.data, translate) if isinstance(text, Said) else ""


def kind_message(
    kind: str, data: tuple[tuple[str, Value], ...], translate: Translate = untranslated
) -> str:
    """The message of problem `kind` with its data (`problem.<kind>`), or "" without one.
    A refusal of the domain met while reading a row (an unknown task in a functiehuis
    file) is a problem of its own code's kind and says what the refusal says."""
    key = f"problem.{kind}"
    if key not in MESSAGES and kind in MESSAGES:
        key = kind
    return render(key, dict(data), translate) if kind and key in MESSAGES else ""


def problem_text(problem: Problem, translate: Translate = untranslated) -> str:
    """The problem with its place: "studenten.csv, rij 3, kolom place_id: …"."""
    place = [problem.file] if problem.file else []
    found = LOCATION.match(problem.location)
    if found:
        sheet = found["sheet"] or ""
        if sheet.startswith("sheet "):
            named = {"sheet": sheet.removeprefix("sheet ")}
            place.append(translate(gettext_noop("blad %(sheet)s")) % named)
        elif sheet:
            place.append(sheet)  # a table's own file inside a zip: "units.csv"
        unit = gettext_noop("regel %(n)s") if found["unit"] == "line" else gettext_noop("rij %(n)s")
        place.append(translate(unit) % {"n": found["number"]})
    elif problem.location:
        place.append(problem.location)
    if problem.field:
        place.append(translate(gettext_noop("kolom %(column)s")) % {"column": problem.field})
    return f"{', '.join(place)}: {problem_message(problem, translate)}"


def fallback(error: DomainError) -> str:
    """The code of the nearest class above `error` with a message."""
    for cls in type(error).__mro__:
        code = getattr(cls, "code", "")
        if code in MESSAGES:
            return str(code)
    return "domain_error"


def title(status: int, translate: Translate = untranslated) -> str:
    return translate(TITLES.get(status, TITLES[400 if status < 500 else 500]))


def matching_texts(
    explanation: Mapping[str, object], translate: Translate = untranslated
) -> tuple[str, list[str]]:
    """What a student's explanation in a matching document (`opmaat match --json`) says:
    their outcome, and why each place they ranked higher did not take them."""
    outcome = str(explanation.get("outcome", ""))
    given = {"choice": shown(explanation.get("choice")), "place": shown(explanation.get("place"))}
    text = render(f"matching.{outcome}", given, translate)
    refusals = explanation.get("refusals")
    listed = refusals if isinstance(refusals, list) else []
    return text, [refusal_text(r, translate) for r in listed if isinstance(r, Mapping)]


def refusal_text(refusal: Mapping[str, object], translate: Translate = untranslated) -> str:
    given = {"choice": shown(refusal.get("choice")), "place": shown(refusal.get("place"))}
    reason = str(refusal.get("reason", ""))
    if reason != "not_eligible":
        return render(f"matching.{reason}", given, translate)
    data = refusal.get("data")
    facts = {k: shown(v) for k, v in data.items()} if isinstance(data, Mapping) else {}
    detail = str(refusal.get("detail", ""))
    if detail == "period":
        facts = {
            "period": span(facts.get("start", ""), facts.get("end", ""), translate),
            "available": span(
                facts.get("available_from", ""), facts.get("available_until", ""), translate
            ),
        }
    given["detail"] = render(f"matching.{detail}", facts, translate)
    return render("matching.not_eligible", given, translate)


def span(begin: str, end: str, translate: Translate) -> str:
    """A period with one or both ends, its ISO dates worded: "1 februari 2027 t/m 30 juni
    2027", "vanaf …", "tot en met …"."""
    if begin and end:
        key = "matching.span"
    else:
        key = "matching.span.from" if begin else "matching.span.until"
    return render(key, {"begin": day(begin, translate), "end": day(end, translate)}, translate)


MONTHS = (
    gettext_noop("januari"), gettext_noop("februari"), gettext_noop("maart"),
    gettext_noop("april"), gettext_noop("mei"), gettext_noop("juni"),
    gettext_noop("juli"), gettext_noop("augustus"), gettext_noop("september"),
    gettext_noop("oktober"), gettext_noop("november"), gettext_noop("december"),
)  # fmt: skip


def day(value: str, translate: Translate = untranslated) -> str:
    """An ISO date in a sentence: 2027-02-01 as 1 februari 2027 (the month through
    `translate`: 1 February 2027); anything else as it is. The same wording as
    opmaat.explanations.Voice.day, which imports this module."""
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{parsed.day} {translate(MONTHS[parsed.month - 1])} {parsed.year}"


def shown(value: object) -> str:
    """A document's value as a message shows it: lists joined, numbers without ".0"."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def add_matching_texts(
    document: dict[str, object], translate: Translate = untranslated
) -> dict[str, object]:
    """The document with each explanation's and refusal's `text` filled in (in Dutch unless
    `translate` says otherwise): the field scripts read since before the facts."""
    explanations = document.get("explanations")
    if isinstance(explanations, dict):
        for explanation in explanations.values():
            if isinstance(explanation, dict):
                text, said = matching_texts(explanation, translate)
                explanation["text"] = text
                for refusal, words in zip(explanation.get("refusals") or [], said, strict=False):
                    if isinstance(refusal, dict):
                        refusal["text"] = words
    return document
