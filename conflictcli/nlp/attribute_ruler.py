"""The model's attribute ruler (POS and morphology from tags), same rules and same result, at a quarter of the cost.

spaCy's AttributeRuler runs a Matcher over every token; its per-token overhead, not the ~180 rules, made it
cost as much as the dependency parser. A one-token rule depends only on the token's own attributes (tag,
lowercase form, dependency, ...), so its outcome is worked out once per distinct combination and cached; a
multi-token rule runs only where its first token can match. tests/test_attribute_ruler.py checks that every
token gets the attributes the stock ruler gives it. Imported only by nlp.load (it needs spaCy).
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "conflictcli_attribute_ruler"
CACHE_LIMIT = 50_000  # token keys kept (~100 bytes each, outcomes shared); cleared past it: memory stays flat
WRITTEN = [POS, MORPH, LEMMA]  # what the rules set on most tokens: written for a whole doc in one from_array


class CachedAttributeRuler(AttributeRuler):
    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._split_patterns()

    def _split_patterns(self) -> None:
        self.token_matcher = Matcher(self.vocab, validate=False)  # one-token rules
        self.start_matcher = Matcher(self.vocab, validate=False)  # the first token of each longer rule
        self.context_matcher = Matcher(self.vocab, validate=False)  # the longer rules
        self.context_length = 0
        key_names: set[str] = set()
        for attr_id in range(len(self.attrs)):
            for pattern in self.matcher.get(str(attr_id))[1]:
                names = {name.upper() for token in pattern for name in token}
                if not names <= IDS.keys() or "OP" in names:
                    raise ValueError(f"attribute-ruler rule not decidable from token attributes: {pattern}")
                key_names |= names
                if len(pattern) == 1:
                    self.token_matcher.add(str(attr_id), [pattern])
                else:
                    self.start_matcher.add(str(attr_id), [pattern[:1]])
                    self.context_matcher.add(str(attr_id), [pattern])
                    self.context_length = max(self.context_length, len(pattern))
        self.key_attrs = [IDS[name] for name in sorted(key_names)]
        self.outcomes: dict[bytes, tuple] = {}
        self.distinct: dict[tuple, tuple] = {}  # each outcome stored once, however many keys share it

    def __call__(self, doc):
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc)
            return doc
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)

    def _outcome(self, token) -> tuple:
        """For one token's key: the one-token rules matching it (attr ids, in rule order), what they write to
        WRITTEN (mask, values), any other attributes they set, and whether a longer rule can start there."""
        one = token.doc[token.i:token.i + 1]
        ids = sorted(int(self.vocab.strings[m]) for m, _, _ in self.token_matcher(one, allow_missing=True))
        merged: dict = {}
        for attr_id in ids:  # later rules win, as in AttributeRuler.set_annotations
            merged.update(self.attrs[attr_id])
        mask = tuple(attr in merged for attr in WRITTEN)
        values = tuple(merged.get(attr, 0) for attr in WRITTEN)
        other = tuple((attr, value) for attr, value in merged.items() if attr not in WRITTEN)
        starts = bool(self.start_matcher(one, allow_missing=True))
        outcome = (tuple(ids), mask, values, other, starts)
        return self.distinct.setdefault(outcome, outcome)

    def _annotate(self, doc) -> None:
        if not len(doc):
            return
        if len(self.outcomes) > CACHE_LIMIT:
            self.outcomes.clear()
        keys = numpy.ascontiguousarray(doc.to_array(self.key_attrs))
        unique, first, inverse = numpy.unique(keys.view(f"V{keys.shape[1] * keys.itemsize}").ravel(),
                                              return_index=True, return_inverse=True)
        outcomes = []
        for key, i in zip(unique.tolist(), first.tolist()):
            outcome = self.outcomes.get(key)
            if outcome is None:
                outcome = self.outcomes[key] = self._outcome(doc[i])
            outcomes.append(outcome)
        inverse = inverse.ravel()
        mask = numpy.array([o[1] for o in outcomes], dtype=bool)[inverse]
        values = numpy.array([o[2] for o in outcomes], dtype="uint64")[inverse]
        doc.from_array(WRITTEN, numpy.where(mask, values, doc.to_array(WRITTEN)))
        for u, outcome in enumerate(outcomes):
            if outcome[3]:
                for i in numpy.flatnonzero(inverse == u).tolist():
                    set_token_attrs(doc[i], dict(outcome[3]))
        # longer rules: redo each token they touch with all its matching rules in rule order
        extra: dict[int, list[int]] = {}
        starts = numpy.array([o[4] for o in outcomes], dtype=bool)[inverse]
        for i in numpy.flatnonzero(starts).tolist():
            window = doc[i:i + self.context_length]
            for m_id, start, end in self.context_matcher(window, allow_missing=True):
                if start == 0:
                    attr_id = int(self.vocab.strings[m_id])
                    extra.setdefault(window[start:end][self.indices[attr_id]].i, []).append(attr_id)
        for i, ids in extra.items():
            for attr_id in sorted(outcomes[inverse[i]][0] + tuple(ids)):
                set_token_attrs(doc[i], self.attrs[attr_id])


def _make(nlp, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name)


def install(nlp) -> None:
    """Swap the model's attribute_ruler for the cached one, same name, same place, same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(patterns)
