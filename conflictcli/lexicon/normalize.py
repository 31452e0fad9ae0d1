"""Text normalisation for name lookups: one module, one named function per use, so that two stages never
disagree about when two spellings are "the same name".

- `plain`: accents dropped, case folded (the common base).
- `place_key`: a gazetteer key, equal across the usual transliterations of one place name (Kyiv/Kiev aside,
  which are GeoNames alternate names): apostrophes, the Arabic article, doubled letters, final -ah, tell/tel,
  Saint/St.
- `variant_key`: a looser gazetteer key that also equates the transliteration families one sound is written in
  (ou/u, o/u, e/i, ei/ay/i, q/k, kh/h, dh/d, sh/ch/s, -iya/-ia, -yi/-iy/-y): only a fallback, when `place_key`
  finds nothing. `spells` tells whether one key is a spelling of another (a transliteration, not an exonym).
- `actor_key`: an actor's name for comparison: `plain`, apostrophes and dots dropped, hyphens as spaces, no
  leading article ("the U.S. State Department" and "US State Department" meet).
- `line_form`: a line of text with its typography folded (quotes, dashes, spaces, case), so that boilerplate
  rules and repeated-line checks compare lines, not typesetting.
- `nation_key`: 'Iranian', "Iran's" and 'Iran' share a key, to tell two people's roles apart by nation.
- `name_form`: a name as written, with typographic apostrophes straightened, white space folded, a leading "the"
  and a trailing possessive dropped ("the United States'" -> "United States"); case is kept.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                              "ð": "d", "ħ": "h"})  # letters NFKD leaves alone
APOSTROPHES = re.compile(r"[’‘`'ʼʿʾ´′]")
ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ul|[ae][dnrstz]|ash|ath|adh|dh)-(?=\w)")
# Words that open place names of the Arabic-speaking world and its neighbours, written lowercase in English news
# as often as not ("tal Rifaat", "al-Tanf", "deir ez-Zor"): the Arabic article in its assimilated forms, and the
# generic words for hill, mountain, valley, monastery, cape, spring, village, inn, well, house, castle.
ARABIC_ARTICLES = frozenset("al el ul ad an ar as at az ash ath adh dh ed en er es et ez".split())
TOPONYM_PREFIXES = frozenset("tal tall tell tel jabal jebel jisr wadi deir dayr ras ain ayn kafr kfar khan bir maarat "
                             "qasr beit bayt".split())
TELL_WORDS = {"tel": "tal"}  # tal / tel / tall / tell once doubled letters are collapsed
ABBREVIATED_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt"}  # St Catherine / Saint Catherine, Mt Kenya
ARTICLE_WORDS = {"al", "el"}  # the Arabic article written as a word of its own ("Al Hasakah")


def plain(text: str) -> str:
    """Accents dropped (NFKD, plus the letters it leaves alone) and case folded."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().translate(UNDECOMPOSED)


@lru_cache(maxsize=8192)
def place_key(name: str) -> str:
    """The lookup key of a place name, equal across the usual spellings of one name: accents and case
    dropped, apostrophes (’ ‘ ` ') removed, hyphens and dots as separators, the Arabic article (al-, el-,
    ad-, ash-, ez-...) dropped, doubled letters single (Rifaat/Rif'at, Tall/Tal), tell/tel as tal, a
    final -ah as -a (Hamah/Hama), and Saint, Sainte, Mount as St, Ste, Mt."""
    s = APOSTROPHES.sub("", plain(name))
    s = ARABIC_ARTICLE.sub("", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w]+", " ", s)
    words = [re.sub(r"(\w)\1+", r"\1", w) for w in s.split()]
    words = [w[:-1] if len(w) > 3 and w.endswith("ah") else w for w in words]  # Hamah / Hama
    words = [TELL_WORDS.get(w, w) for w in words]
    words = [ABBREVIATED_WORDS.get(w, w) for w in words]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    kept = [w for w in words if w not in ARTICLE_WORDS]
    return " ".join(kept or words)


# One sound, several spellings, in the transliterations news uses for Arabic, Persian, Turkic and Slavic names:
# consonant digraphs (Khan/Han, Qamishli/Kamishli, Hudaydah/Hudayda, Shebaa/Chebaa, Djibouti/Jibuti), vowels
# (Younis/Yunis, Hodeidah/Hudaydah, Dubai/Dubay), the -iya/-ia and -ieh/-iyeh endings (Zawiya/Zawia,
# Nabatieh/Nabatiyeh) and the Slavic adjective endings (Kryvyi/Kryvyy/Krivoy... -yi/-iy/-y as -i).
VARIANT_CONSONANTS = {"kh": "h", "gh": "g", "dh": "d", "th": "t", "sh": "s", "ch": "s", "dj": "j", "zh": "j",
                      "ph": "f", "ck": "k", "q": "k"}
VARIANT_VOWELS = {"ou": "u", "oo": "u", "o": "u", "ee": "i", "ei": "i", "ey": "i", "ai": "i", "ay": "i", "e": "i"}
_CONSONANT = re.compile("|".join(sorted(VARIANT_CONSONANTS, key=len, reverse=True)))
_VOWEL = re.compile("|".join(sorted(VARIANT_VOWELS, key=len, reverse=True)))


@lru_cache(maxsize=65536)
def _variant_word(word: str) -> str:
    if len(word) > 3:
        word = re.sub(r"(?:iy|y)?eh$", "ia", word)  # Nabatieh, Nabatiyeh -> nabatia
        word = re.sub(r"(?:yi|iy|ij|ii|y)$", "i", word)  # Kryvyi, Kryvyy, Velikiy -> -i
    word = re.sub(r"iy(?=[aeiou])", "i", word)  # Zawiya -> zawia
    word = _CONSONANT.sub(lambda m: VARIANT_CONSONANTS[m.group()], word)
    for _ in range(2):  # twice: a cluster the first pass leaves ("daein" -> "dain") folds too ("din", as "Dayn")
        word = _VOWEL.sub(lambda m: VARIANT_VOWELS[m.group()], word)
    return re.sub(r"(\w)\1+", r"\1", word)


def variant_key(key: str) -> str:
    """A looser key than `place_key`, made from one (`variant_key(place_key(name))`), word by word: the number
    of words is kept, so a scan over words can use it. Khan Younis / Khan Yunis, Qamishli / Kamishli, Hodeidah /
    Hudaydah, Zawiya / Zawiyah / Zawia all meet. It equates far more names than `place_key` (Kobani and Kubani,
    but also some person names and common words): for a lookup that found nothing by `place_key`, never instead
    of it."""
    return " ".join(_variant_word(word) for word in key.split())


SPELLING_SIMILARITY = 0.6  # difflib ratio of two keys from which one spells the other: a transliteration changes
# about two letters in five (Hargeisa/Hargeysa, Jowhar/Jawhar); an exonym or a former name changes more


def spells(key: str, other: str) -> bool:
    """Whether one place key is a spelling of another (both from `place_key`), not another word: the cheap upper
    bounds first, since most pairs fail them."""
    matcher = SequenceMatcher(None, key, other)
    return matcher.real_quick_ratio() >= SPELLING_SIMILARITY and matcher.quick_ratio() >= SPELLING_SIMILARITY \
        and matcher.ratio() >= SPELLING_SIMILARITY


@lru_cache(maxsize=8192)
def name_form(text: str) -> str:
    """A proper name as a table lists it: "the Kremlin's" -> "Kremlin" (case kept: names are capitalised)."""
    text = " ".join(text.replace("’", "'").split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return text


@lru_cache(maxsize=8192)
def actor_key(text: str) -> str:
    """Comparison form of an actor's name: no accents, case folded, apostrophes and dots dropped, hyphens as
    spaces, no leading 'the'/'a'/'an'."""
    s = re.sub(r"['’`ʼ.]", "", plain(text)).replace("-", " ").replace("–", " ")
    s = " ".join(re.sub(r"[^\w\s&/]", " ", s).split())
    return re.sub(r"^(the|a|an) ", "", s)


def line_form(line: str) -> str:
    """Fold typography so lines compare equal: quotes, dashes, spacing, case (NFKC, so ligatures and
    full-width forms count as their letters)."""
    line = unicodedata.normalize("NFKC", line)
    line = re.sub(r"[‘’‚‛`´]", "'", line)
    line = re.sub(r"[“”„‟«»]", '"', line)
    line = re.sub(r"[‐‑‒–—―]", "-", line)
    return re.sub(r"\s+", " ", line).strip().casefold()


def nation_key(word: str) -> str:
    """'Iranian', "Iran's" and 'Iran' share a key (the first four letters); good enough to tell roles apart."""
    return word.lower().replace("’s", "").replace("'s", "").replace(".", "")[:4]
