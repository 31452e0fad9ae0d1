"""One actor per real-world participant: mentions merged by name (surnames, spellings, acronyms defined in the
text, repeated names NER missed), role descriptions merged into the person the text names as holding the role,
nominals into their class and country, and pronouns linked through the referent layer."""
from __future__ import annotations

from difflib import SequenceMatcher

from conflictcli.actors.build import actor_of
from conflictcli.actors.context import best_role
from conflictcli.actors.lexicon import ACRONYM, ACRONYM_DEFINITION, ANAPHOR_MODIFIERS, ANAPHOR_REACH, ROLE_SYNONYMS
from conflictcli.actors.mentions import Cluster, RawMention, majority, occurrences
from conflictcli.actors.named import place_name
from conflictcli.lexicon import demonyms, kb
from conflictcli.nlp.model import doc_text
from conflictcli.referents.names import person_key
from conflictcli.referents.pronouns import Antecedent, pronoun_links


def merge(doc, named: list[RawMention], nominal: list[RawMention], parsed: bool) -> list[Cluster]:
    clusters: dict[tuple, Cluster] = {}

    def add(key, cand):
        clusters.setdefault(key, Cluster(key)).mentions.append(cand)

    people = [c for c in named if c.key[0] == "person"]
    for cand in named:
        if cand.key[0] != "person":
            add(cand.key, cand)
    _merge_people(people, clusters, add)
    _merge_named_alike(clusters, add)
    _merge_acronyms(doc, clusters, add)
    _repeat_mentions(doc, clusters, add)
    _merge_roles(nominal, clusters, add)
    _merge_nominals([c for c in nominal if c.key[0] != "role"], clusters, add)
    _inherit_counterpart_roles(clusters)
    if parsed:
        _link_pronouns(doc, clusters, add)
    return [c for c in clusters.values() if c.mentions]


def _merge_people(people: list[RawMention], clusters, add) -> None:
    """Full names first; a shorter form joins the full name it ends or starts with, or nearly spells."""
    people.sort(key=lambda c: (-len(c.key[1]), c.start))
    full: list[tuple] = []
    for cand in people:
        key = cand.key[1]
        if not key:
            continue
        target = None
        if len(key) >= 2:
            matches = [f for f in full if f[-len(key):] == key or f[:len(key)] == key and len(key) < len(f)]
            target = matches[0] if len(matches) == 1 else None
            if key in full:
                target = key
            if target is None:
                full.append(key)
                target = key
        else:
            target = _closest_full_name(key[0], full, cand.start, clusters)
            if target is None:
                full.append(key)
                target = key
        add(("person", target), cand)
    # organisations NER mislabelled: a single unknown word that spells a person's surname ("Aragchchi")
    for key, cluster in list(clusters.items()):
        if key[0] == "org" and len(key[1].split()) == 1 and not ACRONYM.fullmatch(cluster.mentions[0].text):
            target = _closest_full_name(key[1], [f for f in full if len(f) >= 2], cluster.first, clusters, by_recency=False)
            if target is not None:
                for cand in cluster.mentions:
                    cand.type = "person"
                    add(("person", target), cand)
                del clusters[key]


def _closest_full_name(word: str, full: list[tuple], at: int, clusters, by_recency: bool = True) -> tuple | None:
    """The full name a single word stands for: the same surname (or first name), else a near spelling.
    Among several people sharing it, the one mentioned last before `at` (no evidence, no merge: None)."""
    for rule in ("surname", "first", "spelling"):
        if rule == "surname":
            hits = [f for f in full if len(f) >= 2 and f[-1] == word]
        elif rule == "first":
            hits = [f for f in full if len(f) >= 2 and f[0] == word]
        else:
            hits = [f for f in full if len(f) >= 2 and len(word) >= 5 and f[-1][0] == word[0]
                    and SequenceMatcher(None, f[-1], word).ratio() >= 0.8]
        if rule != "spelling" and not by_recency and hits:
            return hits[0] if len(hits) == 1 else None
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            before = [(max((m.start for m in clusters[("person", f)].mentions if m.start < at), default=-1), f)
                      for f in hits if ("person", f) in clusters]
            before = [b for b in before if b[0] >= 0]
            return max(before)[1] if before else None
    return None


def _merge_acronyms(doc, clusters, add) -> None:
    """ "Hayat Tahrir al-Sham (HTS)": the acronym names the actor before it, wherever it appears."""
    text = doc_text(doc)
    defined: dict[str, tuple] = {}
    for key, cluster in list(clusters.items()):
        for cand in cluster.mentions:
            m = ACRONYM_DEFINITION.match(text, cand.end, cand.end + 16)
            if m and ACRONYM.fullmatch(m.group(1)) and key[0] != "person":
                defined.setdefault(m.group(1), key)
        if key[0] in ("org", "kb", "nominal", "body"):
            initials = "".join(w[0] for w in cluster.mentions[0].name.split()
                               if w[:1].isupper() and w.lower() not in ("of", "for", "the", "and"))
            if len(initials) >= 3:
                defined.setdefault(initials, key)
    for acronym, target in defined.items():
        for key in [k for k in clusters if k[0] == "org" and k != target and k in clusters]:
            if all(c.text == acronym for c in clusters[key].mentions) and target in clusters:
                for cand in clusters.pop(key).mentions:
                    cand.type = clusters[target].mentions[0].type
                    add(target, cand)
        if target not in clusters:
            continue
        covered = {(c.start, c.end) for cl in clusters.values() for c in cl.mentions}
        for start, end in occurrences(text, acronym):
            if not any(s <= start < e for s, e in covered):
                proto = clusters[target].mentions[0]
                add(target, RawMention(start, end, acronym, target, proto.type, proto.name,
                                      affiliation=proto.affiliation))


def _repeat_mentions(doc, clusters, add) -> None:
    """NER tags a name in one sentence and misses it in the next: every other occurrence of a person's name or
    surname (when no other person shares it), or of an organisation's name, is a mention too."""
    forms: dict[str, tuple | None] = {}
    for key, cluster in clusters.items():
        if key[0] not in ("person", "org", "group"):
            continue
        names = {" ".join(c.text.split()) for c in cluster.mentions if c.key[0] == key[0]}
        if key[0] == "person":  # surname, and first name ("Karim" for Karim Wasifi) unless a place has it
            names |= {part for n in names if len(n.split()) >= 2 for part in (n.split()[0], n.split()[-1])}
        for form in names:
            if len(form) >= 4 and form[:1].isupper() and not place_name(form):
                forms[form] = key if forms.get(form, key) == key else None  # shared by two actors: ambiguous
    text = doc_text(doc)
    covered = bytearray(len(text))  # 1 where a mention is
    for cl in clusters.values():
        for c in cl.mentions:
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    for form, key in sorted(forms.items(), key=lambda item: -len(item[0])):  # "Abu Ghadiya" before "Ghadiya"
        if key is None:
            continue
        for start, end in occurrences(text, form):
            if covered.find(1, start, end) != -1:
                continue
            proto = clusters[key].mentions[0]
            add(key, RawMention(start, end, form, key, proto.type, proto.name, affiliation=proto.affiliation))
            covered[start:end] = b"\x01" * (end - start)


def _merge_roles(nominal: list[RawMention], clusters, add) -> None:
    """ "Iran's foreign minister" -> the named person holding that office (an apposition, the same title and
    country, or the only person with that title); "the former mayor", with no one titled so, -> the person
    named last before it who has no title. Else the role stays an actor of its own."""
    for cand in nominal:
        if cand.key[0] != "role":
            continue
        holder = _holder(cand, clusters)
        if holder is not None:
            cand.type = "person"
            add(holder, cand)
        else:
            add(("role", kb.normalize(cand.text)), cand)


def _holder(cand: RawMention, clusters) -> tuple | None:
    people = {k: cl for k, cl in clusters.items() if k[0] == "person"}
    if cand.holder is not None:
        hits = [k for k, cl in people.items() if any(m.start <= cand.holder < m.end for m in cl.mentions)]
    else:
        hits = [k for k, cl in people.items() if any(
            m.role and _same_role(m.role, cand.role) and m.affiliation == cand.affiliation for m in cl.mentions)]
    if len(hits) != 1 and cand.holder is None:
        hits = [k for k, cl in people.items() if any(
            m.role and _role_head(m.role) == _role_head(cand.role) for m in cl.mentions)
            and not _other_country(cl, cand.affiliation)]
    if len(hits) == 1:
        return hits[0]
    if hits or not cand.definite:
        return None
    return _dominant_person(people, cand.start)


def _dominant_person(people: dict, before: int) -> tuple | None:
    """The story's main person, named in full before `before` and mentioned at least twice as often as anyone
    else: the one an untitled "the former mayor" most likely describes."""
    counts = sorted(((len(cl.mentions), k) for k, cl in people.items()
                     if len(k[1]) >= 2 and any(m.start < before for m in cl.mentions)), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    return counts[0][1]


def _other_country(cluster: Cluster, affiliation: str | None) -> bool:
    """The person belongs to another country than the role ("the Russian spokesperson" is not Iran's)."""
    own = {m.affiliation for m in cluster.mentions if m.affiliation}
    return affiliation is not None and bool(own) and affiliation not in own


def _role_head(role: str) -> str:
    """The office of a title: "former U.S. ambassador" -> ambassador; "co-founder" -> founder."""
    head = role.lower().split()[-1]
    return ROLE_SYNONYMS.get(head, head.removeprefix("co-"))


def _same_role(a: str, b: str) -> bool:
    """ "Foreign Minister" = "foreign minister" = "top foreign minister"."""
    drop = {"senior", "top", "former", "acting", "interim"}
    return [w for w in a.lower().split() if w not in drop] == [w for w in b.lower().split() if w not in drop]


def _merge_nominals(nominal: list[RawMention], clusters, add) -> None:
    """Same class, compatible country: one actor ("Iran-backed militias" = "Iraqi militiamen")."""
    states = sorted((k for k in clusters if k[0] == "state" and k[1]), key=lambda k: -len(clusters[k].mentions))
    for cand in nominal:
        klass, affiliation = cand.key[0], cand.key[1]
        if klass == "state" and affiliation is None:
            if states:  # "the government" of the story's main state
                cand.name = demonyms.country_name(states[0][1]) or cand.name
                cand.affiliation = states[0][1]
                add(states[0], cand)
            continue
        if klass == "anaphor":
            target = _antecedent(cand, clusters)
            if target is not None:
                cand.type = clusters[target].mentions[0].type
                add(target, cand)
            elif len(cand.text.split()) >= 2 and cand.text.lower().split()[-2] in ANAPHOR_MODIFIERS:
                add(("militants", None), cand)  # "this terrorist group" with no group named before
            continue
        if klass == "kb" and cand.key in clusters and any(cand.start <= m.start < cand.end for m in clusters[cand.key].mentions):
            continue  # "HTS fighters" around a mention of HTS: one mention, not two
        if klass in ("state", "nominal", "body", "people", "kb"):
            add(cand.key, cand)
            continue
        if affiliation is None:
            same = [k for k in clusters if k[0] == klass]
            if same:
                add(max(same, key=lambda k: len(clusters[k].mentions)), cand)
                continue
        else:
            orphan = (klass, None)
            if orphan in clusters and (klass, affiliation) not in clusters:
                clusters[(klass, affiliation)] = clusters.pop(orphan)
                clusters[(klass, affiliation)].key = (klass, affiliation)
        add((klass, affiliation), cand)


def _antecedent(cand: RawMention, clusters) -> tuple | None:
    """The armed group mentioned last before `cand`, within ANAPHOR_REACH characters."""
    best = None
    for key, cluster in clusters.items():
        if cluster.mentions[0].type != "armed_group" or key[0] not in ("kb", "org", "militias", "rebels", "militants"):
            continue
        before = [m.start for m in cluster.mentions if m.start < cand.start]
        if before and cand.start - max(before) <= ANAPHOR_REACH and (best is None or max(before) > best[0]):
            best = (max(before), key)
    return best[1] if best else None


def _inherit_counterpart_roles(clusters) -> None:
    """ "His Turkish counterpart Hakan Fidan": the office of the person last mentioned before, who has one."""
    people = [c for k, c in clusters.items() if k[0] == "person"]
    for cluster in people:
        for m in cluster.mentions:
            if not (m.role and m.role.lower() == "counterpart"):
                continue
            before = [(o.start, c) for c in people if c is not cluster for o in c.mentions if o.start < m.start]
            for _, other in sorted(before, key=lambda b: b[0], reverse=True):
                roles = [o.role for o in other.mentions if o.role and o.role.lower() != "counterpart"]
                if roles:
                    m.role = best_role(roles)
                    break


def _link_pronouns(doc, clusters, add) -> None:
    """Pronoun mentions from the referent layer: "he"/"she" and a quoted "I" join the person they stand for;
    a quoted "we" joins the speaker's body (_speaker_body)."""
    antecedents = [Antecedent(c.start, c.end, key, key[0] == "person" or cl.mentions[0].type == "person")
                   for key, cl in clusters.items() for c in cl.mentions]
    actors = {key: actor_of(cl, doc_text(doc)) for key, cl in clusters.items()}
    for link in pronoun_links(doc, antecedents, actors):
        key = _speaker_body(link.key, clusters) if link.plural else link.key
        if key is not None:
            proto = clusters[key].mentions[0]
            add(key, RawMention(link.start, link.end, link.text, key, proto.type, proto.name, pronoun=True))


def _speaker_body(key: tuple, clusters) -> tuple | None:
    """The "we" of a speaker: an organisation or state speaks for itself; a person for the armed group or
    non-state organisation in their title ("Hezbollah spokesman"), else for their state ("Iranian Foreign
    Ministry spokesperson", "FCO Minister"); no "we" for a person with neither."""
    if key[0] != "person" and clusters[key].mentions[0].type != "person":
        return key
    mentions = clusters[key].mentions
    for employer in (m.employer for m in mentions if m.employer in clusters):
        body = clusters[employer].mentions[0]
        if body.type == "armed_group" or body.affiliation is None:
            return employer
    affiliations = [m.affiliation for m in mentions if m.affiliation]
    state = ("state", majority(affiliations)) if affiliations else None
    return state if state in clusters else None


def _merge_named_alike(clusters, add) -> None:
    """Names NER or the knowledge base typed apart: an organisation written only as a person's surname
    ("Trump", "Bloomberg", "Al-Kahlot" tagged ORG beside the person) is that person; a party's members
    ("Conservatives", "Democrats") are the party ("Conservative Party"); an organisation's shorter name
    ("Security Council") is the longer one that ends with it ("UN Security Council"), when only one does."""
    surnames: dict[str, list[tuple]] = {}
    for key in clusters:
        if key[0] == "person" and key[1]:
            surnames.setdefault(key[1][-1], []).append(key)
    orgs = {k: kb.normalize(cl.mentions[0].name) for k, cl in clusters.items() if k[0] in ("org", "kb", "group")}
    for key, name in orgs.items():
        forms = {person_key(m.text) for m in clusters[key].mentions}
        target = None
        if len(forms) == 1 and len(next(iter(forms))) == 1 and len(surnames.get(next(iter(forms))[0], [])) == 1:
            target = surnames[next(iter(forms))[0]][0]
        elif key[0] == "group" and name.endswith("s"):
            parties = [k for k, n in orgs.items() if n.endswith(" party") and n[:5] == name[:5] and k != key]
            target = parties[0] if len(parties) == 1 else None
        elif key[0] == "org":
            longer = [k for k, n in orgs.items() if n.endswith(" " + name) and k != key]
            target = longer[0] if len(longer) == 1 else None
        if target is not None and target in clusters and key in clusters:
            for cand in clusters.pop(key).mentions:
                cand.type = clusters[target].mentions[0].type
                add(target, cand)
