"""Word-for-word readings: Norwegian field names for knowledge written in English, and the
abbreviations people type for general words ("dept", "affil", "excl").
"""

from __future__ import annotations

from bot.language.text import keys

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
        ("w", "with"),  # "those w/ <org> affil"
        ("till", "until"),  # "funded till when?" (Swedish 'till' is read as Norwegian first)
        ("wat", "what"),  # chat spellings of question words
        ("wut", "what"),
        ("wht", "what"),
        ("abt", "about"),
        ("assoc", "associate"),
        ("ant", "antall"),  # Norwegian chat: "ant. stip. ved <unit>?"
        ("stip", "stipendiater"),
        ("masterstud", "masterstudenter"),
        ("postdok", "postdoktor"),
        ("profs", "professors"),
    )
}
