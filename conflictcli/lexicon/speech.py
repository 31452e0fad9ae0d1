"""Word lists behind quote attribution: speech cues, role nouns, pronouns and gender clues.

The model runs without a lemmatizer, so cue verbs are listed with their inflected forms (generated below).
"""
from __future__ import annotations

# One set of cue lists for the whole package (the quotes stage reads them; nothing else keeps its own).
# Communication verbs: the act of saying or writing something. Their propositional content is an indirect
# quote, and they may introduce a direct quotation. Base forms; inflections are generated.
SPEECH_VERB_BASES = """
    say tell add announce state warn insist claim note accuse urge deny reiterate write post tweet explain argue
    assert acknowledge admit allege comment confirm declare describe emphasize emphasise predict promise propose
    recall remark reply report respond reveal shout suggest testify threaten vow ask answer complain concede
    contend counter criticize criticise demand disclose dismiss hint indicate inform joke maintain mention observe
    pledge quip recount repeat retort speculate stress underline underscore yell whisper caution charge boast
    brag cry exclaim lament mutter protest scream snap tease agree assure reassure estimate forecast instruct
    conclude signal plead proclaim affirm blast slam call condemn denounce blame praise label dub brand portray
    characterize characterise liken compare decry mock ridicule hail rule order recommend rebut refute
    contradict correct advise tout highlight point echo publish
""".split()
# Cognition, wish, stance and intention: what someone holds or wants, not what they said. Their content is a
# `belief`, a kind the tables leave out by default (PolNeAR counts them as attributions, the article gold not).
BELIEF_VERB_BASES = """
    believe think expect fear hope know feel worry doubt suspect learn understand consider assume reckon
    want wish seek plan intend prefer support oppose welcome back endorse defend question dispute see view regard
    find show decide vote refuse decline offer encourage persuade invite promote champion advocate lobby press
    push challenge applaud commend recognize recognise speak talk discuss debate express detail document outline
    cite quote reference attack criticize rank rate judge reject
""".split()

IRREGULAR = {
    "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"], "write": ["wrote", "written", "writes",
    "writing"], "think": ["thought", "thinks", "thinking"], "know": ["knew", "known", "knows", "knowing"],
    "feel": ["felt", "feels", "feeling"], "understand": ["understood", "understands", "understanding"],
    "learn": ["learned", "learnt", "learns", "learning"], "forecast": ["forecasts", "forecasting"],
    "cry": ["cried", "cries", "crying"], "reply": ["replied", "replies", "replying"],
    "deny": ["denied", "denies", "denying"], "testify": ["testified", "testifies", "testifying"],
    "see": ["saw", "seen", "sees", "seeing"], "find": ["found", "finds", "finding"],
    "seek": ["sought", "seeks", "seeking"], "agree": ["agreed", "agrees", "agreeing"],
    "plead": ["pleaded", "pled", "pleads", "pleading"], "echo": ["echoed", "echoes", "echoing"],
    "speak": ["spoke", "spoken", "speaks", "speaking"], "show": ["showed", "shown", "shows", "showing"],
}
DOUBLED = {"admit", "quip", "snap", "plan", "dub", "rebut", "refer"}  # final consonant doubled (admitted, quipped)


def _inflections(base: str) -> list[str]:
    if base in IRREGULAR:
        return [base, *IRREGULAR[base]]
    stem = base[:-1] if base.endswith("e") else base
    if base in DOUBLED:
        stem = base + base[-1]
    if base.endswith("y") and base[-2:-1] not in set("aeiou"):
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    past = stem + "ed"
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    british = [base + "led", base + "ling"] if base.endswith("l") and base[-2:-1] in set("aeiou") else []
    return [base, third, past, stem + "ing", *british]  # signaled / signalled, labeled / labelled


SPEECH_VERBS = frozenset(f for b in SPEECH_VERB_BASES for f in _inflections(b))
BELIEF_VERBS = frozenset(f for b in BELIEF_VERB_BASES for f in _inflections(b)) - SPEECH_VERBS
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS  # verbs whose complement is reported content
# Nouns that carry speech in "in a statement", "X's statement that ..." (used for "according to" too).
SPEECH_NOUNS = frozenset("statement statements remarks comments interview tweet post speech briefing".split())

# Nouns of speech whose "that" clause is reported content: "Trump's claim that ...", "warnings from his lawyer
# that ...", "the announcement that ...".
NOUN_CUES = frozenset("""
    claim claims statement statements announcement assertion assertions allegation allegations argument
    suggestion promise promises pledge insistence assessment conclusion admission acknowledgment
    acknowledgement report reports charge charges accusation accusations denial prediction predictions message
    remark remarks comment comments warning warnings complaint complaints contention declaration demand demands
    testimony argument arguments insinuation boast vow threat threats reminder explanation
""".split())
# Nouns of belief and opinion: their "that" clause is a belief ("his hope that ...", "the view that ...").
BELIEF_NOUNS = frozenset("""
    belief beliefs view views hope hopes fear fears expectation expectations concern concerns theory notion idea
    opinion position
""".split())
# Verbs that put forward what a speech noun says: "made the claim that", "issued a warning that".
MAKE_VERBS = frozenset(f for b in "make issue repeat voice express give deliver release raise offer reiterate"
                       .split() for f in _inflections(b)) | {"made", "gave", "given"}
# Documents and findings that can speak for their authors ("the report found", "a poll showed").
SPEAKING_DOCUMENTS = frozenset("""
    report reports study studies poll polls survey surveys ruling rulings statement statements letter document
    memo filing indictment lawsuit complaint transcript analysis review audit investigation judgment verdict
    assessment paper article editorial tweet post publication publications submission submissions
""".split())
# People named by what they are, not by a role: "relatives said", "settlers say" (see also AGENT_NOUNS below).
PEOPLE_NOUNS = frozenset("""
    people man men woman women child children family relative relatives community crowd public settler
    settlers villager villagers mother father son daughter wife husband brother sister
""".split())
# Nouns of a share that speak for the people they count: "44 percent of Americans said", "a majority of voters".
SHARE_NOUNS = frozenset("percent majority minority half third quarter most many some few number share".split())
# Events and things that never speak, though they stand where a speaker would ("the unrest showed ...").
# Abstract nouns ending in -tion, -ment, -ness ... are told apart by their ending (quotes.speakers).
EVENT_NOUNS = frozenset("""
    unrest retaliation budget text shift crisis crime violence conflict war attack strike election vote policy plan
    move decision deal change growth rate investigation inquiry probe process progress situation issue problem
    matter case event incident effort talk talks rise fall loss win
""".split())
PEOPLE_NOUNS = PEOPLE_NOUNS | frozenset("""
    coalition nation nations association federation institution institutions delegation opposition population
    organisation organization administration commission foundation corporation corporations agency agencies
    company companies business businesses media press network state country city government
""".split())

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
