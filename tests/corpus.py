"""The robustness corpus, generated (no binaries in the repo): bad inputs, network faults and hostile text.

Each Case says what must happen: `error` is the exact reason on the one stderr line (None: the source must
succeed), `contains` what the cleaned text must keep. Shared by tests/test_robustness.py and
bench/robustness.py, so the benchmark counts exactly what the tests check.
"""
from __future__ import annotations

import codecs
import os
import random
from dataclasses import dataclass
from pathlib import Path

CAP = 2 * 1024 * 1024  # --max-bytes used with this corpus: small, so "over the cap" files stay small
SENTENCE = "Iraqi militias moved fighters into eastern Syria on Monday, residents of Albu Kamal said."
NO_TEXT = "no article text found in the HTML"


@dataclass
class Case:
    name: str
    source: str
    error: str | None = None
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()  # must not reach the output
    either: bool = False  # success (with `contains`) or a clean one-line refusal are both acceptable
    nlp_error: str | None = None  # the reason when the NLP commands refuse what `text` accepts


def _write(directory: Path, name: str, data: bytes) -> str:
    path = directory / name
    path.write_bytes(data)
    return str(path)


def article(body: str = SENTENCE, title: str = "Militias regroup near Deir ez-Zor") -> str:
    return f"{title}\n\n{body}\n\nOfficials in Damascus declined to comment on the reports.\n"


def _empty_folder(directory: Path) -> str:
    """A folder source means its files; one with none is an error (a source always gets an answer)."""
    folder = directory / "empty-folder"
    folder.mkdir(exist_ok=True)
    return str(folder)


def unreadable_path(directory: Path) -> str | None:
    """A file this process cannot read: chmod 000 for a normal user; root reads anything, so then a file the
    kernel refuses even to root (write-only procfs entries). None when neither exists."""
    if os.geteuid() != 0:
        path = Path(_write(directory, "unreadable.txt", article().encode()))
        path.chmod(0)
        return str(path)
    for candidate in ("/proc/sys/vm/drop_caches", "/proc/sys/vm/compact_memory"):
        try:
            with open(candidate, "rb") as fh:
                fh.read(1)
        except PermissionError:
            return candidate
        except OSError:
            continue
    return None


def bad_inputs(directory: Path) -> list[Case]:
    """Files and URLs that are broken, odd or hostile in their bytes; generated into `directory`."""
    rng = random.Random(7)
    w = lambda name, data: _write(directory, name, data)  # noqa: E731
    deep = "<div>" * 10_000 + f"<p>{SENTENCE}</p>" + "</div>" * 10_000
    cases = [
        Case("empty file", w("empty.txt", b""), "empty input"),
        Case("whitespace only", w("blank.txt", b"  \n\t\r\n  \n"), "empty input"),
        Case("one byte", w("one.txt", b"x"), contains=("x",)),
        Case("PNG header", w("image.png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + rng.randbytes(200)),
             "binary content (PNG image), not an article"),
        Case("PDF header", w("paper.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
             "binary content (PDF), not an article"),
        Case("ZIP header", w("archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0" + rng.randbytes(200)),
             "binary content (ZIP archive), not an article"),
        Case("random bytes", w("noise.txt", rng.randbytes(4096)), "binary content, not an article"),
        Case("NUL bytes throughout", w("nuls.txt", b"\0" * 2000 + b"text"), "binary content, not an article"),
        Case("a few NUL bytes", w("somenuls.txt", article().replace("moved", "mo\0ved").encode()),
             contains=("moved fighters",), absent=("\0",)),
        Case("invalid UTF-8", w("broken-utf8.txt",
                                article("The caf\u00e9 in M\u00fcnchen closed. " + SENTENCE).encode() + b"\xff\xfe\xc3"),
             contains=("caf\u00e9 in M\u00fcnchen", "Albu Kamal")),
        Case("Latin-1", w("latin1.txt", article("Le caf\u00e9 de M\u00fcnchen a \u00e9t\u00e9 ferm\u00e9 par "
                                                "l'arm\u00e9e lundi, selon les habitants.").encode("latin-1")),
             contains=("caf\u00e9 de M\u00fcnchen a \u00e9t\u00e9 ferm\u00e9",)),
        Case("Windows-1256 Arabic", w("arabic-1256.txt", article(
            "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u0625\u0646 \u0627\u0644\u062c\u064a\u0634 "
            "\u062f\u062e\u0644 \u062d\u0644\u0628 \u0627\u0644\u064a\u0648\u0645 \u0648\u0623\u0636\u0627\u0641 "
            "\u0623\u0646 \u0627\u0644\u0642\u0648\u0627\u062a \u062a\u062a\u0642\u062f\u0645 \u0646\u062d\u0648 "
            "\u0627\u0644\u0634\u0631\u0642.", title="\u0627\u0644\u062c\u064a\u0634 \u0627\u0644\u0633\u0648\u0631\u064a"
        ).encode("cp1256")), contains=("\u0627\u0644\u062c\u064a\u0634 \u062f\u062e\u0644 \u062d\u0644\u0628",)),
        Case("UTF-16 with BOM", w("utf16.txt", codecs.BOM_UTF16_LE + article().encode("utf-16-le")),
             contains=("Albu Kamal",)),
        Case("UTF-16 without BOM", w("utf16-nobom.txt", article().encode("utf-16-le")), contains=("Albu Kamal",)),
        Case("over the size cap", w("huge.txt", (SENTENCE + "\n").encode() * (CAP // len(SENTENCE) + 10)),
             f"file exceeds the cap of {CAP} bytes"),
        Case("1 MB single line", w("oneline.txt", ("word " * (2**20 // 5)).encode()), contains=("word word",),
             nlp_error="text too long to analyze (1,048,574 characters; the model's limit is 1,000,000)"),
        Case("HTML with no article", w("empty-body.html", b"<html><head><title>Home</title></head><body>"
                                                          b"<div></div><span> </span></body></html>"), NO_TEXT),
        Case("script-only HTML", w("script.html", b"<html><head><script>var a = 'Syria';</script><style>p{}"
                                                  b"</style></head><body><script>document.write('x')</script>"
                                                  b"</body></html>"), NO_TEXT),
        Case("unclosed HTML", w("unclosed.html", f"<html><body><article><p>{SENTENCE} <b>The <i>army <div>said "
                                                 f"nothing more".encode()), contains=("Albu Kamal",)),
        Case("malformed HTML", w("malformed.html", f"<html><<body>><p class=x>{SENTENCE}</span></div>"
                                                   f"<p>Officials in Damascus declined to comment.</b></html>"
                                                   f"</html>".encode()), contains=("Damascus",)),
        Case("HTML nested 10,000 deep", w("deep.html", f"<html><body>{deep}</body></html>".encode()),
             contains=("Albu Kamal",), either=True),
        Case("right-to-left marks", w("rtl.txt", article("\u200fThe army said \u202ereversed\u202c text "
                                                         "and \u2067isolated\u2069 words in Aleppo.").encode()),
             contains=("reversed", "isolated"), absent=("\u202e", "\u2067")),
        Case("emoji", w("emoji.txt", article("The army \U0001F4A3 said it moved \U0001F1F8\U0001F1FE troops "
                                             "to Aleppo \U0001F600.").encode()), contains=("\U0001F4A3",)),
        Case("Arabic UTF-8", w("arabic.txt", article("\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 "
                                                     "\u0625\u0646 \u0627\u0644\u062c\u064a\u0634 \u062f\u062e\u0644 "
                                                     "\u062d\u0644\u0628 \u0627\u0644\u064a\u0648\u0645.").encode()),
             contains=("\u0627\u0644\u062c\u064a\u0634",)),
        Case("Russian UTF-8", w("russian.txt", article("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u043e\u0431"
                                                       "\u043e\u0440\u043e\u043d\u044b \u0437\u0430\u044f\u0432\u0438"
                                                       "\u043b, \u0447\u0442\u043e \u0432\u043e\u0439\u0441\u043a"
                                                       "\u0430 \u0432\u043e\u0448\u043b\u0438 \u0432 \u0433\u043e"
                                                       "\u0440\u043e\u0434.").encode()),
             contains=("\u041c\u0438\u043d\u0438\u0441\u0442\u0440",)),
        Case("odd quotation marks", w("quotes.txt", article(
            '"We will not leave," the commander said. He added: "The road is closed. '
            "\u201cNobody passes\u201d until \u201cfurther notice. 'Nothing' he said'.").encode()),
             contains=("road is closed",)),
        Case("directory", _empty_folder(directory), "a directory with no readable files under it"),
        Case("missing path", str(directory / "no-such-article.txt"), "no such file"),
        Case("device without end", "/dev/zero", f"file exceeds the cap of {CAP} bytes"),
        Case("file: URL", "file:///etc/passwd", "unsupported URL scheme 'file' (only http and https)"),
        Case("ftp: URL", "ftp://127.0.0.1/article.html", "unsupported URL scheme 'ftp' (only http and https)"),
        Case("javascript: URL", "javascript:alert(document.cookie)",
             "unsupported URL scheme 'javascript' (only http and https)"),
        Case("URL without host", "http:///article.html", "malformed URL: no host"),
        Case("URL with broken IPv6 host", "http://[::1/article", "malformed URL: Invalid IPv6 URL"),
        Case("URL with bad port", "https://example.com:70000/a", "malformed URL: Port out of range 0-65535"),
        Case("URL with a space in the host", "http://exa mple.com/a",
             "malformed URL: spaces or control characters (percent-encode them)"),
    ]
    unreadable = unreadable_path(directory)
    if unreadable is not None:
        cases.append(Case("unreadable file", unreadable, "permission denied"))
    return cases


def network_cases(base: str, refused: str, timeout: float) -> list[Case]:
    """Faults served by tests/httpserver.py at `base`; `refused` is a URL nothing listens on."""
    u = lambda path: base + path  # noqa: E731
    timed_out = f"timed out after {timeout:g} s"
    incomplete = "incomplete body (the connection closed early or the chunked encoding is broken)"
    return [
        Case("page", u("/ok"), contains=("Albu Kamal",)),
        Case("redirect to a page", u("/redirect-chain"), contains=("Albu Kamal",)),
        Case("gzip page", u("/gzip-ok"), contains=("Albu Kamal",)),
        Case("HTTP 404", u("/404"), "HTTP 404 Not Found"),
        Case("HTTP 500", u("/500"), "HTTP 500 Internal Server Error"),
        Case("HTTP 503", u("/503"), "HTTP 503 Service Unavailable"),
        Case("never answers", u("/hang"), timed_out),
        Case("trickles the body", u("/trickle"), timed_out),
        Case("trickles the headers", u("/trickle-headers"), timed_out),
        Case("connection refused", refused, "connection refused"),
        Case("redirect loop", u("/loop-a"), "redirect loop"),
        Case("redirect to file:", u("/redirect-file"), "redirect to unsupported scheme 'file'"),
        Case("redirect to javascript:", u("/redirect-js"), "redirect to unsupported scheme 'javascript'"),
        Case("endless body", u("/endless"), f"body exceeds the cap of {CAP} bytes"),
        Case("declared body over the cap", u("/big-declared"), f"body too large (50000000000 bytes > cap of {CAP})"),
        Case("gzip bomb", u("/gzip-bomb"), f"body exceeds the cap of {CAP} bytes"),
        Case("corrupt gzip", u("/gzip-corrupt"), "truncated or corrupt gzip body"),
        Case("PDF content type", u("/pdf"), "not an article: content type application/pdf"),
        Case("image content type", u("/image"), "not an article: content type image/png"),
        Case("PNG served as HTML", u("/png-as-html"), "binary content (PNG image), not an article"),
        Case("broken chunk size", u("/chunked-bad-size"), incomplete),
        Case("truncated chunk", u("/chunked-truncated"), incomplete),
        Case("short body", u("/short-body"), incomplete),
        Case("not HTTP", u("/garbage-status"), "not an HTTP response"),
    ]


HOSTILE_BODY = (
    "The spokesman said [bold red]ALERT[/] and [link=https://evil.example]click here[/link] near Aleppo. "
    "Then \x1b[2J\x1b[31mred text\x1b[0m and \x1b]0;owned title\x07 and \x1b]8;;https://evil.example\x1b\\a link"
    "\x1b]8;;\x1b\\ and a bell \x07\x07 and C1 \x9b31m and \u202egnirts desrever\u202c were printed.\n\n"
    "=HYPERLINK(\"https://evil.example\",\"x\") was in the memo.\n\n"
    "+1 and -2 and @SUM(A1) were in the margins, officials in Damascus said on Tuesday.\n\n"
    "\"=1+2 is hidden in every file,\" said Hadi al-Amiri, the leader of the Badr Organization."
)
HOSTILE_TITLE = "[bold red]Breaking[/] \x1b[5mnews\x1b[0m \x1b]0;pwned\x07"


def hostile_cases(directory: Path) -> list[Case]:
    """Text that tries to style, move or retitle the terminal, or to run as a spreadsheet formula."""
    text = f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n"
    html = (f"<html><head><title>{HOSTILE_TITLE}</title></head><body><article><p>"
            + HOSTILE_BODY.replace("\n\n", "</p><p>") + "</p></article></body></html>")
    entities = ("<html><head><title>Entities &#x1b;[2J &#x9b;31m</title></head><body><article><p>"
                f"{SENTENCE} &#x1b;]0;owned&#7; &#x9b;2J &#x202e;reversed&#x202c; done.</p><p>{SENTENCE}</p>"
                "</article></body></html>")
    return [
        Case("hostile plain text", _write(directory, "hostile.txt", text.encode()), contains=("red text",)),
        Case("hostile HTML", _write(directory, "hostile.html", html.encode()), contains=("red text",)),
        Case("control characters as HTML entities", _write(directory, "entities.html", entities.encode()),
             contains=("Albu Kamal", "reversed")),
    ]
