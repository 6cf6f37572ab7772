"""General language knowledge: question words, filler words, countries, ordinals.

Nothing here is about one research group; it is what any English or Norwegian
(bokmål) speaker means by "who", "hvor mange", "Swedish" or "the fifth". Every
word is stored by its `word_key`, the same key the question's words get.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.language.text import keys, word_key


def words(text: str) -> frozenset[str]:
    """The keys of whitespace-separated words, as questions' words are keyed."""
    found: set[str] = set()
    for word in text.split():
        if word.isascii() and word.isalpha():  # most of them: no need for the tokenizer (start-up time)
            found.add(word_key(word.lower()))
        else:
            found.update(keys(word))
    return frozenset(found)


_set = words


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(keys(item) for item in items)


# Words that carry no content of their own, English and Norwegian.
STOPWORDS = _set(
    """
    a an the of to in on at by for from with about into onto over under within without near
    and or but nor so if then than as is are was were be been being am do does did done doing
    have has had having can could would should will shall may might must i me my mine we us our
    ours you your yours he him his she her hers it its they them their theirs this that these those
    there here what which who whom whose where when why how whats whos wheres hows
    s t d ll re ve m o
    any anyone anybody some someone somebody all every everyone everybody each both either up out off
    one ones just also too very really please pls kindly thanks thank tell me show give let know
    find get got like want wanted need needs look looking see about regarding concerning
    use uses used using talk speak ask reach email mail write meet call phone message contact
    involved participating participates part included includes belong belongs engaged active
    available responsible currently usually whole entire exactly actually
    form forms make makes made consist consists comprise comprises constitute belong belongs
    cover covers covered covering deal deals concern concerns involve involves handle handles
    kind kinds type types sort sorts everything anything something more info information details
    affiliation affiliations affiliated position job title role background field expertise works
    stilling rolle tittel bakgrunn fagfelt
    currently now today right else other others another same such more most much many
    dr drs prof mr mrs ms sir
    not no yes ok okay hey hi hello
    er var vaere blir ble har hadde kan kunne skal skulle vil ville maa matte
    og eller men i paa pa fra til med av for om hos ved etter foer under over mellom
    en et ei den det de dem denne dette disse der her hva hvem hvor hvilke hvilken hvilket hvordan
    hvorfor naar nar noen noe alle hver jeg meg min mitt mine vi oss vaar var vaare vare du deg din
    ditt dine han ham hun hennes sin sitt sine deres seg som saa sa ogsaa ogsa bare veldig
    takk hei hallo fortell vis gi meg si
    eg ein eit nokon noko nokre dykk dykkar deira dei ho henne hennar kva kven kvar kor korleis kvifor
    kem kam ka e daa no ogso berre frao hjaa utan vere vore vert desse mykje mange kanskje altsaa alts begge baade
    totalt total altogether including inkl inkludert medregnet egentlig eigentleg eigentlig actually
    finst finnes fins bruker brukar bruke nytter nyttar slags slag hele heile vart blei
    maybe perhaps kanskje hm hmm think thinking tenker tror guess sorry beklager meant mente
    again igjen lol btw tho though haha hehe asap plz thx ty fyi imo
    """
)

# Words that ask for people.
WHO_WORDS = _set(
    """
    nokon nokre
    any1 some1 every1 anybody
    ppl folks
    kven kem kam forskar forskarar forskarane forskere personar folka medlemer tilsette ansatte
    who whom whose whoever anyone anybody someone somebody people person persons researcher researchers
    scientist scientists member members colleague colleagues contact contacts
    staff team expert experts everyone everybody list
    hvem noen folk personer person forsker forskere medlem medlemmer kollega kolleger kontakt
    kontaktperson kontaktpersoner ekspert eksperter alle liste
    """
)
# Words that make a sentence a question.
QUESTION_WORDS = _set(
    """
    who whom whose what which where when why how hvem hva hvor hvilke hvilken hvilket hvordan
    hvorfor naar kven kva kvar kor korleis kvifor kem kam ka
    """
)
WHY_WORDS = _set("why hvorfor kvifor korfor")
WHERE_WORDS = _set("kvar kor where based located situated hvor")
# Words that ask for everybody, not one person: "who are the members", "who is involved".
EVERYONE_WORDS = _set(
    """
    people persons researchers scientists members colleagues staff team everyone everybody all list
    names involved participating included folk personer forskere medlemmer kolleger alle liste ansatte
    """
)
# The bot itself: "who are you?", "hvem er du?".
SELF_WORDS = _set("you yourself bot du deg")
COUNTRY_LIST_WORDS = _set("country countries nation nations land landene")
CITY_LIST_WORDS = _set("city cities town towns byer byene")
WHAT_WORDS = _set("kva ka what which whats hva hvilke hvilken hvilket")
COUNT_PHRASES = _phrases(
    ["how many", "hvor mange", "kor mange", "ka mange", "number of", "antall", "talet paa", "count"]
)
WORK_WORDS = _set(
    """
    hoyrer horer tilhorer tilhoyrer belong belongs
    knytt knytta knyttet
    jobbar arbeidar tilsett tilknytt held sit collaborate collaborates
    work works working worked job jobs employed affiliated based sits
    jobber jobbe arbeider arbeide ansatt tilknyttet sitter
    """
)

LEADER_WORDS = _set(
    """
    leier leiar leiaren leiinga styrer leie
    leader leaders lead leads head heads headed runs charge chief boss
    pi principal investigator director supervisor responsible charge chef
    leder ledere leiar gruppeleder prosjektleder sjef styrer
    """
)
# "Who leads it", "group leader": leadership asked of the project, not of a place.
THEME_WORDS = _set(
    """
    temaa forskingstema forskingstemaa forskningsomraader
    theme themes topic topics area areas subject subjects subproject subprojects strand strands
    tema temaet temaer temaene emne emnet emner omraade omraader fagomraade forskningstema forskningstemaer
    underprosjekt underprosjekter satsingsomraade satsingsomraader
    """
)
# Words that turn the next named thing (or topic) into an exclusion: "not", "except", "utenom".
NEGATION_WORDS = _set(
    """
    not except excluding exclude besides apart without outside elsewhere drop remove fjern dropp minus neither
    nothing unrelated ingenting
    ikke ikkje verken hverken korkje unntatt utenom utanom bortsett utenfor utanfor uten utan
    """
)
# Words that ask which institution hosts something: "hosts" is also what "vertskap" is read as.
# What the project's own card holds (its web page, its summary): asked of the group, they are not missing.
PROJECT_CARD_WORDS = _set(
    """
    website websites web site homepage page url link links address nettside nettsiden nettsida nettsted
    heimeside heimesida hjemmeside hjemmesiden lenke lenken adresse summary overview description sammendrag
    oversikt beskrivelse samandrag skildring
    """
)
HOST_WORDS = _set(
    "host hosts hosted hosting vertskap vertskapet vertsinstitusjon vertsinstitusjonen vertsinstitusjonar"
)
PROJECT_WORDS = _set(
    """
    handlar heiter forskinga forskingsgruppa prosjektgruppa forskingsprosjektet
    project projects group groups lab research researching focus working aim aims goal goals
    study studies studying studied investigate investigates investigating
    prosjekt prosjektet prosjektene gruppe gruppen gruppa forskning forskningen fokus handler
    maal driver holder called named name title heter tittel grp proj network nettverk nettverket grupper gruppene
    forsker forskar forskes forskast
    """
)
# The group, addressed: "hva forsker dere på?" (a project cue only in a question with a question word).
YOU_THE_GROUP = _set("dere dykk dokker")
CONSORTIUM_WORDS = _set("consortium consortia konsortium konsortiet konsortiumet")
# Words that name a consortium when its own name has them ("North Sea Kelp Network"); otherwise
# "our network" is the group itself.
NETWORK_WORDS = _set("network networks nettverk nettverket alliance allianse")
ORG_LIST_WORDS = _set(
    """
    organisation organisations organization organizations institution institutions
    institute institutes partner partners universities hospitals places sites cities countries
    organisasjon organisasjoner institusjon institusjoner partnere steder byer land
    """
)
HELP_PHRASES = _phrases(
    [
        "help",
        "hjelp",
        "what can you do",
        "what can i ask",
        "what do you know",
        "how does this work",
        "how do i use you",
        "how do you work",
        "examples",
        "eksempler",
        "hva kan du",
        "kva kan du",
        "ka kan du",
        "kva veit du",
        "hva kan jeg spore",
        "hva vet du",
        "commands",
        "usage",
    ]
)
# "How do I ...": asks for instructions, which only the group's own FAQ can give.
HOW_TO_PHRASES = _phrases(
    [
        "how do i",
        "how can i",
        "how should i",
        "how do we",
        "how can we",
        "how to",
        "where can i",
        "where do i",
        "hvordan kan jeg",
        "hvordan gjor jeg",
        "hvordan gjoer jeg",
        "hvordan faar jeg",
        "hvor kan jeg",
        # amounts (money, time spent): only the group's own FAQ can say
        "how much",
        "hvor mye",
        "kor mykje",
    ]
)
GREETING_WORDS = _set("hi hello hey hei hallo heisann morn morna thanks thank thx takk bye goodbye")
THANKS_WORDS = _set("thanks thank thx takk")
BYE_WORDS = _set("bye goodbye")
# "Stop" ends a conversation (a Slack thread stops being read); with only these words around it.
STOP_WORDS = _set("stop stopp quiet enough nok slutt ferdig hush shush")
STOP_FILLER = _set("please pls now ok okay thanks thank takk you du bot be just that s thats all det var er")
# Greetings of more than one word, whose words alone ("det", "god") are ordinary words.
GREETING_PHRASES = _phrases(
    ["god morgen", "god dag", "god kveld", "good morning", "good afternoon", "ha det", "tusen takk", "mange takk"]
)
BYE_PHRASES = _phrases(["ha det", "see you", "snakkast", "snakkes"])
NORWEGIAN_GREETING_PHRASES = _phrases(["god morgen", "god dag", "god kveld", "ha det", "tusen takk", "mange takk"])
ABROAD_WORDS = _set(
    """
    utanlands utanlandske utanlandsk internasjonalt
    abroad international internationally foreign overseas outside
    utlandet utenlands internasjonal internasjonale internasjonalt utenlandsk utenlandske
    """
)
HOME_WORDS = _set("national domestic nasjonal nasjonale nasjonalt innenlands hjemme")
THERE_WORDS = _set("there der dar")
"""'Who works there?': the place named in the sentence before."""
# "el", "evt": how Norwegian chat writes "eller".
CONJUNCTIONS = _set("and or nor og eller el evt plus")
ANOTHER_WORDS = _set("another annen anna annet")
"""'at another institute': one the knowledge does not have, not a kind of place to filter by."""
PLACE_PREPOSITIONS = _set("in at from near around i paa pa fra ved hos rundt")
PERSON_PROMPTS = _phrases(
    [
        "who is",
        "who's",
        "whos",
        "who was",
        "tell me about",
        "about",
        "hvem er",
        "kven er",
        "kem er",
        "hvem var",
        "fortell om",
        "info on",
        "information about",
        "contact for",
        "where does",
        "where is",
        "hvor jobber",
        "hvor er",
    ]
)

# Words for the roles people commonly have in a research group, by the role a
# knowledge base writes. Any other role in the YAML matches by its own words.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": LEADER_WORDS,
    "collaborator": _set(
        """
        collaborator collaborators collaborating partner partners samarbeidspartner
        samarbeidspartnere samarbeidspartnerne samarbeider samarbeidspartnar samarbeidspartnarar
        samarbeidspartnarane partnarar partnere
        """
    ),
    "participant": _set(
        "participant participants deltaker deltakere deltakerne deltar deltakar deltakarar deltakarane"
    ),
}

# Names of languages: "the Norwegian name of the project" asks for a name, not for people in Norway.
LANGUAGE_WORDS = _set("norwegian norsk nynorsk bokmaal english engelsk swedish svensk danish dansk")
NAMING_WORDS = _set("name names called named heter heiter kalles kallast navn namn navnet namnet title tittel")

# Kinds of organisation, by the word in their names: "who is at a hospital". The first kind
# whose word a name has wins: a "University Hospital" is a hospital.
ORG_KIND_WORDS: dict[str, frozenset[str]] = {
    "hospital": _set(
        """
        hospital hospitals sykehus sjukehus sykehuset sjukehuset sykehusene sjukehusa universitetssykehus
        universitetssjukehus hopital
        """
    ),
    "institute": _set("institute institutes institutet institutt institut"),
    "university": _set("university universities universitet universitetet universiteta universitetene uni college"),
}
ANY_ORG_KIND_WORDS = frozenset().union(*ORG_KIND_WORDS.values())
ANY_ROLE_WORDS = frozenset().union(*ROLE_SYNONYMS.values())
GENERIC_NAME_WORDS = (
    _set(
        """
        university universitet universitetet hospital sykehus sjukehus universitetssykehus
        universitetssjukehus hopital institute institutet institutt institut department dept depts
        departments avdeling avdelingen centre center senter school faculty fakultet of for and the
        og i for av clinic klinikk section seksjon unit division laboratory laboratorium
        """
    )
    | STOPWORDS
)


def _numbered(rows: tuple[tuple[str, int], ...]) -> dict[str, int]:
    return {k: n for words, n in rows for k in _set(words)}


# "the fifth theme": position words. "five themes" is a count, so cardinals are kept apart.
ORDINALS: dict[str, int] = _numbered(
    (
        ("first 1st forste fyrste", 1),
        ("second 2nd andre", 2),
        ("third 3rd tredje", 3),
        ("fourth 4th fjerde", 4),
        ("fifth 5th femte", 5),
        ("sixth 6th sjette", 6),
        ("seventh 7th sjuende syvende", 7),
        ("eighth 8th attende", 8),
        ("ninth 9th niende", 9),
        ("tenth 10th tiende", 10),
    )
)
CARDINALS: dict[str, int] = _numbered(
    (
        ("one en ett", 1),
        ("two to", 2),
        ("three tre", 3),
        ("four fire", 4),
        ("five fem", 5),
        ("six seks", 6),
        ("seven sju syv", 7),
        ("eight atte", 8),
        ("nine ni", 9),
        ("ten ti", 10),
    )
)
NUMBER_WORDS = _set("number nummer no nr")
# Words that grade a title ("Associate Professor", "Senior Engineer") and are everyday words
# elsewhere ("associated with"): a title is asked for by its noun, never by these alone.
TITLE_MODIFIERS = _set("associate assistant senior junior adjunct visiting emeritus acting deputy principal chief head")
# Norwegian's "the" is an ending: "mobilnummeret", "adressa", "gruppene".
DEFINITE_ENDINGS = ("ene", "ane", "et", "en", "a")
LAST_WORDS = _set("last final siste")
# Roman numerals, read only right after a word like "theme" ("theme IV"); "i" is left out: it is a word.
ROMAN: dict[str, int] = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


# Countries, roles' everyday names and word-for-word translations live in their own modules; they
# are part of the lexicon.
from bot.language.academic_roles import ROLE_PHRASES  # noqa: E402
from bot.language.countries import (  # noqa: E402
    CASE_SENSITIVE_FORMS,
    CODE_FORMS,
    COUNTRY_CODES,
    NORWEGIAN_COUNTRY_NAMES,
    REGION_PARTS,
    REGIONS,
    canonical_country,
    country_forms,
    country_region,
)
from bot.language.translations import ABBREVIATIONS, FIELD_TRANSLATIONS  # noqa: E402

__all__ = [
    "ABBREVIATIONS",
    "CASE_SENSITIVE_FORMS",
    "CODE_FORMS",
    "COUNTRY_CODES",
    "FIELD_TRANSLATIONS",
    "NORWEGIAN_COUNTRY_NAMES",
    "REGIONS",
    "REGION_PARTS",
    "ROLE_PHRASES",
    "canonical_country",
    "country_forms",
    "country_region",
]
