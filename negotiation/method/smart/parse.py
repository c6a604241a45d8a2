"""Reading a criterion typed as one sentence, in English or Dutch.

In the room criteria are typed as a sentence: "From 1 March 2027, 95 % of priority-1 incidents
are resolved within 8 business hours, measured monthly from ServiceNow, owned by the client's
Service Delivery Manager." `parse` finds the number and unit, the direction, the date, how often
and where it is measured, and the owner, so the page can offer to fill the fields (the mediator
confirms). Pure and deterministic; no model, no network.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from negotiation.data.smart import DateKind, Direction, Frequency

MONTHS = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
           "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
           "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    "nl": {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
           "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
           "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
}
_ALL_MONTHS = {**MONTHS["en"], **MONTHS["nl"]}
_MONTH_RE = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))

# Words that tell the two languages apart in a criterion; function words, not domain words.
_DUTCH = {"de", "het", "een", "van", "binnen", "uiterlijk", "wordt", "worden", "zijn", "is", "per", "met", "door",
          "vanaf", "voor", "vóór", "uit", "op", "alle", "maandelijks", "wekelijks", "gemeten", "eigenaar", "en",
          "bij", "niet", "meer", "dan", "minimaal", "maximaal", "ten", "minste", "hoogste", "zo", "waar", "mogelijk",
          "geleverd", "opgelost", "naar", "elke", "iedere", "om", "te"}
_ENGLISH = {"the", "a", "an", "of", "within", "by", "is", "are", "be", "from", "per", "with", "measured", "all",
            "monthly", "weekly", "owner", "owned", "and", "at", "least", "most", "than", "no", "more", "as", "soon",
            "possible", "delivered", "resolved", "to", "each", "every", "on", "in", "for"}

UNITS: list[tuple[str, tuple[str, ...]]] = [
    # (canonical unit, the words that name it in English and Dutch), longest phrases tried first
    ("business hours", ("business hours", "business hour", "working hours", "working hour", "office hours",
                        "werkuren", "werkuur", "kantooruren", "kantooruur")),
    ("business days", ("business days", "business day", "working days", "working day", "werkdagen", "werkdag")),
    ("calendar days", ("calendar days", "calendar day", "kalenderdagen", "kalenderdag")),
    ("hours", ("hours", "hour", "hrs", "hr", "uur", "uren")),
    ("minutes", ("minutes", "minute", "mins", "min", "minuten", "minuut")),
    ("seconds", ("seconds", "second", "secs", "sec", "seconden", "seconde")),
    ("days", ("days", "day", "dagen", "dag")),
    ("weeks", ("weeks", "week", "weken")),
    ("months", ("months", "month", "maanden", "maand")),
    ("times", ("times", "keer", "maal")),
    ("points", ("points", "point", "punten", "punt")),
]
# Countable things: a number followed (within a few words) by one of these has a unit.
COUNT_NOUNS = (
    "laptops", "laptop", "devices", "device", "apparaten", "apparaat", "werkplekken", "workstations", "pcs",
    "incidents", "incident", "incidenten", "tickets", "ticket", "meldingen", "melding", "calls",
    "defects", "defect", "bugs", "bug", "bevindingen", "bevinding", "fouten", "fout", "defecten", "issues",
    "users", "user", "gebruikers", "gebruiker", "employees", "medewerkers", "staff", "key users", "keyusers",
    "invoices", "invoice", "facturen", "factuur", "invoice lines", "factuurregels", "credit notes",
    "requests", "request", "verzoeken", "verzoek", "aanvragen", "aanvraag", "change requests", "wijzigingsverzoeken",
    "releases", "release", "items", "stories", "user stories", "features", "functies", "tests", "testgevallen",
    "test cases", "processes", "processen", "countries", "landen", "locations", "locaties", "sites", "images",
    "reports", "rapportages", "rapporten", "decisions", "besluiten", "beslissingen", "sessions", "sessies",
    "trainings", "trainingen", "people", "mensen", "fte", "escalations", "escalaties", "outages", "storingen",
    "pages", "page", "pagina's", "paginas", "pagina", "lines", "regels",
)
MONEY_WORDS = ("euro", "euros", "eur", "€")

DIRECTIONS: list[tuple[Direction, tuple[str, ...]]] = [
    (Direction.AT_LEAST, ("at least", "no less than", "not less than", "a minimum of", "minimum of", "or more",
                          "or higher", "ten minste", "tenminste", "minstens", "minimaal", "niet minder dan",
                          "of meer", "of hoger", "≥", ">=")),
    (Direction.AT_MOST, ("at most", "no more than", "not more than", "a maximum of", "maximum of", "fewer than",
                         "less than", "or fewer", "or less", "under", "below", "ten hoogste", "hoogstens",
                         "maximaal", "niet meer dan", "minder dan", "of minder", "onder", "≤", "<=")),
    (Direction.EXACTLY, ("exactly", "precisely", "precies", "exact")),
    (Direction.WITHIN, ("within", "binnen")),
]

FREQUENCIES: list[tuple[Frequency, tuple[str, ...]]] = [
    (Frequency.DAILY, ("daily", "every day", "each day", "per day", "dagelijks", "elke dag", "iedere dag", "per dag")),
    (Frequency.WEEKLY, ("weekly", "every week", "each week", "per week", "wekelijks", "elke week", "iedere week")),
    (Frequency.MONTHLY, ("monthly", "every month", "each month", "per month", "a month", "maandelijks",
                         "elke maand", "iedere maand", "per maand")),
    (Frequency.QUARTERLY, ("quarterly", "every quarter", "each quarter", "per quarter", "per kwartaal",
                           "elk kwartaal", "ieder kwartaal", "driemaandelijks", "kwartaal")),
    (Frequency.YEARLY, ("yearly", "annually", "every year", "each year", "per year", "jaarlijks", "elk jaar",
                        "per jaar")),
    (Frequency.PER_EVENT, ("per incident", "per invoice", "per release", "per quotation", "per request",
                           "each invoice", "each release", "each incident", "every invoice", "every release",
                           "every quotation", "each quotation", "per offerte", "per factuur", "per melding",
                           "per verzoek", "elke release", "elke factuur", "iedere release", "elke offerte")),
]

# Where a number comes from: phrases that introduce the source, and nouns that name one.
_SOURCE_INTRO = re.compile(
    r"\b(?:measured|checked|counted|verified|reported|tested|gemeten|gecontroleerd|geteld|getoetst|gerapporteerd|"
    r"vastgesteld)\b(?:\s+[\w-]+ly|\s+(?:dagelijks|wekelijks|maandelijks|jaarlijks|per\s+\w+|each\s+\w+|every\s+\w+|"
    r"elke\s+\w+|iedere\s+\w+))?\s+(?:from|in|by|with|using|via|through|on|against|uit|in|met|via|op\s+basis\s+van|"
    r"volgens|aan\s+de\s+hand\s+van|tegen)\s+(?P<src>[^,;()]+)"
    r"|\b(?:according to|as shown (?:in|by)|as reported (?:in|by)|based on|volgens|blijkens|op basis van|"
    r"zoals (?:blijkt uit|gerapporteerd in))\s+(?P<src2>[^,;()]+)",
    re.IGNORECASE,
)
SOURCE_NOUNS = (
    "asset register", "assetregister", "cmdb", "servicenow", "service now", "topdesk", "jira", "sla report",
    "sla-rapportage", "sla rapportage", "service report", "servicerapportage", "service desk report",
    "monthly report", "maandrapportage", "dashboard", "ticket system", "ticketsysteem", "invoice register",
    "factuurregister", "accounts payable", "crediteurenadministratie", "defect register", "bevindingenregister",
    "test report", "testrapport", "acceptance test", "acceptatietest", "release notes", "releasenotes",
    "decision log", "besluitenlijst", "besluitenlog", "rate card", "tarievenlijst", "survey", "enquête",
    "monitoring", "uptime monitor", "audit", "delivery register", "leveringsregister", "erp", "sap",
)

_ROLE_NOUN = (r"[\w-]*(?:manager|director|directeur|lead|leader|leider|officer|owner|eigenaar|coordinator|"
              r"coördinator|head|hoofd|controller|architect|cio|cto|cfo|coo|ceo)")
_SIDE = r"(?:client|vendor|customer|supplier|klant|leverancier|opdrachtgever|opdrachtnemer)"
_OWNER_PATTERNS = [
    re.compile(r"\b(?:owned by|owners?\s*:|owner is|owners are|responsible\s*:|accountable\s*:|"
               r"eigenaars?\s*:|eigenaar is|eigenaar|verantwoordelijke?\s*:|verantwoordelijk is|"
               r"belegd bij)\s*(?P<who>[^,;]+)", re.IGNORECASE),
    re.compile(rf"\b(?P<who>(?:the\s+)?{_SIDE}(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?{_ROLE_NOUN})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<who>(?:de\s+)?(?:[\w-]+\s+){{0,2}}?{_ROLE_NOUN}\s+(?:van|bij)\s+(?:de\s+)?{_SIDE})\b",
               re.IGNORECASE),
]

_NUMBER = r"(?<![\w.,/-])\d{1,3}(?:[.,\s\u00a0]\d{3})+(?:[.,]\d+)?(?![\w-])|(?<![\w.,/-])\d+(?:[.,]\d+)?(?![\w-])"
_PERCENT = re.compile(rf"(?P<n>{_NUMBER})\s*(?:%|procent\b|percent\b|per cent\b)", re.IGNORECASE)
_MONEY_BEFORE = re.compile(rf"(?:€|\bEUR\b)\s*(?P<n>\d[\d.,]*)(?:\s*(?:per|a|an|/)\s*(?P<per>\w+))?", re.IGNORECASE)
_MONEY_AFTER = re.compile(rf"(?P<n>{_NUMBER})\s*(?:euros?|EUR)\b(?:\s*(?:per|a|an|/)\s*(?P<per>\w+))?",
                          re.IGNORECASE)
_PLACEHOLDER = re.compile(r"(?<![\w-])(?:DATE|DATUM|N|M|H|D|SYSTEM|SYSTEEM|AMOUNT|BEDRAG|NAME|NAAM|SCOPE|METRIC|"
                          r"SOURCE|BRON|UNIT|EENHEID|X|Y)(?![\w-])")

_FROM_WORDS = re.compile(r"(?:\bfrom|\bas of|\bas from|\bstarting(?: on)?|\bwith effect from|\beffective|"
                         r"\bvanaf|\bmet ingang van|\bm\.i\.v\.|\bper|\bsince|\bsinds|\bafter|\bna)\s*$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    """Canonical unit ("%", "business hours", "EUR", "laptops"), or "" when the number has none."""
    start: int
    end: int


@dataclass
class Parsed:
    """What a one-sentence criterion says, field by field; None or empty where it says nothing."""

    language: str
    quantities: list[Quantity] = field(default_factory=list)
    target: Decimal | None = None
    unit: str = ""
    direction: Direction | None = None
    date: dt.date | None = None
    date_kind: DateKind = DateKind.BY
    frequency: Frequency | None = None
    source: str = ""
    owners: list[str] = field(default_factory=list)
    metric: str = ""
    placeholders: list[str] = field(default_factory=list)
    bad_dates: list[str] = field(default_factory=list)
    """Things that look like dates but are none ("31 February 2027")."""

    @property
    def unitless_numbers(self) -> list[Quantity]:
        return [q for q in self.quantities if not q.unit]


def words(text: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ'’-]+", text.lower())


def language_of(text: str) -> str:
    """"nl" when the sentence reads as Dutch, else "en"."""
    tokens = words(text)
    dutch = sum(w in _DUTCH for w in tokens)
    english = sum(w in _ENGLISH for w in tokens)
    if re.search(r"\b(?:werkuren|werkdagen|uiterlijk|maandelijks|wordt|worden)\b", text, re.IGNORECASE):
        dutch += 2
    return "nl" if dutch > english else "en"


def to_decimal(token: str, language: str = "en") -> Decimal | None:
    """A number as typed in English or Dutch ("9,800", "9.800", "99.5", "99,5", "1.250,50").

    A separator followed by exactly three digits groups thousands, whichever the language;
    with both separators, the last one marks the decimals.
    """
    token = token.replace("\u00a0", "").replace(" ", "")
    if "," in token and "." in token:
        decimal = "," if token.rindex(",") > token.rindex(".") else "."
        token = token.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif re.fullmatch(r"[1-9]\d{0,2}(?:[.,]\d{3})+", token):
        token = token.replace(",", "").replace(".", "")
    else:
        token = token.replace(",", ".")
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


# -- dates --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DateHit:
    value: dt.date | None
    start: int
    end: int
    raw: str


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_DATE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I), "mdy"),
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), "iso"),
    (re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b"), "numeric"),
    (re.compile(rf"\b(?:(?:the\s+)?end\s+of|eind(?:e)?|ultimo)\s+(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})\b", re.I),
     "end_of_month"),
    (re.compile(r"\b(?:end\s+of\s+|eind(?:e)?\s+)?Q(?P<q>[1-4])[\s-]*(?P<y>\d{4})\b", re.I), "quarter"),
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?P<y>\d{{4}})\b", re.I), "month"),
]


def _dates(text: str) -> list[_DateHit]:
    hits: list[_DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            g = match.groupdict()
            year = int(g["y"])
            if kind in ("dmy", "mdy"):
                value = _safe_date(year, _ALL_MONTHS[g["m"].lower()], int(g["d"]))
            elif kind in ("iso", "numeric"):
                value = _safe_date(year, int(g["m"]), int(g["d"]))
            elif kind == "quarter":
                value = _end_of_month(year, int(g["q"]) * 3)
            else:
                value = _end_of_month(year, _ALL_MONTHS[g["m"].lower()])
            hits.append(_DateHit(value, match.start(), match.end(), match.group(0)))
            taken.append((match.start(), match.end()))
    return sorted(hits, key=lambda h: h.start)


# -- the parse ------------------------------------------------------------------------------------


def _find_phrase(text: str, phrases: tuple[str, ...]) -> re.Match | None:
    best = None
    for phrase in phrases:
        if phrase[0].isalnum():
            pattern = rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"
        else:
            pattern = re.escape(phrase)
        match = re.search(pattern, text, re.IGNORECASE)
        if match and (best is None or match.start() < best.start()):
            best = match
    return best


def _unit_after(text: str, end: int) -> tuple[str, int] | None:
    """The unit named right after a number (within four words for countable things)."""
    rest = text[end:]
    for canonical, names in UNITS:
        for name in names:
            if re.match(rf"\s*{re.escape(name)}(?![\w-])", rest, re.IGNORECASE):
                return canonical, end + re.match(rf"\s*{re.escape(name)}", rest, re.IGNORECASE).end()
    window = re.match(r"(?:\s+[\w'’-]+){1,4}", rest)
    if window:
        span = window.group(0)
        tokens = span.split()
        for count in range(len(tokens), 0, -1):
            phrase = " ".join(tokens[:count]).lower().rstrip(".,;:")
            last = tokens[count - 1].lower().rstrip(".,;:")
            two = " ".join(tokens[max(0, count - 2):count]).lower().rstrip(".,;:")
            # Dutch compounds: "prioriteit-2-bevindingen" counts "bevindingen".
            if last in COUNT_NOUNS or two in COUNT_NOUNS or last.split("-")[-1] in COUNT_NOUNS:
                return phrase, end + len(span) - len(" ".join(tokens[count:])) - (1 if count < len(tokens) else 0)
    return None


def parse(text: str, language: str | None = None) -> Parsed:
    """Everything a one-sentence criterion says about its target, date, measurement and owner.

    Cached: a page rerun checks every criterion again, and the sentences rarely change. The
    result is shared, so callers must not change it.
    """
    return _parse(text, language or language_of(text))


@lru_cache(maxsize=1024)
def _parse(text: str, language: str) -> Parsed:
    result = Parsed(language=language)
    result.placeholders = sorted(set(_PLACEHOLDER.findall(text)))

    dates = _dates(text)
    masked = list(text)
    for hit in dates:
        masked[hit.start:hit.end] = " " * (hit.end - hit.start)
    real = [h for h in dates if h.value is not None]
    result.bad_dates = [h.raw for h in dates if h.value is None]
    if real:
        chosen = real[0]
        result.date = chosen.value
        before = text[max(0, chosen.start - 30):chosen.start]
        result.date_kind = DateKind.FROM if _FROM_WORDS.search(before) else DateKind.BY
    plain = "".join(masked)
    # Priority codes and names with digits are labels, not quantities: "priority-1", "P1", "Q3", "ISO 27001".
    plain = re.sub(r"\b(?:P|Q|prio(?:riteit|rity)?[\s-]?)\d\b", lambda m: " " * len(m.group(0)), plain, flags=re.I)
    plain = re.sub(r"\b(?:ISO|NEN|ITIL|SOC)\s*[\d.:-]+", lambda m: " " * len(m.group(0)), plain, flags=re.I)

    taken: list[tuple[int, int]] = []

    def add(value: Decimal | None, unit: str, start: int, end: int) -> None:
        if value is None or any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        result.quantities.append(Quantity(value, unit, start, end))

    for match in _PERCENT.finditer(plain):
        add(to_decimal(match.group("n"), language), "%", match.start(), match.end())
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(plain):
            per = match.group("per")
            unit = "EUR" + (f" per {per.lower()}" if per else "")
            add(to_decimal(match.group("n").rstrip(".,"), language), unit, match.start(), match.end())
    for match in re.finditer(_NUMBER, plain):
        unit = _unit_after(text, match.end())
        add(to_decimal(match.group(0), language), unit[0] if unit else "", match.start(),
            unit[1] if unit else match.end())
    result.quantities.sort(key=lambda q: q.start)

    with_unit = [q for q in result.quantities if q.unit]
    percents = [q for q in result.quantities if q.unit == "%"]
    main = percents[0] if percents else (with_unit[0] if with_unit else
                                         (result.quantities[0] if result.quantities else None))
    if main is not None:
        result.target, result.unit = main.value, main.unit
        result.metric = _metric(text, main, language)

    explicit = None
    for direction, phrases in DIRECTIONS:
        match = _find_phrase(plain, phrases)
        if match and (explicit is None or match.start() < explicit[1]):
            explicit = (direction, match.start())
    if explicit and explicit[0] is not Direction.WITHIN:
        result.direction = explicit[0]
    elif main is not None and main.unit == "%" and re.match(r"\s*(?:of|van)\b", text[main.end:], re.IGNORECASE):
        # "95 % of the incidents …": a share that is reached is a minimum.
        result.direction = Direction.AT_LEAST
    elif explicit:
        result.direction = explicit[0]

    # "€ 950 per day" is a price, not how often something is measured.
    unmasked = list(plain)
    for q in result.quantities:
        unmasked[q.start:q.end] = " " * (q.end - q.start)
    rest = "".join(unmasked)
    for frequency, phrases in FREQUENCIES:
        if _find_phrase(rest, phrases):
            result.frequency = frequency
            break

    result.source = _source(text)
    result.owners = _owners(text)
    return result


def _metric(text: str, main: Quantity, language: str) -> str:
    after = text[main.end:]
    match = re.match(r"\s*(?:of|van)\s+(?:the\s+|de\s+|het\s+|all\s+|alle\s+)?(?P<m>.+)", after, re.IGNORECASE)
    if not match:
        return ""
    metric = re.split(r",\s|;|\s+(?:measured|gemeten|checked|gecontroleerd|owned|eigenaar|according|volgens)\b",
                      match.group("m"), maxsplit=1, flags=re.IGNORECASE)[0]
    return metric.strip(" .")[:200]


def _clean_source(found: str) -> str:
    found = re.split(r"\s+(?:by|door|owned|owner|eigenaar|and owned|en)\s+(?:the\s+|de\s+|het\s+)?"
                     rf"(?:{_SIDE}|by|\w+'s)\b|\s+owned\b|\s+eigenaar\b|\.\s|\.$", found, maxsplit=1,
                     flags=re.IGNORECASE)[0]
    found = re.sub(r"^(?:the|de|het)\s+", "", found.strip(), flags=re.IGNORECASE)
    return found.strip(" .")[:200]


def _source(text: str) -> str:
    match = _SOURCE_INTRO.search(text)
    if match:
        found = _clean_source(match.group("src") or match.group("src2") or "")
        if found:
            return found
    hit = _find_phrase(text, SOURCE_NOUNS)
    if hit:
        return hit.group(0)
    return ""


def _owners(text: str) -> list[str]:
    found: list[str] = []
    for pattern in _OWNER_PATTERNS:
        for match in pattern.finditer(text):
            who = match.group("who").strip(" .")
            who = re.split(r"\s+(?:measured|gemeten|by\s+\d|uiterlijk|vanaf|from\s+\d)\b", who, maxsplit=1,
                           flags=re.IGNORECASE)[0].strip(" .")
            if who and not any(who.lower() in f.lower() or f.lower() in who.lower() for f in found):
                found.append(who)
    return found


def owner_person(owners: list[str], people: list) -> str | None:
    """The id of the first person whose name or title the sentence names as owner."""
    for text in owners:
        lowered = text.lower()
        for person in people:
            if person.name.lower() in lowered or (person.title and person.title.lower() in lowered):
                return person.id
    return None
