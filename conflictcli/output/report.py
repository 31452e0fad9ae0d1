"""The run as seen on stderr: one line per failed source and per warning, and a progress bar on a terminal.

The bar is transient and redrawn only while the program waits: before an article is written to the same
screen (stdout a terminal too) it is cleared, so a table never starts on the bar's line.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from conflictcli.output.terminal import safe_line


def err(message: str) -> None:
    """One line on stderr, `conflictcli: ...`, free of escapes and newlines (messages may quote an article)."""
    sys.stderr.write(f"conflictcli: {safe_line(message)}\n")
    sys.stderr.flush()


class ProgressBar:
    """A rich progress bar on stderr. stdout is left alone (rich would otherwise reroute it to stderr)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True, redirect_stdout=False)
        self.task = self.progress.add_task("Analyzing", total=total)
        self.shares_screen = sys.stdout.isatty()
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def hide(self) -> None:
        self.progress.stop()

    def show(self) -> None:
        self.progress.start()


class Reporter:
    """Passes articles through, reporting errors (and, unless quiet, warnings and progress) on stderr, and
    remembers whether any source failed, for the exit code."""

    def __init__(self, quiet: bool = False) -> None:
        self.failed = 0
        self.quiet = quiet

    def __call__(self, articles: Iterable, total: int) -> Iterator:
        bar = ProgressBar(total) if total > 1 and sys.stderr.isatty() and not self.quiet else None
        try:
            for article in articles:
                self._report(article)
                if bar is None:
                    yield article
                    continue
                bar.advance()
                if bar.shares_screen:
                    bar.hide()
                yield article
                if bar.shares_screen:
                    bar.show()
        finally:
            if bar is not None:
                bar.hide()

    def _report(self, article) -> None:
        if article.error is not None:
            self.failed += 1
            err(f"{article.source}: {article.error}")
        if not self.quiet:
            for warning in article.warnings:
                err(f"{article.source}: warning: {warning}")
