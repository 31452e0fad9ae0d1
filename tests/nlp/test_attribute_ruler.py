"""The cached attribute ruler gives every token exactly what spaCy's own AttributeRuler gives it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictcli.nlp import model as nlp_module

ARTICLE = Path(__file__).resolve().parents[2] / "samples" / "syria-iraqi-militias.txt"
TRICKY = [  # one-token rules by tag, word and dependency; each multi-token rule; whitespace tokens
    "There is a problem and there were two. I ain't gonna go, y'all, and we gotta leave. Let's see. C'mon!",
    "Nothin' doin' -- she gets it; he got 'em. It's done, isn't it? Whoever did that, did it well.\n\n\t  Next.",
    "\n",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    ours = nlp_module.load()
    stock = spacy.load(nlp_module.resolve_model(), exclude=list(nlp_module.UNUSED_COMPONENTS))
    return stock, ours


def test_the_cached_ruler_replaces_the_stock_one(pipelines):
    from conflictcli.nlp.attribute_ruler import CachedAttributeRuler

    stock, ours = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert ours.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns


@pytest.mark.parametrize("text", [ARTICLE.read_text(encoding="utf-8")] + TRICKY)
def test_same_attributes_as_spacy(pipelines, text):
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from conflictcli.nlp.attribute_ruler import CachedAttributeRuler

    stock, _ = pipelines
    spacy_ruler = stock.get_pipe("attribute_ruler")
    cached = CachedAttributeRuler(stock.vocab, "cached")
    cached.add_patterns(spacy_ruler.patterns)
    with stock.select_pipes(enable=stock.pipe_names[:stock.pipe_names.index("attribute_ruler")]):
        parsed = stock(text)
    expected = spacy_ruler(parsed.copy())
    attrs = [POS, TAG, DEP, HEAD, MORPH, LEMMA]
    for _ in ("computed", "from the cache"):
        got = cached(parsed.copy())
        assert expected.to_array(attrs).tolist() == got.to_array(attrs).tolist()
        assert [str(t.morph) for t in expected] == [str(t.morph) for t in got]


def test_the_stream_parses_the_same_with_either_ruler(pipelines):
    """Through the whole pipeline (ours adds the entity ruler): tags, POS, parse and morphology identical."""
    stock, ours = pipelines
    text = ARTICLE.read_text(encoding="utf-8")
    a, b = stock(text), ours(text)
    assert [(t.pos_, t.tag_, t.dep_, str(t.morph)) for t in a] == [(t.pos_, t.tag_, t.dep_, str(t.morph)) for t in b]
