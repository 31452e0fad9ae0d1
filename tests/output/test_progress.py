"""The progress bar on a real terminal (a pty): cleared before each table is written to the same screen, so
no line mixes the bar with the output, and gone at the end."""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


def screen(output: str, width: int = 80) -> list[str]:
    """The lines left on a terminal after `output`: enough of a VT100 for what rich writes (text, CR, LF,
    cursor up, erase line; colours and cursor visibility ignored)."""
    lines: list[list[str]] = [[]]
    row = col = 0
    i = 0
    while i < len(output):
        match = CSI.match(output, i)
        if match:
            args, command = match.groups()
            if command == "A":
                row = max(0, row - int(args or 1))
            elif command == "K":
                lines[row] = [] if args == "2" else lines[row][:col]
            i = match.end()
            continue
        char = output[i]
        i += 1
        if char == "\r":
            col = 0
        elif char == "\n":
            row += 1
            col = 0
            while len(lines) <= row:
                lines.append([])
        elif char >= " ":
            line = lines[row]
            line.extend(" " * (col - len(line) + 1))
            line[col] = char
            col += 1
    return ["".join(line).rstrip() for line in lines]


def test_screen_model_follows_erase_and_cursor_up():
    assert screen("bar 10%\r\x1b[2Kbar 20%\n\r\x1b[1A\x1b[2KTitle\n") == ["Title", ""]


def run_on_a_terminal(tmp_path: Path, *options: str) -> str:
    """What `conflictcli analyze` over three stories writes to a terminal (a pty) as stdout and stderr."""
    sources = []
    for i in range(3):
        path = tmp_path / f"story{i}.txt"
        path.write_text(f"Aid convoys reach the north {i}\n\nThe United Nations said on Monday that aid convoys "
                        f"reached Aleppo, where Syrian forces and rebels fought for a week.\n")
        sources.append(str(path))
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "LINES": "40", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "conflictcli", "analyze", *sources, "-f", "table", *options],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side has closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_the_bar_never_shares_a_line_with_the_tables(tmp_path):
    output = run_on_a_terminal(tmp_path, "--no-color")
    assert "Analyzing" in output  # the bar was drawn
    lines = screen(output)
    assert sum("Aid convoys reach the north" in line for line in lines) == 3  # the three titles were written
    assert not [line for line in lines if "Analyzing" in line]


def test_quiet_draws_no_bar(tmp_path):
    assert "Analyzing" not in run_on_a_terminal(tmp_path, "--no-color", "--quiet")
