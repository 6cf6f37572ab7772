"""General language knowledge: question words, filler words, countries, ordinals.

Nothing here is about one research group; it is what any English or Norwegian
(bokmål) speaker means by "who", "hvor mange", "Swedish" or "the fifth". Every
word is stored by its `word_key`, the same key the question's words get.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

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
    kem ka e daa no ogso berre frao hjaa utan vere vore vert desse mykje mange kanskje altsaa alts begge baade
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
    kven kem forskar forskarar forskarane forskere personar folka medlemer tilsette ansatte
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
    hvorfor naar kven kva kvar kor korleis kvifor kem ka
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
    leier leiar leiaren leiinga styrer
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
# Everyday names of common academic roles, by the role as a knowledge base writes it (keyed):
# "PhDs", "stipendiater", "doktorander" find the people whose role is "PhD student".
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "phd student": (
        "phd",
        "phds",
        "phd student",
        "phd students",
        "phd candidate",
        "phd candidates",
        "phd fellow",
        "phd fellows",
        "doctoral student",
        "doctoral students",
        "doctoral candidate",
        "doctoral candidates",
        "doctoral fellows",
        "stipendiat",
        "stipendiater",
        "stipendiatene",
        "stipendiatar",
        "stipendiatane",
        "doktorgradsstipendiat",
        "doktorgradsstipendiater",
        "doktorand",
        "doktorander",
        "doktoranderna",
        "phd studerende",
        "phd studerende",
        "phd studenter",
    ),
    "postdoc": (
        "postdoc",
        "postdocs",
        "post doc",
        "post docs",
        "postdoctoral",
        "postdoctoral fellow",
        "postdoctoral fellows",
        "postdoktor",
        "postdoktorer",
        "postdoktorene",
        "postdoktorar",
        "postdoktorane",
        "postdoktorerna",
    ),
    "engineer": (
        "engineer",
        "engineers",
        "ingenior",
        "ingeniorer",
        "ingeniorene",
        "ingeniorar",
        "ingenjor",
        "ingenjorer",
    ),
    "researcher": ("researcher", "researchers", "forskere", "forskerne", "forskarar", "forskarane", "forskare"),
    "master student": (
        "master student",
        "master students",
        "masters student",
        "masters students",
        "msc student",
        "msc students",
        "masterstudent",
        "masterstudenter",
        "masterstudentene",
        "masterstudentar",
    ),
    "technician": ("technician", "technicians", "tekniker", "teknikere", "teknikerne", "teknikarar"),
    "administrator": ("administrator", "administrators", "admin", "administrasjon", "administrasjonen"),
    "lab manager": (
        "lab manager",
        "lab managers",
        "laboratory manager",
        "labansvarlig",
        "lableder",
        "laboratorieleder",
    ),
    "collaborator": (
        "collab",
        "collabs",
        "samarbeidspartnere",
        "samarbetspartner",
        "samarbetspartners",
        "samarbejdspartnere",
    ),
}
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

# Norwegian names of fields and departments, word by word, for knowledge written in English.
FIELD_TRANSLATIONS: dict[str, str] = {
    keys(norwegian)[0]: keys(english)[0]
    for norwegian, english in (
        ("onkologi", "oncology"),
        ("onkolog", "oncologist"),
        ("patologi", "pathology"),
        ("patolog", "pathologist"),
        ("genetikk", "genetics"),
        ("medisinsk", "medical"),
        ("hematologi", "haematology"),
        ("biomedisin", "biomedicine"),
        ("klinisk", "clinical"),
        ("medisin", "medicine"),
        ("kirurgi", "surgery"),
        ("immunologi", "immunology"),
        ("radiologi", "radiology"),
        ("biokjemi", "biochemistry"),
        ("farmakologi", "pharmacology"),
        ("epidemiologi", "epidemiology"),
        ("gastroenterologi", "gastroenterology"),
        ("professor", "professor"),
        ("overlege", "consultant"),
        # general words of research and its funding, for knowledge written in English
        ("finansiere", "funded"),
        ("finansierer", "funded"),
        ("finansiert", "funded"),
        ("finansiering", "funded"),
        ("finansierte", "funded"),
        ("finansieringa", "funded"),
        ("metode", "methods"),
        ("metoder", "methods"),
        ("metodar", "methods"),
        ("svulst", "tumour"),
        ("svulsten", "tumour"),
        ("vev", "tissue"),
        ("humant", "human"),
        ("humane", "human"),
        ("fokus", "focus"),
        ("prognose", "prognosis"),
        ("gruppe", "group"),
        ("vertskap", "hosts"),
        ("vertsinstitusjon", "hosts"),
        ("grupper", "groups"),
        ("gruppene", "groups"),
        ("prognosen", "prognosis"),
        ("vanskelig", "difficult"),
        ("vanskeleg", "difficult"),
        ("behandle", "treat"),
        ("behandles", "treat"),
        ("farlig", "dangerous"),
        ("farleg", "dangerous"),
    )
}

# Abbreviations people type for general words, read as the words the knowledge writes out.
ABBREVIATIONS: dict[str, str] = {
    keys(short)[0]: keys(full)[0]
    for short, full in (
        ("avd", "avdeling"),
        ("dept", "department"),
        ("depts", "departments"),
        ("univ", "university"),
        ("inst", "institute"),
        ("whos", "who"),
        ("wheres", "where"),
        ("affil", "affiliation"),
        ("affils", "affiliations"),
        ("onc", "oncology"),
        ("acct", "account"),
        ("excl", "excluding"),
        ("incl", "including"),
        ("mtg", "meeting"),
        ("mtgs", "meetings"),
        ("langs", "languages"),
        ("lang", "language"),
        ("wat", "what"),  # chat spellings of question words
        ("wut", "what"),
        ("wht", "what"),
        ("abt", "about"),
    )
}

# Country names, adjectives and Norwegian forms, by the canonical English name.
# A knowledge base's `country` is matched against these, so any spelling works.
_COUNTRIES: dict[str, tuple[str, str, str]] = {
    # canonical: (the Norwegian name where it differs, other names and adjectives, region)
    "Norway": ("Norge", "Norwegian norsk norske Noreg nordmenn nordmennene Norwegians", "nordic"),
    "Sweden": ("Sverige", "Swedish svensk svenske Swede Swedes svenskene svensker svenskane", "nordic"),
    "Denmark": ("Danmark", "Danish dansk danske Dane Danes danskene dansker danskane", "nordic"),
    "Finland": ("", "Finnish finsk finske", "nordic"),
    "Iceland": ("Island", "Icelandic islandsk", "nordic"),
    "France": ("Frankrike", "French fransk franske", "europe"),
    "Germany": ("Tyskland", "German tysk tyske Deutschland", "europe"),
    "Netherlands": ("Nederland", "Holland Dutch nederlandsk", "europe"),
    "Belgium": ("Belgia", "Belgian belgisk", "europe"),
    "Switzerland": ("Sveits", "Swiss sveitsisk", "europe"),
    "Austria": ("Østerrike", "Austrian østerriksk", "europe"),
    "Italy": ("Italia", "Italian italiensk", "europe"),
    "Spain": ("Spania", "Spanish spansk", "europe"),
    "Portugal": ("", "Portuguese portugisisk", "europe"),
    "United Kingdom": ("Storbritannia", "UK Britain England Scotland Wales British britisk", "europe"),
    "Ireland": ("Irland", "Irish irsk", "europe"),
    "Poland": ("Polen", "Polish polsk", "europe"),
    "Czechia": ("Tsjekkia", "Czech tsjekkisk", "europe"),
    "Estonia": ("Estland", "Estonian estisk", "europe"),
    "Greece": ("Hellas", "Greek gresk", "europe"),
    "USA": (
        "",
        "US U.S. United States America American Americans amerikansk amerikanske Amerika States",
        "north_america",
    ),
    "Canada": ("", "Canadian kanadisk", "north_america"),
    "Mexico": ("", "Mexican meksikansk Mexico", "north_america"),
    "Brazil": ("Brasil", "Brazilian brasiliansk", "south_america"),
    "Australia": ("", "Australian australsk", "oceania"),
    "China": ("Kina", "Chinese kinesisk", "asia"),
    "Japan": ("", "Japanese japansk", "asia"),
    "India": ("", "Indian indisk", "asia"),
    "Israel": ("", "Israeli israelsk", "asia"),
}
NORWEGIAN_COUNTRY_NAMES = {canonical: norwegian for canonical, (norwegian, _, _) in _COUNTRIES.items() if norwegian}
# Words for groups of countries.
REGIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "nordic": _phrases(
        [
            "nordic",
            "nordisk",
            "nordiske",
            "nordics",
            "scandinavia",
            "scandinavian",
            "skandinavia",
            "skandinavisk",
            "norden",
        ]
    ),
    "europe": _phrases(["europe", "european", "europa", "europeisk", "europeiske", "eu"]),
    "america": _phrases(["america", "americas", "amerika", "the americas"]),
    "north_america": _phrases(["north america", "nordamerika", "nord-amerika", "north american"]),
    "south_america": _phrases(["south america", "latin america", "soramerika", "sor-amerika", "latin-amerika"]),
    "asia": _phrases(["asia", "asian", "asiatisk"]),
    "africa": _phrases(["africa", "afrika", "african", "afrikansk"]),
    "oceania": _phrases(["oceania", "oseania"]),
}
# Regions inside others: a question about the larger one includes them.
REGION_PARTS: dict[str, frozenset[str]] = {
    "europe": frozenset({"nordic"}),
    "america": frozenset({"north_america", "south_america"}),
}
# Names that need the user's capitals, because in lower case they are ordinary words.
CASE_SENSITIVE_FORMS = frozenset({("us",), ("states",), ("eu",)})
# Two-letter country codes as people type them in chat ("anyone in DK?"): read only in capitals,
# since most are ordinary words in lower case ("no", "se", "is", "de").
COUNTRY_CODES: dict[str, str] = {
    "NO": "Norway",
    "SE": "Sweden",
    "DK": "Denmark",
    "FI": "Finland",
    "IS": "Iceland",
    "DE": "Germany",
    "FR": "France",
    "NL": "Netherlands",
    "CH": "Switzerland",
    "IT": "Italy",
    "ES": "Spain",
    "PL": "Poland",
    "GB": "United Kingdom",
}
CODE_FORMS = frozenset((code.lower(),) for code in COUNTRY_CODES)
_PHRASE_COUNTRY_FORMS = {"USA": ["the States", "the US", "the U.S."]}


@cache
def country_forms() -> dict[str, list[tuple[str, ...]]]:
    """Every way to write each known country, as token-key phrases."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    for canonical, (norwegian, others, _region) in _COUNTRIES.items():
        phrases = [keys(canonical), *([keys(norwegian)] if norwegian else [])]
        phrases += [keys(w) for w in others.replace("U.S.", "U_S").split()]
        phrases += [keys(p) for p in _PHRASE_COUNTRY_FORMS.get(canonical, [])]
        phrases += [keys("United States")] if canonical == "USA" else []
        phrases += [(code.lower(),) for code, name in COUNTRY_CODES.items() if name == canonical]
        forms[canonical] = [p for p in phrases if p]
    return forms


@cache
def _canonical_by_form() -> dict[tuple[str, ...], str]:
    return {form: canonical for canonical, forms in country_forms().items() for form in forms}


@cache
def canonical_country(name: str) -> str:
    """The canonical name of a country as a knowledge base writes it ("USA", "Sverige")."""
    return _canonical_by_form().get(keys(name), name)


def country_region(canonical: str) -> str | None:
    """The region ("nordic", "europe", ...) a canonical country belongs to."""
    entry = _COUNTRIES.get(canonical)
    return entry[2] if entry else None
