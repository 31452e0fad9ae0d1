"""Resolution: which gazetteer reading each place name has, from its prior (population, kind) and the article's
context: the countries it names, the provinces and states its other places lie in and how near they are
(context.py measures both), "Town, State" pairs and lists of states. Context decides between readings of like
likelihood; it does not lift a hamlet over the city of the same name unless the hamlet lies beside another place
of the article. Must not recognise names (recognise.py) nor group mentions (find.py).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from conflictcli.lexicon.normalize import spells, variant_key
from conflictcli.nlp.model import doc_text
from conflictcli.places import gazetteer
from conflictcli.places.context import Anchor, Context
from conflictcli.places.gazetteer import Candidate
from conflictcli.places.recognise import Span

COUNTRY_NAMED = 1.5  # context bonus for a candidate in a country the article names,
COUNTRY_SHARE = 1.0  # plus this times that country's share of the article's country mentions,
DIVISION_NAMED = 1.0  # plus this for one in a province or state where other places of the article lie,
DIVISION_SHARE = 2.0  # plus this times the share of the article's other places that lie there
DIVISION_PASSES = 2  # a name's reading moves its neighbours': settle in this many rounds
NEAR_BONUS = 2.0  # plus this times the share of the article's other names that are towns near the reading
CONTEXT_REACH = 2.0  # sharing a country or province with the article's other places lifts a reading over
# namesakes up to a hundred times likelier (this many log10 units of prior), no further: only a neighbour lifts
# a hamlet over the city ("Liverpool" is not a New York village because the article names Washington)
# The prior, in log10-population units (one unit = ten times the people). Set by hand on the founding article and
# GeoWebNews dev, and kept because they read as rules: a region or a country outranks any city of up to ten
# million (REGION_PRIOR 7.5; a country at least COUNTRY_FLOOR 6.5 + COUNTRY_BONUS 1.5 = 8: "Georgia" is the
# country unless the article says otherwise); a capital counts as ten times its people (CAPITAL_BONUS 1); a match
# on a GeoNames alternate name only counts a tenth (ALTERNATE_MALUS 1); "X province" makes the division a thousand
# times likelier (DIVISION_WORD_BONUS 3) and a town written so a hundred times less likely (3 - 1 = 2); a bare
# name is the division a third less often (BARE_DIVISION_MALUS 0.5), and a thousandth as often when a town of the
# division has the name (NAMESAKE_DIVISION_MALUS 3: bare "Aleppo" is the city).
UNKNOWN_POPULATION = 500  # GeoNames' 0 means not known: a place the cities500 file lists without one is a seat of
# some division, so it counts as the smallest place the file lists otherwise
REGION_PRIOR = 7.5
FACILITY_PRIOR = 4.0  # an airport, base, camp, crossing or dam ranks like a town of 10,000 people
COUNTRY_FLOOR = 6.5
COUNTRY_BONUS = 1.5
CAPITAL_BONUS = 1.0
ALTERNATE_MALUS = 1.0
SPELLING_MALUS = 0.5  # an alternate name that spells the main name ("Sloviansk" for Slovyansk) counts a third
# (a transliteration changes about two letters in five: Axum/Aksum, Zalingei/Zalinjay, Bureij/Burayj)
DIVISION_WORD_BONUS = 3.0
BARE_DIVISION_MALUS = 0.5
NAMESAKE_DIVISION_MALUS = 3.0
LIST_SEPARATOR = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
DIVISIONS_NAMED = re.compile(r"\b(?:states|provinces|regions|counties|oblasts|governorates|prefectures)\b[^.;]{0,20}$",
                             re.IGNORECASE)  # "states such as", "the provinces of": a list of divisions follows


def name_key(span: Span) -> str:
    return gazetteer.normalize(span.core)


def apply_containment(doc, spans: list[Span]) -> None:
    """What the sentence's structure says about readings: containment (here), then lists (apply_lists).
    "Tacoma, Washington", "Birmingham, Alabama", "Tripoli, Lebanon": a town followed by a comma and the
    state or country it lies in. Where some reading of the pair fits that way, both keep only the readings
    that fit. Lists of places ("Aleppo, Idlib and Hama", "Washington, Georgia and Florida") are left alone:
    the pair must not be preceded or followed by another place of the list. So is a pair whose first name reads
    first as a country or region ("together with Canada, Mexico"). The article means the place it located so
    each time it writes the name bare ("Paris, Texas", then "firefighters in Paris")."""
    text = doc_text(doc)
    located: dict[str, tuple[Candidate, ...]] = {}
    for i in range(len(spans) - 1):
        town, container = spans[i], spans[i + 1]
        if town.demonym or container.demonym or text[town.end:container.start] != ", ":
            continue
        if i > 0 and re.fullmatch(r",\s*", text[spans[i - 1].end:town.start]):
            continue
        if i + 2 < len(spans) and re.fullmatch(r",?\s*(?:and|or)?\s*", text[container.end:spans[i + 2].start]):
            continue
        if max(town.candidates, key=lambda c: prior(c, town)).kind in gazetteer.WIDE_KINDS:
            continue  # "together with Canada, Mexico should sue": a country is in no other country
        pairs = [(t, c) for t in town.candidates for c in container.candidates
                 if t.kind in ("city", "town", "province") and c.kind in ("province", "country") and t.id != c.id
                 and t.country == c.country and (c.kind == "country" or t.admin1 == c.admin1)]
        if pairs:
            town.candidates = tuple(dict.fromkeys(t for t, _ in pairs))
            container.candidates = tuple(dict.fromkeys(c for _, c in pairs))
            located.setdefault(name_key(town), town.candidates)
            located.setdefault(name_key(container), container.candidates)
    _one_sense(spans, located)
    apply_lists(text, spans)


def _one_sense(spans: list[Span], located: dict[str, tuple[Candidate, ...]]) -> None:
    """Every mention of a name the article located somewhere ("Paris, Texas") keeps only the readings it was
    located to, if it has them."""
    for span in spans:
        readings = located.get(name_key(span))
        if readings and not span.demonym and span.candidates != readings:
            kept = tuple(c for c in span.candidates if c in readings)
            span.candidates = kept or span.candidates


def apply_lists(text: str, spans: list[Span]) -> None:
    """"Alaska, Hawaii and Washington", "states such as California or Washington": in a list of the provinces or
    states of one country, a name that can be one of them is one (the state, not the capital). A list is three
    names or more joined by commas, "and", "or", or two after a plural division noun; "from Florida to
    Washington" and "Florida and Washington" are no such lists."""
    runs: list[list[Span]] = []
    for i, span in enumerate(spans):
        if span.demonym or not span.candidates:
            continue
        if runs and runs[-1][-1] is spans[i - 1] and LIST_SEPARATOR.fullmatch(text[spans[i - 1].end:span.start]):
            runs[-1].append(span)
        else:
            runs.append([span])
    for run in runs:
        if len(run) >= 3 or len(run) == 2 and DIVISIONS_NAMED.search(text[max(0, run[0].start - 40):run[0].start]):
            _divisions_of_a_list(run)


def _divisions_of_a_list(run: list[Span]) -> None:
    """Each name of the list whose other names all read first as provinces of one country keeps only its
    readings as a province of that country, if it has any."""
    tops = [max(span.candidates, key=lambda c: prior(c, span)) for span in run]
    for i, span in enumerate(run):
        others = tops[:i] + tops[i + 1:]
        countries = {top.country for top in others}
        if len(countries) != 1 or any(top.kind != "province" for top in others):
            continue
        divisions = tuple(c for c in span.candidates if c.kind == "province" and c.country in countries)
        if divisions:
            span.candidates = divisions


def divisions_by_name(spans: list[Span]) -> dict[str, set[Anchor]]:
    """Where each name's chosen place lies: its first-level division (country, admin1), and its point if a town.
    A name found by the gazetteer alone tells only with place evidence around it ("Horry County officials")."""
    found: dict[str, set[Anchor]] = {}
    for span in spans:
        c = span.chosen
        if (not span.weak or span.evidence in ("strong", "place")) and not span.demonym and c.admin1 \
                and c.kind in ("city", "town", "province"):
            found.setdefault(name_key(span), set()).add(Anchor.of(c))
    return found


def context_countries(spans: list[Span]) -> dict[str, Counter]:
    """Countries the article names, per name: as countries, as adjectives, or through places that can only
    be there. Per name, so that a name's own mentions do not vote for its own reading ("Georgia" among US
    states is not the country because it is the country)."""
    by_name: dict[str, Counter] = {}
    for span in spans:
        if not span.candidates or span.weak and not any(c.exact and c.kind == "country" for c in span.candidates):
            continue  # a town found by the gazetteer alone does not vote; a country's name does ("Niger:")
        counts = by_name.setdefault(name_key(span), Counter())
        countries = {c.country for c in span.candidates if c.country}
        top = span.candidates[0]
        if len(countries) == 1:
            counts[countries.pop()] += 1
        elif any(c.kind == "country" and c.exact for c in span.candidates):
            counts[next(c.country for c in span.candidates if c.kind == "country")] += 1
        elif len(span.candidates) > 1 and top.kind in ("city", "town", "province") \
                and top.population >= 10 * span.candidates[1].population:
            counts[top.country] += 1  # far bigger than any namesake
    return by_name


@lru_cache(maxsize=65536)
def spelled_alike(written: str, main: str) -> bool:
    """Whether a name as written is a spelling of a reading's main name (Hargeisa/Hargeysa, Jowhar/Jawhar), not
    another word GeoNames lists among its alternates (an exonym, a former name, a nickname)."""
    return spells(gazetteer.normalize(written), gazetteer.normalize(main))


@lru_cache(maxsize=65536)
def transliterated(written: str, main: str) -> bool:
    """Whether a name as written is the reading's main name in another transliteration (Mykolaiv/Mykolayiv,
    Khan Younis/Khan Yunis: one variant key), which weighs as the name itself; a name merely spelled alike
    (Mykolaiv/Mykolaivka, another town) does not."""
    return variant_key(gazetteer.normalize(written)) == variant_key(gazetteer.normalize(main))


def prior(c: Candidate, span: Span) -> float:
    """How likely the name means this candidate before looking at the article: log population, countries and
    regions above any town (a country's name means the country), capitals up, alternate-name matches down."""
    if c.kind in gazetteer.AREA_KINDS:
        score = REGION_PRIOR
    elif c.kind in gazetteer.FACILITY_KINDS:
        score = FACILITY_PRIOR
    elif c.kind == "country":
        score = max(math.log10(c.population + 10), COUNTRY_FLOOR) + COUNTRY_BONUS
    else:
        score = math.log10((c.population or UNKNOWN_POPULATION) + 10)
    if c.capital:
        score += CAPITAL_BONUS
    if not c.exact and not transliterated(span.core, c.name):
        score -= SPELLING_MALUS if spelled_alike(span.core, c.name) else ALTERNATE_MALUS
    if c.kind == "province":
        if span.division:
            score += DIVISION_WORD_BONUS
        else:
            score -= BARE_DIVISION_MALUS
            if any(o.kind in ("city", "town") and o.country == c.country and o.admin1 == c.admin1
                   and (o.exact or o.population >= c.population / 10) for o in span.candidates):
                score -= NAMESAKE_DIVISION_MALUS  # bare "Aleppo", "New York": the city, not the division
    elif span.division:
        score -= DIVISION_WORD_BONUS - 1.0
    return score


def choose(span: Span, countries: Counter, divisions: Counter, named: int = 0) -> Candidate:
    """The best reading: prior, plus the countries the article names, plus the provinces and states its other
    places lie in (`divisions`: the Anchors of the `named` other names), plus nearness to its other towns. The
    country and province bonuses do not reach readings far less likely than the name's best (CONTEXT_REACH)."""
    total = sum(countries.values()) or 1
    context = Context.of(divisions, named)
    priors = {c: prior(c, span) for c in span.candidates}
    # the bar: the likeliest reading that bears the name as written, not an unrelated alternate name (Singapore,
    # "the Garden City", does not shut out the towns called Garden City)
    best = max((p for c, p in priors.items() if c.exact or spelled_alike(span.core, c.name)), default=0.0)

    def score(c: Candidate) -> float:
        near, beside = context.nearness(c)
        if best - priors[c] > CONTEXT_REACH and not beside:  # only a close neighbour lifts a hamlet that far
            return priors[c]
        bonus = NEAR_BONUS * near
        if c.country and countries.get(c.country):
            bonus += COUNTRY_NAMED + COUNTRY_SHARE * countries[c.country] / total
        if share := context.division_share(c):
            bonus += DIVISION_NAMED + DIVISION_SHARE * share
        return priors[c] + bonus

    return max(span.candidates, key=score)
