"""The SMART check: for each letter, does the criterion pass, and if not, why and how to sharpen it.

A pure function of the criterion (and, when given, the case it belongs to). It reads the typed
fields first and falls back on what the one-sentence statement says (see negotiation.method.smart.parse), so it works
on a sentence alone too. Criteria may be written in English or Dutch: the vague words of both
languages are recognised, and the sharper wording is suggested in the criterion's own language.

Letters:
  S  specific     says what, without vague words, placeholders or wishes
  M  measurable   a number with a unit (or a count of everything: "all laptops"), and the source it is measured from
  A  achievable   why it can be done, confirmed by the vendor's delivery team (not sales)
  R  relevant     answers at least one complaint or interest
  T  time-bound   a deadline, or the date from which it holds, not in the past
From a sentence alone, A and R cannot be judged: they stay open until the fields say so.

The owners are fields of their own (one per side), not words of the sentence: a missing owner is a
note under S, never a failed S. A criterion is SMART, and can enter the definition, only with both
owners filled in.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from negotiation.data.case import Case
from negotiation.data.parties import PartyRole
from negotiation.data.smart import DateKind, Direction, SmartCriterion, is_percent
from negotiation.kernel import i18n
from negotiation.kernel.i18n import t
from negotiation.method.smart.parse import Parsed, parse

LETTERS = ("S", "M", "A", "R", "T")
LETTER_NAMES = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant", "T": "time_bound"}

# Vague words, by the kind of sharpening each needs. Regular expressions, matched as whole words.
VAGUE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "speed": (r"fast(?:er)?", r"quick(?:ly|er)?", r"as soon as possible", r"asap", r"a\.s\.a\.p\.?",
                  r"timely", r"in a timely (?:manner|fashion)", r"promptly", r"prompt", r"soon", r"rapid(?:ly)?",
                  r"without delay", r"swift(?:ly)?", r"in due course", r"shortly", r"eventually", r"at some point",
                  r"in the near future", r"in the future", r"over time"),
        "quality": (r"user[- ]friendly", r"adequate(?:ly)?", r"sufficient(?:ly)?", r"good", r"proper(?:ly)?",
                    r"appropriate(?:ly)?", r"reasonable", r"reasonably", r"high[- ]quality", r"robust",
                    r"seamless(?:ly)?",
                    r"efficient(?:ly)?", r"easy", r"easily", r"intuitive", r"stable", r"reliable", r"satisfactory",
                    r"acceptable", r"state[- ]of[- ]the[- ]art", r"optimal(?:ly)?", r"best[- ]in[- ]class",
                    r"smooth(?:ly)?", r"flexible", r"friendl(?:y|ier)", r"responsive", r"careful(?:ly)?",
                    r"across the board", r"in good order", r"neat(?:ly)?", r"clearer", r"clearly"),
        "hedge": (r"where possible", r"if possible", r"as far as possible", r"as much as possible",
                  r"where appropriate", r"if needed", r"where needed", r"when necessary", r"best efforts?",
                  r"strives? to", r"aims? to", r"tr(?:y|ies) to", r"endeavou?rs? to", r"in principle",
                  r"ideally", r"preferably", r"should", r"(?:do|does|doing|did) (?:its|their|our|his|her) best",
                  r"intends? to", r"plans? to", r"the intention is", r"expects? to"),
        "amount": (r"significant(?:ly)?", r"substantial(?:ly)?", r"considerabl[ey]", r"improv(?:e|es|ed|ement)",
                   r"better", r"fewer", r"more", r"less", r"reduc(?:e|ed|es)", r"increas(?:e|ed|es)", r"minimi[sz]e",
                   r"maximi[sz]e", r"optimi[sz]e", r"enhance(?:d)?", r"many", r"several", r"some", r"most",
                   r"a lot", r"regularly", r"frequently", r"often", r"rarely", r"minimal"),
        "open_list": (r"etc\.?", r"and so on", r"and the like", r"among others", r"such as", r"including but not",
                      r"what(?:ever)? (?:\w+ ){0,2}needs?", r"what(?:ever)? is (?:needed|required|necessary)",
                      r"whatever"),
        "wish": (r"would like", r"we'd like", r"would prefer", r"prefers? to", r"would be (?:nice|good|great|helpful)",
                 r"we hope", r"hopes? (?:that|to)", r"hopefully", r"wish(?:es)? to", r"would love"),
    },
    "nl": {
        "speed": (r"snel(?:le|ler)?", r"zo snel mogelijk", r"z\.s\.m\.?", r"zsm", r"zo spoedig mogelijk", r"spoedig",
                  r"tijdig", r"op korte termijn", r"binnen afzienbare tijd", r"zonder vertraging", r"vlot",
                  r"binnen redelijke termijn", r"onverwijld", r"binnenkort", r"op termijn", r"te zijner tijd",
                  r"na verloop van tijd", r"in de toekomst", r"op den duur"),
        "quality": (r"\w*vriendelijk(?:e|er|ere)?", r"adequa(?:at|te)", r"voldoende", r"goed(?:e)?",
                    r"behoorlijk(?:e)?", r"passend(?:e)?", r"redelijk(?:e)?", r"hoogwaardig(?:e)?", r"kwalitatief goed",
                    r"robuust(?:e|er)?", r"naadloos", r"naadloze", r"efficiënt(?:e|er|ere)?", r"efficient(?:e|er)?",
                    r"eenvoudig(?:e|er)?", r"makkelijk(?:e|er)?", r"gemakkelijk(?:e|er)?", r"intuïtie(?:f|ve)",
                    r"stabiel(?:e|er|ere)?", r"betrouwba(?:ar|re|arder)", r"acceptabel(?:e)?", r"optima(?:al|le)",
                    r"soepel(?:e|er)?", r"flexibel(?:e|er)?", r"duidelijk(?:e|er|ere)?", r"op orde", r"netjes",
                    r"zorgvuldig(?:e|er)?", r"naar tevredenheid", r"prettig(?:e|er)?"),
        "hedge": (r"waar mogelijk", r"indien mogelijk", r"zo veel mogelijk", r"zoveel mogelijk", r"voor zover mogelijk",
                  r"waar nodig", r"indien nodig", r"zo nodig", r"naar vermogen", r"inspanningsverplichting",
                  r"streeft", r"streven", r"streeft ernaar", r"probeert", r"proberen", r"in principe", r"bij voorkeur",
                  r"idealiter", r"zou moeten", r"zouden moeten", r"doet (?:zijn|haar|hun|ons) best",
                  r"(?:zijn|haar|hun|ons) best doen", r"naar beste kunnen", r"de bedoeling (?:is )?dat",
                  r"is de bedoeling", r"van plan", r"verwacht(?:en)? te"),
        "amount": (r"aanzienlijk(?:e)?", r"significant(?:e)?", r"substantie(?:el|le)", r"flink(?:e)?",
                   r"verbeter(?:en|d|de|t)?", r"verbetering", r"beter(?:e)?", r"minder", r"meer", r"verlaagd",
                   r"verlagen", r"verhogen", r"verhoogd", r"minimaliseren", r"maximaliseren", r"optimaliseren",
                   r"veel", r"diverse", r"enkele", r"sommige", r"meeste", r"regelmatig", r"vaak", r"zelden",
                   r"geregeld"),
        "open_list": (r"enz\.?", r"etc\.?", r"e\.d\.", r"en dergelijke", r"en zo verder", r"onder andere",
                      r"o\.a\.",
                      # "zoals" opens a list ("such as"), but "zoals geregistreerd in", "zoals afgesproken" is "as …".
                      r"zoals(?!\s+(?:blijkt|te zien|ge\w+(?:[dt]|en)|vastgelegd|vermeld|opgenomen|afgesproken|beschreven|"
                      r"overeengekomen|bijgehouden)\b)", r"wat (?:\w+ ){0,2}nodig (?:is|heeft|hebben)", r"al wat"),
        "wish": (r"zou(?:den)? graag", r"(?:het )?zou (?:fijn|mooi|prettig|wenselijk|goed) zijn", r"hopen dat",
                 r"hoopt dat", r"hopelijk", r"het liefst", r"willen graag", r"wil graag", r"wenselijk"),
    },
}
# "more than", "less than", "minder dan", "niet meer dan", "no more than" state a direction: not vague.
_NOT_VAGUE_AFTER = re.compile(r"^\s*(?:than|dan)\b", re.IGNORECASE)
_NOT_VAGUE_BEFORE = re.compile(r"(?:\bno|\bnot|\bniet|\bor|\bof|\bat)\s*$", re.IGNORECASE)
# Set phrases that hold a vague word but say something exact: "met goed resultaat" is "passed".
_NOT_VAGUE_PHRASES = re.compile(r"\bmet goed(?:e)? resultaat\b|\bgoed(?:gekeurd|gekeurde)\b|\bin good standing\b",
                                re.IGNORECASE)
OWNER_NOTES = ("no_owner", "owner_one_side")
"""Findings about the owner fields: notes under S, never a failed S."""

_SALES = re.compile(r"\b(?:sales|account\s*manager|accountmanager|verkoop|business development|bid\s*manager|"
                    r"pre-?sales|commercial|commercieel|commerciële)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SmartFinding:
    """One reason a letter does not pass (or, when `advice`, a point worth sharpening that does not block)."""

    letter: str
    code: str
    explanation: str
    """A sentence the mediator and the directors understand, in the language of the screen."""
    suggestion: str
    """A sharper wording pattern, in the language the criterion is written in."""
    advice: bool = False

    @property
    def note(self) -> bool:
        """A note on the owner fields: shown beside S, blocking neither S nor the wording."""
        return self.code in OWNER_NOTES

    @property
    def kind(self) -> str:
        """"fail", "advice" or "note"."""
        return "note" if self.note else ("advice" if self.advice else "fail")


@dataclass(frozen=True)
class LetterResult:
    letter: str
    status: str
    """"pass", "fail", or "open" (cannot be judged from a sentence alone)."""
    findings: tuple[SmartFinding, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def name(self) -> str:
        return t(f"system.letter.{LETTER_NAMES[self.letter]}")

    @property
    def summary(self) -> str:
        """One line for the shared screen: "Measurable: no source says where the number comes from"."""
        if self.status == "pass":
            return t(f"system.pass.{LETTER_NAMES[self.letter]}")
        if self.status == "open":
            return t(f"system.open.{LETTER_NAMES[self.letter]}")
        return " ".join(f.explanation for f in self.findings if not f.advice)


@dataclass(frozen=True)
class SmartVerdict:
    letters: tuple[LetterResult, ...]
    language: str
    parsed: Parsed = field(compare=False)
    owners_missing: tuple[str, ...] = ()
    """The sides ("client", "vendor") whose owner field is empty; every side for a bare sentence."""

    @property
    def smart(self) -> bool:
        """Every letter passes and both owners are filled in: the criterion may enter the definition."""
        return all(r.passed for r in self.letters) and not self.owners_missing

    @property
    def wording_smart(self) -> bool:
        """What a sentence alone can show: specific, measurable and time-bound."""
        return all(r.passed for r in self.letters if r.letter in ("S", "M", "T"))

    @property
    def findings(self) -> list[SmartFinding]:
        return [f for r in self.letters for f in r.findings]

    @property
    def failing(self) -> list[str]:
        return [r.letter for r in self.letters if r.status == "fail"]

    def letter(self, letter: str) -> LetterResult:
        return next(r for r in self.letters if r.letter == letter)

    @property
    def headline(self) -> str:
        """The verdict as one sentence."""
        if self.smart:
            return t("system.verdict.smart")
        if self.failing:
            names = ", ".join(self.letter(x).name.lower() for x in self.failing)
            return t("system.verdict.not_yet", letters=names, count=len(self.failing))
        if all(r.passed for r in self.letters):
            if len(self.owners_missing) == 2:
                return t("system.verdict.no_owners")
            return t("system.verdict.no_owner", side=t(f"system.side.{self.owners_missing[0]}"))
        return t("system.verdict.wording_ok")


def _say(language: str, key: str, **params: object) -> str:
    """A message in `language` (the criterion's), falling back to English key by key."""
    text = i18n.catalog(language).get(key) or i18n.catalog("en")[key]
    return text.format(**params) if params else text


def vague_words(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """Every vague word in `text` as (word as typed, kind), in order; both languages unless one is given."""
    return list(_vague_words(text, language))


@lru_cache(maxsize=1024)
def _vague_words(text: str, language: str | None) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    languages = (language,) if language else ("en", "nl")
    patterns = [(kind, word) for lang in languages for kind, items in VAGUE[lang].items() for word in items]
    # Longest first, so "as soon as possible" wins over "soon".
    patterns.sort(key=lambda kw: len(kw[1]), reverse=True)
    exact = [(m.start(), m.end()) for m in _NOT_VAGUE_PHRASES.finditer(text)]
    for kind, word in patterns:
        for match in re.finditer(rf"(?<![\w-]){word}(?![\w-])", text, re.IGNORECASE):
            if any(match.start() < e and s < match.end() for s, e in taken + exact):
                continue
            if kind == "amount" and (_NOT_VAGUE_AFTER.match(text[match.end():])
                                     or _NOT_VAGUE_BEFORE.search(text[:match.start()])):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.group(0), kind))
    return tuple((word, kind) for _, word, kind in sorted(found))


def _finding(letter: str, code: str, language: str, advice: bool = False, side_role: str | None = None,
             **params: object) -> SmartFinding:
    """The explanation in the screen's language, the sharper wording in the criterion's (`language`)."""
    screen, own = dict(params), dict(params)
    if side_role is not None:
        screen["side"] = t(f"system.side.{side_role}")
        own["side"] = _say(language, f"system.side.{side_role}")
    return SmartFinding(letter=letter, code=code, explanation=t(f"system.finding.{code}", **screen),
                        suggestion=_say(language, f"system.suggest.{code}", **own), advice=advice)


def _result(letter: str, findings: list[SmartFinding], open_: bool = False) -> LetterResult:
    if any(not f.advice for f in findings):
        return LetterResult(letter, "fail", tuple(findings))
    return LetterResult(letter, "open" if open_ else "pass", tuple(findings))


def check(criterion: SmartCriterion | str, case: Case | None = None, *, language: str | None = None,
          as_of: dt.date | None = None) -> SmartVerdict:
    """Findings per letter for `criterion` (or a bare sentence).

    With the case, the owners, the delivery team's confirmation, the links and the date are
    judged against it; a bare sentence is judged on its wording, and A and R stay open.
    `language` forces the sentence's language (otherwise detected, sentence by sentence);
    `as_of` gives the year to a date typed without one ("from Q3", "by the end of the year"):
    by default the day the case was opened, or today.
    """
    sentence_only = isinstance(criterion, str)
    if sentence_only:
        values = {name: info.get_default(call_default_factory=True)
                  for name, info in SmartCriterion.model_fields.items() if name != "statement"}
        criterion = SmartCriterion.model_construct(statement=criterion, **values)
    parsed = parse(criterion.statement, language, as_of or (case.opened if case is not None else None))
    lang = parsed.language
    missing = tuple(role.value for role in PartyRole if sentence_only or criterion.owner(role) is None)
    return SmartVerdict(
        letters=(
            _specific(criterion, parsed, lang, missing),
            _measurable(criterion, parsed, lang),
            _achievable(criterion, case, lang, sentence_only),
            _relevant(criterion, lang, sentence_only),
            _time_bound(criterion, parsed, case, lang),
        ),
        language=lang,
        parsed=parsed,
        owners_missing=missing,
    )


def _specific(c: SmartCriterion, parsed: Parsed, lang: str, owners_missing: tuple[str, ...]) -> LetterResult:
    findings: list[SmartFinding] = []
    statement = c.statement.strip()
    for word, kind in vague_words(statement):
        findings.append(_finding("S", f"vague_{kind}", lang, word=word))
    if parsed.placeholders:
        findings.append(_finding("S", "placeholder", lang, words=", ".join(parsed.placeholders)))
    if len(re.findall(r"\w+", statement)) < 6:
        findings.append(_finding("S", "too_short", lang))
    # The owners are fields: the sentence need not name them, but the criterion needs both before it is SMART.
    if len(owners_missing) == 2:
        findings.append(_finding("S", "no_owner", lang, advice=True))
    elif owners_missing:
        findings.append(_finding("S", "owner_one_side", lang, advice=True, side_role=owners_missing[0]))
    return _result("S", findings)


def _measurable(c: SmartCriterion, parsed: Parsed, lang: str) -> LetterResult:
    findings: list[SmartFinding] = []
    target = c.target if c.target is not None else parsed.target
    unit = c.unit or parsed.unit
    if target is None:
        # "All laptops", "elke factuur": everything of a kind is a count, and needs no number.
        if not parsed.universal:
            findings.append(_finding("M", "no_number", lang))
    elif not unit:
        findings.append(_finding("M", "no_unit", lang))
    if not (c.measured_where or c.measured_how or parsed.source):
        findings.append(_finding("M", "no_source", lang))
    direction = c.direction or parsed.direction
    if target is not None and direction is None:
        findings.append(_finding("M", "no_direction", lang, advice=True))
    if not (c.frequency or parsed.frequency) and (c.date_kind is DateKind.FROM or parsed.date_kind is DateKind.FROM):
        findings.append(_finding("M", "no_frequency", lang, advice=True))
    return _result("M", findings)


def _achievable(c: SmartCriterion, case: Case | None, lang: str, sentence_only: bool) -> LetterResult:
    if sentence_only:
        return LetterResult("A", "open")
    findings: list[SmartFinding] = []
    if not c.achievable_why:
        findings.append(_finding("A", "no_reason", lang))
    if c.confirmed_by is None:
        findings.append(_finding("A", "not_confirmed", lang))
    elif case is not None:
        person = next((p for p in case.vendor.people if p.id == c.confirmed_by), None)
        if person is not None and _SALES.search(f"{person.title} {person.name}"):
            findings.append(_finding("A", "confirmed_by_sales", lang, name=person.name))
    if c.target is not None and is_percent(c.unit) and c.target == 100 and c.direction in (None, Direction.AT_LEAST,
                                                                                            Direction.EXACTLY):
        findings.append(_finding("A", "hundred_percent", lang, advice=True))
    return _result("A", findings)


def _relevant(c: SmartCriterion, lang: str, sentence_only: bool) -> LetterResult:
    if sentence_only:
        return LetterResult("R", "open")
    if not (c.complaint_ids or c.interest_ids):
        return _result("R", [_finding("R", "no_link", lang)])
    return LetterResult("R", "pass")


def _time_bound(c: SmartCriterion, parsed: Parsed, case: Case | None, lang: str) -> LetterResult:
    findings: list[SmartFinding] = []
    date = c.date or parsed.date
    if parsed.bad_dates and c.date is None:
        findings.append(_finding("T", "bad_date", lang, text=parsed.bad_dates[0]))
    elif date is None:
        findings.append(_finding("T", "no_date", lang))
    elif case is not None and date < case.opened:
        findings.append(_finding("T", "date_in_past", lang, date=i18n.fmt_date(date),
                                 opened=i18n.fmt_date(case.opened)))
    elif c.date is None and parsed.year_assumed:
        findings.append(_finding("T", "year_assumed", lang, advice=True, text=parsed.date_text,
                                 date=i18n.fmt_date(date)))
    return _result("T", findings)
