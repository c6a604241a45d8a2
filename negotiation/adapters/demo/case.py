"""The demo's parties, people, mediator and contract."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from negotiation.data.case import Case
from negotiation.data.parties import Contract, ContractKind, Mediator, Party, PartyRole, Person, Tier


def build(case_id: str, opened: dt.date) -> Case:
    client = Party(
        role=PartyRole.CLIENT,
        name="Nordhaven Group N.V.",
        place="Rotterdam, the Netherlands",
        people=[
            Person(id="c-exec", name="Marieke de Groot", title="Chief Information Officer",
                   email="m.degroot@nordhaven.example", tier=Tier.EXECUTIVE, signs=True),
            Person(id="c-mgmt", name="Thomas Berger", title="Head of Workplace Services",
                   email="t.berger@nordhaven.example", tier=Tier.MANAGEMENT),
            Person(id="c-vm", name="Elena Rossi", title="Vendor Manager, Procurement",
                   email="e.rossi@nordhaven.example", tier=Tier.MANAGEMENT),
            Person(id="c-ops", name="Ana Lopes", title="Service Delivery Manager",
                   email="a.lopes@nordhaven.example", tier=Tier.OPERATIONAL),
        ],
    )
    vendor = Party(
        role=PartyRole.VENDOR,
        name="Meridian Global IT Services Ltd.",
        place="London, United Kingdom",
        people=[
            Person(id="v-exec", name="Rajiv Menon", title="Managing Director, Europe",
                   email="rajiv.menon@meridian.example", tier=Tier.EXECUTIVE, signs=True),
            Person(id="v-mgmt", name="Claire Dubois", title="Delivery Director, Workplace Services",
                   email="claire.dubois@meridian.example", tier=Tier.MANAGEMENT),
            Person(id="v-sales", name="Mark Ellison", title="Client Partner (Sales)",
                   email="mark.ellison@meridian.example", tier=Tier.MANAGEMENT),
            Person(id="v-ops", name="Sanjay Iyer", title="Transition and Refresh Lead",
                   email="sanjay.iyer@meridian.example", tier=Tier.OPERATIONAL),
        ],
    )
    return Case(
        id=case_id,
        title="Nordhaven / Meridian: end-user computing and the laptop refresh",
        opened=opened,
        client=client,
        vendor=vendor,
        mediator=Mediator(name="Dr. Ingrid Vos", organisation="Vos Mediation & IT Governance",
                          email="ingrid@vosmediation.example"),
        contract=Contract(
            kind=ContractKind.MANAGED_SERVICES,
            reference="NH-MGS-2025-014",
            subject=("Managed end-user computing for 14,200 staff in 23 countries: service desk, "
                     "field services, device lifecycle, and a refresh of 9,800 ageing laptops"),
            value=Decimal("48600000.00"),
            currency="EUR",
            start=dt.date(2025, 1, 6),
            end=dt.date(2029, 12, 31),
            paid_so_far=Decimal("17350000.00"),
        ),
        summary=(
            "In the sales phase Meridian committed to refresh Nordhaven's ageing laptops within six "
            "months of the start. Eighteen months later about 62 % are refreshed. Nordhaven has imposed "
            "a contract-milestone monitoring tool, withheld part of two invoices and mentioned exit. "
            "Meridian says end-of-life lists, regional images and factory connectivity for the OEM "
            "were outside its control. Both boards want to know whether the relationship can be rescued."
        ),
    )
