"""python -m negotiation: render, verify, demo, import, export, seed, bench."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from negotiation.kernel.errors import YesableError


def _render(args: argparse.Namespace) -> int:
    from negotiation.adapters.report import render_pdf
    from negotiation.data.case import case_from_json, fingerprint, short_fingerprint

    case = case_from_json(Path(args.case).read_bytes())
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
    from negotiation.adapters.cases import import_case
    from negotiation.adapters.store import CaseStore

    case, copied = import_case(CaseStore(args.db), Path(args.file).read_bytes())
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
    from negotiation.adapters.verify import verify_file

    result = verify_file(args.pdf)
    print(("verified: " if result.ok else "NOT VERIFIED: ") + result.message)
    return 0 if result.ok else 1


def _bench(args: argparse.Namespace) -> int:
    from negotiation.adapters.bench.run import run

    return run(quick=args.quick)


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
