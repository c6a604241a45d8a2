"""Step 4, options for mutual gain and the objective criteria both sides accept.

Issues are on the table; options invented in the room sit under them (`Option.issue_id`), each
naming the interests it serves and the criteria it rests on, and scored 0–10 by both sides. A
package picks one option per issue; its value for a side is the average of that side's scores,
on the same 0–10 scale as each side's BATNA. The analysis (efficient packages, the max–min and
Nash suggestions, what would be better for both than the package on the table) is exact: see
negotiation/method/options/pareto.py. Both suggestions name only packages at or above both BATNAs;
an unset BATNA is not counted as 0, so until both are entered nothing is suggested. The fair split
of points is Adjusted Winner: negotiation/method/options/fairsplit.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from babel.numbers import format_decimal

from negotiation.data.case import Case
from negotiation.data.options import CriterionKind, Issue, ObjectiveCriterion, Option, OptionsBoard
from negotiation.kernel.i18n import babel_locale, fmt_number, t
from negotiation.method.options import pareto
from negotiation.method.options.fairsplit import FairSplit, adjusted_winner

# -- edits that touch several parts of the board at once ---------------------------------------
# The board is checked on every assignment, so these build the new board in one step.


def remove_option(board: OptionsBoard, option_id: str) -> OptionsBoard:
    """The board without the option, and without it on the table."""
    data = board.model_dump()
    data["options"] = [o for o in data["options"] if o["id"] != option_id]
    data["proposal"] = {k: v for k, v in data["proposal"].items() if v != option_id}
    return OptionsBoard.model_validate(data)


def remove_issue(board: OptionsBoard, issue_id: str) -> OptionsBoard:
    """The board without the issue and its options; refused while the issue carries fair-split points."""
    if board.allocation.client.get(issue_id) or board.allocation.vendor.get(issue_id):
        raise ValueError("options.error.issue_has_points")
    data = board.model_dump()
    data["issues"] = [i for i in data["issues"] if i["id"] != issue_id]
    data["options"] = [o for o in data["options"] if o["issue_id"] != issue_id]
    data["proposal"] = {k: v for k, v in data["proposal"].items() if k != issue_id}
    for side in ("client", "vendor"):
        data["allocation"][side] = {k: v for k, v in data["allocation"][side].items() if k != issue_id}
    return OptionsBoard.model_validate(data)


def remove_criterion(board: OptionsBoard, criterion_id: str) -> OptionsBoard:
    """The board without the criterion, and without the options' citations of it."""
    data = board.model_dump()
    data["criteria"] = [c for c in data["criteria"] if c["id"] != criterion_id]
    for option in data["options"]:
        option["criteria"] = [c for c in option["criteria"] if c != criterion_id]
    return OptionsBoard.model_validate(data)


# -- the analysis of packages ---------------------------------------------------------------


def _decimal(value: Fraction, places: int = 1) -> Decimal:
    exponent = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(exponent, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Package:
    """One option per valued issue, and what it is worth to each side on the 0–10 scale."""

    choices: tuple[tuple[Issue, Option], ...]
    client: Fraction
    vendor: Fraction

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for _, o in self.choices)


@dataclass(frozen=True)
class Change:
    issue: Issue
    before: Option | None
    after: Option


@dataclass(frozen=True)
class Improvement:
    package: Package
    changes: tuple[Change, ...]
    both_better: bool
    """True when both sides gain; False when one gains and the other stays where it was."""


@dataclass
class Analysis:
    issues: list[Issue]
    """The issues in the analysis: each has at least one option scored by both sides."""
    left_out: list[Issue]
    """Issues without any option scored by both sides yet."""
    frontier: list[Package] = field(default_factory=list)
    cloud: list[tuple[float, float]] | None = None
    """Every distinct value pair any package reaches, for drawing only (None when there are too many)."""
    batna_client: Fraction | None = None
    batna_vendor: Fraction | None = None
    acceptable: int | None = None
    """How many efficient packages are at or above both BATNAs; None until both BATNAs are entered."""
    nash: Package | None = None
    maxmin: Package | None = None
    """Both suggestions are None together: when a BATNA is not entered, or no package reaches both."""
    proposal: Package | None = None
    proposal_missing: list[Issue] = field(default_factory=list)
    """Valued issues the package on the table does not settle yet (or settles with an unscored option)."""
    proposal_efficient: bool | None = None
    improvements: list[Improvement] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return bool(self.issues)

    @property
    def unjudged(self) -> tuple[str, ...]:
        """The sides ("client", "vendor") whose BATNA is not entered yet."""
        return tuple(side for side, batna in (("client", self.batna_client), ("vendor", self.batna_vendor))
                     if batna is None)

    def gains(self, package: Package) -> tuple[Fraction, Fraction]:
        """What the package gives each side over its BATNA; only once both BATNAs are entered."""
        if self.batna_client is None or self.batna_vendor is None:
            raise ValueError("a gain over a BATNA that is not entered cannot be counted")
        return package.client - self.batna_client, package.vendor - self.batna_vendor


def analyse(board: OptionsBoard, *, cloud_cap: int = 6000, improvements: int = 3) -> Analysis:
    """Efficient packages, both suggestions and the verdict on the package on the table; exact."""
    issues, left_out, scored = [], [], []
    for issue in board.issues:
        options = [o for o in board.options_for(issue.id) if o.scored]
        (issues if options else left_out).append(issue)
        if options:
            scored.append(options)
    result = Analysis(issues=issues, left_out=left_out)
    result.batna_client = Fraction(board.batna_client) if board.batna_client is not None else None
    result.batna_vendor = Fraction(board.batna_vendor) if board.batna_vendor is not None else None
    if not issues:
        return result
    n = len(issues)
    values = [[(o.client_score, o.vendor_score) for o in options] for options in scored]

    def package(client: int, vendor: int, choice: tuple[int, ...]) -> Package:
        choices = tuple((issues[i], scored[i][j]) for i, j in enumerate(choice))
        return Package(choices, Fraction(client, n), Fraction(vendor, n))

    points = pareto.frontier(values)
    result.frontier = [package(p.client, p.vendor, p.choice) for p in points]
    cloud = pareto.achievable(values, cap=cloud_cap)
    result.cloud = None if cloud is None else sorted((c / n, v / n) for c, v in cloud)
    by_choice = {p.choice: f for p, f in zip(points, result.frontier)}
    if not result.unjudged:
        # The suggestions work in sums of scores: a BATNA b on the 0–10 scale is b·n in sums.
        bc, bv = result.batna_client * n, result.batna_vendor * n
        result.acceptable = len(pareto.acceptable(points, bc, bv))
        best = pareto.nash(points, bc, bv)
        result.nash = by_choice[best.choice] if best else None
        best = pareto.maxmin(points, bc, bv)
        result.maxmin = by_choice[best.choice] if best else None

    # The package on the table.
    chosen, missing = [], []
    for i, issue in enumerate(issues):
        option = board.option(board.proposal.get(issue.id, ""))
        if option is None or not option.scored:
            missing.append(issue)
        else:
            chosen.append(scored[i].index(option))
    result.proposal_missing = missing
    if not missing:
        choice = tuple(chosen)
        pc = sum(values[i][j][0] for i, j in enumerate(choice))
        pv = sum(values[i][j][1] for i, j in enumerate(choice))
        result.proposal = package(pc, pv, choice)
        better = pareto.better_for_both(points, pc, pv)
        result.proposal_efficient = not better
        for p in better[:improvements]:
            changes = tuple(
                Change(issues[i], scored[i][choice[i]], scored[i][j])
                for i, j in enumerate(p.choice) if j != choice[i]
            )
            result.improvements.append(Improvement(
                by_choice[p.choice], changes, p.client > pc and p.vendor > pv))
    return result


# -- the fair split ------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueShare:
    issue: Issue
    client_points: int
    vendor_points: int
    vendor_share: Fraction

    @property
    def client_share(self) -> Fraction:
        return 1 - self.vendor_share


@dataclass(frozen=True)
class FairSplitView:
    shares: tuple[IssueShare, ...]
    points_each: Fraction
    split: IssueShare | None


def fair_split(board: OptionsBoard) -> FairSplitView | None:
    """Adjusted Winner over the board's issues, or None until both sides have spread their 100 points."""
    allocation = board.allocation
    if not allocation.complete or not board.issues:
        return None
    issues = board.issues
    client = [allocation.client.get(i.id, 0) for i in issues]
    vendor = [allocation.vendor.get(i.id, 0) for i in issues]
    result: FairSplit = adjusted_winner(client, vendor)
    shares = tuple(IssueShare(issue, client[k], vendor[k], result.share_b[k]) for k, issue in enumerate(issues))
    return FairSplitView(shares, result.points_a, shares[result.split] if result.split is not None else None)


def suggestions_verdict(analysis: Analysis) -> str:
    """The one sentence above both suggestions: the rule they follow, or why there is none."""
    if analysis.unjudged:
        which = "both" if len(analysis.unjudged) == 2 else analysis.unjudged[0]
        return t(f"options.suggest.unjudged.{which}")
    if analysis.maxmin is None:
        return t("options.suggest.none")
    return t("options.suggest.rule", count=analysis.acceptable, total=len(analysis.frontier))


def fmt_batna(value: Fraction | Decimal | None) -> str:
    """A BATNA on the 0–10 scale, or words saying it is not entered (an unset BATNA is not 0)."""
    return t("options.batna_not_entered") if value is None else fmt_value(value)


def fmt_value(value: Fraction | Decimal | None) -> str:
    """A package value or gain on the 0–10 scale, always with one decimal ("7.0", "6.6"), by locale."""
    if value is None:
        return t("options.no_value")
    if isinstance(value, Fraction):
        value = _decimal(value)
    return format_decimal(value, format="#,##0.0", locale=babel_locale())


def fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)


# -- objective criteria: the starter set -----------------------------------------------------


def starter_criteria() -> list[ObjectiveCriterion]:
    """Standards often cited in IT service disputes, each with a source anyone can check.

    The mediator edits them to the case; figures that change (rates, margins) carry the date
    they were taken, and should be refreshed from the source before they are relied on.
    """
    K = CriterionKind
    return [
        ObjectiveCriterion(
            id="std-itil4-priority", kind=K.SLA_NORM,
            name="ITIL 4 incident priority: set by impact and urgency",
            standard=("Incidents are prioritised by their impact on the business and their urgency; "
                      "target resolution times follow from the priority agreed in the SLA."),
            source="AXELOS, ITIL Foundation: ITIL 4 Edition (TSO), ISBN 978-0-11-331607-6",
            dated=dt.date(2019, 2, 18), url="https://www.axelos.com/certifications/itil-service-management"),
        ObjectiveCriterion(
            id="std-iso20000", kind=K.SLA_NORM,
            name="ISO/IEC 20000-1:2018 service management system requirements",
            standard=("Service levels are agreed, documented, monitored and reported against targets, "
                      "with a defined process for service level management."),
            source="ISO/IEC 20000-1:2018, International Organization for Standardization (published September 2018)",
            dated=dt.date(2018, 9, 1), url="https://www.iso.org/standard/70636.html"),
        ObjectiveCriterion(
            id="std-late-payment", kind=K.LAW,
            name="EU Late Payment Directive: 60 days between businesses",
            standard=("Payment periods between businesses should not exceed 60 calendar days unless "
                      "expressly agreed and not grossly unfair; late payment carries statutory interest "
                      "of the ECB reference rate plus at least 8 percentage points."),
            source="Directive 2011/7/EU of the European Parliament and of the Council, OJ L 48, 23.2.2011",
            dated=dt.date(2011, 2, 16), url="https://eur-lex.europa.eu/eli/dir/2011/7/oj"),
        ObjectiveCriterion(
            id="std-ecb-mro", kind=K.MARKET_RATE,
            name="ECB main refinancing operations rate (reference rate for late-payment interest)",
            standard="2.15 % from 11 June 2025; check the ECB page for the rate in force.",
            source="European Central Bank, key ECB interest rates",
            dated=dt.date(2025, 6, 11),
            url="https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html"),
        ObjectiveCriterion(
            id="std-eurostat-labour", kind=K.MARKET_RATE,
            name="Hourly labour cost in the information and communication sector, by country",
            standard=("Eurostat's annual labour cost levels by NACE Rev. 2 activity (section J), figures for "
                      "the year 2024; a base for judging a day rate for extra work."),
            source="Eurostat, dataset lc_lci_lev (Labour cost levels by NACE Rev. 2 activity), reference year 2024",
            dated=dt.date(2024, 12, 31), url="https://ec.europa.eu/eurostat/databrowser/view/lc_lci_lev/default/table"),
        ObjectiveCriterion(
            id="std-damodaran-margin", kind=K.PROFIT_BASELINE,
            name="Operating margin of computer services firms",
            standard=("Aswath Damodaran's yearly table of operating and net margins by industry; "
                      "the 'Computer Services' row is a published baseline for a normal margin."),
            source="A. Damodaran, NYU Stern School of Business, 'Operating and Net Margins by Industry' (January 2025 update)",
            dated=dt.date(2025, 1, 1),
            url="https://pages.stern.nyu.edu/~adamodar/New_Home_Page/datafile/margin.html"),
        ObjectiveCriterion(
            id="std-win10-eos", kind=K.BENCHMARK,
            name="Windows 10 end of support: 14 October 2025",
            standard=("Microsoft ended support for Windows 10 Home and Pro on 14 October 2025; laptops "
                      "that cannot run Windows 11 need replacing or paid extended security updates."),
            source="Microsoft Lifecycle Policy, 'Windows 10 Home and Pro'",
            dated=dt.date(2025, 10, 14),
            url="https://learn.microsoft.com/en-us/lifecycle/products/windows-10-home-and-pro"),
        ObjectiveCriterion(
            id="std-haviltex", kind=K.PRECEDENT,
            name="Haviltex: a contract means what the parties could reasonably expect of each other",
            standard=("Under Dutch law a contract is read by the meaning the parties could reasonably give "
                      "its terms in the circumstances and what they could reasonably expect of each other, "
                      "not by the words alone; relevant to promises made in the sales phase."),
            source="Hoge Raad (Supreme Court of the Netherlands), 13 March 1981, ECLI:NL:HR:1981:AG4158 (Haviltex)",
            dated=dt.date(1981, 3, 13), url="https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:HR:1981:AG4158"),
    ]


def unknown_interests(board: OptionsBoard, interest_ids: set[str]) -> list[tuple[Option, str]]:
    """Options that name an interest the case does not hold (for a warning on the page)."""
    return [(o, i) for o in board.options for i in o.serves if i not in interest_ids]


# -- the PDF section -----------------------------------------------------------------------


def report_view(case: "Case") -> dict[str, Any]:
    """What the options section of the agreement shows; drawn from the same analysis as the screen."""

    board = case.options
    analysis = analyse(board)
    interests = {i.id: i for i in case.interests.interests}
    rows = []
    criteria_ids: list[str] = []
    for issue in board.issues:
        option = board.option(board.proposal.get(issue.id, ""))
        if option is None:
            rows.append(dict(issue=issue, option=None, serves=[], criteria=[]))
            continue
        serves = [interests[i] for i in option.serves if i in interests]
        cited = [c for c in (board.criterion(cid) for cid in option.criteria) if c is not None]
        criteria_ids += [c.id for c in cited if c.id not in criteria_ids]
        rows.append(dict(issue=issue, option=option, serves=serves, criteria=cited))
    split = fair_split(board)
    return dict(
        has_content=bool(board.issues or board.criteria),
        package_rows=rows,
        agreed=board.proposal_agreed,
        analysis=analysis,
        package_criteria=[board.criterion(cid) for cid in criteria_ids],
        other_criteria=[c for c in board.criteria if c.id not in criteria_ids],
        split=split,
        split_sentences=split_sentences(split) if split else [],
        suggestions_verdict=suggestions_verdict(analysis) if analysis.ready else "",
        fraction=fraction_text,
        value=fmt_value,
        batna=fmt_batna,
    )


def split_sentences(split: FairSplitView) -> list[str]:
    """The fair split in words: who takes which issue, and the one that is shared."""

    sentences = []
    for share in split.shares:
        title = share.issue.title
        if share is split.split or (0 < share.vendor_share < 1):
            sentences.append(t("options.split.shared", issue=title,
                               vendor_share=fraction_text(share.vendor_share),
                               client_share=fraction_text(share.client_share)))
        elif share.vendor_share == 1:
            sentences.append(t("options.split.vendor_takes", issue=title))
        else:
            sentences.append(t("options.split.client_takes", issue=title))
    sentences.append(t("options.split.each", points=fraction_text(split.points_each),
                       approx=fmt_number(_decimal(split.points_each, 2), 2)))
    return sentences
