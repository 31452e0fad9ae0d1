"""Long texts keep all their content: a tail rule cuts only a tail that is boilerplate to the end, and a large
removal is reported in the article's warnings."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictcli.pipeline.analyze import prepare_text

SAMPLE = (Path(__file__).resolve().parents[2] / "samples" / "syria-iraqi-militias.txt").read_text(encoding="utf-8")
LAST_PARAGRAPH = "Western governments have issued a call for de-escalation in the Syrian conflict."


@pytest.mark.parametrize("copies", [3, 50])
def test_the_founding_article_repeated_keeps_every_copy(copies):
    """Each copy ends with "Leave a Reply" and a comment form: the cut used to drop every copy after the middle."""
    article = prepare_text("\n\n".join([SAMPLE] * copies))
    assert article.error is None
    assert article.body.count(LAST_PARAGRAPH) == copies
    assert not any("boilerplate rules removed" in warning for warning in article.warnings)


def test_a_large_removal_is_reported():
    body = "\n\n".join(f"Paragraph {n}: the army said fighting continued near the border on Monday." for n in range(10))
    form = "\n".join(["Leave a Reply", "Your email address will not be published."]
                     + [f"Teaser headline number {n} about the war in the region" for n in range(30)])
    article = prepare_text(f"{body}\n\n{form}")
    assert article.body == body
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("boilerplate rules removed 310 of 430 words (72%; mostly comment-heading)")
