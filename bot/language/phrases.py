"""The bot's own sentences, in English and Norwegian (bokmål).

The answer follows the language of the question; facts from the knowledge
base are quoted as the group wrote them.
"""

from __future__ import annotations

_PHRASES: dict[str, tuple[str, str]] = {
    "people_found": ("{count} {people} {where}:", "{count} {people} {where}:"),
    "person": ("person", "person"),
    "people": ("people", "personer"),
    "nobody_matches": (
        "I don't know {who} {where}.",
        "Jeg kjenner {who} {where}.",
    ),
    "anyone": ("anyone", "ingen"),
    "any_role": ("any {role}", "ingen {role}"),
    "everyone": ("Everyone in the group ({count}):", "Alle i gruppen ({count}):"),
    "leader": ("{name} leads the group.", "{name} leder gruppen."),
    "theme_leader": ("{name} leads {theme}.", "{name} leder {theme}."),
    "theme_leaders": ("The themes' leaders:", "Temaenes ledere:"),
    "the_themes": ("the themes", "temaene"),
    "no_theme_number": (
        "There is no theme {number}: the group has {count} research themes.",
        "Det finnes ikke noe tema {number}: gruppen har {count} forskningstemaer.",
    ),
    "themes_all": ("The group has {count} research themes:", "Gruppen har {count} forskningstemaer:"),
    "theme_one": ("Theme {number}: {title}", "Tema {number}: {title}"),
    "themes_some": ("Themes that match:", "Temaer som passer:"),
    "themes_not_about": ("Themes not about {topic}:", "Temaer som ikke handler om {topic}:"),
    "theme_people": ("Working on it: {names}", "Jobber med dette: {names}"),
    "theme_no_people": (
        "The knowledge base does not say who works on this theme.",
        "Kunnskapsbasen sier ikke hvem som jobber med dette temaet.",
    ),
    "project_themes": ("Research themes:", "Forskningstemaer:"),
    "leader_line": ("Group leader: {name}", "Gruppeleder: {name}"),
    "hosted_by": ("{project} is hosted by {host}.", "Vertskap for {project} er {host}."),
    "consortium_members": ("Member institutions: {names}", "Medlemsinstitusjoner: {names}"),
    "count_people": ("{count} {people} {where}.", "{count} {people} {where}."),
    "count_countries": ("{count} countries: {names}.", "{count} land: {names}."),
    "count_cities": ("{count} cities: {names}.", "{count} byer: {names}."),
    "count_themes": ("There are {count} research themes.", "Det er {count} forskningstemaer."),
    "count_themes_about": (
        "{count} of the {total} research themes are about {topic}:",
        "{count} av de {total} forskningstemaene handler om {topic}:",
    ),
    "count_themes_not_about": (
        "{count} of the {total} research themes are not about {topic}:",
        "{count} av de {total} forskningstemaene handler ikke om {topic}:",
    ),
    "count_orgs": ("{count} organisations are involved.", "{count} organisasjoner er med."),
    "orgs": ("Organisations in the group ({count}):", "Organisasjoner i gruppen ({count}):"),
    "org_people": ("People there: {names}", "Folk der: {names}"),
    "dont_know": (
        "I don't know that. I answer questions about the group's people, places, themes and project.",
        "Det vet jeg ikke. Jeg svarer på spørsmål om gruppens folk, steder, temaer og prosjekt.",
    ),
    "dont_know_place": (
        "I don't know anyone at {place}: nobody in the knowledge base is there.",
        "Jeg kjenner ingen ved {place}: ingen i kunnskapsbasen er der.",
    ),
    "dont_know_person": (
        "I don't know anyone called {name}.",
        "Jeg kjenner ingen som heter {name}.",
    ),
    "dont_know_about": (
        "I don't know that about {name}: the knowledge base has their affiliation and role.",
        "Det vet jeg ikke om {name}: kunnskapsbasen har tilknytning og rolle.",
    ),
    "dont_know_thing": (
        "I don't know about '{thing}': the knowledge base has the group's people, places, themes and project.",
        "Jeg vet ikke noe om «{thing}»: kunnskapsbasen har gruppens folk, steder, temaer og prosjekt.",
    ),
    "dont_know_role": (
        "I don't know who the {role} is: the knowledge base has no such role.",
        "Jeg vet ikke hvem som er {role}: kunnskapsbasen har ingen slik rolle.",
    ),
    "dont_know_leader": (
        "The knowledge base does not say who leads {where}.",
        "Kunnskapsbasen sier ikke hvem som leder {where}.",
    ),
    "did_you_mean": ("Did you mean: {options}", "Mente du: {options}"),
    "try": ("You can ask, for example:", "Du kan for eksempel spørre:"),
    "help": (
        "I answer questions about {name}: who works where, who to contact, the research "
        "themes, the project and its partners. Ask in English or Norwegian.",
        "Jeg svarer på spørsmål om {name}: hvem som jobber hvor, hvem du kan kontakte, "
        "forskningstemaene, prosjektet og partnerne. Spør på engelsk eller norsk.",
    ),
    "greeting": ("Hello! {help}", "Hei! {help}"),
    "thanks": ("You're welcome! Ask me anything else about the group.", "Bare hyggelig! Spør meg gjerne om mer."),
    "stop": (
        "OK, I'll stop here. Mention me whenever you want to ask something again.",
        "Greit, jeg stopper her. Nevn meg når du vil spørre om noe igjen.",
    ),
    "bye": ("Bye! I'm here whenever you need me.", "Ha det! Jeg er her når du trenger meg."),
    "read_as": ("(I read {pairs}.)", "(Jeg leste {pairs}.)"),
    "read_pair": ("'{original}' as '{corrected}'", "'{original}' som '{corrected}'"),
    "no_one_listed": ("nobody is listed", "ingen er oppført"),
    "at_kind": ("at a {kind}", "ved et {kind}"),
    "kind_hospital": ("hospital", "sykehus"),
    "kind_university": ("university", "universitet"),
    "kind_institute": ("institute", "institutt"),
    "theme_question": ("What is theme {number}?", "Hva er tema {number}?"),
    "what_is": ("What is {name}?", "Hva er {name}?"),
    "who_works_at": ("Who works at {place}?", "Hvem jobber ved {place}?"),
    "who_works": ("Who works {where}?", "Hvem jobber {where}?"),
    "example_city": ("Who works in {city}?", "Hvem jobber i {city}?"),
    "example_abbreviation": ("Who is at {abbreviation}?", "Hvem jobber ved {abbreviation}?"),
    "example_person": ("Who is {name}?", "Hvem er {name}?"),
    "example_leader": ("Who leads the group?", "Hvem er gruppeleder?"),
    "example_themes": ("What are the research themes?", "Hvilke forskningstemaer finnes?"),
    "example_project": ("What is the project about?", "Hva handler prosjektet om?"),
    "and": ("and", "og"),
    "or": ("or", "eller"),
    "in": ("in", "i"),
    "at": ("at", "ved"),
    "abroad": ("outside {country}", "utenfor {country}"),
    "not": ("not", "ikke"),
    "count_stated": ("{count}, as the knowledge says:", "{count}, ifølge kunnskapsbasen:"),
    "left_out": (
        "(I did not use {words}: the knowledge does not cover that.)",
        "(Jeg brukte ikke {words}: kunnskapsbasen dekker ikke det.)",
    ),
    "left_out_held": (
        "(This answers one part of your question; ask about {words} on its own.)",
        "(Dette svarer på én del av spørsmålet; spør om {words} for seg.)",
    ),
    "also_called": ("In Norwegian: {name}", "På engelsk: {name}"),
    "ask_leader": ("Ask the group leader, {name}.", "Spør gruppelederen, {name}."),
    "no_attribute": (
        "I don't know {what} for {name}: the knowledge has no such entry. Here is what it has:",
        "Jeg vet ikke {what} for {name}: kunnskapsbasen har det ikke. Dette er det den har:",
    ),
    "attribute_email": ("an e-mail address", "e-postadressen"),
    "attribute_phone": ("a phone number", "telefonnummeret"),
    "attribute_age": ("the age", "alderen"),
    "attribute_office": ("an office or address", "kontoret eller adressen"),
    "attribute_title": ("a title", "tittelen"),
    "not_at_kind": ("with no affiliation at a {kind}", "uten tilknytning til et {kind}"),
    "not_role": ("who are not {roles}", "som ikke er {roles}"),
    "titled": ("with the title {title}", "med tittelen {title}"),
    "not_titled": ("without the title {title}", "uten tittelen {title}"),
    "both": ("both {names}", "både {names}"),
    "except": ("except {names}", "unntatt {names}"),
    "region_nordic": ("the Nordic countries", "Norden"),
    "region_europe": ("Europe", "Europa"),
    "region_america": ("the Americas", "Amerika"),
    "region_north_america": ("North America", "Nord-Amerika"),
    "region_south_america": ("South America", "Sør-Amerika"),
    "region_asia": ("Asia", "Asia"),
    "region_africa": ("Africa", "Afrika"),
    "region_oceania": ("Oceania", "Oseania"),
    "in_consortium": ("in {name}", "i {name}"),
    "theme_word": ("theme", "tema"),
    "their_themes": ("What they work on:", "Dette jobber de med:"),
    "read_this": ("I read 'this' as {themes}.", "Jeg leste «dette» som {themes}."),
    "this_no_theme_unanswered": (
        "The post above matches none of the group's themes.",
        "Innlegget over passer ikke med noen av gruppens temaer.",
    ),
    "this_no_theme": (
        "The post above matches none of the group's themes, so I answered for the whole group.",
        "Innlegget over passer ikke med noen av gruppens temaer, så jeg svarte for hele gruppen.",
    ),
    "people_word": ("people", "personer"),
    "most_in": ("{names}: the most {people} ({count}).", "{names}: flest {people} ({count})."),
    "most_affiliations": ("Most affiliations: {names} ({count}).", "Flest tilknytninger: {names} ({count})."),
    "in_several": (
        "{count} people with affiliations in {at_least} or more {groups}:",
        "{count} personer med tilknytning i {at_least} eller flere {groups}:",
    ),
    "groups_country": ("countries", "land"),
    "groups_city": ("cities", "byer"),
    "groups_org": ("organisations", "organisasjoner"),
    "per_group": ("{people} per {group}:", "{people} per {group}:"),
    "group_country": ("country", "land"),
    "group_city": ("city", "by"),
    "group_org": ("organisation", "organisasjon"),
    "group_theme": ("theme", "tema"),
    "dont_know_topic": (
        "I don't know what '{words}' is: it is not a theme, a keyword or a fact in the knowledge base.",
        "Jeg vet ikke hva '{words}' er: det er ikke et tema, et stikkord eller et faktum i kunnskapsbasen.",
    ),
    "on_theme": ("working on {themes}", "som arbeider med {themes}"),
    "not_on_theme": ("not working on {themes}", "som ikke arbeider med {themes}"),
    "the_group": ("in the group", "i gruppen"),
}


# Common roles in a research group, (singular, plural) in English and Norwegian. Other roles
# are shown as the knowledge base writes them.
ROLE_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "leader": (("leader", "leaders"), ("leder", "ledere")),
    "participant": (("participant", "participants"), ("deltaker", "deltakere")),
    "collaborator": (("collaborator", "collaborators"), ("samarbeidspartner", "samarbeidspartnere")),
    "postdoc": (("postdoc", "postdocs"), ("postdoktor", "postdoktorer")),
}


def role_name(role: str, language: str = "en", count: int = 1) -> str:
    """A role as the answer's language says it: 'collaborators', 'samarbeidspartner'."""
    names = ROLE_NAMES.get(role)
    if names is None:
        return role if count == 1 or role.endswith("s") else f"{role}s"
    singular, plural = names[1] if language == "no" else names[0]
    return singular if count == 1 else plural


def say(key: str, language: str = "en", **values: object) -> str:
    """The sentence `key` in the question's language, filled in."""
    english, norwegian = _PHRASES[key]
    template = norwegian if language == "no" else english
    return template.format(**values)


def join(items: list[str], language: str = "en", word: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say(word, language)} {items[-1]}"
