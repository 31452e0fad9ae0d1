"""From a cluster of mentions to the Actor a reader sees: its name (the fullest form), type, role,
affiliation, aliases (every other surface form, never a bare pronoun or a generic noun) and mentions."""
from __future__ import annotations

import re

from conflictcli.actors.context import best_role
from conflictcli.actors.evidence import has_name_evidence
from conflictcli.actors.lexicon import BACKER_PREFIX
from conflictcli.actors.mentions import Cluster, majority
from conflictcli.lexicon import demonyms, kb
from conflictcli.models import Actor, Mention
from conflictcli.referents.names import person_key


def actor_of(cluster: Cluster, text: str) -> Actor:
    """The actor of a cluster; its mentions quote `text` exactly (candidates' texts have white space folded)."""
    mentions = sorted(cluster.mentions, key=lambda c: c.start)
    kind = cluster.key[0]
    if kind == "person":
        names = [m.name for m in mentions if len(person_key(m.name)) == len(cluster.key[1]) and m.key[0] == "person"]
        name = max(names, key=names.count) if names else mentions[0].name
        type_ = "person" if has_name_evidence([m for m in mentions if not m.pronoun]) else "organization"
    elif kind in ("state", "kb"):
        name = mentions[0].name
        type_ = mentions[0].type
    else:
        name = mentions[0].name
        type_ = majority([m.type for m in mentions])
    roles = [m.role for m in mentions if m.role]
    affiliations = [m.affiliation for m in mentions if m.affiliation]
    aliases = []
    for m in mentions:
        if m.pronoun:
            continue
        form = " ".join(re.sub(r"['’]s?$", "", m.text).split())
        generic = kind in ("state", "kb", "person") and form.islower()  # "government" is no name for Syria
        if form and form != name and form not in aliases and not generic:
            aliases.append(form)
    if kind not in ("person", "state", "kb"):  # "US-backed Kurdish authorities" is also "Kurdish authorities"
        for m in mentions:
            core = " ".join(BACKER_PREFIX.sub("", m.text).split())
            if core != m.text and core != name and core not in aliases:
                aliases.append(core)
    if kind == "kb":
        entry = kb.by_key(cluster.key[1])
        aliases += [a for a in (entry.name, *entry.aliases) if a != name and a not in aliases]
    if kind == "state" and cluster.key[1]:
        aliases += [a for a in demonyms.country_aliases(cluster.key[1]) if a not in aliases and a != name]
    return Actor(name=name, type=type_, role=best_role(roles) if roles else None,
                 affiliation=majority(affiliations) if affiliations else None, aliases=aliases,
                 mentions=[Mention(m.start, m.end, text[m.start:m.end]) for m in mentions])
