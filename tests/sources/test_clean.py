"""The boilerplate rules: each catches its example, none fires on article prose, and tail/block/title behave."""
from __future__ import annotations

import pytest

from conflictcli.sources.clean import (RULES, clean, clean_text, looks_like_teaser, matching_rule, normalise,
                                       split_title, strip_markup)

# Lines from news articles that look a little like chrome; no rule may touch them.
ARTICLE_LINES = [
    "Iranian-backed militias from Iraq have entered Syria to assist the government’s counteroffensive.",
    "Like many others on Twitter, the minister criticised the decision to close the border.",
    "The court ruled that the newspaper may not republish the photographs without the family's consent.",
    "Comments by the foreign minister drew sharp criticism from Ankara.",
    "Search and rescue teams worked through the night in the rubble.",
    "More than 200 Iraqi militiamen crossed into Syria overnight.",
    "Related talks are expected to resume in Geneva next week.",
    "Subscribers to the state broadcaster were told the service would resume.",
    "Share prices in Istanbul fell sharply after the announcement.",
    "Follow-up talks on the ceasefire are due on Friday.",
    "Sign language interpreters were present at the press conference.",
    "The photo, taken on Sunday, shows smoke rising over Aleppo.",
    "Copyright disputes are not what the ministry wants to discuss this week.",
    "Advertisements for the rally appeared across Damascus.",
    "Tags on the crates showed they had been shipped from Tehran.",
    "Reply from the government came two days later.",
    "Latest figures from the UN show 50,000 people displaced.",
    "Fighting continues around Aleppo and Idlib",
    "Iran reiterates support for Syria",
    "“We entered Syria many years ago at the official invitation of the Syrian government,” he said.",
    "Additional reporting by Jane Doe in Beirut; editing by John Smith",
    "Never before had the rebels advanced so quickly, analysts said.",
    "Newsletter publishers say the law would hit small outlets hardest.",
    "This article was reprinted from the agency's wire service.",
    "Sign up for the streaming bundle using the same email as your existing account",
    "“We may receive compensation from the government,” the farmers' union said.",
    "He paused... more shelling was coming, he said, and the families had to leave.",
    "“We waited and waited... and then nothing more,” she said of the aid convoy.",
]


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_catches_its_example(rule):
    assert matching_rule(rule.example) is rule


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_no_rule_fires_on_article_prose(line):
    assert matching_rule(line) is None


def test_rule_names_are_unique_and_actions_known():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert {rule.action for rule in RULES} <= {"line", "block", "tail"}


def test_rules_ignore_case_and_typographic_quotes():
    assert matching_rule("LEAVE A REPLY") is not None
    assert matching_rule("Don’t miss") is not None


BODY = [f"Paragraph {n} of the article reports what happened on the ground, according to witnesses." for n in range(8)]


def test_comment_heading_at_the_end_cuts_a_tail_of_boilerplate():
    text = "\n\n".join(BODY + ["Leave a Reply", "Your email address will not be published.", "Comment *",
                              "Jane Doe", "March 3, 2024 at 10:05 am", "Reply", "Latest from Blog",
                              "Turkey watches Syrian border as rebels advance"])
    cleaned = clean(text)
    assert cleaned.text == "\n\n".join(BODY)
    assert cleaned.removed["comment-heading"] == 31  # words, from the heading to the end


def test_tail_rule_keeps_prose_after_the_heading():
    """Only a tail that is boilerplate to the end is cut: prose after the heading stays, the heading goes."""
    text = "\n\n".join(BODY + ["Leave a Reply", "Your email address will not be published.", "Latest from Blog",
                              "A long paragraph that reads like a sentence and goes on and on about the war."])
    cleaned = clean_text(text)
    assert cleaned == "\n\n".join(BODY + ["A long paragraph that reads like a sentence and goes on and on about the war."])


@pytest.mark.parametrize("copies", [2, 3, 50])
def test_articles_pasted_one_after_another_are_all_kept(copies):
    """Each copy ends in "Leave a Reply": only the last one's tail is boilerplate to the end."""
    article = "\n\n".join(BODY + ["Leave a Reply", "Your email address will not be published."])
    cleaned = clean("\n\n".join([article] * copies))
    assert cleaned.text.count(BODY[3]) == copies
    assert "Leave a Reply" not in cleaned.text and cleaned.words_removed == copies * 10


def test_a_reply_in_an_interview_transcript_is_not_a_comment_section():
    text = "\n".join([*BODY, "Reply: we never received the request, the ministry said.", *BODY])
    assert clean_text(text) == text


def test_comment_heading_early_drops_only_that_line():
    text = "\n".join(["Comments", *BODY])
    assert clean_text(text) == "\n".join(BODY)


def test_teaser_block_mid_article_keeps_the_article_after_it():
    text = "\n".join(BODY[:3] + ["DON'T MISS", "Rebels enter Aleppo for the first time since 2016",
                                 "Oil prices edge up on Syria tensions [LATEST]"] + BODY[3:])
    assert clean_text(text) == "\n".join(BODY)


def test_teaser_block_is_bounded():
    headlines = [f"Headline number {n} about the region" for n in range(30)]
    cleaned = clean_text("\n".join(["Related posts", *headlines]))
    assert "Headline number 0 " not in cleaned and "Headline number 29 " in cleaned


def test_looks_like_teaser():
    assert looks_like_teaser("Turkey watches Syrian border as rebels advance")
    assert not looks_like_teaser("Syrian and Russian airstrikes on rebel positions continued.")


def test_title_repeats_are_dropped_anywhere_and_prefixes_only_at_the_top():
    title = "Syria: Iraqi militias provide Assad support | Levant Wire"
    text = "\n".join(["Syria: Iraqi militias provide Assad support", BODY[0],
                      "SYRIA: IRAQI MILITIAS PROVIDE ASSAD SUPPORT", BODY[1]])
    assert clean_text(text, title) == "\n".join(BODY[:2])
    longer = "How to Care for Hydrangeas to Get the Most Beautiful Blooms"
    assert clean_text(f"{longer}\n{BODY[0]}", "How to Care for Hydrangeas") == BODY[0]
    sentence = "How to care for hydrangeas is a question gardeners ask every spring."
    assert clean_text(f"{sentence}\n{BODY[0]}", "How to Care for Hydrangeas") == f"{sentence}\n{BODY[0]}"
    subheading = "How to Care for Hydrangeas in Vases"
    kept = "\n".join([*BODY[:4], subheading, BODY[4]])
    assert clean_text(kept, "How to Care for Hydrangeas") == kept


def test_split_title():
    assert split_title("Syria: Iraqi militias provide Assad support\n\nBody text here.") == (
        "Syria: Iraqi militias provide Assad support", "\nBody text here.")
    assert split_title("A first sentence that ends with a full stop.\nMore text.")[0] is None
    assert split_title("Only one line")[0] is None
    assert split_title(" ".join(["word"] * 40) + "\nMore text.")[0] is None


@pytest.mark.parametrize("first_line", [
    "Hibhib is a village in northern Iraq, northwest of Baquba. It is predominately Shia Arab.[1]",
    "QUESTION: Did you discuss Aleppo? Were there any agreements?",
    "CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST",
    "The hospital is one of the beneficiaries of the levy. (",
    "Share this article",
])
def test_sentences_datelines_and_chrome_are_not_titles(first_line):
    assert split_title(f"{first_line}\n\nThe article goes on here.")[0] is None


@pytest.mark.parametrize("first_line", [
    "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'",
    "Can you imagine if Trump were a woman?",
    "U.S. Army says 200 Iraqi militiamen crossed into Syria",
    "Mary J. Blige sings at the rally",
])
def test_headlines_are_titles(first_line):
    assert split_title(f"{first_line}\n\nThe article goes on here.")[0] == first_line


def test_paragraph_breaks_are_kept_and_collapsed():
    assert clean_text("One.\n\n\n\nTwo.\nShare this article\n\nThree.") == "One.\n\nTwo.\n\nThree."


def test_strip_markup_keeps_words_and_drops_code():
    assert strip_markup("<p><b>ALEX:</b> I try&nbsp;hard</p>") == "ALEX: I try hard"
    assert strip_markup('<script async src="x.js"></script>') == ""
    assert strip_markup("a branch named <year>.<month>, for example") == "a branch named <year>.<month>, for example"
    assert strip_markup("if a < b and c > d") == "if a < b and c > d"


def test_normalise_folds_typography():
    assert normalise("Don’t  Miss — “now”") == normalise("don't miss - \"now\"")


def test_unicode_spaces_become_plain_spaces():
    assert clean_text("control of\xa0Aleppo,\u2009the\u200b largest  city.") == "control of Aleppo, the largest city."
