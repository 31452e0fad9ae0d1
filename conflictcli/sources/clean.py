"""Boilerplate rules for article text: what a page's chrome leaves in plain text or in trafilatura's output.

Every rule is data in RULES: a name, a pattern matched against one whole line (case-insensitive, after
trimming and folding typography), an action, and an example line it must catch (tests/test_clean.py checks
every example, and that no rule fires on real article sentences). Actions:
  "line"   drop the line (share bars, newsletter pitches, cookie notices, copyright lines...);
  "block"  drop the line and the teaser headlines right after it ("Related posts", "Don't miss"), which
           stop at the first line that reads like a sentence, so the article carries on after the block;
  "tail"   drop the line and everything after it (a comment section), but only when everything after it
           is boilerplate too (lines other rules drop, or short
           non-sentences: names, dates, "Reply", teaser headlines). Otherwise only the line goes: a text with
           "Leave a Reply" in its middle (articles pasted one after another) keeps every article.
clean() also says how much it removed and by which rules, so a large removal can be reported to the user.
To handle a new kind of chrome, add a Rule with an example; nothing else needs to change.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from conflictcli.lexicon.normalize import line_form as normalise  # the one way lines are compared


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    action: str  # "line" | "block" | "tail"
    example: str


SOCIAL = (r"(facebook|twitter|x|whatsapp|linkedin|reddit|telegram|e-?mail|print|copy link|pinterest|flipboard|"
          r"messenger|instagram|youtube|tiktok|threads|bluesky|mastodon|sms)")
TEASER_LABEL = (r"(read more|read also|also read|read next|related|related (story|article|coverage|content)|see also|"
                r"more|also|recommended|further reading|more on this( story| topic)?|lire aussi|à lire aussi|"
                r"leggi anche|leia também|veja também|lesen sie auch|mehr zum thema|lea también|vea también|"
                r"te puede interesar|читайте также)")

RULES: list[Rule] = [
    # comment sections and forms
    Rule("comment-heading",
         r"(leave a (reply|comment)( cancel reply)?|post a comment|add a comment|join the (discussion|conversation)|"
         r"write a comment|\d+ comments?|comments?( \(\d+\))?|\d+ (thoughts|responses?|replies) (on|to) .{1,200}|"
         r"cancel reply|show comments|view comments|deja un comentario|laisser un commentaire|"
         r"kommentare?( schreiben)?|commentaires|comentarios|commenti)\s*[:.]?",
         "tail", "Leave a Reply"),
    Rule("comment-form-email", r"your (e-?mail|email address) (address )?will not be published.*",
         "line", "Your email address will not be published."),
    Rule("comment-form-required", r"required fields are marked.*",
         "line", "Required fields are marked *"),
    Rule("comment-form-field", r"(name|e-?mail|website|url|comment|your (name|email|comment|message))\s*\*?\s*:?",
         "line", "Email *"),
    Rule("comment-form-save", r"save my name,? e-?mail,? and website in this browser.*",
         "line", "Save my name, email, and website in this browser for the next time I comment."),
    Rule("comment-form-notify", r"notify me of (follow-?up comments|new (posts|comments)).*",
         "line", "Notify me of follow-up comments by email."),
    Rule("comment-form-submit", r"(post|submit|send) (comment|reply)|reply",
         "line", "Post Comment"),
    Rule("comment-login",
         r"(you must be|du musst)? ?(logged in|eingeloggt sein|log in|sign in) (to|um) "
         r"(post a )?(comment|kommentare).*",
         "line", "You must be logged in to post a comment."),
    Rule("comment-spam-notice", r"this site uses akismet to reduce spam.*",
         "line", "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    # teaser lists: a heading, then headlines
    Rule("latest-from",
         r"(latest|more|recent|popular|trending|top) (posts |stories |news |articles )?(from|in|on) [\w\s'&.-]{1,40}",
         "block", "Latest from Blog"),
    Rule("most-read",
         r"(most (read|popular|viewed|shared|commented)|top stories|trending( now)?|editor'?s'? picks?)( .{1,40})?",
         "block", "Most read in world news"),
    Rule("related",
         r"((related|recommended|similar|more|further|other|latest|recent|new) (posts?|articles?|stories|news|"
         r"reading|coverage|content|links|topics|videos)|related|contenido relacionado|noticias relacionadas|"
         r"artículos relacionados|artigos relacionados|notícias relacionadas|articles similaires|sur le même sujet|"
         r"weitere artikel|похожие статьи)\s*[:.]*",
         "block", "Related posts"),
    Rule("you-may-like",
         r"(you (may|might) (also )?(like|enjoy|be interested in|have missed)|don't miss( this)?|read next|"
         r"(what|more) to read next|more stories|in case you missed it|recommended for you|also on [\w\s.]{1,30}|"
         rf"das könnte sie auch interessieren|{TEASER_LABEL})\s*[:.]*",
         "block", "You may also like..."),
    Rule("teaser-link", rf'\[?{TEASER_LABEL}\s*[:|>"]+\s*.{{3,250}}',
         "line", "READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing"),
    Rule("excerpt-more",  # a cut-off excerpt of another story, then its link: "... the minister said the.... more"
         r".{20,400}\.{3,}\s*\[?(read more|more|continue reading|read on)\]?\s*[»›>.]*",
         "line", "Newsroom – Officials said the bridge would reopen next month, but the ministry.... more"),
    Rule("read-more",
         r"(read more|continue reading|read the (full|rest)( of the)?( story| article)?( here)?|"
         r'click here to read more|read full (story|article))[\s.:>"]*',
         "line", "Continue reading"),
    # share, follow, subscribe
    Rule("share",
         r"(share( this( article| story| post| page)?)?( on| via| with)?|tweet( this)?|pin it|email this|"
         rf"print( this)?( article| page)?)\s*:?\s*({SOCIAL}[\s,|/·•]*)*",
         "line", "Share this article: Facebook Twitter"),
    Rule("share-buttons", rf"({SOCIAL}[\s,|/·•]*){{2,}}",
         "line", "Facebook Twitter WhatsApp Email"),
    Rule("share-count", r"\d[\d.,]*k? (shares?|views)",
         "line", "1.2k shares"),
    Rule("follow-us", rf"(follow (us|@\w+|.{{1,80}})|like us) on (.{{0,40}}\b{SOCIAL}\b).{{0,150}}",
         "line", "Follow us on Twitter and Facebook for the latest updates."),
    Rule("newsletter-pitch",
         r"(?=.*\b(sign up|signing up|subscribe|subscribing|register|join)\b)"
         r"(?=.*\b(newsletters?|inbox|mailing list|daily briefing|daily edition|by e-?mail|(email|news) alerts?)\b)"
         r".{0,300}",
         "line", "Sign up for our daily newsletter to get the best stories in your inbox."),
    Rule("newsletter-heading", r"(\S+\s){0,6}newsletters?\s*[:.!]?",
         "line", "The Morning Briefing Newsletter"),
    Rule("inbox-pitch", r".{0,120}\b(delivered|straight|right|directly|sent) (to|in|into) your inbox\b.{0,120}",
         "line", "Get the day's top headlines delivered to your inbox every morning."),
    Rule("never-miss", r"never miss (a|an|the|another) .{0,150}",
         "line", "Never miss the latest news by signing up."),
    Rule("feedback-pitch",
         r".{0,200}\b(we want to hear what you think|tell us what you think|we'd like to hear what you think|"
         r"(have|got) (a|any) (news )?tips?\?|submit your letter|send us your (letters?|feedback|tips?)).{0,300}",
         "line", "The Times publishes letters. We'd like to hear what you think about this or any of our articles."),
    # site notices
    Rule("cookies",
         r".{0,80}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|uses cookies to|"
         r"cookie (policy|settings|preferences))\b.{0,250}",
         "line", "We use cookies to improve your experience. By continuing you accept our cookie policy."),
    Rule("advertisement",
         r"(advertisement|advertising|sponsored( content)?|ad|skip advertisement|scroll to continue( with content)?|"
         r"(story|article) continues below( this)?( advertisement| ad)?|continue reading (below|the main story))",
         "line", "Advertisement"),
    Rule("copyright", r"(©|ⓒ|\(c\)|copyright\s*(©|\(c\)|\d{4}|by)|copyright [\w\s.&'-]{1,60}\d{4}).{0,400}",
         "line", "© 2024 Example News Ltd. All rights reserved."),
    Rule("all-rights", r".{0,100}all rights reserved\.?.{0,50}",
         "line", "Example Media Group. All Rights Reserved."),
    Rule("copyrighted-property", r"this (article|story|content|material) is (the )?copyright(ed)?( property)? .{0,150}",
         "line", "This article is the copyrighted property of Example News."),
    Rule("reprint-notice",
         r"(?=.*\b(may not|must not|cannot|prohibited|permission)\b)"
         r"(?=.*\b(reprint|republish|reproduc|redistribut|rewritten))"
         r"(this (material|article|content|story|publication)|no part of|written permission|"
         r"(the )?(content|material)s? (on|of) this (site|website|page)).{0,250}",
         "line", "This material may not be published, broadcast, rewritten or redistributed."),
    Rule("tags", r"(tags?|filed under|categories|category|topics)\s*:.{0,300}",
         "line", "Tags: Syria, Iraq, Iran"),
    Rule("photo-credit", r"(photo|image|picture|video)s?( credit)?\s*:.{0,120}",
         "line", "Photo credit: Reuters"),
    Rule("date-label",
         r"(release date|last (modified|updated)|updated|published|posted( on)?)\s*:\s*[\w\s,.:/-]{0,40}",
         "line", "Last updated: 12 March 2024, 10:45"),
    Rule("reading-time",
         r"(\d+\s*(min|mins|minutes?) read|(reading time|tempo de leitura|lesezeit|temps de lecture|"
         r"tiempo de lectura)\s*:?.{0,20})",
         "line", "4 min read"),
]
COMPILED = [(rule, re.compile(rf"^(?:{rule.pattern})$", re.I)) for rule in RULES]
BLOCK_MAX_LINES = 12  # a teaser block never swallows more lines than this
TEASER_MAX_WORDS = 20
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?][\"'”’)\]]*\s+\S")  # "Baquba. It is", not "U.S. Army", "J. Blige"
CITATION = re.compile(r"(\[\d+\])+$")
DATELINE = re.compile(r"\b\d{1,2}:\d{2}\b|\b(published|updated|posted)\b", re.I)
HTML_ELEMENTS = ("a|abbr|article|aside|audio|b|blockquote|body|br|button|center|div|em|figcaption|figure|font|footer|"
                 "form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|option|p|"
                 "picture|s|section|select|small|source|span|strong|sub|sup|svg|table|tbody|td|textarea|th|thead|"
                 "time|title|tr|u|ul|video")
HTML_CODE = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)|<!--.*?(-->|$)", re.I)
HTML_TAG = re.compile(rf"</?({HTML_ELEMENTS})(\s[^<>]*)?/?>", re.I)


def matching_rule(line: str) -> Rule | None:
    text = normalise(line)
    if not text:
        return None
    for rule, regex in COMPILED:
        if regex.match(text):
            return rule
    return None


def looks_like_title(line: str) -> bool:
    """A headline: short, one phrase (no sentence ends inside it or at its end), not a dateline or boilerplate."""
    line = CITATION.sub("", line.strip())
    return (1 <= len(line.split()) <= 30 and len(line) <= 250 and not line.endswith((",", ";", ":", ".", "(", "-"))
            and not SENTENCE_BREAK.search(line) and not DATELINE.search(line) and matching_rule(line) is None)


def looks_like_teaser(line: str) -> bool:
    """A headline in a teaser list: short, and not ending like a sentence."""
    return len(line.split()) <= TEASER_MAX_WORDS and not SENTENCE_END.search(line)


def split_title(text: str) -> tuple[str | None, str]:
    """Plain text: the first non-empty line is the title when it looks like one and the text goes on."""
    lines = text.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if len(lines) < 2 or not looks_like_title(lines[0].strip()):
        return None, text
    title = lines[0].strip()
    rest = "\n".join(lines[1:])
    if not rest.strip():
        return None, text
    return title, rest


def title_variants(title: str) -> set[str]:
    """The title as given and without a site name after a separator ("Headline | Site", "Headline - Site")."""
    key = normalise(title)
    variants = {key}
    for sep in (" | ", " - ", " :: ", " · ", " • "):
        if sep in key:
            head, _, tail = key.rpartition(sep)
            variants.update(part.strip() for part in (head, key.split(sep)[0], tail) if len(part.split()) >= 3)
    return {v for v in variants if v}


def is_title_repeat(line: str, variants: set[str], near_top: bool) -> bool:
    """The headline again: equal to the title anywhere; near the top also when one is a prefix of the other."""
    key = normalise(line)
    if key in variants:
        return True
    return near_top and len(key) >= 20 and looks_like_title(line) and any(
        len(v) >= 20 and (v.startswith(key) or key.startswith(v)) for v in variants)


def tidy_spaces(line: str) -> str:
    """One plain space between words: no-break, thin and other Unicode spaces, and no zero-width spaces."""
    return re.sub(r"[^\S\n]+", " ", line.replace("\u200b", "").replace("\ufeff", "")).strip()


def strip_markup(line: str) -> str:
    """Remove HTML that leaked into extracted text (tags, scripts, styles, comments), keeping the words."""
    if "<" not in line:
        return line
    stripped = HTML_TAG.sub(" ", HTML_CODE.sub(" ", line))
    if stripped == line:
        return line
    return re.sub(r"\s+", " ", stripped.replace("&nbsp;", " ")).strip()


@dataclass
class Cleaned:
    text: str
    words_in: int = 0
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (rule name, line); "title", "teaser" too

    @property
    def removed(self) -> Counter:
        """Words removed, by rule name."""
        counts: Counter = Counter()
        for name, line in self.dropped:
            counts[name] += len(line.split())
        return counts

    @property
    def words_removed(self) -> int:
        return sum(len(line.split()) for _, line in self.dropped)


def clean_text(text: str, title: str | None = None) -> str:
    return clean(text, title).text


def tail_is_boilerplate(lines: list[str]) -> bool:
    """True when every line is empty, dropped by some rule, a short non-sentence (a name, a date, a teaser
    headline), or a one-sentence standfirst right under a teaser headline. An article paragraph is none of these."""
    under_headline = False
    for line in lines:
        if not line:
            continue
        if matching_rule(line) is not None:
            under_headline = False
        elif looks_like_teaser(line):
            under_headline = True
        elif under_headline and len(line.split()) <= TEASER_MAX_WORDS and not SENTENCE_BREAK.search(line):
            under_headline = False
        else:
            return False
    return True


def clean(text: str, title: str | None = None) -> Cleaned:
    """Drop boilerplate lines and repeats of the title; keep the line structure, at most one blank line in a row."""
    lines = [strip_markup(tidy_spaces(line)) for line in text.splitlines()]
    variants = title_variants(title) if title else set()
    result = Cleaned(text="", words_in=sum(len(line.split()) for line in lines))
    kept: list[str] = []
    content_seen = in_block = 0
    for index, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        content_seen += 1
        if variants and is_title_repeat(line, variants, near_top=content_seen <= 3):
            result.dropped.append(("title", line))
            continue
        rule = matching_rule(line)
        if rule is None:
            if in_block and looks_like_teaser(line):
                in_block -= 1
                result.dropped.append(("teaser", line))
                continue
            in_block = 0
            kept.append(line)
            continue
        if rule.action == "tail" and tail_is_boilerplate(lines[index + 1:]):
            result.dropped.extend((rule.name, rest) for rest in lines[index:] if rest)
            break
        result.dropped.append((rule.name, line))
        if rule.action == "block":
            in_block = BLOCK_MAX_LINES
    result.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return result
