"""The agreement document: Case -> HTML (Jinja, autoescaped) -> PDF/A-3b bytes (WeasyPrint).

`render_html` and `html_to_pdf` are pure: the same case gives the same HTML and the same PDF
bytes, whether the app, the CLI or a test asks. The renderer fetches nothing but `data:` URLs
and files shipped in `report_templates/`; party text is data, never markup.

Each step contributes a view for its section (`negotiation.method.views`), handed to the templates
as `views.<step>`.
"""
from __future__ import annotations

import datetime as dt
import gc
import re
import threading
import zlib
from contextlib import contextmanager
from functools import lru_cache
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
from negotiation.data.case import STEPS, Case, case_from_document, fingerprint, record, short_fingerprint
from negotiation.kernel import i18n, palette
from negotiation.kernel.base import canonical_json
from negotiation.method import views as method_views

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "report_templates"
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


# One render at a time: the parsed stylesheets and their font configuration (Pango objects) are shared,
# and WeasyPrint is CPU-bound Python, so concurrent renders would gain nothing under the GIL anyway.
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


def render_pdf(case: Case, *, status: str = "draft", version: int | None = None) -> bytes:
    html = render_html(case, status=status, version=version)
    return html_to_pdf(html, record_json=canonical_json(record(case)), when=_issued_at(case))


def render_version_pdf(version: AgreementVersion) -> bytes:
    """A finalised version's PDF: it carries and prints the record and fingerprint as they were stored.

    The pages are drawn from the stored record (read through today's schema, since the templates are
    today's), but the fingerprint on every page and the embedded record are the stored ones, never
    recomputed: the paper signed then verifies now.
    """
    case = case_from_document(version.record)
    html = render_html(case, status="final", version=version.number, digest=version.fingerprint)
    return html_to_pdf(html, record_json=canonical_json(version.record), when=_issued_at(case))


def _issued_at(case: Case) -> dt.datetime:
    return dt.datetime.combine(case.agreement.signing_date or case.opened, dt.time(12), dt.timezone.utc)
