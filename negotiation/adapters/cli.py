"""python -m negotiation: render, analyse, check, verify, demo, import, export, seed, bench."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

from negotiation.kernel.errors import YesableError


def _read_at_most(path: str, limit: int) -> bytes:
    """The file's first `limit` + 1 bytes: enough for the reader to refuse a larger file without loading it whole."""
    with open(path, "rb") as file:
        return file.read(limit + 1)


def _case_file(path: str):
    """The case in a case file, read within the size and depth limits (ImportRejected says why not)."""
    from negotiation.adapters.cases import MAX_IMPORT_BYTES, read_case_file

    return read_case_file(_read_at_most(path, MAX_IMPORT_BYTES))


def _render(args: argparse.Namespace) -> int:
    from negotiation.adapters.report import prestart_worker, render_pdf
    from negotiation.data.case import fingerprint, short_fingerprint

    prestart_worker()  # it imports WeasyPrint while this process reads the case
    case = _case_file(args.case)
    pdf = render_pdf(case)
    Path(args.output).write_bytes(pdf)
    print(f"{args.output}: {len(pdf):,} bytes, fingerprint {short_fingerprint(fingerprint(case))}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from negotiation.adapters.demo import demo_case
    from negotiation.data.case import case_to_json

    text = case_to_json(demo_case())
    if args.output == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"{args.output}: the demo case")
    return 0


def _seed(args: argparse.Namespace) -> int:
    from negotiation.adapters.cases import ensure_demo
    from negotiation.adapters.store import CaseStore

    store = CaseStore(args.db)
    added = ensure_demo(store)
    print(f"{store.path}: demo case {'added' if added else 'already present'}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from negotiation.adapters.cases import MAX_IMPORT_BYTES, import_case
    from negotiation.adapters.store import CaseStore

    payload = _read_at_most(args.file, MAX_IMPORT_BYTES)
    case, copied = import_case(CaseStore(args.db), payload)
    print(f"imported {case.title!r} as {case.id}{' (a copy: the id was taken)' if copied else ''}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from negotiation.adapters.store import CaseStore
    from negotiation.data.case import case_to_json

    case = CaseStore(args.db).get(args.case_id).case
    Path(args.output).write_text(case_to_json(case) + "\n", encoding="utf-8")
    print(f"{args.output}: {case.title}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    import logging

    from negotiation.adapters.verify import verify_file

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # a damaged file's warnings: the sentence below says it
    result = verify_file(args.pdf)
    print(("verified: " if result.ok else "NOT VERIFIED: ") + result.message)
    return 0 if result.ok else 1


def _bench(args: argparse.Namespace) -> int:
    from negotiation.adapters.bench.run import run

    return run(quick=args.quick)


def _analyse(args: argparse.Namespace) -> int:
    from negotiation.adapters.analyse import case_analysis

    case = _case_file(args.case)
    sys.stdout.write(json.dumps(case_analysis(case), indent=2, ensure_ascii=False) + "\n")
    return 0


def _check(args: argparse.Namespace) -> int:
    from negotiation.data.limits import MAX_TEXT_CHARS
    from negotiation.kernel import i18n
    from negotiation.method.smart.check import check
    from negotiation.method.smart.parse import language_of

    sentence = args.sentence.strip()
    if not sentence:
        print("error: the sentence is empty: type the criterion between quotes", file=sys.stderr)
        return 2
    if len(sentence) > MAX_TEXT_CHARS:
        print(f"error: the sentence is {len(sentence):,} characters long; a criterion holds at most "
              f"{MAX_TEXT_CHARS:,}", file=sys.stderr)
        return 2
    language = args.lang or language_of(sentence)
    i18n.set_language(language)  # the explanations read in the sentence's own language
    as_of = args.as_of or dt.date.today()
    verdict = check(sentence, language=language, as_of=as_of)
    print(json.dumps(verdict_json(sentence, verdict, as_of), ensure_ascii=False, indent=2))
    return 0


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def verdict_json(sentence: str, verdict, as_of: dt.date) -> dict:
    """The SMART check of one sentence as plain JSON: the wording's verdict, each letter, and what was read."""
    parsed = verdict.parsed
    return {
        "sentence": sentence,
        "language": verdict.language,
        "as_of": as_of.isoformat(),
        "smart": verdict.wording_smart,
        "verdict": verdict.headline,
        "letters": {
            result.letter: {
                "name": result.name,
                "ok": result.passed,
                "status": result.status,
                "summary": result.summary,
                "findings": [{"code": f.code, "kind": f.kind, "explanation": f.explanation,
                              "suggestion": f.suggestion} for f in result.findings],
            } for result in verdict.letters
        },
        "parsed": {
            "target": _json_number(parsed.target),
            "unit": parsed.unit,
            "direction": parsed.direction.value if parsed.direction else None,
            "counted_all": parsed.universal,
            "date": parsed.date.isoformat() if parsed.date else None,
            "date_kind": parsed.date_kind.value if parsed.date else None,
            "date_text": parsed.date_text,
            "year_assumed": parsed.year_assumed,
            "frequency": parsed.frequency.value if parsed.frequency else None,
            "source": parsed.source,
            "owners": parsed.owners,
            "metric": parsed.metric,
            "placeholders": parsed.placeholders,
            "bad_dates": parsed.bad_dates,
            "quantities": [{"value": _json_number(q.value), "unit": q.unit, "threshold": q.threshold}
                           for q in parsed.quantities],
        },
    }


def _as_of(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD, "
                                         "for example 2027-01-15") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m negotiation", description="Yesable from the command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("render", help="render a case file (JSON) to the agreement PDF")
    p.add_argument("case", help="a case exported as JSON")
    p.add_argument("-o", "--output", default="agreement.pdf")
    p.set_defaults(run=_render)

    p = sub.add_parser("demo", help="write the demo case as JSON")
    p.add_argument("-o", "--output", default="-", help="file to write, or - for standard output")
    p.set_defaults(run=_demo)

    p = sub.add_parser("seed", help="put the demo case in the store unless it is there")
    p.add_argument("--db", default=None, help="SQLite file (default: $YESABLE_DB or data/yesable.db)")
    p.set_defaults(run=_seed)

    p = sub.add_parser("import", help="import a case file into the store (validated first)")
    p.add_argument("file")
    p.add_argument("--db", default=None)
    p.set_defaults(run=_import)

    p = sub.add_parser("export", help="export a stored case as JSON")
    p.add_argument("case_id")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--db", default=None)
    p.set_defaults(run=_export)

    p = sub.add_parser("verify", help="check that a PDF's embedded record matches its printed fingerprint")
    p.add_argument("pdf")
    p.set_defaults(run=_verify)

    p = sub.add_parser("bench", help="measure PDF rendering and page reruns")
    p.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    p.set_defaults(run=_bench)

    p = sub.add_parser("analyse", help="the analysis of a case file (JSON) as one JSON object",
                       description="Prints each side's BATNA, the recognition verdict, the options' suggestions, "
                                   "the fair split and the margin as one JSON object (docs/cli.md).")
    p.add_argument("case", help="a case exported as JSON")
    p.set_defaults(run=_analyse)

    p = sub.add_parser("check", help="the SMART check of one criterion typed as a sentence, as JSON",
                       description="Prints one JSON object: smart (the wording passes S, M and T), the letters "
                                   "S, M, A, R, T with ok and findings, and the fields read from the sentence.")
    p.add_argument("sentence", help="the criterion, in English or Dutch, between quotes")
    p.add_argument("--lang", choices=("en", "nl"), default=None,
                   help="the sentence's language (default: detected from the sentence)")
    p.add_argument("--as-of", type=_as_of, default=None, metavar="DATE",
                   help="the day that gives a year to 'from Q3' or 'by the end of the year' (default: today)")
    p.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except YesableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: no such file: {exc.filename}", file=sys.stderr)
        return 2
    except IsADirectoryError as exc:
        print(f"error: {exc.filename} is a folder, not a file", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot read or write {exc.filename or 'a file'}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except RecursionError:
        # The readers bound the nesting before they parse (negotiation.kernel.bounded_json); this is the last guard.
        print("error: the input nests too deeply to be read", file=sys.stderr)
        return 2
    except MemoryError:
        print("error: the input is too large to be read in the memory this machine has", file=sys.stderr)
        return 2
