"""Interest step measurements: the analysis and the chart on a large map (100 interests a side, 200 links).

`synthetic_map` is also what the tests and the projector screenshot use for big maps.
"""
from __future__ import annotations

import random
import statistics

from negotiation.adapters.bench.common import Row, timed
from negotiation.adapters.charts.interests import interest_map_figure
from negotiation.adapters.demo import demo_case
from negotiation.adapters.report import render_html
from negotiation.data.interests import Interest, InterestKind, InterestLink, InterestMap, Position
from negotiation.data.parties import PartyRole
from negotiation.method.interests import LINK_KINDS, analyse, map_layout

_WORDS = ("reliable laptops", "the approved budget", "dates the board can plan on", "a normal margin",
          "approvals within agreed days", "fewer status reports", "a reference client", "paid invoices",
          "regional images that work", "a service desk that meets the SLA", "continuity of the rollout",
          "a fair price for change requests", "staff who understand the business", "releases that bring value")


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def synthetic_map(per_side: int, links: int, seed: int = 7) -> InterestMap:
    """A valid map with `per_side` interests a side under per_side // 3 positions each, and `links` distinct links."""
    rng = random.Random(seed)
    positions, interests = [], []
    for side in (PartyRole.CLIENT, PartyRole.VENDOR):
        letter = side.value[0]
        side_positions = [Position(id=f"p{letter}{n}", side=side, statement=f"Position {n} of the {side.value}")
                          for n in range(max(per_side // 3, 1))]
        positions += side_positions
        for n in range(per_side):
            interests.append(Interest(
                id=f"i{letter}{n}", side=side, priority=rng.randint(1, 5), kind=rng.choice(list(InterestKind)),
                statement=f"{n + 1}: {_capital(rng.choice(_WORDS))}, and {rng.choice(_WORDS)} for every region",
                position_id=rng.choice([None, *(p.id for p in side_positions)])))
    pairs: set[tuple[int, int]] = set()
    if links > per_side * per_side:
        raise ValueError("more links than pairs of interests")
    while len(pairs) < links:
        pairs.add((rng.randrange(per_side), rng.randrange(per_side)))
    made = [InterestLink(id=f"l{n}", first_id=f"ic{c}", second_id=f"iv{v}", kind=rng.choice(LINK_KINDS))
            for n, (c, v) in enumerate(sorted(pairs))]
    return InterestMap(positions=positions, interests=interests, links=made)


def measure(quick: bool) -> list[Row]:

    big = synthetic_map(100, 200)
    repeat = 5 if quick else 20
    validate = statistics.median(timed(lambda: InterestMap.model_validate(big.model_dump()), repeat))
    analysis = statistics.median(timed(lambda: analyse(big), repeat))
    layout = statistics.median(timed(lambda: map_layout(big), repeat))
    projector = synthetic_map(30, 45)
    chart = statistics.median(timed(lambda: interest_map_figure(projector, "Client", "Vendor"), 3 if quick else 7))

    case = demo_case()
    case.interests = big
    html = statistics.median(timed(lambda: render_html(case), 3 if quick else 7))
    return [
        Row("interests: validate a map of 100 interests a side and 200 links", validate, "s", "≤ 50 ms",
            validate <= 0.05),
        Row("interests: analyse 100 interests a side, 200 links (group, order, flags)", analysis, "s",
            "≤ 20 ms", analysis <= 0.02),
        Row("interests: map layout, 100 interests a side, 200 links", layout, "s", "≤ 20 ms", layout <= 0.02),
        Row("interests: build the plotly map, 30 interests a side, 45 links", chart, "s", "≤ 300 ms", chart <= 0.3),
        Row("interests: agreement HTML with a 100-a-side map in its interests section", html, "s", "≤ 500 ms",
            html <= 0.5),
    ]
