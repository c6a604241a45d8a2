"""Reading a criterion typed as one sentence, in English or Dutch.

In the room criteria are typed as a sentence: "From 1 March 2027, 95 % of priority-1 incidents
are resolved within 8 business hours, measured monthly from ServiceNow, owned by the client's
Service Delivery Manager." `parse` finds the number and unit, the direction, the date, how often
and where it is measured, and the owner, so the page can offer to fill the fields (the mediator
confirms). Pure and deterministic for a given `as_of` (the day that gives a year to "from Q3" or
"by the end of the year"); no model, no network.

The dates are read by hand rather than with a date library: quarters, weeks, "the end of the year",
a start month named inside a noun phrase ("from the April 2027 invoice onward") and version
numbers that look like dates ("release 4.2") are what criteria are made of, and a general date
reader gets those wrong (see the SMART bench's notes).
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
# Without a year only full names count: "mar", "jun" or "dec" alone are too often something else.
_FULL_MONTH_RE = "|".join(sorted((m for m in _ALL_MONTHS if len(m) > 4 or m in ("mei", "june", "july", "juni",
                                                                                  "juli", "may")),
                                 key=len, reverse=True))

# Words that tell the two languages apart in a criterion: function words and the commonest verbs and
# adjectives. A word both languages use ("is", "in", "per", "we") is in neither list.
_DUTCH = {
    "de", "het", "een", "van", "binnen", "uiterlijk", "wordt", "worden", "zijn", "met", "door", "vanaf", "voor",
    "vóór", "uit", "op", "alle", "maandelijks", "wekelijks", "gemeten", "eigenaar", "en", "bij", "niet", "meer",
    "dan", "minimaal", "maximaal", "ten", "minste", "hoogste", "hooguit", "zo", "waar", "mogelijk", "geleverd",
    "opgelost", "naar", "elke", "iedere", "elk", "ieder", "om", "te", "wat", "die", "dat", "dit", "deze", "er",
    "ook", "nog", "als", "moet", "moeten", "zal", "zullen", "kan", "kunnen", "heeft", "hebben", "geen", "nieuwe",
    "nieuw", "nodig", "voortaan", "hun", "onze", "ons", "zij", "hij", "iets", "alles", "wel", "na", "tot",
    "tussen", "onder", "boven", "zonder", "aan", "blijft", "blijven", "staat", "staan", "gaat", "gaan", "komt",
    "komen", "volgens", "vastgelegd", "geregistreerd", "dagen", "uur", "werkdagen", "jaar", "maand", "kwartaal",
    "leverancier", "klant", "opdrachtgever", "facturen", "factuur", "meldingen", "gebruikers", "wij", "graag",
    "zou", "zouden", "hopen", "fijn", "beter", "sneller", "snel", "goed", "goede", "eind", "einde", "oude",
    "welke", "wie", "hoe", "omdat", "zodat", "terwijl", "werd", "werden", "krijgen", "krijgt", "maken",
    "maakt", "brengen", "brengt", "leveren", "levert", "halen", "haalt",
}
_ENGLISH = {
    "the", "a", "an", "of", "within", "by", "are", "be", "from", "with", "measured", "all", "monthly", "weekly",
    "owner", "owned", "and", "at", "least", "most", "than", "no", "more", "as", "soon", "possible", "delivered",
    "resolved", "to", "each", "every", "on", "for", "that", "this", "these", "those", "will", "must", "should",
    "would", "can", "has", "have", "been", "being", "new", "needed", "needs", "need", "what", "which", "who",
    "it", "its", "their", "our", "into", "across", "after", "before", "fewer", "less", "not", "or",
    "vendor", "client", "customer", "supplier", "invoices", "incidents", "users", "days", "hours", "working",
    "business", "end", "year", "month", "quarter", "recorded", "according", "reported", "shown", "bring",
    "brings", "make", "makes", "get", "gets", "does", "do", "is", "was", "were", "there", "they", "them",
    "better", "faster", "good", "like", "nice", "hope", "prefer", "onward", "onwards", "starting",
}
_BOTH = _DUTCH & _ENGLISH
_DUTCH, _ENGLISH = _DUTCH - _BOTH, _ENGLISH - _BOTH
_DUTCH_SHAPE = re.compile(r"ij|aa|uu|(?:heid|lijk|lijke|ische?|tie|ties|ig|ige)$|^ge\w{3,}[dt]$")
_ENGLISH_SHAPE = re.compile(r"th|(?:ing|tion|tions|ness|ity|ous|ly)$|\w{3,}ed$")

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
# Countable things the plural rule below would miss (irregular or singular-looking). Any other
# "N + plural noun" counts too: "48 acceptance test scripts", "14 vestigingen".
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
    "pages", "page", "pagina's", "paginas", "pagina", "lines", "regels", "data", "criteria", "children", "men",
    "women", "personnel", "personeel", "invoice line", "factuurregel", "line", "regel", "record", "server",
)
MONEY_WORDS = ("euro", "euros", "eur", "€")

# Number words, so that "zero priority-1 incidents", "nul facturen" and "twaalf werkdagen" have a target.
_EN_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_NL_UNITS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
             "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien")
_NL_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
            "negentig": 90}


def _number_words() -> dict[str, int]:
    found = {word: n for n, word in enumerate(_EN_UNITS)} | {word: n for n, word in enumerate(_NL_UNITS)}
    found |= _EN_TENS | _NL_TENS | {"hundred": 100, "a hundred": 100, "one hundred": 100, "honderd": 100,
                                    "eén": 1, "een enkele": 1, "a single": 1}
    for tens, value in _EN_TENS.items():
        for n, unit in enumerate(_EN_UNITS[1:10], start=1):
            found[f"{tens}-{unit}"] = value + n
    for tens, value in _NL_TENS.items():
        for n, unit in enumerate(("een", *_NL_UNITS[2:10]), start=1):
            found[f"{unit}{'ën' if unit.endswith('e') else 'en'}{tens}"] = value + n
    return found


NUMBER_WORDS = _number_words()
_NUMBER_WORD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
                             + r")(?![\w-])", re.IGNORECASE)
_SCALE = {"thousand": 1000, "duizend": 1000, "million": 10**6, "miljoen": 10**6, "billion": 10**9, "miljard": 10**9}

DIRECTIONS: list[tuple[Direction, tuple[str, ...]]] = [
    (Direction.AT_LEAST, ("at least", "no less than", "not less than", "a minimum of", "minimum of", "or more",
                          "or higher", "ten minste", "tenminste", "minstens", "minimaal", "niet minder dan",
                          "op zijn minst", "of meer", "of hoger", "≥", ">=")),
    (Direction.AT_MOST, ("at most", "no more than", "not more than", "a maximum of", "maximum of", "fewer than",
                         "less than", "or fewer", "or less", "under", "below", "ten hoogste", "hoogstens", "hooguit",
                         "op zijn hoogst", "maximaal", "niet meer dan", "minder dan", "of minder", "onder", "≤",
                         "<=")),
    # Not "exact": in Dutch criteria it is as often Exact, the accounting system.
    (Direction.EXACTLY, ("exactly", "precisely", "precies")),
    (Direction.WITHIN, ("within", "binnen")),
]

FREQUENCIES: list[tuple[Frequency, tuple[str, ...]]] = [
    (Frequency.DAILY, ("daily", "every day", "each day", "per day", "dagelijks", "elke dag", "iedere dag", "per dag")),
    (Frequency.WEEKLY, ("weekly", "every week", "each week", "per week", "wekelijks", "elke week", "iedere week")),
    (Frequency.MONTHLY, ("monthly", "every month", "each month", "per month", "per calendar month", "a month",
                         "maandelijks", "elke maand", "iedere maand", "per maand", "per kalendermaand")),
    (Frequency.QUARTERLY, ("quarterly", "every quarter", "each quarter", "per quarter", "per kwartaal",
                           "elk kwartaal", "ieder kwartaal", "driemaandelijks", "kwartaal")),
    (Frequency.YEARLY, ("yearly", "annually", "every year", "each year", "per year", "jaarlijks", "elk jaar",
                        "per jaar")),
    (Frequency.PER_EVENT, ("per incident", "per invoice", "per release", "per quotation", "per request",
                           "each invoice", "each release", "each incident", "every invoice", "every release",
                           "every quotation", "each quotation", "per offerte", "per factuur", "per melding",
                           "per verzoek", "elke release", "elke factuur", "iedere release", "elke offerte")),
]

# Where a number comes from: a verb of measuring or recording with its preposition, a phrase that
# introduces the source, or a report, register or log named in the sentence.
_SOURCE_VERBS = (
    r"measured|checked|counted|verified|reported|tested|recorded|registered|logged|tracked|monitored|shown|"
    r"confirmed|reviewed|reconciled|documented|evidenced|listed|captured|audited|passed|visible|published|stored|"
    r"kept|stated|noted|booked|opgenomen|geboekt|vermeld|genoteerd|te zien|blijkt|blijkend|"
    r"gemeten|gecontroleerd|geteld|getoetst|gerapporteerd|vastgesteld|vastgelegd|geregistreerd|gelogd|bijgehouden|"
    r"gevolgd|zichtbaar|bevestigd|afgestemd|aangetoond|gemonitord|getest|gepubliceerd|geslaagd"
)
_SOURCE_INTRO = re.compile(
    rf"\b(?:{_SOURCE_VERBS})\b(?:\s+[\w-]+ly|\s+(?:dagelijks|wekelijks|maandelijks|jaarlijks|per\s+\w+|each\s+\w+|"
    r"every\s+\w+|elke\s+\w+|iedere\s+\w+))?\s+(?:from|in|by|with|using|via|through|on|against|uit|met|via|"
    r"op\s+basis\s+van|volgens|aan\s+de\s+hand\s+van|tegen|door)\s+(?P<src>[^,;()]+)"
    r"|\b(?:according to|as shown (?:in|by)|as reported (?:in|by)|as per|per the|based on|volgens|blijkens|"
    r"op basis van|"
    r"zoals (?:blijkt uit|gerapporteerd in|vastgelegd in))\s+(?P<src2>[^,;()]+)",
    re.IGNORECASE,
)
# A system named by its acronym ("in the LMS", "from the CMDB"), or, the Dutch way, before its verb
# ("de uren die in Harvest zijn geboekt").
_SOURCE_SYSTEM = re.compile(
    rf"\b(?:in|from|uit|via|op)\s+(?:the|de|het)\s+(?P<src>[A-Z]{{2,6}})\b(?!-)"
    rf"|\b(?:in|uit|op)\s+(?P<src2>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:(?:zijn|is|worden|wordt|staan|staat)\s+)?"
    rf"(?:{_SOURCE_VERBS})\b")
_SOURCE_WORD = (r"[\w-]*(?:report|reports|rapport|rapportage|register|dashboard|(?<!back)(?<!cata)(?<!b)log|logboek|"
                r"monitor|checklist|survey|enquête|notulen|audit|simulation|overview|overzicht|scan|calendar|"
                r"kalender|tracker)")
_SOURCE_PLACE = re.compile(rf"\b(?:in|from|uit|on|op|via|through|per)\s+(?:the|de|het)\s+"
                           rf"(?P<src>(?:[^\W\d][\w'’-]*\s+){{0,4}}?"
                           rf"{_SOURCE_WORD})\b", re.IGNORECASE)
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
              r"coördinator|head|hoofd|controller|architect|steward|specialist|beheerder|analyst|planner|"
              r"cio|cto|cfo|coo|ceo|ciso)")
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
_PER = r"(?:\s*(?:(?:per|a|an)\s+|/\s*)(?P<per>day|hour|month|year|week|dag|uur|maand|jaar|week|user|gebruiker|"
_PER += r"laptop|device|ticket|incident|release|invoice|factuur|fte|item|page|pagina)\b)?"
_MONEY_BEFORE = re.compile(rf"(?:€|\bEUR\b)\s*(?P<n>\d[\d.,]*){_PER}", re.IGNORECASE)
_MONEY_AFTER = re.compile(rf"(?P<n>{_NUMBER})\s*(?:euros?|EUR)\b{_PER}", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"(?<![\w-])(?:DATE|DATUM|N|M|H|D|SYSTEM|SYSTEEM|AMOUNT|BEDRAG|NAME|NAAM|SCOPE|METRIC|"
                          r"SOURCE|BRON|UNIT|EENHEID|X|Y|XX|XXX|NN|TBD|TBC|NTB)(?![\w-])")
# Labels with digits that are no quantity: versions ("release 4.2", "ERP-versie 11.3"), norms ("ISO 27001"),
# priorities ("P1", "priority-1"), times of day ("22:00").
_LABELS = [
    re.compile(r"\b(?:P|Q|H|S|sev|prio(?:riteit|rity)?|severity|ernst)[\s-]?\d\b", re.IGNORECASE),
    re.compile(r"\b(?:ISO|NEN|ITIL|SOC|PCI|IEC)[\s-]*[\d.:/-]*\d", re.IGNORECASE),
    re.compile(r"(?:\b(?:release|releases|version|versie|build|sprint|fase|phase|wave|golf|increment|v)|"
               r"[\w-]+versie)[\s-]*\d+(?:[.,]\d+)*(?![\w-])", re.IGNORECASE),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
]
# "above EUR 10,000", "boven EUR 10.000", "older than 90 days": a threshold saying which cases count, not a target.
_THRESHOLD_BEFORE = re.compile(r"(?P<before>[\w'’-]+)?\s*\b(?:above|over|exceeding|in excess of|boven|older than|"
                               r"ouder dan|longer than|langer dan|for more than|for longer than)\s*(?:EUR\s*|€\s*)?$",
                               re.IGNORECASE)
_COPULAS = {"is", "are", "be", "stays", "stay", "remains", "remain", "keeps", "blijft", "blijven", "ligt", "liggen",
            "zijn", "wordt", "worden", "komt", "komen", "rises", "stijgt", "scores", "scoort"}
# Words that end a unit's phrase after a number: "50 records per batch", "14 vestigingen op …".
_UNIT_STOP = {
    "of", "van", "the", "de", "het", "a", "an", "een", "per", "in", "on", "op", "at", "by", "bij", "to", "naar",
    "for", "voor", "with", "met", "and", "en", "or", "is", "are", "was", "were", "be", "been", "zijn",
    "wordt", "worden", "werd", "will", "zal", "zullen", "must", "moet", "moeten", "should", "that", "dat", "die",
    "which", "within", "binnen", "from", "uit", "vanaf", "than", "dan", "under", "onder", "over", "above", "boven",
    "as", "als", "measured", "gemeten", "without", "zonder", "have", "has", "had", "hebben", "heeft", "after", "na",
    "before", "vóór", "until", "tot", "each", "every", "elke", "elk", "iedere", "ieder", "all", "alle", "into",
    "across", "during", "tijdens", "not", "niet", "no", "geen", "can", "kan", "kunnen", "may", "mag", "staat",
    "staan", "stay", "stays", "remain", "remains", "blijft", "blijven", "er", "there", "out", "minste",
    "hoogste", "longer", "langer", "ouder", "older", "more", "meer", "less", "minder",
}
_UNIVERSAL = re.compile(r"(?<![\w-])(?P<q>all|every|each|alle|elke|iedere|ieder|elk)\s+(?P<n>[\w'’-]+)",
                        re.IGNORECASE)
_NOT_COUNTED = {"day", "days", "week", "weeks", "month", "months", "quarter", "year", "years", "time", "times",
                "morning", "night", "dag", "dagen", "maand", "maanden", "kwartaal", "jaar", "keer", "the", "de", "het",
                "of", "van", "in", "other", "andere", "over", "round", "along", "together", "samen", "that", "dat"}


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str
    """Canonical unit ("%", "business hours", "EUR", "laptops"), or "" when the number has none."""
    start: int
    end: int
    threshold: bool = False
    """Says which cases count ("invoices above EUR 10,000"), so it is no target."""


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
    date_text: str = ""
    """The date as typed ("Q3", "the end of the year")."""
    year_assumed: bool = False
    """The date names no year: it was taken from the case (or today)."""
    frequency: Frequency | None = None
    source: str = ""
    owners: list[str] = field(default_factory=list)
    metric: str = ""
    universal: str = ""
    """A count of everything of a kind, with no number: "all laptops", "elke factuur"."""
    placeholders: list[str] = field(default_factory=list)
    bad_dates: list[str] = field(default_factory=list)
    """Things that look like dates but are none ("31 February 2027")."""

    @property
    def unitless_numbers(self) -> list[Quantity]:
        return [q for q in self.quantities if not q.unit and not q.threshold]


def words(text: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ'’-]+", text.lower())


def language_of(text: str) -> str:
    """"nl" when the sentence reads as Dutch, else "en".

    Function words count most; the shape of the other words (Dutch "ij", "aa", "-heid", "-lijk";
    English "th", "-ing", "-tion") breaks a tie, so "Nieuwe releases brengen voortaan wat nodig is."
    reads as Dutch although "releases" and "is" are English too.
    """
    tokens = words(text)
    dutch = sum(w in _DUTCH for w in tokens)
    english = sum(w in _ENGLISH for w in tokens)
    rest = [w for w in tokens if w not in _DUTCH and w not in _ENGLISH and len(w) > 3 and not w[0].isdigit()]
    dutch += 0.5 * sum(bool(_DUTCH_SHAPE.search(w)) for w in rest)
    english += 0.5 * sum(bool(_ENGLISH_SHAPE.search(w)) for w in rest)
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
    first: dt.date | None
    """The first day of the period the text names (the day itself for a day); None: no such date."""
    last: dt.date | None
    start: int
    end: int
    raw: str
    end_of: bool = False
    """"the end of March", "eind Q2": the last day, whatever the kind."""
    start_of: bool = False
    """"the start of 2028", "begin juni": the first day, whatever the kind."""
    year_assumed: bool = False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _end_of_month(year, month)


def _quarter(year: int, quarter: int, half: bool = False) -> tuple[dt.date, dt.date]:
    months = 6 if half else 3
    return dt.date(year, (quarter - 1) * months + 1, 1), _end_of_month(year, quarter * months)


def _week(year: int, week: int) -> tuple[dt.date | None, dt.date | None]:
    try:
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None, None


_ORDINAL_QUARTER = {"first": 1, "1st": 1, "eerste": 1, "second": 2, "2nd": 2, "tweede": 2, "third": 3, "3rd": 3,
                    "derde": 3, "fourth": 4, "4th": 4, "vierde": 4}
_END_OF = (r"(?:(?P<eo>(?:the\s+)?end\s+of\s+|(?:het\s+)?eind(?:e)?\s+(?:van\s+)?|ultimo\s+)|"
           r"(?P<so>(?:the\s+)?(?:start|beginning)\s+of\s+|(?:het\s+)?begin\s+(?:van\s+)?|aanvang\s+))")
_Y = r"(?P<y>(?:19|20)\d{2})"
_NO_YEAR = r"(?!\.?,?\s*(?:19|20)\d{2}\b)"
"""Not followed by a year: "From June, 95 % …" names June without one, "June 2027" is read above."""
# Each pattern names the parts it reads; a pattern without a year gets one from `as_of` and
# (when marked "context") counts only after a word of time, because "Q3" or "June" alone may be a name.
_DATE_PATTERNS: list[tuple[re.Pattern, str, bool]] = [
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?P<m>{_MONTH_RE})\.?,?\s+{_Y}\b", re.IGNORECASE),
     "day", False),
    (re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}\b", re.IGNORECASE),
     "day", False),
    (re.compile(rf"\b{_Y}-(?P<mn>\d{{1,2}})-(?P<d>\d{{1,2}})\b"), "day", False),
    (re.compile(rf"\b(?P<d>\d{{1,2}})[/.-](?P<mn>\d{{1,2}})[/.-]{_Y}\b"), "day", False),
    (re.compile(rf"\b{_END_OF}?(?P<m>{_MONTH_RE})\.?\s+{_Y}\b", re.IGNORECASE), "month", False),
    (re.compile(rf"\b{_END_OF}?(?P<p>[QH])(?P<q>[1-4])[\s/-]*{_Y}\b", re.IGNORECASE), "quarter", False),
    (re.compile(rf"\b{_Y}[\s/-]*(?P<p>[QH])(?P<q>[1-4])\b", re.IGNORECASE), "quarter", False),
    (re.compile(rf"\b{_END_OF}?(?:the\s+|het\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|eerste|tweede|"
                rf"derde|vierde)\s+(?:quarter|kwartaal)\s+(?:of\s+|van\s+)?{_Y}\b", re.IGNORECASE), "quarter", False),
    (re.compile(rf"\b(?:week|wk)\.?\s+(?P<w>\d{{1,2}})(?:\s+(?:of|van|in))?[\s/-]+{_Y}\b", re.IGNORECASE),
     "week", False),
    (re.compile(rf"\b{_END_OF}{_Y}\b", re.IGNORECASE), "year", False),
    (re.compile(rf"\b(?P<eo>year[- ]end\s+){_Y}\b", re.IGNORECASE), "year", False),
    (re.compile(r"\b(?P<eo>(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:calendar\s+|financial\s+)?year|year[- ]end|"
                r"(?:het\s+)?eind(?:e)?\s+van\s+(?:het|dit)\s+jaar|eind(?:e)?\s+dit\s+jaar|ultimo\s+dit\s+jaar|"
                r"jaareinde)\b", re.IGNORECASE), "this_year", False),
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?P<m>{_FULL_MONTH_RE})\b{_NO_YEAR}", re.IGNORECASE),
     "day", False),
    (re.compile(rf"\b{_END_OF}(?P<m>{_FULL_MONTH_RE})\b{_NO_YEAR}", re.IGNORECASE), "month", False),
    (re.compile(rf"\b{_END_OF}?(?P<p>[Q])(?P<q>[1-4])\b(?![\s/-]*\d)", re.IGNORECASE), "quarter", True),
    (re.compile(rf"\b(?P<m>{_FULL_MONTH_RE})\b{_NO_YEAR}", re.IGNORECASE), "month", True),
    (re.compile(r"\b(?:week|wk)\.?\s+(?P<w>\d{1,2})\b(?![\s/-]*(?:of\s+|van\s+)?\d)", re.IGNORECASE), "week", True),
]
# A word of time right before a date without a year: "from Q3", "vanaf juni", "by June".
_TIME_WORD_BEFORE = re.compile(r"(?:\bfrom|\bas of|\bstarting(?:\s+(?:on|in|from))?|\bby|\bbefore|\bin|\buntil|"
                               r"\bvanaf|\bper|\buiterlijk|\bvóór|\bvoor|\btegen|\bin|\bmet ingang van|\bsince|"
                               r"\bsinds|\bafter|\bna|\bend of|\beind(?:e)?|\bultimo)\s+(?:the\s+|de\s+|het\s+)?$",
                               re.IGNORECASE)
_BY_BEFORE = re.compile(r"(?:\bby|\bbefore|\bno later than|\bnot later than|\bat the latest by|\buntil|\btill|"
                        r"\buiterlijk(?:\s+op)?|\bvóór|\bvoor|\btegen|\bon|\bop|\bper uiterlijk|\bdeadline)\s*$",
                        re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?:\bper|\bsince|\bsinds|\bafter|\bna|\beffective|\bingaande)\s*$"
                          r"|(?:\bfrom|\bas of|\bas from|\bstarting(?:\s+(?:on|in|from|with))?|\bwith effect from|"
                          r"\bbeginning(?:\s+(?:on|in|with))?|\bcommencing(?:\s+on)?|\bvanaf|\bmet ingang van|"
                          r"\bm\.i\.v\.|\bstarts?(?:\s+(?:on|in))?|\bgoing forward from)"
                          r"\s+(?:[^\W\d][\w'’-]*\s+){0,4}$", re.IGNORECASE)
_FROM_AFTER = re.compile(r"^\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:onwards?|and later|and after|or later|en later|"
                         r"voortaan|en verder|en daarna)\b", re.IGNORECASE)


def _dates(text: str, as_of: dt.date) -> list[_DateHit]:
    hits: list[_DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, needs_context in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            g = match.groupdict()
            if needs_context and not _TIME_WORD_BEFORE.search(text[max(0, match.start() - 30):match.start()]):
                continue
            if g.get("m") and g["m"] == "may":  # the verb, not the month
                continue
            hit = _period(kind, g, as_of)
            if hit is None:
                continue
            first, last, assumed = hit
            hits.append(_DateHit(first, last, match.start(), match.end(), match.group(0).strip(),
                                 end_of=bool(g.get("eo")) or kind == "this_year", start_of=bool(g.get("so")),
                                 year_assumed=assumed))
            taken.append((match.start(), match.end()))
    return sorted(hits, key=lambda h: h.start)


def _period(kind: str, g: dict, as_of: dt.date) -> tuple[dt.date | None, dt.date | None, bool] | None:
    """The first and last day of what a date pattern matched, and whether its year was assumed."""
    assumed = g.get("y") is None
    year = int(g["y"]) if g.get("y") else as_of.year

    def make(y: int) -> tuple[dt.date | None, dt.date | None]:
        if kind == "day":
            month = int(g["mn"]) if g.get("mn") else _ALL_MONTHS[g["m"].lower()]
            day = _safe_date(y, month, int(g["d"]))
            return day, day
        if kind == "month":
            return _month(y, _ALL_MONTHS[g["m"].lower()])
        if kind == "quarter":
            if g.get("o"):
                return _quarter(y, _ORDINAL_QUARTER[g["o"].lower()])
            half = g["p"].upper() == "H"
            if half and int(g["q"]) > 2:
                return None, None
            return _quarter(y, int(g["q"]), half=half)
        if kind == "week":
            return _week(y, int(g["w"]))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)  # "year", "this_year"

    first, last = make(year)
    if kind == "this_year":
        return first, last, True
    # A period without a year that is already over when the case is judged means next year's.
    if assumed and last is not None and last < as_of:
        first, last = make(year + 1)
    if first is None and kind == "week":
        return None
    return first, last, assumed


def _date_kind(text: str, hit: _DateHit) -> DateKind:
    clause = re.split(r"[;:,()]", text[:hit.start])[-1][-50:]
    if _BY_BEFORE.search(clause):
        return DateKind.BY
    if _FROM_BEFORE.search(clause) or _FROM_AFTER.match(text[hit.end:hit.end + 40]):
        return DateKind.FROM
    return DateKind.BY


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


def _plural(word: str, language: str) -> bool:
    """Whether `word` looks like a plural noun: "scripts", "records", "vestigingen", "creditnota's"."""
    if word in _UNIT_STOP or len(word) < 4 or not word[0].isalpha():
        return False
    if word.endswith(("'s", "’s")):
        return True
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "ics")):
        return True
    return language == "nl" and len(word) >= 5 and word.endswith("en") and not word.endswith("ieen")


def _counted(token: str, two: str, language: str) -> bool:
    last = token.split("-")[-1]
    return (token in COUNT_NOUNS or two in COUNT_NOUNS or last in COUNT_NOUNS or _plural(last, language)
            or _plural(token, language))


_TOKEN = re.compile(r"[ \t\u00a0]+(?P<w>[^\W\d][\w'’-]*)")


def _unit_after(text: str, end: int, value: Decimal | None = None, language: str = "en") -> tuple[str, int] | None:
    """The unit named right after a number: a unit of time, or the things counted (within four words)."""
    rest = text[end:]
    for canonical, names in UNITS:
        for name in names:
            match = re.match(rf"\s*{re.escape(name)}(?![\w-])", rest, re.IGNORECASE)
            if match:
                return canonical, end + match.end()
    tokens: list[tuple[str, int]] = []
    position = 0
    while len(tokens) < 4:
        match = _TOKEN.match(rest, position)
        if match is None or match.group("w").lower() in _UNIT_STOP:
            break
        tokens.append((match.group("w").lower(), match.end()))
        position = match.end()
    found = None
    for index, (word, _) in enumerate(tokens):
        two = " ".join(w for w, _ in tokens[max(0, index - 1):index + 1])
        if _counted(word, two, language):
            found = index
            break
    # The first counted word ends the unit unless a count noun follows ("invoice line"); a Dutch verb
    # after the noun looks plural too ("vestigingen draaien").
    while found is not None and found + 1 < len(tokens) and tokens[found + 1][0] in COUNT_NOUNS:
        found += 1
    if found is None and value == 1 and tokens:
        found = len(tokens) - 1  # "1 betwiste factuurregel": one of a thing is singular
    if found is None:
        return None
    start = len(rest) - len(rest.lstrip())
    return rest[start:tokens[found][1]].strip().lower(), end + tokens[found][1]


def parse(text: str, language: str | None = None, as_of: dt.date | None = None) -> Parsed:
    """Everything a one-sentence criterion says about its target, date, measurement and owner.

    `language` forces the sentence's language (otherwise detected); `as_of` gives the year to a
    date without one ("from Q3", "by the end of the year"); it defaults to today.

    Cached: a page rerun checks every criterion again, and the sentences rarely change. The
    result is shared, so callers must not change it.
    """
    return _parse(text, language or language_of(text), as_of or dt.date.today())


def _blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@lru_cache(maxsize=1024)
def _parse(text: str, language: str, as_of: dt.date) -> Parsed:
    result = Parsed(language=language)
    result.placeholders = sorted(set(_PLACEHOLDER.findall(text)))

    dates = _dates(text, as_of)
    real = [h for h in dates if h.first is not None]
    result.bad_dates = [h.raw for h in dates if h.first is None]
    if real:
        chosen = real[0]
        result.date_kind = _date_kind(text, chosen)
        by_last = chosen.end_of or (result.date_kind is DateKind.BY and not chosen.start_of)
        result.date = chosen.last if by_last else chosen.first
        result.date_text, result.year_assumed = chosen.raw, chosen.year_assumed
    plain = _blank(text, [(h.start, h.end) for h in dates])
    for pattern in _LABELS:
        plain = pattern.sub(lambda m: " " * len(m.group(0)), plain)

    taken: list[tuple[int, int]] = []

    def add(value: Decimal | None, unit: str, start: int, end: int) -> None:
        if value is None or any(start < e and s < end for s, e in taken):
            return
        threshold = _THRESHOLD_BEFORE.search(plain[max(0, start - 40):start])
        is_threshold = bool(threshold) and (threshold.group("before") or "").lower() not in _COPULAS
        taken.append((start, end))
        result.quantities.append(Quantity(value, unit, start, end, threshold=is_threshold))

    for match in _PERCENT.finditer(plain):
        add(to_decimal(match.group("n"), language), "%", match.start(), match.end())
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(plain):
            per = match.group("per")
            unit = "EUR" + (f" per {per.lower()}" if per else "")
            add(to_decimal(match.group("n").rstrip(".,"), language), unit, match.start(), match.end())
    for match in re.finditer(_NUMBER, plain):
        value = to_decimal(match.group(0), language)
        end = match.end()
        scale = re.match(r"\s+(thousand|duizend|million|miljoen|billion|miljard)\b", text[end:], re.IGNORECASE)
        if scale and value is not None:
            value, end = value * _SCALE[scale.group(1).lower()], end + scale.end()
        unit = _unit_after(text, end, value, language)
        if unit is None and _year_or_label(text, match):
            continue
        add(value, unit[0] if unit else "", match.start(), unit[1] if unit else end)
    for match in re.finditer(r"(?<![\w-])(?:no|geen)(?=\s)(?!\s+(?:more|less|later|longer|fewer|meer|minder|later|"
                             r"langer)\b)", plain, re.IGNORECASE):
        unit = _unit_after(text, match.end(), Decimal(0), language)
        if unit is not None:  # "no lost records", "geen openstaande fouten"
            add(Decimal(0), unit[0], match.start(), unit[1])
    for match in _NUMBER_WORD_RE.finditer(plain):
        value = Decimal(NUMBER_WORDS[match.group(0).lower()])
        unit = _unit_after(text, match.end(), value, language)
        if unit is not None:  # "one of", "ten minste": a number word alone is no quantity
            add(value, unit[0], match.start(), unit[1])
    result.quantities.sort(key=lambda q: q.start)

    candidates = [q for q in result.quantities if not q.threshold]
    with_unit = [q for q in candidates if q.unit]
    percents = [q for q in candidates if q.unit == "%"]
    main = percents[0] if percents else (with_unit[0] if with_unit else (candidates[0] if candidates else None))
    if main is not None:
        result.target, result.unit = main.value, main.unit
        result.metric = _metric(text, main, language)
    result.universal = _universal(text, language)

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
    rest = _blank(plain, [(q.start, q.end) for q in result.quantities])
    for frequency, phrases in FREQUENCIES:
        if _find_phrase(rest, phrases):
            result.frequency = frequency
            break

    result.source = _source(text)
    result.owners = _owners(text)
    return result


def _year_or_label(text: str, match: re.Match) -> bool:
    """A bare number that names rather than counts: a year ("the 2026 backlog"), a version ("Windows 11")."""
    token = match.group(0)
    if re.fullmatch(r"(?:19|20)\d{2}", token):
        return True
    before = re.search(r"([\w-]+)\s+$", text[:match.start()])
    return bool(before and before.group(1)[0].isupper() and match.start() - len(before.group(0)) > 0
                and before.group(1).lower() not in _UNIT_STOP and not any(
                    before.group(1).lower() in phrase.split() for _, phrases in DIRECTIONS for phrase in phrases))


def _universal(text: str, language: str) -> str:
    """ "all laptops", "every invoice", "alle openstaande inkooporders": everything of a kind is a count too."""
    for match in _UNIVERSAL.finditer(text):
        noun = match.group("n").lower()
        if noun in _NOT_COUNTED or noun[0].isdigit() or noun in NUMBER_WORDS:
            continue
        if any(_find_phrase(match.group(0), phrases) for _, phrases in FREQUENCIES):
            continue
        counted = _unit_after(text, match.end("q"), Decimal(1), language)
        return f"{match.group('q')} {counted[0]}" if counted else match.group(0)
    return ""


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
    for pattern in (_SOURCE_INTRO, _SOURCE_PLACE, _SOURCE_SYSTEM):
        match = pattern.search(text)
        if match:
            found = _clean_source(next(v for k, v in match.groupdict().items() if v) or "")
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
