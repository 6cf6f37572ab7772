"""Countries and regions: every way people write them, in English and Norwegian.

A knowledge base's `country` is matched against these names, so "Sverige", "Swedish", "svensk" and
"SE" all find the people in Sweden. General language knowledge, nothing about any group.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from bot.language.text import keys


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(keys(item) for item in items)


# Country names, adjectives and Norwegian forms, by the canonical English name.
# A knowledge base's `country` is matched against these, so any spelling works.
_COUNTRIES: dict[str, tuple[str, str, str]] = {
    # canonical: (the Norwegian name where it differs, other names and adjectives, region)
    "Norway": ("Norge", "Norwegian norsk norske Noreg Noregs Norges nordmenn nordmennene Norwegians", "nordic"),
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
