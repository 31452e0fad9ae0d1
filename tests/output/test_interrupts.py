"""Ctrl-C while a record is being written: the record is finished first, then the interrupt takes effect."""
from __future__ import annotations

import io
import json
import os
import signal

import pytest

from conflictcli.models import Article
from conflictcli.output.interrupts import whole_record
from conflictcli.output.writers import write_jsonl


def test_sigint_inside_a_record_is_raised_after_it():
    written = []
    with pytest.raises(KeyboardInterrupt):
        with whole_record():
            written.append("first half")
            os.kill(os.getpid(), signal.SIGINT)
            written.append("second half")
    assert written == ["first half", "second half"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


class InterruptedMidLine(io.StringIO):
    """A stream whose write is interrupted by SIGINT after the first half of the line reached it, as a large
    write to a full pipe is."""

    def write(self, text: str) -> int:
        super().write(text[: len(text) // 2])
        os.kill(os.getpid(), signal.SIGINT)
        return super().write(text[len(text) // 2:])


def test_jsonl_lines_stay_whole_when_interrupted():
    out = InterruptedMidLine()
    with pytest.raises(KeyboardInterrupt):
        write_jsonl([Article(source="a.txt", text="Some text."), Article(source="b.txt")], out, ("actors",))
    lines = out.getvalue().splitlines(keepends=True)
    assert len(lines) == 1 and json.loads(lines[0])["source"] == "a.txt"
