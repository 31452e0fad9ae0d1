"""Evidence that a mention is a participant of the story, not a word about one.

A name is evidence enough when the knowledge base or NER supports it, and so is a group nominal ("the rebels",
"civilians": a conflict's parties and the people acted on); a person described without a name ("a senior official") becomes an actor only when it acts or speaks: the subject of a verb, the agent of a passive, the
source of "according to", outside quotation marks (a speaker's "the mayor" is a word, not a speaker). A
country name is a state acting only where the sentence does not use it as a location ("in Tanzania", "what is
now Rwanda"): as a subject, possessor, or modifier of an actor or action ("Iranian officials", "Russian
airstrikes"). Names seen only in heading lines (subheadings in the body, the site's name closing the title)
are no participants either.
"""
from __future__ import annotations

import re

from conflictcli.actors.lexicon import NOMINAL_HEADS
from conflictcli.actors.mentions import Cluster
from conflictcli.referents.gender import is_known_name
from conflictcli.sources.layout import is_heading

SUBJECT_DEPS = ("nsubj", "nsubjpass")
PEOPLE_NOUNS = frozenset(NOMINAL_HEADS) | frozenset("""
    people community communities population populations men women children families leaders clerics
    groups tribes minority minorities majority settlers worshippers voters politicians parties partners allies
""".split())
STATE_DEPS = ("poss", "dobj", "dative", "npadvmod")  # "Iran's", "sanctioned Iran", "Iran-backed"
LOCATIVE_PREPS = frozenset("""
    in at to from into onto across throughout near within inside outside around toward towards through over via
    on across along beyond between among upstream downstream off
""".split())
PLACE_LABELS = ("GPE", "LOC", "FAC")
NAMED_KINDS = ("person", "org", "kb", "state", "group")
MUST_ACT = ("role", "body", "people")  # a person, an office or a crowd described, not named
TRUNCATED = re.compile(r"(\.\.\.|…)\s*(more|read more)?\s*$", re.IGNORECASE)  # a teaser of another story
# "Headline | Site Name", "Headline - The Site": up to five capitalised words after a separator end the title
SITE_TRAILER = re.compile(r"\s[|–—-]\s+((?:[A-Z0-9][\w.&'’]*\s+){0,4}[A-Z0-9][\w.&'’]*)\s*$")


def acts(head) -> bool:
    """The subject (or passive agent) of a verb, directly, through a conjunction or as an apposition."""
    tok = head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS:
        return True
    prep = tok.head
    return tok.dep_ == "pobj" and (prep.dep_ == "agent" or prep.lower_ == "to" and prep.head.lower_ == "according")


def acts_as_state(root) -> bool:
    """A country word used for the state, not for the land: "Iran said", "Iran's support", "Iranian
    officials", "joined Jordan", "talks with Russia"; not "in Tanzania", "travel to Turkey", "what is now Rwanda"."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if acts(tok) or tok.dep_ in STATE_DEPS:
        return True
    if tok.dep_ in ("compound", "amod", "nmod"):  # not in a place's name: "Spanish Town Police Station"
        head = tok.head
        return head.ent_type_ not in PLACE_LABELS and not (head.is_title and head.pos_ == "PROPN" and head.ent_type_ != "ORG")
    if tok.dep_ == "pobj":
        prep = tok.head
        return prep.lower_ not in LOCATIVE_PREPS and not (prep.lower_ == "of" and prep.head.ent_type_ in PLACE_LABELS)
    return False


def describes_thing(tok) -> bool:
    """A people's adjective on something other than people: "the Jewish state", "Arab states", "Kurdish
    areas" describe a state or a place, not the group acting ("Kurdish fighters", "Sunni residents" do)."""
    head = tok.head
    return tok.dep_ in ("amod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i != tok.i \
        and head.lower_ not in PEOPLE_NOUNS


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Short lines without a sentence end, lines in capitals and teasers cut short ("... more"), after the
    headline: subheadings and links to other stories ("Pregnant Women and Infants",
    "WHO IS THE FRONT-RUNNER?"), not sentences; and the site's name closing the headline ("... | The Site")."""
    out = []
    for n, m in enumerate(re.finditer(r"[^\n]+", text)):
        line = m.group()
        if n == 0:  # the headline names the story's participants; the site after it ("... | Al Jazeera") no one
            site = SITE_TRAILER.search(line)
            if site:
                out.append((m.start() + site.start(1), m.start() + site.end(1)))
            continue
        letters = [c for c in line if c.isalpha()]
        shouted = len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        if shouted or TRUNCATED.search(line) or is_heading(line):
            out.append((m.start(), m.end()))
    return out


def is_participant(cluster: Cluster, quotations: list[tuple[int, int]], headings: list[tuple[int, int]]) -> bool:
    """Whether a merged cluster is an actor a reader would list (see the module docstring)."""
    kind = cluster.key[0]
    named = [m for m in cluster.mentions if not m.pronoun]
    if not named:
        return False
    if all(_inside(m, headings) for m in named):
        return False
    if kind == "state":
        return any(m.acts for m in named) or any(m.key[0] != "state" for m in named)
    if kind in NAMED_KINDS:
        return True
    if kind in MUST_ACT:  # described, not named: only one who acts or speaks, outside quotation marks
        return any(m.acts and not _inside(m, quotations) for m in named)
    return True


def has_name_evidence(mentions) -> bool:
    """Whether a "person" written with one word only is one: a known given name or surname, a title, or a
    mention that acts. Else NER took a site or company for a person ("Twitter", "Gossipgist")."""
    if any(len(m.name.split()) > 1 or m.role or m.acts for m in mentions):
        return True
    return any(is_known_name(m.name) for m in mentions)


def _inside(mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in spans)
