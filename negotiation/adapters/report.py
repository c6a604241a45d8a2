"""The agreement document: Case -> HTML (Jinja, autoescaped) -> PDF/A-3b bytes (WeasyPrint).

`render_html` and `html_to_pdf` are pure: the same case gives the same HTML and the same PDF
bytes, whether the app, the CLI or a test asks. The renderer fetches nothing but `data:` URLs
and files shipped in `report_templates/`; party text is data, never markup.

Each step contributes a view for its section (`negotiation.method.views`), handed to the templates
as `views.<step>`.

`render_pdf` and `render_version_pdf` make the HTML here and lay it out in a worker process (a small
pool of them, `_RenderPool`), within a time limit (`RENDER_SECONDS`) and a memory limit
(`RENDER_MEMORY_BYTES`): one slow or huge case is stopped with a sentence (`RenderRefused`) and never
holds up another window's PDF. The worker runs the same `html_to_pdf`, so the bytes are the same.
"""
from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlparse

import jinja2
import pydyf
from weasyprint import CSS, HTML, Attachment, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from negotiation.adapters.charts import chart_label
from negotiation.adapters.charts.options import frontier_svg
from negotiation.data.agreement import AgreementVersion
from negotiation.data.case import STEPS, Case, case_from_stored, fingerprint, record, short_fingerprint
from negotiation.kernel import i18n, palette
from negotiation.kernel.base import canonical_json
from negotiation.kernel.errors import RenderRefused
from negotiation.method import views as method_views

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = ROOT / "report_templates"
RECORD_NAME = "yesable-case-record.json"


class _DefaultLevelZlib:
    """zlib, but `compressobj` always at zlib's default level (6).

    pydyf 0.13 (WeasyPrint's PDF writer) hard-codes level 9 for every stream. On the demo agreement
    level 9 costs about 0.2 s of a 0.6 s `write_pdf` for a file only 1.3 % smaller, so the report
    hands pydyf this module instead. The bytes stay deterministic and the PDF stays PDF/A-3b (the
    PDF tests check both); pydyf is pinned in requirements.txt so an upgrade re-checks this.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = zlib.Z_DEFAULT_COMPRESSION, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, *args, **kwargs)


if getattr(pydyf, "zlib", None) is zlib:
    pydyf.zlib = _DefaultLevelZlib()


# One render at a time within a process: the parsed stylesheets and their font configuration (Pango objects)
# are shared, and WeasyPrint is CPU-bound Python, so concurrent renders in one process would gain nothing under
# the GIL anyway. The app's and the CLI's PDFs (render_pdf) each run in a worker process of their own, so this
# lock never makes one window's PDF wait for another's.
_render_lock = threading.RLock()
_render_depth = 0


@contextmanager
def _rendering() -> Iterator[None]:
    """Hold the render lock and keep Python's cyclic garbage collector out of the render.

    WeasyPrint builds a tree of a few hundred thousand objects that all stay alive until the PDF is
    written; the collector's full passes keep walking that tree and find almost nothing (on the demo
    two full passes, 0.13 s, for 3,000 objects). With the collector paused, everything the render
    allocated is still in the youngest generation when it ends, so one young collection frees the
    render's cycles: the same memory afterwards, about 8 % less time. Nested calls (html_to_pdf ->
    lay_out) share the outer pause.
    """
    global _render_depth
    with _render_lock:
        outermost = _render_depth == 0
        gc_was_enabled = gc.isenabled()
        if outermost:
            gc.disable()
        _render_depth += 1
        try:
            yield
        finally:
            _render_depth -= 1
            if outermost:
                if gc_was_enabled:
                    gc.enable()
                gc.collect(0)


class ShippedOnlyFetcher(URLFetcher):
    """Lets WeasyPrint load `data:` URLs and files inside report_templates/, nothing else.

    Every refused URL is remembered in `refused`, so tests can prove nothing was read.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        parsed = urlparse(url)
        if parsed.scheme == "data":
            return super().fetch(url, headers)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if path.is_relative_to(TEMPLATES_DIR) and path.is_file():
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"Yesable's renderer loads only files it ships; refused {url!r}")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        t=i18n.t,
        money=i18n.fmt_money,
        number=i18n.fmt_number,
        percent=i18n.fmt_percent,
        date=i18n.fmt_date,
        palette=palette,
        chart_label=chart_label,
    )
    return env


def step_views(case: Case) -> dict[str, Any]:
    """Each step's view for its section, with the frontier drawn from the options view's numbers."""
    views = method_views.step_views(case)
    options = views["options"]
    options["svg"] = frontier_svg(options["analysis"]) if options["analysis"].ready else None
    return views


def render_html(case: Case, *, status: str = "draft", version: int | None = None,
                issued: dt.date | None = None, for_screen: bool = False, digest: str | None = None) -> str:
    """The agreement as HTML. `status` is "draft" or "final"; `issued` defaults to the signing date.

    `for_screen` inlines the stylesheet (and a screen layout) so the preview needs no file access.
    `digest` is the fingerprint to print: the case's own unless a finalised version's stored one is given.
    """
    digest = digest or fingerprint(case)
    inline_css = jinja2.utils.markupsafe.Markup(_screen_css()) if for_screen else None
    return _without_layout_whitespace(environment().get_template("agreement.html.j2").render(
        case=case,
        views=step_views(case),
        status=status,
        version=version,
        issued=issued or case.agreement.signing_date or case.opened,
        fingerprint=digest,
        short_fingerprint=short_fingerprint(digest),
        language=i18n.language(),
        inline_css=inline_css,
        steps=STEPS,
    ))


# Whitespace before the start or end of a block-level element: the templates' own line breaks and indents.
_LAYOUT_WHITESPACE = re.compile(
    r"[ \t\r\n]+(?=</?(?:div|p|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tr|td|th|section|nav|figure|figcaption"
    r"|h[1-6]|br)\b)")


def _without_layout_whitespace(html: str) -> str:
    """Drop the templates' line breaks and indents before block-level tags.

    Such whitespace renders as nothing in a browser, but WeasyPrint 70 counts a trailing space when it
    decides whether a line fits, and then breaks after the first word ("Issue" / "credit notes for …")
    when the text only just fits its cell. Party text is escaped, so it holds no tags for this to touch.
    """
    return _LAYOUT_WHITESPACE.sub("", html)


@lru_cache(maxsize=1)
def _screen_css() -> str:
    css = (TEMPLATES_DIR / "print.css").read_text(encoding="utf-8")
    css += "".join((TEMPLATES_DIR / "steps" / f"{step}.css").read_text(encoding="utf-8") for step in STEPS)
    css = "\n".join(line for line in css.splitlines() if not line.startswith("@font-face"))
    return css + (TEMPLATES_DIR / "screen.css").read_text(encoding="utf-8")


def html_to_pdf(html: str, *, record_json: str | None = None, when: dt.datetime | None = None,
                fetcher: ShippedOnlyFetcher | None = None) -> bytes:
    """PDF/A-3b bytes; `record_json` is embedded as the document's machine-readable record."""
    fetcher = fetcher or ShippedOnlyFetcher()
    with _rendering():
        return write_pdf(lay_out(html, fetcher), record_json=record_json, when=when, fetcher=fetcher)


def lay_out(html: str, fetcher: ShippedOnlyFetcher | None = None) -> Document:
    """WeasyPrint's pages for the HTML: parsing, the cascade and the layout (most of a PDF's time).

    The print stylesheets are applied here, parsed once per process, not linked from the HTML.
    """
    fetcher = fetcher or ShippedOnlyFetcher()
    with _rendering():
        font_config, stylesheets = _print_stylesheets()
        document = HTML(string=html, base_url=TEMPLATES_DIR.as_uri() + "/", url_fetcher=fetcher)
        return document.render(stylesheets=stylesheets, font_config=font_config)


@lru_cache(maxsize=1)
def _print_stylesheets() -> tuple[FontConfiguration, list[CSS]]:
    """print.css and each step's stylesheet, parsed once, with the shipped fonts their @font-face rules name.

    Parsing them and loading the fonts took about 0.07 s of every render. They come in as user
    stylesheets rather than author ones; the demo PDF is the same bytes either way (checked when this
    changed). Their custom properties are resolved here (`_with_values`). Only `_rendering()` callers
    may use them: the font configuration is not thread-safe.
    """
    fetcher = ShippedOnlyFetcher()
    font_config = FontConfiguration()
    paths = [TEMPLATES_DIR / "print.css", *(TEMPLATES_DIR / "steps" / f"{step}.css" for step in STEPS)]
    values = _custom_properties(paths[0].read_text(encoding="utf-8"))
    return font_config, [CSS(string=_with_values(path.read_text(encoding="utf-8"), values), base_url=path.as_uri(),
                             font_config=font_config, url_fetcher=fetcher) for path in paths]


_ROOT_BLOCK = re.compile(r":root\s*\{([^}]*)\}")
_CUSTOM_PROPERTY = re.compile(r"--([a-z0-9-]+)\s*:\s*([^;]+);")
_VAR = re.compile(r"var\(--([a-z0-9-]+)\)")


def _custom_properties(print_css: str) -> dict[str, str]:
    """The stylesheets' variables: print.css's :root block, and each side's colour from the palette
    (which the HTML's own :root block sets for the on-screen preview)."""
    values = dict(_CUSTOM_PROPERTY.findall(_ROOT_BLOCK.search(print_css).group(1)))  # type: ignore[union-attr]
    values.update({"client": palette.CLIENT, "client-tint": palette.CLIENT_TINT,
                   "vendor": palette.VENDOR, "vendor-tint": palette.VENDOR_TINT})
    return {name: value.strip() for name, value in values.items()}


def _with_values(css: str, values: dict[str, str]) -> str:
    """`css` with every `var(--name)` replaced by its value, so WeasyPrint sees plain declarations.

    WeasyPrint resolves var() per element and, in a shorthand (`font: 8pt var(--sans)`,
    `border-left: 3pt solid var(--client)`), expands the shorthand again for every element it
    applies to: about 3 % of the agreement's render. A name without a value is a KeyError here,
    at the first render, rather than a silently missing colour.
    """
    return _VAR.sub(lambda match: values[match.group(1)], css)


def write_pdf(document: Document, *, record_json: str | None = None, when: dt.datetime | None = None,
              fetcher: ShippedOnlyFetcher | None = None) -> bytes:
    """The laid-out pages as PDF/A-3b bytes, with `record_json` embedded."""
    fetcher = fetcher or ShippedOnlyFetcher()
    when = when or dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    attachments = []
    if record_json is not None:
        attachments.append(Attachment(
            string=record_json, name=RECORD_NAME, url_fetcher=fetcher,
            description="Yesable case record (canonical JSON); its SHA-256 is the printed fingerprint",
            created=when, modified=when, relationship="Source",
        ))
    with _rendering():
        return document.write_pdf(pdf_variant="pdf/a-3b", attachments=attachments, uncompressed_pdf=False)


def refusal_pdf(sentence: str) -> bytes:
    """A one-page PDF that says, in `sentence`, why the agreement was not printed (no record, no fingerprint).

    For a download the browser has already asked for: the person who clicked reads the reason in the file.
    It is laid out here, not in a worker: one paragraph takes a few milliseconds.
    """
    notice = (f"<!doctype html><html lang='en'><meta charset='utf-8'><body style='font-family: sans-serif; "
              f"margin: 3cm'><h1>{escape(i18n.t('report.refused.title'))}</h1><p>{escape(sentence)}</p></body></html>")
    return html_to_pdf(notice)


def render_pdf(case: Case, *, status: str = "draft", version: int | None = None) -> bytes:
    """The agreement PDF of `case`, laid out in a worker process; RenderRefused when it exceeds a limit."""
    with _POOL.worker() as worker:  # taken first, so that a worker still starting up starts during Jinja
        html = render_html(case, status=status, version=version)
        return worker.render(html, record_json=canonical_json(record(case)), when=issued_at(case)).pdf


def render_version_pdf(version: AgreementVersion) -> bytes:
    """A finalised version's PDF: it carries and prints the record and fingerprint as they were stored.

    The pages are drawn from the stored record (read through today's schema, since the templates are
    today's), but the fingerprint on every page and the embedded record are the stored ones, never
    recomputed: the paper signed then verifies now.
    """
    with _POOL.worker() as worker:
        case = case_from_stored(version.record)  # a frozen document: never held to a rule newer than itself
        html = render_html(case, status="final", version=version.number, digest=version.fingerprint)
        return worker.render(html, record_json=canonical_json(version.record), when=issued_at(case)).pdf


def issued_at(case: Case) -> dt.datetime:
    """The creation time the PDF carries: noon (UTC) of the signing date, or of the day the case opened."""
    return dt.datetime.combine(case.agreement.signing_date or case.opened, dt.time(12), dt.timezone.utc)


# -- printing in a worker process ------------------------------------------------------------

RENDER_SECONDS = 60.0
"""The longest one PDF may take to lay out and write; a render past it is stopped and refused."""
RENDER_MEMORY_BYTES = 1536 * 1024 * 1024
"""The address space one worker may map (RLIMIT_AS): a render needing more fails there, not in the app."""
PARALLEL_RENDERS = 4
"""PDFs laid out at the same time, each in its own process; a fifth waits for one of them to end."""
SPARE_WORKERS = 2
"""Idle workers kept warm (WeasyPrint imported, fonts loaded) for the next PDF."""
RETIRE_ABOVE_BYTES = 512 * 1024 * 1024
"""A worker whose peak memory passed this is stopped after its render instead of kept: Python keeps what it
allocated, and an idle worker should not hold a large case's memory."""
RENDERS_PER_WORKER = 50
"""A worker is replaced after this many renders, so that nothing it caches grows without end."""
WORKER_START_SECONDS = 60.0
"""How long a new worker may take to import WeasyPrint before it counts as failed."""
_WARM_UP_AFTER = 0.05
"""A new worker that gets no PDF this soon after it is ready lays out a small page, to load the fonts."""
_WARM_UP_HTML = ("<h1>Yesable</h1><p>Warm-up <strong>bold</strong> <em>italic</em></p>"
                 "<table><tr><th>Issue</th><td>1</td></tr></table>")


_WORKER_MAIN = ("from negotiation.adapters.report import serve; import sys; "
                "serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))")
"""What a worker process runs: `serve` on the two pipes it inherits, within its memory limit."""
_OUT_OF_MEMORY = ("failed to allocate", "Cannot allocate memory", "Error creating thread", "MemoryError",
                  "out of memory")
"""What a worker that died at its memory limit last wrote: GLib and Pango abort the process when an allocation
fails (g_error), where Python would have raised MemoryError."""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    seconds: float
    """The worker's time for the layout and the writing."""
    peak_rss_bytes: int
    """The worker process's peak resident memory so far (its ru_maxrss)."""


class _Worker:
    """One worker process and the two pipes to it; `render` sends it HTML and waits for the PDF, within limits."""

    def __init__(self, memory_bytes: int) -> None:
        self.memory_bytes = memory_bytes
        # What the worker writes to stderr stays out of the app's and the CLI's output: a worker dying under its
        # memory limit writes noise. Its last lines go with the refusal instead (RenderRefused.params["detail"]).
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop(), with the pipes
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        # close_fds (the default) keeps every other worker's pipes out of this one, so each sees its own EOF;
        # a session of its own keeps a Ctrl-C at the terminal for the parent, which then stops its workers.
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER_MAIN, str(to_child), str(from_child), str(memory_bytes)],
            pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self._stderr, cwd=ROOT, env=env, start_new_session=True)
        os.close(to_child)
        os.close(from_child)
        self._outbox = Connection(from_parent, readable=False)
        self._inbox = Connection(to_parent, writable=False)
        self._ready = False
        self.renders = 0
        self.healthy = True
        """False once the worker failed, was stopped or grew large: the pool retires it instead of keeping it."""

    @property
    def pid(self) -> int:
        return self.process.pid

    def render(self, html: str, *, record_json: str | None, when: dt.datetime | None,
               seconds: float | None = None) -> Rendered:
        """The PDF of `html`, as `html_to_pdf` makes it; RenderRefused when it takes longer than `seconds`
        (default RENDER_SECONDS) or more memory than the worker may use. The worker is stopped then."""
        seconds = RENDER_SECONDS if seconds is None else seconds
        self.renders += 1
        try:
            if not self._ready:
                if not self._inbox.poll(WORKER_START_SECONDS):
                    self.stop()
                    raise RenderRefused("report.refused.stopped", detail="the worker did not start")
                self._inbox.recv()  # "ready"
                self._ready = True
            self._outbox.send((html, record_json, when, seconds))
            if not self._inbox.poll(seconds):
                self.stop()
                raise RenderRefused("report.refused.too_slow", seconds=f"{seconds:g}")
            answer = self._inbox.recv()
        except (EOFError, OSError) as exc:  # it died: killed by the system, or a crash in the C libraries
            self._end()
            detail = self._last_words()
            self.stop()
            # An allocation refused under the memory cap ends the worker with a message (GLib, Python) or, where a
            # C library does not check its allocation, with an abort or a segmentation fault and no message.
            crashed = self.process.returncode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS)
            if crashed or any(sign in detail for sign in _OUT_OF_MEMORY):
                raise RenderRefused("report.refused.memory", limit=self.memory_bytes // (1024 * 1024),
                                    detail=detail) from exc
            raise RenderRefused("report.refused.stopped", detail=detail) from exc
        if answer[0] == "memory":
            self.stop()
            raise RenderRefused("report.refused.memory", limit=self.memory_bytes // (1024 * 1024))
        if answer[0] == "error":
            self.stop()
            raise RuntimeError(f"the PDF worker failed: {answer[1]}")
        _, pdf, took, peak = answer
        if peak > RETIRE_ABOVE_BYTES or self.renders >= RENDERS_PER_WORKER:
            self.healthy = False
        return Rendered(pdf, took, peak)

    def stop(self) -> None:
        """Kill the process and reap it (no zombie), and close the pipes. Safe to call more than once."""
        self._end()
        for connection in (self._outbox, self._inbox):
            if not connection.closed:
                connection.close()
        self._stderr.close()

    def _end(self) -> None:
        self.healthy = False
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def _last_words(self) -> str:
        """The end of what the worker wrote to stderr (read once it is dead), for whoever debugs a refusal."""
        try:
            self._stderr.seek(max(self._stderr.seek(0, os.SEEK_END) - 2000, 0))
            return self._stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""


class _RenderPool:
    """The worker processes of this process: at most PARALLEL_RENDERS busy at once, SPARE_WORKERS kept idle.

    Safe to use from many threads (Streamlit runs each session in its own); a worker serves one render at a
    time, so nothing inside a worker is shared between renders in flight.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._live: set[_Worker] = set()
        self._slots = threading.BoundedSemaphore(PARALLEL_RENDERS)
        self._pid = os.getpid()

    @contextmanager
    def worker(self, *, fresh: bool = False, memory_bytes: int | None = None) -> Iterator[_Worker]:
        """A worker for one render: an idle one, or a new one when none is idle (always a new one when `fresh`,
        and then stopped afterwards, so its peak memory is that render's)."""
        if not self._slots.acquire(timeout=RENDER_SECONDS):
            raise RenderRefused("report.refused.busy", count=PARALLEL_RENDERS, seconds=f"{RENDER_SECONDS:g}")
        try:
            worker = None if fresh or memory_bytes is not None else self._take_idle()
            if worker is None:
                worker = _Worker(RENDER_MEMORY_BYTES if memory_bytes is None else memory_bytes)
                with self._lock:
                    self._live.add(worker)
            keep = False
            try:
                yield worker
                keep = worker.healthy and not fresh and memory_bytes is None
            finally:
                self._give_back(worker, keep)
        finally:
            self._slots.release()

    def _take_idle(self) -> _Worker | None:
        with self._lock:
            if os.getpid() != self._pid:  # a forked copy of this process: the workers are the parent's
                self._idle, self._live, self._pid = [], set(), os.getpid()
            while self._idle:
                worker = self._idle.pop()
                if worker.process.poll() is None:
                    return worker
                self._live.discard(worker)
                worker.stop()
        return None

    def _give_back(self, worker: _Worker, keep: bool) -> None:
        with self._lock:
            if keep and len(self._idle) < SPARE_WORKERS:
                self._idle.append(worker)
                return
            self._live.discard(worker)
        worker.stop()

    def prestart(self) -> None:
        """Start a worker now, left idle, unless one is idle already: it starts while the caller reads the case."""
        with self._lock:
            if self._idle:
                return
        worker = _Worker(RENDER_MEMORY_BYTES)
        with self._lock:
            self._live.add(worker)
            if len(self._idle) < SPARE_WORKERS:
                self._idle.append(worker)
                return
            self._live.discard(worker)
        worker.stop()

    def pids(self) -> list[int]:
        """The process ids of the workers alive (busy or idle)."""
        with self._lock:
            return sorted(w.pid for w in self._live)

    def shutdown(self) -> None:
        """Stop every worker, idle or busy (at exit; tests)."""
        with self._lock:
            workers, self._idle, self._live = list(self._live), [], set()
        for worker in workers:
            worker.stop()


_POOL = _RenderPool()
atexit.register(_POOL.shutdown)


def render_in_worker(html: str, *, record_json: str | None = None, when: dt.datetime | None = None,
                     seconds: float | None = None, fresh: bool = False, memory_bytes: int | None = None) -> Rendered:
    """`html_to_pdf(html, …)` in a worker process, with its time and peak memory; RenderRefused past a limit.

    `seconds` and `memory_bytes` lower the limits for one render (tests); `fresh` takes a new worker and stops
    it afterwards, so that `peak_rss_bytes` is this render's alone (the bench).
    """
    with _POOL.worker(fresh=fresh, memory_bytes=memory_bytes) as worker:
        return worker.render(html, record_json=record_json, when=when, seconds=seconds)


def prestart_worker() -> None:
    """Start a render worker ahead of the first PDF (the CLI calls it before it reads the case file)."""
    _POOL.prestart()


def worker_pids() -> list[int]:
    """The render workers alive in this process's pool."""
    return _POOL.pids()


def stop_workers() -> None:
    """Stop every render worker of this process (tests; the pool also does it at exit)."""
    _POOL.shutdown()


def serve(read_fd: int, write_fd: int, memory_bytes: int) -> None:
    """A worker's loop: read (html, record_json, when, seconds), answer ("pdf", bytes, seconds, peak), until EOF.

    Runs in the process `_Worker` starts. Its address space is capped, so a case too large to print raises
    MemoryError here and the worker answers ("memory",). An alarm a little past the time limit ends the
    process should its parent be gone and nobody be left to stop it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    inbox, outbox = Connection(read_fd, writable=False), Connection(write_fd, readable=False)
    try:
        outbox.send(("ready",))
        if not inbox.poll(_WARM_UP_AFTER):
            try:
                html_to_pdf(_WARM_UP_HTML)
            except Exception:  # noqa: BLE001, S110 - only a head start: a real render that fails says why
                pass
        while True:
            try:
                html, record_json, when, seconds = inbox.recv()
            except EOFError:
                return
            signal.alarm(int(seconds) + 10)
            start = time.perf_counter()
            try:
                pdf = html_to_pdf(html, record_json=record_json, when=when)
            except MemoryError:
                answer: tuple[Any, ...] = ("memory",)
            except Exception as exc:  # noqa: BLE001 - handed to the parent: the worker has no one to show it to
                answer = ("error", f"{type(exc).__name__}: {exc}")
            else:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
                answer = ("pdf", pdf, time.perf_counter() - start, peak)
            signal.alarm(0)
            try:
                outbox.send(answer)
            except MemoryError:
                outbox.send(("memory",))
            if answer[0] != "pdf":
                return
    except (BrokenPipeError, EOFError):  # the parent is gone
        return
