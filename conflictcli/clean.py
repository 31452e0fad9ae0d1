"""Boilerplate rules for article text: what a page's chrome leaves in plain text or in trafilatura's output.

Each rule is data: a name, a pattern matched against one whole line (case-insensitive, after trimming),
and what it does: "line" drops that line; "tail" drops that line and everything after it (comment forms,
teaser lists), but only in the last part of the text, so an article that mentions "Related posts" early
keeps its body. Add a rule here and a test for it in tests/test_clean.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    action: str  # "line" | "tail"


RULES: list[Rule] = [
    Rule("comment-form-heading", r"(leave a (reply|comment)|post a comment|add a comment|join the discussion|\d*\s*comments?|comments? \(\d+\)|write a comment|reply)\s*[:.]?", "tail"),
    Rule("comment-form-email", r"your email address will not be published\.?.*", "line"),
    Rule("comment-form-required", r"required fields are marked.*", "line"),
    Rule("comment-form-fields", r"(name|email|website|comment)\s*\*?", "line"),
    Rule("comment-form-save", r"save my name, email, and website in this browser.*", "line"),
    Rule("latest-from", r"(latest|more|recent|popular|trending) (from|in|on) [\w\s]{1,30}", "tail"),
    Rule("related", r"(related|recommended|more) (posts?|articles?|stories|news|reading|coverage|content)\s*:?", "tail"),
    Rule("you-may-like", r"(you (may|might) (also )?(like|be interested in|have missed)|don.t miss|read next|what to read next|more stories)\s*:?", "tail"),
    Rule("read-more", r"(read more|continue reading|read the (full|rest)( story| article)?( here)?|click here to read more)[\s.:…»>]*", "line"),
    Rule("share", r"(share( this( article| story| post)?)?( on| via)?|tweet|pin it|email this|print this( article)?)\s*[:]?\s*((facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|print|copy link|pinterest)[\s,|/·•]*)*", "line"),
    Rule("share-buttons", r"((facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|print|copy link|pinterest)[\s,|/·•]*){2,}", "line"),
    Rule("subscribe", r"(subscribe|sign up|join) (to|for) (our|the) (newsletter|mailing list|daily briefing|updates).*", "line"),
    Rule("follow-us", r"follow us on .{0,60}", "line"),
    Rule("cookies", r".{0,80}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings))\b.{0,200}", "line"),
    Rule("advertisement", r"(advertisement|sponsored( content)?|ad)", "line"),
    Rule("copyright", r"(©|\(c\)|copyright)\s*\d{4}.{0,120}", "line"),
    Rule("all-rights", r".{0,80}all rights reserved\.?", "line"),
    Rule("tags", r"tags?\s*:.{0,200}", "line"),
    Rule("photo-credit", r"(photo|image|picture)( credit)?\s*:.{0,120}", "line"),
]
COMPILED = [(rule, re.compile(rf"^(?:{rule.pattern})$", re.I)) for rule in RULES]
TAIL_ZONE = 0.5  # "tail" rules act only after this share of the lines


def normalise(line: str) -> str:
    """Fold typography so lines compare equal: quotes, dashes, spacing, case."""
    line = unicodedata.normalize("NFKC", line)
    line = re.sub(r"[‘’‚‛`´]", "'", line)
    line = re.sub(r"[“”„‟«»]", '"', line)
    line = re.sub(r"[‐‑‒–—―]", "-", line)
    return re.sub(r"\s+", " ", line).strip().casefold()


def matching_rule(line: str) -> Rule | None:
    text = line.strip()
    if not text:
        return None
    for rule, regex in COMPILED:
        if regex.match(text):
            return rule
    return None


def looks_like_title(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 30 and len(line) <= 250 and not line.rstrip().endswith((",", ";", ":"))


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


def clean_text(text: str, title: str | None = None) -> str:
    """Drop boilerplate lines and repeats of the title; keep paragraphs separated by one blank line."""
    lines = [line.strip() for line in text.splitlines()]
    content_lines = [i for i, line in enumerate(lines) if line]
    zone_start = content_lines[int(len(content_lines) * TAIL_ZONE)] if content_lines else 0
    title_key = normalise(title) if title else None
    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        if title_key and normalise(line) == title_key:
            continue
        rule = matching_rule(line)
        if rule is None:
            kept.append(line)
        elif rule.action == "tail" and i >= zone_start:
            break
    paragraphs = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", paragraphs).strip()
