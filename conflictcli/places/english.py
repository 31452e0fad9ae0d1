"""Is a capitalised word a common English word ("Aid", "Congress", "Sake") rather than a name ("Kayes", "Loikaw")?
The dictionary is the WordNet lemma index that the spaCy English model ships for its rule lemmatizer (nouns,
verbs, adjectives, adverbs: some 90,000 words), read from the installed model package (nothing downloaded), plus
the regular plural and verb endings. A model without those tables gives no answer (None), and callers fall back
to the tagger's part of speech.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))


@lru_cache(maxsize=1)
def _dictionary():
    """The words in a memory-mapped MARISA trie, written once into the cache folder beside the gazetteer index
    (a Python set of them would take some 10 MB in every process, reading the tables 20 MB more), or None."""
    import marisa_trie

    from conflictcli.nlp.model import resolve_model
    from conflictcli.places.gazetteer import index_path

    model = "".join(c if c.isalnum() or c in "._-" else "_" for c in resolve_model())
    path = index_path().parent / f"english-{model}.marisa"
    if not path.exists():
        words = _read_words()
        if words is None:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"gazetteer-english-{os.getpid()}.tmp")  # a killed writer's file is cleaned up
        marisa_trie.Trie(words).save(str(tmp))
        os.replace(tmp, path)
    trie = marisa_trie.Trie()
    trie.mmap(str(path))
    return trie


def _read_words() -> set[str] | None:
    """The WordNet lemma index and irregular forms from the installed model package, or None."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from conflictcli.nlp.model import resolve_model

    try:
        found = next(Path(get_package_path(resolve_model())).glob("**/lemmatizer/lookups/lookups.bin"), None)
    except Exception:  # a model given by path, or no package: no dictionary
        return None
    if found is None:
        return None
    lookups = Lookups().from_disk(found.parent)
    if not lookups.has_table("lemma_index"):
        return None
    words = {w for forms in lookups.get_table("lemma_index").values() for w in forms if "_" not in w}
    if lookups.has_table("lemma_exc"):
        words |= {w for table in lookups.get_table("lemma_exc").values() for w in table}
    return words


def is_english_word(word: str) -> bool | None:
    """Whether `word` (any case) is an English dictionary word or a regular inflection of one; None when the
    model ships no dictionary."""
    words = _dictionary()
    if words is None:
        return None
    w = word.lower()
    return w in words or any(w.endswith(end) and len(w) > len(end) + 2 and w[:-len(end)] + base in words
                             for end, base in ENDINGS)
