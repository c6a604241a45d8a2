"""The SMART check measured: its precision and recall on the hand-labelled set, and its speed.

    python -m negotiation bench            (rows below, among the others)
    python -m negotiation.adapters.bench.system    (this step alone, with every disagreement listed)

The labelled set is tests/data/smart_labelled.json: criteria typed as one sentence, in English and
Dutch, each labelled SMART or not on its wording. "Positive" means the checker says "not SMART yet":
precision is how often such a flag is right, recall how many of the truly not-SMART criteria it
catches.
"""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from negotiation.adapters.bench.common import ROOT, Row, timed
from negotiation.adapters.demo import demo_case
from negotiation.method.smart.check import check
from negotiation.method.smart.criteria import coverage

LABELLED = ROOT / "tests" / "data" / "smart_labelled.json"


@dataclass(frozen=True)
class Scores:
    total: int
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int
    letter_agreement: float
    """Share of (criterion, letter) pairs where the checker's pass/fail of S, M, T matches the label."""
    disagreements: tuple[tuple[str, bool, list[str]], ...]

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        bad = self.true_positive + self.false_negative
        return self.true_positive / bad if bad else 1.0


def load(path: Path = LABELLED, part: str = "criteria") -> list[dict]:
    """"criteria" (the main set) or "holdout" (written later, run once before any change it prompted)."""
    return json.loads(path.read_text(encoding="utf-8"))[part]


def evaluate(items: list[dict]) -> Scores:

    tp = fp = fn = tn = 0
    agree = pairs = 0
    wrong = []
    for item in items:
        verdict = check(item["text"])
        flagged = not verdict.wording_smart
        bad = not item["smart"]
        tp += flagged and bad
        fp += flagged and not bad
        fn += bad and not flagged
        tn += not bad and not flagged
        for letter in ("S", "M", "T"):
            pairs += 1
            agree += (letter in verdict.failing) == (letter in item["fails"])
        if flagged != bad:
            wrong.append((item["text"], item["smart"], verdict.failing))
    return Scores(len(items), tp, fp, fn, tn, agree / pairs if pairs else 1.0, tuple(wrong))


def measure(quick: bool) -> list[Row]:

    items = load()
    scores = evaluate(items)
    by_language = {lang: evaluate([i for i in items if i["lang"] == lang]) for lang in ("en", "nl")}
    case = demo_case()
    sentence = items[0]["text"]
    per_check = statistics.median(timed(lambda: check(sentence), 20 if quick else 200))
    per_cover = statistics.median(timed(lambda: coverage(case), 5 if quick else 30))
    rows = [
        Row(f"SMART check: precision of 'not SMART yet' on {scores.total} labelled criteria", scores.precision * 100,
            "%"),
        Row(f"SMART check: recall of 'not SMART yet' on {scores.total} labelled criteria", scores.recall * 100, "%"),
        Row("SMART check: letters S, M, T agreeing with the labels", scores.letter_agreement * 100, "%"),
    ]
    holdout = evaluate(load(part="holdout"))
    rows.append(Row(f"SMART check on the {holdout.total} held-out criteria: precision / recall "
                    f"{holdout.precision * 100:.0f} % / {holdout.recall * 100:.0f} %", holdout.precision * 100,
                    "% precision"))
    for lang, lang_scores in by_language.items():
        rows.append(Row(f"SMART check ({lang}, {lang_scores.total} criteria): precision / recall "
                        f"{lang_scores.precision * 100:.0f} % / {lang_scores.recall * 100:.0f} %",
                        lang_scores.recall * 100, "% recall"))
    rows += [
        Row("SMART check of one sentence (parse + five letters), median", per_check, "s", "≤ 20 ms", per_check <= 0.02),
        Row("coverage and definition of the demo case (8 criteria), median", per_cover, "s", "≤ 100 ms",
            per_cover <= 0.1),
    ]
    return rows


def main() -> None:
    items = load()
    scores = evaluate(items)
    print(f"{scores.total} labelled criteria; flagged not SMART: TP {scores.true_positive}, FP {scores.false_positive}, "
          f"FN {scores.false_negative}, TN {scores.true_negative}")
    print(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  letter agreement {scores.letter_agreement:.3f}")
    for text, label, failing in scores.disagreements:
        print(f"  labelled {'SMART' if label else 'not SMART'}, checker failing {failing or 'nothing'}: {text}")
    for item in items:

        failing = check(item["text"]).failing
        if sorted(set(failing) & {"S", "M", "T"}) != sorted(item["fails"]):
            print(f"  letters differ: label {item['fails']}, checker {failing}: {item['text']}")


if __name__ == "__main__":
    main()
