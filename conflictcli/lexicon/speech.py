"""Word lists behind quote attribution: speech cues, role nouns, pronouns and gender clues.

The model runs without a lemmatizer, so cue verbs are listed with their inflected forms (generated below).
"""
from __future__ import annotations

# Verbs that report speech or writing; base forms, inflections are generated.
SPEECH_VERB_BASES = """
    say tell add announce state warn insist claim note accuse urge deny reiterate write post tweet explain argue
    assert acknowledge admit allege comment confirm declare describe emphasize emphasise predict promise propose
    recall remark reply report respond reveal shout suggest testify threaten vow ask answer complain concede
    contend counter criticize criticise demand disclose dismiss hint indicate inform joke maintain mention observe
    pledge quip recount repeat retort speculate stress underline underscore yell whisper caution charge boast
    brag cry exclaim lament mutter protest scream snap tease agree assure reassure estimate forecast instruct
    conclude signal plead proclaim affirm blast slam
""".split()
# Verbs of thinking and knowing: reported beliefs count as indirect speech, never as the cue of a direct quote.
BELIEF_VERB_BASES = """
    believe think expect fear hope know feel worry doubt suspect learn understand consider assume reckon
""".split()

# Verbs of stance and intention (wants, urges, condemns ...): their object is reported content (PolNeAR counts
# them as attributions), but they never introduce a direct quotation.
STANCE_VERB_BASES = """
    want urge ask call cite condemn defend denounce praise criticize criticise attack accuse blame support oppose
    reject welcome question dispute see view regard prefer dismiss demand propose recommend press push seek plan
    intend find show conclude acknowledge recognize recognise
    point speak talk discuss debate echo express detail document publish outline characterize label dub brand
    portray liken compare quote reference highlight tout decry mock ridicule rail hail applaud commend endorse
    back rate rank rule judge vote decide refuse decline offer encourage persuade invite promote champion
    advocate lobby challenge rebut refute contradict correct
""".split()

IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"], "write": ["wrote", "written", "writes",
    "writing"], "think": ["thought", "thinks", "thinking"], "know": ["knew", "known", "knows", "knowing"],
    "feel": ["felt", "feels", "feeling"], "understand": ["understood", "understands", "understanding"],
    "learn": ["learned", "learnt", "learns", "learning"], "sing": ["sang", "sung", "sings", "singing"],
    "forecast": ["forecasts", "forecasting"], "cry": ["cried", "cries", "crying"], "reply": ["replied",
    "replies", "replying"], "deny": ["denied", "denies", "denying"], "testify": ["testified", "testifies",
    "testifying"], "see": ["saw", "seen", "sees", "seeing"], "find": ["found", "finds", "finding"],
    "seek": ["sought", "seeks", "seeking"], "agree": ["agreed", "agrees", "agreeing"],
    "plead": ["pleaded", "pled", "pleads", "pleading"],
    "echo": ["echoed", "echoes", "echoing"], "speak": ["spoke", "spoken", "speaks", "speaking"],
}
DOUBLED = {"admit", "quip", "snap", "plan", "dub", "rebut"}  # final consonant doubled (admitted, quipped)


def _inflections(base: str) -> list[str]:
    if base in IRREGULAR:
        return [base, *IRREGULAR[base]]
    stem = base[:-1] if base.endswith("e") else base
    if base in DOUBLED:
        stem = base + base[-1]
    past = stem + "ed"
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    return [base, third, past, stem + "ing"]


SPEECH_VERBS = frozenset(f for b in SPEECH_VERB_BASES for f in _inflections(b))
BELIEF_VERBS = frozenset(f for b in BELIEF_VERB_BASES for f in _inflections(b))
STANCE_VERBS = frozenset(f for b in STANCE_VERB_BASES for f in _inflections(b))
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS  # verbs whose complement is reported content
# Nouns that carry speech in "in a statement", "X's statement that ..." (used for "according to" too).
SPEECH_NOUNS = frozenset("statement statements remarks comments interview tweet post speech briefing".split())

# Nouns of speech and opinion whose "that" clause is reported content: "Trump's claim that ...", "warnings
# from his lawyer that ...", "the announcement that ...".
NOUN_CUES = frozenset("""
    claim claims statement statements announcement assertion assertions allegation allegations argument
    suggestion promise promises pledge insistence belief beliefs view views assessment conclusion admission
    acknowledgment acknowledgement report reports charge charges accusation accusations denial prediction
    predictions hope hopes fear fears expectation expectations message remark remarks comment comments warning
    warnings complaint complaints concern concerns contention declaration demand demands testimony theory
    argument arguments notion idea opinion position insinuation boast vow threat threats reminder explanation
""".split())
# Verbs that put forward what a speech noun says: "made the claim that", "issued a warning that".
MAKE_VERBS = frozenset(f for b in "make issue repeat voice express give deliver release raise offer reiterate"
                       .split() for f in _inflections(b)) | {"made", "gave", "given"}

# Offices and titles: written before a name they make a title ("Foreign Minister X"); a definite nominal
# headed by one ("the minister") refers back to a person. The actor stage reads these as title heads.
TITLE_NOUNS = frozenset("""
    president minister secretary spokesperson spokesman spokeswoman leader chief commander general ambassador
    envoy counterpart official king queen prince princess emir sheikh sultan chairman chairwoman head director
    mayor governor senator lawmaker legislator adviser advisor deputy representative premier chancellor speaker
    ayatollah cleric imam bishop coordinator negotiator diplomat officer colonel lieutenant captain major admiral
    brigadier sergeant marshal mufti patriarch pope monarch administrator rapporteur commissioner prosecutor
    judge founder emissary vice-president congressman congresswoman councilman councilwoman sheriff
""".split())
# Role nouns: the titles, and functions that describe a source without being an office ("the lawyer said").
ROLE_NOUNS = TITLE_NOUNS | frozenset("""
    activist aide analyst attorney candidate ceo chair delegate executive expert justice lawyer manager member
    nominee organizer pollster professor researcher resident strategist surrogate vice witness
""".split())
# Common nouns that can be the source of reported content besides role nouns: groups of people, bodies and
# documents ("critics say", "the report found"); one alone may lead a headline ("Poll: Clinton ahead ...").
AGENT_NOUNS = frozenset("""
    critics experts officials sources source analysts lawmakers voters residents supporters opponents leaders
    protesters observers people group campaign administration government report study poll survey statement
    letter document court committee council agency department ministry newspaper article ad video memo email
    researchers scientists economists investigators prosecutors police authorities regulators democrats
    republicans conservatives liberals activists advocates members parents students workers families
    company firm bank union party team staff spokespeople allies aides advisers advisors diplomats nations
    countries governments states rebels militants insurgents fighters forces army military organization
    network website paper magazine editorial editorials polls studies reports data figures tweet post
    lawsuit complaint filing ruling decision transcript analysis review audit investigation indictment
    witnesses doctors physicians lawyers attorneys judges senators representatives candidates officers
    citizens americans fans viewers readers critic expert analyst voter resident supporter opponent observer
    activist advocate doctor physician witness friend friends colleague colleagues neighbor neighbors
    commission board panel office bureau institute foundation center centre observatory monitor clip spot
""".split())
# Lower-case words that may stand in a title before its head ("Foreign Minister", "police Chief").
ROLE_QUALIFIERS = frozenset("""
    foreign defense defence interior finance prime deputy vice senior top former acting interim chief state
    military army navy air police security intelligence health economy justice trade education energy oil
    campaign press white house national democratic republican presidential supreme general attorney assistant
    executive special junior regional local high first crown grand lieutenant major rear
""".split())

MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
NEUTER_PRONOUNS = frozenset("it its itself".split())
SPEAKER_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS | {"i", "we", "you"}

MALE_WORDS = frozenset("""
    mr mr. sir lord king prince sheikh emir ayatollah father brother son husband spokesman chairman congressman
    councilman businessman man boy uncle grandfather pope
""".split())
FEMALE_WORDS = frozenset("""
    mrs mrs. ms ms. miss madam madame lady dame queen princess mother sister daughter wife spokeswoman chairwoman
    congresswoman councilwoman businesswoman woman girl aunt grandmother
""".split())
