"""The largest case Yesable accepts, for the bench and the tests: every list at its limit at once.

`largest_case()` is the demo case grown until each list holds what `negotiation.data.limits` allows:
300 complaints, 100 positions and 100 interests a side, 500 links, 340 options (30 issues of 8 and
100 unplaced ideas) that each serve 12 interests and rest on 8 criteria, 200 SMART criteria that each
answer 20 complaints and 20 interests, and so on, with one finalised version on top (each version holds a
whole record, so the case's size limit stops there). The texts are the demo's own, each new item told
apart by the site or week it is about, so every text has a realistic length: what a mediator types,
not the 4,000 characters a field could hold. Ids are fixed, so the case and its PDF are the same each run.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import cycle, islice
from typing import Any

from negotiation.adapters.demo import demo_case
from negotiation.data import limits
from negotiation.data.case import Case
from negotiation.data.intake import (
    CLIENT_CATEGORIES,
    LITIGATION_COSTS,
    VENDOR_CATEGORIES,
    PathKind,
    WarningSignKind,
)
from negotiation.data.parties import PartyRole, Tier
from negotiation.method.agreement import finalise

SITES = ("Rotterdam", "Kraków", "Lisbon", "Dublin", "Milan", "Vienna", "Lyon", "Porto", "Gdańsk", "Aarhus",
         "Ghent", "Seville", "Tallinn", "Graz", "Bilbao", "Utrecht", "Brno", "Turku", "Cork", "Malmö")
_FIRST = ("Anna", "Pieter", "Sofia", "Lukas", "Elena", "Jonas", "Marta", "Tomás", "Ingrid", "Karim", "Nadia",
          "Oskar", "Priya", "Rui", "Sanne", "Dmitri", "Leila", "Mateo", "Freya", "Hugo")
_LAST = ("Visser", "Kowalski", "Ferreira", "Byrne", "Romano", "Huber", "Lefèvre", "Almeida", "Nowak", "Madsen",
         "Peeters", "Ortega", "Tamm", "Gruber", "Etxeberria", "Bakker", "Dvořák", "Virtanen", "Walsh", "Lindqvist")
_TITLES = {Tier.OPERATIONAL: ("Service delivery coordinator", "Regional deployment lead", "Service desk team lead"),
           Tier.MANAGEMENT: ("Head of end-user services", "Programme manager", "Contract manager"),
           Tier.EXECUTIVE: ("Director of IT operations", "Chief financial officer", "Managing director")}
_BRANCH_LABELS = ("the liability cap applies", "the cap does not apply", "settled before a hearing",
                  "a partial award", "the court appoints an expert", "the appeal succeeds", "the appeal fails",
                  "the other side becomes insolvent")


def _at(n: int) -> str:
    """Where or when the n-th copy of an item happened: "Kraków, week 14"."""
    return f"{SITES[n % len(SITES)]}, week {n % 52 + 1}"


def _grown(items: list[dict[str, Any]], total: int, vary: Any) -> list[dict[str, Any]]:
    """`items` followed by copies of them (in turn) until there are `total`; `vary(copy, n)` makes the n-th new."""
    grown = list(items)
    for n, item in enumerate(islice(cycle(items), max(total - len(items), 0))):
        copy = dict(item)
        vary(copy, n)
        grown.append(copy)
    return grown[:total]


def _text(field: str, prefix: str) -> Any:
    def vary(item: dict[str, Any], n: int) -> None:
        item["id"] = f"{prefix}{n}"
        item[field] = f"{_at(n)}: {item[field]}"
    return vary


def _people(document: dict[str, Any], side: str) -> None:
    party = document[side]
    tiers = [Tier.OPERATIONAL] * 6 + [Tier.MANAGEMENT] * 3 + [Tier.EXECUTIVE]
    domain = party["people"][0]["email"].split("@")[1]
    for n in range(limits.MAX_PEOPLE_PER_SIDE - len(party["people"])):
        tier = tiers[n % len(tiers)]
        first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST) + n) % len(_LAST)]
        party["people"].append({
            "id": f"{side[0]}-p{n}", "name": f"{first} {last}", "tier": tier.value, "signs": False,
            "title": f"{_TITLES[tier][n % 3]}, {SITES[n % len(SITES)]}",
            "email": f"{first.lower()}.{last.lower()}{n}@{domain}".encode("ascii", "ignore").decode()})


def _intake(document: dict[str, Any]) -> None:
    intake = document["intake"]

    def complaint(item: dict[str, Any], n: int) -> None:
        _text("statement", "cp-x")(item, n)
        categories = CLIENT_CATEGORIES if item["raised_by"] == PartyRole.CLIENT.value else VENDOR_CATEGORIES
        item.update(category=categories[n % len(categories)].value, severity=1 + n % 5,
                    evidence=f"Ticket INC{40000 + n:06d} of {_at(n)}")
    intake["complaints"] = _grown(intake["complaints"], limits.MAX_COMPLAINTS, complaint)
    seen = {sign["kind"] for sign in intake["warning_signs"]}
    intake["warning_signs"] += [{"kind": kind.value, "seen_on": "2026-03-02", "note": "Seen in the steering minutes"}
                                for kind in WarningSignKind if kind.value not in seen]
    for path in intake["paths"]:
        template = path["branches"][0]
        share = Decimal(100) / limits.MAX_BRANCHES
        path["branches"] = [{**template, "label": _BRANCH_LABELS[n], "chance": str(share),
                             "money_in": f"{250_000 * n}.00", "months": str(6 + 3 * n),
                             **({name: "100000.00" for name in LITIGATION_COSTS}
                                if path["kind"] == PathKind.LITIGATE.value else {})}
                            for n in range(limits.MAX_BRANCHES)]


def _interests(document: dict[str, Any]) -> None:
    interests = document["interests"]
    positions, made = interests["positions"], interests["interests"]
    for side in PartyRole:
        own = [p for p in positions if p["side"] == side.value]
        positions += _grown(own, limits.MAX_POSITIONS_PER_SIDE, _text("statement", f"p{side.value[0]}-x"))[len(own):]
        mine = [i for i in made if i["side"] == side.value]
        made += _grown(mine, limits.MAX_INTERESTS_PER_SIDE, _text("statement", f"i{side.value[0]}-x"))[len(mine):]
        notes = [p for p in interests["people"] if p["side"] == side.value]
        interests["people"] += _grown(notes, limits.MAX_PEOPLE_NOTES_PER_SIDE,
                                      _text("statement", f"pp{side.value[0]}-x"))[len(notes):]
    clients = [i["id"] for i in made if i["side"] == PartyRole.CLIENT.value]
    vendors = [i["id"] for i in made if i["side"] == PartyRole.VENDOR.value]
    taken = {frozenset((link["first_id"], link["second_id"])) for link in interests["links"]}
    kinds = cycle(("shared", "compatible", "conflicting"))
    links = interests["links"]
    template = links[0]
    # Each client interest linked to five vendor interests: spread over the map, never the same pair twice.
    for n in range(len(clients) * len(vendors)):
        if len(links) >= limits.MAX_LINKS:
            break
        pair = (clients[n % len(clients)], vendors[(n * 7 + n // len(clients)) % len(vendors)])
        if frozenset(pair) in taken:
            continue
        taken.add(frozenset(pair))
        links.append({**template, "id": f"lk-x{n}", "first_id": pair[0], "second_id": pair[1], "kind": next(kinds),
                      "note": f"{template['note']} ({_at(n)})"})
    interests["incidents"] = _grown(interests["incidents"], limits.MAX_TRUST_INCIDENTS, _text("what", "ti-x"))


def _options(document: dict[str, Any]) -> None:
    board = document["options"]
    interest_ids = [i["id"] for i in document["interests"]["interests"]]
    board["criteria"] = _grown(board["criteria"], limits.MAX_OBJECTIVE_CRITERIA, _text("name", "oc-x"))
    criterion_ids = [c["id"] for c in board["criteria"]]
    issues = _grown(board["issues"], limits.MAX_ISSUES, _text("title", "is-x"))
    templates = board["options"]
    options = []
    for k, issue in enumerate(issues):
        for j in range(limits.MAX_OPTIONS_PER_ISSUE):
            template = templates[(k * limits.MAX_OPTIONS_PER_ISSUE + j) % len(templates)]
            options.append({**template, "id": f"op-{k}-{j}", "issue_id": issue["id"],
                            "statement": f"{template['statement']} ({_at(k + j)})",
                            "client_score": (3 * k + j) % 11, "vendor_score": (5 * k + 7 * j) % 11})
    for n in range(limits.MAX_UNPLACED_OPTIONS):
        template = templates[n % len(templates)]
        options.append({**template, "id": f"op-idea-{n}", "issue_id": None,
                        "statement": f"{template['statement']} ({_at(n)})", "client_score": None,
                        "vendor_score": None})
    for n, option in enumerate(options):
        option["serves"] = [interest_ids[(n + 9 * m) % len(interest_ids)] for m in range(limits.MAX_SERVES_PER_OPTION)]
        option["criteria"] = [criterion_ids[(n + 7 * m) % len(criterion_ids)]
                              for m in range(limits.MAX_CRITERIA_PER_OPTION)]
    board["issues"], board["options"] = issues, options
    board["proposal"] = {issue["id"]: f"op-{k}-0" for k, issue in enumerate(issues)}
    each = 100 // len(issues)
    points = {issue["id"]: each for issue in issues}
    points[issues[0]["id"]] += 100 - each * len(issues)
    board["allocation"] = {"client": points, "vendor": dict(reversed(list(points.items())))}


def _system(document: dict[str, Any]) -> None:
    complaints = [c["id"] for c in document["intake"]["complaints"]]
    interests = [i["id"] for i in document["interests"]["interests"]]

    def criterion(item: dict[str, Any], n: int) -> None:
        _text("statement", "sc-x")(item, n)
    criteria = _grown(document["system"]["criteria"], limits.MAX_CRITERIA, criterion)
    for n, item in enumerate(criteria):
        item["complaint_ids"] = [complaints[(n + 11 * m) % len(complaints)]
                                 for m in range(limits.MAX_COMPLAINTS_PER_CRITERION)]
        item["interest_ids"] = [interests[(n + 13 * m) % len(interests)]
                                for m in range(limits.MAX_INTERESTS_PER_CRITERION)]
    document["system"]["criteria"] = criteria


def _margin(document: dict[str, Any]) -> None:
    margin = document["margin"]
    costs = margin["costs"]

    def effort(item: dict[str, Any], n: int) -> None:
        item.update(id=f"ef-x{n}", role=f"{item['role']}, {SITES[n % len(SITES)]}", days=str(10 + n % 90))
    costs["effort"] = _grown(costs["effort"], limits.MAX_EFFORT_LINES, effort)

    def cost_item(item: dict[str, Any], n: int) -> None:
        item.update(id=f"ci-x{n}", description=f"{_at(n)}: {item['description']}", amount=f"{1000 + 37 * n}.00")
    costs["items"] = _grown(costs["items"], limits.MAX_COST_ITEMS, cost_item)
    margin["standards"] = _grown(margin["standards"], limits.MAX_MARGIN_STANDARDS, _text("name", "std-x"))
    margin["scenarios"] = margin["scenarios"][:limits.MAX_SCENARIOS]


def _agreement(document: dict[str, Any]) -> None:
    agreement = document["agreement"]
    people = {side: document[side]["people"] for side in ("client", "vendor")}

    def commitment(item: dict[str, Any], n: int) -> None:
        item.update(id=f"cm-x{n}", what=f"{_at(n)}: {item['what']}")
    agreement["commitments"] = _grown(agreement["commitments"], limits.MAX_COMMITMENTS, commitment)
    for tier in agreement["ladder"]:
        level_tier = {"operational": "operational", "management": "management", "executive": "executive"}.get(
            tier["level"])
        if level_tier is None:
            continue
        for side in ("client", "vendor"):
            ids = [p["id"] for p in people[side] if p["tier"] == level_tier]
            tier[f"{side}_contact_ids"] = ids[:limits.MAX_CONTACTS_PER_LEVEL]


def _caucus(document: dict[str, Any]) -> None:
    for side in ("client", "vendor"):
        caucus = document["caucus"][side]
        caucus["notes"] = _grown(caucus["notes"], limits.MAX_CAUCUS_NOTES_PER_SIDE, _text("text", f"{side[0]}n-x"))

        def figure(item: dict[str, Any], n: int, side: str = side) -> None:
            item.update(id=f"{side[0]}f-x{n}", label=f"{_at(n)}: {item['label']}")
        caucus["figures"] = _grown(caucus["figures"], limits.MAX_CAUCUS_FIGURES_PER_SIDE, figure)


def largest_case(versions: int = 1) -> Case:
    """The demo case with every list at its limit (validated by the model), and `versions` finalised versions."""
    document = demo_case().model_dump(mode="json")
    document["id"] = "largest-case"
    document["title"] = f"{document['title']} (every list at its limit)"
    for side in ("client", "vendor"):
        _people(document, side)
    for grow in (_intake, _interests, _options, _system, _margin, _agreement, _caucus):
        grow(document)
    case = Case.model_validate(document)
    for number in range(versions):
        case = finalise(case, dt.datetime(2027, 1, 15, 16, 0, tzinfo=dt.timezone.utc) + dt.timedelta(days=number))
        if number + 1 < versions:
            case.summary = f"{case.summary} (amended {number + 1})"
    return Case.model_validate(case.model_dump())


def list_sizes(case: Case) -> dict[str, int]:
    """How many items each top list of `case` holds (for the bench's labels)."""
    return {
        "people": len(case.client.people) + len(case.vendor.people),
        "complaints": len(case.intake.complaints),
        "interests": len(case.interests.interests),
        "links": len(case.interests.links),
        "options": len(case.options.options),
        "SMART criteria": len(case.system.criteria),
        "commitments": len(case.agreement.commitments),
    }
